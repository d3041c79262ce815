"""The single-file edition and the PDF made from it (scripts/single_page.py, scripts/pdf.py):
opened from file:// with JavaScript on and off, with storage that throws, on a 360 px
screen; the PDF's text, bookmarks and links."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from support.browsing import PAGES, reopen_until, run_axe, tasks_run, watch_offline
from support.site_pages import HTML_STRINGS

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SEARCH_WORDS = ["滯納金", "協商", "徵信", "花唄", "支付寶"]
PAGE_IDS = [url.rstrip("/") or "index" for url in PAGES]  # each page's section, in nav order
# localStorage that throws on every access, as in an opaque content:// or file:// origin.
BROKEN_STORAGE = """
Object.defineProperty(window, "localStorage", { configurable: true, get() {
  throw new DOMException("The operation is insecure.", "SecurityError") } })
"""


# -----------------------------------------------------------------------------
# Fixtures: one zh-Hant build, its single page, and the PDF printed from it
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def single_file(full_site) -> Path:
    """The zh-Hant single page, as scripts/build publishes it."""
    return full_site / "download" / "alipay-overdue-guide-zh-Hant.html"


@pytest.fixture(scope="module")
def pdf_file(full_site) -> Path:
    """The zh-Hant PDF, as scripts/build publishes it (printed from the single page)."""
    return full_site / "download" / "alipay-overdue-guide-zh-Hant.pdf"


def open_file(
    browser, path: Path, *, javascript: bool = True, width: int = 390, storage: bool = True, scheme: str = "light"
):
    context = browser.new_context(
        viewport={"width": width, "height": 800}, java_script_enabled=javascript, color_scheme=scheme, locale="zh-TW"
    )
    if not storage:
        context.add_init_script(BROKEN_STORAGE)
    page = context.new_page()
    seen = watch_offline(page)
    page.goto(path.as_uri())
    return page, seen


# -----------------------------------------------------------------------------
# The file itself
# -----------------------------------------------------------------------------


def test_every_page_in_nav_order_with_unique_ids_and_in_file_links(single_file):
    soup = BeautifulSoup(single_file.read_text(encoding="utf-8"), "html.parser")
    assert [s["id"] for s in soup.select("main > section")] == PAGE_IDS
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "duplicate ids"
    internal = [
        a["href"] for a in soup.find_all("a", href=True) if not a["href"].startswith(("http", "tel:"))
    ]  # a hotline is a tel: link
    assert internal and all(href.startswith("#") and href[1:] in ids for href in internal), [
        href for href in internal if not href.startswith("#") or href[1:] not in ids
    ]
    labels = [label["for"] for label in soup.find_all("label", attrs={"for": True})]
    assert all(target in ids for target in labels)


def test_glossary_terms_link_to_their_entries(single_file):
    soup = BeautifulSoup(single_file.read_text(encoding="utf-8"), "html.parser")
    terms = soup.select("a.glossary-term")
    assert terms
    for term in terms:
        entry = soup.find(id=term["href"][1:])
        assert entry is not None and entry.name == "dt" and entry.find_parent(id="glossary"), term


def test_nothing_is_loaded_from_another_file(single_file):
    html = single_file.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select("script[src], link[href], img[src]:not([src^='data:']), iframe, object")
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp


# -----------------------------------------------------------------------------
# JavaScript off (iOS Files)
# -----------------------------------------------------------------------------


def test_without_javascript_text_toc_and_links_work(browser, single_file):
    page, seen = open_file(browser, single_file, javascript=False)
    assert page.locator("#single-page-search").is_hidden()
    assert page.locator(".checklist__item").count() >= 12
    page.locator("#single-page-toc a[href='#negotiation']").click()
    assert page.url.endswith("#negotiation")
    assert page.locator("#negotiation h1").is_visible()
    page.locator("#negotiation a.glossary-term").first.click()
    assert re.search(r"#glossary--[a-z-]+$", page.url)
    assert seen == {"errors": [], "network": []}
    page.context.close()


# -----------------------------------------------------------------------------
# JavaScript on
# -----------------------------------------------------------------------------


def test_widget_scripts_can_start_through_document_observable(browser, single_file):
    # Widget scripts written for Material start on document$; the single page has no Material bundle.
    page, seen = open_file(browser, single_file)
    assert page.evaluate("new Promise(resolve => document$.subscribe(doc => resolve(doc === document)))")
    assert seen["errors"] == []
    page.context.close()


@pytest.mark.parametrize("word", SEARCH_WORDS)
def test_search_finds_the_word_and_links_into_the_file(browser, single_file, word):
    page, seen = open_file(browser, single_file)
    page.locator("#single-page-search input").fill(word)
    results = page.locator(".single-page__results a")
    results.first.wait_for()
    first = results.first.get_attribute("href")
    assert word in page.locator(".single-page__results").inner_text()
    results.first.click()
    assert page.url.endswith(first)
    assert seen == {"errors": [], "network": []}
    page.context.close()


def test_search_skips_what_material_search_skips(browser, single_file):
    # The glossary's definitions (JSON keyed by term id) and 「出現於」 lists are data-search-exclude.
    page, seen = open_file(browser, single_file)
    assert page.locator(".glossary-definitions").count() > 0
    page.locator("#single-page-search input").fill("credit-reporting-system")
    expect(page.locator(".single-page__status")).to_have_text(HTML_STRINGS["none"])
    assert page.locator(".single-page__results a").count() == 0
    page.context.close()


@pytest.mark.parametrize("storage", [True, False], ids=["storage", "storage-throws"])
def test_checklist_ticks_and_progress(browser, single_file, storage):
    page, seen = open_file(browser, single_file, storage=storage)
    full = page.locator("#checklist .checklist--full")
    total = full.locator("input[data-checklist-item]").count()
    assert total >= 12
    assert full.locator(".checklist__progress").inner_text() == f"已完成 0／{total}"
    full.locator("input[data-checklist-item=prepare-id]").check()
    assert full.locator(".checklist__progress").inner_text() == f"已完成 1／{total}"
    # The same action in the negotiation page's own list is ticked too.
    assert page.locator("#negotiation input[data-checklist-item=prepare-id]").is_checked()
    box = page.locator("#checklist input[data-checklist-item=prepare-id]")
    if storage:  # kept where storage works
        reopen_until(page.reload, lambda _: box.is_checked())
        expect(box).to_be_checked()
    else:  # for the visit only where it throws: not ticked once the page's scripts have run
        page.reload()
        tasks_run(page)
        assert not box.is_checked()
    assert seen == {"errors": [], "network": []}
    page.context.close()


def test_glossary_tooltip_on_hover_focus_and_tap(browser, single_file):
    page, seen = open_file(browser, single_file)
    term = page.locator("#negotiation a.glossary-term").first
    term.scroll_into_view_if_needed()
    term.hover()
    assert page.locator(".glossary-tooltip").is_visible()
    page.mouse.move(0, 0)
    page.locator(".glossary-tooltip").wait_for(state="detached")
    term.focus()
    assert page.locator(".glossary-tooltip").is_visible()
    page.keyboard.press("Escape")
    page.context.close()

    context = browser.new_context(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(single_file.as_uri())
    term = page.locator("#negotiation a.glossary-term").first
    term.scroll_into_view_if_needed()
    term.tap()
    assert page.locator(".glossary-tooltip").is_visible()
    assert "#glossary--" not in page.url  # the first tap shows the definition, not the entry
    context.close()
    assert seen["errors"] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_readable_at_360px_in_both_schemes(browser, single_file, scheme):
    page, _ = open_file(browser, single_file, width=360, scheme=scheme)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    colours = page.evaluate("""[getComputedStyle(document.documentElement).color,
                               getComputedStyle(document.documentElement).backgroundColor]""")
    assert colours[1] == ("rgb(255, 255, 255)" if scheme == "light" else "rgb(30, 33, 41)")
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert size >= 15
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation(browser, single_file, scheme):
    page, _ = open_file(browser, single_file, width=360, scheme=scheme)
    page.locator("#single-page-search input").fill("協商")
    page.locator(".single-page__results a").first.wait_for()
    violations = run_axe(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []
    page.context.close()


# -----------------------------------------------------------------------------
# The PDF
# -----------------------------------------------------------------------------


def test_pdf_text_is_searchable(pdf_file):
    from overdue_guide import pdf

    text = pdf.pdf_text(pdf_file)
    for word in SEARCH_WORDS + ["支付寶貸款逾期協商指南", "名詞解釋", "中國人民銀行"]:
        assert word in text, word
    # Ideographs, not the look-alike radicals Chromium writes for some of them (⽀, ⺠).
    assert not re.findall("[\u2e80-\u2fdf]", text)
    # Navigation and search are not printed; the glossary comes last.
    assert "搜索整份指南" not in text and "回到目錄" not in text
    assert text.rfind("名詞解釋") > text.rfind("行動清單")


def test_pdf_speaks_as_a_pdf_on_a5_pages(pdf_file):
    """Its own opening line, no note on where ticks are kept, no buttons, A5 pages."""
    import yaml
    from pypdf import PdfReader

    from overdue_guide import pdf

    outputs = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"]["outputs"]
    [pdf_note] = [o["strings"]["note"] for o in outputs if o["format"] == "pdf"]
    [html_note] = [o["strings"]["note"] for o in outputs if o["format"] == "html"]
    text = pdf.pdf_text(pdf_file)
    opening = "".join(text[:600].split())
    assert "".join(pdf_note.split())[:20] in opening
    assert html_note[:8] not in text
    for screen_only in ("只保存在", "複製為純文本", "重置"):
        assert screen_only not in text, screen_only
    width, height = (float(v) for v in PdfReader(pdf_file).pages[0].mediabox[2:])
    assert abs(width - 419.5) < 1.5 and abs(height - 595.3) < 1.5, (width, height)  # A5: 148 × 210 mm in points


def test_pdf_bookmarks_follow_the_headings(pdf_file):
    from pypdf import PdfReader

    reader = PdfReader(pdf_file)
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    for title in ["支付寶貸款逾期協商指南", "協商的具體步驟", "行動清單", "名詞解釋"]:
        assert title in top, top
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert any("準備材料" in [i.title for i in group] for group in nested)


def test_pdf_links_point_inside_the_pdf(pdf_file):
    from pypdf import PdfReader

    reader = PdfReader(pdf_file)
    named = {name.lstrip("/") for name in reader.named_destinations}
    links = [
        annot.get_object()
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/Subtype") == "/Link"
    ]
    internal = [str(link["/Dest"]).lstrip("/") for link in links if "/Dest" in link]
    assert len(internal) > 50
    assert all(dest in named for dest in internal), [d for d in internal if d not in named][:5]
    assert "glossary--borrower" in internal and "negotiation" in internal


def test_pdf_checklist_prints_as_empty_boxes(browser, single_file):
    page, _ = open_file(browser, single_file)
    page.locator("#checklist input[data-checklist-item=prepare-id]").check()
    page.emulate_media(media="print")
    box = page.locator("#checklist input[data-checklist-item=contact-support]")
    assert box.evaluate("b => getComputedStyle(b).appearance") == "none"
    assert page.locator("#checklist .checklist__actions").is_hidden()
    term = page.locator("#negotiation a.glossary-term").first
    assert term.evaluate("t => getComputedStyle(t).textDecorationLine") == "none"
    page.context.close()


def test_the_command_line_makes_the_single_page_of_a_built_edition(full_site, tmp_path):
    # By hand: python -m overdue_guide.single_page SITE OUT, with the strings of mkdocs.yml's extra.outputs.
    out = tmp_path / "guide.html"
    proc = subprocess.run(
        [sys.executable, "-m", "overdue_guide.single_page", str(full_site / "zh-Hans"), str(out), "--lang", "zh-Hans"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == str(out)
    html = out.read_text(encoding="utf-8")
    assert "单页网页版" in html and "單頁網頁版" not in html  # the zh-Hans strings, converted as the build does


def test_pdf_without_the_guides_text_is_not_kept(tmp_path):
    # What a PDF of empty boxes looks like to the check: the title is not in its text.
    page = tmp_path / "guide.html"
    page.write_text("<!doctype html><title>支付寶貸款逾期協商指南</title><p>□□□</p>", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "overdue_guide.pdf", str(page), str(tmp_path / "guide.pdf")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "找不到指南標題" in proc.stderr and "Traceback" not in proc.stderr
    assert list(tmp_path.glob("guide.pdf*")) == []
