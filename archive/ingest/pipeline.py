"""The one import pipeline: the admin upload and ``import_articles`` both use it.

    read(name, data)   -> [Draft | Failure, ...]   what the file holds
    prepare(draft)     -> Draft                    tags, dateline, duplicates
    save(draft)        -> (Article, created)       all of it or nothing

``read`` never raises for a bad file: a file, zip member or JSON line that
cannot be read becomes a ``Failure`` with the reason in Arabic, and the others
are read all the same. ``prepare`` only reads the database, so a preview costs
nothing. ``save`` writes in one transaction; if anything fails, no row and no
stored file of that article remain.
"""
from contextlib import nullcontext
from dataclasses import dataclass
from hashlib import sha256
from itertools import chain
import logging
import os
import re
import unicodedata

from django.core.files.base import ContentFile
from django.db import DatabaseError, IntegrityError, transaction
from django.utils.text import slugify

from archive import history

from . import sniff as kinds
from .archives import gunzip_chunks, iter_lines, iter_zip
from .catalog import Catalog
from .decode import decode
from .draft import Draft, Failure, IngestError
from .limits import Limits
from .outlets import Cue, resolve

log = logging.getLogger(__name__)

# Extensions stripped from a file name to make its external id.
_EXTENSIONS = re.compile(r"(?:\.(?:jsonl|json|txt|text|html?|xhtml|docx|zip))?(?:\.gz)?$", re.I)
TITLE_MAX = 1000
EXTERNAL_ID_MAX = 255
DUPLICATE_WARNING = "هذا المقال محفوظ من قبل: #"
UPDATE_WARNING = "يوجد مقال بالمعرّف نفسه"


# ---------------------------------------------------------------------------
# read
# ---------------------------------------------------------------------------

def read(name: str, data: bytes, *, catalog=None, limits=None, external_id_from_name=True) -> list:
    """Every article in the file (a zip or JSON-lines file holds many), or why not."""
    return list(iter_read(name, data, catalog=catalog, limits=limits,
                          external_id_from_name=external_id_from_name))


def iter_read(name, data, *, catalog=None, limits=None, external_id_from_name=True):
    """``read`` one item at a time: what ``import_articles`` uses for big files."""
    for item in _iter_read(name, data, catalog, limits, external_id_from_name):
        yield scrubbed(item)


# C0 controls but tab, newline and carriage return, and lone surrogates: what
# a JSON escape ("\u0000", "\ud800"), an HTML character reference ("&#1;") or
# a zip member's name can carry past ``decode``. PostgreSQL refuses NUL, UTF-8
# (the staged preview, the content hash) a lone surrogate, and XML (the Atom
# feed) every one of them. A vertical tab or form feed becomes a line break.
_UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\ud800-\udfff]")
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def scrub(text):
    """``text`` without the characters no stored text may hold (a surrogate becomes U+FFFD)."""
    if not isinstance(text, str):
        return text
    # str.translate with a table reads every character through it (0.1 ms
    # for a corpus body, several fields per article): only when there is
    # something to translate.
    if "\x0b" in text or "\x0c" in text:
        text = text.translate(_BREAKS)
    return _UNSAFE_CHARS.sub(lambda m: "" if m.group() < "\x20" else "\ufffd", text)


def scrubbed(item):
    """A ``Draft`` or ``Failure`` with every text field scrubbed."""
    for name, value in list(vars(item).items()):
        if isinstance(value, str):
            setattr(item, name, scrub(value))
        elif name == "warnings":
            setattr(item, name, [scrub(w) for w in value])
        elif name == "provenance":  # quotes the page ("«…» — og:site_name"): the same care
            setattr(item, name, {k: scrub(v) for k, v in value.items()})
    return item


