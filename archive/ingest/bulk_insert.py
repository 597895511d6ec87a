"""Saving a batch of drafts: new articles with one bulk insert per table
(``archive.ingest.pipeline``; what ``import_articles`` saves with).
"""
import logging

from django.db import transaction

from archive import history

from . import saving
from .draft import IngestError
from .preparing import prepare

log = logging.getLogger(__name__)


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
            article, _created = saving.save(draft, index=False, catalog=catalog)
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
        saving.filter_relations(draft, catalog)
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
