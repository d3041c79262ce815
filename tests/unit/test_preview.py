"""The job summary of a pull request names every preview artifact, what it is and how to open it."""

from pathlib import Path

from overdue_guide import preview
from overdue_guide.editions import Edition

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = [Edition("zh-Hant", "繁體中文", "", None), Edition("zh-Hans", "简体中文", "zh-Hans/", "tw2s")]


def built_site(tmp_path):
    site = tmp_path / "site"
    (site / "download").mkdir(parents=True)
    (site / "zh-Hans" / "download").mkdir(parents=True)
    (site / "download" / "guide-offline.zip").write_bytes(b"x" * 4096)
    (site / "zh-Hans" / "download" / "guide-offline-zh-Hans.zip").write_bytes(b"x" * 2048)
    (site / "zh-Hans" / "download" / "guide-zh-Hans.html").write_text("<html>", encoding="utf-8")
    (site / "download" / "notes.txt").write_text("not a download", encoding="utf-8")
    return site


def test_every_download_is_listed_with_its_artifact_link_edition_and_size(tmp_path):
    env = {
        "ARTIFACT_URL_SITE": "https://example.test/site",
        "ARTIFACT_URL_ZH_HANT_ZIP": "https://example.test/zip",
        "ARTIFACT_URL_ZH_HANS_HTML": "https://example.test/html",
    }
    text = preview.describe(built_site(tmp_path), env, EDITIONS)
    assert "[`site`](https://example.test/site)" in text
    assert "python3 -m http.server -d site 8000" in text
    assert "繁體中文在根目錄，简体中文在 `zh-Hans/`" in text
    assert "| [`guide-offline.zip`](https://example.test/zip) | 離線版壓縮包（繁體中文，4 KiB） |" in text
    assert "| [`guide-zh-Hans.html`](https://example.test/html) | 單頁網頁版（简体中文，0 KiB） |" in text
    assert "notes.txt" not in text


def test_every_edition_of_mkdocs_yml_is_listed_a_third_one_too(tmp_path):
    site = built_site(tmp_path)
    (site / "zh-HK" / "download").mkdir(parents=True)
    (site / "zh-HK" / "download" / "guide-zh-HK.pdf").write_bytes(b"%PDF")
    hong_kong = Edition("zh-HK", "香港繁體", "zh-HK/", "t2hk")
    text = preview.describe(site, {}, [*EDITIONS, hong_kong])
    assert "| `guide-zh-HK.pdf` | PDF（香港繁體，0 KiB） |" in text
    assert "<http://127.0.0.1:8000/zh-HK/>" in text


def test_the_editions_come_from_mkdocs_yml():
    assert [(e.lang, e.path) for e in preview.configured_editions(ROOT / "mkdocs.yml")] == [
        ("zh-Hant", ""),
        ("zh-Hans", "zh-Hans/"),
    ]


def test_a_download_without_its_own_link_points_at_the_runs_artifacts(tmp_path):
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_RUN_ID": "7"}
    text = preview.describe(built_site(tmp_path), env, EDITIONS)
    assert "[`guide-offline-zh-Hans.zip`](https://github.com/o/r/actions/runs/7#artifacts)" in text


def test_without_a_built_site_it_says_how_to_build_one(tmp_path, capsys):
    assert preview.main([str(tmp_path / "site")]) == 1
    assert "./scripts/build" in capsys.readouterr().err
