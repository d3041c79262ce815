"""What may be published besides the pages: pure checks hooks/page_checks.py and scripts/build run.

- docs/ holds pages (.md) and images in an allow-listed format under a size limit, nothing
  else: a .txt, .html, .js or .svg (SVG runs scripts when opened) would be published as it is,
  unchecked, and precached on every phone;
- nothing under docs/, data/ or overrides/ is a symbolic link: a link publishes whatever it
  points to (docs/diagram.png -> /etc/passwd);
- nothing is loaded from another host, whatever writes it: a page, a template, mkdocs.yml's
  extra_javascript / extra_css / theme.font, or a stylesheet's @import and url().

Each function returns `path:line: 問題 — 改法` lines, empty when all is well.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

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


def symlinks(root: Path, folders: tuple[str, ...] = FOLDERS) -> list[str]:
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
                    rel = f"{folder}/{path.relative_to(top).as_posix()}"
                    problems.append(
                        f"{rel}:1: 這是一個符號鏈接（symlink），發佈的會是它指向的別處的文件"
                        f" — 刪掉這個鏈接，把要發佈的文件本身放進來"
                    )
    return problems


def unpublishable(docs: Path, names: list[str], personal_data) -> list[str]:
    """A problem for each file under docs/ (by docs-relative name, pages excepted) that may not be published.

    personal_data: the content lint's check of one line of text, (column, text, kind) for each find.
    """
    problems = []
    allowed = "、".join(sorted({suffix.lstrip(".").upper() for suffix in IMAGE_SIGNATURES}))
    for name in names:
        path = docs / name
        where = f"docs/{name}:1"
        suffix = path.suffix.lower()
        if suffix not in IMAGE_SIGNATURES:
            problems.append(
                f"{where}: 這個文件不是頁面（.md）也不是圖片，不能發佈（它不經任何檢查就會放到網站上）"
                f" — 頁面寫成 .md；圖片用 {allowed}，每張不超過 {MAX_IMAGE_BYTES // 1024} KB；其他文件請刪掉"
            )
            continue
        with open(path, "rb") as file:
            start = file.read(16)
        if not start.startswith(IMAGE_SIGNATURES[suffix]):
            problems.append(
                f"{where}: 這個文件的內容不是 {suffix.lstrip('.').upper()} 圖片"
                f" — 用圖片軟件重新保存成 {allowed}，擴展名和格式一致"
            )
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            problems.append(
                f"{where}: 圖片有 {size // 1024} KB，超過 {MAX_IMAGE_BYTES // 1024} KB（讀者多用手機和慢速網絡，"
                f"離線緩存也會保存它）— 縮小尺寸或壓縮後再放進來"
            )
        # 138_0013_8000.png: an underscore joins digits the way a space or a dash does.
        for _, found, kind in personal_data(Path(name).stem.replace("_", " ")):
            problems.append(
                f"{where}: 文件名裡有個人信息（{kind}）「{found}」"
                f" — 給文件改一個描述內容的名字，例如 repayment-flow.png"
            )
    return problems


# -----------------------------------------------------------------------------
# Loads from another host
# -----------------------------------------------------------------------------


def foreign_loads(html: str) -> list[str]:
    """The URLs on another host that a page loads: elements, <link rel=stylesheet|icon|…>, CSS @import and url()."""
    found = [m["url"] for m in LOADS.finditer(html)]
    for link in LINK.finditer(html):
        href = LINK_HREF.search(link[0])
        if href and LINK_LOADS.search(link[0]):
            found.append(href["url"])
    found += css_loads(html)
    return list(dict.fromkeys(found))


def css_loads(html: str) -> list[str]:
    """CSS_LOADS' URLs, tried only where "url(" or "@import" is written (any case): the pattern has
    no fixed first character, so a search of the whole page would try it at every character."""
    lower, starts = html.lower(), []
    for needle in ("url(", "@import"):
        at = lower.find(needle)
        while at >= 0:
            starts.append(at)
            at = lower.find(needle, at + 1)
    found, end = [], 0
    for at in sorted(starts):
        match = CSS_LOADS.match(html, at) if at >= end else None  # not inside the last one (@import url(…))
        if match:
            found.append(match["url"])
            end = match.end()
    return found


def foreign_in_config(config, config_name: str, line_of) -> list[str]:
    """Loads from another host that mkdocs.yml asks for: extra_javascript, extra_css, theme.font, logo, favicon."""
    problems = []
    fix = "把文件放進 overrides/assets/ 並在 overrides/main.html 裡用相對路徑引用，或刪掉這一行"
    for key in ("extra_javascript", "extra_css"):
        for entry in config.get(key) or []:
            url = str(getattr(entry, "path", entry))
            if re.match(FOREIGN, url):
                problems.append(
                    f"{config_name}:{line_of(url)}: {key} 從其他網站加載「{url}」"
                    f"（大陸讀者可能打不開，也會洩露閱讀記錄）— {fix}"
                )
    theme = config.get("theme")
    font = theme.get("font") if theme is not None else False
    if font:
        problems.append(
            f"{config_name}:{line_of('font:')}: theme.font 會從 Google Fonts 加載字體（大陸打不開）"
            f" — 寫成「font: false」，字體在 overrides/assets/stylesheets/extra.css 裡設置"
        )
    for key in ("logo", "favicon"):
        value = str(theme.get(key) or "") if theme is not None else ""
        if re.match(FOREIGN, value):
            problems.append(f"{config_name}:{line_of(value)}: theme.{key} 從其他網站加載「{value}」— {fix}")
    return problems


def foreign_in_stylesheets(root: Path) -> list[str]:
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
                f"overrides/{path.relative_to(overrides).as_posix()}:{line}: 樣式表從其他網站加載"
                f"「{match['url']}」（大陸讀者可能打不開，也會洩露閱讀記錄）"
                f"— 刪掉這一行，需要的文件放進 overrides/assets/"
            )
    return problems
