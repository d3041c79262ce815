"""The glossary: terms marked in the text, explained on the spot and on one page.

Python-Markdown's `abbr` needs word boundaries, which Chinese text does not
have, so this hook does what Material's glossary recipe does, for Chinese.
The terms and every string the reader sees live in ``data/glossary.yml``
(format: CONTRIBUTING.md, 名詞解釋). This hook reads and checks that file once
per build (on_config) and builds one Aho–Corasick automaton of all terms and
aliases. Then, per page, one walk over the rendered HTML marks the first
occurrence of each term outside headings, links, code and form labels:

    <a class="glossary-term" id="glossary-ref-ID" href="../glossary/#ID">term</a>

and puts the definitions of the terms it marked once at the end of the page:

    <div class="glossary-definitions" hidden data-search-exclude>
    {"more":"查看名詞解釋",<br>"close":"關閉解釋",<br>"terms":{"ID":"…",<br>…}}</div>

``glossary.js`` shows the definition on hover, keyboard focus and tap; with
JavaScript off the term is a plain link to its entry. One block per page, not
an attribute on every mark: a page carries each definition once, and Material's
search skips the block instead of reading a long attribute on every mark. The same walk records
where each term appears, so the glossary page (``page:`` in the data) gets an
entry per term, sorted by pinyin, with 「出現於」 links back to those pages.

Terms are marked in ``on_page_content``, where every later plugin (search
among them) sees them. A build's state (the glossary, its matcher, where each
term appears) is one ``GlossaryBuild`` that ``on_config`` keeps on that build's
own config, not in this module: scripts/build makes several builds in one
process and MkDocs loads a hook module once per process. The data file's path
comes from mkdocs.yml (``extra.data.glossary``).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path

import ahocorasick
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import (
    data_file,  # shared reading of YAML data files
    editions,  # the edition this build makes
    hotlines,  # its numbers in the entries, which hooks/hotlines.py (before this hook) never sees
    messages,
    nav,
)
from .data_file import DataError
from .problems import ProblemError, log_extra

# Every string the hook emits; the data file must give each one, and no other.
STRINGS = ("see_entry", "pinyin", "aliases", "appears_in", "separator")
OPTIONAL_STRINGS = ("close",)  # the tooltip's close button's name (glossary.js says "×" without it)

# A stable id: lower-case ASCII words joined by hyphens (the entry's anchor).
TERM_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# One token of rendered HTML: a comment, a doctype/CDATA/processing instruction, or a tag
# (quoted attribute values may contain ">"). Text is what lies between tokens.
TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>",
    re.DOTALL,
)

# Terms are not marked inside these: headings, links, code, form controls and their labels.
SKIP = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "abbr",
        "dfn",
        "code",
        "pre",
        "kbd",
        "samp",
        "button",
        "label",
        "select",
        "option",
        "textarea",
        "summary",
        "svg",
        "math",
        "noscript",
        "template",
    }
)

# Elements whose content is raw text, not HTML: skipped whole.
RAW_TEXT = frozenset({"script", "style", "textarea", "title"})

VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)

ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

# Where the glossary page's 「出現於」 list goes once every page has been read.
APPEARS_IN = re.compile(r"<!--glossary-appears-in:([a-z0-9-]+)-->")

log = get_plugin_logger("glossary")


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str
    pinyin: str  # with tone marks, syllables separated by spaces
    line: int  # line of the entry in the data file

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and its aliases: any of them in the text marks the term."""
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Glossary:
    page: str
    page_line: int
    strings: Mapping[str, str]
    terms: tuple[Term, ...]  # sorted by pinyin


GlossaryError = DataError  # a mistake in data/glossary.yml (hooks/data_file.py)


@dataclass
class GlossaryBuild:
    """What one build knows: the glossary, its data file, its matcher, and where each term appears."""

    glossary: Glossary
    data_file: str
    matcher: ahocorasick.Automaton
    terms: Mapping[str, Term]  # by id
    ref_ids: Mapping[str, str]  # term id → the id of its mark, one string shared by every page
    appears_in: dict[str, list[File]] = field(default_factory=dict)  # term id → pages


