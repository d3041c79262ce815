"""Every script we ship parses (node --check): overrides/ and the package's offline assets."""

from __future__ import annotations

import shutil
from pathlib import Path

from overdue_guide import js_syntax

ROOT = Path(__file__).resolve().parents[2]


def test_node_is_installed():
    # scripts/setup --test installs it; without it the check below would have nothing to run.
    assert shutil.which("node")


def test_every_script_parses():
    paths = js_syntax.scripts(ROOT)
    assert ROOT / "overrides" / "assets" / "javascripts" / "glossary.js" in paths
    assert js_syntax.ASSETS / "sw.js" in paths
    assert ROOT / "overrides" / "assets" / "javascripts" / "widgets.js" not in paths  # a Jinja template
    assert js_syntax.check(paths) == []


def test_a_syntax_error_names_the_file_and_line(tmp_path):
    broken = tmp_path / "broken.js"
    broken.write_text("const a = 1\nconst b = ;\nconst c = 3\n", encoding="utf-8")
    [problem] = js_syntax.check([broken])
    assert problem.startswith(f"{broken}:2: SyntaxError")
