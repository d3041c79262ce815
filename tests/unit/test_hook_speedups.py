"""The hooks' cheaper ways (scripts/bench) give what the ways they replaced gave, input for input.

Each replaced way is kept here, as it was, and both run on the inputs most likely to tell them
apart (tags in any case, comments and entities splitting text, numbers at a text's edges) and on
a few thousand random fragments made of such pieces.
"""

from __future__ import annotations

import random
import re

import pytest

from overdue_guide import hotlines, lint_content, page_checks, publishable

# -----------------------------------------------------------------------------
# Hotlines: one pass over the tags, numbers found in the whole page
# -----------------------------------------------------------------------------

NUMBERS = ["95188", "12378", "12368", "110", "120"]


def old_number_pattern(numbers):
    alternatives = "|".join(re.escape(n) for n in sorted(numbers, key=len, reverse=True))
    return re.compile(rf"(?<![0-9A-Za-z_.+\-/])(?:{alternatives})(?![0-9A-Za-z_/]|[.\-]\d)")


def old_link_hotlines(html, pattern):
    """hooks/hotlines.py's walk before: each text between two tags searched on its own."""
    if not pattern.search(html):
        return html
    out, stack, last = [], [], 0
    for tag in hotlines.TAG.finditer(html):
        out.append(_old_linked(html[last : tag.start()], pattern, stack))
        last = tag.end()
        closing, name, attributes = tag[1], (tag[2] or "").lower(), tag[3] or ""
        if not name:
            pass
        elif closing:
            while stack and stack.pop()[0] != name:
                pass
        elif name not in hotlines.VOID and not attributes.rstrip().endswith("/"):
            skip = name in hotlines.SKIP or bool(hotlines.HIDDEN.search(attributes)) or bool(stack and stack[-1][1])
            stack.append((name, skip))
        out.append(tag[0])
    out.append(_old_linked(html[last:], pattern, stack))
    return "".join(out)


def _old_linked(text, pattern, stack):
    if not text or (stack and stack[-1][1]):
        return text
    return pattern.sub(lambda m: f'<a class="hotline" href="tel:{m[0]}">{m[0]}</a>', text)


HOTLINE_CASES = [
    "<p>撥打 12378 投訴，或撥打95188。</p>",
    "<p>110</p>",  # a number right after a tag's > and right before a tag's <
    "110<p>120</p>12378",  # numbers before the first tag and after the last
    "<P>110</P><A HREF='x'>120</A>110",  # tags in upper case
    '<p title="撥打 12378">12378</p>',  # in an attribute, then in text
    "<p>1<!-- -->10 和 <!-- 110 -->120</p>",  # comments split a number, hold one
    "<p>a110 110b 1101 x-110 110-1 110.5 110. 110/ /110 +110 .110</p>",  # inside longer numbers and words
    "<div hidden><p>110</p></div>110<div HIDDEN=''>120</div>",
    "<p><a href=x><b>110</a>120</b>12378</p>",  # misnested: a closing tag pops what it closes over
    "<p>3 < 4，撥打 110 > 12378</p>",  # a lone < or > in text
    "<pre><code>110</code></pre><code>120</code><kbd>12378</kbd>",
    "<p><br/>110<img src='110.png'/>120<br>12378</p>",
    "<p>撥打 12378<!-- unterminated 110</p>",
    "<p>&#49;10 和 1&amp;10 和 110&nbsp;</p>",  # entities beside numbers
    "",
    "no tags 110 at all 12378",
]

PIECES = [
    *("<p>", "</p>", "<P>", "</P>", "<a href='110'>", "</a>", "<A>", "</A>", "<code>", "</code>", "<CODE>"),
    *("<div hidden>", "<div hidden='hidden'>", "<div data-hidden>", "</div>", "<br>", "<br/>", "<img src=x />"),
    *('<span title="a>110">', "</span>", "<!--", "-->", "<!-- 120 -->", "<", ">", "</", "<svg>", "</svg>"),
    *NUMBERS,
    *("1", "0", "9", "5", "x", "-", ".", "/", "+", "_", " ", "撥打", "，", "&amp;", "&#49;", "\n"),
]


def random_fragments(count, seed):
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randrange(1, 40))) for _ in range(count)]


@pytest.mark.parametrize("html", HOTLINE_CASES)
def test_hotlines_are_linked_as_the_walk_of_every_text_linked_them(html):
    old = old_link_hotlines(html, old_number_pattern(NUMBERS))
    assert hotlines.link_hotlines(html, hotlines.number_pattern(NUMBERS)) == old


