from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("أرشيف الأخبار")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Tagging and query expansion read the gazetteer from a per-process
        # cache; these signals drop it when an outlet, speaker, place or force changes.
        from django.db.models.signals import pre_save

        from archive.gazetteer import connect_signals
        from archive.models import Article

        connect_signals()
        # The duplicate check compares this hash: keep it right whatever saved
        # the article (the admin form, a fixture, a script), not only uploads.
        pre_save.connect(_fill_content_hash, sender=Article, dispatch_uid="archive.article.content_hash")


def _fill_content_hash(sender, instance, **kwargs):
    from archive.ingest.pipeline import content_hash

    instance.content_hash = content_hash(instance.title, instance.body)
