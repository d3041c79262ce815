"""Editions: the same guide in each script, converted in memory while it builds.

``extra.editions`` in mkdocs.yml is the one list of editions: a language tag,
the name shown on the switch (written in its own script), the path under the
site's address, and the OpenCC profile that makes it from the zh-Hant source
(none for the source edition itself). Contributors edit only the zh-Hant
source; an edition with a profile is made from it at build time:

- pages: each page's Markdown is converted when MkDocs reads it (on_files),
  so its file name, URL and line numbers stay those of the source, and every
  error names the source file and line;
- data: the checklist and glossary hooks read their data files through
  ``convert(config, text)`` (hooks/data_file.py);
- theme strings: templates from ``overrides/`` are converted as Jinja loads
  them, and so are the reader-visible strings of mkdocs.yml;
- typography: an edition may name its quotation marks (``quotes``): the
  Simplified edition writes “” and ‘’ where the source has 「」 and 『』
  (mainland usage, GB/T 15834), outside code, in the same conversion, so
  pages, data, theme strings and every download made from them agree.

Which edition a build makes is ``extra.edition`` (a language tag), which
scripts/build sets for each build of its matrix; a plain ``mkdocs build`` or
``mkdocs serve`` builds the first edition, or the one named by the EDITION
environment variable. OpenCC converts character by character with phrase
tables, so ASCII (ids, URLs, Markdown and Jinja syntax) passes through.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from . import (
    data_file,  # shared reading of contributors' files
    messages,
)
from .problems import ProblemError

# Config strings a reader sees; everything else in mkdocs.yml is left alone.
READER_KEYS = ("site_name", "site_description", "site_author", "copyright", "repo_name")
# How deep and how many strings the conversion walks through nav and extra (a bound against
# hostile YAML: aliases can make a small file describe an enormous tree).
MAX_DEPTH = 20
MAX_STRINGS = 10_000


# What else an edition may say, for the templates, in its own script (never converted):
# the suggestion to read it, shown on the other editions (overrides/assets/javascripts/edition.js).
OPTIONAL = ("suggest_to", "suggestion", "dismiss", "quotes")
SOURCE_QUOTES = "「」『』"  # the source's quotation marks, in the order an edition's `quotes` replaces them


@dataclass(frozen=True)
class Edition:
    lang: str  # language tag: <html lang>, hreflang
    name: str  # on the switch, in its own script
    path: str  # "" or "zh-Hans/": where it lives under the site's address
    opencc: str | None  # the OpenCC profile that makes it from the source; None for the source
    more: tuple = field(default=(), compare=False)  # (key, value) of the OPTIONAL keys it gives

    @property
    def quotes(self) -> str | None:
        """Its quotation marks for the source's 「」『』 (four characters), or None to keep them."""
        return dict(self.more).get("quotes") or None

    def as_extra(self) -> dict[str, Any]:
        return {"lang": self.lang, "name": self.name, "path": self.path, "opencc": self.opencc, **dict(self.more)}


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Before every other hook and plugin: they read the edition's language and strings.
@event_priority(200)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    editions = parse(config.extra.get("editions"))
    wanted = config.extra.get("edition") or os.environ.get("EDITION") or editions[0].lang
    edition = select(editions, wanted)
    config.extra["editions"] = [e.as_extra() for e in editions]
    config.extra["edition"] = edition.lang
    config.extra["edition_path"] = edition.path
    if edition.opencc and has_language(config, edition.lang):
        config.theme["language"] = edition.lang  # its own interface strings (overrides/partials/languages/)
    # else the source's, converted with the other templates; <html lang> is the edition's either way
    # (overrides/partials/language.html).
    if edition.path and config.site_url:  # without one, MkDocs and the templates write no absolute URL
        config.site_url = config.site_url.rstrip("/") + "/" + edition.path
    if edition.opencc:
        convert_config(config, edition_converter(edition.opencc, edition.quotes))
    config.extra["downloads"] = downloads(config.extra.get("outputs"), edition, config.extra.get("download_sizes"))
    return config


