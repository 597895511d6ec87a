"""Export articles with their full text as JSON Lines, from the command line.

    python manage.py export_articles OUT.jsonl[.gz] [--q "داعش"] [--location nineveh ...]
        [--force ...] [--speaker ...] [--source ...] [--date-from 2017-01-01]
        [--date-to 2017-12-31] [--mode exact] [--sort newest] [--no-expand]
        [--base-url https://archive.example.org]

The same lines as ``/search/export.jsonl`` with the same search
(``archive.fulltext_export``): no option exports the whole archive. ``-`` as
OUT writes to standard output; a name ending in ``.gz`` is gzip-compressed.
The file is written beside OUT and renamed into place at the end, so an
interrupted export never leaves a half file under the final name. A progress
bar on standard error counts the articles (hidden with ``-v 0`` or when
standard error is not a terminal).
"""
import gzip
import os
from pathlib import Path
import sys

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from django.urls import reverse

from archive.fulltext_export import jsonl_line, records
from archive.search.engine import iter_matching_ids
from archive.search.params import FILTERS, BadParameter, SearchParams


class Command(BaseCommand):
    help = "Export the articles matching a search (all by default) with their full text as JSON Lines."

    def add_arguments(self, parser):
        parser.add_argument("out", help="OUT.jsonl, OUT.jsonl.gz, or - for standard output")
        parser.add_argument("--q", default="", help="search words, as typed on the search page")
        parser.add_argument("--mode", choices=("broad", "exact"), default="broad")
        parser.add_argument("--sort", choices=("relevance", "newest", "oldest"), default="relevance")
        for name in FILTERS:
            parser.add_argument(f"--{name}", action="append", default=[], metavar="SLUG",
                                help=f"only articles with this {name} (repeat for any of several)")
        parser.add_argument("--date-from", default="", metavar="YYYY-MM-DD")
        parser.add_argument("--date-to", default="", metavar="YYYY-MM-DD")
        parser.add_argument("--no-expand", action="store_true", help="do not expand names to their other spellings")
        parser.add_argument("--base-url", default=os.environ.get("ARCHIVE_BASE_URL", "http://127.0.0.1:8000"),
                            help="the archive's address, for each article's permanent address "
                                 "(default: $ARCHIVE_BASE_URL or http://127.0.0.1:8000)")

    def handle(self, *args, **options):
        params = self._params(options)
        base = options["base_url"].rstrip("/")
        pks = list(iter_matching_ids(params))
        out = options["out"]
        from tqdm import tqdm

        bar = tqdm(total=len(pks), unit=" art", file=sys.stderr, dynamic_ncols=True, mininterval=0.5,
                   disable=options["verbosity"] == 0 or not sys.stderr.isatty())
        written = 0
        try:
            if out == "-":
                written = self._write(sys.stdout, pks, base, bar)
            else:
                target = Path(out)
                partial = target.with_name(target.name + ".part")
                opener = gzip.open if target.name.endswith(".gz") else open
                try:
                    with opener(partial, "wt", encoding="utf-8", newline="\n") as handle:
                        written = self._write(handle, pks, base, bar)
                    partial.replace(target)
                except OSError as error:
                    raise CommandError(f"Cannot write {out}: {error.strerror or error}")
                finally:
                    if partial.exists():
                        partial.unlink()
        finally:
            bar.close()
        if out != "-" and options["verbosity"] > 0:
            self.stderr.write(self.style.SUCCESS(f"{written} articles written to {out}"))

    def _params(self, options):
        data = QueryDict(mutable=True)
        data["q"] = options["q"]
        data["mode"] = options["mode"]
        data["sort"] = options["sort"]
        for name in FILTERS:
            data.setlist(name, options[name])
        data["date_from"] = options["date_from"]
        data["date_to"] = options["date_to"]
        if options["no_expand"]:
            data["expand"] = "0"
        try:
            return SearchParams.from_querydict(data)
        except BadParameter as error:
            raise CommandError(error.message)

    def _write(self, handle, pks, base, bar):
        marker = 999999999
        before, after = (base + reverse("archive:article", args=[marker])).split(str(marker), 1)
        written = 0
        for record in records(pks, lambda pk: f"{before}{pk}{after}"):
            handle.write(jsonl_line(record))
            written += 1
            bar.update(1)
        return written
