"""Reading contributors' YAML data files (data/checklist.yml, data/glossary.yml),
and the one decoder of every file a contributor writes (decode(): pages, data
files; the content lint uses it too, so a file in Big5 or UTF-16 gets the same
message from `mkdocs serve` as from scripts/check).

Shared by the data hooks. Files are composed into YAML nodes by the one YAML
reader (yaml_source), not loaded into Python values, so every mistake can be reported at its line,
and text is taken as written (`yes` stays "yes", `1.0` stays "1.0"). Each
function raises DataError with the line and a message in the contributor's
words that says how to fix it; the hooks prefix the file name.
"""

from __future__ import annotations

import codecs
import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from . import (
    settings,  # the schema of mkdocs.yml's extra
    yaml_source,  # the one YAML reader, with lines
)

T = TypeVar("T")


class DataError(Exception):
    """A mistake in a data file, at a line, in the contributor's words."""

    def __init__(self, line: int, message: str):
        super().__init__(f"{line}: {message}")
        self.line = line
        self.message = message


def load(
    config: MkDocsConfig,
    kind: str,
    parse: Callable[[str], T],
    *,
    what: str,
    convert: Callable[[str], str] | None = None,
) -> T:
    """Parse the data file named by ``extra.data.<kind>`` in mkdocs.yml (relative to it),
    converted by `convert` (the edition being built); a mistake in it stops the build."""
    name = data_path(config, kind)
    path = Path(config.config_file_path).parent / name
    if not path.is_file():
        where = settings.where(config.config_file_path, "extra", "data", kind)
        raise PluginError(
            f"{where}: 找不到{what}的數據文件「{name}」 — 請把它放回 data/ 文件夾，"
            f"或改正這一行（extra.data.{kind}）寫的路徑"
        )
    text = read(path, name)
    try:
        check_source(text)
        return parse(convert(text) if convert else text)
    except DataError as error:
        raise build_error(name, error) from None


def data_path(config: MkDocsConfig, kind: str) -> str:
    """Where mkdocs.yml says a data file is (``extra.data``), checked by the settings' schema (settings.py)."""
    return settings.data_file(config, kind)


def read(path: str | Path, name: str) -> str:
    """A contributor's text file as text; PluginError naming the line if it is not UTF-8."""
    try:
        return decode(Path(path).read_bytes())
    except EncodingError as error:
        raise PluginError(f"{name}:{error.line}:{error.column}: {error.message}") from None


class EncodingError(ValueError):
    """A contributor's file that is not UTF-8, at the line and column where reading it fails."""

    def __init__(self, line: int, column: int, message: str):
        super().__init__(f"{line}:{column}: {message}")
        self.line = line
        self.column = column
        self.message = message


def decode(data: bytes) -> str:
    """The text of a contributor's file (a page, a data file) from its bytes.

    A UTF-8 BOM is accepted and removed, as MkDocs (utf-8-sig) and PyYAML do.
    UTF-16 and UTF-32 (Windows Notepad's "Unicode"), Big5 and GBK raise
    EncodingError with the line where decoding fails and the fix.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00
        raise EncodingError(1, 1, f"這個文件是 UTF-32 編碼 — {SAVE_AS_UTF8}")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise EncodingError(1, 1, f"這個文件是 UTF-16 編碼（舊版記事本叫它「Unicode」）— {SAVE_AS_UTF8}")
    data = data.removeprefix(codecs.BOM_UTF8)
    nuls = [i for i, byte in enumerate(data) if byte == 0] if b"\0" in data else []  # a C-speed test first
    if nuls:
        if len(nuls) > 1 and len({i % 2 for i in nuls}) == 1:  # every other byte: ASCII characters in UTF-16
            raise EncodingError(1, 1, f"這個文件是 UTF-16 編碼（舊版記事本叫它「Unicode」）— {SAVE_AS_UTF8}")
        line, column = _position(data, nuls[0])
        raise EncodingError(line, column, f"這一行有空字符（NUL），文件可能已損壞 — 刪除它，{SAVE_AS_UTF8}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise EncodingError(
            line, column, f"這個文件不是 UTF-8 編碼{_legacy_hint(data)}，從這裡起無法讀取 — {SAVE_AS_UTF8}"
        ) from None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset; the bytes before it are UTF-8."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def _legacy_hint(data: bytes) -> str:
    """Name the legacy encodings a contributor's editor may have used, when the bytes fit one."""
    for codec in ("big5", "gb18030"):
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return "（可能是 Big5 或 GBK）"
    return ""


SAVE_AS_UTF8 = "請用 UTF-8 編碼另存這個文件"


