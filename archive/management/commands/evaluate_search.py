"""Measure search: Success@10 and MRR of the archive's broad and exact modes
beside haystack's default Whoosh analyzer, on queries typed the ways people
type Arabic (see ``tooling.evaluation.search`` for the query classes).

    .venv/bin/python manage.py evaluate_search                      # the five seeds only
    .venv/bin/python manage.py evaluate_search \\
        --corpus ../shared/corpus/articles.jsonl.gz --articles 5000 --queries 400 \\
        --json evaluation.json

Builds its own throw-away indexes in a temporary directory and deletes them;
the archive's index and database are not touched (not even read).
"""
import json
from pathlib import Path

from django.core.management import BaseCommand

from tooling.evaluation import search as evaluation


class Command(BaseCommand):
    help = ("Evaluate search (Success@10, MRR) for broad mode, exact mode and haystack's "
            "default analyzer, over the seeds plus a sample of a corpus.")
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("--corpus", nargs="+", default=[], metavar="FILE",
                            help="JSON-lines corpus file(s), gzip or not. Without it (or when "
                                 "the file is missing) only the five seeds are used.")
        parser.add_argument("--articles", type=int, default=3000, metavar="N",
                            help="corpus articles to sample (default 3000)")
        parser.add_argument("--queries", type=int, default=300, metavar="M",
                            help="known-item target articles, and at most this many name "
                                 "queries (default 300)")
        parser.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
        parser.add_argument("--json", metavar="OUT", help="also write the figures as JSON here")

    def handle(self, *args, **options):
        def log(message):
            if options["verbosity"] > 0:
                self.stderr.write(message)

        report = evaluation.evaluate(
            corpus=options["corpus"], articles=max(0, options["articles"]),
            queries=max(1, options["queries"]), seed=options["seed"], log=log,
        )
        config = report.config
        self.stdout.write(
            f"{config['documents_indexed']} articles indexed "
            f"({'seeds + ' + str(config['articles_requested']) + ' sampled from ' + ', '.join(config['corpus']) if config['corpus'] else 'the five seeds only'}); "
            f"random seed {config['random_seed']}."
        )
        self.stdout.write(evaluation.format_table(report))
        self.stdout.write(
            "S@10 = Success@10, MRR = mean reciprocal rank (first "
            f"{evaluation.LIMIT} results), R@100 = recall in the first 100. "
            f"Times (s): {json.dumps(report.timings)}"
        )
        if options["json"]:
            out = Path(options["json"])
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(report.as_json(), ensure_ascii=False, indent=2), encoding="utf-8")
            log(f"figures written to {out}")
