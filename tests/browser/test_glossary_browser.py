"""Glossary terms in headless Chromium: the definition shows on hover, on keyboard
focus and on tap; a second tap closes it, and only the tooltip's link opens the entry;
its close button, Escape and a tap outside close it; it opens below or above the term's
line, inside the viewport, never over the line; the glossary page's 「出現於」 links land on the term,
and axe-core finds no WCAG 2.1 AA violation with a tooltip open, in both palettes."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from overdue_guide import glossary
from support.browsing import focus_by_tab, page_change, run_axe, watch_errors

pytestmark = [pytest.mark.browser, pytest.mark.long]

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
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, device_scale_factor=3, locale="zh-CN"
    )
    yield context.new_page()
    context.close()


# -----------------------------------------------------------------------------
# Hover, focus, tap
# -----------------------------------------------------------------------------


def test_hover_shows_the_definition_and_moving_away_hides_it(desktop, base_url):
    errors = watch_errors(desktop)
    desktop.goto(base_url + "impact/")
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
    desktop.goto(base_url + "impact/")
    mark(desktop, "late-fee").hover()
    expect_tooltip_for(desktop, "late-fee")
    desktop.keyboard.press("Escape")
    assert desktop.locator(TOOLTIP).count() == 0


def test_keyboard_focus_shows_the_definition_and_tab_reaches_its_link(page, base_url):
    errors = watch_errors(page)
    page.goto(base_url + "overview/")
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


def test_enter_on_a_focused_term_toggles_its_tooltip_and_stays_on_the_page(page, base_url):
    page.goto(base_url + "overview/")
    focus_by_tab(page, "#glossary-ref-huabei", limit=120)
    expect_tooltip_for(page, "huabei")  # focus shows it
    page.keyboard.press("Enter")
    expect(page.locator(TOOLTIP)).to_have_count(0)
    page.keyboard.press("Enter")
    expect_tooltip_for(page, "huabei")
    assert page.url == base_url + "overview/"


def line_box(page, term_id: str) -> dict:
    """The term's line: from the top of its first line box to the bottom of its last."""
    return page.evaluate(
        """id => {
      const rects = document.getElementById(id).getClientRects()
      return { top: rects[0].top, bottom: rects[rects.length - 1].bottom }
    }""",
        f"glossary-ref-{term_id}",
    )


def expect_clear_of_the_line(page, term_id: str, tooltip):
    """The tooltip is inside the viewport and covers none of the term's line."""
    box, line = tooltip.bounding_box(), line_box(page, term_id)
    height = page.evaluate("window.innerHeight")
    expect_in_viewport(page, tooltip)
    assert 0 <= box["y"] and box["y"] + box["height"] <= height + 0.5, (box, height)
    assert box["y"] >= line["bottom"] - 0.5 or box["y"] + box["height"] <= line["top"] + 0.5, (box, line)


