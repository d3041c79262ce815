"""Developer tools: measurements run by hand (``scripts/bench``, ``python -m overdue_guide.devtools.page_weight``).

Never part of a build or of the tests: they print figures (timing and size goals belong here, not in
timed tests).
"""
