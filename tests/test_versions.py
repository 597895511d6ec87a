"""Corrections never lose the earlier version, and a withdrawn article says so.

Every change to an article (an edit in the admin, a re-tag, a re-import) keeps
one version with who and when, relations included; the admin shows the
versions and restores one. A withdrawn article answers 410 with its citation
and the reason, and leaves search, the API lists, exports and feeds.
"""
import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command

from archive.ingest import pipeline, read
from archive.ingest.catalog import Catalog
from archive.models import Article, Outlet, Place, Speaker
from archive.tagging import retag_articles
from tests.conftest import seed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "originals"


@pytest.fixture
def boss(client):
    user = User.objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(user)
    return user


def change_form(article, **changes):
    data = {
        "title": article.title, "body": article.body, "outlet": article.outlet_id or "",
        "published": article.published.isoformat() if article.published else "",
        "date_precision": article.date_precision, "dateline": article.dateline_id or "",
        "url": article.url, "external_id": article.external_id or "", "original_text": article.original_text,
        "speakers": [s.pk for s in article.speakers.all()], "places": [p.pk for p in article.places.all()],
        "forces": [f.pk for f in article.forces.all()], "withdrawn_reason": article.withdrawn_reason,
    }
    if article.withdrawn:
        data["withdrawn"] = "on"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not False}


def test_an_admin_edit_keeps_the_earlier_version_with_who_and_when(client, boss, seeded):
    article = seed("004")  # loaded by loaddata: no version yet
    old_title = article.title
    assert not article.history.exists()
    response = client.post(f"/admin/archive/article/{article.pk}/change/",
                           change_form(article, title="عنوان مصحح"))
    assert response.status_code == 302, response.content.decode()[:2000]
    versions = list(article.history.order_by("-history_date", "-history_id"))
    assert [v.title for v in versions] == ["عنوان مصحح", old_title]
    assert versions[0].history_user == boss and versions[0].history_date > versions[1].history_date
    assert versions[1].history_change_reason == "as it was when version history began"
    client.post(f"/admin/archive/article/{article.pk}/change/",
                change_form(Article.objects.get(pk=article.pk), title="عنوان مصحح ثانية", speakers=[]))
    assert article.history.count() == 3, "one version per save, not one per relation"


def test_an_admin_edit_of_the_tags_alone_is_a_version_with_the_new_tags(client, boss, seeded):
    article = seed("004")
    old_speakers = sorted(article.speakers.values_list("pk", flat=True))
    other = Speaker.objects.exclude(pk__in=old_speakers).first()
    client.post(f"/admin/archive/article/{article.pk}/change/", change_form(article, speakers=[other.pk]))
    latest, earlier = article.history.order_by("-history_date", "-history_id")[:2]
    assert list(latest.speakers.values_list("speaker_id", flat=True)) == [other.pk]
    assert sorted(earlier.speakers.values_list("speaker_id", flat=True)) == old_speakers


def test_the_admin_lists_the_versions_and_restores_one_with_its_tags(client, boss, seeded):
    article = seed("004")
    old_title = article.title
    old_speakers = sorted(article.speakers.values_list("pk", flat=True))
    client.post(f"/admin/archive/article/{article.pk}/change/",
                change_form(article, title="عنوان خاطئ", speakers=[]))
    earlier = article.history.order_by("history_date", "history_id").last().prev_record
    listing = client.get(f"/admin/archive/article/{article.pk}/history/")
    assert listing.status_code == 200 and "عنوان خاطئ" in listing.content.decode()
    form = client.get(f"/admin/archive/article/{article.pk}/history/{earlier.history_id}/")
    assert form.status_code == 200 and old_title in form.content.decode()
    current = Article.objects.get(pk=article.pk)
    current.title, current.withdrawn_reason = old_title, ""
    response = client.post(f"/admin/archive/article/{article.pk}/history/{earlier.history_id}/",
                           change_form(current, title=old_title, speakers=old_speakers))
    assert response.status_code == 302
    restored = Article.objects.get(pk=article.pk)
    assert restored.title == old_title
    assert sorted(restored.speakers.values_list("pk", flat=True)) == old_speakers
    latest = restored.history.order_by("-history_date", "-history_id").first()
    assert latest.history_change_reason.startswith("restored") and latest.history_user == boss


def test_the_revert_form_shows_the_tags_of_that_version(client, boss, seeded):
    article = seed("004")
    speaker = article.speakers.first()
    client.post(f"/admin/archive/article/{article.pk}/change/", change_form(article, speakers=[]))
    earlier = article.history.order_by("-history_date", "-history_id")[1]
    html = client.get(f"/admin/archive/article/{article.pk}/history/{earlier.history_id}/").content.decode()
    assert f'<option value="{speaker.pk}" selected>' in html


