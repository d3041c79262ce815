"""The offline bundle, unzipped and opened from file://: every page styled,
navigation between pages, and search, with no network at all."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from support.browsing import PAGES, search, watch_offline
from support.site_pages import FILES

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def bundle_dir(offline_site) -> Path:
    """The zh-Hant zip that scripts/build publishes, unzipped."""
    return offline_site


@pytest.mark.parametrize("edition", ["zh-Hant", "zh-Hans"])
def test_cli_prints_the_zip_path_last(tmp_path, edition):
    proc = subprocess.run(
        ["scripts/offline-bundle", "--edition", edition, "--dist", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    last = Path(proc.stdout.strip().splitlines()[-1])
    assert last.parent == tmp_path and last.name.endswith(f"-{edition}.zip") and zipfile.is_zipfile(last)
    assert [p.name for p in tmp_path.iterdir()] == [last.name]  # nothing else left behind


def test_bundle_has_every_page_as_a_plain_html_file(bundle_dir):
    for name in (path.rstrip("/") or "index" for path in PAGES):
        assert (bundle_dir / f"{name}.html").is_file(), name
    assert (bundle_dir / "search" / "search_index.js").is_file()
    assert not (bundle_dir / "index.html").read_text(encoding="utf-8").count("unpkg.com")


def test_bundle_does_not_link_to_itself(bundle_dir):
    # The downloads are not inside the bundle: its pages say so instead of linking to them.
    for page in bundle_dir.rglob("*.html"):
        assert not re.search(r'href="[^"]*download/', page.read_text(encoding="utf-8")), page


def test_pages_are_styled_from_file_url(page, bundle_dir):
    seen = watch_offline(page)
    page.goto((bundle_dir / "causes.html").as_uri())
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.evaluate("getComputedStyle(document.body).fontFamily").find("PingFang TC") >= 0
    assert seen == {"errors": [], "network": []}


def test_navigation_between_pages_works_from_file_url(page, bundle_dir):
    seen = watch_offline(page)
    page.goto((bundle_dir / "index.html").as_uri())
    page.locator("article a[href='negotiation.html']").click()
    page.wait_for_url("**/negotiation.html")
    assert page.locator("h1").inner_text().startswith("協商的具體步驟")
    page.locator("a.md-footer__link--next").click()
    after = FILES[FILES.index("negotiation.md") + 1]  # the next page in the nav
    page.wait_for_url(f"**/{after.removesuffix('.md')}.html")
    assert seen == {"errors": [], "network": []}


@pytest.mark.parametrize("query, expected", [("協商", "negotiation.html"), ("滯納金", "impact.html")])
def test_search_works_from_file_url(page, bundle_dir, query, expected):
    seen = watch_offline(page)
    page.goto((bundle_dir / "index.html").as_uri())
    links = search(page, query)
    assert any(link.split("?")[0].endswith("/" + expected) for link in links), links
    assert seen == {"errors": [], "network": []}


def test_glossary_definitions_show_from_file_url(page, bundle_dir):
    # Material never emits document$ under file:// with instant navigation on; widgets must still work.
    seen = watch_offline(page)
    page.goto((bundle_dir / "negotiation.html").as_uri())
    term = page.locator("article a.glossary-term").first
    term.hover()
    tooltip = page.locator(".glossary-tooltip")
    tooltip.wait_for(state="visible")
    definitions = json.loads(page.locator("div.glossary-definitions").first.text_content())
    term_id = term.get_attribute("id").removeprefix("glossary-ref-")
    assert tooltip.locator(".glossary-tooltip__definition").inner_text() == definitions["terms"][term_id]
    assert seen == {"errors": [], "network": []}
