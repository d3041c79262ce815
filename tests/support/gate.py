"""Building a broken copy of the project over a previous output, and reading what the gate said.

The gate's contract (issue 8): a mistake stops the build; a problem names the right source
file and line (for a problem only the zh-Hans edition meets: the zh-Hant source line, tagged
with the edition) and gives the fix in Chinese after " — "; nothing printed is a traceback;
the previous output is byte for byte what it was, with no temporary folder left beside it.
`fails` checks all of it, so each case states only its mistake and where it is.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CJK = re.compile(r"[\u4e00-\u9fff]")

# Personal data a contributor might paste, and the part of it each problem must point at.
PERSONAL_DATA = {
    "phone-touching-chinese": ("如有疑問可致電13800138000諮詢。", "13800138000"),
    "phone-international": ("客服經理的手機：+86 138 0013 8000。", "+86 138 0013 8000"),
    "phone-full-width-digits": ("聯繫１３８００１３８０００即可。", "１３８００１３８０００"),
    "qq": ("有問題加QQ號12345678交流。", "QQ號12345678"),
    "email-full-width-at": ("材料發到 helper＠example.com 就行。", "helper＠example.com"),
    "wechat-id": ("可以加微信號 debt_helper88 諮詢。", "加微信號 debt_helper88"),
    "id-card": ("我的身份證號是110101199003074514，供參考。", "110101199003074514"),
}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(site: Path) -> list[str]:
    """Temporary folders a build left beside its output."""
    return sorted(p.name for p in site.parent.glob(f".{site.name}.*") if p.is_dir())


def relative(problems: str, project) -> str:
    """Problems with the copy's own folder removed from paths (the real repo prints them relative)."""
    for root in {str(project.root), str(project.root.resolve())}:
        problems = problems.replace(root + os.sep, "")
    return problems


def check_problems(problems: str, where: str, *, edition: str | None = None) -> list[str]:
    """The problem lines at `where` ("path:line" or "path:line:col"); each a Chinese fix, no traceback."""
    assert problems, "the build passed: the mistake would have been published"
    assert "Traceback" not in problems and 'File "' not in problems, problems
    english = [line for line in problems.splitlines() if line.strip() and not CJK.search(line)]
    assert english == [], english  # every line in the contributors' language
    lines = [line for line in problems.splitlines() if re.match(rf"{re.escape(where)}(?::\d+)?: ", line)]
    assert lines, f"no problem at {where}:\n{problems}"
    assert any(re.search(r"—.*[\u4e00-\u9fff]", line) for line in lines), lines
    if edition:
        assert any(f"（{edition} 版" in line for line in lines), lines
    return lines


def every_line_names_a_line(problems: str) -> None:
    """Each printed line is a problem at path:line (the build's closing summary is not one more problem)."""
    assert all(re.match(r"\S+:\d+(?::\d+)?: ", line) for line in problems.splitlines()), problems


def fails(project, previous: Path, where: str, *, edition: str | None = None) -> str:
    """Build the copy over `previous`: it must fail at `where` and leave `previous` as it was."""
    before = snapshot(previous)
    problems = relative(project.build(previous), project)
    check_problems(problems, where, edition=edition)
    assert snapshot(previous) == before, "the previous output changed"
    assert leftovers(previous) == []
    return problems


def builds(project, site: Path) -> Path:
    """Build the copy into site: it must pass and leave no temporary folder."""
    problems = project.build(site)
    assert problems == "", problems
    assert leftovers(site) == []
    return site


RUNNER = """
import sys
from pathlib import Path
from overdue_guide import build_site
try:
    build_site.build_all(Path(sys.argv[2]), config_file=Path(sys.argv[1]))
except build_site.BuildFailed as failure:
    print("\\n".join(problem.format() for problem in failure.problems), file=sys.stderr)
    sys.exit(1)
"""


def fails_in_child(project, previous: Path, where: str, *, timeout: float = 180, edition: str | None = None) -> str:
    """As fails(), in a child process that must end by itself, by an exit (not a signal), in time:
    for input that could crash or hang the interpreter (hostile nesting, alias bombs)."""
    before = snapshot(previous)
    result = subprocess.run(
        [PYTHON, "-c", RUNNER, str(project.config), str(previous)],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=ENV,
    )
    assert result.returncode == 1, (result.returncode, result.stderr[-3000:])
    problems = relative(result.stderr, project)
    check_problems(problems, where, edition=edition)
    assert snapshot(previous) == before
    assert leftovers(previous) == []
    return problems


def append(project, name: str, text: str) -> int:
    """Add a paragraph at the end of a file of the copy; the line of its first line."""
    path = project.path(name)
    old = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{old}\n\n{text}\n", encoding="utf-8")
    return old.count("\n") + 3


def group_is_gone(pgid: int) -> bool:
    """No process of the group is left (a build must not leave children behind when stopped)."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False
