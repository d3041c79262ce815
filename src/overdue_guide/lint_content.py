"""Content lint for contributors' Markdown and YAML (docs/, data/).

Each check is a small pure function from one line of text to problems; the CLI
prints them as ``path:line:column: message — how to fix`` and exits 1 if any.

    python scripts/lint_content.py docs data

Personal data and pinyin are matched on the NFKC form of the line (full-width
digits, ＠ and brackets become ASCII) and reported at the column of the
original line. The patterns are hand-written: no maintained library knows
Chinese contact notations (QQ號, 微信, 扣扣, 身份證號) or pinyin left in
brackets; phone-number libraries (phonenumbers) parse a number once it is
found, they do not find one touching Chinese text. Valid pinyin syllables
come from pypinyin's dictionary, not from a hand-written list.

Files are read with read_text(), through the hooks' decoder (hooks/data_file.py):
UTF-8, a UTF-8 BOM accepted (MkDocs and PyYAML skip it too); any other encoding
raises EncodingError with the line.
Text the checks flag wrongly is listed, with a reason, in data/lint-allowlist.yml.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from . import editions, messages, project, report, typography, vocabulary, yaml_source
from .data_file import EncodingError  # the one decoder of contributors' files
from .data_file import decode as decode_text
from .problems import Problem

# The project's own lists, relative to its folder (passed in: a copy of the project is checked with its own).
SCRIPT_ALLOWLIST_NAME = "data/script-allowlist.yml"
LINT_ALLOWLIST_NAME = "data/lint-allowlist.yml"
HOTLINES_NAME = "data/hotlines.yml"  # the public hotlines (hooks/hotlines.py links them)

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Brackets right after a Chinese character (one space allowed), on NFKC text: 協(xié)商, 協商 (xié shāng).
PINYIN_GROUP = re.compile(rf"(?<=[{CJK}]) ?\(([^()\n]{{1,60}})\)")
TONE_MARKS = "\u0304\u0301\u030c\u0300"  # combining macron, acute, caron, grave: tones 1 to 4
# Half-width punctuation with Chinese text on both sides: 收入減少:失業, 問題,但.
HALF_WIDTH = re.compile(rf"(?<=[{CJK}])\s?([,:;!?])\s?(?=[{CJK}「『（])")
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
# The source blog's chrome and voice.
SPAM_PHRASES = ("小編", "逾期頻道", "刪帖", "侵權")
# A Markdown heading with Chinese text must carry an explicit ASCII id.
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ID = re.compile(r"\{[^}]*#[A-Za-z][\w-]*[^}]*\}\s*$")
# Phone reading: a paragraph, list item or admonition paragraph longer than this fills a phone's screen.
MAX_PARAGRAPH_CJK = 100
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
BLOCK_START = re.compile(
    r"^\s*(?:!!!|\?\?\?\+?|#{1,6}\s|<!--|\||<)"
)  # admonition titles, headings, comments, tables, HTML
CJK_CHAR = re.compile(f"[{CJK}]")
# A YAML mapping key ("label: ", "- 了: "): its colon is syntax, not punctuation.
YAML_KEY = re.compile(r"^\s*(?:-\s+)?[^\s:#][^:#]*:(?=\s|$)")

# Personal data that must never be published, on NFKC text (full-width digits,
# ＠, ：, （ ） and － are ASCII there). One separator between digits:
# 138 0013 8000, 138-0013-8000, 0571-8888 8888, 138.0013.8000.
SEP = r"(?:[ \t]?[-.\u2010-\u2013\u2212][ \t]?|[ \t])"
START = r"(?<![0-9_#+])(?<!\d[.\-])"  # not inside a longer number, a date or an anchor
END = r"(?!\d)"


def _hotlines(path: Path) -> frozenset[str]:
    """The public hotlines listed in a data/hotlines.yml; none if it cannot be read (the build says why)."""
    try:
        data = yaml_source.load(path.read_text(encoding="utf-8-sig")) or {}
    except (OSError, UnicodeDecodeError, yaml_source.YamlSyntaxError):
        return frozenset()
    numbers = data.get("hotlines") if isinstance(data, dict) else None
    return frozenset(str(number) for number in numbers) if isinstance(numbers, dict) else frozenset()


def public_numbers(root: Path) -> frozenset[str]:
    """The project's public hotlines (its data/hotlines.yml): never personal data, wherever they are written."""
    path = root / HOTLINES_NAME
    key = (str(path), path.stat().st_mtime_ns if path.exists() else 0)
    if key not in _PUBLIC:
        _PUBLIC.clear()
        _PUBLIC[key] = _hotlines(path)
    return _PUBLIC[key]


