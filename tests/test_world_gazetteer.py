"""Spec for the world gazetteer under the conflict's own
(fixtures/world_places.json, `manage.py load_world_gazetteer`) and for place
names that are also ordinary words (archive.place_context)."""
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.arabic import fold
from archive.gazetteer import AliasIndex, get_alias_index
from archive.models import Place
from archive.place_context import context_required
from archive.tagging import tag

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "fixtures" / "gazetteer.json"
WORLD = json.loads((ROOT / "fixtures" / "world_places.json").read_text(encoding="utf-8"))


# -- the generated file ------------------------------------------------------

def test_every_country_and_its_capital_are_in_the_world_file():
    countries = [p for p in WORLD["places"] if p["kind"] == "country"]
    assert len(countries) >= 240
    by_en = {p["name_en"]: p for p in WORLD["places"]}
    assert by_en["Türkiye"]["name"] == "تركيا"
    assert fold("أنقرة") in {fold(n) for n in [by_en["Ankara"]["name"], *by_en["Ankara"]["aliases"]]}
    assert by_en["Ankara"]["parent"] == "TR" and by_en["Ankara"]["capital"]
    assert "واشنطن" in [by_en["Washington"]["name"], *by_en["Washington"]["aliases"]]


def test_cities_hang_from_a_country_in_the_file():
    keys = {p["key"] for p in WORLD["places"] if p["kind"] == "country"}
    cities = [p for p in WORLD["places"] if p["kind"] == "city"]
    assert len(cities) > 2000
    assert all(p["parent"] in keys for p in cities)


def test_a_country_spelling_is_never_also_a_city_spelling():
    country = {fold(n) for p in WORLD["places"] if p["kind"] == "country" for n in [p["name"], *p["aliases"]]}
    city = {fold(n) for p in WORLD["places"] if p["kind"] == "city" for n in [p["name"], *p["aliases"]]}
    assert not (country & city)           # الكويت is the country; the city is مدينة الكويت


def test_measured_ordinary_words_need_context():
    required = context_required()
    assert fold("بعقوبة") in required     # ب + عقوبة, from the conflict gazetteer
    assert fold("بغداد") not in required
    assert fold("أنقرة") not in required


# -- loading under the conflict gazetteer -------------------------------------

@pytest.fixture
def world(db):
    call_command("loaddata", str(GAZETTEER), verbosity=0)
    call_command("load_world_gazetteer", verbosity=0)


def test_the_conflict_gazetteer_wins_no_duplicates(world):
    assert Place.objects.filter(name="بغداد").count() == 1
    assert Place.objects.get(name="بغداد").slug == "baghdad"
    index = get_alias_index()
    baghdad = Place.objects.get(slug="baghdad")
    assert tag("", "وصل الوفد إلى بغداد أمس.", index).places == [baghdad.pk]


def test_world_cities_hang_from_their_country_and_iraqs_from_the_existing_iraq(world):
    ankara = Place.objects.get(name_en="Ankara")
    assert ankara.parent.name_en == "Türkiye" and ankara.parent.kind == "country"
    iraq = Place.objects.get(slug="iraq")
    assert not Place.objects.filter(kind="country", name="العراق").exclude(pk=iraq.pk).exists()
    assert Place.objects.filter(parent=iraq, kind="city").exclude(slug__in=[
        p["fields"]["slug"] for p in json.loads(GAZETTEER.read_text(encoding="utf-8")) if "slug" in p["fields"]
    ]).exists()


def test_loading_twice_adds_nothing(world):
    count = Place.objects.count()
    call_command("load_world_gazetteer", verbosity=0)
    assert Place.objects.count() == count


def test_places_outside_iraq_and_syria_are_tagged(world):
    tags = tag("أردوغان في أنقرة", "قال مسؤولون في دبي وواشنطن إن مرتفعات الجولان ليست للبيع.",
               get_alias_index())
    found = set(Place.objects.filter(pk__in=tags.places).values_list("name_en", flat=True))
    assert {"Ankara", "Dubai", "Washington"} <= found


def test_a_tagged_city_brings_its_country_into_the_place_facet(world):
    from archive.search.indexing import PlaceAncestry

    ankara = Place.objects.get(name_en="Ankara")
    ancestry = PlaceAncestry()
    assert ancestry.with_ancestors([ankara.pk]) == [ankara.slug, ankara.parent.slug]


# -- context decides ordinary words --------------------------------------------

@pytest.fixture
def baqubah_index(db):
    diyala = Place.objects.create(name="ديالى", slug="diyala-t", kind="governorate")
    baqubah = Place.objects.create(name="بعقوبة", slug="baqubah-t", parent=diyala)
    index = AliasIndex([("place", p.pk, p.all_names(raw=True)) for p in (diyala, baqubah)])
    return index, baqubah, diyala


@pytest.mark.parametrize("body", [
    "وحكم عليه بعقوبة الإعدام شنقا.",
    "قضت المحكمة بعقوبة السجن المؤبد.",
])
def test_a_clitic_plus_common_word_is_not_the_place(baqubah_index, body):
    index, baqubah, _ = baqubah_index
    assert baqubah.pk not in tag("حكم قضائي", body, index).places


@pytest.mark.parametrize("body", [
    "انفجرت سيارة مفخخة في بعقوبة صباح اليوم.",
    "وصل الوفد إلى مدينة بعقوبة.",
    "شملت الحملة ديالى وبعقوبة.",
    "قال مصدر من بعقوبة إن المحكمة حكمت بعقوبة الإعدام.",
])
def test_the_place_counts_with_supporting_context(baqubah_index, body):
    index, baqubah, _ = baqubah_index
    assert baqubah.pk in tag("خبر", body, index).places


def test_supported_once_is_supported_in_the_whole_article(baqubah_index):
    index, baqubah, _ = baqubah_index
    tags = tag("بعقوبة تستعد للانتخابات", "تستعد مدينة بعقوبة للانتخابات.", index)
    assert tags.places == [baqubah.pk]


def test_provinces_load_under_their_country(world):
    hadhramaut = Place.objects.get(name_en="Hadhramaut")
    assert hadhramaut.kind == "region" and hadhramaut.parent.name_en == "Yemen"


def test_a_province_and_its_town_of_the_same_name_are_one_place(world):
    jazan = Place.objects.filter(name="جازان")
    assert jazan.count() == 1 and jazan.get().kind == "region"
    assert tag("", "سقط صاروخ على جازان.", get_alias_index()).places == [jazan.get().pk]
