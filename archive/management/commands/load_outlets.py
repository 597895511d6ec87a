"""Load the outlet catalogue (fixtures/outlet_catalogue.json) into the archive.

Safe to run again: outlets already present keep their names and gain only the
aliases and domains they lack. ``load_demo_data`` runs it on a fresh archive.
"""
from django.core.management import BaseCommand

from archive.ingest.outlet_catalogue import CATALOGUE, load_catalogue


class Command(BaseCommand):
    help = "Load the catalogue of Arabic-language news outlets; adds, never removes."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(CATALOGUE), help="Another catalogue file of the same format.")

    def handle(self, *args, **options):
        created, updated = load_catalogue(options["file"])
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"Outlets: {created} added, {updated} completed."))
