"""What the built home page asks for at first view: the site's stylesheets as one file
built from each widget's stylesheet, no inline <style>, the widgets' scripts as one
deferred file built from each widget's source, search.js as a classic script just before
Material's bundle, and a search index that carries the cross-script table
(hooks/search_scripts.py)."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from overdue_guide import stylesheets

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "overrides" / "assets"
WIDGET_SCRIPTS = ["every-page", "checklist", "glossary", "edition"]


def home(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_stylesheet_is_one_file_materials_first(site):
    html = home(site)
    links = [link["href"] for link in html.select("link[rel=stylesheet]")]
    assert links == ["assets/stylesheets/site.css"], links
    assert not html.select("style"), "the page inlines a stylesheet: the site's styles belong in site.css"
    built = (site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert not list((site / "assets" / "stylesheets").glob("main.*")), "Material's main.css is published unlinked"
    assert not list((site / "assets" / "stylesheets").glob("palette.*")), "Material's palette.css is published unlinked"
    material_part, site_part = built.split(stylesheets.SITE_PART)
    assert material_part.startswith('@charset "UTF-8";') and "--md-primary-fg-color" in material_part
    assert "sourceMappingURL" not in built
    built = site_part
    positions = []
    for name in ("extra", "checklist", "glossary", "budget", "letter", "edition", "downloads"):
        first_rule = (ASSETS / "stylesheets" / f"{name}.css").read_text(encoding="utf-8").split("*/", 1)[1].strip()[:40]
        assert first_rule in built, name
        positions.append(built.index(first_rule))
    assert positions[0] == min(positions)  # extra.css, the site-wide rules, first


def test_widget_scripts_are_one_deferred_file_after_materials_bundle(site):
    scripts = [s["src"] for s in home(site).select("script[src]")]
    bundle = next(i for i, src in enumerate(scripts) if "assets/javascripts/bundle." in src)
    assert scripts[bundle + 1 :] == ["assets/javascripts/widgets.js"]
    assert home(site).select_one("script[src='assets/javascripts/widgets.js']").has_attr("defer")
    built = (site / "assets" / "javascripts" / "widgets.js").read_text(encoding="utf-8")
    positions = [
        built.index((ASSETS / "javascripts" / f"{name}.js").read_text(encoding="utf-8").strip())
        for name in WIDGET_SCRIPTS
    ]
    assert positions == sorted(positions)  # every-page.js first: the others call onEveryPage


def test_search_js_runs_just_before_materials_bundle(site):
    scripts = [s["src"] for s in home(site).select("script[src]")]
    bundle = next(i for i, src in enumerate(scripts) if "assets/javascripts/bundle." in src)
    assert scripts[bundle - 1] == "assets/javascripts/search.js"
    assert not home(site).select_one("script[src='assets/javascripts/search.js']").has_attr("defer")
    built = (site / "assets" / "javascripts" / "search.js").read_text(encoding="utf-8")
    assert "window.Worker = class SearchWorker" in built


def test_search_index_carries_the_cross_script_table(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    table = index["config"]["cross_script"]
    assert table["滞"] == "滯" and table["纳"] == "納"
    assert all(len(key) == len(value) for key, value in table.items())


def test_without_the_stylesheet_hook_the_pages_link_materials_stylesheets_then_the_sites(project, tmp_path):
    """The hook's line gone from mkdocs.yml: the pages fall back to Material's own two links."""
    project.edit("mkdocs.yml", "  - hooks/stylesheets.py", "  # - hooks/stylesheets.py")
    assert project.without_downloads().build(tmp_path / "site") == ""
    links = [link["href"] for link in home(tmp_path / "site").select("link[rel=stylesheet]")]
    assert [href.split("/")[-1].split(".")[0] for href in links] == ["main", "palette", "site"], links
    for href in links:
        assert (tmp_path / "site" / href).is_file(), href


def bundled_parts() -> list[str]:
    """Every widget's own script and stylesheet in overrides/assets/ (what widgets.js and site.css bundle)."""
    return sorted(
        path.relative_to(ROOT / "overrides").as_posix()
        for path in [*(ASSETS / "javascripts").glob("*.js"), *(ASSETS / "stylesheets").glob("*.css")]
        if path.name not in ("widgets.js", "site.css", "search.js")  # the bundles, and search.js (linked itself)
    )


def test_the_parts_of_the_bundles_are_not_published_or_cached_only_the_bundles(site, offline_site):
    parts = bundled_parts()
    assert len(parts) >= 14 and "assets/javascripts/letter.js" in parts and "assets/stylesheets/extra.css" in parts
    bundles = {
        ".js": (site / "assets" / "javascripts" / "widgets.js").read_text(encoding="utf-8"),
        ".css": (site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8"),
    }
    for part in parts:
        source = (ROOT / "overrides" / part).read_text(encoding="utf-8")
        code = source.split("*/", 1)[1].strip()[:60] if part.endswith(".css") else source.strip()[:200]
        assert code in bundles[Path(part).suffix], f"{part} is not in its bundle"
        for folder in (site, site / "zh-Hans", offline_site):
            assert not (folder / part).exists(), f"{part} is published beside its bundle ({folder})"
        for edition in (site, site / "zh-Hans"):
            assert part not in (edition / "sw.js").read_text(encoding="utf-8"), f"the worker caches {part}"
    for edition in (site, site / "zh-Hans"):
        worker = (edition / "sw.js").read_text(encoding="utf-8")
        assert "assets/javascripts/widgets.js" in worker and "assets/stylesheets/site.css" in worker
