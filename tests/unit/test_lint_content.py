"""The content lint catches every defect class of the scraped source, names
file, line and column, and stays quiet on the cleaned pages."""

from pathlib import Path

import pytest

from overdue_guide import lint_content
from overdue_guide.lint_content import lint_text

ROOT = Path(__file__).resolve().parents[2]

# Lines as the spam blog published them (personal data replaced by look-alikes).
GARBLED = {
    "pinyin": "支付寶貸款逾期協(xié)商",
    "half-width": "1. 收入減少:失業(yè)或收入大幅下降會(huì)導(dǎo)致借款人無法按時(shí)還款。",
    "simplified": "逾期不僅影響個人信用記錄,還可能帶來一系列的法律和經濟后果。",
    "loose": "爭取更寬松的還款條件,如延長還款期限、降低利息等。",
    "phone": "聯繫人:13800138000 10001@qq.com",
    "chrome": "小編導語",
}


def messages(text, markdown=True, allowed=frozenset()):
    return [p.text for p in lint_text(text, markdown=markdown, allowed=allowed)]


def test_pinyin_after_a_character_is_reported_with_its_column():
    problems = lint_text(GARBLED["pinyin"], markdown=True)
    assert [(p.line, p.column) for p in problems] == [(1, 9)]
    assert "(xié)" in problems[0].text


def test_full_width_brackets_around_pinyin_are_reported_too():
    assert any("（xié）" in m for m in messages("協（xié）商"))


def test_brackets_that_are_not_pinyin_pass():
    assert messages("花唄（消費信貸）和借唄（現金貸款）") == []


@pytest.mark.parametrize("mark, full", [(",", "，"), (":", "："), ("!", "！"), (";", "；"), ("?", "？")])
def test_half_width_punctuation_between_chinese_is_reported_with_the_fix(mark, full):
    assert any(f"「{mark}」" in m and f"「{full}」" in m for m in messages(f"還款{mark}協商"))


def test_half_width_punctuation_next_to_latin_text_passes():
    assert messages("通過支付寶 App, Web 或客服電話") == []


@pytest.mark.parametrize(
    "word, char, fixed",
    [
        ("后果", "后", "後"),
        ("什么", "么", "麼"),
        ("征信", "征", "徵"),
        ("寬松", "松", "鬆"),
        ("并且", "并", "並"),
        ("采取", "采", "採"),
        ("聯系", "系", "繫"),
    ],
)
def test_simplified_characters_left_by_a_naive_conversion_are_reported(word, char, fixed):
    found = messages(f"這是{word}。")
    assert any(f"「{char}」" in m and f"「{fixed}」" in m for m in found), found


def test_characters_that_are_also_traditional_pass_in_context():
    assert messages("徵信系統記錄松樹的後果，並且採取措施。") == []


def test_allow_list_silences_a_shared_character():
    assert messages("及時了解還款信息", allowed=frozenset()) != []
    assert messages("及時了解還款信息", allowed=frozenset({"了"})) == []


@pytest.mark.parametrize(
    "data", ["13800138000", "+86 13800138000", "010-12345678", "someone@example.com", "QQ：12345678"]
)
def test_phone_numbers_and_email_addresses_are_reported(data):
    assert any("個人信息" in m for m in messages(f"聯繫 {data} 查詢"))


def test_numbers_that_are_not_contacts_pass():
    assert messages("已完成 3／10，利息 2024 年起計算，第 1.1 節") == []


