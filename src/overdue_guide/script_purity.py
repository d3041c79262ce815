"""Script purity of the built site: no Traditional form left in the zh-Hans
edition, no Simplified form in the zh-Hant one.

Checked: what a reader sees or hears — text, the title/aria-label/alt/
placeholder/content and data-* attributes (where widget scripts find their
strings), and the interface strings in Material's ``__config``; not scripts,
styles or URLs. Text inside an element with its own
``lang`` (the link to the other edition, 「简体中文」) is checked in that script.

- an edition OpenCC makes (zh-Hans): a character is left over if converting the
  text again would still change it (for the Traditional→Simplified profiles,
  with t2s: tw2s would take the 么 of 什么 for a Taiwan variant of 幺);
- the source edition (zh-Hant): scripts/lint_content.py's rule for the
  Markdown source, on the HTML.

The editions come from extra.editions in mkdocs.yml (hooks/editions.py).

Characters correct in both scripts in some words are listed, with a reason, in
data/script-allowlist.yml (one section per edition).

scripts/build runs this on every edition it builds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString

from . import editions, lint_content, messages
from .problems import Problem

ROOT = Path(__file__).resolve().parents[2]  # the project (src/overdue_guide/ → the repository)
TEXT_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "content")
SKIPPED_TAGS = {"script", "style", "template"}
SNIPPET = 12  # characters of context either side


# Profiles whose output is Simplified: checked with t2s (see above).
TO_SIMPLIFIED = {"s2s", "t2s", "tw2s", "tw2sp", "hk2s", "jp2s"}


@dataclass(frozen=True)
class Leftover:
    """A character in the wrong script on a built page (`problem` places it for the contributor)."""

    file: str  # the built page, relative to its edition's site
    lang: str
    char: str
    expected: str
    snippet: str
    source: bool  # found in the source edition (else in one OpenCC made)

    def problem(self, path: str | None = None, line: int = 0) -> Problem:
        """The problem at a source file's line (by default: at the built page, no line)."""
        what = messages.SIMPLIFIED_IN_BUILT_SOURCE if self.source else messages.NOT_CONVERTED
        values = {"lang": self.lang, "char": self.char, "expected": self.expected, "snippet": self.snippet}
        return what.at(self.file if path is None else path, line, **values)


# -----------------------------------------------------------------------------
# Characters: text in, (index, character, expected form) out
# -----------------------------------------------------------------------------


def left_over(convert, text: str, allowed: frozenset[str] = frozenset()) -> list[tuple[int, str, str]]:
    """Characters of converted text that converting it again would still change."""
    converted = convert(text)
    if len(converted) != len(text):  # OpenCC maps CJK one to one; compare per character then
        converted = "".join(convert(c) for c in text)
    return [(i, c, s) for i, (c, s) in enumerate(zip(text, converted)) if c != s and c not in allowed]


def traditional_left(text: str, allowed: frozenset[str] = frozenset()) -> list[tuple[int, str, str]]:
    """Characters of Simplified text that OpenCC's t2s, phrase by phrase, would still change."""
    return left_over(editions.converter("t2s"), text, allowed)


def simplified_left(text: str, allowed: frozenset[str] = frozenset()) -> list[tuple[int, str, str]]:
    """Characters of Traditional text in Simplified-only form (the content lint's rule)."""
    return [(col - 1, c, t) for col, c, t in lint_content.simplified_only(text, allowed)]


def check_for(edition: editions.Edition):
    """The check for an edition's text: (text, allowed) → [(index, char, expected)]."""
    if edition.opencc is None:
        return simplified_left
    profile = "t2s" if edition.opencc in TO_SIMPLIFIED else edition.opencc
    return lambda text, allowed=frozenset(): left_over(editions.converter(profile), text, allowed)


# -----------------------------------------------------------------------------
# Pages: HTML in, (lang, text) out
# -----------------------------------------------------------------------------


def reader_texts(html: str) -> list[tuple[str, str]]:
    """(lang, text) for every piece of text a reader sees or hears on the page."""
    soup = BeautifulSoup(html, "html.parser")
    page_lang = soup.html.get("lang", "") if soup.html else ""
    texts: list[tuple[str, str]] = []

    def lang_of(node) -> str:
        element = node if node.name else node.parent  # a string's language is its element's
        owner = element if element.has_attr("lang") else element.find_parent(attrs={"lang": True})
        return owner["lang"] if owner is not None else page_lang

    for string in soup.find_all(string=True):
        if isinstance(string, Comment) or string.parent.name in SKIPPED_TAGS or not string.strip():
            continue
        if isinstance(string, NavigableString):
            texts.append((lang_of(string), str(string)))
    for element in soup.find_all(True):
        if element.name in SKIPPED_TAGS:
            continue
        for attribute, value in element.attrs.items():
            # data-* too: widgets keep the strings their scripts show there (data-checklist-progress).
            if attribute in TEXT_ATTRIBUTES or attribute.startswith("data-") and isinstance(value, str):
                texts.append((lang_of(element), value))
    config = soup.find("script", id="__config")
    if config is not None and config.string:
        texts += [(page_lang, s) for s in json.loads(config.string).get("translations", {}).values()]
    return texts


def check_page(
    html: str, *, file: str, edition: editions.Edition, allowlist: dict[str, frozenset[str]]
) -> list[Leftover]:
    problems = []
    check = check_for(edition)
    for lang, text in reader_texts(html):
        if lang != edition.lang:
            continue  # text in another script on purpose (the switch to the other edition)
        for i, char, expected in check(text, allowlist.get(lang, frozenset())):
            snippet = text[max(0, i - SNIPPET) : i + SNIPPET + 1].strip()
            problems.append(Leftover(file, lang, char, expected, " ".join(snippet.split()), edition.opencc is None))
    return problems


def check_site(
    site_dir: Path,
    *,
    edition: editions.Edition,
    allowlist: dict[str, frozenset[str]] | None = None,
    skip: tuple[Path, ...] = (),
) -> list[Leftover]:
    """Every HTML page of one edition's built site, except those under the skip folders."""
    allowlist = load_allowlist() if allowlist is None else allowlist
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        if any(path.is_relative_to(folder) for folder in skip):
            continue
        html = path.read_text(encoding="utf-8")
        problems += check_page(html, file=str(path.relative_to(site_dir)), edition=edition, allowlist=allowlist)
    return problems


def load_allowlist(path: Path = lint_content.ALLOWLIST_FILE) -> dict[str, frozenset[str]]:
    """{language tag: characters allowed although the check would flag them}."""
    if not path.exists():
        return {}
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(lang): lint_content.load_allowlist(str(lang), path) for lang in data}
