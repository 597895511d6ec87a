"""Saving one draft as an article, all of it or nothing (``archive.ingest.pipeline``).

``save`` writes in one transaction; if anything fails, no row and no stored
file of that article remain. ``archive.ingest.bulk_insert`` saves a batch of
new articles together and falls back to ``save`` for the rest.
"""
from contextlib import nullcontext
from hashlib import sha256
import logging
import os
import re
import unicodedata

from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, transaction
from django.utils.text import slugify

from archive import history

from . import file_ids
from .catalog import Catalog
from .draft import Draft, IngestError
from .preparing import DUPLICATE_WARNING, prepare

log = logging.getLogger(__name__)


def duplicate_error(pk):
    return IngestError(f"{DUPLICATE_WARNING}{pk}", f"This article is already stored: #{pk}")


def save(draft: Draft, *, index=True, catalog=None):
    """Store the draft as an article: ``(article, created)``.

    Creates the outlet when it is new, updates the article with the same
    external id instead of adding a second, and refuses a text already stored
    as another article. In one transaction, stored file included: when
    anything fails nothing of the article remains. With ``index=False`` the
    search index is not touched (the caller indexes in batches).
    """
    from archive.models import Article

    catalog = catalog if catalog is not None else Catalog()
    if not draft.prepared:
        prepare(draft, catalog)
    # The archive may have changed since the preview: look again.
    existing = file_ids.settle(draft, catalog, catalog.article_with_external_id(draft.external_id))
    draft.update_of = existing[0] if existing else None
    other = catalog.article_with_hash(draft.content_hash, exclude=draft.update_of)
    if other:
        draft.duplicate_of = other
        raise duplicate_error(other)

    stored = []
    old_hash = existing[1] if existing else None
    try:
        with (nullcontext() if index else _paused()), transaction.atomic():
            outlet_id = _outlet_id(draft, catalog)
            filter_relations(draft, catalog)
            article = None
            if draft.update_of:
                article = Article.objects.select_for_update().filter(pk=draft.update_of).first()
            created = article is None
            if article is None:
                article = Article()
            elif _unchanged(article, draft, outlet_id):
                draft.outcome = "unchanged"
                return article, False
            else:
                history.keep_first_version(article.pk)
            article.title = draft.title
            article.body = draft.body
            article.outlet_id = outlet_id
            article.published = draft.published
            article.date_precision = draft.date_precision if draft.published else ""
            article.url = draft.url or ""
            article.external_id = draft.external_id or None
            article.dateline_id = draft.dateline_id
            article.original_name = (draft.source_name or "")[:500]
            article.original_text = draft.original_text or ""
            article.content_hash = draft.content_hash
            if draft.original_bytes is not None:
                article.original_sha256 = sha256(draft.original_bytes).hexdigest()
            # One version in the article's history once text, relations and
            # file are all saved, not one per save (archive.history).
            with history.without_version(article):
                article.save()
                if created:
                    _add_relations(article, draft)
                else:
                    article.speakers.set(draft.speaker_ids)
                    article.places.set(draft.place_ids)
                    article.forces.set(draft.force_ids)
                if draft.speaker_proposals or not created:
                    from archive.proposals import store

                    store(article, draft.speaker_proposals)
                if draft.original_bytes is not None:
                    # The file it replaces stays: the earlier version in the
                    # article's history still names it.
                    article.original_file.save(
                        stored_file_name(draft.source_name, draft.format), ContentFile(draft.original_bytes), save=False,
                    )
                    stored.append(article.original_file.name)
                    article.save(update_fields=["original_file"])
            history.record(article, history.IMPORT, kind="+" if created else "~")
    except BaseException as error:
        for name in stored:
            _delete_file(name)
        if isinstance(error, IntegrityError):
            raise IngestError(
                "تعذّر حفظ المقال: تعارض مع مقال محفوظ (المعرّف نفسه أو النص نفسه).",
                f"Could not save the article: it conflicts with a stored one ({error}).",
            ) from error
        if isinstance(error, DatabaseError):
            raise IngestError(
                "تعذّر حفظ المقال بسبب خطأ في قاعدة البيانات، فلم يُحفظ منه شيء.",
                f"Could not save the article because of a database error; nothing of it was kept ({error}).",
            ) from error
        raise
    draft.outcome = "created" if created else "updated"
    catalog.new_files.extend(stored)
    catalog.article_saved(article.pk, draft.content_hash, draft.external_id, old_hash=old_hash)
    return article, created


def _paused():
    from archive.search.signals import paused

    return paused()


