"""The phone reader's interface, measured in headless Chromium at 360 px wide, in both editions,
both colour schemes, and at normal and 200 % text (the browser's font size doubled, as a
reader's text-size setting does):

- targets a thumb can hit: every checklist row at least 44 px tall, checkboxes sized in em,
  every other control in the article, the footer and the widgets at least 24 × 24 px (links
  inside a sentence excepted, as WCAG 2.2 does), the main actions at least 44 px;
- reader chrome: no edit pencil or repository link at phone widths (the pencil stays on a wide
  screen), a 「內容糾錯」 link to the content-error form in every footer;
- the header's short title shown whole; the full title in <title> and on the home page;
- the downloads in the menu, on the home page and on their own page, with sizes, what each is
  for, and how to open them;
- axe-core finds nothing on those pages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from support.browsing import run_axe, settle

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # !ENV kept as text
EXTRA = CONFIG["extra"]
EDITIONS = ["", "zh-Hans/"]
SCHEMES = ["light", "dark"]
TEXT = [100, 200]

# Every control a reader can reach in the article, the footer and the widgets.
CONTROLS = (
    "article a[href], article button, article input, article label[for], article summary,"
    " .md-footer a[href], .md-footer button, .md-copyright a[href], .glossary-tooltip a, .glossary-tooltip button,"
    " .edition-switch a, .edition-suggestion a, .edition-suggestion button"
)
PRIMARY = ".checklist__button, .downloads__link, .glossary-tooltip__close, .md-footer__link"

# The controls smaller than 24 × 24 (or 44 for a main action), ignoring links inside a sentence
# (WCAG 2.2's inline exception): an inline <a> whose block holds other text.
SMALL = """([controls, primary]) => {
  const small = []
  for (const el of document.querySelectorAll(controls)) {
    const style = getComputedStyle(el)
    if (style.display === "none" || style.visibility === "hidden" || !el.getClientRects().length) continue
    if (el.closest("[hidden], .md-typeset .glossary-definitions")) continue
    if (el.matches("input[type=checkbox]")) continue  // measured with its row
    if (el.tagName === "A" && style.display === "inline") {
      const block = el.parentElement.closest("p, li, dd, td, blockquote, span.md-copyright__downloads")
      if (block && block.textContent.trim() !== el.textContent.trim()) continue
    }
    const box = el.getBoundingClientRect()
    const least = el.matches(primary) ? 44 : 24
    if (box.width < least - 0.5 || box.height < least - 0.5) {
      const size = `${box.width.toFixed(1)}×${box.height.toFixed(1)} < ${least}`
      small.push(`${el.tagName.toLowerCase()}.${el.className} 「${el.textContent.trim().slice(0, 12)}」 ${size}`)
    }
  }
  return small
}"""


@pytest.fixture(
    params=[(e, s, t) for e in EDITIONS for s in SCHEMES for t in TEXT],
    ids=lambda p: f"{p[0] or 'zh-Hant/'}-{p[1]}-{p[2]}%",
)
def reader(request, browser, full_base_url):
    """A 360 × 740 touch phone in one edition, colour scheme and text size: (page, edition URL)."""
    edition, scheme, text = request.param
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True, locale="zh-CN", color_scheme=scheme
    )
    page = context.new_page()
    if text != 100:
        # The browser's own font size (a reader's text-size setting): Material's rem grow with it.
        page.context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 16 * text // 100}})
    yield page, full_base_url + edition
    context.close()


def font_size(page, selector: str) -> float:
    return page.eval_on_selector(selector, "el => parseFloat(getComputedStyle(el).fontSize)")


# -----------------------------------------------------------------------------
# Targets
# -----------------------------------------------------------------------------


def test_checklist_rows_are_44px_and_checkboxes_grow_with_the_text(reader):
    page, url = reader
    page.goto(url + "checklist/")
    rows = page.eval_on_selector_all(".checklist__item", "rows => rows.map(r => r.getBoundingClientRect().height)")
    assert rows and min(rows) >= 44 - 0.5, rows
    text = font_size(page, ".checklist__label")
    boxes = page.eval_on_selector_all(".checklist__box", "boxes => boxes.map(b => b.getBoundingClientRect().width)")
    assert all(abs(width - 1.25 * text) < 1 for width in boxes), (boxes, text)
    # The row is the target: a tap in the label's padding, above its text, ticks the box.
    page.locator(".checklist__label").first.scroll_into_view_if_needed()
    label = page.locator(".checklist__label").first.bounding_box()
    page.touchscreen.tap(label["x"] + label["width"] / 2, label["y"] + 2)
    assert page.locator(".checklist__box").first.is_checked()


@pytest.mark.parametrize("path", ["", "checklist/", "impact/", "downloads/"])
def test_every_control_is_big_enough_for_a_thumb(reader, path):
    page, url = reader
    page.goto(url + path)
    if path == "impact/":  # with a tooltip open
        page.locator("a.glossary-term").first.tap()
        page.locator(".glossary-tooltip").wait_for()
    assert page.evaluate(SMALL, [CONTROLS, PRIMARY]) == []


# -----------------------------------------------------------------------------
# Chrome, header, footer
# -----------------------------------------------------------------------------


def test_no_editor_chrome_at_phone_width_and_a_report_link_in_the_footer(reader):
    page, url = reader
    page.goto(url + "negotiation/")
    for selector in (".md-content__button", ".md-header__source", ".md-nav__source"):
        assert not page.locator(selector).is_visible(), selector
    page.locator("label.md-header__button[for=__drawer]").click()  # the drawer, open
    settle(page)  # the drawer has slid in (its transition ended)
    assert not page.locator(".md-nav__source").is_visible()
    report = page.locator(".md-footer a.md-copyright__report")
    assert report.inner_text().strip() in (EXTRA["report_error"]["label"], "内容纠错")
    href = urlparse(report.get_attribute("href"))
    assert (
        f"{href.scheme}://{href.netloc}{href.path}"
        == "https://github.com/overdue-guide/alipay-overdue-guide/issues/new"
    )
    form = parse_qs(href.query)
    assert form["template"] == [EXTRA["report_error"]["form"]]
    assert (ROOT / ".github" / "ISSUE_TEMPLATE" / form["template"][0]).is_file()
    assert form["page"][0].endswith("negotiation/")


def test_the_edit_pencil_stays_on_a_wide_screen(browser, full_base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(full_base_url + "negotiation/")
    assert page.locator(".md-content__button").is_visible()
    context.close()


def test_the_header_shows_the_short_title_whole_and_the_full_title_stays(reader):
    page, url = reader
    page.goto(url)
    title = page.locator(".md-header__topic").first
    assert title.is_visible()
    assert title.inner_text().strip() in (EXTRA["short_title"], "逾期协商指南")
    fits = page.eval_on_selector(
        ".md-header__topic .md-ellipsis",
        "el => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= innerWidth",
    )
    assert fits
    full = ("支付寶貸款逾期協商指南", "支付宝贷款逾期协商指南")
    assert page.title().startswith(full)
    assert page.locator("article h1").inner_text().rstrip("#").strip() in full


# -----------------------------------------------------------------------------
# Downloads
# -----------------------------------------------------------------------------


def test_downloads_are_in_the_menu_on_the_home_page_and_on_their_page(reader):
    page, url = reader
    page.goto(url)
    menu = page.locator(".md-nav--primary a[href$='downloads/']")
    assert menu.count() >= 1
    assert menu.first.inner_text().strip() in ("下載離線版", "下载离线版")
    for where in (url, url + "downloads/"):
        page.goto(where)
        links = page.locator("ul.downloads a.downloads__link")
        assert links.count() == len(EXTRA["outputs"])
        for index in range(links.count()):
            link = links.nth(index)
            assert link.locator(".downloads__size").inner_text().strip()  # its size, measured by the build
            purpose = link.locator("xpath=following-sibling::span[@class='downloads__purpose']")
            assert purpose.inner_text().strip()
            response = page.request.get(link.evaluate("a => a.href"))
            assert response.ok and len(response.body()) > 1000
    how = page.locator("#how-to-open + ul").inner_text()
    for platform in ("Android", "iPhone", "微信"):
        assert platform in how


@pytest.mark.parametrize("path", ["", "downloads/", "checklist/"])
def test_axe_finds_nothing(reader, path):
    page, url = reader
    page.goto(url + path)
    results = run_axe(page)
    assert results.violations_count == 0, results.generate_report()
