"""A throwaway copy of the project, to break one thing in and build (the `project` fixture)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from overdue_guide import build_site

ROOT = Path(__file__).resolve().parents[2]  # the project the tests build


class Project:
    """A throwaway copy of the project to break and build."""

    def __init__(self, root: Path):
        self.root = root
        self.config = root / "mkdocs.yml"

    def path(self, name: str) -> Path:
        return self.root / name

    def edit(self, name: str, old: str, new: str, *, count: int = 1) -> int:
        """Replace `old` by `new` in a file of the copy; return the 1-based line of the change."""
        path = self.root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        line = text[: text.index(old)].count("\n") + 1
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return line

    def write(self, name: str, text: str | bytes) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    def line_of(self, name: str, needle: str) -> int:
        text = (self.root / name).read_text(encoding="utf-8")
        assert needle in text, f"{needle!r} not in {name}"
        return text[: text.index(needle)].count("\n") + 1

    def without_downloads(self) -> Project:
        """The copy builds only its editions' sites (extra.outputs emptied): for a test that reads
        pages, it skips the single page, the PDF and the zip, a few seconds each."""
        text = self.config.read_text(encoding="utf-8")
        start = text.index("\n  outputs:\n") + 1
        end = (
            re.search(r"^  \S", text[start + len("  outputs:\n") :], re.MULTILINE).start() + start + len("  outputs:\n")
        )
        self.config.write_text(text[:start] + "  outputs: []\n" + text[end:], encoding="utf-8")
        return self

    def only_outputs(self, *formats: str) -> Project:
        """The copy makes only these downloads (the other entries of extra.outputs removed): a test
        of the single page needs no PDF, whose printing in Chromium is the slowest part of a build."""
        text = self.config.read_text(encoding="utf-8")
        start = text.index("\n  outputs:\n") + len("\n  outputs:\n")
        end = re.search(r"^  \S", text[start:], re.MULTILINE).start() + start
        entries = re.split(r"(?m)^(?=    - format: )", text[start:end])
        kept = [e for e in entries if e and re.match(r"    - format: (\w+)", e)[1] in formats]
        assert kept, f"no output of {formats} in extra.outputs"
        self.config.write_text(text[:start] + "".join(kept) + text[end:], encoding="utf-8")
        return self

    def build(self, site_dir: Path | None = None) -> str:
        """Build every edition and output, as scripts/build does; the problems, or "" if it built."""
        try:
            build_site.build_all(site_dir or self.root / "site", config_file=self.config)
        except build_site.BuildFailed as failure:
            return "\n".join(problem.format() for problem in failure.problems)
        return ""


def copy_project(root: Path) -> Project:
    """docs/, data/ and mkdocs.yml copied into root; hooks/ and overrides/ linked (the code: the installed package)."""
    root.mkdir(parents=True)
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("mkdocs.yml", ".autocorrectrc", ".autocorrectignore"):  # the typography check's rules too
        shutil.copy(ROOT / name, root / name)
    for name in ("hooks", "overrides"):
        (root / name).symlink_to(ROOT / name)
    return Project(root)
