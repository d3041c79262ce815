"""The repayment budget: income minus essential spending, shared among the debts.

The fields (income, essential spending), their labels and hints, and every string
the reader sees live in ``data/budget.yml`` (format: CONTRIBUTING.md, 還款預算表).
This hook reads and checks that file once per build, then replaces the
``<!-- budget -->`` line of the budget page (``page:`` in the data) with a form:

- a labelled money field per income and spending item, in the data's order;
- a table of debts (three blank rows), with empty cells for each row's share and months;
- the amount available, and a kind note with links for when nothing is left (hidden).

With JavaScript off, and on paper (the PDF), it is a blank table to fill in by hand;
``budget.js`` does the maths as the reader types and keeps the figures on the device.

State: as in hooks/checklist.py, one ``BudgetBuild`` per build on its config
(``config["budget_build"]``); the data file's path comes from ``extra.data.budget``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
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

STATE = "budget_build"  # where a build keeps its BudgetBuild on its config

# Every string the widget shows; the data file must give each one, and no other.
STRINGS = (
    "income_heading",
    "spending_heading",
    "income_total",
    "spending_total",
    "unit",
    "available",
    "debts_heading",
    "debt_name",
    "debt_amount",
    "debt_offer",
    "debt_months",
    "add_debt",
    "remove_debt",
    "start",
    "no_debts",
    "result",
    "fix_fields",
    "nothing_left",
    "nothing_left_path",
    "nothing_left_help",
    "not_a_number",
    "negative",
    "too_large",
    "amount_missing",
    "clear",
    "clear_confirm",
)
# Strings that must carry a placeholder the script fills in.
PLACEHOLDERS = {"no_debts": "{available}", "result": "{available}"}
# Messages the script shows, passed to it as data-message-* attributes.
MESSAGES = (
    "start",
    "no_debts",
    "result",
    "fix_fields",
    "not_a_number",
    "negative",
    "too_large",
    "amount_missing",
    "clear_confirm",
)

# Where the budget goes: a line of its own in the page's Markdown.
MARKER = re.compile(r"^[ \t]*<!--\s*budget\s*-->[ \t]*$", re.MULTILINE)

# A stable id: lower-case ASCII words joined by hyphens (it keys readers' saved figures).
FIELD_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

BLANK_DEBT_ROWS = 3  # rows on paper; the script adds more on request


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    hint: str  # "" when the data gives none
    line: int


@dataclass(frozen=True)
class Budget:
    page: str
    pages: Mapping[str, tuple[str, int]]  # "page", "path_page", "help_page" → (docs path, line)
    strings: Mapping[str, str]
    income: tuple[Field, ...]
    spending: tuple[Field, ...]


BudgetError = DataError  # a mistake in data/budget.yml (hooks/data_file.py)


@dataclass
class BudgetBuild:
    """What one build knows: the budget and where its data file is."""

    budget: Budget
    data_file: str


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    budget = data_file.load(config, "budget", parse_budget, what="還款預算表", convert=editions.text_converter(config))
    config[STATE] = BudgetBuild(budget, data_file.data_path(config, "budget"))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build: BudgetBuild = config[STATE]
    for key, (path, line) in build.budget.pages.items():
        if not data_file.is_page(files, path):
            raise data_file.build_error(
                build.data_file,
                BudgetError(line, messages.WIDGET_PAGE_MISSING, key=key, path=path, example="budget.md"),
            )
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build: BudgetBuild = config[STATE]
    budget = build.budget
    src = page.file.src_uri
    if src != budget.page:
        if "<!--" in html and MARKER.search(html):
            raise ProblemError(
                messages.BUDGET_MARKER_ELSEWHERE.at(
                    f"docs/{src}", data_file.marker_line(page, MARKER), page=budget.page, data_file=build.data_file
                )
            )
        return html
    if not MARKER.search(html):
        raise ProblemError(messages.BUDGET_MARKER_MISSING.at(f"docs/{src}", 1, data_file=build.data_file))

    def href(key: str) -> str:
        return files.get_file_from_path(budget.pages[key][0]).url_relative_to(page.file)

    return MARKER.sub(lambda _: render_budget(budget, href), html, count=1)


# -----------------------------------------------------------------------------
# Helpers: reading the data file
# -----------------------------------------------------------------------------


def parse_budget(text: str) -> Budget:
    """The budget in a data file's text; BudgetError for anything wrong in it."""
    fields = data_file.compose(text, parts=("page", "path_page", "help_page", "strings", "income", "spending"))
    pages = {
        key: (
            data_file.page(fields[key], example=f"{key.removesuffix('_page') or 'budget'}.md"),
            data_file.line(fields[key]),
        )
        for key in ("page", "path_page", "help_page")
    }
    strings, nodes = data_file.strings(fields["strings"], STRINGS)
    for key, placeholder in PLACEHOLDERS.items():
        if placeholder not in strings[key]:
            raise BudgetError(data_file.line(nodes[key]), messages.BUDGET_PLACEHOLDER, key=key, placeholder=placeholder)
    seen: dict[str, int] = {}  # id → line where it was first used
    return Budget(
        page=pages["page"][0],
        pages=pages,
        strings=strings,
        income=_fields(fields["income"], "income", seen),
        spending=_fields(fields["spending"], "spending", seen),
    )


def _fields(node: yaml.Node, where: str, seen: dict[str, int]) -> tuple[Field, ...]:
    return tuple(_field(item, seen) for item in data_file.sequence(node, where))


