"""Every message a check shows a contributor, in Chinese, with its fix: the one place to word them.

Each entry is a named `Message`: what is wrong and how to fix it, as two `str.format`
templates (a field in braces is filled in by the check: the word found, the file, a count;
a literal brace is doubled). A check refers to an entry by name and places it:

    messages.SPAM_PHRASE.at("docs/index.md", 3, 5, phrase="小編")
    → Problem, printed: docs/index.md:3:5: 來源網站的用語「小編」— 請刪除或改寫

The words are mainland Chinese in Traditional characters, like the guide's pages
(信息, 字段, 鏈接, 縮進). Tests hold the catalogue to the code and to CONTRIBUTING.md's
tables of messages: every entry used, no message written elsewhere, mainland words only
(tests/unit/test_message_catalogue.py), every phrase CONTRIBUTING quotes found here
(tests/unit/test_contributing_messages.py). Wording a message: say what the contributor
sees and what to type, never how the check works.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Formatter

from .problems import Problem, Severity


@dataclass(frozen=True)
class Message:
    """One message of the catalogue: what is wrong and how to fix it, with {fields} a check fills in."""

    text: str
    fix: str = ""

    def at(
        self, path: str, line: int, column: int | None = None, /, *, severity: Severity = "error", **values
    ) -> Problem:
        """This message as a Problem at a place, its fields filled in."""
        return Problem(path, line, column, self.text.format(**values), self.fix.format(**values), severity)

    def fields(self) -> set[str]:
        """The names a check must fill in."""
        return {name for part in (self.text, self.fix) for _, name, _, _ in Formatter().parse(part) if name}


def catalogue() -> dict[str, Message]:
    """Every entry by name (the tests check that each is used and each is quoted correctly)."""
    return {name: value for name, value in globals().items() if isinstance(value, Message)}


LINT_ALLOWLIST = "data/lint-allowlist.yml"
IF_NOT_PERSONAL = f"（若它不是個人信息，把它和理由加入 {LINT_ALLOWLIST}）"
SAVE_AS_UTF8 = "請用 UTF-8 編碼另存這個文件"

# -----------------------------------------------------------------------------
# The content lint (lint_content.py, typography.py, vocabulary.py)
# -----------------------------------------------------------------------------

PINYIN = Message("拼音殘留「{group}」", f"刪除括號和其中的拼音（若括號裡不是拼音，把它和理由加入 {LINT_ALLOWLIST}）")
HALF_WIDTH_PUNCTUATION = Message("中文之間的半角標點「{mark}」", "改用全角「{full}」")
SIMPLIFIED_IN_SOURCE = Message(
    "簡體字「{char}」", "繁體版應寫作「{traditional}」（若兩種寫法都正確，把它加入 data/script-allowlist.yml）"
)
PERSONAL_DATA = Message(
    "個人信息（{kind}）「{found}」",
    "網站上不能發佈電話、QQ、微信、郵箱、身份證號和銀行卡號，請刪除" + IF_NOT_PERSONAL,
)
SPAM_PHRASE = Message("來源網站的用語「{phrase}」", "請刪除或改寫")
HEADING_WITHOUT_ID = Message("標題沒有固定錨點", "在行尾加上英文 id，如「## 準備材料 {{#prepare-documents}}」")
LONG_PARAGRAPH = Message(
    "這一段有 {count} 個漢字，在手機上太長",
    "拆成兩段或幾句短句，每段不超過 {limit} 個漢字（列表的每一項、提示框裡的每一段分開算）",
)
TYPOGRAPHY = Message("排版「{old}」", "改為「{new}」（見 CONTRIBUTING.md「排版」）")
VOCABULARY = Message(
    "臺灣／香港用語「{word}」",
    "改用大陸用語「{mainland}」（若這裡確實是大陸通用的說法，把它和理由加入 data/vocabulary.yml 的 allow）",
)
THEME_STRING_VOCABULARY = Message(
    "主題的界面文字 {key}「{value}」（來自 Material 的 {partial}.html）有臺灣／香港用語「{word}」",
    '在這個文件裡覆蓋 "{key}"，改用大陸用語「{mainland}」',
)

# data/lint-allowlist.yml
ALLOWLIST_YAML = Message("YAML 格式錯誤（{detail}）", "檢查這行附近的縮進、「文字: 理由」的冒號和空格、引號是否成對")
ALLOWLIST_SHAPE = Message("例外清單應該分成 {sections} 兩段", "照文件開頭的例子寫")
ALLOWLIST_SECTION = Message("不認識的段落「{key}」", "例外清單只能有 {sections}（檢查拼寫）")
ALLOWLIST_ENTRIES = Message("{key} 下面的每一項應該寫成「文字: 理由」", "每項一行，縮進兩個空格")
ALLOWLIST_EMPTY_TEXT = Message("例外的文字是空的", "寫上內容檢查誤報的原文")
ALLOWLIST_NO_REASON = Message("例外「{entry}」沒有寫理由", "在冒號後寫一句為什麼它不是{what}或可以發佈")
ALLOWLIST_TWICE = Message("例外「{entry}」寫了兩次", "刪掉其中一個")

# data/vocabulary.yml
VOCABULARY_YAML = Message("YAML 格式錯誤", "檢查縮進、冒號後的空格和引號")
VOCABULARY_SHAPE = Message("最上層只能有 supplement 和 allow 兩項", "照文件裡現有的格式寫")
VOCABULARY_SUPPLEMENT = Message(
    "supplement 的「{word}」要寫 use（大陸用語）和 reason（理由）", "例如 {{use: 合同, reason: …}}"
)
VOCABULARY_NO_REASON = Message("allow 的「{word}」沒有寫理由", "在冒號後寫一句為什麼它在大陸也通用")

# -----------------------------------------------------------------------------
# Contributors' files and data files (data_file.py, used by every data hook)
# -----------------------------------------------------------------------------

UTF32 = Message("這個文件是 UTF-32 編碼", SAVE_AS_UTF8)
UTF16 = Message("這個文件是 UTF-16 編碼（舊版記事本叫它「Unicode」）", SAVE_AS_UTF8)
NUL_CHARACTER = Message("這一行有空字符（NUL），文件可能已損壞", "刪除它，" + SAVE_AS_UTF8)
NOT_UTF8 = Message("這個文件不是 UTF-8 編碼{hint}，從這裡起無法讀取", SAVE_AS_UTF8)
LEGACY_ENCODING_HINT = "（可能是 Big5 或 GBK）"  # NOT_UTF8's {hint}, when the bytes read as one

DATA_FILE_MISSING = Message(
    "找不到{what}的數據文件「{name}」", "請把它放回 data/ 文件夾，或改正這一行（extra.data.{kind}）寫的路徑"
)
DATA_TOO_DEEP = Message(
    "這裡的 [ ] 或 {{ }} 套了超過 {limit} 層（或縮進太深），讀不了",
    "檢查是否粘貼了多餘的括號；值裡本來就有括號的話，把整個值用引號括起來",
)
DATA_CUT_BY_COMMENT = Message(
    "值裡的「 #」會被 YAML 當成註解，後面的文字會被丟掉",
    '把整個值用引號括起來，例如 label: "準備收入證明 #和存摺"；真的是註解的話，在 # 後面加一個空格',
)
DATA_ALIAS = Message("數據文件不支持 & 和 * 引用", "把引用的內容直接寫出來")
DATA_YAML = Message("YAML 格式錯誤（{detail}）", "檢查這行附近的縮進、「鍵: 值」的冒號和空格、引號是否成對")
DATA_EMPTY_FILE = Message("文件是空的", "需要 {parts} 這 {count} 個部分")
DATA_PAGE_NAME = Message("page「{value}」不是頁面文件名", "寫上 docs/ 裡的頁面文件名，例如 {example}")
DATA_MAPPING = Message("{where} 應該是一組「鍵: 值」", "需要 {keys}")
TOP_LEVEL = "文件最上層"  # a data file's own {where}
DATA_KEY_TWICE = Message("「{name}」在同一處寫了兩次", "刪掉其中一個")
DATA_UNKNOWN_KEY = Message("不認識的字段「{name}」", "{where} 只能有 {allowed}（檢查拼寫）")
DATA_MISSING_KEYS = Message("{where} 缺少「{missing}」", "請補上")
DATA_SEQUENCE = Message("{where} 應該是一串項目，至少一項", "每項另起一行、以「- 」開頭，或寫成 [甲, 乙]")
DATA_NOT_TEXT = Message("{what} 應該是一段文字", "寫在冒號後的同一行")
DATA_EMPTY_TEXT = Message("{what} 是空的", "在冒號後寫上文字")
DATA_ID_FORM = Message("id「{value}」只能用小寫英文字母、數字和連字號，例如 {example}")
DATA_ID_TWICE = Message("id「{value}」重複了（第 {first} 行已經用過）", "每個 id 只能用一次，請換一個")

# -----------------------------------------------------------------------------
# The checklist (checklist.py, data/checklist.yml)
# -----------------------------------------------------------------------------

CHECKLIST_MARKER_UNUSED = Message(
    "這頁有 <!-- checklist --> 標記，但 {data_file} 沒有行動連到這頁",
    "刪除這行標記，或在 {data_file} 加上 link 指向這頁的行動",
)
CHECKLIST_PROGRESS = Message(
    "progress 必須含有 {{done}} 和 {{total}}（會換成數字）", "例如「已完成 {{done}}／{{total}}」"
)
CHECKLIST_PAGE_MISSING = Message("page「{page}」不存在", "寫上 docs/ 裡清單頁的文件名，例如 checklist.md")
CHECKLIST_LINK_TO_ITSELF = Message("「{id}」的 link 指向清單頁本身", "請指向說明這項行動的段落")
CHECKLIST_LINKED_PAGE_MISSING = Message(
    "「{id}」的 link 指向的頁面「{page}」不存在", "檢查文件名（docs/ 裡的 .md 文件，大小寫要一致）"
)
CHECKLIST_ANCHOR_MISSING = Message(
    "「{page}」沒有 id 為「{anchor}」的標題",
    "改成這頁已有的 id：{known}；或在標題行尾加上 {{#{anchor}}}（寫在代碼塊或註釋裡的不算）",
)
CHECKLIST_NO_HEADING_IDS = "（這頁沒有標題 id）"  # CHECKLIST_ANCHOR_MISSING's {known}, when the page has none
CHECKLIST_LINK_FORM = Message(
    "link「{link}」的寫法不對", "寫成「頁面文件名#標題 id」，例如 response.md#communicate-early"
)

# -----------------------------------------------------------------------------
# The glossary (glossary.py, data/glossary.yml)
# -----------------------------------------------------------------------------

GLOSSARY_PAGE_MISSING = Message("page「{page}」不存在", "寫上 docs/ 裡名詞解釋頁的文件名，例如 glossary.md")
GLOSSARY_PAGE_TAKEN = Message(
    "page「{page}」已經是行動清單的頁面（{checklist}）", "名詞解釋要有自己的頁面，例如 glossary.md"
)
GLOSSARY_TERM_UNUSED = Message("{forms}沒有出現在任何頁面", "檢查寫法是否和正文一致，或刪除這個名詞")
GLOSSARY_ID_FORM = Message("id「{value}」的寫法不對", "只能用小寫英文字母、數字和連字號，例如 credit-reporting-system")
GLOSSARY_FORM_TWICE = Message(
    "「{form}」重複了（第 {first} 行已經用過）", "每個名詞和別名只能出現一次，合併這兩項或刪掉一個"
)

# -----------------------------------------------------------------------------
# The budget and the letter (budget.py, letter.py, data/budget.yml, data/letter.yml)
# -----------------------------------------------------------------------------

WIDGET_PAGE_MISSING = Message("{key}「{path}」不存在", "寫上 docs/ 裡的頁面文件名（大小寫要一致），例如 {example}")
BUDGET_MARKER_ELSEWHERE = Message(
    "這頁有 <!-- budget --> 標記，但還款預算表放在 {page}（{data_file} 的 page）", "刪除這行標記"
)
BUDGET_MARKER_MISSING = Message(
    "這頁是還款預算表的頁面（{data_file} 的 page），但沒有 <!-- budget --> 標記",
    "在要放表格的地方單獨寫一行 <!-- budget -->",
)
BUDGET_PLACEHOLDER = Message("{key} 必須含有 {placeholder}（會換成每月能拿出來的錢數）", "請把它加回去")
LETTER_MARKER_ELSEWHERE = Message(
    "這頁有 <!-- letter --> 標記，但協商申請放在 {page}（{data_file} 的 page）", "刪除這行標記"
)
LETTER_MARKER_MISSING = Message(
    "這頁是協商申請的頁面（{data_file} 的 page），但沒有 <!-- letter --> 標記",
    "在要放申請的地方單獨寫一行 <!-- letter -->",
)
LETTER_PLACEHOLDER = Message("{key} 必須含有 {missing}（會換成預算表裡的內容）", "請把它加回去")
LETTER_UNKNOWN_PLACEHOLDER = Message("template 裡的「{{{name}}}」不是可用的佔位符", "只能用 {known}（檢查拼寫）")
LETTER_STRAY_BRACE = Message("template 這一行有不成對的 {{ 或 }}", "佔位符寫成 {{offer}} 這樣；可用的有 {known}")
LETTER_OPTIONAL_SHARES_LINE = Message(
    "{{name}} 和 {{contract}} 要各自單獨寫在一行（讀者沒填時整行不寫）", "把它們和其他佔位符分開兩行"
)
LETTER_TEMPLATE_MISSING = Message(
    "template 缺少 {missing}", "申請要寫明原因、每月能還多少、從什麼時候開始，請把它們加回去"
)

# -----------------------------------------------------------------------------
# The hotlines (hotlines.py, data/hotlines.yml)
# -----------------------------------------------------------------------------

HOTLINES_SHAPE = Message("hotlines 應該是一組「號碼: 說明」，至少一項", '每項一行，例如 "12378": 銀行保險消費投訴熱線')
HOTLINE_NUMBER_FORM = Message("「{number}」不是熱線號碼", '只寫數字，不加空格和連字號，例如 "12378"')
HOTLINE_TWICE = Message("號碼「{number}」寫了兩次", "刪掉其中一個")

# -----------------------------------------------------------------------------
# mkdocs.yml, as the editions read it (editions.py)
# -----------------------------------------------------------------------------

CONFIG_TOO_BIG = Message(
    "nav 或 extra 太深或太大（超過 {depth} 層或 {strings} 段文字）", "檢查是否有互相引用的 & 和 *，把它們寫成普通的值"
)

# -----------------------------------------------------------------------------
# Every page, as it is built (page_checks.py)
# -----------------------------------------------------------------------------

LINT_SUMMARY = Message(
    "內容檢查發現 {count} 處個人信息或編碼問題（見上方）",
    "改正後再建置；誤報見 CONTRIBUTING.md「自動檢查會告訴你什麼」",
)
FRONT_MATTER = Message(
    "開頭的 front matter（兩行 --- 之間）{what}",
    "每行寫成「description: 一句話」，頂格寫、不用 Tab，冒號後加空格；值裡有冒號或引號就把整個值用單引號括起來",
)
FRONT_MATTER_UNCLOSED = "沒有結束的 ---"  # FRONT_MATTER's {what}
FRONT_MATTER_YAML = "不是正確的 YAML（{detail}）"
FRONT_MATTER_NOT_YAML = "不是正確的 YAML"
FRONT_MATTER_NOT_MAPPING = "應該是一組「鍵: 值」"
TITLE_MARKUP = Message("title 裡不能有 HTML 標記（< >）", "只寫純文本")
EMPTY_PAGE = Message("這一頁是空的", "寫上「# 標題 {{#英文-id}}」和正文，或刪掉這個文件並從 mkdocs.yml 的 nav 刪掉它")
NO_H1 = Message("這一頁沒有一級標題", "在正文第一行寫「# 標題 {{#英文-id}}」（導航和瀏覽器標籤頁都用它）")
THIRD_PARTY_IN_PAGE = Message(
    "這裡從其他網站加載「{url}」",
    "頁面不能從第三方網站加載任何東西（大陸讀者可能打不開，也會洩露閱讀記錄）："
    "把文件放進 docs/ 裡用相對路徑引用，或改成普通鏈接 [說明](網址)",
)
THIRD_PARTY_IN_BUILT_PAGE = Message(
    "這一頁從其他網站加載「{url}」（大陸讀者可能打不開，也會洩露閱讀記錄）",
    "把文件放進網站裡用相對路徑引用，或刪掉引用它的那一行",
)
PERSONAL_DATA_IN_BUILT_PAGE = Message(
    "個人信息（{kind}）「{found}」在發佈的頁面裡"
    "（被 HTML 標記、注釋、&#…; 字符、換行或看不見的字符拆開，或寫在鏈接的提示文字、圖片的說明裡，也算）",
    "刪掉它" + IF_NOT_PERSONAL,
)
PERSONAL_DATA_IN_DOWNLOAD = Message(
    "個人信息（{kind}）「{found}」在下載文件的文字裡",
    "在 docs/、data/ 或 mkdocs.yml 裡找到它並刪掉" + IF_NOT_PERSONAL,
)
IMAGE_MISSING = Message(
    "圖片「{src}」找不到", "檢查文件名和大小寫；圖片用 Markdown 寫成 ![說明](圖片.png)，路徑相對於這個 .md 文件"
)
DATA_ID_ON_PAGE = Message(
    "{what} id「{id}」和這一頁已有的 id 相同{where}", "換一個 id（小寫英文和連字號），每個 id 在一頁裡只能用一次"
)
DATA_ID_ON_PAGE_WHERE = "（{page} 第 {line} 行）"  # DATA_ID_ON_PAGE's {where}
ID_TWICE_ON_PAGE = Message(
    "id「{id}」在這一頁用了 {count} 次（第 {first} 行已經用過）",
    "換一個 id：每個 id 在一頁裡只能用一次，鏈接和行動清單才知道指向哪裡",
)
ID_TAKEN_BY_WIDGET = Message(
    "id「{id}」和行動清單或名詞解釋在這一頁加上的 id 相同",
    "換一個標題 id（checklist、checklist-…、glossary-ref-… 留給它們用）",
)
ID_REPEATED = Message(
    "id「{id}」在這一頁用了 {count} 次",
    "每個 id 在一頁裡只能用一次：改掉標題後的 {{#{id}}}，或改掉數據文件（行動清單的階段 id、名詞 id）裡同名的 id",
)
FILE_TOO_BIG = Message("這個文件超過 {kb} KB", "把它拆成幾頁")
BRACKETS_TOO_DEEP = Message("這一行的括號 [ ] 或 ( ) 套了超過 {limit} 層", "檢查是否粘貼了多餘的括號")
HTML_TOO_DEEP = Message(
    "這裡的 HTML 標籤套了超過 {limit} 層沒有關上", "檢查是否粘貼了多餘的 <…> 標籤，每個開始標籤都要有對應的 </…>"
)
INDENT_TOO_DEEP = Message("這一行縮進了 {indent} 格（列表套了太多層）", "列表最多套幾層，每層縮進 4 格")
QUOTES_TOO_DEEP = Message("這一行的引用符號 > 套了 {count} 層", "刪掉多餘的 >")
MARKER_RUN = Message("這一行連續寫了 {count} 個「{char}」", "加粗或斜體只用一到三個，分隔線用三個")

# -----------------------------------------------------------------------------
# What may be published besides the pages (publishable.py)
# -----------------------------------------------------------------------------

SYMLINK = Message("這是一個符號鏈接（symlink），發佈的會是它指向的別處的文件", "刪掉這個鏈接，把要發佈的文件本身放進來")
NOT_A_PAGE_OR_IMAGE = Message(
    "這個文件不是頁面（.md）也不是圖片，不能發佈（它不經任何檢查就會放到網站上）",
    "頁面寫成 .md；圖片用 {allowed}，每張不超過 {max_kb} KB；其他文件請刪掉",
)
IMAGE_FORMAT = Message("這個文件的內容不是 {format} 圖片", "用圖片軟件重新保存成 {allowed}，擴展名和格式一致")
IMAGE_TOO_BIG = Message(
    "圖片有 {kb} KB，超過 {max_kb} KB（讀者多用手機和慢速網絡，離線緩存也會保存它）", "縮小尺寸或壓縮後再放進來"
)
PERSONAL_DATA_IN_FILE_NAME = Message(
    "文件名裡有個人信息（{kind}）「{found}」", "給文件改一個描述內容的名字，例如 repayment-flow.png"
)
THIRD_PARTY_IN_CONFIG = Message(
    "{key} 從其他網站加載「{url}」（大陸讀者可能打不開，也會洩露閱讀記錄）",
    "把文件放進 overrides/assets/ 並在 overrides/main.html 裡用相對路徑引用，或刪掉這一行",
)
GOOGLE_FONTS = Message(
    "theme.font 會從 Google Fonts 加載字體（大陸打不開）",
    "寫成「font: false」，字體在 overrides/assets/stylesheets/extra.css 裡設置",
)
THIRD_PARTY_IN_STYLESHEET = Message(
    "樣式表從其他網站加載「{url}」（大陸讀者可能打不開，也會洩露閱讀記錄）",
    "刪掉這一行，需要的文件放進 overrides/assets/",
)

# -----------------------------------------------------------------------------
# HTML a page may contain (safe_html.py)
# -----------------------------------------------------------------------------

UNSAFE_TAG = Message(
    "不能用 HTML 標籤 <{name}>（腳本、框架、表單、樣式和頁面設置會在讀者的瀏覽器裡運行，或把讀者帶到別處）",
    "刪掉它；內容用 Markdown 寫（圖片 ![說明](圖片.png)，鏈接 [說明](網址)）",
)
UNSAFE_CLASS = Message(
    "不能用 class「{name}」（它可能借用網站界面的樣式，隱藏或冒充頁面的一部分）",
    '刪掉它；提示框寫成「!!! note "標題"」',
)
UNSAFE_URL = Message(
    "地址「{url}」不能用（只能用 http、https、mailto、tel 和站內的相對路徑；"
    "javascript: 和 data: 會在讀者的瀏覽器裡運行）",
    "改成普通網址，圖片放進 docs/ 用相對路徑引用",
)
UNSAFE_ATTRIBUTE = Message(
    "不能用 HTML 屬性「{name}」（事件處理 on…、style、表單和不認識的屬性不會發佈）",
    "刪掉它；標題的 id 寫成 {{#英文-id}}，樣式用 Markdown 和提示框",
)

# -----------------------------------------------------------------------------
# The built site (script_purity.py, build_site.py)
# -----------------------------------------------------------------------------

IN_SCRIPT_FIX = "改正 docs/ 或 data/ 裡的原文；兩種寫法都對的字，加入 data/script-allowlist.yml"
SIMPLIFIED_IN_BUILT_SOURCE = Message("原文版出現簡體字「{char}」，應為「{expected}」：…{snippet}…", IN_SCRIPT_FIX)
NOT_CONVERTED = Message("{lang} 版留下沒有轉換的字「{char}」，應為「{expected}」：…{snippet}…", IN_SCRIPT_FIX)
ON_ONE_PAGE = "（頁面 {page}）"  # after a problem of the built site: the page it was seen on
ON_PAGES = "（{count} 個頁面，例如 {page}）"
CONVERTED_EDITION = "（{lang} 版，由上述原文轉換）"  # after a problem only a converted edition's build meets

# -----------------------------------------------------------------------------
# Publishing the output (publish.py)
# -----------------------------------------------------------------------------

OUTPUT_NOT_A_FOLDER = Message("這不是文件夾", "刪掉或改名這個文件，輸出要寫成一個文件夾")
OUTPUT_NOT_WRITABLE = Message("無法寫入（{reason}）", "換一個可以寫入的輸出位置，或修改文件夾權限")
OUTPUT_LOCKED = Message("另一個建置正在寫入這裡", "等它結束再試")
OUTPUT_NOT_REPLACED = Message("無法換上新的輸出（{reason}）", "舊的輸出沒有變；檢查文件夾權限")

# -----------------------------------------------------------------------------
# mkdocs.yml and the build matrix, before any build (build_site.py, offline_bundle.py)
# -----------------------------------------------------------------------------

CONFIG_NESTED_TOO_DEEP = Message(
    "這裡的 [ ] 或 {{ }} 套了超過 {limit} 層（或縮進太深），讀不了", "檢查是否粘貼了多餘的括號"
)
ALIASES_FIX = "把 & 和 * 引用的內容直接寫出來，或刪掉這一段"
CONFIG_ALIASES_TOO_DEEP = Message("這裡嵌套超過 {limit} 層（可能是互相引用的 & 和 *）", ALIASES_FIX)
CONFIG_ALIASES_TOO_LARGE = Message("這裡的 & 和 * 引用展開後超過 {limit} 個值，MkDocs 讀不完", ALIASES_FIX)
CONFIG_YAML = Message("不是正確的 YAML", "檢查這行附近的縮進、冒號和引號")
GATE_HOOK_MISSING = Message("hooks 裡少了 {hook}（發佈前保護讀者的檢查）", "在 hooks: 下面加回「  - {hook}」")
OUTPUT_FORMAT_MISSING = Message("extra.outputs 裡沒有 format「{format}」", "先在那裡加上它")

# -----------------------------------------------------------------------------
# What MkDocs reports during a build, in the contributors' words (build_site.py)
# -----------------------------------------------------------------------------

LINK_TARGET_MISSING = Message("鏈接「{link}」指向的頁面不存在", "檢查文件名和大小寫（docs/ 裡的 .md 文件）")
LINK_ANCHOR_MISSING = Message("鏈接「{link}」指向的錨點不存在", "改成那一頁標題後 {{#…}} 裡已有的 id")
LINK_FORM = Message(
    "鏈接「{link}」的寫法不對", "站內鏈接寫成相對的 .md 文件名，例如 [協商步驟](negotiation.md#prepare-documents)"
)
PAGE_NOT_IN_NAV = Message("這一頁不在導航裡", "在 {config} 的 nav 加上「- {page}」，或刪掉這個文件")
NAV_TARGET_MISSING = Message("nav 裡的「{ref}」在 docs/ 裡找不到", "檢查文件名，或從 nav 刪掉這一行")
PAGE_TOO_DEEP = Message("這一頁嵌套太深，無法轉換", "檢查最近加上的列表、引用、括號或 HTML 標籤是否套了太多層")
PAGE_CRASH = Message("轉換這一頁時出錯（{cause}）", "檢查最近對這一頁的修改；看不懂的話開一個 issue 附上這一行")
TEMPLATE_SYNTAX = Message("模板語法錯誤（{detail}）", "檢查 {{% %}} 和 {{{{ }}}} 是否成對")
BUILD_TOO_DEEP = Message("內容嵌套太深，建置無法完成", "檢查最近修改的頁面是否有大量嵌套的括號或列表")
BUILD_CRASH = Message("建置時出錯（{error}）", "這是我們的問題，請開一個 issue 附上這一行")

# A setting of mkdocs.yml MkDocs refuses: {what} says which, in the contributors' words.
CONFIG_SETTING = Message("設置「{key}」有誤：{what}", "{fix}")
CONFIG_SETTING_IN_ENGLISH = Message(
    "設置「{key}」有誤（MkDocs 說：{said}）", "對照 https://www.mkdocs.org/user-guide/configuration/ 改正這一行"
)
SETTING_UNKNOWN = Message(
    "MkDocs 不認識「{value}」這個設置",
    "檢查拼寫（設置名見 https://www.mkdocs.org/user-guide/configuration/），或刪掉這一行",
)
SETTING_PATH_MISSING = Message("「{value}」不存在", "檢查路徑（相對於 mkdocs.yml 所在的文件夾）和大小寫")
SETTING_EXTENSION = Message(
    "加載不了 Markdown 擴展「{value}」", "檢查名稱拼寫；新的擴展要先加入 requirements.in，再運行 scripts/setup --lock"
)
SETTING_PLUGIN = Message(
    "沒有安裝插件「{value}」", "檢查名稱拼寫；新的插件要先加入 requirements.in，再運行 scripts/setup --lock"
)
SETTING_THEME = Message("沒有「{value}」這個主題", "本指南用 material")

# -----------------------------------------------------------------------------
# What a first visit keeps for offline reading (service_worker.py)
# -----------------------------------------------------------------------------

PRECACHE_TOO_LARGE = Message(
    "第一次打開網站時要保存到手機上的頁面和文件共 {kb} KB，超過上限 {budget_kb} KB（最大的：{biggest}）",
    "拆短或刪掉過長的頁面；確實需要時，提高 src/overdue_guide/service_worker.py 的 PRECACHE_BUDGET",
)
OFFLINE_PAGE_STRINGS = Message(
    "extra.offline_page 缺少 {missing}", "在 extra.offline_page 下寫上它（沒有網絡時讀者看到的頁面的文字）"
)

# -----------------------------------------------------------------------------
# What the PDF needs on the machine that builds it (pdf.py)
# -----------------------------------------------------------------------------

APT_INSTALL = "apt-get install -y --no-install-recommends chromium fonts-noto-cjk"
PDF_WITHOUT_TITLE = Message(
    "生成的 PDF 裡找不到指南標題「{title}」（中文字可能成了空白方框），所以沒有保存",
    "請確認已安裝中文字體：" + APT_INSTALL,
)
CHROMIUM_NOT_EXECUTABLE = Message(
    "環境變量 CHROMIUM 指向的 {named} 不是可執行文件",
    "請改正 CHROMIUM，或刪掉它並安裝 Debian 的 chromium：" + APT_INSTALL,
)
NO_CHROMIUM = Message("生成 PDF 需要 Chromium，但沒有找到 chromium 命令", "請運行 scripts/setup，或者：" + APT_INSTALL)
NO_CJK_FONT = Message(
    "生成 PDF 需要中文字體，但系統裡沒有（fc-list :lang=zh 為空），打印出來的中文會是空白方框",
    "請運行 scripts/setup，或者：" + APT_INSTALL,
)
PDF_NOT_PRINTED = Message("Chromium 沒能打印 PDF（{detail}）", "請運行 scripts/setup 重新安裝：" + APT_INSTALL)
NO_PLAYWRIGHT = Message("生成 PDF 需要 Python 包 playwright（requirements.in）", "請運行 scripts/setup")


# -----------------------------------------------------------------------------
# mkdocs.yml's extra (settings.py): each message follows the setting it names, 「mkdocs.yml 的 extra.editions
# 第 2 項的 path」, and is reported at that setting's line
# -----------------------------------------------------------------------------

CONFIG_EMPTY_TEXT = Message("是空的", "在冒號後寫上文字")
CONFIG_NOT_TEXT = Message("應該是一段文字", "寫在冒號後的同一行（數字、日期等用引號括起來）")
CONFIG_NOT_TEXTS = Message("應該是一串文字，至少一項", "寫成 [zh-Hans, zh-CN]")
CONFIG_NOT_MAPPING = Message("應該是一組「鍵: 值」", "寫 {keys}")
CONFIG_NOT_LIST = Message("應該是{what}", "每項另起一行、以「- 」開頭")
CONFIG_UNKNOWN_KEY = Message("有不認識的字段「{key}」", "只能有 {allowed}{also}（檢查拼寫）")
CONFIG_MISSING = Message("缺少「{missing}」", "請補上")
CONFIG_OTHER = Message("寫法不對（{detail}）", "對照 CONTRIBUTING.md 改正這一行")
CONFIG_DATA_PATH = Message("應該寫項目裡數據文件的相對路徑", "例如 data/{kind}.yml")
CONFIG_DATA_MISSING = Message("缺少「{kind}」", "請補上，例如 {kind}: data/{kind}.yml")
EDITION_MISSING = Message("缺少 lang、name 或 path", "三項都要寫")
EDITION_PATH = Message("「{value}」寫法不對", "寫成「zh-Hans/」，或留空給原文版")
EDITION_PROFILE = Message("「{value}」不是 OpenCC 的轉換設置", "例如 tw2s（繁→簡）、t2hk（繁→香港繁體）")
EDITION_QUOTES = Message("「{value}」寫法不對", '依次寫出代替「」『』的四個引號，例如 quotes: "“”‘’"')
EDITION_SOURCE_FIRST = Message("的第一項是原文版（docs/ 裡的繁體原文）", "它的 path 留空、不寫 opencc")
EDITION_DUPLICATE = Message("裡有兩個版本的 {kind} 相同", "每個版本的 {kind} 都要不同")
OUTPUT_FORMAT = Message("「{value}」不是可以做的下載格式", "只能寫 {choices} 其中一個")
OUTPUT_FILE = Message("「{value}」寫法不對", "寫成含 {{lang}} 的相對路徑，例如 download/guide-{{lang}}.zip")
OUTPUT_TWICE = Message("裡有兩項的 format 都是 {format}", "每種格式只寫一項")
PDF_WITHOUT_HTML = Message("有 pdf，卻沒有 html", "PDF 是從單頁網頁版打印的：把 format: html 那一項加回去")
OUTPUT_STRINGS_MISSING = Message("缺少「{missing}」", "請補上（{format} 文件裡顯示的文字）")
MATERIAL_STYLES_NOT_FOUND = Message(
    "Material 主題的 base.html 裡找不到它的樣式表（styles 區塊）",
    "Material 的模板改了寫法：請開發者按新的 base.html 更新 src/overdue_guide/stylesheets.py",
)
SINGLE_PAGE_NO_HTML = Message("extra.outputs 裡沒有 format: html", "把單頁網頁版那一項加回去")
