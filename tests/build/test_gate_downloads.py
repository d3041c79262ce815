"""The publishing gate for one download (scripts/offline-bundle into dist/): a mistake, or a
signal mid-build, leaves the previous file in dist/ as it was and nothing beside it."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from overdue_guide import build_site, offline_bundle
from support.gate import (
    ENV,
    PERSONAL_DATA,
    PYTHON,
    append,
    check_problems,
    group_is_gone,
    relative,
    snapshot,
)

ROOT = Path(__file__).resolve().parents[2]  # the project the tests build


@pytest.fixture
def dist(tmp_path) -> Path:
    """dist/ with an earlier download in it."""
    folder = tmp_path / "dist"
    folder.mkdir()
    (folder / "alipay-overdue-guide-offline-zh-Hant.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    return folder


def download_leftovers(dist: Path) -> list[str]:
    return sorted(p.name for p in dist.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_the_offline_bundle_refuses_a_mistake_and_keeps_the_previous_file(project, dist, lang):
    text, found = PERSONAL_DATA["qq"]
    line = append(project, "docs/causes.md", text)
    before = snapshot(dist)
    with pytest.raises(build_site.BuildFailed) as failure:
        offline_bundle.build_download("zip", lang, dist=dist, config_file=project.config)
    check_problems(
        relative("\n".join(p.format() for p in failure.value.problems), project),
        f"docs/causes.md:{line}:{text.index(found) + 1}",
    )
    assert snapshot(dist) == before
    assert download_leftovers(dist) == []


def test_sigterm_mid_offline_bundle_leaves_dist_as_it_was(dist):
    before = snapshot(dist)
    process = subprocess.Popen(
        [PYTHON, "-m", "overdue_guide.offline_bundle", "--dist", str(dist)],
        cwd=ROOT,
        env=ENV,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not any(sum(1 for _ in p.rglob("*")) > 20 for p in dist.glob(".download-*")):
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.05)
    process.terminate()
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in stderr, stderr
    assert snapshot(dist) == before
    assert download_leftovers(dist) == []
    assert group_is_gone(process.pid)
