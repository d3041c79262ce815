"""One edition's download, on its own (scripts/offline-bundle):

    scripts/offline-bundle [--format zip|html|pdf] [--edition zh-Hans] [--dist DIR]

Builds the same file scripts/build publishes (the formats are extra.outputs in
mkdocs.yml, the editions extra.editions), strict and checked the same way,
into dist/, and prints its path as the last line. The file in dist/ is
replaced only when the build succeeded.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from . import build_site, messages, publish

DIST = build_site.ROOT / "dist"


def build_download(
    fmt: str, lang: str | None = None, *, dist: Path = DIST, config_file: Path = build_site.CONFIG_FILE
) -> Path:
    """Build one edition's download of one format into dist; return its path."""
    editions, outputs = build_site.read_matrix(config_file)
    build_site.lint(config_file)
    edition = build_site.editions.select(editions, lang or editions[0].lang)
    wanted = [o for o in outputs if o.format == fmt or (fmt == "pdf" and o.format == "html")]
    if not any(o.format == fmt for o in wanted):
        raise build_site.BuildFailed([messages.OUTPUT_FORMAT_MISSING.at("mkdocs.yml", 0, format=fmt)])
    dist.mkdir(parents=True, exist_ok=True)
    for leftover in dist.glob(".download-*"):  # of a build that was killed (SIGKILL) before it could clean up
        shutil.rmtree(leftover, ignore_errors=True)
    # SIGTERM and SIGHUP end the build like Ctrl-C, so the temporary folder is removed.
    with publish.signals_as_interrupts(), tempfile.TemporaryDirectory(prefix=".download-", dir=dist) as tmp:
        built = build_site.make_downloads(config_file, edition, wanted, Path(tmp), None)[fmt]
        target = dist / built.name
        os.replace(built, target)  # atomic: the old file stays until the new one is complete
    return target


def main(argv: list[str]) -> int:
    config_file = Path("mkdocs.yml").absolute()  # the project in the current folder, as for mkdocs
    editions, outputs = build_site.read_matrix(config_file)
    parser = argparse.ArgumentParser(prog="scripts/offline-bundle", description=__doc__.split("\n\n")[0])
    parser.add_argument("--format", choices=[o.format for o in outputs], default="zip")
    parser.add_argument("--edition", choices=[e.lang for e in editions], default=editions[0].lang)
    parser.add_argument(
        "--dist", type=Path, default=Path("dist").absolute(), help="where to put the file (default: dist/)"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build_site.quiet_jieba()
    try:
        path = build_download(args.format, args.edition, dist=args.dist, config_file=config_file)
    except build_site.BuildFailed as failure:
        build_site.report(failure.problems)
        return 1
    except KeyboardInterrupt:
        print("建置被中斷，dist/ 裡原來的檔案沒有變", file=sys.stderr)
        return 130
    print(f"{args.format} ({args.edition}): {path.stat().st_size / 1024:.0f} KiB")
    print(path)  # contract: the file's path is the last line
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
