"""Nothing a contributor writes can run in a reader's browser or send the reader elsewhere.

Two guards, in every build (scripts/build refuses a mkdocs.yml without this hook):

- **An allow-list sanitizer** on each page's HTML as Markdown made it, raw HTML and
  attr_list attributes included, before the checklist and glossary add their own
  markup (that markup is ours, built from escaped data, and needs attributes no
  contributor may write: data-*, hidden, aria-*). nh3, the binding of Rust's
  ammonia (html5ever's parser, the browser's own parsing rules), does the cleaning:
  a maintained library, fast, with no dependency of its own; bleach is deprecated
  and justhtml is younger. Whatever nh3 drops (a tag, an attribute, a URL, a class) is
  an error naming file:line:col and the fix, never a silent change: the page is
  published as its contributor meant it, or not at all.
- **A Content-Security-Policy** in a <meta> first in every page's <head>: scripts
  only from the site itself or inline by their SHA-256, computed here from the
  finished page (Material's own inline scripts, ours); no plugins, no <base>, no
  form sends anything anywhere. A <meta> holds on hosts that set no headers
  (GitHub Pages). Material's instant navigation keeps the first page's policy and
  re-runs only the scripts inside its content container, which are the same on
  every page (Material's content partial), so each page's own hashes cover them.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import nh3
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from pygments.token import STANDARD_TYPES

from . import messages, project
from .problems import Problem, ProblemError, log_extra

log = get_plugin_logger("safe_html")

# -----------------------------------------------------------------------------
# The allow-list: what Markdown and the guide's extensions (mkdocs.yml) write
# -----------------------------------------------------------------------------

TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    }
)
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "details": {"open"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Classes Markdown's extensions write (admonition, details, toc, superfences): a contributor's
# own class could borrow the theme's or a widget's (md-…, checklist…) to hide or fake a part of the page.
ADMONITION_TYPES = (
    "note|abstract|summary|tldr|info|todo|tip|hint|important|success|check|done|question|help|faq"
    "|warning|caution|attention|failure|fail|missing|danger|error|bug|example|quote|cite"
)
# The guide's own classes for its pages: .screen-only (extra.css: not printed), start-here (the home
# page's first steps). A new one goes here with the style that gives it a meaning.
GUIDE_CLASSES = "screen-only|start-here"
CLASS = re.compile(
    rf"(?:admonition|admonition-title|headerlink|highlight|highlighttable|linenos|linenodiv|code"  # numbered code
    rf"|footnote|footnote-ref|footnote-backref"
    rf"|inline|end|{ADMONITION_TYPES}|language-[\w+-]+|{GUIDE_CLASSES})"
)
THEME_IDS = ("__", "md-")
# Pygments' token classes on the <span>s of a highlighted code block (superfences): a standard one, or
# one with its subtypes (l-Scalar-Plain); and its line markers.
CODE_CLASS = re.compile(
    "(?:{})(?:-[A-Za-z]+)*|hll|linenos|filename|linenodiv|normal".format(
        "|".join(sorted((re.escape(name) for name in STANDARD_TYPES.values() if name), key=len, reverse=True))
    )
)


@dataclass(frozen=True)
class Dropped:
    """Something the sanitizer removed: a tag, an attribute (with its value) or a class."""

    kind: str  # "tag", "attribute", "url", "class"
    name: str  # the tag, attribute or class name
    value: str = ""


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@event_priority(200)  # first: before the checklist and glossary add their markup (priority 0)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    clean, dropped = sanitize(html)
    if not dropped:
        return clean
    name = f"docs/{page.file.src_uri}"
    problems = [dropped_problem(item, name, page.file.content_string) for item in dropped]
    for problem in problems:
        log.error(problem.format(), extra=log_extra(problem))
    raise ProblemError(problems[0])


@event_priority(-200)  # last: the page as it is written, every other hook's change included
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if config.extra.get("live_preview"):
        return with_policy(output, PREVIEW_POLICY)
    extra = [shim_script_hash(output, project.of(config))] if config.extra.get("offline_build") else []
    return with_policy(output, content_policy(output, extra=extra))


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Material's 404 page (a static template, not a page) has the policy too."""
    if not template_name.endswith(".html"):
        return output_content  # widgets.js, sitemap.xml
    if config.extra.get("live_preview"):
        return with_policy(output_content, PREVIEW_POLICY)
    return with_policy(output_content, content_policy(output_content))


