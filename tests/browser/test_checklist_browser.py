"""The checklist in headless Chromium: one tick per action on every page, kept
across reloads and instant navigation, with a progress figure, reset, copy,
keyboard use, print, broken or missing storage, the offline bundle from
file://, and no axe-core WCAG 2.1 AA violation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from support.browsing import focus_by_tab, page_change, reopen_until, run_axe, set_palette, tasks_run, watch_errors

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DATA = yaml.safe_load((ROOT / "data" / "checklist.yml").read_text(encoding="utf-8"))
STRINGS = DATA["strings"]
ITEMS = [item for stage in DATA["stages"] for item in stage["items"]]
TOTAL = len(ITEMS)
ON_RESPONSE = [item["id"] for item in ITEMS if item["link"].startswith("response.md#")]
KEY = "alipay-overdue-guide/checklist"


def progress(done: int, total: int) -> str:
    return STRINGS["progress"].format(done=done, total=total)


def box(page, item_id: str):
    return page.locator(f"#checklist-{item_id}")


def progress_text(page) -> str:
    return page.locator(".checklist__progress").inner_text()


def stored(page):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem({KEY!r}))")


def open_checklist(page, base_url):
    page.goto(base_url + "checklist/")
    page.wait_for_function("() => document.querySelector('.checklist__progress').textContent !== ''")


def follow(page, link, url_glob: str):
    """Click a link and wait until the page it leads to shows its checklist."""
    with page_change(page):
        page.locator(link).first.click()
    page.wait_for_url(url_glob)
    page.wait_for_function("() => document.querySelector('.checklist__progress').textContent !== ''")


def to_response(page):
    follow(page, "a.checklist__link[href*='response']", "**/response/#*")


def to_checklist(page):
    follow(page, ".checklist__more a", "**/checklist/")


# -----------------------------------------------------------------------------
# Ticks, progress, persistence
# -----------------------------------------------------------------------------


def test_a_tick_updates_the_progress_and_survives_a_reload(page, base_url):
    errors = watch_errors(page)
    open_checklist(page, base_url)
    assert progress_text(page) == progress(0, TOTAL)
    box(page, "prepare-id").check()
    assert progress_text(page) == progress(1, TOTAL)
    assert stored(page) == {"version": 1, "items": {"prepare-id": True}}
    reopen_until(page.reload, lambda _: box(page, "prepare-id").is_checked())  # reloaded
    assert box(page, "prepare-id").is_checked()
    assert progress_text(page) == progress(1, TOTAL)
    assert errors == []


def test_a_tick_shows_on_every_page_through_instant_navigation(page, base_url):
    errors = watch_errors(page)
    open_checklist(page, base_url)
    page.evaluate("window.__samePage = true")  # survives instant navigation, not a page load
    box(page, ON_RESPONSE[0]).check()
    follow(page, f"li:has(#checklist-{ON_RESPONSE[0]}) a.checklist__link", "**/response/#*")
    assert page.evaluate("window.__samePage") is True
    assert box(page, ON_RESPONSE[0]).is_checked()
    assert progress_text(page) == progress(1, len(ON_RESPONSE))
    box(page, ON_RESPONSE[1]).check()  # tick on the content page ...
    with page_change(page):
        page.go_back()
    page.wait_for_url("**/checklist/")
    page.wait_for_function(f"() => document.querySelector('#checklist-{ON_RESPONSE[1]}')")
    assert box(page, ON_RESPONSE[1]).is_checked()  # ... and see it on the checklist page
    assert progress_text(page) == progress(2, TOTAL)
    assert page.evaluate("window.__samePage") is True
    assert errors == []


def test_many_instant_navigations_leave_a_single_listener(page, base_url):
    errors = watch_errors(page)
    open_checklist(page, base_url)
    page.evaluate("window.__samePage = true")
    for _ in range(10):
        to_response(page)
        to_checklist(page)
    assert page.evaluate("window.__samePage") is True  # all of it by instant navigation
    # Count what one tick does: storage writes and progress announcements.
    page.evaluate(f"""() => {{
        window.__writes = 0;
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {{
            if (key === {KEY!r}) window.__writes += 1;
            return setItem.call(this, key, value);
        }};
        window.__announcements = 0;
        new MutationObserver(() => window.__announcements += 1)
            .observe(document.querySelector('.checklist__progress'),
                     {{childList: true, characterData: true, subtree: true}});
    }}""")
    box(page, "keep-records").check()
    tasks_run(page)  # any duplicate handler has run by then (none should)
    assert page.evaluate("window.__writes") == 1
    assert page.evaluate("window.__announcements") == 1
    assert progress_text(page) == progress(1, TOTAL)
    assert page.locator("[data-checklist]").count() == 1
    assert errors == []


def test_other_tabs_follow_a_tick(page, base_url):
    other = page.context.new_page()
    open_checklist(page, base_url)
    other.goto(base_url + "response/")
    box(page, ON_RESPONSE[2]).check()
    other.wait_for_function(f"() => document.querySelector('#checklist-{ON_RESPONSE[2]}').checked")
    assert progress_text(other) == progress(1, len(ON_RESPONSE))


# -----------------------------------------------------------------------------
# Reset and copy
# -----------------------------------------------------------------------------


def test_reset_asks_first_and_clears_every_tick_only_when_confirmed(page, base_url):
    open_checklist(page, base_url)
    for item in ITEMS[:3]:
        box(page, item["id"]).check()
    questions = []

    page.once("dialog", lambda d: (questions.append(d.message), d.dismiss()))
    page.get_by_role("button", name=STRINGS["reset"]).click()
    assert progress_text(page) == progress(3, TOTAL)

    page.once("dialog", lambda d: (questions.append(d.message), d.accept()))
    page.get_by_role("button", name=STRINGS["reset"]).click()
    assert progress_text(page) == progress(0, TOTAL)
    assert page.locator("input[data-checklist-item]:checked").count() == 0
    assert stored(page) == {"version": 1, "items": {}}
    assert questions == [STRINGS["reset_confirm"]] * 2


def expected_text(ticked: set[str], guide_url: str) -> str:
    """The copied text: the list, the progress, then the guide's address and 95188."""
    lines = [STRINGS["copy_heading"]]
    for stage in DATA["stages"]:
        lines += ["", stage["name"]]
        lines += [
            f"{STRINGS['done_mark'] if i['id'] in ticked else STRINGS['todo_mark']} {i['label']}"
            for i in stage["items"]
        ]
    return "\n".join(lines + ["", progress(len(ticked), TOTAL), "", STRINGS["copy_footer"].replace("{url}", guide_url)])


