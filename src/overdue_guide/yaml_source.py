"""The one reader of YAML: contributors' data files and mkdocs.yml, with the line of every value.

Every check that reports a YAML mistake names its line, so YAML is composed into
nodes (each carries its start mark) rather than loaded into bare Python values:
``compose`` gives the tree, ``line_at`` the line of a key path in it (the lines
of mkdocs.yml's settings come from here, not from searching its text), and
``load`` the plain values of the same tree, for files whose mistakes need no line.
libyaml's parser is used where PyYAML was built with it: the same nodes, ten times faster.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NULL_TAG = "tag:yaml.org,2002:null"

Key = str | int  # a mapping's key or a list's index, as a path into the tree


class YamlSyntaxError(ValueError):
    """Text that is not YAML, at the line and column where the mistake is (not where the parser gave up)."""

    def __init__(self, line: int, column: int, problem: str):
        super().__init__(f"{line}:{column}: {problem}")
        self.line = line
        self.column = column
        self.problem = problem


def compose(text: str) -> yaml.Node | None:
    """The tree of nodes of a YAML text (None if it is empty); YamlSyntaxError if it is not YAML.

    Tags such as mkdocs.yml's ``!ENV`` are kept on their nodes, never run.
    """
    try:
        return yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error) from None


def _syntax_error(error: yaml.MarkedYAMLError) -> YamlSyntaxError:
    # An unclosed quote is found at the end of the file; the mistake is where it opened.
    opened = error.context and "quoted scalar" in error.context
    mark = (error.context_mark if opened else None) or error.problem_mark or error.context_mark
    return YamlSyntaxError(
        mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, str(error.problem or error.context)
    )


def load(text: str) -> Any:
    """The plain values (dicts, lists, strings, numbers) of a YAML text, from the same tree compose() makes."""
    return values(compose(text))


def values(node: yaml.Node | None) -> Any:
    """The plain values of a tree of nodes (None for an empty document); YamlSyntaxError for a value YAML
    cannot make (an unknown tag, a key that is a list)."""
    try:
        return None if node is None else LOADER("").construct_document(node)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error) from None


def first_reference(text: str) -> int | None:
    """The line of the first & anchor or * alias (a reference a non-programmer cannot follow), or None.

    Read from the parser's events, before any tree is built: a few aliases can describe a huge one.
    A syntax error ends the search (compose() reports it, with its line).
    """
    try:
        for event in yaml.parse(text, Loader=LOADER):
            if (isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None)) and event.start_mark:
                return event.start_mark.line + 1
    except yaml.MarkedYAMLError:
        pass
    return None


def compose_file(path: str | Path) -> yaml.Node | None:
    """compose() of a file, or None when it cannot be read or parsed (its own reader reports why)."""
    try:
        return compose(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return None


def node_at(root: yaml.Node | None, path: Sequence[Key]) -> yaml.Node | None:
    """The node at `path` (keys and list indexes), or the deepest one on the way if the rest is missing."""
    node = root
    for key in path:
        child = _child(node, key)
        if child is None:
            break
        node = child
    return node


def _child(node: yaml.Node | None, key: Key) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    if isinstance(node, yaml.MappingNode):
        return next((value for name, value in node.value if getattr(name, "value", None) == key), None)
    return None


def key_node(root: yaml.Node | None, path: Sequence[Key]) -> yaml.Node | None:
    """The key node of the last step of `path` (an unknown key is reported where it is written)."""
    parent = node_at(root, path[:-1])
    if isinstance(parent, yaml.MappingNode) and path:
        return next((name for name, _ in parent.value if getattr(name, "value", None) == path[-1]), None)
    return None


def line(node: yaml.Node) -> int:
    """The 1-based line where a node starts."""
    return node.start_mark.line + 1


def line_at(root: yaml.Node | None, path: Sequence[Key]) -> int:
    """The line of the value at `path` (of the deepest part of it that is there); 1 for an empty file."""
    node = node_at(root, path)
    return line(node) if node is not None else 1


def is_null(node: yaml.Node) -> bool:
    """A plain ~ or null: YAML's "nothing" (libyaml marks plain style as "", PyYAML as None)."""
    return node.tag == NULL_TAG and not getattr(node, "style", None)
