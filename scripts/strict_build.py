"""One `mkdocs build --strict`, as every build script runs it (build_site.py, offline_bundle.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def build(config_file: Path, site_dir: Path, *, offline: bool = False) -> None:
    """Build config_file into site_dir, the offline bundle's way if offline (OFFLINE=true).

    Raises SystemExit with MkDocs' own messages (which name the file and line)
    when the build fails, so a contributor sees them and no traceback.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("OFFLINE", None)  # the caller says which build this is, not its environment
    if offline:
        env["OFFLINE"] = "true"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "-f", str(config_file), "-d", str(site_dir)],
        cwd=config_file.parent, env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build -f {config_file} failed:\n{proc.stderr}")
