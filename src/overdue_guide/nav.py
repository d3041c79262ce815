"""The nav of mkdocs.yml, walked in one place: its pages in reading order.

The glossary sorts the pages a term appears on by it, and the tests visit every page by it;
one walker means a nav written another way (a section, a titled page, a link out) is read
the same way by both.
"""

from __future__ import annotations

from typing import Any


def pages(nav: Any) -> list[str]:
    """What the nav names, in reading order, each once: docs/-relative files ("help.md"), and any
    link out as written (entries are strings, {title: entry} or {title: [entries]})."""
    found: dict[str, None] = {}

    def walk(items: Any) -> None:
        for item in items or []:
            if isinstance(item, str):
                found.setdefault(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value if isinstance(value, list) else [value])

    walk(nav)
    return list(found)