@event_priority(200)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    convert = text_converter(config)
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue  # generated in memory by a plugin: not a contributor's file
        text = data_file.read(file.abs_src_path, f"docs/{file.src_uri}")  # stops at bad encoding, naming the line
        if convert:
            file.content_string = convert_keeping_targets(text, convert)
        # else MkDocs reads the file itself, as it does without this hook: not a second copy of every page
        # held in memory for the whole build.
    return files


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    convert = text_converter(config)
    custom_dir = config.theme.custom_dir
    if convert and custom_dir and env.loader is not None:
        env.loader = ConvertingLoader(env.loader, convert, os.path.abspath(custom_dir))
    return env


# -----------------------------------------------------------------------------
# Helpers: which edition
# -----------------------------------------------------------------------------


def parse(value: Any) -> list[Edition]:
    """extra.editions, checked; the first edition is the source (no profile)."""
    where = "mkdocs.yml 的 extra.editions"
    if not isinstance(value, list) or not value:
        raise PluginError(f"{where} 應該是一串版本 — 每個版本寫 lang、name、path、opencc")
    editions: list[Edition] = []
    for number, entry in enumerate(value, start=1):
        if not isinstance(entry, dict) or not {"lang", "name", "path"} <= entry.keys():
            raise PluginError(f"{where} 第 {number} 項缺少 lang、name 或 path — 三項都要寫")
        unknown = entry.keys() - {"lang", "name", "path", "opencc", *OPTIONAL}
        if unknown:
            raise PluginError(
                f"{where} 第 {number} 項有不認識的字段「{'、'.join(sorted(unknown))}」"
                f" — 只能有 lang、name、path、opencc、{'、'.join(OPTIONAL)}"
            )
        path = str(entry["path"] or "")
        if path and (not path.endswith("/") or path.startswith("/") or ".." in path):
            raise PluginError(f"{where} 第 {number} 項的 path「{path}」寫法不對 — 寫成「zh-Hans/」，或留空給原文版")
        profile = entry.get("opencc") or None
        if profile is not None:
            try:
                converter(str(profile))
            except Exception:
                raise PluginError(
                    f"{where} 第 {number} 項的 opencc「{profile}」不是 OpenCC 的轉換設定"
                    f" — 例如 tw2s（繁→簡）、t2hk（繁→香港繁體）"
                ) from None
        quotes = entry.get("quotes")
        if quotes is not None and (not isinstance(quotes, str) or len(quotes) != len(SOURCE_QUOTES)):
            raise PluginError(
                f"{where} 第 {number} 項的 quotes「{quotes}」寫法不對"
                f' — 依次寫出代替「」『』的四個引號，例如 quotes: "“”‘’"'
            )
        more = tuple((key, entry[key]) for key in OPTIONAL if key in entry)
        editions.append(Edition(str(entry["lang"]), str(entry["name"]), path, str(profile) if profile else None, more))
    if editions[0].opencc or editions[0].path:
        raise PluginError(f"{where} 的第一項是原文版（docs/ 裡的繁體原文）— 它的 path 留空、不寫 opencc")
    for kind in ("lang", "path"):
        values = [getattr(e, kind) for e in editions]
        if len(set(values)) != len(values):
            raise PluginError(f"{where} 裡有兩個版本的 {kind} 相同 — 每個版本的 {kind} 都要不同")
    return editions


def select(editions: list[Edition], lang: str) -> Edition:
    for edition in editions:
        if edition.lang == lang:
            return edition
    known = "、".join(e.lang for e in editions)
    raise PluginError(f"沒有語言為「{lang}」的版本 — extra.editions 裡有：{known}")


def has_language(config: MkDocsConfig, lang: str) -> bool:
    """Whether the theme (Material or overrides/) has interface strings for this language tag."""
    return any(
        os.path.isfile(os.path.join(folder, "partials", "languages", f"{lang}.html")) for folder in config.theme.dirs
    )


