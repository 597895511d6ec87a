"""The files an import is asked to read, and how many articles each holds.

``import_articles`` walks folders for the extensions the readers take and
counts records ahead for its progress bar.
"""
from pathlib import Path

from django.core.management.base import CommandError

from archive.ingest.draft import IngestError

SUFFIXES = (".txt", ".html", ".htm", ".docx", ".jsonl", ".jsonl.gz", ".zip")


def collect_files(paths):
    """``(path, name)`` of every file to read: named files as given, folders walked."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if any(part.startswith((".", "__MACOSX")) for part in relative.parts):
                    continue
                if child.is_file() and child.name.lower().endswith(SUFFIXES):
                    found.append((child, f"{path.name}/{relative.as_posix()}"))
        elif path.is_file():
            found.append((path, path.name))
        else:
            raise CommandError(f"No such file or folder: {raw}")
    return found


def count_items(path, limits):
    """How many records a file holds, for the progress bar (1 for one article)."""
    import zipfile

    from archive.ingest.archives import count_lines, gunzip_chunks

    try:
        with path.open("rb") as stream:
            head = stream.read(4)
        if head.startswith(b"\x1f\x8b"):
            return count_lines(gunzip_chunks(path.name, path.read_bytes(), limits.for_records()))
        if head.startswith(b"PK"):
            with zipfile.ZipFile(path) as zf:
                names = zf.namelist()
            if "word/document.xml" in names:
                return 1
            return sum(1 for n in names if not n.endswith("/")) or 1
        if path.name.lower().endswith((".jsonl", ".json")):
            data = path.read_bytes()
            return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    except (OSError, zipfile.BadZipFile, IngestError):
        pass
    return 1