def test_a_retag_that_changes_tags_is_a_version_by_whoever_asked(seeded):
    article = seed("004")
    archivist = User.objects.create_user("amin", "a@example.org", "x", is_staff=True)
    article.speakers.clear()
    [change] = retag_articles(Article.objects.filter(pk=article.pk), user=archivist)
    assert change.changed
    latest, earlier = article.history.order_by("-history_date", "-history_id")
    assert latest.history_change_reason == "re-tag" and latest.history_user == archivist
    assert latest.speakers.exists() and not earlier.speakers.exists()
    [unchanged] = retag_articles(Article.objects.filter(pk=article.pk))
    assert not unchanged.changed and article.history.count() == 2


def test_a_reimport_keeps_the_earlier_text_as_one_version(db):
    def save(body):
        [draft] = read("record.jsonl", ('{"id": "r-1", "title": "خبر", "body": "%s"}' % body).encode(),
                       catalog=Catalog())
        return pipeline.save(draft)

    article, created = save("نص أول عن الموصل")
    assert created and article.history.count() == 1
    first = article.history.get()
    assert first.history_type == "+" and first.history_change_reason == "import"
    save("نص مصحح عن الموصل")
    versions = list(article.history.order_by("history_date", "history_id"))
    assert [v.body for v in versions] == ["نص أول عن الموصل", "نص مصحح عن الموصل"]
    save("نص مصحح عن الموصل")  # unchanged: no version
    assert article.history.count() == 2


def test_articles_stored_before_history_began_get_their_first_version(seeded):
    from archive.models import HistoricalArticle

    HistoricalArticle.objects.all().delete()
    migration = importlib.import_module("archive.migrations.0008_history_and_withdrawal")
    migration.first_versions(apps, None)
    article = seed("004")
    [version] = article.history.all()
    assert version.title == article.title and version.history_date == article.updated
    assert sorted(version.places.values_list("place_id", flat=True)) == sorted(
        article.places.values_list("pk", flat=True))


# -- withdrawal -------------------------------------------------------------

def withdraw(article, reason="نُشر خطأً بنص مقال آخر"):
    article.withdrawn, article.withdrawn_reason = True, reason
    article.save()
    return article


def test_a_withdrawn_article_answers_410_with_its_citation_and_the_reason(client, seeded):
    article = withdraw(seed("004"))
    response = client.get(f"/articles/{article.pk}/")
    html = response.content.decode()
    assert response.status_code == 410
    assert article.title in html and article.outlet.name in html
    assert "نُشر خطأً بنص مقال آخر" in html
    assert f"/articles/{article.pk}/" in html and "2020" in html
    assert article.paragraphs()[-1] not in html


def test_the_api_detail_of_a_withdrawn_article_is_410_json(client, seeded):
    article = withdraw(seed("004"))
    response = client.get(f"/api/articles/{article.pk}/")
    assert response.status_code == 410
    data = response.json()
    assert data["code"] == "withdrawn" and data["error"] and data["reason"] == "نُشر خطأً بنص مقال آخر"
    assert data["citation"]["title"] == article.title and "body" not in data


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.django_db(transaction=True)  # the index follows the database on commit
def test_a_withdrawn_article_leaves_search_lists_exports_and_feeds(client, seeded):
    article = seed("004")
    paths = ["/search/", "/api/articles/", "/search/export.csv", "/search/feed.atom"]
    for path in paths:
        assert f"/articles/{article.pk}/" in body(client.get(path, {"q": "كاكينز"})), path
    assert article.title in client.get("/").content.decode()
    withdraw(article)
    for path in paths:
        assert f"/articles/{article.pk}/" not in body(client.get(path, {"q": "كاكينز"})), path
    assert article.title not in client.get("/").content.decode()


def test_the_index_stays_consistent_with_withdrawn_articles(seeded):
    from archive.search import consistency, indexing

    withdraw(seed("004"))
    indexing.rebuild()
    report = consistency.inspect()
    assert report.consistent and report.articles == 4


def test_withdrawing_in_the_admin_needs_a_reason(client, boss, seeded):
    article = seed("004")
    response = client.post(f"/admin/archive/article/{article.pk}/change/",
                           change_form(article, withdrawn="on", withdrawn_reason=""))
    assert response.status_code == 200 and not Article.objects.get(pk=article.pk).withdrawn
    response = client.post(f"/admin/archive/article/{article.pk}/change/",
                           change_form(article, withdrawn="on", withdrawn_reason="طلب الناشر"))
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).withdrawn
    assert client.get(f"/articles/{article.pk}/").status_code == 410
