"""The glossary in the built site: each term marked once per page where it appears
(never in headings, links, code or labels) with a link to its entry; the glossary
page sorted by pinyin with 「出現於」 links that land on the marked term; relative
URLs that also work in the offline bundle; and failed builds, naming
data/glossary.yml and the line, when the data is wrong."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from overdue_guide import glossary
from support.site_pages import PAGES, url_of

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = glossary.parse_glossary((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
TERMS = {term.id: term for term in GLOSSARY.terms}
CONTENT_PAGES = [page for page in PAGES if page != url_of(GLOSSARY.page)]


def soup(site: Path, url: str) -> BeautifulSoup:
    """The built page at a site URL (directory URLs, or .html files for the offline bundle)."""
    path = site / url.split("#")[0]
    if path.is_dir():
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def marks(page: BeautifulSoup):
    return page.select("article a.glossary-term")


def term_id(mark) -> str:
    return mark["id"].removeprefix("glossary-ref-")


def definitions(page: BeautifulSoup) -> dict:
    """{"more": …, "terms": {id: definition}} of the page's one list of definitions."""
    [block] = page.select("article div.glossary-definitions[hidden][data-search-exclude]")
    return json.loads(block.get_text())


# -----------------------------------------------------------------------------
# Content pages
# -----------------------------------------------------------------------------


def test_terms_in_running_chinese_text_are_marked_with_their_definition_and_entry_link(site):
    [mark] = [m for m in marks(soup(site, "impact/")) if m.get_text() == "徵信系統"]
    assert mark["href"] == "../glossary/#credit-reporting-system"
    assert (
        definitions(mark.find_parent("article"))["terms"]["credit-reporting-system"]
        == TERMS["credit-reporting-system"].definition
    )
    assert definitions(mark.find_parent("article"))["more"] == GLOSSARY.strings["see_entry"]
    assert mark.parent.name == "p" and "記入徵信系統" in mark.parent.get_text()


@pytest.mark.parametrize("url", CONTENT_PAGES)
def test_each_term_is_marked_at_most_once_per_page_and_only_as_one_of_its_forms(site, url):
    found = [term_id(m) for m in marks(soup(site, url))]
    assert len(found) == len(set(found))
    for mark in marks(soup(site, url)):
        assert mark.get_text() in TERMS[term_id(mark)].forms


