"""Content lint for contributors' Markdown and YAML (docs/, data/).

Each check is a small pure function from one line of text to problems; the CLI
prints them as ``path:line:column: message — how to fix`` and exits 1 if any.

    python scripts/lint_content.py docs data
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

import vocabulary

ROOT = Path(__file__).resolve().parent.parent
ALLOWLIST_FILE = ROOT / "data" / "script-allowlist.yml"

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

# A pinyin syllable in brackets right after a Chinese character: 協(xié)商, 協（xié）商.
PINYIN_GROUP = re.compile(
    rf"(?<=[{CJK}])[(（]([a-zü{TONED}]*[{TONED}][a-zü{TONED}]*[1-5]?)[)）]"
)
# Half-width punctuation with Chinese text on both sides: 收入減少:失業, 問題,但.
HALF_WIDTH = re.compile(rf"(?<=[{CJK}])\s?([,:;!?])\s?(?=[{CJK}「『（])")
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
# Personal data that must never be published.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w#/.-])(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{3,4}-\d{3,4}-\d{4})(?![\w/.-])")
QQ = re.compile(r"QQ[:：\s]*\d{5,11}", re.IGNORECASE)
# The source blog's chrome and voice.
SPAM_PHRASES = ("小編", "逾期頻道", "刪帖", "侵權")
# A Markdown heading with Chinese text must carry an explicit ASCII id.
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ID = re.compile(r"\{[^}]*#[A-Za-z][\w-]*[^}]*\}\s*$")
# A YAML mapping key ("label: ", "- 了: "): its colon is syntax, not punctuation.
YAML_KEY = re.compile(r"^\s*(?:-\s+)?[^\s:#][^:#]*:(?=\s|$)")


@dataclass(frozen=True)
class Problem:
    line: int
    column: int
    message: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}:{self.column}: {self.message}"


# -----------------------------------------------------------------------------
# Checks: one line in, problems out
# -----------------------------------------------------------------------------

def pinyin_groups(text: str) -> list[tuple[int, str]]:
    """(column, group) for each pinyin syllable inserted after a character."""
    return [(m.start() + 1, m.group(0)) for m in PINYIN_GROUP.finditer(text)]


def half_width_punctuation(text: str) -> list[tuple[int, str]]:
    """(column, mark) for each half-width , : ; ! ? between Chinese characters."""
    return [(m.start(1) + 1, m.group(1)) for m in HALF_WIDTH.finditer(text)]


def personal_data(text: str) -> list[tuple[int, str]]:
    """(column, match) for each e-mail address, phone or QQ number."""
    found = [(m.start() + 1, m.group(0)) for r in (EMAIL, PHONE, QQ) for m in r.finditer(text)]
    return sorted(found)


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
    simplified = t2s.convert(text)
    traditional = s2t.convert(simplified)
    if len(simplified) != len(text) or len(traditional) != len(text):
        return []  # OpenCC only maps characters one to one for CJK text; be safe.
    return [
        (i + 1, c, t)
        for i, (c, s, t) in enumerate(zip(text, simplified, traditional))
        if c == s and t != c and c not in allowed
    ]


def heading_without_id(text: str) -> bool:
    """True for a Markdown heading with Chinese text and no explicit {#id}."""
    m = HEADING.match(text)
    return bool(m and re.search(f"[{CJK}]", m.group(2)) and not HEADING_ID.search(m.group(2)))


# -----------------------------------------------------------------------------
# Files
# -----------------------------------------------------------------------------

def lint_text(text: str, *, markdown: bool, allowed: frozenset[str] = frozenset()) -> list[Problem]:
    problems: list[Problem] = []
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if markdown and line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            continue
        prose = line if markdown else YAML_KEY.sub(lambda m: " " * len(m.group(0)), line)
        for col, group in pinyin_groups(line):
            problems.append(Problem(number, col, f"拼音殘留「{group}」— 刪除括號和其中的拼音"))
        for col, mark in half_width_punctuation(prose):
            problems.append(Problem(number, col, f"中文之間的半形標點「{mark}」— 改用全形「{FULL_WIDTH[mark]}」"))
        for col, c, t in simplified_only(line, allowed):
            problems.append(Problem(number, col, f"簡體字「{c}」— 繁體版應寫作「{t}」"
                                    f"（若兩種寫法都正確，把它加入 data/script-allowlist.yml）"))
        for col, found in personal_data(line):
            problems.append(Problem(number, col, f"個人資料「{found}」— 電話、QQ 與電郵不得發佈，請刪除"))
        for col, phrase in spam_phrases(line):
            problems.append(Problem(number, col, f"來源網站的用語「{phrase}」— 請刪除或改寫"))
        if markdown and heading_without_id(line):
            problems.append(Problem(number, 1, "標題沒有固定錨點 — 在行尾加上英文 id，如「## 準備材料 {#prepare-documents}」"))
    return problems


def lint_paths(paths: list[Path]) -> list[str]:
    allowed = load_allowlist()
    lines: list[str] = []
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.suffix not in (".md", ".yml", ".yaml") or file.resolve() == ALLOWLIST_FILE:
                continue
            text = file.read_text(encoding="utf-8")
            for problem in lint_text(text, markdown=file.suffix == ".md", allowed=allowed):
                lines.append(problem.format(_display(file)))
    return lines


def load_allowlist(edition: str = "zh-Hant", path: Path = ALLOWLIST_FILE) -> frozenset[str]:
    """Characters allowed in one edition's text although the script checks would flag them."""
    if not path.exists():
        return frozenset()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return frozenset(str(c) for c in (data.get(edition) or {}))


@lru_cache(maxsize=1)
def _converters():
    import opencc
    return opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


def _display(file: Path) -> str:
    try:
        return str(file.resolve().relative_to(ROOT))
    except ValueError:
        return str(file)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [ROOT / "docs", ROOT / "data"]
    problems = lint_paths(paths)
    problems += vocabulary.lint_paths(paths)
    for line in problems:
        print(line)
    if problems:
        print(f"內容檢查：{len(problems)} 個問題（見 CONTRIBUTING.md「自動檢查會告訴你什麼」）", file=sys.stderr)
        return 1
    print("內容檢查：沒有問題")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
