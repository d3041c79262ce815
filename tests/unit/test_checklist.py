"""The checklist hook's pure functions: reading data/checklist.yml, checking
its links, and rendering the HTML, without building the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from overdue_guide import checklist
from overdue_guide.checklist import ChecklistError, check_links, check_pages, parse_checklist

ROOT = Path(__file__).resolve().parents[2]

STRINGS = """\
strings:
  page_heading: 本頁行動清單
  page_intro: 勾選你已完成的行動。
  full_list_link: 查看完整行動清單
  explain_link: 說明
  progress: 已完成 {done}／{total}
  copy: 複製為純文本
  copied: 已複製
  copy_failed: 無法自動複製
  copy_heading: 行動清單
  done_mark: ☑
  todo_mark: ☐
  reset: 重置
  reset_confirm: 確定要清除嗎？
  copy_footer: 來自指南：{url}
"""

ITEMS = """\
stages:
  - id: after-overdue
    name: 逾期後的應對
    items:
      - id: contact-support
        label: 聯繫支付寶客服
        link: response.md#communicate-early
      - id: repayment-plan
        label: 制定還款計劃
        link: response.md#repayment-plan
  - id: negotiation-steps
    name: 協商步驟
    items:
      - id: prepare-id
        label: 準備身份證明
        link: negotiation.md#prepare-documents
