"""The publishing gate as a process (issue 8): the real command line's exit status and messages,
a signal or a kill mid-build, a site path that cannot be written, two builds at once, and
MkDocs' own `mkdocs build` with the hooks. Whatever happens, the previous site stays as it was.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from support.gate import (
    ENV,
    PERSONAL_DATA,
    PYTHON,
    append,
    check_problems,
    group_is_gone,
    leftovers,
    relative,
    snapshot,
)

ROOT = Path(__file__).resolve().parents[2]  # the project the tests build

BUILD = [PYTHON, "-m", "overdue_guide.build_site"]  # what scripts/build runs
MKDOCS = [str(Path(PYTHON).parent / "mkdocs"), "build", "-q"]


def start_build(site: Path, *, cwd: Path = ROOT) -> subprocess.Popen:
    """The real command line, in its own process group (to find any child it leaves)."""
    return subprocess.Popen(
        [*BUILD, str(site)],
        cwd=cwd,
        env=ENV,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_build(site: Path, *, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*BUILD, str(site)], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=timeout)


def wait_for_staging(site: Path, process: subprocess.Popen, *, files: int = 20, timeout: float = 120) -> None:
    """Until the build has written some of its new output beside the old one."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        staged = [p for p in site.parent.glob(f".{site.name}.new-*") if p.is_dir()]
        if staged and sum(1 for _ in staged[0].rglob("*")) >= files:
            return
        time.sleep(0.05)
    raise AssertionError("the build never started writing")


def test_the_command_line_exits_non_zero_naming_the_line(project, previous):
    # Run in the copy: the command builds the mkdocs.yml of the folder it runs in, as mkdocs does.
    line = project.edit("docs/index.md", "(negotiation.md)", "(negotation.md)")
    before = snapshot(previous)
    result = run_build(previous, cwd=project.root)
    assert result.returncode == 1
    check_problems(result.stderr, f"docs/index.md:{line}")
    assert "沒有發佈任何東西" in result.stderr
    assert snapshot(previous) == before and leftovers(previous) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_signal_mid_build_leaves_the_previous_site_and_nothing_else(previous, signum):
    before = snapshot(previous)
    process = start_build(previous)
    wait_for_staging(previous, process)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in stderr, stderr
    assert "沒有發佈任何東西" in stderr
    assert snapshot(previous) == before
    assert leftovers(previous) == []
    assert group_is_gone(process.pid)


def test_sigkill_mid_build_leaves_the_previous_site_and_the_next_build_cleans_up(project, previous):
    project.without_downloads()  # what is published is the editions' pages or nothing: no download is needed
    before = snapshot(previous)
    process = start_build(previous, cwd=project.root)
    wait_for_staging(previous, process)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert snapshot(previous) == before
    assert leftovers(previous)  # what a killed build cannot remove
    result = run_build(previous, cwd=project.root)
    assert result.returncode == 0, result.stderr
    assert leftovers(previous) == []
    assert (previous / "index.html").read_bytes() != before["index.html"]
    assert (previous / "zh-Hans" / "index.html").is_file()


def test_a_site_path_that_is_a_file(tmp_path):
    site = tmp_path / "site"
    site.write_text("不是資料夾", encoding="utf-8")
    result = run_build(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(rf"{re.escape(str(site))}: .*— .*[\u4e00-\u9fff]", result.stderr), result.stderr
    assert site.read_text(encoding="utf-8") == "不是資料夾"


@pytest.mark.parametrize("where", ["proc", "file-in-the-way"])
def test_a_site_path_that_cannot_be_written(tmp_path, where):
    if where == "proc":
        site = Path("/proc/guide-site")
    else:
        (tmp_path / "blocker").write_text("x", encoding="utf-8")
        site = tmp_path / "blocker" / "site"
    result = run_build(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert re.search(r": .*無法寫入（[\u4e00-\u9fff]+）.*— .*[\u4e00-\u9fff]", result.stderr), result.stderr


def chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@pytest.mark.parametrize("frozen", ["parent", "site"])
def test_an_immutable_folder_fails_and_leaves_the_site_as_it_was(project, previous, frozen):
    # As root, permissions stop nothing; the immutable attribute does: on the parent the build
    # cannot start (no lock, no staging folder), on site/ it cannot swap the new output in.
    target = previous.parent if frozen == "parent" else previous
    if not chattr("+i", target):
        pytest.skip("chattr +i is not available on this file system")
    try:
        before = snapshot(previous)
        result = run_build(previous, cwd=project.without_downloads().root)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr, result.stderr
        assert re.search(r"（[\u4e00-\u9fff]+）— .*[\u4e00-\u9fff]", result.stderr), result.stderr
        assert snapshot(previous) == before
    finally:
        chattr("-i", target)
    assert leftovers(previous) == []


def test_two_builds_at_once(project, previous):
    project.without_downloads()
    first = start_build(previous, cwd=project.root)
    try:
        wait_for_staging(previous, first, files=1)
        # Held still, lock and all, while the second runs: without downloads the first build can
        # end while the second is still starting (it did once on a fresh clone's run).
        os.killpg(first.pid, signal.SIGSTOP)
        second = run_build(previous, cwd=project.root, timeout=120)
        assert second.returncode == 1
        assert "另一個建置正在寫入" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        os.killpg(first.pid, signal.SIGCONT)
        _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr
    assert leftovers(previous) == []


def test_a_lock_held_by_another_process(previous):
    before = snapshot(previous)
    with open(previous.parent / f".{previous.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = run_build(previous, timeout=120)
    assert result.returncode == 1
    assert "另一個建置正在寫入" in result.stderr
    assert snapshot(previous) == before


def test_plain_mkdocs_build_strict_passes_on_the_repository(tmp_path):
    # MkDocs' own command loads the hooks without scripts/build having imported anything first.
    result = subprocess.run(
        MKDOCS + ["--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr


def test_plain_mkdocs_build_refuses_personal_data_too(project, tmp_path):
    text, found = PERSONAL_DATA["phone-touching-chinese"]
    line = append(project, "docs/causes.md", text)
    result = subprocess.run(
        MKDOCS + ["-f", str(project.config), "-d", str(tmp_path / "site")],
        cwd=project.root,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"docs/causes.md:{line}:{text.index(found) + 1}: 個人信息" in relative(result.stderr, project)