@pytest.mark.parametrize("url", CONTENT_PAGES)
def test_the_mark_is_the_first_occurrence_outside_headings_links_code_and_labels(site, url):
    page = soup(site, url)
    article = page.select_one("article")
    for mark in marks(page):
        assert not mark.find_parents(["h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "label", "button"])
        assert not mark.find_parent("a")
        # No earlier text node outside skipped elements holds any form of the term.
        for text in mark.find_all_previous(string=True):
            if article not in text.parents:
                break
            # A form (the budget, the request) is added after the glossary has marked the page.
            if text.find_parent(
                ["h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "label", "script", "style", "button", "form"]
            ):
                continue
            assert not any(form in text for form in TERMS[term_id(mark)].forms), (url, mark, text)


def test_the_longest_term_wins_and_no_term_is_marked_inside_another(site):
    overview = marks(soup(site, "overview/"))
    assert [m.get_text() for m in overview if term_id(m) == "alipay-loans"] == ["支付寶貸款"]
    for mark in overview:
        assert not mark.find("a")
    # 支付寶 is marked later, where it stands on its own, not inside 支付寶貸款.
    [alipay] = [m for m in overview if term_id(m) == "alipay"]
    assert not str(alipay.next_sibling or "").startswith("貸款")


def test_headings_keep_their_text_unmarked(site):
    for url in CONTENT_PAGES:
        for heading in soup(site, url).select("article h1, article h2, article h3"):
            assert not heading.select(".glossary-term"), (url, heading)


# -----------------------------------------------------------------------------
# The glossary page
# -----------------------------------------------------------------------------


def test_glossary_page_has_an_entry_per_term_sorted_by_pinyin_with_its_pinyin_and_definition(site):
    page = soup(site, "glossary/")
    entries = page.select("dl.glossary > dt")
    assert [dt["id"] for dt in entries] == [term.id for term in GLOSSARY.terms]
    readings = [dt.select_one("[lang=zh-Latn-pinyin]").get_text() for dt in entries]
    assert [glossary.pinyin_sort_key(r) for r in readings] == sorted(glossary.pinyin_sort_key(r) for r in readings)
    for dt, term in zip(entries, GLOSSARY.terms):
        assert dt.dfn.get_text() == term.term
        assert dt.find_next_sibling("dd").select_one(".glossary__definition").get_text() == term.definition
    assert len(entries) >= 15
    assert page.find(id="credit-reporting-system").find_next_sibling("dd").get_text().count("徵信中心") >= 1


def test_glossary_definitions_themselves_are_not_marked(site):
    assert not soup(site, "glossary/").select("dl.glossary .glossary-term")


def test_every_mark_links_to_an_existing_entry_on_the_glossary_page(site):
    entries = {dt["id"] for dt in soup(site, "glossary/").select("dl.glossary > dt")}
    for url in CONTENT_PAGES + ["glossary/"]:
        for mark in marks(soup(site, url)):
            target = urljoin(f"http://site/{url}", mark["href"])
            assert urlsplit(target).path == "/glossary/" and urlsplit(target).fragment in entries, (url, mark)


def test_appears_in_links_back_to_exactly_the_pages_where_the_term_is_marked(site):
    marked_on = {term: set() for term in TERMS}
    for url in CONTENT_PAGES:
        for mark in marks(soup(site, url)):
            marked_on[term_id(mark)].add(url)
    page = soup(site, "glossary/")
    for dt in page.select("dl.glossary > dt"):
        links = dt.find_next_sibling("dd").select(".glossary__appears-in a")
        targets = set()
        for link in links:
            target = urlsplit(urljoin("http://site/glossary/", link["href"]))
            assert target.fragment == f"glossary-ref-{dt['id']}"
            url = target.path.lstrip("/")
            assert soup(site, url).find(id=target.fragment) is not None, link
            assert link.get_text() == soup(site, url).select_one("article h1").get_text().rstrip("#").strip()
            targets.add(url)
        assert targets == marked_on[dt["id"]], dt["id"]
        assert marked_on[dt["id"]], f"{dt['id']} appears nowhere"


def test_appears_in_follows_the_reading_order_of_the_navigation(site):
    dd = soup(site, "glossary/").find(id="repayment-plan").find_next_sibling("dd")
    assert [a.get_text() for a in dd.select(".glossary__appears-in a")][:2] == [
        "支付寶貸款逾期協商指南",
        "逾期後的應對措施",
    ]


def test_search_index_has_the_glossary_entries_but_not_their_appears_in_lists(site):
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(doc["text"] for doc in docs if doc["location"].startswith("glossary/")).replace("\u200b", "")
    assert TERMS["bank-statement"].definition in text
    assert GLOSSARY.strings["appears_in"] not in text  # else every page title would find the glossary


# -----------------------------------------------------------------------------
# Offline bundle: no directory URLs
# -----------------------------------------------------------------------------


def test_offline_links_to_entries_and_back_use_html_files_that_exist(offline_site):
    [mark] = [m for m in marks(soup(offline_site, "impact.html")) if term_id(m) == "credit-reporting-system"]
    assert mark["href"] == "glossary.html#credit-reporting-system"
    page = soup(offline_site, "glossary.html")
    hrefs = [a["href"] for a in page.select(".glossary__appears-in a")]
    assert hrefs and all(re.fullmatch(r"[a-z]+\.html#glossary-ref-[a-z0-9-]+", h) for h in hrefs), hrefs
    for href in hrefs:
        file, anchor = href.split("#")
        assert soup(offline_site, file).find(id=anchor) is not None


# -----------------------------------------------------------------------------
# Contributors' mistakes fail the build with file and line
# -----------------------------------------------------------------------------

REAL = (ROOT / "data/glossary.yml").read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_a_term_that_appears_on_no_page_fails_the_strict_build_naming_its_line(project):
    text = REAL + "\n  - id: unused-term\n    term: 無人用詞\n    definition: 不會出現在任何頁面。\n"
    project.write("data/glossary.yml", text)
    problems = project.build()
    assert f"data/glossary.yml:{line_of(text, '- id: unused-term')}: 「無人用詞」沒有出現在任何頁面" in problems
    assert "Traceback" not in problems


def test_a_duplicate_term_fails_the_build_naming_its_line_without_a_traceback(project):
    text = REAL + "\n  - id: another-alipay\n    term: 支付寶\n    definition: 重複。\n"
    project.write("data/glossary.yml", text)
    problems = project.build()
    assert (
        f"data/glossary.yml:{line_of(text, '    term: 支付寶' + chr(10) + '    definition: 重複')}: 「支付寶」重複了"
        in problems
    )
    assert "Traceback" not in problems


def test_markup_in_a_definition_is_shown_as_text_never_run(project, tmp_path):
    definition = '<img src=x onerror="alert(1)"> <b>粗體</b> **星號**'
    project.write("data/glossary.yml", REAL.replace(TERMS["lawsuit"].definition, f"'{definition}'"))
    assert project.without_downloads().build(tmp_path / "site") == ""
    [mark] = [m for m in marks(soup(tmp_path / "site", "impact/")) if term_id(m) == "lawsuit"]
    assert definitions(mark.find_parent("article"))["terms"]["lawsuit"] == definition
    entry = soup(tmp_path / "site", "glossary/").find(id="lawsuit").find_next_sibling("dd")
    assert entry.select_one(".glossary__definition").get_text() == definition
    assert not entry.select("img, b, strong")
