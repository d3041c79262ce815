"""The code's own checks, configured in pyproject.toml: ruff's lint and format (lines up to 120
columns) on the package, the hooks and the tests, and mypy on the package."""

from __future__ import annotations

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
