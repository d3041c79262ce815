"""Everything the Pages deploy publishes, built in one process (scripts/build).

The matrix is configuration: ``extra.editions`` in mkdocs.yml lists the
editions (the zh-Hant source first, then each edition OpenCC makes from it),
``extra.outputs`` the downloads made for each edition besides its site:

    site/                                        the first edition (zh-Hant)
    site/<output file>                           its downloads (extra.outputs)
    site/zh-Hans/                                the next edition, under its path
    site/zh-Hans/<output file>                   its downloads

Every build runs through MkDocs' Python API in this process, strict: any
warning, hook error or content-lint problem stops everything, and what is
printed names the source file and line (for a problem only the zh-Hans build
meets, the zh-Hant source line, tagged with the edition). Publishing is atomic
(scripts/publish.py): the old site/ stays exactly as it was unless everything
succeeded.

    scripts/build [SITE_DIR]
    scripts/offline-bundle [--format zip] [--edition zh-Hans]
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from mkdocs.exceptions import BuildError

from . import (
    editions,
    messages,
    page_checks,
    project,  # the project's folder, passed down
    publish,
    script_purity,
    settings,  # the schema of extra: editions, outputs, data
)
from .problems import RECORD_ATTRIBUTE, Problem, ProblemError, unique


class BuildFailed(Exception):
    """A build stopped; `problems` say where and how to fix each thing that stopped it."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(problem.format() for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class Output:
    format: str  # html, pdf or zip (FORMATS)
    file: str  # where it goes inside its edition, with {lang}: download/guide-{lang}.zip
    label: str  # what the footer calls it

    def path(self, edition: editions.Edition) -> str:
        return self.file.format(lang=edition.lang)


# -----------------------------------------------------------------------------
# The matrix
# -----------------------------------------------------------------------------


def read_matrix(config_file: Path | None = None) -> tuple[list[editions.Edition], list[Output]]:
    """The editions and outputs mkdocs.yml names (extra.editions, extra.outputs); by default the current folder's."""
    config_file = project.config_path(config_file)
    deep = config_too_deep(config_file)
    if deep:
        raise BuildFailed([deep])
    try:
        extra = settings.read_extra(config_file)
    except Exception as error:  # mkdocs.yml itself is broken: MkDocs' own load reports it properly
        raise BuildFailed(format_config_error(config_file, error)) from None
    oversized = config_too_large(config_file)
    if oversized:
        raise BuildFailed([oversized])
    gate = missing_gate(config_file)
    if gate:
        raise BuildFailed(gate)
    try:
        checked = settings.validated(extra, config_file, name=_display(config_file))
    except ProblemError as error:
        raise BuildFailed(error.problems) from None
    found = [editions.Edition.of(entry) for entry in checked.editions]
    outputs = [Output(o.format, o.file, o.label or o.format) for o in checked.outputs]
    return found, outputs


# The hooks that keep unsafe or personal things off the site: scripts/build does not publish without them.
REQUIRED_HOOKS = ("hooks/page_checks.py", "hooks/safe_html.py")


def missing_gate(config_file: Path) -> list[Problem]:
    """A problem for each required hook mkdocs.yml does not list, and for each symlink in the sources."""
    import yaml

    from . import publishable, yaml_source

    root = yaml_source.compose_file(config_file)
    hooks = yaml_source.node_at(root, ("hooks",))
    written = hooks.value if isinstance(hooks, yaml.SequenceNode) else []
    listed = [str(hook.value).replace("\\", "/").lstrip("./") for hook in written if hasattr(hook, "value")]
    key = yaml_source.key_node(root, ("hooks",))
    line = yaml_source.line(key) if key is not None else 1
    problems = [
        messages.GATE_HOOK_MISSING.at(_display(config_file), line, hook=hook)
        for hook in REQUIRED_HOOKS
        if hook not in listed
    ]
    return problems + publishable.symlinks(config_file.parent)


