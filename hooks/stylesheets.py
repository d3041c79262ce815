"""MkDocs hook: Material's stylesheets and the site's in one file, site.css (overdue_guide.stylesheets)."""

from overdue_guide.stylesheets import on_env, on_files

__all__ = ["on_env", "on_files"]
