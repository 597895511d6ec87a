"""Measure metadata and body extraction of the import pipeline beside trafilatura.

    .venv/bin/python manage.py load_demo_data          # once: the gazetteer's outlets
    .venv/bin/python manage.py evaluate_extraction \\
        --corpus ../shared/corpus/articles.jsonl.gz --records 300 --json extraction.json

Renders sampled corpus records into saved pages and text files of several
layouts (see ``tooling.evaluation.extraction``), reads them back with
``pipeline.read`` and with ``trafilatura.bare_extraction``, and reports how
often title, outlet, date and the body's first and last lines come out right.
Nothing is saved; the outlets are read from the configured database.
"""
import json
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError

from tooling.evaluation import extraction as evaluation

DEFAULT_CORPUS = Path(settings.BASE_DIR).parent / "shared" / "corpus" / "articles.jsonl.gz"


class Command(BaseCommand):
    help = ("Render corpus records into pages and text files, read them back with the import "
            "pipeline and with trafilatura, and report % right for title, outlet, date and body.")

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), metavar="FILE",
                            help="JSON-lines corpus, gzip or not (default ../shared/corpus/articles.jsonl.gz)")
        parser.add_argument("--records", type=int, default=300, metavar="N",
                            help="records to sample (default 300)")
        parser.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
        parser.add_argument("--json", metavar="OUT", help="also write the figures as JSON here")

    def handle(self, *args, **options):
        from archive.models import Outlet

        corpus = Path(options["corpus"])
        if not corpus.exists():
            raise CommandError(f"No corpus at {corpus}")
        if not Outlet.objects.exists():
            self.stderr.write("No outlets in the database: run `manage.py load_demo_data` first, "
                              "or every outlet will count as wrong.")
        report = evaluation.run(corpus, n=options["records"], seed=options["seed"],
                                log=lambda message: self.stderr.write(message))
        self.stdout.write(evaluation.format_report(report))
        if options["json"]:
            Path(options["json"]).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
            self.stdout.write(f"JSON written to {options['json']}")