def lint(config_file: Path | None = None) -> None:
    """The whole content lint on the project of config_file; BuildFailed with its problems.

    (Every build, whatever starts it, runs its personal-data part: hooks/page_checks.py.)
    """
    from . import lint_content

    config_file = project.config_path(config_file)
    # Size and nesting first: past them the lint's own parsers (AutoCorrect's, native code) crash.
    problems = page_checks.hostile_files(config_file.parent, config_file.parent / "docs") or lint_content.lint_project(
        config_file.parent
    )
    if problems:
        raise BuildFailed(problems)


def build_all(site_dir: Path, *, config_file: Path | None = None, site_url: str | None = None) -> Path:
    """Every edition and output into site_dir, replaced only if everything succeeded."""
    config_file = project.config_path(config_file)
    all_editions, outputs = read_matrix(config_file)
    lint(config_file)
    try:
        with publish.publishing(site_dir) as staging:
            work = staging / ".work"
            for edition in all_editions:  # the source edition first: its build empties the folder
                made = make_downloads(config_file, edition, outputs, work / edition.lang, site_url)
                # The build copies the downloads in (hooks/downloads.py): its service worker lists them.
                extra = {
                    "download_sizes": {fmt: path.stat().st_size for fmt, path in made.items()},
                    "download_files": {fmt: str(path) for fmt, path in made.items()},
                }
                build_edition(config_file, edition, staging / edition.path, site_url=site_url, extra=extra)
            shutil.rmtree(work, ignore_errors=True)
    except publish.PublishError as error:
        raise BuildFailed([error.problem]) from None
    return site_dir


def check_all(*, config_file: Path | None = None) -> list[str]:
    """The contributors' quick check: every edition's site, strict, into a folder thrown away after.

    The content lint runs inside every build (hooks/page_checks.py). Returns a line per edition.
    """
    import tempfile

    config_file = project.config_path(config_file)
    lint(config_file)
    done = ["內容檢查：沒有問題"]
    with tempfile.TemporaryDirectory(prefix="guide-check-") as tmp:
        for edition in read_matrix(config_file)[0]:
            build_edition(config_file, edition, Path(tmp) / edition.lang)
            done.append(f"{edition.lang}（{edition.name}）：建置通過")
    return done


def build_edition(
    config_file: Path,
    edition: editions.Edition,
    dest: Path,
    *,
    site_url: str | None = None,
    offline: bool = False,
    extra: dict | None = None,
):
    """One edition's site (or, offline, the site the downloads are made from) into dest; checks its script.

    Returns the build's config: its extra holds the edition's converted strings.
    """
    config = run_mkdocs(config_file, edition, dest, site_url=site_url, offline=offline, extra=extra)
    skip = tuple(dest / other.path for other in read_matrix(config_file)[0] if other.path and other != edition)
    allowlist = script_purity.load_allowlist(config_file.parent / "data" / "script-allowlist.yml")
    problems = script_purity.check_site(dest, edition=edition, allowlist=allowlist, skip=skip)
    if problems:
        pages: dict[Problem, list[str]] = {}  # one problem per source place, not one per built page showing it
        for leftover in problems:
            pages.setdefault(purity_problem(leftover, config_file), []).append(leftover.file)
        raise BuildFailed([problem.noted(_on_pages(built) + _tag(edition)) for problem, built in pages.items()])
    return config


def _on_pages(built: list[str]) -> str:
    if len(built) == 1:
        return messages.ON_ONE_PAGE.format(page=built[0])
    return messages.ON_PAGES.format(count=len(built), page=built[0])


# The formats extra.outputs may name (settings.py); make_downloads makes them.
FORMATS = settings.FORMATS


