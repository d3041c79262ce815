"""The content lint catches every defect class of the scraped source, names
file, line and column, and stays quiet on the cleaned pages."""

from pathlib import Path

import pytest

import lint_content
from lint_content import lint_text

ROOT = Path(__file__).resolve().parents[2]

# Lines as the spam blog published them (personal data replaced by look-alikes).
GARBLED = {
    "pinyin": "支付寶貸款逾期協(xié)商",
    "half-width": "1. 收入減少:失業(yè)或收入大幅下降會(huì)導(dǎo)致借款人無法按時(shí)還款。",
    "simplified": "逾期不僅影響個人信用記錄,還可能帶來一系列的法律和經濟后果。",
    "loose": "爭取更寬松的還款條件,如延長還款期限、降低利息等。",
    "phone": "聯繫人:13800138000 10001@qq.com",
    "chrome": "小編導語",
}


def messages(text, markdown=True, allowed=frozenset()):
    return [p.message for p in lint_text(text, markdown=markdown, allowed=allowed)]


def test_pinyin_after_a_character_is_reported_with_its_column():
    problems = lint_text(GARBLED["pinyin"], markdown=True)
    assert [(p.line, p.column) for p in problems] == [(1, 9)]
    assert "(xié)" in problems[0].message


def test_full_width_brackets_around_pinyin_are_reported_too():
    assert any("（xié）" in m for m in messages("協（xié）商"))


def test_brackets_that_are_not_pinyin_pass():
    assert messages("花唄（消費信貸）和借唄（現金貸款）") == []


@pytest.mark.parametrize("mark, full", [(",", "，"), (":", "："), ("!", "！"), (";", "；"), ("?", "？")])
def test_half_width_punctuation_between_chinese_is_reported_with_the_fix(mark, full):
    assert any(f"「{mark}」" in m and f"「{full}」" in m for m in messages(f"還款{mark}協商"))


def test_half_width_punctuation_next_to_latin_text_passes():
    assert messages("通過支付寶 App, Web 或客服電話") == []


@pytest.mark.parametrize("word, char, fixed", [("后果", "后", "後"), ("什么", "么", "麼"), ("征信", "征", "徵"),
                                                ("寬松", "松", "鬆"), ("并且", "并", "並"), ("采取", "采", "採"),
                                                ("聯系", "系", "繫")])
def test_simplified_characters_left_by_a_naive_conversion_are_reported(word, char, fixed):
    found = messages(f"這是{word}。")
    assert any(f"「{char}」" in m and f"「{fixed}」" in m for m in found), found


def test_characters_that_are_also_traditional_pass_in_context():
    assert messages("徵信系統記錄松樹的後果，並且採取措施。") == []


def test_allow_list_silences_a_shared_character():
    assert messages("及時了解還款信息", allowed=frozenset()) != []
    assert messages("及時了解還款信息", allowed=frozenset({"了"})) == []


@pytest.mark.parametrize("data", ["13800138000", "+86 13800138000", "010-12345678", "someone@example.com", "QQ：12345678"])
def test_phone_numbers_and_email_addresses_are_reported(data):
    assert any("個人資料" in m for m in messages(f"聯繫 {data} 查詢"))


def test_numbers_that_are_not_contacts_pass():
    assert messages("已完成 3／10，利息 2024 年起計算，第 1.1 節") == []


def test_the_spam_blogs_voice_is_reported():
    assert any("小編" in m for m in messages(GARBLED["chrome"]))


def test_a_chinese_heading_needs_an_explicit_id():
    assert any("錨點" in m for m in messages("## 準備材料"))
    assert messages("## 準備材料 {#prepare-documents}") == []
    assert messages("## 準備材料", markdown=False) == []  # YAML comments are not headings


def test_fenced_code_is_not_linted():
    assert messages("```\n協(xié)商,后果\n```\n") == []


def test_yaml_keys_are_syntax_not_punctuation():
    assert messages("label: 聯繫支付寶客服", markdown=False) == []
    assert messages("- 了: 說明,理由", markdown=False) != []


def test_every_defect_line_of_the_source_is_caught():
    for kind, line in GARBLED.items():
        assert lint_text(line, markdown=True), kind


def test_the_published_pages_and_data_are_clean():
    assert lint_content.lint_paths([ROOT / "docs", ROOT / "data"]) == []


def test_cli_names_file_line_and_column_and_fails(tmp_path, capsys):
    bad = tmp_path / "page.md"
    bad.write_text("# 標題 {#title}\n\n協商后果\n", encoding="utf-8")
    assert lint_content.main([str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:3:3: 簡體字「后」" in out
