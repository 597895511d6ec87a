"""Writing articles into the search index, and the one shared searcher.

Every path that changes the index comes through here: the signal processor
(one article after its transaction commits), ``import_articles`` (batches),
haystack's ``rebuild_index`` / ``update_index`` and ``rebuild()``. One writer
at a time may hold the index's lock; ``write_documents`` waits for it.

The index is Whoosh's (the default) or Tantivy's (``SEARCH_BACKEND=tantivy``,
``archive.search.tantivy_store``): the same documents (``document_for``) go
to either, and ``current_view()`` answers the engine's questions for either.
"""
import logging
import shutil
import threading

from django.conf import settings
from django.utils import timezone
from whoosh.index import LockError

from archive.models import Article, Place
from archive.search.whoosh_store import SCHEMA, WRITE_LOCK_TIMEOUT, open_or_create

log = logging.getLogger(__name__)

CONTENT_TYPE = "archive.article"
_lock = threading.RLock()
_index = None
_index_path = None
_searcher = None


def doc_id(pk):
    return f"{CONTENT_TYPE}.{pk}"


def using_tantivy():
    return getattr(settings, "SEARCH_BACKEND", "tantivy") == "tantivy"


def current_view():
    """What the engine searches: the shared searcher of the configured index."""
    if using_tantivy():
        from archive.search import tantivy_store

        return tantivy_store.current_view()
    from archive.search.whoosh_view import WhooshView

    return WhooshView(get_searcher())


def fresh_view():
    """The index as committed on disk now, for check_index (another process may have written)."""
    if using_tantivy():
        from archive.search import tantivy_store

        return tantivy_store.fresh_view()
    from archive.search.whoosh_view import WhooshView

    return WhooshView(get_index().searcher())


def doc_count():
    return current_view().doc_count()


def get_index():
    """The Whoosh index at ``settings.SEARCH_INDEX_DIR``, opened once per process."""
    global _index, _index_path, _searcher
    path = str(settings.SEARCH_INDEX_DIR)
    with _lock:
        if _index is None or _index_path != path:
            _index = open_or_create(path)
            _index_path = path
            _searcher = None
        return _index


def get_searcher():
    """One searcher per process, renewed when any process has committed.

    Opening a Whoosh searcher reads every segment's metadata; on a large index
    that alone costs more than the search, so it is kept while the index is
    unchanged (``up_to_date()`` is a directory read). When it has changed, a
    new searcher is opened: Whoosh's ``refresh()`` would reuse the readers of
    segments it thinks unchanged, deletions in them included, and go on
    counting (and failing to load) documents another process has replaced.
    """
    global _searcher
    ix = get_index()
    with _lock:
        if _searcher is None:
            _searcher = ix.searcher()
        elif not _searcher.up_to_date():
            # The old searcher is not closed here: another thread may still be
            # reading a page from it; it is closed when it is collected.
            _searcher = ix.searcher()
        return _searcher


class PlaceAncestry:
    """Slug of each place and of every place it lies in, read once per batch."""

    def __init__(self):
        rows = list(Place.objects.values_list("id", "slug", "parent_id"))
        self.slug = {pk: slug for pk, slug, _parent in rows}
        self.parent = {pk: parent for pk, _slug, parent in rows}

    def with_ancestors(self, place_ids):
        slugs = []
        for pk in place_ids:
            seen = set()
            while pk is not None and pk not in seen and pk in self.slug:
                seen.add(pk)
                if self.slug[pk] not in slugs:
                    slugs.append(self.slug[pk])
                pk = self.parent.get(pk)
        return slugs


def date_key(article):
    d = article.published
    return d.year * 10000 + d.month * 100 + d.day if d else None


def document_for(article, ancestry=None):
    """The index document of one article (relations must be prefetched)."""
    from datetime import datetime

    ancestry = ancestry or PlaceAncestry()
    key = date_key(article)
    title = article.title or ""
    doc = {
        "id": doc_id(article.pk),
        "django_ct": CONTENT_TYPE,
        "django_id": str(article.pk),
        "text": f"{title}\n{article.body}",
        "title": title,
        "text_exact": f"{title}\n{article.body}",
        "title_exact": title,
        "location": ",".join(ancestry.with_ancestors([p.pk for p in article.places.all()])),
        "force": ",".join(f.slug for f in article.forces.all()),
        "speaker": ",".join(s.slug for s in article.speakers.all()),
        "source": article.outlet.slug if article.outlet_id else "",
        "year": str(article.published.year) if article.published else "",
        # Only a day- or month-precise date puts the article in a month.
        "month": (article.published.strftime("%Y-%m")
                  if article.published and article.date_precision in ("day", "month") else ""),
        # And only a day-precise one in a day: a month's timeline opens into its days.
        "day": (article.published.strftime("%Y-%m-%d")
                if article.published and article.date_precision == "day" else ""),
        "newest": key or 0,
        "oldest": key or 99991231,
        "updated": article.updated.isoformat() if article.updated else "",
    }
    if article.published:
        d = article.published
        doc["published"] = datetime(d.year, d.month, d.day)
    return doc


MERGE_FACTOR = 8


