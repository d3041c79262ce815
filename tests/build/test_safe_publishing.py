"""Nothing a contributor writes can hurt a reader, and only what should be published is (issue 20).

Each case is one change to a fresh copy of the project, built over a previous output as
scripts/build does (support.gate, as the gate's own cases): it is refused with a Chinese
`path:line: 問題 — 改法` and the previous output intact, or it builds harmless.
"""

from __future__ import annotations

import os

import pytest

from support.gate import append, builds, fails

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


# -----------------------------------------------------------------------------
# Contributors' HTML: whatever the allow-list drops is refused at its line
# -----------------------------------------------------------------------------

UNSAFE_HTML = {
    "script": "<script>alert(1)</script>",
    "base": '<base href="https://evil.example/">',
    "onerror": '<img src="../assets/images/icon-192.png" alt="" onerror="alert(1)">',
    "attr_list-onmouseover": '一段話。\n{onmouseover="alert(1)"}',
    "meta-refresh": '<meta http-equiv="refresh" content="5;url=https://evil.example/">',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "javascript-link": "[點這裡](javascript:alert(1))",
    "javascript-entities": '<a href="JaVaScRiPt&colon;alert(1)">點這裡</a>',
    "form": '<form action="https://evil.example/"><input name="phone"></form>',
    "style-element": "<style>.md-footer, .md-copyright { display: none }</style>",
    "style-attribute": '<p style="display:none">本指南僅供參考</p>',
    "data-url": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">下載</a>',
    "svg-script": "<svg><script>alert(1)</script></svg>",
    "object": '<object data="x.swf"></object>',
    "theme-class": '<p class="md-header">假的頁頭</p>',
    "hidden-class-attr_list": '一段話。\n{.md-typeset__scrollwrap hidden=""}',
    "theme-id": '<p id="__search">搶走搜索框的 id</p>',
}


@pytest.mark.parametrize("html", UNSAFE_HTML.values(), ids=UNSAFE_HTML.keys())
def test_unsafe_html_is_refused_at_its_line(project, previous, html):
    line = append(project.without_downloads(), "docs/causes.md", html) + html.count("\n")  # attr_list: its own line
    problems = fails(project, previous, f"docs/causes.md:{line}")
    assert "不能" in problems


def test_the_html_the_guide_needs_builds_as_written(project, tmp_path):
    append(
        project.without_downloads(),
        "docs/causes.md",
        "\n\n".join(
            [
                '<details class="note" open><summary>展開</summary><p>內容 <kbd>Ctrl</kbd><br>第二行</p></details>',
                '!!! warning "注意"\n    不要轉賬給陌生人。',
                "```yaml\n# 代碼塊\nkey: value\n```",
                '```text linenums="1"\n月份   本金   利息\n1      1800   200\n```',  # numbered lines, lined-up columns
                '<abbr title="個人信用報告">信用報告</abbr>和 '
                '<a href="https://www.pbccrc.org.cn/" title="信用報告">網站</a>',
                "<!-- 給編輯看的說明：讀者看不到 -->",
            ]
        ),
    )
    site = builds(project, tmp_path / "site")
    html = (site / "causes" / "index.html").read_text(encoding="utf-8")
    assert '<details class="note" open' in html and "<kbd>Ctrl</kbd>" in html and 'class="admonition warning"' in html
    assert '<table class="highlighttable">' in html and '<td class="linenos">' in html
    assert '<abbr title="個人信用報告">' in html and 'href="https://www.pbccrc.org.cn/"' in html
    assert "<!-- 給編輯看的說明：讀者看不到 -->" in html  # a comment stays one (<!-- checklist --> is one)


# -----------------------------------------------------------------------------
# Files: pages and small images only, no symlinks
# -----------------------------------------------------------------------------

BAD_FILES = {
    "notes.txt": "電話 13800138000，郵箱 someone@example.com".encode(),
    "extra.html": b"<html><body><script src='https://evil.example/x.js'></script>",  # and no </head>
    "diagram.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "images/big.png": PNG + bytes(400 * 1024),
    "images/page.png": b"<!doctype html><script>alert(1)</script>",
    "images/138_0013_8000.png": PNG,
    "assets/extra.js": b"alert(1)",
}


@pytest.mark.parametrize("name, content", BAD_FILES.items(), ids=BAD_FILES.keys())
def test_a_file_that_is_not_a_page_or_a_small_image_is_refused(project, previous, name, content):
    project.without_downloads().write(f"docs/{name}", content)
    fails(project, previous, f"docs/{name}:1")


