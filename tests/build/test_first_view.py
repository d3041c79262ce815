"""What the built home page asks for at first view: the site's stylesheets inlined
in one <style>, the widgets' scripts as one deferred file built from each widget's
source, search.js inlined before Material's bundle, and a search index that
carries the cross-script table (hooks/search_scripts.py)."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "overrides" / "assets"
WIDGET_SCRIPTS = ["every-page", "checklist", "glossary", "edition"]


def home(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_site_stylesheets_are_inlined_not_requested(site):
    html = home(site)
    links = [link["href"] for link in html.select("link[rel=stylesheet]")]
    assert all("assets/stylesheets/main." in href or "assets/stylesheets/palette." in href for href in links), links
    styles = html.select("head > style")
    assert len(styles) == 1
    for name in ("extra", "checklist", "glossary", "edition"):
        first_rule = (ASSETS / "stylesheets" / f"{name}.css").read_text(encoding="utf-8").split("*/", 1)[1].strip()[:40]
        assert first_rule in styles[0].string, name


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


def test_search_js_runs_before_materials_bundle(site):
    html = str(home(site))
    assert html.index("window.Worker = class SearchWorker") < html.index("assets/javascripts/bundle.")


def test_search_index_carries_the_cross_script_table(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    table = index["config"]["cross_script"]
    assert table["滞"] == "滯" and table["纳"] == "納"
    assert all(len(key) == len(value) for key, value in table.items())
