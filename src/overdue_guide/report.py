"""Problems where the contributor is looking: the terminal, the pull request's diff, the job summary.

Every check hands over its problems as Problem objects (problems.py) and they are printed as
``path:line:col: message — how to fix``. Under
GitHub Actions (GITHUB_ACTIONS=true) the same problems are also written as
workflow commands (``::error file=…,line=…,col=…,title=…::message``), which GitHub
shows on the changed lines of the pull request, and as a Chinese summary appended
to $GITHUB_STEP_SUMMARY (what failed, where, how to fix it, how to reproduce it).
Outside Actions nothing but the plain lines is printed.

    report.report(problems, title="內容檢查", command="./scripts/check")

Hand-written: the workflow-command format is a few lines of string escaping
(GitHub's "Workflow commands" reference); the toolkit that implements it is
JavaScript (@actions/core), and no maintained Python package does only this.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TextIO

from .problems import Problem

CONTRIBUTING = "CONTRIBUTING.md"
# GitHub shows at most 10 error and 10 warning annotations per step (50 per job).
ANNOTATIONS_SHOWN = 10


# -----------------------------------------------------------------------------
# Workflow commands (annotations)
# -----------------------------------------------------------------------------


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, *, title: str) -> str:
    """`::error file=…,line=…,col=…,title=…::message` for one problem."""
    props = {"file": problem.path}
    if problem.line:
        props["line"] = str(problem.line)
    if problem.column:
        props["col"] = str(problem.column)
    props["title"] = title
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{problem.severity} {joined}::{escape_data(problem.text)}"


# -----------------------------------------------------------------------------
# Job summary (Markdown, in Chinese)
# -----------------------------------------------------------------------------


def summary(problems: list[Problem], *, title: str, command: str, env: Mapping[str, str] = os.environ) -> str:
    """The job summary: what failed and where, how to fix it, how to reproduce it locally."""
    if not problems:
        return f"### ✅ {title}：沒有問題\n\n"
    rows = []
    for problem in problems:
        rows.append(f"| {_where(problem, env)} | {_cell(problem.message)} | {_cell(problem.fix) or '見左欄'} |")
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


def _where(problem: Problem, env: Mapping[str, str]) -> str:
    url = _blob_url(problem.path, env)
    anchor = f"#L{problem.line}" if problem.line else ""
    return f"[`{problem.where}`]({url}{anchor})" if url else f"`{problem.where}`"


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
