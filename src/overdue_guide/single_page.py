"""The single-file edition: one .html per edition that needs no other file.

Phones open a downloaded page through content:// (Android) or with JavaScript off
(iOS Files), where a multi-file site cannot load its pages, styles or scripts. So
this module takes an already-built site of ONE edition (what `mkdocs build` writes,
online or with the offline plugin) and joins every page's article, in nav order,
into one file: each page becomes a <section id="PAGE">, each id inside it becomes
"PAGE--ID", and every link between pages becomes a link inside the file. It adds
a table of contents, a small search over the file's own text, and inlines the
site's own widget scripts and stylesheets (whatever files the built pages link
under assets/, read by path at build time) after a compact stylesheet that
replaces Material's. A Content-Security-Policy allows no request at all, and no
script but those, by their hashes.

Hand-written glue, not a library: the HTML is parsed and edited with
BeautifulSoup; what is left is this site's own rules (ids, links, order).
"""

from __future__ import annotations

import argparse
import base64
import mimetypes
import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from . import (
    safe_html,  # the one place the policies are written
    settings,  # the schema of extra
    stylesheets,  # the site's part of site.css
)

ASSETS = Path(__file__).resolve().parent / "offline_assets"
STYLESHEET = ASSETS / "single-page.css"
SEARCH_SCRIPT = ASSETS / "single-page-search.js"
MATERIALS = ("main.", "palette.", "bundle.")  # Material's stylesheets and script, which the single page leaves out
DOCUMENT_OBSERVABLE = ASSETS / "document-observable.js"

# Any page URL is resolved against this made-up origin, so links can be compared as paths.
ORIGIN = "http://site.invalid/"
# Ids the file itself uses; a page's section id is its URL path, which has no "single-page-".
TOC_ID = "single-page-toc"
SEARCH_ID = "single-page-search"
# No request of any kind: not even a favicon; inline styles, data: images, and only the inline
# scripts this module writes, by their SHA-256 (hooks/safe_html.py adds them to script-src).
POLICY = {
    "default-src": "'none'",
    "style-src": "'unsafe-inline'",
    "script-src": "'none'",
    "img-src": "data:",
    "object-src": "'none'",
    "form-action": "'none'",
    "base-uri": "'none'",
}

# The file's own words come from mkdocs.yml (extra.outputs, format html: strings; every one of them
# checked by settings.py), converted like the rest of its edition: note, toc, search_label,
# search_placeholder, search_button, found ({count}), none, top.
STRINGS = settings.SINGLE_PAGE_STRINGS


@dataclass(frozen=True)
class Page:
    """One page of the built site: its section id, title and article element."""

    id: str
    url: str  # directory form, relative to the site root: "", "overview/"
    file: str  # the built file it came from: "overview/index.html" or "overview.html"
    title: str
    article: Tag


# -----------------------------------------------------------------------------
# Entry point
# -----------------------------------------------------------------------------


def build_single_page(
    edition_site: Path, out_file: Path, *, lang: str, strings: dict[str, str], nav: list[str] | None = None
) -> Path:
    """Write edition_site's pages into out_file as one self-contained HTML file.

    nav: page URLs relative to the site root in reading order ("", "overview/",
    or "overview/index.html"); by default the order of the built index.html's nav.
    """
    edition_site = Path(edition_site)
    index = _soup(edition_site / "index.html")
    order = [_page_url(url) for url in (nav if nav is not None else nav_order(index))]
    pages = [_load_page(edition_site, url) for url in order]
    known = {page.url: page.id for page in pages}
    for page in pages:
        _localize(page, known, edition_site)
    html = render(
        pages,
        index=index,
        lang=lang,
        strings=strings,
        stylesheets=_site_assets(index, edition_site, "css"),
        scripts=_site_assets(index, edition_site, "js"),
    )
    out_file = Path(out_file)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(html, encoding="utf-8")
    return out_file


# -----------------------------------------------------------------------------
# Reading the built site
# -----------------------------------------------------------------------------


def nav_order(index: BeautifulSoup) -> list[str]:
    """Page URLs in the order of the primary navigation (pages only, not headings)."""
    nav = index.select_one("nav.md-nav--primary")
    if nav is None:
        raise ValueError("index.html has no primary navigation (not a Material site?)")
    urls: list[str] = []
    for link in nav.select("a.md-nav__link[href]"):
        href = link["href"]
        if href.startswith("#") or urlsplit(href).scheme:
            continue  # the current page's table of contents, or an external link
        url = _page_url(href)
        if url not in urls:
            urls.append(url)
    return urls


def _page_url(href: str) -> str:
    """'overview/index.html', './overview/', 'overview.html', '.' → 'overview/' ('' for the home page).

    Both URL styles: the online build's folders and the offline build's .html files.
    """
    path = urlsplit(urljoin(ORIGIN, href)).path.lstrip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return path


