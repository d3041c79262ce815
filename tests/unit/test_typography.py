"""The typography check (AutoCorrect, configured by .autocorrectrc) reports spacing and
punctuation mistakes as file:line:column, and leaves Markdown and YAML syntax alone."""

from pathlib import Path

import pytest

from overdue_guide import lint_content, typography

ROOT = Path(__file__).resolve().parents[2]
PAGE = Path("page.md")  # outside the project: never ignored
DATA = Path("data.yml")


def found(text, file=PAGE):
    return [(p.line, p.column, p.text) for p in typography.lint(text, file)]


@pytest.mark.parametrize(
    "text, column, old, new",
    [
        ("打開支付寶App查看", 6, "打開支付寶App查看", "打開支付寶 App 查看"),
        ("在2026年還清", 2, "在2026年還清", "在 2026 年還清"),
        ("逾期後,請聯繫平臺", 4, "逾期後,請聯繫平臺", "逾期後，請聯繫平臺"),
    ],
)
def test_spacing_and_half_width_punctuation_are_reported_with_column_and_fix(text, column, old, new):
    [(line, col, message)] = found(f"# 標題 {{#t}}\n\n{text}\n")
    assert (line, col) == (3, column)
    assert f"「{old}」" in message and f"「{new}」" in message


def test_the_projects_own_spacing_passes():
    assert found("打開支付寶 App 查看，2026 年起計算，已完成 3／10。\n") == []


@pytest.mark.parametrize(
    "text",
    [
        '!!! warning "免責聲明"\n\n    本指南僅提供一般信息。\n',
        "## 準備材料 {#prepare-documents}\n",
        "---\ndescription: 支付寶貸款逾期了怎麼辦？\n---\n\n# 標題 {#home}\n",
        "[協商的具體步驟](negotiation.md#prepare-documents)\n",
        "```text\n中文App,說明\n```\n",
        "<!-- checklist -->\n",
    ],
)
def test_markdown_syntax_is_left_alone(text):
    assert found(text) == []


def test_admonition_bodies_are_checked_at_their_real_column():
    text = '!!! warning "免責聲明"\n\n    請以支付寶App為準。\n'
    [(line, col, _)] = found(text)
    assert (line, col) == (3, 10)


def test_a_passage_can_be_skipped_in_place():
    text = "<!-- autocorrect-disable -->\n按原文引用:支付寶App\n<!-- autocorrect-enable -->\n"
    assert found(text) == []


def test_yaml_keys_and_comments_syntax_are_left_alone_but_values_are_checked():
    assert found("page: checklist.md\nstrings:\n  progress: 已完成 {done}／{total}\n", DATA) == []
    assert [line for line, _, _ in found("strings:\n  reset: 重置App\n", DATA)] == [2]


def test_the_ignore_file_skips_the_allow_list_notes():
    allowlist = ROOT / "data" / "script-allowlist.yml"
    notes = "zh-Hant:\n  了: 「了解」is standard alongside 瞭解.\n"
    assert typography.lint(notes, allowlist) == []
    assert typography.lint(notes, ROOT / "data" / "other.yml") != []


def test_the_content_lint_reports_typography_as_file_line_column(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    page = tmp_path / "page.md"
    page.write_text("# 標題 {#title}\n\n打開支付寶App查看\n", encoding="utf-8")
    assert lint_content.main([str(page)]) == 1
    assert f"{page}:3:6: 排版「打開支付寶App查看」" in capsys.readouterr().out


def test_the_published_pages_and_data_pass():
    problems = [
        p.format()
        for f in sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "data").rglob("*.yml"))
        for p in typography.lint(f.read_text(encoding="utf-8"), f)
    ]
    assert problems == []
