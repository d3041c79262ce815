"""The vocabulary check rejects Taiwan/Hong Kong words in both scripts, names
file:line:col and the mainland word, and takes its table from OpenCC's data."""

from pathlib import Path

import pytest

from overdue_guide import lint_content, vocabulary
from overdue_guide.vocabulary import find_words, lint_text

ROOT = Path(__file__).resolve().parents[2]

# The words issue 10 found in the site, each with the mainland word to use.
ISSUE_WORDS = {
    "資訊": "信息",
    "合約": "合同",
    "滑鼠": "鼠標",
    "列印": "打印",
    "紙本": "紙質",
    "純文字": "純文本",
    "訊息": "消息",
    "重設": "重置",
    "連結": "鏈接",
    "合資格": "符合條件",
}


def simplified(text: str) -> str:
    import opencc

    return opencc.OpenCC("tw2s").convert(text)


@pytest.mark.parametrize("word", ISSUE_WORDS)
def test_each_issue_word_is_rejected_in_traditional_with_its_mainland_word(word):
    [finding] = find_words(f"請看這裡的{word}。")
    assert (finding.word, finding.column) == (word, 6)
    assert ISSUE_WORDS[word] in finding.mainland


@pytest.mark.parametrize("word", ISSUE_WORDS)
def test_each_issue_word_is_rejected_in_simplified_with_its_simplified_mainland_word(word):
    [finding] = find_words(simplified(f"請看這裡的{word}。"), "zh-Hans")
    assert finding.word == simplified(word)
    assert simplified(ISSUE_WORDS[word]) in finding.mainland


def test_the_table_comes_from_opencc_read_in_reverse():
    pairs = dict(vocabulary.opencc_pairs("TWPhrases"))
    assert len(pairs) > 400
    # OpenCC maps 信息 → 資訊 (s2twp); read backwards, 資訊 → 信息.
    assert pairs["資訊"] == "信息" and pairs["連結"] == "鏈接" and pairs["滑鼠"] == "鼠標"
    assert vocabulary.table()["網路"] == "網絡"


def test_supplement_holds_only_words_opencc_lacks():
    supplement, allowed = vocabulary.load_data()
    pairs = dict(vocabulary.opencc_pairs("TWPhrases"))
    assert supplement and not set(supplement) & set(pairs)
    assert allowed <= set(pairs) | {w for w in allowed if any(t in w for t in pairs)}


def test_mainland_words_pass():
    assert find_words("信息、合同、鼠標、打印、紙質、純文本、消息、重置、鏈接、符合條件") == []
    assert find_words(simplified("信息、合同、鼠標、打印、紙質、純文本、消息、重置、鏈接"), "zh-Hans") == []


def test_allowed_words_pass_and_the_longer_taiwan_word_still_fails():
    assert find_words("保存協議文件，查詢信用報告，文字說明") == []
    assert [f.word for f in find_words("複製為純文字")] == ["純文字"]


def test_a_mainland_word_containing_a_taiwan_word_masks_it():
    assert find_words("尼日利亞") == []
    assert [f.word for f in find_words("尼日")] == ["尼日"]


def test_a_taiwan_word_that_is_also_a_mainland_word_is_not_in_the_table():
    assert "程序" not in vocabulary.table()  # 程序 is mainland for Taiwan's 程式


def test_line_and_column_are_those_of_the_file():
    text = "第一行\n  前面兩格和資訊\n"
    [finding] = lint_text(text, ".md")
    assert (finding.line, finding.column) == (2, 8)


def test_comments_are_not_published_and_not_checked():
    assert lint_text("label: 信息  # 連到資訊的連結\n", ".yml") == []
    assert lint_text("{# 資訊 #}<p>信息</p><!-- 連結 -->", ".html") == []
    assert [f.word for f in lint_text("label: 資訊  # 註解\n", ".yml")] == ["資訊"]