_PUBLIC: dict[tuple[str, int], frozenset[str]] = {}
PHONE_WORDS = (
    r"電話|电话|手機|手机|致電|致电|來電|来电|撥打|拨打|熱線|热线|專線|专线|座機|座机|固話|固话"
    r"|聯繫方式|联系方式|聯繫|聯系|联系|tel|phone|mobile"
)
NOT_AMOUNT = r"(?![ \t]?(?:元|塊|块|萬|万|年|月|日|天|次|期|個|个|筆|笔|條|条|倍|人|小時|小时|分鐘|分钟|%))"
# (kind, pattern), most specific first: a match never overlaps an earlier one.
PERSONAL_DATA = [
    (
        "郵箱地址",
        re.compile(
            r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*"
            r"(?:[ \t]?(?:@|\(at\)|\[at\]|\{at\}|<at>)[ \t]?|\#(?=[A-Za-z0-9-]+\.(?:com|cn|net|org)\b))"
            r"[A-Za-z0-9-]+(?:(?:\.|。|[ \t]?(?:\(dot\)|\[dot\])[ \t]?)[A-Za-z0-9-]+)*"
            r"(?:\.|。|[ \t]?(?:\(dot\)|\[dot\])[ \t]?)[A-Za-z]{2,}(?![A-Za-z0-9-])",
            re.IGNORECASE,
        ),
    ),
    (
        "身份證號",
        re.compile(
            rf"{START}[1-9]\d{{5}}{SEP}?(?:18|19|20)\d{{2}}{SEP}?\d{{4}}{SEP}?\d{{3}}[0-9X]"
            r"(?![0-9A-Za-z])",
            re.IGNORECASE,
        ),
    ),
    ("銀行卡號", re.compile(rf"{START}[1-9]\d{{3}}(?:{SEP}?\d){{12,15}}{END}")),
    (
        "手機號碼",
        re.compile(rf"{START}(?:(?:(?:\+|00)[ \t]?)?86{SEP}?|\(\+?86\){SEP}?)?1[3-9]\d(?:{SEP}?\d){{8}}{END}"),
    ),
    (
        "電話號碼",
        re.compile(
            rf"{START}(?:(?:\+|00)[ \t]?86{SEP}?(?:\(0?[1-9]\d{{1,2}}\)|0?[1-9]\d{{1,2}})"
            rf"|\(0[1-9]\d{{1,2}}\)|0[1-9]\d{{1,2}}){SEP}?\d{{3,4}}{SEP}?\d{{4}}{END}"
        ),
    ),
    ("客服電話", re.compile(rf"{START}[48]00{SEP}?\d{{3}}{SEP}?\d{{4}}{END}")),
    (
        "電話號碼",
        re.compile(rf"{START}(?:\+|00)[ \t]?[1-9]\d{{0,2}}{SEP}?(?:\(\d{{1,4}}\){SEP}?)?\d(?:{SEP}?\d){{5,12}}{END}"),
    ),
    ("電話號碼", re.compile(rf"{START}(?:\(\d{{3}}\)[ \t]?\d{{3}}{SEP}\d{{4}}|\d{{3,4}}-\d{{3,4}}-\d{{4}}){END}")),
    (
        "電話號碼",
        re.compile(
            rf"(?<![A-Za-z])(?:{PHONE_WORDS})[^\d\n,.;!?。；]{{0,6}}?(?P<number>\d(?:{SEP}?\d){{4,11}}){END}{NOT_AMOUNT}",
            re.IGNORECASE,
        ),
    ),
    (
        "QQ 號",
        re.compile(
            r"(?<![A-Za-z])(?:QQ|扣扣|企鵝|企鹅|加Q|Q(?=號|号|群|[ \t]*:))(?:號碼|号码|群號|群号|號|号|群)?"
            rf"[^\d\n,.;!?。；]{{0,4}}?(?P<number>[1-9]\d{{4,11}}){END}{NOT_AMOUNT}",
            re.IGNORECASE,
        ),
    ),
    (
        "微信號",
        re.compile(
            r"(?<![A-Za-z])(?:加微信|加V信|加微|加V|微信|V信|威信|薇信|VX|WX|wechat|weixin)"
            r"(?:號碼|号码|號|号|ID)?[ \t:=是為为]*"
            rf"(?P<id>(?!(?:wechat|weixin)(?![A-Za-z0-9_-]))[A-Za-z][A-Za-z0-9_-]{{5,19}}|\d(?:{SEP}?\d){{4,11}})"
            r"(?![A-Za-z0-9_-])",
            re.IGNORECASE,
        ),
    ),
    ("微信號", re.compile(r"(?<![A-Za-z0-9])wxid_[A-Za-z0-9_-]+", re.IGNORECASE)),
]


