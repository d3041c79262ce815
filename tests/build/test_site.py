"""The built zh-Hant site: every page, its metadata and anchors, no third-party
loads, and none of the scraped source's garbling, chrome or personal data."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from overdue_guide import editions, lint_content
from support import site_pages
from support.site_pages import SOURCES, url_of

ROOT = Path(__file__).resolve().parents[2]
# The scraped article the guide was edited from (its stranger's contact line removed).
SOURCE = ROOT / "tests" / "fixtures" / "source-article.txt"


def source_facts(src: str) -> tuple[str, list[str]]:
    """A page's H1 text and the ids its Markdown gives its H2s."""
    text = (ROOT / "docs" / src).read_text(encoding="utf-8")
    title = re.search(r"^# (.+?)(?:\s*\{#[\w-]+\})?$", text, re.MULTILINE)[1]
    return title, re.findall(r"^## .*\{#([\w-]+)\}$", text, re.MULTILINE)


# Page (directory URL, from the nav) → its title (its H1) and the ids of its sections.
PAGES = {url_of(src): source_facts(src) for src in SOURCES}
ARTICLE_PAGES = site_pages.TEXT_PAGES


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def article_text(site: Path, page: str) -> str:
    return soup(site, page).select_one("article.md-content__inner").get_text()


def all_html(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# -----------------------------------------------------------------------------
# Pages and metadata
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_each_page_has_its_section_title_lang_and_description(site, page):
    html = soup(site, page)
    title, _ = PAGES[page]
    assert html.html["lang"] == "zh-Hant"
    assert html.h1.get_text(strip=True).rstrip("#") == title
    assert html.title.get_text().startswith(title)
    description = html.find("meta", attrs={"name": "description"})["content"]
    assert (
        len(description) >= 20
        and description != "支付寶貸款（花唄、借唄）逾期後如何與平臺協商還款：原因、影響、步驟與注意事項。"
        or page == ""
    )


def test_descriptions_are_unique_per_page(site):
    descriptions = [soup(site, p).find("meta", attrs={"name": "description"})["content"] for p in PAGES]
    assert len(set(descriptions)) == len(descriptions)


@pytest.mark.parametrize("page", PAGES)
def test_each_page_has_a_working_edit_link(site, page):
    link = soup(site, page).select_one("a.md-content__button[rel=edit]")
    source = "index.md" if page == "" else page.rstrip("/") + ".md"
    assert link["href"].endswith(f"/edit/main/docs/{source}")
    assert (ROOT / "docs" / source).is_file()


@pytest.mark.parametrize("page", ARTICLE_PAGES)
def test_heading_anchors_are_meaningful_ascii(site, page):
    html = soup(site, page)
    ids = [h.get("id") for h in html.select("article h1, article h2, article h3")]
    assert ids and all(re.fullmatch(r"[a-z][a-z0-9-]+", i or "") for i in ids), ids
    _, anchors = PAGES[page]
    assert set(anchors) <= set(ids)


def test_numbered_items_are_real_lists(site):
    items = soup(site, "causes/").select("article ol > li")
    assert [li.get_text(strip=True)[:4] for li in items] == ["收入減少", "突發支出", "財務規劃", "消費習慣"]


def test_home_page_has_a_disclaimer(site):
    assert "不構成法律、財務或投資建議" in article_text(site, "")


def test_footer_links_every_download_with_its_size(site):
    footer = soup(site, "causes/").select_one(".md-copyright__downloads")
    assert footer.get_text(strip=True).startswith("下載離線版")
    links = {a["data-format"]: a for a in footer.select("a.md-copyright__download")}
    assert list(links) == ["html", "pdf", "zip"]
    assert links["zip"]["href"] == "../download/alipay-overdue-guide-offline-zh-Hant.zip"
    for fmt, label in [("html", "單頁網頁版"), ("pdf", "PDF"), ("zip", "壓縮包")]:
        file = site / links[fmt]["href"].removeprefix("../")
        size = editions.human_size(file.stat().st_size)
        assert links[fmt].get_text(strip=True) == f"{label}（{size}）"


def test_interface_strings_are_traditional(site):
    config = json.loads(soup(site, "").select_one("script#__config").string)
    strings = "".join(config["translations"].values())
    assert config["translations"]["search.result.one"] == "找到 1 個符合條件的結果"
    assert lint_content.simplified_only(strings) == []


# -----------------------------------------------------------------------------
# Nothing from a third-party host
# -----------------------------------------------------------------------------

LOADING_ATTRS = [
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("embed", "src"),
    ("object", "data"),
]


def third_party_loads(html: BeautifulSoup) -> list[str]:
    """URLs of resources the page would load from another host."""
    urls = [tag[attr] for name, attr in LOADING_ATTRS for tag in html.find_all(name) if tag.get(attr)]
    urls += [
        link["href"]
        for link in html.find_all("link", href=True)
        if set(link.get("rel", []))
        & {"stylesheet", "preload", "preconnect", "dns-prefetch", "icon", "manifest", "modulepreload", "prefetch"}
    ]
    return [u for u in urls if urlparse(u).netloc or u.startswith("//")]


def test_no_page_loads_anything_from_another_host(site):
    for file in all_html(site):
        assert third_party_loads(BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")) == [], file


def test_the_check_for_third_party_loads_can_fail():
    html = BeautifulSoup(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Noto">'
        '<script src="//unpkg.com/iframe-worker/shim"></script>',
        "html.parser",
    )
    assert len(third_party_loads(html)) == 2


def test_stylesheets_import_nothing_from_another_host(site):
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text), css
    assert not any("fonts.googleapis" in f.read_text(encoding="utf-8") for f in all_html(site))


def test_repository_widget_does_not_call_the_github_api(site):
    # Material's "source facts" widget fetches api.github.com when this attribute is present.
    assert not soup(site, "").select('[data-md-component="source"]')


# -----------------------------------------------------------------------------
# The scraped source's defects, chrome and personal data
# -----------------------------------------------------------------------------

PERSONAL_DATA = ["15070879527", "3590931873", "陳先生", "qq.com"]
CHROME = ["小編", "逾期頻道", "刪帖", "3℃", "歡迎訪問"]


def test_no_personal_data_or_blog_chrome_anywhere_in_the_build(site):
    for file in site.rglob("*"):
        if file.suffix in (".html", ".json", ".xml", ".js", ".txt"):
            text = file.read_text(encoding="utf-8", errors="replace")
            for needle in PERSONAL_DATA + CHROME:
                assert needle not in text, f"{needle} in {file}"


@pytest.mark.parametrize("page", PAGES)
def test_page_text_has_no_garbling(site, page):
    text = article_text(site, page)
    allowed = lint_content.load_allowlist()
    for line in text.splitlines():
        assert not lint_content.pinyin_groups(line), line
        assert not lint_content.half_width_punctuation(line), line
        assert not lint_content.simplified_only(line, allowed), line
        assert not lint_content.personal_data(line), line
    assert "?" not in text and "\ufffd" not in text  # mojibake


# Sentences the source lost words from (「…的問。」), as the site restores them.
RESTORED = {
    "的問。": "的問題。",
    "習慣問:": "習慣問題:",
    "棘手的問,": "棘手的問題,",
    "服務的也面臨": "服務的同時，也面臨",
    "便利的合理規劃": "便利的同時，合理規劃",
    "客服 或在線客服": "客服電話或在線客服",
    "因?yàn)闆]有": "因為沒有",  # mojibake
}


def normalise(text: str) -> str:
    """Compare text across scripts and punctuation widths."""
    import opencc

    text = opencc.OpenCC("t2s").convert(text)
    return re.sub(r"[\s,，:：;；!！。、()（）?？「」]", "", text)


def test_every_sentence_of_the_article_is_published(site):
    raw = SOURCE.read_text(encoding="utf-8")
    raw = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)", "", raw)
    for lost, restored in RESTORED.items():
        assert lost in raw, lost  # the test is about this source
        raw = raw.replace(lost, restored)
    published = normalise("".join(article_text(site, p) for p in ARTICLE_PAGES))
    body = raw[raw.index("隨著") :]  # everything before is the blog's chrome
    clauses = [c for c in re.split(r"[,，。:：!！]|\n", body) if len(c.strip()) >= 4]
    clauses = [re.sub(r"^(?:[一二三四五六七]、|\d\.\d |\d\. )", "", c.strip()) for c in clauses]
    clauses = [c.replace("小編", "").replace("本站", "本指南").replace("APP", "App") for c in clauses]
    missing = [c for c in clauses if normalise(c) not in published]
    assert len(clauses) > 60 and missing == []
