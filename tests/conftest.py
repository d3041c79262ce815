"""Shared fixtures: one strict build of the site per test session, a local HTTP
server for it, and a headless Chromium driven by Playwright."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
# Without these Chromium keeps calling Google's hosts (blocked here, and noise in network logs).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def mkdocs_build(site_dir: Path, *, env: dict[str, str] | None = None, config: str = "mkdocs.yml",
                 cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` into site_dir; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site_dir)],
        cwd=cwd, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the server's current `site_root`; quiet, to keep test output readable."""

    def __init__(self, request, client_address, server):
        super().__init__(request, client_address, server, directory=str(server.site_root))

    def log_message(self, *args):
        pass


def serve(directory: Path | None = None):
    """Serve directory on a free loopback port in a thread; return (server, base_url).

    The directory may be set later through ``server.site_root``: Material's
    instant navigation only follows links that match site_url (host and path,
    without the port), so a site is built for the URL it will be served at.
    """
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SiteHandler)
    server.site_root = directory
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


@pytest.fixture(scope="session")
def site_server():
    server, url = serve()
    yield server, url
    server.shutdown()


@pytest.fixture(scope="session")
def site(tmp_path_factory, site_server) -> Path:
    """The site, built once with --strict for the local server's URL."""
    server, url = site_server
    out = tmp_path_factory.mktemp("site")
    proc = mkdocs_build(out, env={"SITE_URL": url})
    assert proc.returncode == 0, proc.stderr
    server.site_root = out
    return out


@pytest.fixture(scope="session")
def base_url(site, site_server) -> str:
    return site_server[1]


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The site built with OFFLINE=true (Material's offline plugin), to open from file://."""
    out = tmp_path_factory.mktemp("offline")
    proc = mkdocs_build(out, env={"OFFLINE": "true"})
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="session")
def full_site_server():
    server, url = serve()
    yield server, url
    server.shutdown()


@pytest.fixture(scope="session")
def full_site(tmp_path_factory, full_site_server) -> Path:
    """Everything scripts/build publishes (both editions, both offline bundles), built
    once by its Python entry for the local server's URL."""
    server, url = full_site_server
    tmp = tmp_path_factory.mktemp("full-site")
    proc = subprocess.run(
        [sys.executable, "scripts/build_site.py", str(tmp / "site"), str(tmp / "zh-Hans-tree")],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url},
    )
    assert proc.returncode == 0, proc.stderr
    server.site_root = tmp / "site"
    return tmp / "site"


@pytest.fixture(scope="session")
def full_base_url(full_site, full_site_server) -> str:
    """URL of the served full site: zh-Hant at the root, zh-Hans under zh-Hans/."""
    return full_site_server[1]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (empty localStorage) and page, mobile-sized."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-TW")
    page = context.new_page()
    yield page
    context.close()
