"""The one nav walker (overdue_guide.nav): the pages of mkdocs.yml's nav in reading order."""

from overdue_guide import nav


def test_pages_sections_and_titled_pages_in_reading_order_each_once():
    written = ["index.md", {"開始": ["overview.md", {"原因": "causes.md"}]}, {"說明": "help.md"}, "overview.md"]
    assert nav.pages(written) == ["index.md", "overview.md", "causes.md", "help.md"]


def test_no_nav():
    assert nav.pages(None) == []