def merge_tiered(writer, segments):
    """Whoosh merge policy: merge a size tier once it holds MERGE_FACTOR segments.

    Whoosh's default (MERGE_SMALL) folded nearly every segment into one on each
    commit, so a bulk import committing every 500 articles rewrote the whole
    index each time: at 8,500 corpus articles a batch took minutes. Grouping
    segments by order of magnitude (as Lucene's LogMergePolicy does) rewrites
    each document about log8(N) times in all, and keeps the number of segments
    a searcher opens small (at most MERGE_FACTOR - 1 per tier).
    """
    import math

    from whoosh.reading import SegmentReader

    tiers = {}
    for segment in segments:
        size = max(segment.doc_count_all(), 1)
        tiers.setdefault(int(math.log(size, MERGE_FACTOR)), []).append(segment)
    unchanged = []
    for _tier, members in sorted(tiers.items()):
        if len(members) >= MERGE_FACTOR:
            for segment in members:
                reader = SegmentReader(writer.storage, writer.schema, segment)
                writer.add_reader(reader)
                reader.close()
        else:
            unchanged.extend(members)
    return unchanged


def write_documents(docs, delete_ids=()):
    """Add or replace documents and delete others, in one commit.

    Waits up to ``WRITE_LOCK_TIMEOUT`` seconds for a writer in another process
    (a bulk import) instead of failing. Segments are not compound: a compound
    segment must be read whole when a searcher opens it.
    """
    if using_tantivy():
        from archive.search import tantivy_store

        return tantivy_store.write_documents(docs, delete_ids)
    ix = get_index()
    try:
        writer = ix.writer(timeout=WRITE_LOCK_TIMEOUT, delay=0.1, limitmb=256, compound=False)
    except LockError:
        log.error("The search index stayed locked for %s s", WRITE_LOCK_TIMEOUT)
        raise
    try:
        for term in delete_ids:
            writer.delete_by_term("id", term)
        for doc in docs:
            writer.update_document(**doc)
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=merge_tiered)


def index_articles(pks, chunk=500, progress=None, mark=None):
    """(Re)index these articles as they are now; pks with no article are removed.
    ``progress`` is called with each chunk's size; ``mark(pks, read_at)``
    records each committed chunk (default ``mark_indexed``; ``import_articles``'
    indexer process hands the marks to the process that writes the database)."""
    mark = mark or mark_indexed
    pks = list(dict.fromkeys(pks))
    if not pks:
        return
    ancestry = PlaceAncestry()
    for start in range(0, len(pks), chunk):
        part = pks[start:start + chunk]
        read_at = timezone.now()
        articles = list(Article.objects.listed().with_relations().filter(pk__in=part))  # withdrawn: removed
        found = {a.pk for a in articles}
        gone = [doc_id(pk) for pk in part if pk not in found]
        write_documents([document_for(a, ancestry) for a in articles], delete_ids=gone)
        mark(found, read_at)
        if progress:
            progress(len(part))


def mark_indexed(pks, read_at):
    """Record that these articles are in the index, once the index has committed.

    Only versions saved before ``read_at`` (when they were read for the index)
    are marked: an article changed meanwhile stays unmarked, and the save that
    changed it indexes it again. The marker is what lets ``import_articles``
    finish the work of a run killed between its database and index commits.
    """
    if pks:
        Article.objects.filter(pk__in=list(pks), updated__lte=read_at).update(indexed=True)


def unindexed_pks():
    """Articles whose current version no index commit has recorded."""
    return list(Article.objects.listed().filter(indexed=False).order_by("pk").values_list("pk", flat=True))


def remove_articles(pks):
    write_documents([], delete_ids=[doc_id(pk) for pk in pks])


def clear():
    """An empty index in place of the old one."""
    global _index, _searcher
    if using_tantivy():
        from archive.search import tantivy_store

        return tantivy_store.clear()
    path = settings.SEARCH_INDEX_DIR
    with _lock:
        _searcher = None
        _index = None
        shutil.rmtree(path, ignore_errors=True)
        get_index()


def rebuild(batch_size=1000, progress=None):
    """Index every article from scratch; ``progress`` is called with each batch's size."""
    read_at = timezone.now()
    count = _rebuild(batch_size, progress)
    Article.objects.filter(indexed=False, updated__lte=read_at).update(indexed=True)
    return count


def _rebuild(batch_size, progress):
    clear()
    ancestry = PlaceAncestry()
    if using_tantivy():
        from archive.search import tantivy_store

        pks = list(Article.objects.listed().order_by("pk").values_list("pk", flat=True))

        def batches():
            for start in range(0, len(pks), batch_size):
                part = pks[start:start + batch_size]
                yield [document_for(a, ancestry) for a in Article.objects.with_relations().filter(pk__in=part)]
                if progress:
                    progress(len(part))

        tantivy_store.write_all(batches())
        return len(pks)
    ix = get_index()
    writer = ix.writer(timeout=WRITE_LOCK_TIMEOUT, limitmb=512, compound=False)
    try:
        pks = list(Article.objects.listed().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), batch_size):
            part = pks[start:start + batch_size]
            for article in Article.objects.with_relations().filter(pk__in=part):
                writer.add_document(**document_for(article, ancestry))
            if progress:
                progress(len(part))
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return len(pks)


def current_reader():
    """The vocabulary of the archive's index for a query builder
    (``archive.search.query.QueryBuilder(reader=...)``); None when there is no
    readable index yet. The builder is handed it: the query layer never reaches
    up to the index itself."""
    try:
        return current_view().reader()
    except Exception:  # no index yet, or not readable: no vocabulary to consult
        return None
