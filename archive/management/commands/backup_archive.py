"""Back up the archive into one .tar.gz: the database as portable JSON and the originals.

    python manage.py backup_archive /backups/archive-2026-11-22.tar.gz

The search index is not included: ``restore_archive`` rebuilds it from the
database, which is the record of truth. The JSON dump restores into SQLite
or PostgreSQL alike. Safe while the archive serves (it only reads).
"""
import io
import json
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command

from archive.models import Article

# What a restore needs: the archive itself and its users and permissions.
APPS = ["archive", "auth.user", "auth.group"]


class Command(BaseCommand):
    help = "Write the database (as JSON) and the original files into one .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("output", help="path of the .tar.gz to write")

    def handle(self, *args, output, **options):
        target = Path(output)
        if target.exists():
            raise CommandError(f"{target} exists: choose a new file name.")
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            dump = Path(tmp) / "database.json"
            call_command("dumpdata", *APPS, natural_foreign=True, output=str(dump), verbosity=0)
            manifest = {
                "format": 1,
                "created": datetime.now(timezone.utc).isoformat(),
                "articles": Article.objects.count(),
                "database_engine": settings.DATABASES["default"]["ENGINE"],
            }
            partial = target.with_name(target.name + ".partial")
            with tarfile.open(partial, "w:gz") as tar:
                data = json.dumps(manifest, indent=2).encode()
                info = tarfile.TarInfo("manifest.json")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
                tar.add(dump, arcname="database.json")
                originals = Path(settings.MEDIA_ROOT)
                if originals.is_dir():
                    tar.add(originals, arcname="originals")
            partial.rename(target)  # a half-written backup never has the final name
        self.stdout.write(self.style.SUCCESS(f"Backed up {manifest['articles']} articles to {target}"))
