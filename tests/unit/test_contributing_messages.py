"""CONTRIBUTING.md's tables of messages quote what the checks say: every fixed piece of Chinese in a
message a contributor looks up there is in an entry of the message catalogue (overdue_guide/messages.py),
where every check takes its words (「不認識的欄位」 had drifted from the code's 「不認識的字段」)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Rows that point elsewhere instead of quoting a message.
POINTERS = {"行動清單、名詞解釋的錯誤"}
# What a table writes in place of a value: 「…」, …, N, numbers, （…）, {…}, other messages (/, ／, 、).
PLACEHOLDER = re.compile(r"「[^」]*」|…|\bN\b|\d+|（[^）]*）|\{[^}]*\}|\s+|/|／|`[^`]*`|、")


def quoted_messages() -> list[str]:
    """The first cell of each row of CONTRIBUTING's tables headed 「訊息」."""
    messages, in_table = [], False
    for line in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| 訊息 |"):
            in_table = True
        elif not line.startswith("|"):
            in_table = False
        elif in_table and not line.startswith("| ---"):
            cell = line.split("|")[1].strip().strip("`")
            if cell not in POINTERS:
                messages.append(cell)
    return messages


@functools.lru_cache(maxsize=1)
def code_text() -> str:
    """Every message of the catalogue, what is wrong and the fix (a field a check fills in is a line
    break, so no piece matches across it), and the catalogue's fixed phrases."""
    from string import Formatter

    from overdue_guide import messages

    texts = [value for name, value in vars(messages).items() if name.isupper() and isinstance(value, str)]
    for entry in messages.catalogue().values():
        texts += [entry.text, entry.fix]
    return "\n".join("\n".join(literal for literal, *_ in Formatter().parse(text)) for text in texts)


def test_the_tables_are_found():
    assert len(quoted_messages()) > 30


@pytest.mark.parametrize("message", quoted_messages())
def test_each_message_in_contributing_is_what_the_code_says(message):
    pieces = [piece for piece in PLACEHOLDER.split(message) if re.search(r"[\u4e00-\u9fff]{2}", piece)]
    code = code_text()
    assert [piece for piece in pieces if piece not in code] == []


def layout_paths(text: str, heading: str) -> set[str]:
    """The paths of the layout table that follows `heading`: its rows' first cell, in backticks."""
    table = text[text.index(heading) :].split("\n\n")[1:3]
    return set(re.findall(r"^\| `([^`]+)` \|", "\n\n".join(table), re.MULTILINE))


def test_contributing_and_the_readme_describe_the_same_layout():
    readme = layout_paths((ROOT / "README.md").read_text(encoding="utf-8"), "## Layout")
    contributing = layout_paths((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), "## 文件都在哪裡")
    assert {"hooks/", "src/overdue_guide/", "scripts/", "data/"} <= readme
    assert contributing <= readme | {"mkdocs.yml", "pyproject.toml"}
    assert readme - contributing <= {"deploy/", "tools/lighthouse/"}  # not a contributor's concern
