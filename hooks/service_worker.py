"""MkDocs hook: the site works offline after one visit, and can be installed (overdue_guide.service_worker)."""

from overdue_guide.service_worker import on_config, on_files, on_post_build, on_shutdown, on_startup

__all__ = ["on_config", "on_files", "on_post_build", "on_shutdown", "on_startup"]