# (line as a scraped post could have it, the personal data in it as written, its kind)
PERSONAL_DATA = [
    # Mobile numbers: touching Chinese text, with prefixes, separators, full-width.
    ("可致電13800138000查詢", "13800138000", "手機號碼"),
    ("手機 +86 138 0013 8000", "+86 138 0013 8000", "手機號碼"),
    ("聯繫0086-138-0013-8000", "0086-138-0013-8000", "手機號碼"),
    ("號碼8613800138000", "8613800138000", "手機號碼"),
    ("（+86）13800138000", "（+86）13800138000", "手機號碼"),
    ("可致電１３８００１３８０００", "１３８００１３８０００", "手機號碼"),
    ("電話138－0013－8000", "138－0013－8000", "手機號碼"),
    ("電話 138.0013.8000", "138.0013.8000", "手機號碼"),
    ("電話 138 0013 8000 找我", "138 0013 8000", "手機號碼"),
    ("電話１３８　００１３　８０００", "１３８　００１３　８０００", "手機號碼"),
    ("電話159-1234-5678", "159-1234-5678", "手機號碼"),
    # Landlines with area codes.
    ("座機010-12345678", "010-12345678", "電話號碼"),
    ("請打(021) 1234 5678", "(021) 1234 5678", "電話號碼"),
    ("請打（０２１）１２３４－５６７８", "（０２１）１２３４－５６７８", "電話號碼"),
    ("杭州0571-8888 8888", "0571-8888 8888", "電話號碼"),
    ("深圳 0755 8888 8888", "0755 8888 8888", "電話號碼"),
    ("上海02112345678", "02112345678", "電話號碼"),
    ("北京 +86 10 1234 5678", "+86 10 1234 5678", "電話號碼"),
    ("北京 +86 (10) 1234-5678", "+86 (10) 1234-5678", "電話號碼"),
    # Company hotlines, international and local numbers named as phones.
    ("協商熱線400-888-8888", "400-888-8888", "客服電話"),
    ("免費電話800 820 8820", "800 820 8820", "客服電話"),
    ("香港+852 9123 4567", "+852 9123 4567", "電話號碼"),
    ("美國 +1 (415) 555-2671", "+1 (415) 555-2671", "電話號碼"),
    ("香港00852 9123 4567", "00852 9123 4567", "電話號碼"),
    ("電話：8888 8888", "電話：8888 8888", "電話號碼"),
    ("Tel: 6666-6666", "Tel: 6666-6666", "電話號碼"),
    ("見 https://example.com/u/13800138000", "13800138000", "手機號碼"),
    ("℡13800138000", "13800138000", "手機號碼"),  # ℡ is three letters in NFKC; the column stays 2
    # QQ.
    ("QQ號12345678", "QQ號12345678", "QQ 號"),
    ("QQ：12345678", "QQ：12345678", "QQ 號"),
    ("QQ: 12345678", "QQ: 12345678", "QQ 號"),
    ("加qq 12345678", "加qq 12345678", "QQ 號"),
    ("ＱＱ１２３４５６７８", "ＱＱ１２３４５６７８", "QQ 號"),
    ("扣扣 12345678", "扣扣 12345678", "QQ 號"),
    ("企鵝號：12345678", "企鵝號：12345678", "QQ 號"),
    ("Q號 12345678", "Q號 12345678", "QQ 號"),
    ("QQ群 123456789", "QQ群 123456789", "QQ 號"),
    ("加Q12345678", "加Q12345678", "QQ 號"),
    # WeChat.
    ("微信：abc_123", "微信：abc_123", "微信號"),
    ("微信號 wxid_xxx", "微信號 wxid_xxx", "微信號"),
    ("VX: abc12345", "VX: abc12345", "微信號"),
    ("請加vx abc12345", "vx abc12345", "微信號"),
    ("V信 abc12345", "V信 abc12345", "微信號"),
    ("加微 abc-12345", "加微 abc-12345", "微信號"),
    ("加微信：Abc12345", "加微信：Abc12345", "微信號"),
    ("WX：abc12345", "WX：abc12345", "微信號"),
    ("威信 abc12345", "威信 abc12345", "微信號"),
    ("WeChat: abc12345", "WeChat: abc12345", "微信號"),
    ("微信 12345678", "微信 12345678", "微信號"),
    ("找wxid_abc123", "wxid_abc123", "微信號"),
    # E-mail, with @, ＠, (at), [at] and a # standing in for @.
    ("寫信到someone@example.com", "someone@example.com", "郵箱地址"),
    ("郵箱abc＠example.com", "abc＠example.com", "郵箱地址"),
    ("郵箱 abc (at) example.com", "abc (at) example.com", "郵箱地址"),
    ("郵箱 abc[at]example[dot]com", "abc[at]example[dot]com", "郵箱地址"),
    ("郵箱 abc#qq.com（#換成@）", "abc#qq.com", "郵箱地址"),
    ("聯繫人:10001@qq.com", "10001@qq.com", "郵箱地址"),
    ("郵箱：ａｂｃ＠ｑｑ．ｃｏｍ", "ａｂｃ＠ｑｑ．ｃｏｍ", "郵箱地址"),
    # ID cards (GB 11643: birth date and check character) and bank cards.
    ("身份證號110101199003071233", "110101199003071233", "身份證號"),
    ("身份證 44030419851231002X", "44030419851231002X", "身份證號"),
    ("身份證 44030419851231002x", "44030419851231002x", "身份證號"),
    ("身份證 110101 19900307 1233", "110101 19900307 1233", "身份證號"),
    ("身份證１１０１０１１９９００３０７１２３３", "１１０１０１１９９００３０７１２３３", "身份證號"),
    # A wrong check character is still a real person's number, mistyped: reported.
    ("身份證號110101199003071234", "110101199003071234", "身份證號，校驗碼不符但仍像真實號碼"),
    ("還款賬號 6222 0202 0000 1234 567", "6222 0202 0000 1234 567", "銀行卡號"),
    ("卡號4111111111111111", "4111111111111111", "銀行卡號"),
    # Characters that take no room on screen, between the digits or letters.
    ("電話 138\u00ad0013\u00ad8000", "138\u00ad0013\u00ad8000", "手機號碼"),
    ("電話：\u200b138\u200b0013\u200d8000", "138\u200b0013\u200d8000", "手機號碼"),
    ("郵箱 some\u2060one@exam\u200bple.com", "some\u2060one@exam\u200bple.com", "郵箱地址"),
]