# A value cut short by YAML: ` #` starts a comment, so `準備收入證明 #和存摺` loses `#和存摺`.
# A real comment has a space after its `#`; text glued to the `#` was meant as part of the value.
_CUT_VALUE = re.compile(r"^[^#'\"]*?:[ \t]+[^'\"#\s][^#'\"]*?[ \t]#(?=\S)")
_CUT_ITEM = re.compile(r"^[ \t]*-[ \t]+[^'\"#\s][^#'\"]*?[ \t]#(?=\S)")


# How deep a data file may nest: YAML's parsers (libyaml's composer among them) recurse once per
# level and crash the interpreter far past any real file. Real data files nest four or five deep.
MAX_DEPTH = 20
MAX_INDENT = 4 * MAX_DEPTH


def nesting_line(text: str, limit: int = MAX_DEPTH) -> int | None:
    """The first line where [ ] / { } nest deeper than `limit`, or that is indented past its bound."""
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) - len(line.lstrip(" \t")) > 4 * limit:
            return number
        for char in line:
            if char in "[{":
                depth += 1
                if depth > limit:
                    return number
            elif char in "]}" and depth:
                depth -= 1
    return None


def check_source(text: str) -> None:
    """Mistakes YAML would accept silently, or that cost too much: raise DataError at their line."""
    deep = nesting_line(text)
    if deep:
        raise DataError(
            deep,
            f"這裡的 [ ] 或 {{ }} 套了超過 {MAX_DEPTH} 層（或縮進太深），讀不了"
            f" — 檢查是否粘貼了多餘的括號；值裡本來就有括號的話，把整個值用引號括起來",
        )
    for number, line in enumerate(text.splitlines(), start=1):
        if _CUT_VALUE.match(line) or _CUT_ITEM.match(line):
            raise DataError(
                number,
                "值裡的「 #」會被 YAML 當成註解，後面的文字會被丟掉"
                ' — 把整個值用引號括起來，例如 label: "準備收入證明 #和存摺"；'
                "真的是註解的話，在 # 後面加一個空格",
            )
    reference = yaml_source.first_reference(text)
    if reference is not None:
        raise DataError(reference, "數據文件不支持 & 和 * 引用 — 把引用的內容直接寫出來")


def build_error(name: str, error: DataError) -> PluginError:
    """The error MkDocs reports for a mistake in data file `name`: ``name:line: message``."""
    return PluginError(f"{name}:{error.line}: {error.message}")


def compose(text: str, *, parts: Iterable[str]) -> dict[str, yaml.Node]:
    """The top-level mapping of a data file's text, which must have exactly these parts."""
    parts = tuple(parts)
    try:
        root = yaml_source.compose(text)
    except yaml_source.YamlSyntaxError as error:
        raise DataError(
            error.line, f"YAML 格式錯誤（{error.problem}） — 檢查這行附近的縮進、「鍵: 值」的冒號和空格、引號是否成對"
        ) from None
    if root is None:
        raise DataError(1, f"文件是空的 — 需要 {'、'.join(parts)} 這 {len(parts)} 個部分")
    return mapping(root, "文件最上層", parts)


def page(node: yaml.Node, example: str) -> str:
    """A docs/ page's file name (``page:``), normalised: ``./checklist.md`` → ``checklist.md``."""
    value = text(node, "page")
    if not value.endswith(".md") or "#" in value:
        raise DataError(line(node), f"page「{value}」不是頁面文件名 — 寫上 docs/ 裡的頁面文件名，例如 {example}")
    return posixpath.normpath(value.removeprefix("./"))


def strings(
    node: yaml.Node, keys: Iterable[str], optional: Iterable[str] = ()
) -> tuple[dict[str, str], dict[str, yaml.Node]]:
    """The reader-visible strings (``strings:``), exactly `keys` and any of `optional`; with their nodes."""
    nodes = mapping(node, "strings", keys, optional)
    return {key: text(value, f"strings 的 {key}") for key, value in nodes.items()}, nodes


def mapping(node: yaml.Node, where: str, keys: Iterable[str], optional: Iterable[str] = ()) -> dict[str, yaml.Node]:
    """A mapping's values by key; each of `keys` exactly once, `optional` at most once, nothing else."""
    keys, allowed = tuple(keys), (*keys, *optional)
    if not isinstance(node, yaml.MappingNode):
        raise DataError(line(node), f"{where} 應該是一組「鍵: 值」 — 需要 {'、'.join(keys)}")
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else "?"
        if name in fields:
            raise DataError(line(key), f"「{name}」在同一處寫了兩次 — 刪掉其中一個")
        if name not in allowed:
            raise DataError(line(key), f"不認識的字段「{name}」 — {where} 只能有 {'、'.join(allowed)}（檢查拼寫）")
        fields[name] = value
    missing = [key for key in keys if key not in fields]
    if missing:
        raise DataError(line(node), f"{where} 缺少「{'、'.join(missing)}」 — 請補上")
    return fields