def make_downloads(
    config_file: Path, edition: editions.Edition, outputs: list[Output], work: Path, site_url: str | None
) -> dict[str, Path]:
    """Each of the edition's downloads, made in work: {format: file}.

    The zip and the single page come from one offline build (Material's offline
    plugin: .html links, the search index inlined); the PDF is printed from the
    single page, so it needs the html output too.
    """
    formats = {output.format: output for output in outputs}
    if not formats:
        return {}
    made: dict[str, Path] = {}
    offline_site = work / "offline-site"
    config = build_edition(config_file, edition, offline_site, site_url=site_url, offline=True)
    if "zip" in formats:
        made["zip"] = zip_site(offline_site, work / Path(formats["zip"].path(edition)).name)
    if "html" in formats:
        from . import single_page

        strings = next(o.get("strings") or {} for o in config.extra["outputs"] if o.get("format") == "html")
        made["html"] = single_page.build_single_page(
            offline_site, work / Path(formats["html"].path(edition)).name, lang=edition.lang, strings=strings
        )
        problems = personal_data_in_download(made["html"], formats["html"].path(edition), config_file)
        if problems:
            raise BuildFailed([problem.noted(_tag(edition)) for problem in problems])
    if "pdf" in formats:
        from . import pdf

        # Printed from its own copy of the single page, whose opening line speaks of the PDF
        # (extra.outputs, format pdf: strings.note), not of a file with a search box.
        pdf_strings = next(o.get("strings") or {} for o in config.extra["outputs"] if o.get("format") == "pdf")
        printed = single_page.build_single_page(
            offline_site, work / "print" / "index.html", lang=edition.lang, strings={**strings, **pdf_strings}
        )
        try:
            made["pdf"] = pdf.build_pdf(printed, work / Path(formats["pdf"].path(edition)).name)
        except pdf.MissingTool as missing:
            problem = missing.problem if missing.problem.path else replace(missing.problem, path=_display(config_file))
            raise BuildFailed([problem]) from None
    # Before the edition's site is finished: its service worker lists what is in the folder then.
    shutil.rmtree(offline_site, ignore_errors=True)
    # The printed copy too: the source edition's work folder sits inside its site until the end, and
    # the service worker would precache a page that is gone (a 404 fails its install).
    shutil.rmtree(work / "print", ignore_errors=True)
    return made


def personal_data_in_download(path: Path, name: str, config_file: Path) -> list[Problem]:
    """Personal data in a download's built text (its pages are checked as they are built; its own words too)."""
    from . import page_checks

    rules = page_checks.allowed_personal_data(config_file.parent)
    found = page_checks.built_personal_data(path.read_text(encoding="utf-8"), page_checks.lint_module(), rules)
    return [messages.PERSONAL_DATA_IN_DOWNLOAD.at(name, 1, kind=kind, found=text) for text, kind in found]


def zip_site(site: Path, zip_path: Path) -> Path:
    """The offline bundle: the site under one folder named after the zip, in a stable order."""
    folder = zip_path.stem
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            bundle.write(path, f"{folder}/{path.relative_to(site).as_posix()}")
    return zip_path


# -----------------------------------------------------------------------------
# One MkDocs build, in this process
# -----------------------------------------------------------------------------