@pytest.mark.parametrize("line, data, kind", PERSONAL_DATA, ids=[d for _, d, _ in PERSONAL_DATA])
def test_personal_data_is_reported_at_its_column_in_the_original_line(line, data, kind):
    assert lint_content.personal_data(line) == [(line.index(data) + 1, data, kind)]


def test_personal_data_message_names_the_kind_and_the_fix():
    [message] = messages("可致電13800138000")
    assert message.startswith("個人信息（手機號碼）「13800138000」— ")
    assert "請刪除" in message and "data/lint-allowlist.yml" in message


NOT_PERSONAL_DATA = [
    "支付寶客服熱線 95188",
    "撥打 12378 投訴",
    "致電12363",
    "法律服務熱線：12348",
    "報警請撥打110",
    "反詐熱線 96110",
    "電話 95188、12378 或 12363",  # the national hotlines in facts.md
    "2013-03-15 起施行",
    "2021年1月1日",
    "2024/11/25",
    "2024.11.25",
    "於 2013 年 3 月 15 日",
    "第 16 條",
    "《民法典》第 546 條",
    "國務院令第 631 號",
    "利息 1.5%，已完成 3／10",
    "金額 50000 元",
    "欠款 13,800,138,000 元",
    "與貸款機構聯繫，協商 50000 元",
    "電話催收 3 次",
    "聯繫後減免 20000 元",
    "手機維修費 12000 塊",
    "致電後 30000 元分 12 期",
    "[協商的具體步驟](negotiation.md#prepare-documents)",
    "## 準備材料 {#step-2}",
    '<a href="#ref-12345678">',
    "https://www.gov.cn/zhengce/2013-01/29/content_2322231.htm",
    "第 1/3 期",
    "3/10",
    "微信支付",
    "微信 App",
    "通過微信 WeChat 聯繫",
    "QQ 音樂",
    "FAQ: 12345 條",
    "Q：12000 元怎麼還？",
    "打印 A4 紙",
    "隨機數字 123456789012345678",  # no birth date, not a card number
    "訂單號 202311251234567890",
    "流水號 110101199013401234",
    "流水號 110101199002301234",  # month 13, 30 February
]


@pytest.mark.parametrize("line", NOT_PERSONAL_DATA)
def test_hotlines_dates_amounts_articles_and_ids_are_not_personal_data(line):
    assert lint_content.personal_data(line) == []


@pytest.mark.parametrize(
    "line, found",
    [
        ("熱線 95188 12", "熱線 95188 12"),  # a hotline with more digits is another number
        ("電話95188-1234-5678", "電話95188-1234"),
        ("95188 13800138000", "13800138000"),
    ],
)
def test_a_hotline_next_to_other_digits_is_still_read_with_them(line, found):
    # The quick test before the patterns blanks a hotline only when no digit is within four characters.
    assert [written for _, written, _ in lint_content.personal_data(line)] == [found]


