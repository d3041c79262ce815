"""Every hotline a reader meets is a tel: link: on every page of both editions (the glossary's
definitions included), in the single-file page, in the offline zip and in the PDF, where the
link's text is the number itself, so the printed page shows it (hooks/hotlines.py)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString

from overdue_guide import hotlines
from support.site_pages import PAGES

ROOT = Path(__file__).resolve().parents[2]
NUMBERS = hotlines.parse_hotlines((ROOT / "data" / "hotlines.yml").read_text(encoding="utf-8"))
PATTERN = hotlines.number_pattern(NUMBERS)
EDITIONS = {"zh-Hant": "", "zh-Hans": "zh-Hans/"}
LEFT_ALONE = {"a", "code", "pre", "script", "style", "title"}


def bare_numbers(root) -> list[str]:
    """Hotlines in the text a reader sees that are not inside a tel: link (code and hidden data aside)."""
    found = []
    for text in root.find_all(string=True):
        if not isinstance(text, NavigableString) or any(
            parent.name in LEFT_ALONE or parent.has_attr("hidden") for parent in text.parents
        ):
            continue
        found += [f"{m[0]} in …{text[max(0, m.start() - 12) : m.end() + 12]}…" for m in PATTERN.finditer(text)]
    return found


def tel_links(root) -> dict[str, str]:
    """{number: link text} of the page's tel: links."""
    return {a["href"].removeprefix("tel:"): a.get_text() for a in root.select('a[href^="tel:"]')}


def article(full_site: Path, path: str):
    html = BeautifulSoup((full_site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    return html.select_one("article.md-content__inner")


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("page", PAGES)
def test_no_page_shows_a_hotline_that_cannot_be_tapped(full_site, lang, page):
    found = article(full_site, EDITIONS[lang] + page)
    assert bare_numbers(found) == []
    assert all(number == text for number, text in tel_links(found).items())  # the number is printed


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_worked_path_help_and_home_page_link_their_hotlines(full_site, lang):
    prefix = EDITIONS[lang]
    assert {"95188", "12378", "12368", "12356", "12348", "110", "120"} <= set(
        tel_links(article(full_site, prefix + "plan/"))
    )
    assert {"95188", "12378", "12363", "12348", "110", "96110"} <= set(tel_links(article(full_site, prefix + "help/")))
    assert {"95188", "12348"} <= set(tel_links(article(full_site, prefix + "")))


@pytest.mark.parametrize("lang", EDITIONS)
def test_glossary_definitions_link_their_hotlines(full_site, lang):
    entry = article(full_site, EDITIONS[lang] + "glossary/").find("dt", id="lawsuit").find_next_sibling("dd")
    assert tel_links(entry) == {"12368": "12368"}


def test_hidden_glossary_data_keeps_plain_numbers(full_site):
    data = article(full_site, "impact/").select_one(".glossary-definitions")
    assert data is not None and "tel:" not in str(data)


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_single_page_links_every_hotline(full_site, lang):
    path = full_site / EDITIONS[lang] / "download" / f"alipay-overdue-guide-{lang}.html"
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert bare_numbers(html.body) == []
    assert set(NUMBERS) <= set(tel_links(html))


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_offline_zip_links_every_hotline(full_site, lang):
    path = full_site / EDITIONS[lang] / "download" / f"alipay-overdue-guide-offline-{lang}.zip"
    with zipfile.ZipFile(path) as bundle:
        name = next(n for n in bundle.namelist() if n.endswith("/plan.html"))
        html = BeautifulSoup(bundle.read(name).decode("utf-8"), "html.parser")
    assert bare_numbers(html.select_one("article")) == []
    assert "12356" in tel_links(html)


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_pdf_prints_each_hotline_and_links_it(full_site, lang):
    from pypdf import PdfReader

    from overdue_guide import pdf

    path = full_site / EDITIONS[lang] / "download" / f"alipay-overdue-guide-{lang}.pdf"
    uris = {
        str(annot.get_object()["/A"].get("/URI"))
        for page in PdfReader(path).pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object()
    }
    assert {f"tel:{number}" for number in NUMBERS} <= uris
    text = re.sub(r"\s", "", pdf.pdf_text(path))
    assert all(number in text for number in NUMBERS)


def test_the_check_for_bare_numbers_can_fail():
    html = BeautifulSoup('<p>撥打 12378</p><p><a href="tel:110">110</a></p><div hidden>95188</div>', "html.parser")
    assert [found.split(" ")[0] for found in bare_numbers(html)] == ["12378"]
