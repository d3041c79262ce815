"""Search starts on any change of the query, not only on a key (overrides/assets/javascripts/search.js):
an `input` event alone (a candidate tapped in an input method, voice input), `compositionend`, a
paste, and a value set by a script. Each way, each CJK query, 20 times, on a page whose CPU runs
4× slower, in both editions, on a fresh visit and on a returning one from the service worker's
cache with the network down. No key event is ever sent."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.long]

QUERIES = {"": ["徵信", "協商", '"代理協商"'], "zh-Hans/": ["征信", "协商", '"代理协商"']}
WAYS = ["input", "compositionend", "paste", "script"]
TIMES = 20

# In the page: clear the box and wait for the results to go, then put the query in one way and wait
# for results, `times` times, both ways as the query arrives. Returns 0, or the number of the first
# try that failed to clear or found nothing (8 s: a slow but live search answers).
FILL = """async ({ query, way, times }) => {
  const box = document.querySelector("input.md-search__input")
  const items = () => document.querySelectorAll(".md-search-result__item").length
  // The moment the results change, not a poll: a poll every 20 ms was most of the test's time.
  const until = (done, ms) => new Promise(resolve => {
    if (done()) return resolve(true)
    const watch = new MutationObserver(() => done() && finish(true))
    const timer = setTimeout(() => finish(done()), ms)
    const finish = result => { watch.disconnect(); clearTimeout(timer); resolve(result) }
    watch.observe(document.querySelector(".md-search-result") || document.body, { childList: true, subtree: true })
  })
  const setNative = text => Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(box, text)
  const put = text => {
    if (way === "script") { box.value = text; return }
    setNative(text)
    if (way === "input")
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }))
    if (way === "compositionend")
      box.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: text }))
    if (way === "paste") box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }))
  }
  for (let i = 0; i < times; i++) {
    put("")  // the results go: else the last query's results would pass for this one's
    if (!(await until(() => items() === 0, 5000))) return i + 1
    put(query)
    if (!(await until(() => items() > 0, 8000))) return i + 1  // the first miss, counted from 1
  }
  return 0
}"""


def throttled(page, rate: int = 4):
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})


def first_misses(page, edition: str) -> dict[str, int]:
    found = {}
    for way in WAYS:
        for query in QUERIES[edition]:
            found[f"{way} {query}"] = page.evaluate(FILL, {"query": query, "way": way, "times": TIMES})
    return found


@pytest.mark.parametrize("edition", ["", "zh-Hans/"])
def test_every_way_of_filling_the_box_searches_on_a_fresh_visit(page, full_base_url, edition):
    page.goto(full_base_url + edition, wait_until="load")  # not networkidle: the reader types at once
    throttled(page)
    found = first_misses(page, edition)
    assert set(found.values()) == {0}, found


@pytest.mark.parametrize("edition", ["", "zh-Hans/"])
def test_every_way_of_filling_the_box_searches_offline_on_a_returning_visit(browser, full_base_url, edition):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN")
    page = context.new_page()
    page.goto(full_base_url + edition)
    # A function, not an expression: the page's policy allows no eval.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
    context.set_offline(True)
    page.reload(wait_until="load")
    throttled(page)
    found = first_misses(page, edition)
    context.close()
    assert set(found.values()) == {0}, found


def test_playwright_fill_and_input_method_text_search_without_keys(page, full_base_url):
    """Playwright's own ways: fill() (one input event) and insert_text() (what an input method commits)."""
    page.goto(full_base_url + "zh-Hans/", wait_until="load")
    throttled(page)
    box = page.locator("input.md-search__input")
    first = page.locator(".md-search-result__item").first
    for i in range(TIMES):
        query = QUERIES["zh-Hans/"][i % 3]
        box.fill("")
        box.fill(query)
        first.wait_for(timeout=15000)
        box.fill("")
        page.locator("input.md-search__input").focus()
        page.keyboard.insert_text(query)
        first.wait_for(timeout=15000)
