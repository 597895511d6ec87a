"""The one import pipeline: the admin upload and ``import_articles`` both use it.

    read(name, data)   -> [Draft | Failure, ...]   what the file holds
    prepare(draft)     -> Draft                    tags, dateline, duplicates
    save(draft)        -> (Article, created)       all of it or nothing
    save_many(drafts)  -> [(draft, article, error)] a batch, new articles in bulk

``read`` never raises for a bad file: a file, zip member or JSON line that
cannot be read becomes a ``Failure`` with the reason in Arabic, and the others
are read all the same. ``prepare`` only reads the database, so a preview costs
nothing. ``save`` writes in one transaction; if anything fails, no row and no
stored file of that article remain.

Each step lives in its own module: ``reading``, ``preparing``, ``saving`` and
``bulk_insert``; this one names what callers use.
"""
from .bulk_insert import save_many
from .catalog import Catalog
from .draft import Draft, Failure, IngestError
from .limits import Limits
from .preparing import (
    DUPLICATE_WARNING, TITLE_MAX, UPDATE_WARNING, Analysis, analyse, content_hash, folded_content_hash, prepare, tidy,
)
from .reading import EXTERNAL_ID_MAX, external_id_for, iter_read, read, scrub, scrubbed
from .saving import duplicate_error, remove_files, save, stored_file_name, unique_slug

__all__ = [
    "Analysis", "Catalog", "DUPLICATE_WARNING", "Draft", "EXTERNAL_ID_MAX", "Failure", "IngestError", "Limits",
    "TITLE_MAX", "UPDATE_WARNING", "analyse", "content_hash", "duplicate_error", "external_id_for",
    "folded_content_hash", "iter_read", "prepare", "read", "remove_files", "save", "save_many", "scrub", "scrubbed",
    "stored_file_name", "tidy", "unique_slug",
]
