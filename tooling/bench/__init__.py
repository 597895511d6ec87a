"""The benchmark behind ``python manage.py bench`` (and ``make bench``).

    corpus.py   the articles to import: corpus files, replicated with small
                variations past their size, or generated text when none given
    queries.py  the fixed query mix, chosen from what was imported
    inproc.py   what runs inside the throw-away archive (its own process):
                choosing the queries, timing the bare engine, checking facet
                counts, profiling
    runner.py   the whole run: data directory, import, gunicorn, clients,
                report (table and JSON)

Nothing here is imported by the archive itself.
"""
