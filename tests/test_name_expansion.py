"""A name is every spelling of it wherever it stands in the query: on either
side of OR, after a minus, in quotes; and Latin names find Arabic articles.

Seeds: 000 spells the coalition spokesman كاگينز/كاكينز, 002 كيغنز, 004
كاكينز; 001 names Gedney (غيدني); none names Mattis. كردستان/كوردستان are in
000, 001, 003 and 004.
"""
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

GAZETTEER = Path(__file__).resolve().parent.parent / "fixtures" / "gazetteer.json"


def search(client, q, **extra):
    return client.get("/api/articles/", {"q": q, "page_size": 100, **extra}).json()


def found(client, q, **extra):
    return sorted(r["external_id"][:3] for r in search(client, q, **extra)["results"])


@pytest.mark.parametrize("q, seeds", [
    ("Caggins OR Mattis", ["000", "002", "004"]),
    ("Mattis OR Caggins", ["000", "002", "004"]),
    ("كاكينز OR غيدني", ["000", "001", "002", "004"]),
    ("كيغنز OR Gedney", ["000", "001", "002", "004"]),
    ('"مايلز كاكينز" OR غيدني', ["000", "001", "002", "004"]),
    ('"Caggins"', ["000", "002", "004"]),
])
def test_each_side_of_or_is_expanded_as_a_lone_name_is(client, seeded, q, seeds):
    assert found(client, q) == seeds


def test_or_reports_both_names(client, seeded):
    expanded = search(client, "Caggins OR Gedney")["expanded"]
    assert {e["typed"] for e in expanded} == {"Caggins", "Gedney"}
    assert not any(e["excluded"] for e in expanded)
    caggins = next(e for e in expanded if e["typed"] == "Caggins")
    assert "كيغنز" in caggins["names"]


@pytest.mark.parametrize("q", ["داعش -كاكينز", "داعش -Caggins", "داعش -كيغنز", 'داعش -"مايلز كاكينز"'])
def test_an_excluded_name_is_excluded_in_every_spelling(client, seeded, q):
    assert found(client, "داعش") == ["000", "001", "002", "003", "004"]
    assert found(client, q) == ["001", "003"]


def test_an_excluded_name_is_reported_as_excluded(client, seeded):
    expanded = search(client, "داعش -Caggins")["expanded"]
    assert [(e["typed"], e["excluded"]) for e in expanded if e["kind"] == "speaker"] == [("Caggins", True)]


def test_the_search_page_says_a_name_was_excluded(client, seeded):
    page = client.get("/search/", {"q": "داعش -Caggins"}).content.decode()
    assert "expansion__excluded" in page


def test_without_expansion_or_finds_only_the_spellings_typed(client, seeded):
    assert found(client, "كاكينز OR غيدني", expand="0") == ["000", "001", "004"]


@pytest.mark.parametrize("q, seeds", [
    ("Kurdistan", ["000", "001", "003", "004"]),
    ("kurdistan", ["000", "001", "003", "004"]),
    ("Peshmerga", ["000", "002", "003", "004"]),
    ("Qarachogh", ["002", "004"]),
])
def test_latin_names_find_arabic_articles(client, seeded, q, seeds):
    assert found(client, q) == seeds


def _entries(model):
    return [row["fields"] for row in json.loads(GAZETTEER.read_text(encoding="utf-8"))
            if row["model"] == f"archive.{model}"]


@pytest.mark.parametrize("model", ["place", "force", "outlet"])
def test_every_place_force_and_outlet_has_a_latin_name_and_a_latin_alias(model):
    for fields in _entries(model):
        latin = [a for a in fields.get("aliases") or [] if any("a" <= c.lower() <= "z" for c in a)]
        assert fields.get("name_en") and latin, fields["name"]


@pytest.mark.parametrize("name, kind, typed", [
    ("إقليم كردستان", "place", "Kurdistan"),
    ("سامراء", "place", "Samarra"),
    ("الحشد الشعبي", "force", "Hashd"),
    ("هيئة تحرير الشام", "force", "Nusra"),
    ("الحرس الثوري الإيراني", "force", "Revolutionary Guards"),
    ("دير الزور", "place", "Deir al-Zor"),
])
def test_common_latin_spellings_are_aliases(client, seeded, name, kind, typed):
    expanded = search(client, typed)["expanded"]
    assert [e["names"][0] for e in expanded if e["kind"] == kind] == [name]


@pytest.mark.parametrize("q, seeds", [
    ("مايلز كاكينز OR فيلكس غيدني", ["000", "001", "002", "004"]),
    ("Myles Caggins OR Felix Gedney", ["000", "001", "002", "004"]),
    ("فيلكس غيدني OR كيغنز", ["000", "001", "002", "004"]),
    ("كيغنز OR فيلكس غيدني", ["000", "001", "002", "004"]),
])
def test_names_of_several_words_are_the_sides_of_or(client, seeded, q, seeds):
    assert found(client, q) == seeds
    assert len([e for e in search(client, q)["expanded"] if e["kind"] == "speaker"]) == 2


def test_words_around_or_that_are_no_name_stay_anded(client, seeded):
    assert found(client, "غيدني OR رووداو مخمور") == ["004"]


# ---------- The ways people write "or" ----------

@pytest.mark.parametrize("q", ["كاكينز or غيدني", "كاكينز | غيدني", "كاكينز أو غيدني", "كاكينز او غيدني", "Caggins or Gedney"])
def test_every_way_of_writing_or_finds_either_name(client, seeded, q):
    data = client.get("/api/articles/", {"q": q}).json()
    assert data["count"] == 4, (q, data["count"])  # Caggins in 000, 002, 004; Gedney in 001


def test_arabic_or_is_said_and_a_quoted_phrase_keeps_it_a_word(client, seeded):
    data = client.get("/api/articles/", {"q": "كاكينز أو غيدني"}).json()
    assert any("أو" in notice for notice in data["notices"])
    quoted = client.get("/api/articles/", {"q": '"كاكينز أو غيدني"'}).json()
    assert quoted["count"] == 0


def test_a_word_that_is_also_a_weak_name_is_still_searched_as_the_word(client, seeded):
    # قاعدة is al-Qaeda's weak spelling and, first of all, "a base": typed alone it
    # finds the base in all its forms as well as the group under every name.
    from archive.models import Article
    from archive.search import indexing

    base = Article.objects.create(title="تعزيزات إلى قاعدتها الجوية", body="وصلت تعزيزات إلى قاعدتها الجوية قرب الحدود.")
    indexing.index_articles([base.pk])
    data = client.get("/api/articles/", {"q": "قاعدة"}).json()
    assert base.pk in [r["id"] for r in data["results"]]
