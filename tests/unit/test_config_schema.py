"""The schema of mkdocs.yml's extra (overdue_guide.settings): every mistake in the editions, the
downloads, the data files and the offline page's words is refused with mkdocs.yml:line, in
Chinese, with the fix, whatever Python's flags; the first hook refuses it in a plain mkdocs build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load

from overdue_guide import build_site, editions, settings

ROOT = Path(__file__).resolve().parents[2]
HK = "    - lang: zh-HK\n      name: 香港繁體\n      path: zh-HK/\n      opencc: t2hk\n"
BEFORE_OUTPUTS = "  # What scripts/build makes"


def config_with(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of the real mkdocs.yml with `old` replaced by `new`; the line where the change starts."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "mkdocs.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, text[: text.index(old)].count("\n") + 1


def extra_of(path: Path) -> dict:
    with open(path, "rb") as file:
        return yaml_load(file)["extra"]


def refused(path: Path) -> str:
    with pytest.raises(PluginError) as error:
        settings.validated(extra_of(path), path)
    return str(error.value)


# (what is wrong, the text replaced, its replacement, the words of the message, and where it is reported
# if not at the change: the line of this text in the changed file)
MISTAKES = [
    (
        "missing-key",
        "      name: 简体中文\n",
        "",
        "extra.editions 第 2 項缺少 lang、name 或 path — 三項都要寫",
        "- lang: zh-Hans",
    ),
    ("unknown-key", "      dismiss: 关闭\n", "      colour: red\n", "有不認識的字段「colour」", None),
    ("wrong-type", "      name: 简体中文\n", "      name: [简体中文]\n", "第 2 項的 name 應該是一段文字", None),
    ("empty-text", "      name: 简体中文\n", "      name:\n", "第 2 項的 name 是空的", None),
    ("bad-path", "      path: zh-Hans/\n", "      path: zh-Hans\n", "path「zh-Hans」寫法不對", None),
    ("bad-profile", "opencc: tw2s", "opencc: tw2x", "opencc「tw2x」不是 OpenCC 的轉換設置", None),
    ("bad-quotes", 'quotes: "“”‘’"', 'quotes: "“”"', "quotes「“”」寫法不對", None),
    ("duplicate-edition", "    - lang: zh-Hans\n", "    - lang: zh-Hant\n", "裡有兩個版本的 lang 相同", None),
    ("duplicate-path", "path: zh-Hans/", 'path: ""', "裡有兩個版本的 path 相同", None),
    ("source-not-first", '      path: ""\n', "      path: zh-Hant/\n", "的第一項是原文版", "- lang: zh-Hant"),
    ("no-editions", "  editions:\n", "  editions: []\n  old_editions:\n", "extra.editions 應該是一串版本", None),
    ("bad-output-kind", "    - format: zip\n", "    - format: epub\n", "format「epub」不是可以做的下載格式", None),
    ("output-not-a-mapping", "  outputs:\n", "  outputs:\n    - zip\n", "extra.outputs 第 1 項應該是一組", "- zip"),
    (
        "output-without-lang",
        "offline-{lang}.zip",
        "offline.zip",
        "file「download/alipay-overdue-guide-offline.zip」",
        None,
    ),
    (
        "output-missing-file",
        "      file: download/alipay-overdue-guide-offline-{lang}.zip\n",
        "",
        "缺少「file」",
        "- format: zip",
    ),
    ("output-twice", "    - format: zip\n", "    - format: pdf\n", "兩項的 format 都是 pdf", None),
    ("single-page-word-missing", "        toc: 目錄\n", "", "第 1 項的 strings 缺少「toc」", "note: 單頁網頁版"),
    ("unknown-string", "        toc: 目錄\n", "        tok: 目錄\n", "有不認識的字段「tok」", None),
    ("unknown-extra-key", "  short_title:", "  short_titel:", "extra 有不認識的字段「short_titel」", None),
    ("unknown-key-over-a-block", "  outputs:\n", "  output:\n", "extra 有不認識的字段「output」", None),
    ("data-path-outside", "glossary: data/glossary.yml", "glossary: /etc/passwd", "extra.data.glossary 應該寫", None),
    ("data-file-missing", "    budget: data/budget.yml\n", "", "extra.data 缺少「budget」", "checklist: data/"),
    ("offline-word-missing", "    retry: 重新加載這一頁\n", "", "extra.offline_page 缺少「retry」", "title: 目前沒有"),
    (
        "offline-word-a-number",
        "    retry: 重新加載這一頁",
        "    retry: 3",
        "extra.offline_page.retry 應該是一段文字",
        None,
    ),
]


@pytest.mark.parametrize("old, new, words, at", [case[1:] for case in MISTAKES], ids=[case[0] for case in MISTAKES])
def test_each_mistake_names_its_line_and_the_fix_in_chinese(tmp_path, old, new, words, at):
    path, line = config_with(tmp_path, old, new)
    if at is not None:
        text = path.read_text(encoding="utf-8")
        line = text[: text.index(at)].count("\n") + 1
    message = refused(path)
    assert message.startswith(f"mkdocs.yml:{line}: mkdocs.yml 的 extra"), message
    assert words in message
    assert "—" in message and message.split("—", 1)[1].strip(), message  # the fix after the dash


def test_a_pdf_without_the_single_page_it_is_printed_from(tmp_path):
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    html_entry = text[text.index("    - format: html\n") : text.index("    - format: pdf\n")]
    path, _ = config_with(tmp_path, html_entry, "")
    line = path.read_text(encoding="utf-8").split("    - format: pdf")[0].count("\n") + 1
    assert refused(path).startswith(f"mkdocs.yml:{line}: mkdocs.yml 的 extra.outputs 有 pdf，卻沒有 html — ")


def test_the_real_settings_are_valid_and_typed():
    checked = settings.check(extra_of(ROOT / "mkdocs.yml"))
    assert [(e.lang, e.path, e.opencc) for e in checked.editions] == [
        ("zh-Hant", "", None),
        ("zh-Hans", "zh-Hans/", "tw2s"),
    ]
    assert [o.format for o in checked.outputs] == ["html", "pdf", "zip"]
    assert checked["data"]["glossary"] == "data/glossary.yml"


def test_a_third_edition_is_one_more_entry(tmp_path):
    path, _ = config_with(tmp_path, BEFORE_OUTPUTS, HK + BEFORE_OUTPUTS)
    assert [e.lang for e in settings.check(extra_of(path)).editions] == ["zh-Hant", "zh-Hans", "zh-HK"]


def test_the_build_command_refuses_a_malformed_output_instead_of_skipping_it(tmp_path):
    path, line = config_with(tmp_path, "    - format: zip\n", "    - format: epub\n")
    with pytest.raises(build_site.BuildFailed) as failure:
        build_site.read_matrix(path)
    [problem] = failure.value.problems
    assert problem.format() == (
        f"{path}:{line}: mkdocs.yml 的 extra.outputs 第 3 項的 format「epub」不是可以做的下載格式"
        " — 只能寫 html、pdf、zip 其中一個"
    )


def test_the_downloads_list_never_drops_an_entry():
    outputs = [{"format": "zip", "file": "download/guide-{lang}.zip"}]
    [hans] = [e for e in editions.parse(extra_of(ROOT / "mkdocs.yml")["editions"]) if e.lang == "zh-Hans"]
    assert editions.downloads(outputs, hans) == [
        {"format": "zip", "label": "zip", "url": "download/guide-zh-Hans.zip", "purpose": ""}
    ]


def test_a_plain_mkdocs_build_is_refused_by_the_first_hook(project):
    """mkdocs build and mkdocs serve, not only scripts/build: the editions hook checks extra first."""
    from mkdocs.config import load_config

    line = project.edit("mkdocs.yml", "    - format: zip\n", "    - format: epub\n")
    config = load_config(str(project.config))
    with pytest.raises(PluginError, match=rf"^mkdocs\.yml:{line}: .*format「epub」"):
        editions.on_config(config)


REFUSE = """
import sys
from pathlib import Path
from overdue_guide import build_site
try:
    build_site.read_matrix(Path(sys.argv[1]))