def test_the_id_card_checksum_follows_gb_11643():
    assert lint_content.id_card_checksum("11010119900307123") == "3"
    assert lint_content.id_card_checksum("44030419851231002") == "X"


def test_allow_list_silences_personal_data_written_any_way():
    allowed = frozenset({lint_content.canonical("400-000-0000")})
    assert lint_content.personal_data("客服 400 000 0000", allowed) == []
    assert lint_content.personal_data("客服 ４００－０００－００００", allowed) == []
    assert lint_content.personal_data("客服 400-000-0001", allowed) != []


# (line, pinyin group as written)
PINYIN = [
    ("支付寶貸款逾期協(xié)商", "(xié)"),
    ("協（xié）商", "（xié）"),
    ("協(xie2)商", "(xie2)"),
    ("協(xie)商(shang1)", "(shang1)"),
    ("協( xié )商", "( xié )"),
    ("協商(xié shāng)", "(xié shāng)"),
    ("協商（xié shāng）", "（xié shāng）"),
    ("協商 (xié shāng)", "(xié shāng)"),
    ("協商(xié-shāng)", "(xié-shāng)"),
    ("協(Xié)商", "(Xié)"),
    ("協商(XIÉ SHĀNG)", "(XIÉ SHĀNG)"),
    ("協商(xiéshāng)", "(xiéshāng)"),
    ("協商(xie2 shang1)", "(xie2 shang1)"),
    ("協商(xie2shang1)", "(xie2shang1)"),
    ("協商(xie shang)", "(xie shang)"),  # a run of toneless syllables, one per character
    ("協商(Xie Shang)", "(Xie Shang)"),
    ("協(ｘｉé)商", "(ｘｉé)"),
    ("協(xie\u0301)商", "(xie\u0301)"),  # the tone as a combining accent
    ("綠(lǜ)色", "(lǜ)"),
    ("綠(lv4)色", "(lv4)"),
]


@pytest.mark.parametrize("line, group", PINYIN, ids=[g for _, g in PINYIN])
def test_pinyin_in_brackets_is_reported_at_its_bracket(line, group):
    assert lint_content.pinyin_groups(line) == [(line.index(group) + 1, group)]


NOT_PINYIN = [
    "在支付寶(App)裡",
    "許可協議（CC BY-SA 4.0）",
    "下載(PDF)",
    "支付寶（Alipay）",
    "花唄(Huabei)",
    "打印(A4)紙",
    "花唄（消費信貸）",
    "見上文(1)",
    "清單(a)",
    "分為(B2)級",
    "協商(ok)",
    "[協商的具體步驟](negotiation.md)",
    "pinyin: huán kuǎn jì huà",
]


@pytest.mark.parametrize("line", NOT_PINYIN)
def test_latin_in_brackets_that_is_not_pinyin_passes(line):
    assert lint_content.pinyin_groups(line) == []


def test_allow_list_silences_a_pinyin_group():
    allowed = frozenset({lint_content.canonical("(Jie Bei)")})
    assert lint_content.pinyin_groups("借唄(Jie Bei)") != []
    assert lint_content.pinyin_groups("借唄（Jie Bei）", allowed) == []


def test_the_spam_blogs_voice_is_reported():
    assert any("小編" in m for m in messages(GARBLED["chrome"]))


def test_a_chinese_heading_needs_an_explicit_id():
    assert any("錨點" in m for m in messages("## 準備材料"))
    assert messages("## 準備材料 {#prepare-documents}") == []
    assert messages("## 準備材料", markdown=False) == []  # YAML comments are not headings


def test_fenced_code_is_not_linted():
    assert messages("```\n協(xié)商,后果\n```\n") == []


def test_yaml_keys_are_syntax_not_punctuation():
    assert messages("label: 聯繫支付寶客服", markdown=False) == []
    assert messages("- 了: 說明,理由", markdown=False) != []


def test_every_defect_line_of_the_source_is_caught():
    for kind, line in GARBLED.items():
        assert lint_text(line, markdown=True), kind


def test_the_published_pages_and_data_are_clean():
    assert lint_content.lint_paths([ROOT / "docs", ROOT / "data"]) == []


