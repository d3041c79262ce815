"""Fixtures of the build tests that break a copy of the project (the gate's cases, safe publishing)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the project the tests build


@pytest.fixture
def previous(tmp_path) -> Path:
    """A small earlier output, already published where the build will publish."""
    site = tmp_path / "published" / "site"
    files = {
        "index.html": "<!doctype html><title>舊的首頁</title><p>上一次發佈的網站</p>",
        "response/index.html": "<!doctype html><p>逾期後的應對措施</p>",
        "zh-Hans/index.html": "<!doctype html><p>上一次发布的网站</p>",
        "assets/stylesheets/extra.css": "body { color: black }\n",
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    (site / "download").mkdir()
    (site / "download" / "guide.zip").write_bytes(bytes(range(256)) * 4)
    return site


@pytest.fixture
def own_overrides(project) -> Path:
    """The copy with its own overrides/ (a copy, not a link to the repository's), to break a template in."""
    overrides = project.path("overrides")
    overrides.unlink()
    shutil.copytree(ROOT / "overrides", overrides)
    return overrides