def _iter_read(name, data, catalog, limits, external_id_from_name):
    limits = limits or Limits.upload()
    catalog = catalog if catalog is not None else Catalog()
    try:
        kind = kinds.sniff(name, data)
    except IngestError as error:
        yield Failure.from_error(name, error)
        return
    except Exception as error:
        yield _unexpected(name, error)
        return
    if kind in (kinds.JSONL, kinds.GZIP):
        # A file of records: each record is held to the text limit instead.
        limits = limits.for_records()
    if limits.max_file_bytes is not None and len(data) > limits.max_file_bytes:
        from .archives import too_big

        yield Failure.from_error(name, too_big(name, len(data), limits.max_file_bytes))
        return
    if kind != kinds.ZIP:
        yield from _guarded(name, _read_one(name, data, kind, catalog, limits, external_id_from_name, False), limits)
        return
    seen_ids = set()
    try:
        members = 0
        for member in iter_zip(name, data, limits):
            members += 1
            member_name = f"{name}/{member.name}"
            if member.error:
                yield Failure.from_error(member_name, member.error)
                continue
            try:
                member_kind = kinds.sniff(member.name, member.data)
            except IngestError as error:
                yield Failure.from_error(member_name, error)
                continue
            items = _read_one(member_name, member.data, member_kind, catalog, limits, external_id_from_name, True)
            for item in _guarded(member_name, items, limits):
                # Two members called 001.txt in different folders: the second
                # gets its path as its id rather than overwrite the first.
                if isinstance(item, Draft) and item.format != "jsonl" and item.external_id:
                    if item.external_id in seen_ids:
                        item.external_id = external_id_for(member.name.replace("\\", "/"), keep_path=True)
                    seen_ids.add(item.external_id)
                yield item
        if not members:  # only folders and system litter: say so rather than show nothing
            yield Failure(
                name,
                f"الملف المضغوط «{name}» لا يحوي ملفات تُقرأ.",
                f"The zip file “{name}” holds no files to read.",
            )
    except IngestError as error:
        yield Failure.from_error(name, error)
    except Exception as error:  # a bug in reading the archive must not answer 500
        yield _unexpected(name, error)


def _unexpected(name, error):
    log.exception("Unexpected error while reading %s", name)
    return Failure(
        name,
        "حدث خطأ غير متوقع أثناء قراءة هذا الملف، فلم يُستورد. أبلغ المسؤول عن الأرشيف.",
        f"Unexpected error while reading this file ({error.__class__.__name__}: {error}).",
    )


def _guarded(name, items, limits=None):
    """Items of one file; a reader's error (or bug) ends that file, not the import.

    Every draft passes ``verdict.refusal`` here, whatever its format: too long
    a text, a saved error page, an index page of links.
    """
    from .verdict import refusal

    max_chars = limits.max_text_chars if limits is not None else None
    try:
        for item in items:
            if isinstance(item, Draft):
                error = refusal(item, max_chars)
                if error is not None:
                    yield Failure.from_error(item.source_name or name, error)
                    continue
            yield item
    except IngestError as error:
        yield Failure.from_error(name, error)
    except Exception as error:  # a bug must not lose the other files of an import
        yield _unexpected(name, error)


def _read_one(name, data, kind, catalog, limits, external_id_from_name, in_archive):
    if kind == kinds.ZIP:
        raise IngestError(
            "ملف مضغوط داخل ملف مضغوط: فكّ الأرشيف الداخلي وارفع ملفاته مباشرة.",
            "A zip inside a zip: unpack the inner archive and upload its files directly.",
        )
    if kind == kinds.GZIP:
        chunks = gunzip_chunks(name, data, limits)
        first = next(chunks, b"")
        inner_kind = kinds.sniff(name, first) if first else kinds.TEXT
        if inner_kind in (kinds.ZIP, kinds.GZIP, kinds.DOCX):
            raise IngestError(
                "ملف مضغوط داخل ملف مضغوط: فكّ الضغط وارفع الملف الداخلي مباشرة.",
                "A compressed file inside a compressed file: unpack it and upload the inner file.",
            )
        if inner_kind == kinds.JSONL:
            from .records import iter_records

            yield from iter_records(iter_lines(chain([first], chunks)), name, catalog)
            return
        inner = b"".join(chain([first], chunks))
        draft = _single(name, inner, inner_kind, catalog, limits)
        _finish_file_draft(draft, name, data, external_id_from_name)
        yield draft
        return
    if kind == kinds.JSONL:
        from .records import iter_records

        yield from iter_records(data.split(b"\n"), name, catalog)
        return
    draft = _single(name, data, kind, catalog, limits)
    _finish_file_draft(draft, name, data, external_id_from_name)
    yield draft


