"""The site's pages, read from the nav in mkdocs.yml and the pages' own H1, so
tests that visit every page follow the nav instead of a copy of it.

Importable as ``support.site_pages`` from every test folder (see support/__init__.py)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from overdue_guide import nav

ROOT = Path(__file__).resolve().parents[2]  # the project the tests build


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its tags (!ENV …) read as plain values."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def nav_files(config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """Each page's Markdown file, in nav order (docs/-relative, e.g. "help.md")."""
    return nav.pages(yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)["nav"])


def url_of(md: str) -> str:
    """A page's URL relative to the site root: "" for index.md, "help/" for help.md."""
    return "" if md == "index.md" else md.removesuffix(".md") + "/"


def title_of(md: str) -> str:
    """The page's H1 without its {#id}."""
    text = (ROOT / "docs" / md).read_text(encoding="utf-8")
    return re.search(r"^# (.*?)\s*(?:\{#[^}]*\})?\s*$", text, re.MULTILINE).group(1)


def data_page(name: str) -> str:
    """The page a data file (data/checklist.yml, data/glossary.yml) renders into."""
    text = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8")
    return re.search(r"^page:\s*(\S+)", text, re.MULTILINE).group(1)


FILES = nav_files()
PAGES = [url_of(md) for md in FILES]
# Pages a hook fills from data; every other page is written text with its own headings.
DATA_PAGES = [url_of(data_page("checklist")), url_of(data_page("glossary"))]
TEXT_PAGES = [p for p in PAGES if p not in DATA_PAGES]
SOURCES = FILES  # the same list, by the name the tests use for Markdown sources

# What mkdocs.yml's extra says (the zh-Hant source's words): strings the tests hand to the modules.
EXTRA = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)["extra"]
HTML_STRINGS = next(o["strings"] for o in EXTRA["outputs"] if o["format"] == "html")
OFFLINE_PAGE_STRINGS = EXTRA["offline_page"]