# -----------------------------------------------------------------------------
# The sanitizer
# -----------------------------------------------------------------------------


def sanitize(html: str) -> tuple[str, list[Dropped]]:
    """(the HTML nh3 keeps, what it dropped). Comments stay (a marker for the checklist; never shown)."""
    dropped_classes: list[Dropped] = []

    def keep_class(element: str, attribute: str, value: str) -> str | None:
        if attribute == "id" and value.startswith(THEME_IDS):
            return None  # Material's own controls (__drawer, __search) would have two elements
        if attribute != "class":
            return value
        refused = [
            token
            for token in value.split()
            if not CLASS.fullmatch(token) and not (element == "span" and CODE_CLASS.fullmatch(token))
        ]
        dropped_classes.extend(Dropped("class", token) for token in refused)
        return " ".join(token for token in value.split() if token not in refused) or None

    clean = nh3.clean(
        html,
        tags=set(TAGS),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        attribute_filter=keep_class,
        strip_comments=False,
    )  # <!-- checklist --> places the checklist; a reader never sees one
    if clean == html or START_TAG.findall(html) == START_TAG.findall(clean):
        return clean, dropped_classes  # every start tag kept as written, attributes and all: nothing dropped
    return clean, missing(elements(html), elements(clean)) + dropped_classes


# Start tags as written. Most pages come out of nh3 with every start tag byte for byte the same;
# only when one differs are both parsed (html.parser, some 20 times slower) to name what went.
START_TAG = re.compile(r"<([a-zA-Z][^>]*?)\s*/?>")  # <hr /> from Markdown is <hr> from nh3


def missing(
    before: list[tuple[str, list[tuple[str, str]]]], after: list[tuple[str, list[tuple[str, str]]]]
) -> list[Dropped]:
    """What is in `before` and not in `after`: tags by count, attributes by (tag, name, value)."""
    kept_tags: dict[str, int] = {}
    kept_attributes: dict[tuple[str, str, str], int] = {}
    for tag, attributes in after:
        kept_tags[tag] = kept_tags.get(tag, 0) + 1
        for name, value in attributes:
            kept_attributes[(tag, name, value)] = kept_attributes.get((tag, name, value), 0) + 1
    found: list[Dropped] = []
    for tag, attributes in before:
        if not kept_tags.get(tag):
            found.append(Dropped("tag", tag))
            continue
        kept_tags[tag] -= 1
        for name, value in attributes:
            key = (tag, name, value)
            if kept_attributes.get(key):
                kept_attributes[key] -= 1
            elif name != "class":  # a class the filter refused is reported by the filter, token by token
                found.append(Dropped("url" if name in ("href", "src") else "attribute", name, value))
    return found


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, [(name, value or "") for name, value in attrs]))


def elements(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every start tag of an HTML fragment, with its attributes (entities decoded), in order."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def dropped_problem(item: Dropped, name: str, source: str) -> Problem:
    """The problem of one dropped thing of page `name`, at the first place the page's Markdown writes it."""
    if item.kind == "tag":
        return messages.UNSAFE_TAG.at(name, *where(source, rf"<\s*{re.escape(item.name)}(?![\w-])"), name=item.name)
    if item.kind == "class":
        place = where(source, rf"(?<![\w-]){re.escape(item.name)}(?![\w-])")
        return messages.UNSAFE_CLASS.at(name, *place, name=item.name)
    if item.kind == "url":  # as written, or with entities (javascript&colon;): at its attribute
        place = where(source, re.escape(item.value[:40]), re.escape(item.value[:4]), rf"\b{item.name}\s*=")
        return messages.UNSAFE_URL.at(name, *place, url=item.value[:60])
    return messages.UNSAFE_ATTRIBUTE.at(name, *where(source, rf"(?<![\w-]){re.escape(item.name)}\s*="), name=item.name)


def where(source: str, *patterns: str) -> tuple[int, int]:
    """(line, column) of the first match of the first pattern found in the page's Markdown (any case), or (1, 1)."""
    match = next(filter(None, (re.search(pattern, source, re.IGNORECASE) for pattern in patterns if pattern)), None)
    if not match:
        return 1, 1
    before = source[: match.start()]
    return before.count("\n") + 1, match.start() - (before.rfind("\n") + 1) + 1


# -----------------------------------------------------------------------------
# The Content-Security-Policy
# -----------------------------------------------------------------------------

# The site's policy. Styles stay 'unsafe-inline': Material and the widgets set styles from
# their scripts, and no contributor can write a <style> or style= (the sanitizer above).
# Images may be data: (Material's icons in its CSS). Workers: Material's search, the
# service worker; connect: the search index and instant navigation, all on the site.
SITE_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "manifest-src": "'self'",
    "frame-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
}
# Under mkdocs serve (extra.live_preview, hooks/service_worker.py), never published: the server adds its
# live-reload script inline to every response, with numbers of that response, so no hash can cover it and
# the site's policy would block it (a contributor's save would not show). Inline scripts run there.
PREVIEW_POLICY = "; ".join(
    f"{name} {value}" for name, value in {**SITE_POLICY, "script-src": "'self' 'unsafe-inline'"}.items()
)
INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<code>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
NOT_RUN = re.compile(
    r"""\b(?:src\s*=|type\s*=\s*["']?(?!(?:text/javascript|module|application/javascript)["'\s>]))""", re.IGNORECASE
)
HEAD = re.compile(r"<head(?:\s[^>]*)?>(?:\s*<meta\s+charset=[^>]*>)?", re.IGNORECASE)
POLICY_META = re.compile(r"""<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>""", re.IGNORECASE)


