"""The footer's download links: each offline edition of the guide, with its size.

``download_links`` gives what overrides/partials/copyright.html shows, as plain data
(config.extra.downloads): label in the edition's script, format, href relative to the
edition's root, size in bytes and as text. The files must exist when it is called, so
the build makes the offline files (from the offline build) before the site whose
footer links them.
"""

from __future__ import annotations

from pathlib import Path

# In reading order; labels in Traditional characters, zh-Hans gets them through OpenCC.
KINDS = {
    "html": ("單頁網頁版", "HTML"),
    "pdf": ("PDF", "PDF"),
    "zip": ("壓縮包", "ZIP"),
}


def download_links(edition_site: Path, files: dict[str, str], *, lang: str) -> list[dict]:
    """One link per offline file: files maps "html", "pdf", "zip" to paths relative to edition_site."""
    unknown = set(files) - set(KINDS)
    assert not unknown, f"unknown download kinds: {sorted(unknown)}"
    links = []
    for kind, (label, file_format) in KINDS.items():
        if kind not in files:
            continue
        size = (Path(edition_site) / files[kind]).stat().st_size
        links.append({
            "kind": kind,
            "label": _in_script(label, lang),
            "format": file_format,
            "href": files[kind],
            "bytes": size,
            "size": human_size(size),
        })
    return links


def human_size(size: int) -> str:
    """1234 → '1.2 KB', 86392 → '84 KB', 941284 → '919 KB', 2_500_000 → '2.4 MB' (1 KB = 1024 bytes)."""
    for unit in ("B", "KB", "MB"):
        if size < 1024 or unit == "MB":
            break
        size /= 1024
    if unit == "B":
        return f"{int(size)} B"
    return f"{size:.1f} {unit}" if size < 10 else f"{size:.0f} {unit}"


def _in_script(text: str, lang: str) -> str:
    if lang != "zh-Hans":
        return text
    from edition import to_simplified
    return to_simplified(text)