def test_cli_names_file_line_and_column_and_fails(tmp_path, capsys):
    bad = tmp_path / "page.md"
    bad.write_text("# 標題 {#title}\n\n協商后果\n", encoding="utf-8")
    assert lint_content.main([str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:3:3: 簡體字「后」" in out


# --- The allow-list for personal data and pinyin (data/lint-allowlist.yml) ---


def test_the_allow_list_file_is_valid():
    exceptions, problems = lint_content.load_lint_allowlist(ROOT / lint_content.LINT_ALLOWLIST_NAME)
    assert problems == []


@pytest.mark.parametrize("entry", ['"13800138000":', '"13800138000": ~', '"13800138000": ""', "(Jie Bei): null"])
def test_an_allow_list_entry_without_a_reason_is_reported_at_its_line(tmp_path, entry):
    path = tmp_path / "lint-allowlist.yml"
    path.write_text(f'personal-data:\n  "400-000-0000": 示例號碼\n  {entry}\npinyin:\n', encoding="utf-8")
    exceptions, problems = lint_content.load_lint_allowlist(path)
    assert len(problems) == 1 and problems[0].format().startswith(f"{path}:3:3: 例外「")
    assert "沒有寫理由 — 在冒號後寫一句" in problems[0].format()
    assert exceptions.personal_data == {"4000000000"}  # the valid entries still count


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("personal-data:\n  a: b\npinyn:\n  c: d\n", 3, "不認識的段落「pinyn」"),
        ("personal-data:\n  - 13800138000\n", 2, "每一項應該寫成「文字: 理由」"),
        ("personal-data:\n  a: b\n  a: c\n", 3, "寫了兩次"),
        ("personal-data:\n  a: b\n c: d\n", 3, "YAML 格式錯誤"),
        ("- a\n", 1, "應該分成 personal-data:、pinyin: 兩段"),
    ],
)
def test_allow_list_mistakes_name_the_line(text, line, words):
    exceptions, problems = lint_content.parse_lint_allowlist(text)
    assert [(p.line, words in p.text) for p in problems] == [(line, True)]


