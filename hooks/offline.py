"""MkDocs hook: the offline bundle serves its iframe-worker shim from the site (overdue_guide.offline)."""

from overdue_guide.offline import on_config

__all__ = ["on_config"]