"""

VALID = "page: checklist.md\n" + STRINGS + ITEMS
ANCHORS = {
    "checklist.md": {"checklist"},
    "response.md": {"communicate-early", "repayment-plan"},
    "negotiation.md": {"prepare-documents"},
}


def error_for(text: str) -> ChecklistError:
    with pytest.raises(ChecklistError) as caught:
        parse_checklist(text)
    return caught.value


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing needle."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


# -----------------------------------------------------------------------------
# Reading the data
# -----------------------------------------------------------------------------


def test_valid_data_gives_stages_items_and_strings_in_file_order():
    data = parse_checklist(VALID)
    assert data.page == "checklist.md"
    assert [s.id for s in data.stages] == ["after-overdue", "negotiation-steps"]
    assert [s.name for s in data.stages] == ["逾期後的應對", "協商步驟"]
    assert [i.id for i in data.items] == ["contact-support", "repayment-plan", "prepare-id"]
    first = data.items[0]
    assert (first.label, first.page, first.anchor) == ("聯繫支付寶客服", "response.md", "communicate-early")
    assert first.line == line_of(VALID, "id: contact-support")
    assert data.strings["progress"] == "已完成 {done}／{total}"


def test_items_are_grouped_by_the_page_that_explains_them():
    pages = parse_checklist(VALID).items_by_page()
    assert {page: [i.id for i in items] for page, items in pages.items()} == {
        "response.md": ["contact-support", "repayment-plan"],
        "negotiation.md": ["prepare-id"],
    }


def test_a_label_is_the_text_as_written_not_yaml_s_reading_of_it():
    text = VALID.replace("label: 準備身份證明", "label: yes")
    assert parse_checklist(text).items[-1].label == "yes"


def test_a_duplicate_id_names_the_line_of_the_second_use():
    text = VALID.replace("id: prepare-id", "id: contact-support")
    error = error_for(text)
    assert error.line == line_of(text, "id: contact-support", 2)
    assert "contact-support" in error.message and "重複" in error.message
    assert f"第 {line_of(text, 'id: contact-support')} 行" in error.message


def test_a_stage_id_and_an_item_id_may_not_be_the_same():
    error = error_for(VALID.replace("id: prepare-id", "id: after-overdue"))
    assert "重複" in error.message


@pytest.mark.parametrize("label", ['""', "''", "~", ""])
def test_an_empty_label_is_an_error_at_its_line(label):
    text = VALID.replace("label: 制定還款計劃", f"label: {label}")
    error = error_for(text)
    assert error.line == line_of(text, "id: repayment-plan") + 1
    assert "label" in error.message and "空" in error.message


@pytest.mark.parametrize("item_id", ["Contact-Support", "聯繫客服", "contact support", "contact_support", "-x"])
def test_an_id_must_be_lower_case_ascii_words(item_id):
    text = VALID.replace("id: contact-support", f"id: {item_id}")
    error = error_for(text)
    assert error.line == line_of(text, f"id: {item_id}")
    assert "小寫英文字母" in error.message


@pytest.mark.parametrize(
    "link",
    [
        "response.md",
        "response#communicate-early",
        "/response.md#x",
        "../response.md#x",
        "https://example.com/a.md#x",
        "response.md#",
    ],
)
def test_a_link_must_be_a_page_and_an_anchor(link):
    text = VALID.replace("link: response.md#repayment-plan", f"link: {link}")
    error = error_for(text)
    assert error.line == next(n for n, line in enumerate(text.splitlines(), 1) if line.strip() == f"link: {link}")
    assert "response.md#communicate-early" in error.message  # shows the expected form


def test_a_missing_field_is_named():
    text = VALID.replace("        link: negotiation.md#prepare-documents\n", "")
    error = error_for(text)
    assert error.line == line_of(text, "id: prepare-id")
    assert "缺少「link」" in error.message


def test_an_unknown_field_is_named_so_typos_are_caught():
    text = VALID.replace("label: 制定還款計劃", "lable: 制定還款計劃")
    error = error_for(text)
    assert error.line == line_of(text, "lable")
    assert "lable" in error.message


def test_a_key_written_twice_is_an_error_not_silently_the_last_one():
    text = VALID.replace("label: 制定還款計劃", "label: 制定還款計劃\n        label: 另一個")
    error = error_for(text)
    assert error.line == line_of(text, "label: 另一個")


def test_a_missing_string_is_named():
    error = error_for(VALID.replace("  reset: 重置\n", ""))
    assert "reset" in error.message and "缺少" in error.message


def test_the_progress_text_must_keep_its_placeholders():
    text = VALID.replace("已完成 {done}／{total}", "已完成 {done}")
    error = error_for(text)
    assert error.line == line_of(text, "progress:")
    assert "{total}" in error.message


def test_malformed_yaml_names_its_line():
    text = VALID.replace("    name: 協商步驟", "    name: 協商步驟\n   items: [")
    error = error_for(text)
    assert "YAML" in error.message
    assert abs(error.line - line_of(text, "items: [")) <= 2


@pytest.mark.parametrize("text", ["", "just text\n", "- a\n- b\n"])
def test_a_file_that_is_not_a_checklist_says_what_it_needs(text):
    error = error_for(text)
    assert error.line == 1 and "stages" in error.message


def test_a_stage_without_items_is_an_error():
    text = VALID.replace(ITEMS, "stages:\n  - id: empty\n    name: 空\n    items: []\n")
    error = error_for(text)
    assert error.line == line_of(text, "items: []")


# -----------------------------------------------------------------------------
# Checking links against the pages
# -----------------------------------------------------------------------------


def pages_of(anchors) -> dict[str, bool]:
    return {page: ids is not None for page, ids in anchors.items()}


def test_links_to_existing_pages_and_anchors_pass():
    check_pages(parse_checklist(VALID), pages_of(ANCHORS))
    check_links(parse_checklist(VALID), ANCHORS)


def test_a_link_to_a_missing_page_names_the_item_line():
    text = VALID.replace("response.md#repayment-plan", "repsonse.md#repayment-plan")
    with pytest.raises(ChecklistError) as caught:
        check_pages(parse_checklist(text), pages_of(ANCHORS))
    assert caught.value.line == line_of(text, "id: repayment-plan")
    assert "repsonse.md" in caught.value.message and "不存在" in caught.value.message


def test_a_link_to_a_missing_anchor_lists_the_anchors_there_are():
    text = VALID.replace("response.md#repayment-plan", "response.md#repayment")
    with pytest.raises(ChecklistError) as caught:
        check_links(parse_checklist(text), ANCHORS)
    assert caught.value.line == line_of(text, "id: repayment-plan")
    assert "repayment" in caught.value.message and "communicate-early、repayment-plan" in caught.value.message


def test_the_checklist_page_must_exist():
    with pytest.raises(ChecklistError) as caught:
        check_pages(parse_checklist(VALID), pages_of({**ANCHORS, "checklist.md": None}))
    assert caught.value.line == 1 and "checklist.md" in caught.value.message


def test_an_item_may_not_link_to_the_checklist_page_itself():
    text = VALID.replace("response.md#repayment-plan", "checklist.md#checklist")
    with pytest.raises(ChecklistError) as caught:
        check_pages(parse_checklist(text), pages_of(ANCHORS))
    assert caught.value.line == line_of(text, "id: repayment-plan")


# -----------------------------------------------------------------------------
# Rendering
# -----------------------------------------------------------------------------


def href(page: str, anchor: str = "") -> str:
    return f"../{page.removesuffix('.md')}/" + (f"#{anchor}" if anchor else "")


def test_the_full_list_has_every_item_grouped_by_stage_with_links_back():
    data = parse_checklist(VALID)
    html = BeautifulSoup(checklist.render_full_list(data, href), "html.parser")
    stages = html.select("section.checklist__stage")
    assert [s.h2.get_text() for s in stages] == ["逾期後的應對", "協商步驟"]
    assert [s.h2["id"] for s in stages] == ["after-overdue", "negotiation-steps"]
    assert [[b["data-checklist-item"] for b in s.select("input")] for s in stages] == [
        ["contact-support", "repayment-plan"],
        ["prepare-id"],
    ]
    assert [a["href"] for a in html.select("a.checklist__link")] == [
        "../response/#communicate-early",
        "../response/#repayment-plan",
        "../negotiation/#prepare-documents",
    ]


def test_each_checkbox_is_real_and_labelled():
    data = parse_checklist(VALID)
    html = BeautifulSoup(checklist.render_full_list(data, href), "html.parser")
    for box in html.select("input"):
        assert box["type"] == "checkbox"
        label = html.find("label", attrs={"for": box["id"]})
        assert label is not None and label.get_text()
    assert len({box["id"] for box in html.select("input")}) == 3


def test_a_page_list_has_its_items_a_heading_and_a_link_to_the_full_list():
    data = parse_checklist(VALID)
    items = data.items_by_page()["response.md"]
    html = BeautifulSoup(checklist.render_page_list(data, items, "../checklist/"), "html.parser")
    assert html.h2.get_text() == "本頁行動清單" and html.h2["id"] == "checklist"
    assert [b["data-checklist-item"] for b in html.select("input")] == ["contact-support", "repayment-plan"]
    assert html.select_one(".checklist__more a")["href"] == "../checklist/"


def test_the_block_carries_every_string_and_every_known_id_for_the_script():
    data = parse_checklist(VALID)
    block = BeautifulSoup(checklist.render_page_list(data, data.items[:1], "x"), "html.parser").div
    assert block["data-checklist-known"] == "contact-support repayment-plan prepare-id"
    assert block["data-checklist-progress"] == "已完成 {done}／{total}"
    assert block["data-checklist-confirm"] == "確定要清除嗎？"
    assert [b.get_text() for b in block.select("button")] == ["複製為純文本", "重置"]
    assert block.select_one(".checklist__actions").has_attr("hidden")  # until the script runs
    assert block.select_one(".checklist__progress")["role"] == "status"


def test_markup_in_data_is_escaped_never_executed():
    text = (
        VALID.replace("label: 制定還款計劃", "label: '<script>alert(1)</script><b>粗</b>'")
        .replace("name: 協商步驟", "name: <img src=x onerror=alert(1)>")
        .replace("reset_confirm: 確定要清除嗎？", 'reset_confirm: 他說"好"<i>')
    )
    data = parse_checklist(text)
    rendered = checklist.render_full_list(data, href)
    html = BeautifulSoup(rendered, "html.parser")
    assert not html.select("script, b, img, i")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert (
        html.find("label", attrs={"for": "checklist-repayment-plan"}).get_text() == "<script>alert(1)</script><b>粗</b>"
    )
    assert html.div["data-checklist-confirm"] == '他說"好"<i>'


def test_the_block_replaces_the_marker_where_the_page_has_one():
    page = "<h1>T</h1>\n<p>a</p>\n<!-- checklist -->\n<p>b</p>"
    assert checklist.place_block(page, "<div>LIST</div>") == "<h1>T</h1>\n<p>a</p>\n<div>LIST</div>\n<p>b</p>"


def test_the_block_goes_at_the_end_of_a_page_without_a_marker():
    assert checklist.place_block("<p>a</p>", "<div>LIST</div>") == "<p>a</p>\n<div>LIST</div>"


def test_a_marker_inside_other_text_is_not_a_marker():
    assert not checklist.MARKER.search("<p>寫 <!-- checklist --> 可以放清單</p>")


# -----------------------------------------------------------------------------
# The real data file
# -----------------------------------------------------------------------------


def test_the_site_s_data_file_is_valid():
    data = parse_checklist((ROOT / "data" / "checklist.yml").read_text(encoding="utf-8"))
    assert len(data.items) >= 10
    assert all(re.fullmatch(r"[a-z0-9-]+", item.id) for item in data.items)
