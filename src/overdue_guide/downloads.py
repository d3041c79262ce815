"""The guide's downloads, listed where readers look: a page of their own and the home page.

A page asks for the list with a line of its own in its Markdown:

    <!-- downloads -->

and gets, from ``extra.outputs`` in mkdocs.yml (each output's label and purpose) and the
sizes scripts/build measured (``extra.downloads``, hooks/editions.py):

    <ul class="downloads">
    <li class="downloads__item"><a class="downloads__link" href="../download/….html" download>
      <span class="downloads__label">單頁網頁版</span> <span class="downloads__size">122 KB</span></a>
      <span class="downloads__purpose">手機上閱讀……</span></li>
    </ul>

Nothing is hard-coded: a new output in mkdocs.yml shows up here, in the footer and in the
build at once. The files themselves: scripts/build makes them before the edition's build and
names them in ``extra.download_files`` ({format: file}); they join the build's files here, so
MkDocs copies them in and the service worker, written last, lists them (a plain ``mkdocs build``
has none). Inside the offline copies themselves (extra.offline_build) the downloads are
not there to link to, so the list becomes ``extra.download_strings.offline`` instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

# The marker a page writes on a line of its own where the list goes.
MARKER = re.compile(r"<!--\s*downloads\s*-->")


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    made = config.extra.get("download_files") or {}
    for download in config.extra.get("downloads") or []:
        if download["format"] in made:
            files.append(File.generated(config, str(download["url"]), abs_src_path=str(made[download["format"]])))
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not MARKER.search(html):
        return html
    strings = config.extra.get("download_strings") or {}
    if config.extra.get("offline_build"):
        block = f'<p class="downloads__offline">{escape(str(strings.get("offline", "")))}</p>'
    else:
        block = render_downloads(config.extra.get("downloads") or [], page.url)
    return MARKER.sub(lambda _: block, html)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def render_downloads(downloads: Iterable[Mapping[str, Any]], page_url: str) -> str:
    """One list item per download: a link (label and size) and what the file is for.

    URLs are relative to the page (page_url, as MkDocs writes it: "", "download/"), so the
    site works at any path on any host.
    """
    items = []
    for download in downloads:
        href = get_relative_url(str(download["url"]), page_url or ".")
        size = f' <span class="downloads__size">{escape(str(download["size"]))}</span>' if download.get("size") else ""
        purpose = (
            f' <span class="downloads__purpose">{escape(str(download["purpose"]))}</span>'
            if download.get("purpose")
            else ""
        )
        items.append(
            f'<li class="downloads__item"><a class="downloads__link" href="{escape(href)}"'
            f' data-format="{escape(str(download["format"]))}" download>'
            f'<span class="downloads__label">{escape(str(download["label"]))}</span>{size}</a>{purpose}</li>'
        )
    return f'<ul class="downloads">\n{"".join(items)}\n</ul>\n'
