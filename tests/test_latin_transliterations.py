"""A Latin name typed as a newspaper transliterates it finds the entity
(issue 11, point 6): the gazetteer cannot list every spelling, so a typed
name it lacks is read by what transliterations share (archive.name_variants),
and a surname or a place's name typed alone is every entity it names.
"""
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.name_variants import Variants, loose_key

GAZETTEER = Path(__file__).resolve().parent.parent / "fixtures" / "gazetteer.json"

PLACES = [
    (("place", 1), ["الرقة", "Raqqa", "Ar-Raqqah"]),
    (("place", 2), ["سامراء", "Samarra"]),
    (("place", 3), ["سامارا", "Samara"]),
    (("place", 4), ["الحويجة", "Hawija", "al-Hawija"]),
    (("place", 5), ["لحج", "Lahij"]),
    (("place", 6), ["الفلوجة", "Fallujah"]),
    (("place", 7), ["الأفلاج", "al-Aflaj"]),
    (("place", 8), ["رميلان", "Rmelan"]),
]


def lookup(text):
    return None


@pytest.fixture
def variants():
    return Variants(PLACES)


@pytest.mark.parametrize("typed, key", [
    ("Raqa", ("place", 1)), ("Raqqe", ("place", 1)), ("al-Raqa", ("place", 1)),   # too short for consonants
    ("Sammarra", ("place", 2)),      # Samarra is closer than Samara
    ("Faluja", ("place", 6)),        # not al-Aflaj, whose consonants are the same
    ("AlHawija", ("place", 4)),      # the glued article is no l of Lahij
    ("Rumeilan", ("place", 8)),      # the consonants alone, as before
])
def test_a_transliteration_names_the_entity_it_spells(variants, typed, key):
    assert variants.entity_for(typed, lookup) == key


def test_an_ordinary_word_sharing_a_key_with_a_far_spelling_names_nothing():
    variants = Variants([(("place", 1), ["بليكو", "Pleiku"]), (("place", 2), ["حمرين", "Hamrin"])])
    assert variants.entity_for("police", lookup) is None     # p*l*k*, but four edits from Pleiku
    assert variants.entity_for("Plaiku", lookup) == ("place", 1)
    assert variants.entity_for("Himreen", lookup) == ("place", 2)     # three edits, half its letters


def test_where_vowels_stand_is_kept_in_the_finer_key():
    assert loose_key("Raqa", vowels=True) == loose_key("Raqqe", vowels=True) == "r*k*"
    assert loose_key("Raqa") == ""          # two consonants say too little alone
    assert loose_key("Qaim", vowels=True) == loose_key("Al-Qeim", vowels=True)


def test_two_entities_as_close_name_neither_unless_one_place_has_two_records():
    variants = Variants([(("place", 1), ["Kaim"]), (("place", 2), ["Qaym"])])
    assert variants.entity_for("Qaim", lookup) is None      # one edit from each
    twins = Variants([(("place", 1), ["Kaim"]), (("place", 2), ["Qaym"])],
                     twins=lambda kind, pk: [("place", 2)] if pk == 1 else [("place", 1)])
    assert twins.entity_for("Qaim", lookup) == ("place", 1)


def test_a_latin_surname_keeps_its_particles():
    from archive.latin_surnames import latin_surname_keys, surname_form

    table = latin_surname_keys({("speaker", 1): ["جان إيف لودريان", "Jean-Yves Le Drian"],
                                ("speaker", 2): ["ستافان دي ميستورا", "Staffan de Mistura"]})
    assert table["le drian"] == {("speaker", 1)} and table["drian"] == {("speaker", 1)}
    assert table["de mistura"] == {("speaker", 2)}
    assert surname_form("Le  Drian") == "le drian" and surname_form("Mosul city") == ""


def test_one_place_under_two_records_is_one_place():
    from archive.alias_index import AliasIndex

    index = AliasIndex([("place", 1, ["ديرك", "al-Malikiyah"]), ("place", 2, ["المالكية", "al-Malikiyah"]),
                        ("place", 3, ["المالكية", "al-Malikiyah"])])
    index._coords = {("place", 1): (37.1667, 42.1333), ("place", 2): (37.177, 42.140),
                     ("place", 3): (26.2, 50.5)}
    assert index.twins("place", 1) == [("place", 2)]
    assert index.entity_key_for_phrase("al-Malikiyah") is None     # a third, far away
    index = AliasIndex([("place", 1, ["ديرك", "al-Malikiyah"]), ("place", 2, ["المالكية", "al-Malikiyah"])])
    index._coords = {("place", 1): (37.1667, 42.1333), ("place", 2): (37.177, 42.140)}
    assert index.entity_key_for_phrase("al-Malikiyah") == ("place", 1)


# ---------- Through the search ----------

def ids(client, q):
    return {r["id"] for r in client.get("/api/articles/", {"q": q, "page_size": 100}).json()["results"]}


@pytest.fixture
def articles(db, search_index_dir):
    from archive.models import Article, Place
    from archive.search import indexing

    call_command("loaddata", str(GAZETTEER), verbosity=0)
    Place.objects.create(name="بولتن", name_en="Bolton", slug="bolton-uk", latitude=53.58, longitude=-2.43)
    Place.objects.create(name="المالكية", name_en="Al Mālikīyah", slug="al-malikiyah-w", aliases=["ديريك"],
                         latitude=37.177, longitude=42.140)
    made = {
        "bolton": Article.objects.create(title="تحذير", body="حذر جون بولتون إيران من أي هجوم."),
        "drian": Article.objects.create(title="فرنسا", body="قال جان ايف لو دريان إن فرنسا تدعم الحل."),
        "derik": Article.objects.create(title="دوريات", body="مرت الدوريات في القامشلي وديرك أمس."),
        "malikiyah": Article.objects.create(title="المالكية", body="وصلت القافلة إلى بلدة ديريك ليلا."),
        "raqqa": Article.objects.create(title="الرقة", body="قصفت الطائرات مواقع في الرقة."),
    }
    indexing.index_articles([a.pk for a in made.values()])
    from archive.gazetteer import invalidate_alias_index
    invalidate_alias_index()
    return {k: a.pk for k, a in made.items()}


def test_a_persons_surname_that_is_also_a_towns_name_finds_the_person(client, articles):
    assert articles["bolton"] in ids(client, "Bolton")


def test_a_surname_with_its_particle_on_a_side_of_or(client, articles):
    assert {articles["bolton"], articles["drian"]} <= ids(client, '"Le Drian" OR Bolton')


def test_one_place_under_two_records_finds_both_spellings(client, articles):
    found = ids(client, "al-Malikiyah")
    assert {articles["derik"], articles["malikiyah"]} <= found and articles["raqqa"] not in found


@pytest.mark.parametrize("typed", ["Raqa", "Raqqe", "ar-Raqa"])
def test_a_transliteration_the_gazetteer_lacks_finds_the_place(client, articles, typed):
    assert articles["raqqa"] in ids(client, typed)


def test_a_name_typed_with_its_brackets_is_the_name(client, articles):
    from archive.models import Force

    force = Force.objects.filter(name_en__contains="(").exclude(name_en__startswith="(").first()
    assert force is not None
    typed = force.name_en
    data = client.get("/api/articles/", {"q": f"{typed} OR الرقة"}).json()
    assert articles["raqqa"] in {r["id"] for r in data["results"]}
    assert any(e["kind"] == "force" for e in data["expanded"]), typed