STATE = "glossary_build"  # where a build keeps its GlossaryBuild on its config


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    glossary = data_file.load(
        config, "glossary", parse_glossary, what="名詞解釋", convert=editions.text_converter(config)
    )
    config[STATE] = GlossaryBuild(
        glossary,
        data_file.data_path(config, "glossary"),
        build_matcher(glossary.terms),
        {term.id: term for term in glossary.terms},
        {term.id: f"glossary-ref-{term.id}" for term in glossary.terms},
    )
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build: GlossaryBuild = config[STATE]
    glossary = build.glossary
    file = files.get_file_from_path(glossary.page)
    if file is None or not file.is_documentation_page():
        raise ProblemError(messages.GLOSSARY_PAGE_MISSING.at(build.data_file, glossary.page_line, page=glossary.page))
    checklist = config.get("checklist_build")
    if checklist is not None and checklist.checklist.page == glossary.page:
        raise ProblemError(
            messages.GLOSSARY_PAGE_TAKEN.at(
                build.data_file, glossary.page_line, page=glossary.page, checklist=checklist.data_file
            )
        )
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build: GlossaryBuild = config[STATE]
    glossary = build.glossary
    entry_url = files.get_file_from_path(glossary.page).url_relative_to(page.file)
    strings = glossary.strings

    def mark(term: Term, text: str) -> str:
        return render_mark(term, text, f"{entry_url}#{term.id}")

    marked, found = mark_terms(html, build.matcher, mark)
    if found:
        marked += render_definitions(build.terms, found, strings["see_entry"], close=strings.get("close", ""))
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(build.ref_ids[term_id] for term_id in found)
    if page.file.src_uri == glossary.page:
        # The glossary lists its terms; it is not a place where they "appear".
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(term.id for term in glossary.terms)
        entries = render_entries(glossary)
        numbers = config.get(hotlines.STATE)  # hooks/hotlines.py has linked the page's own text already
        return marked + (hotlines.link_hotlines(entries, numbers) if numbers is not None else entries)
    for term_id in found:
        build.appears_in.setdefault(term_id, []).append(page.file)
    return marked


def on_env(env, *, config: MkDocsConfig, files: Files):
    # Every page has been read by now: fill in the glossary's 「出現於」 lists before any page
    # is written (search indexes the page as it is published), and warn of terms found nowhere.
    build: GlossaryBuild = config[STATE]
    glossary = build.glossary
    for term in glossary.terms:
        if term.id not in build.appears_in:
            forms = "、".join(f"「{form}」" for form in term.forms)
            problem = messages.GLOSSARY_TERM_UNUSED.at(build.data_file, term.line, severity="warning", forms=forms)
            log.warning(problem.format(), extra=log_extra(problem))
    page = files.get_file_from_path(glossary.page).page
    order = {file.src_uri: index for index, file in enumerate(files.documentation_pages())}
    nav_order = _nav_order(config, files)
    urls: dict[str, str] = {}  # a page's URL from the glossary, computed once per page, not once per term

    def place(f: File) -> tuple[int, int]:
        return nav_order.get(f.src_uri, len(nav_order)), order.get(f.src_uri, 0)

    def links(term_id: str) -> list[tuple[str, str]]:
        pages = sorted(build.appears_in.get(term_id, []), key=place)
        for f in pages:
            if f.src_uri not in urls:
                urls[f.src_uri] = f.url_relative_to(page.file)
        return [(f"{urls[f.src_uri]}#glossary-ref-{term_id}", f.page.title if f.page else f.src_uri) for f in pages]

    page.content = APPEARS_IN.sub(lambda m: render_appears_in(glossary.strings, links(m[1])), page.content)
    return env


def _nav_order(config: MkDocsConfig, files: Files) -> dict[str, int]:
    """Reading order: each page's place in the nav (pages outside it come after)."""
    return {page: index for index, page in enumerate(nav.pages(config.nav))}


# -----------------------------------------------------------------------------
# Helpers: reading the data file
# -----------------------------------------------------------------------------


def parse_glossary(text: str) -> Glossary:
    """The glossary in a data file's text; GlossaryError for anything wrong in it."""
    fields = data_file.compose(text, parts=("page", "strings", "terms"))

    page = data_file.page(fields["page"], example="glossary.md")
    strings, _ = data_file.strings(fields["strings"], STRINGS, OPTIONAL_STRINGS)

    ids: dict[str, int] = {}  # id → line where it was first used
    forms: dict[str, int] = {}  # term or alias → line where it was first used
    terms = [_term(node, ids, forms) for node in data_file.sequence(fields["terms"], "terms")]
    terms.sort(key=lambda term: (pinyin_sort_key(term.pinyin), term.term))
    return Glossary(page=page, page_line=data_file.line(fields["page"]), strings=strings, terms=tuple(terms))


def _term(node: yaml.Node, ids: dict[str, int], forms: dict[str, int]) -> Term:
    fields = data_file.mapping(node, "每個名詞", ("id", "term", "definition"), optional=("aliases", "pinyin"))
    term_id = data_file.text(fields["id"], "id")
    if not TERM_ID.fullmatch(term_id):
        raise GlossaryError(data_file.line(fields["id"]), messages.GLOSSARY_ID_FORM, value=term_id)
    if term_id in ids:
        raise GlossaryError(data_file.line(fields["id"]), messages.DATA_ID_TWICE, value=term_id, first=ids[term_id])
    ids[term_id] = data_file.line(fields["id"])

    alias_nodes = data_file.sequence(fields["aliases"], "aliases") if "aliases" in fields else []
    term, *aliases = [_form(fields["term"], "term", forms), *(_form(alias, "aliases", forms) for alias in alias_nodes)]

    reading = data_file.text(fields["pinyin"], "pinyin") if "pinyin" in fields else term_pinyin(term)
    return Term(
        id=term_id,
        term=term,
        aliases=tuple(aliases),
        definition=data_file.text(fields["definition"], "definition"),
        pinyin=reading,
        line=data_file.line(node),
    )


