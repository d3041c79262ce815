"""The budget (還款預算表) and the request (協商申請) in headless Chromium: the maths as
pure functions, the worked example, nothing left, bad input, the request carrying the
budget's offer, in both editions and in the single-file page; figures kept across
reloads and editions, broken storage, no request after the page has loaded, copy,
clear, keyboard, 360 px, JavaScript off, the offline bundle, and axe in both palettes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Locator

from support.browsing import (
    focus_by_tab,
    page_change,
    reopen_until,
    run_axe,
    set_palette,
    tasks_run,
    watch_errors,
    watch_offline,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
BUDGET = yaml.safe_load((ROOT / "data" / "budget.yml").read_text(encoding="utf-8"))
LETTER = yaml.safe_load((ROOT / "data" / "letter.yml").read_text(encoding="utf-8"))
BUDGET_KEY, LETTER_KEY = "alipay-overdue-guide/budget", "alipay-overdue-guide/letter"
NOT_A_RESULT = re.compile(r"NaN|Infinity|undefined|-\d")

# Where the widgets live: each edition's site, and each edition's single-file page.
SITES = {"zh-Hant": "", "zh-Hans": "zh-Hans/"}
SINGLE_FILES = {
    "zh-Hant": "download/alipay-overdue-guide-zh-Hant.html",
    "zh-Hans": "zh-Hans/download/alipay-overdue-guide-zh-Hans.html",
}
WHERE = ["zh-Hant", "zh-Hans", "single-file", "single-file zh-Hans"]


def open_widget(page, where: str, widget: str, base_url: str, site: Path):
    """Open the budget or letter page where the reader would; return its form."""
    if where.startswith("single-file"):
        return open_form(
            page, (site / SINGLE_FILES["zh-Hans" if where.endswith("zh-Hans") else "zh-Hant"]).as_uri(), widget
        )
    return open_form(page, f"{base_url}{SITES[where]}{widget}/", widget)


def open_form(page, url: str, widget: str):
    """Open url; return the budget's or the letter's form once its script has set it up."""
    page.goto(url)
    form = page.locator(f"form[data-{widget}]")
    form.locator(".budget__actions, .letter__actions").first.wait_for()  # the script has set it up
    return form


def open_kept(page, where: str, widget: str, base_url: str, site: Path, kept) -> Locator:
    """open_widget again until the page reads what the last page kept (support.browsing.reopen_until)."""
    return reopen_until(lambda: open_widget(page, where, widget, base_url, site), kept)


def diagnosis(page, form) -> str:
    """What a page with no offers in the request holds, for the failure's message."""
    return json.dumps(
        page.evaluate(
            """([form, key]) => ({
                url: location.href,
                kept: localStorage.getItem(key),
                read: budgetStore.read(),
                outcome: budgetMaths.evaluate(budgetStore.read()).kind,
                offers: letterWriting.budgetOffers(budgetStore.read()),
                hidden: form.querySelector("[data-letter-from-budget]").hidden,
                budgetForms: document.querySelectorAll("form[data-budget]").length,
                letterForms: document.querySelectorAll("form[data-letter]").length,
            })""",
            [form.element_handle(), BUDGET_KEY],
        ),
        ensure_ascii=False,
    )


def has_offers(form) -> bool:
    return form.locator("[data-letter-debt]").is_visible()


def fill_budget(form, income=("8000",), spending=("3000", "2000"), debts=(("借唄", "20000"), ("信用卡", "10000"))):
    for box, value in zip(form.locator("[data-budget-field=income]").all(), income):
        box.fill(value)
    for box, value in zip(form.locator("[data-budget-field=spending]").all(), spending):
        box.fill(value)
    while form.locator("[data-budget-debt]").count() < len(debts):
        form.locator("[data-budget-add]").click()
    for row, (name, amount) in zip(form.locator("[data-budget-debt]").all(), debts):
        row.locator("input[name=debt-name]").fill(name)
        row.locator("input[name=debt-amount]").fill(amount)


def texts(form, selector: str) -> list[str]:
    return [t.strip() for t in form.locator(selector).all_inner_texts()]


