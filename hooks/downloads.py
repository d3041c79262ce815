"""MkDocs hook: the list of downloads where a page writes <!-- downloads --> (overdue_guide.downloads)."""

from overdue_guide.downloads import on_page_content

__all__ = ["on_page_content"]
