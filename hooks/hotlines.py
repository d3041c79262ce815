"""MkDocs hook: the public hotlines of data/hotlines.yml become tel: links (overdue_guide.hotlines)."""

from overdue_guide.hotlines import on_config, on_page_content

__all__ = ["on_config", "on_page_content"]