def _single(name, data, kind, catalog, limits=None):
    if kind == kinds.DOCX:
        from .docx import draft_from_docx

        return draft_from_docx(data, name, catalog, limits)
    text = decode(data, markup=kind == kinds.HTML)
    if kind == kinds.TEXT and limits is not None:
        # A text save far past the limit is refused before it is read line by line.
        from .verdict import check_raw_text

        check_raw_text(text, limits.max_text_chars)
    if kind == kinds.HTML:
        from .html import draft_from_html

        return draft_from_html(text, name, catalog)
    from .text import draft_from_text

    return draft_from_text(text, name, catalog)


def _finish_file_draft(draft, name, data, external_id_from_name):
    draft.original_bytes = data
    if external_id_from_name:
        draft.external_id = external_id_for(name)


def external_id_for(name, keep_path=False):
    """A file's id: its name without folder or extension ("000_bd2c….txt" → "000_bd2c…")."""
    path = name.replace("\\", "/")
    base = path if keep_path else path.rsplit("/", 1)[-1]
    stem = _EXTENSIONS.sub("", base).strip()
    stem = unicodedata.normalize("NFC", stem)
    return stem[-EXTERNAL_ID_MAX:] or None


# ---------------------------------------------------------------------------
# prepare
# ---------------------------------------------------------------------------

def content_hash(title: str, body: str) -> str:
    """The same article whatever its harakat, hamza seats or spacing: sha256 of
    the folded title and body with whitespace collapsed."""
    from archive.arabic import fold

    return folded_content_hash(fold(f"{title or ''}\n{body or ''}"))


def folded_content_hash(folded: str) -> str:
    """``content_hash`` of a title and body already folded as ``fold(title + "\n" + body)``,
    which is ``fold(title) + "\n" + fold(body)``: folding never reaches across a line break."""
    text = " ".join(folded.split())
    return sha256(text.encode("utf-8")).hexdigest()


def tidy(draft: Draft) -> Draft:
    """The title on one line and not too long, the body stripped; refused without either."""
    draft.title = re.sub(r"\s+", " ", draft.title or "").strip()
    draft.body = (draft.body or "").strip()
    if not draft.title or not draft.body:
        raise IngestError("المقال بلا عنوان أو بلا نص.", "The article has no title or no text.")
    if len(draft.title) > TITLE_MAX:
        draft.title = draft.title[: TITLE_MAX - 1].rstrip() + "…"
        draft.warn(f"العنوان أطول من {TITLE_MAX} حرف فاختُصر.")
    if draft.external_id and len(draft.external_id) > EXTERNAL_ID_MAX:
        draft.external_id = draft.external_id[-EXTERNAL_ID_MAX:]
    return draft


@dataclass
class Analysis:
    """What ``prepare`` computes from a tidied title and body alone, without the
    database: the work ``import_articles`` hands to its worker processes."""

    speaker_ids: list
    place_ids: list
    force_ids: list
    speaker_proposals: list
    content_hash: str
    minhash: list | None = None


def analyse(title: str, body: str, aliases, sign=False) -> Analysis:
    """Tag a tidied article and hash its text; with ``sign``, its MinHash too."""
    from archive.tagging import tag

    from archive.arabic import fold

    tags = tag(title, body, aliases)
    # The body is folded once, for the content hash and the signature both.
    folded_body = fold(body or "")
    minhash = None
    if sign:
        from archive.near_duplicates import signature

        minhash = signature(body, folded=folded_body)
    return Analysis(
        speaker_ids=list(tags.speakers), place_ids=list(tags.places), force_ids=list(tags.forces),
        speaker_proposals=[{"name": q.name, "role": q.role, "accept": False} for q in tags.proposals],
        content_hash=folded_content_hash(f"{fold(title or '')}\n{folded_body}"), minhash=minhash,
    )


