"""The site works offline after one visit, and can be installed: MkDocs hook events.

Material has no service worker, so every build of an edition (``mkdocs build``, ``mkdocs serve``
and scripts/build run the same events) adds to it:

- ``manifest.webmanifest`` (name, icons, theme colour, start_url and scope = the edition),
  ``assets/images/icon-192.png`` and ``icon-512.png`` (drawn here: no third-party art),
  ``offline.html`` (what a page never cached shows when the network is down, in the edition's
  script) and ``assets/javascripts/offline-cache.js`` (registers the worker over https or on
  localhost only): files of the build (on_files), so MkDocs writes and serves them as it does
  the pages;
- in every page's <head>, the manifest link and that script: overrides/main.html;
- ``sw.js`` (from offline_assets/sw.js), last (on_post_build, once the search index is final):
  it precaches the edition's pages and small files (under PRECACHE_BUDGET) into one cache named
  after the build (``SCOPE|VERSION-CONTENTHASH``, SCOPE being where the worker is served from),
  answers from it first, caches big images and downloads when first fetched, and deletes the
  edition's older caches when it activates. It lists what the edition's folder holds when the
  build ends: scripts/build hands the downloads it made to the build (hooks/downloads.py), so
  they are listed and hashed too, and a plain ``mkdocs build`` is the same site without them.

Not in the offline copies (extra.offline_build): they open from file://, where no worker runs.
Under ``mkdocs serve`` (on_startup) the registration script is marked data-preview and removes
the worker instead: a cache-first worker would show a contributor the build before their save.

Every URL is relative (to the page, the manifest or the worker), so the same site/ works at any
path on any host: only 404.html, which a server shows at any depth and MkDocs writes with
SITE_URL's path, links them by that path (the theme's ``url`` filter does both).

The icons are drawn with zlib and struct: axis-aligned rectangles need no drawing
library, and Pillow would be one more dependency for two small files.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import subprocess
import zlib
from dataclasses import replace
from functools import cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from . import messages, settings
from .problems import ProblemError

ASSETS = Path(__file__).resolve().parent / "offline_assets"
REGISTRATION = "assets/javascripts/offline-cache.js"
MANIFEST = "manifest.webmanifest"
OFFLINE_PAGE = "offline.html"
ICONS = {192: "assets/images/icon-192.png", 512: "assets/images/icon-512.png"}
# Material's indigo (mkdocs.yml theme.palette primary) and the page background.
THEME_COLOR = "#4051b5"
BACKGROUND_COLOR = "#ffffff"
# The offline downloads' folder: a download up to DOWNLOAD_PRECACHE_MAX (the single page,
# ~120 KB) is cached on the first visit; bigger ones (the PDF, the zip) when first fetched,
# so a phone on a slow connection does not fetch megabytes it did not ask for.
DOWNLOADS = "download/"
DOWNLOAD_PRECACHE_MAX = 256 * 1024
# Images in pages: up to IMAGE_PRECACHE_MAX cached on the first visit, bigger ones when a page
# first shows them. What the first visit caches stays under PRECACHE_BUDGET (uncompressed; the
# guide's ~1 MB today): past it the small images wait for first view too, biggest first, and if
# the pages and their assets alone are over it the build stops (PrecacheTooLarge). The benchmark's
# synthetic site of 1,000 pages sets ``extra.precache_budget`` (bytes) to measure the hook anyway.
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
IMAGE_PRECACHE_MAX = 64 * 1024
PRECACHE_BUDGET = 3 * 1024 * 1024
# Never precached: source maps, the gzipped sitemap, and the worker itself.
SKIPPED = re.compile(r"(\.map|sitemap\.xml\.gz|^sw\.js)$")
OFFLINE_POLICY = {
    "default-src": "'none'",
    "style-src": "'unsafe-inline'",
    "script-src": "'none'",
    "img-src": "'self'",
    "object-src": "'none'",
    "form-action": "'none'",
    "base-uri": "'none'",
}

# The offline page's words: extra.offline_page, every one checked by settings.py (OFFLINE_PAGE_STRINGS).
STRINGS = ("title", "explanation", "home", "retry")


class PrecacheTooLarge(Exception):
    """The pages and assets every first visit caches are over PRECACHE_BUDGET (its message in Chinese)."""

    def __init__(self, **values):
        self.problem = messages.PRECACHE_TOO_LARGE.at("", 0, **values)  # the build names the config file
        super().__init__(self.problem.text)


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# What the mkdocs command was asked to do (on_startup): a hook module has no instance to keep it on,
# and no other event tells a preview from a build. scripts/build runs no on_startup: a build.
_invocation = {"command": "build"}


def on_startup(*, command: str, dirty: bool) -> None:
    _invocation["command"] = command


def on_shutdown() -> None:
    _invocation["command"] = "build"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """extra.live_preview: overrides/main.html marks the registration script so it removes the worker."""
    config.extra["live_preview"] = _invocation["command"] == "serve"
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if config.extra.get("offline_build"):
        return files  # the offline copies open from file://: no worker, no manifest
    from . import editions

    edition = editions.current(config)
    strings = config.extra.get("offline_page") or {}
    missing = [key for key in STRINGS if not strings.get(key)]
    if missing:
        where = settings.location(config.config_file_path, "extra", "offline_page")
        raise ProblemError(messages.OFFLINE_PAGE_STRINGS.at(*where, missing="、".join(missing)))
    for src_uri, content in edition_files(config.site_name, edition.name, edition.lang, strings).items():
        files.append(File.generated(config, src_uri, content=content))
    return files


@event_priority(-100)  # last: after Material's search index (0) and hooks/search_scripts.py's rewrite of it (-50)
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.extra.get("offline_build"):
        return
    here = config.extra["edition"]
    others = tuple(e["path"] for e in config.extra["editions"] if e["path"] and e["lang"] != here)
    try:
        write_worker(
            Path(config.site_dir),
            version=build_version(Path(config.config_file_path).parent),
            exclude=others,
            budget=config.extra.get("precache_budget"),
        )
    except PrecacheTooLarge as error:  # the budget is the site's: at mkdocs.yml
        raise ProblemError(replace(error.problem, path=Path(config.config_file_path).name)) from None


# -----------------------------------------------------------------------------
# What an edition gets
# -----------------------------------------------------------------------------


def edition_files(site_name: str, edition_name: str, lang: str, strings: dict[str, str]) -> dict[str, str | bytes]:
    """{file inside the edition: its content}: the icons, the manifest, the offline page, the registration."""
    return {
        **{path: icon_png(size) for size, path in ICONS.items()},
        MANIFEST: json.dumps(manifest(site_name, edition_name, lang), ensure_ascii=False, indent=2),
        OFFLINE_PAGE: offline_page(strings, lang=lang, site_name=site_name),
        REGISTRATION: (ASSETS / "offline-cache.js").read_bytes(),
    }


def write_worker(site: Path, *, version: str, exclude: tuple[str, ...] = (), budget: int | None = None) -> str:
    """sw.js for the built edition in site; returns its version: `version`-<hash of every file it may serve>.

    exclude: folders inside site that are another edition (zh-Hans/ inside the zh-Hant site), left
    to that edition's own worker.
    """
    exclude = tuple(folder.rstrip("/") + "/" for folder in exclude)
    files, on_use = plan(site, exclude, budget)
    digest = hashlib.sha256()  # every file the worker may serve: a new download is a new build too
    for path in files + on_use:
        digest.update(path.encode() + b"\0" + _read(site, path) + b"\0")
    worker = (ASSETS / "sw.js").read_text(encoding="utf-8")
    digest.update(worker.encode())
    version = f"{version}-{digest.hexdigest()[:12]}"
    _write(site / "sw.js", fill_worker(worker, version=version, files=files, on_use=on_use, exclude=exclude))
    return version


def build_version(root: Path) -> str:
    """A name for this build: the commit of the project at root, if any (the worker adds a content hash)."""
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else "local"


# -----------------------------------------------------------------------------
# What the worker caches
# -----------------------------------------------------------------------------


def plan(site: Path, exclude: tuple[str, ...] = (), budget: int | None = None) -> tuple[list[str], list[str]]:
    """(precached on the first visit, cached when first fetched): URLs relative to the edition.

    Precached: the pages and every file they need (Lunr's only for the languages search uses),
    small images, small downloads. When first fetched: big downloads, big images, and, when the
    rest is over PRECACHE_BUDGET, small images too, biggest first. A folder's index.html is listed
    as the folder ("overview/"): that is the URL pages link to. budget: PRECACHE_BUDGET unless given.
    """
    budget = PRECACHE_BUDGET if budget is None else int(budget)
    lunr = _lunr_files(site)
    sizes: dict[str, int] = {}
    on_use: list[str] = []
    for rel, size in _files(site, exclude):
        if SKIPPED.search(rel) or (rel.startswith("assets/javascripts/lunr/") and rel not in lunr):
            continue
        if (rel.startswith(DOWNLOADS) and size > DOWNLOAD_PRECACHE_MAX) or (_image(rel) and size > IMAGE_PRECACHE_MAX):
            on_use.append(rel)
        else:
            sizes[_url_of(rel)] = size
    over = sum(sizes.values()) - budget
    for url in sorted((url for url in sizes if _image(url)), key=lambda url: (-sizes[url], url)):
        if over <= 0:
            break
        over -= sizes.pop(url)
        on_use.append(url)
    if over > 0:
        biggest = "、".join(
            f"{url}（{size // 1024} KB）" for url, size in sorted(sizes.items(), key=lambda item: -item[1])[:3]
        )
        raise PrecacheTooLarge(kb=(over + budget) // 1024, budget_kb=budget // 1024, biggest=biggest)
    return sorted(sizes), sorted(on_use)


def precache_list(site: Path, exclude: tuple[str, ...] = ()) -> list[str]:
    """What the first visit caches (plan)."""
    return plan(site, exclude)[0]


def cached_when_fetched(site: Path, exclude: tuple[str, ...] = ()) -> list[str]:
    """What is cached when a reader first fetches it (plan): big downloads and images."""
    return plan(site, exclude)[1]


def _image(rel: str) -> bool:
    return rel.lower().endswith(IMAGES)


def _url_of(rel: str) -> str:
    """The URL pages link to for a file: "index.html" → "./", "overview/index.html" → "overview/"."""
    if rel == "index.html":
        return "./"
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


def _lunr_files(site: Path) -> set[str]:
    """The lunr files Material's search worker loads for the languages in the search index."""
    index = site / "search" / "search_index.json"
    langs = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] if index.exists() else ["en"]
    others = [lang for lang in langs if lang != "en"]
    lunr = "assets/javascripts/lunr/"
    files = {f"{lunr}min/lunr.{lang}.min.js" for lang in others}
    if others:
        files.add(f"{lunr}min/lunr.stemmer.support.min.js")
    if len(langs) > 1:
        files.add(f"{lunr}min/lunr.multi.min.js")
    if "ja" in langs or "jp" in langs:
        files.add(f"{lunr}tinyseg.js")
    if "th" in langs:
        files.add(f"{lunr}wordcut.js")
    return files