def run_mkdocs(
    config_file: Path,
    edition: editions.Edition,
    site_dir: Path,
    *,
    site_url: str | None = None,
    offline: bool = False,
    extra: dict | None = None,
):
    """`mkdocs build --strict` for one edition, through MkDocs' API; BuildFailed with readable problems."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    overrides = {"site_dir": str(site_dir), "strict": True}
    if site_url:
        overrides["site_url"] = site_url
    with collected_logs() as collector:
        try:
            config = load_config(str(config_file), **overrides)
            collector.config = config
            config.extra["edition"] = edition.lang
            config.extra.update(extra or {})
            offline_plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
            if offline_plugin is not None:
                offline_plugin.config.enabled = offline
            build(config)
            failure = None
        except (Abort, BuildError, ConfigurationError) as error:
            failure = (
                error.problems
                if isinstance(error, ProblemError)
                else [Problem(_display(config_file), 0, None, str(error))]
            )
        except KeyboardInterrupt:
            raise
        except Exception as error:  # a crash in a template, plugin or hook
            failure = [describe_crash(error, config_file)]
    problems = translate_all(collector.records, config_file)
    if failure is not None or problems:
        raise BuildFailed([problem.noted(_tag(edition)) for problem in problems or failure or []])
    return config


@dataclass(frozen=True)
class Logged:
    """A warning or error MkDocs logged, with what was true when it was logged."""

    record: logging.LogRecord
    exception: BaseException | None  # the exception being handled when it was logged (MkDocs logs what it raises)
    page: str | None  # the page being built then (docs-relative), if any


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[Logged] = []
        self.config = None  # the build's config, once loaded: it names the page being built

    def emit(self, record: logging.LogRecord) -> None:
        # MkDocs keeps the page it is building on the config (_current_page, reset after each page):
        # the one record of which page a failure or a warning belongs to that is not in English text.
        page = getattr(self.config, "_current_page", None)
        self.records.append(Logged(record, sys.exc_info()[1], page.file.src_uri if page is not None else None))


class collected_logs:
    """Collect MkDocs' warnings and errors (not INFO) for the duration of one build."""

    def __enter__(self) -> _Collector:
        self.logger = logging.getLogger("mkdocs")
        self.saved = (self.logger.level, self.logger.propagate, list(self.logger.handlers))
        self.collector = _Collector()
        # WARNING, not ERROR: MkDocs counts warnings for --strict through a handler on this
        # logger, which never sees them if the logger drops them first (what --quiet did).
        self.logger.setLevel(logging.WARNING)
        self.logger.propagate = False
        self.logger.handlers = [self.collector]
        return self.collector

    def __exit__(self, *exc) -> None:
        level, propagate, handlers = self.saved
        self.logger.setLevel(level)
        self.logger.propagate = propagate
        self.logger.handlers = handlers


# -----------------------------------------------------------------------------
# Problems from MkDocs' log records
# -----------------------------------------------------------------------------


def translate_all(logged: list[Logged], config_file: Path) -> list[Problem]:
    """The problems of a build's log, each once, in the order they were logged."""
    return unique(problem for entry in logged for problem in translate(entry, config_file))


def translate(logged: Logged, config_file: Path) -> list[Problem]:
    """The problems one log record stands for: ours as they were made, MkDocs' own in Chinese.

    Our checks log a record holding its Problem, or raise a ProblemError, which MkDocs logs
    (as the page it failed on, then as the error itself) while handling it: both give back the
    objects. A foreign exception on a page is told from the exception and the page. Only what
    MkDocs itself warns of (links, the nav, settings) is read from its English: see below.
    """
    record, exception = logged.record, logged.exception
    problem = getattr(record, RECORD_ATTRIBUTE, None)
    if isinstance(problem, Problem):
        return [problem]
    if isinstance(exception, ProblemError):
        return exception.problems
    if logged.page is not None and exception is not None and record.funcName in PAGE_STEPS:
        if isinstance(exception, BuildError):
            return []  # a heading: the error itself is logged next, on its own
        what = messages.PAGE_TOO_DEEP if isinstance(exception, RecursionError) else messages.PAGE_CRASH
        return [what.at(f"docs/{logged.page}", 1, cause=str(exception))]
    return mkdocs_warning(record.getMessage(), config_file)


# MkDocs' functions that log "Error reading/building page" for an exception raised on a page.
PAGE_STEPS = {"_populate_page", "_build_page"}


# -----------------------------------------------------------------------------
# MkDocs' own warnings, in the contributors' words
#
# MkDocs formats these messages itself (f-strings: record.args is empty) and attaches no facts
# to the record, so the page, the link or the setting is read from its English here, one pattern
# per message (MkDocs 1.6; tests/unit/test_mkdocs_records.py feeds real records through them).
# -----------------------------------------------------------------------------

