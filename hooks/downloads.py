"""MkDocs hook: the downloads scripts/build made, and their list where a page writes <!-- downloads -->
(overdue_guide.downloads)."""

from overdue_guide.downloads import on_files, on_page_content

__all__ = ["on_files", "on_page_content"]
