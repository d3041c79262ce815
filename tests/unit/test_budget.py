"""The budget hook's pure functions: reading data/budget.yml (every mistake at its
line, in Chinese) and rendering the form, without building the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from overdue_guide.budget import BudgetError, parse_budget, render_budget

ROOT = Path(__file__).resolve().parents[2]
VALID = (ROOT / "data" / "budget.yml").read_text(encoding="utf-8")


def error_for(text: str) -> BudgetError:
    with pytest.raises(BudgetError) as caught:
        parse_budget(text)
    return caught.value


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing needle."""
    return [n for n, line in enumerate(text.splitlines(), 1) if needle in line][occurrence - 1]


def rendered(text: str = VALID) -> BeautifulSoup:
    pages = {"path_page": "../plan/", "help_page": "../help/"}
    return BeautifulSoup(render_budget(parse_budget(text), pages.__getitem__), "html.parser")


# -----------------------------------------------------------------------------
# Reading the data
# -----------------------------------------------------------------------------


def test_the_data_file_gives_income_and_spending_fields_in_file_order():
    budget = parse_budget(VALID)
    assert budget.page == "budget.md"
    assert {key: path for key, (path, _) in budget.pages.items()} == {
        "page": "budget.md",
        "path_page": "plan.md",
        "help_page": "help.md",
    }
    assert [f.id for f in budget.income] == ["wages", "other-income"]
    assert [f.id for f in budget.spending][:2] == ["housing", "food"]
    assert budget.income[0].label == "工資" and budget.income[0].hint
    assert budget.spending[1].hint == ""  # a hint is optional
    assert budget.income[0].line == line_of(VALID, "id: wages")


@pytest.mark.parametrize("label", ['""', "~", ""])
def test_an_empty_label_is_an_error_at_its_line(label):
    text = VALID.replace("label: 工資", f"label: {label}")
    error = error_for(text)
    assert error.line == line_of(text, "id: wages") + 1
    assert "label" in error.message and "空" in error.message


def test_a_missing_label_is_named_at_its_item():
    text = VALID.replace("    label: 交通\n", "")
    error = error_for(text)
    assert error.line == line_of(text, "id: transport")
    assert "缺少「label」" in error.message


def test_a_duplicate_id_names_the_line_of_the_second_use_even_across_income_and_spending():
    text = VALID.replace("id: food", "id: wages")
    error = error_for(text)
    assert error.line == line_of(text, "id: wages", 2)
    assert "重複" in error.message and f"第 {line_of(text, 'id: wages')} 行" in error.message


@pytest.mark.parametrize("field_id", ["Wages", "工資", "other income", "other_income"])
def test_an_id_must_be_lower_case_ascii_words(field_id):
    text = VALID.replace("id: wages", f"id: {field_id}")
    assert error_for(text).line == line_of(text, f"id: {field_id}")
    assert "小寫英文字母" in error_for(text).message


def test_an_unknown_field_is_named_so_typos_are_caught():
    text = VALID.replace("    hint: 每月實際到手的錢", "    hnit: 每月實際到手的錢")
    error = error_for(text)
    assert error.line == line_of(text, "hnit") and "hnit" in error.message


def test_a_missing_string_is_named():
    error = error_for(VALID.replace("  clear: 清空表格\n", ""))
    assert "clear" in error.message and "缺少" in error.message


def test_the_result_text_must_keep_its_placeholder():
    text = VALID.replace("每月能拿出 {available} 元還款，已按", "每月能拿出的錢，已按")
    error = error_for(text)
    assert error.line == line_of(text, "  result:")
    assert "{available}" in error.message


def test_a_page_that_is_not_a_markdown_file_is_named():
    text = VALID.replace("help_page: help.md", "help_page: help")
    assert error_for(text).line == line_of(text, "help_page:")


def test_empty_spending_is_an_error_at_its_line():
    start = VALID.index("spending:\n")
    text = VALID[:start] + "spending: []\n"
    assert error_for(text).line == line_of(text, "spending: []")


# -----------------------------------------------------------------------------
# Rendering
# -----------------------------------------------------------------------------


def test_every_money_field_has_a_real_label_and_its_kind_in_data_order():
    html = rendered()
    budget = parse_budget(VALID)
    inputs = html.select("input[data-budget-field]")
    assert [(i["data-budget-field"], i["name"]) for i in inputs] == (
        [("income", f.id) for f in budget.income] + [("spending", f.id) for f in budget.spending]
    )
    for field, box in zip((*budget.income, *budget.spending), inputs):
        assert html.find("label", attrs={"for": box["id"]}).get_text() == field.label
        described = box["aria-describedby"].split()
        assert all(html.find(id=i) is not None for i in described)
        if field.hint:
            assert html.find(id=described[0]).get_text() == field.hint


def test_the_debt_rows_follow_the_dom_contract():
    html = rendered()
    rows = html.select("[data-budget-debt]")
    assert len(rows) == 3  # blank rows to write on, on paper
    for row in rows:
        assert [i["name"] for i in row.select("input")] == ["debt-name", "debt-amount"]
        assert all(i.find_parent("label") for i in row.select("input"))  # each input has a real label
        assert row.select_one("[data-budget-offer]") and row.select_one("[data-budget-months]")
    assert html.select_one("button[data-budget-add]")["type"] == "button"
    assert html.select_one("[data-budget-available]") is not None


def test_the_result_is_a_live_region_with_the_nothing_left_note_and_its_links_inside():
    html = rendered()
    region = html.select_one("[aria-live=polite]")
    assert region.select_one("[data-budget-summary]") is not None
    note = region.select_one("[data-budget-nothing-left]")
    assert note.has_attr("hidden")
    assert [a["href"] for a in note.select("a")] == ["../plan/", "../help/"]


def test_every_data_string_is_escaped():
    text = VALID.replace("label: 工資", 'label: "<b>工資</b> & \\"x\\""')
    html = rendered(text)
    assert html.select_one("label[for=budget-wages]").get_text() == '<b>工資</b> & "x"'
    assert html.find("b") is None
