"""Shared fixtures: the build matrix, made once per test session, and the tools to look at it.

- `full_site`: everything scripts/build publishes (every edition of extra.editions, every
  download of extra.outputs), built once per run for a local server's URL (with xdist, by the
  first worker that needs it, for all of them: `support.shared_site`);
  `site` is its first edition (zh-Hant at the root), `offline_site` its zh-Hant zip, unpacked.
- `project`: a throwaway copy of the project (docs/, data/, mkdocs.yml copied; hooks/ and
  overrides/ linked) for tests that build with one mistake in it (`support.project.Project`).
- `browser` / `page`: headless Chromium through Playwright.

Nothing is written into the working tree: every build goes to pytest's temporary folders.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from overdue_guide import build_site
from overdue_guide.local_site import launch_chromium, serve, test_browser
from support import shared_site
from support.project import Project, copy_project

ROOT = Path(__file__).resolve().parents[1]  # the project the tests build

# -----------------------------------------------------------------------------
# The build matrix
# -----------------------------------------------------------------------------


def pytest_configure(config):
    workers = config.getoption("numprocesses", None)
    if getattr(config, "workerinput", None) is None and isinstance(workers, int) and workers > 0:
        shared_site.start(config)  # the xdist controller: one build of the site for every worker


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    node.workerinput.update(shared_site.for_worker(node.config))


def pytest_unconfigure(config):
    shared_site.stop(config)


@pytest.fixture(scope="session")
def full_site_server(request):
    """(server, URL) of the full site: the controller's, shared by the workers, or this process's own."""
    shared = shared_site.shared(request.config)
    if shared:
        yield None, shared[1]
        return
    server, url = serve()
    yield server, url
    server.shutdown()


@pytest.fixture(scope="session")
def full_site(request, tmp_path_factory, full_site_server) -> Path:
    """Everything scripts/build publishes, built once per run for the server's URL."""
    server, url = full_site_server
    shared = shared_site.shared(request.config)
    if shared:
        return shared_site.built_once(shared[0], url)
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


@pytest.fixture
def project(tmp_path) -> Project:
    """A fresh copy of the project, to break one thing in."""
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
        browser = launch_chromium(p, test_browser())
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (empty localStorage) and page, mobile-sized."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-TW")
    page = context.new_page()
    yield page
    context.close()


# -----------------------------------------------------------------------------
# The order files are handed to the workers
# -----------------------------------------------------------------------------


def pytest_collection_modifyitems(config, items):
    """One file that needs the shared site first, then the files that do not, then the rest.

    With --dist loadfile (and --no-loadscope-reorder, scripts/test) xdist hands out files in this
    order: the first worker starts the one build of the site (support.shared_site) while the other
    runs tests that need no site, instead of waiting for it. Within each group, files with more
    tests first, as xdist's own reordering does, so no worker is left alone with a big file at the end;
    before them, the files marked `long` (few tests, each long: counted by tests, they came last).
    """
    files: dict[Path, list] = {}
    for item in items:
        files.setdefault(item.path, []).append(item)
    needs_site = {path for path, tests in files.items() if any("full_site" in t.fixturenames for t in tests)}
    long = {path for path, tests in files.items() if any(test.get_closest_marker("long") for test in tests)}
    by_size = sorted(files, key=lambda path: (path not in long, -len(files[path])))
    first = [path for path in by_size if path in needs_site][:1]
    order = first + [p for p in by_size if p not in needs_site] + [p for p in by_size if p in needs_site - set(first)]
    items[:] = [item for path in order for item in files[path]]
