"""The budget (還款預算表) and the request (協商申請) in the built site: where the data
says, in both editions, in the single-file page and the PDF as a blank table and a
request with blanks; and a failed build, naming the data file or page and the line,
when the data or a marker is wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
BUDGET = yaml.safe_load((ROOT / "data" / "budget.yml").read_text(encoding="utf-8"))
LETTER = yaml.safe_load((ROOT / "data" / "letter.yml").read_text(encoding="utf-8"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# -----------------------------------------------------------------------------
# The built pages
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("edition", ["", "zh-Hans/"])
def test_each_edition_has_both_widgets_on_their_own_pages_and_nowhere_else(site, edition):
    budget = soup(site / edition / "budget" / "index.html")
    letter = soup(site / edition / "letter" / "index.html")
    assert len(budget.select("article form[data-budget]")) == 1
    assert len(letter.select("article form[data-letter]")) == 1
    assert "<!-- budget -->" not in str(budget) and "<!-- letter -->" not in str(letter)
    assert not soup(site / edition / "negotiation" / "index.html").select("form[data-budget], form[data-letter]")


def test_the_simplified_edition_converts_the_datas_words(site):
    budget = soup(site / "zh-Hans" / "budget" / "index.html")
    assert budget.select_one("label[for=budget-wages]").get_text() == "工资"
    letter = soup(site / "zh-Hans" / "letter" / "index.html")
    assert "还款" in letter.select_one("[data-letter-output]").get_text()
    assert "還" not in letter.select_one("form[data-letter]")["data-letter-template"]


def test_the_nothing_left_note_links_to_the_start_of_the_worked_path_and_the_help_page(site):
    note = soup(site / "budget" / "index.html").select_one("[data-budget-nothing-left]")
    assert [a["href"] for a in note.select("a")] == ["../plan/", "../help/"]


def test_each_page_says_in_one_sentence_that_nothing_leaves_the_device(site):
    for page in ("budget", "letter"):
        article = soup(site / page / "index.html").select_one("article")
        assert any("不會上傳" in p.get_text() for p in article.find_all("p", recursive=False)), page


def test_the_pages_follow_the_negotiation_steps_in_the_nav(nav_pages):
    at = nav_pages.index("negotiation.md")
    assert nav_pages[at + 1:at + 3] == ["budget.md", "letter.md"]


def test_the_offline_bundle_links_the_widgets_pages_as_html_files(offline_site):
    budget = soup(offline_site / "budget.html")
    assert [a["href"] for a in budget.select("[data-budget-nothing-left] a")] == ["plan.html", "help.html"]
    letter = soup(offline_site / "letter.html")
    assert letter.select_one(".letter__hint a")["href"] == "budget.html"


def test_the_service_worker_keeps_both_pages(site):
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert '"budget/"' in worker and '"letter/"' in worker


# -----------------------------------------------------------------------------
# The single-file page and the PDF
# -----------------------------------------------------------------------------

def test_the_single_file_page_has_both_widgets_with_their_labels_still_tied(site):
    html = soup(site / "download" / "alipay-overdue-guide-zh-Hant.html")
    form = html.select_one("form[data-budget]")
    for box in form.select("input[id]"):
        assert html.find("label", attrs={"for": box["id"]}) is not None
        assert all(html.find(id=i) for i in box["aria-describedby"].split())
    assert html.select_one("form[data-letter] [data-letter-output]") is not None


def test_the_pdf_shows_the_blank_table_and_the_request_with_blanks(site):
    import pdf

    text = pdf.pdf_text(site / "download" / "alipay-overdue-guide-zh-Hant.pdf")
    flat = re.sub(r"\s", "", text)  # the table's heads wrap on the PDF's narrow page
    s = BUDGET["strings"]
    for words in [s["income_heading"], s["income_total"], s["spending_total"], s["debt_name"], s["debt_amount"],
                  s["debt_offer"], s["debt_months"], BUDGET["income"][0]["label"], BUDGET["spending"][-1]["label"]]:
        assert re.sub(r"\s", "", words) in flat, words
    assert LETTER["strings"]["blank"][:3] in text  # the request's blanks, to write on by hand
    assert "分期" in text and "{" not in text
    for hidden in (s["add_debt"], s["remove_debt"], LETTER["strings"]["copy"], s["nothing_left"][:10]):
        assert hidden not in text, hidden


# -----------------------------------------------------------------------------
# Builds of a copy of the project (tests/conftest.py: project)
# -----------------------------------------------------------------------------

def test_a_missing_label_fails_the_build_naming_file_and_line(project):
    project.edit("data/budget.yml", "    label: 交通\n", "")
    line = project.line_of("data/budget.yml", "- id: transport")
    assert f"data/budget.yml:{line}: 每一項 缺少「label」" in project.without_downloads().build()


def test_a_duplicate_id_fails_the_build_naming_file_and_line(project):
    line = project.edit("data/budget.yml", "- id: food", "- id: housing")
    assert f"data/budget.yml:{line}: id「housing」重複了" in project.without_downloads().build()


def test_an_unknown_placeholder_fails_the_build_naming_file_and_line(project):
    line = project.edit("data/letter.yml", "從{start}開始", "從{date}開始")
    assert f"data/letter.yml:{line}: template 裡的「{{date}}」不是可用的佔位符" in project.without_downloads().build()


def test_a_missing_page_fails_the_build(project):
    line = project.edit("data/budget.yml", "help_page: help.md", "help_page: hlep.md")
    assert f"data/budget.yml:{line}: help_page「hlep.md」不存在" in project.without_downloads().build()


def test_a_budget_page_without_its_marker_fails_the_build(project):
    project.edit("docs/budget.md", "<!-- budget -->", "")
    assert "docs/budget.md:1: 這頁是還款預算表的頁面" in project.without_downloads().build()


@pytest.mark.parametrize("widget", ["budget", "letter"])
def test_a_marker_on_another_page_fails_the_build(project, widget):
    line = project.edit("docs/causes.md", "\n## ", f"\n<!-- {widget} -->\n\n## ") + 1
    assert f"docs/causes.md:{line}: 這頁有 <!-- {widget} --> 標記" in project.without_downloads().build()


def test_markup_in_the_data_is_shown_as_text(project, tmp_path):
    project.edit("data/letter.yml", "label: 收入減少", "label: '<img src=x onerror=alert(1)>收入減少'")
    project.edit("data/letter.yml", "  謝謝！", "  謝謝！<script>alert(1)</script>")
    assert project.without_downloads().build(tmp_path / "out") == ""
    html = soup(tmp_path / "out" / "letter" / "index.html")
    form = html.select_one("form[data-letter]")
    assert not form.find("img") and not form.find("script")
    assert "<script>" in form.select("[data-letter-output] p")[-1].get_text()
