"""The PDF edition: the single-file page (scripts/single_page.py) printed by Chromium.

WeChat opens PDF files in its own viewer, where a downloaded HTML page fails. A5 pages
(see _print_here) read on a phone as well as on paper. The
single page's print stylesheet makes the paper version: no search, each guide page
on a new sheet, the checklist as empty boxes to tick by hand, glossary terms as
plain text, the glossary last (it is last in the nav). Chromium's
``page.pdf(outline=True, tagged=True)`` turns the headings into bookmarks and keeps
in-file links as PDF links; it embeds subsets of the fonts it used. pypdf then
repairs the text layer where Chromium wrote radicals for ideographs (fix_text_layer).

Without a CJK font Chromium prints empty boxes, and without Chromium nothing; both
are checked first, and the PDF's text is checked for the guide's title before the
file is kept, so a broken PDF is never written.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import unicodedata
from pathlib import Path

from . import messages
from .local_site import launch_chromium  # how this project starts Chromium (no calls to Google's hosts)
from .messages import Message

APT_INSTALL = messages.APT_INSTALL
# Page numbers only; the template has to set its own font size (Chromium's default is 0).
FOOTER = (
    '<div style="width:100%;font-size:8px;text-align:center;color:#555">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


class MissingTool(RuntimeError):
    """Something the PDF needs is not installed: its Problem says what and how to install it."""

    def __init__(self, entry: Message, path: str = "", /, **values):
        self.problem = entry.at(path, 0, **values)  # the build names the config file when no file is at fault
        super().__init__(self.problem.format() if path else self.problem.text)


# -----------------------------------------------------------------------------
# Entry point
# -----------------------------------------------------------------------------


def build_pdf(single_page: Path, out_file: Path) -> Path:
    """Print single_page (an .html file) to out_file as a tagged PDF with bookmarks."""
    single_page, out_file = Path(single_page).resolve(), Path(out_file)
    chromium = find_chromium()
    check_cjk_fonts()
    title = _title(single_page)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    partial = out_file.with_name(out_file.name + ".partial")
    try:
        _print(single_page, partial, chromium)
        fix_text_layer(partial)
        # The title is on the first page: its text shows the Chinese font drew characters, not boxes.
        # (Reading every page's text took longer than printing them.)
        if title not in pdf_text(partial, pages=1):
            raise MissingTool(messages.PDF_WITHOUT_TITLE, str(out_file), title=title)
        partial.replace(out_file)
    finally:
        partial.unlink(missing_ok=True)
    return out_file


# -----------------------------------------------------------------------------
# What the PDF needs
# -----------------------------------------------------------------------------


def find_chromium() -> str:
    """Chromium's path ($CHROMIUM, else `chromium` on PATH), or MissingTool saying how to install it."""
    named = os.environ.get("CHROMIUM")
    if named:
        if Path(named).is_file() and os.access(named, os.X_OK):
            return named
        raise MissingTool(messages.CHROMIUM_NOT_EXECUTABLE, named=named)
    found = shutil.which("chromium")
    if not found:
        raise MissingTool(messages.NO_CHROMIUM)
    return found


def check_cjk_fonts() -> None:
    """MissingTool unless fontconfig lists a Chinese font (else the PDF would be empty boxes)."""
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    except FileNotFoundError:
        listed = ""
    if not listed.strip():
        raise MissingTool(messages.NO_CJK_FONT)


