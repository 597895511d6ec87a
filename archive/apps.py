from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("أرشيف الأخبار")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Tagging and query expansion read the gazetteer from a per-process
        # cache; these signals drop it when an outlet, speaker, place or force changes.
        from archive.gazetteer import connect_signals

        connect_signals()
