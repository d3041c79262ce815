"""The lock files pin every package with its hashes, match their inputs, and are what
scripts/setup installs (overdue_guide.devtools.locks, issue 21). That the locks are what their inputs
compile to against the registry is CI's step `scripts/setup --lock --check` (checked below); here,
without the registry, that each lock still answers its inputs."""

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from overdue_guide.devtools import locks

ROOT = Path(__file__).resolve().parents[2]


def lock(name):
    return locks.pins((ROOT / name).read_text(encoding="utf-8"))


# -----------------------------------------------------------------------------
# The locks match their inputs
# -----------------------------------------------------------------------------

needs_ci_python = pytest.mark.skipif(sys.version_info[:2] != locks.PYTHON, reason="the locks are for CI's Python")


@needs_ci_python
@pytest.mark.parametrize(("source", "name"), locks.LOCKS)
def test_each_lock_holds_exactly_what_its_inputs_need_at_versions_they_allow(source, name):
    unmet = locks.unmet(ROOT, source, name)
    assert not unmet, "\n".join([f"{name} does not answer {source}:", *unmet, f"Run {locks.COMMAND}."])


@pytest.fixture
def inputs(tmp_path):
    """A copy of the locks and their inputs, to change one line of."""
    for source, name in locks.LOCKS:
        shutil.copyfile(ROOT / source, tmp_path / source)
        shutil.copyfile(ROOT / name, tmp_path / name)
    return tmp_path


@needs_ci_python
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("flask  # an input added without locking it", "flask is needed but not locked"),
        ("mkdocs<1.5  # an input narrowed", "mkdocs: locked 1.6.1, but mkdocs<1.5 is needed"),
        (
            "pypdf[crypto]  # an extra that pulls in a package",
            'cryptography>=43; extra == "crypto" is needed but not locked',
        ),
    ],
)
def test_an_input_changed_without_locking_is_named(inputs, line, expected):
    with open(inputs / "requirements.in", "a", encoding="utf-8") as source:
        source.write(line + "\n")
    for source, name in locks.LOCKS:  # the tests' input includes the build's
        assert any(expected in found for found in locks.unmet(inputs, source, name)), name


@needs_ci_python
def test_an_input_removed_without_locking_leaves_its_packages_named(inputs):
    source = inputs / "requirements.in"
    source.write_text(re.sub(r"(?m)^pypdf .*\n", "", source.read_text(encoding="utf-8")), encoding="utf-8")
    assert locks.unmet(inputs, "requirements.in", "requirements.txt") == ["pypdf is locked but no input needs it"]


@needs_ci_python
def test_a_lock_edited_by_hand_to_another_version_is_named(inputs):
    name = inputs / "requirements.txt"
    name.write_text(name.read_text(encoding="utf-8").replace("\nmkdocs==1.6.1 ", "\nmkdocs==1.6.0 "), encoding="utf-8")
    assert "mkdocs: locked 1.6.0, installed 1.6.1: run scripts/setup --test" in locks.unmet(
        inputs, "requirements.in", "requirements.txt"
    )


def test_ci_compiles_the_locks_against_the_registry():
    checks = yaml.safe_load((ROOT / ".github" / "workflows" / "checks.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for job in checks["jobs"].values() for step in job["steps"]]
    assert "scripts/setup --lock --check" in steps


def test_the_locks_are_compiled_for_the_python_ci_runs():
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        for version in re.findall(r'python-version: "([\d.]+)"', workflow.read_text(encoding="utf-8")):
            assert tuple(map(int, version.split("."))) == locks.PYTHON, workflow.name


def test_each_lock_names_the_one_command_that_regenerates_it():
    for _, name in locks.LOCKS:
        header = (ROOT / name).read_text(encoding="utf-8").split("\n\n")[0]
        assert f"#    {locks.COMMAND}\n" in header + "\n", name


# -----------------------------------------------------------------------------
# What is locked
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", [name for _, name in locks.LOCKS])
def test_every_locked_package_has_a_version_and_a_hash(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    requirements = [line for line in text.splitlines() if line and not line[0].isspace() and line[0] != "#"]
    pins = lock(name)
    assert len(requirements) == len(pins) > 10
    assert all(hashes for _, hashes in pins.values()), name


def test_the_tests_install_the_builds_packages_at_the_same_versions_and_hashes():
    build, tests = lock("requirements.txt"), lock("requirements-test.txt")
    assert {name: tests.get(name) for name in build} == build
    assert {"pytest", "pip-tools", "pip", "setuptools"} <= set(tests)  # pip too: --require-hashes


def test_every_direct_requirement_says_why_it_is_there():
    for source, _ in locks.LOCKS:
        for line in (ROOT / source).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(("#", "-r ")):
                assert "  # " in line, f"{source}: {line} — say why it is needed"


def test_setup_installs_only_from_a_lock_and_checks_every_hash():
    setup = (ROOT / "scripts" / "setup").read_text(encoding="utf-8")
    [install, package] = [line for line in setup.splitlines() if "pip install" in line]
    assert '--require-hashes -r "$req"' in install
    # The project's own package: built from the working tree with what is installed, nothing downloaded.
    assert all(flag in package for flag in ("--no-deps", "--no-build-isolation", "--editable ."))
    assert re.search(r"req=requirements\.txt\n.*req=requirements-test\.txt", setup)


# -----------------------------------------------------------------------------
# Reading and comparing locks
# -----------------------------------------------------------------------------

A = "sha256:" + "a" * 64
B = "sha256:" + "b" * 64
LOCK = f"""#
#    {locks.COMMAND}
#
Jinja2==3.1.6 \\
    --hash={A} \\
    --hash={B}
    # via mkdocs
mkdocs==1.6.1 --hash={A}
"""


def test_pins_reads_names_versions_and_hashes_whatever_the_layout():
    assert locks.pins(LOCK) == {"jinja2": ("3.1.6", frozenset({A, B})), "mkdocs": ("1.6.1", frozenset({A}))}
    assert locks.pins("# jinja2==3.1.6\n") == {}


def test_differences_name_each_package_that_is_missing_extra_moved_or_rehashed():
    locked = locks.pins(LOCK)
    assert locks.differences(locked, locked) == []
    compiled = {"jinja2": ("3.1.7", frozenset({A})), "pypdf": ("7.1.1", frozenset({B}))}
    assert locks.differences(locked, compiled) == [
        "jinja2: locked 3.1.6, the inputs need 3.1.7",
        "mkdocs is locked but no input needs it",
        "pypdf==7.1.1 is needed but not locked",
    ]
    assert locks.differences(locked, {**locked, "mkdocs": ("1.6.1", frozenset({B}))}) == [
        "mkdocs==1.6.1: its hashes differ from the registry's"
    ]