def test_the_cli_reports_allow_list_mistakes_and_uses_its_entries(tmp_path, monkeypatch, capsys):
    allowlist = tmp_path / "data" / "lint-allowlist.yml"  # the allow-list of the project in the current folder
    allowlist.parent.mkdir()
    allowlist.write_text("personal-data:\n  400-000-0000: 示例號碼\n  13800138000:\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.md"
    page.write_text("# 標題 {#title}\n\n客服 400-000-0000，手機 13800138000\n", encoding="utf-8")
    assert lint_content.main([str(page)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("data/lint-allowlist.yml:3:3: 例外「13800138000」沒有寫理由")
    assert out[1].startswith("page.md:3:20: 個人信息（手機號碼）「13800138000」")
    assert len(out) == 2


# --- Files in a wrong encoding ---

PAGE = "# 標題 {#title}\n\n協商的具體步驟\n"


@pytest.mark.parametrize(
    "encoding, line, column, words",
    [
        ("big5", 1, 3, "不是 UTF-8 編碼（可能是 Big5 或 GBK）"),
        ("gbk", 1, 3, "不是 UTF-8 編碼（可能是 Big5 或 GBK）"),
        ("gb18030", 1, 3, "不是 UTF-8 編碼（可能是 Big5 或 GBK）"),
        ("utf-16", 1, 1, "是 UTF-16 編碼"),  # with a BOM
        ("utf-16-le", 1, 1, "是 UTF-16 編碼"),  # without
        ("utf-16-be", 1, 1, "是 UTF-16 編碼"),
        ("utf-32", 1, 1, "是 UTF-32 編碼"),
    ],
)
def test_a_file_in_another_encoding_raises_a_typed_error_with_the_fix(tmp_path, encoding, line, column, words):
    path = tmp_path / "page.md"
    path.write_bytes(PAGE.encode(encoding))
    with pytest.raises(lint_content.EncodingError) as raised:
        lint_content.read_text(path)
    assert (raised.value.line, raised.value.column) == (line, column)
    assert words in raised.value.message and raised.value.message.endswith("— 請用 UTF-8 編碼另存這個文件")


def test_the_error_names_the_line_where_decoding_fails():
    data = "# Title {#title}\n\nplain text\n協商，後果\n".encode() + "還款".encode("big5") + b"\n"
    with pytest.raises(lint_content.EncodingError) as raised:
        lint_content.decode_text(data)
    assert (raised.value.line, raised.value.column) == (5, 1)
    data = "前文\n協商：".encode() + "逾期".encode("gbk")
    with pytest.raises(lint_content.EncodingError) as raised:
        lint_content.decode_text(data)
    assert (raised.value.line, raised.value.column) == (2, 4)


def test_a_stray_nul_byte_is_reported_at_its_line():
    with pytest.raises(lint_content.EncodingError) as raised:
        lint_content.decode_text(b"a\nbc\x00d\x00\x00\n")
    assert (raised.value.line, raised.value.column) == (2, 3) and "空字符" in raised.value.message


def test_a_utf8_bom_is_accepted_and_does_not_shift_columns(tmp_path):
    path = tmp_path / "page.md"
    path.write_bytes(b"\xef\xbb\xbf" + "協商后果\n".encode())
    assert lint_content.read_text(path) == "協商后果\n"
    assert lint_content.main([str(path)]) == 1
    assert [p.column for p in lint_text(lint_content.read_text(path), markdown=True)] == [3]


def test_the_cli_reports_a_wrong_encoding_as_a_problem_and_lints_the_other_files(tmp_path, capsys):
    (tmp_path / "big5.md").write_bytes(PAGE.encode("big5"))
    (tmp_path / "gbk.yml").write_bytes("label: 協商\n".encode("gbk"))
    (tmp_path / "ok.md").write_text("# 標題 {#title}\n\n協商后果\n", encoding="utf-8")
    assert lint_content.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    not_utf8 = "這個文件不是 UTF-8 編碼（可能是 Big5 或 GBK），從這裡起無法讀取 — 請用 UTF-8 編碼另存這個文件"
    assert out == [
        f"{tmp_path / 'big5.md'}:1:3: {not_utf8}",
        f"{tmp_path / 'gbk.yml'}:1:8: {not_utf8}",
        f"{tmp_path / 'ok.md'}:3:3: 簡體字「后」— 繁體版應寫作「後」"
        "（若兩種寫法都正確，把它加入 data/script-allowlist.yml）",
    ]


# --- Phone reading: paragraphs of at most 100 Chinese characters ---

LONG = "逾" * 101
JUST = "逾" * 100


def test_a_paragraph_over_100_chinese_characters_is_reported_at_its_first_line_with_a_hint():
    text = f"# 標題 {{#t}}\n\n{LONG[:60]}\n{LONG[60:]}\n\n短句。\n"
    [problem] = [p for p in lint_text(text, markdown=True) if "漢字" in p.text]
    assert (problem.line, problem.column) == (3, 1)
    assert "101 個漢字" in problem.text and "拆成" in problem.text
    assert lint_content.long_paragraphs(text) == [(3, 101)]


def test_a_paragraph_of_100_chinese_characters_passes_and_latin_digits_and_punctuation_do_not_count():
    assert lint_content.long_paragraphs(f"{JUST}，App 12378。\n") == []


def test_each_list_item_counts_on_its_own():
    items = "".join(f"- {'逾' * 60}\n" for _ in range(3))
    assert lint_content.long_paragraphs(items) == []
    numbered = f"1. {'逾' * 30}\n2. {LONG}\n"
    assert lint_content.long_paragraphs(numbered) == [(2, 101)]


def test_each_admonition_paragraph_counts_on_its_own_and_its_title_does_not():
    text = f'!!! note "編者補充"\n\n    {"逾" * 70}\n\n    {"逾" * 70}\n'
    assert lint_content.long_paragraphs(text) == []
    assert lint_content.long_paragraphs(f'!!! note "編者補充"\n\n    {LONG}\n') == [(3, 101)]


def test_code_headings_front_matter_and_link_targets_are_not_paragraphs():
    text = (
        f"---\ndescription: {LONG}\n---\n\n# {LONG} {{#t}}\n\n```\n{LONG}\n```\n\n[{'逾' * 90}](help.md#{'逾' * 20})\n"
    )
    assert lint_content.long_paragraphs(text) == []


def test_the_published_pages_fit_a_phone():
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert lint_content.long_paragraphs(page.read_text(encoding="utf-8")) == [], page.name
