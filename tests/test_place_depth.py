"""Spec for the deeper places (issue 10, point 5): Yemen's and Lebanon's
villages and district seats, towns under their governorate, the war's bases,
camps, crossings, dams and rivers, and the place words that give a small
town's name its evidence. Sentences are written for these tests."""
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.arabic import fold
from archive.models import Place
from archive.place_context import context_required, is_locative
from archive.tagging import tag
from tests.test_place_classes import index, places  # noqa: F401  (the module's index fixture)

ROOT = Path(__file__).resolve().parent.parent
WORLD = json.loads((ROOT / "fixtures" / "world_places.json").read_text(encoding="utf-8"))
by_en = {}
for _p in WORLD["places"]:
    by_en.setdefault((_p["parent"], _p["name_en"]), _p)


# -- the generated file --------------------------------------------------------

def test_yemens_district_seats_without_a_population_are_in_the_file():
    harad = by_en[("YE", "Ḩaraḑ")]
    assert harad["population"] == 0 and fold("حرض") in {fold(n) for n in [harad["name"], *harad["aliases"]]}
    # a one-word name of a small town: only with evidence
    assert fold("حرض") in context_required()


def test_towns_lie_in_their_governorate_or_province():
    assert by_en[("SY", "Khān Shaykhūn")]["in"] == "place:idlib-governorate"
    assert by_en[("SY", "Manbij")]["in"] == "place:aleppo-governorate"
    assert by_en[("YE", "Ḩaraḑ")]["in"] == "region:YE:hajjah-governorate"
    # only a province by name gives its code: عرسال is a town
    assert not any(p.get("in") == "region:LB:arsal" for p in WORLD["places"])


def test_a_town_whose_governorate_is_unknown_still_hangs_from_its_country():
    keys = {p["key"] for p in WORLD["places"] if p["kind"] == "country"}
    assert all(p["parent"] in keys for p in WORLD["places"] if p["kind"] == "city")


# -- loading ---------------------------------------------------------------------

@pytest.fixture
def world(db):
    call_command("loaddata", str(ROOT / "fixtures" / "gazetteer.json"), verbosity=0)
    call_command("load_world_gazetteer", verbosity=0)


def test_a_town_loads_under_its_governorate(world):
    town = Place.objects.get(name_en="Khān Shaykhūn")
    assert [p.slug for p in town.ancestors()] == ["idlib-governorate", "syria"]
    harad = Place.objects.get(name_en="Ḩaraḑ")
    assert [p.name_en for p in harad.ancestors()] == ["Hajjah Governorate", "Yemen"]


def test_a_deleted_governorate_leaves_the_town_under_its_country(db):
    call_command("loaddata", str(ROOT / "fixtures" / "gazetteer.json"), verbosity=0)
    idlib = Place.objects.get(slug="idlib-governorate")
    idlib.children.update(parent=idlib.parent)
    idlib.delete()
    call_command("load_world_gazetteer", verbosity=0)
    assert Place.objects.get(name_en="Khān Shaykhūn").parent.slug == "syria"


def test_sites_outside_iraq_and_syria_load_under_their_country(world):
    incirlik = Place.objects.get(name_en="Incirlik Air Base")
    assert incirlik.kind == "site" and incirlik.parent.name_en == "Türkiye"


# -- tagging -----------------------------------------------------------------------

@pytest.mark.parametrize("body, place", [
    ("وسيطرت القوات على سد تشرين شرق حلب.", "Tishrin Dam"),
    ("وعبرت الشاحنات معبر باب الهوى نحو الداخل.", "Bab al-Hawa"),
    ("ونقل النازحون من مخيم الركبان في البادية.", "Rukban camp"),
    ("وأقلعت المقاتلات من قاعدة سبايكر.", "Camp Speicher"),
    ("وتقدمت القوات على الضفة الغربية لنهر الفرات.", "Euphrates"),
    ("وتسيطر قوات النظام على مناطق غرب الفرات.", "West of the Euphrates"),
    ("وانطلقت الطائرات من قاعدة انجرليك جنوب البلاد.", "Incirlik Air Base"),
    ("وعبرت السفن مضيق باب المندب.", "Bab-el-Mandeb"),
])
def test_bases_camps_crossings_dams_and_rivers_are_places(index, body, place):  # noqa: F811
    assert place in places(index, body)


