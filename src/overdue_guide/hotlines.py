"""Hotlines a reader can tap: each number listed in data/hotlines.yml becomes a tel: link.

Contributors write a hotline as plain text (「撥打 12378」); when a page is
rendered, every number of the list in its text becomes
``<a class="hotline" href="tel:12378">12378</a>``. The link's text is the
number itself, so a printed page (the PDF) still shows it. Text inside links,
code, scripts and hidden elements is left as it is. This hook runs before the
glossary's (mkdocs.yml): no term is marked inside a tel: link, the walk meets
none of the glossary's marks, and the glossary links the numbers of the entries
it writes on its own page itself; its hidden definitions stay plain. The
single-file page and the PDF are made from these pages, so they carry the same
links.

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
# A comment or a tag, whose quoted attribute values may hold ">"; the attributes written as runs of
# other characters between quoted values, which the search matches a third faster than one
# character or value at a time (the same tags: tests/unit/test_hook_speedups.py).
TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w-]*)([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)>", re.DOTALL)
HIDDEN = re.compile(r"\shidden(?=[\s=/]|$)", re.IGNORECASE)
NUMBER = re.compile(r"^[0-9]{3,11}$")
NOT_BEFORE = r"[0-9A-Za-z_.+\-/]"  # a hotline right after one of these is part of a longer number, date or word


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
    (ASCII classes: a Chinese character right beside the number is fine, 「撥打95188」).

    Each number is tested for what comes before it once it has matched, not before: a pattern that
    starts with a lookbehind is tried at every character of the page, one that starts with digits
    only where they are (some three times faster on a page of the guide).
    """
    alternatives = "|".join(
        rf"{re.escape(n)}(?<!{NOT_BEFORE}{re.escape(n)})" for n in sorted(numbers, key=len, reverse=True)
    )
    return re.compile(rf"(?:{alternatives})(?![0-9A-Za-z_/]|[.\-]\d)")


def link_hotlines(html: str, pattern: re.Pattern[str]) -> str:
    """The HTML with each hotline in its text turned into a tel: link (not inside links, code or hidden elements)."""
    numbers = list(pattern.finditer(html))
    if not numbers:
        return html  # most pages of a large site: no hotline at all
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, text inside is left alone)
    last = 0  # the end of what out holds
    at = 0  # the next number to place
    # The numbers were found in the whole page: each is in the text before the next tag, or inside
    # that tag (an attribute, a comment) and left alone. No number holds "<" or ">", and where a text
    # starts or ends, the pattern's lookarounds treat a tag's ">" or "<" as they would the text's end.
    for tag in TAG.finditer(html):
        while at < len(numbers) and numbers[at].start() < tag.end():
            number = numbers[at]
            at += 1
            if number.start() < tag.start() and not (stack and stack[-1][1]):
                out += (html[last : number.start()], tel_link(number[0]))
                last = number.end()
        if at == len(numbers):
            break  # no number after this tag: the rest is copied as it is
        closing, name, attributes = tag[1], (tag[2] or "").lower(), tag[3] or ""
        if not name:
            pass  # a comment
        elif closing:
            while stack and stack.pop()[0] != name:
                pass
        elif name not in VOID and not attributes.rstrip().endswith("/"):
            stack.append((name, name in SKIP or bool(HIDDEN.search(attributes)) or bool(stack and stack[-1][1])))
    for number in numbers[at:]:  # in the text after the last tag
        if not (stack and stack[-1][1]):
            out += (html[last : number.start()], tel_link(number[0]))
            last = number.end()
    out.append(html[last:])
    return "".join(out)


def tel_link(number: str) -> str:
    return f'<a class="hotline" href="tel:{number}">{number}</a>'