def prepare(draft: Draft, catalog=None, analysis: Analysis | None = None) -> Draft:
    """Tag the draft, resolve its dateline and look for the article it would repeat or update.

    ``analysis`` is :func:`analyse` of the tidied draft when it was computed
    elsewhere (an import worker); otherwise it is computed here.
    """
    catalog = catalog if catalog is not None else Catalog()
    tidy(draft)
    if analysis is None:
        analysis = analyse(draft.title, draft.body, catalog.aliases)
    draft.speaker_ids = list(analysis.speaker_ids)
    draft.place_ids = list(analysis.place_ids)
    draft.force_ids = list(analysis.force_ids)
    draft.speaker_proposals = [dict(p) for p in analysis.speaker_proposals]
    draft.minhash = analysis.minhash

    _resolve_dateline(draft, catalog)
    # The dateline is a place the article names, even when it sits on a header
    # line that is not part of the body ("رووداو – أربيل").
    if draft.dateline_id and draft.dateline_id not in draft.place_ids:
        draft.place_ids.append(draft.dateline_id)

    draft.content_hash = analysis.content_hash
    draft.update_of = draft.duplicate_of = None
    draft.drop_warnings(DUPLICATE_WARNING)
    draft.drop_warnings(UPDATE_WARNING)
    existing = catalog.article_with_external_id(draft.external_id)
    if existing:
        draft.update_of = existing[0]
        draft.warn(f"{UPDATE_WARNING} ({draft.external_id}): سيُحدَّث المقال #{existing[0]} بدل إنشاء مقال جديد.")
    other = catalog.article_with_hash(draft.content_hash, exclude=draft.update_of)
    if other:
        draft.duplicate_of = other
        draft.warn(f"{DUPLICATE_WARNING}{other}")
    elif existing and existing[1] == draft.content_hash:
        draft.duplicate_of = existing[0]
    draft.prepared = True
    return draft


def _place_for(name, catalog):
    """The gazetteer place a dateline names, when the name is (nearly) all of it."""
    if not name:
        return None
    name = name.strip()
    for match in catalog.aliases.find(name):
        if match.kind == "place" and (match.end - match.start) >= 0.6 * len(name.strip("[]() ")):
            return match.pk
    return None


def _resolve_dateline(draft, catalog):
    if draft.dateline_id or not draft.dateline_name:
        return
    pk = _place_for(draft.dateline_name, catalog)
    if pk is None and draft.outlet_is_new and draft.outlet_name:
        # "أربيل – رووداو": the header had the place first. Swap the two.
        place = _place_for(draft.outlet_name, catalog)
        if place:
            outlet_name, draft.dateline_name = draft.dateline_name, draft.outlet_name
            resolve([Cue(outlet_name, may_propose=True)], catalog.outlets).apply(draft)
            pk = place
    draft.dateline_id = pk


# ---------------------------------------------------------------------------
# save
# ---------------------------------------------------------------------------

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
    existing = catalog.article_with_external_id(draft.external_id)
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
            _filter_relations(draft, catalog)
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


def save_many(drafts, *, catalog):
    """Store many drafts, each all of it or nothing: ``[(draft, article or None, error or None)]``.

    What ``import_articles`` saves a batch with. New articles that need no
    stored file and no new outlet are inserted together: the articles, their
    relations, their first versions (with the import's reason) and their
    proposed speakers, each with one bulk insert, in one savepoint. If that
    fails, nothing of it stays and each of them is saved again on its own, so a
    bad article is named and the others are kept. The rest (updates, duplicates,
    files, new outlets) go through :func:`save` one by one, after the bulk
    insert, in their order. Drafts are answered in their order.
    """
    from django.db import connection

    results = {}
    bulk, single = [], []
    seen_hashes, seen_ids = set(), set()
    for position, draft in enumerate(drafts):
        try:
            if not draft.prepared:
                prepare(draft, catalog)
        except IngestError as error:
            results[position] = (draft, None, error)
            continue
        outlet_id = _known_outlet_id(draft, catalog)
        if (
            connection.features.can_return_rows_from_bulk_insert
            and outlet_id is not False
            and draft.original_bytes is None
            and not any(p.get("accept") for p in draft.speaker_proposals)
            and not catalog.article_with_external_id(draft.external_id)
            and not catalog.article_with_hash(draft.content_hash)
            and draft.content_hash not in seen_hashes
            and (not draft.external_id or draft.external_id not in seen_ids)
        ):
            draft.update_of = draft.duplicate_of = None
            bulk.append((position, draft, outlet_id))
            seen_hashes.add(draft.content_hash)
            seen_ids.add(draft.external_id)
        else:
            single.append((position, draft))
    if bulk:
        try:
            with transaction.atomic():
                articles = _insert_new([(draft, outlet_id) for _position, draft, outlet_id in bulk], catalog)
        except Exception:  # one bad article: each is saved on its own below, and the bad one named
            log.warning("A batch of %s new articles could not be inserted together; saving them one by one",
                        len(bulk), exc_info=True)
            single = sorted(single + [(position, draft) for position, draft, _outlet_id in bulk])
        else:
            for (position, draft, _outlet_id), article in zip(bulk, articles):
                draft.outcome = "created"
                catalog.article_saved(article.pk, draft.content_hash, draft.external_id)
                results[position] = (draft, article, None)
    for position, draft in single:
        try:
            article, _created = save(draft, index=False, catalog=catalog)
        except IngestError as error:
            results[position] = (draft, None, error)
        else:
            results[position] = (draft, article, None)
    return [results[position] for position in range(len(drafts))]


