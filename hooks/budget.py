"""MkDocs hook: the repayment budget from data/budget.yml (overdue_guide.budget)."""

from overdue_guide.budget import on_config, on_files, on_page_content

__all__ = ["on_config", "on_files", "on_page_content"]
