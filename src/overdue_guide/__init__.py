"""逾期協商指南: the code that builds, checks and publishes the guide.

One importable package, installed in editable mode by ``scripts/setup``; every
module imports on its own (``python -c "import overdue_guide.<name>"``), and
nothing changes Python's import path or imports a file by where it lies
(tests/unit/test_package.py holds the package to it).

By role:

- MkDocs' events (one module per feature, thin handlers over pure functions):
  ``editions``, ``page_checks``, ``offline``, ``checklist``, ``glossary``,
  ``search_scripts``, ``downloads``, ``service_worker`` (and its files in
  ``offline_assets/``); with ``data_file``, the one reader of contributors' files.
- The publishing path: ``build_site`` (every edition and download, strict),
  ``publish`` (atomic replacement of site/), ``offline_bundle``, ``single_page``,
  ``pdf``, ``script_purity``.
- The gate: ``lint_content``, ``typography``, ``vocabulary``.
- CI reporting: ``report`` (annotations, job summary), ``preview``.
- Shared with the tests: ``local_site`` (a built site on loopback, how Chromium starts).
- Developer tools, never run by a build: ``devtools.bench``, ``devtools.page_weight``.

Why ``hooks/*.py`` and not plugins registered as entry points: the hook files
are MkDocs' entry point as the project's design wants it. ``mkdocs.yml`` lists
them in the order they run, beside the settings they read, so a contributor
sees in one file everything that touches a build; each file is a two-line
adapter that imports its event handlers from this package. The handlers keep
no state in a module or a plugin object (a build's state lives on its own
config, since ``scripts/build`` makes several builds in one process; the one
exception is which command started MkDocs, which ``on_startup`` alone is told
and ``service_worker`` keeps until ``on_shutdown``), so a
``BasePlugin`` class per feature would add a class, an entry point and a
``plugins:`` entry without taking anything away. Entry-point plugins read
better once a feature needs its own typed options (``config_options``);
until then the options live under ``extra`` in ``mkdocs.yml``.

The command-line tools are modules run with ``python -m``: the shell entry
points in ``scripts/`` (setup, serve, test, check, build, offline-bundle,
bench) call them.
"""
