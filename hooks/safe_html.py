"""MkDocs hook: contributors' HTML through an allow-list, a page's Content-Security-Policy (overdue_guide.safe_html)."""

from overdue_guide.safe_html import on_page_content, on_post_page, on_post_template

__all__ = ["on_page_content", "on_post_page", "on_post_template"]
