"""Upgrading an archive in use to the gazetteer a newer release ships.

`manage.py load_gazetteer` adds the shipped entities the database lacks and
touches nothing that is there: an archivist's corrections stand, an entity
made under another slug with the same spelling is not doubled, and places
hang from their parents found by slug, whatever their primary keys.
"""
import json

import pytest
from django.core.management import call_command

from archive.models import Force, Place, Speaker
from archive.search.signals import paused

pytestmark = pytest.mark.django_db


def fixture(tmp_path, rows):
    path = tmp_path / "gazetteer.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return str(path)


def place(pk, slug, name, parent=None, kind="city", aliases=()):
    return {"model": "archive.place", "pk": pk, "fields": {
        "name": name, "name_en": slug.title(), "slug": slug, "aliases": list(aliases),
        "kind": kind, "parent": parent, "latitude": None, "longitude": None}}


def speaker(pk, slug, name, aliases=()):
    return {"model": "archive.speaker", "pk": pk, "fields": {
        "name": name, "name_en": "", "slug": slug, "aliases": list(aliases), "role": "", "role_en": ""}}


def run(path, *args):
    with paused():
        call_command("load_gazetteer", "--file", path, *args, verbosity=0)


def test_adds_what_is_missing_and_leaves_corrections_alone(tmp_path):
    with paused():
        Speaker.objects.create(slug="known", name="اسم صححه أرشيفي", aliases=[])
    path = fixture(tmp_path, [speaker(1, "known", "الاسم كما في الإصدار"),
                              speaker(2, "new-one", "متحدث جديد", ["Mr New"])])
    run(path)
    assert Speaker.objects.get(slug="known").name == "اسم صححه أرشيفي"
    assert Speaker.objects.get(slug="new-one").aliases == ["Mr New"]


def test_places_hang_from_their_parent_by_slug_not_by_primary_key(tmp_path):
    with paused():
        Force.objects.create(slug="filler", name="قوة")  # pks of other tables do not matter
        Place.objects.create(slug="other", name="مكان آخر")  # takes pk 1 in an empty table
    path = fixture(tmp_path, [
        # The child comes first in the file: order does not matter either.
        place(7, "town", "بلدة جديدة", parent=6),
        place(6, "province", "محافظة جديدة", kind="governorate"),
    ])
    run(path)
    assert Place.objects.get(slug="town").parent.slug == "province"
    assert Place.objects.get(slug="other").parent is None


def test_an_entity_spelled_like_one_already_there_is_not_doubled(tmp_path):
    with paused():
        Place.objects.create(slug="archivists-own", name="تل تمر")
    path = fixture(tmp_path, [place(3, "tal-tamr", "تل تامر", aliases=["تل تمر"])])
    run(path)
    assert not Place.objects.filter(slug="tal-tamr").exists()


def test_a_place_whose_parent_is_skipped_is_skipped_with_it(tmp_path):
    with paused():
        Place.objects.create(slug="mine", name="ناحية")
    path = fixture(tmp_path, [place(1, "shipped", "ناحية", kind="district"),
                              place(2, "below", "قرية تحتها", parent=1)])
    run(path)
    assert not Place.objects.filter(slug__in=["shipped", "below"]).exists()


def test_a_dry_run_changes_nothing(tmp_path, capsys):
    path = fixture(tmp_path, [speaker(2, "new-one", "متحدث جديد")])
    with paused():
        call_command("load_gazetteer", "--file", path, "--dry-run")
    assert "متحدث جديد" in capsys.readouterr().out
    assert not Speaker.objects.exists()


def test_the_shipped_gazetteer_tops_up_an_archive_missing_part_of_it():
    with paused():
        call_command("loaddata", "fixtures/gazetteer.json", verbosity=0)
        gone = Speaker.objects.order_by("-pk")[:5]
        slugs = [s.slug for s in gone]
        Speaker.objects.filter(slug__in=slugs).delete()
        before = Place.objects.count()
        call_command("load_gazetteer", verbosity=0)
    assert Speaker.objects.filter(slug__in=slugs).count() == 5
    assert Place.objects.count() == before
