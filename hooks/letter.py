"""MkDocs hook: the negotiation request from data/letter.yml (overdue_guide.letter)."""

from overdue_guide.letter import on_config, on_files, on_page_content

__all__ = ["on_config", "on_files", "on_page_content"]
