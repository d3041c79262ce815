"""One stylesheet a page: Material's two and the site's own, in one file (assets/stylesheets/site.css).

A phone waits for every stylesheet in <head> before it draws the page. Material's defaults link
two (main and palette); the site's own styles were a third request, which kept the first paint
to the header now and then and left Lighthouse's largest contentful paint about 300 ms behind
Material's defaults on a throttled phone. So overrides/main.html's `styles` block (Material's
extension point for them) links site.css alone, and theme.static_templates renders site.css
from `material_css`, set here, followed by the site's own stylesheets after SITE_PART.

Material's stylesheets are the ones its own base.html links in that block, read from the theme
at each build, so a Material release with new file names is followed without a change here. As
no page links them any more, they are not published either (on_files): the service worker
would otherwise cache two unused files on every phone's first visit. The single-file download
keeps its compact stylesheet and takes only the site's part of site.css (site_part).

The same holds for the parts of the theme's two bundles: each widget keeps its own script and
stylesheet in overrides/assets/, and widgets.js and site.css (theme.static_templates) include
them. No page links a part, so the parts are not published either (bundled_parts): a phone's
offline copy would otherwise fetch each widget's code twice.
"""

from __future__ import annotations

import re

import jinja2
from jinja2 import nodes
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from . import messages
from .problems import ProblemError

# Where Material's part of site.css ends and the site's own begins (overrides/assets/stylesheets/site.css).
SITE_PART = "/* The site's own stylesheets (overrides/assets/stylesheets/) */"
# Material's stylesheets in its base.html: 'assets/stylesheets/main.57a0d79d.min.css' | url
LINKED = re.compile(r"""['"](assets/stylesheets/[\w.-]+\.css)['"]""")
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


def linked_by(base_html: str) -> list[str]:
    """The stylesheets Material's base.html links in its `styles` block, in order."""
    block = re.search(r"\{%-?\s*block styles\s*-?%\}(.*?)\{%-?\s*endblock", base_html, re.S)
    return LINKED.findall(block.group(1)) if block else []


def material_stylesheets(env: jinja2.Environment) -> list[str]:
    """The stylesheets Material's base.html links, as paths in the theme; stops the build if there are none."""
    names = linked_by(env.loader.get_source(env, "base.html")[0]) if env.loader else []
    if not names:
        raise ProblemError(messages.MATERIAL_STYLES_NOT_FOUND.at("mkdocs.yml", 0))
    return names


def material_css(env: jinja2.Environment) -> str:
    """Material's stylesheets, one after the other, without their source-map comments."""
    return "\n".join(
        SOURCE_MAP.sub("", env.loader.get_source(env, name)[0]).strip()  # type: ignore[union-attr]
        for name in material_stylesheets(env)
    )


def included(env: jinja2.Environment, template: str) -> set[str]:
    """The templates `template` includes: each {% include "name" %}, and each a loop over a list writes,
    {% for file in ["a", "b"] %}{% include "dir/" ~ file ~ ".js" %} (widgets.js, site.css)."""
    tree = env.parse(env.loader.get_source(env, template)[0])  # type: ignore[union-attr]
    found = {node.template.value for node in tree.find_all(nodes.Include) if isinstance(node.template, nodes.Const)}
    for loop in tree.find_all(nodes.For):
        if not (isinstance(loop.target, nodes.Name) and isinstance(loop.iter, nodes.List)):
            continue
        items = [item.value for item in loop.iter.items if isinstance(item, nodes.Const)]
        for node in loop.find_all(nodes.Include):
            parts = node.template.nodes if isinstance(node.template, nodes.Concat) else []
            if parts and all(
                isinstance(part, nodes.Const) or (isinstance(part, nodes.Name) and part.name == loop.target.name)
                for part in parts
            ):
                for item in items:
                    found.add(
                        "".join(str(part.value) if isinstance(part, nodes.Const) else str(item) for part in parts)
                    )
    return found


def bundled_parts(config: MkDocsConfig, env: jinja2.Environment) -> set[str]:
    """The theme's scripts and stylesheets that only reach a page inside a bundle: those the static
    templates ending in .js or .css include, less any that mkdocs.yml also links on its own."""
    bundles = [name for name in config.theme.static_templates if name.endswith((".js", ".css"))]
    parts = set().union(*(included(env, name) for name in bundles))
    linked = {str(item) for item in [*config.extra_css, *config.extra_javascript]}
    return parts - linked - set(bundles)


def site_part(css: str) -> str:
    """The site's own part of a built site.css: what follows SITE_PART (all of it where it is absent)."""
    return css.split(SITE_PART, 1)[-1]


# -----------------------------------------------------------------------------
# MkDocs events (hooks/stylesheets.py)
# -----------------------------------------------------------------------------


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.globals["material_css"] = material_css(env)
    return env


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Material's stylesheets (and their source maps) are not published: site.css holds them; nor are
    the parts that widgets.js and site.css bundle."""
    env = config.theme.get_env()  # the build's own env comes after on_files
    names = set(material_stylesheets(env))
    parts = bundled_parts(config, env)
    for file in list(files):
        if file.src_uri in names or file.src_uri.removesuffix(".map") in names or file.src_uri in parts:
            files.remove(file)
    return files
