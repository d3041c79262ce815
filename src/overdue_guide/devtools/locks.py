"""The lock files: every package the build and the tests install, pinned with its hashes.

requirements.in and requirements-test.in name the direct dependencies and why each is there;
pip-tools' pip-compile resolves them into requirements.txt and requirements-test.txt, with every
version and the sha256 of every file the registry has for it, so that `pip install
--require-hashes` (scripts/setup) refuses a file that was replaced after the lock was made.

    scripts/setup --lock                                   # after editing a .in file
    scripts/setup --lock --upgrade-package mkdocs-material # one package to its newest release
    scripts/setup --lock --upgrade                         # everything to its newest release

pip-compile keeps the versions an existing lock already has unless told to upgrade, so compiling
again gives the same lock until the inputs change: `--check` (CI's checks workflow, which has the
registry) compiles into a temporary folder and compares packages, versions and hashes, not the
file's layout, so a lock Dependabot regenerated with another pip-tools release still matches.

Without the registry, `unmet` (tests/unit/test_locks.py, in every test run) checks that a lock
still answers its inputs: each input is locked at a version it allows, and the locked packages
are exactly what the inputs need, read from the metadata of the packages scripts/setup installed
from the lock. An input added, removed or narrowed without `scripts/setup --lock` fails there.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

from .. import project

BIN = Path(sys.executable).parent

# (input, lock), in the order they are compiled: the tests' lock includes the build's inputs.
LOCKS = [("requirements.in", "requirements.txt"), ("requirements-test.in", "requirements-test.txt")]

# The one command that regenerates the locks, written into their headers and every message.
COMMAND = "scripts/setup --lock"

# Python the locks are compiled for: the version CI runs (.github/workflows). Markers that depend
# on the version (backports, say) are resolved for it, so another version compiles another lock.
PYTHON = (3, 11)

# pip-compile's options. --allow-unsafe pins pip and setuptools too, which --require-hashes needs;
# hashes are always asked of the registry, never copied from the old lock (a hand-edited or
# tampered hash is caught); no index or find-links lines, so a machine's pip configuration never
# lands in a lock.
OPTIONS = [
    "--quiet",
    "--generate-hashes",
    "--no-reuse-hashes",
    "--allow-unsafe",
    "--strip-extras",
    "--no-emit-index-url",
    "--no-emit-find-links",
]

REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)")
HASH = re.compile(r"--hash=(sha256:[0-9a-f]{64})")


# -----------------------------------------------------------------------------
# Reading a lock
# -----------------------------------------------------------------------------


def normalize(name):
    """A package name as the registry compares them (PEP 503): Jinja2 and jinja2 are one."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text):
    """{package: (version, frozenset of hashes)} of a lock file's text; comments and layout ignored."""
    result: dict[str, tuple[str, frozenset[str]]] = {}
    name = None
    for line in text.splitlines():
        line = line.split("#", 1)[0] if line.lstrip().startswith("#") else line
        m = REQUIREMENT.match(line)
        if m:
            name = normalize(m["name"])
            result[name] = (m["version"], frozenset())
        if name and (hashes := HASH.findall(line)):
            version, known = result[name]
            result[name] = (version, known | frozenset(hashes))
    return result


def differences(locked, compiled):
    """What a lock lacks or has too much, in words: [] when it matches what its inputs compile to."""
    found = []
    for name in sorted(set(locked) | set(compiled)):
        if name not in compiled:
            found.append(f"{name} is locked but no input needs it")
        elif name not in locked:
            found.append(f"{name}=={compiled[name][0]} is needed but not locked")
        elif locked[name][0] != compiled[name][0]:
            found.append(f"{name}: locked {locked[name][0]}, the inputs need {compiled[name][0]}")
        elif locked[name][1] != compiled[name][1]:
            found.append(f"{name}=={locked[name][0]}: its hashes differ from the registry's")
    return found


# -----------------------------------------------------------------------------
# A lock against its inputs, without the registry
# -----------------------------------------------------------------------------


def inputs(root, source):
    """The requirements a .in file names, its `-r` includes too."""
    found = []
    for line in (Path(root) / source).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found += inputs(root, line[3:].strip())
        elif line:
            found.append(Requirement(line))
    return found


