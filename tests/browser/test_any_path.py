"""The same site/ at any path on any host, without a rebuild: the session's build (made for
a server at the root of one port) copied under a deep sub-path and served on another port, by
a plain static server and by Debian's nginx with deploy/nginx.conf. Links, the edition switch,
the downloads, search, the service worker's scope and control, offline after one visit, the
offline page and the manifest, in both editions; and nginx's headers.

Material's instant navigation follows only the links listed in the sitemap, which names the
address the site was built for: here it is off, and every link is an ordinary page load."""

from __future__ import annotations

import gzip
import json
import shutil
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from overdue_guide import precompress
from overdue_guide.local_site import nginx, serve
from support.browsing import PAGES, search, watch

pytestmark = [pytest.mark.browser, pytest.mark.long]

SUB_PATH = "a/b/guide/"
# Each edition (its path under the site) with the words its pages show.
EDITIONS = {
    "": {"query": "協商", "offline": "目前沒有網絡連接", "home": "回到首頁"},
    "zh-Hans/": {"query": "协商", "offline": "目前没有网络连接", "home": "回到首页"},
}
# Every violation of a page's Content-Security-Policy (its <meta> and, from nginx, the header).
CSP_WATCH = """window.__violations = []
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`))"""


# -----------------------------------------------------------------------------
# The site, moved
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def static_host(full_site, tmp_path_factory):
    """The build under /a/b/guide/ of Python's static file server, on a port of its own."""
    www = tmp_path_factory.mktemp("www-static")
    (www / SUB_PATH).parent.mkdir(parents=True)
    (www / SUB_PATH).symlink_to(full_site, target_is_directory=True)
    server, url = serve(www)
    yield url + SUB_PATH, full_site
    server.shutdown()


@pytest.fixture(scope="module")
def nginx_host(full_site, tmp_path_factory):
    """A copy of the build, precompressed (scripts/precompress.py), under /a/b/guide/ of nginx."""
    www = tmp_path_factory.mktemp("www-nginx")
    site = www / SUB_PATH
    shutil.copytree(full_site, site)
    assert precompress.precompress(site) > 20
    with nginx(www, error_page=f"/{SUB_PATH}404.html") as url:
        yield url + SUB_PATH, site


@pytest.fixture(scope="module", params=["static_host", "nginx_host"])
def host(request):
    return request.getfixturevalue(request.param)


@pytest.fixture(params=list(EDITIONS), ids=["zh-Hant", "zh-Hans"])
def edition(request):
    return request.param


def new_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-TW")
    context.add_init_script(CSP_WATCH)
    page = context.new_page()
    seen = watch(page)
    seen["failed"] = []
    page.on("response", lambda r: r.status >= 400 and seen["failed"].append(f"{r.status} {r.url}"))
    return context, page, seen


def heading(site: Path, path: str) -> str:
    soup = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article h1").get_text(strip=True).rstrip("#")


def shown_heading(page) -> str:
    return page.locator("article h1").inner_text().rstrip("#").strip()


def assert_clean(page, seen):
    assert seen["failed"] == [] and seen["foreign"] == [] and seen["errors"] == [], seen
    assert page.evaluate("window.__violations") == []


# -----------------------------------------------------------------------------
# Reading online
# -----------------------------------------------------------------------------


def test_every_page_by_its_links_and_every_link_inside_the_sub_path(browser, host, edition):
    """From the home page through the footer's "next" links to the last page; every link, script,
    stylesheet and image on the way resolves inside /a/b/guide/ and answers 200 (the edition
    switch and the downloads included)."""
    base, site = host
    home = base + edition
    context, page, seen = new_page(browser)
    page.goto(home)
    inside: set[str] = set()
    for number, path in enumerate(PAGES):
        assert page.url == home + path
        assert shown_heading(page) == heading(site / edition, path), path
        for url in page.eval_on_selector_all(
            "a[href], link[href]:not([rel=canonical]):not([hreflang]), script[src], img[src]",
            "els => els.map(e => e.href || e.src)",
        ):
            if urlsplit(url).netloc == urlsplit(base).netloc:
                assert url.startswith(base), f"{path}: {url} leaves {SUB_PATH}"
                inside.add(url.split("#")[0])
        if number + 1 < len(PAGES):
            with page.expect_navigation():  # a full page load: instant navigation is off here
                page.locator("a.md-footer__link--next").click()
    assert_clean(page, seen)
    other = base + ("zh-Hans/" if edition == "" else "")
    assert other in inside, "the edition switch"
    assert any("/download/" in url for url in inside), "the downloads"
    for url in sorted(inside):
        assert context.request.get(url).status == 200, url
    context.close()


def test_search_finds_and_opens_pages_under_the_sub_path(browser, host, edition):
    base, site = host
    context, page, seen = new_page(browser)
    page.goto(base + edition + "overview/")
    links = search(page, EDITIONS[edition]["query"])
    assert links and all(link.startswith(base + edition) for link in links), links
    target = next(link for link in links if link.startswith(base + edition + "negotiation/"))
    page.locator(f".md-search-result__item > a[href='{target}']").first.click()
    page.wait_for_url(target)
    assert shown_heading(page) == heading(site / edition, "negotiation/")
    assert_clean(page, seen)
    context.close()


