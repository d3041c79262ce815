"""What issue 17 promised a borrower in trouble, in the built site: a start-here block before
the article's introduction, the worked path's seven steps, the help page high in the menu,
titles that say what a page gives, the disclaimer's free legal line instead of a "financial
adviser", an editor's note beside each misleading line, glossary entries of their own for
停息掛賬 and 個性化分期, and checklist items (stable ids) for the new steps."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support.site_pages import FILES, title_of


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def article(site: Path, page: str):
    return soup(site, page).select_one("article.md-content__inner")


def test_the_start_here_block_comes_before_the_introduction_and_links_the_worked_path(site):
    body = article(site, "")
    block = body.select_one(".admonition.start-here")
    assert "逾期了，先做這幾件事" in block.select_one(".admonition-title").get_text()
    first_paragraph = next(p for p in body.find_all("p") if "互聯網金融" in p.get_text())
    assert block in first_paragraph.find_all_previous("div")
    text = block.get_text()
    for must in ("App", "95188", "只在支付寶 App 裡還款", "代理協商"):
        assert must in text, must
    assert block.select_one('a[href="plan/"]') is not None


def test_the_worked_path_has_its_seven_steps_with_a_script_and_sources(site):
    page = article(site, "plan/")
    ids = [h["id"] for h in page.select("h2")]
    assert ids[:7] == [
        "list-and-budget",
        "what-to-say",
        "get-it-in-writing",
        "if-refused",
        "if-collectors-call",
        "if-sued",
        "if-too-much",
    ]
    assert [a["href"] for a in page.select("ol a[href^='#']")][:7] == [f"#{i}" for i in ids[:7]]
    assert len(page.select("#what-to-say ~ .admonition.example")) == 2  # chat and phone scripts
    assert page.select_one("a[href='../help/#agreement-contents']") is not None
    official = {a["href"] for a in page.select("a[href^='http']")}
    assert {
        "https://www.nfra.gov.cn/",
        "http://www.pbc.gov.cn/",
        "https://www.court.gov.cn/",
        "https://www.nhc.gov.cn/",
        "http://www.npc.gov.cn/",
    } <= official


def test_help_is_second_or_third_in_the_menu_and_titles_say_what_a_page_gives():
    assert "help.md" in FILES[1:3]
    assert title_of("summary.md") != "總結" and title_of("summary.md").startswith("總結：")
    assert title_of("overview.md").startswith("支付寶貸款的基本概述：")


def test_the_disclaimer_names_the_public_legal_line_not_a_financial_adviser(site):
    disclaimer = article(site, "").select_one(".admonition.warning").get_text()
    assert "財務顧問" not in disclaimer and "12348" in disclaimer


@pytest.mark.parametrize(
    "page, near, says",
    [
        ("impact/", "降低信用評分", "芝麻信用分是支付寶自己的評分"),
        ("impact/", "利息和滯納金", "要看你的借款合同"),
        ("impact/", "財產凍結等法律後果", "12368"),
        ("help/", "對債務人不發生效力", "不是說欠款沒有了"),
        ("help/", "法院的文書由法院送達", "電子方式送達"),
        ("after/", "逾期記錄已被更新", "才開始算"),
    ],
)
def test_each_misleading_line_has_an_editors_note_beside_it(site, page, near, says):
    text = article(site, page).get_text()
    assert near in text and says in text
    assert text.index(says) > text.index(near)
    assert "編者補充" in text[text.index(near) : text.index(says)]


def test_glossary_has_its_own_entries_for_interest_suspension_and_personalised_instalments(site):
    page = article(site, "glossary/")
    suspension = page.find("dt", id="interest-suspension")
    assert suspension.dfn.get_text() == "停息掛賬"
    assert "免費" in suspension.find_next_sibling("dd").get_text()
    scam = page.find("dt", id="negotiation-agent").find_next_sibling("dd").select_one(".glossary__aliases")
    assert "停息掛賬" not in scam.get_text()  # no longer an alias of the paid-agent scam
    instalments = page.find("dt", id="personalised-instalments").find_next_sibling("dd").get_text()
    assert "5 年" in instalments and "出借機構決定" in instalments


@pytest.mark.parametrize(
    "item, link",
    [
        ("list-debts", "plan/#list-and-budget"),
        ("work-out-budget", "plan/#list-and-budget"),
        ("verify-caller", "plan/#if-collectors-call"),
        ("check-court-papers", "plan/#if-sued"),
        ("correct-credit-errors", "help/#credit-objection"),
    ],
)
def test_checklist_has_the_new_steps_with_stable_ids(site, item, link):
    entry = article(site, "checklist/").find("input", id=f"checklist-{item}").find_parent("li")
    assert entry.select_one("a.checklist__link")["href"] == "../" + link
