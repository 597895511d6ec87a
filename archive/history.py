"""Every version of an article, with who changed it, when and how.

django-simple-history keeps the versions (``Article.history``). An article's
speakers, places and forces change in the same operation as its text, but
after it is saved; so the paths that change articles (the admin, re-tagging,
re-importing) save without a version and then ``record`` one version of the
article with its relations as they now are. ``post_save`` records any other
save of an article on its own.
"""
from contextlib import contextmanager

# How each path names its versions in the admin's history (history_change_reason).
ADMIN = "admin"
RETAG = "re-tag"
IMPORT = "import"
RESTORED = "restored from an earlier version"
FIRST = "as it was when version history began"  # also in migration 0006


def record(article, reason, user=None, kind="~"):
    """Store the article as it is now (relations included) as one version."""
    article._change_reason = reason
    if user is not None and getattr(user, "is_authenticated", False):
        article._history_user = user
    try:
        _records().create_historical_record(article, kind)
    finally:
        article.__dict__.pop("_change_reason", None)
        article.__dict__.pop("_history_user", None)


def keep_first_version(pk):
    """Before changing an article that has no version yet (loaded by loaddata,
    restored from an older backup), record it as it is, so the change does
    not lose it. One query when it has versions already."""
    from archive.models import Article

    if pk is None or Article.history.filter(id=pk).exists():
        return
    stored = Article.objects.filter(pk=pk).first()
    if stored is not None:
        record(stored, FIRST, kind="+")


@contextmanager
def without_version(article):
    """Save ``article`` inside the block without a version: the caller records one after."""
    article.skip_history_when_saving = True
    try:
        yield article
    finally:
        article.__dict__.pop("skip_history_when_saving", None)


def _records():
    from archive.models import ARTICLE_HISTORY

    return ARTICLE_HISTORY


def historical_relations(version):
    """{field: [pk, …]} of the speakers, places and forces a version had."""
    return {
        "speakers": list(version.speakers.values_list("speaker_id", flat=True)),
        "places": list(version.places.values_list("place_id", flat=True)),
        "forces": list(version.forces.values_list("force_id", flat=True)),
    }
