"""Does the search index hold exactly the articles of the database, as they are now?

The index stores, for each article, its id and the time it last changed
(``updated``). Comparing those with the database finds

- **missing** articles (in the database, not in the index: an import killed
  between its database commit and its index commit),
- **orphans** (index entries whose article is gone),
- **stale** entries (indexed before the article's last change),
- **duplicates** (the same article indexed twice),
- an index built with **another analysis** (``analysis_stamp``): its terms
  are not the ones queries look for, and only a full rebuild fixes that.

``repair`` re-indexes the missing, stale and duplicated articles and removes
the orphans, in batches, through the same indexing code as everything else.
"""
from collections import Counter
from dataclasses import dataclass, field

from archive import arabic
from archive.models import Article
from archive.search import analysis_stamp, indexing


@dataclass
class IndexReport:
    articles: int = 0
    documents: int = 0
    missing: list = field(default_factory=list)
    orphans: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    duplicates: list = field(default_factory=list)
    #: The analysis version the index records (None: not recorded).
    analysis: str | None = arabic.ANALYSIS_VERSION

    @property
    def analysis_current(self):
        return self.analysis == arabic.ANALYSIS_VERSION

    @property
    def consistent(self):
        return self.analysis_current and not (self.missing or self.orphans or self.stale or self.duplicates)

    def summary(self):
        text = (f"{self.articles} articles, {self.documents} index entries: "
                f"{len(self.missing)} missing, {len(self.orphans)} orphaned, "
                f"{len(self.stale)} stale, {len(self.duplicates)} duplicated")
        if not self.analysis_current:
            text += (f"; built with analysis {self.analysis or 'unrecorded (older)'}, this code analyses "
                     f"as {arabic.ANALYSIS_VERSION}: every article must be re-indexed (rebuild_index)")
        return text


def inspect():
    """Compare the database with the index as committed on disk now."""
    database = {pk: updated.isoformat() for pk, updated in Article.objects.listed().values_list("pk", "updated")}
    report = IndexReport(articles=len(database), analysis=analysis_stamp.read())
    indexed, counts = {}, Counter()
    # A fresh searcher: the shared one may predate another process's commit.
    for django_id, updated in indexing.fresh_view().stored_entries():
        try:
            pk = int(django_id)
        except ValueError:
            report.orphans.append(django_id)
            continue
        counts[pk] += 1
        indexed[pk] = updated
    report.documents = sum(counts.values())
    report.missing = sorted(set(database) - set(indexed))
    report.orphans += sorted(pk for pk in indexed if pk not in database)
    report.stale = sorted(pk for pk, stamp in indexed.items() if pk in database and stamp != database[pk])
    report.duplicates = sorted(pk for pk, n in counts.items() if n > 1 and pk in database)
    return report


def repair(report, batch=500, progress=None):
    """Bring the index in line with the database; returns the report after repair.
    An index built with another analysis is rebuilt whole."""
    if not report.analysis_current:
        indexing.rebuild(batch_size=batch)
        return inspect()
    orphan_ids = [indexing.doc_id(pk) if isinstance(pk, int) else pk for pk in report.orphans]
    if orphan_ids:
        indexing.write_documents([], delete_ids=orphan_ids)
    # update_document replaces every document with the article's id, so one
    # pass also collapses duplicates.
    indexing.index_articles(report.missing + report.stale + report.duplicates, chunk=batch, progress=progress)
    return inspect()
