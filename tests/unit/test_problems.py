"""One Problem from a check to where the contributor reads it: the printed line is the house
contract `path:line:col: 問題 — 改法`, and every consumer reads the fields, not the line."""

from __future__ import annotations

import logging

import pytest
from mkdocs.exceptions import PluginError

from overdue_guide import messages, report
from overdue_guide.problems import Problem, ProblemError, log_extra, unique


@pytest.mark.parametrize(
    "problem, line",
    [
        (
            Problem("docs/a.md", 3, 7, "簡體字「后」", "繁體版應寫作「後」"),
            "docs/a.md:3:7: 簡體字「后」— 繁體版應寫作「後」",
        ),
        (
            Problem("data/b.yml", 4, None, "label 是空的", "在冒號後寫上文字"),
            "data/b.yml:4: label 是空的 — 在冒號後寫上文字",
        ),
        (Problem("mkdocs.yml", 0, None, "建置時出錯"), "mkdocs.yml: 建置時出錯"),
        (Problem("mkdocs.yml", 0, 5, "問題", "改法"), "mkdocs.yml: 問題 — 改法"),  # no column without a line
    ],
)
def test_a_problem_prints_as_the_house_contract(problem, line):
    assert problem.format() == line == str(problem)


def test_a_full_width_closing_bracket_brings_its_own_space_before_the_dash():
    assert Problem("a.md", 1, 1, "「后」", "改").text == "「后」— 改"
    assert Problem("a.md", 1, 1, "（NUL）", "改").text == "（NUL）— 改"
    assert Problem("a.md", 1, 1, "太長", "改").text == "太長 — 改"


def test_a_note_goes_after_the_fix_or_the_message():
    noted = Problem("a.md", 1, None, "問題", "改法").noted("（zh-Hans 版）")
    assert noted.format() == "a.md:1: 問題 — 改法（zh-Hans 版）"
    assert Problem("a.md", 1, None, "問題").noted("（zh-Hans 版）").format() == "a.md:1: 問題（zh-Hans 版）"


def test_a_catalogue_entry_places_its_words_and_fills_its_fields():
    problem = messages.SPAM_PHRASE.at("docs/index.md", 3, 5, phrase="小編")
    assert problem == Problem("docs/index.md", 3, 5, "來源網站的用語「小編」", "請刪除或改寫")
    assert messages.DATA_UNKNOWN_KEY.fields() == {"name", "where", "allowed"}


def test_a_field_may_share_a_name_with_a_place_argument():
    # Message.at's own parameters are positional-only: a template's {path} does not collide with them.
    problem = messages.WIDGET_PAGE_MISSING.at("data/budget.yml", 2, key="page", path="x.md", example="budget.md")
    assert problem.message == "page「x.md」不存在" and problem.path == "data/budget.yml"


def test_problem_error_is_a_plugin_error_that_keeps_its_problems():
    first, second = Problem("a.md", 1, None, "甲", "乙"), Problem("b.md", 2, None, "丙")
    error = ProblemError([first, second])
    assert isinstance(error, PluginError) and error.problems == [first, second]
    assert str(error) == "a.md:1: 甲 — 乙\nb.md:2: 丙"


def test_a_logged_problem_keeps_the_object_on_its_record(caplog):
    problem = Problem("a.md", 1, None, "甲", "乙")
    with caplog.at_level(logging.ERROR):
        logging.getLogger("test").error(problem.format(), extra=log_extra(problem))
    assert caplog.records[0].problem is problem and caplog.records[0].getMessage() == "a.md:1: 甲 — 乙"


def test_unique_keeps_the_first_of_each_in_order():
    a, b = Problem("a.md", 1, None, "甲"), Problem("b.md", 1, None, "乙")
    assert unique([a, b, a, Problem("a.md", 1, None, "甲")]) == [a, b]


def test_the_job_summary_and_the_annotation_read_the_fields():
    problem = Problem("docs/a.md", 3, 7, "簡體字「后」", "應寫作「後」", severity="warning")
    assert (
        report.annotation(problem, title="建置")
        == "::warning file=docs/a.md,line=3,col=7,title=建置::簡體字「后」— 應寫作「後」"
    )
    text = report.summary([problem], title="建置", command="./scripts/build", env={})
    assert "| 簡體字「后」 | 應寫作「後」 |" in text
