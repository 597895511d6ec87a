"""Issue 11, point 6, for the places the corpus names and no package lists
(fixtures/corpus_places.json): each has a Latin name
(scripts/latin_corpus_places.py), the English page and the API show it, and a
Latin query finds an article tagged with the place, in either engine
(``SEARCH_BACKEND=whoosh`` for the second).

The real gazetteer and the world under it are loaded, as `make run` loads them.
"""
import json
import re
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.models import Article, Place

from tests.conftest import GAZETTEER

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.latin_corpus_places import english_key, arabic_key, romanise  # noqa: E402

CORPUS_PLACES = json.loads((ROOT / "fixtures" / "corpus_places.json").read_text(encoding="utf-8"))
ARABIC = re.compile("[\u0600-\u06ff]")
SOURCES = {"geonames", "cldr", "subdivision", "geonames-sound", "romanised"}


def entry(name):
    return next(p for p in CORPUS_PLACES["places"] if p["name"] == name)


# -- the fixture ---------------------------------------------------------------

def test_every_corpus_place_has_a_latin_name_and_says_where_it_came_from():
    for place in CORPUS_PLACES["places"]:
        assert place["name_en"].strip() and not ARABIC.search(place["name_en"]), place
        assert place["name_en_source"] in SOURCES, place


def test_a_package_name_wins_over_the_romanisation():
    assert entry("كاليفورنيا")["name_en"] == "California"      # a US state
    assert entry("الرس")["name_en_source"] == "geonames"       # a Saudi town, Arabic in GeoNames


def test_the_romanisation_keeps_the_article_and_writes_the_long_vowels():
    assert romanise("الزعفرانية") == "al-Zafraniya"
    assert romanise("الملاجم") == "al-Malajim"
    assert romanise("الشبكي") == "al-Shabki"                  # sun letter not assimilated
    assert romanise("تنومة") == "Tanuma"
    # and the name without its article is a Latin alias
    assert "Zafraniya" in entry("الزعفرانية")["aliases"]


def test_a_foreign_name_matches_by_its_consonants_as_arabic_writes_them():
    assert arabic_key("كاليفورنيا") == english_key("California")
    assert arabic_key("ميشيغان") == english_key("Michigan")
    assert arabic_key("الخزامى") != english_key("Al Qasim")


# -- loaded, shown, found --------------------------------------------------------

@pytest.fixture
def tagged_articles(db, search_index_dir):
    from archive.search import indexing

    call_command("loaddata", str(GAZETTEER), verbosity=0)
    call_command("load_world_gazetteer", verbosity=0)
    made = {}
    for name in ("الزعفرانية", "كاليفورنيا"):
        article = Article.objects.create(title="انفجار", body=f"انفجرت عبوة ناسفة في منطقة {name} أمس.")
        article.places.add(Place.objects.get(slug=entry(name)["slug"]))
        made[name] = article.pk
    indexing.index_articles(list(made.values()))
    return made


def test_a_loaded_corpus_place_has_its_english_name_and_latin_aliases(tagged_articles):
    place = Place.objects.get(slug=entry("الزعفرانية")["slug"])
    assert place.name == "الزعفرانية"
    assert place.name_en == "al-Zafraniya"
    assert "Zafraniya" in place.aliases


def test_the_api_facet_and_the_english_page_show_the_english_name(client, tagged_articles):
    data = client.get("/api/articles/", {"q": "انفجار"}).json()
    rows = {row["name"]: row["name_en"] for row in data["facets"]["location"]}
    assert rows.get("الزعفرانية") == "al-Zafraniya"
    client.cookies["django_language"] = "en"
    html = client.get("/search/", {"q": "انفجار"}).content.decode()
    assert "al-Zafraniya" in html and "California" in html


@pytest.mark.parametrize("query, name", [
    ("Zafraniya", "الزعفرانية"), ("al-Zafraniya", "الزعفرانية"), ("California", "كاليفورنيا")])
def test_a_latin_query_finds_the_article_tagged_with_the_place(client, tagged_articles, query, name):
    data = client.get("/api/articles/", {"q": query}).json()
    assert tagged_articles[name] in {r["id"] for r in data["results"]}


def test_an_archive_loaded_before_gets_the_names_by_loading_again(client, tagged_articles):
    zafraniya = Place.objects.get(slug=entry("الزعفرانية")["slug"])
    shabki = Place.objects.get(slug=entry("الشبكي")["slug"])
    Place.objects.filter(pk=zafraniya.pk).update(name_en="", aliases=[])   # as loaded before
    from archive.gazetteer import invalidate_alias_index
    invalidate_alias_index()
    assert not client.get("/api/articles/", {"q": "Zafraniya"}).json()["results"]
    Place.objects.filter(pk=shabki.pk).update(name_en="Shabak village")    # an archivist's name
    call_command("load_world_gazetteer", verbosity=0)
    zafraniya.refresh_from_db()
    shabki.refresh_from_db()
    assert zafraniya.name_en == "al-Zafraniya" and zafraniya.aliases == ["Zafraniya"]
    assert shabki.name_en == "Shabak village"
    # no re-indexing: a Latin query is read through the gazetteer
    data = client.get("/api/articles/", {"q": "Zafraniya"}).json()
    assert tagged_articles["الزعفرانية"] in {r["id"] for r in data["results"]}


def test_the_latin_names_have_no_repeated_alias():
    for place in CORPUS_PLACES["places"]:
        assert len(place["aliases"]) == len(set(place["aliases"])), place