def script_hashes(html: str) -> list[str]:
    """'sha256-…' of each inline script the page runs (not JSON data, not <script src>), in order, once each."""
    hashes: list[str] = []
    for match in INLINE_SCRIPT.finditer(html):
        if NOT_RUN.search(match["attributes"]):
            continue
        digest = base64.b64encode(hashlib.sha256(match["code"].encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    return hashes


def content_policy(html: str, base: dict[str, str] = SITE_POLICY, *, extra: Iterable[str] = ()) -> str:
    """The policy for one page: `base`, its script-src extended by the page's inline scripts' hashes
    (and `extra` hashes, of scripts the page writes as it runs)."""
    directives = dict(base)
    hashes = " ".join(dict.fromkeys(script_hashes(html) + list(extra)))
    if hashes:
        script = directives.get("script-src", "'none'")
        directives["script-src"] = hashes if script == "'none'" else f"{script} {hashes}"
    return "; ".join(f"{name} {value}" for name, value in directives.items())


SHIM = "overrides/assets/javascripts/vendor/iframe-worker/shim.js"  # in the project
SEARCH_WORKER = re.compile(r'"search":\s*"(?P<url>[^"]+)"')


def shim_script_hash(html: str, root: Path) -> str:
    """The hash of the inline script the offline bundle's iframe-worker shim writes to run search from file://.

    The shim (vendored, pinned) writes `postMessage=${c};importScripts=${d};…"${url}"…` into an iframe,
    which inherits the page's policy: c and d are two of its functions, as their source reads;
    url is the search worker's URL as Material's config gives it (relative, so the same wherever
    the bundle is unpacked; overrides/assets/javascripts/search.js passes it on as it is there).
    """
    shim = (root / SHIM).read_text(encoding="utf-8")
    worker = SEARCH_WORKER.search(html)
    if not worker:  # Material changed how it configures its search worker
        raise ValueError("no search worker in Material's config")
    code = (
        f"postMessage={_function(shim, 'c')};importScripts={_function(shim, 'd')};"
        f'addEventListener("error",({{error}})=>{{parent.dispatchEvent(new ErrorEvent("error",'
        f'{{filename:"{worker["url"]}",error}}))}})'
    )
    return f"'sha256-{base64.b64encode(hashlib.sha256(code.encode()).digest()).decode('ascii')}'"


def _function(source: str, name: str) -> str:
    """The source of `function name(…){…}` in minified JavaScript (no braces inside its strings)."""
    start = source.index(f"function {name}(")
    depth, opening = 0, source.index("{", start)
    for at in range(opening, len(source)):
        depth += {"{": 1, "}": -1}.get(source[at], 0)
        if depth == 0:
            return source[start : at + 1]
    raise AssertionError(f"function {name} is not closed")


def with_policy(html: str, policy: str) -> str:
    """The page with its policy as the first thing in <head> (after <meta charset>), replacing any there."""
    html = POLICY_META.sub("", html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    head = HEAD.search(html)
    if not head:  # a theme template without <head>: no policy could apply
        raise ValueError("a page without <head>")
    return html[: head.end()] + meta + html[head.end() :]
