"""check_index finds every way the index can drift from the database, and repairs it."""
import pytest
from django.core.management import CommandError, call_command

from archive.models import Article
from archive.search import consistency, indexing
from archive.search.signals import paused
from tests.conftest import seed

pytestmark = pytest.mark.django_db


def test_a_freshly_built_index_is_consistent(seeded):
    report = consistency.inspect()
    assert report.consistent and report.articles == report.documents == 5


def test_it_finds_and_repairs_a_missing_article(seeded):
    with paused():  # as when an import dies between its two commits
        article = Article.objects.create(title="مقال لم يُفهرس", body="نص عن الموصل")
    report = consistency.inspect()
    assert report.missing == [article.pk]
    assert consistency.repair(report).consistent


def test_it_finds_and_repairs_an_orphan(seeded):
    with paused():
        seed("001").delete()
    report = consistency.inspect()
    assert len(report.orphans) == 1
    assert consistency.repair(report).consistent


def test_it_finds_and_repairs_a_stale_entry(seeded):
    article = seed("002")
    with paused():
        article.title = "عنوان جديد"
        article.save()
    report = consistency.inspect()
    assert report.stale == [article.pk]
    assert consistency.repair(report).consistent


def test_the_command_fails_until_repaired(seeded):
    with paused():
        Article.objects.create(title="مقال", body="نص")
    with pytest.raises(CommandError):
        call_command("check_index", verbosity=0)
    call_command("check_index", "--repair", verbosity=0)
    call_command("check_index", verbosity=0)
    assert indexing.doc_count() == Article.objects.count()


def test_an_index_built_with_another_analysis_is_reported_and_rebuilt(seeded):
    """Changing the analysis changes every term: an index built before the
    change (or before versions were recorded) must be rebuilt, not trusted."""
    from archive import arabic
    from archive.search import analysis_stamp

    assert analysis_stamp.read() == arabic.ANALYSIS_VERSION
    analysis_stamp.path().write_text("lucene-light-stemmer\n", encoding="utf-8")
    report = consistency.inspect()
    assert not report.consistent and not report.missing and not report.stale
    assert "rebuild_index" in report.summary()
    with pytest.raises(CommandError):
        call_command("check_index")
    after = consistency.repair(report)
    assert after.consistent and analysis_stamp.read() == arabic.ANALYSIS_VERSION


def test_an_index_that_records_no_analysis_is_reported(seeded):
    from archive.search import analysis_stamp

    analysis_stamp.path().unlink()
    assert "unrecorded" in consistency.inspect().summary()