# -----------------------------------------------------------------------------
# Offline after one visit
# -----------------------------------------------------------------------------


def test_service_worker_controls_the_edition_where_it_is_served_and_works_offline(browser, host, edition):
    base, site = host
    home = base + edition
    context, page, seen = new_page(browser)
    page.goto(home + "checklist/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL") == home + "sw.js"
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)") == home
    assert page.evaluate("caches.keys()") == [f"{urlsplit(home).path}|{worker_version(site / edition)}"]
    assert_clean(page, seen)

    context.set_offline(True)  # from here the page that was never cached logs its failed load
    for path in PAGES:
        page.goto(home + path)
        assert shown_heading(page) == heading(site / edition, path), path
    page.goto(home + "no-such-page/deeper/")
    assert page.locator("h1").inner_text() == EDITIONS[edition]["offline"]
    page.locator("a", has_text=EDITIONS[edition]["home"]).click()
    page.wait_for_url(home)
    assert shown_heading(page) == heading(site / edition, "")
    assert page.evaluate("window.__violations") == []
    context.close()


def worker_version(edition_site: Path) -> str:
    line = next(
        line
        for line in (edition_site / "sw.js").read_text(encoding="utf-8").splitlines()
        if line.startswith("const VERSION = ")
    )
    return json.loads(line.removeprefix("const VERSION = ").split("//")[0])


def test_manifest_starts_and_scopes_the_edition_where_it_is_served(browser, host, edition):
    base, _ = host
    home = base + edition
    context, page, seen = new_page(browser)
    page.goto(home + "glossary/")
    href = page.evaluate("document.querySelector('link[rel=manifest]').href")
    assert href == home + "manifest.webmanifest"
    response = context.request.get(href)
    manifest = response.json()
    assert urljoin(href, manifest["start_url"]) == urljoin(href, manifest["scope"]) == home
    for icon in manifest["icons"]:
        assert context.request.get(urljoin(href, icon["src"])).status == 200
    assert_clean(page, seen)
    context.close()


# -----------------------------------------------------------------------------
# nginx: deploy/nginx.conf
# -----------------------------------------------------------------------------


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_nginx_sends_the_precompressed_files_with_caching_and_security_headers(nginx_host):
    base, site = nginx_host
    bundle = next((site / "assets/javascripts").glob("bundle.*.min.js")).name
    status, headers, body = fetch(base)
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert body == (site / "index.html.gz").read_bytes(), "the .gz beside the page, not gzipped per request"
    assert gzip.decompress(body) == (site / "index.html").read_bytes()
    for path in ("", "zh-Hans/checklist/", "sw.js", "zh-Hans/sw.js", "manifest.webmanifest"):
        assert fetch(base + path)[1]["cache-control"] == "no-cache", path
    assert fetch(base + f"assets/javascripts/{bundle}")[1]["cache-control"] == "public, max-age=31536000, immutable"
    assert fetch(base + "assets/javascripts/widgets.js")[1]["cache-control"] == "no-cache"  # not fingerprinted
    assert fetch(base + "zh-Hans/manifest.webmanifest")[1]["content-type"].startswith("application/manifest+json")
    for path in ("", "sw.js", "no-such-page/"):
        headers = fetch(base + path)[1]
        policy = [d.strip() for d in headers["content-security-policy"].split(";")]
        assert {"frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"} <= set(
            policy
        ), path
        # Scripts: each page's <meta> with its hashes; a header script-src (or default-src) would block them.
        assert not [d for d in policy if d.split()[0] in ("default-src", "script-src") or "*" in d], policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert "camera=()" in headers["permissions-policy"]
    status, headers, body = fetch(base + "no-such-page/")
    assert status == 404 and b"404" in gzip.decompress(body)


def test_nginx_adds_the_slash_without_naming_its_host(nginx_host):
    base, _ = nginx_host
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(base + "zh-Hans")
        raise AssertionError("no redirect")
    except urllib.error.HTTPError as error:
        assert error.code == 301 and error.headers["Location"] == urlsplit(base).path + "zh-Hans/"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_nginx_sends_the_pages_own_policy_with_frame_ancestors(nginx_host):
    """One policy: the header is the <meta> policy the build writes into each page, less the two
    directives that hold that page's script hashes, plus frame-ancestors (a <meta> cannot set it)."""
    base, site = nginx_host
    for path in ("", "zh-Hans/checklist/"):
        header = directives(fetch(base + path)[1]["content-security-policy"])
        soup = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        meta = directives(soup.select_one("meta[http-equiv=Content-Security-Policy]")["content"])
        page_level = {"default-src", "script-src"}
        assert header == {**{k: v for k, v in meta.items() if k not in page_level}, "frame-ancestors": "'none'"}, (
            "deploy/nginx.conf's Content-Security-Policy differs from the pages' (hooks/safe_html.py SITE_POLICY)"
        )


def directives(policy: str) -> dict[str, str]:
    return {d.split()[0]: " ".join(d.split()[1:]) for d in (d.strip() for d in policy.split(";")) if d}
