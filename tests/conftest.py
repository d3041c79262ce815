"""Shared fixtures: the build matrix, made once per test session, and the tools to look at it.

- `full_site`: everything scripts/build publishes (every edition of extra.editions, every
  download of extra.outputs), built once, in this process, for a local server's URL;
  `site` is its first edition (zh-Hant at the root), `offline_site` its zh-Hant zip, unpacked.
- `project`: a throwaway copy of the project (docs/, data/, mkdocs.yml copied; hooks/ and
  overrides/ linked) for tests that build with one mistake in it.
- `browser` / `page`: headless Chromium through Playwright.

Nothing is written into the working tree: every build goes to pytest's temporary folders.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from overdue_guide import build_site
from overdue_guide.local_site import ROOT, launch_chromium, serve

# -----------------------------------------------------------------------------
# The build matrix
# -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def full_site_server():
    server, url = serve()
    yield server, url
    server.shutdown()


@pytest.fixture(scope="session")
def full_site(tmp_path_factory, full_site_server) -> Path:
    """Everything scripts/build publishes, built once for the local server's URL."""
    server, url = full_site_server
    site = tmp_path_factory.mktemp("full-site") / "site"
    build_site.build_all(site, site_url=url)
    server.site_root = site
    return site


@pytest.fixture(scope="session")
def full_base_url(full_site, full_site_server) -> str:
    """URL of the served full site: zh-Hant at the root, zh-Hans under zh-Hans/."""
    return full_site_server[1]


@pytest.fixture(scope="session")
def site(full_site) -> Path:
    """The zh-Hant edition (the site's root)."""
    return full_site


@pytest.fixture(scope="session")
def base_url(full_base_url) -> str:
    return full_base_url


@pytest.fixture(scope="session")
def editions():
    return build_site.read_matrix()[0]


@pytest.fixture(scope="session")
def nav_pages() -> list[str]:
    """The documentation pages in reading order (the nav of mkdocs.yml), as docs-relative paths."""
    from mkdocs.config import load_config

    from overdue_guide import nav

    return nav.pages(load_config(str(ROOT / "mkdocs.yml")).nav)


def unzip(zip_file: Path, into: Path) -> Path:
    """Unpack an offline bundle; return its one top-level folder."""
    with zipfile.ZipFile(zip_file) as bundle:
        bundle.extractall(into)
        [top] = {name.split("/")[0] for name in bundle.namelist()}
    return into / top


@pytest.fixture(scope="session")
def offline_site(full_site, editions, tmp_path_factory) -> Path:
    """The zh-Hant offline bundle as scripts/build publishes it, unzipped: open it from file://."""
    [zip_output] = [o for o in build_site.read_matrix()[1] if o.format == "zip"]
    return unzip(full_site / zip_output.path(editions[0]), tmp_path_factory.mktemp("offline"))


# -----------------------------------------------------------------------------
# A copy of the project with one mistake in it
# -----------------------------------------------------------------------------


class Project:
    """A throwaway copy of the project to break and build."""

    def __init__(self, root: Path):
        self.root = root
        self.config = root / "mkdocs.yml"

    def path(self, name: str) -> Path:
        return self.root / name

    def edit(self, name: str, old: str, new: str, *, count: int = 1) -> int:
        """Replace `old` by `new` in a file of the copy; return the 1-based line of the change."""
        path = self.root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        line = text[: text.index(old)].count("\n") + 1
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return line

    def write(self, name: str, text: str | bytes) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    def line_of(self, name: str, needle: str) -> int:
        text = (self.root / name).read_text(encoding="utf-8")
        assert needle in text, f"{needle!r} not in {name}"
        return text[: text.index(needle)].count("\n") + 1

    def without_downloads(self) -> Project:
        """The copy builds only its editions' sites (extra.outputs emptied): for a test that reads
        pages, it skips the single page, the PDF and the zip, a few seconds each."""
        text = self.config.read_text(encoding="utf-8")
        start = text.index("\n  outputs:\n") + 1
        end = (
            re.search(r"^  \S", text[start + len("  outputs:\n") :], re.MULTILINE).start() + start + len("  outputs:\n")
        )
        self.config.write_text(text[:start] + "  outputs: []\n" + text[end:], encoding="utf-8")
        return self

    def build(self, site_dir: Path | None = None) -> str:
        """Build every edition and output, as scripts/build does; the problems, or "" if it built."""
        try:
            build_site.build_all(site_dir or self.root / "site", config_file=self.config)
        except build_site.BuildFailed as failure:
            return "\n".join(problem.format() for problem in failure.problems)
        return ""


def copy_project(root: Path) -> Project:
    """docs/, data/ and mkdocs.yml copied into root; hooks/ and overrides/ linked (the code: the installed package)."""
    root.mkdir(parents=True)
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("hooks", "overrides"):
        (root / name).symlink_to(ROOT / name)
    return Project(root)


@pytest.fixture
def project(tmp_path) -> Project:
    return copy_project(tmp_path / "project")


# -----------------------------------------------------------------------------
# The browser
# -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(full_site):
    # After the build: it prints the PDFs with Playwright, which cannot start a second time in a
    # thread where the tests' Playwright already runs.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (empty localStorage) and page, mobile-sized."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-TW")
    page = context.new_page()
    yield page
    context.close()
