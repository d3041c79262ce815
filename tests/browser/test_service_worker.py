"""The published site after one visit (scripts/service_worker.py): every page from the
cache with the network down, instant navigation and search included; a clear offline
page for a page never cached; a new build replaces the cache; nothing registers from file://."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from overdue_guide import build_site, service_worker
from overdue_guide.local_site import serve
from support.browsing import PAGES, page_change, search

pytestmark = pytest.mark.browser


HTML, PDF, ZIP = (
    f"download/{name}"
    for name in (
        "alipay-overdue-guide-zh-Hant.html",
        "alipay-overdue-guide-zh-Hant.pdf",
        "alipay-overdue-guide-offline-zh-Hant.zip",
    )
)


def cache_of(site: Path, url: str) -> str:
    """The cache name the site's worker uses served at url: its path, its build's version and content hash."""
    version = re.search(r"^const VERSION = (.*?)\s*(//.*)?$", (site / "sw.js").read_text(encoding="utf-8"), re.M)[1]
    return f"{urlsplit(url).path}|{json.loads(version)}"


def build_served_site(tmp: Path, config_file: Path | None = None):
    """Everything scripts/build publishes, built for a new local server's URL."""
    server, url = serve()
    site = tmp / "site"
    build_site.build_all(site, config_file=config_file, site_url=url)
    server.site_root = site
    return server, url, site, cache_of(site, url)


@pytest.fixture(scope="module")
def served(full_site, full_base_url):
    """The session's build (scripts/build's own output: every page has the worker)."""
    yield full_base_url, full_site, cache_of(full_site, full_base_url)


