"""Reading contributors' YAML data files (data/checklist.yml, data/glossary.yml),
and the one decoder of every file a contributor writes (decode(): pages, data
files; the content lint uses it too, so a file in Big5 or UTF-16 gets the same
message from `mkdocs serve` as from scripts/check).

Shared by the checklist and glossary hooks. Files are composed into YAML nodes,
not loaded into Python values, so every mistake can be reported at its line,
and text is taken as written (`yes` stays "yes", `1.0` stays "1.0"). Each
function raises DataError with the line and a message in the contributor's
words that says how to fix it; the hooks prefix the file name.
"""

from __future__ import annotations

import codecs
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import yaml
from mkdocs.config.defaults import MkDocsConfig

from . import messages
from .messages import Message
from .problems import Problem, ProblemError

T = TypeVar("T")

# libyaml's loader where PyYAML was built with it: the same nodes, ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "tag:yaml.org,2002:null"


class DataError(Exception):
    """A mistake in a data file, at a line: a catalogue entry and its fields (the hooks add the file)."""

    def __init__(self, line: int, entry: Message, /, **values):
        self._problem = entry.at("", line, **values)
        self.line = line
        self.message = self._problem.text  # what is wrong — how to fix it
        super().__init__(f"{line}: {self.message}")

    def problem(self, path: str) -> Problem:
        """The mistake as a Problem in data file `path`."""
        return replace(self._problem, path=path)


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
        raise ProblemError(messages.DATA_FILE_MISSING.at(*config_where(config, name), what=what, name=name, kind=kind))
    text = read(path, name)
    try:
        check_source(text)
        return parse(convert(text) if convert else text)
    except DataError as error:
        raise build_error(name, error) from None


def data_path(config: MkDocsConfig, kind: str) -> str:
    """Where mkdocs.yml says a data file is (``extra.data``), checked to be a plain relative path."""
    paths = config.extra.get("data")
    name = paths.get(kind) if isinstance(paths, dict) else None
    if (
        not isinstance(name, str)
        or not name.endswith((".yml", ".yaml"))
        or name.startswith("/")
        or ".." in name.split("/")
    ):
        raise ProblemError(messages.DATA_FILE_PATH.at(*config_where(config, f"{kind}:", after="data:"), kind=kind))
    return name


def config_where(config: MkDocsConfig, needle: str, *, after: str = "extra:") -> tuple[str, int]:
    """(mkdocs.yml, line) of the first line containing `needle` (after the line starting `after`)."""
    path = Path(config.config_file_path)
    number = 1
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    start = next((n for n, line in enumerate(lines) if line.strip().startswith(after)), 0)
    for index in range(start, len(lines)):
        if needle in lines[index]:
            number = index + 1
            break
    return path.name, number


def read(path: str | Path, name: str) -> str:
    """A contributor's text file as text; ProblemError naming the line if it is not UTF-8."""
    try:
        return decode(Path(path).read_bytes())
    except EncodingError as error:
        raise ProblemError(error.problem(name)) from None


class EncodingError(ValueError):
    """A contributor's file that is not UTF-8, at the line and column where reading it fails."""

    def __init__(self, line: int, column: int, entry: Message, /, **values):
        self._problem = entry.at("", line, column, **values)
        self.line, self.column = line, column
        self.message = self._problem.text  # what is wrong — how to fix it
        super().__init__(f"{line}:{column}: {self.message}")

    def problem(self, path: str) -> Problem:
        """The encoding problem as a Problem in file `path`."""
        return replace(self._problem, path=path)


