"""Mainland quotation marks in the Simplified edition (GB/T 15834): “” and ‘’ wherever the
source has 「」 and 『』, in pages, the checklist and glossary (data files), theme strings,
the search index and every download; the zh-Hant edition keeps its 「」."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support.site_pages import PAGES

SOURCE_QUOTES = re.compile("[「」『』]")


def visible(html: str) -> str:
    page = BeautifulSoup(html, "html.parser")
    for tag in page.find_all(["script", "style", "code", "pre"]):
        tag.decompose()
    return page.get_text(" ")


def page_html(full_site: Path, path: str) -> str:
    return (full_site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
def test_zh_hans_pages_use_mainland_quotes(full_site, page):
    text = visible(page_html(full_site, "zh-Hans/" + page))
    assert SOURCE_QUOTES.findall(text) == [], page


def test_zh_hans_pages_data_and_hidden_definitions_have_curly_quotes(full_site):
    help_page = BeautifulSoup(page_html(full_site, "zh-Hans/help/"), "html.parser")
    assert "“代理协商”" in help_page.select_one("article").get_text()
    checklist = BeautifulSoup(page_html(full_site, "zh-Hans/checklist/"), "html.parser")
    label = checklist.find("label", attrs={"for": "checklist-refuse-paid-agents"}).get_text()
    assert "“代理协商”" in label  # data/checklist.yml, converted with the edition
    glossary = BeautifulSoup(page_html(full_site, "zh-Hans/glossary/"), "html.parser")
    definition = glossary.find("dt", id="negotiation-agent").find_next_sibling("dd").get_text()
    assert "“维权”" in definition  # data/glossary.yml
    hidden = BeautifulSoup(page_html(full_site, "zh-Hans/help/"), "html.parser").select_one(".glossary-definitions")
    assert "“" in hidden.get_text() and not SOURCE_QUOTES.search(hidden.get_text())


def test_the_zh_hant_edition_keeps_its_corner_brackets(full_site):
    assert "「代理協商」" in visible(page_html(full_site, "help/"))
    assert "“" not in visible(page_html(full_site, "help/"))


def test_zh_hans_search_index_has_mainland_quotes_and_splits_on_them(full_site):
    index = json.loads((full_site / "zh-Hans" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"]).replace("\u200b", "")
    assert "“代理协商”" in text and not SOURCE_QUOTES.search(text)
    separator = re.compile(index["config"]["separator"])
    assert [t for t in separator.split("不要付费“代理协商”‘停息挂账’") if t] == ["不要付费", "代理协商", "停息挂账"]


def test_zh_hans_downloads_use_mainland_quotes(full_site):
    download = full_site / "zh-Hans" / "download"
    single = (download / "alipay-overdue-guide-zh-Hans.html").read_text(encoding="utf-8")
    assert "“代理协商”" in visible(single) and not SOURCE_QUOTES.search(visible(single))
    with zipfile.ZipFile(download / "alipay-overdue-guide-offline-zh-Hans.zip") as bundle:
        name = next(n for n in bundle.namelist() if n.endswith("/help.html"))
        zipped = visible(bundle.read(name).decode("utf-8"))
    assert "“代理协商”" in zipped and not SOURCE_QUOTES.search(zipped)
    from overdue_guide import pdf

    text = re.sub(r"\s", "", pdf.pdf_text(download / "alipay-overdue-guide-zh-Hans.pdf"))
    assert "“代理协商”" in text and not SOURCE_QUOTES.search(text)
