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
  an H1 (the nav and the browser tab show it), every id used once, so every
  link and checklist item lands on one place, nothing loaded from
  another host (an image, an embedded video or script pasted from elsewhere),
  and every image it shows on the site (raw HTML <img> too);
- mkdocs.yml, the theme and the files (hooks/publishable.py): no symlink in
  docs/, data/ or overrides/, nothing in docs/ but pages and small images, no
  load from another host in extra_javascript, extra_css, theme.font or a
  stylesheet's @import / url();
- each page as written, template and all: no load from another host, and no
  personal data in its visible text or in the attributes a reader reads (a
  tooltip, an image's text), however markup, comments, &#…; entities, line
  breaks or invisible characters split it (138<!-- -->0013<!-- -->8000, or 138,
  0013 and 8000 on three lines of one paragraph, which a reader sees as one number).

scripts/build refuses a mkdocs.yml that does not list this hook (and hooks/safe_html.py).

Every problem names the source file and line and says how to fix it.

Of the content lint, every build runs the part that keeps personal data out
(phones, QQ, WeChat, e-mail, ID and bank-card numbers, and the files' encoding):
nothing personal may be published whatever command builds the site. The whole
lint (pinyin, punctuation, script, vocabulary, typography) runs once before
scripts/build, scripts/check and scripts/offline-bundle build anything, and in
scripts/test: on a 1,000-page site it costs more than the rest of the hooks.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from html import escape, unescape
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import messages, publishable, yaml_source  # publishable: what may be published besides the pages
from .problems import Problem, ProblemError, log_extra

log = get_plugin_logger("page_checks")

# Markdown's inline parser recurses once per open bracket: far past any real text, it
# crashes the interpreter or runs for minutes. Real pages nest two or three deep.
MAX_NESTING = 20
# Where a build keeps (the project's root, what the personal-data check lets through) on its config.
STATE = "page_checks_build"
MAX_PAGE_BYTES = 512 * 1024
OPENING, CLOSING = "[(", "])"
MAX_INDENT = 4 * MAX_NESTING  # columns: a list nested MAX_NESTING deep
RUN = re.compile(r"([*_~`])\1{40,}")  # emphasis or fence markers in a run far past any real use
HTML_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)(?:\s[^<>]*?)?(/?)>")
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

ID_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^>]*?\sid=["']([^"']+)["']""")
# An element that loads what its src/data/poster/srcset names, from another host (a link <a> does not load).
THIRD_PARTY_LOAD = re.compile(
    r"""<(?:script|img|iframe|frame|source|audio|video|embed|object|track|link|input)\b[^>]*?"""
    r"""\s(?:src|data|poster|srcset|href)\s*=\s*["']?\s*(?P<url>(?:[a-zA-Z][\w+.-]*:)?//[^"'\s>]+)""",
    re.IGNORECASE,
)
H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)  # MkDocs' own (utils/meta.py)
META_ESCAPED = ("description", "author")


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@event_priority(150)  # before the checklist and glossary read their data files
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    config_name = Path(config.config_file_path).name
    problems = (
        publishable.symlinks(root)
        + publishable.foreign_in_config(
            config, config_name, lambda needle: line_of_text(Path(config.config_file_path), needle)
        )
        + publishable.foreign_in_stylesheets(root)
    )
    report(problems)
    config[STATE] = (root, allowed_personal_data(root))  # once per build, not once per page
    return config


