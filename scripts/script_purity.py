"""Script purity of the built site: no Traditional form left in the zh-Hans
edition, no Simplified form in the zh-Hant one.

Checked: what a reader sees or hears — text, the title/aria-label/alt/
placeholder/content and data-* attributes (where widget scripts find their
strings), and the interface strings in Material's ``__config``; not scripts,
styles or URLs. Text inside an element with its own
``lang`` (the link to the other edition, 「简体中文」) is checked in that script.

- zh-Hans: a character is left over if OpenCC's phrase-level t2s conversion of
  the text would still change it.
- zh-Hant: scripts/lint_content.py's rule for the Markdown source, on the HTML.

Characters correct in both scripts in some words are listed, with a reason, in
data/script-allowlist.yml (one section per edition).

    python scripts/script_purity.py SITE_DIR    # SITE_DIR and SITE_DIR/zh-Hans
"""

from __future__ import annotations

import dataclasses
import json
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString

import edition
import lint_content

ROOT = Path(__file__).resolve().parent.parent
TEXT_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "content")
SKIPPED_TAGS = {"script", "style", "template"}
SNIPPET = 12  # characters of context either side


MESSAGES = {  # for contributors, in Chinese like the content lint's
    "zh-Hans": "簡體版留下繁體字「{char}」，應為「{expected}」",
    "zh-Hant": "繁體版出現簡體字「{char}」，應為「{expected}」",
}


@dataclass(frozen=True)
class Problem:
    file: str
    lang: str
    char: str
    expected: str
    snippet: str

    def format(self) -> str:
        message = MESSAGES[self.lang].format(char=self.char, expected=self.expected)
        return f"{self.file}: {message}：…{self.snippet}…"


# -----------------------------------------------------------------------------
# Characters: text in, (index, character, expected form) out
# -----------------------------------------------------------------------------

def traditional_left(text: str, allowed: frozenset[str] = frozenset()) -> list[tuple[int, str, str]]:
    """Characters of Simplified text that OpenCC's t2s, phrase by phrase, would still change.

    t2s, not the edition's tw2s: tw2s also reads Taiwan variants, and on
    Simplified text it would take the 么 of 什么 for a variant of 幺.
    """
    t2s = _t2s()
    converted = t2s.convert(text)
    if len(converted) != len(text):  # OpenCC maps CJK one to one; compare per character then
        converted = "".join(t2s.convert(c) for c in text)
    return [(i, c, s) for i, (c, s) in enumerate(zip(text, converted)) if c != s and c not in allowed]


def simplified_left(text: str, allowed: frozenset[str] = frozenset()) -> list[tuple[int, str, str]]:
    """Characters of Traditional text in Simplified-only form (the content lint's rule)."""
    return [(col - 1, c, t) for col, c, t in lint_content.simplified_only(text, allowed)]


CHECKS = {"zh-Hans": traditional_left, "zh-Hant": simplified_left}


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


def check_page(html: str, *, file: str, allowlist: dict[str, frozenset[str]]) -> list[Problem]:
    problems = []
    for lang, text in reader_texts(html):
        check = CHECKS.get(lang)
        if check is None:
            continue
        for i, char, expected in check(text, allowlist.get(lang, frozenset())):
            snippet = text[max(0, i - SNIPPET): i + SNIPPET + 1].strip()
            problems.append(Problem(file, lang, char, expected, " ".join(snippet.split())))
    return problems


def check_site(site_dir: Path, *, allowlist: dict[str, frozenset[str]] | None = None,
               skip: tuple[Path, ...] = ()) -> list[Problem]:
    """Every HTML page under site_dir, except those under the skip folders."""
    allowlist = load_allowlist() if allowlist is None else allowlist
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        if any(path.is_relative_to(folder) for folder in skip):
            continue
        html = path.read_text(encoding="utf-8")
        problems += check_page(html, file=str(path.relative_to(site_dir)), allowlist=allowlist)
    return problems


def load_allowlist(path: Path = lint_content.ALLOWLIST_FILE) -> dict[str, frozenset[str]]:
    """{edition: characters allowed although the check would flag them}."""
    return {lang: lint_content.load_allowlist(lang, path) for lang in MESSAGES}


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def main(argv: list[str]) -> int:
    site_dir = Path(argv[0]) if argv else ROOT / "site"
    hans = site_dir / edition.EDITION_PATH
    problems = check_site(site_dir, skip=(hans,))
    if hans.is_dir():
        problems += [dataclasses.replace(p, file=edition.EDITION_PATH + p.file) for p in check_site(hans)]
    for problem in problems:
        print(problem.format())
    print(f"字形檢查：{len(problems)} 個問題（{site_dir}）", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
