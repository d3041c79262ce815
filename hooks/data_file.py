"""Reading contributors' YAML data files (data/checklist.yml, data/glossary.yml).

Shared by the checklist and glossary hooks. Files are composed into YAML nodes,
not loaded into Python values, so every mistake can be reported at its line,
and text is taken as written (`yes` stays "yes", `1.0` stays "1.0"). Each
function raises DataError with the line and a message in the contributor's
words that says how to fix it; the hooks prefix the file name.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Callable, Iterable, TypeVar

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

T = TypeVar("T")

# libyaml's loader where PyYAML was built with it: the same nodes, ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "tag:yaml.org,2002:null"


class DataError(Exception):
    """A mistake in a data file, at a line, in the contributor's words."""

    def __init__(self, line: int, message: str):
        super().__init__(f"{line}: {message}")
        self.line = line
        self.message = message


def load(config: MkDocsConfig, name: str, parse: Callable[[str], T], *, what: str) -> T:
    """Parse the data file `name` (relative to mkdocs.yml); a mistake in it stops the build."""
    path = Path(config.config_file_path).parent / name
    try:
        return parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PluginError(f"{name}: 找不到{what}的資料檔 — 請把它放回 data/ 資料夾") from None
    except DataError as error:
        raise build_error(name, error) from None


def build_error(name: str, error: DataError) -> PluginError:
    """The error MkDocs reports for a mistake in data file `name`: ``name:line: message``."""
    return PluginError(f"{name}:{error.line}: {error.message}")


def compose(text: str, *, parts: Iterable[str]) -> dict[str, yaml.Node]:
    """The top-level mapping of a data file's text, which must have exactly these parts."""
    parts = tuple(parts)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise DataError(mark.line + 1 if mark else 1,
                        f"YAML 格式錯誤（{error.problem or error.context}）"
                        f" — 檢查這行附近的縮排、「鍵: 值」的冒號和空格、引號是否成對") from None
    if root is None:
        raise DataError(1, f"檔案是空的 — 需要 {'、'.join(parts)} 這 {len(parts)} 個部分")
    return mapping(root, "檔案最上層", parts)


def page(node: yaml.Node, example: str) -> str:
    """A docs/ page's file name (``page:``), normalised: ``./checklist.md`` → ``checklist.md``."""
    value = text(node, "page")
    if not value.endswith(".md") or "#" in value:
        raise DataError(line(node), f"page「{value}」不是頁面檔名 — 寫上 docs/ 裡的頁面檔名，例如 {example}")
    return posixpath.normpath(value.removeprefix("./"))


def strings(node: yaml.Node, keys: Iterable[str]) -> tuple[dict[str, str], dict[str, yaml.Node]]:
    """The reader-visible strings (``strings:``), exactly `keys`; with their nodes, for line numbers."""
    nodes = mapping(node, "strings", keys)
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
            raise DataError(line(key), f"不認識的欄位「{name}」 — {where} 只能有 {'、'.join(allowed)}（檢查拼寫）")
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
    if not value or (node.tag == _NULL and not node.style):
        raise DataError(line(node), f"{what} 是空的 — 在冒號後寫上文字")
    return value


def line(node: yaml.Node) -> int:
    """The 1-based line where a node starts."""
    return node.start_mark.line + 1
