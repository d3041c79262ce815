"""hooks/search_scripts.py: the table that lets a query in the other script find the
edition's words, and the conversion search.js does with it."""

from __future__ import annotations

import pytest

from overdue_guide.search_scripts import convert, converter, cross_script_table, index_words

HANT_WORDS = ["滯納金", "徵信", "協商", "征收", "後果", "皇后", "支付寶", "還款"]


@pytest.fixture(scope="module")
def hant_table():
    return cross_script_table(HANT_WORDS, converter("Hant"))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("滞纳金", "滯納金"),
        ("征信", "徵信"),
        ("协商", "協商"),
        ("支付宝还款", "支付寶還款"),
        ("滞纳金 協商", "滯納金 協商"),  # mixed: what is already Traditional stays
        ("滯納金", "滯納金"),
        ("征收", "征收"),  # 征 is also a Traditional character the guide uses: only the word 征信 changes
        ("后果", "後果"),
        ("皇后", "皇后"),
        ("quantum 量子", "quantum 量子"),
    ],
)
def test_simplified_query_becomes_the_traditional_editions_words(hant_table, query, expected):
    assert convert(hant_table, query) == expected


def test_a_character_the_edition_also_uses_as_itself_is_only_converted_in_words(hant_table):
    assert "征" not in hant_table and hant_table["征信"] == "徵信"
    assert "后" not in hant_table and hant_table["后果"] == "後果"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("滯納金", "滞纳金"),
        ("徵信", "征信"),
        ("協商", "协商"),
        ("隨著", "随着"),
        ("滯納金 协商", "滞纳金 协商"),
    ],
)
def test_traditional_query_becomes_the_simplified_editions_words(query, expected):
    table = cross_script_table(["滞纳金", "征信", "协商", "随着", "显著"], converter("Hans"))
    assert convert(table, query) == expected
    assert convert(table, "显著") == "显著"  # 著 is Simplified too: left alone


def test_the_table_covers_only_the_editions_words():
    assert cross_script_table(["支付寶"], converter("Hant")) == {"宝": "寶"}


def test_index_words_reads_titles_and_texts_without_markup():
    index = {"docs": [{"title": "協商", "text": "<p>\u200b滯納金\u200b和\u200b<code>徵信</code></p>"}]}
    assert index_words(index) == {"協商", "滯納金", "和", "徵信"}


def test_the_table_is_the_same_in_every_build_when_two_words_share_a_simplified_form():
    # 複 and 復 are both 复: which one 复 becomes must not depend on the process's hash seed
    # (the built index, and so the service worker's cache name, would change from build to build).
    import subprocess
    import sys

    code = (
        "import json; from overdue_guide import search_scripts as s; "
        "print(json.dumps(s.cross_script_table(['複', '復', '複製', '修復', '答覆'], s.converter('Hant'))))"
    )
    tables = {
        subprocess.run(
            [sys.executable, "-c", code], env={"PYTHONHASHSEED": str(seed)}, capture_output=True, text=True, check=True
        ).stdout
        for seed in range(8)
    }
    assert len(tables) == 1, tables
