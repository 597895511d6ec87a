"""Tools that measure the archive, kept apart from the code that serves it.

The benchmark (``tooling.bench``), the load test (``tooling.loadtest``) and the
quality evaluations (``tooling.evaluation``) start servers, generate corpora and
score results; nothing under ``archive/`` that serves a request imports them.
Only the management commands (``manage.py bench``, ``load_test``,
``evaluate_search``, ``evaluate_extraction``) and the tests do.
"""