def test_content_lint_reports_vocabulary_as_path_line_col_and_fix(tmp_path, capsys):
    bad = tmp_path / "page.md"
    bad.write_text("# 標題 {#title}\n\n把清單複製成純文字，貼到訊息裡。\n", encoding="utf-8")
    assert lint_content.main([str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{bad}:3:7: 臺灣／香港用語「純文字」— 改用大陸用語「純文本」" in out[0]
    assert f"{bad}:3:13: 臺灣／香港用語「訊息」— 改用大陸用語「消息」" in out[1]


def test_a_broken_data_file_is_a_message_with_its_line(tmp_path):
    data = tmp_path / "vocabulary.yml"
    data.write_text("supplement:\n  合約: {use: 合同}\nallow: {}\n", encoding="utf-8")
    with pytest.raises(vocabulary.VocabularyDataError, match=r"vocabulary.yml:2: .*reason"):
        vocabulary.load_data(data)
    data.write_text("allow:\n  文件:\n", encoding="utf-8")
    with pytest.raises(vocabulary.VocabularyDataError, match=r"vocabulary.yml:2: .*理由"):
        vocabulary.load_data(data)


def test_the_site_text_and_config_use_mainland_words():
    assert vocabulary.lint_paths([ROOT / "docs", ROOT / "data", ROOT / "mkdocs.yml"]) == []


def test_the_theme_strings_use_mainland_words():
    assert vocabulary.lint_paths([ROOT / "overrides"]) == []


# --- The words issue 17 found: in pages, data, theme strings and mkdocs.yml ---

ISSUE_17_WORDS = {
    "確定要清除嗎？清除後無法復原。": ("無法復原", "無法恢復"),
    "「說明」連回講解這項行動的段落。": ("連回", "鏈接到"),
    "勾選只保存在你這部手機的瀏覽器裡。": ("這部手機", "這臺手機"),
    "這一頁還沒有保存到這部設備上。": ("這部設備", "這臺設備"),
    "本指南根據官方資料補充。": ("官方資料", "官方信息"),
    "資料核對：2026 年 11 月": ("資料核對", "信息核對"),
    "鍵入以開始檢索": ("鍵入", "輸入"),
    "搜尋": ("搜尋", "搜索"),
}


@pytest.mark.parametrize("text", ISSUE_17_WORDS)
def test_each_issue_17_word_is_rejected_in_both_scripts(text):
    word, mainland = ISSUE_17_WORDS[text]
    [finding] = find_words(text)
    assert finding.word == word and mainland in finding.mainland
    [finding] = find_words(simplified(text), "zh-Hans")
    assert finding.word == simplified(word)


def test_materials_in_the_sense_of_materials_is_still_allowed():
    assert find_words("準備申請資料和個人身份證明") == []


MATERIAL_HANT = """{% macro t(key) %}{{ {
  "language": "zh-Hant",
  "search.placeholder": "搜尋",
  "search.result.placeholder": "鍵入以開始檢索",
  "toc": "目錄"
}[key] }}{% endmacro %}"""


def partial(overrides: str) -> str:
    return (
        '{#- the guide\'s strings -#}\n{% import "partials/languages/zh-Hant.html" as fallback %}\n'
        "{% macro override(key) %}{{ {\n" + overrides + "\n}[key] }}{% endmacro %}\n"
    )


def test_strings_a_language_partial_inherits_from_material_are_checked(tmp_path):
    (tmp_path / "zh-Hant.html").write_text(MATERIAL_HANT, encoding="utf-8")
    problems = vocabulary.inherited_theme_strings(partial('  "language": "zh-Hant"'), "x.html", tmp_path)
    assert [p.where for p in problems] == ["x.html:2:1", "x.html:2:1"]
    assert "search.placeholder「搜尋」" in problems[0].text and "「搜索」" in problems[0].text
    assert "search.result.placeholder" in problems[1].text and "「輸入」" in problems[1].text


def test_a_string_the_partial_sets_itself_is_not_reported_from_material(tmp_path):
    (tmp_path / "zh-Hant.html").write_text(MATERIAL_HANT, encoding="utf-8")
    own = '  "search.placeholder": "搜索",\n  "search.result.placeholder": "輸入關鍵詞開始搜索"'
    assert vocabulary.inherited_theme_strings(partial(own), "x.html", tmp_path) == []


def test_the_theme_language_partials_override_every_taiwan_word_of_material():
    languages = ROOT / "overrides" / "partials" / "languages"
    for file in languages.glob("*.html"):
        assert vocabulary.inherited_theme_strings(file.read_text(encoding="utf-8"), file.name) == [], file.name
