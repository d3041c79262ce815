"""Problems reach the contributor where they look: plain `path:line:col` lines in a
terminal; under GitHub Actions also annotations on the diff and a Chinese job summary."""

import pytest

from overdue_guide import lint_content, report
from overdue_guide.problems import Problem

BAD_PAGE = "# 標題 {#title}\n\n協商后果\n"


@pytest.fixture
def bad_page(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(BAD_PAGE, encoding="utf-8")
    return page


@pytest.fixture
def outside_actions(monkeypatch):
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)


def test_under_actions_a_bad_page_yields_error_annotations_and_a_summary(bad_page, tmp_path, monkeypatch, capsys):
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    assert lint_content.main([str(bad_page)]) == 1
    out = capsys.readouterr().out
    assert f"{bad_page}:3:3: 簡體字「后」" in out  # the plain line stays
    assert f"::error file={bad_page},line=3,col=3,title=內容檢查::簡體字「后」" in out
    summary = summary_file.read_text(encoding="utf-8")
    assert "內容檢查：1 個問題" in summary
    assert f"{bad_page}:3:3" in summary  # where
    assert "繁體版應寫作「後」" in summary  # how to fix
    assert "./scripts/check" in summary  # how to reproduce


def test_outside_actions_the_output_is_the_plain_lines_only(bad_page, outside_actions, capsys):
    assert lint_content.main([str(bad_page)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"{bad_page}:3:3: 簡體字「后」— 繁體版應寫作「後」（若兩種寫法都正確，把它加入 data/script-allowlist.yml）"
    ]


def test_a_clean_run_under_actions_writes_no_annotation(tmp_path, monkeypatch, capsys):
    page = tmp_path / "page.md"
    page.write_text("# 標題 {#title}\n\n協商後果。\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    assert lint_content.main([str(page)]) == 0
    assert "::" not in capsys.readouterr().out


@pytest.mark.parametrize(
    "message, escaped",
    [
        ("50% 完成", "50%25 完成"),
        ("第一行\n第二行\r", "第一行%0A第二行%0D"),
        ("a, b: c", "a, b: c"),  # the message itself keeps , and :
    ],
)
def test_annotation_messages_are_escaped_as_github_specifies(message, escaped):
    line = report.annotation(Problem("docs/a.md", 2, None, message), title="t")
    assert line == f"::error file=docs/a.md,line=2,title=t::{escaped}"


def test_annotation_properties_escape_comma_colon_and_percent():
    line = report.annotation(Problem("docs/a,b:c%.md", 1, 4, "m", severity="warning"), title="建置: zh-Hans, 100%")
    assert line == "::warning file=docs/a%2Cb%3Ac%25.md,line=1,col=4,title=建置%3A zh-Hans%2C 100%25::m"


def test_summary_names_place_problem_fix_and_command_and_links_the_file():
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc"}
    text = report.summary(
        [Problem("docs/a.md", 3, 7, "簡體字「后」", "應寫作「後」|x")],
        title="內容檢查",
        command="./scripts/check",
        env=env,
    )
    assert (
        "| [`docs/a.md:3:7`](https://github.com/o/r/blob/abc/docs/a.md#L3) | 簡體字「后」 | 應寫作「後」\\|x |" in text
    )
    assert "```sh\n./scripts/check\n```" in text


def test_the_annotation_carries_the_fix_and_a_problem_of_a_whole_file_no_line():
    problem = Problem("mkdocs.yml", 0, None, "問題", "改法")
    assert report.annotation(problem, title="建置") == "::error file=mkdocs.yml,title=建置::問題 — 改法"
    assert "| [`mkdocs.yml`](mkdocs.yml) | 問題 | 改法 |" in report.summary(
        [problem], title="建置", command="c", env={}
    )
