"""A third edition is one entry in extra.editions: zh-HK, made with OpenCC's t2hk, builds with
its pages, switch, alternates, downloads and worker, and every other edition links to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.long  # a build of three editions with their downloads

HK = """    - lang: zh-HK
      name: 香港繁體
      path: zh-HK/
      opencc: t2hk
"""


@pytest.fixture(scope="module")
def hk_site(tmp_path_factory) -> Path:
    from support.project import copy_project

    project = copy_project(tmp_path_factory.mktemp("third-edition") / "project")
    root = project.root
    project.edit("mkdocs.yml", "  # What scripts/build makes", HK + "  # What scripts/build makes")
    assert project.build(root / "site") == ""
    return root / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_third_edition_is_built_in_its_own_script(hk_site):
    page = soup(hk_site / "zh-HK" / "impact" / "index.html")
    assert page.html["lang"] == "zh-HK"
    text = page.select_one("article").get_text()
    assert "徵信系統" in text or "征信系統" in text  # converted from the zh-Hant source, not Simplified
    assert (hk_site / "zh-HK" / "sw.js").is_file() and (hk_site / "zh-HK" / "manifest.webmanifest").is_file()
    for name in (
        "alipay-overdue-guide-zh-HK.html",
        "alipay-overdue-guide-zh-HK.pdf",
        "alipay-overdue-guide-offline-zh-HK.zip",
    ):
        assert (hk_site / "zh-HK" / "download" / name).is_file(), name


@pytest.mark.parametrize("edition", ["", "zh-Hans/", "zh-HK/"])
def test_every_edition_declares_and_links_all_three(hk_site, edition):
    page = soup(hk_site / edition / "negotiation" / "index.html")
    assert {link["hreflang"] for link in page.find_all("link", hreflang=True)} == {
        "zh-Hant",
        "zh-Hans",
        "zh-HK",
        "x-default",
    }
    switches = {a["hreflang"] for a in page.select(".edition-switch a")}
    assert switches == {"zh-Hant", "zh-Hans", "zh-HK"} - {page.html["lang"]}
