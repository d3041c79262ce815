"""Material's stylesheets and the site's in one file (overdue_guide.stylesheets)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from overdue_guide import stylesheets
from overdue_guide.problems import ProblemError


def material_env() -> jinja2.Environment:
    from mkdocs.theme import Theme

    return Theme(name="material").get_env()


def test_materials_base_html_links_its_main_and_palette_stylesheets():
    env = material_env()
    names = stylesheets.linked_by(env.loader.get_source(env, "base.html")[0])
    assert [name.split("/")[-1].split(".")[0] for name in names] == ["main", "palette"], names


def test_material_css_is_both_files_without_their_source_maps():
    css = stylesheets.material_css(material_env())
    assert css.startswith('@charset "UTF-8";') and "sourceMappingURL" not in css
    assert "[data-md-color-scheme=slate]" in css  # the palette's part


def test_a_base_html_without_the_styles_block_stops_the_build_saying_what_to_update():
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"base.html": "<head>{% block extrahead %}{% endblock %}</head>"})
    )
    with pytest.raises(ProblemError, match="stylesheets.py"):
        stylesheets.material_css(env)


def test_the_single_page_takes_only_the_sites_part():
    built = "body{margin:0}\n" + stylesheets.SITE_PART + "\n.checklist{color:red}"
    assert stylesheets.site_part(built) == "\n.checklist{color:red}"
    assert stylesheets.site_part(".checklist{color:red}") == ".checklist{color:red}"  # built without the hook


def test_included_reads_plain_includes_and_includes_in_a_loop_over_a_list():
    env = jinja2.Environment(
        loader=jinja2.DictLoader(
            {
                "bundle.js": """{% include "a/first.js" %}
{% for file in ["b", "c"] -%}{% include "parts/" ~ file ~ ".js" %};{% endfor %}
{% for other in names %}{% include "skipped/" ~ other %}{% endfor %}
{% include chosen %}
{% for file in ["d"] %}{% include "x/" ~ file ~ "/" ~ unknown %}{% endfor %}""",
            }
        )
    )
    assert stylesheets.included(env, "bundle.js") == {"a/first.js", "parts/b.js", "parts/c.js"}


def test_a_part_mkdocs_yml_also_links_stays_published():
    from mkdocs.config import load_config

    config = load_config(str(Path(__file__).resolve().parents[2] / "mkdocs.yml"))
    parts = stylesheets.bundled_parts(config, config.theme.get_env())
    assert "assets/javascripts/letter.js" in parts and "assets/stylesheets/extra.css" in parts
    assert not {"assets/javascripts/widgets.js", "assets/stylesheets/site.css"} & parts
    config.extra_javascript.append("assets/javascripts/letter.js")
    assert "assets/javascripts/letter.js" not in stylesheets.bundled_parts(config, config.theme.get_env())
