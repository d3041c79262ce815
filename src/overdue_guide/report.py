"""Problems where the contributor is looking: the terminal, the pull request's diff, the job summary.

Every check prints its problems as ``path:line:col: message — how to fix``. Under
GitHub Actions (GITHUB_ACTIONS=true) the same problems are also written as
workflow commands (``::error file=…,line=…,col=…,title=…::message``), which GitHub
shows on the changed lines of the pull request, and as a Chinese summary appended
to $GITHUB_STEP_SUMMARY (what failed, where, how to fix it, how to reproduce it).
Outside Actions nothing but the plain lines is printed.

    report.report(problems, title="內容檢查", command="./scripts/check")
    report.parse(build_output)          # lines in that format, from any tool

Hand-written: the workflow-command format is a few lines of string escaping
(GitHub's "Workflow commands" reference); the toolkit that implements it is
JavaScript (@actions/core), and no maintained Python package does only this.

    python scripts/report.py --title 建置 --command ./scripts/build build.log
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

CONTRIBUTING = "CONTRIBUTING.md"
# GitHub shows at most 10 error and 10 warning annotations per step (50 per job).
ANNOTATIONS_SHOWN = 10

# `path:line[:col]: message`, as our checks and MkDocs' hooks print it, optionally behind
# MkDocs' log prefix ("ERROR   -  ", "WARNING -  glossary: "). The path must name a file
# (an extension), so prose such as "Note: 3: …" is not taken for a location.
LINE = re.compile(
    r"^\s*(?:(?P<level>ERROR|WARNING|INFO)\s*-\s*)?(?:[A-Za-z_][\w.-]*:\s+)?"
    r"(?P<path>[^\s:][^:\n]*?\.[A-Za-z0-9]+):(?P<line>\d+)(?::(?P<col>\d+))?:\s*(?P<message>\S.*?)\s*$"
)


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int | None
    message: str
    severity: str = "error"  # or "warning": GitHub's two annotation levels we use

    def format(self) -> str:
        where = f"{self.path}:{self.line}" + (f":{self.column}" if self.column else "")
        return f"{where}: {self.message}"


# -----------------------------------------------------------------------------
# Reading problems printed by other tools
# -----------------------------------------------------------------------------


def parse(lines: str | Iterable[str], *, severity: str = "error") -> list[Problem]:
    """The problems among lines in `path:line[:col]: message` form; other lines are skipped.

    MkDocs' "WARNING -" prefix makes a warning; everything else gets `severity`. A problem
    printed twice (two builds reading the same data file) is kept once.
    """
    if isinstance(lines, str):
        lines = lines.splitlines()
    problems: list[Problem] = []
    for text in lines:
        m = LINE.match(text)
        if not m:
            continue
        level = "warning" if m["level"] == "WARNING" else severity
        problem = Problem(m["path"], int(m["line"]), int(m["col"]) if m["col"] else None, m["message"], level)
        if problem not in problems:
            problems.append(problem)
    return problems


# -----------------------------------------------------------------------------
# Workflow commands (annotations)
# -----------------------------------------------------------------------------


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, *, title: str) -> str:
    """`::error file=…,line=…,col=…,title=…::message` for one problem."""
    props = {"file": problem.path, "line": str(problem.line)}
    if problem.column:
        props["col"] = str(problem.column)
    props["title"] = title
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{problem.severity} {joined}::{escape_data(problem.message)}"


# -----------------------------------------------------------------------------
# Job summary (Markdown, in Chinese)
# -----------------------------------------------------------------------------


def summary(problems: list[Problem], *, title: str, command: str, env: Mapping[str, str] = os.environ) -> str:
    """The job summary: what failed and where, how to fix it, how to reproduce it locally."""
    if not problems:
        return f"### ✅ {title}：沒有問題\n\n"
    rows = []
    for problem in problems:
        what, fix = _split_fix(problem.message)
        rows.append(f"| {_where(problem, env)} | {_cell(what)} | {_cell(fix) or '見左欄'} |")
    shown = (
        f"\n在 Pull Request 的「Files changed」裡，出錯的那一行下面也有同樣的說明"
        f"（GitHub 每一步最多標出 {ANNOTATIONS_SHOWN} 個，完整清單在這裡）。\n"
    )
    return "\n".join(
        [
            f"### ❌ {title}：{len(problems)} 個問題",
            shown,
            "| 位置 | 問題 | 改法 |",
            "| --- | --- | --- |",
            *rows,
            "",
            f"**怎麼改**：照「改法」一欄修改那一行，提交（commit）到同一個 Pull Request，檢查會自動重跑。"
            f"每種提示的意思見 [{CONTRIBUTING}]({_blob_url(CONTRIBUTING, env)}) 的「自動檢查會告訴你什麼」。",
            "",
            "**在自己的電腦上重現**（需要 Python 3.11 以上）：",
            "",
            "```sh",
            command,
            "```",
            "",
        ]
    )


def _split_fix(message: str) -> tuple[str, str]:
    """("what is wrong", "how to fix it") from `message — how to fix`."""
    what, _, fix = message.partition("—")
    return what.strip(), fix.strip()


def _where(problem: Problem, env: Mapping[str, str]) -> str:
    label = problem.format().split(": ", 1)[0]
    url = _blob_url(problem.path, env)
    return f"[`{label}`]({url}#L{problem.line})" if url else f"`{label}`"


def _blob_url(path: str, env: Mapping[str, str]) -> str:
    """A link to the file at the commit being checked, when running in Actions."""
    server, repo, sha = (env.get(k, "") for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    return f"{server}/{repo}/blob/{sha}/{path}" if server and repo and sha else path


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ").strip()


# -----------------------------------------------------------------------------
# All of it
# -----------------------------------------------------------------------------


def in_actions(env: Mapping[str, str] = os.environ) -> bool:
    return env.get("GITHUB_ACTIONS") == "true"


def report(
    problems: list[Problem],
    *,
    title: str,
    command: str,
    plain: bool = True,
    out: TextIO | None = None,
    env: Mapping[str, str] = os.environ,
) -> None:
    """Print problems as `path:line:col: message`; in Actions also annotate and summarise."""
    out = out or sys.stdout
    if plain:
        for problem in problems:
            print(problem.format(), file=out)
    if not in_actions(env):
        return
    for problem in problems:
        print(annotation(problem, title=title), file=out)
    summary_file = env.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        with open(summary_file, "a", encoding="utf-8") as f:
            f.write(summary(problems, title=title, command=command, env=env))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="Annotate and summarise the `path:line:col: message` lines of a log (GitHub Actions)."
    )
    parser.add_argument("log", type=Path, help="a file holding another command's output")
    parser.add_argument("--title", required=True, help="the check's name, e.g. 建置")
    parser.add_argument("--command", required=True, help="the command that reproduces it locally")
    args = parser.parse_args(argv)
    text = args.log.read_text(encoding="utf-8", errors="replace") if args.log.exists() else ""
    problems = parse(text)
    # The log was already printed by the step that made it: add only what Actions shows.
    report(problems, title=args.title, command=args.command, plain=False)
    if not problems and in_actions() and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as f:
            f.write(
                f"### ❌ {args.title}失敗\n\n輸出裡沒有指出文件和行號的提示：打開這一步的日誌看最後幾行，"
                f"或在自己的電腦上執行 `{args.command}`。看不懂的話在 Pull Request 裡留言，我們會幫忙。\n\n"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
