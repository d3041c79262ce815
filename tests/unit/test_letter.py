"""The letter hook's pure functions: reading data/letter.yml (every mistake at its
line, in Chinese), checking its template's placeholders, and rendering the form and
the request with blanks, without building the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from overdue_guide.letter import LetterError, parse_letter, render_letter

ROOT = Path(__file__).resolve().parents[2]
VALID = (ROOT / "data" / "letter.yml").read_text(encoding="utf-8")


def error_for(text: str) -> LetterError:
    with pytest.raises(LetterError) as caught:
        parse_letter(text)
    return caught.value


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    return [n for n, line in enumerate(text.splitlines(), 1) if needle in line][occurrence - 1]


def rendered(text: str = VALID) -> BeautifulSoup:
    return BeautifulSoup(render_letter(parse_letter(text), "../budget/"), "html.parser")


# -----------------------------------------------------------------------------
# Reading the data
# -----------------------------------------------------------------------------


def test_the_data_file_gives_the_reasons_and_the_template_lines():
    letter = parse_letter(VALID)
    assert letter.page == "letter.md" and letter.pages["budget_page"][0] == "budget.md"
    assert [r.id for r in letter.reasons] == ["lost-job", "illness", "reduced-income", "other"]
    assert letter.template[0] == "您好："
    assert any("{offer}" in line and "{start}" in line for line in letter.template)


def test_an_unknown_placeholder_is_named_at_its_own_line_in_the_template():
    text = VALID.replace("從{start}開始", "從{date}開始")
    error = error_for(text)
    assert error.line == line_of(text, "{date}")
    assert "{date}" in error.message and "{offer}" in error.message  # names what exists


def test_a_stray_brace_is_an_error_at_its_line():
    text = VALID.replace("我是{name}。", "我是{name。")
    assert error_for(text).line == line_of(text, "我是{name。")


@pytest.mark.parametrize("placeholder", ["{offer}", "{start}", "{reason}"])
def test_the_request_must_say_why_how_much_and_from_when(placeholder):
    head, template = VALID.split("template: |")
    text = head + "template: |" + template.replace(placeholder, "")
    error = error_for(text)
    assert error.line == line_of(text, "template:")
    assert placeholder in error.message


def test_an_optional_placeholder_must_have_a_line_of_its_own():
    text = VALID.replace("我是{name}。", "我是{name}，每月能還 {offer} 元。")
    error = error_for(text)
    assert error.line == line_of(text, "我是{name}")
    assert "單獨" in error.message


@pytest.mark.parametrize("field", ["id-number", "phone"])
def test_the_template_cannot_ask_for_an_id_or_a_phone_number(field):
    text = VALID.replace("我是{name}。", f"我是{{name}}。\n  證件：{{{field}}}")
    assert f"{{{field}}}" in error_for(text).message


def test_a_duplicate_reason_id_names_the_second_line():
    text = VALID.replace("id: illness", "id: lost-job")
    error = error_for(text)
    assert error.line == line_of(text, "id: lost-job", 2) and "重複" in error.message


def test_a_missing_reason_label_is_named_at_its_item():
    text = VALID.replace("    label: 收入減少\n", "")
    error = error_for(text)
    assert error.line == line_of(text, "id: reduced-income") and "缺少「label」" in error.message


def test_an_option_string_must_keep_its_placeholders():
    text = VALID.replace('"{debt}：每月 {offer} 元"', '"每月 {offer} 元"')
    error = error_for(text)
    assert error.line == line_of(text, "budget_option:") and "{debt}" in error.message


def test_an_empty_template_is_an_error():
    start = VALID.index("template: |")
    text = VALID[:start] + 'template: ""\n'
    assert error_for(text).line == line_of(text, "template:")


# -----------------------------------------------------------------------------
# Rendering
# -----------------------------------------------------------------------------


def test_the_request_is_written_with_blanks_for_paper():
    html = rendered()
    letter = parse_letter(VALID)
    lines = [p.get_text() for p in html.select("[data-letter-output] p")]
    assert len(lines) == len(letter.template)
    assert "{" not in "".join(lines)
    blank = letter.strings["blank"]
    assert f"每月能拿出 {blank} 元" in "".join(lines)


def test_the_form_asks_only_for_a_reason_a_name_a_contract_number_an_offer_and_a_start():
    html = rendered()
    names = [control.get("name") or "debt" for control in html.select("input, select")]
    assert names == ["reason", "name", "contract", "debt", "offer", "start"]
    for control in html.select("input, select"):
        assert html.find("label", attrs={"for": control["id"]}) is not None
    labels = " ".join(label.get_text() for label in html.select("label"))
    assert "身份證" not in labels and "電話" not in labels and "手機" not in labels


def test_the_reasons_come_from_the_data_with_the_words_the_request_uses():
    html = rendered()
    letter = parse_letter(VALID)
    options = html.select("select[name=reason] option[value!='']")
    assert [(o["value"], o.get_text(), o["data-letter-reason-text"]) for o in options] == [
        (r.id, r.label, r.text) for r in letter.reasons
    ]


def test_the_output_and_its_copy_button_follow_the_dom_contract():
    html = rendered()
    assert html.select_one("[data-letter-output]") is not None
    assert html.select_one("button[data-letter-copy]")["type"] == "button"
    assert html.select_one(".letter__hint a")["href"] == "../budget/"
