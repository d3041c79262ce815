"""MkDocs hook: which edition this build makes, converted in memory (overdue_guide.editions)."""

from overdue_guide.editions import on_config, on_env, on_files

__all__ = ["on_config", "on_env", "on_files"]