def _page_file(site: Path, url: str) -> Path:
    url = unquote(url)  # a page named in Chinese is linked as %E9%82%84…
    folder = site / url / "index.html"
    return folder if folder.exists() else site / (url.rstrip("/") + ".html")


def _page_id(url: str) -> str:
    return url.strip("/").replace("/", "-") or "index"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _load_page(site: Path, url: str) -> Page:
    path = _page_file(site, url)
    soup = _soup(path)
    article = soup.select_one("article.md-content__inner")
    if article is None:
        raise ValueError(f"{url or 'index'}: no article in the built page")
    # Not part of the text: edit buttons, permalinks, revision dates.
    for chrome in article.select("a.md-content__button, a.headerlink, aside.md-source-file"):
        chrome.decompose()
    h1 = article.find("h1")
    title = h1.get_text(" ", strip=True) if h1 else (soup.title.get_text(strip=True) if soup.title else url)
    return Page(id=_page_id(url), url=url, file=path.relative_to(site).as_posix(), title=title, article=article)


def _site_assets(index: BeautifulSoup, site: Path, kind: str) -> list[tuple[str, str]]:
    """The site's own stylesheets or scripts (extra_css / extra_javascript), not Material's,
    as (text, type): a script keeps its type attribute ("module" or "")."""
    texts = []
    if kind == "css":
        refs = [(tag["href"], "") for tag in index.select('link[rel~="stylesheet"][href]')]
    else:
        refs = [(tag["src"], tag.get("type", "")) for tag in index.select("script[src]")]
    for ref, kind_of in refs:
        if urlsplit(ref).scheme or urlsplit(ref).netloc:
            continue
        path = urlsplit(ref).path
        name = posixpath.basename(path)
        # Material's own files, and search.js, which only starts Material's search (the file has its own).
        if not path.startswith("assets/") or "/vendor/" in path or name.startswith(MATERIALS) or name == "search.js":
            continue
        text = (site / path).read_text(encoding="utf-8")
        texts.append((stylesheets.site_part(text) if kind == "css" else text, kind_of))  # not Material's part
    return texts


# -----------------------------------------------------------------------------
# One file: ids and links
# -----------------------------------------------------------------------------

ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns")


def _localize(page: Page, known: dict[str, str], site: Path) -> None:
    """Prefix the page's ids and turn its links into links inside the file."""
    for tag in page.article.find_all(id=True):
        tag["id"] = f"{page.id}--{tag['id']}"
    for attr in ID_REFERENCES:
        for tag in page.article.find_all(attrs={attr: True}):
            value = tag[attr]
            ids = value if isinstance(value, list) else value.split()
            tag[attr] = " ".join(f"{page.id}--{i}" for i in ids)
    base = urljoin(ORIGIN, page.file)
    for link in page.article.find_all("a", href=True):
        link["href"] = _local_href(link["href"], base, known)
    for image in page.article.find_all("img", src=True):
        image["src"] = _data_uri(image["src"], base, site)


def _local_href(href: str, base: str, known: dict[str, str]) -> str:
    target = urlsplit(urljoin(base, href))
    if f"{target.scheme}://{target.netloc}/" != ORIGIN:
        return href  # another site: stays an ordinary link
    url = _page_url(target.path)
    if url not in known:
        return href  # not a page of the guide (nothing in the articles today)
    return f"#{known[url]}--{target.fragment}" if target.fragment else f"#{known[url]}"


def _data_uri(src: str, base: str, site: Path) -> str:
    target = urlsplit(urljoin(base, src))
    if f"{target.scheme}://{target.netloc}/" != ORIGIN:
        return src  # blocked by the CSP anyway; no page has one
    path = site / unquote(target.path).lstrip("/")  # my%20file.png is my file.png
    if not path.is_file():  # page_checks reports a missing image first, at its line
        raise FileNotFoundError(f"{src}: not in the site")
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


# -----------------------------------------------------------------------------
# Writing the file
# -----------------------------------------------------------------------------