def decode(data: bytes) -> str:
    """The text of a contributor's file (a page, a data file) from its bytes.

    A UTF-8 BOM is accepted and removed, as MkDocs (utf-8-sig) and PyYAML do.
    UTF-16 and UTF-32 (Windows Notepad's "Unicode"), Big5 and GBK raise
    EncodingError with the line where decoding fails and the fix.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00
        raise EncodingError(1, 1, messages.UTF32)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise EncodingError(1, 1, messages.UTF16)
    data = data.removeprefix(codecs.BOM_UTF8)
    nuls = [i for i, byte in enumerate(data) if byte == 0] if b"\0" in data else []  # a C-speed test first
    if nuls:
        if len(nuls) > 1 and len({i % 2 for i in nuls}) == 1:  # every other byte: ASCII characters in UTF-16
            raise EncodingError(1, 1, messages.UTF16)
        line, column = _position(data, nuls[0])
        raise EncodingError(line, column, messages.NUL_CHARACTER)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise EncodingError(line, column, messages.NOT_UTF8, hint=_legacy_hint(data)) from None


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
        return messages.LEGACY_ENCODING_HINT
    return ""


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
        raise DataError(deep, messages.DATA_TOO_DEEP, limit=MAX_DEPTH)
    for number, line in enumerate(text.splitlines(), start=1):
        if _CUT_VALUE.match(line) or _CUT_ITEM.match(line):
            raise DataError(number, messages.DATA_CUT_BY_COMMENT)
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise DataError(event.start_mark.line + 1, messages.DATA_ALIAS)
    except yaml.MarkedYAMLError:
        pass  # compose() reports the syntax error with its line


def build_error(name: str, error: DataError) -> ProblemError:
    """The error MkDocs reports for a mistake in data file `name`, its Problem attached."""
    return ProblemError(error.problem(name))


def compose(text: str, *, parts: Iterable[str]) -> dict[str, yaml.Node]:
    """The top-level mapping of a data file's text, which must have exactly these parts."""
    parts = tuple(parts)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        # An unclosed quote is found at the end of the file; the mistake is where it opened.
        opened = error.context and "quoted scalar" in error.context
        mark = (error.context_mark if opened else None) or error.problem_mark or error.context_mark
        raise DataError(
            mark.line + 1 if mark else 1, messages.DATA_YAML, detail=error.problem or error.context
        ) from None
    if root is None:
        raise DataError(1, messages.DATA_EMPTY_FILE, parts="、".join(parts), count=len(parts))
    return mapping(root, messages.TOP_LEVEL, parts)


def page(node: yaml.Node, example: str) -> str:
    """A docs/ page's file name (``page:``), normalised: ``./checklist.md`` → ``checklist.md``."""
    value = text(node, "page")
    if not value.endswith(".md") or "#" in value:
        raise DataError(line(node), messages.DATA_PAGE_NAME, value=value, example=example)
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
        raise DataError(line(node), messages.DATA_MAPPING, where=where, keys="、".join(keys))
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else "?"
        if name in fields:
            raise DataError(line(key), messages.DATA_KEY_TWICE, name=name)
        if name not in allowed:
            raise DataError(line(key), messages.DATA_UNKNOWN_KEY, name=name, where=where, allowed="、".join(allowed))
        fields[name] = value
    missing = [key for key in keys if key not in fields]
    if missing:
        raise DataError(line(node), messages.DATA_MISSING_KEYS, where=where, missing="、".join(missing))
    return fields


def sequence(node: yaml.Node, where: str) -> list[yaml.Node]:
    """A non-empty list's items."""
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise DataError(line(node), messages.DATA_SEQUENCE, where=where)
    return node.value


def text(node: yaml.Node, what: str) -> str:
    """A non-empty piece of text, as written."""
    if not isinstance(node, yaml.ScalarNode):
        raise DataError(line(node), messages.DATA_NOT_TEXT, what=what)
    value = node.value.strip()
    # A plain ~ or null is YAML's "nothing" (libyaml marks plain style as "", PyYAML as None).
    if not value or (node.tag == _NULL and not node.style):
        raise DataError(line(node), messages.DATA_EMPTY_TEXT, what=what)
    return value


def line(node: yaml.Node) -> int:
    """The 1-based line where a node starts."""
    return node.start_mark.line + 1


def unique_id(node: yaml.Node, seen: dict[str, int], pattern: re.Pattern, *, example: str) -> str:
    """A stable id (it keys what readers keep in their browser), used once in the file (`seen`: id → line)."""
    value = text(node, "id")
    where = line(node)
    if not pattern.fullmatch(value):
        raise DataError(where, messages.DATA_ID_FORM, value=value, example=example)
    if value in seen:
        raise DataError(where, messages.DATA_ID_TWICE, value=value, first=seen[value])
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
