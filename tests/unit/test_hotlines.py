"""Hotlines a reader can tap (hooks/hotlines.py): the numbers of data/hotlines.yml become
tel: links in the rendered text, never inside links, code or hidden data, never inside a
longer number; the data file is checked with file:line messages; the content lint reads the
same list."""

from __future__ import annotations

from pathlib import Path

import pytest

from overdue_guide import data_file, hotlines, lint_content

ROOT = Path(__file__).resolve().parents[2]
PATTERN = hotlines.number_pattern(["95188", "12378", "110", "120"])


def link(html: str) -> str:
    return hotlines.link_hotlines(html, PATTERN)


def tel(number: str) -> str:
    return f'<a class="hotline" href="tel:{number}">{number}</a>'


def test_a_hotline_in_text_becomes_a_tel_link_whose_text_is_the_number():
    assert link("<p>撥打 12378 投訴，或撥打95188。</p>") == f"<p>撥打 {tel('12378')} 投訴，或撥打{tel('95188')}。</p>"


def test_every_hotline_of_a_paragraph_and_of_nested_inline_elements_is_linked():
    assert link("<li><strong>110</strong>、120</li>") == f"<li><strong>{tel('110')}</strong>、{tel('120')}</li>"


@pytest.mark.parametrize(
    "html",
    [
        '<a href="help/">12378</a>',  # a link already
        "<code>95188</code>",
        "<pre><code>110\n</code></pre>",  # code
        '<div hidden data-search-exclude>{"t": "撥打 12378"}</div>',  # the glossary's definitions, read by its script
        "<div hidden><p>110</p></div>",  # inside a hidden element
        "<script>var x = 110;</script>",
        '<p title="撥打 12378">說明</p>',  # attributes are not text
    ],
)
def test_links_code_hidden_elements_and_attributes_are_left_alone(html):
    assert link(html) == html


@pytest.mark.parametrize("text", ["1101", "5110", "12378-1", "95188.5", "2026-110", "v110", "0110", "1.120"])
def test_a_hotline_inside_a_longer_number_or_word_is_not_linked(text):
    assert link(f"<p>{text}</p>") == f"<p>{text}</p>"


def test_text_after_a_hidden_element_is_linked_again():
    assert link("<div hidden>110</div><p>110</p>") == f"<div hidden>110</div><p>{tel('110')}</p>"


def test_void_and_self_closing_elements_do_not_hide_what_follows():
    assert link('<p><img src="a.png"><br/>110</p>') == f'<p><img src="a.png"><br/>{tel("110")}</p>'


# --- data/hotlines.yml ---


def test_the_data_file_lists_each_number_with_what_it_is():
    text = (ROOT / "data" / "hotlines.yml").read_text(encoding="utf-8")
    numbers = hotlines.parse_hotlines(text)
    assert {"95188", "12378", "12363", "12348", "12368", "12356", "110", "120", "96110"} == set(numbers)
    assert all(numbers.values())


@pytest.mark.parametrize(
    "text, line, words",
    [
        ('hotlines:\n  "12378": 投訴\n  "123 78": 投訴\n', 3, "不是熱線號碼"),
        ('hotlines:\n  "12378": 投訴\n  "12378": 又一次\n', 3, "寫了兩次"),
        ('hotlines:\n  "12378":\n', 2, "是空的"),
        ("hotlines: []\n", 1, "號碼: 說明"),
        ('hotline:\n  "110": 報警\n', 1, "不認識的字段"),
    ],
)
def test_mistakes_in_the_data_file_name_the_line_and_the_fix(text, line, words):
    with pytest.raises(data_file.DataError) as error:
        hotlines.parse_hotlines(text)
    assert error.value.line == line and words in error.value.message


def test_the_content_lint_takes_its_public_numbers_from_the_same_file(tmp_path):
    assert lint_content.public_numbers(ROOT) == frozenset(
        hotlines.parse_hotlines((ROOT / "data" / "hotlines.yml").read_text(encoding="utf-8"))
    )
    other = tmp_path / "hotlines.yml"
    other.write_text('hotlines:\n  "12345": 某熱線\n', encoding="utf-8")
    assert lint_content._hotlines(other) == {"12345"}
