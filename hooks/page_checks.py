"""Checks on every page before it is published, whichever command builds it.

`mkdocs build`, `mkdocs serve`, scripts/build and scripts/offline-bundle all
run these, so nothing the content lint refuses (personal data above all) can
reach a deploy:

- the content lint's personal-data check (scripts/lint_content.py) on docs/ and data/;
- each page's Markdown: readable as UTF-8 (hooks/editions.py reads it), front
  matter that parses, a title without markup, a description that is escaped
  so the <meta> attribute holds all of it, and no nesting deep enough to make
  Markdown's recursive parser crash or crawl;
- each rendered page, after the checklist and glossary have added theirs:
  every id used once, so every link and checklist item lands on one place.

Every problem names the source file and line and says how to fix it.

Of the content lint, every build runs the part that keeps personal data out
(phones, QQ, WeChat, e-mail, ID and bank-card numbers, and the files' encoding):
nothing personal may be published whatever command builds the site. The whole
lint (pinyin, punctuation, script, vocabulary, typography) runs once before
scripts/build, scripts/check and scripts/offline-bundle build anything, and in
scripts/test: on a 1,000-page site it costs more than the rest of the hooks.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger("page_checks")

# Markdown's inline parser recurses once per open bracket: far past any real text, it
# crashes the interpreter or runs for minutes. Real pages nest two or three deep.
MAX_NESTING = 20
MAX_PAGE_BYTES = 512 * 1024
OPENING, CLOSING = "[(", "])"

ID_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^>]*?\sid=["']([^"']+)["']""")
META_ESCAPED = ("description", "author")


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

@event_priority(150)  # after hooks/editions.py has read the pages, before anything renders them
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    problems = personal_data_in([Path(config.docs_dir), root / "data"])
    for problem in problems:
        log.error(problem)
    if problems:
        raise PluginError(f"內容檢查發現 {len(problems)} 處個人信息或編碼問題（見上方）— 改正後再建置；"
                          f"誤報見 CONTRIBUTING.md「自動檢查會告訴你什麼」")
    for file in files.documentation_pages():
        text = file.content_string
        name = f"docs/{file.src_uri}"
        if len(text.encode("utf-8")) > MAX_PAGE_BYTES:
            raise PluginError(f"{name}:1: 這一頁超過 {MAX_PAGE_BYTES // 1024} KB — 把它拆成幾頁")
        found = too_deep(text)
        if found:
            raise PluginError(f"{name}:{found}: 這一行的括號 [ ] 或 ( ) 套了超過 {MAX_NESTING} 層"
                              f" — 檢查是否貼上了多餘的括號")
    return files


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    name = f"docs/{page.file.src_uri}"
    source = page.file.content_string
    if source.startswith("---") and not page.meta:
        raise PluginError(f"{name}:1: 開頭的 front matter（兩行 --- 之間）不是正確的 YAML"
                          f" — 每行寫成「description: 一句話」，冒號後加空格；值裡有冒號就用引號括起來")
    title = page.meta.get("title")
    if isinstance(title, str) and re.search(r"[<>]", title):
        raise PluginError(f"{name}:{line_of(source, 'title:')}: title 裡不能有 HTML 標記（< >）— 只寫純文本")
    for key in META_ESCAPED:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escape(page.meta[key], quote=True)  # Material writes them into attributes as is
    return markdown


@event_priority(-100)  # after the checklist and glossary have added their ids
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    for id_, count in repeated_ids(html).items():
        source = page.file.content_string
        raise PluginError(
            f"docs/{page.file.src_uri}:{id_line(source, id_)}: id「{id_}」在這一頁用了 {count} 次"
            f" — 每個 id 在一頁裡只能用一次：改掉標題後的 {{#{id_}}}，"
            f"或改掉資料檔（行動清單的階段 id、名詞 id）裡同名的 id")
    return html


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def too_deep(text: str, limit: int = MAX_NESTING) -> int | None:
    """The first line where brackets nest deeper than `limit`, or None."""
    if sum(text.count(c) for c in OPENING) <= limit:
        return None  # too few brackets to nest that deep: most pages, at the cost of a count
    depth = 0
    line = 1
    for char in text:
        if char == "\n":
            line += 1
        elif char in OPENING:
            depth += 1
            if depth > limit:
                return line
        elif char in CLOSING and depth:
            depth -= 1
    return None


def repeated_ids(html: str) -> dict[str, int]:
    """Ids used more than once in a page's HTML, with their counts."""
    counts: dict[str, int] = {}
    for match in ID_ATTRIBUTE.finditer(html):
        counts[match[1]] = counts.get(match[1], 0) + 1
    return {id_: count for id_, count in counts.items() if count > 1}


def id_line(source: str, id_: str) -> int:
    """The line of a page's Markdown that gives this id, or 1."""
    pattern = re.compile(rf"""\{{[^}}\n]*#{re.escape(id_)}(?![\w-])|\bid=["']{re.escape(id_)}["']""")
    for number, line in enumerate(source.splitlines(), start=1):
        if pattern.search(line):
            return number
    return 1


def line_of(source: str, needle: str) -> int:
    for number, line in enumerate(source.splitlines(), start=1):
        if line.startswith(needle):
            return number
    return 1


def personal_data_in(paths: list[Path]) -> list[str]:
    """scripts/lint_content.py's personal-data problems under these folders, as `path:line:col: message` lines."""
    scripts = Path(__file__).resolve().parent.parent / "scripts"
    spec = importlib.util.spec_from_file_location("lint_content", scripts / "lint_content.py")
    if spec is None or spec.loader is None or not (scripts / "lint_content.py").is_file():
        raise PluginError("scripts/lint_content.py 不見了 — 內容檢查是發佈前必經的一步，請把它放回去")
    module = sys.modules.get("lint_content")
    if module is None or Path(getattr(module, "__file__", "")).resolve() != (scripts / "lint_content.py").resolve():
        module = importlib.util.module_from_spec(spec)
        sys.modules["lint_content"] = module  # before it runs: its dataclasses look themselves up there
        sys.path.insert(0, str(scripts))  # its own helpers live beside it
        try:
            spec.loader.exec_module(module)
        finally:
            sys.path.remove(str(scripts))
    return module.personal_data_in([path for path in paths if path.exists()])