LINK_MISSING = re.compile(
    r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but the target.* is not "
    r"found among documentation files\."
)
ANCHOR_MISSING = re.compile(
    r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but (?:the doc '[^']+' "
    r"does not contain an anchor|there is no such anchor on this page)"
)
LINK_ODD = re.compile(
    r"Doc file '(?P<src>[^']+)' contains an? (?:absolute|unrecognized relative) link '(?P<link>[^']+)'"
)
NOT_IN_NAV = re.compile(
    r"The following pages exist in the docs directory, but are not included in the \"nav\" "
    r"configuration:\n(?P<pages>(?:\s+- .*\n?)+)"
)
NAV_MISSING = re.compile(
    r"A reference to '(?P<ref>[^']+)' is included in the 'nav' configuration, which is not "
    r"found in the documentation files\."
)
CONFIG_VALUE = re.compile(r"Config value '(?P<key>[^']+)': (?P<message>.*)", re.DOTALL)
LINKS = ((LINK_MISSING, messages.LINK_TARGET_MISSING), (ANCHOR_MISSING, messages.LINK_ANCHOR_MISSING))


def mkdocs_warning(message: str, config_file: Path) -> list[Problem]:
    """The problems of one of MkDocs' own messages, at the file and line they are about."""
    config, docs = _display(config_file), config_file.parent / "docs"
    for pattern, what in (*LINKS, (LINK_ODD, messages.LINK_FORM)):
        if m := pattern.match(message):
            return [what.at(f"docs/{m['src']}", _line_of(docs / m["src"], m["link"]), link=m["link"])]
    if m := NOT_IN_NAV.match(message):
        pages = [page.strip() for page in re.findall(r"- (.*)", m["pages"])]
        return [messages.PAGE_NOT_IN_NAV.at(f"docs/{page}", 1, config=config, page=page) for page in pages]
    if m := NAV_MISSING.match(message):
        return [messages.NAV_TARGET_MISSING.at(config, _line_of(config_file, m["ref"]), ref=m["ref"])]
    if m := CONFIG_VALUE.match(message):
        return [config_problem(m["key"], m["message"].strip(), config_file)]
    return [Problem(config, 0, None, message)]  # anything else (a plugin's, Material's): as it is


# MkDocs' English for a wrong setting → what it means for the contributor.
CONFIG_MESSAGES = [
    (re.compile(r"Unrecognised configuration name: (?P<value>\S+)"), messages.SETTING_UNKNOWN),
    (re.compile(r"The path '(?P<value>[^']+)' isn't an existing (?:file|directory)\."), messages.SETTING_PATH_MISSING),
    (re.compile(r"Failed to load extension '(?P<value>[^']+)'"), messages.SETTING_EXTENSION),
    (re.compile(r"The \"(?P<value>[^\"]+)\" plugin is not installed"), messages.SETTING_PLUGIN),
    (re.compile(r"Unrecognised theme name: '(?P<value>[^']+)'"), messages.SETTING_THEME),
]


def config_problem(key: str, message: str, config_file: Path) -> Problem:
    """A wrong setting of mkdocs.yml at the line that holds it, in Chinese, with the fix."""
    config = _display(config_file)
    for pattern, what in CONFIG_MESSAGES:
        if m := pattern.search(message):
            value = m["value"]
            if value.startswith(str(config_file.parent.resolve()) + os.sep):  # MkDocs made it absolute
                value = value[len(str(config_file.parent.resolve())) + 1 :]
            line = _line_of(config_file, value) if value != key else _line_of(config_file, key + ":")
            said = what.at(config, line, value=value)
            return messages.CONFIG_SETTING.at(config, line, key=key, what=said.message, fix=said.fix)
    quoted = re.search(r"'([^']+)'", message)
    line = _line_of(config_file, quoted[1]) if quoted and quoted[1] != key else 0
    line = line if line > 1 else _line_of(config_file, key.split(".")[0] + ":")
    return messages.CONFIG_SETTING_IN_ENGLISH.at(config, line, key=key, said=message)


