"""The pull request's preview, described in Chinese for the job summary (checks.yml).

The Checks workflow uploads the built site and every offline download as artifacts;
this prints a Markdown table saying what each one is and how to look at it. The
artifacts' links come from the environment: ARTIFACT_URL_SITE for the site, and
ARTIFACT_URL_<EDITION>_<EXT> (e.g. ARTIFACT_URL_ZH_HANS_ZIP) for each download. The
editions, their folders and names are extra.editions of mkdocs.yml (the build's matrix).

    python -m overdue_guide.preview site >> "$GITHUB_STEP_SUMMARY"
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from . import project
from .editions import Edition

# What each kind of offline download is, and how a reader opens it.
KINDS = {
    ".zip": ("離線版壓縮包", "解壓後打開文件夾裡的 `index.html`：整個網站，不需要網絡，可以搜尋。"),
    ".html": ("單頁網頁版", "一個文件就是整本指南：傳到手機上，用瀏覽器打開。"),
    ".pdf": ("PDF", "在手機或電腦上直接打開，也可以在微信裡打開。"),
}
PORT = 8000


def configured_editions(config_file: Path) -> list[Edition]:
    """The editions of extra.editions in mkdocs.yml, in order (the source edition first)."""
    from . import build_site

    return build_site.read_matrix(config_file)[0]


def downloads(site_dir: Path, editions: list[Edition]) -> list[tuple[Edition, Path]]:
    """(edition, file) for every offline download in the built site."""
    found = []
    for edition in editions:
        download_dir = site_dir / edition.path / "download"
        if download_dir.is_dir():
            found += [(edition, f) for f in sorted(download_dir.iterdir()) if f.suffix in KINDS]
    return found


def describe(site_dir: Path, env: Mapping[str, str] = os.environ, editions: list[Edition] | None = None) -> str:
    """The summary's Markdown; the editions, unless given, are those of the current folder's mkdocs.yml."""
    editions = configured_editions(project.config_path()) if editions is None else editions
    run_url = _run_url(env)
    where = "，".join(f"{e.name}在{f' `{e.path}`' if e.path else '根目錄'}" for e in editions)
    urls = "，".join(f"{e.name}：<http://127.0.0.1:{PORT}/{e.path}>" for e in editions[1:])
    rows = [
        f"| {_link('site', env.get('ARTIFACT_URL_SITE') or run_url)} | 整個網站：{where} | "
        f"下載後解壓到名為 `site` 的文件夾，在它所在的目錄運行 `python3 -m http.server -d site {PORT}`，"
        f"打開 <http://127.0.0.1:{PORT}/>{f'（{urls}）' if urls else ''}。"
        f"想在手機上看：手機和電腦連同一個 Wi-Fi，打開「電腦的 IP 地址:{PORT}」。 |",
    ]
    for edition, file in downloads(site_dir, editions):
        kind, how = KINDS[file.suffix]
        key = f"ARTIFACT_URL_{edition.lang.upper().replace('-', '_')}_{file.suffix[1:].upper()}"
        size = file.stat().st_size / 1024
        rows.append(
            f"| {_link(file.name, env.get(key) or run_url)} | {kind}（{edition.name}，{size:,.0f} KiB） | {how} |"
        )
    return (
        "\n".join(
            [
                "### 📦 預覽：這個 Pull Request 建好的網站和離線版",
                "",
                "合併之前就可以看到改動後的樣子。點名稱下載（需要登錄 GitHub；保留 14 天）。",
                "",
                "| 下載 | 是什麼 | 怎麼看 |",
                "| --- | --- | --- |",
                *rows,
                "",
            ]
        )
        + "\n"
    )


def _link(name: str, url: str) -> str:
    return f"[`{name}`]({url})" if url else f"`{name}`"


def _run_url(env: Mapping[str, str]) -> str:
    """The run's page, whose Artifacts section lists every upload (a fallback link)."""
    server, repo, run = (env.get(k, "") for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID"))
    return f"{server}/{repo}/actions/runs/{run}#artifacts" if server and repo and run else ""


def main(argv: list[str]) -> int:
    site_dir = Path(argv[0]) if argv else Path("site")
    if not site_dir.is_dir():
        print(f"overdue_guide.preview: {site_dir} 不存在 — 先執行 ./scripts/build", file=sys.stderr)
        return 1
    sys.stdout.write(describe(site_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
