"""What the browser tests share: the site's pages, watching a page for errors and
for requests that leave this machine, Material's search, the palette toggle, the
keyboard, and axe-core limited to WCAG 2.1 A and AA.

The test files import it as `from support.browsing import ...` (see support/__init__.py)."""

from __future__ import annotations

import time
from contextlib import contextmanager
from urllib.parse import urlparse

from axe_playwright_python.sync_playwright import Axe

from support.site_pages import PAGES  # noqa: F401  (every page of the nav)

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Details of the violations only: a node list for every passed rule costs more than the rules.
    "resultTypes": ["violations"],
}
SERVED_FROM = "127.0.0.1"  # the host the test servers listen on (tests/conftest.py)


# -----------------------------------------------------------------------------
# Watching a page
# -----------------------------------------------------------------------------

# Pages run under the site's Content-Security-Policy, which allows no eval(): wait_for_function
# takes a function ("() => …"), as Playwright evaluates an expression string with eval() while it waits.
# Every Content-Security-Policy violation of the documents a page loads, as a console error the
# watchers below collect: a page whose own scripts the policy blocks is broken for its readers.
REPORT_POLICY_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", event => console.error(
  `securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
  + ` at ${event.sourceFile}:${event.lineNumber} (sample: ${event.sample})`))
"""


def watch_errors(page) -> list[str]:
    """Collect console errors, uncaught page errors and policy violations, as a list that fills as the page runs."""
    errors: list[str] = []
    page.add_init_script(REPORT_POLICY_VIOLATIONS)
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    # With its stack: the file it came from tells the site's scripts from Material's bundle.
    page.on("pageerror", lambda e: errors.append(f"{e}\n{e.stack or ''}"))
    return errors


def watch(page) -> dict[str, list[str]]:
    """Collect errors and every request to a host other than the test server's:
    readers must not load anything from a third-party host."""
    seen = {"errors": watch_errors(page), "foreign": []}

    def on_request(request):
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and urlparse(request.url).hostname != SERVED_FROM:
            seen["foreign"].append(request.url)

    page.on("request", on_request)
    return seen


def watch_offline(page) -> dict[str, list[str]]:
    """Collect errors and every request that needs a network at all: the offline
    bundle must work from file:// alone."""
    seen = {"errors": watch_errors(page), "network": []}
    page.on(
        "request",
        lambda r: not r.url.startswith(("file:", "data:", "blob:", "about:")) and seen["network"].append(r.url),
    )
    return seen


# -----------------------------------------------------------------------------
# Search
# -----------------------------------------------------------------------------


def type_search(page, query: str):
    """Open Material's search and type a query. Material's search listens for key
    events and fill() sends none (nor does typing CJK text), so press End after it.

    The pointer then leaves the header: on a phone-sized page the search's 清空
    button opens where the search button was, under the pointer, and its tooltip
    would fade in a few hundred milliseconds later, in the middle of whatever the
    test measures (axe once read its half-transparent text as low contrast)."""
    page.locator("label.md-header__button[for=__search]").click()
    page.mouse.move(0, page.viewport_size["height"] - 1)
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")


def search(page, query: str) -> list[str]:
    """Type a query into Material's search; wait for results and return their links."""
    type_search(page, query)
    page.locator(".md-search-result__item").first.wait_for()
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


# -----------------------------------------------------------------------------
# Palette, keyboard, axe-core
# -----------------------------------------------------------------------------


def settle(page):
    """Wait for CSS transitions and animations to end: axe measures colours mid-fade otherwise."""
    tasks_run(page)  # a frame: the transitions the last action started are running by then
    page.evaluate("Promise.allSettled(document.getAnimations().map(a => a.finished))")


def set_palette(page, scheme: str):
    """Pick a palette through the toggle, as a reader would, then move the pointer
    away and let the toggle's tooltip fade out, so axe does not measure it half transparent."""
    if page.locator("body").get_attribute("data-md-color-scheme") != scheme:
        page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme", arg=scheme)
    page.mouse.move(0, 600)
    settle(page)


def focus_by_tab(page, selector: str, limit: int):
    """Press Tab, as a keyboard user would, until an element matching selector has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector} in {limit} presses")


def run_axe(page):
    """Run axe-core with the WCAG 2.1 A and AA rules once transitions have ended; return its results."""
    settle(page)
    return Axe().run(page, options=WCAG_AA)


def axe_each(page, urls: list[str], scheme: str) -> dict[str, str]:
    """Open each URL in turn in one page, in the palette `scheme`, and run axe-core on each; return
    axe's report for each URL with a violation. The palette is picked through the toggle on the
    first page, as a reader would, and every later page must show it still (Material keeps it)."""
    found = {}
    for number, url in enumerate(urls):
        page.goto(url)
        if number == 0:
            set_palette(page, scheme)
        assert page.locator("body").get_attribute("data-md-color-scheme") == scheme, url
        results = run_axe(page)
        if results.violations_count:
            found[url] = results.generate_report()
    return found


def axe_report(found: dict[str, str]) -> str:
    """The reports of axe_each, one page after the other."""
    return "\n\n".join(f"{url}\n{report}" for url, report in found.items())


@contextmanager
def page_change(page):
    """Wait, after the block, until another page's content is shown and Material has handed it to
    the site's scripts (document$ emitted it: the navigation is over, its scripts have run).

    Instant navigation changes the URL before it swaps the content in, so waiting for the URL
    alone can find the old page's elements; and a navigation still ending could undo what the
    test does next (it closes an open search). After a full page load the new document has
    neither mark: its heading is there once it is parsed, so its load is waited for too (a test
    went on while the document was still loading, and its next step's script found it gone).

    Material also closes the search and the drawer 125 ms after every change of address
    (`merge(location$, target$).pipe(delay(125))` in its bundle): a search opened sooner, as a fast
    browser does, is closed under the test. So the wait also lasts until that moment has passed.
    """
    page.evaluate(
        """() => {
        window.__oldHeading = document.querySelector("h1")
        window.__shown = []
        if (window.document$) window.document$.subscribe(() => window.__shown.push(document.querySelector("h1")))
        if (window.location$ && !window.__movedAt) {
            window.__movedAt = 0
            window.location$.subscribe(() => { window.__movedAt = performance.now() })
        }
    }"""
    )
    yield
    page.wait_for_function(
        """() => (h => h && h !== window.__oldHeading && (!window.__shown || window.__shown.includes(h))
        && performance.now() - (window.__movedAt || 0) > 150)(document.querySelector("h1"))"""
    )
    page.wait_for_load_state()  # at once after instant navigation: the document loaded long before


def tasks_run(page) -> None:
    """Wait until the page has run what it had queued: a frame, then a turn of its event loop.

    For a test that proves something did NOT happen (no request, no second handler, no layout
    shift): the moment it would have happened by, rather than a fixed pause.
    """
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done)))")


def idle(page) -> None:
    """Wait until the browser has been idle once: the site's deferred work (every-page.js's whenIdle,
    such as the edition suggestion) was queued first, so it has run by then."""
    page.evaluate("() => new Promise(done => requestIdleCallback(() => done(), { timeout: 5000 }))")


def reopen_until(open_page, kept, seconds: float = 5):
    """open_page() again until kept(what it returns) holds, for at most `seconds`; then the
    last result, for the caller's own assertions to report what is missing.

    Chromium hands one document's localStorage writes to the next document asynchronously, so
    a page opened a few milliseconds after the last write (no reader is that quick) may read
    the storage from before it: once on a fresh clone, the request came up without the
    budget's offers. The widgets read storage once, when the page is set up, so waiting on
    the open page cannot help; opening it again does."""
    deadline = time.monotonic() + seconds
    while True:
        opened = open_page()
        if kept(opened) or time.monotonic() > deadline:
            return opened
