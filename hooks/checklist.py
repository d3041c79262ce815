"""MkDocs hook: the interactive checklist from data/checklist.yml (overdue_guide.checklist)."""

from overdue_guide.checklist import on_config, on_env, on_files, on_page_content

__all__ = ["on_config", "on_env", "on_files", "on_page_content"]