def test_hotlines_in_random_fragments_are_linked_as_before():
    old_pattern, pattern = old_number_pattern(NUMBERS), hotlines.number_pattern(NUMBERS)
    for html in random_fragments(3000, seed=19):
        assert hotlines.link_hotlines(html, pattern) == old_link_hotlines(html, old_pattern), html


@pytest.mark.parametrize("text", HOTLINE_CASES)
def test_the_number_pattern_matches_where_the_lookbehind_first_pattern_did(text):
    old = [m.span() for m in old_number_pattern(NUMBERS).finditer(text)]
    assert [m.span() for m in hotlines.number_pattern(NUMBERS).finditer(text)] == old


OLD_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.DOTALL)
QUOTED_PIECES = ['"', "'", ">", "<", "<p", "<a", "</", " title=", "=", "x", " ", "\n", "<!--", "-->", "110", "/"]


def test_tags_are_the_tags_the_one_character_at_a_time_pattern_found():
    rng = random.Random(24)
    for html in HOTLINE_CASES + ["".join(rng.choices(QUOTED_PIECES, k=rng.randrange(1, 30))) for _ in range(5000)]:
        old = [(m.span(), m.groups()) for m in OLD_TAG.finditer(html)]
        assert [(m.span(), m.groups()) for m in hotlines.TAG.finditer(html)] == old, html


# -----------------------------------------------------------------------------
# Loads from another host: only the runs around a "//" are read
# -----------------------------------------------------------------------------


def old_foreign_loads(html):
    found = [m["url"] for m in publishable.LOADS.finditer(html)]
    for link in publishable.LINK.finditer(html):
        href = publishable.LINK_HREF.search(link[0])
        if href and publishable.LINK_LOADS.search(link[0]):
            found.append(href["url"])
    found += publishable.css_loads(html)
    return list(dict.fromkeys(found))


LOAD_PIECES = [
    *("<img ", "<IMG ", "<script ", "<video poster=", "<source srcset=", "<link ", 'rel="stylesheet" ', "rel=icon "),
    *("src=", "SRC = ", "href=", "data=", '"', "'", " ", "x", ">", "<", "/", "//", "\n", "<!--", "-->"),
    *("//a.example/x", "https://b.example/y", "http:", "<style>", "</style>", "@import ", "url(", "URL( ", ")"),
]


def test_loads_in_random_fragments_are_the_loads_the_whole_page_search_found():
    rng = random.Random(26)
    cases = [
        '<img alt="x" src="//a.example/i.png"><link rel="stylesheet" href="https://b.example/c.css">',
        "<style>@import url('//c.example/d.css'); a{background:url( //e.example/f.png )}</style>",
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="//g.example/h.png"/></svg>',
        "<img\nsrc=//i.example/j.png>//<link href=//k.example/l rel=icon>",
    ]
    for html in [*cases, *("".join(rng.choices(LOAD_PIECES, k=rng.randrange(1, 40))) for _ in range(5000))]:
        assert publishable.foreign_loads(html) == old_foreign_loads(html), html


# -----------------------------------------------------------------------------
# Loads in CSS: where url( and @import begin, without a lower-cased copy of the page
# -----------------------------------------------------------------------------


def old_css_starts(html):
    lower, starts = html.lower(), []
    for needle in ("url(", "@import"):
        at = lower.find(needle)
        while at >= 0:
            starts.append(at)
            at = lower.find(needle, at + 1)
    return sorted(starts)


CSS_START_CASES = [
    "url(a)",  # at the very start: nothing before the (
    "(url(x)",
    "ur(",
    "(((",
    "@import",
    "@impor",
    "x@IMPORT url( URL(Url(uRl(",
    "@@import@import",
    "<style>@Import URL('//cdn.example/x.css');</style>",
    "<p>url（全角）@ｉｍｐｏｒｔ</p>",  # full-width look-alikes are not CSS
    "Kurl(",  # the Kelvin sign lower-cases to k
]


@pytest.mark.parametrize("html", CSS_START_CASES)
def test_css_loads_are_tried_where_a_lower_cased_copy_would_show_them(html):
    assert publishable._css_starts(html) == old_css_starts(html)


# -----------------------------------------------------------------------------
# Visible text: lower-case patterns where no tag's name could match them in another case
# -----------------------------------------------------------------------------


def old_markup_removed(html):
    return page_checks.INLINE_TAG.sub("", page_checks.NOT_TEXT.sub("", html))


def markup_removed(html):
    return page_checks.markup_removed(html, bool(page_checks.CASED_TAG_NAME.search(html)))