@event_priority(150)  # after hooks/editions.py has read the pages, before anything renders them
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # Size and nesting first, on everything the lint reads: past them, the lint's own parser
    # (AutoCorrect's, native code) crashes the interpreter, and Markdown's recurses too deep.
    root = Path(config.config_file_path).parent
    pages = ((f"docs/{file.src_uri}", file.content_string) for file in files.documentation_pages())
    for name, text in itertools.chain(pages, data_texts(root)):  # one text at a time, not all of them at once
        problem = hostile(text, name)
        if problem:
            raise ProblemError(problem)
    docs = Path(config.docs_dir)
    others = sorted(
        file.src_uri
        for file in files
        if not file.is_documentation_page()
        and file.abs_src_path
        and Path(file.abs_src_path).is_relative_to(docs)
        and not file.inclusion.is_excluded()
    )
    report(publishable.unpublishable(docs, others, lint_module().personal_data))
    problems = run_content_lint(root, docs)
    for found in problems:
        log.error(found.format(), extra=log_extra(found))
    if problems:
        # What stops the build, after the problems above; the build prints those, the objects it holds.
        raise LintFailed(problems, messages.LINT_SUMMARY.at(config_name(config), 0, count=len(problems)))
    return files


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    name = f"docs/{page.file.src_uri}"
    source = page.file.content_string
    problem = front_matter_problem(source)
    if problem:
        line, what = problem
        raise ProblemError(messages.FRONT_MATTER.at(name, line, what=what))
    title = page.meta.get("title")
    if isinstance(title, str) and re.search(r"[<>]", title):
        raise ProblemError(messages.TITLE_MARKUP.at(name, line_of(source, "title:")))
    for key in META_ESCAPED:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escape(page.meta[key], quote=True)  # Material writes them into attributes as is
    return markdown


