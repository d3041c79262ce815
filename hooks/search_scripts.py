"""MkDocs hook: a query in the other script finds the same pages (overdue_guide.search_scripts)."""

from overdue_guide.search_scripts import on_post_build

__all__ = ["on_post_build"]
