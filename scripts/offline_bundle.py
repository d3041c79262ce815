"""Build the offline HTML bundle: the site with Material's offline plugin on,
zipped so that, unzipped anywhere, index.html opens from file:// and every page
navigates and searches without a server or a network."""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

import strict_build

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE_NAME = "alipay-overdue-guide-offline"


def zip_site(site_dir: Path, zip_path: Path, *, folder: str) -> Path:
    """Zip site_dir's files under one top-level folder, in a stable order."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            bundle.write(path, f"{folder}/{path.relative_to(site_dir).as_posix()}")
    return zip_path


def build_bundle(zip_path: Path, *, config_file: Path = ROOT / "mkdocs.yml",
                 folder: str = BUNDLE_NAME) -> Path:
    """Build the offline site for config_file and zip it to zip_path."""
    with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
        site_dir = Path(tmp) / "site"
        strict_build.build(config_file, site_dir, offline=True)
        return zip_site(site_dir, zip_path, folder=folder)


def build_edition_bundle(zip_path: Path, *, work_dir: Path) -> Path:
    """The zh-Hans edition's bundle: generate its tree in work_dir (scripts/edition.py), then build."""
    import edition

    config_file = edition.generate(work_dir)
    return build_bundle(zip_path, config_file=config_file, folder=edition.BUNDLE_NAME)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Build the offline HTML bundle (zip).")
    parser.add_argument("--edition", choices=["zh-Hant", "zh-Hans"], default="zh-Hant",
                        help="zh-Hans: the Simplified edition generated from the zh-Hant source")
    args = parser.parse_args(argv)
    if args.edition == "zh-Hans":
        import edition

        folder = edition.BUNDLE_NAME
        zip_path = build_edition_bundle(DIST / f"{folder}.zip", work_dir=ROOT / "build" / "zh-Hans")
    else:
        folder = BUNDLE_NAME
        zip_path = build_bundle(DIST / f"{folder}.zip")
    size = zip_path.stat().st_size
    print(f"offline bundle: {size / 1024:.0f} KiB; unzip it and open {folder}/index.html")
    print(zip_path)  # contract: the zip's path is the last line
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
