"""Problems reach the contributor where they look: plain `path:line:col` lines in a
terminal; under GitHub Actions also annotations on the diff and a Chinese job summary."""

import io

import pytest

from overdue_guide import lint_content, report
from overdue_guide.report import Problem

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
    line = report.annotation(Problem("docs/a,b:c%.md", 1, 4, "m", "warning"), title="建置: zh-Hans, 100%")
    assert line == "::warning file=docs/a%2Cb%3Ac%25.md,line=1,col=4,title=建置%3A zh-Hans%2C 100%25::m"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("docs/impact.md:12:18: 簡體字「后」— 改", Problem("docs/impact.md", 12, 18, "簡體字「后」— 改")),
        ("docs/impact.md:12: [zh-Hans] 連結壞了", Problem("docs/impact.md", 12, None, "[zh-Hans] 連結壞了")),
        (
            "ERROR   -  data/checklist.yml:46: id「x」重複了 — 換一個",
            Problem("data/checklist.yml", 46, None, "id「x」重複了 — 換一個"),
        ),
        (
            "WARNING -  glossary: data/glossary.yml:7: 「罰息」沒有出現在任何頁面",
            Problem("data/glossary.yml", 7, None, "「罰息」沒有出現在任何頁面", "warning"),
        ),
    ],
)
def test_parse_reads_every_form_the_checks_and_the_build_print(text, expected):
    assert report.parse(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "INFO    -  Building documentation...",
        "Doc file 'a.md' contains a link 'b.md', but the target is not found",
        "Note: 3: not a file",
        "built 20 pages (zh-Hant and zh-Hans) and 2 offline bundles into site",
    ],
)
def test_parse_skips_lines_that_name_no_file_and_line(text):
    assert report.parse(text) == []


def test_parse_keeps_a_problem_printed_twice_once():
    line = "ERROR   -  data/checklist.yml:46: id 重複了 — 換一個"
    assert len(report.parse([line, "INFO - zh-Hans", line])) == 1


def test_parse_then_format_gives_back_the_line():
    lines = ["docs/a.md:3:7: 問題 — 改法", "data/b.yml:4: 問題"]
    assert [p.format() for p in report.parse(lines)] == lines


def test_summary_names_place_problem_fix_and_command_and_links_the_file():
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc"}
    text = report.summary(
        [Problem("docs/a.md", 3, 7, "簡體字「后」— 應寫作「後」|x")],
        title="內容檢查",
        command="./scripts/check",
        env=env,
    )
    assert (
        "| [`docs/a.md:3:7`](https://github.com/o/r/blob/abc/docs/a.md#L3) | 簡體字「后」 | 應寫作「後」\\|x |" in text
    )
    assert "```sh\n./scripts/check\n```" in text


def test_the_cli_annotates_a_build_log_without_repeating_it(tmp_path, monkeypatch):
    log = tmp_path / "build.log"
    log.write_text("INFO - Building\nERROR   -  data/checklist.yml:46: id 重複了 — 換一個\n", encoding="utf-8")
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    assert report.main([str(log), "--title", "建置", "--command", "./scripts/build"]) == 0
    assert out.getvalue().splitlines() == ["::error file=data/checklist.yml,line=46,title=建置::id 重複了 — 換一個"]
    assert "./scripts/build" in summary_file.read_text(encoding="utf-8")


def test_the_cli_says_where_to_look_when_a_failure_names_no_file(tmp_path, monkeypatch):
    log = tmp_path / "build.log"
    log.write_text("Traceback (most recent call last):\n", encoding="utf-8")
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    assert report.main([str(log), "--title", "建置", "--command", "./scripts/build"]) == 0
    assert "建置失敗" in summary_file.read_text(encoding="utf-8")