def pdf_text(pdf: Path, pages: int | None = None) -> str:
    """The text of a PDF (of its first `pages` pages, or all), as a reader's search would see it."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages[:pages])


# A ToUnicode entry whose text is a Kangxi radical or CJK radical (U+2E80–U+2FDF).
RADICAL = re.compile(rb"<([0-9A-Fa-f]+)>(\s*)<(2[EeFf][0-9A-Fa-f]{2})>")
# CJK Radicals Supplement that look the same as an ideograph and have no NFKC mapping
# (Unicode's EquivalentUnifiedIdeograph.txt); NFKC covers the Kangxi radicals.
SUPPLEMENT = dict(
    zip(
        "⺝⺠⺩⻄⻅⻆⻉⻋⻑⻓⻔⻗⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻱",
        "月民王西见角贝车長长门雨青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙龜",
    )
)


def fix_text_layer(pdf: Path) -> int:
    """Give radicals back their ideographs in the PDF's text layer; return how many.

    Noto CJK draws 支 and the Kangxi radical ⽀ (U+2F40) with one glyph, and Chromium
    writes the lower code point into the text layer, so a reader searching 支付寶 in a
    PDF viewer finds nothing. SUPPLEMENT and NFKC map each radical to its ideograph.
    """
    from pypdf import PdfWriter

    def ideograph(match: re.Match) -> bytes:
        radical = chr(int(match.group(3), 16))
        plain = SUPPLEMENT.get(radical) or unicodedata.normalize("NFKC", radical)
        if plain == radical or len(plain) != 1:
            return match.group(0)
        return b"<%s>%s<%04X>" % (match.group(1), match.group(2), ord(plain))

    writer = PdfWriter(clone_from=pdf)
    done: set[int] = set()
    fixed = 0
    for page in writer.pages:
        fonts = page["/Resources"].get_object().get("/Font")
        for ref in fonts.get_object().values() if fonts else []:
            to_unicode = ref.get_object().get("/ToUnicode")
            if to_unicode is None or id(to_unicode.get_object()) in done:
                continue
            stream = to_unicode.get_object()
            done.add(id(stream))
            data, count = RADICAL.subn(ideograph, stream.get_data())
            if count:
                stream.set_data(data)
                fixed += count
    if fixed:
        writer.write(pdf)
    return fixed


# -----------------------------------------------------------------------------
# Printing
# -----------------------------------------------------------------------------


def _print(single_page: Path, out_file: Path, chromium: str) -> None:
    """Print in a child process of its own process group.

    Playwright's sync API cannot start where one already runs (the browser tests),
    and if the build is interrupted the whole group (Python, Playwright's driver,
    Chromium) is killed at once: no browser outlives the build.
    """
    child = subprocess.Popen(
        [sys.executable, "-m", "overdue_guide.pdf", "--print-only", str(single_page), str(out_file), chromium],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        _, errors = child.communicate()
    except BaseException:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        raise
    if child.returncode != 0:
        detail = errors.strip().splitlines()[-1] if errors.strip() else child.returncode
        raise MissingTool(messages.PDF_NOT_PRINTED, detail=detail)


def _print_here(single_page: Path, out_file: Path, chromium: str) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise MissingTool(messages.NO_PLAYWRIGHT) from error
    with sync_playwright() as p:
        browser = launch_chromium(p, chromium)
        try:
            # No JavaScript: the paper copy is the page as written (no ticks from a
            # previous visit, no search box), and nothing can run a request.
            context = browser.new_context(java_script_enabled=False)
            page = context.new_page()
            page.goto(single_page.as_uri(), wait_until="load")
            page.emulate_media(media="print")
            # A5: a paper size every printer takes (two pages to an A4 sheet, or a booklet),
            # and a narrow page that a phone's PDF viewer, fitting it to the screen's width,
            # shows 1.4× larger than A4: 11 pt body text, about 30 characters a line.
            page.pdf(
                path=str(out_file),
                format="A5",
                print_background=True,
                outline=True,
                tagged=True,
                margin={"top": "12mm", "bottom": "14mm", "left": "11mm", "right": "11mm"},
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
            )
        finally:
            browser.close()


def _title(single_page: Path) -> str:
    match = re.search(r"<title>(.*?)</title>", single_page.read_text(encoding="utf-8"), re.S)
    if not match:
        raise ValueError(f"{single_page}: no <title> (not made by single_page.py?)")
    return match.group(1).strip()


# -----------------------------------------------------------------------------
# Command line
# -----------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    if argv[:1] == ["--print-only"]:  # the child process _print starts
        _print_here(Path(argv[1]), Path(argv[2]), argv[3])
        return 0
    parser = argparse.ArgumentParser(description="把單頁網頁版打印成 PDF")
    parser.add_argument("single_page", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    try:
        out = build_pdf(args.single_page, args.out)
    except MissingTool as error:
        print(f"overdue_guide.pdf: {error}", file=sys.stderr)
        return 1
    print(f"{out.stat().st_size:,} bytes", file=sys.stderr)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
