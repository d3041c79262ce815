"""The published site works offline after one visit, and can be installed.

Material has no service worker, so after `mkdocs build` of ONE edition this module
adds to that edition's folder:

- ``manifest.webmanifest`` (name, icons, theme colour, start_url and scope = the edition);
- ``assets/images/icon-192.png`` and ``icon-512.png``, drawn here (no third-party art);
- ``offline.html``: what a page never cached shows when the network is down, in the
  edition's script;
- ``sw.js`` (from offline_assets/sw.js): precaches the edition's pages and small files
  (under PRECACHE_BUDGET) into one cache named after the build (``SCOPE|VERSION-CONTENTHASH``,
  SCOPE being where the worker is served from), answers from it first, caches big images
  and downloads when first fetched, deletes the edition's older caches when it activates;
- ``assets/javascripts/offline-cache.js``: registers sw.js over https or on localhost only;
- in every page's <head>: the manifest link and that script.

Every URL written here is relative (to the page, the manifest or the worker), so the same
site/ works at any path on any host: only 404.html, which a server shows at any depth and
MkDocs itself writes with SITE_URL's path, links them by that path.

The icons are drawn with zlib and struct: axis-aligned rectangles need no drawing
library, and Pillow would be one more dependency for two small files.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib
from pathlib import Path

from . import messages

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
# the pages and their assets alone are over it the build stops (PrecacheTooLarge).
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
IMAGE_PRECACHE_MAX = 64 * 1024
PRECACHE_BUDGET = 3 * 1024 * 1024
# Never precached: source maps, the gzipped sitemap, and the worker itself.
SKIPPED = re.compile(r"(\.map|sitemap\.xml\.gz|^sw\.js)$")
MARKER = "<!-- offline-cache -->"
OFFLINE_POLICY = {
    "default-src": "'none'",
    "style-src": "'unsafe-inline'",
    "script-src": "'none'",
    "img-src": "'self'",
    "object-src": "'none'",
    "form-action": "'none'",
    "base-uri": "'none'",
}

STRINGS = ("title", "explanation", "home", "retry")  # the offline page's words: extra.offline_page

# -----------------------------------------------------------------------------
# Entry point
# -----------------------------------------------------------------------------


class PrecacheTooLarge(Exception):
    """The pages and assets every first visit caches are over PRECACHE_BUDGET (its message in Chinese)."""

    def __init__(self, **values):
        self.problem = messages.PRECACHE_TOO_LARGE.at("", 0, **values)  # the build names the config file
        super().__init__(self.problem.text)


def add_service_worker(
    edition_site: Path,
    *,
    lang: str,
    name: str,
    site_path: str | None,
    version: str,
    strings: dict[str, str],
    exclude: tuple[str, ...] = (),
) -> str:
    """Make edition_site (one built edition) work offline after one visit; return the worker's version.

    The worker names its cache "<the path it is served from>|<version>". name: the edition's name
    (繁體中文); site_path: the edition's path under SITE_URL ("/", "/repo/zh-Hans/"; None without
    one), for 404.html only; version: the build's version; strings: the offline page's words (extra.offline_page);
    exclude: folders inside edition_site that are another edition (zh-Hans/ inside the zh-Hant
    site), left to that edition's own worker.
    """
    site = Path(edition_site)
    assert site_path is None or site_path.startswith("/") and site_path.endswith("/"), f"site_path {site_path!r}"
    exclude = tuple(folder.rstrip("/") + "/" for folder in exclude)
    site_name = _site_name(site / "index.html")
    missing = [key for key in STRINGS if not strings.get(key)]
    assert not missing, f"extra.offline_page lacks {missing}"

    for size, path in ICONS.items():
        _write(site / path, icon_png(size))
    _write(site / MANIFEST, json.dumps(manifest(site_name, name, lang), ensure_ascii=False, indent=2))
    _write(site / OFFLINE_PAGE, offline_page(strings, lang=lang, site_name=site_name))
    _write(site / REGISTRATION, (ASSETS / "offline-cache.js").read_bytes())
    for page in _files(site, exclude):
        # Not the downloads: the single page stays self-contained (its CSP allows no request).
        rel = page.relative_to(site).as_posix()
        if page.suffix == ".html" and rel != OFFLINE_PAGE and not rel.startswith(DOWNLOADS):
            # 404.html as MkDocs writes it: by SITE_URL's path, if any, since a server shows it at any depth.
            _add_to_head(page, site_path if rel == "404.html" and site_path else to_root(rel))

    files, on_use = plan(site, exclude)
    digest = hashlib.sha256()  # every file the worker may serve: a new download is a new build too
    for path in files + on_use:
        digest.update(path.encode() + b"\0" + _read(site, path) + b"\0")
    worker = (ASSETS / "sw.js").read_text(encoding="utf-8")
    digest.update(worker.encode())
    version = f"{version}-{digest.hexdigest()[:12]}"
    _write(site / "sw.js", fill_worker(worker, version=version, files=files, on_use=on_use, exclude=exclude))
    return version


def to_root(rel: str) -> str:
    """From a page's file to its edition's root, relative: "index.html" → "", "a/index.html" → "../"."""
    return "../" * rel.count("/")


# -----------------------------------------------------------------------------
# What the worker caches
# -----------------------------------------------------------------------------


def plan(site: Path, exclude: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """(precached on the first visit, cached when first fetched): URLs relative to the edition.

    Precached: the pages and every file they need (Lunr's only for the languages search uses),
    small images, small downloads. When first fetched: big downloads, big images, and, when the
    rest is over PRECACHE_BUDGET, small images too, biggest first. A folder's index.html is listed
    as the folder ("overview/"): that is the URL pages link to.
    """
    lunr = _lunr_files(site)
    sizes: dict[str, int] = {}
    on_use: list[str] = []
    for path in _files(site, exclude):
        rel = path.relative_to(site).as_posix()
        if SKIPPED.search(rel) or (rel.startswith("assets/javascripts/lunr/") and rel not in lunr):
            continue
        size = path.stat().st_size
        if (rel.startswith(DOWNLOADS) and size > DOWNLOAD_PRECACHE_MAX) or (_image(rel) and size > IMAGE_PRECACHE_MAX):
            on_use.append(rel)
        else:
            sizes[_url_of(rel)] = size
    over = sum(sizes.values()) - PRECACHE_BUDGET
    for url in sorted((url for url in sizes if _image(url)), key=lambda url: (-sizes[url], url)):
        if over <= 0:
            break
        over -= sizes.pop(url)
        on_use.append(url)
    if over > 0:
        biggest = "、".join(
            f"{url}（{size // 1024} KB）" for url, size in sorted(sizes.items(), key=lambda item: -item[1])[:3]
        )
        raise PrecacheTooLarge(kb=(over + PRECACHE_BUDGET) // 1024, budget_kb=PRECACHE_BUDGET // 1024, biggest=biggest)
    return sorted(sizes), sorted(on_use)


def precache_list(site: Path, exclude: tuple[str, ...] = ()) -> list[str]:
    """What the first visit caches (plan)."""
    return plan(site, exclude)[0]


def on_use_list(site: Path, exclude: tuple[str, ...] = ()) -> list[str]:
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


def _files(site: Path, exclude: tuple[str, ...]) -> list[Path]:
    """The edition's files, but another edition's and hidden ones (MkDocs publishes none: a dot-folder
    is a build's work in progress, such as scripts/build's .work/, gone before the site is published)."""
    return sorted(
        path
        for path in site.rglob("*")
        if path.is_file()
        and not path.relative_to(site).as_posix().startswith(exclude)
        and not any(part.startswith(".") for part in path.relative_to(site).parts)
    )


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
        assert placeholder in worker, f"sw.js has no {placeholder}"
        worker = worker.replace(placeholder, json.dumps(value, ensure_ascii=False))
    return worker


# -----------------------------------------------------------------------------
# The pages: manifest link and registration in every <head>
# -----------------------------------------------------------------------------


def _add_to_head(page: Path, root: str) -> None:
    """root: from the page to its edition's root ("", "../"; for 404.html SITE_URL's path)."""
    html = page.read_text(encoding="utf-8")
    if MARKER in html:
        return  # already added (a second call on the same build)
    tags = f'{MARKER}<link rel="manifest" href="{root}{MANIFEST}"><script src="{root}{REGISTRATION}" defer></script>'
    head_end = html.find("</head>")
    assert head_end != -1, f"{page}: no </head>"
    page.write_text(html[:head_end] + tags + html[head_end:], encoding="utf-8")


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


def _site_name(index: Path) -> str:
    match = re.search(r"<title>(.*?)</title>", index.read_text(encoding="utf-8"), re.S)
    assert match, f"{index}: no <title>"
    return match.group(1).strip()


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
