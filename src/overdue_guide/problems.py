"""The one shape of a problem a contributor has to fix, from every check to where they read it.

A check makes a `Problem` (file, line, column, what is wrong, how to fix it) from an entry of
the message catalogue (messages.py). The terminal prints it as ``path:line:col: 問題 — 改法``;
report.py turns the same object into a GitHub annotation and a row of the job summary. Nothing
downstream reads a problem back out of its printed line: the facts travel as fields.

MkDocs stops a build on an exception (PluginError) or a log record, both of which carry text.
`ProblemError` is a PluginError that also holds its Problems, and `log_extra` attaches a
Problem to a log record, so the build (build_site.py) takes them from the object, not the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from mkdocs.exceptions import PluginError

Severity = Literal["error", "warning"]  # GitHub's two annotation levels we use
FULL_WIDTH_CLOSING = ("」", "）", "』", "】")


@dataclass(frozen=True)
class Problem:
    """One mistake at one place: `path` relative to the project, `line` 1-based (0: the file as a whole)."""

    path: str
    line: int
    column: int | None
    message: str  # what is wrong, in the contributor's words
    fix: str = ""  # how to fix it; empty only where the message says it all
    severity: Severity = "error"

    @property
    def where(self) -> str:
        """``path:line:col`` (the parts known), as editors and GitHub link it."""
        line = f":{self.line}" if self.line else ""
        column = f":{self.column}" if self.column and self.line else ""
        return f"{self.path}{line}{column}"

    @property
    def text(self) -> str:
        """``問題 — 改法`` (「后」— 改…: a full-width bracket brings its own space), as an annotation shows it."""
        if not self.fix:
            return self.message
        dash = "— " if self.message.endswith(FULL_WIDTH_CLOSING) else " — "
        return f"{self.message}{dash}{self.fix}"

    def format(self) -> str:
        """The house contract: ``path:line:col: 問題 — 改法``."""
        return f"{self.where}: {self.text}"

    def noted(self, note: str) -> Problem:
        """The same problem with a note after it (the edition a converted build met it in)."""
        if not note:
            return self
        return replace(self, fix=self.fix + note) if self.fix else replace(self, message=self.message + note)

    def __str__(self) -> str:
        return self.format()


class ProblemError(PluginError):
    """A PluginError that keeps its Problems: MkDocs prints its text, the build reads the objects."""

    def __init__(self, problems: Problem | Iterable[Problem]):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(problem.format() for problem in self.problems))


# The attribute of a log record that holds its Problem (logging copies `extra` onto the record).
RECORD_ATTRIBUTE = "problem"


def log_extra(problem: Problem) -> dict[str, Problem]:
    """`extra=` for logging a Problem: the record keeps the object, its message is the printed line."""
    return {RECORD_ATTRIBUTE: problem}


def unique(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once, in order (two builds reading one data file meet its mistake twice)."""
    return list(dict.fromkeys(problems))
