"""Find articles missing from the search index, orphaned and stale entries; repair them.

    python manage.py check_index            # report; exit 1 if anything is off
    python manage.py check_index --repair   # and fix it

Safe to run at any time, also while the archive serves: repairs go through the
same index writer, which waits for any other writer to finish.
"""
from django.core.management import BaseCommand, CommandError

from archive import progress
from archive.search import consistency


class Command(BaseCommand):
    help = "Compare the search index with the database and optionally repair it."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="re-index what is missing or stale, remove orphans")

    def handle(self, *args, repair=False, **options):
        report = consistency.inspect()
        self.stdout.write(report.summary())
        if report.consistent:
            self.stdout.write(self.style.SUCCESS("The index matches the database."))
            return
        for label, items in (("missing", report.missing), ("orphaned", report.orphans),
                             ("stale", report.stale), ("duplicated", report.duplicates)):
            if items and options["verbosity"] > 1:
                self.stdout.write(f"{label}: {', '.join(map(str, items[:50]))}{' …' if len(items) > 50 else ''}")
        if not repair:
            raise CommandError("The index does not match the database: run check_index --repair.")
        todo = len(set(report.missing + report.stale + report.duplicates))
        with progress.for_command(todo, "check_index --repair", options["verbosity"]) as shown:
            after = consistency.repair(report, progress=shown.update)
        self.stdout.write(after.summary())
        if not after.consistent:
            raise CommandError("The index still does not match the database after repair.")
        self.stdout.write(self.style.SUCCESS("Repaired: the index matches the database."))
