"""Back up the archive into one .tar.gz: the database as portable JSON and the originals.

    python manage.py backup_archive /backups/archive-2026-11-22.tar.gz

The search index is not included: ``restore_archive`` rebuilds it from the
database, which is the record of truth. The JSON dump restores into SQLite
or PostgreSQL alike. Safe while the archive serves (it only reads).
"""
import io
import json
import os
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, CommandError, call_command

from archive import progress
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
            originals = Path(settings.MEDIA_ROOT)
            files = sorted(p for p in originals.rglob("*") if p.is_file()) if originals.is_dir() else []
            # 0600 from the first byte: the backup holds the staff's password hashes.
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                data = json.dumps(manifest, indent=2).encode()
                info = tarfile.TarInfo("manifest.json")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
                tar.add(dump, arcname="database.json")
                with progress.for_command(len(files), "backup_archive", options["verbosity"], unit="files") as shown:
                    for path in files:
                        tar.add(path, arcname=f"originals/{path.relative_to(originals).as_posix()}", recursive=False)
                        shown.update()
            os.chmod(partial, 0o600)  # also when an older .partial was there with wider rights
            partial.rename(target)  # a half-written backup never has the final name
        self.stdout.write(self.style.SUCCESS(f"Backed up {manifest['articles']} articles to {target}"))
