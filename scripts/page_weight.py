"""Measure what a reader's phone downloads for the first view of a page.

Builds the site into a temporary folder, serves it on 127.0.0.1, opens each
page given (default: the home page) in headless Chromium, and sums what was
fetched up to the load event, each response gzipped as GitHub Pages serves it.

    .venv/bin/python scripts/page_weight.py [PATH ...]     e.g.  "" checklist/
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, mkdocs_build, serve  # noqa: E402


def first_view(page, url: str) -> list[tuple[str, int, int]]:
    """(url, raw bytes, gzip bytes) for each response before the load event."""
    responses = []
    page.on("response", lambda r: responses.append(r))
    page.goto(url, wait_until="load")
    rows = []
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            continue
        rows.append((response.url, len(body), len(gzip.compress(body, compresslevel=6))))
    return rows


def main(paths: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    paths = paths or [""]
    with tempfile.TemporaryDirectory() as tmp:
        server, base_url = serve()
        proc = mkdocs_build(Path(tmp), env={"SITE_URL": base_url})
        if proc.returncode:
            print(proc.stderr, file=sys.stderr)
            return 1
        server.site_root = Path(tmp)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in paths:
                page = browser.new_page()
                rows = first_view(page, base_url + path)
                print(f"/{path}: first view, up to the load event")
                for url, raw, gz in rows:
                    print(f"  {gz / 1024:6.1f} KB gzip  {raw / 1024:6.1f} KB raw  {url.removeprefix(base_url)}")
                print(f"  {sum(r[2] for r in rows) / 1024:6.1f} KB gzip in {len(rows)} responses "
                      f"({sum(r[1] for r in rows) / 1024:.1f} KB raw)")
                page.close()
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
