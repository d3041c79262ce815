"""MkDocs hook: glossary terms marked in the text and listed on one page (overdue_guide.glossary)."""

from overdue_guide.glossary import on_config, on_env, on_files, on_page_content

__all__ = ["on_config", "on_env", "on_files", "on_page_content"]