def purity_problem(leftover: script_purity.Leftover, config_file: Path) -> Problem:
    """A script-purity problem of a built page, at the source line the character comes from.

    The character is searched for with as much of its context as can be found:
    in the page's Markdown first, then the data files, the theme's overrides/
    and mkdocs.yml (an edition's leftover is in the zh-Hant source as it is,
    since OpenCC left it). The caller names the built pages.
    """
    root = config_file.parent
    built = leftover.file.replace(os.sep, "/")
    stem = built.removesuffix("index.html").rstrip("/") or "index"
    pages = [root / "docs" / f"{stem}.md", root / "docs" / stem / "index.md"]
    others = (
        sorted((root / "data").glob("*.y*ml"))
        + sorted(p for p in (root / "overrides").rglob("*") if p.is_file() and p.suffix in (".html", ".js"))
        + [config_file]
    )
    snippet = leftover.snippet
    at = snippet.find(leftover.char)
    windows = (
        [snippet[max(0, at - k) : at + k + 1] for k in (6, 3, 1)] + [leftover.char] if at >= 0 else [leftover.char]
    )
    for window in windows:
        for path in [*pages, *others]:
            if not path.is_file():
                continue
            line = _line_of(path, window)
            if line > 1 or window in _first_line(path):
                return leftover.problem(project.display(path, root), line)
    return leftover.problem()


