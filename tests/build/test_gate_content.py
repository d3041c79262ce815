"""The publishing gate on content (issue 8): a contributor's mistake in a page (docs/) or a data
file (data/) stops the build at its file and line, and nothing is half-published.

Each case is made alone in a fresh copy of the project (the `project` fixture) and built, as
scripts/build does, over a previous output already in place; `support.gate.fails` asserts the
whole contract (a Chinese fix after " — ", no traceback, the previous output untouched). Cases of
one shape share one test and a table: a line added to a page, a line of a page or data file edited.
Cases that could crash or hang the interpreter are built in a child process with a timeout.
"""

from __future__ import annotations

import codecs
import logging
import re
import subprocess
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from overdue_guide import build_site, lint_content
from support.gate import (
    ENV,
    PERSONAL_DATA,
    PYTHON,
    append,
    builds,
    every_line_names_a_line,
    fails,
    fails_in_child,
)

ROOT = Path(__file__).resolve().parents[2]  # the project the tests build

HANS = "zh-Hans"


def first_non_ascii_line(text: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if not line.isascii())


# -----------------------------------------------------------------------------
# A line added to a page
# -----------------------------------------------------------------------------


class Added(NamedTuple):
    text: str
    column: int | None = None  # where the problem must point, when the check knows the column
    says: str | None = None  # a word the problem must contain
    page: str = "docs/causes.md"


PAGE_MISTAKES = {
    "heading-without-an-id": Added("## 其他原因\n\n還有一些其他原因。", column=1),
    "simplified-character": Added("逾期的后果很嚴重。", column=4),
    "taiwan-vocabulary": Added("請仔細閱讀合約內容。"),
    "half-width-punctuation-between-chinese": Added("收入減少,支出增加。", column=5),
    "checklist-marker-on-a-page-without-actions": Added("<!-- checklist -->"),
    "heading-id-equal-to-a-glossary-mark": Added("## 花唄的額度 {#glossary-ref-huabei}\n\n花唄的額度會因逾期而降低。"),
    "heading-id-equal-to-the-checklist-widgets-id": Added(
        "## 小結 {#checklist}\n\n本節總結上面的做法。", page="docs/response.md"
    ),
    "link-out-of-the-docs-folder": Added("見[說明](../README.md)。"),
    "link-to-a-missing-heading": Added("詳見[申請協商](response.md#apply-for-negotiation)。"),
    "link-to-a-missing-heading-on-the-same-page": Added("見[上文](#no-such-section)。"),
    "absolute-link": Added("詳見[應對措施](/response.md)。"),
    "link-with-the-wrong-case": Added("詳見[應對措施](Response.md)。"),
    "image-that-is-not-there": Added("![還款流程圖](images/flow.png)"),
    "remote-image": Added("![流程圖](https://example.com/flow.png)"),
    "remote-iframe": Added('<iframe src="https://player.example.com/video/1"></iframe>'),
    "remote-script": Added('<script src="https://cdn.example.com/widget.js"></script>'),
    "pinyin-tone-numbers": Added("借款人可以主動協商(xie2 shang1)延期。", says="拼音"),
    "pinyin-spaces": Added("借款人可以主動協商 (xié shāng) 延期。", says="拼音"),
    "pinyin-capitals": Added("借款人可以主動協商(Xié Shāng)延期。", says="拼音"),
}


@pytest.mark.parametrize("case", PAGE_MISTAKES)
def test_a_mistake_added_to_a_page(project, previous, case):
    added = PAGE_MISTAKES[case]
    line = append(project, added.page, added.text)
    where = f"{added.page}:{line}" + (f":{added.column}" if added.column else "")
    problems = fails(project, previous, where)
    if added.says:
        assert added.says in problems


@pytest.mark.parametrize("case", PERSONAL_DATA)
def test_personal_data_is_never_published(project, previous, case):
    text, found = PERSONAL_DATA[case]
    line = append(project, "docs/causes.md", text)
    problems = fails(project, previous, f"docs/causes.md:{line}:{text.index(found) + 1}")
    assert "個人信息" in problems
    every_line_names_a_line(problems)


# -----------------------------------------------------------------------------
# A line of a page or a data file edited
# -----------------------------------------------------------------------------


class Edit(NamedTuple):
    file: str
    old: str
    new: str
    offset: int = 0  # the problem's line, from the edited line
    says: str | None = None


