"""scripts/build under GitHub Actions: a contributor's mistake becomes an annotation on the
changed line and a Chinese job summary; outside Actions only the plain lines are printed."""

from __future__ import annotations

from overdue_guide import build_site


def fail(project) -> list[str]:
    line = project.edit("data/checklist.yml", "label: 準備收入證明", "label:")
    try:
        build_site.build_all(project.root / "site", config_file=project.config)
    except build_site.BuildFailed as failure:
        return line, failure.problems
    raise AssertionError("the build should have failed")


def test_under_actions_a_failed_build_annotates_the_line_and_writes_a_summary(project, tmp_path, monkeypatch, capsys):
    line, problems = fail(project)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    build_site.report(problems)
    out, err = capsys.readouterr()
    assert "::error file=" in out and f"data/checklist.yml,line={line}" in out and "label 是空的" in out
    assert f"checklist.yml:{line}: label 是空的" in err  # the plain line too
    text = summary.read_text(encoding="utf-8")
    assert "label 是空的" in text and "./scripts/build" in text


def test_outside_actions_a_failed_build_prints_only_the_plain_lines(project, monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    line, problems = fail(project)
    build_site.report(problems)
    out, err = capsys.readouterr()
    assert "::error" not in out + err and f"checklist.yml:{line}: label 是空的" in err
