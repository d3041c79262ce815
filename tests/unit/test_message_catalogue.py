"""The Chinese messages live in one catalogue (overdue_guide/messages.py): every entry is used by a
check, no check writes a message of its own, every template fills in, and the words are mainland
words (CONTRIBUTING.md's tables are held to the catalogue by test_contributing_messages.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from overdue_guide import messages, vocabulary

PACKAGE = Path(messages.__file__).parent
CATALOGUE = messages.catalogue()
# Modules whose messages are not in the catalogue yet, and why.
NOT_YET = {
    "editions.py": "its checks of extra.editions are being replaced by a typed config schema",
    "preview.py": "a command-line usage message",
}
# A problem written inline: Chinese with the catalogue's separator between what is wrong and the fix.
INLINE_MESSAGE = re.compile(r"[\u4e00-\u9fff].*—|—.*[\u4e00-\u9fff]")


def sources() -> dict[str, str]:
    return {path.relative_to(PACKAGE).as_posix(): path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py")}


def string_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string the code builds, f-strings whole, docstrings left out."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    parts = {id(value) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for value in node.values}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and id(node) not in docstrings:
            found.append((node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings | parts:
            found.append((node.lineno, node.value))
    return found


def test_the_catalogue_holds_the_messages():
    assert len(CATALOGUE) > 100


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_entry_is_used_by_a_check(name):
    uses = [file for file, text in sources().items() if file != "messages.py" and f"messages.{name}" in text]
    assert uses, f"messages.{name} is used nowhere: delete it, or use it"


def test_every_phrase_of_the_catalogue_is_used():
    catalogue = (PACKAGE / "messages.py").read_text(encoding="utf-8")
    phrases = [name for name, value in vars(messages).items() if name.isupper() and isinstance(value, str)]
    for name in phrases:
        elsewhere = any(f"messages.{name}" in text for file, text in sources().items() if file != "messages.py")
        assert elsewhere or catalogue.count(name) > 1, name


def test_no_check_writes_a_message_of_its_own():
    inline = [
        f"{file}:{line}: {text[:60]}"
        for file, source in sources().items()
        if file not in {"messages.py", "problems.py", *NOT_YET}
        for line, text in string_literals(source)
        if INLINE_MESSAGE.search(text)
    ]
    assert inline == []


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_template_fills_in(name):
    entry = CATALOGUE[name]
    problem = entry.at("a.md", 1, **dict.fromkeys(entry.fields(), "X"))  # a stray brace or a nameless field raises
    assert problem.message and (problem.fix or "例如" in problem.message), "say how to fix it"


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_message_uses_mainland_words(name):
    entry = CATALOGUE[name]
    found = vocabulary.find_words(entry.text + "\n" + entry.fix)
    assert [(f.word, f.mainland) for f in found] == []
