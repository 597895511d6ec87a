"""The performance benchmark: ``python manage.py bench --articles N [--corpus FILE ...]``.

Imports N articles into a throw-away archive through the real pipeline, serves
it with gunicorn as ``make run`` does, drives the JSON API with concurrent
clients through a fixed query mix, times the bare engine on the same queries,
and prints a table (and ``--json OUT``). See ``tooling/bench/runner.py`` and
the README's "Performance and scaling".
"""
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tooling.bench.runner import BenchError, Options, Run, table


class Command(BaseCommand):
    help = ("Benchmark import and search: a throw-away archive of N articles, served by gunicorn, "
            "driven over HTTP by concurrent clients; prints per-class latencies and ratios to the bare engine.")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000, help="How many articles to import (default 1000).")
        parser.add_argument("--corpus", nargs="+", default=[], metavar="FILE",
                            help="JSON-lines corpus files (.jsonl / .jsonl.gz); replicated with small variations "
                                 "past their size. Without it, generated text.")
        parser.add_argument("--clients", type=int, default=4, help="Concurrent HTTP clients (default 4).")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2, as make run).")
        parser.add_argument("--requests", type=int, default=50, help="Requests of each query class (default 50).")
        parser.add_argument("--duration", type=float, default=300.0,
                            help="Most seconds the clients run, whatever is left unsent (default 300).")
        parser.add_argument("--raw-runs", type=int, default=30, help="Timed runs of each query on the bare engine.")
        parser.add_argument("--batch-size", type=int, default=500, help="import_articles --batch-size (default 500).")
        parser.add_argument("--json", metavar="OUT", help="Write the report as JSON to this file.")
        parser.add_argument("--profile", metavar="DIR",
                            help="Also profile each class in-process (cProfile, whole Django view) into DIR.")
        parser.add_argument("--production", action="store_true",
                            help="Serve with DEBUG=0 (a random SECRET_KEY) instead of make run's DEBUG=1.")
        parser.add_argument("--seed", type=int, default=1, help="Seed of the generated text and the request order.")
        parser.add_argument("--tmpdir", help="Where to make the throw-away directory (default: the system's).")
        parser.add_argument("--import-only", action="store_true",
                            help="Only import (rate, index size): for sizes whose search runs would not fit the time.")
        parser.add_argument("--keep", action="store_true", help="Keep the throw-away directory (its path is printed).")
        parser.add_argument("--reuse", metavar="DIR",
                            help="Serve and time again the archive an earlier SQLite run kept with --keep "
                                 "(no import: its import figures are reported as measured then).")
        parser.add_argument("--search-cache", action="store_true",
                            help="Let the workers keep recent search outcomes (off by default: the mix repeats "
                                 "each query, so nearly every answer would come from the cache).")
        parser.add_argument("--backend", choices=("whoosh", "tantivy"), default=None,
                            help="The search index to measure (default: SEARCH_BACKEND, else tantivy).")

    def handle(self, *args, **o):
        if o["articles"] < 1 or o["clients"] < 1 or o["workers"] < 1 or o["requests"] < 1:
            raise CommandError("--articles, --clients, --workers and --requests must be at least 1.")
        for path in o["corpus"]:
            if not Path(path).is_file():
                raise CommandError(f"No such corpus file: {path}")
        options = Options(
            articles=o["articles"], corpus=o["corpus"], clients=o["clients"], workers=o["workers"],
            requests=o["requests"], duration=o["duration"], raw_runs=o["raw_runs"], json_out=o["json"],
            keep=o["keep"], seed=o["seed"], batch_size=o["batch_size"], production=o["production"],
            profile_dir=o["profile"], tmpdir=o["tmpdir"], import_only=o["import_only"],
            search_cache=o["search_cache"], reuse=o["reuse"],
            backend=o["backend"] or (settings.SEARCH_BACKEND if settings.SEARCH_BACKEND == "whoosh" else "tantivy"),
        )
        quiet = o["verbosity"] == 0
        try:
            report = Run(options, write=(lambda line: None) if quiet else self.stderr.write).run()
        except BenchError as error:
            raise CommandError(str(error))
        if o["json"]:
            Path(o["json"]).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if not quiet:
            self.stdout.write(table(report))