def filter_relations(draft, catalog):
    from archive.models import Force, Place, Speaker

    draft.speaker_ids = catalog.existing(Speaker, draft.speaker_ids)
    draft.place_ids = catalog.existing(Place, draft.place_ids)
    draft.force_ids = catalog.existing(Force, draft.force_ids)
    if draft.dateline_id and not catalog.existing(Place, [draft.dateline_id]):
        draft.dateline_id = None


def _add_relations(article, draft):
    """A new article's relations: inserted directly, no lookups of what is there."""
    from archive.models import Article

    for field, ids, column in (
        (Article.speakers, draft.speaker_ids, "speaker_id"),
        (Article.places, draft.place_ids, "place_id"),
        (Article.forces, draft.force_ids, "force_id"),
    ):
        if ids:
            through = field.through
            through.objects.bulk_create([through(article_id=article.pk, **{column: pk}) for pk in ids])
            # bulk_create sends no m2m_changed: the signal processor would not
            # know; index=True callers still get the article indexed on commit
            # through post_save, which reads the relations from the database.


def _unchanged(article, draft, outlet_id):
    same = (
        article.content_hash == draft.content_hash
        and article.title == draft.title
        and article.body == draft.body
        and article.outlet_id == outlet_id
        and article.published == draft.published
        and (article.date_precision or "") == (draft.date_precision if draft.published else "")
        and (article.url or "") == (draft.url or "")
        and article.dateline_id == draft.dateline_id
        and (draft.original_bytes is None or bool(article.original_file))
    )
    if not same:
        return False
    return (
        sorted(article.speakers.values_list("pk", flat=True)) == sorted(draft.speaker_ids)
        and sorted(article.places.values_list("pk", flat=True)) == sorted(draft.place_ids)
        and sorted(article.forces.values_list("pk", flat=True)) == sorted(draft.force_ids)
    )


def _outlet_id(draft, catalog):
    from archive.models import Outlet

    if draft.outlet_id:
        if catalog.preload or Outlet.objects.filter(pk=draft.outlet_id).exists():
            return draft.outlet_id
        raise IngestError("وسيلة الإعلام المختارة لم تعد موجودة.", "The chosen outlet no longer exists.")
    if not (draft.outlet_is_new and draft.outlet_name):
        return None
    # Created meanwhile (by an earlier article of this import, or another user)?
    known = catalog.current_outlets().find_name(draft.outlet_name)
    if known:
        return known
    name = draft.outlet_name.strip()[:200]
    latin = bool(re.fullmatch(r"[\x20-\x7e]+", name))
    outlet = Outlet.objects.create(
        name=name, name_en=name if latin else "", slug=unique_slug(name), aliases=[],
    )
    catalog.outlet_added(outlet)
    return outlet.pk


_TRANSLIT = str.maketrans({
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ء": "", "ؤ": "u", "ئ": "i", "ب": "b", "ت": "t", "ث": "th",
    "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh",
    "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a", "پ": "p",
    "گ": "g", "چ": "ch", "ژ": "zh", "ڤ": "v", "ێ": "e", "ە": "e", "ھ": "h", "ۆ": "o", "ڕ": "r", "ڵ": "l",
})


def unique_slug(name):
    from archive.models import Outlet

    base = slugify(name.translate(_TRANSLIT))[:100].strip("-") or "outlet"
    slug, n = base, 2
    while Outlet.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


_SUFFIX_FOR_FORMAT = {"text": ".txt", "html": ".html", "docx": ".docx", "jsonl": ".jsonl"}


def stored_file_name(source_name, fmt=""):
    """A safe file name for the original: no folders, no odd characters, its extension kept."""
    base = re.split(r"[\\/]", source_name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = re.sub(r"[^\w.\-]+", "_", base).strip("._-")
    stem, ext = os.path.splitext(base)
    if base.lower().endswith(".gz"):
        stem2, ext2 = os.path.splitext(stem)
        stem, ext = stem2, ext2 + ext
    if not re.fullmatch(r"(?:\.[A-Za-z0-9]{1,5}){1,2}", ext or ""):
        stem, ext = base, _SUFFIX_FOR_FORMAT.get(fmt, ".bin")
    stem = stem[:80].strip("._-") or "original"
    return f"{stem}{ext.lower()}"


def _delete_file(name):
    from archive.models import Article

    try:
        Article._meta.get_field("original_file").storage.delete(name)
    except OSError:
        log.exception("Could not remove %s after a failed save", name)


def remove_files(names):
    """Remove files a rolled-back batch stored (``import_articles`` calls it)."""
    for name in names:
        _delete_file(name)
