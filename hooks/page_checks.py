"""MkDocs hook: what every build refuses, whatever command starts it (overdue_guide.page_checks)."""

from overdue_guide.page_checks import on_config, on_files, on_page_content, on_page_markdown, on_post_page

__all__ = ["on_config", "on_files", "on_page_content", "on_page_markdown", "on_post_page"]