def result_of(form) -> dict:
    return {
        "available": form.locator("[data-budget-available]").inner_text().strip(),
        "offers": [t for t in texts(form, "[data-budget-offer]") if t],
        "months": [t for t in texts(form, "[data-budget-months]") if t],
    }


WORKED = {"available": "3,000", "offers": ["2,000", "1,000"], "months": ["10", "10"]}


# -----------------------------------------------------------------------------
# The pure functions, called directly
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scripts(browser):
    """A blank page with the widgets' scripts loaded, as widgets.js joins them."""
    page = browser.new_page()
    page.set_content("<!doctype html><title>t</title>")
    for name in ("every-page", "budget", "letter"):
        page.add_script_tag(content=(SCRIPTS / f"{name}.js").read_text(encoding="utf-8"))
    yield page
    page.close()


@pytest.mark.parametrize(
    "typed, parsed",
    [
        ("8000", {"fen": 800000}),
        ("8,000", {"fen": 800000}),
        ("８０００", {"fen": 800000}),
        (" 3500.5 ", {"fen": 350050}),
        ("3500元", {"fen": 350000}),
        ("0", {"fen": 0}),
        ("", {"empty": True}),
        ("abc", {"error": "not_a_number"}),
        ("12a", {"error": "not_a_number"}),
        ("1.234", {"error": "not_a_number"}),
        ("1e5", {"error": "not_a_number"}),
        ("Infinity", {"error": "not_a_number"}),
        ("NaN", {"error": "not_a_number"}),
        ("-500", {"error": "negative"}),
        ("－500", {"error": "negative"}),
        ("100000001", {"error": "too_large"}),
        ("9" * 400, {"error": "too_large"}),
        ("100000000", {"fen": 10**10}),
    ],
)
def test_a_figure_is_read_as_a_reader_types_it(scripts, typed, parsed):
    assert scripts.evaluate("t => budgetMaths.parseAmount(t)", typed) == parsed


@pytest.mark.parametrize(
    "income, spending, debts, expected",
    [
        # The worked example: 3,000 available, shared 2:1, 10 months each.
        (
            [800000],
            [300000, 200000],
            [2000000, 1000000],
            {"available": 3000, "shares": [2000, 1000], "months": [10, 10]},
        ),
        # Shares are whole yuan rounded down; months are rounded up.
        ([100000], [], [100000, 100000, 100000], {"available": 1000, "shares": [333, 333, 333], "months": [4, 4, 4]}),
        ([100050], [], [700000], {"available": 1000, "shares": [1000], "months": [7]}),
        # Nothing left: no shares at all.
        ([300000], [300000], [1000000], {"available": 0, "shares": [], "months": []}),
        ([300000], [400000], [1000000], {"available": -1000, "shares": [], "months": []}),
        # Far past double precision in the product (1e8 yuan × 1e8 yuan, in fen): still exact.
        ([10**10], [], [10**10 - 1, 1], {"available": 10**8, "shares": [99999999, 0], "months": [2, None]}),
    ],
)
def test_the_plan_shares_what_is_left_in_proportion_to_each_balance(scripts, income, spending, debts, expected):
    plan = scripts.evaluate("a => budgetMaths.plan(a)", {"income": income, "spending": spending, "debts": debts})
    assert plan == expected


@pytest.mark.parametrize(
    "figures, kind",
    [
        ({}, "start"),
        ({"income": {"wages": ""}, "debts": [{"name": "借唄", "amount": "100"}]}, "start"),
        ({"income": {"wages": "8000"}}, "no_debts"),
        ({"income": {"wages": "8000"}, "debts": [{"name": "", "amount": ""}]}, "no_debts"),
        ({"income": {"wages": "8000"}, "debts": [{"name": "借唄", "amount": ""}]}, "fix"),
        ({"income": {"wages": "8000"}, "debts": [{"name": "借唄", "amount": "0"}]}, "fix"),
        ({"income": {"wages": "x"}}, "fix"),
        ({"spending": {"food": "100"}}, "nothing_left"),
        ({"income": {"wages": "0.5"}}, "nothing_left"),
        ({"income": {"wages": "8000"}, "debts": [{"name": "", "amount": "100"}]}, "result"),
    ],
)
def test_the_outcome_says_what_the_form_shows(scripts, figures, kind):
    outcome = scripts.evaluate("f => budgetMaths.evaluate(f)", figures)
    assert outcome["kind"] == kind
    if kind != "result":
        assert all(offer is None for offer in outcome["offers"])
    if kind not in ("result", "no_debts"):
        assert outcome["available"] is None


