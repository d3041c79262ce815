"""The publishing gate on configuration (issue 8): a mistake in mkdocs.yml or in the theme's
overrides stops the build at its file and line, and nothing is half-published.

As in test_gate_content.py: each case in a fresh copy of the project, built over a previous
output (`support.gate.fails` holds the contract). A problem in mkdocs.yml is printed alone:
every line names a line (`every_line_names_a_line`), with no line of MkDocs' own around it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest

from support.gate import every_line_names_a_line, fails, fails_in_child

# -----------------------------------------------------------------------------
# A line of mkdocs.yml edited
# -----------------------------------------------------------------------------


class Edit(NamedTuple):
    old: str
    new: str
    offset: int = 0  # the problem's line, from the edited line


CONFIG_MISTAKES = {
    "personal-data": Edit("site_author: 逾期協商指南編輯組", "site_author: 逾期協商指南編輯組（微信號 debt_helper88）"),
    "tab-indented": Edit("    checklist: data/checklist.yml", "\tchecklist: data/checklist.yml"),
    "yaml-syntax-error": Edit("site_author: 逾期協商指南編輯組", "site_author: [逾期協商指南編輯組"),
    "misspelt-setting": Edit("site_author:", "site_auther:"),
    "nav-entry-to-a-missing-file": Edit("  - summary.md\n", "  - summary.md\n  - faq.md\n", offset=1),
    "unknown-markdown-extension": Edit("  - pymdownx.details\n", "  - pymdownx.detail\n"),
    "theme-name-misspelt": Edit("  name: material\n", "  name: materail\n"),
    "hook-that-is-not-there": Edit("  - hooks/offline.py\n", "  - hooks/ofline.py\n"),
    "unknown-opencc-profile": Edit("opencc: tw2s", "opencc: tw2x"),
    "output-without-its-lang-placeholder": Edit(
        "file: download/alipay-overdue-guide-offline-{lang}.zip", "file: download/alipay-overdue-guide-offline.zip"
    ),
    "data-path-pointing-nowhere": Edit("glossary: data/glossary.yml", "glossary: data/glosary.yml"),
    "data-path-outside-the-project": Edit("glossary: data/glossary.yml", "glossary: /etc/passwd"),
}


@pytest.mark.parametrize("case", CONFIG_MISTAKES)
def test_a_mistake_in_mkdocs_yml(project, previous, case):
    edit = CONFIG_MISTAKES[case]
    line = project.edit("mkdocs.yml", edit.old, edit.new) + edit.offset
    every_line_names_a_line(fails(project, previous, f"mkdocs.yml:{line}"))


def test_an_edition_entry_without_a_name(project, previous):
    line = project.edit("mkdocs.yml", "      name: 简体中文\n", "")
    fails(project, previous, f"mkdocs.yml:{line - 1}")


# -----------------------------------------------------------------------------
# Hostile YAML: built in a child process that must end by itself, in time
# -----------------------------------------------------------------------------


def test_deep_yaml_nesting_in_mkdocs_yml(project, previous):
    text = project.config.read_text(encoding="utf-8").rstrip("\n") + "\n"
    line = text.count("\n") + 1
    project.write("mkdocs.yml", text + "  deep: " + "[" * 100_000 + "]" * 100_000 + "\n")
    fails_in_child(project, previous, f"mkdocs.yml:{line}")


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


# -----------------------------------------------------------------------------
# The theme's overrides
# -----------------------------------------------------------------------------


def test_a_template_syntax_error_in_the_overrides(project, previous, own_overrides):
    [template] = [p for p in sorted(own_overrides.rglob("*.html")) if "{%" in p.read_text(encoding="utf-8")][:1]
    name = template.relative_to(project.root).as_posix()
    text = template.read_text(encoding="utf-8")
    line = text[: text.index("{%")].count("\n") + 1
    template.write_text(text.replace("{%", "{% if", 1), encoding="utf-8")
    fails(project, previous, f"{name}:{line}")


def test_a_simplified_character_in_a_theme_template(project, previous, own_overrides):
    # The footer's download links show on the site only, after its downloads are made: one (no PDF) is enough.
    project.only_outputs("html")
    template = own_overrides / "partials" / "copyright.html"
    line = project.line_of("overrides/partials/copyright.html", "下載離線版")
    template.write_text(template.read_text(encoding="utf-8").replace("下載離線版", "下载離線版"), encoding="utf-8")
    problems = fails(project, previous, f"overrides/partials/copyright.html:{line}")
    assert "载" in problems


def test_personal_data_in_a_theme_template(project, previous, own_overrides):
    [template] = sorted(own_overrides.rglob("*.html"))[:1]
    text = template.read_text(encoding="utf-8")
    template.write_text(text + "\n<!-- 有問題聯繫 13800138000 -->\n", encoding="utf-8")
    name = template.relative_to(project.root).as_posix()
    every_line_names_a_line(fails(project, previous, f"{name}:{text.count(chr(10)) + 2}"))