@pytest.mark.parametrize("body, place", [
    ("واشتدت المعارك في مديرية حرض الحدودية.", "Ḩaraḑ"),
    ("وقصفت الطائرات مواقع بمديرية كتاف.", "Kitāf"),
    ("ودارت معارك في جبهة ميدي.", "Mīdī"),
])
def test_a_place_word_with_or_without_a_proclitic_is_evidence(index, body, place):  # noqa: F811
    assert place in places(index, body)


def test_a_list_after_a_place_word_is_supported_as_a_whole(index):  # noqa: F811
    found = places(index, "وتركزت الغارات في مديريات حيس وحرض وكتاف.")
    assert {"Ḩays", "Ḩaraḑ", "Kitāf"} <= set(found)


def test_without_evidence_a_small_towns_name_is_not_a_place(index):  # noqa: F811
    assert "Ḩaraḑ" not in places(index, "حرض الناس على العنف.")


def test_a_valley_or_mountain_word_is_not_evidence():
    assert is_locative("مديرية") and is_locative("بمديرية") and is_locative("وقرى")
    assert not is_locative("وادي") and not is_locative("جبل")


@pytest.mark.parametrize("body, absent", [
    ("وكان في استقبالها نائب رئيس مجلس النواب محمد الشدادي.", "Al-Shaddadi"),
    ("وقال الباحث علي الموصلي إن المدينة تغيرت.", "Mosul"),
])
def test_a_place_after_a_given_name_is_a_family_name(index, body, absent):  # noqa: F811
    assert absent not in places(index, body)


def test_the_same_place_after_a_place_word_is_still_a_place(index):  # noqa: F811
    assert "Al-Shaddadi" in places(index, "وقصفت الطائرات مدينة الشدادي جنوب الحسكة.")


def test_the_preposition_ala_is_no_given_name(index):  # noqa: F811
    assert "Eastern Ghouta" in places(index, "تواصل القصف على الغوطة الشرقية.")


# -- Yemen's districts ----------------------------------------------------------------

def test_yemens_districts_lie_in_their_governorate_and_need_context():
    raghwan = by_en[("YE", "Raghwan")]
    assert raghwan["kind"] == "district" and raghwan["in"] == "region:YE:marib-governorate"
    assert fold("رغوان") in context_required()
    # a district a GeoNames town already names is left to the town (صرواح)
    assert not any(p["kind"] == "district" and p["name"] == "صرواح" for p in WORLD["places"])


@pytest.mark.parametrize("body, place", [
    ("واندلعت مواجهات عنيفة في مديرية رغوان شمال مأرب.", "Raghwan"),
    ("وتقدمت القوات في مديرية صبر الموادم.", "Sabir al-Mawadim"),
])
def test_a_district_is_tagged_with_its_place_word(index, body, place):  # noqa: F811
    assert place in places(index, body)


def test_a_district_loads_under_its_governorate(world):
    raghwan = Place.objects.get(name_en="Raghwan")
    assert raghwan.kind == "district"
    assert [p.name_en for p in raghwan.ancestors()] == ["Marib Governorate", "Yemen"]


@pytest.mark.parametrize("body", [
    "وعادت الفنانة فاطمة إلى الساحة الفنية.",       # ف + اطمة: not Atmeh camp
    "وقال الدكتور الركبان إن الهدف واضح.",          # a family name, not Rukban camp
    "ساكن وسط الحشا وأنت الوحيد.",                  # the guts, not the district of al-Husha
])
def test_words_and_names_that_share_a_sites_or_districts_name_are_not_places(index, body):  # noqa: F811
    assert places(index, body) == []


def test_an_iraqi_or_syrian_town_keeps_a_name_a_yemeni_village_shares():
    for name in ("السخنة", "الناصرة", "ذيبين"):
        owners = [p for p in WORLD["places"] if fold(name) in {fold(n) for n in [p["name"], *p["aliases"]]}]
        assert [p["parent"] for p in owners] == ["SY"], name


def test_a_place_after_a_title_is_a_family_name(index):  # noqa: F811
    assert "Al-Shaddadi" not in places(index, "وقال الدكتور الشدادي إن النتائج مشجعة.")
