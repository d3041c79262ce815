"""A plain `mkdocs build` is the published site minus the downloads (issue 19).

The manifest, the offline page, the icons and the service worker come from the build's own
events (hooks/service_worker.py, overrides/main.html), not from a step after it, so
`mkdocs build` of an edition (EDITION=zh-Hans for the Simplified one) writes the same files,
byte for byte, as scripts/build publishes for that edition, except what exists only because
scripts/build made the downloads first:

- the downloads themselves (extra.outputs' files);
- their sizes, shown beside their links (the footer of every page, the list on the home and
  downloads pages, and so the search index's text of those two pages);
- sw.js: its lists name the downloads (the single page precached, the PDF and the zip cached
  when first fetched), and its version's content hash covers them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from overdue_guide import build_site, editions, safe_html, service_worker

ROOT = Path(__file__).resolve().parents[2]  # the project the tests build

MATRIX = build_site.read_matrix()
EDITIONS = {edition.lang: edition for edition in MATRIX[0]}
WORKER_LIST = re.compile(r"^const (VERSION|PRECACHE|ON_USE) = (.*?)\s*(//.*)?$", re.MULTILINE)


@pytest.fixture(scope="module")
def plain_builds(tmp_path_factory, full_base_url) -> dict[str, Path]:
    """{lang: that edition built by `mkdocs build --strict`}, for the same address as the published site."""
    built = {}
    for lang in EDITIONS:
        site = tmp_path_factory.mktemp(f"plain-{lang}") / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "EDITION": lang, "SITE_URL": full_base_url},
        )
        built[lang] = site
    return built


def published_edition(full_site: Path, lang: str) -> Path:
    return full_site / EDITIONS[lang].path


def edition_files(site: Path, edition: editions.Edition) -> set[str]:
    """The edition's files (not another edition's folder inside it), relative to it."""
    others = tuple(other.path for other in EDITIONS.values() if other.path and other != edition)
    return {
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and not path.relative_to(site).as_posix().startswith(others)
    }


def downloads(edition: editions.Edition) -> set[str]:
    return {output.path(edition) for output in MATRIX[1]}


def without_sizes(text: str, sizes: set[str]) -> str:
    """The text with the downloads' sizes taken out, as a build without downloads writes it."""
    for size in sizes:
        text = text.replace(f"（{size}）", "").replace(f' <span class="downloads__size">{size}</span>', "")
        text = text.replace(f" {size}", "")  # the search index: the list's text
    return text


def worker_lists(worker: str) -> dict[str, object]:
    return {name: json.loads(value) for name, value, _ in WORKER_LIST.findall(worker)}


@pytest.mark.parametrize("lang", list(EDITIONS))
def test_plain_build_writes_the_published_editions_files_but_the_downloads(plain_builds, full_site, lang):
    edition = EDITIONS[lang]
    published = edition_files(published_edition(full_site, lang), edition)
    assert downloads(edition) <= published
    assert edition_files(plain_builds[lang], edition) == published - downloads(edition)
    assert {"sw.js", service_worker.MANIFEST, service_worker.OFFLINE_PAGE, service_worker.REGISTRATION} <= published


@pytest.mark.parametrize("lang", list(EDITIONS))
def test_plain_build_writes_every_file_as_published_but_the_downloads_sizes(plain_builds, full_site, lang):
    edition = EDITIONS[lang]
    plain, published = plain_builds[lang], published_edition(full_site, lang)
    sizes = {editions.human_size((published / name).stat().st_size) for name in downloads(edition)}
    differ = []
    for name in sorted(edition_files(plain, edition) - {"sw.js"}):
        ours, theirs = (plain / name).read_bytes(), (published / name).read_bytes()
        if ours == theirs:
            continue
        if name.endswith((".html", ".json")) and ours.decode() == without_sizes(theirs.decode(), sizes):
            continue
        differ.append(name)
    assert differ == []


@pytest.mark.parametrize("lang", list(EDITIONS))
def test_plain_builds_worker_is_the_published_one_without_the_downloads(plain_builds, full_site, lang):
    edition = EDITIONS[lang]
    ours = (plain_builds[lang] / "sw.js").read_text(encoding="utf-8")
    theirs = (published_edition(full_site, lang) / "sw.js").read_text(encoding="utf-8")
    assert WORKER_LIST.sub("", ours) == WORKER_LIST.sub("", theirs)  # the same worker, but its lists
    plain, published = worker_lists(ours), worker_lists(theirs)
    assert downloads(edition) <= {*published["PRECACHE"], *published["ON_USE"]}  # a reader keeps them offline
    for name in ("PRECACHE", "ON_USE"):
        assert plain[name] == [url for url in published[name] if url not in downloads(edition)]
    assert plain["VERSION"].split("-")[0] == published["VERSION"].split("-")[0]  # the same commit
    assert plain["VERSION"] != published["VERSION"]  # the content hash covers the downloads


def test_every_page_links_the_manifest_and_registration_relatively_but_404(plain_builds, full_base_url):
    """Written by the theme (overrides/main.html), relative to each page; 404.html, which a server shows
    at any depth, by SITE_URL's path, as MkDocs links the rest of it."""
    site = plain_builds["zh-Hant"]
    for name, root in (("index.html", ""), ("overview/index.html", "../"), ("404.html", "/")):
        html = (site / name).read_text(encoding="utf-8")
        assert f'<link rel="manifest" href="{root}{service_worker.MANIFEST}">' in html, name
        assert f'<script src="{root}{service_worker.REGISTRATION}" defer></script>' in html, name


def test_preview_removes_the_worker_and_lets_live_reload_run(tmp_path, plain_builds):
    """Under mkdocs serve (on_startup's command) a cache-first worker would show the previous build, and
    the server's inline live-reload script, new in every response, would be blocked by the page's hashes."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    service_worker.on_startup(command="serve", dirty=False)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), site_url="")
        build(config)
    finally:
        service_worker.on_shutdown()
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f'<script src="{service_worker.REGISTRATION}" data-preview defer></script>' in html
    assert f'content="{safe_html.PREVIEW_POLICY}"' in html and "script-src 'self' 'unsafe-inline';" in html
    for site in plain_builds.values():  # a build for readers: scripts by their hashes only, and the worker
        published = (site / "index.html").read_text(encoding="utf-8")
        assert "'unsafe-inline' " not in re.search(r"script-src[^;]*;", published)[0]
        assert "data-preview" not in published
