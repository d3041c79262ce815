"""What may be published besides the pages: pure checks hooks/page_checks.py and scripts/build run.

- docs/ holds pages (.md) and images in an allow-listed format under a size limit, nothing
  else: a .txt, .html, .js or .svg (SVG runs scripts when opened) would be published as it is,
  unchecked, and precached on every phone;
- nothing under docs/, data/ or overrides/ is a symbolic link: a link publishes whatever it
  points to (docs/diagram.png -> /etc/passwd);
- nothing is loaded from another host, whatever writes it: a page, a template, mkdocs.yml's
  extra_javascript / extra_css / theme.font, or a stylesheet's @import and url().

Each function returns Problems (problems.py), none when all is well.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from . import messages
from .problems import Problem

# Images a page may show: format → how its file starts. Not SVG: opened on its own, it runs scripts.
IMAGE_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}
# Readers are on phones and slow connections, and the service worker keeps every image.
MAX_IMAGE_BYTES = 300 * 1024
FOLDERS = ("docs", "data", "overrides")

# A URL on another host: with a scheme (https://, ftp://…) or protocol-relative (//host/…).
FOREIGN = r"(?:[a-zA-Z][\w+.-]*:)?//[^\"'\s>)]+"
# Elements that load what src/data/poster/srcset names; <link> only with a rel that loads.
LOADS = re.compile(
    rf"""<(?:script|img|iframe|frame|source|audio|video|embed|object|track|input|image|use)\b[^>]*?"""
    rf"""\s(?:src|data|poster|srcset|href|xlink:href)\s*=\s*["']?\s*(?P<url>{FOREIGN})""",
    re.IGNORECASE,
)
LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
LINK_LOADS = re.compile(
    r"""\brel\s*=\s*["']?[^"'>]*\b(?:stylesheet|preload|prefetch|modulepreload|preconnect"""
    r"""|dns-prefetch|icon|manifest|apple-touch-icon|import)\b""",
    re.IGNORECASE,
)
LINK_HREF = re.compile(rf"""\shref\s*=\s*["']?\s*(?P<url>{FOREIGN})""", re.IGNORECASE)
CSS_LOADS = re.compile(rf"""(?:@import\s+(?:url\(\s*)?|url\(\s*)["']?\s*(?P<url>{FOREIGN})""", re.IGNORECASE)


# -----------------------------------------------------------------------------
# Files
# -----------------------------------------------------------------------------


def symlinks(root: Path, folders: tuple[str, ...] = FOLDERS) -> list[Problem]:
    """A problem for each symbolic link inside docs/, data/ or overrides/ (the folders themselves may be links)."""
    problems = []
    for folder in folders:
        top = root / folder
        if not top.is_dir():
            continue
        for current, dirs, names in os.walk(top):  # does not follow the links it meets
            for name in sorted(dirs + names):
                path = Path(current) / name
                if path.is_symlink():
                    problems.append(messages.SYMLINK.at(f"{folder}/{path.relative_to(top).as_posix()}", 1))
    return problems


