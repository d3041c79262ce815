"""Search across scripts: a query in the other script finds the same pages.

Material's search matches the characters typed, so 滞纳金 finds nothing on the
Traditional edition and 滯納金 nothing on the Simplified one. After Material's
search plugin writes ``search/search_index.json``, this hook adds a small table to
the index's ``config``: the guide's own words and characters written in the other
script, each mapped to how this edition writes them, made with OpenCC.
``overrides/assets/javascripts/search.js`` converts each query with it (longest
entry first) before Material's worker sees it, so results and highlights are the
edition's own words. No converter ships to the browser: the table covers only
what the index contains, and it loads with the index, on first use of search.

    {"config": {..., "cross_script": {"滞": "滯", "纳": "納", "征信": "徵信", ...}}, "docs": [...]}

A character goes in alone when it always becomes the same character and never
appears as itself in the edition's text (so a query already in the edition's
script is left as it is); otherwise whole words carry it (征信 → 徵信, but 征 alone stays).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from . import editions  # OpenCC's converters, loaded once per process

# Each edition's script → OpenCC profile that writes its text in the other script.
# Hant: tw2s, as the Simplified edition is made (extra.editions in mkdocs.yml). Hans: s2tw, the
# characters a reader of the Traditional edition types.
TO_OTHER_SCRIPT = {"Hant": "tw2s", "Hans": "s2tw"}
SIMPLIFIED_LANGUAGES = {"zh", "zh-Hans", "zh-CN", "zh-SG"}

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
TAG = re.compile(r"<[^>]+>")


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# After Material's search plugin writes the index (priority 0), before the offline
# plugin inlines it into search_index.js (priority -100).
@event_priority(-50)
def on_post_build(*, config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    script = "Hans" if config.theme["language"] in SIMPLIFIED_LANGUAGES else "Hant"
    index["config"]["cross_script"] = cross_script_table(index_words(index), converter(script))
    # Characters as UTF-8, not \u escapes: the index shrinks by a third.
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def index_words(index: dict) -> set[str]:
    """The runs of Han characters in the index's titles and texts (jieba's words:
    Material's search plugin separates them with zero-width spaces)."""
    words: set[str] = set()
    for doc in index["docs"]:
        for field in ("title", "text"):
            words.update(HAN.findall(TAG.sub("", doc.get(field, ""))))
    return words


def cross_script_table(words: Iterable[str], to_other: Callable[[str], str]) -> dict[str, str]:
    """{other script: this edition's script} for the given words of the edition."""
    words = set(words)
    pairs = {}
    for word in sorted(words):  # where two words share a form (複, 復 → 复), the same one wins every build
        other = to_other(word)
        if other != word and len(other) == len(word):  # OpenCC keeps lengths for these scripts
            pairs[other] = word
    targets: dict[str, set[str]] = {}
    for other, word in pairs.items():
        for o, e in zip(other, word):
            if o != e:
                targets.setdefault(o, set()).add(e)
    own = set("".join(words))
    table = {o: next(iter(es)) for o, es in targets.items() if len(es) == 1 and o not in own}
    for other, word in pairs.items():
        if any(o != e and o not in table for o, e in zip(other, word)):
            table[other] = word
    return dict(sorted(table.items()))


def convert(table: dict[str, str], text: str) -> str:
    """What search.js does with a query: longest table entry first, else the character."""
    longest = max(map(len, table), default=0)
    out, i = [], 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 0, -1):
            if text[i : i + n] in table:
                out.append(table[text[i : i + n]])
                i += n
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def converter(script: str) -> Callable[[str], str]:
    return editions.converter(TO_OTHER_SCRIPT[script])