def _files(site: Path, exclude: tuple[str, ...]) -> list[tuple[str, int]]:
    """(path inside site, size) of the edition's files, but another edition's and hidden ones (MkDocs
    publishes none: a dot-folder is a build's work in progress, such as scripts/build's .work/, gone
    before the site is published). os.walk: pathlib's rglob costs ten times as much on a large site."""
    found = []
    for folder, folders, names in os.walk(site):
        folders[:] = [name for name in folders if not name.startswith(".")]
        top = Path(folder).relative_to(site).as_posix()
        prefix = "" if top == "." else f"{top}/"
        for name in names:
            rel = prefix + name
            if name.startswith(".") or rel.startswith(exclude):
                continue
            try:
                found.append((rel, os.stat(os.path.join(folder, name)).st_size))
            except OSError:
                continue  # not a file any more
    return sorted(found)


def _read(site: Path, url: str) -> bytes:
    return (site / _file_of(url)).read_bytes()


def _file_of(url: str) -> str:
    """The file a precached URL serves: "overview/" → "overview/index.html"."""
    return url + "index.html" if url.endswith("/") else url


def fill_worker(worker: str, *, version: str, files: list[str], on_use: list[str], exclude: tuple[str, ...]) -> str:
    values = {
        "__VERSION__": version,
        "__PRECACHE__": files,
        "__ON_USE__": on_use,
        "__EXCLUDE__": list(exclude),
        "__OFFLINE_PAGE__": OFFLINE_PAGE,
    }
    for placeholder, value in values.items():
        if placeholder not in worker:
            raise ValueError(f"sw.js has no {placeholder}")
        worker = worker.replace(placeholder, json.dumps(value, ensure_ascii=False))
    return worker