def first_visit(browser, url: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-TW")
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
    return context, page


def heading(site: Path, path: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article h1").get_text(strip=True).rstrip("#")


def cache_names(page) -> list[str]:
    return page.evaluate("caches.keys()")


# -----------------------------------------------------------------------------
# What each edition gets
# -----------------------------------------------------------------------------


def test_manifest_icons_and_every_page_links_them(served):
    url, site, _ = served
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == manifest["scope"] == "./"  # relative to the manifest: the edition's root
    assert manifest["theme_color"] and "逾期協商指南" in manifest["name"]
    for icon in manifest["icons"]:
        png = (site / icon["src"]).read_bytes()
        assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == int(icon["sizes"].split("x")[0])
    for path in PAGES:
        html = (site / path / "index.html").read_text(encoding="utf-8")
        root = "../" * path.count("/")
        assert f'<link rel="manifest" href="{root}manifest.webmanifest">' in html
        assert f'<script src="{root}assets/javascripts/offline-cache.js" defer></script>' in html


def test_precache_lists_every_page_search_and_assets(served):
    _, site, _ = served
    files = service_worker.precache_list(site, ("zh-Hans/",))  # as scripts/build calls it
    assert {"./", "offline.html", "search/search_index.json", "sitemap.xml"} <= set(files)
    assert {path for path in PAGES if path} <= set(files)
    assert any(f.startswith("assets/javascripts/workers/search.") for f in files)
    assert not [f for f in files if f.endswith(".map") or f.startswith("assets/javascripts/lunr/")]


# -----------------------------------------------------------------------------
# Offline after one visit
# -----------------------------------------------------------------------------


def test_every_page_opens_offline_after_one_visit(browser, served):
    url, site, _ = served
    context, page = first_visit(browser, url)
    context.set_offline(True)
    for path in PAGES:
        page.goto(url + path)
        assert page.locator("article h1").inner_text().rstrip("#").strip() == heading(site, path), path
    # The checklist still ticks and the glossary page still lists its terms.
    page.goto(url + "checklist/")
    page.locator("input[data-checklist-item=prepare-id]").first.check()
    total = page.locator(".checklist--full input[data-checklist-item]").count()
    assert f"1／{total}" in page.locator(".checklist__progress").first.inner_text()
    page.goto(url + "glossary/")
    assert page.locator("dl.glossary dt").count() > 10
    context.close()


def test_instant_navigation_and_search_work_offline(browser, served):
    url, site, _ = served
    context, page = first_visit(browser, url)
    context.set_offline(True)
    page.reload()
    # Search: Material's worker and its index, both from the cache.
    assert any(link.startswith(url + "negotiation/") for link in search(page, "協商"))
    page.goto(url)
    page.evaluate("window.sameDocument = true")  # survives instant navigation, not a page load
    for _ in range(3):  # forward through the footer's "next" links: instant navigation
        with page_change(page):
            page.locator("a.md-footer__link--next").click()
    assert page.url == url + PAGES[3]  # three pages after the home page in the nav
    assert page.evaluate("document.querySelector('article h1').textContent").startswith(heading(site, PAGES[3]))
    assert page.evaluate("window.sameDocument === true")
    context.close()


def test_page_never_cached_shows_the_offline_page(browser, served):
    url, _, _ = served
    context, page = first_visit(browser, url)
    context.set_offline(True)
    page.goto(url + "no-such-page/")
    assert page.locator("h1").inner_text() == "目前沒有網絡連接"
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    page.locator("a", has_text="回到首頁").click()
    page.wait_for_url(url)
    assert page.locator("article h1").count() == 1
    context.close()


def test_downloads_offline_the_single_page_at_once_the_big_ones_once_fetched(browser, served):
    url, _, _ = served
    context, page = first_visit(browser, url)
    assert page.evaluate(f"fetch('{PDF}').then(r => r.status)") == 200
    context.set_offline(True)
    assert page.evaluate(f"fetch('{HTML}').then(r => r.text()).then(t => t.includes('單頁網頁版'))")
    assert page.evaluate(f"fetch('{PDF}').then(r => r.status)") == 200
    assert page.evaluate(f"fetch('{ZIP}').then(() => 'served', () => 'failed')") == "failed"
    context.close()


# -----------------------------------------------------------------------------
# A new build
# -----------------------------------------------------------------------------


def test_a_new_build_replaces_the_cache(browser, project, tmp_path):
    server, url, site, old_cache = build_served_site(tmp_path, project.without_downloads().config)
    try:
        context, page = first_visit(browser, url)
        assert cache_names(page) == [old_cache]
        # The next deploy: a contributor's change to a page, and scripts/build again into the same site/.
        project.edit("docs/index.md", "\n## ", '\n<p id="new-build">新版本</p>\n\n## ')
        build_site.build_all(site, config_file=project.config, site_url=url)
        new_cache = cache_of(site, url)
        assert new_cache != old_cache
        page.reload()
        assert wait_for(lambda: page.locator("#new-build").count() == 1), "the new build never showed"
        assert wait_for(lambda: cache_names(page) == [new_cache]), cache_names(page)
        # Offline, the new build is what the cache serves.
        context.set_offline(True)
        page.goto(url)
        assert page.locator("#new-build").count() == 1
        context.close()
    finally:
        server.shutdown()


def test_a_big_image_is_cached_when_first_shown_not_on_the_first_visit(browser, project, tmp_path):
    image = "images/big-diagram.png"
    project.write(f"docs/{image}", noise_png(256, 128))
    project.edit("docs/overview.md", "\n## ", f"\n![示意圖]({image})\n\n## ")
    assert (project.path(f"docs/{image}")).stat().st_size > service_worker.IMAGE_PRECACHE_MAX
    server, url, site, cache = build_served_site(tmp_path, project.without_downloads().config)
    try:
        context, page = first_visit(browser, url)
        in_cache = f"caches.open({json.dumps(cache)}).then(c => c.match({json.dumps(url + image)})).then(r => !!r)"
        assert page.evaluate(in_cache) is False
        page.goto(url + "overview/")
        assert wait_for(lambda: page.evaluate(in_cache)), "not cached when shown"
        context.set_offline(True)
        page.reload()
        shown = page.locator(f"article img[src$='{image}']")
        assert shown.evaluate("img => img.complete && img.naturalWidth") == 256
        context.close()
    finally:
        server.shutdown()


def noise_png(width: int, height: int) -> bytes:
    """A valid PNG gzip cannot shrink (random pixels), so its size on disk is about width × height × 3."""
    rows = b"".join(b"\0" + os.urandom(width * 3) for _ in range(height))
    return service_worker._png(width, height, zlib.compress(rows))


def wait_for(condition, timeout: float = 15.0) -> bool:
    """Poll condition, which may run while the page reloads itself (new worker took over)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except Exception:  # the execution context was replaced by the reload: try again
            pass
        time.sleep(0.2)
    return False


# -----------------------------------------------------------------------------
# Where it must not register
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["file", "localhost"])
def test_registers_only_over_https_or_localhost(browser, tmp_path, where):
    script = tmp_path / "assets" / "javascripts" / "offline-cache.js"
    script.parent.mkdir(parents=True)
    shutil.copy(service_worker.ASSETS / "offline-cache.js", script)
    (tmp_path / "sw.js").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><script src="assets/javascripts/offline-cache.js"></script>', encoding="utf-8"
    )
    context = browser.new_context()
    page = context.new_page()
    if where == "file":
        page.goto((tmp_path / "index.html").as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("'offlineCache' in window") is False
    else:
        server, url = serve(tmp_path)
        try:
            page.goto(url)
            page.wait_for_function("() => window.offlineCache instanceof Promise")
            assert page.evaluate("window.offlineCache.then(r => r !== null)")
        finally:
            server.shutdown()
    context.close()
