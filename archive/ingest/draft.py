"""What an importer makes of one article before it is saved, and how it fails.

A ``Draft`` is everything read from a file or record: the text, what was
recognised in it (outlet, date, dateline, people, places, forces) and the
warnings a user should see before confirming. Nothing in it touches the
database; ``archive.ingest.pipeline.save`` turns it into an ``Article``.

Every refusal is an ``IngestError`` whose message is one clear Arabic sentence
for the person who uploaded the file; ``message_en`` says the same for logs and
for the command line.
"""
from dataclasses import dataclass, field
from datetime import date


class IngestError(Exception):
    """A file or record the archive will not take, with the reason in Arabic."""

    def __init__(self, message, message_en=""):
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message

    def __str__(self):
        return self.message


@dataclass
class Draft:
    title: str
    body: str
    source_name: str = ""
    # The outlet as named in the text, and the known Outlet it matched (if any).
    # ``outlet_is_new`` means the outlet will be created when the draft is saved.
    outlet_name: str | None = None
    outlet_id: int | None = None
    outlet_is_new: bool = False
    # The date a reader would take as the publication date; when only the
    # month or year is known it is that month's or year's first day.
    published: date | None = None
    date_precision: str = ""  # "day" | "month" | "year" | ""
    dateline_name: str | None = None
    dateline_id: int | None = None
    url: str = ""
    external_id: str | None = None
    # True when the id is the file's name (not a record's own id): such an id
    # updates a stored article only if the text is that article (file_ids).
    id_from_name: bool = False
    original_bytes: bytes | None = None
    original_text: str = ""
    speaker_ids: list = field(default_factory=list)
    place_ids: list = field(default_factory=list)
    force_ids: list = field(default_factory=list)
    # People quoted whom the gazetteer does not know (archive.speakers):
    # {"name", "role", "accept"}; stored as proposals, never as speakers
    # unless the archivist ticks "accept" in the upload preview.
    speaker_proposals: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    # Lines of the page the learnt line model took out of the body: seen by the
    # import's furniture learning as the rules read them (``ingest.boilerplate``).
    furniture_seen: list = field(default_factory=list)
    # The article holding the same text already (refused when saved), and the
    # article with the same external id (updated when saved).
    duplicate_of: int | None = None
    update_of: int | None = None
    # Filled by ``prepare``: the hash ``save`` stores, and whether it ran.
    content_hash: str = ""
    prepared: bool = False
    # The MinHash signature of the body (archive.near_duplicates) when an
    # import worker computed it with the tags, so the writer need not again.
    minhash: list | None = None
    # What the importer read: "text", "html", "docx" or "jsonl".
    format: str = ""
    # Set by ``save``: "created", "updated" or "unchanged".
    outcome: str = ""
    # Where each value was found, in the archivist's words, for the preview:
    # {"title": "وسم og:title", "date": "«نشر في: 14 مايو 2018» في رأس الصفحة", "outlet": …}.
    provenance: dict = field(default_factory=dict)

    def warn(self, message):
        if message not in self.warnings:
            self.warnings.append(message)

    def drop_warnings(self, prefix):
        self.warnings = [w for w in self.warnings if not w.startswith(prefix)]


@dataclass
class Failure:
    """A file, archive member or record that could not be read."""

    source_name: str
    message: str
    message_en: str = ""

    @classmethod
    def from_error(cls, source_name, error):
        return cls(source_name, error.message, error.message_en)

    @property
    def shown(self):
        """The reason in the interface's language: English when the page is English."""
        from django.utils.translation import get_language

        english = (get_language() or "").startswith("en")
        return self.message_en if english and self.message_en else self.message

    def __str__(self):
        return f"{self.source_name}: {self.message}"
