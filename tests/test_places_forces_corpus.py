"""Spec for the places the corpus names and no package lists
(fixtures/corpus_places.json, scripts/build_corpus_places.py), two forces
under one head noun (archive/force_ellipsis.py) and every state's police
(scripts/build_state_forces.py, archive/force_context.police_at_war).

The real gazetteer and the world under it are loaded, as `make run` loads them.
"""
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.gazetteer import get_alias_index
from archive.models import Force, Place
from archive.place_context import context_required
from archive.arabic import fold
from archive.tagging import tag

from tests.conftest import GAZETTEER

ROOT = Path(__file__).resolve().parent.parent
CORPUS_PLACES = json.loads((ROOT / "fixtures" / "corpus_places.json").read_text(encoding="utf-8"))


@pytest.fixture
def world(db):
    call_command("loaddata", str(GAZETTEER), verbosity=0)
    call_command("load_world_gazetteer", verbosity=0)


def tagged(title, body):
    index = get_alias_index()
    tags = tag(title, body, index)
    return ({Place.objects.get(pk=pk).name for pk in tags.places},
            {Force.objects.get(pk=pk).slug for pk in tags.forces})


# -- places the corpus names ---------------------------------------------------

def test_every_corpus_place_lies_in_a_country_and_needs_context():
    required = set(CORPUS_PLACES["context_required"])
    assert CORPUS_PLACES["places"]
    for place in CORPUS_PLACES["places"]:
        assert place["in"].startswith("place:"), place
        assert fold(place["name"]) in required, place
    # and the matcher reads them so
    assert fold(CORPUS_PLACES["places"][0]["name"]) in context_required()


def test_a_corpus_place_is_loaded_under_its_country(world):
    entry = next(p for p in CORPUS_PLACES["places"] if p["name"] == "الزعفرانية")
    place = Place.objects.get(slug=entry["slug"])
    assert place.parent.slug == entry["in"][len("place:"):] == "iraq"


def test_a_corpus_place_counts_after_a_place_word_only(world):
    places, _ = tagged("انفجار", "انفجرت عبوة ناسفة في منطقة الزعفرانية جنوب شرقي بغداد.")
    assert "الزعفرانية" in places
    # The same word without anything that says it is a place: not tagged.
    places, _ = tagged("عطر", "اشترى الزعفرانية الحمراء أمس.")
    assert "الزعفرانية" not in places


def test_loading_twice_adds_nothing(world):
    before = Place.objects.count()
    call_command("load_world_gazetteer", verbosity=0)
    assert Place.objects.count() == before


# -- two forces under one head noun --------------------------------------------

def test_two_forces_under_one_head_noun_are_both_named(world):
    _, forces = tagged("عدن", "فرت ميليشيات الحوثي وصالح من قاعدة العند في لحج.")
    assert {"houthis", "saleh-loyalists"} <= forces
    _, forces = tagged("تعز", "اشتباكات مع ميليشيات الحوثي والمخلوع صالح في تعز.")
    assert {"houthis", "saleh-loyalists"} <= forces


def test_the_shared_head_does_not_cross_a_clause_or_make_a_force_of_a_name(world):
    _, forces = tagged("عدن", "فرت ميليشيات الحوثي. وصالح الناس في عدن.")
    assert "saleh-loyalists" not in forces
    _, forces = tagged("عدن", "تقدمت ميليشيات الحوثي ومحمد إلى عدن.")
    assert forces == {"houthis"}


def test_a_force_named_in_full_after_the_and_is_itself_not_a_shared_head(world):
    _, forces = tagged("الغوطة", "تقاتل في الغوطة الشرقية فصائل جيش الإسلام وفيلق الرحمن وأحرار الشام.")
    assert "faylaq-al-sham" not in forces
    assert {"jaysh-al-islam", "faylaq-al-rahman", "ahrar-al-sham"} <= forces


# -- every state's police -------------------------------------------------------

def test_a_states_police_is_in_the_gazetteer(world):
    assert Force.objects.filter(slug="egypt-police", name="الشرطة المصرية").exists()
    assert Force.objects.get(slug="iraqi-police")          # the conflict gazetteer's stays


def test_police_fighting_an_armed_group_is_a_force_of_the_conflict(world):
    _, forces = tagged("تركيا", "قتل ثلاثة من الشرطة التركية في هجوم نسب إلى حزب العمال الكردستاني "
                               "في جنوب شرق تركيا.")
    assert {"turkiye-police", "pkk"} <= forces


def test_police_in_a_report_with_no_armed_force_is_not_tagged(world):
    _, forces = tagged("غرق مركب", "أعلنت الشرطة المصرية مصرع 18 شخصا في غرق مركب بنيل القاهرة.")
    assert forces == set()


# -- a spelling two places share ------------------------------------------------

def _tripoli_countries(tags):
    from archive.entities import current_places
    from archive.force_context import country_of

    return {country_of(pk, current_places()) for pk in tags.places
            if "طرابلس" in Place.objects.get(pk=pk).all_names()}


def test_a_shared_spelling_is_the_place_in_the_articles_country(world):
    index = get_alias_index()
    libya = tag("اشتباكات", "اندلعت اشتباكات في طرابلس بين فصائل ليبية، فيما هدأت بنغازي وسرت في ليبيا.", index)
    lebanon = tag("طرابلس", "سقطت قذائف على طرابلس في شمال لبنان قرب صيدا وبيروت.", index)
    assert _tripoli_countries(libya) == {"libya"}
    assert _tripoli_countries(lebanon) == {"lebanon"}


def test_a_shared_spelling_stays_silent_when_the_country_is_unclear(world):
    index = get_alias_index()
    tags = tag("طرابلس", "وصل الوفد إلى طرابلس قادما من القاهرة وعمان وأنقرة.", index)
    assert _tripoli_countries(tags) == set()
