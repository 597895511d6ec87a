"""Keep the search index in step with the database.

Haystack's realtime processor indexes on ``post_save``, before the article's
speakers, places and forces are saved, and inside a transaction that may still
roll back. This one waits for the commit and then indexes the article as it is
in the database, relations included. Bulk imports switch it off with
``paused()`` and index in batches themselves.
"""
from contextlib import contextmanager
import threading

from django.db import models, transaction
from haystack.signals import BaseSignalProcessor

_state = threading.local()


@contextmanager
def paused():
    """Within this block saves and deletes do not touch the index."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def is_paused():
    return getattr(_state, "paused", False)


class ArticleSignalProcessor(BaseSignalProcessor):
    def setup(self):
        from archive.models import Article

        models.signals.post_save.connect(self.handle_article_save, sender=Article)
        models.signals.post_delete.connect(self.handle_article_delete, sender=Article)
        for through in (Article.speakers.through, Article.places.through, Article.forces.through):
            models.signals.m2m_changed.connect(self.handle_relations_change, sender=through)

    def teardown(self):
        from archive.models import Article

        models.signals.post_save.disconnect(self.handle_article_save, sender=Article)
        models.signals.post_delete.disconnect(self.handle_article_delete, sender=Article)
        for through in (Article.speakers.through, Article.places.through, Article.forces.through):
            models.signals.m2m_changed.disconnect(self.handle_relations_change, sender=through)

    def handle_article_save(self, sender, instance, **kwargs):
        if not is_paused():
            self._reindex_on_commit(instance.pk)

    def handle_relations_change(self, sender, instance, action, reverse, pk_set, **kwargs):
        if is_paused() or action not in ("post_add", "post_remove", "post_clear"):
            return
        if reverse:
            # A speaker, place or force gained or lost articles (pk_set is
            # None for post_clear): re-index every article that changed.
            for pk in pk_set or ():
                self._reindex_on_commit(pk)
        else:
            self._reindex_on_commit(instance.pk)

    def handle_article_delete(self, sender, instance, **kwargs):
        if is_paused():
            return
        from archive.search import indexing
        pk = instance.pk
        transaction.on_commit(lambda: indexing.remove_articles([pk]))

    def _reindex_on_commit(self, pk):
        """Index ``pk`` once the transaction commits, once however often it changed.

        Saving an article and setting its speakers, places and forces fires
        four signals; a callback already queued for the same article in this
        transaction is enough. Looking in Django's own queue (rather than a set
        of our own) stays right when the transaction rolls back.
        """
        from archive.search import indexing

        connection = transaction.get_connection()
        for _sids, func, _robust in connection.run_on_commit:
            if getattr(func, "archive_pk", None) == pk:
                return

        def run():
            indexing.index_articles([pk])

        run.archive_pk = pk
        transaction.on_commit(run)
