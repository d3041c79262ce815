"""The checklist in the built site: real labelled checkboxes where the data
says, links that land on the explaining paragraph, and a failed build, naming
data/checklist.yml and the line, when the data is wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support.site_pages import PAGES, url_of

ROOT = Path(__file__).resolve().parents[2]
DATA = yaml.safe_load((ROOT / "data" / "checklist.yml").read_text(encoding="utf-8"))
ITEMS = [item for stage in DATA["stages"] for item in stage["items"]]
PAGES_WITH_ITEMS = sorted({item["link"].split("#")[0] for item in ITEMS})


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def blocks(html: BeautifulSoup):
    return html.select("article [data-checklist]")


# -----------------------------------------------------------------------------
# The checklist page
# -----------------------------------------------------------------------------


def test_checklist_page_lists_every_item_grouped_by_stage_in_data_order(site):
    [block] = blocks(soup(site, "checklist/"))
    stages = block.select("section.checklist__stage")
    assert [s.h2.get_text(strip=True) for s in stages] == [stage["name"] for stage in DATA["stages"]]
    assert [[box["data-checklist-item"] for box in s.select("input")] for s in stages] == [
        [item["id"] for item in stage["items"]] for stage in DATA["stages"]
    ]
    labels = [block.find("label", attrs={"for": box["id"]}).get_text() for box in block.select("input")]
    assert labels == [item["label"] for item in ITEMS]


def test_each_item_on_the_checklist_page_links_to_the_paragraph_that_explains_it(site):
    [block] = blocks(soup(site, "checklist/"))
    for li, item in zip(block.select("li.checklist__item"), ITEMS, strict=True):
        href = li.select_one("a.checklist__link")["href"]
        page, anchor = item["link"].split("#")
        assert href == f"../{url_of(page)}#{anchor}"
        target = soup(site, url_of(page))
        heading = target.find(id=anchor)
        assert heading is not None and heading.name in ("h2", "h3"), (href, heading)


def test_checklist_page_keeps_its_introduction_before_the_list(site):
    article = soup(site, "checklist/").select_one("article")
    intro = article.find("p")
    assert "勾選" in intro.get_text()
    assert intro.find_next("div", attrs={"data-checklist": True}) is not None


# -----------------------------------------------------------------------------
# The pages that explain actions
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("page_md", PAGES_WITH_ITEMS)
def test_each_page_that_explains_actions_ends_with_its_own_items(site, page_md):
    article = soup(site, url_of(page_md)).select_one("article")
    [block] = blocks(article)
    assert [box["data-checklist-item"] for box in block.select("input")] == [
        item["id"] for item in ITEMS if item["link"].startswith(page_md + "#")
    ]
    assert block.h2.get_text() == DATA["strings"]["page_heading"]
    assert block.select_one(".checklist__more a")["href"] == "../checklist/"
    # At the end: no article text after it (only Material's page chrome).
    after = [
        p
        for p in block.find_all_next(["p", "h2", "ul"])
        if p.find_parent("article") is article and p.find_parent(attrs={"data-checklist": True}) is None
    ]
    assert after == []
    last_heading = re.findall(r"\{#([\w-]+)\}", (ROOT / "docs" / page_md).read_text(encoding="utf-8"))[-1]
    assert block.find_previous("h2")["id"] == last_heading


@pytest.mark.parametrize(
    "page", [p for p in PAGES if p not in {url_of(DATA["page"])} | {url_of(s) for s in PAGES_WITH_ITEMS}]
)
def test_pages_without_actions_have_no_checklist(site, page):
    assert blocks(soup(site, page)) == []


@pytest.mark.parametrize("page", ["checklist/"] + [url_of(p) for p in PAGES_WITH_ITEMS])
def test_every_checkbox_is_real_labelled_and_unique_on_its_page(site, page):
    html = soup(site, page)
    boxes = html.select("article [data-checklist] input")
    assert boxes and all(box["type"] == "checkbox" for box in boxes)
    ids = [box["id"] for box in boxes]
    assert len(ids) == len(set(ids)) and all(len(html.find_all(id=i)) == 1 for i in ids)
    for box in boxes:
        label = html.find("label", attrs={"for": box["id"]})
        assert label is not None and label.get_text(strip=True), box


@pytest.mark.parametrize("page", ["checklist/", "response/"])
def test_without_javascript_the_buttons_stay_hidden_and_the_progress_empty(site, page):
    [block] = blocks(soup(site, page))
    assert block.select_one(".checklist__actions").has_attr("hidden")
    progress = block.select_one(".checklist__progress")
    assert progress.get_text() == "" and progress["role"] == "status" and progress["aria-live"] == "polite"


def test_every_visible_string_comes_from_the_data_file(site):
    [block] = blocks(soup(site, "response/"))
    strings = DATA["strings"]
    assert [b.get_text() for b in block.select("button")] == [strings["copy"], strings["reset"]]
    for key in ("progress", "copied", "copy_heading", "done_mark", "todo_mark"):
        assert block[f"data-checklist-{key.replace('_', '-')}"] == strings[key]
    assert block["data-checklist-confirm"] == strings["reset_confirm"]
    assert block["data-checklist-copy-failed"] == strings["copy_failed"]
    assert block["data-checklist-known"].split() == [item["id"] for item in ITEMS]


# -----------------------------------------------------------------------------
# Builds of a copy of the project (tests/conftest.py: project)
# -----------------------------------------------------------------------------


def item_line(project, item_id: str) -> int:
    return project.line_of("data/checklist.yml", f"- id: {item_id}\n")


def test_a_duplicate_id_fails_the_build_naming_file_and_line(project):
    line = project.edit("data/checklist.yml", "- id: prepare-income-proof", "- id: prepare-id")
    assert f"data/checklist.yml:{line}: id「prepare-id」重複了" in project.build()


def test_a_link_to_a_missing_anchor_fails_the_build_naming_file_and_line(project):
    project.edit("data/checklist.yml", "link: after.md#keep-records", "link: after.md#keep-record")
    line = item_line(project, "keep-records")
    assert f"data/checklist.yml:{line}: 「after.md」沒有 id 為「keep-record」的標題" in project.build()


def test_a_link_to_a_heading_whose_id_was_renamed_fails_the_build(project):
    project.edit("docs/response.md", "{#repayment-plan}", "{#plan}")
    line = item_line(project, "repayment-plan")
    assert f"data/checklist.yml:{line}: 「response.md」沒有 id 為「repayment-plan」" in project.build()


def test_a_link_to_a_missing_page_fails_the_build(project):
    project.edit("data/checklist.yml", "link: after.md#repay-on-time", "link: afer.md#repay-on-time")
    line = item_line(project, "repay-on-time")
    assert f"data/checklist.yml:{line}: 「repay-on-time」的 link 指向的頁面「afer.md」不存在" in project.build()


def test_an_empty_label_fails_the_build(project):
    line = project.edit("data/checklist.yml", "label: 準備收入證明", "label:")
    assert f"data/checklist.yml:{line}: label 是空的" in project.build()


def test_malformed_yaml_fails_the_build(project):
    line = project.edit("data/checklist.yml", "    name: 協商步驟", "    name: 協商步驟\n   items: [")
    problems = project.build()
    assert "YAML 格式錯誤" in problems
    assert any(f"data/checklist.yml:{n}:" in problems for n in range(line, line + 4))


def test_a_marker_on_a_page_without_actions_fails_the_build(project):
    line = project.edit("docs/causes.md", "\n## ", "\n<!-- checklist -->\n\n## ") + 1
    assert f"docs/causes.md:{line}: 這頁有 <!-- checklist --> 標記" in project.build()


def test_markup_in_a_label_is_shown_as_text(project, tmp_path):
    project.edit("data/checklist.yml", "label: 準備收入證明", "label: '<img src=x onerror=alert(1)>收入證明'")
    assert project.without_downloads().build(tmp_path / "out") == ""
    html = soup(tmp_path / "out", "checklist/")
    label = html.find("label", attrs={"for": "checklist-prepare-income-proof"})
    assert label.get_text() == "<img src=x onerror=alert(1)>收入證明" and not label.find("img")


def test_offline_bundle_links_point_at_html_files(offline_site):
    html = BeautifulSoup((offline_site / "checklist.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in html.select("a.checklist__link")]
    assert hrefs[0] == "plan.html#list-and-budget"
    assert all((offline_site / h.split("#")[0]).is_file() for h in hrefs)
    page = BeautifulSoup((offline_site / "response.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one(".checklist__more a")["href"] == "checklist.html"
