"""The interactive checklist: readers tick the actions the guide explains.

The actions and every string the reader sees live in ``data/checklist.yml``
(format: CONTRIBUTING.md, 行動清單). This hook reads and checks that file once
per build, then renders real checkboxes into the pages:

- the checklist page (``page:`` in the data) gets every action, grouped by
  stage, each linking back to the paragraph that explains it;
- each page an action links to gets a box with that page's actions, at the end
  of the page, or where the page has a ``<!-- checklist -->`` line.

The HTML reads as a list with JavaScript off; ``checklist.js`` adds the saved
ticks, the progress figure and the buttons.

State: scripts/build makes every edition and output in one process, and MkDocs
loads a hook module once per process, so nothing a build learns lives in this
module. ``on_config`` creates one ``ChecklistBuild`` and keeps it on that
build's own config (``config["checklist_build"]``); the data file's path comes
from mkdocs.yml (``extra.data.checklist``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from html import escape

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import (
    data_file,  # shared reading of YAML data files
    editions,  # the edition this build makes
    messages,
)
from .data_file import DataError
from .problems import ProblemError

STATE = "checklist_build"  # where a build keeps its ChecklistBuild on its config

# Every string the widget shows; the data file must give each one, and no other.
STRINGS = (
    "page_heading",
    "page_intro",
    "full_list_link",
    "explain_link",
    "progress",
    "copy",
    "copied",
    "copy_failed",
    "copy_heading",
    "done_mark",
    "todo_mark",
    "reset",
    "reset_confirm",
    "copy_footer",
)

# Where a page wants its checklist, if not at the end: a line of its own in the Markdown.
MARKER = re.compile(r"^[ \t]*<!--\s*checklist\s*-->[ \t]*$", re.MULTILINE)

# A stable id: lower-case ASCII words joined by hyphens (it keys readers' saved ticks).
ITEM_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# A link to the paragraph explaining an action: `negotiation.md#prepare-documents`.
LINK = re.compile(r"([^#\s:]+\.md)#([A-Za-z][\w-]*)")


@dataclass(frozen=True)
class Item:
    id: str
    label: str
    page: str  # docs-relative path of the page explaining it
    anchor: str  # id of the heading of that explanation
    line: int  # line of the item in the data file


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    items: tuple[Item, ...]
    line: int


@dataclass(frozen=True)
class Checklist:
    page: str
    page_line: int
    strings: Mapping[str, str]
    stages: tuple[Stage, ...]

    @property
    def items(self) -> list[Item]:
        return [item for stage in self.stages for item in stage.items]

    def items_by_page(self) -> dict[str, list[Item]]:
        pages: dict[str, list[Item]] = {}
        for item in self.items:
            pages.setdefault(item.page, []).append(item)
        return pages


ChecklistError = DataError  # a mistake in data/checklist.yml (hooks/data_file.py)


@dataclass
class ChecklistBuild:
    """What one build knows: the checklist, where its data file is, and the items per page."""

    checklist: Checklist
    data_file: str
    items_by_page: dict[str, list[Item]]


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    checklist = data_file.load(
        config, "checklist", parse_checklist, what="行動清單", convert=editions.text_converter(config)
    )
    config[STATE] = ChecklistBuild(checklist, data_file.data_path(config, "checklist"), checklist.items_by_page())
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build: ChecklistBuild = config[STATE]
    try:
        pages = {*build.items_by_page, build.checklist.page}
        check_pages(build.checklist, {page: is_page(files, page) for page in pages})
    except ChecklistError as error:
        raise data_file.build_error(build.data_file, error) from None
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build: ChecklistBuild = config[STATE]
    checklist = build.checklist
    src = page.file.src_uri

    def href(target: str, anchor: str = "") -> str:
        url = files.get_file_from_path(target).url_relative_to(page.file)
        return f"{url}#{anchor}" if anchor else url

    if src == checklist.page:
        block = render_full_list(checklist, href, guide_url=config.site_url or "")
        ids = {stage.id for stage in checklist.stages}
    elif src in build.items_by_page:
        block = render_page_list(
            checklist, build.items_by_page[src], href(checklist.page), guide_url=config.site_url or ""
        )
        ids = {"checklist"}
    elif MARKER.search(html):
        marker = MARKER.search(page.file.content_string)
        line = page.file.content_string[: marker.start()].count("\n") + 1 if marker else 1
        raise ProblemError(messages.CHECKLIST_MARKER_UNUSED.at(f"docs/{src}", line, data_file=build.data_file))
    else:
        return html
    items = checklist.items if src == checklist.page else build.items_by_page[src]
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(ids | {f"checklist-{item.id}" for item in items})
    return place_block(html, block)


def on_env(env, *, config: MkDocsConfig, files: Files):
    # Every page is rendered by now: each link must land on an id the page really has
    # (not one that only appears inside a code block or a comment of its Markdown).
    build: ChecklistBuild = config[STATE]
    anchors = {}
    for page in build.items_by_page:
        file = files.get_file_from_path(page)
        anchors[page] = set(file.page.present_anchor_ids or ()) if file and file.page else None
    try:
        check_links(build.checklist, anchors)
    except ChecklistError as error:
        raise data_file.build_error(build.data_file, error) from None
    return env


# -----------------------------------------------------------------------------
# Helpers: reading the data file
# -----------------------------------------------------------------------------


def parse_checklist(text: str) -> Checklist:
    """The checklist in a data file's text; ChecklistError for anything wrong in it."""
    fields = data_file.compose(text, parts=("page", "strings", "stages"))

    page = data_file.page(fields["page"], example="checklist.md")
    strings, strings_node = data_file.strings(fields["strings"], STRINGS)
    if "{done}" not in strings["progress"] or "{total}" not in strings["progress"]:
        raise ChecklistError(data_file.line(strings_node["progress"]), messages.CHECKLIST_PROGRESS)

    seen: dict[str, int] = {}  # id → line where it was first used
    stages = tuple(_stage(node, seen) for node in data_file.sequence(fields["stages"], "stages"))
    return Checklist(page=page, page_line=data_file.line(fields["page"]), strings=strings, stages=stages)