def test_the_request_leaves_out_an_empty_optional_line_and_blanks_the_rest(scripts):
    template = "您好：\n我是{name}。\n合同{contract}\n因為{reason}，每月 {offer} 元，從{start}開始。"
    lines = scripts.evaluate(
        "([t, v]) => letterWriting.compose(t, v, '＿＿')",
        [template, {"name": "  ", "contract": "HT-1", "reason": "{offer}", "offer": "2,000"}],
    )
    # A line without its optional value is left out (null); a value is never read as a placeholder.
    assert lines == ["您好：", None, "合同HT-1", "因為{offer}，每月 2,000 元，從＿＿開始。"]


def test_the_request_takes_each_debts_share_from_the_kept_budget(scripts):
    figures = {
        "income": {"wages": "8000"},
        "spending": {"housing": "3000", "food": "2000"},
        "debts": [{"name": "借唄 ", "amount": "20000"}, {"name": "", "amount": "10000"}],
    }
    assert scripts.evaluate("f => letterWriting.budgetOffers(f)", figures) == [
        {"name": "借唄", "share": 2000},
        {"name": "", "share": 1000},
    ]
    figures["spending"]["food"] = "6000"  # nothing left: nothing to offer
    assert scripts.evaluate("f => letterWriting.budgetOffers(f)", figures) == []


# -----------------------------------------------------------------------------
# The budget: worked example, nothing left, bad input (both editions, single file)
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("where", WHERE)
def test_the_worked_example_gives_3000_available_offers_of_2000_and_1000_and_10_months(page, base_url, site, where):
    errors = watch_errors(page)
    form = open_widget(page, where, "budget", base_url, site)
    fill_budget(form)
    assert result_of(form) == WORKED
    summary = form.locator("[data-budget-summary]").inner_text()
    assert "3,000" in summary and not NOT_A_RESULT.search(summary)
    assert form.locator("[data-budget-nothing-left]").is_hidden()
    assert texts(form, "[data-budget-total]") == ["8,000", "5,000"]
    assert errors == []


@pytest.mark.parametrize("where", WHERE)
def test_when_nothing_is_left_the_page_says_so_kindly_with_no_figures_and_points_to_help(page, base_url, site, where):
    form = open_widget(page, where, "budget", base_url, site)
    fill_budget(form, income=("4000",), spending=("3000", "1500"))
    note = form.locator("[data-budget-nothing-left]")
    assert note.is_visible()
    assert result_of(form) == {"available": "", "offers": [], "months": []}
    assert not re.search(r"\d", form.locator(".budget__result").inner_text())  # no number to promise
    links = note.locator("a")
    assert links.count() == 2
    assert links.nth(0).get_attribute("href").rstrip("/").endswith(("plan", "#plan"))  # the worked path's start
    assert links.nth(1).get_attribute("href").rstrip("/").endswith(("help", "#help"))
    form.locator("[data-budget-field=income]").first.fill("9000")  # and back: the note goes, the figures come
    assert note.is_hidden() and result_of(form)["available"] == "4,500"


@pytest.mark.parametrize(
    "typed, message",
    [
        ("八千", "not_a_number"),
        ("8000abc", "not_a_number"),
        ("-8000", "negative"),
        ("800000000000", "too_large"),
    ],
)
@pytest.mark.parametrize("where", ["zh-Hant", "single-file"])
def test_bad_input_marks_the_field_with_a_message_and_shows_no_result(page, base_url, site, where, typed, message):
    form = open_widget(page, where, "budget", base_url, site)
    fill_budget(form)
    wages = form.locator("[data-budget-field=income]").first
    wages.fill(typed)
    assert wages.get_attribute("aria-invalid") == "true"
    error = page.locator(f"#{wages.get_attribute('aria-describedby').split()[-1]}")
    assert error.inner_text() == BUDGET["strings"][message]
    assert result_of(form) == {"available": "", "offers": [], "months": []}
    assert not NOT_A_RESULT.search(form.inner_text())
    wages.fill("8000")
    assert wages.get_attribute("aria-invalid") is None and error.inner_text() == ""
    assert result_of(form) == WORKED


