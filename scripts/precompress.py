"""Write a gzip copy beside every text file of a built site, for servers that send them as they
are (nginx's gzip_static: deploy/nginx.conf).

    python3 scripts/precompress.py site/

A deploy step, not part of scripts/build: GitHub Pages compresses on its own, object storage
needs Content-Encoding set on the object itself rather than a sibling file, and the site's
zip and service worker are made from site/ as it is. Level 9 once per build costs nothing per
request. Files gzip does not shrink (images, the zip, the PDF) get no copy. Standard library only.
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest")


def precompress(site: Path) -> int:
    """Write FILE.gz beside each text file of site (same mtime); return how many were written."""
    written = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.is_symlink() or path.suffix.lower() not in TEXT:
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)  # mtime=0: the same build gives the same bytes
        if len(packed) >= len(data):
            continue
        target = path.with_name(path.name + ".gz")
        target.write_bytes(packed)
        stat = path.stat()
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # nginx's Last-Modified: the file's own
        written += 1
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python3 scripts/precompress.py SITE_DIR", file=sys.stderr)
        return 2
    print(f"{precompress(Path(argv[0]))} files gzipped beside the originals in {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
