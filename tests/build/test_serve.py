"""scripts/serve's preview (mkdocs serve): it rebuilds when data/ or overrides/ change, not only
docs/, and a mistake in a data file shows in the terminal while the server keeps running."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def wait_for(condition, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


@pytest.fixture
def serving(project, tmp_path):
    port = free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project.config), "-a", f"127.0.0.1:{port}"],
        cwd=project.root,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "行動清單" in fetch(url + "checklist/")), log_text(log)
        yield url, log, server
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def log_text(log) -> str:
    log.flush()
    log.seek(0)
    return log.read()


def test_a_checklist_label_edit_shows_in_the_preview(project, serving):
    url, log, _ = serving
    project.edit("data/checklist.yml", "label: 準備收入證明", "label: 準備最近六個月的收入證明")
    assert wait_for(lambda: "準備最近六個月的收入證明" in fetch(url + "checklist/")), log_text(log)


def test_a_data_mistake_is_shown_and_the_server_keeps_running(project, serving):
    url, log, server = serving
    line = project.edit("data/checklist.yml", "label: 準備收入證明", "label:")
    assert wait_for(lambda: f"checklist.yml:{line}: label 是空的" in log_text(log)), log_text(log)
    # MkDocs' server holds requests back until the next good build (it says so), but keeps running.
    time.sleep(2)
    assert server.poll() is None
    project.edit("data/checklist.yml", "label:\n", "label: 準備收入證明（已改正）\n")
    assert wait_for(lambda: "準備收入證明（已改正）" in fetch(url + "checklist/")), log_text(log)


def test_a_theme_edit_shows_in_the_preview(project, serving):
    url, log, _ = serving
    partial = project.root / "overrides"
    real = partial.resolve()
    partial.unlink()  # a copy of the theme to edit, instead of the link to the real one
    import shutil

    shutil.copytree(real, partial)
    assert wait_for(lambda: "行動清單" in fetch(url + "checklist/"))
    project.edit("overrides/partials/copyright.html", "下載離線版", "下載離線閱讀版")
    assert wait_for(lambda: "下載離線閱讀版" in fetch(url + "causes/")), log_text(log)