VISIBLE_CASES = [
    "<p>電話 138<!-- -->0013<b>8000</b></p>",
    "<P>電話 138<B>0013</B>8000</P>",  # capitals: the patterns of any case
    "<p>138<SPAN>0013</SPAN>8000</p>",
    "<p>138<span>0013</SPAN>8000</p>",  # a closing tag in capitals only
    "<script>var a = 1;</SCRIPT><p>138</p>",
    "<SCRIPT>var a = 1;</script><p>138</p>",
    "<p>138<\u017ftrong>0013</\u017ftrong>8000</p>",  # ſ matches s in any case
    "<p>138<\u212abd>0013</\u212abd>8000</p>",  # the Kelvin sign matches k
    "<p>138<bd\u0131>0013</bd\u0131>8000</p>",  # dotless ı matches i
    "<p>138<\u0130>0013</\u0130>8000</p>",  # İ matches i
    "<svg><text>138</text></svg><sVg>x</SvG><p>&#49;38&#x30;0013 8000</p>",
    "<p>138<!-- a -- b -->0013</p><!-- <p>13800138000</p> -->",
]

TEXT_PIECES = [
    *("<p>", "</p>", "<P>", "<b>", "</B>", "<span class=x>", "</span>", "<SPAN>", "<br>", "<div>", "</DIV>"),
    *("<script>", "</script>", "<SCRIPT>", "</Script>", "<style>", "</style>", "<svg>", "</SVG>", "<template>"),
    *("<!--", "-->", "<", ">", "</", "<\u017f>", "<\u212a>", "<b\u0131>", "\u0130", "&amp;", "&#49;", "&lt;b&gt;"),
    *("138", "0013", "8000", "a", " ", "\n", "文"),
]


@pytest.mark.parametrize("html", VISIBLE_CASES)
def test_the_markup_removed_is_what_the_patterns_of_any_case_remove(html):
    assert markup_removed(html) == old_markup_removed(html)


def test_the_markup_removed_from_random_fragments_is_what_the_patterns_of_any_case_remove():
    rng = random.Random(21)
    for _ in range(3000):
        html = "".join(rng.choices(TEXT_PIECES, k=rng.randrange(1, 40)))
        assert markup_removed(html) == old_markup_removed(html), html


def test_a_number_split_by_capitalised_inline_tags_is_still_found():
    page = "<html><body><P>電話 138<B>0013</B><SPAN>8000</SPAN></P></body></html>"
    found = page_checks.built_personal_data(page, lint_content, lint_content.LintAllowlist())
    assert [kind for _, kind in found] == ["手機號碼"], found


def test_a_line_checked_under_one_allow_list_is_checked_again_under_another():
    page = "<p>電話 13800138000</p>"
    strict = lint_content.LintAllowlist()
    allowing = lint_content.LintAllowlist(personal_data=frozenset({lint_content.canonical("13800138000")}))
    assert page_checks.built_personal_data(page, lint_content, strict)
    assert page_checks.built_personal_data(page, lint_content, allowing) == []
    assert page_checks.built_personal_data(page, lint_content, strict)


def old_built_personal_data(html, rules):
    """page_checks.built_personal_data before: each line holding a first character of the check, in order."""
    text, found, position = page_checks.visible_text(html), [], 0
    while hint := lint_content.MAYBE_PERSONAL_START.search(text, position):
        start = text.rfind("\n", 0, hint.start()) + 1
        end = text.find("\n", hint.end())
        end = len(text) if end < 0 else end
        line = text[start:end]
        found += [(text, kind) for _, text, kind in lint_content.personal_data(line, rules.personal_data, rules.public)]
        position = end + 1
    return found


PAGE_PIECES = [
    *("<p>", "</p>", "<li>", "<b>", "</b>", "<!-- -->", "\n", " ", "電話", "郵箱", "微信", "a", "@", "example.com"),
    *("138", "0013", "8000", "13800138000", "95188", "12378", "someone@example.com", "wxid_abc123", "&#49;"),
]


def test_the_pages_personal_data_is_what_the_line_by_line_check_found_in_order():
    rng, rules = random.Random(27), lint_content.LintAllowlist()
    pages = ["".join(rng.choices(PAGE_PIECES, k=rng.randrange(1, 30))) for _ in range(1500)]
    for html in pages + pages[::-1]:  # the second time, most lines are known to be clean
        assert page_checks.built_personal_data(html, lint_content, rules) == old_built_personal_data(html, rules), html


# -----------------------------------------------------------------------------
# The personal-data check's first tests: a lookahead opens each pattern; full-width characters replaced
# where they are
# -----------------------------------------------------------------------------

