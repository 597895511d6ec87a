"""Writing articles into the search index, and the one shared searcher.

Every path that changes the index comes through here: the signal processor
(one article after its transaction commits), ``import_articles`` (batches),
haystack's ``rebuild_index`` / ``update_index`` and ``rebuild()``. One writer
at a time may hold the index's lock; ``write_documents`` waits for it.

The index is the configured store's (``archive.search.stores``: Tantivy by
default, Whoosh with ``SEARCH_BACKEND=whoosh``): the same documents
(``document_for``) go to either, and ``current_view()`` answers searches for
either.
"""
import logging

from django.utils import timezone

from archive.models import Article, Place
from archive.search.stores import backend_name, get_store
from archive.search.stores.base import WRITE_LOCK_TIMEOUT  # noqa: F401 (one value for every store)

log = logging.getLogger(__name__)

CONTENT_TYPE = "archive.article"


def doc_id(pk):
    return f"{CONTENT_TYPE}.{pk}"


def using_tantivy():
    return backend_name() == "tantivy"


def current_view():
    """What the engine searches: the configured store's shared view."""
    return get_store().view()


def fresh_view():
    """The index as committed on disk now, for check_index (another process may have written)."""
    return get_store().fresh_view()


def doc_count():
    return current_view().doc_count()


class PlaceAncestry:
    """Slug of each place and of every place it lies in, read once per batch
    (the climb itself is ``archive.place_ancestry``'s)."""

    def __init__(self):
        rows = list(Place.objects.values_list("id", "slug", "parent_id"))
        self.slug = {pk: slug for pk, slug, _parent in rows}
        self.parent = {pk: parent for pk, _slug, parent in rows}

    def _parent_of(self, pk):
        parent = self.parent.get(pk)
        return parent if parent in self.slug else None

    def with_ancestors(self, place_ids):
        from archive.place_ancestry import ancestor_chain

        slugs = []
        for pk in place_ids:
            if pk not in self.slug:
                continue
            for node in (pk, *ancestor_chain(pk, self._parent_of)):
                if self.slug[node] not in slugs:
                    slugs.append(self.slug[node])
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


def write_documents(docs, delete_ids=()):
    """Add or replace documents and delete others (index ids), in one commit.

    Waits up to ``WRITE_LOCK_TIMEOUT`` seconds for a writer in another process
    (a bulk import) instead of failing."""
    get_store().write(docs, delete_ids)


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
    get_store().clear()


def rebuild(batch_size=1000, progress=None):
    """Index every article from scratch; ``progress`` is called with each batch's size."""
    read_at = timezone.now()
    count = _rebuild(batch_size, progress)
    Article.objects.filter(indexed=False, updated__lte=read_at).update(indexed=True)
    return count


def _rebuild(batch_size, progress):
    clear()
    ancestry = PlaceAncestry()
    pks = list(Article.objects.listed().order_by("pk").values_list("pk", flat=True))

    def batches():
        for start in range(0, len(pks), batch_size):
            part = pks[start:start + batch_size]
            yield [document_for(a, ancestry) for a in Article.objects.with_relations().filter(pk__in=part)]
            if progress:
                progress(len(part))

    get_store().write_all(batches())
    return len(pks)


def current_reader():
    """The vocabulary of the archive's index for a query builder
    (``archive.search.builder.QueryBuilder(reader=...)``); None when there is no
    readable index yet. The builder is handed it: the query layer never reaches
    up to the index itself."""
    try:
        return current_view().vocabulary()
    except Exception:  # no index yet, or not readable: no vocabulary to consult
        return None


def write_objects(objects, skip=()):
    """Index these articles as haystack's ``update_index`` hands them over;
    an object whose ``document_for`` raises one of ``skip`` (haystack's
    ``SkipDocument``) is left out. Returns how many were written."""
    docs = []
    for obj in objects:
        try:
            docs.append(document_for(obj))
        except skip:
            continue
    if docs:
        write_documents(docs)
    return len(docs)
