"""The offline editions of each edition, as files: the single page and the service
worker's pages are in the edition's own script, the manifest stays inside the edition,
and the zh-Hant worker leaves the zh-Hans folder to the zh-Hans one."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from overdue_guide import script_purity, service_worker

EDITIONS = {"zh-Hant": ("", "繁體中文"), "zh-Hans": ("zh-Hans", "简体中文")}


def edition_dir(full_site: Path, lang: str) -> Path:
    return full_site / EDITIONS[lang][0]


@pytest.mark.parametrize("lang", EDITIONS)
def test_single_page_is_in_the_editions_script(full_site, editions, lang, tmp_path):
    [edition] = [e for e in editions if e.lang == lang]
    page = edition_dir(full_site, lang) / "download" / f"alipay-overdue-guide-{lang}.html"
    assert f'<html lang="{lang}">' in page.read_text(encoding="utf-8")
    shutil.copy(page, tmp_path)
    assert [p.format() for p in script_purity.check_site(tmp_path, edition=edition)] == []


@pytest.mark.parametrize("lang", EDITIONS)
def test_offline_page_is_in_the_editions_script(full_site, editions, lang, tmp_path):
    [edition] = [e for e in editions if e.lang == lang]
    shutil.copy(edition_dir(full_site, lang) / "offline.html", tmp_path)
    assert [p.format() for p in script_purity.check_site(tmp_path, edition=edition)] == []


@pytest.mark.parametrize("lang", EDITIONS)
def test_manifest_start_url_and_scope_are_the_edition(full_site, lang):
    folder, name = EDITIONS[lang]
    manifest = json.loads((edition_dir(full_site, lang) / "manifest.webmanifest").read_text(encoding="utf-8"))
    # Relative to the manifest, which sits at the edition's root: the edition, wherever it is served.
    assert manifest["start_url"] == manifest["scope"] == "./" and manifest["lang"] == lang
    assert name in manifest["name"]
    assert all((edition_dir(full_site, lang) / icon["src"]).is_file() for icon in manifest["icons"])


def test_each_edition_has_its_own_worker_and_the_zh_hant_one_leaves_zh_hans_alone(full_site):
    assert not [f for f in service_worker.precache_list(full_site, ("zh-Hans/",)) if f.startswith("zh-Hans/")]
    hant_worker = (full_site / "sw.js").read_text(encoding="utf-8")
    hans_worker = (full_site / "zh-Hans" / "sw.js").read_text(encoding="utf-8")
    assert '"zh-Hans/"' in hant_worker and "zh-Hans/" not in hans_worker.split("*/", 1)[1].replace('"/zh-Hans/', "")
    assert 'href="manifest.webmanifest"' in (full_site / "zh-Hans" / "index.html").read_text(encoding="utf-8")
    assert 'href="manifest.webmanifest"' in (full_site / "index.html").read_text(encoding="utf-8")
    assert 'href="../manifest.webmanifest"' in (full_site / "zh-Hans" / "help" / "index.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("lang", EDITIONS)
def test_every_file_the_worker_caches_is_published(full_site, lang):
    """One missing file fails the worker's install, and the edition never works offline: what the build
    lists must still be in site/ when it is published (not a work folder removed after)."""
    worker = (edition_dir(full_site, lang) / "sw.js").read_text(encoding="utf-8")
    for constant in ("PRECACHE", "ON_USE"):
        urls = json.loads(re.search(rf"^const {constant} = (\[.*?\])", worker, re.M)[1])
        missing = [url for url in urls if not (edition_dir(full_site, lang) / service_worker._file_of(url)).is_file()]
        assert urls and missing == [], (constant, missing)