def check_pages(checklist: Checklist, pages: Mapping[str, bool]) -> None:
    """Raise ChecklistError unless the checklist page and every linked page exist (`pages`: path → exists)."""
    if not pages.get(checklist.page):
        raise ChecklistError(checklist.page_line, messages.CHECKLIST_PAGE_MISSING, page=checklist.page)
    for item in checklist.items:
        if item.page == checklist.page:
            raise ChecklistError(item.line, messages.CHECKLIST_LINK_TO_ITSELF, id=item.id)
        if not pages.get(item.page):
            raise ChecklistError(item.line, messages.CHECKLIST_LINKED_PAGE_MISSING, id=item.id, page=item.page)


def check_links(checklist: Checklist, anchors: Mapping[str, set[str] | None]) -> None:
    """Raise ChecklistError unless each link names a heading id its page really has.

    `anchors` maps a docs-relative page path to the ids on the rendered page.
    """
    for item in checklist.items:
        ids = anchors.get(item.page) or set()
        if item.anchor not in ids:
            known = "、".join(sorted(i for i in ids if not i.startswith(("checklist", "glossary-ref-"))))
            raise ChecklistError(
                item.line,
                messages.CHECKLIST_ANCHOR_MISSING,
                page=item.page,
                anchor=item.anchor,
                known=known or messages.CHECKLIST_NO_HEADING_IDS,
            )


def is_page(files: Files, path: str) -> bool:
    """Whether the build has a documentation page at this docs-relative path."""
    file = files.get_file_from_path(path)
    return file is not None and file.is_documentation_page() and not file.inclusion.is_excluded()


def _stage(node: yaml.Node, seen: dict[str, int]) -> Stage:
    fields = data_file.mapping(node, "每個階段", ("id", "name", "items"))
    stage_id = _id(fields["id"], seen)
    items = tuple(_item(item, seen) for item in data_file.sequence(fields["items"], f"階段「{stage_id}」的 items"))
    return Stage(id=stage_id, name=data_file.text(fields["name"], "name"), items=items, line=data_file.line(node))


def _item(node: yaml.Node, seen: dict[str, int]) -> Item:
    fields = data_file.mapping(node, "每個行動", ("id", "label", "link"))
    item_id = _id(fields["id"], seen)
    link = data_file.text(fields["link"], "link")
    match = LINK.fullmatch(link)
    if not match or link.startswith("/") or ".." in link.split("/"):
        raise ChecklistError(data_file.line(fields["link"]), messages.CHECKLIST_LINK_FORM, link=link)
    return Item(
        id=item_id,
        label=data_file.text(fields["label"], "label"),
        page=_normalise(match[1]),
        anchor=match[2],
        line=data_file.line(node),
    )