def _known_outlet_id(draft, catalog):
    """The outlet a new article of the bulk insert gets, or False when it needs
    ``save``'s care (an outlet to create, or one chosen that may be gone)."""
    if draft.outlet_id:
        return draft.outlet_id if catalog.preload else False
    if not (draft.outlet_is_new and draft.outlet_name):
        return None
    return catalog.current_outlets().find_name(draft.outlet_name) or False


def _insert_new(drafts, catalog):
    """Insert new articles with their relations, first versions and proposals:
    a handful of bulk inserts for the whole list. Returns the articles."""
    from django.utils import timezone

    from archive.models import ARTICLE_HISTORY, Article, SpeakerProposal

    articles = []
    for draft, outlet_id in drafts:
        _filter_relations(draft, catalog)
        articles.append(Article(
            title=draft.title, body=draft.body, outlet_id=outlet_id, published=draft.published,
            date_precision=draft.date_precision if draft.published else "", url=draft.url or "",
            external_id=draft.external_id or None, dateline_id=draft.dateline_id,
            original_name=(draft.source_name or "")[:500], original_text=draft.original_text or "",
            content_hash=draft.content_hash, indexed=False,
        ))
    Article.objects.bulk_create(articles)
    relations = {}
    for field, attr, column in (
        (Article.speakers, "speaker_ids", "speaker_id"),
        (Article.places, "place_ids", "place_id"),
        (Article.forces, "force_ids", "force_id"),
    ):
        through = field.through
        rows = [through(article_id=article.pk, **{column: pk})
                for article, (draft, _outlet) in zip(articles, drafts) for pk in getattr(draft, attr)]
        through.objects.bulk_create(rows)
        relations[field.field] = rows
    # One first version per article, as ``history.record(article, IMPORT, kind="+")`` makes it.
    versions_model = Article.history.model
    now = timezone.now()
    versions = []
    for article in articles:
        fields = {f.attname: getattr(article, f.attname) for f in ARTICLE_HISTORY.fields_included(article)}
        versions.append(versions_model(
            history_date=now, history_type="+", history_change_reason=history.IMPORT,
            history_user=ARTICLE_HISTORY.get_history_user(article), **fields,
        ))
    versions_model.objects.bulk_create(versions)
    version_of = {article.pk: version for article, version in zip(articles, versions)}
    for field in versions_model._history_m2m_fields:
        copy = ARTICLE_HISTORY.m2m_models[field]
        column = field.m2m_reverse_field_name()
        copy.objects.bulk_create([
            copy(id=row.pk, history=version_of[row.article_id], article_id=row.article_id,
                 **{f"{column}_id": getattr(row, f"{column}_id")})
            for row in relations[field]
        ])
    proposals = []
    for article, (draft, _outlet) in zip(articles, drafts):
        names = set()
        for item in draft.speaker_proposals or ():
            name = (item.get("name") or "").strip()[:200]
            if name and name not in names:
                names.add(name)
                proposals.append(SpeakerProposal(article=article, name=name, role=(item.get("role") or "").strip()[:300]))
    SpeakerProposal.objects.bulk_create(proposals)
    return articles


def _paused():
    from archive.search.signals import paused

    return paused()


def _filter_relations(draft, catalog):
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


__all__ = [
    "Analysis", "Catalog", "Draft", "Failure", "IngestError", "Limits", "analyse", "content_hash",
    "external_id_for", "iter_read", "prepare", "read", "remove_files", "save", "save_many", "stored_file_name",
    "tidy",
]
