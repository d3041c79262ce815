"""Search loads on first use (overrides/assets/javascripts/search.js): no worker and
no index at page load; intent (pointer down, focus, Material's / shortcut) fetches
both; the first search shows results. Across scripts (hooks/search_scripts.py): in
either edition a query in the other script finds the same pages, highlighted, also
offline from file://; mixed queries keep working."""

from __future__ import annotations

import pytest

from support.browsing import PAGES, page_change, search, tasks_run, watch, watch_offline

pytestmark = pytest.mark.browser

SEARCH_FILES = ("/search/search_index.json", "/workers/search.")


def search_requests(page) -> list[str]:
    """The requests for Material's search worker and index, as a list that fills as the page runs."""
    seen: list[str] = []
    page.on("request", lambda r: any(part in r.url for part in SEARCH_FILES) and seen.append(r.url))
    return seen


def wait_for_search_files(page, seen: list[str], timeout_ms: int = 10_000):
    """Wait until both files have been requested (a busy CI machine may take a while to ask).

    Playwright hands request events to Python only while it waits, so none is missed between
    looking at `seen` and waiting for the next request."""
    for part in SEARCH_FILES:
        if not any(part in url for url in seen):
            page.wait_for_event("request", predicate=lambda r, part=part: part in r.url, timeout=timeout_ms)
    assert all(any(part in url for url in seen) for part in SEARCH_FILES), seen


# -----------------------------------------------------------------------------
# On first use
# -----------------------------------------------------------------------------


def test_no_search_request_before_first_use(page, base_url):
    seen = search_requests(page)
    page.goto(base_url)
    page.mouse.wheel(0, 800)  # reading, scrolling: not a use of search
    page.locator("a.md-footer__link--next").hover()
    tasks_run(page)  # what the hover would have started has started
    assert seen == []


def test_no_search_request_after_instant_navigation(page, base_url):
    seen = search_requests(page)
    page.goto(base_url)
    with page_change(page):  # the new page handed to the scripts, search.js's among them
        page.locator("a.md-footer__link--next").click()
    page.wait_for_url(base_url + PAGES[1])
    tasks_run(page)
    assert seen == []


def test_pointer_down_on_the_search_button_fetches_worker_and_index(page, base_url):
    seen = search_requests(page)
    page.goto(base_url)
    page.locator("label.md-header__button[for=__search]").hover()
    page.mouse.down()  # before the click: the download starts while the finger is still down
    wait_for_search_files(page, seen)
    page.mouse.up()


def test_keyboard_shortcut_fetches_worker_and_index(page, base_url):
    seen = search_requests(page)
    page.goto(base_url)
    page.keyboard.press("/")
    wait_for_search_files(page, seen)


def test_first_search_shows_results(page, base_url):
    seen = watch(page)
    page.goto(base_url)
    links = search(page, "協商")
    assert any(link.split("?")[0].endswith("/negotiation/") for link in links), links
    assert seen == {"errors": [], "foreign": []}


def test_a_search_link_with_a_query_still_searches(page, base_url):
    page.goto(base_url + "?q=協商")
    page.locator(".md-search-result__item").first.wait_for()


# -----------------------------------------------------------------------------
# Across scripts
# -----------------------------------------------------------------------------

CROSS = [  # (edition, query in the other script, the edition's own form, a page it must find)
    ("", "滞纳金", "滯納金", "impact/"),
    ("", "征信", "徵信", "impact/"),
    ("", "协商", "協商", "negotiation/"),
    ("zh-Hans/", "滯納金", "滞纳金", "impact/"),
    ("zh-Hans/", "徵信", "征信", "impact/"),
    ("zh-Hans/", "協商", "协商", "negotiation/"),
]


def result_pages(links: list[str]) -> list[str]:
    return sorted({link.split("?")[0].split("#")[0] for link in links})


@pytest.mark.parametrize("edition, query, own, expected", CROSS)
def test_query_in_the_other_script_finds_the_same_pages_highlighted(page, full_base_url, edition, query, own, expected):
    page.goto(full_base_url + edition)
    own_pages = result_pages(search(page, own))
    page.goto(full_base_url + edition)
    pages = result_pages(search(page, query))
    assert full_base_url + edition + expected in pages
    assert pages == own_pages
    marks = page.eval_on_selector_all(".md-search-result mark", "marks => marks.map(m => m.textContent)")
    assert own in marks, marks


@pytest.mark.parametrize(
    "edition, query, own",
    [
        ("", "滞纳金 協商", ["滯納金", "協商"]),
        ("zh-Hans/", "滯納金 协商", ["滞纳金", "协商"]),
    ],
)
def test_mixed_query_finds_and_highlights_both_words(page, full_base_url, edition, query, own):
    page.goto(full_base_url + edition)
    pages = result_pages(search(page, query))
    assert {full_base_url + edition + "impact/", full_base_url + edition + "negotiation/"} <= set(pages), pages
    marks = set(page.eval_on_selector_all(".md-search-result mark", "marks => marks.map(m => m.textContent)"))
    assert set(own) <= marks, marks


def test_query_in_the_other_script_searches_offline(page, offline_site):
    seen = watch_offline(page)
    page.goto((offline_site / "index.html").as_uri())
    links = search(page, "滞纳金")
    assert any(link.split("?")[0].endswith("/impact.html") for link in links), links
    assert seen == {"errors": [], "network": []}
