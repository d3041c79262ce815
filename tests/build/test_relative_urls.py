"""The same site/ works at any path on any host: every URL the build writes into its pages is
relative, except the few that must name the address (canonical, hreflang: SITE_URL) and
404.html, which a server shows at any depth (MkDocs writes it by SITE_URL's path). Built
without a SITE_URL, the site has none of those and still builds, strict."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from overdue_guide import build_site

# Where a page may name an address: the address itself, and other hosts' pages it links to.
ABSOLUTE_BY_DESIGN = "link[rel=canonical], link[hreflang]"
URL_ATTRIBUTES = ("href", "src", "action", "poster", "data")


def written_urls(site: Path):
    """(page, URL) for every URL attribute of every page of the site, but 404.html and the downloads."""
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.endswith("404.html") or "download/" in rel:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for by_design in soup.select(ABSOLUTE_BY_DESIGN):
            by_design.decompose()
        for element in soup.find_all(True):
            for attribute in URL_ATTRIBUTES:
                if element.get(attribute):
                    yield rel, element[attribute]


def test_every_url_in_the_pages_is_relative_or_another_hosts(full_site, full_base_url):
    site_host = urlsplit(full_base_url).netloc
    urls = list(written_urls(full_site))
    assert len(urls) > 500
    rooted = [(page, url) for page, url in urls if url.startswith("/")]
    ours = [(page, url) for page, url in urls if urlsplit(url).netloc == site_host]
    assert rooted == [] and ours == [], (rooted + ours)[:10]
    for name in ("manifest.webmanifest", "zh-Hans/manifest.webmanifest"):
        manifest = json.loads((full_site / name).read_text(encoding="utf-8"))
        urls = [manifest["start_url"], manifest["scope"], manifest["id"], *(i["src"] for i in manifest["icons"])]
        assert not [url for url in urls if url.startswith("/") or "//" in url], urls


def test_without_site_url_nothing_names_an_address(project, monkeypatch, tmp_path):
    monkeypatch.setenv("SITE_URL", "")
    site = tmp_path / "site"
    build_site.build_all(site, config_file=project.without_downloads().config)
    index = (site / "zh-Hans/overview/index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in index and 'hreflang="zh-Hant" href="http' not in index
    assert 'href="../../overview/"' in index  # the edition switch, relative
    assert "<loc>" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    rooted = [(page, url) for page, url in written_urls(site) if url.startswith("/")]
    assert rooted == []