def test_copy_puts_the_list_as_plain_text_on_the_clipboard(page, base_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    open_checklist(page, base_url)
    box(page, "prepare-id").check()
    box(page, "keep-records").check()
    page.get_by_role("button", name=STRINGS["copy"]).click()
    expect_feedback(page, STRINGS["copied"])
    assert page.evaluate("navigator.clipboard.readText()") == expected_text({"prepare-id", "keep-records"}, base_url)


def expect_feedback(page, text: str):
    page.wait_for_function("text => document.querySelector('.checklist__feedback').textContent === text", arg=text)


NO_ASYNC_CLIPBOARD = """
    window.__clipboard = navigator.clipboard;
    Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined, configurable: true});
"""


def test_copy_without_the_async_clipboard_uses_the_old_way(page, base_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.add_init_script(NO_ASYNC_CLIPBOARD)
    open_checklist(page, base_url)
    box(page, "choose-channel").check()
    page.get_by_role("button", name=STRINGS["copy"]).click()
    expect_feedback(page, STRINGS["copied"])
    assert page.evaluate("window.__clipboard.readText()") == expected_text({"choose-channel"}, base_url)


def test_when_nothing_can_copy_the_text_is_shown_selected_to_copy_by_hand(page, base_url):
    errors = watch_errors(page)
    page.add_init_script(NO_ASYNC_CLIPBOARD + "document.execCommand = () => { throw new Error('no'); };")
    open_checklist(page, base_url)
    page.get_by_role("button", name=STRINGS["copy"]).click()
    expect_feedback(page, STRINGS["copy_failed"])
    manual = page.locator("textarea.checklist__manual-copy")
    assert manual.input_value() == expected_text(set(), base_url)
    assert page.evaluate("document.activeElement.className") == "checklist__manual-copy"
    assert page.evaluate("getSelection().toString() || document.activeElement.selectionEnd") != 0
    page.get_by_role("button", name=STRINGS["copy"]).click()
    assert manual.count() == 1  # not one more per click
    assert errors == []


# -----------------------------------------------------------------------------
# Broken storage
# -----------------------------------------------------------------------------

# Each failure names who touched storage: the site's widgets (widgets.js) or someone else
# (Material's inline scripts read it too, and throw): "denied (widgets)".
CALLER = "(new Error().stack.includes('/widgets.js') ? 'widgets' : 'other')"
THROWING_STORAGE = {
    "every call throws": f"""
        for (const name of ['getItem', 'setItem', 'removeItem'])
            Storage.prototype[name] = () => {{ throw new DOMException('denied (' + {CALLER} + ')', 'SecurityError'); }};
    """,
    "localStorage itself throws": f"""
        Object.defineProperty(window, 'localStorage',
            {{get: () => {{ throw new DOMException('denied (' + {CALLER} + ')', 'SecurityError'); }}}});
    """,
    "storage is full": f"""
        Storage.prototype.setItem = () => {{
          throw new DOMException('full (' + {CALLER} + ')', 'QuotaExceededError'); }};
    """,
}


@pytest.mark.parametrize("storage", THROWING_STORAGE)
def test_without_storage_the_checklist_still_works_for_the_visit(page, base_url, storage):
    # Material's own scripts also read localStorage (palette, consent) and
    # would throw; this test is about the checklist's errors only.
    errors = watch_errors(page)
    page.add_init_script(THROWING_STORAGE[storage])
    open_checklist(page, base_url)
    box(page, ON_RESPONSE[0]).check()
    assert progress_text(page) == progress(1, TOTAL)
    to_response(page)
    assert box(page, ON_RESPONSE[0]).is_checked()
    assert progress_text(page) == progress(1, len(ON_RESPONSE))
    # Material's own inline scripts read localStorage too and throw; the widgets must not.
    assert [e for e in errors if "(widgets)" in e] == []


@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        "[]",
        "null",
        "42",
        '"text"',
        '{"version": 2, "items": {"prepare-id": true}}',
        '{"version": 1, "items": ["prepare-id"]}',
        '{"version": 1, "items": null}',
        '{"items": {"prepare-id": true}}',
    ],
)
def test_garbage_in_storage_is_ignored_and_replaced_by_the_next_tick(page, base_url, raw):
    errors = watch_errors(page)
    page.add_init_script(f"localStorage.setItem({KEY!r}, {json.dumps(raw)})")
    open_checklist(page, base_url)
    assert page.locator("input[data-checklist-item]:checked").count() == 0
    assert progress_text(page) == progress(0, TOTAL)
    box(page, "check-credit-record").check()
    assert stored(page) == {"version": 1, "items": {"check-credit-record": True}}
    assert errors == []


