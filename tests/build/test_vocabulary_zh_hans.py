"""The built Simplified edition speaks mainland words everywhere a reader meets
them: visible text, tooltips (title, aria-label, data-* attributes), the search
index and the interface strings. OpenCC's tw2s converts characters, not words,
so a 資訊 in the source would show here as 资讯; scripts/vocabulary.py's
zh-Hans table finds it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from overdue_guide import editions, vocabulary

# Attributes whose values a reader sees or hears (tooltips, screen readers, widget strings).
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "content")


def reader_strings(html: str) -> list[tuple[str, str]]:
    """(where, text) for everything of one page a reader may see or hear."""
    page = BeautifulSoup(html, "html.parser")
    strings: list[tuple[str, str]] = []
    config = page.select_one("script#__config")
    if config is not None:
        translations = json.loads(config.string).get("translations", {})
        strings += [(f"__config translations {key}", value) for key, value in translations.items()]
    for tag in page.find_all(["script", "style"]):
        tag.decompose()
    strings.append(("text", page.get_text(" ")))
    for tag in page.find_all(True):
        for name, value in tag.attrs.items():
            if name in READ_ATTRIBUTES or name.startswith("data-"):
                text = " ".join(value) if isinstance(value, list) else value
                strings.append((f"<{tag.name} {name}>", text))
    return strings


def search_strings(index: str) -> list[tuple[str, str]]:
    docs = json.loads(index)["docs"]
    return [(f"search {d['location']}", f"{d['title']} {d['text']}") for d in docs]


def leaks(strings: list[tuple[str, str]]) -> list[str]:
    return [
        f"{where}: 「{f.word}」→「{f.mainland}」"
        for where, text in strings
        for f in vocabulary.find_words(text, "zh-Hans")
    ]


def zh_hans_pages(full_site: Path) -> list[Path]:
    return sorted((full_site / "zh-Hans").rglob("*.html"))


# -----------------------------------------------------------------------------
# The built edition
# -----------------------------------------------------------------------------


def test_zh_hans_pages_use_mainland_words_in_text_tooltips_attributes_and_ui_strings(full_site):
    pages = zh_hans_pages(full_site)
    assert len(pages) >= 10
    found = []
    for file in pages:
        found += [
            f"{file.relative_to(full_site)}: {leak}" for leak in leaks(reader_strings(file.read_text(encoding="utf-8")))
        ]
    assert found == []


def test_zh_hans_search_index_uses_mainland_words(full_site):
    index = (full_site / "zh-Hans" / "search" / "search_index.json").read_text(encoding="utf-8")
    strings = search_strings(index)
    assert any("协商" in text for _, text in strings)
    assert leaks(strings) == []


def test_zh_hans_interface_strings_are_checked(full_site):
    html = (full_site / "zh-Hans" / "index.html").read_text(encoding="utf-8")
    keys = {where for where, _ in reader_strings(html) if where.startswith("__config")}
    assert "__config translations search.result.none" in keys


# -----------------------------------------------------------------------------
# The checks above can fail: each word of issue 10, converted like the edition
# -----------------------------------------------------------------------------

ISSUE_WORDS = ["資訊", "合約", "滑鼠", "列印", "紙本", "純文字", "訊息", "重設", "連結", "合資格"]


def converted_page(word: str) -> str:
    """A page as the edition would publish it with `word` in every place a reader meets it."""
    config = json.dumps({"translations": {"clipboard.copy": word}}, ensure_ascii=False)
    return editions.converter("tw2s")(
        f'<html><head><meta name="description" content="{word}"><title>{word}</title></head><body>'
        f'<script id="__config" type="application/json">{config}</script>'
        f'<p>請看{word}。</p><a title="{word}" aria-label="{word}" data-glossary-definition="{word}">x</a>'
        f'<input placeholder="{word}"></body></html>'
    )


@pytest.mark.parametrize("word", ISSUE_WORDS)
def test_each_issue_word_would_be_caught_in_every_place(word):
    found = leaks(reader_strings(converted_page(word)))
    places = {line.split(":")[0] for line in found}
    assert places == {
        "text",
        "<meta content>",
        "<a title>",
        "<a aria-label>",
        "<a data-glossary-definition>",
        "<input placeholder>",
        "__config translations clipboard.copy",
    }
    simplified = editions.converter("tw2s")(word)
    assert all(f"「{simplified}」" in line for line in found)


@pytest.mark.parametrize("word", ISSUE_WORDS)
def test_each_issue_word_would_be_caught_in_the_search_index(word):
    index = json.dumps(
        {"docs": [{"location": "x/", "title": "標題", "text": editions.converter("tw2s")(f"請看{word}。")}]},
        ensure_ascii=False,
    )
    assert len(leaks(search_strings(index))) == 1
