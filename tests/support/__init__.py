"""What the tests share, as ordinary modules (pyproject.toml puts tests/ on pytest's import path).

- `project`: a throwaway copy of the project to break and build (the `project` fixture's class);
- `gate`: building such a copy over a previous output and reading what the gate printed;
- `site_pages`: the site's pages, from the nav of mkdocs.yml;
- `browsing`: what the browser tests share (watching a page, search, palette, axe-core).

Fixtures stay in conftest.py files, where pytest finds them; this package holds the plain
functions and classes they and the tests use, so no test imports a conftest or another test file.
"""