def render(
    pages: list[Page],
    *,
    index: BeautifulSoup,
    lang: str,
    strings: dict[str, str],
    stylesheets: list[tuple[str, str]],
    scripts: list[tuple[str, str]],
) -> str:
    soup = BeautifulSoup("", "html.parser")
    site_name = _site_name(index)
    description = index.find("meta", attrs={"name": "description"})

    def tag(name: str, text: str | None = None, **attrs) -> Tag:
        element = soup.new_tag(name, attrs={k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
        if text is not None:
            element.string = text
        return element

    head_parts = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
    ]
    html_head = "\n".join(head_parts)

    header = tag("header", class_="single-page__header")
    header.append(tag("p", site_name, class_="single-page__title"))
    if description and description.get("content"):
        header.append(tag("p", description["content"], class_="single-page__note"))
    header.append(tag("p", strings["note"], class_="single-page__note"))

    search = tag(
        "form",
        class_="single-page__search",
        id=SEARCH_ID,
        role="search",
        hidden="",
        data_single_page_search="",
        data_found=strings["found"],
        data_none=strings["none"],
    )
    label = tag("label", strings["search_label"], for_=f"{SEARCH_ID}-input")
    search.append(label)
    search.append(
        tag(
            "input",
            type="search",
            id=f"{SEARCH_ID}-input",
            placeholder=strings["search_placeholder"],
            autocomplete="off",
        )
    )
    search.append(tag("p", class_="single-page__status", role="status", aria_live="polite"))
    search.append(tag("ol", class_="single-page__results"))

    toc = tag("nav", class_="single-page__toc", id=TOC_ID, aria_labelledby=f"{TOC_ID}-title")
    toc.append(tag("h2", strings["toc"], id=f"{TOC_ID}-title"))
    toc_list = tag("ol")
    for page in pages:
        item = tag("li")
        item.append(tag("a", page.title, href=f"#{page.id}"))
        headings = [h for h in page.article.find_all("h2") if h.get("id")]
        if headings:
            sub = tag("ol")
            for heading in headings:
                entry = tag("li")
                entry.append(tag("a", heading.get_text(" ", strip=True), href=f"#{heading['id']}"))
                sub.append(entry)
            item.append(sub)
        toc_list.append(item)
    toc.append(toc_list)

    main = tag("main", class_="md-typeset")
    for page in pages:
        section = tag("section", class_="single-page__page", id=page.id, data_page_title=page.title)
        for child in list(page.article.children):
            section.append(child.extract())
        back = tag("p", class_="single-page__top")
        back.append(tag("a", strings["top"], href=f"#{TOC_ID}"))
        section.append(back)
        main.append(section)

    body = "\n".join(str(part) for part in (header, search, toc, main))
    styles = "\n".join([STYLESHEET.read_text(encoding="utf-8"), *(css for css, _ in stylesheets)])
    code = [
        (DOCUMENT_OBSERVABLE.read_text(encoding="utf-8"), ""),
        *scripts,
        (SEARCH_SCRIPT.read_text(encoding="utf-8"), ""),
    ]
    inline_scripts = "\n".join(_script_tag(js, kind) for js, kind in code)
    html = (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n{html_head}\n'
        f"<title>{_escape(site_name)}</title>\n<style>\n{_safe_style(styles)}\n</style>\n</head>\n"
        f"<body>\n{body}\n{inline_scripts}\n</body>\n</html>\n"
    )
    return safe_html.with_policy(html, safe_html.content_policy(html, POLICY))


def _site_name(index: BeautifulSoup) -> str:
    # The full site_name: the logo's name (the header's topic shows extra.short_title).
    logo = index.select_one(".md-logo[aria-label]")
    if logo and logo["aria-label"].strip():
        return logo["aria-label"].strip()
    return index.title.get_text(strip=True) if index.title else ""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _script_tag(js: str, kind: str) -> str:
    """An inline <script>, of the type its file had on the site (classic or module)."""
    opening = f'<script type="{kind}">' if kind else "<script>"
    return f"{opening}{_safe_script(js)}</script>"


def _safe_script(js: str) -> str:
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


def _safe_style(css: str) -> str:
    return re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)


# -----------------------------------------------------------------------------
# Command line (for trying it by hand; scripts/build and scripts/offline-bundle call the function)
# -----------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="把一個已構建的版本合成單頁網頁版")
    parser.add_argument("site", type=Path, help="mkdocs build 的輸出目錄（一個版本）")
    parser.add_argument("out", type=Path, help="要寫出的 .html 文件")
    parser.add_argument("--lang", default="zh-Hant")
    parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the mkdocs.yml whose extra.outputs give the file's strings",
    )
    args = parser.parse_args(argv)
    from mkdocs.exceptions import PluginError

    try:
        strings = configured_strings(args.config_file, args.lang)
    except PluginError as error:  # a mistake in mkdocs.yml, said as a build says it
        print(error, file=sys.stderr)
        return 1
    out = build_single_page(args.site, args.out, lang=args.lang, strings=strings)
    print(f"{out.stat().st_size:,} bytes", file=sys.stderr)
    print(out)
    return 0


def configured_strings(config_file: Path, lang: str) -> dict[str, str]:
    """The html output's strings (extra.outputs in mkdocs.yml) as edition `lang` writes them: what a build
    passes in, converted the way the build converts them (hooks' on_config)."""
    from . import editions, messages
    from .problems import ProblemError

    checked = settings.validated(settings.read_extra(config_file), config_file)  # the build's own checks
    strings = next((o.strings or {} for o in checked.outputs if o.format == "html"), {})
    if not strings:
        raise ProblemError(messages.SINGLE_PAGE_NO_HTML.at(str(config_file), 0))
    edition = editions.select([editions.Edition.of(entry) for entry in checked.editions], lang)
    convert = editions.edition_converter(edition.opencc, edition.quotes) if edition.opencc else str
    return {key: convert(str(value)) for key, value in strings.items()}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
