"""The zh-Hans edition's pure parts: OpenCC conversion, the generated config and
tree (scripts/edition.py), and the script-purity checks (scripts/script_purity.py)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

import edition
import script_purity

ROOT = Path(__file__).resolve().parents[2]


# -----------------------------------------------------------------------------
# Conversion
# -----------------------------------------------------------------------------

def test_conversion_is_phrase_level_and_reads_taiwan_variants():
    assert edition.to_simplified("徵信系統、滯納金、花唄、支付寶") == "征信系统、滞纳金、花呗、支付宝"
    assert edition.to_simplified("隨著互聯網金融的發展，面臨著") == "随着互联网金融的发展，面临着"
    assert edition.to_simplified("頭髮、以後、乾淨、週轉") == "头发、以后、干净、周转"


def test_conversion_keeps_the_mainland_vocabulary_of_the_text():
    # tw2sp would turn these into 协议文档 and 拷贝.
    assert edition.to_simplified("協議文件；複製") == "协议文件；复制"


def test_conversion_leaves_ids_links_and_markup_alone():
    markdown = "## 準備材料 {#prepare-documents}\n[說明](negotiation.md#prepare-documents)\n"
    assert edition.to_simplified(markdown) == "## 准备材料 {#prepare-documents}\n[说明](negotiation.md#prepare-documents)\n"


def test_config_values_are_converted_except_edition_names():
    config = {"site_name": "協商指南", "nav": [{"首頁": "index.md"}], "theme": {"palette": [{"toggle": {"name": "深色模式"}}]},
              "extra": {"editions": [{"lang": "zh-Hant", "name": "繁體中文"}]}}
    converted = edition.convert_value(config)
    assert converted["site_name"] == "协商指南"
    assert converted["nav"] == [{"首页": "index.md"}]
    assert converted["theme"]["palette"][0]["toggle"]["name"] == "深色模式"
    assert converted["extra"]["editions"][0]["name"] == "繁體中文"


def test_only_changed_config_is_restated_dicts_by_key_lists_whole():
    original = {"site_name": "協商", "repo_url": "https://x", "theme": {"name": "material", "palette": [{"a": "深"}, {"b": "淺"}]}}
    converted = edition.convert_value(original)
    assert edition.changed_only(original, converted) == {"site_name": "协商", "theme": {"palette": [{"a": "深"}, {"b": "浅"}]}}


def parent_config() -> dict:
    return {"site_name": "協商指南", "site_url": "https://example.org/guide/", "edit_uri": "edit/main/docs/",
            "hooks": ["hooks/checklist.py"], "theme": {"name": "material", "language": "zh-Hant", "custom_dir": "overrides"},
            "extra": {"offline_bundle_url": "download/guide.zip", "editions": [{"lang": "zh-Hans", "name": "简体中文"}]}}


def test_edition_config_lives_under_zh_hans_and_points_at_the_real_hooks(tmp_path):
    config = edition.edition_config(parent_config(), parent_file=tmp_path / "mkdocs.yml")
    assert config["INHERIT"] == str(tmp_path / "mkdocs.yml")
    assert config["site_url"] == "https://example.org/guide/zh-Hans/"
    assert config["site_name"] == "协商指南"
    assert config["hooks"] == [str(tmp_path / "hooks/checklist.py")]
    assert config["theme"] == {"language": "zh-Hans", "custom_dir": "overrides"}
    assert config["docs_dir"] == "docs"
    assert config["extra"] == {"offline_bundle_url": "download/alipay-overdue-guide-offline-zh-Hans.zip"}
    assert "edit_uri" not in config  # inherited: "edit this page" opens the zh-Hant source


def test_generated_tree_converts_text_copies_assets_and_inherits_the_rest(tmp_path):
    root = tmp_path / "repo"
    (root / "docs" / "img").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "overrides" / "assets").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(parent_config(), allow_unicode=True), encoding="utf-8")
    (root / "docs" / "index.md").write_text("# 協商 {#negotiation}\n", encoding="utf-8")
    (root / "docs" / "img" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\xff\x00")
    (root / "data" / "checklist.yml").write_text("label: 聯繫客服  # 註解\n", encoding="utf-8")
    (root / "overrides" / "footer.html").write_text("<a>下載離線版</a>\n", encoding="utf-8")
    (root / "overrides" / "assets" / "app.js").write_text("// 繁體註解\n", encoding="utf-8")

    config_file = edition.generate(tmp_path / "out", root=root)

    out = tmp_path / "out"
    assert (out / "docs" / "index.md").read_text(encoding="utf-8") == "# 协商 {#negotiation}\n"
    assert (out / "docs" / "img" / "logo.png").read_bytes() == b"\x89PNG\r\n\x1a\n\xff\x00"
    assert (out / "data" / "checklist.yml").read_text(encoding="utf-8") == "label: 联系客服  # 注解\n"
    assert (out / "overrides" / "footer.html").read_text(encoding="utf-8") == "<a>下载离线版</a>\n"
    assert (out / "overrides" / "assets" / "app.js").read_text(encoding="utf-8") == "// 繁體註解\n"
    merged = edition.load_config(config_file)  # as MkDocs reads it: INHERIT merged in
    assert merged["site_name"] == "协商指南"
    assert merged["edit_uri"] == "edit/main/docs/"
    assert merged["theme"] == {"name": "material", "language": "zh-Hans", "custom_dir": "overrides"}
    assert merged["extra"]["editions"] == [{"lang": "zh-Hans", "name": "简体中文"}]


def test_generating_again_removes_files_deleted_from_the_source(tmp_path):
    root = tmp_path / "repo"
    for folder in ("docs", "data", "overrides"):
        (root / folder).mkdir(parents=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(parent_config(), allow_unicode=True), encoding="utf-8")
    (root / "docs" / "old.md").write_text("舊\n", encoding="utf-8")
    edition.generate(tmp_path / "out", root=root)
    (root / "docs" / "old.md").unlink()
    edition.generate(tmp_path / "out", root=root)
    assert not (tmp_path / "out" / "docs" / "old.md").exists()


def test_the_real_config_generates_a_simplified_edition(tmp_path):
    config = edition.load_config(edition.generate(tmp_path / "zh-Hans"))
    assert config["theme"]["language"] == "zh-Hans"
    assert script_purity.traditional_left(config["site_name"] + config["site_description"]) == []
    assert [e["lang"] for e in config["extra"]["editions"]] == ["zh-Hant", "zh-Hans"]


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
    return (f'<html lang="{lang}"><head><title>标题</title><script>var s = "後";</script>'
            f'<style>/* 後 */</style></head><body>{body}'
            f'<script id="__config" type="application/json">{config}</script></body></html>')


def test_reader_texts_cover_text_attributes_and_interface_strings_not_code():
    texts = script_purity.reader_texts(page('<p title="提示">正文</p><a aria-label="链接" href="/後/">x</a>'
                                            '<div data-progress="已完成"></div>', translations={"search": "查找"}))
    assert ("zh-Hans", "提示") in texts and ("zh-Hans", "链接") in texts and ("zh-Hans", "已完成") in texts
    assert ("zh-Hans", "正文") in texts and ("zh-Hans", "查找") in texts
    assert not any("後" in text for _, text in texts)  # script, style and URLs are not text


def test_text_in_another_language_is_checked_in_its_own_script():
    html = page('<p>逾期后果</p><a lang="zh-Hant" href="../">繁體中文</a>')
    assert script_purity.check_page(html, file="a.html", allowlist={}) == []
    problems = script_purity.check_page(page('<p>逾期後果</p>'), file="a.html", allowlist={})
    assert [p.format() for p in problems] == ["a.html: 簡體版留下繁體字「後」，應為「后」：…逾期後果…"]


def test_the_allowlist_has_a_reason_for_each_character():
    data = yaml.safe_load((ROOT / "data" / "script-allowlist.yml").read_text(encoding="utf-8"))
    for lang, chars in data.items():
        assert lang in script_purity.CHECKS
        for char, reason in chars.items():
            assert len(char) == 1 and isinstance(reason, str) and reason.strip(), (lang, char)