def downloads(outputs: Any, edition: Edition, sizes: dict[str, int] | None = None) -> list[dict[str, Any]]:
    """The edition's downloads (extra.outputs) for templates: format, label, purpose, url inside the edition,
    and, when scripts/build made them before the site (extra.download_sizes), bytes and size."""
    found = []
    for output in outputs or []:
        if not (isinstance(output, dict) and "format" in output and "file" in output):
            continue
        entry: dict[str, Any] = {
            "format": str(output["format"]),
            "label": str(output.get("label", output["format"])),
            "url": str(output["file"]).format(lang=edition.lang),
            "purpose": str(output.get("purpose", "")),
        }
        if sizes and output["format"] in sizes:
            entry |= {"bytes": sizes[output["format"]], "size": human_size(sizes[output["format"]])}
        found.append(entry)
    return found


def human_size(size: int) -> str:
    """1234 → '1.2 KB', 86392 → '84 KB', 941284 → '919 KB', 2_500_000 → '2.4 MB' (1 KB = 1024 bytes)."""
    value, unit = float(size), "B"
    for unit in ("B", "KB", "MB"):
        if value < 1024 or unit == "MB":
            break
        value /= 1024
    if unit == "B":
        return f"{size} B"
    return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"


def current(config: MkDocsConfig) -> Edition:
    """The edition this build makes (after on_config)."""
    return select(parse(config.extra["editions"]), config.extra["edition"])


# Where a link or an image points: a file name, not words to convert (還款.png stays 還款.png).
# Markdown's ](target) and ](<target with spaces>), a reference's [id]: target, raw HTML's src= and href=.
TARGET = re.compile(
    r"""(?<=\]\()\s*(?:<[^<>\n]*>|[^)\s]+)|(?<=\]:)[ \t]*\S+"""
    r"""|\b(?:src|href)\s*=\s*(?:"[^"\n]*"|'[^'\n]*')""",
    re.MULTILINE | re.IGNORECASE,
)


def convert_keeping_targets(text: str, convert: Callable[[str], str]) -> str:
    """A page's text converted, but not where its links and images point (so they find their files)."""
    parts, at = [], 0
    for match in TARGET.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if text[match.start() - 2 : match.start()] == "]:" and not text[line_start:].lstrip(" ").startswith("["):
            continue  # "]:" in a sentence, not a reference definition at the start of its line
        parts += [convert(text[at : match.start()]), match[0]]
        at = match.end()
    return "".join(parts) + convert(text[at:])


def text_converter(config: MkDocsConfig) -> Callable[[str], str] | None:
    """The conversion from the source's text to this build's edition, or None for the source."""
    edition = current(config) if "edition" in config.extra else None
    return edition_converter(edition.opencc, edition.quotes) if edition and edition.opencc else None


def convert(config: MkDocsConfig, text: str) -> str:
    """`text` (from the zh-Hant source) as this build's edition writes it."""
    convert_text = text_converter(config)
    return convert_text(text) if convert_text else text


@cache
def edition_converter(profile: str, quotes: str | None = None) -> Callable[[str], str]:
    """An edition's whole conversion of the source's text: OpenCC's profile, then its quotation marks."""
    to_script = converter(profile)
    if not quotes:
        return to_script
    table = str.maketrans(SOURCE_QUOTES, quotes)
    return lambda text: replace_quotes(to_script(text), table)


INLINE_CODE = re.compile(r"(`+).+?\1")


def replace_quotes(text: str, table: dict[int, int]) -> str:
    """The text with its quotation marks swapped by `table`, except in Markdown code (fences, `spans`)."""
    if not any(chr(code) in text for code in table):
        return text  # most strings: nothing to do
    out, fence = [], None
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip()
        if fence or stripped.startswith(("```", "~~~")):
            if fence is None:
                fence = stripped[:3]
            elif stripped.startswith(fence):
                fence = None
            out.append(line)
            continue
        last = 0
        for code in INLINE_CODE.finditer(line):
            out += [line[last : code.start()].translate(table), code[0]]
            last = code.end()
        out.append(line[last:].translate(table))
    return "".join(out)


