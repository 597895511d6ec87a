"""Issue 11, point 5 (ninth round): OR with three sides or more, brackets,
and names of several words wherever they stand among them.

A researcher writes `A OR B OR C` with names of two words and quoted
phrases mixed, groups with brackets (`(A OR B) -C`, `-(A OR B)`), and
spells a name of two words loosely on a side. Each side is read as a lone
query would read it; before this round a phrase at one end of the OR kept
the name at the other end from being one side ('"جون كيري" OR محافظة
الرقة' required الرقة), a name ending where the next OR begins was split
between two ORs, and a bracket was part of the word it touched (so
`-(Mosul OR Raqqa) داعش` excluded داعش).
"""
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.search.parsing import parse

GAZETTEER = Path(__file__).resolve().parent.parent / "fixtures" / "gazetteer.json"


def clauses(q):
    return [(c.negated, [a.text for a in c.alternatives]) for c in parse(q).clauses]


# Parsing ---------------------------------------------------------------------

def test_brackets_group_the_sides_of_an_or():
    assert clauses("(Mosul OR Raqqa) -Kirkuk") == [(False, ["Mosul", "Raqqa"]), (True, ["Kirkuk"])]
    assert clauses("كركوك OR (الموصل OR الرقة)") == [(False, ["كركوك", "الموصل", "الرقة"])]
    assert clauses("((a OR b))") == [(False, ["a", "b"])]
    assert clauses("+(a OR b) c") == [(False, ["a", "b"]), (False, ["c"])]


def test_an_excluded_group_excludes_each_of_its_sides():
    assert clauses("-(Mosul OR Raqqa) داعش") == [(True, ["Mosul", "Raqqa"]), (False, ["داعش"])]
    assert clauses('داعش NOT (الموصل OR "جبل سنجار")') == [(False, ["داعش"]), (True, ["الموصل", "جبل سنجار"])]
    # The word before an OR that begins an excluded group stays sought.
    assert clauses("x OR -(y)") == [(False, ["x"]), (True, ["y"])]


def test_a_bracket_without_an_operator_is_part_of_what_was_typed():
    # A name's qualifier ("Giants Brigades (Yemen)") is read with the name.
    assert clauses("Giants Brigades (Yemen)") == [(False, ["Giants"]), (False, ["Brigades"]), (False, ["(Yemen)"])]


def test_an_unclosed_or_stray_bracket_still_parses():
    assert clauses("(a OR b") == [(False, ["a", "b"])]
    assert clauses("a) OR b") == [(False, ["a)", "b"])]


# Searching -------------------------------------------------------------------



@pytest.fixture
def named_articles(db, search_index_dir):
    from archive.models import Article
    from archive.search import indexing

    call_command("loaddata", str(GAZETTEER), verbosity=0)
    bodies = {
        "kerry": "قال وزير الخارجية جون كيري إن المحادثات ستستمر",
        "zarif": "وقال محمد جواد ظريف إن بلاده لن تتراجع",
        "raqqa": "وصلت تعزيزات إلى محافظة الرقة صباح اليوم",
        "somalia": "قال الجيش الصومالي إنه استعاد بلدة في الجنوب",
        "baghdad": "شهدت بغداد اجتماعا للكتل السياسية",
        "kirkuk": "أعلنت السلطات في كركوك حظرا للتجول",
        "mosul_kirkuk": "انتقلت القوات من الموصل إلى كركوك",
        "other": "قال المتحدث إن الاجتماع انتهى دون نتائج",
    }
    made = {key: Article.objects.create(title=f"خبر {key}", body=body) for key, body in bodies.items()}
    indexing.index_articles([a.pk for a in made.values()])
    return {key: a.pk for key, a in made.items()}


def found(client, q):
    return {r["id"] for r in client.get("/api/articles/", {"q": q, "page_size": 100}).json()["results"]}


@pytest.mark.django_db
def test_three_sides_with_phrases_and_a_name_of_two_words(client, named_articles):
    ids = named_articles
    got = found(client, '"جون كيري" OR "محمد جواد ظريف" OR محافظة الرقة')
    assert {ids["kerry"], ids["zarif"], ids["raqqa"]} <= got
    assert ids["other"] not in got


@pytest.mark.django_db
def test_a_loose_spelling_of_two_words_between_two_ors_is_one_side(client, named_articles):
    ids = named_articles
    got = found(client, "Kirkuk OR Somaleea army OR بغداد")
    assert {ids["kirkuk"], ids["somalia"], ids["baghdad"]} <= got
    assert ids["other"] not in got


@pytest.mark.django_db
def test_a_latin_name_of_two_words_on_each_side_of_a_long_or(client, named_articles):
    ids = named_articles
    got = found(client, "John Kerry OR Mohammad Javad Zarif OR Raqqa Governorate")
    assert {ids["kerry"], ids["zarif"], ids["raqqa"]} <= got


@pytest.mark.django_db
def test_a_bracketed_or_with_an_exclusion(client, named_articles):
    ids = named_articles
    got = found(client, "(Mosul OR Kirkuk) -الموصل")
    assert ids["kirkuk"] in got
    assert ids["mosul_kirkuk"] not in got
    got = found(client, "-(Mosul OR Kirkuk) قال")
    assert ids["kerry"] in got and ids["kirkuk"] not in got and ids["mosul_kirkuk"] not in got


@pytest.mark.django_db
def test_the_notice_names_each_side(client, named_articles):
    data = client.get("/api/articles/", {"q": "Kirkuk OR Somaleea army OR بغداد"}).json()
    typed = {e["typed"] for e in data["expanded"]}
    assert {"Kirkuk", "Somaleea army", "بغداد"} <= typed


# A spelling several entities share ------------------------------------------

@pytest.fixture
def two_tripolis(db, search_index_dir):
    from archive.gazetteer import invalidate_alias_index
    from archive.models import Article, Place
    from archive.search import indexing

    # Two places far apart (not one place under two records) listed with the
    # same Latin name, each written its own way in Arabic.
    Place.objects.create(name="طرابلس الغرب", name_en="Tripoli", slug="tripoli-ly", aliases=["Tripoli"],
                         latitude=32.9, longitude=13.2)
    Place.objects.create(name="طرابلس الشام", name_en="Tripoli", slug="tripoli-lb", aliases=["Tripoli"],
                         latitude=34.4, longitude=35.8)
    invalidate_alias_index()
    made = {
        "libya": Article.objects.create(title="خبر", body="وصل الوفد إلى طرابلس الغرب مساء أمس"),
        "lebanon": Article.objects.create(title="خبر", body="شهدت طرابلس الشام اشتباكات محدودة أمس"),
        "other": Article.objects.create(title="خبر", body="وصل الوفد إلى العاصمة مساء أمس"),
    }
    indexing.index_articles([a.pk for a in made.values()])
    return {key: a.pk for key, a in made.items()}


@pytest.mark.django_db
def test_a_spelling_two_places_share_names_both(client, two_tripolis):
    ids = two_tripolis
    got = found(client, "Tripoli")
    assert {ids["libya"], ids["lebanon"]} <= got and ids["other"] not in got
    # The same on a side of OR and after a minus.
    assert {ids["libya"], ids["lebanon"]} <= found(client, "Raqqa OR Tripoli")
    got = found(client, "أمس -Tripoli")
    assert ids["other"] in got and ids["libya"] not in got and ids["lebanon"] not in got
    data = client.get("/api/articles/", {"q": "Tripoli"}).json()
    assert len([e for e in data["expanded"] if e["typed"] == "Tripoli"]) == 2
