"""Both editions, as scripts/build publishes them, in headless Chromium: search in
each script, the switch to the other script on every page (also after instant
navigation and from the keyboard), checklist ticks shared by both, clean
loads, and axe-core on the zh-Hans pages in both palettes."""

from __future__ import annotations

import pytest

from support.browsing import (
    PAGES,
    axe_each,
    axe_report,
    focus_by_tab,
    page_change,
    search,
    type_search,
    watch,
)

pytestmark = pytest.mark.browser


# -----------------------------------------------------------------------------
# Search in each script
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "edition, query, expected",
    [
        ("zh-Hans/", "滞纳金", "impact/"),
        ("zh-Hans/", "征信", "impact/"),
        ("zh-Hans/", "协商", "negotiation/"),
        ("zh-Hans/", "花呗", "overview/"),
        ("zh-Hans/", "代理协商", "help/"),  # written “代理协商” in the zh-Hans edition: quotes split words too
        ("zh-Hans/", "停息挂账", "plan/"),
        ("", "滯納金", "impact/"),
        ("", "徵信", "impact/"),
        ("", "協商", "negotiation/"),
        ("", "花唄", "overview/"),
        ("", "支付寶", "overview/"),
    ],
)
def test_search_finds_the_right_page_in_each_script(page, full_base_url, edition, query, expected):
    page.goto(full_base_url + edition)
    links = [link.split("?")[0].split("#")[0] for link in search(page, query)]
    assert full_base_url + edition + expected in links, links


def test_zh_hans_search_says_so_in_simplified_when_nothing_matches(page, full_base_url):
    page.goto(full_base_url + "zh-Hans/")
    type_search(page, "量子力学")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.includes('没有找到')")


# -----------------------------------------------------------------------------
# The switch
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_switch_leads_to_the_same_page_in_the_other_script_and_back(page, full_base_url, path):
    seen = watch(page)
    page.goto(full_base_url + path)
    with page_change(page):
        page.get_by_role("link", name="简体中文", exact=True).click()
    page.wait_for_url(full_base_url + "zh-Hans/" + path)
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    with page_change(page):
        page.get_by_role("link", name="繁體中文", exact=True).click()
    page.wait_for_url(full_base_url + path)
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert seen == {"errors": [], "foreign": []}


@pytest.mark.parametrize("edition, other, name", [("", "zh-Hans/", "简体中文"), ("zh-Hans/", "", "繁體中文")])
def test_switch_follows_instant_navigation(page, full_base_url, edition, other, name):
    seen = watch(page)
    page.goto(full_base_url + edition)
    page.evaluate("window.__sameDocument = true")  # lost on a full page load
    with page_change(page):
        page.locator("a.md-footer__link--next").click()
    page.wait_for_url(full_base_url + edition + PAGES[1])
    assert page.evaluate("window.__sameDocument") is True
    with page_change(page):
        page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_url(full_base_url + other + PAGES[1])
    assert seen == {"errors": [], "foreign": []}


def test_switch_works_from_the_keyboard(page, full_base_url):
    page.goto(full_base_url + "negotiation/")
    focus_by_tab(page, ".edition-switch a", limit=40)  # through the header
    page.keyboard.press("Enter")
    page.wait_for_url(full_base_url + "zh-Hans/negotiation/")


# -----------------------------------------------------------------------------
# Shared checklist ticks
# -----------------------------------------------------------------------------


def test_a_tick_in_one_script_shows_in_the_other(page, full_base_url):
    boxes = page.locator("article input.checklist__box")
    page.goto(full_base_url + "checklist/")
    first, second = (boxes.nth(i).get_attribute("data-checklist-item") for i in (0, 1))
    boxes.nth(0).check()
    page.goto(full_base_url + "zh-Hans/checklist/")
    assert boxes.nth(0).get_attribute("data-checklist-item") == first
    assert boxes.nth(0).is_checked() and not boxes.nth(1).is_checked()
    boxes.nth(1).check()
    page.goto(full_base_url + "checklist/")
    assert boxes.nth(1).get_attribute("data-checklist-item") == second
    assert boxes.nth(0).is_checked() and boxes.nth(1).is_checked()


# -----------------------------------------------------------------------------
# Clean loads and accessibility of the zh-Hans pages
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_zh_hans_page_loads_without_errors_or_third_party_requests(page, full_base_url, path):
    seen = watch(page)
    page.goto(full_base_url + "zh-Hans/" + path)
    assert page.locator("h1").first.is_visible()
    assert seen == {"errors": [], "foreign": []}


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_wcag_aa_violation_in_zh_hans(page, full_base_url, scheme):
    # Every page, one after the other: the palette picked on the first persists in this edition too.
    found = axe_each(page, [full_base_url + "zh-Hans/" + path for path in PAGES], scheme)
    assert not found, axe_report(found)


def test_visible_zh_hans_text_after_scripts_run_has_no_traditional_form(page, full_base_url):
    from overdue_guide import script_purity

    for path in ("checklist/", "glossary/"):
        page.goto(full_base_url + "zh-Hans/" + path)
        text = page.evaluate("""() => {
            const clone = document.body.cloneNode(true);
            clone.querySelectorAll('[lang]:not([lang="zh-Hans"]), script, style').forEach(el => el.remove());
            return clone.innerText;
        }""")
        assert script_purity.traditional_left(text) == [], path
