"""The publishing gate's pure parts: bounds on hostile text, front matter, repeated ids, mkdocs.yml
size, and OS errors in the contributors' words (the builds are in tests/build/test_gate_*.py)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from overdue_guide import build_site, data_file, page_checks, publish

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("page", sorted((ROOT / "docs").glob("*.md")), ids=lambda p: p.name)
def test_real_pages_are_not_hostile(page):
    assert page_checks.hostile(page.read_text(encoding="utf-8")) is None


@pytest.mark.parametrize(
    "text, line",
    [
        ("# 標題\n\n" + "[" * 21 + "]" * 21, 3),
        ("# 標題\n" + "<span>" * 21, 2),
        ("# 標題\n" + "<br>" * 100 + "<img src=a.png/>" * 100, None),  # void elements never nest
        ("# 標題\n\n" + "\n".join("    " * i + "- 項" for i in range(30)), 24),
        ("# 標題\n" + ">" * 21 + " 引用", 2),
        ("# 標題\n" + "*" * 41 + "強調", 2),
        ("# 標題\n\n**粗體** 和 *斜體*，分隔線：\n\n---\n", None),
    ],
)
def test_hostile_names_the_first_line_past_a_bound(text, line):
    found = page_checks.hostile(text)
    assert (found and found.line) == line


@pytest.mark.parametrize(
    "source, line",
    [
        ("---\ndescription: 一句話\n---\n# 標題\n", None),
        ("---\ndescription: 一句話\n\tauthor: 甲\n---\n# 標題\n", 3),
        ("---\ndescription: 一句話\ntitle: 甲: 乙\n---\n# 標題\n", 3),
        ("---\n- description: 一句話\n---\n# 標題\n", 2),
        ("---\ndescription: 一句話\n# 標題\n", 1),
        ("# 標題\n", None),
    ],
)
def test_front_matter_problem_names_the_line(source, line):
    found = page_checks.front_matter_problem(source)
    assert (found and found[0]) == line


def test_repeated_ids_are_found_at_their_second_use_outside_code():
    source = "# 甲 {#a}\n\n```\n## 乙 {#a}\n```\n\n## 丙 {#a}\n"
    assert page_checks.id_lines(source, "a") == [1, 7]


@pytest.mark.parametrize(
    "text, line",
    [
        ("a: [1, [2, [3]]]\n", None),
        ("a:\n  b: " + "[" * 21 + "]" * 21 + "\n", 2),
        ("a:\n" + " " * 81 + "b: c\n", 2),
    ],
)
def test_data_file_nesting_line(text, line):
    assert data_file.nesting_line(text) == line


def test_config_too_large_names_the_key_where_aliases_explode(tmp_path):
    config = tmp_path / "mkdocs.yml"
    lines = ["site_name: 甲", "extra:", '  a: &a ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]']
    for name, prev in zip("bcdefg", "abcdef"):
        lines.append(f"  {name}: &{name} [{', '.join(['*' + prev] * 10)}]")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problem = build_site.config_too_large(config)
    assert problem and problem.line == 7  # e: 10^5 values and their lists, the first key past the bound
    config.write_text("site_name: 甲\nextra:\n  a: &a [1, 2]\n  b: [*a, *a]\n", encoding="utf-8")
    assert build_site.config_too_large(config) is None


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS, errno.ENOSPC, errno.EEXIST])
def test_os_errors_are_explained_in_chinese(code):
    assert publish.reason(OSError(code, "English")) != "English"


def test_every_build_reads_the_allow_list_of_the_project_it_builds(tmp_path):
    # The pages' and the theme's personal-data checks read one allow-list: the built project's own
    # data/lint-allowlist.yml (a copy of the project is checked against the copy's list).
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 標題 {#title}\n\n客服 400-000-0000\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: 客服 400-000-0000\n", encoding="utf-8")
    assert len(page_checks.run_content_lint(tmp_path, tmp_path / "docs")) == 2
    (tmp_path / "data" / "lint-allowlist.yml").write_text(
        "personal-data:\n  400-000-0000: 示例號碼\n", encoding="utf-8"
    )
    assert page_checks.run_content_lint(tmp_path, tmp_path / "docs") == []
