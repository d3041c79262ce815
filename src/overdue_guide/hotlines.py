"""Hotlines a reader can tap: each number listed in data/hotlines.yml becomes a tel: link.

Contributors write a hotline as plain text (「撥打 12378」); when a page is
rendered, every number of the list in its text becomes
``<a class="hotline" href="tel:12378">12378</a>``. The link's text is the
number itself, so a printed page (the PDF) still shows it. Text inside links,
code, scripts and hidden elements (the glossary's definitions, read by its
script) is left as it is. The single-file page and the PDF are made from these
pages, so they carry the same links.

The same list tells the content lint which numbers are public hotlines and
not anyone's personal number (scripts/lint_content.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import (
    data_file,  # shared reading of contributors' files
    messages,
)

STATE = "hotlines_build"  # where a build keeps its compiled pattern on its config

# Elements whose text is never linked: links already, code, what the reader does not see as text.
SKIP = frozenset({"a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "title", "svg", "button"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.DOTALL)
HIDDEN = re.compile(r"\shidden(?=[\s=/]|$)", re.IGNORECASE)
NUMBER = re.compile(r"^[0-9]{3,11}$")


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    hotlines = data_file.load(config, "hotlines", parse_hotlines, what="熱線")
    config[STATE] = number_pattern(hotlines)
    return config


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return link_hotlines(html, config[STATE])


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def parse_hotlines(text: str) -> dict[str, str]:
    """{number: what it is} from data/hotlines.yml; DataError at the line of a mistake."""
    fields = data_file.compose(text, parts=("hotlines",))
    node = fields["hotlines"]
    if not isinstance(node, yaml.MappingNode) or not node.value:
        raise data_file.DataError(data_file.line(node), messages.HOTLINES_SHAPE)
    found: dict[str, str] = {}
    for key, value in node.value:
        number = key.value.strip() if isinstance(key, yaml.ScalarNode) else ""
        if not NUMBER.match(number):
            raise data_file.DataError(data_file.line(key), messages.HOTLINE_NUMBER_FORM, number=number)
        if number in found:
            raise data_file.DataError(data_file.line(key), messages.HOTLINE_TWICE, number=number)
        found[number] = data_file.text(value, f"號碼 {number} 的說明")
    return found


def number_pattern(numbers: Iterable[str]) -> re.Pattern[str]:
    """One pattern for every hotline, longest first, not inside a longer number, date or Latin word
    (ASCII classes: a Chinese character right beside the number is fine, 「撥打95188」)."""
    alternatives = "|".join(re.escape(n) for n in sorted(numbers, key=len, reverse=True))
    return re.compile(rf"(?<![0-9A-Za-z_.+\-/])(?:{alternatives})(?![0-9A-Za-z_/]|[.\-]\d)")


def link_hotlines(html: str, pattern: re.Pattern[str]) -> str:
    """The HTML with each hotline in its text turned into a tel: link (not inside links, code or hidden elements)."""
    if not pattern.search(html):
        return html  # most pages of a large site: no hotline at all
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, text inside is left alone)
    last = 0
    for tag in TAG.finditer(html):
        out.append(_linked(html[last : tag.start()], pattern, stack))
        last = tag.end()
        closing, name, attributes = tag[1], (tag[2] or "").lower(), tag[3] or ""
        if not name:
            pass  # a comment
        elif closing:
            while stack and stack.pop()[0] != name:
                pass
        elif name not in VOID and not attributes.rstrip().endswith("/"):
            stack.append((name, name in SKIP or bool(HIDDEN.search(attributes)) or bool(stack and stack[-1][1])))
        out.append(tag[0])
    out.append(_linked(html[last:], pattern, stack))
    return "".join(out)


def _linked(text: str, pattern: re.Pattern[str], stack: list[tuple[str, bool]]) -> str:
    """A run of text between two tags, with its hotlines linked unless an open element leaves it alone."""
    if not text or (stack and stack[-1][1]):
        return text
    return pattern.sub(lambda m: f'<a class="hotline" href="tel:{m[0]}">{m[0]}</a>', text)
