"""The negotiation request: a short text the reader copies into in-app chat or prints.

The reasons, the request's template and every string the reader sees live in
``data/letter.yml`` (format: CONTRIBUTING.md, 協商申請). This hook reads and checks
that file once per build, then replaces the ``<!-- letter -->`` line of the letter
page (``page:`` in the data) with a form: the reason (from the data's list), an
optional name and contract number (never an ID or phone number: the template
has no placeholder for them), the monthly offer and when it starts, and the
request itself, written from the template with blanks. With JavaScript off, and
on paper, the blanks are filled in by hand; ``letter.js`` fills them as the
reader types, takes the offer from the budget (hooks/budget.py) and copies or prints.

State: as in hooks/checklist.py, one ``LetterBuild`` per build on its config
(``config["letter_build"]``); the data file's path comes from ``extra.data.letter``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import (
    data_file,  # shared reading of YAML data files
    editions,  # the edition this build makes
    messages,
)
from .data_file import DataError
from .problems import ProblemError

STATE = "letter_build"  # where a build keeps its LetterBuild on its config

# Every string the widget shows; the data file must give each one, and no other.
STRINGS = (
    "reason",
    "reason_choose",
    "name",
    "contract",
    "contract_hint",
    "from_budget",
    "budget_option",
    "unnamed_debt",
    "typed",
    "offer",
    "offer_hint",
    "offer_hint_link",
    "start",
    "start_hint",
    "output",
    "blank",
    "copy",
    "copied",
    "copy_failed",
    "print",
    "clear",
    "clear_confirm",
    "not_a_number",
    "negative",
    "too_large",
)
# Messages the script shows, passed to it as data-message-* attributes.
MESSAGES = (
    "budget_option",
    "unnamed_debt",
    "typed",
    "copied",
    "copy_failed",
    "clear_confirm",
    "not_a_number",
    "negative",
    "too_large",
)

# Strings that must carry the placeholders the script fills in.
STRING_PLACEHOLDERS = {"budget_option": ("{debt}", "{offer}"), "unnamed_debt": ("{number}",)}

# What the template may ask the reader for. A line holding an optional one is left
# out when the reader leaves it empty; the others show a blank.
OPTIONAL = ("name", "contract")
REQUIRED = ("reason", "offer", "start")
PLACEHOLDER = re.compile(r"\{([^{}\n]*)\}")

# Where the request goes: a line of its own in the page's Markdown.
MARKER = re.compile(r"^[ \t]*<!--\s*letter\s*-->[ \t]*$", re.MULTILINE)

# A stable id: lower-case ASCII words joined by hyphens (it keys the reader's saved choice).
REASON_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Reason:
    id: str
    label: str  # on the list
    text: str  # in the request
    line: int


@dataclass(frozen=True)
class Letter:
    page: str
    pages: Mapping[str, tuple[str, int]]  # "page", "budget_page" → (docs path, line)
    strings: Mapping[str, str]
    reasons: tuple[Reason, ...]
    template: tuple[str, ...]  # its lines


LetterError = DataError  # a mistake in data/letter.yml (hooks/data_file.py)


@dataclass
class LetterBuild:
    """What one build knows: the letter and where its data file is."""

    letter: Letter
    data_file: str


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    letter = data_file.load(config, "letter", parse_letter, what="協商申請", convert=editions.text_converter(config))
    config[STATE] = LetterBuild(letter, data_file.data_path(config, "letter"))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build: LetterBuild = config[STATE]
    for key, (path, line) in build.letter.pages.items():
        if not data_file.is_page(files, path):
            raise data_file.build_error(
                build.data_file,
                LetterError(line, messages.WIDGET_PAGE_MISSING, key=key, path=path, example="letter.md"),
            )
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build: LetterBuild = config[STATE]
    letter = build.letter
    src = page.file.src_uri
    if src != letter.page:
        if "<!--" in html and MARKER.search(html):
            raise ProblemError(
                messages.LETTER_MARKER_ELSEWHERE.at(
                    f"docs/{src}", data_file.marker_line(page, MARKER), page=letter.page, data_file=build.data_file
                )
            )
        return html
    if not MARKER.search(html):
        raise ProblemError(messages.LETTER_MARKER_MISSING.at(f"docs/{src}", 1, data_file=build.data_file))
    budget_href = files.get_file_from_path(letter.pages["budget_page"][0]).url_relative_to(page.file)
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.add("letter-output")
    return MARKER.sub(lambda _: render_letter(letter, budget_href), html, count=1)


# -----------------------------------------------------------------------------
# Helpers: reading the data file
# -----------------------------------------------------------------------------


def parse_letter(text: str) -> Letter:
    """The letter in a data file's text; LetterError for anything wrong in it."""
    fields = data_file.compose(text, parts=("page", "budget_page", "strings", "reasons", "template"))
    pages = {
        key: (
            data_file.page(fields[key], example=f"{key.removesuffix('_page') or 'letter'}.md"),
            data_file.line(fields[key]),
        )
        for key in ("page", "budget_page")
    }
    strings, nodes = data_file.strings(fields["strings"], STRINGS)
    for key, needed in STRING_PLACEHOLDERS.items():
        missing = [name for name in needed if name not in strings[key]]
        if missing:
            raise LetterError(
                data_file.line(nodes[key]), messages.LETTER_PLACEHOLDER, key=key, missing="、".join(missing)
            )
    seen: dict[str, int] = {}
    reasons = tuple(_reason(node, seen) for node in data_file.sequence(fields["reasons"], "reasons"))
    return Letter(
        page=pages["page"][0],
        pages=pages,
        strings=strings,
        reasons=reasons,
        template=check_template(fields["template"]),
    )


