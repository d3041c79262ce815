"""One place for what the widgets share: the copy to the clipboard (copy-text.js) and the
controls' styles (controls.css). A second copy drifts: a fix to one widget's copy or button
would leave the other's as it was."""

from __future__ import annotations

import re
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[2] / "overrides" / "assets"


def where(folder: str, pattern: str) -> list[str]:
    """The files of overrides/assets/<folder> whose text matches pattern."""
    return sorted(path.name for path in (ASSETS / folder).glob("*.*") if re.search(pattern, path.read_text("utf-8")))


def test_the_copy_to_the_clipboard_is_written_once():
    assert where("javascripts", r"""execCommand\(\s*["']copy["']""") == ["copy-text.js"]
    assert where("javascripts", r"clipboard\.writeText") == ["copy-text.js"]
    assert where("javascripts", r"""createElement\(\s*["']textarea["']""") == ["copy-text.js"]


def test_widgets_js_loads_the_shared_copy_before_the_widgets_that_use_it():
    order = re.search(r"\[(.*?)\]", (ASSETS / "javascripts" / "widgets.js").read_text("utf-8"))[1]
    names = [name.strip().strip('"') for name in order.split(",")]
    assert names.index("copy-text") < min(names.index("checklist"), names.index("letter"))


def test_the_widgets_buttons_and_copy_feedback_are_styled_once():
    # A button's outline, as each widget's stylesheet used to repeat it for its own button.
    assert where("stylesheets", r"__button\s*\{[^}]*border: 0\.1rem solid currentcolor;") == ["controls.css"]
    assert where("stylesheets", r"left: -9999px;") == ["controls.css"]
    assert where("stylesheets", r"__manual-copy\s*[,{]") == ["controls.css"]
    order = re.search(r"\[(.*?)\]", (ASSETS / "stylesheets" / "site.css").read_text("utf-8"))[1]
    names = [name.strip().strip('"') for name in order.split(",")]
    assert names.index("controls") < min(names.index(n) for n in ("checklist", "budget", "letter"))  # they refine it