def sequence(node: yaml.Node, where: str) -> list[yaml.Node]:
    """A non-empty list's items."""
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise DataError(line(node), f"{where} 應該是一串項目，至少一項 — 每項另起一行、以「- 」開頭，或寫成 [甲, 乙]")
    return node.value


def text(node: yaml.Node, what: str) -> str:
    """A non-empty piece of text, as written."""
    if not isinstance(node, yaml.ScalarNode):
        raise DataError(line(node), f"{what} 應該是一段文字 — 寫在冒號後的同一行")
    value = node.value.strip()
    # A plain ~ or null is YAML's "nothing" (libyaml marks plain style as "", PyYAML as None).
    if not value or yaml_source.is_null(node):
        raise DataError(line(node), f"{what} 是空的 — 在冒號後寫上文字")
    return value


line = yaml_source.line  # the 1-based line where a node starts


def unique_id(node: yaml.Node, seen: dict[str, int], pattern: re.Pattern, *, example: str) -> str:
    """A stable id (it keys what readers keep in their browser), used once in the file (`seen`: id → line)."""
    value = text(node, "id")
    where = line(node)
    if not pattern.fullmatch(value):
        raise DataError(where, f"id「{value}」只能用小寫英文字母、數字和連字號，例如 {example}")
    if value in seen:
        raise DataError(where, f"id「{value}」重複了（第 {seen[value]} 行已經用過）— 每個 id 只能用一次，請換一個")
    seen[value] = where
    return value


# -----------------------------------------------------------------------------
# Pages a data file names, and the marker line a widget replaces
# -----------------------------------------------------------------------------


def is_page(files, path: str) -> bool:
    """Whether the build (its mkdocs Files) has a documentation page at this docs-relative path."""
    file = files.get_file_from_path(path)
    return file is not None and file.is_documentation_page() and not file.inclusion.is_excluded()


def marker_line(page, marker: re.Pattern) -> int:
    """The line of a widget's marker in a page's Markdown (1 if only the rendered HTML has it)."""
    source = page.file.content_string
    found = marker.search(source)
    return source[: found.start()].count("\n") + 1 if found else 1


# -----------------------------------------------------------------------------
# A widget's data file: the pages it names, its strings, and the page its marker goes on
# -----------------------------------------------------------------------------
# The budget and the request letter (and any widget like them) read and check their data the same
# way; the steps live here once, each widget keeps only what is its own.


def page_fields(fields: dict[str, yaml.Node], keys: Iterable[str], example: str) -> dict[str, tuple[str, int]]:
    """The pages a data file names (``page``, ``budget_page``…): key → (docs path, line in the data file).
    `example`: the widget's own page, for ``page``; another page is named after its key."""
    return {
        key: (
            page(fields[key], example=f"{key.removesuffix('_page') if key != 'page' else example}.md"),
            line(fields[key]),
        )
        for key in keys
    }


def strings_with_placeholders(
    node: yaml.Node, keys: Iterable[str], placeholders: dict[str, tuple[str, ...]], *, filled_with: str
) -> dict[str, str]:
    """The widget's strings (``strings:``), each of `placeholders` holding the {names} its script fills in
    (`filled_with`: what they become, for the message)."""
    found, nodes = strings(node, keys)
    for key, needed in placeholders.items():
        missing = [name for name in needed if name not in found[key]]
        if missing:
            raise DataError(line(nodes[key]), f"{key} 必須含有 {'、'.join(missing)}（{filled_with}）— 請把它加回去")
    return found


def check_pages_exist(files, pages: dict[str, tuple[str, int]], data_path: str, example: str) -> None:
    """Every page the data file names is a page of this build; else the error at the data file's line."""
    for key, (path, at) in pages.items():
        if not is_page(files, path):
            raise build_error(
                data_path,
                DataError(at, f"{key}「{path}」不存在 — 寫上 docs/ 裡的頁面文件名（大小寫要一致），例如 {example}"),
            )


def widget_goes_here(
    html: str, page, *, tag: str, marker: re.Pattern, home: str, data_path: str, what: str, thing: str
) -> bool:
    """Whether this page gets the widget: it is the widget's page (``page:`` in the data file, `home`).

    The marker (``<!-- tag -->``) on another page, or the widget's page without it, stops the build at
    the page's line. `what`: the widget's name (還款預算表); `thing`: what the reader gets there (表格).
    """
    src = page.file.src_uri
    if src != home:
        if "<!--" in html and marker.search(html):
            raise PluginError(
                f"docs/{src}:{marker_line(page, marker)}: 這頁有 <!-- {tag} --> 標記，"
                f"但{what}放在 {home}（{data_path} 的 page）— 刪除這行標記"
            )
        return False
    if not marker.search(html):
        raise PluginError(
            f"docs/{src}:1: 這頁是{what}的頁面（{data_path} 的 page），但沒有"
            f" <!-- {tag} --> 標記 — 在要放{thing}的地方單獨寫一行 <!-- {tag} -->"
        )
    return True