def test_ticks_for_actions_that_no_longer_exist_are_ignored_and_dropped(page, base_url):
    state = {"version": 1, "items": {"removed-action": True, "prepare-id": True, "keep-records": "yes"}}
    page.add_init_script(f"localStorage.setItem({KEY!r}, {json.dumps(json.dumps(state))})")
    open_checklist(page, base_url)
    assert progress_text(page) == progress(1, TOTAL)
    assert box(page, "prepare-id").is_checked() and not box(page, "keep-records").is_checked()
    box(page, "repay-on-time").check()
    assert stored(page) == {"version": 1, "items": {"prepare-id": True, "repay-on-time": True}}


# -----------------------------------------------------------------------------
# Keyboard, no JavaScript, print
# -----------------------------------------------------------------------------


def test_keyboard_alone_ticks_unticks_and_resets(page, base_url):
    open_checklist(page, base_url)
    first = ITEMS[0]["id"]
    focus_by_tab(page, f"#checklist-{first}", limit=80)
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus is visible
    page.keyboard.press("Space")
    assert box(page, first).is_checked() and progress_text(page) == progress(1, TOTAL)
    page.keyboard.press("Tab")  # its "explain" link
    page.keyboard.press("Tab")  # the next action
    page.keyboard.press("Space")
    assert box(page, ITEMS[1]["id"]).is_checked() and progress_text(page) == progress(2, TOTAL)
    page.keyboard.press("Space")
    assert not box(page, ITEMS[1]["id"]).is_checked()
    focus_by_tab(page, "[data-checklist-action=reset]", limit=80)
    page.once("dialog", lambda d: d.accept())
    page.keyboard.press("Enter")
    assert progress_text(page) == progress(0, TOTAL)


