"""An ordinary English word typed into the search box is not a place it
resembles (issue 11, point 6): a Latin word is read loosely as a newspaper's
transliteration of a gazetteer name (Himreen is Hamrin), but "woman" is no
Oman, "mosque" no Moscow, "pairs" no Paris. An English word names an entity
only as the gazetteer spells it (Nice, Split); the list of English words is
SCOWL's, committed under archive/lexicon/ (scripts/build_english_words.py).
"""
import gzip
import importlib.util
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.name_variants import ENGLISH_WORDS_PATH, Variants, english_words, is_english

ROOT = Path(__file__).resolve().parent.parent

PLACES = [
    (("place", 1), ["عمان", "Oman"]),
    (("place", 2), ["موسكو", "Moscow"]),
    (("place", 3), ["باريس", "Paris"]),
    (("place", 4), ["بوردور", "Burdur"]),
    (("place", 5), ["حمرين", "Hamrin"]),
    (("place", 6), ["نيس", "Nice"]),
]


def lookup(text):
    return None


@pytest.mark.parametrize("typed", ["woman", "Mosque", "pairs", "border", "BORDER"])
def test_an_english_word_is_no_loose_spelling_of_a_place(typed):
    assert is_english(typed)
    assert Variants(PLACES).entity_for(typed, lookup) is None


@pytest.mark.parametrize("typed, key", [
    ("Omaan", ("place", 1)), ("Moskow", ("place", 2)), ("Pariss", ("place", 3)),
    ("Himreen", ("place", 5)),        # a transliteration, not an English word, is read loosely as before
])
def test_a_transliteration_that_is_no_english_word_is_still_read_loosely(typed, key):
    assert not is_english(typed)
    assert Variants(PLACES).entity_for(typed, lookup) == key


def test_a_word_the_list_also_gives_as_a_proper_name_is_a_name_when_capitalised():
    variants = Variants([(("place", 7), ["تركيا", "Türkiye"])])
    assert variants.entity_for("Turkey", lookup) == ("place", 7)
    assert variants.entity_for("turkey", lookup) is None
    assert is_english("Woman")         # no proper name in the list: capitalised or not, a word


@pytest.mark.parametrize("typed", ["al-Woman", "Tell Afar", "Mere'", "Hamrin", "حمرين", ""])
def test_an_article_a_mark_or_several_words_are_a_transliterations(typed):
    assert not is_english(typed)


def test_the_word_list_is_committed_with_its_notice_and_holds_common_words_only():
    assert ENGLISH_WORDS_PATH.is_relative_to(ROOT / "archive" / "lexicon")
    with gzip.open(ENGLISH_WORDS_PATH, "rt", encoding="utf-8") as lines:
        head = "".join(next(lines) for _ in range(40))
    assert "SCOWL" in head and "Kevin Atkinson" in head and "Permission to use" in head
    words = english_words().keys()
    assert len(words) > 50_000
    assert {"woman", "mosque", "border", "minister", "nice", "reading", "mobile"} <= words
    assert not {"oman", "moscow", "hamrin", "raqqa", "mosul"} & words     # proper names are not lowercase entries
    assert all(w.isascii() and w.isalpha() and w.islower() for w in words)


def test_the_build_script_keeps_lowercase_entries_and_the_notice(tmp_path):
    spec = importlib.util.spec_from_file_location("build_english_words", ROOT / "scripts" / "build_english_words.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    source = tmp_path / "words"
    source.write_text("woman\nwoman's\nOman\nMoscow\nmosque\nox\ncafé\nborder\nturkey\nTurkey\n", encoding="utf-8")
    notice = tmp_path / "copyright"
    notice.write_text("Copyright 2000-2011 by Kevin Atkinson\n", encoding="utf-8")
    out = tmp_path / "english_words.txt.gz"
    assert build.build(source, out, notice) == 4
    first = out.read_bytes()
    text = gzip.decompress(first).decode("utf-8")
    assert "# Copyright 2000-2011 by Kevin Atkinson" in text
    assert [w for w in text.splitlines() if not w.startswith("#")] == ["border", "mosque", "turkey\tproper", "woman"]
    build.build(source, out, notice)
    assert out.read_bytes() == first        # the same bytes on every rebuild


# ---------- Through the search ----------

def ids(client, q):
    return {r["id"] for r in client.get("/api/articles/", {"q": q, "page_size": 100}).json()["results"]}


@pytest.fixture
def articles(db, search_index_dir):
    from archive.models import Article, Place
    from archive.search import indexing

    call_command("loaddata", str(ROOT / "fixtures" / "gazetteer.json"), verbosity=0)
    for name, name_en, slug in (("موسكو", "Moscow", "moscow-t"), ("نيس", "Nice", "nice-t")):
        if not Place.objects.filter(name_en=name_en).exists():
            Place.objects.create(name=name, name_en=name_en, slug=slug)
    made = {
        "moscow": Article.objects.create(title="روسيا", body="وصل الوفد إلى موسكو أمس."),
        "nice": Article.objects.create(title="فرنسا", body="شددت الشرطة الإجراءات في نيس."),
        "hamrin": Article.objects.create(title="ديالى", body="تمشيط سلسلة جبال حمرين."),
    }
    indexing.index_articles([a.pk for a in made.values()])
    from archive.gazetteer import invalidate_alias_index
    invalidate_alias_index()
    return {k: a.pk for k, a in made.items()}


def test_an_english_word_does_not_find_the_place_it_resembles(client, articles):
    assert articles["moscow"] not in ids(client, "mosque")
    assert articles["moscow"] in ids(client, "Moskow")       # a transliteration still does


def test_a_name_that_is_also_an_english_word_is_found_as_spelled(client, articles):
    assert articles["nice"] in ids(client, "Nice")


def test_a_transliteration_the_gazetteer_lacks_still_finds_its_place(client, articles):
    assert articles["hamrin"] in ids(client, "Himreen")