def _id(node: yaml.Node, seen: dict[str, int]) -> str:
    item_id = data_file.text(node, "id")
    line = data_file.line(node)
    if not ITEM_ID.fullmatch(item_id):
        raise ChecklistError(line, messages.DATA_ID_FORM, value=item_id, example="prepare-documents")
    if item_id in seen:
        raise ChecklistError(line, messages.DATA_ID_TWICE, value=item_id, first=seen[item_id])
    seen[item_id] = line
    return item_id


def _normalise(path: str) -> str:
    return posixpath.normpath(path.removeprefix("./"))


# -----------------------------------------------------------------------------
# Helpers: rendering
# -----------------------------------------------------------------------------


def render_full_list(checklist: Checklist, href: Callable[..., str], *, guide_url: str = "") -> str:
    """Every action, grouped by stage, each linking to its explanation."""
    strings = checklist.strings
    stages = [
        f'<section class="checklist__stage">\n'
        f'<h2 class="checklist__stage-name" id="{escape(stage.id)}">{escape(stage.name)}</h2>\n'
        + _items(
            stage.items,
            lambda item: (
                f' <a class="checklist__link" href="{escape(href(item.page, item.anchor))}">'
                f"{escape(strings['explain_link'])}</a>"
            ),
        )
        + "</section>\n"
        for stage in checklist.stages
    ]
    return _block(checklist, "checklist--full", "", "".join(stages), guide_url)


def render_page_list(checklist: Checklist, items: list[Item], full_list_href: str, *, guide_url: str = "") -> str:
    """One page's actions, with a link to the full list."""
    strings = checklist.strings
    head = (
        f'<h2 class="checklist__title" id="checklist">{escape(strings["page_heading"])}</h2>\n'
        f'<p class="checklist__intro">{escape(strings["page_intro"])}</p>\n'
    )
    body = _items(items) + (
        f'<p class="checklist__more"><a href="{escape(full_list_href)}">{escape(strings["full_list_link"])}</a></p>\n'
    )
    return _block(checklist, "checklist--page", head, body, guide_url)


def place_block(html: str, block: str) -> str:
    """The page with the block at its checklist marker, or at its end."""
    if MARKER.search(html):
        return MARKER.sub(lambda _: block, html, count=1)
    return f"{html}\n{block}"


def _block(checklist: Checklist, kind: str, head: str, body: str, guide_url: str = "") -> str:
    # The script reads its strings from data-* attributes, so none live in JS. The copied text
    # ends with the guide's address: absolute (site_url), as it leaves the site in a message.
    strings = checklist.strings
    data = {
        "known": " ".join(item.id for item in checklist.items),
        "progress": strings["progress"],
        "confirm": strings["reset_confirm"],
        "copied": strings["copied"],
        "copy-failed": strings["copy_failed"],
        "copy-heading": strings["copy_heading"],
        "done-mark": strings["done_mark"],
        "todo-mark": strings["todo_mark"],
        "copy-footer": strings["copy_footer"].replace("{url}", guide_url),
    }
    attributes = "".join(f' data-checklist-{name}="{escape(value)}"' for name, value in data.items())
    return (
        f'<div class="checklist {kind}" data-checklist{attributes}>\n'
        f"{head}"
        f'<p class="checklist__progress" role="status" aria-live="polite" aria-atomic="true"></p>\n'
        f"{body}"
        f'<div class="checklist__actions" hidden>'
        f'<button type="button" class="checklist__button" data-checklist-action="copy">'
        f"{escape(strings['copy'])}</button> "
        f'<button type="button" class="checklist__button" data-checklist-action="reset">'
        f"{escape(strings['reset'])}</button>"
        f"</div>\n"
        f'<p class="checklist__feedback" role="status" aria-live="polite"></p>\n'
        f"</div>\n"
    )


def _items(items: Iterable[Item], extra: Callable[[Item], str] = lambda item: "") -> str:
    rows = "".join(
        f'<li class="checklist__item">'
        f'<input type="checkbox" class="checklist__box" id="checklist-{escape(item.id)}"'
        f' data-checklist-item="{escape(item.id)}">'
        f'<label class="checklist__label" for="checklist-{escape(item.id)}">{escape(item.label)}</label>'
        f"{extra(item)}</li>\n"
        for item in items
    )
    return f'<ul class="checklist__items">\n{rows}</ul>\n'
