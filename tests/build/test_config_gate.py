"""The publishing gate for mkdocs.yml's extra (overdue_guide.settings): a malformed edition,
download, data path or offline-page word stops the build at its mkdocs.yml line, in Chinese
with the fix, and the site published before stays exactly as it was (`previous`: tests/build/conftest.py)."""

from __future__ import annotations

import pytest

from support.gate import fails

# (what is wrong, the text replaced, its replacement, the text on the line reported in the changed file)
CASES = [
    ("missing-key", "      name: 简体中文\n", "", "    - lang: zh-Hans"),
    ("wrong-type", "      name: 简体中文\n", "      name: [简体中文]\n", "name: [简体中文]"),
    ("unknown-key", "      dismiss: 关闭\n", "      dismiss: 关闭\n      colour: red\n", "colour: red"),
    ("unknown-extra-key", "  short_title:", "  short_titel:", "short_titel:"),
    ("bad-output-kind", "    - format: zip\n", "    - format: epub\n", "format: epub"),
    ("output-not-a-mapping", "  outputs:\n", "  outputs:\n    - zip\n", "    - zip"),
    (
        "duplicate-edition",
        "    - lang: zh-Hans\n",
        "    - lang: zh-Hant\n",
        "    - lang: zh-Hant\n      name: 简体中文",
    ),
    ("single-page-word-missing", "        toc: 目錄\n", "", "note: 單頁網頁版"),
    ("data-file-missing", "    budget: data/budget.yml\n", "", "checklist: data/checklist.yml"),
    ("offline-word-missing", "    retry: 重新加載這一頁\n", "", "title: 目前沒有網絡連接"),
]


@pytest.mark.parametrize("old, new, at", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_malformed_setting_stops_the_build_at_its_line(project, previous, old, new, at):
    project.edit("mkdocs.yml", old, new)
    line = project.line_of("mkdocs.yml", at)
    problems = fails(project, previous, f"mkdocs.yml:{line}")
    assert "mkdocs.yml 的 extra" in problems
