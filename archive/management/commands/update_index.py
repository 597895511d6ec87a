"""Haystack's ``update_index`` (and so ``rebuild_index``, which calls it) with a
progress display (archive.progress) that also reads well in a log.

Haystack's command prints a line per batch only at ``--verbosity 2``; this
subclass counts each batch as it is written. With ``--workers`` the batches
run in other processes and only the start and end are shown.
"""
from haystack.management.commands import update_index as haystack_update_index
from haystack.utils.app_loading import haystack_get_models

from archive import progress


class Command(haystack_update_index.Command):
    def update_backend(self, label, using):
        from haystack import connections

        unified_index = connections[using].get_unified_index()
        total = 0
        for model in haystack_get_models(label):
            if model in unified_index.get_indexed_models():
                index = unified_index.get_index(model)
                total += index.build_queryset(using=using, start_date=self.start_date,
                                              end_date=self.end_date).count()
        if not total:  # haystack asks once per installed app; most index nothing
            return super().update_backend(label, using)
        original = haystack_update_index.do_update
        with progress.for_command(total, "update_index", self.verbosity) as shown:
            def counted(backend, index, qs, start, end, *args, **kwargs):
                result = original(backend, index, qs, start, end, *args, **kwargs)
                shown.update(end - start)
                return result

            haystack_update_index.do_update = counted
            try:
                return super().update_backend(label, using)
            finally:
                haystack_update_index.do_update = original
