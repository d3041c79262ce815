"""The editions' pure parts (hooks/editions.py): which editions there are, the conversion of
text, config strings and templates, and the script-purity checks (scripts/script_purity.py)."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest
import yaml
from mkdocs.exceptions import PluginError

from overdue_guide import editions, script_purity

ROOT = Path(__file__).resolve().parents[2]
to_simplified = editions.converter("tw2s")
HANT = editions.Edition("zh-Hant", "繁體中文", "", None)
HANS = editions.Edition("zh-Hans", "简体中文", "zh-Hans/", "tw2s")


# -----------------------------------------------------------------------------
# Conversion
# -----------------------------------------------------------------------------


def test_conversion_is_phrase_level_and_reads_taiwan_variants():
    assert to_simplified("徵信系統、滯納金、花唄、支付寶") == "征信系统、滞纳金、花呗、支付宝"
    assert to_simplified("隨著互聯網金融的發展，面臨著") == "随着互联网金融的发展，面临着"
    assert to_simplified("頭髮、以後、乾淨、週轉") == "头发、以后、干净、周转"


def test_conversion_keeps_the_mainland_vocabulary_of_the_text():
    # tw2sp would turn these into 协议文档 and 拷贝.
    assert to_simplified("協議文件；複製") == "协议文件；复制"


def test_conversion_leaves_ids_links_markup_and_line_numbers_alone():
    markdown = "## 準備材料 {#prepare-documents}\n[說明](negotiation.md#prepare-documents)\n{% if x %}頁{% endif %}\n"
    assert to_simplified(markdown) == (
        "## 准备材料 {#prepare-documents}\n[说明](negotiation.md#prepare-documents)\n{% if x %}页{% endif %}\n"
    )


def test_config_values_are_converted_keys_too_for_the_nav_but_not_urls():
    budget = [100]
    nav = editions.convert_value(
        [{"首頁": "index.md"}, "協商.md", {"還款": ["還款問題.md"]}], to_simplified, budget=budget, keys=True
    )
    # Titles are converted; file names stay the source's (the zh-Hans build reads the same docs/).
    assert nav == [{"首页": "index.md"}, "協商.md", {"还款": ["還款問題.md"]}]
    extra = editions.convert_value({"label": "壓縮包", "url": "download/x.zip"}, to_simplified, budget=budget)
    assert extra == {"label": "压缩包", "url": "download/x.zip"}


def test_conversion_of_hostile_config_is_bounded():
    # A billion-laughs structure: each level lists the one below ten times (aliases cost nothing to load).
    value: object = "笑"
    for _ in range(9):
        value = [value] * 10
    with pytest.raises(PluginError, match="太深或太大"):
        editions.convert_value(value, to_simplified, budget=[editions.MAX_STRINGS])
    deep: object = "深"
    for _ in range(editions.MAX_DEPTH + 2):
        deep = [deep]
    with pytest.raises(PluginError, match="太深或太大"):
        editions.convert_value(deep, to_simplified, budget=[editions.MAX_STRINGS])


def test_templates_from_the_projects_overrides_are_converted_and_materials_are_not(tmp_path):
    ours, theirs = tmp_path / "overrides", tmp_path / "material"
    ours.mkdir()
    theirs.mkdir()
    (ours / "main.html").write_text("{% include 'base.html' %}<p>下載離線版</p>", encoding="utf-8")
    (theirs / "base.html").write_text("<p>離線</p>", encoding="utf-8")
    inner = jinja2.FileSystemLoader([str(ours), str(theirs)])
    env = jinja2.Environment(loader=editions.ConvertingLoader(inner, to_simplified, str(ours)))
    assert env.get_template("main.html").render() == "<p>離線</p><p>下载离线版</p>"


# -----------------------------------------------------------------------------
# Which editions
# -----------------------------------------------------------------------------


def real_editions() -> list:
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", "rb") as file:
        return yaml_load(file)["extra"]["editions"]


def test_the_real_config_names_the_source_then_the_simplified_edition():
    assert editions.parse(real_editions()) == [HANT, HANS]


@pytest.mark.parametrize(
    "entries, message",
    [
        ([], "應該是一串版本"),
        ([{"lang": "zh-Hant", "name": "繁"}], "缺少 lang、name 或 path"),
        ([{"lang": "zh-Hant", "name": "繁", "path": "", "colour": "red"}], "不認識的字段「colour」"),
        ([{"lang": "zh-Hans", "name": "简", "path": "zh-Hans/", "opencc": "tw2s"}], "第一項是原文版"),
        (
            [{"lang": "zh-Hant", "name": "繁", "path": ""}, {"lang": "zh-Hans", "name": "简", "path": "zh-Hans"}],
            "path「zh-Hans」寫法不對",
        ),
        (
            [
                {"lang": "zh-Hant", "name": "繁", "path": ""},
                {"lang": "zh-Hans", "name": "简", "path": "x/", "opencc": "nope"},
            ],
            "不是 OpenCC 的轉換設定",
        ),
        (
            [
                {"lang": "zh-Hant", "name": "繁", "path": ""},
                {"lang": "zh-Hant", "name": "简", "path": "x/", "opencc": "tw2s"},
            ],
            "lang 相同",
        ),
    ],
)
def test_mistakes_in_the_editions_list_are_explained(entries, message):
    with pytest.raises(PluginError, match=message):
        editions.parse(entries)


def test_an_edition_is_selected_by_its_language_tag():
    assert editions.select([HANT, HANS], "zh-Hans") is HANS
    with pytest.raises(PluginError, match="沒有語言為「zh-HK」的版本"):
        editions.select([HANT, HANS], "zh-HK")


def test_downloads_are_placed_inside_each_edition():
    outputs = [{"format": "zip", "file": "download/guide-{lang}.zip", "label": "壓縮包", "purpose": "電腦上閱讀"}]
    assert editions.downloads(outputs, HANS) == [
        {"format": "zip", "label": "壓縮包", "url": "download/guide-zh-Hans.zip", "purpose": "電腦上閱讀"}
    ]


# -----------------------------------------------------------------------------
# Script purity
# -----------------------------------------------------------------------------


def test_traditional_left_finds_traditional_forms_in_simplified_text():
    assert script_purity.traditional_left("逾期後果与征信") == [(2, "後", "后")]
    assert script_purity.traditional_left("逾期后果与征信，什么、随着、显著") == []


def test_simplified_left_finds_simplified_forms_in_traditional_text():
    assert script_purity.simplified_left("逾期后果與徵信") == [(2, "后", "後")]
    assert script_purity.simplified_left("皇后與徵信") == []


def test_allowlisted_characters_are_not_reported():
    assert script_purity.simplified_left("資金周轉", frozenset({"周"})) == []
    assert script_purity.simplified_left("資金周轉") == [(2, "周", "週")]


def page(body: str, *, lang: str = "zh-Hans", translations: dict | None = None) -> str:
    config = json.dumps({"translations": translations or {}}, ensure_ascii=False)
    return (
        f'<html lang="{lang}"><head><title>标题</title><script>var s = "後";</script>'
        f"<style>/* 後 */</style></head><body>{body}"
        f'<script id="__config" type="application/json">{config}</script></body></html>'
    )


def test_reader_texts_cover_text_attributes_and_interface_strings_not_code():
    texts = script_purity.reader_texts(
        page(
            '<p title="提示">正文</p><a aria-label="链接" href="/後/">x</a><div data-progress="已完成"></div>',
            translations={"search": "查找"},
        )
    )
    assert ("zh-Hans", "提示") in texts and ("zh-Hans", "链接") in texts and ("zh-Hans", "已完成") in texts
    assert ("zh-Hans", "正文") in texts and ("zh-Hans", "查找") in texts
    assert not any("後" in text for _, text in texts)  # script, style and URLs are not text


def test_text_in_another_language_is_left_to_its_own_edition():
    html = page('<p>逾期后果</p><a lang="zh-Hant" href="../">繁體中文</a>')
    assert script_purity.check_page(html, file="a.html", edition=HANS, allowlist={}) == []
    problems = script_purity.check_page(page("<p>逾期後果</p>"), file="a.html", edition=HANS, allowlist={})
    assert [p.problem().format() for p in problems] == [
        "a.html: zh-Hans 版留下沒有轉換的字「後」，應為「后」：…逾期後果… — 改正 docs/ 或 data/ 裡的原文；"
        "兩種寫法都對的字，加入 data/script-allowlist.yml"
    ]


def test_a_third_edition_is_checked_with_its_own_profile():
    hk = editions.Edition("zh-HK", "香港繁體", "zh-HK/", "t2hk")
    assert script_purity.check_for(hk)("衛生", frozenset()) == [(0, "衛", "衞")]


def test_the_allowlist_has_a_reason_for_each_character():
    data = yaml.safe_load((ROOT / "data" / "script-allowlist.yml").read_text(encoding="utf-8"))
    langs = {entry["lang"] for entry in real_editions()}
    for lang, chars in data.items():
        assert lang in langs
        for char, reason in chars.items():
            assert len(char) == 1 and isinstance(reason, str) and reason.strip(), (lang, char)


# -----------------------------------------------------------------------------
# Mainland quotation marks (the zh-Hans edition's `quotes`)
# -----------------------------------------------------------------------------

MAINLAND = editions.edition_converter("tw2s", "“”‘’")


def test_the_edition_writes_mainland_quotes_after_converting_the_script():
    assert MAINLAND("不要付費「代理協商」，他說『停息掛賬』。") == "不要付费“代理协商”，他说‘停息挂账’。"
    assert editions.edition_converter("tw2s")("「協商」") == "「协商」"  # without quotes: kept


def test_quotes_in_code_spans_and_fences_are_left_alone():
    markdown = "寫「這樣」：`「原文」`\n```\n「代碼」\n```\n之後「也換」\n"
    assert MAINLAND(markdown) == "写“这样”：`「原文」`\n```\n「代码」\n```\n之后“也换”\n"


def test_yaml_data_keeps_its_lines_and_keys():
    yaml_text = "  - id: refuse-paid-agents\n    label: 不付費找「代理協商」\n"
    assert MAINLAND(yaml_text) == "  - id: refuse-paid-agents\n    label: 不付费找“代理协商”\n"


def test_the_zh_hans_edition_of_mkdocs_yml_asks_for_mainland_quotes():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    [hans] = [e for e in editions.parse(config["extra"]["editions"]) if e.lang == "zh-Hans"]
    assert hans.quotes == "“”‘’"


@pytest.mark.parametrize("quotes", ["“”", 4, "“”‘’x"])
def test_quotes_that_are_not_four_marks_stop_the_build_with_the_fix(quotes):
    entries = [
        {"lang": "zh-Hant", "name": "繁", "path": ""},
        {"lang": "zh-Hans", "name": "简", "path": "zh-Hans/", "opencc": "tw2s", "quotes": quotes},
    ]
    with pytest.raises(PluginError, match="quotes"):
        editions.parse(entries)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV tags read as nothing."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
