"""Measure what a reader's phone downloads for the first view of a page, side by
side with Material's defaults built from the same docs.

Builds two sites into a temporary folder: this one (mkdocs.yml) and "default",
a temporary mkdocs.yml with only what Material needs to build the same docs/
(theme material, font: false, the same nav and Markdown extensions; no hooks,
custom_dir, extra CSS or JavaScript). Serves each on 127.0.0.1, opens each page
given (default: the home page) in headless Chromium, and sums what was fetched up
to the load event, each response gzipped as GitHub Pages serves it.

    .venv/bin/python -m overdue_guide.devtools.page_weight [-v] [PATH ...] e.g.  "" checklist/

-v lists every response. Chromium and the servers start as in the tests (overdue_guide.local_site).
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from .. import project
from ..local_site import launch_chromium, serve

# What the default site keeps from mkdocs.yml: the same pages, written the same way.
DEFAULT_KEEPS = ("site_name", "site_description", "nav", "markdown_extensions", "exclude_docs")


# -----------------------------------------------------------------------------
# Building and serving
# -----------------------------------------------------------------------------


def default_config(tmp: Path, root: Path) -> Path:
    """A mkdocs.yml for Material's defaults on the same docs as the project at root (font: false, as ours)."""
    from mkdocs.utils.yaml import yaml_load

    with open(root / "mkdocs.yml", "rb") as file:
        ours = yaml_load(file)
    config = {key: ours[key] for key in DEFAULT_KEEPS if key in ours}
    config.update(docs_dir=str(root / "docs"), theme={"name": "material", "font": False, "language": "zh-Hant"})
    path = tmp / "default-mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build(config: Path, site_dir: Path, site_url: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url},
    )
    if proc.returncode:
        sys.exit(f"{config}: mkdocs build failed\n{proc.stderr}")


# -----------------------------------------------------------------------------
# Measuring
# -----------------------------------------------------------------------------


def first_view(browser, url: str) -> list[tuple[str, int, int]]:
    """(url, raw bytes, gzip bytes) for each response before the load event."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    rows = []
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            continue
        rows.append((response.url, len(body), len(gzip.compress(body, compresslevel=6))))
    page.close()
    return rows


def report(name: str, path: str, rows: list[tuple[str, int, int]], base_url: str, verbose: bool) -> float:
    total = sum(r[2] for r in rows) / 1024
    print(
        f"{name:>8}  /{path}: {total:6.1f} KB gzip in {len(rows)} responses "
        f"({sum(r[1] for r in rows) / 1024:.1f} KB raw), up to the load event"
    )
    if verbose:
        for url, raw, gz in rows:
            print(f"          {gz / 1024:6.1f} KB gzip  {raw / 1024:6.1f} KB raw  {url.removeprefix(base_url)}")
    return total


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    verbose = "-v" in argv
    paths = [arg for arg in argv if arg != "-v"] or [""]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        root = project.root()  # the project in the current folder
        sites = {"ours": root / "mkdocs.yml", "default": default_config(tmp, root)}
        servers = {}
        for name, config in sites.items():
            (tmp / name).mkdir()
            servers[name] = serve(tmp / name)
            build(config, tmp / name, servers[name][1])
        with sync_playwright() as p:
            browser = launch_chromium(p)  # its flags keep Chromium off Google's hosts: they would count as weight
            for path in paths:
                totals = {
                    name: report(name, path, first_view(browser, url + path), url, verbose)
                    for name, (_, url) in servers.items()
                }
                print(f"{'':>8}  ours - default: {totals['ours'] - totals['default']:+.1f} KB")
            browser.close()
        for server, _ in servers.values():
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
