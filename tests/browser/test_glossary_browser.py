"""Glossary terms in headless Chromium: the definition shows on hover, on keyboard
focus and on tap (a second tap or the tooltip's link opens the entry), Escape closes
it, the glossary page's 「出現於」 links land on the term, and axe-core finds no
WCAG 2.1 AA violation with a tooltip open, in both palettes."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

import glossary
from browser_helpers import focus_by_tab, page_change, run_axe, watch_errors

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = glossary.parse_glossary((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
TERMS = {term.id: term for term in GLOSSARY.terms}
TOOLTIP = ".glossary-tooltip"


def mark(page, term_id: str):
    return page.locator(f"#glossary-ref-{term_id}")


def expect_tooltip_for(page, term_id: str):
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    assert tooltip.count() == 1
    assert page.locator("#glossary-tooltip[role=tooltip]").inner_text() == TERMS[term_id].definition
    assert mark(page, term_id).get_attribute("aria-describedby") == "glossary-tooltip"
    more = tooltip.get_by_role("link", name=GLOSSARY.strings["see_entry"])
    assert more.get_attribute("href") == mark(page, term_id).get_attribute("href")
    return tooltip


def expect_in_viewport(page, locator):
    box = locator.bounding_box()
    width = page.evaluate("document.documentElement.clientWidth")
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-TW")
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True,
                                  device_scale_factor=3, locale="zh-CN")
    yield context.new_page()
    context.close()


# -----------------------------------------------------------------------------
# Hover, focus, tap
# -----------------------------------------------------------------------------

def test_hover_shows_the_definition_and_moving_away_hides_it(desktop, base_url):
    errors = watch_errors(desktop)
    desktop.goto(base_url + "impact/", wait_until="networkidle")
    mark(desktop, "credit-reporting-system").hover()
    tooltip = expect_tooltip_for(desktop, "credit-reporting-system")
    expect_in_viewport(desktop, tooltip)
    tooltip.hover()  # the pointer can move onto the tooltip to reach its link
    assert tooltip.is_visible()
    desktop.locator("article h1").hover()
    tooltip.wait_for(state="detached")
    assert mark(desktop, "credit-reporting-system").get_attribute("aria-describedby") is None
    assert errors == []


def test_escape_closes_a_hovered_tooltip_without_moving_the_pointer(desktop, base_url):
    desktop.goto(base_url + "impact/", wait_until="networkidle")
    mark(desktop, "late-fee").hover()
    expect_tooltip_for(desktop, "late-fee")
    desktop.keyboard.press("Escape")
    assert desktop.locator(TOOLTIP).count() == 0


def test_keyboard_focus_shows_the_definition_and_tab_reaches_its_link(page, base_url):
    errors = watch_errors(page)
    page.goto(base_url + "overview/", wait_until="networkidle")
    focus_by_tab(page, "a.glossary-term", limit=120)
    term_id = page.evaluate("document.activeElement.id").removeprefix("glossary-ref-")
    expect_tooltip_for(page, term_id)
    page.keyboard.press("Tab")  # the tooltip's own link comes next
    assert page.evaluate("document.activeElement.closest('.glossary-tooltip') !== null")
    page.keyboard.press("Escape")  # closes, and focus returns to the term
    assert page.locator(TOOLTIP).count() == 0
    assert page.evaluate("document.activeElement.id") == f"glossary-ref-{term_id}"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.locator(TOOLTIP).count() <= 1
    assert errors == []


def test_enter_on_a_focused_term_opens_its_entry(page, base_url):
    page.goto(base_url + "overview/", wait_until="networkidle")
    focus_by_tab(page, "#glossary-ref-huabei", limit=120)
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/#huabei")
    assert page.locator("#huabei dfn").inner_text() == "花唄"


def test_a_tap_shows_the_definition_first_and_a_second_tap_opens_the_entry(phone, base_url):
    errors = watch_errors(phone)
    phone.goto(base_url + "impact/", wait_until="networkidle")
    mark(phone, "asset-freeze").scroll_into_view_if_needed()
    mark(phone, "asset-freeze").tap()
    tooltip = expect_tooltip_for(phone, "asset-freeze")
    expect_in_viewport(phone, tooltip)
    assert phone.url == base_url + "impact/"  # not followed yet
    mark(phone, "asset-freeze").tap()
    phone.wait_for_url("**/glossary/#asset-freeze")
    expect(phone.locator("#asset-freeze")).to_be_in_viewport()
    assert errors == []


def test_the_tooltip_link_opens_the_entry_on_a_phone(phone, base_url):
    phone.goto(base_url + "negotiation/", wait_until="networkidle")
    mark(phone, "bank-statement").tap()
    tooltip = expect_tooltip_for(phone, "bank-statement")
    tooltip.get_by_role("link", name=GLOSSARY.strings["see_entry"]).tap()
    phone.wait_for_url("**/glossary/#bank-statement")
    assert phone.locator("#bank-statement dfn").inner_text() == "銀行流水"


def test_a_tap_elsewhere_closes_and_a_tap_on_another_term_switches(phone, base_url):
    phone.goto(base_url + "impact/", wait_until="networkidle")
    mark(phone, "credit-reporting-system").tap()
    expect_tooltip_for(phone, "credit-reporting-system")
    mark(phone, "credit-score").tap()
    expect_tooltip_for(phone, "credit-score")
    phone.locator("article h1").tap(position={"x": 5, "y": 5})
    assert phone.locator(TOOLTIP).count() == 0
    assert phone.url == base_url + "impact/"


def test_instant_navigation_leaves_no_tooltip_and_terms_work_on_the_new_page(desktop, base_url):
    errors = watch_errors(desktop)
    desktop.goto(base_url + "impact/", wait_until="networkidle")
    mark(desktop, "lawsuit").hover()
    expect_tooltip_for(desktop, "lawsuit")
    with page_change(desktop):
        desktop.locator("a.md-footer__link--next").click()
    desktop.wait_for_url("**/response/")
    assert desktop.locator(TOOLTIP).count() == 0
    first = desktop.locator("article a.glossary-term").first
    first.hover()
    desktop.locator(TOOLTIP).wait_for(state="visible")
    assert desktop.locator(TOOLTIP).count() == 1
    assert errors == []


def test_with_javascript_off_a_term_is_a_link_to_its_entry(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "impact/")
    mark(page, "creditor").click()
    page.wait_for_url("**/glossary/#creditor")
    assert page.locator("#creditor dfn").inner_text() == "債權人"
    context.close()


# -----------------------------------------------------------------------------
# The glossary page
# -----------------------------------------------------------------------------

def test_every_appears_in_link_lands_on_the_marked_term(page, base_url):
    errors = watch_errors(page)
    page.goto(base_url + "glossary/", wait_until="networkidle")
    links = page.eval_on_selector_all(
        ".glossary__appears-in a",
        "links => links.map(a => [a.closest('dd').previousElementSibling.id, a.href])")
    assert len(links) >= len(TERMS)
    for term_id, href in links:
        page.goto("about:blank")
        page.goto(href)  # a full load, as from a bookmark or a shared link
        target = page.locator(f"#glossary-ref-{term_id}")
        assert target.inner_text() in TERMS[term_id].forms, href
        assert target.evaluate("el => el.matches(':target')"), href
        expect(target).to_be_in_viewport()
    assert errors == []


def test_an_appears_in_link_clicked_on_the_glossary_page_scrolls_to_the_term(page, base_url):
    page.goto(base_url + "glossary/", wait_until="networkidle")
    entry = page.locator("#credit-reporting-system + dd")
    entry.locator(".glossary__appears-in a[href*='impact/']").click()  # the worked path and help page come first now
    page.wait_for_url("**/impact/#glossary-ref-credit-reporting-system")
    expect(mark(page, "credit-reporting-system")).to_be_in_viewport()


# -----------------------------------------------------------------------------
# Accessibility
# -----------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url, term_id", [("impact/", "credit-reporting-system"), ("glossary/", "borrower")])
def test_axe_finds_no_wcag_aa_violation_with_a_tooltip_open(browser, base_url, scheme, url, term_id):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + url, wait_until="networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    mark(page, term_id).focus()
    expect_tooltip_for(page, term_id)
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()
