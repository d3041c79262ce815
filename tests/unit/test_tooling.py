"""The code's own checks, configured in pyproject.toml: ruff's lint and format (lines up to 120
columns) on the package, the hooks and the tests, and mypy on the package; and what the package is built with."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / command[0]), *command[1:]], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing():
    result = run("ruff", "check", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout[-3000:]


def test_the_code_is_formatted_as_ruff_writes_it():
    result = run("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout[-3000:]


def test_mypy_finds_no_type_error_in_the_package():
    result = run("mypy")
    assert result.returncode == 0, result.stdout[-3000:]


def test_the_builds_lock_holds_what_the_editable_install_is_built_with():
    """scripts/setup installs the package with --no-build-isolation from the build's lock alone (scripts/serve
    and scripts/build never install the tests' lock): without setuptools 70.1+ (bdist_wheel) pinned there, a
    fresh virtualenv's setuptools 65 fails with "invalid command 'bdist_wheel'" before the site is built."""
    setup = (ROOT / "scripts" / "setup").read_text(encoding="utf-8")
    assert "--no-build-isolation --editable" in setup
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    pinned = re.search(r"^setuptools==(\d+)\.(\d+)", lock, re.MULTILINE)
    assert pinned, "requirements.txt pins no setuptools: add it to requirements.in, then scripts/setup --lock"
    assert (int(pinned[1]), int(pinned[2])) >= (70, 1), pinned[0]


def test_the_scripts_stop_at_a_lint_or_format_problem():
    """scripts/test and scripts/check run ruff under `set -e`, which stops at neither side of an `a && b` list:
    `ruff check && ruff format --check` went on to the tests or the build after a lint problem."""
    for name in ("test", "check"):
        lines = [line.split("#")[0] for line in (ROOT / "scripts" / name).read_text(encoding="utf-8").splitlines()]
        ruff = [line.strip() for line in lines if re.match(r"\s*\.venv/bin/ruff ", line)]
        assert len(ruff) == 2, (name, ruff)  # check, then format --check
        assert all("&&" not in line and "||" not in line for line in ruff), (name, ruff)