def _form(node: yaml.Node, what: str, forms: dict[str, int]) -> str:
    """A term or alias, unique across the whole file (a text can mark only one entry)."""
    form = data_file.text(node, what)
    if form in forms:
        raise GlossaryError(data_file.line(node), messages.GLOSSARY_FORM_TWICE, form=form, first=forms[form])
    forms[form] = data_file.line(node)
    return form


# -----------------------------------------------------------------------------
# Helpers: pinyin
# -----------------------------------------------------------------------------


def term_pinyin(term: str) -> str:
    """The term's pinyin with tone marks, one syllable per character: 徵信 → zhēng xìn.

    pypinyin's dictionaries take 55 MiB and a third of a second to load, so readings
    are kept in a cache file beside jieba's (the system's temporary folder), one per
    pypinyin version: a build loads pypinyin only for a term it has never read.
    """
    cache = _pinyin_cache()
    if term not in cache:
        from pypinyin import Style, pinyin

        simplified = editions.converter("t2s")(term)  # pypinyin's phrase dictionary is in Simplified (銀行: háng)
        cache[term] = " ".join(syllable for (syllable,) in pinyin(simplified, style=Style.TONE))
        _save_pinyin_cache(cache)
    return cache[term]


@lru_cache(maxsize=1)
def _pinyin_cache_file() -> Path:
    from importlib.metadata import version

    return Path(tempfile.gettempdir()) / f"alipay-overdue-guide-pinyin-{version('pypinyin')}.json"


@lru_cache(maxsize=1)
def _pinyin_cache() -> dict[str, str]:
    """term → reading, as this machine's builds have read them (a memo of a pure function)."""
    try:
        cached = json.loads(_pinyin_cache_file().read_text(encoding="utf-8"))
        return cached if isinstance(cached, dict) else {}
    except (OSError, ValueError):
        return {}


def _save_pinyin_cache(cache: dict[str, str]) -> None:
    path = _pinyin_cache_file()
    try:
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)  # whole or not at all, if two builds write at once
    except OSError:
        pass  # no cache: the next build reads the dictionaries again


# Tone marks → tone number, for sorting (pypinyin's to_tone3 would load its dictionaries).
TONE_MARKS = {
    mark: (vowel, tone)
    for vowel, marks in {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}.items()
    for tone, mark in enumerate(marks, start=1)
}


def pinyin_sort_key(reading: str) -> tuple[tuple[str, int], ...]:
    """Dictionary order: by letters syllable by syllable, then by tone (neutral tone last)."""
    key = []
    for syllable in reading.lower().split():
        tone, letters = 5, ""
        for char in syllable:
            vowel, mark = TONE_MARKS.get(char, (char, 0))
            letters += vowel
            tone = mark or tone
        key.append((letters.replace("ü", "v"), tone))
    return tuple(key)


# -----------------------------------------------------------------------------
# Helpers: marking terms
# -----------------------------------------------------------------------------


def build_matcher(terms: Iterable[Term]) -> ahocorasick.Automaton:
    """One automaton for every term and alias, as they are written in HTML text."""
    matcher = ahocorasick.Automaton()
    for term in terms:
        for form in term.forms:
            written = escape(form, quote=False)
            matcher.add_word(written, (term, len(written), _latin(written[0]) or _latin(written[-1])))
    matcher.make_automaton()
    return matcher


def mark_terms(html: str, matcher: ahocorasick.Automaton, mark: Callable[[Term, str], str]) -> tuple[str, list[str]]:
    """The HTML with the first occurrence of each term marked, and the ids of the terms found.

    One pass over the HTML: text inside SKIP elements is left alone, text elsewhere
    goes through the automaton once (leftmost longest matches, so a term is never
    marked inside a longer one). `mark(term, text)` gives the HTML for one occurrence.
    """
    out: list[str] = []
    found: list[str] = []
    seen: set[str] = set()
    skip: dict[str, int] = {}  # open SKIP elements by name
    pos = 0
    while True:
        token = TOKEN.search(html, pos)
        end = token.start() if token else len(html)
        if pos < end:
            text = html[pos:end]
            out.append(_mark_text(text, matcher, mark, seen, found) if not skip else text)
        if token is None:
            break
        pos = token.end()
        closing, name = token[1], (token[2] or "").lower()
        if not name:
            out.append(token[0])
        elif closing:
            out.append(token[0])
            if skip.get(name):
                skip[name] -= 1
                if not skip[name]:
                    del skip[name]
        elif name in RAW_TEXT:
            close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, pos)
            pos = close.end() if close else len(html)
            out.append(html[token.start() : pos])
        else:
            out.append(token[0])
            if name in SKIP and name not in VOID and not token[3].rstrip().endswith("/"):
                skip[name] = skip.get(name, 0) + 1
    return "".join(out), found


