"""The guide's own settings in mkdocs.yml (``extra``), as one typed schema.

MkDocs leaves ``extra`` free-form, so nothing checks what the hooks and the build
read from it: the editions, the downloads (``outputs``), the data files, the
offline page's words. This module is their schema, written with MkDocs' own
``config_options`` as Material's plugins and mkdocs-static-i18n write theirs
(``Config`` classes, ``SubConfig``, ``ListOfItems``), and validated once per
build: by the first hook's ``on_config`` (``of``), and by the build command
before any build starts (``validated``).

Its options speak the contributors' language: a mistake is a ``Mistake`` that
knows the keys leading to it, so the message names ``mkdocs.yml:line`` (found
in the YAML tree by yaml_source, not by searching text) and says how to fix it.
A wrong type, a missing or unknown key, an output of an unknown kind, two
editions with one language: each stops the build, whatever Python's flags
(no check here is an ``assert``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mkdocs.config.base import Config, ValidationError
from mkdocs.config.config_options import BaseConfigOption, ListOfItems, Optional, SubConfig, Type
from mkdocs.config.defaults import MkDocsConfig

from . import messages, yaml_source
from .messages import Message
from .problems import Problem, ProblemError

Key = yaml_source.Key

# -----------------------------------------------------------------------------
# Mistakes: what is wrong, at which keys
# -----------------------------------------------------------------------------


class Mistake(ValidationError):
    """A mistake under extra: the keys and list indexes that lead to it, and the message and fix in Chinese.

    `path` is where the line is found; `subject` is what the message names, when that is
    less than the path (the editions list, not the second edition's lang).
    """

    def __init__(
        self, entry: Message, path: Sequence[Key] = (), *, subject: Sequence[Key] | None = None, **values: object
    ):
        self.entry, self.values = entry, values
        self.message, self.fix = entry.text.format(**values), entry.fix.format(**values)
        super().__init__(f"{self.message} — {self.fix}")
        self.path = tuple(path)
        self.subject = self.path if subject is None else tuple(subject)
        self.unknown_key = False  # the mistake is the key itself (its line is the key's)

    def within(self, key: Key) -> Mistake:
        """The same mistake seen from one level up."""
        outer = Mistake(self.entry, (key, *self.path), subject=(key, *self.subject), **self.values)
        outer.unknown_key = self.unknown_key
        return outer

    def describe(self) -> str:
        """What is wrong, with what it is about: 「mkdocs.yml 的 extra.editions 第 2 項的 path「x」寫法不對」."""
        where = "extra"
        after_index = False
        for key in self.subject:
            if isinstance(key, int):
                where += f" 第 {key + 1} 項"
            else:
                where += f"的 {key}" if after_index else f".{key}"
            after_index = isinstance(key, int)
        space = "" if self.message.startswith(("「", "（")) or not where[-1].isascii() else " "
        return f"mkdocs.yml 的 {where}{space}{self.message}"


def unknown_key(key: object, allowed: Iterable[str], *, also: str = "") -> Mistake:
    """A key the schema does not know, reported at the key's own line."""
    mistake = Mistake(
        messages.CONFIG_UNKNOWN_KEY, (str(key),), subject=(), key=key, allowed="、".join(allowed), also=also
    )
    mistake.unknown_key = True
    return mistake


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# -----------------------------------------------------------------------------
# Options
# -----------------------------------------------------------------------------
# Whether an option may be left out is its `needed`: MkDocs sets `required` on every option of a
# class-based Config (and reports a missing one in English), so these options keep their own flag.


class Text(BaseConfigOption[str]):
    """A piece of text written on the key's line (not a list, a number or nothing)."""

    def __init__(self, *, required: bool = True):
        super().__init__()
        self.needed = required

    def run_validation(self, value: object) -> Any:
        if value is None and not self.needed:
            return None
        if _is_empty(value):
            raise Mistake(messages.CONFIG_EMPTY_TEXT)
        if not isinstance(value, str):
            raise Mistake(messages.CONFIG_NOT_TEXT)
        return value


class TextList(BaseConfigOption[list]):
    """A list of pieces of text: [甲, 乙], or one per line starting with "- "."""

    needed = False

    def run_validation(self, value: object) -> Any:
        if value is None:
            return None
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise Mistake(messages.CONFIG_NOT_TEXTS)
        return value


class EditionPath(BaseConfigOption[str]):
    """Where an edition lives under the site's address: "" for the source, else "zh-Hans/"."""

    needed = True

    def run_validation(self, value: object) -> str:
        path = "" if value is None else value
        if not isinstance(path, str) or (
            path and (not path.endswith("/") or path.startswith("/") or ".." in path or path == "/")
        ):
            raise Mistake(messages.EDITION_PATH, value=value)
        return path


class OpenCCProfile(BaseConfigOption[str]):
    """An OpenCC profile (tw2s, t2hk, …) that OpenCC can load; none for the source edition."""

    needed = False

    def run_validation(self, value: object) -> Any:
        if _is_empty(value):
            return None
        from . import editions  # the one cache of OpenCC's converters

        try:
            editions.converter(str(value))
        except Exception:
            raise Mistake(messages.EDITION_PROFILE, value=value) from None
        return str(value)


class Quotes(BaseConfigOption[str]):
    """The four quotation marks an edition writes for the source's 「」『』."""

    needed = False

    def run_validation(self, value: object) -> Any:
        if value is None:
            return None
        if not isinstance(value, str) or len(value) != 4:
            raise Mistake(messages.EDITION_QUOTES, value=value)
        return value


class OneOf(BaseConfigOption[str]):
    """One of a few words (a download's format)."""

    needed = True

    def __init__(self, choices: Sequence[str], entry: Message):
        super().__init__()
        self.choices = tuple(choices)
        self.entry = entry  # the catalogue's message for another value

    def run_validation(self, value: object) -> str:
        if value not in self.choices:
            raise Mistake(self.entry, value=value, choices="、".join(self.choices))
        return str(value)


class OutputFile(Text):
    """Where a download goes inside each edition: a relative path with {lang}, one file per edition."""

    def run_validation(self, value: object) -> Any:
        text = super().run_validation(value)
        if "{lang}" not in text or text.startswith("/") or ".." in text.split("/") or text.endswith("/"):
            raise Mistake(messages.OUTPUT_FILE, value=text)
        return text


class DataFilePath(BaseConfigOption[str]):
    """A data file of the project: a relative path to a .yml file (never outside the project)."""

    needed = True

    def pre_validation(self, config: Config, key_name: str) -> None:
        self.kind = key_name

    def run_validation(self, value: object) -> str:
        if (
            not isinstance(value, str)
            or not value.endswith((".yml", ".yaml"))
            or value.startswith("/")
            or ".." in value.split("/")
        ):
            raise Mistake(messages.CONFIG_DATA_PATH, kind=getattr(self, "kind", "checklist"))
        return value


class Anything(BaseConfigOption[Any]):
    """A key other code owns (Material's extra keys, what the build sets): any value."""

    needed = False

    def run_validation(self, value: object) -> Any:
        return value


class Section(SubConfig):
    """A mapping with the keys of a Config class: each required key once, no other, each value valid.

    MkDocs' SubConfig reports in English and lets unknown keys through as warnings;
    this one raises a Mistake naming the key, in Chinese.
    """

    def __init__(self, config_class: type[Config], *, required: bool = True, missing: Message | None = None):
        super().__init__(config_class)
        self.config_class = config_class  # (SubConfig sets it only for itself, not for a subclass)
        self.needed = required
        self.missing = missing  # the message for a missing required key, if not the generic one

    def run_validation(self, value: object) -> Any:
        if value is None and not self.needed:
            return None
        schema = dict(self.config_class._schema)
        if not isinstance(value, dict):
            raise Mistake(messages.CONFIG_NOT_MAPPING, keys="、".join(schema))
        unknown = [key for key in value if key not in schema]
        if unknown:
            raise unknown_key(unknown[0], schema)
        missing = [key for key, option in schema.items() if getattr(option, "needed", False) and key not in value]
        if missing:
            raise Mistake(self.missing or messages.CONFIG_MISSING, missing="、".join(missing))
        section = self.config_class(config_file_path=self._config_file_path)
        section.load_dict(value)
        failed, _ = section.validate()
        if failed:
            key, error = failed[0]
            raise (error if isinstance(error, Mistake) else Mistake(messages.CONFIG_OTHER, detail=error)).within(key)
        return section


class Entries(ListOfItems):
    """A list of sections (the editions, the downloads), each checked as its Section says."""

    def __init__(self, section: Section, *, required: bool = True, at_least: int = 1, what: str = "一串項目"):
        super().__init__(section, default=[] if not required else None)
        self.needed = required
        self.at_least = at_least
        self.what = what

    def run_validation(self, value: object) -> Any:
        if value is None and not self.needed:
            return []
        if not isinstance(value, list) or len(value) < self.at_least:
            raise Mistake(messages.CONFIG_NOT_LIST, what=self.what)
        items = []
        for index, item in enumerate(value):
            try:
                items.append(self.option_type.run_validation(item))
            except Mistake as mistake:
                raise mistake.within(index) from None
        self.check(items)
        return items

    def check(self, items: list) -> None:
        """Rules across the items (none here)."""


class Editions(Entries):
    """extra.editions: the source edition first (no path, no profile), then each edition made from it."""

    def check(self, items: list) -> None:
        first = items[0]
        if first.opencc or first.path:
            raise Mistake(messages.EDITION_SOURCE_FIRST, (0,), subject=())
        for kind in ("lang", "path"):
            seen: set[str] = set()
            for index, item in enumerate(items):
                if item[kind] in seen:
                    raise Mistake(messages.EDITION_DUPLICATE, (index, kind), subject=(), kind=kind)
                seen.add(item[kind])


class Outputs(Entries):
    """extra.outputs: one download of each format at most; the PDF is printed from the single page."""

    def check(self, items: list) -> None:
        formats = [item.format for item in items]
        for index, fmt in enumerate(formats):
            if fmt in formats[:index]:
                raise Mistake(messages.OUTPUT_TWICE, (index, "format"), subject=(), format=fmt)
        if "pdf" in formats and "html" not in formats:
            raise Mistake(messages.PDF_WITHOUT_HTML, (formats.index("pdf"), "format"), subject=())


class Strings(BaseConfigOption[dict]):
    """The words a file shows readers: a mapping of texts, each of `keys`, any of `optional`, nothing else."""

    def __init__(self, keys: Iterable[str] = (), optional: Iterable[str] = (), *, required: bool = True):
        super().__init__()
        self.keys, self.optional, self.needed = tuple(keys), tuple(optional), required

    def run_validation(self, value: object) -> Any:
        if value is None and not self.needed:
            return {}
        allowed = (*self.keys, *self.optional)
        if not isinstance(value, dict):
            raise Mistake(messages.CONFIG_NOT_MAPPING, keys="、".join(allowed))
        for key in value:
            if key not in allowed:
                raise unknown_key(key, allowed)
        missing = [key for key in self.keys if key not in value]
        if missing:
            raise Mistake(messages.CONFIG_MISSING, missing="、".join(missing))
        text = Text()
        for key, words in value.items():
            try:
                text.run_validation(words)
            except Mistake as mistake:
                raise mistake.within(key) from None
        return value


# -----------------------------------------------------------------------------
# The schema
# -----------------------------------------------------------------------------

# The words the downloads and the offline page show (their modules fill them in).
SINGLE_PAGE_STRINGS = ("note", "toc", "search_label", "search_placeholder", "search_button", "found", "none", "top")
OFFLINE_PAGE_STRINGS = ("title", "explanation", "home", "retry")
# What an output of each format says in its own file (the PDF's opening line replaces the single page's note).
OUTPUT_STRINGS = {"html": SINGLE_PAGE_STRINGS, "pdf": (), "zip": ()}
FORMATS = tuple(OUTPUT_STRINGS)


class EditionSettings(Config):
    lang = Text()  # language tag: <html lang>, hreflang
    name = Text()  # on the switch, in its own script
    path = EditionPath()  # "" or "zh-Hans/"
    opencc = OpenCCProfile()  # the profile that makes it from the source; none for the source
    suggest_to = TextList()  # browsers' first Chinese languages shown the suggestion to read it
    suggestion = Text(required=False)
    dismiss = Text(required=False)
    quotes = Quotes()


class OutputSettings(Config):
    format = OneOf(FORMATS, messages.OUTPUT_FORMAT)
    file = OutputFile()
    label = Text(required=False)  # the footer's name for it (the format if none)
    purpose = Text(required=False)
    strings = Strings(optional=(*SINGLE_PAGE_STRINGS,), required=False)

    def validate(self):
        """The strings its format needs (the single page's words), once the format is known."""
        failed, warnings = super().validate()
        if not failed:
            needed = [key for key in OUTPUT_STRINGS[self.format] if key not in (self.strings or {})]
            if needed:
                missing = "、".join(needed)
                failed.append(
                    ("strings", Mistake(messages.OUTPUT_STRINGS_MISSING, missing=missing, format=self.format))
                )
        return failed, warnings


class DataFiles(Config):
    checklist = DataFilePath()
    glossary = DataFilePath()
    budget = DataFilePath()
    letter = DataFilePath()
    hotlines = DataFilePath()


class ReportError(Config):
    label = Text()
    form = Text()


class DownloadStrings(Config):
    offline = Text()


class GuideSettings(Config):
    """extra in mkdocs.yml."""

    data_ = Section(DataFiles)  # "data": the trailing _ keeps it off UserDict's own .data
    editions = Editions(Section(EditionSettings, missing=messages.EDITION_MISSING), what="一串版本")
    outputs = Outputs(Section(OutputSettings), required=False, at_least=0)
    short_title = Text(required=False)
    report_error = Section(ReportError, required=False)
    download_strings = Section(DownloadStrings, required=False)
    offline_page = Strings(OFFLINE_PAGE_STRINGS)
    # Set by the build, never written in mkdocs.yml: the edition it makes, its downloads' sizes and files.
    edition = Text(required=False)
    download_sizes = Anything()
    download_files = Anything()
    # The service worker's precache budget in bytes, set only by scripts/bench's synthetic 1,000-page site
    # (service_worker.py's PRECACHE_BUDGET otherwise): an int, as MkDocs' own option checks it.
    precache_budget = Optional(Type(int))
    # Material for MkDocs' own keys under extra (its documentation), left to it.
    alternate = Anything()
    analytics = Anything()
    annotate = Anything()
    consent = Anything()
    generator = Anything()
    homepage = Anything()
    polyfills = Anything()
    scope = Anything()
    social = Anything()
    status = Anything()
    tags = Anything()
    version = Anything()


# -----------------------------------------------------------------------------
# Validating, and saying where
# -----------------------------------------------------------------------------


def check(extra: object) -> GuideSettings:
    """extra as typed settings; the first Mistake (with its keys) if anything in it is wrong."""
    settings = GuideSettings()
    if not isinstance(extra, Mapping):  # MkDocs' own config holds it as a Config, a Mapping
        raise Mistake(messages.CONFIG_NOT_MAPPING, keys="editions、outputs、data 等")
    settings.load_dict(dict(extra))
    failed, warnings = settings.validate()
    if failed:
        key, error = failed[0]
        raise (error if isinstance(error, Mistake) else Mistake(messages.CONFIG_OTHER, detail=error)).within(key)
    unknown = [key for key, _ in warnings if key not in settings._schema_keys]
    if unknown:
        written = [key for key, option in settings._schema if not isinstance(option, Anything) and key != "edition"]
        raise unknown_key(unknown[0], written, also="，或 Material 的 extra 設置")
    return settings


def located(mistake: Mistake, config_file: str | Path, name: str | None = None) -> Problem:
    """The mistake as the contributor reads it: ``mkdocs.yml:line: … — fix``, at the line of its keys."""
    root = yaml_source.compose_file(config_file)
    path = ("extra", *mistake.path)
    node = yaml_source.key_node(root, path) if mistake.unknown_key else None
    line = yaml_source.line(node) if node is not None else yaml_source.line_at(root, path)
    return Problem(name or Path(config_file).name, line, None, mistake.describe(), mistake.fix)


def read_extra(config_file: str | Path) -> Any:
    """extra as MkDocs reads mkdocs.yml (its own loader: !ENV and !relative resolved as a build resolves them),
    for the commands that check it before any build; YAML errors are the caller's to report."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as file:
        return (yaml_load(file) or {}).get("extra")


def location(config_file: str | Path, *path: Key) -> tuple[str, int]:
    """(mkdocs.yml, line) of a setting (its keys from the top of the file), for messages about its value."""
    return Path(config_file).name, yaml_source.line_at(yaml_source.compose_file(config_file), path)


def validated(extra: object, config_file: str | Path, *, name: str | None = None) -> GuideSettings:
    """check(), or ProblemError naming mkdocs.yml's line and the fix (`name`: how to call the file)."""
    try:
        return check(extra)
    except Mistake as mistake:
        raise ProblemError(located(mistake, config_file, name)) from None


def data_file(config: MkDocsConfig, kind: str) -> str:
    """The path of one data file (``extra.data.<kind>``), checked by the schema's own option for it.

    Each data hook asks for its own file only, so a hook works (and is tested) without the others' settings.
    """
    paths = config.extra.get("data")
    if not isinstance(paths, Mapping) or kind not in paths:
        mistake = Mistake(messages.CONFIG_DATA_MISSING, kind=kind).within("data")
        raise ProblemError(located(mistake, config.config_file_path))
    path = DataFilePath()  # the option DataFiles gives each of its keys
    path.kind = kind
    try:
        return path.run_validation(paths[kind])
    except Mistake as mistake:
        raise ProblemError(located(mistake.within(kind).within("data"), config.config_file_path)) from None


STATE = "guide_settings"  # where a build keeps its validated settings on its config


def of(config: MkDocsConfig) -> GuideSettings:
    """This build's settings, validated on first use (the first hook's on_config), as mkdocs.yml writes them."""
    if STATE not in config:
        config[STATE] = validated(config.extra, config.config_file_path)
    return config[STATE]