def test_with_javascript_off_the_checklist_reads_as_a_list_of_checkboxes(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + "checklist/")
    items = page.locator("ul.checklist__items > li")
    assert items.count() == TOTAL
    assert page.get_by_role("checkbox", name=ITEMS[0]["label"]).is_visible()
    page.get_by_role("checkbox", name=ITEMS[0]["label"]).check()  # still a working form control
    assert not page.get_by_role("button", name=STRINGS["reset"]).is_visible()
    assert not page.locator(".checklist__progress").is_visible()
    context.close()


def test_print_shows_boxes_and_ticks_but_no_buttons(page, base_url):
    open_checklist(page, base_url)
    box(page, "prepare-id").check()
    page.emulate_media(media="print")
    assert page.locator("input[data-checklist-item]").first.is_visible()
    assert box(page, "prepare-id").is_checked()
    assert not page.get_by_role("button", name=STRINGS["reset"]).is_visible()
    assert not page.get_by_role("button", name=STRINGS["copy"]).is_visible()
    pdf = page.pdf()  # prints without error
    assert pdf.startswith(b"%PDF")


# -----------------------------------------------------------------------------
# Accessibility
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_wcag_aa_violation_on_the_checklist_page(page, base_url, scheme):
    open_checklist(page, base_url)
    set_palette(page, scheme)
    for item in ITEMS[:4]:
        box(page, item["id"]).check()
    page.get_by_role("button", name=STRINGS["copy"]).focus()
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()


def test_screen_readers_hear_the_progress_and_each_label(page, base_url):
    open_checklist(page, base_url)
    status = page.get_by_role("status").filter(has_text=progress(0, TOTAL))
    assert status.get_attribute("aria-live") == "polite"
    for item in ITEMS:
        assert page.get_by_role("checkbox", name=item["label"], exact=True).count() == 1


# -----------------------------------------------------------------------------
# The offline bundle, opened from file://
# -----------------------------------------------------------------------------


def test_offline_bundle_keeps_ticks_across_reloads_and_pages(page, offline_site):
    errors = watch_errors(page)
    page.goto((offline_site / "checklist.html").as_uri())
    page.wait_for_function("() => document.querySelector('.checklist__progress').textContent !== ''")
    box(page, ON_RESPONSE[0]).check()
    reopen_until(page.reload, lambda _: box(page, ON_RESPONSE[0]).is_checked())  # reloaded
    assert box(page, ON_RESPONSE[0]).is_checked()
    assert progress_text(page) == progress(1, TOTAL)
    page.locator(f"li:has(#checklist-{ON_RESPONSE[0]}) a.checklist__link").click()
    page.wait_for_url("**/response.html#*")
    assert box(page, ON_RESPONSE[0]).is_checked()
    assert progress_text(page) == progress(1, len(ON_RESPONSE))
    assert errors == []
