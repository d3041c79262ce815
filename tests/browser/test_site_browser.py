"""The built site in headless Chromium: every page loads cleanly from this
machine only, Chinese search finds the right pages, both palettes work, and
axe-core finds no WCAG 2.1 AA violation."""

from __future__ import annotations

import pytest

from support.browsing import PAGES, axe_each, axe_report, page_change, run_axe, search, set_palette, type_search, watch

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_errors_or_third_party_requests(page, base_url, path):
    seen = watch(page)
    page.goto(base_url + path)
    assert page.locator("h1").first.is_visible()
    assert seen == {"errors": [], "foreign": []}


def test_instant_navigation_keeps_pages_clean(page, base_url):
    seen = watch(page)
    page.goto(base_url)
    page.evaluate("window.__sameDocument = true")  # lost on a full page load
    for path in PAGES[1:]:
        with page_change(page):
            page.locator("a.md-footer__link--next").click()  # the footer's 「下一頁」
        page.wait_for_function("path => location.pathname.endsWith('/' + path)", arg=path)
    assert page.locator("h1").first.inner_text().startswith("下載離線版")  # the nav's last page
    assert page.evaluate("window.__sameDocument") is True  # instant navigation, not reloads
    assert seen == {"errors": [], "foreign": []}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("滯納金", "impact/"),
        ("協商", "negotiation/"),
        ("徵信", "impact/"),
        ("花唄", "overview/"),
        ("支付寶", "overview/"),
        ("銀行流水", "negotiation/"),
    ],
)
def test_chinese_search_finds_the_right_page(page, base_url, query, expected):
    page.goto(base_url)
    links = search(page, query)
    assert any(link.split("?")[0] == base_url + expected for link in links), links


def test_search_with_no_match_says_so(page, base_url):
    page.goto(base_url)
    type_search(page, "量子力學")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.includes('沒有')")
    assert page.locator(".md-search-result__item").count() == 0


def test_palette_toggle_switches_and_persists(page, base_url):
    page.goto(base_url)
    set_palette(page, "slate")
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    set_palette(page, "default")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"


def test_layout_fits_a_phone_screen(page, base_url):
    for path in PAGES:
        page.goto(base_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_wcag_aa_violation(page, base_url, scheme):
    found = axe_each(page, [base_url + path for path in PAGES], scheme)  # every page, one after the other
    assert not found, axe_report(found)


def test_axe_finds_no_violation_with_search_open(page, base_url):
    page.goto(base_url)
    search(page, "協商")
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()