# -----------------------------------------------------------------------------
# Manifest, offline page
# -----------------------------------------------------------------------------


def manifest(site_name: str, edition_name: str, lang: str) -> dict:
    """The web app manifest; its URLs are relative to the manifest itself, at the edition's root."""
    return {
        "name": f"{site_name}（{edition_name}）",
        "short_name": site_name,
        "lang": lang,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "id": "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"}
            for size, path in ICONS.items()
        ],
    }


def offline_page(strings: dict[str, str], *, lang: str, site_name: str) -> str:
    """The page sw.js shows for a page never cached. Its home link is "./" here; sw.js, which serves
    it at the URL that failed, makes it the edition's root there."""
    template = (ASSETS / "offline.html").read_text(encoding="utf-8")
    return _with_policy(
        template.format(
            lang=lang,
            title=_escape(strings["title"]),
            site_name=_escape(site_name),
            explanation=_escape(strings["explanation"]),
            home_label=_escape(strings["home"]),
            retry_label=_escape(strings["retry"]),
        )
    )


def _with_policy(html: str) -> str:
    """The offline page runs no script and loads nothing: its own inline style only."""
    from . import safe_html  # the one place policies are written

    return safe_html.with_policy(html, safe_html.content_policy(html, OFFLINE_POLICY))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)