def _field(node: yaml.Node, seen: dict[str, int]) -> Field:
    fields = data_file.mapping(node, "每一項", ("id", "label"), optional=("hint",))
    return Field(
        id=data_file.unique_id(fields["id"], seen, FIELD_ID, example="wages"),
        label=data_file.text(fields["label"], "label"),
        hint=data_file.text(fields["hint"], "hint") if "hint" in fields else "",
        line=data_file.line(node),
    )


# -----------------------------------------------------------------------------
# Helpers: rendering
# -----------------------------------------------------------------------------


def render_budget(budget: Budget, href: Callable[[str], str]) -> str:
    """The budget form: fields, totals, the amount available, debts, and the result."""
    s = budget.strings
    messages = "".join(f' data-message-{key.replace("_", "-")}="{escape(s[key])}"' for key in MESSAGES)
    return (
        f'<form class="budget" data-budget novalidate{messages}>\n'
        + _group("income", s["income_heading"], budget.income, s["income_total"], s["unit"])
        + _group("spending", s["spending_heading"], budget.spending, s["spending_total"], s["unit"])
        + f'<p class="budget__available">{escape(s["available"])}：'
        f'<span class="budget__figure" data-budget-available></span> {escape(s["unit"])}</p>\n'
        + _debts(s)
        + f'<div class="budget__result" role="status" aria-live="polite">\n'
        f'<p class="budget__summary" data-budget-summary></p>\n'
        f'<div class="budget__nothing-left" data-budget-nothing-left hidden>\n'
        f"<p>{escape(s['nothing_left'])}</p>\n"
        f'<ul><li><a href="{escape(href("path_page"))}">{escape(s["nothing_left_path"])}</a></li>'
        f'<li><a href="{escape(href("help_page"))}">{escape(s["nothing_left_help"])}</a></li></ul>\n'
        f"</div>\n</div>\n"
        + f'<p class="budget__actions" hidden><button type="button" class="budget__button" data-budget-clear>'
        f"{escape(s['clear'])}</button></p>\n" + "</form>\n"
    )


def _group(kind: str, heading: str, fields: tuple[Field, ...], total: str, unit: str) -> str:
    rows = "".join(_field_row(kind, field, unit) for field in fields)
    return (
        f'<fieldset class="budget__group">\n<legend class="budget__legend">{escape(heading)}</legend>\n'
        f'<table class="budget__table">\n<tbody>\n{rows}'
        f'<tr class="budget__total"><th scope="row">{escape(total)}</th>'
        f'<td><span class="budget__figure" data-budget-total="{kind}"></span> {escape(unit)}</td></tr>\n'
        f"</tbody>\n</table>\n</fieldset>\n"
    )


def _field_row(kind: str, field: Field, unit: str) -> str:
    key = f"budget-{escape(field.id)}"
    hint = f'<span class="budget__hint" id="{key}-hint">{escape(field.hint)}</span>' if field.hint else ""
    described = f"{key}-hint {key}-error" if field.hint else f"{key}-error"
    return (
        f'<tr><th scope="row"><label class="budget__label" for="{key}">{escape(field.label)}</label>{hint}</th>'
        f'<td><input class="budget__input" id="{key}" name="{escape(field.id)}" type="text" inputmode="decimal"'
        f' autocomplete="off" data-budget-field="{kind}" aria-describedby="{described}">'
        f' <span class="budget__unit">{escape(unit)}</span>'
        f'<span class="budget__error" id="{key}-error"></span></td></tr>\n'
    )


def _debts(s: Mapping[str, str]) -> str:
    row = (
        '<tr class="budget__debt" data-budget-debt>'
        f'<td><label class="budget__cell-label"><span class="budget__hidden">{escape(s["debt_name"])}</span>'
        '<input class="budget__input" name="debt-name" type="text" autocomplete="off" maxlength="40"></label></td>'
        f'<td><label class="budget__cell-label"><span class="budget__hidden">{escape(s["debt_amount"])}</span>'
        '<input class="budget__input" name="debt-amount" type="text" inputmode="decimal" autocomplete="off">'
        '</label><span class="budget__error"></span></td>'
        f'<td data-label="{escape(s["debt_offer"])}"><span class="budget__figure" data-budget-offer></span></td>'
        f'<td data-label="{escape(s["debt_months"])}"><span class="budget__figure" data-budget-months></span></td>'
        f'<td class="budget__remove-cell"><button type="button" class="budget__button budget__remove"'
        f" data-budget-remove hidden>{escape(s['remove_debt'])}</button></td>"
        "</tr>\n"
    )
    heads = "".join(
        f'<th scope="col">{escape(s[key])}</th>' for key in ("debt_name", "debt_amount", "debt_offer", "debt_months")
    )
    return (
        f'<fieldset class="budget__group">\n<legend class="budget__legend">{escape(s["debts_heading"])}</legend>\n'
        f'<table class="budget__table budget__debts">\n'
        f'<thead><tr>{heads}<th scope="col" class="budget__remove-cell">'
        f'<span class="budget__hidden">{escape(s["remove_debt"])}</span></th></tr></thead>\n'
        f"<tbody data-budget-debts>\n{row * BLANK_DEBT_ROWS}</tbody>\n</table>\n"
        f'<p class="budget__actions" hidden><button type="button" class="budget__button" data-budget-add>'
        f"{escape(s['add_debt'])}</button></p>\n"
        f"</fieldset>\n"
    )