@pytest.mark.parametrize("edition", ["", "zh-Hans/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_first_tap_opens_the_tooltip_and_a_second_closes_it_without_leaving(browser, full_base_url, edition, scheme):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True, locale="zh-CN", color_scheme=scheme
    )
    phone = context.new_page()
    errors = watch_errors(phone)
    phone.goto(full_base_url + edition + "impact/")
    mark(phone, "asset-freeze").scroll_into_view_if_needed()
    mark(phone, "asset-freeze").tap()
    tooltip = phone.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    expect_clear_of_the_line(phone, "asset-freeze", tooltip)
    mark(phone, "asset-freeze").tap()
    expect(tooltip).to_have_count(0)
    assert phone.url == full_base_url + edition + "impact/"
    assert errors == []
    context.close()


def test_the_close_button_escape_and_a_tap_outside_each_close_the_tooltip(phone, base_url):
    phone.goto(base_url + "impact/")
    tooltip = phone.locator(TOOLTIP)
    mark(phone, "asset-freeze").tap()
    close = tooltip.get_by_role("button", name=GLOSSARY.strings["close"])
    expect(close).to_be_visible()
    box = close.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box
    close.tap()
    expect(tooltip).to_have_count(0)
    mark(phone, "asset-freeze").tap()
    tooltip.wait_for(state="visible")
    phone.keyboard.press("Escape")
    expect(tooltip).to_have_count(0)
    mark(phone, "asset-freeze").tap()
    tooltip.wait_for(state="visible")
    phone.touchscreen.tap(4, 200)  # the page's margin: nothing there but the page
    expect(tooltip).to_have_count(0)
    assert phone.url == base_url + "impact/"


@pytest.mark.parametrize("where", ["top", "bottom"])
def test_the_tooltip_opens_below_or_above_the_line_never_over_it(phone, base_url, where):
    """A term near the top of the screen gets its tooltip below; near the bottom, above."""
    if where == "bottom":  # a short screen, the term 400 px down: 30 px left below it
        phone.set_viewport_size({"width": 390, "height": 460})
    # No suggestion bar at the bottom of the screen (this phone prefers the other edition).
    phone.add_init_script("localStorage.setItem('alipay-overdue-guide/edition-suggestion', 'dismissed')")
    phone.goto(base_url + "negotiation/")
    # A term with a screen's worth of page above and below it, scrolled to 80 or 400 px down.
    term_id = phone.evaluate(
        """where => {
      const page = document.documentElement.scrollHeight
      const term = [...document.querySelectorAll("a.glossary-term")].find(t => {
        const y = t.getBoundingClientRect().top + window.scrollY
        return y > 500 && y < page - 900
      })
      const top = term.getBoundingClientRect().top + window.scrollY - (where === "top" ? 80 : 400)
      window.scrollTo({ top, behavior: "instant" })  // not Material's smooth scrolling
      return term.id.replace("glossary-ref-", "")
    }""",
        where,
    )
    box = mark(phone, term_id).bounding_box()
    assert abs(box["y"] - (80 if where == "top" else 400)) < 2, box
    phone.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # no scrolling into view
    tooltip = phone.locator(TOOLTIP)
    tooltip.wait_for(state="visible")
    expect_clear_of_the_line(phone, term_id, tooltip)
    line = line_box(phone, term_id)
    box = tooltip.bounding_box()
    assert (box["y"] >= line["bottom"]) == (where == "top"), (box, line)


def test_the_tooltip_link_opens_the_entry_on_a_phone(phone, base_url):
    phone.goto(base_url + "negotiation/")
    mark(phone, "bank-statement").tap()
    tooltip = expect_tooltip_for(phone, "bank-statement")
    tooltip.get_by_role("link", name=GLOSSARY.strings["see_entry"]).tap()
    phone.wait_for_url("**/glossary/#bank-statement")
    assert phone.locator("#bank-statement dfn").inner_text() == "銀行流水"


def test_a_tap_elsewhere_closes_and_a_tap_on_another_term_switches(phone, base_url):
    phone.goto(base_url + "impact/")
    mark(phone, "credit-reporting-system").tap()
    expect_tooltip_for(phone, "credit-reporting-system")
    mark(phone, "credit-score").tap()
    expect_tooltip_for(phone, "credit-score")
    phone.locator("article h1").tap(position={"x": 5, "y": 5})
    assert phone.locator(TOOLTIP).count() == 0
    assert phone.url == base_url + "impact/"


def test_instant_navigation_leaves_no_tooltip_and_terms_work_on_the_new_page(desktop, base_url):
    errors = watch_errors(desktop)
    desktop.goto(base_url + "impact/")
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
    page.goto(base_url + "glossary/")
    links = page.eval_on_selector_all(
        ".glossary__appears-in a", "links => links.map(a => [a.closest('dd').previousElementSibling.id, a.href])"
    )
    assert len(links) >= len(TERMS)
    for term_id, href in links:
        if href.split("#")[0] == page.url.split("#")[0]:
            page.goto("about:blank")  # else only the fragment would change, in the same document
        page.goto(href)  # a full load, as from a bookmark or a shared link
        target = page.locator(f"#glossary-ref-{term_id}")
        assert target.inner_text() in TERMS[term_id].forms, href
        assert target.evaluate("el => el.matches(':target')"), href
        expect(target).to_be_in_viewport()
    assert errors == []


def test_an_appears_in_link_clicked_on_the_glossary_page_scrolls_to_the_term(page, base_url):
    page.goto(base_url + "glossary/")
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
    page.goto(base_url + url)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    mark(page, term_id).focus()
    expect_tooltip_for(page, term_id)
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()
