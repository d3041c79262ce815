"""Under mkdocs serve the registration script is marked data-preview (hooks/service_worker.py): it
removes the worker a reader's or an earlier build's visit left at the same address, whose cache would
show a contributor the build before their save, and registers none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from overdue_guide import service_worker
from overdue_guide.local_site import serve

pytestmark = pytest.mark.browser


def page_html(preview: bool) -> str:
    marked = " data-preview" if preview else ""
    return f'<!doctype html><title>t</title><script src="{service_worker.REGISTRATION}"{marked}></script>'


def test_a_preview_page_removes_the_worker_an_earlier_build_registered(browser, tmp_path: Path):
    script = tmp_path / service_worker.REGISTRATION
    script.parent.mkdir(parents=True)
    shutil.copy(service_worker.ASSETS / Path(service_worker.REGISTRATION).name, script)
    (tmp_path / "sw.js").write_text("", encoding="utf-8")
    (tmp_path / "built.html").write_text(page_html(preview=False), encoding="utf-8")
    (tmp_path / "preview.html").write_text(page_html(preview=True), encoding="utf-8")
    server, url = serve(tmp_path)
    context = browser.new_context()
    page = context.new_page()
    registrations = "navigator.serviceWorker.getRegistrations().then(found => found.length)"
    try:
        page.goto(url + "built.html")
        page.wait_for_function("() => window.offlineCache instanceof Promise")
        assert page.evaluate("window.offlineCache.then(r => r !== null)")
        assert page.evaluate(registrations) == 1
        page.goto(url + "preview.html")
        page.wait_for_function("() => window.offlineCache instanceof Promise")
        assert page.evaluate("window.offlineCache") is True  # unregistered
        assert page.evaluate(registrations) == 0
        page.reload()
        page.wait_for_function("() => window.offlineCache instanceof Promise")
        assert page.evaluate("window.offlineCache") is False and page.evaluate(registrations) == 0
    finally:
        context.close()
        server.shutdown()