def _first_line(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").split("\n", 1)[0]
    except (OSError, UnicodeDecodeError):
        return ""


def describe_crash(error: Exception, config_file: Path) -> Problem:
    """An unexpected exception as a problem naming where it came from."""
    import jinja2

    if isinstance(error, jinja2.TemplateSyntaxError):
        where = _display(Path(error.filename)) if error.filename else str(error.name)
        return messages.TEMPLATE_SYNTAX.at(where, error.lineno, detail=error.message)
    if isinstance(error, RecursionError):
        return messages.BUILD_TOO_DEEP.at(_display(config_file), 0)
    return messages.BUILD_CRASH.at(_display(config_file), 0, error=f"{type(error).__name__}: {error}")


# How big mkdocs.yml may be once its & anchors and * aliases are expanded, and how deep. MkDocs'
# load_config writes every value into a debug message (repr, even with debug off): a few lines of
# aliases nested in aliases ("billion laughs") describe a tree it would never finish writing.
MAX_CONFIG_VALUES = 100_000
MAX_CONFIG_DEPTH = 50


def config_too_large(config_file: Path) -> Problem | None:
    """The problem if mkdocs.yml expands past the bounds above, at the line of the key responsible."""
    import yaml

    from . import yaml_source

    root = yaml_source.compose_file(config_file)  # None for a syntax error: MkDocs' own load reports it
    sizes: dict[int, int] = {}

    def size(node, depth: int) -> int:
        if depth > MAX_CONFIG_DEPTH:
            raise _TooDeep(node)
        if id(node) not in sizes:
            if isinstance(node, yaml.SequenceNode):
                total = 1 + sum(size(child, depth + 1) for child in node.value)
            elif isinstance(node, yaml.MappingNode):
                total = 1 + sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
            else:
                total = 1
            sizes[id(node)] = total
        return sizes[id(node)]

    def culprit(node) -> int | None:
        """The line of the first key (in reading order) whose value alone is too large."""
        pairs = (
            node.value
            if isinstance(node, yaml.MappingNode)
            else [(child, child) for child in node.value]
            if isinstance(node, yaml.SequenceNode)
            else []
        )
        for key, value in pairs:
            if sizes.get(id(value), 0) > MAX_CONFIG_VALUES:
                return culprit(value) or key.start_mark.line + 1
        return None

    try:
        if root is None or size(root, 0) <= MAX_CONFIG_VALUES:
            return None
    except _TooDeep as deep:
        return messages.CONFIG_ALIASES_TOO_DEEP.at(
            _display(config_file), deep.node.start_mark.line + 1, limit=MAX_CONFIG_DEPTH
        )
    return messages.CONFIG_ALIASES_TOO_LARGE.at(_display(config_file), culprit(root) or 1, limit=MAX_CONFIG_VALUES)


def config_too_deep(config_file: Path) -> Problem | None:
    """The problem if mkdocs.yml's brackets or indentation nest past MAX_CONFIG_DEPTH (before any
    YAML parser recurses into them: PyYAML's composer would exhaust the stack)."""
    from . import data_file  # the same bound as the data files'

    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None  # MkDocs' own load reports it
    line = data_file.nesting_line(text, MAX_CONFIG_DEPTH)
    if line is None:
        return None
    return messages.CONFIG_NESTED_TOO_DEEP.at(_display(config_file), line, limit=MAX_CONFIG_DEPTH)


class _TooDeep(Exception):
    def __init__(self, node):
        super().__init__("too deep")
        self.node = node


def format_config_error(config_file: Path, error: Exception) -> list[Problem]:
    mark = getattr(error, "problem_mark", None) or getattr(getattr(error, "__cause__", None), "problem_mark", None)
    found = re.search(r"line (\d+)", str(error))  # a YAML error without its mark: PyYAML's English has the line
    line = mark.line + 1 if mark else int(found[1]) if found else 1
    return [messages.CONFIG_YAML.at(_display(config_file), line)]


def _tag(edition: editions.Edition) -> str:
    """The note after a problem only a converted edition's build meets."""
    return "" if edition.opencc is None else messages.CONVERTED_EDITION.format(lang=edition.lang)


def _line_of(path: Path, needle: str) -> int:
    """The first line of a file containing `needle` (1 if none, or the file is unreadable)."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if needle in line:
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return 1


def _display(path: Path) -> str:
    """A file as messages name it: relative to the current folder (scripts/ run in the project's), else as it is."""
    return project.display(path)


# -----------------------------------------------------------------------------
# Command line
# -----------------------------------------------------------------------------


def quiet_jieba() -> None:
    """jieba (Material's Chinese search) logs its dictionary loading at DEBUG on stderr."""
    import jieba

    jieba.setLogLevel(logging.WARNING)


def report(problems: list[Problem], *, command: str = "./scripts/build") -> None:
    """Print the problems; under GitHub Actions also as annotations and a job summary (report.py)."""
    from . import report as annotations

    for problem in problems:
        print(problem.format(), file=sys.stderr)
    annotations.report(problems, title="建置", command=command, plain=False)
    print(f"建置失敗：{len(problems)} 個問題，沒有發佈任何東西（原來的輸出沒有變）", file=sys.stderr)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="scripts/build", description="Build every edition and output into SITE_DIR.")
    parser.add_argument("site_dir", nargs="?", default="site")
    parser.add_argument(
        "--check", action="store_true", help="scripts/check: strict builds of every edition, nothing published"
    )
    parser.add_argument(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        help="the project's mkdocs.yml (default: the one in the current folder, as for mkdocs)",
    )
    args = parser.parse_args(argv)
    site_dir = Path(args.site_dir).absolute()
    config_file = Path(args.config_file).absolute()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    quiet_jieba()
    try:
        if args.check:
            for line in check_all(config_file=config_file):
                print(line)
            print("檢查通過：可以推送")
            return 0
        build_all(site_dir, config_file=config_file)
    except BuildFailed as failure:
        report(failure.problems)
        return 1
    except KeyboardInterrupt:
        print("建置被中斷，沒有發佈任何東西（原來的輸出沒有變）", file=sys.stderr)
        return 130
    all_editions, outputs = read_matrix(config_file)
    pages = sum(1 for _ in site_dir.rglob("index.html"))
    print(f"built {pages} pages ({len(all_editions)} editions) into {site_dir}")
    for edition in all_editions:
        for output in outputs:
            file = site_dir / edition.path / output.path(edition)
            print(f"  {file.relative_to(site_dir)}  {file.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