def unpublishable(docs: Path, names: list[str], personal_data) -> list[Problem]:
    """A problem for each file under docs/ (by docs-relative name, pages excepted) that may not be published.

    personal_data: the content lint's check of one line of text, (column, text, kind) for each find.
    """
    problems: list[Problem] = []
    max_kb = MAX_IMAGE_BYTES // 1024
    allowed = "、".join(sorted({suffix.lstrip(".").upper() for suffix in IMAGE_SIGNATURES}))
    for name in names:
        path = docs / name
        where = (f"docs/{name}", 1)
        suffix = path.suffix.lower()
        if suffix not in IMAGE_SIGNATURES:
            problems.append(messages.NOT_A_PAGE_OR_IMAGE.at(*where, allowed=allowed, max_kb=max_kb))
            continue
        with open(path, "rb") as file:
            start = file.read(16)
        if not start.startswith(IMAGE_SIGNATURES[suffix]):
            problems.append(messages.IMAGE_FORMAT.at(*where, format=suffix.lstrip(".").upper(), allowed=allowed))
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            problems.append(messages.IMAGE_TOO_BIG.at(*where, kb=size // 1024, max_kb=max_kb))
        # 138_0013_8000.png: an underscore joins digits the way a space or a dash does.
        for _, found, kind in personal_data(Path(name).stem.replace("_", " ")):
            problems.append(messages.PERSONAL_DATA_IN_FILE_NAME.at(*where, kind=kind, found=found))
    return problems


# -----------------------------------------------------------------------------
# Loads from another host
# -----------------------------------------------------------------------------


def foreign_loads(html: str) -> list[str]:
    """The URLs on another host that a page loads: elements, <link rel=stylesheet|icon|…>, CSS @import and url().

    Each such URL holds "//" and no ">", so each load lies between the ">" before a "//" and the ">"
    after it: only those runs are read (a page has some thirty, most of them the theme's, the same
    on every page), not the whole page three times over."""
    loads: list[str] = []
    links: list[str] = []
    css: list[str] = []
    at = html.find("//")
    while at >= 0:
        end = html.find(">", at) + 1 or len(html)
        found = _loads_in(html[html.rfind(">", 0, at) + 1 : end])
        loads += found[0]
        links += found[1]
        css += found[2]
        at = html.find("//", end)
    return list(dict.fromkeys(loads + links + css))


@lru_cache(maxsize=1024)
def _loads_in(run: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The URLs of elements, of <link>s and of CSS that a run of HTML holding no ">" but its last loads."""
    links = []
    for link in LINK.finditer(run):
        href = LINK_HREF.search(link[0])
        if href and LINK_LOADS.search(link[0]):
            links.append(href["url"])
    return tuple(m["url"] for m in LOADS.finditer(run)), tuple(links), tuple(css_loads(run))


def css_loads(html: str) -> list[str]:
    """CSS_LOADS' URLs, tried only where "url(" or "@import" is written (any case): the pattern has
    no fixed first character, so a search of the whole page would try it at every character."""
    found, end = [], 0
    for at in _css_starts(html):
        match = CSS_LOADS.match(html, at) if at >= end else None  # not inside the last one (@import url(…))
        if match:
            found.append(match["url"])
            end = match.end()
    return found


def _css_starts(html: str) -> list[int]:
    """Where "url(" or "@import" begins, in any case, in order. Found from the "(" and "@" of the page
    (some forty and two on a page) rather than in a lower-cased copy of it, for a sixth of the time.
    Only İ and the Kelvin sign lower-case to ASCII letters, and neither spells these words."""
    starts = []
    for needle, before, after, word in (("(", 3, 0, "url"), ("@", 0, 7, "@import")):
        at = html.find(needle)
        while at >= 0:
            if html[max(at - before, 0) : at + after].lower() == word:
                starts.append(at - before)
            at = html.find(needle, at + 1)
    return sorted(starts)


def foreign_in_config(config, config_name: str, line_of) -> list[Problem]:
    """Loads from another host that mkdocs.yml asks for: extra_javascript, extra_css, theme.font, logo, favicon.

    line_of(text): the line of mkdocs.yml that holds text (None if none does: the key's own line is unknown)."""
    problems = []
    for key in ("extra_javascript", "extra_css"):
        for entry in config.get(key) or []:
            url = str(getattr(entry, "path", entry))
            if re.match(FOREIGN, url):
                problems.append(messages.THIRD_PARTY_IN_CONFIG.at(config_name, line_of(url) or 0, key=key, url=url))
    theme = config.get("theme")
    font = theme.get("font") if theme is not None else False
    if font:
        problems.append(messages.GOOGLE_FONTS.at(config_name, line_of("font:") or 0))
    for key in ("logo", "favicon"):
        value = str(theme.get(key) or "") if theme is not None else ""
        if re.match(FOREIGN, value):
            problems.append(
                messages.THIRD_PARTY_IN_CONFIG.at(config_name, line_of(value) or 0, key=f"theme.{key}", url=value)
            )
    return problems


def foreign_in_stylesheets(root: Path) -> list[Problem]:
    """@import and url() of another host in the theme's stylesheets (overrides/**/*.css)."""
    problems = []
    overrides = root / "overrides"
    for path in sorted(overrides.rglob("*.css")) if overrides.is_dir() else []:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        for match in CSS_LOADS.finditer(text):
            line = text[: match.start()].count("\n") + 1
            problems.append(
                messages.THIRD_PARTY_IN_STYLESHEET.at(
                    f"overrides/{path.relative_to(overrides).as_posix()}", line, url=match["url"]
                )
            )
    return problems