EDITS = {
    "broken-link": Edit("docs/index.md", "(negotiation.md)", "(negotation.md)", says="negotation.md"),
    "markup-in-a-title": Edit("docs/causes.md", "description: ", "title: 逾期的<b>原因</b>\ndescription: "),
    "label-cut-short-by-a-hash": Edit(
        "data/checklist.yml", "label: 準備收入證明", "label: 準備收入證明 #和存摺", says="引號"
    ),
    "unclosed-quote-reported-where-it-opens": Edit("data/checklist.yml", "label: 準備收入證明", 'label: "準備收入證明'),
    "stage-id-checklist": Edit("data/checklist.yml", "- id: after-overdue", "- id: checklist"),
    "term-id-glossary": Edit("data/glossary.yml", "- id: alipay\n", "- id: glossary\n"),
    "glossary-page-set-to-the-checklist-page": Edit("data/glossary.yml", "page: glossary.md", "page: checklist.md"),
    "term-id-with-capitals": Edit("data/glossary.yml", "- id: alipay\n", "- id: Alipay\n"),
    "glossary-term-id-used-twice": Edit("data/glossary.yml", "- id: huabei\n", "- id: alipay\n"),
    "checklist-item-without-a-link": Edit(
        "data/checklist.yml", "        link: response.md#communicate-early\n", "", offset=-2
    ),
    "checklist-link-without-an-anchor": Edit(
        "data/checklist.yml", "link: response.md#communicate-early", "link: response.md"
    ),
    "checklist-link-climbing-out-of-docs": Edit(
        "data/checklist.yml", "link: response.md#communicate-early", "link: ../response.md#communicate-early"
    ),
    "unknown-key": Edit("data/checklist.yml", "label: 準備收入證明", "lable: 準備收入證明", says="lable"),
    "key-written-twice": Edit("data/glossary.yml", "  separator: 、", "  separator: 、\n  separator: ，", offset=1),
    "progress-string-without-its-placeholders": Edit(
        "data/checklist.yml", "progress: 已完成 {done}／{total}", "progress: 已完成"
    ),
    "checklist-page-that-does-not-exist": Edit("data/checklist.yml", "page: checklist.md", "page: check-list.md"),
    "glossary-page-that-does-not-exist": Edit("data/glossary.yml", "page: glossary.md", "page: terms.md"),
    "tab-indented-data-file": Edit("data/checklist.yml", "    name: 發現可能逾期時", "\tname: 發現可能逾期時"),
    "alias-in-a-data-file": Edit(
        "data/checklist.yml", "  page_heading: 本頁行動清單", "  page_heading: &heading 本頁行動清單"
    ),
}


@pytest.mark.parametrize("case", EDITS)
def test_a_mistake_edited_into_a_line(project, previous, case):
    edit = EDITS[case]
    line = project.edit(edit.file, edit.old, edit.new) + edit.offset
    problems = fails(project, previous, f"{edit.file}:{line}")
    if edit.says:
        assert edit.says in problems


# -----------------------------------------------------------------------------
# Pages
# -----------------------------------------------------------------------------


def test_a_glossary_term_that_appears_nowhere(project, previous):
    line = append(
        project,
        "data/glossary.yml",
        "  - id: nowhere-term\n    term: 從未出現的名詞\n    definition: 正文裡沒有這個名詞。",
    )
    fails(project, previous, f"data/glossary.yml:{line}")


@pytest.mark.parametrize("codec", ["big5", "utf-16"])
def test_a_page_in_another_encoding(project, previous, codec):
    text = project.path("docs/causes.md").read_text(encoding="utf-8")
    project.write("docs/causes.md", text.encode(codec))
    line = 1 if codec == "utf-16" else first_non_ascii_line(text)
    fails(project, previous, f"docs/causes.md:{line}")


@pytest.mark.parametrize("name", ["data/checklist.yml", "data/glossary.yml"])
@pytest.mark.parametrize("codec", ["big5", "utf-16"])
def test_a_data_file_in_another_encoding(project, previous, codec, name):
    text = project.path(name).read_text(encoding="utf-8")
    project.write(name, text.encode(codec, errors="replace"))  # Big5 has no ☑ and no á
    line = 1 if codec == "utf-16" else first_non_ascii_line(text)
    fails(project, previous, f"{name}:{line}")


