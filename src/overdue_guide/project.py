"""The project a build or a command works on: a value passed down, never a module constant.

Hooks take it from MkDocs' config (the folder of the mkdocs.yml being built: ``of``);
commands from their ``--config-file``, or the mkdocs.yml of the current folder, as
``mkdocs`` itself finds it (``config_path``, ``root``). So a copy of the project (a
test's, a fork checked out elsewhere) is read and checked with its own data and
allow-lists, never with those of the checkout the package was installed from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

CONFIG_NAME = "mkdocs.yml"


def config_path(config_file: str | Path | None = None) -> Path:
    """The project's mkdocs.yml: the one given, else the one in the current folder (absolute either way)."""
    return Path(config_file if config_file is not None else CONFIG_NAME).absolute()


def root(config_file: str | Path | None = None) -> Path:
    """The project's folder: where its mkdocs.yml is (that of `config_file`, else of the current folder)."""
    return config_path(config_file).parent


def of(config: Any) -> Path:
    """The folder of the project a build's MkDocs config was loaded from (hooks)."""
    return Path(config.config_file_path).absolute().parent


def display(path: Path, project_root: Path | None = None) -> str:
    """A file as messages name it: relative to the project (or the current folder), else as it is."""
    for base in [b for b in (project_root, Path.cwd()) if b is not None]:
        for candidate, folder in ((path, base), (path.resolve(), base.resolve())):
            try:
                return candidate.relative_to(folder).as_posix()
            except ValueError:
                continue
    return str(path)
