"""The built site in headless Chromium: every page loads cleanly from this
machine only, Chinese search finds the right pages, both palettes work, and
axe-core finds no WCAG 2.1 AA violation."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGES = ["", "overview/", "causes/", "impact/", "response/", "negotiation/", "after/",
         "summary/", "checklist/", "glossary/"]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def watch(page):
    """Collect console errors, page errors and requests to other hosts."""
    seen = {"errors": [], "foreign": []}
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))

    def on_request(request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in ("127.0.0.1", "localhost"):
            seen["foreign"].append(request.url)

    page.on("request", on_request)
    return seen


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_errors_or_third_party_requests(page, base_url, path):
    seen = watch(page)
    page.goto(base_url + path, wait_until="networkidle")
    assert page.locator("h1").first.is_visible()
    assert seen == {"errors": [], "foreign": []}


def test_instant_navigation_keeps_pages_clean(page, base_url):
    seen = watch(page)
    page.goto(base_url, wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")  # lost on a full page load
    for path in PAGES[1:]:
        page.locator("a.md-footer__link--next").click()  # the footer's 「下一頁」
        page.wait_for_function("path => location.pathname.endsWith('/' + path)", arg=path)
        page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().startswith("名詞解釋")
    assert page.evaluate("window.__sameDocument") is True  # instant navigation, not reloads
    assert seen == {"errors": [], "foreign": []}


def search(page, query: str) -> list[str]:
    """Type a query into Material's search; return the result links."""
    page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material's search listens for key events, fill() sends none
    page.locator(".md-search-result__item").first.wait_for()
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


@pytest.mark.parametrize("query, expected", [
    ("滯納金", "impact/"),
    ("協商", "negotiation/"),
    ("徵信", "impact/"),
    ("花唄", "overview/"),
    ("支付寶", "overview/"),
    ("銀行流水", "negotiation/"),
])
def test_chinese_search_finds_the_right_page(page, base_url, query, expected):
    page.goto(base_url, wait_until="networkidle")
    links = search(page, query)
    assert any(link.split("?")[0] == base_url + expected for link in links), links


def test_search_with_no_match_says_so(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").fill("量子力學")
    page.locator("input.md-search__input").press("End")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('沒有')")
    assert page.locator(".md-search-result__item").count() == 0


def set_palette(page, scheme: str):
    """Pick a palette through the toggle, as a reader would."""
    if page.locator("body").get_attribute("data-md-color-scheme") != scheme:
        page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{scheme}'")
    page.mouse.move(0, 600)  # the toggle's tooltip fades out
    settle(page)


def settle(page):
    """Wait for CSS transitions to end: axe measures colours mid-fade otherwise."""
    page.wait_for_timeout(50)
    page.evaluate("Promise.allSettled(document.getAnimations().map(a => a.finished))")


def test_palette_toggle_switches_and_persists(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    set_palette(page, "slate")
    page.reload(wait_until="networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    set_palette(page, "default")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"


def test_layout_fits_a_phone_screen(page, base_url):
    for path in PAGES:
        page.goto(base_url + path, wait_until="networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag_aa_violation(page, base_url, path, scheme):
    page.goto(base_url + path, wait_until="networkidle")
    set_palette(page, scheme)
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def test_axe_finds_no_violation_with_search_open(page, base_url):
    page.goto(base_url, wait_until="networkidle")
    search(page, "協商")
    settle(page)
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
