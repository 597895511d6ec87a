"""How much an import may read: the same limits for the upload page and the command.

The admin upload takes files from the web and holds them to
``settings.UPLOAD_*``. ``import_articles`` holds every single-article file
(text, HTML, Word) and every zip to the same limits, and may raise them with
its options (``--max-file-mb``, ``--max-zip-mb``); only a JSON-lines file of
records (``.jsonl``, ``.jsonl.gz``: the 49 MB corpus is one) is read whatever
its size, each record being held to the article text limit like any article.

Every article, whatever its format, is refused past
``settings.ARTICLE_MAX_TEXT_CHARS`` of text (1 MiB by default): one 19 MB text
made every search that matched it take seconds.
"""
from dataclasses import dataclass, replace

from django.conf import settings

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int | None
    max_total_bytes: int | None  # what a zip or gzip may unpack to, in all
    max_ratio: int | None  # uncompressed / compressed, per member
    max_members: int | None
    max_text_chars: int | None = None  # one article's text
    records_unbounded: bool = False  # a JSON-lines file (or its gzip) may be of any size

    @classmethod
    def upload(cls):
        return cls(
            max_file_bytes=settings.UPLOAD_MAX_FILE_BYTES,
            max_total_bytes=settings.UPLOAD_MAX_ZIP_TOTAL_BYTES,
            max_ratio=settings.UPLOAD_MAX_ZIP_RATIO,
            max_members=settings.UPLOAD_MAX_ZIP_MEMBERS,
            max_text_chars=settings.ARTICLE_MAX_TEXT_CHARS,
        )

    @classmethod
    def command(cls, max_file_bytes=None, max_total_bytes=None, max_text_chars=None):
        """The upload's limits, raised where the operator says so."""
        upload = cls.upload()
        return replace(
            upload,
            max_file_bytes=max(upload.max_file_bytes or 0, max_file_bytes or 0) or None,
            max_total_bytes=max(upload.max_total_bytes or 0, max_total_bytes or 0) or None,
            max_text_chars=max(upload.max_text_chars or 0, max_text_chars or 0) or None,
            max_members=None,
            records_unbounded=True,
        )

    def for_records(self):
        """The limits a JSON-lines file is read with."""
        if not self.records_unbounded:
            return self
        return replace(self, max_file_bytes=None, max_total_bytes=None)


def megabytes(n):
    return f"{n / (1024 * 1024):.0f}"