def test_a_debt_with_a_name_and_no_amount_asks_for_the_amount(page, base_url, site):
    form = open_widget(page, "zh-Hant", "budget", base_url, site)
    fill_budget(form, debts=(("借唄", "20000"), ("信用卡", "")))
    amount = form.locator("[data-budget-debt]").nth(1).locator("input[name=debt-amount]")
    assert amount.get_attribute("aria-invalid") == "true"
    described = amount.get_attribute("aria-describedby")
    assert page.locator(f"#{described}").inner_text() == BUDGET["strings"]["amount_missing"]
    assert result_of(form)["offers"] == []


def test_rows_are_added_and_removed_and_the_shares_follow(page, base_url, site):
    form = open_widget(page, "zh-Hant", "budget", base_url, site)
    fill_budget(form, debts=(("借唄", "20000"), ("信用卡", "10000"), ("花唄", "10000"), ("網貸", "10000")))
    assert form.locator("[data-budget-debt]").count() == 4
    assert result_of(form)["offers"] == ["1,200", "600", "600", "600"]
    form.locator("[data-budget-debt]").nth(1).locator("[data-budget-remove]").click()
    assert form.locator("[data-budget-debt]").count() == 3
    assert result_of(form)["offers"] == ["1,500", "750", "750"]


# -----------------------------------------------------------------------------
# Kept on the device: reload, the other edition, broken storage, no request
# -----------------------------------------------------------------------------


def stored(page, key: str):
    return page.evaluate("k => JSON.parse(localStorage.getItem(k))", key)


def test_the_figures_survive_a_reload_and_show_in_the_other_edition(page, base_url, site):
    form = open_widget(page, "zh-Hant", "budget", base_url, site)
    fill_budget(form)
    assert stored(page, BUDGET_KEY)["income"]["wages"] == "8000"
    form = open_kept(page, "zh-Hant", "budget", base_url, site, lambda form: result_of(form) == WORKED)  # reloaded
    assert result_of(form) == WORKED
    assert form.locator("input[name=debt-name]").first.input_value() == "借唄"
    form = open_widget(page, "zh-Hans", "budget", base_url, site)
    assert result_of(form) == WORKED
    letter = open_widget(page, "zh-Hans", "letter", base_url, site)
    assert "每月能拿出 2,000 元" in letter.locator("[data-letter-output]").inner_text()


# Each failure names who touched storage: the site's widgets (widgets.js, or the single
# file's inline copy) or Material's own scripts, which read it too and throw.
CALLER = "(/budgetStore|letterWriting|widgets\\.js/.test(new Error().stack) ? 'widgets' : 'other')"
THROWING_STORAGE = {
    "every call throws": f"""for (const name of ['getItem', 'setItem', 'removeItem'])
        Storage.prototype[name] = () => {{ throw new DOMException('denied (' + {CALLER} + ')', 'SecurityError'); }};""",
    "localStorage itself throws": f"""Object.defineProperty(window, 'localStorage',
        {{get: () => {{ throw new DOMException('denied (' + {CALLER} + ')', 'SecurityError'); }}}});""",
    "storage is full": f"""Storage.prototype.setItem = () => {{
        throw new DOMException('full (' + {CALLER} + ')', 'QuotaExceededError'); }};""",
}


