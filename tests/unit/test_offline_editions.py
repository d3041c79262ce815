"""Pure parts of the offline editions: download sizes and labels, what the service
worker precaches, its icons, and the PDF's messages when a tool is missing."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest

from overdue_guide import editions, pdf, service_worker, single_page
from support.site_pages import OFFLINE_PAGE_STRINGS

# -----------------------------------------------------------------------------
# Footer download links
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "size, text",
    [(0, "0 B"), (1023, "1023 B"), (1234, "1.2 KB"), (86_392, "84 KB"), (2_500_000, "2.4 MB"), (30_000_000, "29 MB")],
)
def test_human_size(size, text):
    assert editions.human_size(size) == text


def test_download_links_in_the_order_of_extra_outputs_with_sizes():
    outputs = [
        {"format": "html", "file": "download/guide-{lang}.html", "label": "單頁網頁版"},
        {"format": "pdf", "file": "download/guide-{lang}.pdf", "label": "PDF"},
        {"format": "zip", "file": "download/guide-{lang}.zip", "label": "壓縮包"},
    ]
    hans = editions.Edition("zh-Hans", "简体中文", "zh-Hans/", "tw2s")
    links = editions.downloads(outputs, hans, {"html": 2048, "pdf": 10, "zip": 5})
    assert [(d["label"], d["url"], d["size"]) for d in links] == [
        ("單頁網頁版", "download/guide-zh-Hans.html", "2.0 KB"),
        ("PDF", "download/guide-zh-Hans.pdf", "10 B"),
        ("壓縮包", "download/guide-zh-Hans.zip", "5 B"),
    ]  # the labels are converted with the rest of extra
    assert "size" not in editions.downloads(outputs, hans)[0]  # before the files exist


# -----------------------------------------------------------------------------
# Service worker
# -----------------------------------------------------------------------------


def make_site(root: Path) -> Path:
    files = {
        "index.html": "<title>指南</title></head>",
        "overview/index.html": "</head>",
        "404.html": "</head>",
        "sitemap.xml": "",
        "sitemap.xml.gz": "",
        "assets/javascripts/bundle.1.min.js": "",
        "assets/javascripts/bundle.1.min.js.map": "",
        "assets/javascripts/lunr/min/lunr.ja.min.js": "",
        "search/search_index.json": json.dumps({"config": {"lang": ["en"]}, "docs": []}),
        "download/guide.html": "",
        "download/guide.pdf": "x" * (service_worker.DOWNLOAD_PRECACHE_MAX + 1),
        "zh-Hans/index.html": "</head>",
        ".work/zh-Hant/print/index.html": "</head>",  # scripts/build's work folder, removed after
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_precache_skips_maps_unused_lunr_big_downloads_and_other_editions(tmp_path):
    site = make_site(tmp_path)
    assert service_worker.precache_list(site, ("zh-Hans/",)) == [
        "./",
        "404.html",
        "assets/javascripts/bundle.1.min.js",
        "download/guide.html",
        "overview/",
        "search/search_index.json",
        "sitemap.xml",
    ]
    assert service_worker.cached_when_fetched(site, ("zh-Hans/",)) == ["download/guide.pdf"]


def test_worker_is_versioned_by_content_and_leaves_other_editions_alone(tmp_path):
    site = make_site(tmp_path)
    first = service_worker.write_worker(site, version="7", exclude=("zh-Hans",))
    again = service_worker.write_worker(site, version="7", exclude=("zh-Hans",))
    assert first == again and first.startswith("7-")
    (site / "overview/index.html").write_text("</head>changed", encoding="utf-8")
    changed = service_worker.write_worker(site, version="7", exclude=("zh-Hans",))
    assert changed != first
    (site / "download/guide.pdf").write_text("y" * (service_worker.DOWNLOAD_PRECACHE_MAX + 1), encoding="utf-8")
    new_pdf = service_worker.write_worker(site, version="7", exclude=("zh-Hans",))
    assert new_pdf != changed
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert json.dumps(new_pdf) in worker and '"zh-Hans/"' in worker and "__" not in worker.split("*/", 1)[1]


def edition_files(strings=OFFLINE_PAGE_STRINGS, lang="zh-Hant", name="繁體中文") -> dict:
    return service_worker.edition_files("指南", name, lang, strings)


def test_offline_page_in_the_editions_script():
    strings = {key: editions.converter("tw2s")(text) for key, text in OFFLINE_PAGE_STRINGS.items()}
    html = edition_files(strings, "zh-Hans", "简体中文")[service_worker.OFFLINE_PAGE]
    assert 'lang="zh-Hans"' in html and "目前没有网络连接" in html and 'href="./" data-offline-home' in html
    # sw.js makes that link the edition's root where it serves the page: it looks for these words.
    assert """'href="./" data-offline-home'""" in (service_worker.ASSETS / "sw.js").read_text(encoding="utf-8")


def test_manifest_and_worker_name_no_path(tmp_path):
    """The same site/ at any path: the manifest and the worker name no path (the pages' links to them:
    tests/build/test_plain_build.py)."""
    manifest = json.loads(edition_files()[service_worker.MANIFEST])
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == "./"
    assert manifest["name"] == "指南（繁體中文）"
    assert [icon["src"] for icon in manifest["icons"]] == list(service_worker.ICONS.values())
    site = make_site(tmp_path)
    service_worker.write_worker(site, version="1", exclude=("zh-Hans",))
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert "/g/" not in worker and "const SCOPE = base.pathname" in worker


# -----------------------------------------------------------------------------
# What the first visit downloads
# -----------------------------------------------------------------------------


def test_big_images_wait_for_first_view(tmp_path):
    site = make_site(tmp_path)
    small, big = "assets/small.png", "assets/big.JPG"
    (site / "assets").mkdir(exist_ok=True)
    (site / small).write_bytes(b"x" * service_worker.IMAGE_PRECACHE_MAX)
    (site / big).write_bytes(b"x" * (service_worker.IMAGE_PRECACHE_MAX + 1))
    precache, on_use = service_worker.plan(site, ("zh-Hans/",))
    assert small in precache and big not in precache
    assert on_use == [big, "download/guide.pdf"]


def test_over_the_budget_images_wait_biggest_first_then_the_build_stops(tmp_path, monkeypatch):
    site = make_site(tmp_path)
    images = {"a.png": 300, "b.png": 200, "c.png": 100}
    for name, size in images.items():
        (site / name).write_bytes(b"x" * size)
    rest = sum(len(service_worker._read(site, url)) for url in service_worker.precache_list(site, ("zh-Hans/",))) - 600
    monkeypatch.setattr(service_worker, "PRECACHE_BUDGET", rest + 300)  # b and c fit, a does not
    precache, on_use = service_worker.plan(site, ("zh-Hans/",))
    assert {"c.png", "b.png"} <= set(precache) and "a.png" not in precache
    assert "a.png" in on_use
    monkeypatch.setattr(service_worker, "PRECACHE_BUDGET", rest - 1)  # the pages alone are over it
    with pytest.raises(service_worker.PrecacheTooLarge, match="超過上限.*PRECACHE_BUDGET"):
        service_worker.plan(site, ("zh-Hans/",))


@pytest.mark.parametrize("size", [192, 512])
def test_icon_is_a_valid_png_of_its_size(size):
    png = service_worker.icon_png(size)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (size, size)
    idat = png.index(b"IDAT")
    length = struct.unpack(">I", png[idat - 4 : idat])[0]
    assert len(zlib.decompress(png[idat + 4 : idat + 4 + length])) == size * (size * 3 + 1)


# -----------------------------------------------------------------------------
# Single page: both URL styles
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "href, url",
    [
        (".", ""),
        ("./", ""),
        ("index.html", ""),
        ("overview/", "overview/"),
        ("overview/index.html", "overview/"),
        ("overview.html", "overview/"),
    ],
)
def test_page_url_reads_both_url_styles(href, url):
    assert single_page._page_url(href) == url


# -----------------------------------------------------------------------------
# PDF: a missing tool is a message, in Chinese, with the command that installs it
# -----------------------------------------------------------------------------


def test_missing_chromium_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(pdf.MissingTool, match="apt-get install .*chromium"):
        pdf.find_chromium()
    monkeypatch.delenv("CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pdf.MissingTool, match="沒有找到 chromium.*apt-get install"):
        pdf.find_chromium()


def test_missing_cjk_font_says_how_to_install_it(monkeypatch, tmp_path):
    fake = tmp_path / "fc-list"
    fake.write_text("#!/bin/sh\nexit 0\n")  # fontconfig that knows no Chinese font
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pdf.MissingTool, match="中文字體.*fonts-noto-cjk"):
        pdf.check_cjk_fonts()


def test_build_pdf_writes_nothing_when_a_tool_is_missing(monkeypatch, tmp_path):
    page = tmp_path / "guide.html"
    page.write_text("<title>指南</title>", encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CHROMIUM", raising=False)
    with pytest.raises(pdf.MissingTool):
        pdf.build_pdf(page, tmp_path / "guide.pdf")
    assert list(tmp_path.glob("guide.pdf*")) == []
