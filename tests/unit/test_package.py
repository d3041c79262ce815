"""The code is one installed package (src/overdue_guide/): each module imports on its own, nothing
finds code by its file path, the hooks are adapters over the package and scripts/ holds only the
shell entry points."""

from __future__ import annotations

import ast
import importlib
import io
import pkgutil
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

import overdue_guide

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(info.name for info in pkgutil.walk_packages(overdue_guide.__path__, "overdue_guide."))
# What finds code by its path instead of importing it by name.
BY_PATH = ("sys.path", "spec_from_file_location", "SourceFileLoader", "run_path", "PYTHONPATH", "pythonpath")


def python_files() -> list[Path]:
    tracked = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [ROOT / name for name in tracked if (ROOT / name).is_file()]


def code_lines(source: str) -> list[tuple[int, str]]:
    """(line, text) of each token that is code, or a string that is not a docstring (code run with -c
    counts): comments and docstrings may say what they like."""
    docstrings = {
        node.body[0].lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (token.start[0], token.line)
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type != tokenize.COMMENT
        and not (token.type == tokenize.STRING and token.start[0] in docstrings)
        and any(needle in token.string for needle in BY_PATH + ("sys", "path"))
    ]


def test_the_package_has_the_modules_the_hooks_and_commands_import():
    assert {"overdue_guide.editions", "overdue_guide.build_site", "overdue_guide.devtools.bench"} <= set(MODULES)


def test_every_module_imports_on_its_own_in_a_fresh_interpreter(tmp_path):
    # Started together, each in its own interpreter, from a folder outside the repository: a module that
    # needs another imported first, or the repository's folders on sys.path, fails here.
    children = {
        module: subprocess.Popen(
            [sys.executable, "-c", f"import {module}"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for module in MODULES
    }
    failed = {
        module: child.communicate()[1].strip().splitlines()[-1:]
        for module, child in children.items()
        if child.wait() != 0
    }
    assert failed == {}


def test_no_code_is_found_by_its_file_path():
    this = Path(__file__).resolve()
    found = {
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in python_files()
        if path != this
        for number, line in code_lines(path.read_text(encoding="utf-8"))
        if any(needle in line.split("#")[0] for needle in BY_PATH)
    }
    assert found == set()


def test_the_package_s_modules_are_imported_by_the_package_s_name():
    # "import page_checks" inside a function only fails when that function runs: found here instead.
    names = {module.rsplit(".", 1)[-1] for module in MODULES}
    found = []
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            imported = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                else []
            )
            found += [
                f"{path.relative_to(ROOT)}:{node.lineno}: {name}" for name in imported if name.split(".")[0] in names
            ]
    assert found == []


def test_pytest_adds_nothing_to_the_import_path():
    assert "pythonpath" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert not (ROOT / "pytest.ini").exists()


@pytest.mark.parametrize("hook", sorted((ROOT / "hooks").glob("*.py")), ids=lambda path: path.name)
def test_each_hook_file_only_imports_its_event_handlers_from_the_package(hook):
    tree = ast.parse(hook.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the docstring
        if isinstance(node, ast.ImportFrom):
            assert node.module == f"overdue_guide.{hook.stem}", ast.unparse(node)
            assert all(alias.name.startswith("on_") for alias in node.names), ast.unparse(node)
        else:
            assert isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "__all__", ast.unparse(node)


@pytest.mark.parametrize("hook", sorted((ROOT / "hooks").glob("*.py")), ids=lambda path: path.name)
def test_each_hook_file_hands_mkdocs_every_event_handler_of_its_module(hook):
    # An event handler the module gains (say on_post_page) runs only once its hook file imports it.
    module = importlib.import_module(f"overdue_guide.{hook.stem}")
    handlers = {name for name in dir(module) if name.startswith("on_") and callable(getattr(module, name))}
    imported = {
        alias.name
        for node in ast.parse(hook.read_text(encoding="utf-8")).body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == handlers


# The shell entry points the README and other tools rely on; developer tools live in the package
# (overdue_guide.devtools), run with python -m, bench excepted (a contract of its own).
ENTRY_POINTS = {"setup", "serve", "test", "check", "build", "offline-bundle", "bench"}


def test_scripts_holds_only_shell_entry_points():
    assert {path.name for path in (ROOT / "scripts").iterdir()} == ENTRY_POINTS
    for path in (ROOT / "scripts").iterdir():
        assert (
            path.is_file() and path.suffix == "" and path.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash")
        ), path.name


def test_one_cache_of_opencc_converters_for_the_build_the_lint_and_the_vocabulary_check():
    from overdue_guide import editions, lint_content, vocabulary

    assert lint_content._converters() == (editions.converter("t2s"), editions.converter("s2t"))
    assert vocabulary._converter() is editions.converter("tw2s")