def _mark_text(
    text: str, matcher: ahocorasick.Automaton, mark: Callable[[Term, str], str], seen: set[str], found: list[str]
) -> str:
    pieces: list[str] = []
    done = 0
    entities = None
    for last, (term, length, latin) in matcher.iter_long(text):
        start, stop = last + 1 - length, last + 1
        if term.id in seen or (latin and not _whole(text, start, stop)):
            continue
        if "&" in text:
            entities = entities if entities is not None else [m.span() for m in ENTITY.finditer(text)]
            if any(a < start < b or a < stop < b for a, b in entities):
                continue  # the match begins or ends inside an entity such as &amp;
        seen.add(term.id)
        found.append(term.id)
        pieces += (text[done:start], mark(term, text[start:stop]))
        done = stop
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _whole(text: str, start: int, stop: int) -> bool:
    # Chinese has no word boundaries, but a Latin term (App) must not match inside a word (Apple).
    return not (start > 0 and _latin(text[start]) and _latin(text[start - 1])) and not (
        stop < len(text) and _latin(text[stop - 1]) and _latin(text[stop])
    )


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


# -----------------------------------------------------------------------------
# Helpers: rendering
# -----------------------------------------------------------------------------


def render_mark(term: Term, text: str, href: str) -> str:
    """One marked term: a link to its entry (glossary.js finds its definition by the id)."""
    return f'<a class="glossary-term" id="glossary-ref-{term.id}" href="{_escaped(href)}">{text}</a>'


@lru_cache(maxsize=4096)  # the same few URLs, on every page
def _escaped(text: str) -> str:
    return escape(text)


def render_definitions(terms: Mapping[str, Term], found: Iterable[str], see_entry: str, *, close: str = "") -> str:
    """The definitions of the terms marked on a page, once each, for glossary.js.

    JSON as the text of a hidden element: hidden from readers until the script shows
    one, skipped by Material's search (data-search-exclude). Not a <script>: Material's
    instant navigation re-creates every script of the new page without its type, and
    would run the JSON.
    """
    data = {"more": see_entry, "close": close, "terms": {term_id: terms[term_id].definition for term_id in found}}
    # One definition a line, after a <br> (textContent, which the script parses, leaves it out): the
    # same line on every page that marks the term, which the built-text check for personal data
    # (hooks/page_checks.py) reads once per build, not once per page. A plain line break would not
    # do: that check reads one as a browser shows it, a space, and the block as one line per page.
    # JSON writes a line break inside a string as \n, so each line break here is between two entries.
    text = escape(json.dumps(data, ensure_ascii=False, separators=(",\n", ":")), quote=False).replace("\n", "<br>\n")
    return f'\n<div class="glossary-definitions" hidden data-search-exclude>{text}</div>\n'


def render_entries(glossary: Glossary) -> str:
    """Every term's entry, in pinyin order; on_page_context fills in where each appears."""
    strings = glossary.strings
    entries = []
    for term in glossary.terms:
        aliases = ""
        if term.aliases:
            aliases = (
                f'<p class="glossary__aliases">{escape(strings["aliases"])}'
                f"{escape(strings['separator'].join(term.aliases))}</p>\n"
            )
        entries.append(
            f'<dt id="{term.id}"><dfn>{escape(term.term)}</dfn> '
            f'<span class="glossary__pinyin"><span class="glossary__label">{escape(strings["pinyin"])}</span>'
            f' <span lang="zh-Latn-pinyin">{escape(term.pinyin)}</span></span></dt>\n'
            f'<dd>\n<p class="glossary__definition">{escape(term.definition)}</p>\n'
            f"{aliases}<!--glossary-appears-in:{term.id}-->\n</dd>\n"
        )
    return f'<dl class="glossary">\n{"".join(entries)}</dl>\n'


def render_appears_in(strings: Mapping[str, str], links: list[tuple[str, str]]) -> str:
    """「出現於」 and a link to each page where the term appears (nothing if none)."""
    if not links:
        return ""
    pages = escape(strings["separator"]).join(
        f'<a href="{escape(href)}">{_escaped(title)}</a>' for href, title in links
    )
    # data-search-exclude (Material's search): the lists would make the glossary a hit for every page title.
    return f'<p class="glossary__appears-in" data-search-exclude>{escape(strings["appears_in"])}{pages}</p>'