# Every character a MAYBE_PERSONAL match can start with, for scanning a whole built page: a set of
# characters is found some 15 times faster than the alternatives below (tests/unit/test_lint_content.py).
MAYBE_PERSONAL_START = re.compile(r"[0-9０-９@＠#＃AaＡａ微VvＶｖ威薇WwＷｗ]")
# Every PERSONAL_DATA pattern needs one of these (half- or full-width): a cheap test first. Each pattern
# below opens with a lookahead for the characters its alternatives start with, which lets the search
# skip to them instead of trying every alternative at every character (four times faster on a line).
MAYBE_PERSONAL = re.compile(
    rf"(?={MAYBE_PERSONAL_START.pattern})"
    r"(?:[0-9０-９@＠#＃]|\bat\b|ａｔ|微信|V信|Ｖ信|威信|薇信|[VvＶｖWwＷｗ][XxＸｘ]|wechat|weixin)",
    re.IGNORECASE,
)
# Closer, on the normalised line: every number pattern needs five digits, each at most four
# characters from the next (「(+86) 1」, 「0571) 8」); the others need @, "#domain.", "at" or a WeChat word.
LIKELY_PERSONAL = re.compile(
    r"(?=[\d@#AaVvWw微威薇])"
    r"(?:\d(?:\D{0,4}\d){4}|@|#(?=[A-Za-z0-9-]+\.)|\bat\b|微信|V信|威信|薇信|[VW]X|wechat|weixin)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4)
def _public_number(numbers: frozenset[str]) -> re.Pattern | None:
    """Any of the hotlines (longest first); a hotline with no other digit within four characters cannot be
    part of such a chain, so it is blanked before that test."""
    return re.compile("|".join(sorted(map(re.escape, numbers), key=len, reverse=True))) if numbers else None


def _blank_if_alone(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    if any(c.isdigit() for c in text[max(0, start - 4) : start] + text[end : end + 4]):
        return match[0]
    return " " * (end - start)


# -----------------------------------------------------------------------------
# Checks: one line in, problems out
# -----------------------------------------------------------------------------


def pinyin_groups(text: str, allowed: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(column, group as written) for each bracket of pinyin inserted after a character or word.

    Pinyin is one or more syllables with tone marks (xié), tone numbers (xie2)
    or, when there are several, none (xie shang), in any case, in half- or
    full-width brackets. Latin that is not pinyin passes: (App), (PDF), (CC BY-SA 4.0).
    """
    if "(" not in text and "（" not in text:
        return []  # most lines: nothing in brackets
    normal, origin = normalize(text)
    found = []
    for m in PINYIN_GROUP.finditer(normal):
        if not _is_pinyin(m.group(1), words_before=_cjk_run(normal, m.start())):
            continue
        start, end = origin[m.start(1) - 1], origin[m.end() - 1] + 1
        group = text[start:end]
        if canonical(group) not in allowed and canonical(m.group(1)) not in allowed:
            found.append((start + 1, group))
    return found


def half_width_punctuation(text: str) -> list[tuple[int, str]]:
    """(column, mark) for each half-width , : ; ! ? between Chinese characters."""
    return [(m.start(1) + 1, m.group(1)) for m in HALF_WIDTH.finditer(text)]


def personal_data(
    text: str, allowed: frozenset[str] = frozenset(), public: frozenset[str] | None = None
) -> list[tuple[int, str, str]]:
    """(column, text as written, kind) for each phone, QQ, WeChat, e-mail, ID-card or bank-card number.

    Patterns are tried in PERSONAL_DATA's order and a match never overlaps an
    earlier one, so 「電話 13800138000」 is one 手機號碼. The project's public
    hotlines (`public`; by default those of the project in the current folder)
    and the texts in `allowed` (canonical() form) pass. Characters that take
    no room on screen (a soft hyphen, zero-width spaces and joiners, direction
    marks) are read past: 138&shy;0013&shy;8000 shows as one number.
    """
    if not MAYBE_PERSONAL.search(text):
        return []  # most lines: no digit, no @, no WeChat or QQ word
    public = public_numbers(project.root()) if public is None else public
    normal, origin = _visible_normal(text)
    hotline = _public_number(public)
    if not LIKELY_PERSONAL.search(hotline.sub(_blank_if_alone, normal) if hotline else normal):
        return []  # digits, but too few together to be anyone's number
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in PERSONAL_DATA:
        for m in pattern.finditer(normal):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            kind_found = _personal_kind(kind, m.group(0))
            if kind_found is None:
                continue
            taken.append((start, end))
            key = m.groupdict().get("number") or m.groupdict().get("id") or m.group(0)
            if {canonical(key), canonical(m.group(0))} & (public | allowed):
                continue
            written = text[origin[start] : origin[end - 1] + 1]
            found.append((origin[start] + 1, written, kind_found))
    return sorted(found)


# Characters a reader never sees between two others: a soft hyphen (where the line does not break there),
# zero-width spaces and joiners, direction marks and isolates, the word joiner and the BOM.
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _visible_normal(text: str) -> tuple[str, list[int] | range]:
    """normalize() of text without its INVISIBLE characters; origin still indexes text."""
    if not INVISIBLE.search(text):
        return normalize(text)
    kept = [index for index, char in enumerate(text) if not INVISIBLE.match(char)]
    normal, origin = normalize("".join(text[index] for index in kept))
    return normal, [kept[index] for index in origin]


def spam_phrases(text: str) -> list[tuple[int, str]]:
    return [(text.index(p) + 1, p) for p in SPAM_PHRASES if p in text]


def simplified_only(text: str, allowed: frozenset[str] = frozenset()) -> list[tuple[int, str, str]]:
    """(column, character, Traditional form) for each character in Simplified-only form.

    A character counts when OpenCC's Traditional→Simplified conversion leaves it
    as it is (so it is not a Traditional form) and the Simplified→Traditional
    conversion of the line, which works phrase by phrase, changes it: 后果 →
    後果, 寬松 → 寬鬆. Characters shared by both scripts in some words (了解,
    周轉) are listed in data/script-allowlist.yml.
    """
    t2s, s2t = _converters()
    simplified = t2s(text)
    traditional = s2t(simplified)
    if len(simplified) != len(text) or len(traditional) != len(text):
        return []  # OpenCC only maps characters one to one for CJK text; be safe.
    return [
        (i + 1, c, t)
        for i, (c, s, t) in enumerate(zip(text, simplified, traditional))
        if c == s and t != c and c not in allowed
    ]


def simplified_by_line(text: str, allowed: frozenset[str] = frozenset()) -> dict[int, list[tuple[int, str, str]]]:
    """simplified_only() for every line of a text, by line number, with two OpenCC calls in all."""
    t2s, s2t = _converters()
    suspects = _suspects()
    # Only lines with a character that Simplified→Traditional could change can hold one.
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if not suspects.isdisjoint(line)]
    lines = [line for _, line in numbered]
    simplified = t2s("\n".join(lines)).split("\n")
    traditional = s2t("\n".join(simplified)).split("\n")
    found: dict[int, list[tuple[int, str, str]]] = {}
    if len(simplified) != len(lines) or len(traditional) != len(lines):
        simplified = traditional = None  # line breaks moved: line by line instead
    for index, (number, line) in enumerate(numbered):
        if simplified is None or len(simplified[index]) != len(line) or len(traditional[index]) != len(line):
            problems = simplified_only(line, allowed)
        else:
            problems = [
                (i + 1, c, t)
                for i, (c, s, t) in enumerate(zip(line, simplified[index], traditional[index]))
                if c == s and t != c and c not in allowed
            ]
        if problems:
            found[number] = problems
    return found


@lru_cache(maxsize=1)
def _suspects() -> frozenset[str]:
    """CJK characters that OpenCC's s2t changes alone or in some phrase: 后, 发, 了 (了解), 周 (周轉)…

    A character s2t leaves alone in every context cannot be a Simplified-only form,
    so lines without any of these skip OpenCC. Read once from s2t's own tables
    (STCharacters, STPhrases; vocabulary.dump_opencc_table turns them into text).
    """
    found: set[str] = set()
    for table in ("STCharacters", "STPhrases"):
        for line in vocabulary.dump_opencc_table(table).splitlines():
            source, _, targets = line.partition("\t")
            for target in targets.split(" "):
                found.update(c for c, t in zip(source, target) if c != t)
    return frozenset(found)


def long_paragraphs(text: str, limit: int = MAX_PARAGRAPH_CJK) -> list[tuple[int, int]]:
    """(first line, Chinese characters) of each paragraph of a Markdown page longer than `limit`.

    A paragraph is a run of lines up to a blank line; each list item and each
    paragraph inside an admonition counts on its own, since a phone shows them
    as separate blocks. Front matter, headings, admonition titles, tables,
    HTML, comments and fenced code are not paragraphs.
    """
    found: list[tuple[int, int]] = []
    start, count, fence = 0, 0, None
    lines = text.splitlines()
    skip = _front_matter_lines(lines)

    def close() -> None:
        if start and count > limit:
            found.append((start, count))

    for number, line in enumerate(lines, start=1):
        stripped = line.lstrip()
        if fence or stripped.startswith(("```", "~~~")):
            if stripped.startswith(("```", "~~~")):
                fence = None if fence and stripped.startswith(fence) else fence or stripped[:3]
            close()
            start = count = 0
            continue
        if number <= skip or not stripped or BLOCK_START.match(line) or LIST_ITEM.match(line):
            close()
            start = count = 0
            if not (LIST_ITEM.match(line) and number > skip):
                continue
        if not start:
            start = number
        count += len(CJK_CHAR.findall(re.sub(r"\]\([^)]*\)", "]", line)))  # a link's target is not read
    close()
    return found


def _front_matter_lines(lines: list[str]) -> int:
    """How many lines the page's front matter (--- … ---) takes, 0 if it has none."""
    if not lines or lines[0].strip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return number
    return 0


def heading_without_id(text: str) -> bool:
    """True for a Markdown heading with Chinese text and no explicit {#id}."""
    m = HEADING.match(text)
    return bool(m and re.search(f"[{CJK}]", m.group(2)) and not HEADING_ID.search(m.group(2)))


# -----------------------------------------------------------------------------
# Helpers for the checks
# -----------------------------------------------------------------------------


def normalize(text: str) -> tuple[str, list[int]]:
    """NFKC form of text, and for each of its characters the index of the original character.

    Character by character, so ＠ → @ and １ → 1 keep their column; a lone
    combining tone mark stays as it is (the pinyin check reads both forms).
    """
    return _nfkc_by_character(text, _FULL_WIDTH.sub(_half_width, text))  # one to one: columns stay


def _nfkc_by_character(text: str, quick: str) -> tuple[str, list[int]]:
    """normalize()'s result, given `quick`, text with its full-width ASCII made half-width."""
    if unicodedata.is_normalized("NFKC", quick):
        return quick, range(len(text))
    parts, origin = [], []
    for index, char in enumerate(text):
        normal = unicodedata.normalize("NFKC", char)
        parts.append(normal)
        origin.extend([index] * len(normal))
    return "".join(parts), origin


# NFKC of the full-width ASCII block and the ideographic space, character for character.
_FULL_WIDTH_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# Replaced where they are rather than by str.translate, which looks up every character of a line
# (twice as slow on the guide's lines, where a few in a hundred are full-width).
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")
_HALF_WIDTH = {chr(code): chr(half) for code, half in _FULL_WIDTH_ASCII.items()}


def _half_width(match: re.Match) -> str:
    return _HALF_WIDTH[match[0]]


def canonical(text: str) -> str:
    """The form allow-list entries are compared in: NFKC, case-folded, without spaces, dashes, dots, brackets."""
    return re.sub(r"[\s\-.()\[\]\u2010-\u2013\u2212]", "", unicodedata.normalize("NFKC", text).casefold())


def id_card_checksum(number: str) -> str:
    """The check character (last of 18) of a mainland resident ID number, per GB 11643-1999."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(d) * w for d, w in zip(number[:17], weights)) % 11]


def _personal_kind(kind: str, found: str) -> str | None:
    """The kind to report for a match, or None when the digits are not what the pattern looks for."""
    digits = re.sub(r"[^0-9Xx]", "", found).upper()
    if kind == "身份證號":
        try:
            born = datetime.date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
        except ValueError:
            return None  # no birth date: an order or transaction number, not an ID
        if born > datetime.date.today():
            return None
        # A wrong check digit is still reported: a mistyped real number still names a person.
        return kind if id_card_checksum(digits) == digits[17] else "身份證號，校驗碼不符但仍像真實號碼"
    if kind == "銀行卡號":
        return kind if digits.startswith("62") or _luhn(digits) else None
    return kind


def _luhn(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _cjk_run(text: str, end: int) -> int:
    """How many Chinese characters stand right before `end` (one space allowed)."""
    before = text[:end].rstrip(" ")
    return len(before) - len(re.sub(f"[{CJK}]+$", "", before))


def _is_pinyin(content: str, *, words_before: int) -> bool:
    tokens = [t for t in re.split(r"[\s'’-]+", content) if t]
    readings = [_pinyin_token(t) for t in tokens]
    if not tokens or None in readings:
        return False
    if any(toned for _, toned in readings):
        return True
    # Without tones only a run of single syllables, one per character: 協商(xie shang), not (Huabei).
    return 2 <= len(tokens) <= words_before and all(n == 1 for n, _ in readings)


def _pinyin_token(token: str) -> tuple[int, bool] | None:
    """(syllables, has a tone mark or number) if the token is written pinyin, else None."""
    decomposed = unicodedata.normalize("NFD", token.casefold())
    marked = any(c in TONE_MARKS for c in decomposed)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS)).replace("ü", "v")
    if not re.fullmatch(r"(?:[a-zv]+[0-5]?)+", base):
        return None
    parts = re.findall(r"([a-zv]+)([0-5]?)", base)
    numbered = any(digit for _, digit in parts)
    if numbered and len(parts) == 1 and len(parts[0][0]) < 2:
        return None  # A4, B2: a paper size or a grade, not a syllable
    counts = [_syllable_count(letters) for letters, _ in parts]
    if None in counts:
        return None
    return sum(counts), marked or numbered


def _syllable_count(letters: str) -> int | None:
    """Fewest pinyin syllables that spell `letters` exactly (xieshang → 2), or None."""
    syllables = _syllables()
    best: list[int | None] = [0] + [None] * len(letters)
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 6), end):
            if best[start] is not None and letters[start:end] in syllables:
                count = best[start] + 1
                if best[end] is None or count < best[end]:
                    best[end] = count
    return best[-1]


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows (ü as v), without the interjections m, n, ng, hm, hng, ê."""
    from pypinyin.pinyin_dict import pinyin_dict

    syllables = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            decomposed = unicodedata.normalize("NFD", reading)
            base = "".join(c for c in decomposed if c not in TONE_MARKS)
            syllables.add(unicodedata.normalize("NFC", base).replace("ü", "v"))
    return frozenset(s for s in syllables if re.fullmatch(r"[a-z]*[aeiouv][a-z]*", s))


# -----------------------------------------------------------------------------
# Files
# -----------------------------------------------------------------------------


def lint_text(
    text: str,
    *,
    markdown: bool,
    allowed: frozenset[str] = frozenset(),
    exceptions: LintAllowlist | None = None,
    path: str = "",
) -> list[Problem]:
    """The problems of one page (markdown) or data file, named `path`."""
    exceptions = exceptions or LintAllowlist()
    problems: list[Problem] = []
    in_fence = False
    simplified = simplified_by_line(text, allowed)  # OpenCC once per file, not once per line
    for number, line in enumerate(text.splitlines(), start=1):
        if markdown and line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            continue
        prose = line if markdown else YAML_KEY.sub(lambda m: " " * len(m.group(0)), line)
        for col, group in pinyin_groups(line, exceptions.pinyin):
            problems.append(messages.PINYIN.at(path, number, col, group=group))
        for col, mark in half_width_punctuation(prose):
            problems.append(messages.HALF_WIDTH_PUNCTUATION.at(path, number, col, mark=mark, full=FULL_WIDTH[mark]))
        for col, c, t in simplified.get(number, ()):
            problems.append(messages.SIMPLIFIED_IN_SOURCE.at(path, number, col, char=c, traditional=t))
        for col, found, kind in personal_data(line, exceptions.personal_data, exceptions.public):
            problems.append(messages.PERSONAL_DATA.at(path, number, col, kind=kind, found=found))
        for col, phrase in spam_phrases(line):
            problems.append(messages.SPAM_PHRASE.at(path, number, col, phrase=phrase))
        if markdown and heading_without_id(line):
            problems.append(messages.HEADING_WITHOUT_ID.at(path, number, 1))
    if markdown:
        for number, count in long_paragraphs(text):
            problems.append(messages.LONG_PARAGRAPH.at(path, number, 1, count=count, limit=MAX_PARAGRAPH_CJK))
    return sorted(problems, key=lambda p: (p.line, p.column or 0))


def lint_paths(paths: list[Path], root: Path | None = None) -> list[Problem]:
    """Every problem of the pages and data files under paths (the allow-list's own mistakes first), with the
    lists of the project at root (default: the current folder's)."""
    root = project.root() if root is None else root
    allowed = load_allowlist(path=root / SCRIPT_ALLOWLIST_NAME)
    exceptions, problems = project_rules(root)
    for file, text in contributor_files(paths, problems):
        name = _display(file)
        problems += lint_text(
            text, markdown=file.suffix == ".md", allowed=allowed, exceptions=exceptions, path=name
        ) + typography.lint(text, file, root, path=name)
    return problems


def contributor_files(paths: list[Path], problems: list[Problem]):
    """(file, text) for each page and data file under paths; one that is not UTF-8 goes to problems."""
    for path in paths:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.suffix not in (".md", ".yml", ".yaml") or _is_allowlist(file) or not file.is_file():
                continue
            try:
                yield file, read_text(file)
            except EncodingError as error:
                problems.append(error.problem(_display(file)))


# -----------------------------------------------------------------------------
# Reading contributors' files
# -----------------------------------------------------------------------------


def read_text(path: Path | str) -> str:
    """A contributor's text file: UTF-8, a UTF-8 BOM removed; anything else raises EncodingError."""
    return decode_text(Path(path).read_bytes())


# -----------------------------------------------------------------------------
# Allow-lists
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LintAllowlist:
    """Texts the personal-data and pinyin checks let through, in canonical() form."""

    personal_data: frozenset[str] = frozenset()
    pinyin: frozenset[str] = frozenset()
    public: frozenset[str] | None = None  # the project's hotlines (None: those of the current folder's project)


LINT_ALLOWLIST_SECTIONS = {"personal-data": "個人信息", "pinyin": "拼音"}


def parse_lint_allowlist(text: str, path: str = LINT_ALLOWLIST_NAME) -> tuple[LintAllowlist, list[Problem]]:
    """The allow-list's entries, and a problem for each mistake (an entry without a reason, ...).

    Format: a section per check, each entry ``text: reason`` on its own line.
    Valid entries are kept even when others are wrong.
    """
    problems: list[Problem] = []
    try:
        root = yaml_source.compose(text)
    except yaml_source.YamlSyntaxError as error:
        return LintAllowlist(), [messages.ALLOWLIST_YAML.at(path, error.line, error.column, detail=error.problem)]
    if root is None:
        return LintAllowlist(), []
    sections = "、".join(f"{key}:" for key in LINT_ALLOWLIST_SECTIONS)
    if not isinstance(root, yaml.MappingNode):
        return LintAllowlist(), [messages.ALLOWLIST_SHAPE.at(path, *_mark(root), sections=sections)]
    entries: dict[str, set[str]] = {key: set() for key in LINT_ALLOWLIST_SECTIONS}
    for key, section in root.value:
        if key.value not in LINT_ALLOWLIST_SECTIONS:
            problems.append(messages.ALLOWLIST_SECTION.at(path, *_mark(key), key=key.value, sections=sections))
            continue
        if isinstance(section, yaml.ScalarNode) and (not section.value or _is_null(section)):
            continue  # an empty section
        if not isinstance(section, yaml.MappingNode):
            problems.append(messages.ALLOWLIST_ENTRIES.at(path, *_mark(section), key=key.value))
            continue
        what = LINT_ALLOWLIST_SECTIONS[key.value]
        for entry, reason in section.value:
            if not isinstance(entry, yaml.ScalarNode) or not entry.value.strip():
                problems.append(messages.ALLOWLIST_EMPTY_TEXT.at(path, *_mark(entry)))
            elif not isinstance(reason, yaml.ScalarNode) or not reason.value.strip() or _is_null(reason):
                problems.append(messages.ALLOWLIST_NO_REASON.at(path, *_mark(entry), entry=entry.value, what=what))
            elif canonical(entry.value) in entries[key.value]:
                problems.append(messages.ALLOWLIST_TWICE.at(path, *_mark(entry), entry=entry.value))
            else:
                entries[key.value].add(canonical(entry.value))
    return LintAllowlist(frozenset(entries["personal-data"]), frozenset(entries["pinyin"])), problems


def _is_allowlist(file: Path) -> bool:
    """The lint's own allow-lists (here or in a copy of the project): lists of flagged text, not content."""
    return file.parent.name == "data" and file.name in (
        Path(SCRIPT_ALLOWLIST_NAME).name,
        Path(LINT_ALLOWLIST_NAME).name,
    )


def project_rules(root: Path) -> tuple[LintAllowlist, list[Problem]]:
    """What the checks let through in the project at root: its data/lint-allowlist.yml and its public
    hotlines (data/hotlines.yml), and the allow-list's mistakes."""
    exceptions, problems = load_lint_allowlist(root / LINT_ALLOWLIST_NAME)
    return dataclasses.replace(exceptions, public=public_numbers(root)), problems


def load_lint_allowlist(path: Path) -> tuple[LintAllowlist, list[Problem]]:
    """The allow-list for the personal-data and pinyin checks, and its mistakes."""
    if not path.exists():
        return LintAllowlist(), []
    try:
        text = read_text(path)
    except EncodingError as error:
        return LintAllowlist(), [error.problem(_display(path))]
    return parse_lint_allowlist(text, _display(path))


_is_null = yaml_source.is_null


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def load_allowlist(edition: str = "zh-Hant", path: Path | None = None) -> frozenset[str]:
    """Characters allowed in one edition's text although the script checks would flag them
    (data/script-allowlist.yml; by default the current folder's project's)."""
    path = project.root() / SCRIPT_ALLOWLIST_NAME if path is None else path
    if not path.exists():
        return frozenset()
    data = yaml_source.load(path.read_text(encoding="utf-8")) or {}
    return frozenset(str(c) for c in (data.get(edition) or {}))


def _converters():
    """t2s and s2t from the one cache of OpenCC's converters (editions.converter)."""
    return editions.converter("t2s"), editions.converter("s2t")


def _display(file: Path) -> str:
    return project.display(file)


def personal_data_in(paths: list[Path], root: Path) -> list[Problem]:
    """Only the personal-data check (and the encoding it needs), on every Markdown and YAML file under paths.

    The part of the lint that every build runs, whatever command starts it (hooks/page_checks.py):
    nothing personal may ever be published. The whole lint runs before scripts/build and in tests.
    `root`: the project being built, whose allow-list and hotlines every check of it reads.
    """
    exceptions, problems = project_rules(root)
    for file, text in contributor_files(paths, problems):
        if not MAYBE_PERSONAL.search(text):
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            for col, found, kind in personal_data(line, exceptions.personal_data, exceptions.public):
                problems.append(messages.PERSONAL_DATA.at(_display(file), number, col, kind=kind, found=found))
    return problems


def lint_project(root: Path) -> list[Problem]:
    """Everything contributors write: the pages and data, and the words of the theme and config."""
    return lint_paths([root / "docs", root / "data"], root) + vocabulary.lint_paths(
        [root / "docs", root / "data", root / "overrides", root / "mkdocs.yml"], root
    )


def main(argv: list[str]) -> int:
    problems = (
        lint_paths([Path(a) for a in argv]) + vocabulary.lint_paths([Path(a) for a in argv])
        if argv
        else lint_project(project.root())
    )
    report.report(problems, title="內容檢查", command="./scripts/check")
    if problems:
        print(f"內容檢查：{len(problems)} 個問題（見 CONTRIBUTING.md「自動檢查會告訴你什麼」）", file=sys.stderr)
        return 1
    print("內容檢查：沒有問題")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