@event_priority(-100)  # after the checklist and glossary have added their ids
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The page's Markdown only names a problem's line: read when there is one (MkDocs reads it from
    # disk again at each use, three times a page if read up front).
    name = f"docs/{page.file.src_uri}"
    if not H1.search(html):
        source = page.file.content_string
        if not source.strip():
            raise ProblemError(messages.EMPTY_PAGE.at(name, 1))
        raise ProblemError(messages.NO_H1.at(name, body_line(source)))
    for id_, count in repeated_ids(html).items():
        raise ProblemError(repeated_id_problem(id_, count, page, config))
    for match in THIRD_PARTY_LOAD.finditer(html):
        url = match["url"]
        raise ProblemError(messages.THIRD_PARTY_IN_PAGE.at(name, url_line(page.file.content_string, url), url=url))
    report(missing_images(html, page, files))
    return html


@event_priority(50)  # the page as the theme wrote it, before hooks/safe_html.py adds its policy
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    root, rules = config[STATE]
    problems = []
    for url in publishable.foreign_loads(output):
        where = origin(url, root) or (f"docs/{page.file.src_uri}", url_line(page.file.content_string, url))
        problems.append(messages.THIRD_PARTY_IN_BUILT_PAGE.at(*where, url=url))
    lint = lint_module()
    for found, kind in built_personal_data(output, lint, rules):
        problems.append(
            messages.PERSONAL_DATA_IN_BUILT_PAGE.at(
                f"docs/{page.file.src_uri}", text_line(page.file.content_string, found), kind=kind, found=found
            )
        )
    report(problems)
    return output


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def report(problems: list[Problem]) -> None:
    """Log each problem (scripts/build prints them all) and stop the build at the first."""
    for problem in problems:
        log.error(problem.format(), extra=log_extra(problem))
    if problems:
        raise ProblemError(problems[0])


class LintFailed(ProblemError):
    """The content lint found problems: MkDocs prints the summary, the build reads every problem."""

    def __init__(self, problems: list[Problem], summary: Problem):
        super().__init__(problems)
        self.summary = summary.text

    def __str__(self) -> str:  # what MkDocs prints when the lint stops the build
        return self.summary


def config_name(config: MkDocsConfig) -> str:
    return Path(config.config_file_path).name


RAW_IMAGE = re.compile(r"""<img\b[^>]*?\ssrc\s*=\s*["']?(?P<src>[^"'\s>]+)""", re.IGNORECASE)


def missing_images(html: str, page: Page, files: Files) -> list[Problem]:
    """A problem for each image of the page (raw HTML <img> too, which MkDocs does not check) not on the site."""
    from posixpath import dirname, join, normpath
    from urllib.parse import unquote, urlsplit

    name = f"docs/{page.file.src_uri}"
    published = published_urls(files)
    problems = []
    for match in RAW_IMAGE.finditer(html):
        url = urlsplit(match["src"].replace("&amp;", "&"))
        if url.scheme or url.netloc or not url.path:
            continue  # another host (refused above) or data: (refused by hooks/safe_html.py)
        folder = page.url if page.url.endswith("/") or not page.url else dirname(page.url)  # "causes/", "causes.html"
        target = normpath(join(folder, unquote(url.path)))
        if target.lstrip("/") not in published:
            line = url_line(page.file.content_string, match["src"])  # read only for a problem
            problems.append(messages.IMAGE_MISSING.at(name, line, src=match["src"]))
    return problems


def published_urls(files: Files) -> frozenset[str]:
    """Every file's URL and path on the site, made once per build (a set per page would grow with the site)."""
    if _PUBLISHED[0] is not files or _PUBLISHED[2] != len(files):
        urls = frozenset(file.url for file in files) | frozenset(file.dest_uri for file in files)
        _PUBLISHED[:] = [files, urls, len(files)]
    return _PUBLISHED[1]


_PUBLISHED: list = [None, frozenset(), 0]  # [the build's Files, their URLs, how many]: one Files per build


def origin(url: str, root: Path) -> tuple[str, int] | None:
    """(file, line) of the configuration or theme file that writes this URL (or its host), if one does."""
    host = re.sub(r"^(?:[a-zA-Z][\w+.-]*:)?//", "", url).split("/")[0]
    candidates = [root / "mkdocs.yml"] + (
        sorted(p for p in (root / "overrides").rglob("*") if p.is_file() and p.suffix in (".html", ".css", ".js"))
        if (root / "overrides").is_dir()
        else []
    )
    for needle in (url, host):
        for path in candidates:
            line = line_of_text(path, needle)
            if line:
                return path.relative_to(root).as_posix(), line
    return None


def line_of_text(path: Path, needle: str) -> int | None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return text[: text.index(needle)].count("\n") + 1 if needle in text else None


# Markup between two characters of a word: these tags join what they hold with what is around it
# (an image too: 138<img width=0>0013… reads as one number).
INLINE_TAGS = (
    "a|abbr|b|bdi|bdo|cite|code|data|dfn|del|em|i|img|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr"
)
NOT_TEXT_PATTERN = r"<(script|style|template|svg)\b.*?</\1\s*>|<!--.*?-->"
INLINE_TAG_PATTERN = rf"</?(?:{INLINE_TAGS})\b[^>]*>"
NOT_TEXT = re.compile(NOT_TEXT_PATTERN, re.IGNORECASE | re.DOTALL)
INLINE_TAG = re.compile(INLINE_TAG_PATTERN, re.IGNORECASE)
ANY_TAG = re.compile(r"<[^>]*>")
# The same patterns in lower case only, which run in half the time: they find what the patterns of
# any case find wherever no tag's name holds a capital or one of the four letters that match an
# ASCII one in any case (İ ı ſ K): the pages as MkDocs, Material and the sanitizer write them.
NOT_TEXT_LOWER = re.compile(NOT_TEXT_PATTERN, re.DOTALL)
INLINE_TAG_LOWER = re.compile(INLINE_TAG_PATTERN)
CASED_TAG_NAME = re.compile("<[/!]?[a-z]*[A-Z\u0130\u0131\u017f\u212a]")


SPACES = re.compile("  +")  # what a browser shows as one space, outside <pre> (tabs made spaces first)
# Where the HTML's line breaks are line breaks on screen too; elsewhere a browser shows each as a space.
PREFORMATTED = re.compile(r"(<(pre|textarea)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)


def visible_text(html: str) -> str:
    """What a reader (or a copy of the PDF) reads, a line for each block: comments and inline markup gone,
    entities decoded, and each line break of the HTML's text read as the space a browser shows (in <pre>
    and <textarea>, as the line break it is there), so 「138⏎0013⏎8000」 in a paragraph is one number."""
    html = html.replace("\0", "")  # a browser ignores NUL; tags become NUL below
    cased = bool(CASED_TAG_NAME.search(html))
    text = markup_removed(html, cased)
    if not cased and "<pre" not in text and "<textarea" not in text:
        return _as_shown(text)
    pieces = PREFORMATTED.split(text)  # text, (block, name), text, …
    return "\n".join(
        _as_shown(piece) if index % 3 == 0 else unescape(ANY_TAG.sub("\n", piece))
        for index, piece in enumerate(pieces)
        if index % 3 != 2
    )


def _as_shown(text: str) -> str:
    """Text outside <pre>: every tag left ends a line, each line break of the text is a space, and a
    run of spaces one space (the check's patterns allow one between two groups of digits)."""
    shown = unescape(ANY_TAG.sub("\0", text)).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return SPACES.sub(" ", shown).replace("\0", "\n")


def markup_removed(html: str, cased: bool) -> str:
    """The HTML without what a reader never sees (scripts, styles, SVG, comments) and inline tags.
    cased: whether a tag's name may match them in another case (CASED_TAG_NAME): if not, the
    patterns in lower case, which run in half the time, find the same."""
    if cased:
        return INLINE_TAG.sub("", NOT_TEXT.sub("", html))
    return INLINE_TAG_LOWER.sub("", NOT_TEXT_LOWER.sub("", html))


def allowed_personal_data(root: Path):
    """What the personal-data check lets through in the project at root (its data/lint-allowlist.yml and
    hotlines), read once per version of the allow-list (not once per page)."""
    path = root / "data" / "lint-allowlist.yml"
    key = (str(path), path.stat().st_mtime_ns if path.exists() else 0)
    if key not in _ALLOWED:
        _ALLOWED.clear()
        _ALLOWED[key] = lint_module().project_rules(root)[0]
    return _ALLOWED[key]


_ALLOWED: dict[tuple[str, int], Any] = {}


def built_personal_data(html: str, lint, rules) -> list[tuple[str, str]]:
    """(text, kind) of each phone, QQ, WeChat, e-mail, ID or bank-card number in a built page's visible text,
    in the order it reads, then in the attributes a reader also reads; `rules`: what the project lets
    through (allowed_personal_data)."""
    return _line_checker(lint, rules).check(visible_text(html) + "\n" + shown_attributes(html))


# Attributes a reader reads too: a tooltip (a link's title from Markdown), an image's text, a control's
# name and hint; as the sanitizer writes every attribute of a contributor's (html5ever: the name in lower
# case, the value in double quotes) and as MkDocs' and Material's templates write them. Wherever they are
# written: one in a script or a comment is read as well, which errs strict.
SHOWN_ATTRIBUTES = (' title="', ' alt="', ' aria-label="', ' placeholder="')


def shown_attributes(html: str) -> str:
    """The values of the page's SHOWN_ATTRIBUTES, entities decoded, a line each. Found with str.find:
    a pattern for the four names is tried at every space of the page, four times as slow."""
    values = []
    for needle in SHOWN_ATTRIBUTES:
        at = html.find(needle)
        while at >= 0:
            start = at + len(needle)
            end = html.find('"', start)
            if end < 0:
                break
            values.append(html[start:end])
            at = html.find(needle, end)
    return unescape("\n".join(values))


@lru_cache(maxsize=4)
def _line_checker(lint, rules) -> _LineChecker:
    return _LineChecker(lint, rules)


class _LineChecker:
    """lint.personal_data with these rules, line by line, each distinct line once: the nav, the header, the
    footer and each glossary definition (one a line, hooks/glossary.py) come back on page after page, so a
    page's lines are told from those already found clean in one set operation, and only the new ones are read.
    Keyed by the rules (_line_checker): a line clean under one allow-list is read again under another."""

    MAX_CLEAN = 1 << 16  # lines remembered; then forgotten all at once, and read again when they come back

    def __init__(self, lint, rules):
        self.lint, self.rules = lint, rules
        self.clean: set[str] = set()

    def check(self, text: str) -> list[tuple[str, str]]:
        lines = text.split("\n")
        new = set(lines).difference(self.clean)
        if not new:
            return []
        if len(self.clean) + len(new) > self.MAX_CLEAN:
            self.clean.clear()
        hint, personal_data = self.lint.MAYBE_PERSONAL_START.search, self.lint.personal_data
        found_in: dict[str, list[tuple[str, str]]] = {}
        for line in new:
            found = hint(line) and personal_data(line, self.rules.personal_data, self.rules.public)
            if found:
                found_in[line] = [(found_text, kind) for _, found_text, kind in found]
            else:
                self.clean.add(line)
        return [item for line in lines if line in found_in for item in found_in[line]] if found_in else []


def text_line(source: str, found: str) -> int:
    """The line of the page's Markdown that holds the start of a text split by markup (its longest prefix found)."""
    for length in range(len(found), 2, -1):
        if found[:length] in source:
            return source[: source.index(found[:length])].count("\n") + 1
    return 1


def front_matter_problem(source: str) -> tuple[int, str] | None:
    """(line, what is wrong) if the page's front matter is not a YAML mapping, else None.

    MkDocs drops front matter it cannot read without a word (the page is then
    published with the YAML as its first paragraph); this names the line.
    """
    match = FRONT_MATTER.match(source)
    if not match:
        if source.startswith("---") and re.match(r"^-{3}[ \t]*\n", source):
            return 1, messages.FRONT_MATTER_UNCLOSED
        return None
    try:
        data = yaml_source.load(match[1])
    except yaml_source.YamlSyntaxError as error:
        return error.line + 1, messages.FRONT_MATTER_YAML.format(detail=error.problem)  # + 1: the opening ---
    except yaml.YAMLError:
        return 2, messages.FRONT_MATTER_NOT_YAML
    if data is not None and not isinstance(data, dict):
        return 2, messages.FRONT_MATTER_NOT_MAPPING
    return None


def body_line(source: str) -> int:
    """The first line of the page after its front matter (where its H1 belongs)."""
    match = FRONT_MATTER.match(source)
    start = source[: match.end()].count("\n") if match else 0
    lines = source.splitlines()
    for number in range(start, len(lines)):
        if lines[number].strip():
            return number + 1
    return start + 1


def repeated_id_problem(id_: str, count: int, page: Page, config: MkDocsConfig) -> Problem:
    """The problem for an id used `count` times on a page, at the line that gives it.

    An id can come from the page (a heading's {#id}, an HTML id) or from a hook
    (a checklist stage or item, a glossary term): a data file's id is reported
    at its line there, a page's repeated id at its second use.
    """
    name = f"docs/{page.file.src_uri}"
    lines = id_lines(page.file.content_string, id_)
    from_data = data_id_origin(id_, page, config)
    if from_data:
        data_name, data_line, what = from_data
        where = messages.DATA_ID_ON_PAGE_WHERE.format(page=name, line=lines[0]) if lines else ""
        return messages.DATA_ID_ON_PAGE.at(data_name, data_line, what=what, id=id_, where=where)
    if len(lines) > 1:
        return messages.ID_TWICE_ON_PAGE.at(name, lines[1], id=id_, count=count, first=lines[0])
    if lines:
        return messages.ID_TAKEN_BY_WIDGET.at(name, lines[0], id=id_)
    return messages.ID_REPEATED.at(name, 1, id=id_, count=count)


def data_id_origin(id_: str, page: Page, config: MkDocsConfig) -> tuple[str, int, str] | None:
    """(data file, line, what) if a hook put this id on the page from a data file."""
    src = page.file.src_uri
    checklist = config.get("checklist_build")
    if checklist is not None and src == checklist.checklist.page:
        for stage in checklist.checklist.stages:
            if stage.id == id_:
                return checklist.data_file, stage.line, "階段的"
            for item in stage.items:
                if f"checklist-{item.id}" == id_:
                    return checklist.data_file, item.line, "行動的"
    glossary = config.get("glossary_build")
    if glossary is not None and src == glossary.glossary.page:
        for term in glossary.glossary.terms:
            if term.id == id_:
                return glossary.data_file, term.line, "名詞的"
    return None


def hostile_files(root: Path, docs: Path) -> list[Problem]:
    """A problem for each page or data file too big or too deeply nested to lint or build."""
    texts = data_texts(root)
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        try:
            texts.append((f"docs/{path.relative_to(docs).as_posix()}", path.read_text(encoding="utf-8-sig")))
        except (OSError, UnicodeDecodeError):
            continue  # the lint reports the encoding
    return [found for name, text in texts if (found := hostile(text, name))]


def data_texts(root: Path) -> list[tuple[str, str]]:
    """The data files the lint reads (data/*.yml), as text; unreadable ones are the lint's to report."""
    found = []
    for path in sorted((root / "data").rglob("*")) if (root / "data").is_dir() else []:
        if path.suffix in (".yml", ".yaml") and path.is_file():
            try:
                found.append((path.relative_to(root).as_posix(), path.read_text(encoding="utf-8-sig")))
            except (OSError, UnicodeDecodeError):
                continue
    return found


def hostile(text: str, name: str = "") -> Problem | None:
    """The problem of text (file `name`) too big or nested too deep to parse safely, else None."""
    if len(text.encode("utf-8")) > MAX_PAGE_BYTES:
        return messages.FILE_TOO_BIG.at(name, 1, kb=MAX_PAGE_BYTES // 1024)
    found = too_deep(text)
    if found:
        return messages.BRACKETS_TOO_DEEP.at(name, found, limit=MAX_NESTING)
    found = html_too_deep(text)
    if found:
        return messages.HTML_TOO_DEEP.at(name, found, limit=MAX_NESTING)
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        if indent > MAX_INDENT:
            return messages.INDENT_TOO_DEEP.at(name, number, indent=indent)
        quotes = line[: len(line) - len(line.lstrip(" \t>"))].count(">")  # the > of the leading run
        if quotes > MAX_NESTING:
            return messages.QUOTES_TOO_DEEP.at(name, number, count=quotes)
        run = RUN.search(line)
        if run:
            return messages.MARKER_RUN.at(name, number, count=len(run[0]), char=run[0][0])
    return None


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


def html_too_deep(text: str, limit: int = MAX_NESTING) -> int | None:
    """The first line where HTML elements left open nest deeper than `limit`, or None."""
    depth = 0
    for match in HTML_TAG.finditer(text):
        closing, name, self_closing = match[1], match[2].lower(), match[3]
        if name in VOID_ELEMENTS or self_closing:
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > limit:
            return text[: match.start()].count("\n") + 1
    return None


def repeated_ids(html: str) -> dict[str, int]:
    """Ids used more than once in a page's HTML, with their counts."""
    counts: dict[str, int] = {}
    for match in ID_ATTRIBUTE.finditer(html):
        counts[match[1]] = counts.get(match[1], 0) + 1
    return {id_: count for id_, count in counts.items() if count > 1}


def id_lines(source: str, id_: str) -> list[int]:
    """The lines of a page's Markdown that give this id (outside fenced code)."""
    pattern = re.compile(rf"""\{{[^}}\n]*#{re.escape(id_)}(?![\w-])|\bid=["']{re.escape(id_)}["']""")
    found, fence = [], None
    for number, line in enumerate(source.splitlines(), start=1):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fence = None if fence and stripped.startswith(fence) else fence or stripped[:3]
            continue
        if fence is None and pattern.search(line):
            found.append(number)
    return found


def url_line(source: str, url: str) -> int:
    """The line of a page's Markdown where a URL is written (HTML-escaped & compared as &amp; too), or 1."""
    for needle in (url, url.replace("&amp;", "&")):
        if needle in source:
            return source[: source.index(needle)].count("\n") + 1
    return 1


def line_of(source: str, needle: str) -> int:
    for number, line in enumerate(source.splitlines(), start=1):
        if line.startswith(needle):
            return number
    return 1


def run_content_lint(root: Path, docs: Path) -> list[Problem]:
    """The personal-data part of the content lint (lint_content.py) on the pages, the data and the theme and config."""
    module = lint_module()
    return module.personal_data_in([path for path in (docs, root / "data") if path.exists()], root) + (
        theme_personal_data(module, root)
    )


def lint_module():
    """The content lint (lint_content.py), imported on first use: it loads OpenCC, pypinyin and AutoCorrect."""
    from . import lint_content

    return lint_content


THEME_SUFFIXES = (".html", ".js", ".css", ".svg", ".yml", ".yaml", ".json", ".txt")


def theme_personal_data(lint, root: Path) -> list[Problem]:
    """Personal data in what is published besides docs/ and data/: mkdocs.yml and overrides/.

    The content lint reads pages and data files; the site's name, author and
    copyright (mkdocs.yml) and the theme's templates, scripts and styles reach
    every page too. Only the personal-data check runs on them (with the same
    allow-list), not the prose checks.
    """
    exceptions, _ = lint.project_rules(root)
    overrides = root / "overrides"
    files = (
        [root / "mkdocs.yml"] + sorted(p for p in overrides.rglob("*") if p.suffix in THEME_SUFFIXES and p.is_file())
        if overrides.is_dir()
        else [root / "mkdocs.yml"]
    )
    problems = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        for number, line in enumerate(text.splitlines(), start=1):
            for column, found, kind in lint.personal_data(line, exceptions.personal_data, exceptions.public):
                problems.append(messages.PERSONAL_DATA.at(name, number, column, kind=kind, found=found))
    return problems
