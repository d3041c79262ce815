"""MkDocs hook: what every build refuses, whatever command starts it (overdue_guide.page_checks)."""

from overdue_guide.page_checks import on_files, on_page_content, on_page_markdown

__all__ = ["on_files", "on_page_content", "on_page_markdown"]