@pytest.mark.parametrize("storage", THROWING_STORAGE)
def test_without_storage_both_widgets_work_for_the_visit(page, base_url, site, storage):
    errors = watch_errors(page)
    page.add_init_script(THROWING_STORAGE[storage])
    form = open_widget(page, "zh-Hant", "budget", base_url, site)
    fill_budget(form)
    assert result_of(form) == WORKED
    with page_change(page):  # instant navigation: the same visit
        page.locator("article a[href$='letter/']").first.click()
    output = page.locator("[data-letter-output]")
    page.wait_for_function("() => document.querySelector('[data-letter-output]').textContent.includes('2,000')")
    page.locator("input[name=name]").fill("王小明")
    assert "我是王小明。" in output.inner_text()
    # Material's own scripts read localStorage too and throw; the widgets must not.
    assert [e for e in errors if "(widgets)" in e] == []


@pytest.mark.parametrize(
    "raw",
    [
        "{not json",
        "[]",
        "null",
        "42",
        '{"version": 2, "debts": []}',
        '{"version": 1, "income": {"wages": 8000}, "debts": [null, 3]}',
    ],
)
def test_garbage_in_storage_is_ignored(page, base_url, site, raw):
    errors = watch_errors(page)
    page.add_init_script(
        f"localStorage.setItem({BUDGET_KEY!r}, {json.dumps(raw)});"
        f"localStorage.setItem({LETTER_KEY!r}, {json.dumps(raw)})"
    )
    form = open_widget(page, "zh-Hant", "budget", base_url, site)
    assert form.locator("[data-budget-field=income]").first.input_value() == ""
    fill_budget(form)
    assert result_of(form) == WORKED
    open_widget(page, "zh-Hant", "letter", base_url, site)
    assert errors == []


@pytest.mark.parametrize("where", ["zh-Hant", "single-file"])
def test_no_request_is_made_after_the_page_has_loaded(page, base_url, site, where):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    form = open_widget(page, where, "budget", base_url, site)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    # The single file's policy blocks any request before the browser makes one: count the attempts too.
    page.evaluate(
        "window.__blocked = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__blocked.push(e.blockedURI))"
    )
    fill_budget(form)
    form.locator("[data-budget-add]").click()
    tasks_run(page)  # any request the widgets would make has been asked for
    assert requests == [] and page.evaluate("window.__blocked") == []
    if where != "single-file":  # the single file has the request on the same page
        with page_change(page):
            page.locator("article a[href$='letter/']").first.click()
        requests.clear()  # instant navigation fetches the next page; from here on, only typing
        page.evaluate(
            "window.__blocked = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__blocked.push(e.blockedURI))"
        )
    letter = page.locator("form[data-letter]")
    letter.locator("[data-letter-output]").get_by_text("2,000", exact=False).wait_for()
    letter.locator("select[name=reason]").select_option("lost-job")
    letter.locator("input[name=contract]").fill("HT2026001")
    letter.locator("input[name=start]").fill("下個月 15 日")
    letter.locator("[data-letter-copy]").click()
    tasks_run(page)  # any request the widgets would make has been asked for
    assert requests == [] and page.evaluate("window.__blocked") == []


# -----------------------------------------------------------------------------
# The request
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("where", WHERE)
def test_the_request_carries_the_budgets_offer(page, base_url, site, where):
    errors = watch_errors(page)
    fill_budget(open_widget(page, where, "budget", base_url, site))
    # Kept by this page before the next opens (a condition: once on a fresh clone the next page
    # found no offers, which would otherwise not tell a write that never came from a lost one).
    page.wait_for_function("key => (localStorage.getItem(key) || '').includes('信用卡')", arg=BUDGET_KEY)
    form = open_kept(page, where, "letter", base_url, site, has_offers)
    output = form.locator("[data-letter-output]")
    debt = form.locator("[data-letter-debt]")
    assert debt.is_visible(), diagnosis(page, form)
    assert form.locator("input[name=offer]").input_value() == "2000"
    assert "每月能拿出 2,000 元" in output.inner_text()
    debt.select_option(index=1)
    assert "1,000 元" in output.inner_text()
    form.locator("input[name=offer]").fill("1500")  # typed in: no longer the budget's
    assert "1,500 元" in output.inner_text() and debt.input_value() == ""
    form = open_kept(  # reloaded: still the reader's own figure
        page, where, "letter", base_url, site, lambda form: form.locator("input[name=offer]").input_value() == "1500"
    )
    assert form.locator("input[name=offer]").input_value() == "1500"
    assert form.locator("[data-letter-debt]").input_value() == ""
    assert errors == []


