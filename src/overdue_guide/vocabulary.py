"""Vocabulary check: mainland words only, in both scripts.

The guide's readers meet mainland words in the Alipay app, in their contracts and
at the regulator (信息, 合同, 打印, 鏈接, 消息, 重置), so the site uses them, written
in Traditional characters in the source. OpenCC's tw2s, which makes the zh-Hans
edition, converts characters, not words: 資訊 becomes 资讯, not 信息. This check
rejects Taiwan and Hong Kong words in docs/, data/, the theme's strings
(overrides/**/*.html) and mkdocs.yml, as ``path:line:col: message — fix``.

Where the word table comes from (nothing here is typed in from examples):

- OpenCC's TWPhrases dictionary, read in reverse. Each of its lines maps a
  mainland word to the Taiwan word(s) s2twp writes for it (鏈接 → 連結); read
  backwards, every Taiwan word maps to the mainland word to use. It is read at
  lint time from the OpenCC wheel locked in requirements.txt, the same package
  that makes the zh-Hans edition, so the table cannot drift from the converter
  and there is no generated copy to keep in sync. The wheel ships the
  dictionary only in OpenCC's binary format (.ocd2, a marisa trie) and, next to
  it, OpenCC's own ``opencc_dict`` tool, which dumps it to text in a few
  milliseconds; parsing marisa tries by hand would be the hand-written code the
  project avoids. OpenCC has no Hong Kong vocabulary table: its HKVariants*
  dictionaries map character variants (戶/户), not words, so Hong Kong words
  (合資格) come from the supplement below.
- data/vocabulary.yml, edited by contributors:
  ``supplement`` adds words OpenCC's table lacks (合約, 紙本, 純文字, 重設,
  合資格), each with the mainland word and a reason; ``allow`` lists words of
  OpenCC's table that are also ordinary mainland words (文件, 資料, 查詢), or
  longer mainland words that contain a Taiwan one, each with a reason.

Two rules keep the reversed table honest without hand edits: a Taiwan word that
is itself a mainland word elsewhere in the table (程序, 文件) is dropped, and a
mainland word of the table that contains a Taiwan word (尼日利亞 contains 尼日)
masks it. A second table holds every word's Simplified form (tw2s), so the same
check reads the built zh-Hans edition: ``find_words(text, "zh-Hans")`` (资讯 → 信息).

    python scripts/vocabulary.py [PATH ...]    # default: docs data overrides mkdocs.yml
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import ahocorasick
import yaml

from . import messages
from .problems import Problem, ProblemError

ROOT = Path(__file__).resolve().parents[2]  # the project (src/overdue_guide/ → the repository)
DATA_FILE = ROOT / "data" / "vocabulary.yml"  # it lists the very words the check refuses: the check skips it
# Files whose words are data about words, not text for readers.
NOT_TEXT = {DATA_FILE, ROOT / "data" / "script-allowlist.yml"}
DEFAULT_PATHS = [ROOT / "docs", ROOT / "data", ROOT / "overrides", ROOT / "mkdocs.yml"]
TEXT_SUFFIXES = (".md", ".yml", ".yaml", ".html")
# OpenCC's Taiwan phrase table: mainland word, tab, Taiwan word(s) separated by spaces.
OPENCC_TABLES = ("TWPhrases",)

# Comments are for contributors and never published: blank them out, keeping columns.
COMMENTS = {
    ".yml": re.compile(r"(?:^|(?<=\s))#.*$", re.MULTILINE),
    ".yaml": re.compile(r"(?:^|(?<=\s))#.*$", re.MULTILINE),
    ".html": re.compile(r"\{#.*?#\}|<!--.*?-->", re.DOTALL),
    ".md": re.compile(r"<!--.*?-->", re.DOTALL),
}


@dataclass(frozen=True)
class Finding:
    """A Taiwan/Hong Kong word found in a text (a match; `problem` makes what a contributor reads)."""

    line: int
    column: int
    word: str
    mainland: str

    def problem(self, path: str) -> Problem:
        return messages.VOCABULARY.at(path, self.line, self.column, word=self.word, mainland=self.mainland)


class VocabularyDataError(ProblemError):
    """data/vocabulary.yml is malformed: its Problem names file:line and the fix."""


# -----------------------------------------------------------------------------
# Checks: text in, findings out
# -----------------------------------------------------------------------------


def find_words(text: str, script: str = "zh-Hant") -> list[Finding]:
    """Every Taiwan/Hong Kong word in text written in script (zh-Hant or zh-Hans), leftmost-longest."""
    automaton = _automaton(script)
    words, masks = [], []
    for end, (kind, word, mainland) in automaton.iter(text):
        span = (end - len(word) + 1, end + 1)
        (masks if kind == "mask" else words).append((span, word, mainland))
    masked = [m for m, _, _ in masks]
    kept = [
        (span, word, mainland)
        for span, word, mainland in words
        if not any(a <= span[0] and span[1] <= b and (b - a) > (span[1] - span[0]) for a, b in masked)
    ]
    kept.sort(key=lambda w: (w[0][0], -(w[0][1] - w[0][0])))
    findings, covered_to = [], 0
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for (start, end), word, mainland in kept:
        if start < covered_to:
            continue
        covered_to = end
        line = _line_of(line_starts, start)
        findings.append(Finding(line + 1, start - line_starts[line] + 1, word, mainland))
    return findings


def lint_text(text: str, suffix: str = ".md") -> list[Finding]:
    """Findings in one file's text, outside comments (columns stay those of the file)."""
    comment = COMMENTS.get(suffix)
    if comment:
        text = comment.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return find_words(text)