def test_a_small_image_builds_and_a_name_with_a_space_reaches_the_single_page(project, tmp_path):
    project.write("docs/images/還款 流程.png", PNG)
    append(project, "docs/causes.md", "![還款流程](<images/還款 流程.png>)")
    site = builds(project.only_outputs("html"), tmp_path / "site")
    assert (site / "images" / "還款 流程.png").read_bytes() == PNG
    single = (site / "download" / "alipay-overdue-guide-zh-Hant.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in single


@pytest.mark.parametrize("folder", ["docs", "data", "overrides"])
def test_a_symlink_is_refused(project, previous, folder, request):
    if folder == "overrides":
        request.getfixturevalue("own_overrides")
    link = project.path(f"{folder}/diagram.png")
    os.symlink("/etc/passwd", link)
    fails(project.without_downloads(), previous, f"{folder}/diagram.png:1")


def test_a_raw_image_of_a_missing_file_is_a_message_not_a_traceback(project, previous):
    line = append(project, "docs/causes.md", '<img src="images/flow.png" alt="還款流程">')
    fails(project, previous, f"docs/causes.md:{line}")


# -----------------------------------------------------------------------------
# Personal data in the built text
# -----------------------------------------------------------------------------

SPLIT = {
    "comments": "客服：138<!-- -->0013<!-- -->8000",
    "entities": "客服：&#49;38&#x30;0138000",
    "inline-markup": "客服：<span>138</span>0013<strong>8000</strong>",
    "line-breaks": "客服：138\n0013\n8000",  # one paragraph: a reader sees 138 0013 8000
    "soft-hyphens": "客服：138&shy;0013&shy;8000",  # no room on screen: a reader sees 13800138000
    "tooltip": '[聯繫客服](index.md "電話 &#49;3800138000")',  # the link's title, shown on hover
}


@pytest.mark.parametrize("text", SPLIT.values(), ids=SPLIT.keys())
def test_personal_data_split_by_markup_is_refused(project, previous, text):
    line = append(project.without_downloads(), "docs/causes.md", text)
    problems = fails(project, previous, f"docs/causes.md:{line}")
    assert "個人信息" in problems


# -----------------------------------------------------------------------------
# Loads from another host, wherever they come from; the gate cannot be removed
# -----------------------------------------------------------------------------

CONFIG_LOADS = {
    "extra_javascript": ("strict: true\n", "strict: true\nextra_javascript:\n  - https://cdn.example.com/x.js\n"),
    "extra_css": ("strict: true\n", "strict: true\nextra_css:\n  - //cdn.example.com/x.css\n"),
    "theme.font": ("  font: false\n", "  font:\n    text: Roboto\n"),
}


@pytest.mark.parametrize("old, new", CONFIG_LOADS.values(), ids=CONFIG_LOADS.keys())
def test_a_load_from_another_host_in_mkdocs_yml_is_refused(project, previous, old, new):
    line = project.without_downloads().edit("mkdocs.yml", old, new)
    problems = fails(project, previous, "mkdocs.yml")
    assert any(f"mkdocs.yml:{n}:" in problems for n in range(line, line + 3)), problems


def test_a_remote_import_in_a_stylesheet_is_refused(project, previous, own_overrides):
    css = own_overrides / "assets" / "stylesheets" / "extra.css"
    css.write_text(
        '@import url("https://fonts.example.com/x.css");\n' + css.read_text(encoding="utf-8"), encoding="utf-8"
    )
    fails(project.without_downloads(), previous, "overrides/assets/stylesheets/extra.css:1")


def test_a_remote_script_in_a_template_is_refused(project, previous, own_overrides):
    template = own_overrides / "main.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(
        text.replace(
            "{% block scripts %}", '{% block scripts %}\n  <script src="https://cdn.example.com/x.js"></script>'
        ),
        encoding="utf-8",
    )
    line = (
        template.read_text(encoding="utf-8")
        .splitlines()
        .index('  <script src="https://cdn.example.com/x.js"></script>')
        + 1
    )
    fails(project.without_downloads(), previous, f"overrides/main.html:{line}")


@pytest.mark.parametrize("hook", ["hooks/page_checks.py", "hooks/safe_html.py"])
def test_the_gate_hooks_cannot_be_removed(project, previous, hook):
    text = project.config.read_text(encoding="utf-8")
    [entry] = [line for line in text.splitlines() if line.strip().startswith(f"- {hook}")]
    project.edit("mkdocs.yml", entry + "\n", "")
    fails(project.without_downloads(), previous, f"mkdocs.yml:{project.line_of('mkdocs.yml', 'hooks:')}")