OLD_MAYBE = re.compile(
    r"[0-9０-９@＠#＃]|\bat\b|ａｔ|微信|V信|Ｖ信|威信|薇信|[VvＶｖWwＷｗ][XxＸｘ]|wechat|weixin", re.IGNORECASE
)
OLD_LIKELY = re.compile(
    r"\d(?:\D{0,4}\d){4}|@|#(?=[A-Za-z0-9-]+\.)|\bat\b|微信|V信|威信|薇信|[VW]X|wechat|weixin", re.IGNORECASE
)

LINE_PIECES = [
    *("at", "AT", "aT", "ａｔ", "ＡＴ", "cat", "at1", "_at", "微信", "v信", "Ｖ信", "威信", "薇信", "vx", "WX", "ｗｘ"),
    *("wechat", "WeChat", "weixin", "WEIXIN", "@", "＠", "#", "＃", "#abc.com", "#a", "a.", "1", "９", "٣", "①"),
    *("12345", "1-2-3-4-5", "1 2", "  ", "—", "：", "（", "）", "\u3000", "ﬁ", "e\u0301", "\u212a", "\u017f", "\u0130"),
    *("文", "字", "x", "V", "W", "\n"),
]


def random_lines(count, seed):
    rng = random.Random(seed)
    return ["".join(rng.choices(LINE_PIECES, k=rng.randrange(1, 25))) for _ in range(count)]


def test_the_first_tests_match_where_they_matched_without_their_lookahead():
    for line in LINE_PIECES + random_lines(5000, seed=22):
        for old, new in ((OLD_MAYBE, lint_content.MAYBE_PERSONAL), (OLD_LIKELY, lint_content.LIKELY_PERSONAL)):
            assert [m.span() for m in new.finditer(line)] == [m.span() for m in old.finditer(line)], (line, new)


def old_normalize(text):
    """normalize() as it was: the full-width ASCII made half-width by str.translate (the rest is unchanged)."""
    return lint_content._nfkc_by_character(text, text.translate(lint_content._FULL_WIDTH_ASCII))


def test_a_line_is_normalised_as_str_translate_normalised_it():
    each_full_width = [f"文{chr(code)}字" for code in [*range(0xFF00, 0xFF61), 0x3000, 0x2FFF, 0x3001]]
    for line in [*each_full_width, *LINE_PIECES, *random_lines(2000, seed=23)]:
        normal, origin = lint_content.normalize(line)
        old_normal, old_origin = old_normalize(line)
        assert (normal, list(origin)) == (old_normal, list(old_origin)), line


# -----------------------------------------------------------------------------
# The page's Markdown, which MkDocs reads from disk at each use, is read only to name a problem's line
# -----------------------------------------------------------------------------


class CountedSource:
    """A page's file that counts how often its Markdown is read."""

    src_uri = "guide.md"

    def __init__(self, text):
        self.text, self.reads = text, 0

    @property
    def content_string(self):
        self.reads += 1
        return self.text


class BuildConfig(dict):
    """A build's config as the page events read it: its state by key, its settings as attributes."""


def checked_page(html, source, tmp_path):
    from pathlib import Path
    from types import SimpleNamespace

    from mkdocs.structure.files import File, Files

    root = Path(__file__).resolve().parents[2]
    page = SimpleNamespace(file=source, url="guide/")
    config = BuildConfig({page_checks.STATE: (root, page_checks.allowed_personal_data(root))})  # as on_config sets
    config.config_file_path = str(root / "mkdocs.yml")
    files = Files([File(name, str(tmp_path), str(tmp_path / "site"), True) for name in ("guide.md", "a.png")])
    page_checks.on_page_content(html, page=page, config=config, files=files)
    page_checks.on_post_page(f"<html><body>{html}</body></html>", page=page, config=config)


def test_a_page_with_nothing_wrong_is_checked_without_reading_its_markdown(tmp_path):
    source = CountedSource("# 指南\n\n![圖](a.png)\n")
    checked_page('<h1 id="guide">指南</h1><p><img alt="圖" src="../a.png"></p>', source, tmp_path)
    assert source.reads == 0


@pytest.mark.parametrize(
    ("html", "line"),
    [
        ('<h1 id="guide">指南</h1>\n<p><img alt="圖" src="../b.png"></p>', 3),  # an image not on the site
        ('<h1 id="guide">指南</h1>\n<p><img src="https://cdn.example/b.png"></p>', 3),  # from another host
        ("<p>指南</p>", 1),  # no title
    ],
)
def test_a_problem_is_still_named_at_its_line_of_the_markdown(html, line, tmp_path):
    from overdue_guide.problems import ProblemError

    source = CountedSource("# 指南\n\n![圖](../b.png) ![](https://cdn.example/b.png)\n")
    with pytest.raises(ProblemError) as error:
        checked_page(html, source, tmp_path)
    assert f"docs/guide.md:{line}" in str(error.value.args[0]), error.value.args[0]