def test_the_request_is_built_from_the_template_as_the_reader_types(page, base_url, site):
    form = open_widget(page, "zh-Hant", "letter", base_url, site)
    output = form.locator("[data-letter-output]")
    blank = LETTER["strings"]["blank"]
    assert "{name}" not in output.inner_text()
    assert "我是" not in output.inner_text()  # no name: the line is left out
    assert f"從{blank}開始" in output.inner_text()
    form.locator("select[name=reason]").select_option("lost-job")
    form.locator("input[name=name]").fill("王小明")
    form.locator("input[name=contract]").fill("HT2026001")
    form.locator("input[name=offer]").fill("1,200")
    form.locator("input[name=start]").fill("2027 年 1 月 15 日")
    text = output.inner_text()
    reason = next(r["text"] for r in LETTER["reasons"] if r["id"] == "lost-job")
    for part in ("我是王小明。", "HT2026001", reason, "每月能拿出 1,200 元", "從2027 年 1 月 15 日開始"):
        assert part in text
    form.locator("input[name=offer]").fill("abc")
    assert form.locator("input[name=offer]").get_attribute("aria-invalid") == "true"
    assert f"每月能拿出 {blank} 元" in output.inner_text()
    assert not NOT_A_RESULT.search(output.inner_text())


def test_copy_puts_the_request_on_the_clipboard(page, base_url, site):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    form = open_widget(page, "zh-Hant", "letter", base_url, site)
    form.locator("input[name=offer]").fill("800")
    form.locator("[data-letter-copy]").click()
    page.wait_for_function(
        "t => document.querySelector('.letter__feedback').textContent === t", arg=LETTER["strings"]["copied"]
    )
    expected = "\n".join(texts(form, "[data-letter-output] p:visible"))
    assert "我是" not in expected  # the name line, left out
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert "每月能拿出 800 元" in expected


def test_print_puts_the_request_alone_on_paper(page, base_url, site):
    form = open_widget(page, "zh-Hant", "letter", base_url, site)
    page.evaluate("window.print = () => { window.__printed = document.documentElement.className }")
    form.locator("[data-letter-print]").click()
    assert "letter-printing" in page.evaluate("window.__printed")
    page.evaluate("document.documentElement.classList.add('letter-printing')")
    page.emulate_media(media="print")
    assert form.locator("[data-letter-output]").is_visible()
    assert form.locator("input[name=offer]").is_hidden()
    assert page.locator("article h1").is_hidden()


@pytest.mark.parametrize("widget, key", [("budget", BUDGET_KEY), ("letter", LETTER_KEY)])
def test_clear_asks_first_then_wipes_what_was_kept(page, base_url, site, widget, key):
    form = open_widget(page, "zh-Hant", widget, base_url, site)
    box = form.locator("input[type=text]").first
    box.fill("8000" if widget == "budget" else "王小明")
    assert stored(page, key) is not None
    page.once("dialog", lambda d: d.dismiss())
    form.locator(f"[data-{widget}-clear]").click()
    assert box.input_value() != ""
    page.once("dialog", lambda d: d.accept())
    form.locator(f"[data-{widget}-clear]").click()
    assert box.input_value() == "" and stored(page, key) is None
    form = open_kept(  # reloaded
        page, "zh-Hant", widget, base_url, site, lambda form: form.locator("input[type=text]").first.input_value() == ""
    )
    assert form.locator("input[type=text]").first.input_value() == ""


# -----------------------------------------------------------------------------
# Keyboard, screen readers, phones, no JavaScript, the offline bundle, axe
# -----------------------------------------------------------------------------


def test_keyboard_alone_fills_the_budget_and_adds_a_debt(page, base_url, site):
    form = open_widget(page, "zh-Hant", "budget", base_url, site)
    focus_by_tab(page, "[data-budget-field=income]", limit=80)
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.type("8000")
    page.keyboard.press("Enter")  # does not send the form anywhere
    assert page.url.endswith("/budget/")
    focus_by_tab(page, "[data-budget-add]", limit=80)
    page.keyboard.press("Enter")
    assert form.locator("[data-budget-debt]").count() == 4
    assert page.evaluate("document.activeElement.name") == "debt-name"  # the new row's first field
    page.keyboard.type("借唄")
    page.keyboard.press("Tab")
    page.keyboard.type("16000")
    assert result_of(form) == {"available": "8,000", "offers": ["8,000"], "months": ["2"]}


