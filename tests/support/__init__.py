"""What the tests share, as ordinary modules, imported as `support.*` from any test folder.

pytest puts tests/ on the import path itself: tests/conftest.py sits in a folder that is not a
package, and pytest's default (prepend) import mode adds the folder of such a conftest before
loading it. So neither a `pythonpath` setting nor an installed package is needed
(tests/unit/test_package.py holds pytest to adding nothing of ours to the path).

- `project`: a throwaway copy of the project to break and build (the `project` fixture's class);
- `gate`: building such a copy over a previous output and reading what the gate printed;
- `site_pages`: the site's pages, from the nav of mkdocs.yml;
- `browsing`: what the browser tests share (watching a page, search, palette, axe-core).
- `shared_site`: the one build of the real site a test run makes, shared by the xdist workers.

Fixtures stay in conftest.py files, where pytest finds them; this package holds the plain
functions and classes they and the tests use, so no test imports a conftest or another test file.
"""
