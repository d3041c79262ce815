"""What MkDocs reports during a build becomes Problems from its log records: a tiny project with one
mistake at a time, built for real through build_site.run_mkdocs, each mistake at its file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from overdue_guide import build_site, editions


@pytest.fixture(autouse=True)
def in_the_project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # problems name files relative to the project, as scripts/build prints them


HOOKS = Path(build_site.__file__).resolve().parents[2] / "hooks"
SOURCE = editions.Edition("zh-Hant", "繁體中文", "", None)
HANS = editions.Edition("zh-Hans", "简体中文", "zh-Hans/", "tw2s")
CONFIG = """\
site_name: 小站
strict: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""


def problems_of(tmp_path: Path, pages: dict[str, str], config: str = "", edition=SOURCE) -> list[str]:
    """Build a project of these pages (nav: all but the ones named not-in-nav*.md); its problems, printed."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    nav = "".join(f"  - {name}\n" for name in pages if not name.startswith("not-in-nav"))
    (tmp_path / "mkdocs.yml").write_text(CONFIG + config + "nav:\n" + nav, encoding="utf-8")
    with pytest.raises(build_site.BuildFailed) as failure:
        build_site.run_mkdocs(tmp_path / "mkdocs.yml", edition, tmp_path / "site")
    return [problem.format() for problem in failure.value.problems]


INDEX = "# 首頁\n\n見[步驟](steps.md)。\n"


def test_a_link_to_a_missing_page_names_its_line(tmp_path):
    pages = {"index.md": "# 首頁\n\n第二段。\n\n見[步驟](step.md)。\n"}
    assert problems_of(tmp_path, pages) == [
        "docs/index.md:5: 鏈接「step.md」指向的頁面不存在 — 檢查文件名和大小寫（docs/ 裡的 .md 文件）"
    ]


def test_a_link_to_a_missing_anchor_names_its_line(tmp_path):
    pages = {"index.md": INDEX, "steps.md": "# 步驟\n\n見[首頁](index.md#nowhere)。\n"}
    assert problems_of(tmp_path, pages) == [
        "docs/steps.md:3: 鏈接「index.md#nowhere」指向的錨點不存在 — 改成那一頁標題後 {#…} 裡已有的 id"
    ]


def test_an_absolute_link_and_a_page_outside_the_nav(tmp_path):
    pages = {"index.md": "# 首頁\n\n見[步驟](/steps.md)。\n", "steps.md": "# 步驟\n", "not-in-nav.md": "# 外\n"}
    found = problems_of(tmp_path, pages)
    assert len(found) == 2
    assert any(
        line.startswith("docs/index.md:3: 鏈接「/steps.md」的寫法不對 — 站內鏈接寫成相對的 .md") for line in found
    )
    assert (
        "docs/not-in-nav.md:1: 這一頁不在導航裡 — 在 mkdocs.yml 的 nav 加上「- not-in-nav.md」，或刪掉這個文件" in found
    )


def test_a_converted_edition_tags_what_it_meets(tmp_path):
    pages = {"index.md": "# 首頁\n\n見[步驟](step.md)。\n"}
    [line] = problems_of(tmp_path, pages, edition=HANS)
    assert line.startswith("docs/index.md:3: ") and line.endswith("（zh-Hans 版，由上述原文轉換）")


def test_a_wrong_setting_names_its_line_in_chinese(tmp_path):
    [line] = problems_of(tmp_path, {"index.md": INDEX, "steps.md": "# 步驟\n"}, config="theme:\n  name: materiall\n")
    assert line.startswith("mkdocs.yml:9: 設置「theme」有誤：沒有「materiall」這個主題 — 本指南用 material")


def test_an_exception_on_a_page_names_the_page_from_the_build_not_its_message(tmp_path):
    hook = tmp_path / "crash.py"
    hook.write_text(
        "def on_page_markdown(markdown, page, **kwargs):\n"
        "    if page.file.src_uri == 'steps.md':\n"
        "        raise RecursionError('maximum recursion depth exceeded')\n"
        "    return markdown\n",
        encoding="utf-8",
    )
    found = problems_of(tmp_path, {"index.md": INDEX, "steps.md": "# 步驟\n"}, config=f"hooks:\n  - {hook}\n")
    assert found == [
        "docs/steps.md:1: 這一頁嵌套太深，無法轉換 — 檢查最近加上的列表、引用、括號或 HTML 標籤是否套了太多層"
    ]


def test_our_hooks_problems_come_back_as_they_were_made_and_nothing_more(tmp_path):
    # Personal data in mkdocs.yml stops the build in hooks/page_checks.py (the content lint reads
    # docs/ and data/ only). Its summary, which MkDocs logs as an error of its own, printed an extra
    # "mkdocs.yml:" line with no line number when the build read the problems back from the text.
    config = f"copyright: 聯繫 13800138000\nhooks:\n  - {HOOKS / 'page_checks.py'}\n"
    found = problems_of(tmp_path, {"index.md": INDEX, "steps.md": "# 步驟\n"}, config=config)
    assert found == [
        "mkdocs.yml:8:15: 個人信息（手機號碼）「13800138000」— 網站上不能發佈電話、QQ、微信、郵箱、身份證號和銀行卡號，"
        "請刪除（若它不是個人信息，把它和理由加入 data/lint-allowlist.yml）"
    ]


def test_mkdocs_prints_the_lint_summary_and_the_build_reads_the_problems():
    from overdue_guide import messages, page_checks
    from overdue_guide.problems import Problem

    found = [Problem("mkdocs.yml", 8, 15, "個人信息", "刪除")]
    error = page_checks.LintFailed(found, messages.LINT_SUMMARY.at("mkdocs.yml", 0, count=1))
    assert str(error).startswith("內容檢查發現 1 處個人信息或編碼問題（見上方）— 改正後再建置")
    assert error.problems == found