def unmet(root, source, lock):
    """What keeps the lock from answering source's requirements: [] when every input is locked at a
    version it allows and the lock holds exactly the packages the inputs need. What each package
    needs is read from its installed metadata (scripts/setup installs the locks): a package installed
    at another version than the lock's is reported, not guessed at."""
    locked = pins((Path(root) / lock).read_text(encoding="utf-8"))
    found: list[str] = []
    needed: set[str] = set()
    queue = [(requirement, "") for requirement in inputs(root, source)]
    while queue:
        requirement, extra = queue.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = normalize(requirement.name)
        if name not in locked:
            found.append(f"{requirement} is needed but not locked")
            continue
        version = locked[name][0]
        if not requirement.specifier.contains(version, prereleases=True):
            found.append(f"{name}: locked {version}, but {requirement} is needed")
        for wanted in requirement.extras:  # the extras pull in more
            queue += [(Requirement(r), wanted) for r in _requires(name, version, found)]
        if name in needed:
            continue
        needed.add(name)
        queue += [(Requirement(r), "") for r in _requires(name, version, found)]
    found += [f"{name} is locked but no input needs it" for name in sorted(set(locked) - needed)]
    return found


def _requires(name, version, found):
    """The requirements of the installed package `name`, which must be at the locked `version`."""
    try:
        installed = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        found.append(f"{name}=={version} is locked but not installed: run scripts/setup --test")
        return []
    if installed.version != version:
        found.append(f"{name}: locked {version}, installed {installed.version}: run scripts/setup --test")
    return installed.requires or []


# -----------------------------------------------------------------------------
# Compiling
# -----------------------------------------------------------------------------


def compile_lock(root, source, lock, extra=()):
    """Run pip-compile on root/source (root: the project) into lock (a path); extra: e.g. --upgrade-package NAME."""
    env = dict(os.environ, CUSTOM_COMPILE_COMMAND=COMMAND)
    proc = subprocess.run(
        [BIN / "pip-compile", *OPTIONS, *extra, "--output-file", str(lock), source],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(
            f"pip-compile {source} failed (a version in {lock.name} the registry "
            f"does not have?):\n{proc.stderr[-2000:]}\nFix {source}, then run {COMMAND}."
        )


def check(root, workdir):
    """{lock: differences} for every lock of the project at root that does not match its inputs, compiled
    into workdir."""
    scratch = {lock: Path(workdir) / lock for _, lock in LOCKS}
    for lock, path in scratch.items():
        shutil.copyfile(root / lock, path)  # its pins are pip-compile's starting point, as in --lock
    with ThreadPoolExecutor() as pool:  # both at once: each mostly waits on the registry
        list(pool.map(lambda pair: compile_lock(root, pair[0], scratch[pair[1]]), LOCKS))
    mismatched = {}
    for lock, path in scratch.items():
        found = differences(pins((root / lock).read_text(encoding="utf-8")), pins(path.read_text(encoding="utf-8")))
        if found:
            mismatched[lock] = found
    return mismatched


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare the locks with their inputs, change nothing")
    args, extra = parser.parse_known_args(argv)
    if sys.version_info[:2] != PYTHON:
        raise SystemExit(
            f"The locks are compiled for Python {'.'.join(map(str, PYTHON))}, as CI runs it; "
            f"this is {sys.version.split()[0]}."
        )
    root = project.root()  # the project in the current folder (scripts/setup runs in it)
    if args.check:
        with tempfile.TemporaryDirectory() as workdir:
            mismatched = check(root, workdir)
        for lock, found in mismatched.items():
            print(f"{lock} does not match its input:", *found, sep="\n  ", file=sys.stderr)
        if mismatched:
            raise SystemExit(f"Run {COMMAND} and commit the locks.")
        return
    for source, lock in LOCKS:
        compile_lock(root, source, root / lock, extra)
        print(f"{lock}: {len(pins((root / lock).read_text(encoding='utf-8')))} packages, from {source}")


if __name__ == "__main__":
    main(sys.argv[1:])