@cache
def converter(profile: str) -> Callable[[str], str]:
    """OpenCC's converter for a profile (tw2s, t2hk, …), loaded once per process."""
    import opencc

    return opencc.OpenCC(profile).convert


# -----------------------------------------------------------------------------
# Helpers: converting what mkdocs.yml says to readers
# -----------------------------------------------------------------------------


def convert_config(config: MkDocsConfig, convert: Callable[[str], str]) -> None:
    """Convert the reader-visible strings of the config in place (not edition names, not URLs)."""
    for key in READER_KEYS:
        if isinstance(config.get(key), str):
            config[key] = convert(config[key])
    for palette in config.theme.get("palette") or []:
        toggle = palette.get("toggle") if isinstance(palette, dict) else None
        if isinstance(toggle, dict) and isinstance(toggle.get("name"), str):
            toggle["name"] = convert(toggle["name"])
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and isinstance(toc.get("permalink_title"), str):
        toc["permalink_title"] = convert(toc["permalink_title"])
    budget = [MAX_STRINGS]
    where = "nav"
    try:
        if config.nav:
            config.nav = convert_value(config.nav, convert, budget=budget, keys=True)
        for key, value in list(config.extra.items()):
            if key not in {"editions", "edition", "edition_path", "download_sizes"}:
                where = key
                config.extra[key] = convert_value(value, convert, budget=budget)
    except ProblemError as error:
        path, line = data_file.config_where(config, f"{where}:", after="extra:" if where != "nav" else where)
        raise ProblemError([replace(problem, path=path, line=line) for problem in error.problems]) from None


def convert_value(
    value: Any, convert: Callable[[str], str], *, budget: list[int], keys: bool = False, depth: int = 0
) -> Any:
    """Every string in a YAML value converted; dict keys too if `keys` (nav titles are keys).

    Bounded: hostile YAML (aliases nested in aliases) can describe a tree of
    billions of strings in a few lines; past MAX_DEPTH or MAX_STRINGS the build stops.
    """
    if depth > MAX_DEPTH or budget[0] <= 0:
        raise ProblemError(messages.CONFIG_TOO_BIG.at("mkdocs.yml", 0, depth=MAX_DEPTH, strings=MAX_STRINGS))
    if isinstance(value, str):
        budget[0] -= 1
        # In the nav (keys=True) titles are keys; a value is a page's file name or a URL, never converted.
        return value if keys or _looks_like_url(value) else convert(value)
    if isinstance(value, dict):
        return {
            (
                convert_value(k, convert, budget=budget, depth=depth + 1) if keys and isinstance(k, str) else k
            ): convert_value(v, convert, budget=budget, keys=keys, depth=depth + 1)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [convert_value(v, convert, budget=budget, keys=keys, depth=depth + 1) for v in value]
    return value


def _looks_like_url(text: str) -> bool:
    return text.isascii()


# -----------------------------------------------------------------------------
# Helpers: templates
# -----------------------------------------------------------------------------


class ConvertingLoader(jinja2.BaseLoader):
    """A Jinja loader that converts the project's own templates (overrides/) as it reads them.

    Material's templates are left alone: they hold no reader-visible Chinese
    (their strings come from the language partials, which theme.language picks).
    """

    def __init__(self, inner: jinja2.BaseLoader, convert: Callable[[str], str], custom_dir: str):
        self.inner = inner
        self.convert = convert
        self.custom_dir = custom_dir + os.sep

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        if filename and os.path.abspath(filename).startswith(self.custom_dir):
            source = self.convert(source)
        return source, filename, uptodate

    def list_templates(self):
        return self.inner.list_templates()
