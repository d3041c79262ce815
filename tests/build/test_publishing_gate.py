"""The publishing gate (issue 8): every contributor mistake stops the build, and nothing is
ever half-published.

Each case is made alone in a fresh copy of the project (tests/conftest.py: `project`) and
built, as scripts/build does, over a previous output already in place. Each asserts that
the build failed; that a problem names the right source file and line (for a problem only
the zh-Hans edition meets: the zh-Hant source line, tagged with the edition) and gives the
fix in Chinese after " — "; that nothing printed is a traceback; and that the previous
output is byte for byte what it was, with no temporary folder left beside it.

Cases that could crash or hang the interpreter (hostile nesting, alias bombs) are built in
a child process with a timeout. The process-level cases (exit status, signals, a site path
that cannot be written, two builds at once) run the real command line.
"""

from __future__ import annotations

import codecs
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from overdue_guide import lint_content

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
CJK = re.compile(r"[\u4e00-\u9fff]")
HANS = "zh-Hans"


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(site: Path) -> list[str]:
    """Temporary folders a build left beside its output."""
    return sorted(p.name for p in site.parent.glob(f".{site.name}.*") if p.is_dir())


@pytest.fixture
def previous(tmp_path) -> Path:
    """A small earlier output, already published where the build will publish."""
    site = tmp_path / "published" / "site"
    files = {
        "index.html": "<!doctype html><title>舊的首頁</title><p>上一次發佈的網站</p>",
        "response/index.html": "<!doctype html><p>逾期後的應對措施</p>",
        "zh-Hans/index.html": "<!doctype html><p>上一次发布的网站</p>",
        "assets/stylesheets/extra.css": "body { color: black }\n",
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    (site / "download").mkdir()
    (site / "download" / "guide.zip").write_bytes(bytes(range(256)) * 4)
    return site


def relative(problems: str, project) -> str:
    """Problems with the copy's own folder removed from paths (the real repo prints them relative)."""
    for root in {str(project.root), str(project.root.resolve())}:
        problems = problems.replace(root + os.sep, "")
    return problems


def check_problems(problems: str, where: str, *, edition: str | None = None) -> list[str]:
    """The problem lines at `where` ("path:line" or "path:line:col"); each a Chinese fix, no traceback."""
    assert problems, "the build passed: the mistake would have been published"
    assert "Traceback" not in problems and 'File "' not in problems, problems
    english = [line for line in problems.splitlines() if line.strip() and not CJK.search(line)]
    assert english == [], english  # every line in the contributors' language
    lines = [line for line in problems.splitlines() if re.match(rf"{re.escape(where)}(?::\d+)?: ", line)]
    assert lines, f"no problem at {where}:\n{problems}"
    assert any(re.search(r"—.*[\u4e00-\u9fff]", line) for line in lines), lines
    if edition:
        assert any(f"（{edition} 版" in line for line in lines), lines
    return lines


def fails(project, previous: Path, where: str, *, edition: str | None = None) -> str:
    """Build the copy over `previous`: it must fail at `where` and leave `previous` as it was."""
    before = snapshot(previous)
    problems = relative(project.build(previous), project)
    check_problems(problems, where, edition=edition)
    assert snapshot(previous) == before, "the previous output changed"
    assert leftovers(previous) == []
    return problems


def builds(project, site: Path) -> Path:
    problems = project.build(site)
    assert problems == "", problems
    assert leftovers(site) == []
    return site


RUNNER = """
import sys
from pathlib import Path
from overdue_guide import build_site
try:
    build_site.build_all(Path(sys.argv[2]), config_file=Path(sys.argv[1]))
except build_site.BuildFailed as failure:
    print("\\n".join(problem.format() for problem in failure.problems), file=sys.stderr)
    sys.exit(1)
"""


def fails_in_child(project, previous: Path, where: str, *, timeout: float = 180, edition: str | None = None) -> str:
    """As fails(), in a child process that must end by itself, by an exit (not a signal), in time."""
    before = snapshot(previous)
    result = subprocess.run(
        [PYTHON, "-c", RUNNER, str(project.config), str(previous)],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1, (result.returncode, result.stderr[-3000:])
    problems = relative(result.stderr, project)
    check_problems(problems, where, edition=edition)
    assert snapshot(previous) == before
    assert leftovers(previous) == []
    return problems


def append(project, name: str, text: str) -> int:
    """Add a paragraph at the end of a file of the copy; the line of its first line."""
    path = project.path(name)
    old = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{old}\n\n{text}\n", encoding="utf-8")
    return old.count("\n") + 3


def first_non_ascii_line(text: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if not line.isascii())


# -----------------------------------------------------------------------------
# The cases named in issue 8
# -----------------------------------------------------------------------------


def test_a_broken_link(project, previous):
    line = project.edit("docs/index.md", "(negotiation.md)", "(negotation.md)")
    problems = fails(project, previous, f"docs/index.md:{line}")
    assert "negotation.md" in problems


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
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1
    assert expected in result.stderr, (expected, result.stderr[-2000:])
    assert "Traceback" not in result.stderr


def test_a_label_cut_short_by_a_hash(project, previous):
    line = project.edit("data/checklist.yml", "label: 準備收入證明", "label: 準備收入證明 #和存摺")
    assert "引號" in fails(project, previous, f"data/checklist.yml:{line}")


def test_two_headings_with_the_same_id(project, previous):
    first = project.line_of("docs/causes.md", "{#")
    heading = re.search(
        r"\{#([\w-]+)\}", project.path("docs/causes.md").read_text(encoding="utf-8").splitlines()[first - 1]
    )
    line = append(project, "docs/causes.md", f"## 重複的標題 {{#{heading[1]}}}\n\n這一節的 id 和前面的標題相同。")
    problems = fails(project, previous, f"docs/causes.md:{line}")
    assert f"第 {first} 行" in problems  # and where the id was first used


def test_a_heading_id_equal_to_the_checklist_widgets_id(project, previous):
    line = append(project, "docs/response.md", "## 小結 {#checklist}\n\n本節總結上面的做法。")
    fails(project, previous, f"docs/response.md:{line}")


def test_a_stage_id_checklist(project, previous):
    line = project.edit("data/checklist.yml", "- id: after-overdue", "- id: checklist")
    fails(project, previous, f"data/checklist.yml:{line}")


def test_a_term_id_glossary(project, previous):
    line = project.edit("data/glossary.yml", "- id: alipay\n", "- id: glossary\n")
    fails(project, previous, f"data/glossary.yml:{line}")


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


def test_the_glossary_page_set_to_the_checklist_page(project, previous):
    line = project.edit("data/glossary.yml", "page: glossary.md", "page: checklist.md")
    fails(project, previous, f"data/glossary.yml:{line}")


def test_an_unclosed_quote_is_reported_where_it_opens(project, previous):
    line = project.edit("data/checklist.yml", "label: 準備收入證明", 'label: "準備收入證明')
    fails(project, previous, f"data/checklist.yml:{line}")


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


def test_hostile_nesting_in_a_data_file(project, previous):
    old = re.search(r"definition: (螞蟻集團[^\n]*)", project.path("data/glossary.yml").read_text(encoding="utf-8"))[0]
    line = project.edit("data/glossary.yml", old, "definition: " + "<b>" * 50_000)
    fails_in_child(project, previous, f"data/glossary.yml:{line}")


def test_deep_yaml_nesting_in_a_data_file(project, previous):
    old = re.search(r"definition: (螞蟻集團[^\n]*)", project.path("data/glossary.yml").read_text(encoding="utf-8"))[0]
    line = project.edit("data/glossary.yml", old, "definition: " + "[" * 100_000 + "]" * 100_000)
    fails_in_child(project, previous, f"data/glossary.yml:{line}")


def test_deep_yaml_nesting_in_mkdocs_yml(project, previous):
    text = project.config.read_text(encoding="utf-8").rstrip("\n") + "\n"
    line = text.count("\n") + 1
    project.write("mkdocs.yml", text + "  deep: " + "[" * 100_000 + "]" * 100_000 + "\n")
    fails_in_child(project, previous, f"mkdocs.yml:{line}")


def test_an_unexpected_error_on_a_page_still_names_the_page():
    import logging

    from overdue_guide import build_site

    error = RecursionError("maximum recursion depth exceeded")
    record = logging.LogRecord(
        "mkdocs.commands.build", logging.ERROR, "build.py", 1, f"Error reading page 'causes.md': {error}", None, None
    )
    record.funcName = "_populate_page"  # what MkDocs logs while the exception is handled (as a real build does)
    [problem] = build_site.translate(build_site.Logged(record, error, "causes.md"), ROOT / "mkdocs.yml")
    line = problem.format()
    assert line.startswith("docs/causes.md:1: ") and re.search(r"—.*[\u4e00-\u9fff]", line)


BILLION_LAUGHS = """\
  laughs: &a ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]
  laughs2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
  laughs3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
  laughs4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
  laughs5: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
  laughs6: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
  laughs7: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
  laughs8: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
  laughs9: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_a_billion_laughs_under_extra_is_bounded(project, previous):
    text = project.config.read_text(encoding="utf-8").rstrip("\n") + "\n"
    line = text.count("\n") + 1
    project.write("mkdocs.yml", text + BILLION_LAUGHS)
    problems = fails_in_child(project, previous, "mkdocs.yml", timeout=120)
    # At the key where the bound was reached, inside the structure.
    assert {int(n) for n in re.findall(r"^mkdocs\.yml:(\d+):", problems, re.MULTILINE)} <= set(range(line, line + 9))


PERSONAL_DATA = {
    "phone-touching-chinese": ("如有疑問可致電13800138000諮詢。", "13800138000"),
    "phone-international": ("客服經理的手機：+86 138 0013 8000。", "+86 138 0013 8000"),
    "phone-full-width-digits": ("聯繫１３８００１３８０００即可。", "１３８００１３８０００"),
    "qq": ("有問題加QQ號12345678交流。", "QQ號12345678"),
    "email-full-width-at": ("材料發到 helper＠example.com 就行。", "helper＠example.com"),
    "wechat-id": ("可以加微信號 debt_helper88 諮詢。", "加微信號 debt_helper88"),
    "id-card": ("我的身份證號是110101199003074514，供參考。", "110101199003074514"),
}


@pytest.mark.parametrize("case", PERSONAL_DATA)
def test_personal_data_is_never_published(project, previous, case):
    text, found = PERSONAL_DATA[case]
    line = append(project, "docs/causes.md", text)
    problems = fails(project, previous, f"docs/causes.md:{line}:{text.index(found) + 1}")
    assert "個人信息" in problems
    every_line_names_a_line(problems)


def every_line_names_a_line(problems: str) -> None:
    # The summary a build logs after the problems ("內容檢查發現 N 處…") is not one more problem.
    assert all(re.match(r"\S+:\d+(?::\d+)?: ", line) for line in problems.splitlines()), problems


def test_personal_data_in_a_data_file(project, previous):
    line = project.edit("data/checklist.yml", "label: 準備收入證明", "label: 準備收入證明，寄到 helper@example.com")
    col = project.path("data/checklist.yml").read_text(encoding="utf-8").splitlines()[line - 1].index("helper") + 1
    fails(project, previous, f"data/checklist.yml:{line}:{col}")


def test_personal_data_in_mkdocs_yml(project, previous):
    line = project.edit(
        "mkdocs.yml", "site_author: 逾期協商指南編輯組", "site_author: 逾期協商指南編輯組（微信號 debt_helper88）"
    )
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_personal_data_in_a_theme_template(project, previous, own_overrides):
    [template] = sorted(own_overrides.rglob("*.html"))[:1]
    text = template.read_text(encoding="utf-8")
    template.write_text(text + "\n<!-- 有問題聯繫 13800138000 -->\n", encoding="utf-8")
    name = template.relative_to(project.root).as_posix()
    every_line_names_a_line(fails(project, previous, f"{name}:{text.count(chr(10)) + 2}"))


PINYIN = {
    "tone-numbers": "借款人可以主動協商(xie2 shang1)延期。",
    "spaces": "借款人可以主動協商 (xié shāng) 延期。",
    "capitals": "借款人可以主動協商(Xié Shāng)延期。",
}


@pytest.mark.parametrize("case", PINYIN)
def test_pinyin_left_in_the_text(project, previous, case):
    text = PINYIN[case]
    line = append(project, "docs/causes.md", text)
    problems = fails(project, previous, f"docs/causes.md:{line}")
    assert "拼音" in problems


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
    project.edit("docs/causes.md", "description: ", "description: ")
    source = project.path("docs/causes.md").read_text(encoding="utf-8")
    old = re.search(r"^description: .*$", source, re.MULTILINE)[0]
    project.edit("docs/causes.md", old, f"description: '{text}'")
    site = builds(project.without_downloads(), tmp_path / "site")
    assert meta_description(site, "causes") == text
    assert meta_description(site, "zh-Hans/causes") == '逾期的原因，包括平台所说的"特殊情况"和收入减少。'


def test_markup_in_a_title_is_refused(project, previous):
    line = project.edit("docs/causes.md", "description: ", "title: 逾期的<b>原因</b>\ndescription: ")
    fails(project, previous, f"docs/causes.md:{line}")


def test_markup_in_a_description_is_escaped_never_run(project, tmp_path):
    source = project.path("docs/causes.md").read_text(encoding="utf-8")
    old = re.search(r"^description: .*$", source, re.MULTILINE)[0]
    text = "逾期的原因<script>alert(1)</script>與應對。"
    project.edit("docs/causes.md", old, f"description: '{text}'")
    site = builds(project.without_downloads(), tmp_path / "site")
    assert meta_description(site, "causes") == text
    html = (site / "causes" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html


# -----------------------------------------------------------------------------
# Neighbours: other mistakes a contributor can make in GitHub's web editor
# -----------------------------------------------------------------------------


def test_a_tab_indented_data_file(project, previous):
    line = project.edit("data/checklist.yml", "    name: 發現可能逾期時", "\tname: 發現可能逾期時")
    fails(project, previous, f"data/checklist.yml:{line}")


def test_a_tab_indented_mkdocs_yml(project, previous):
    line = project.edit("mkdocs.yml", "    checklist: data/checklist.yml", "\tchecklist: data/checklist.yml")
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_a_tab_indented_front_matter(project, previous):
    source = project.path("docs/causes.md").read_text(encoding="utf-8")
    old = re.search(r"^description: .*$", source, re.MULTILINE)[0]
    line = project.edit("docs/causes.md", old, f"{old}\n\tauthor: 編輯組")
    fails(project, previous, f"docs/causes.md:{line + 1}")


def test_a_page_missing_from_the_nav(project, previous):
    project.write("docs/extra-page.md", "# 補充說明 {#extra}\n\n補充一點說明。\n")
    fails(project, previous, "docs/extra-page.md:1")


def test_a_nav_entry_to_a_missing_file(project, previous):
    line = project.edit("mkdocs.yml", "  - summary.md\n", "  - summary.md\n  - faq.md\n") + 1
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_a_link_to_a_missing_heading(project, previous):
    line = append(project, "docs/causes.md", "詳見[申請協商](response.md#apply-for-negotiation)。")
    fails(project, previous, f"docs/causes.md:{line}")


def test_a_link_to_a_missing_heading_on_the_same_page(project, previous):
    line = append(project, "docs/causes.md", "見[上文](#no-such-section)。")
    fails(project, previous, f"docs/causes.md:{line}")


def test_an_absolute_link(project, previous):
    line = append(project, "docs/causes.md", "詳見[應對措施](/response.md)。")
    fails(project, previous, f"docs/causes.md:{line}")


def test_a_link_with_the_wrong_case(project, previous):
    line = append(project, "docs/causes.md", "詳見[應對措施](Response.md)。")
    fails(project, previous, f"docs/causes.md:{line}")


def test_an_image_that_is_not_there(project, previous):
    line = append(project, "docs/causes.md", "![還款流程圖](images/flow.png)")
    fails(project, previous, f"docs/causes.md:{line}")


def test_an_empty_page(project, previous):
    project.write("docs/summary.md", "")
    fails(project, previous, "docs/summary.md:1")


def test_a_page_without_a_title(project, previous):
    source = project.path("docs/summary.md").read_text(encoding="utf-8")
    h1 = re.search(r"^# .*\n", source, re.MULTILINE)[0]
    line = project.edit("docs/summary.md", h1, "") + 1  # the blank line after it is now line `line - 1`
    problems = fails(project, previous, f"docs/summary.md:{line}")
    assert "標題" in problems


def test_malformed_front_matter(project, previous):
    source = project.path("docs/causes.md").read_text(encoding="utf-8")
    old = re.search(r"^description: .*$", source, re.MULTILINE)[0]
    line = project.edit("docs/causes.md", old, old + "\ntitle: 逾期的原因: 收入減少")
    fails(project, previous, f"docs/causes.md:{line + 1}")


def test_front_matter_that_is_not_a_mapping(project, previous):
    source = project.path("docs/causes.md").read_text(encoding="utf-8")
    old = re.search(r"^description: .*$", source, re.MULTILINE)[0]
    line = project.edit("docs/causes.md", old, "- " + old)
    fails(project, previous, f"docs/causes.md:{line}")


def test_a_duplicate_glossary_alias(project, previous):
    alias = project.edit("data/glossary.yml", "    term: 支付寶\n", "    term: 支付寶\n    aliases: [花唄]\n") + 1
    # Terms are read in order: the term 花唄, further down, is the repeat, and both lines are named.
    line = project.line_of("data/glossary.yml", "term: 花唄")
    assert f"第 {alias} 行" in fails(project, previous, f"data/glossary.yml:{line}")


def test_a_term_id_with_capitals(project, previous):
    line = project.edit("data/glossary.yml", "- id: alipay\n", "- id: Alipay\n")
    fails(project, previous, f"data/glossary.yml:{line}")


def test_a_checklist_item_without_a_link(project, previous):
    line = project.edit("data/checklist.yml", "        link: response.md#communicate-early\n", "")
    fails(project, previous, f"data/checklist.yml:{line - 2}")


def test_a_checklist_link_without_an_anchor(project, previous):
    line = project.edit("data/checklist.yml", "link: response.md#communicate-early", "link: response.md")
    fails(project, previous, f"data/checklist.yml:{line}")


def test_an_unknown_key_in_a_data_file(project, previous):
    line = project.edit("data/checklist.yml", "label: 準備收入證明", "lable: 準備收入證明")
    assert "lable" in fails(project, previous, f"data/checklist.yml:{line}")


def test_a_key_written_twice_in_a_data_file(project, previous):
    line = project.edit("data/glossary.yml", "  separator: 、", "  separator: 、\n  separator: ，") + 1
    fails(project, previous, f"data/glossary.yml:{line}")


def test_a_progress_string_without_its_placeholders(project, previous):
    line = project.edit("data/checklist.yml", "progress: 已完成 {done}／{total}", "progress: 已完成")
    fails(project, previous, f"data/checklist.yml:{line}")


@pytest.mark.parametrize("name", ["data/checklist.yml", "data/glossary.yml"])
def test_a_data_file_emptied(project, previous, name):
    project.write(name, "")
    fails(project, previous, f"{name}:1")


@pytest.mark.parametrize("name", ["data/checklist.yml", "data/glossary.yml"])
def test_a_data_file_deleted(project, previous, name):
    project.path(name).unlink()
    line = project.line_of("mkdocs.yml", f": {name}")
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_a_data_path_in_mkdocs_yml_pointing_nowhere(project, previous):
    line = project.edit("mkdocs.yml", "glossary: data/glossary.yml", "glossary: data/glosary.yml")
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_a_data_path_outside_the_project(project, previous):
    line = project.edit("mkdocs.yml", "glossary: data/glossary.yml", "glossary: /etc/passwd")
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_a_data_file_with_windows_line_endings_reports_the_right_line(project, previous):
    line = project.edit("data/checklist.yml", "label: 準備收入證明", "label:")
    text = project.path("data/checklist.yml").read_text(encoding="utf-8")
    project.write("data/checklist.yml", text.replace("\n", "\r\n").encode("utf-8"))
    fails(project, previous, f"data/checklist.yml:{line}")


def test_a_data_file_with_a_utf8_bom_builds(project, tmp_path):
    text = project.path("data/glossary.yml").read_text(encoding="utf-8")
    project.write("data/glossary.yml", codecs.BOM_UTF8 + text.encode("utf-8"))
    builds(project.without_downloads(), tmp_path / "site")


def test_an_alias_in_a_data_file(project, previous):
    line = project.edit("data/checklist.yml", "  page_heading: 本頁行動清單", "  page_heading: &heading 本頁行動清單")
    fails(project, previous, f"data/checklist.yml:{line}")


def test_a_glossary_form_that_only_collides_in_the_simplified_edition(project, previous):
    # 乾 and 幹 are both 干 in Simplified: two aliases in zh-Hant, the same word in zh-Hans.
    line = (
        project.edit(
            "data/glossary.yml", "    term: 支付寶\n", "    term: 支付寶\n    aliases:\n      - 乾寶\n      - 幹寶\n"
        )
        + 3
    )
    fails(project, previous, f"data/glossary.yml:{line}", edition=HANS)


@pytest.fixture
def own_overrides(project) -> Path:
    """The copy with its own overrides/ (a copy, not a link to the repository's)."""
    overrides = project.path("overrides")
    overrides.unlink()
    shutil.copytree(ROOT / "overrides", overrides)
    return overrides


def test_a_template_syntax_error_in_the_overrides(project, previous, own_overrides):
    [template] = [p for p in sorted(own_overrides.rglob("*.html")) if "{%" in p.read_text(encoding="utf-8")][:1]
    name = template.relative_to(project.root).as_posix()
    text = template.read_text(encoding="utf-8")
    line = text[: text.index("{%")].count("\n") + 1
    template.write_text(text.replace("{%", "{% if", 1), encoding="utf-8")
    fails(project, previous, f"{name}:{line}")


def test_a_simplified_character_in_a_theme_template(project, previous, own_overrides):
    template = own_overrides / "partials" / "copyright.html"
    line = project.line_of("overrides/partials/copyright.html", "下載離線版")
    template.write_text(template.read_text(encoding="utf-8").replace("下載離線版", "下载離線版"), encoding="utf-8")
    problems = fails(project, previous, f"overrides/partials/copyright.html:{line}")
    assert "载" in problems


def test_a_yaml_syntax_error_in_mkdocs_yml(project, previous):
    line = project.edit("mkdocs.yml", "site_author: 逾期協商指南編輯組", "site_author: [逾期協商指南編輯組")
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_a_misspelt_setting_in_mkdocs_yml(project, previous):
    line = project.edit("mkdocs.yml", "site_author:", "site_auther:")
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_a_hook_that_is_not_there(project, previous):
    line = project.edit("mkdocs.yml", "  - hooks/offline.py\n", "  - hooks/ofline.py\n")
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_an_edition_entry_without_a_name(project, previous):
    line = project.edit("mkdocs.yml", "      name: 简体中文\n", "")
    fails(project, previous, f"mkdocs.yml:{line - 1}")


def test_an_unknown_opencc_profile(project, previous):
    line = project.edit("mkdocs.yml", "opencc: tw2s", "opencc: tw2x")
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_an_output_without_its_lang_placeholder(project, previous):
    line = project.edit(
        "mkdocs.yml",
        "file: download/alipay-overdue-guide-offline-{lang}.zip",
        "file: download/alipay-overdue-guide-offline.zip",
    )
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_a_heading_without_an_id(project, previous):
    line = append(project, "docs/causes.md", "## 其他原因\n\n還有一些其他原因。")
    fails(project, previous, f"docs/causes.md:{line}:1")


def test_a_simplified_character_in_the_source(project, previous):
    line = append(project, "docs/causes.md", "逾期的后果很嚴重。")
    fails(project, previous, f"docs/causes.md:{line}:4")


def test_taiwan_vocabulary_in_the_source(project, previous):
    line = append(project, "docs/causes.md", "請仔細閱讀合約內容。")
    fails(project, previous, f"docs/causes.md:{line}")


def test_half_width_punctuation_between_chinese(project, previous):
    line = append(project, "docs/causes.md", "收入減少,支出增加。")
    fails(project, previous, f"docs/causes.md:{line}:5")


def test_a_page_too_large(project, previous):
    append(project, "docs/causes.md", ("這是一段很長的重複文字，用來測試頁面的大小上限。" * 40 + "\n\n") * 500)
    fails_in_child(project, previous, "docs/causes.md:1")


def test_a_page_with_a_nul_byte(project, previous):
    text = project.path("docs/causes.md").read_text(encoding="utf-8")
    project.write("docs/causes.md", text.replace("\n\n", "\n\x00\n", 1).encode("utf-8"))
    line = text[: text.index("\n\n")].count("\n") + 2
    assert "空字符" in fails(project, previous, f"docs/causes.md:{line}")


def test_a_checklist_marker_on_a_page_without_actions(project, previous):
    line = append(project, "docs/causes.md", "<!-- checklist -->")
    fails(project, previous, f"docs/causes.md:{line}")


def test_a_heading_id_equal_to_a_glossary_mark(project, previous):
    line = append(project, "docs/causes.md", "## 花唄的額度 {#glossary-ref-huabei}\n\n花唄的額度會因逾期而降低。")
    fails(project, previous, f"docs/causes.md:{line}")


def test_front_matter_never_closed(project, previous):
    source = project.path("docs/causes.md").read_text(encoding="utf-8")
    end = source.index("\n---\n", 3)
    project.write("docs/causes.md", source[:end] + source[end + 4 :])
    fails(project, previous, "docs/causes.md:1")


def test_a_link_out_of_the_docs_folder(project, previous):
    line = append(project, "docs/causes.md", "見[說明](../README.md)。")
    fails(project, previous, f"docs/causes.md:{line}")


@pytest.mark.parametrize(
    "embed",
    [
        "![流程圖](https://example.com/flow.png)",
        '<iframe src="https://player.example.com/video/1"></iframe>',
        '<script src="https://cdn.example.com/widget.js"></script>',
    ],
    ids=["image", "iframe", "script"],
)
def test_a_page_loading_something_from_another_host(project, previous, embed):
    line = append(project, "docs/causes.md", embed)
    fails(project, previous, f"docs/causes.md:{line}")


def test_an_unknown_markdown_extension(project, previous):
    line = project.edit("mkdocs.yml", "  - pymdownx.details\n", "  - pymdownx.detail\n")
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_a_theme_name_misspelt(project, previous):
    line = project.edit("mkdocs.yml", "  name: material\n", "  name: materail\n")
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_a_checklist_page_that_does_not_exist(project, previous):
    line = project.edit("data/checklist.yml", "page: checklist.md", "page: check-list.md")
    fails(project, previous, f"data/checklist.yml:{line}")


def test_a_glossary_page_that_does_not_exist(project, previous):
    line = project.edit("data/glossary.yml", "page: glossary.md", "page: terms.md")
    fails(project, previous, f"data/glossary.yml:{line}")


def test_a_checklist_link_climbing_out_of_docs(project, previous):
    line = project.edit(
        "data/checklist.yml", "link: response.md#communicate-early", "link: ../response.md#communicate-early"
    )
    fails(project, previous, f"data/checklist.yml:{line}")


def test_a_stage_without_items(project, previous):
    text = project.path("data/checklist.yml").read_text(encoding="utf-8")
    stage = re.search(
        r"(  - id: after-overdue\n    name: [^\n]+\n    items:\n)((?:      [^\n]*\n|\n)+?)(?=  - id:)", text
    )
    line = text[: stage.start()].count("\n") + 3
    project.write("data/checklist.yml", text.replace(stage[0], stage[1].replace("items:", "items: []") + "\n"))
    fails(project, previous, f"data/checklist.yml:{line}")


def test_a_glossary_term_id_used_twice(project, previous):
    line = project.edit("data/glossary.yml", "- id: huabei\n", "- id: alipay\n")
    fails(project, previous, f"data/glossary.yml:{line}")


# -----------------------------------------------------------------------------
# The command line: exit status, signals, where it cannot write, two at once
# -----------------------------------------------------------------------------

BUILD = [PYTHON, "-m", "overdue_guide.build_site"]  # what scripts/build runs
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def start_build(site: Path, *, cwd: Path = ROOT) -> subprocess.Popen:
    """The real command line, in its own process group (to find any child it leaves)."""
    return subprocess.Popen(
        [*BUILD, str(site)],
        cwd=cwd,
        env=ENV,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_staging(site: Path, process: subprocess.Popen, *, files: int = 20, timeout: float = 120) -> None:
    """Until the build has written some of its new output beside the old one."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        staged = [p for p in site.parent.glob(f".{site.name}.new-*") if p.is_dir()]
        if staged and sum(1 for _ in staged[0].rglob("*")) >= files:
            return
        time.sleep(0.05)
    raise AssertionError("the build never started writing")


def group_is_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def test_the_command_line_exits_non_zero_naming_the_line(project, previous):
    # Run in the copy: the command builds the mkdocs.yml of the folder it runs in, as mkdocs does.
    line = project.edit("docs/index.md", "(negotiation.md)", "(negotation.md)")
    before = snapshot(previous)
    result = subprocess.run(
        [*BUILD, str(previous)], cwd=project.root, env=ENV, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    check_problems(result.stderr, f"docs/index.md:{line}")
    assert "沒有發佈任何東西" in result.stderr
    assert snapshot(previous) == before and leftovers(previous) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_signal_mid_build_leaves_the_previous_site_and_nothing_else(previous, signum):
    before = snapshot(previous)
    process = start_build(previous)
    wait_for_staging(previous, process)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in stderr, stderr
    assert "沒有發佈任何東西" in stderr
    assert snapshot(previous) == before
    assert leftovers(previous) == []
    assert group_is_gone(process.pid)


def test_sigkill_mid_build_leaves_the_previous_site_and_the_next_build_cleans_up(previous):
    before = snapshot(previous)
    process = start_build(previous)
    wait_for_staging(previous, process)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert snapshot(previous) == before
    assert leftovers(previous)  # what a killed build cannot remove
    result = subprocess.run(BUILD + [str(previous)], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert leftovers(previous) == []
    assert (previous / "index.html").read_bytes() != before["index.html"]
    assert (previous / "zh-Hans" / "index.html").is_file()


def test_a_site_path_that_is_a_file(tmp_path):
    site = tmp_path / "site"
    site.write_text("不是資料夾", encoding="utf-8")
    result = subprocess.run(BUILD + [str(site)], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(rf"{re.escape(str(site))}: .*— .*[\u4e00-\u9fff]", result.stderr), result.stderr
    assert site.read_text(encoding="utf-8") == "不是資料夾"


@pytest.mark.parametrize("where", ["proc", "file-in-the-way"])
def test_a_site_path_that_cannot_be_written(tmp_path, where):
    if where == "proc":
        site = Path("/proc/guide-site")
    else:
        (tmp_path / "blocker").write_text("x", encoding="utf-8")
        site = tmp_path / "blocker" / "site"
    result = subprocess.run(BUILD + [str(site)], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert re.search(r": .*無法寫入（[\u4e00-\u9fff]+）.*— .*[\u4e00-\u9fff]", result.stderr), result.stderr


def chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@pytest.mark.parametrize("frozen", ["parent", "site"])
def test_an_immutable_folder_fails_and_leaves_the_site_as_it_was(previous, frozen):
    # As root, permissions stop nothing; the immutable attribute does: on the parent the build
    # cannot start (no lock, no staging folder), on site/ it cannot swap the new output in.
    target = previous.parent if frozen == "parent" else previous
    if not chattr("+i", target):
        pytest.skip("chattr +i is not available on this file system")
    try:
        before = snapshot(previous)
        result = subprocess.run(BUILD + [str(previous)], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr, result.stderr
        assert re.search(r"（[\u4e00-\u9fff]+）— .*[\u4e00-\u9fff]", result.stderr), result.stderr
        assert snapshot(previous) == before
    finally:
        chattr("-i", target)
    assert leftovers(previous) == []


def test_two_builds_at_once(previous):
    first = start_build(previous)
    try:
        wait_for_staging(previous, first, files=1)
        second = subprocess.run(BUILD + [str(previous)], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120)
        assert second.returncode == 1
        assert "另一個建置正在寫入" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr
    assert leftovers(previous) == []


def test_a_lock_held_by_another_process(previous):
    before = snapshot(previous)
    with open(previous.parent / f".{previous.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = subprocess.run(BUILD + [str(previous)], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "另一個建置正在寫入" in result.stderr
    assert snapshot(previous) == before


MKDOCS = [str(Path(PYTHON).parent / "mkdocs"), "build", "-q"]


def test_plain_mkdocs_build_strict_passes_on_the_repository(tmp_path):
    # MkDocs' own command loads the hooks without scripts/build having imported anything first.
    result = subprocess.run(
        MKDOCS + ["--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr


def test_plain_mkdocs_build_refuses_personal_data_too(project, tmp_path):
    text, found = PERSONAL_DATA["phone-touching-chinese"]
    line = append(project, "docs/causes.md", text)
    result = subprocess.run(
        MKDOCS + ["-f", str(project.config), "-d", str(tmp_path / "site")],
        cwd=project.root,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"docs/causes.md:{line}:{text.index(found) + 1}: 個人信息" in relative(result.stderr, project)


# -----------------------------------------------------------------------------
# scripts/offline-bundle: the same gate for one download into dist/
# -----------------------------------------------------------------------------


@pytest.fixture
def dist(tmp_path) -> Path:
    """dist/ with an earlier download in it."""
    folder = tmp_path / "dist"
    folder.mkdir()
    (folder / "alipay-overdue-guide-offline-zh-Hant.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    return folder


def download_leftovers(dist: Path) -> list[str]:
    return sorted(p.name for p in dist.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_the_offline_bundle_refuses_a_mistake_and_keeps_the_previous_file(project, dist, lang):
    from overdue_guide import build_site, offline_bundle

    text, found = PERSONAL_DATA["qq"]
    line = append(project, "docs/causes.md", text)
    before = snapshot(dist)
    with pytest.raises(build_site.BuildFailed) as failure:
        offline_bundle.build_download("zip", lang, dist=dist, config_file=project.config)
    check_problems(
        relative("\n".join(p.format() for p in failure.value.problems), project),
        f"docs/causes.md:{line}:{text.index(found) + 1}",
    )
    assert snapshot(dist) == before
    assert download_leftovers(dist) == []


def test_sigterm_mid_offline_bundle_leaves_dist_as_it_was(dist):
    before = snapshot(dist)
    process = subprocess.Popen(
        [PYTHON, "-m", "overdue_guide.offline_bundle", "--dist", str(dist)],
        cwd=ROOT,
        env=ENV,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not any(sum(1 for _ in p.rglob("*")) > 20 for p in dist.glob(".download-*")):
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.05)
    process.terminate()
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in stderr, stderr
    assert snapshot(dist) == before
    assert download_leftovers(dist) == []
    assert group_is_gone(process.pid)