def lint_paths(paths: list[Path]) -> list[Problem]:
    """The problems of every finding in the text files under paths."""
    try:
        _automaton()
    except VocabularyDataError as error:
        return error.problems
    lines: list[Problem] = []
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if (
                file.suffix not in TEXT_SUFFIXES
                or not file.is_file()
                or (file.parent.name == "data" and file.name in {p.name for p in NOT_TEXT})
            ):  # here or in a copy
                continue
            try:
                text = file.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue  # scripts/lint_content.py reports the file's encoding
            for finding in lint_text(text, file.suffix):
                lines.append(finding.problem(_display(file)))
            if file.suffix == ".html":
                lines += inherited_theme_strings(text, _display(file))
    return lines


# A theme language partial that takes Material's strings for every key it does not set itself
# (overrides/partials/languages/zh-Hant-guide.html): `{% import "partials/languages/zh-Hant.html" as fallback %}`.
LANGUAGE_FALLBACK = re.compile(r'\{%-?\s*import\s+"partials/languages/([\w-]+)\.html"\s+as\s+fallback')
THEME_STRING = re.compile(r'^\s*"([\w.]+)":\s*"((?:[^"\\]|\\.)*)"', re.MULTILINE)


def inherited_theme_strings(text: str, path: str, languages: Path | None = None) -> list[Problem]:
    """A problem for each Taiwan/Hong Kong word in the interface strings a language
    partial inherits from Material's partial (the keys it does not set itself): readers see them too."""
    found = LANGUAGE_FALLBACK.search(text)
    if not found:
        return []
    source = (languages or _material_languages()) / f"{found[1]}.html"
    if not source.is_file():
        return []
    own = {key for key, _ in THEME_STRING.findall(text)}
    script = "zh-Hant" if found[1] in ("zh-Hant", "zh-TW", "zh-HK") else "zh-Hans"
    line = text[: found.start()].count("\n") + 1
    problems = []
    for key, value in THEME_STRING.findall(source.read_text(encoding="utf-8")):
        for finding in [] if key in own else find_words(value, script):
            problems.append(
                messages.THEME_STRING_VOCABULARY.at(
                    path, line, 1, key=key, value=value, partial=found[1], word=finding.word, mainland=finding.mainland
                )
            )
    return problems


def _material_languages() -> Path:
    import material

    return Path(material.__file__).parent / "templates" / "partials" / "languages"


# -----------------------------------------------------------------------------
# The word table: OpenCC's data reversed, plus data/vocabulary.yml
# -----------------------------------------------------------------------------


def opencc_pairs(table: str = "TWPhrases") -> list[tuple[str, str]]:
    """(Taiwan word, mainland word) for each line of one of OpenCC's phrase tables."""
    pairs = []
    for line in dump_opencc_table(table).splitlines():
        mainland, _, taiwan = line.partition("\t")
        pairs.extend((word, mainland) for word in taiwan.split() if word != mainland)
    return pairs


def word_table(
    pairs: list[tuple[str, str]], supplement: dict[str, str], allowed: set[str]
) -> tuple[dict[str, str], set[str]]:
    """({Taiwan word: mainland word}, mask words) in Traditional characters.

    A Taiwan word that is also a mainland word of the table (程序, 文件) is not
    Taiwan-only and is dropped; mainland words that contain a Taiwan word
    (尼日利亞 ⊃ 尼日) mask it, as do the allowed words.
    """
    mainland_words = {m for _, m in pairs}
    table: dict[str, str] = {}
    for taiwan, mainland in pairs:
        if taiwan in mainland_words or taiwan in allowed:
            continue
        # One Taiwan word may stand for several mainland words (檢視 → 查看, 視圖): offer each.
        table[taiwan] = mainland if taiwan not in table else f"{table[taiwan]}／{mainland}"
    table.update(supplement)
    masks = {m for m in mainland_words if any(t in m and t != m for t in table)}
    masks |= {a for a in allowed if any(t in a and t != a for t in table)}
    return table, masks


