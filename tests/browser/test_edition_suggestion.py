"""The suggestion to read in the other script (overrides/assets/javascripts/edition.js):
shown on the Traditional edition to a browser that asks for Simplified first, in
Simplified, and the mirror on the Simplified edition; never a redirect; remembered
once closed or followed; silent when storage throws; no layout shift; axe clean in
both palettes; it follows instant navigation to the new page's counterpart."""

from __future__ import annotations

import pytest

from support.browsing import PAGES, idle, page_change, run_axe, set_palette, tasks_run, watch

pytestmark = pytest.mark.browser

BAR = "aside.edition-suggestion"
# Only for the suggestion's key: Material's own scripts would throw too, and no error at all is the test.
STORAGE_THROWS = """
    for (const name of ["getItem", "setItem"]) {
        const real = Storage.prototype[name]
        Storage.prototype[name] = function (key, ...rest) {
            if (key === "alipay-overdue-guide/edition-suggestion") throw new DOMException("denied", "SecurityError")
            return real.call(this, key, ...rest)
        }
    }
"""


@pytest.fixture
def open_page(browser):
    """open_page(locale, url) -> a fresh mobile-sized page in a browser that asks for that locale."""
    contexts = []

    def open_page(locale: str, url: str, *, init_script: str | None = None):
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale)
        contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        page.seen = watch(page)
        page.goto(url)
        idle(page)  # the suggestion is made when the browser is idle (edition.js)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize(
    "locale, edition, lang, text, target",
    [
        ("zh-CN", "", "zh-Hans", "用简体中文阅读本页", "zh-Hans/"),
        ("zh-SG", "", "zh-Hans", "用简体中文阅读本页", "zh-Hans/"),
        ("zh-TW", "zh-Hans/", "zh-Hant", "用繁體中文閱讀本頁", ""),
        ("zh-HK", "zh-Hans/", "zh-Hant", "用繁體中文閱讀本頁", ""),
    ],
)
def test_suggests_the_other_script_to_a_browser_that_prefers_it(
    open_page, full_base_url, locale, edition, lang, text, target
):
    page = open_page(locale, full_base_url + edition + "negotiation/")
    bar = page.locator(BAR)
    assert bar.get_attribute("lang") == lang
    link = bar.get_by_role("link")
    assert link.inner_text() == text
    assert page.url == full_base_url + edition + "negotiation/"  # no redirect
    with page_change(page):
        link.click()
    page.wait_for_url(full_base_url + target + "negotiation/")
    idle(page)
    assert page.locator(BAR).count() == 0  # followed: remembered
    page.goto(full_base_url + edition + "negotiation/")
    idle(page)
    assert page.locator(BAR).count() == 0
    assert page.seen == {"errors": [], "foreign": []}


@pytest.mark.parametrize(
    "locale, edition",
    [
        ("zh-TW", ""),
        ("en-US", ""),
        ("zh-CN", "zh-Hans/"),
        ("en-US", "zh-Hans/"),
    ],
)
def test_no_suggestion_when_the_browser_prefers_this_script_or_no_chinese(open_page, full_base_url, locale, edition):
    page = open_page(locale, full_base_url + edition)
    assert page.locator(BAR).count() == 0


def test_closing_is_remembered(open_page, full_base_url):
    page = open_page("zh-CN", full_base_url)
    page.locator(BAR).get_by_role("button", name="关闭").click()
    assert page.locator(BAR).count() == 0
    page.reload()
    idle(page)
    assert page.locator(BAR).count() == 0
    assert page.seen == {"errors": [], "foreign": []}


def test_storage_that_throws_means_no_error_and_closing_still_works(open_page, full_base_url):
    page = open_page("zh-CN", full_base_url, init_script=STORAGE_THROWS)
    assert page.locator(BAR).is_visible()
    page.locator(BAR).get_by_role("button", name="关闭").click()
    assert page.locator(BAR).count() == 0
    with page_change(page):  # closed for this visit, even without storage
        page.locator("a.md-footer__link--next").click()
    assert page.locator(BAR).count() == 0
    page.reload()
    idle(page)
    assert page.locator(BAR).is_visible()  # may show again: storage could not remember
    assert page.seen == {"errors": [], "foreign": []}


def test_follows_instant_navigation_to_the_new_pages_counterpart(open_page, full_base_url):
    page = open_page("zh-CN", full_base_url)
    with page_change(page):
        page.locator("a.md-footer__link--next").click()
    page.wait_for_url(full_base_url + PAGES[1])
    assert page.locator(BAR).count() == 1
    assert page.locator(BAR).get_by_role("link").get_attribute("href") == full_base_url + "zh-Hans/" + PAGES[1]


def test_keyboard_reaches_the_suggestion_first(open_page, full_base_url):
    page = open_page("zh-CN", full_base_url)
    for _ in range(3):  # Material's skip link, then the suggestion
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('aside.edition-suggestion') !== null"):
            break
    else:
        raise AssertionError("the suggestion is not early in the tab order")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the close button
    assert page.locator(BAR).count() == 0


def test_no_layout_shift_when_the_suggestion_appears(open_page, full_base_url):
    page = open_page(
        "zh-CN",
        full_base_url,
        init_script="""
        window.__shift = 0
        new PerformanceObserver(list => { for (const e of list.getEntries()) window.__shift += e.value })
            .observe({ type: "layout-shift", buffered: true })
    """,
    )
    assert page.locator(BAR).is_visible()
    tasks_run(page)  # a shift the bar caused has been measured by then
    assert page.evaluate("window.__shift") == 0


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("locale, edition", [("zh-CN", ""), ("zh-TW", "zh-Hans/")])
def test_axe_finds_no_wcag_aa_violation_with_the_suggestion(open_page, full_base_url, locale, edition, scheme):
    page = open_page(locale, full_base_url + edition)
    set_palette(page, scheme)
    assert page.locator(BAR).is_visible()
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()
