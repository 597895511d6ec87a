"""How much an import may read: the upload limits, or none for the operator.

The admin upload takes files from the web and holds them to
``settings.UPLOAD_*``. ``import_articles`` reads files the operator already has
on the server (the 49 MB corpus is bigger than an upload may be), so it lifts
the size limits but keeps the zip-bomb ratio and the path checks.
"""
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int | None
    max_total_bytes: int | None  # what a zip or gzip may unpack to, in all
    max_ratio: int | None  # uncompressed / compressed, per member
    max_members: int | None

    @classmethod
    def upload(cls):
        return cls(
            max_file_bytes=settings.UPLOAD_MAX_FILE_BYTES,
            max_total_bytes=settings.UPLOAD_MAX_ZIP_TOTAL_BYTES,
            max_ratio=settings.UPLOAD_MAX_ZIP_RATIO,
            max_members=settings.UPLOAD_MAX_ZIP_MEMBERS,
        )

    @classmethod
    def command(cls):
        return cls(
            max_file_bytes=None,
            max_total_bytes=None,
            max_ratio=settings.UPLOAD_MAX_ZIP_RATIO,
            max_members=None,
        )


def megabytes(n):
    return f"{n / (1024 * 1024):.0f}"