except build_site.BuildFailed as failure:
    print("\\n".join(map(str, failure.problems)))
    sys.exit(1)
"""


@pytest.mark.parametrize(
    "old, new",
    [("        toc: 目錄\n", ""), ("    retry: 重新加載這一頁\n", ""), ("    - format: zip\n", "    - format: epub\n")],
    ids=["single-page-word", "offline-page-word", "output-kind"],
)
def test_python_optimised_still_refuses_bad_settings(tmp_path, old, new):
    """python -O drops assert statements: no check of the settings may be one."""
    path, _ = config_with(tmp_path, old, new)
    result = subprocess.run(
        [sys.executable, "-O", "-c", REFUSE, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "mkdocs.yml:" in result.stdout and "—" in result.stdout, result.stdout


def test_no_assert_statement_in_the_package():
    """Input is refused with a message, never by an assert (python -O removes them)."""
    import ast

    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sorted((ROOT / "src" / "overdue_guide").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Assert)
    ]
    assert found == []


def test_the_benchmarks_synthetic_site_passes_the_schema(tmp_path):
    """scripts/bench's site sets extra.precache_budget (a 1,000-page site is over the readers' budget):
    the schema must know the key, or the benchmark stops before its first build."""
    from overdue_guide.devtools import bench

    bench.write_site(tmp_path, 3, 5, ROOT)
    with open(tmp_path / "mkdocs-with.yml", "rb") as file:
        extra = yaml_load(file).get("extra") or {}
    assert "precache_budget" in extra
    settings.validated({**extra_of(ROOT / "mkdocs.yml"), **extra}, tmp_path / "mkdocs-with.yml")
    path, _ = config_with(tmp_path, "extra:\n", "extra:\n  precache_budget: a lot\n")
    assert "precache_budget" in refused(path)