def test_screen_readers_hear_each_label_and_the_result(page, base_url, site):
    form = open_widget(page, "zh-Hant", "budget", base_url, site)
    for item in BUDGET["income"] + BUDGET["spending"]:
        assert page.get_by_role("textbox", name=item["label"], exact=True).count() == 1
    assert form.get_by_role("textbox", name=BUDGET["strings"]["debt_amount"]).count() == 3
    assert form.locator(".budget__result").get_attribute("aria-live") == "polite"
    letter = open_widget(page, "zh-Hant", "letter", base_url, site)
    assert letter.get_by_role("combobox", name=LETTER["strings"]["reason"]).count() == 1
    assert letter.get_by_role("textbox", name=LETTER["strings"]["offer"]).count() == 1


@pytest.mark.parametrize("widget", ["budget", "letter"])
def test_at_360_px_nothing_runs_off_the_side(browser, base_url, widget):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{base_url}{widget}/")
    if widget == "budget":
        fill_budget(page.locator("form[data-budget]"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for box in page.locator(f"form[data-{widget}] input:visible, form[data-{widget}] select:visible").all():
        rect = box.bounding_box()
        assert rect and rect["x"] >= 0 and rect["x"] + rect["width"] <= 360
    context.close()


@pytest.mark.parametrize("where", ["site", "single-file"])
def test_with_javascript_off_the_budget_is_a_blank_table_and_the_request_has_blanks(browser, base_url, site, where):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{base_url}budget/" if where == "site" else (site / SINGLE_FILES["zh-Hant"]).as_uri())
    form = page.locator("form[data-budget]")
    assert form.locator("[data-budget-field]").count() == len(BUDGET["income"]) + len(BUDGET["spending"])
    assert form.locator("[data-budget-debt]").count() == 3
    assert form.get_by_role("rowheader", name=BUDGET["strings"]["income_total"]).is_visible()
    assert form.locator("[data-budget-add]").is_hidden() and form.locator("[data-budget-clear]").is_hidden()
    if where == "site":
        page.goto(f"{base_url}letter/")
    output = page.locator("[data-letter-output]")
    assert LETTER["strings"]["blank"] in output.inner_text() and "{" not in output.inner_text()
    assert page.locator("[data-letter-copy]").is_hidden()
    context.close()


def test_the_offline_bundle_keeps_the_figures_and_carries_the_offer_from_file(page, offline_site):
    seen = watch_offline(page)

    def opened(name: str):
        return open_form(page, (offline_site / f"{name}.html").as_uri(), name)

    form = opened("budget")
    fill_budget(form)
    assert result_of(form) == WORKED
    form = reopen_until(lambda: opened("budget"), lambda form: result_of(form) == WORKED)  # reloaded
    assert result_of(form) == WORKED
    letter = opened("letter")
    assert "2,000" in letter.locator("[data-letter-output]").inner_text()
    assert seen["errors"] == [] and seen["network"] == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_wcag_aa_violation_on_the_budget(page, base_url, site, scheme):
    form = open_widget(page, "zh-Hant", "budget", base_url, site)
    set_palette(page, scheme)
    fill_budget(form)
    form.locator("[data-budget-field=spending]").first.fill("abc")  # an error message showing
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()
    form.locator("[data-budget-field=spending]").first.fill("9000")  # the nothing-left note showing
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_wcag_aa_violation_on_the_request(page, base_url, site, scheme):
    fill_budget(open_widget(page, "zh-Hant", "budget", base_url, site))
    form = open_kept(page, "zh-Hant", "letter", base_url, site, has_offers)
    set_palette(page, scheme)
    form.locator("input[name=offer]").fill("abc")
    form.locator("[data-letter-copy]").focus()
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()