def load_data(path: Path = DATA_FILE) -> tuple[dict[str, str], set[str]]:
    """(supplement {word: mainland word}, allowed words) from data/vocabulary.yml."""
    shown = _display(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise VocabularyDataError(messages.VOCABULARY_YAML.at(shown, line)) from None
    if not isinstance(data, dict) or set(data) - {"supplement", "allow"}:
        raise VocabularyDataError(messages.VOCABULARY_SHAPE.at(shown, 1))
    supplement: dict[str, str] = {}
    for word, entry in (data.get("supplement") or {}).items():
        if not isinstance(entry, dict) or not entry.get("use") or not entry.get("reason"):
            line = _line_of_key(path, word)
            raise VocabularyDataError(messages.VOCABULARY_SUPPLEMENT.at(shown, line, word=word))
        supplement[str(word)] = str(entry["use"])
    allowed: set[str] = set()
    for word, reason in (data.get("allow") or {}).items():
        if not reason or not isinstance(reason, str):
            raise VocabularyDataError(messages.VOCABULARY_NO_REASON.at(shown, _line_of_key(path, word), word=word))
        allowed.add(str(word))
    return supplement, allowed


@lru_cache(maxsize=2)
def table(script: str = "zh-Hant") -> dict[str, str]:
    """{Taiwan/Hong Kong word: mainland word} in one script (zh-Hant or zh-Hans)."""
    return dict(_tables(script)[0])


@lru_cache(maxsize=2)
def _tables(script: str) -> tuple[dict[str, str], set[str]]:
    supplement, allowed = load_data()
    pairs = [p for t in OPENCC_TABLES for p in opencc_pairs(t)]
    words, masks = word_table(pairs, supplement, allowed)
    masks |= allowed
    if script == "zh-Hant":
        return words, masks
    assert script == "zh-Hans", script
    simplify = _to_simplified
    mainland_forms = {simplify(m) for m in words.values()} | {simplify(m) for m in masks}
    # A Simplified form that is itself a mainland word (or an allowed one) is not a Taiwan word.
    simplified = {simplify(w): simplify(m) for w, m in words.items()}
    simplified = {w: m for w, m in simplified.items() if w not in mainland_forms}
    return simplified, {simplify(m) for m in masks}


@lru_cache(maxsize=2)
def _automaton(script: str = "zh-Hant"):
    words, masks = _tables(script)
    automaton = ahocorasick.Automaton()
    for word, mainland in words.items():
        automaton.add_word(word, ("word", word, mainland))
    for word in masks:
        if word not in words:
            automaton.add_word(word, ("mask", word, ""))
    automaton.make_automaton()
    return automaton


def dump_opencc_table(name: str) -> str:
    """The text of one of the pinned OpenCC wheel's .ocd2 dictionaries, via its opencc_dict."""
    import opencc

    clib = Path(opencc.__file__).parent / "clib"
    source = clib / "share" / "opencc" / f"{name}.ocd2"
    tool = clib / "bin" / "opencc_dict"
    assert source.is_file() and tool.is_file(), f"OpenCC wheel without {source.name} or opencc_dict"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{name}.txt"
        subprocess.run(
            [str(tool), "-i", str(source), "-o", str(out), "-f", "ocd2", "-t", "text"], check=True, capture_output=True
        )
        return out.read_text(encoding="utf-8")


@cache
def _to_simplified(text: str) -> str:
    return _converter()(text)


def _converter():
    from . import editions  # the one cache of OpenCC's converters

    return editions.converter("tw2s")  # the zh-Hans edition's own conversion (extra.editions in mkdocs.yml)


def _line_of(line_starts: list[int], index: int) -> int:
    lo, hi = 0, len(line_starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if line_starts[mid] <= index:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _line_of_key(path: Path, key: object) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().startswith(f"{key}:"):
            return number
    return 1


def _display(file: Path) -> str:
    try:
        return str(file.resolve().relative_to(ROOT))
    except ValueError:
        return str(file)


def main(argv: list[str]) -> int:
    problems = lint_paths([Path(a) for a in argv] or DEFAULT_PATHS)
    for problem in problems:
        print(problem.format())
    if problems:
        print(f"用詞檢查：{len(problems)} 個問題（見 CONTRIBUTING.md「用詞」）", file=sys.stderr)
        return 1
    print("用詞檢查：沒有問題")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
