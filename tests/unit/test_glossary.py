"""The glossary's pure functions: reading the data file, pinyin, and marking terms in HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from overdue_guide import glossary
from overdue_guide.glossary import GlossaryError, Term, build_matcher, mark_terms, parse_glossary

ROOT = Path(__file__).resolve().parents[2]

STRINGS = """\
strings:
  see_entry: 查看名詞解釋
  pinyin: 拼音
  aliases: 又稱：
  appears_in: 出現於：
  separator: 、
"""


def data(terms: str) -> str:
    return f"page: glossary.md\n{STRINGS}terms:\n{terms}"


def term(term_id: str, text: str, *aliases: str, definition: str = "解釋") -> Term:
    return Term(id=term_id, term=text, aliases=aliases, definition=definition, pinyin="", line=1)


def marked(html: str, *terms: Term) -> tuple[str, list[str]]:
    """Mark with a bare <mark> so the tests read the matcher's decisions, not the markup."""
    return mark_terms(html, build_matcher(terms), lambda t, text: f"<mark {t.id}>{text}</mark>")


def marks(html: str) -> list[str]:
    return re.findall(r"<mark [\w-]+>(.*?)</mark>", html)


# -----------------------------------------------------------------------------
# The data file
# -----------------------------------------------------------------------------


def test_the_real_data_file_loads_with_at_least_15_terms_sorted_by_pinyin():
    loaded = parse_glossary((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
    assert len(loaded.terms) >= 15
    readings = [glossary.pinyin_sort_key(t.pinyin) for t in loaded.terms]
    assert readings == sorted(readings)
    assert set(loaded.strings) == {*glossary.STRINGS, *glossary.OPTIONAL_STRINGS}


def test_every_term_in_the_data_file_occurs_in_the_pages():
    loaded = parse_glossary((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
    pages = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md") if p.name != "glossary.md")
    assert [t.term for t in loaded.terms if t.term not in pages] == []


def test_a_valid_entry_gives_id_term_aliases_definition_pinyin_and_line():
    loaded = parse_glossary(
        data("  - id: credit-record\n    term: 信用記錄\n    aliases: [信用報告]\n    definition: 借款和還款的記錄。\n")
    )
    (entry,) = loaded.terms
    assert entry == Term(
        id="credit-record",
        term="信用記錄",
        aliases=("信用報告",),
        definition="借款和還款的記錄。",
        pinyin="xìn yòng jì lù",
        line=9,
    )
    assert loaded.page == "glossary.md" and loaded.page_line == 1


def test_terms_are_sorted_by_pinyin_and_tone_not_by_file_order_or_code_point():
    loaded = parse_glossary(
        data(
            "  - {id: c, term: 逾期, definition: 甲}\n"  # yú
            "  - {id: a, term: 額度, definition: 甲}\n"  # é
            "  - {id: d, term: 利息, definition: 甲}\n"  # lì
            "  - {id: b, term: 起訴, definition: 甲}\n"
        )
    )  # qǐ
    assert [t.term for t in loaded.terms] == ["額度", "利息", "起訴", "逾期"]


def test_pinyin_reads_traditional_characters_through_simplified_phrases():
    assert glossary.term_pinyin("銀行流水") == "yín háng liú shuǐ"
    assert glossary.term_pinyin("徵信系統") == "zhēng xìn xì tǒng"


def test_a_pinyin_field_overrides_the_automatic_reading():
    loaded = parse_glossary(data("  - {id: plan, term: 還款計劃, pinyin: huán kuǎn jì huà, definition: 甲}\n"))
    assert loaded.terms[0].pinyin == "huán kuǎn jì huà"


def test_pinyin_sort_key_orders_letters_first_then_tones_with_neutral_last():
    key = glossary.pinyin_sort_key
    assert key("hù lián") < key("huā bei") < key("huán kuǎn") < key("huó")
    assert key("mā") < key("má") < key("mǎ") < key("mà") < key("ma")


BAD_INPUT = [
    pytest.param("page: glossary.md\nstrings: [\n", 3, "YAML", id="malformed-yaml"),
    pytest.param("- id: a\n  term: 甲\n", 1, "「鍵: 值」", id="top-level-is-a-list"),
    pytest.param(f"page: glossary.md\n{STRINGS}terms:\n  id: a\n", 9, "一串", id="terms-is-not-a-list"),
    pytest.param(f"page: glossary.md\n{STRINGS}terms: []\n", 8, "至少一項", id="no-terms"),
    pytest.param("", 1, "空的", id="empty-file"),
    pytest.param(data("  - {id: a, term: 甲, definition: ''}\n"), 9, "definition 是空的", id="empty-definition"),
    pytest.param(data("  - id: a\n    term: 甲\n    definition:\n"), 11, "definition 是空的", id="null-definition"),
    pytest.param(data("  - {id: a, term: 甲}\n"), 9, "缺少「definition」", id="missing-definition"),
    pytest.param(data("  - {id: a, definition: 乙}\n"), 9, "缺少「term」", id="missing-term"),
    pytest.param(data("  - {id: a, term: 甲, defintion: 乙}\n"), 9, "不認識的字段「defintion」", id="misspelt-key"),
    pytest.param(data("  - id: a\n    term: 甲\n    term: 丙\n    definition: 乙\n"), 11, "寫了兩次", id="key-twice"),
    pytest.param(
        data("  - {id: a, term: 甲, definition: 乙}\n  - {id: b, term: 甲, definition: 丙}\n"),
        10,
        "「甲」重複了（第 9 行",
        id="duplicate-term",
    ),
    pytest.param(
        data(
            "  - {id: a, term: 甲, definition: 乙}\n"
            "  - id: b\n    term: 丙\n    aliases: [丁, 甲]\n    definition: 戊\n"
        ),
        12,
        "「甲」重複了（第 9 行",
        id="alias-duplicates-another-term",
    ),
    pytest.param(
        data(
            "  - {id: a, term: 甲, aliases: [丁], definition: 乙}\n"
            "  - {id: b, term: 丙, aliases: [丁], definition: 戊}\n"
        ),
        10,
        "「丁」重複了",
        id="duplicate-alias",
    ),
    pytest.param(
        data("  - {id: a, term: 甲, aliases: [甲], definition: 乙}\n"), 9, "「甲」重複了", id="alias-repeats-own-term"
    ),
    pytest.param(
        data("  - {id: a, term: 甲, definition: 乙}\n  - {id: a, term: 丙, definition: 丁}\n"),
        10,
        "id「a」重複了",
        id="duplicate-id",
    ),
    pytest.param(data("  - {id: Credit Record, term: 甲, definition: 乙}\n"), 9, "小寫英文字母", id="bad-id"),
    pytest.param(data("  - {id: a, term: 甲, aliases: 丁, definition: 乙}\n"), 9, "aliases", id="aliases-not-a-list"),
    pytest.param(data("  - {id: a, term: [甲], definition: 乙}\n"), 9, "term 應該是一段文字", id="term-not-text"),
    pytest.param(data("  - just a line\n"), 9, "每個名詞 應該是一組", id="entry-not-a-mapping"),
    pytest.param(
        "page: glossary.md\nstrings:\n  see_entry: 查看\nterms:\n  - {id: a, term: 甲, definition: 乙}\n",
        3,
        "strings 缺少",
        id="missing-string",
    ),
    pytest.param(
        data("  - {id: a, term: 甲, definition: 乙}\n").replace("glossary.md", "glossary"),
        1,
        "page「glossary」",
        id="page-not-markdown",
    ),
]


@pytest.mark.parametrize("text, line, message", BAD_INPUT)
def test_bad_input_is_an_error_naming_the_line_and_the_fix(text, line, message):
    with pytest.raises(GlossaryError) as raised:
        parse_glossary(text)
    assert raised.value.line == line, raised.value
    assert message in raised.value.message
    assert "— " in raised.value.message  # every message says how to fix it


def test_the_hook_reports_bad_input_as_file_colon_line(tmp_path):
    from mkdocs.exceptions import PluginError

    (tmp_path / "data").mkdir()
    (tmp_path / "data/glossary.yml").write_text(
        data("  - {id: a, term: 甲, definition: 乙}\n  - {id: b, term: 甲, definition: 丙}\n"), encoding="utf-8"
    )
    config = type(
        "Config",
        (dict,),
        {"config_file_path": str(tmp_path / "mkdocs.yml"), "extra": {"data": {"glossary": "data/glossary.yml"}}},
    )()
    with pytest.raises(PluginError, match=r"^data/glossary\.yml:10: 「甲」重複了（第 9 行"):
        glossary.on_config(config)


# -----------------------------------------------------------------------------
# Marking terms
# -----------------------------------------------------------------------------

ALIPAY, ALIPAY_LOANS = term("alipay", "支付寶"), term("alipay-loans", "支付寶貸款")
CREDIT, RECORD, SCORE = term("credit", "信用"), term("record", "信用記錄"), term("score", "信用評分")


def test_a_term_inside_a_run_of_chinese_characters_is_marked():
    html, found = marked("<p>逾期會記入徵信系統並降低評分。</p>", term("crs", "徵信系統"))
    assert html == "<p>逾期會記入<mark crs>徵信系統</mark>並降低評分。</p>"
    assert found == ["crs"]


def test_the_longest_term_wins_and_no_term_is_marked_inside_another():
    html, found = marked("<p>支付寶貸款是支付寶的產品。</p>", ALIPAY, ALIPAY_LOANS)
    assert marks(html) == ["支付寶貸款", "支付寶"]
    assert "<mark alipay-loans>支付寶貸款</mark>" in html
    assert found == ["alipay-loans", "alipay"]


def test_overlapping_terms_sharing_a_prefix_each_match_their_own_text():
    html, _ = marked("<p>信用記錄、信用評分和信用。</p>", CREDIT, RECORD, SCORE)
    assert re.findall(r"<mark ([\w-]+)>", html) == ["record", "score", "credit"]


def test_a_longer_term_already_marked_does_not_let_a_shorter_one_match_inside_it_later():
    html, found = marked("<p>支付寶貸款。再說支付寶貸款。</p>", ALIPAY, ALIPAY_LOANS)
    assert marks(html) == ["支付寶貸款"]
    assert found == ["alipay-loans"]


def test_only_the_first_occurrence_of_a_term_on_a_page_is_marked():
    html, found = marked("<p>逾期。</p><p>又逾期。</p><ul><li>逾期</li></ul>", term("overdue", "逾期"))
    assert html.count("<mark") == 1 and html.startswith("<p><mark overdue>逾期</mark>")
    assert found == ["overdue"]


def test_an_alias_counts_as_its_term():
    late_fee = term("late-fee", "滯納金", "罰息")
    html, found = marked("<p>罰息很高。</p><p>滯納金也是。</p>", late_fee)
    assert marks(html) == ["罰息"]
    assert found == ["late-fee"]


@pytest.mark.parametrize(
    "html",
    [
        "<h1>逾期</h1>",
        '<h2 id="x">逾期的影響<a class="headerlink" href="#x">#</a></h2>',
        "<h6>逾期</h6>",
        '<p><a href="impact.md">逾期的影響</a></p>',
        "<p><code>逾期</code></p>",
        "<pre><code>逾期\n</code></pre>",
        '<p><abbr title="x">逾期</abbr></p>',
        '<label for="c">逾期</label>',
        "<button>逾期</button>",
        '<script>var s = "逾期";</script>',
        "<style>/* 逾期 */</style>",
        "<!-- 逾期 -->",
        '<p><a href="x"><em>逾期</em></a></p>',
    ],
)
def test_terms_are_not_marked_in_headings_links_code_labels_scripts_or_comments(html):
    assert marked(html, term("overdue", "逾期")) == (html, [])


def test_after_a_skipped_element_closes_text_is_marked_again():
    html, _ = marked('<h2>逾期</h2><p><a href="#">逾期</a> 與 <code>逾期</code> 後的逾期</p>', term("overdue", "逾期"))
    assert html.endswith("後的<mark overdue>逾期</mark></p>")


def test_a_skipped_term_does_not_use_up_the_first_occurrence():
    html, _ = marked("<h1>徵信系統</h1><p>記入徵信系統。</p>", term("crs", "徵信系統"))
    assert html == "<h1>徵信系統</h1><p>記入<mark crs>徵信系統</mark>。</p>"


def test_script_content_that_looks_like_tags_does_not_confuse_the_walk():
    html = "<script>if (a<b) { x = '<a href=1>' }</script><p>逾期</p>"
    assert marks(marked(html, term("overdue", "逾期"))[0]) == ["逾期"]


def test_attribute_values_are_never_marked_even_with_a_greater_than_sign():
    html = '<p title="逾期 > 三天">文字</p><img alt="逾期"><p>逾期</p>'
    out, _ = marked(html, term("overdue", "逾期"))
    assert out == '<p title="逾期 > 三天">文字</p><img alt="逾期"><p><mark overdue>逾期</mark></p>'


def test_terms_inside_emphasis_are_marked():
    assert marks(marked("<p>會被<strong>起訴</strong>。</p>", term("lawsuit", "起訴"))[0]) == ["起訴"]


def test_entities_stay_intact_and_terms_written_with_markup_characters_match_their_escaped_form():
    amp = term("amp", "amp")
    assert marked("<p>A &amp; B</p>", amp) == ("<p>A &amp; B</p>", [])
    html, _ = marked("<p>P&amp;G 和 &lt;協議&gt;</p>", term("pg", "P&G"), term("tag", "<協議>"))
    assert html == "<p><mark pg>P&amp;G</mark> 和 <mark tag>&lt;協議&gt;</mark></p>"


def test_latin_terms_match_whole_words_only():
    app = term("app", "App")
    assert marked("<p>Apple 與 Apps</p>", app) == ("<p>Apple 與 Apps</p>", [])
    assert marks(marked("<p>支付寶App裡</p>", app)[0]) == ["App"]


def test_void_and_self_closing_skip_elements_do_not_leave_the_walk_skipping():
    html, _ = marked("<p><code/>逾期</p>", term("overdue", "逾期"))
    assert marks(html) == ["逾期"]


# -----------------------------------------------------------------------------
# Rendering
# -----------------------------------------------------------------------------


def test_a_mark_is_a_link_to_the_entry_with_an_id_for_appears_in():
    html = glossary.render_mark(term("x", "甲"), "甲", '../glossary/#x"><b')
    assert html == '<a class="glossary-term" id="glossary-ref-x" href="../glossary/#x&quot;&gt;&lt;b">甲</a>'


def test_definitions_are_json_in_one_hidden_block_that_no_definition_can_break_out_of():
    evil = term("x", "甲", definition='</div><script>alert("x")</script> & "引號" <!--')
    other = term("y", "乙")
    html = glossary.render_definitions({"x": evil, "y": other}, ["y", "x"], "查看", close="關閉")
    parsed = BeautifulSoup(html, "html.parser")
    block, *breaks = parsed.find_all(True)  # one element, and a line break before each definition
    assert block.name == "div" and block["class"] == ["glossary-definitions"]
    assert [element.name for element in breaks] == ["br"] * 3 and all(b.parent is block for b in breaks)
    assert block.has_attr("hidden") and block.has_attr("data-search-exclude")
    assert json.loads(block.get_text()) == {
        "more": "查看",
        "close": "關閉",
        "terms": {"y": other.definition, "x": evil.definition},
    }


def test_glossary_entries_escape_every_field_and_leave_a_slot_for_appears_in():
    loaded = parse_glossary(
        data(
            "  - id: x\n    term: <b>甲</b>\n    aliases: ['<i>丁</i>']\n"
            "    definition: <img src=x onerror=alert(1)> *強調*\n"
        )
    )
    html = glossary.render_entries(loaded)
    assert "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; *強調*" in html
    assert '<dt id="x"><dfn>&lt;b&gt;甲&lt;/b&gt;</dfn>' in html
    assert "<!--glossary-appears-in:x-->" in html


def test_appears_in_lists_links_with_the_separator_and_nothing_when_empty():
    strings = {"appears_in": "出現於：", "separator": "、"}
    assert glossary.render_appears_in(strings, []) == ""
    html = glossary.render_appears_in(strings, [("../a/#r", "甲 & 乙"), ("../b/#r", "丙")])
    assert html == (
        '<p class="glossary__appears-in" data-search-exclude>出現於：<a href="../a/#r">甲 &amp; 乙</a>、'
        '<a href="../b/#r">丙</a></p>'
    )