# -----------------------------------------------------------------------------
# Icons: a white sheet of three checklist lines on Material's indigo
# -----------------------------------------------------------------------------


@cache  # the same two icons for every edition and every rebuild of mkdocs serve
def icon_png(size: int) -> bytes:
    """A size×size PNG: full-bleed indigo (safe for maskable icons), the sheet inside the
    central 60% (the maskable safe zone), each line a box and a bar of text."""
    indigo = bytes.fromhex(THEME_COLOR[1:])
    white = b"\xff\xff\xff"
    u = size / 100  # the drawing is on a 100×100 grid
    rects: list[tuple[float, float, float, float, bytes]] = [(27, 22, 73, 78, white)]  # x0, y0, x1, y1
    for row in range(3):
        top = 32 + row * 14
        rects.append((33, top, 41, top + 8, indigo))  # the box
        rects.append((35, top + 2, 39, top + 6, white))  # its inside
        rects.append((45, top + 2, 67, top + 6, indigo))  # the line of text
    rows = []
    for y in range(size):
        line = bytearray(indigo * size)
        for x0, y0, x1, y1, colour in rects:
            if round(y0 * u) <= y < round(y1 * u):
                a, b = round(x0 * u), round(x1 * u)
                line[a * 3 : b * 3] = colour * (b - a)
        rows.append(b"\0" + bytes(line))
    return _png(size, size, zlib.compress(b"".join(rows), 9))


def _png(width: int, height: int, data: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
