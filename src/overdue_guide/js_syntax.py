"""A syntax check of the site's JavaScript: ``node --check`` on every script we ship.

The widgets' scripts (overrides/) and the downloads' and service worker's (offline_assets/)
have no build step, so a stray bracket would reach readers' phones as a widget that silently
does nothing. Node parses each file without running it. Jinja templates that MkDocs renders
into scripts (overrides/assets/javascripts/widgets.js, which starts with ``{#``) are not
JavaScript until built; the files they include are checked one by one. Vendored code
(``vendor/``) is checked too: it ships to readers as well.

    python -m overdue_guide.js_syntax          (scripts/check runs it; CI through the unit tests)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "offline_assets"


def scripts(root: Path) -> list[Path]:
    """The project's JavaScript sources: overrides/ and the package's offline assets, templates left out."""
    found = sorted((root / "overrides").rglob("*.js")) + sorted(ASSETS.glob("*.js"))
    return [path for path in found if not path.read_text(encoding="utf-8").lstrip().startswith("{#")]


def check(paths: list[Path], node: str | None = None) -> list[str]:
    """One line per file node cannot parse: ``path:line: message`` (node's own words)."""
    node = node or shutil.which("node")
    if node is None:
        raise FileNotFoundError("node")
    problems = []
    for path in paths:
        result = subprocess.run([node, "--check", str(path)], capture_output=True, text=True)
        if result.returncode != 0:
            lines = result.stderr.strip().splitlines()
            where = lines[0] if lines else str(path)  # "/path/file.js:12"
            error = next((line for line in lines if "Error" in line), lines[-1] if lines else "")
            problems.append(f"{where}: {error}")
    return problems


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    try:
        problems = check(scripts(root))
    except FileNotFoundError:
        print("JavaScript 語法檢查：沒有找到 node，跳過（安裝 Node.js 後會檢查）", file=sys.stderr)
        return 0
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"JavaScript 語法檢查：{len(problems)} 個文件有語法錯誤", file=sys.stderr)
        return 1
    print("JavaScript 語法檢查：沒有問題")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
