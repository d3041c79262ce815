"""The hooks' fast paths (kept cheap for a 1,000-page build, scripts/bench) find what the slow,
thorough way finds: each is checked here against the way it replaced."""

from __future__ import annotations

import itertools

import pytest
from mkdocs.structure.files import File, Files

from overdue_guide import lint_content, page_checks, publishable, safe_html

# Each alternative of MAYBE_PERSONAL, in every case the pattern accepts.
MAYBE_SAMPLES = [
    *"0123456789０１２３４５６７８９@＠#＃",
    *("".join(chars) for chars in itertools.product("aA", "tT")),
    "ａｔ",
    "ＡＴ",
    "微信",
    "V信",
    "v信",
    "Ｖ信",
    "ｖ信",
    "威信",
    "薇信",
    *("".join(chars) for chars in itertools.product("VvＶｖWwＷｗ", "XxＸｘ")),
    "wechat",
    "WeChat",
    "WECHAT",
    "weixin",
    "WeiXin",
]


@pytest.mark.parametrize("sample", MAYBE_SAMPLES)
def test_every_match_of_maybe_personal_starts_with_a_character_of_the_scan(sample):
    text = f"一個 {sample} 字"
    match = lint_content.MAYBE_PERSONAL.search(text)
    assert match, sample
    assert lint_content.MAYBE_PERSONAL_START.match(text, match.start()), sample


def test_built_text_finds_a_number_on_any_line_of_a_long_page():
    filler = "<p>沒有數字的一行。</p>\n" * 500
    phone, mail = "<p>電話 138<!-- -->0013<b>8000</b></p>", "<p>郵箱 someone&#64;example.com</p>"
    page = f"<html><body>{filler}{phone}{filler}{mail}</body></html>"
    found = page_checks.built_personal_data(page, lint_content, lint_content.LintAllowlist())
    assert [kind for _, kind in found] == ["手機號碼", "郵箱地址"], found


CSS_CASES = [
    '<style>@import url("https://cdn.example.com/a.css");</style>',
    "<style>@import '//cdn.example.com/b.css';</style>",
    '<div style="background:URL(https://img.example.com/i.png)">',
    "<style>a{background:url( 'http://e.example/x' )} b{background:url(//z.example/y)}</style>",
    '<script>new URL("..", location)</script><p>url(https://x.example)</p>',
    "<p>no load here</p>",
]


@pytest.mark.parametrize("html", CSS_CASES)
def test_css_loads_finds_what_the_whole_page_search_finds(html):
    assert publishable.css_loads(html) == [match["url"] for match in publishable.CSS_LOADS.finditer(html)]


@pytest.mark.parametrize(
    "html",
    [
        '<p>段落<br />換行</p><hr /><img alt="圖" src="a.png" />',
        '<p><a href="https://www.pbc.gov.cn/" title="人民銀行">鏈接</a></p>',
        "<table><thead><tr><th>欄</th></tr></thead><tbody><tr><td>值</td></tr></tbody></table>",
    ],
)
def test_markdown_that_nh3_keeps_whole_has_nothing_dropped(html):
    clean, dropped = safe_html.sanitize(html)
    assert dropped == []
    assert safe_html.START_TAG.findall(html) == safe_html.START_TAG.findall(clean)  # the fast path


@pytest.mark.parametrize(
    ("html", "kind", "name"),
    [
        ('<p>一<br /><img src="a.png" onerror="x" /></p>', "attribute", "onerror"),
        ("<hr /><script>alert(1)</script>", "tag", "script"),
        ('<p title="a&gt;b">x</p><a href="javascript:alert(1)">y</a>', "url", "href"),
    ],
)
def test_a_drop_beside_self_closing_tags_is_still_named(html, kind, name):
    _, dropped = safe_html.sanitize(html)
    assert [(item.kind, item.name) for item in dropped] == [(kind, name)]


def test_each_build_gets_its_own_set_of_published_urls(tmp_path):
    def files(*names):
        return Files([File(name, str(tmp_path), str(tmp_path / "site"), use_directory_urls=True) for name in names])

    first, second = files("a.md", "img/a.png"), files("b.md")
    assert "img/a.png" in page_checks.published_urls(first)
    assert page_checks.published_urls(second) >= {"b/", "b/index.html"}
    assert "img/a.png" not in page_checks.published_urls(second)
    assert "img/c.png" not in page_checks.published_urls(first)
    first.append(File("img/c.png", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True))
    assert "img/c.png" in page_checks.published_urls(first)  # a file added during the build


# -----------------------------------------------------------------------------
# The built text as a browser shows it: a line break in a paragraph is a space
# -----------------------------------------------------------------------------

SPLIT_BY_LINE_BREAKS = [
    "<p>電話 138\n0013\n8000</p>",  # a number written over three lines of the Markdown
    "<p>電話 138\r\n0013 8000</p>",
    "<p>電話 138  0013\t\t8000</p>",  # runs of spaces, which a browser shows as one
    "<p>電話 138&#10;0013&#13;8000</p>",  # the line breaks as entities
    "<P>電話 138\n<B>0013</B>\n8000</P>",  # in capitals: the patterns of any case
    "<p>電話 138\x000013\x008000</p>",  # NUL, which a browser leaves out
    "<pre><code>x</code></pre><p>電話 138\n0013\n8000</p>",  # a paragraph after a code block
    '<p>電話 138<img alt="" src="x.png" width="0">00138000</p>',  # an image between two groups
    "<p>電話 138&shy;0013&#8203;8000</p>",  # characters that take no room on screen
    '<p><a href="contact/" title="電話 &#49;3800138000">聯繫我們</a></p>',  # a tooltip, its digit an entity
    '<p><img alt="電話 13800138000" src="card.png"></p>',  # an image's text, as the sanitizer writes it
]


@pytest.mark.parametrize("page", SPLIT_BY_LINE_BREAKS)
def test_a_number_split_over_lines_of_a_paragraph_is_found_as_the_reader_sees_it(page):
    found = page_checks.built_personal_data(page, lint_content, lint_content.LintAllowlist())
    assert [kind for _, kind in found] == ["手機號碼"], (page, page_checks.visible_text(page))


@pytest.mark.parametrize(
    "page",
    [
        "<pre><code>138\n0013\n8000</code></pre>",  # code: each line is a line on screen too
        "<PRE>138\n0013\n8000</PRE>",
        '<textarea rows="3">138\n0013\n8000</textarea>',
        "<ul>\n<li>138</li>\n<li>0013</li>\n<li>8000</li>\n</ul>",  # each item a block of its own
        # Columns lined up in a code block: the reader sees the runs of spaces between them.
        '<div class="highlight"><pre><span></span><code>月份   本金   利息\n1     1800   200    2000\n</code></pre>',
        "<pre>400    500    1000</pre>",
        "<p>138\f0013\f8000</p>",  # a form feed: Chromium shows it as a character, not a space
    ],
)
def test_lines_that_are_lines_on_screen_stay_apart(page):
    assert page_checks.built_personal_data(page, lint_content, lint_content.LintAllowlist()) == [], (
        page_checks.visible_text(page)
    )
