"""scripts/precompress.py: a .gz beside each text file gzip shrinks, with the file's own mtime
(nginx's Last-Modified), the same bytes for the same build, nothing for images or tiny files."""

from __future__ import annotations

import gzip
import os

import precompress


def test_gzip_beside_text_files_only_when_it_shrinks(tmp_path):
    page = tmp_path / "overview" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>協商</p>\n" * 200, encoding="utf-8")
    os.utime(page, (1_000_000, 1_000_000))
    (tmp_path / "tiny.js").write_text("x", encoding="utf-8")
    (tmp_path / "icon.png").write_bytes(b"\x89PNG" + b"\0" * 1000)
    assert precompress.precompress(tmp_path) == 1
    packed = page.with_name("index.html.gz")
    assert gzip.decompress(packed.read_bytes()) == page.read_bytes()
    assert packed.stat().st_mtime == 1_000_000
    assert sorted(p.name for p in tmp_path.rglob("*.gz")) == ["index.html.gz"]
    first = packed.read_bytes()
    assert precompress.precompress(tmp_path) == 1 and packed.read_bytes() == first  # again: same bytes, no .gz.gz
