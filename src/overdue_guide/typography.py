"""Chinese typography of the pages and data files, checked by AutoCorrect (autocorrect-py).

AutoCorrect implements the common conventions of 中文文案排版指北: a space between
Chinese and Latin letters or digits (`支付寶 App`, `2026 年`), full-width punctuation
in Chinese text, no space beside full-width punctuation. It knows Markdown and YAML:
code, links' targets, front-matter keys and YAML keys are left alone. The project's
settings live in `.autocorrectrc` and the files it skips in `.autocorrectignore`
(both AutoCorrect's own formats); a passage can be skipped in place with
`<!-- autocorrect-disable -->` … `<!-- autocorrect-enable -->`.

One adaptation, because AutoCorrect reads Markdown as CommonMark: the body of a
Material admonition (`!!! warning "免責聲明"` followed by lines indented four spaces)
is an indented code block there, so it would not be checked. Those lines are handed
to AutoCorrect without their indentation (line numbers unchanged, columns shifted back).

    typography.lint(text, Path("docs/index.md"))  -> [Problem(path, line, column, message, fix)]
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import autocorrect_py

from . import messages
from .problems import Problem

ROOT = Path(__file__).resolve().parents[2]  # the project (src/overdue_guide/ → the repository)
CONFIG_FILE = ROOT / ".autocorrectrc"
ADMONITION = re.compile(r"^(?P<indent>\s*)(?:!!!|\?\?\?\+?)\s+\w")
CONTEXT = 6  # characters shown either side of a change


def lint(text: str, file: Path, *, path: str | None = None) -> list[Problem]:
    """AutoCorrect's findings for one file's text, one problem per changed stretch of a line.

    `path`: how to name the file in the problems (default: as given)."""
    if _ignored(file):
        return []
    _configure()
    source, shifts = dedent_admonitions(text) if file.suffix == ".md" else (text, {})
    try:
        result = autocorrect_py.lint_for(source, file.name)
    except ValueError:
        return []  # AutoCorrect cannot parse it (an empty or broken YAML file): the data check says why
    problems = []
    for found in result.lines:
        start, old, new = excerpt(found.old, found.new)
        column = found.col + start + shifts.get(found.line, 0)
        problems.append(
            messages.TYPOGRAPHY.at(str(file) if path is None else path, found.line, column, old=old, new=new)
        )
    return problems


def excerpt(old: str, new: str) -> tuple[int, str, str]:
    """(offset of the first change in old, old and new around the change) for a short message."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    start = max(prefix - CONTEXT, 0)
    return (prefix, old[start : len(old) - max(suffix - CONTEXT, 0)], new[start : len(new) - max(suffix - CONTEXT, 0)])


def dedent_admonitions(text: str) -> tuple[str, dict[int, int]]:
    """The text with admonition bodies unindented, and {line number: spaces removed}."""
    lines = text.split("\n")
    shifts: dict[int, int] = {}
    body_indent = None  # indentation of the admonition body we are in
    for i, line in enumerate(lines):
        if body_indent is not None:
            if not line.strip():
                continue
            if line.startswith(" " * body_indent):
                lines[i] = line[body_indent:]
                shifts[i + 1] = body_indent
                continue
            body_indent = None
        m = ADMONITION.match(line)
        if m:
            body_indent = len(m["indent"]) + 4
    return "\n".join(lines), shifts


@lru_cache(maxsize=1)
def _configure() -> None:
    # AutoCorrect keeps one configuration per process; load ours once, on top of its defaults.
    if CONFIG_FILE.exists():
        autocorrect_py.load_config(CONFIG_FILE.read_text(encoding="utf-8"))  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _ignorer() -> Any:  # autocorrect_py's stubs lack Ignorer and load_config, which the wheel has
    return autocorrect_py.Ignorer(str(ROOT) + "/")  # type: ignore[attr-defined]


def _ignored(file: Path) -> bool:
    try:
        relative = file.resolve().relative_to(ROOT)
    except ValueError:  # a copy of the project (a build test's): from its docs/ or data/ on
        parts = file.resolve().parts
        starts = [i for i, part in enumerate(parts[:-1]) if part in ("docs", "data")]
        if not starts:
            return False  # a loose file (a unit test's): always checked
        relative = Path(*parts[starts[-1] :])
    return _ignorer().is_ignored(str(relative))
