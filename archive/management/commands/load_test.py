"""The bounded load test: ``python manage.py load_test [--duration S] [--clients C] ...``.

Readers search, change facets and read articles while an archivist uploads
through the admin, against make run's gunicorn on 127.0.0.1, in a throw-away
archive; fails on any error, lost article or index out of step with the
database. See ``tooling/loadtest.py`` and the README's "Load test".
"""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tooling.loadtest import LoadTest, LoadTestError, Options, render


def positive(kind):
    def parse(text):
        value = kind(text)
        if value <= 0:
            raise ValueError(text)
        return value
    parse.__name__ = kind.__name__
    return parse


class Command(BaseCommand):
    help = ("Load test: concurrent readers (searches, facets, article pages) and an archivist uploading "
            "through the admin, against gunicorn on 127.0.0.1 in a throw-away archive; fails on any error "
            "or lost article.")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=positive(float), default=60.0,
                            help="Seconds the readers and the archivist run (default 60).")
        parser.add_argument("--clients", type=positive(int), default=4, help="Concurrent readers (default 4).")
        parser.add_argument("--hostile", type=int, default=4,
                            help="Clients sending the worst searches back to back (default 4; 0: none).")
        parser.add_argument("--max-page-p95", type=positive(float), default=15000.0,
                            help="Milliseconds the p95 of article pages and of all readers' requests may reach "
                                 "(default 15000).")
        parser.add_argument("--workers", type=positive(int), default=2, help="gunicorn workers (default 2, as make run).")
        parser.add_argument("--articles", type=positive(int), default=300,
                            help="Generated articles imported before the load (default 300).")
        parser.add_argument("--upload-every", type=positive(float), default=5.0,
                            help="Seconds between the archivist's uploads (default 5).")
        parser.add_argument("--upload-size", type=positive(int), default=3, help="Articles per upload (default 3).")
        parser.add_argument("--rate-limit", default="0",
                            help="SEARCH_RATE_LIMIT for gunicorn (default 0: every reader is 127.0.0.1).")
        parser.add_argument("--timeout", type=positive(float), default=60.0,
                            help="Seconds before a request counts as failed (default 60).")
        parser.add_argument("--seed", type=int, default=1, help="Seed of the generated text and the readers' choices.")
        parser.add_argument("--tmpdir", help="Where to make the throw-away directory (default: the system's).")
        parser.add_argument("--keep", action="store_true", help="Keep the throw-away directory (its path is printed).")
        parser.add_argument("--json", metavar="OUT", help="Write the report as JSON to this file.")

    def handle(self, *args, **o):
        options = Options(
            articles=o["articles"], duration=o["duration"], clients=o["clients"], workers=o["workers"],
            hostile=max(0, o["hostile"]), max_page_p95_ms=o["max_page_p95"],
            upload_every=o["upload_every"], upload_size=o["upload_size"], rate_limit=o["rate_limit"],
            timeout=o["timeout"], seed=o["seed"], keep=o["keep"], tmpdir=o["tmpdir"], json_out=o["json"],
        )
        quiet = o["verbosity"] == 0
        try:
            report = LoadTest(options, write=(lambda line: None) if quiet else self.stderr.write).run()
        except LoadTestError as error:
            raise CommandError(str(error))
        if o["json"]:
            Path(o["json"]).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self.stdout.write(render(report))
        if report["failures"]:
            if report.get("gunicorn_log_tail"):
                self.stderr.write(report["gunicorn_log_tail"])
            raise CommandError("load test failed: " + "; ".join(report["failures"]))