@pytest.mark.parametrize("name, codec", [("docs/causes.md", "big5"), ("data/glossary.yml", "utf-16")])
def test_the_preview_says_what_the_lint_says_of_another_encoding(project, name, codec):
    """`mkdocs serve` and `mkdocs build` run no lint first: the hooks meet the file, and
    read it with the same decoder as scripts/check, so the contributor gets the same message."""
    text = project.path(name).read_text(encoding="utf-8")
    project.write(name, text.encode(codec, errors="replace"))
    lint = [problem.format() for problem in lint_content.lint_paths([project.path(name)])]
    [expected] = [line.replace(str(project.path(name)), name) for line in lint if "編碼" in line]
    result = subprocess.run(
        [PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(project.config), "-d", str(project.root / "out")],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=180,
        env=ENV,
    )
    assert result.returncode == 1
    assert expected in result.stderr, (expected, result.stderr[-2000:])
    assert "Traceback" not in result.stderr


def test_two_headings_with_the_same_id(project, previous):
    first = project.line_of("docs/causes.md", "{#")
    heading = re.search(
        r"\{#([\w-]+)\}", project.path("docs/causes.md").read_text(encoding="utf-8").splitlines()[first - 1]
    )
    line = append(project, "docs/causes.md", f"## 重複的標題 {{#{heading[1]}}}\n\n這一節的 id 和前面的標題相同。")
    problems = fails(project, previous, f"docs/causes.md:{line}")
    assert f"第 {first} 行" in problems  # and where the id was first used


@pytest.mark.parametrize(
    "hidden",
    [
        "```markdown\n## 只在代碼塊裡 {#hidden-anchor}\n```",
        "<!-- ## 只在註釋裡 {#hidden-anchor} -->",
        '<!-- <a id="hidden-anchor"></a> -->',
    ],
    ids=["code-block", "comment", "html-in-comment"],
)
def test_a_checklist_link_to_an_anchor_only_in_a_code_block_or_comment(project, previous, hidden):
    append(project, "docs/response.md", hidden)
    line = project.line_of("data/checklist.yml", "- id: repayment-plan")
    project.edit("data/checklist.yml", "link: response.md#repayment-plan", "link: response.md#hidden-anchor")
    assert "hidden-anchor" in fails(project, previous, f"data/checklist.yml:{line}")


def test_an_unexpected_error_on_a_page_still_names_the_page():
    error = RecursionError("maximum recursion depth exceeded")
    record = logging.LogRecord(
        "mkdocs.commands.build", logging.ERROR, "build.py", 1, f"Error reading page 'causes.md': {error}", None, None
    )
    record.funcName = "_populate_page"  # what MkDocs logs while the exception is handled (as a real build does)
    [problem] = build_site.translate(build_site.Logged(record, error, "causes.md"), ROOT / "mkdocs.yml")
    line = problem.format()
    assert line.startswith("docs/causes.md:1: ") and re.search(r"—.*[\u4e00-\u9fff]", line)


def test_a_page_with_a_nul_byte(project, previous):
    text = project.path("docs/causes.md").read_text(encoding="utf-8")
    project.write("docs/causes.md", text.replace("\n\n", "\n\x00\n", 1).encode("utf-8"))
    line = text[: text.index("\n\n")].count("\n") + 2
    assert "空字符" in fails(project, previous, f"docs/causes.md:{line}")


def test_a_page_missing_from_the_nav(project, previous):
    project.write("docs/extra-page.md", "# 補充說明 {#extra}\n\n補充一點說明。\n")
    fails(project, previous, "docs/extra-page.md:1")


def test_an_empty_page(project, previous):
    project.write("docs/summary.md", "")
    fails(project, previous, "docs/summary.md:1")


def test_a_page_without_a_title(project, previous):
    source = project.path("docs/summary.md").read_text(encoding="utf-8")
    h1 = re.search(r"^# .*\n", source, re.MULTILINE)[0]
    line = project.edit("docs/summary.md", h1, "") + 1  # the blank line after it is now line `line - 1`
    problems = fails(project, previous, f"docs/summary.md:{line}")
    assert "標題" in problems


# -----------------------------------------------------------------------------
# Front matter
# -----------------------------------------------------------------------------


def description_line(project) -> str:
    source = project.path("docs/causes.md").read_text(encoding="utf-8")
    return re.search(r"^description: .*$", source, re.MULTILINE)[0]


def test_a_tab_indented_front_matter(project, previous):
    old = description_line(project)
    line = project.edit("docs/causes.md", old, f"{old}\n\tauthor: 編輯組")
    fails(project, previous, f"docs/causes.md:{line + 1}")


