"""The offline editions of each edition, as files: the single page and the service
worker's pages are in the edition's own script, the manifest stays inside the edition,
and the zh-Hant worker leaves the zh-Hans folder to the zh-Hans one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import script_purity
import service_worker
import single_page

EDITIONS = {"zh-Hant": ("", "繁體中文"), "zh-Hans": ("zh-Hans", "简体中文")}


@pytest.fixture(scope="module")
def outputs(full_site, tmp_path_factory) -> Path:
    """For each edition: its single page, and a copy of its site with the service worker."""
    tmp = tmp_path_factory.mktemp("offline-editions")
    for lang, (folder, name) in EDITIONS.items():
        site = tmp / lang / "site"
        shutil.copytree(full_site / folder, site, ignore=shutil.ignore_patterns("zh-Hans") if not folder else None)
        single_page.build_single_page(site, tmp / lang / "single" / "guide.html", lang=lang)
        service_worker.add_service_worker(site, lang=lang, name=name, scope_path=f"/{folder}/".replace("//", "/"),
                                          version="test")
    return tmp


@pytest.mark.parametrize("lang", EDITIONS)
def test_single_page_is_in_the_editions_script(outputs, lang):
    folder = outputs / lang / "single"
    assert f'<html lang="{lang}">' in (folder / "guide.html").read_text(encoding="utf-8")
    assert [p.format() for p in script_purity.check_site(folder)] == []


@pytest.mark.parametrize("lang", EDITIONS)
def test_offline_page_is_in_the_editions_script(outputs, lang, tmp_path):
    shutil.copy(outputs / lang / "site" / "offline.html", tmp_path)
    assert [p.format() for p in script_purity.check_site(tmp_path)] == []


@pytest.mark.parametrize("lang", EDITIONS)
def test_manifest_start_url_and_scope_are_the_edition(outputs, lang):
    folder, name = EDITIONS[lang]
    manifest = json.loads((outputs / lang / "site" / "manifest.webmanifest").read_text(encoding="utf-8"))
    scope = f"/{folder}/".replace("//", "/")
    assert manifest["start_url"] == manifest["scope"] == scope and manifest["lang"] == lang
    assert name in manifest["name"]
    assert all(icon["src"].startswith(scope) for icon in manifest["icons"])


def test_zh_hant_worker_leaves_the_zh_hans_folder_alone(full_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(full_site, site)
    service_worker.add_service_worker(site, lang="zh-Hant", name="繁體中文", scope_path="/", version="t",
                                      exclude=("zh-Hans",))
    assert not [f for f in service_worker.precache_list(site, ("zh-Hans/",)) if f.startswith("zh-Hans/")]
    assert "offline-cache" not in (site / "zh-Hans" / "index.html").read_text(encoding="utf-8")
    assert '"zh-Hans/"' in (site / "sw.js").read_text(encoding="utf-8")