def check_template(node: yaml.Node) -> tuple[str, ...]:
    """The template's lines; LetterError at the line of a placeholder that does not exist,
    a stray brace, a missing required placeholder, or an optional one sharing a line."""
    data_file.text(node, "template")  # not empty, not a list
    lines = tuple(line.strip() for line in node.value.strip("\n").split("\n"))
    first = data_file.line(node) + (1 if node.style in ("|", ">") else 0)
    known = "、".join(f"{{{name}}}" for name in (*OPTIONAL, *REQUIRED))
    for number, line in enumerate(lines, start=first):
        names = PLACEHOLDER.findall(line)
        for name in names:
            if name not in (*OPTIONAL, *REQUIRED):
                raise LetterError(number, messages.LETTER_UNKNOWN_PLACEHOLDER, name=name, known=known)
        if "{" in PLACEHOLDER.sub("", line) or "}" in PLACEHOLDER.sub("", line):
            raise LetterError(number, messages.LETTER_STRAY_BRACE, known=known)
        if {*names} & {*OPTIONAL} and ({*names} - {*OPTIONAL} or len(names) > 1):
            raise LetterError(number, messages.LETTER_OPTIONAL_SHARES_LINE)
    used = {name for line in lines for name in PLACEHOLDER.findall(line)}
    missing = [f"{{{name}}}" for name in REQUIRED if name not in used]
    if missing:
        raise LetterError(data_file.line(node), messages.LETTER_TEMPLATE_MISSING, missing="、".join(missing))
    return tuple(line for line in lines if line)


def _reason(node: yaml.Node, seen: dict[str, int]) -> Reason:
    fields = data_file.mapping(node, "每個原因", ("id", "label", "text"))
    return Reason(
        id=data_file.unique_id(fields["id"], seen, REASON_ID, example="lost-job"),
        label=data_file.text(fields["label"], "label"),
        text=data_file.text(fields["text"], "text"),
        line=data_file.line(node),
    )


# -----------------------------------------------------------------------------
# Helpers: rendering
# -----------------------------------------------------------------------------


def render_letter(letter: Letter, budget_href: str) -> str:
    """The form and the request written from the template, with blanks where the reader writes."""
    s = letter.strings
    messages = "".join(f' data-message-{key.replace("_", "-")}="{escape(s[key])}"' for key in MESSAGES)
    options = "".join(
        f'<option value="{escape(r.id)}" data-letter-reason-text="{escape(r.text)}">{escape(r.label)}</option>'
        for r in letter.reasons
    )
    offer_hint = f'{escape(s["offer_hint"])}<a href="{escape(budget_href)}">{escape(s["offer_hint_link"])}</a>'
    return (
        f'<form class="letter" data-letter novalidate data-letter-template="{escape(chr(10).join(letter.template))}"'
        f' data-letter-blank="{escape(s["blank"])}"{messages}>\n'
        + _field(
            "reason",
            s["reason"],
            f'<select class="letter__input" id="letter-reason" name="reason">'
            f'<option value="">{escape(s["reason_choose"])}</option>{options}</select>',
        )
        + _field("name", s["name"], _text_input("name"))
        + _field("contract", s["contract"], _text_input("contract"), hint=escape(s["contract_hint"]))
        + _field(
            "debt",
            s["from_budget"],
            '<select class="letter__input" id="letter-debt" data-letter-debt></select>',
            hidden=True,
        )
        + _field("offer", s["offer"], _text_input("offer", numeric=True), hint=offer_hint, error=True)
        + _field("start", s["start"], _text_input("start"), hint=escape(s["start_hint"]))
        + f'<h2 class="letter__title" id="letter-output">{escape(s["output"])}</h2>\n'
        + '<div class="letter__output" data-letter-output aria-live="polite">\n'
        + "".join(f"<p>{escape(line)}</p>\n" for line in blank_lines(letter.template, s["blank"]))
        + "</div>\n"
        + f'<p class="letter__actions" hidden>'
        f'<button type="button" class="letter__button" data-letter-copy>{escape(s["copy"])}</button> '
        f'<button type="button" class="letter__button" data-letter-print>{escape(s["print"])}</button> '
        f'<button type="button" class="letter__button" data-letter-clear>{escape(s["clear"])}</button></p>\n'
        + '<p class="letter__feedback" role="status" aria-live="polite"></p>\n'
        + "</form>\n"
    )


def blank_lines(template: tuple[str, ...], blank: str) -> list[str]:
    """The template for paper: every placeholder a blank to write on."""
    return [PLACEHOLDER.sub(blank, line) for line in template]


def _field(name: str, label: str, control: str, *, hint: str = "", error: bool = False, hidden: bool = False) -> str:
    hint_html = f'<span class="letter__hint" id="letter-{name}-hint">{hint}</span>' if hint else ""
    error_html = f'<span class="letter__error" id="letter-{name}-error"></span>' if error else ""
    described = " ".join(f"letter-{name}-{part}" for part, on in (("hint", hint), ("error", error)) if on)
    if described:
        control = control.replace(f'id="letter-{name}"', f'id="letter-{name}" aria-describedby="{described}"', 1)
    return (
        f'<p class="letter__field"{" data-letter-from-budget hidden" if hidden else ""}>'
        f'<label class="letter__label" for="letter-{name}">{escape(label)}</label>'
        f"{control}{hint_html}{error_html}</p>\n"
    )


def _text_input(name: str, *, numeric: bool = False) -> str:
    mode = ' inputmode="decimal"' if numeric else ' maxlength="40"'
    return f'<input class="letter__input" id="letter-{name}" name="{name}" type="text" autocomplete="off"{mode}>'