def test_malformed_front_matter(project, previous):
    old = description_line(project)
    line = project.edit("docs/causes.md", old, old + "\ntitle: 逾期的原因: 收入減少")
    fails(project, previous, f"docs/causes.md:{line + 1}")


def test_front_matter_that_is_not_a_mapping(project, previous):
    old = description_line(project)
    line = project.edit("docs/causes.md", old, "- " + old)
    fails(project, previous, f"docs/causes.md:{line}")


def test_front_matter_never_closed(project, previous):
    source = project.path("docs/causes.md").read_text(encoding="utf-8")
    end = source.index("\n---\n", 3)
    project.write("docs/causes.md", source[:end] + source[end + 4 :])
    fails(project, previous, "docs/causes.md:1")


# -----------------------------------------------------------------------------
# What must build: a Chinese file name, quotes and markup in a description, a BOM
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("file_name", ["還款問題", "還款 問題"], ids=["cjk", "cjk-with-space"])
def test_a_page_with_a_chinese_file_name_builds_in_both_editions_nav_included(project, tmp_path, file_name):
    project.write(
        f"docs/{file_name}.md",
        "---\ndescription: 關於還款的常見問題，以及遇到困難時應該怎樣與平臺聯繫。\n---\n\n"
        "# 還款問題 {#repayment-questions}\n\n還款遇到困難時，先看[協商步驟](negotiation.md)。\n",
    )
    project.edit("mkdocs.yml", "  - glossary.md\n", f"  - glossary.md\n  - {file_name}.md\n")
    site = builds(project.without_downloads(), tmp_path / "site")
    for edition, title in (("", "還款問題"), ("zh-Hans/", "还款问题")):
        page = BeautifulSoup((site / edition / file_name / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.h1.get_text(strip=True).rstrip("#") == title
        home = BeautifulSoup((site / edition / "index.html").read_text(encoding="utf-8"), "html.parser")
        links = {a.get_text(strip=True): a["href"] for a in home.select("nav.md-nav--primary a.md-nav__link[href]")}
        assert title in links, links
        assert (site / edition).joinpath(unquote(links[title]), "index.html").is_file()


def meta_description(site: Path, page: str) -> str:
    html = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    return html.find("meta", attrs={"name": "description"})["content"]


def test_a_quote_in_a_description_builds_and_the_attribute_holds_all_of_it(project, tmp_path):
    text = '逾期的原因，包括平臺所說的"特殊情況"和收入減少。'
    project.edit("docs/causes.md", description_line(project), f"description: '{text}'")
    site = builds(project.without_downloads(), tmp_path / "site")
    assert meta_description(site, "causes") == text
    assert meta_description(site, "zh-Hans/causes") == '逾期的原因，包括平台所说的"特殊情况"和收入减少。'


def test_markup_in_a_description_is_escaped_never_run(project, tmp_path):
    text = "逾期的原因<script>alert(1)</script>與應對。"
    project.edit("docs/causes.md", description_line(project), f"description: '{text}'")
    site = builds(project.without_downloads(), tmp_path / "site")
    assert meta_description(site, "causes") == text
    html = (site / "causes" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html


def test_a_data_file_with_a_utf8_bom_builds(project, tmp_path):
    text = project.path("data/glossary.yml").read_text(encoding="utf-8")
    project.write("data/glossary.yml", codecs.BOM_UTF8 + text.encode("utf-8"))
    builds(project.without_downloads(), tmp_path / "site")


# -----------------------------------------------------------------------------
# Data files
# -----------------------------------------------------------------------------


def test_personal_data_in_a_data_file(project, previous):
    line = project.edit("data/checklist.yml", "label: 準備收入證明", "label: 準備收入證明，寄到 helper@example.com")
    col = project.path("data/checklist.yml").read_text(encoding="utf-8").splitlines()[line - 1].index("helper") + 1
    fails(project, previous, f"data/checklist.yml:{line}:{col}")


def test_a_stage_without_items(project, previous):
    text = project.path("data/checklist.yml").read_text(encoding="utf-8")
    stage = re.search(
        r"(  - id: after-overdue\n    name: [^\n]+\n    items:\n)((?:      [^\n]*\n|\n)+?)(?=  - id:)", text
    )
    line = text[: stage.start()].count("\n") + 3
    project.write("data/checklist.yml", text.replace(stage[0], stage[1].replace("items:", "items: []") + "\n"))
    fails(project, previous, f"data/checklist.yml:{line}")


def test_a_duplicate_glossary_alias(project, previous):
    alias = project.edit("data/glossary.yml", "    term: 支付寶\n", "    term: 支付寶\n    aliases: [花唄]\n") + 1
    # Terms are read in order: the term 花唄, further down, is the repeat, and both lines are named.
    line = project.line_of("data/glossary.yml", "term: 花唄")
    assert f"第 {alias} 行" in fails(project, previous, f"data/glossary.yml:{line}")


def test_a_glossary_form_that_only_collides_in_the_simplified_edition(project, previous):
    # 乾 and 幹 are both 干 in Simplified: two aliases in zh-Hant, the same word in zh-Hans.
    # Without downloads: only the zh-Hans site meets the collision, after the zh-Hant edition's
    # site (its downloads, a PDF among them, would only make the case slower to reach).
    edited = project.without_downloads().edit(
        "data/glossary.yml", "    term: 支付寶\n", "    term: 支付寶\n    aliases:\n      - 乾寶\n      - 幹寶\n"
    )
    fails(project, previous, f"data/glossary.yml:{edited + 3}", edition=HANS)


@pytest.mark.parametrize("name", ["data/checklist.yml", "data/glossary.yml"])
def test_a_data_file_emptied(project, previous, name):
    project.write(name, "")
    fails(project, previous, f"{name}:1")


@pytest.mark.parametrize("name", ["data/checklist.yml", "data/glossary.yml"])
def test_a_data_file_deleted(project, previous, name):
    project.path(name).unlink()
    line = project.line_of("mkdocs.yml", f": {name}")
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_a_data_file_with_windows_line_endings_reports_the_right_line(project, previous):
    line = project.edit("data/checklist.yml", "label: 準備收入證明", "label:")
    text = project.path("data/checklist.yml").read_text(encoding="utf-8")
    project.write("data/checklist.yml", text.replace("\n", "\r\n").encode("utf-8"))
    fails(project, previous, f"data/checklist.yml:{line}")


# -----------------------------------------------------------------------------
# Hostile input: built in a child process that must end by itself, in time
# -----------------------------------------------------------------------------


def test_200_kb_of_nested_brackets_neither_crashes_nor_hangs(project, previous):
    line = append(project, "docs/causes.md", "[" * 100_000 + "]" * 100_000)
    fails_in_child(project, previous, f"docs/causes.md:{line}")


HOSTILE_NESTING = {
    "lists": ("\n".join("    " * i + "- 項目" for i in range(300)), "    " * 21 + "- 項目"),
    "html-elements": ("<span>" * 50_000, "<span>"),
    "html-blocks": ('<div markdown="1">\n' * 3000 + "文字\n" + "</div>\n" * 3000, '<div markdown="1">'),
    "emphasis": ("*" * 20_000 + "強調" + "*" * 20_000, "*"),
    "quotes": (">" * 20_000 + " 引用", ">"),
}


@pytest.mark.parametrize("case", HOSTILE_NESTING)
def test_other_hostile_nesting_neither_crashes_nor_hangs(project, previous, case):
    text, first = HOSTILE_NESTING[case]
    line = append(project, "docs/causes.md", text)
    lines = text.splitlines()
    if case in ("lists", "html-blocks"):  # the first line past the bound
        line += next(i for i, text in enumerate(lines) if text.startswith(first)) + (
            20 if case == "html-blocks" else 0
        )  # the 21st <div> opens level 21
    fails_in_child(project, previous, f"docs/causes.md:{line}")


def test_a_page_too_large(project, previous):
    append(project, "docs/causes.md", ("這是一段很長的重複文字，用來測試頁面的大小上限。" * 40 + "\n\n") * 500)
    fails_in_child(project, previous, "docs/causes.md:1")


def glossary_definition(project) -> str:
    return re.search(r"definition: (螞蟻集團[^\n]*)", project.path("data/glossary.yml").read_text(encoding="utf-8"))[0]


def test_hostile_nesting_in_a_data_file(project, previous):
    line = project.edit("data/glossary.yml", glossary_definition(project), "definition: " + "<b>" * 50_000)
    fails_in_child(project, previous, f"data/glossary.yml:{line}")


def test_deep_yaml_nesting_in_a_data_file(project, previous):
    line = project.edit(
        "data/glossary.yml", glossary_definition(project), "definition: " + "[" * 100_000 + "]" * 100_000
    )
    fails_in_child(project, previous, f"data/glossary.yml:{line}")
