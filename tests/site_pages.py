"""The site's pages, from the nav of mkdocs.yml: a new page is in every page-by-page test at once."""

from __future__ import annotations

from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent


def _nav_sources() -> list[str]:
    # mkdocs.yml has !ENV tags; MkDocs' own loader reads them (the nav has none).
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", "rb") as file:
        nav = yaml_load(file)["nav"]
    sources: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                sources.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value if isinstance(value, list) else [value])

    walk(nav)
    return sources


def url_of(src: str) -> str:
    """A docs-relative page's directory URL: index.md → "", causes.md → "causes/"."""
    stem = src.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


SOURCES = _nav_sources()               # ["index.md", "overview.md", …]
PAGES = [url_of(src) for src in SOURCES]  # ["", "overview/", …]
