"""What scripts/build publishes: the zh-Hant site, the zh-Hans edition under
zh-Hans/ (every page, converted, with its own search index), the hreflang
alternates and script switch on every page of both, script purity, and both
offline bundles."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from overdue_guide import editions, script_purity
from support.site_pages import EXTRA, PAGES  # every page of the nav, as directory URLs

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = {"zh-Hant": "", "zh-Hans": "zh-Hans/"}
OTHER = {"zh-Hant": "zh-Hans", "zh-Hans": "zh-Hant"}


# The zh-Hans edition's whole conversion, as mkdocs.yml gives it: OpenCC's tw2s, then mainland quotes.
ZH_HANS = next(e for e in EXTRA["editions"] if e["lang"] == "zh-Hans")
to_simplified = editions.edition_converter(ZH_HANS["opencc"], ZH_HANS["quotes"])


def soup(full_site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((full_site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def article_text(html: BeautifulSoup) -> str:
    return html.select_one("article.md-content__inner").get_text()


def without_sizes(text: str) -> str:
    """The text with file sizes masked: each edition's downloads list gives its own files' sizes."""
    return re.sub(r"\d+(?:\.\d+)? (?:B|KB|MB)\b", "SIZE", text)


# -----------------------------------------------------------------------------
# The zh-Hans pages
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_each_zh_hans_page_is_its_zh_hant_page_converted(full_site, page):
    hant, hans = soup(full_site, page), soup(full_site, "zh-Hans/" + page)
    assert hant.html["lang"] == "zh-Hant" and hans.html["lang"] == "zh-Hans"
    assert hans.title.get_text() == to_simplified(hant.title.get_text())
    # Everything in the article, the hooks' checklists and glossary terms included.
    assert without_sizes(article_text(hans)) == without_sizes(to_simplified(article_text(hant)))
    assert article_text(hans) != article_text(hant)


def test_zh_hans_nav_and_interface_strings_are_simplified(full_site):
    html = soup(full_site, "zh-Hans/negotiation/")
    nav = [a.get_text(" ", strip=True) for a in html.select("nav.md-nav--primary a.md-nav__link")]
    assert "协商的具体步骤" in " ".join(nav)
    config = json.loads(html.select_one("script#__config").string)
    assert config["translations"]["search.result.none"] == "没有找到符合条件的结果"
    assert html.select_one("input.md-search__input")["placeholder"] == "搜索"


@pytest.mark.parametrize("page", PAGES)
def test_zh_hans_edit_links_open_the_zh_hant_source(full_site, page):
    link = soup(full_site, "zh-Hans/" + page).select_one("a.md-content__button[rel=edit]")
    source = "index.md" if page == "" else page.rstrip("/") + ".md"
    assert link["href"].endswith("/edit/main/docs/" + source)
    assert (ROOT / "docs" / source).exists()


def test_each_edition_has_its_own_search_index(full_site):
    def indexed_text(folder: Path) -> tuple[str, set[str]]:
        docs = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        text = "".join(doc["title"] + doc["text"] for doc in docs).replace("\u200b", "")
        return text, {doc["location"] for doc in docs}

    hant, _ = indexed_text(full_site)
    hans, locations = indexed_text(full_site / "zh-Hans")
    for traditional, simplified in [("滯納金", "滞纳金"), ("徵信", "征信"), ("協商", "协商")]:
        assert traditional in hant and simplified not in hant
        assert simplified in hans and traditional not in hans
    assert "impact/#credit-impact" in locations  # same ASCII anchors in both editions


def test_zh_hans_sitemap_lists_zh_hans_urls(full_site, full_base_url):
    sitemap = (full_site / "zh-Hans" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{full_base_url}zh-Hans/negotiation/</loc>" in sitemap


# -----------------------------------------------------------------------------
# Alternates and the switch, on every page of both editions
# -----------------------------------------------------------------------------

ALL_PAGES = [(lang, page) for lang in EDITIONS for page in PAGES]


@pytest.mark.parametrize("lang, page", ALL_PAGES)
def test_every_page_declares_both_editions_and_x_default(full_site, full_base_url, lang, page):
    links = soup(full_site, EDITIONS[lang] + page).find_all("link", hreflang=True)
    assert {link["hreflang"]: link["href"] for link in links} == {
        "zh-Hant": full_base_url + page,
        "zh-Hans": full_base_url + "zh-Hans/" + page,
        "x-default": full_base_url + page,
    }
    assert len(links) == 3 and all(link["rel"] == ["alternate"] for link in links)


@pytest.mark.parametrize("lang, page", ALL_PAGES)
def test_every_page_links_to_the_same_page_in_the_other_script(full_site, full_base_url, lang, page):
    url = full_base_url + EDITIONS[lang] + page
    switches = soup(full_site, EDITIONS[lang] + page).select(
        ".md-container .edition-switch a"
    )  # replaced by instant navigation
    assert len(switches) == 1
    switch, other = switches[0], OTHER[lang]
    assert switch["hreflang"] == other and switch["lang"] == other
    assert switch.get_text(strip=True) == {"zh-Hant": "繁體中文", "zh-Hans": "简体中文"}[other]
    target = urljoin(url, switch["href"])
    assert target == full_base_url + EDITIONS[other] + page
    assert (full_site / EDITIONS[other] / page / "index.html").exists()


def test_404_pages_have_no_alternates_or_switch(full_site):
    for path in ("404.html", "zh-Hans/404.html"):
        html = BeautifulSoup((full_site / path).read_text(encoding="utf-8"), "html.parser")
        assert html.find("link", hreflang=True) is None and html.select(".edition-switch") == []


# -----------------------------------------------------------------------------
# Script purity
# -----------------------------------------------------------------------------


def test_no_simplified_form_in_the_zh_hant_site(full_site, editions):
    problems = script_purity.check_site(full_site, edition=editions[0], skip=(full_site / "zh-Hans",))
    assert [p.format() for p in problems] == []


def test_no_traditional_form_in_the_zh_hans_site(full_site, editions):
    problems = script_purity.check_site(full_site / "zh-Hans", edition=editions[1])
    assert [p.format() for p in problems] == []


def test_the_purity_check_can_fail(tmp_path, editions):
    (tmp_path / "index.html").write_text('<html lang="zh-Hans"><body><p>逾期後果</p></body></html>', encoding="utf-8")
    assert len(script_purity.check_site(tmp_path, edition=editions[1])) == 1


# -----------------------------------------------------------------------------
# Offline bundles
# -----------------------------------------------------------------------------

BUNDLES = {
    "zh-Hant": ("download/alipay-overdue-guide-offline-zh-Hant.zip", "alipay-overdue-guide-offline-zh-Hant"),
    "zh-Hans": ("zh-Hans/download/alipay-overdue-guide-offline-zh-Hans.zip", "alipay-overdue-guide-offline-zh-Hans"),
}


@pytest.mark.parametrize("lang", EDITIONS)
def test_each_edition_footer_links_its_own_bundle(full_site, lang):
    link = soup(full_site, EDITIONS[lang] + "causes/").select_one("a.md-copyright__download[data-format=zip]")
    path, _ = BUNDLES[lang]
    assert urljoin("http://h/" + EDITIONS[lang] + "causes/", link["href"]) == "http://h/" + path
    assert (full_site / path).is_file()


@pytest.mark.parametrize("lang", EDITIONS)
def test_each_bundle_holds_its_edition_offline_with_the_switch_online(full_site, full_base_url, lang):
    path, folder = BUNDLES[lang]
    with zipfile.ZipFile(full_site / path) as bundle:
        names = set(bundle.namelist())
        assert f"{folder}/index.html" in names and f"{folder}/negotiation.html" in names
        html = BeautifulSoup(bundle.read(f"{folder}/negotiation.html").decode("utf-8"), "html.parser")
    assert html.html["lang"] == lang
    assert html.find("link", hreflang=True) is None  # no network requests from file://
    other = OTHER[lang]
    switch = html.select_one(".edition-switch a")
    assert switch["href"] == full_base_url + EDITIONS[other] + "negotiation/"
