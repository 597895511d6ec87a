"""Spec for archive.gazetteer: finding gazetteer names in text.

The gazetteer below uses the spellings the five seed articles actually contain
(fixtures/seeds/*.txt). Most tests need no database: an AliasIndex is built
from ``(kind, pk, names)`` entries, as ``from_database`` builds it from the
models.
"""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive import gazetteer
from archive.gazetteer import AliasIndex, Match, get_alias_index, invalidate_alias_index

CAGGINS, GEDNEY, ALI_1, ALI_2 = 1, 2, 3, 4
PESHMERGA, PMF, SDF = 1, 2, 3
DIYALA, SYRIA, QARACHOGH, ERBIL, KURDISTAN, BAGHDAD, MOSUL, KIRKUK, RAQQA, QAIM, RAMADI, GHADAD, TAL_ABYAD, HIT = range(1, 15)
RUDAW, SAWA = 1, 2

ENTRIES = [
    ("speaker", CAGGINS, ["مايلز كاكينز", "Myles Caggins", "كاكينز", "كاگينز", "كيغنز", "كينغز", "Caggins"]),
    ("speaker", GEDNEY, ["فيلكس غيدني", "Felix Gedney", "غيدني"]),
    ("speaker", ALI_1, ["علي حسين", "علي"]),          # two speakers share "علي"
    ("speaker", ALI_2, ["علي كاظم", "علي"]),
    ("force", PESHMERGA, ["البيشمركة", "Peshmerga", "الپێشمهرگة", "پێشمهرگة"]),
    ("force", PMF, ["الحشد الشعبي", "Popular Mobilization Forces", "PMF"]),
    ("force", SDF, ["قوات سوريا الديمقراطية", "Syrian Democratic Forces", "قسد", "SDF"]),
    ("place", DIYALA, ["ديالى", "Diyala"]),
    ("place", SYRIA, ["سوريا", "Syria", "سورية"]),
    ("place", QARACHOGH, ["قرجوغ", "Qarachogh", "قره جوغ", "قرةجوغ"]),
    ("place", ERBIL, ["أربيل", "Erbil", "ھولێر", "هولير", "اربيل"]),
    ("place", KURDISTAN, ["كردستان", "Kurdistan", "كوردستان", "إقليم كوردستان"]),
    ("place", BAGHDAD, ["بغداد", "Baghdad"]),
    ("place", MOSUL, ["الموصل", "Mosul"]),
    ("place", KIRKUK, ["كركوك", "Kirkuk"]),
    ("place", RAQQA, ["الرقة", "Raqqa"]),
    ("place", QAIM, ["القائم", "Al-Qaim"]),
    ("place", RAMADI, ["الرمادي", "Ramadi"]),
    ("place", GHADAD, ["غداد"]),                     # a decoy: بغداد must not be ب + غداد
    ("place", TAL_ABYAD, ["تل أبيض", "Tal Abyad"]),
    ("place", HIT, ["هيت", "Hit"]),
    ("outlet", RUDAW, ["رووداو", "Rudaw"]),
    ("outlet", SAWA, ["راديو سوا", "Radio Sawa", "علي"]),  # an outlet shares "علي" too
]


@pytest.fixture(scope="module")
def index():
    return AliasIndex(ENTRIES)


def found(index, text):
    """(kind, pk, the text the match covers) for every match."""
    return [(m.kind, m.pk, text[m.start:m.end]) for m in index.find(text)]


# ---------------------------------------------------------------------------
# Spellings from the seed articles
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, pk", [
    ("كاكينز", "speaker", CAGGINS),
    ("كاگينز", "speaker", CAGGINS),
    ("كيغنز", "speaker", CAGGINS),
    ("كينغز", "speaker", CAGGINS),
    ("Caggins", "speaker", CAGGINS),
    ("CAGGINS", "speaker", CAGGINS),            # Latin: case-insensitive
    ("caggins", "speaker", CAGGINS),
    ("غيدني", "speaker", GEDNEY),
    ("البيشمركة", "force", PESHMERGA),
    ("الپێشمهرگة", "force", PESHMERGA),
    ("پێشمهرگة", "force", PESHMERGA),
    ("البِيشمَركة", "force", PESHMERGA),         # harakat ignored
    ("كردستان", "place", KURDISTAN),
    ("كوردستان", "place", KURDISTAN),
    ("سوريا", "place", SYRIA),
    ("سورية", "place", SYRIA),
    ("سوري", "place", None),                    # "Syrian" is not Syria
    ("قرجوغ", "place", QARACHOGH),
    ("قره جوغ", "place", QARACHOGH),
    ("قرةجوغ", "place", QARACHOGH),
    ("ھولێر", "place", ERBIL),
    ("هولير", "place", ERBIL),
    ("أربيل", "place", ERBIL),
    ("اربيل", "place", ERBIL),
    ("إربيل", "place", ERBIL),                  # hamza folded
    ("Erbil", "place", ERBIL),
    ("الحشد الشعبي", "force", PMF),
    ("PMF", "force", PMF),
    ("pmf", "force", PMF),
    ("قوات سوريا الديمقراطية", "force", SDF),
    ("قسد", "force", SDF),
    ("SDF", "force", SDF),
    ("Kirkuk", "place", KIRKUK),
    ("KIRKUK", "place", KIRKUK),
])
def test_seed_spellings(index, text, kind, pk):
    expected = [(kind, pk, text)] if pk else []
    assert found(index, text) == expected


# ---------------------------------------------------------------------------
# Rule 1: one attached proclitic (and the article) the alias lacks
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind, pk, covered", [
    ("والحشد الشعبي", "force", PMF, "الحشد الشعبي"),
    ("بالموصل", "place", MOSUL, "الموصل"),
    ("لقسد", "force", SDF, "قسد"),
    ("وكركوك", "place", KIRKUK, "كركوك"),
    ("للبيشمركة", "force", PESHMERGA, "للبيشمركة"),   # ل + البيشمركة, alif elided
    ("وللبيشمركة", "force", PESHMERGA, "للبيشمركة"),
    ("وبالرمادي", "place", RAMADI, "الرمادي"),
    ("والرقة", "place", RAQQA, "الرقة"),
    ("للرقة", "place", RAQQA, "للرقة"),
    ("وپێشمهرگة", "force", PESHMERGA, "پێشمهرگة"),    # seed 000
    ("لسورية", "place", SYRIA, "سورية"),              # seed 001
    ("وأربيل", "place", ERBIL, "أربيل"),
    ("وَأربيل", "place", ERBIL, "أربيل"),              # the mark rides on the proclitic
    ("فكاكينز", "speaker", CAGGINS, "كاكينز"),
    ("وتل أبيض", "place", TAL_ABYAD, "تل أبيض"),       # 2 letters left: more words follow
])
def test_a_text_word_may_carry_a_proclitic(index, text, kind, pk, covered):
    assert found(index, text) == [(kind, pk, covered)]


@pytest.mark.parametrize("text", [
    "وتل",        # a one-word alias needs 3 letters after the proclitic ...
    "الحشد",      # ... and a multi-word alias needs all its words
    "الشعبي",
])
def test_partial_or_too_short_is_no_match(index, text):
    assert found(index, text) == []


# ---------------------------------------------------------------------------
# Rule 2: a word that is itself an alias word is not split
# ---------------------------------------------------------------------------

def test_baghdad_is_never_b_plus_ghadad(index):
    assert found(index, "بغداد") == [("place", BAGHDAD, "بغداد")]
    assert found(index, "وبغداد") == [("place", BAGHDAD, "بغداد")]   # not وب + غداد
    assert found(index, "ببغداد") == [("place", BAGHDAD, "بغداد")]
    assert found(index, "غداد") == [("place", GHADAD, "غداد")]


# ---------------------------------------------------------------------------
# Rule 3: the article, both ways, only on long enough words
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("بيشمركة", [("force", PESHMERGA, "بيشمركة")]),       # alias has ال, text not
    ("الپێشمهرگة", [("force", PESHMERGA, "الپێشمهرگة")]),  # both forms are aliases
    ("وبيشمركة", [("force", PESHMERGA, "بيشمركة")]),
    ("الكاكينز", [("speaker", CAGGINS, "الكاكينز")]),     # text has ال, alias not
    ("رقة", []),                # الرقة: رقة is too short to drop the article
    ("ورقة", []),               # "paper", not و + (ال)رقة
    ("قائم", []),               # "standing", not the town القائم
    ("القائم", [("place", QAIM, "القائم")]),
    ("رمادي", []),              # "grey": -ي is the adjective ending, not الرمادي
    ("الرمادي", [("place", RAMADI, "الرمادي")]),
])
def test_article_added_or_dropped(index, text, expected):
    assert found(index, text) == expected


def test_article_on_a_word_in_iya_is_the_adjective(index):
    # السورية is "the Syrian", not Syria (alias سورية).
    assert found(index, "الأراضي السورية") == []
    assert found(index, "في سورية") == [("place", SYRIA, "سورية")]


# ---------------------------------------------------------------------------
# Rule 4: short aliases match whole words only
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, matches", [
    ("قسد", True),
    ("وقسد", True),
    ("فقسد", True),         # seed 004: "فقسد قاد معركة داعش"
    ("لقسد", True),
    ("بقسد", True),
    ("لقسدية", False),      # inside a longer word
    ("قسدي", False),
    ("القسد", False),       # no article games with short aliases
    ("وبقسد", False),       # only one single-letter proclitic
    ("SDF", True),
    ("SDFs", False),
    ("PMF-backed", True),   # the hyphen ends the word
    ("هيت", True),
    ("بهيت", True),
    ("هيتي", False),
])
def test_short_alias_matches_whole_words(index, text, matches):
    result = index.find(text)
    assert bool(result) == matches
    if matches:
        assert len(result) == 1 and result[0].kind in ("force", "place")


# ---------------------------------------------------------------------------
# Rule 5: longest match wins, no overlaps
# ---------------------------------------------------------------------------

def test_longest_match_wins(index):
    text = "دعم قوات سوريا الديمقراطية في سوريا"
    assert found(index, text) == [
        ("force", SDF, "قوات سوريا الديمقراطية"),   # not Syria inside it
        ("place", SYRIA, "سوريا"),
    ]


def test_full_name_beats_surname(index):
    assert found(index, "قال مايلز كاگينز") == [("speaker", CAGGINS, "مايلز كاگينز")]


def test_match_reports_the_alias_that_matched(index):
    [match] = index.find("وقال كاكينز")
    assert match == Match("speaker", CAGGINS, 5, 11, "كاكينز")
    [match] = index.find("ھولێر-KDP.info")
    assert match.alias == "ھولێر"
    [match] = index.find("كاگـينز")
    assert match.alias == "كاگينز"


def test_names_do_not_run_across_punctuation(index):
    assert found(index, "الحشد. الشعبي") == []
    assert found(index, "قوات سوريا، الديمقراطية") == [("place", SYRIA, "سوريا")]
    assert found(index, "قوات «سوريا الديمقراطية»") == [
        ("force", SDF, "قوات «سوريا الديمقراطية"),  # quotes do not break a name
    ]
    assert found(index, "قره-جوغ") == [("place", QARACHOGH, "قره-جوغ")]


def test_matches_are_ordered_and_disjoint(index):
    text = "كاكينز: التنسيق بين البيشمركة والحشد الشعبي وقسد في كركوك وديالى، وبغداد"
    matches = index.find(text)
    assert [(m.kind, m.pk) for m in matches] == [
        ("speaker", CAGGINS), ("force", PESHMERGA), ("force", PMF), ("force", SDF),
        ("place", KIRKUK), ("place", DIYALA), ("place", BAGHDAD),
    ]
    for a, b in zip(matches, matches[1:]):
        assert a.end <= b.start


# ---------------------------------------------------------------------------
# Rule 6: ambiguity
# ---------------------------------------------------------------------------

def test_alias_shared_within_a_kind_tags_no_one(index):
    # Two speakers answer to علي; the outlet that also does is reported.
    assert found(index, "قال علي") == [("outlet", SAWA, "علي")]
    # Their full names are not ambiguous.
    assert found(index, "قال علي حسين") == [("speaker", ALI_1, "علي حسين")]


def test_alias_shared_across_kinds_reports_each():
    index = AliasIndex([("place", 1, ["نينوى"]), ("force", 9, ["نينوى"])])
    assert sorted(found(index, "في نينوى")) == [("force", 9, "نينوى"), ("place", 1, "نينوى")]


# ---------------------------------------------------------------------------
# entity_key_for_phrase and names
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, key", [
    ("كاگينز", ("speaker", CAGGINS)),
    ("Caggins", ("speaker", CAGGINS)),
    ("  مايلز كاكينز ", ("speaker", CAGGINS)),
    ("الپێشمهرگة", ("force", PESHMERGA)),
    ("بيشمركة", ("force", PESHMERGA)),
    ("قره جوغ", ("place", QARACHOGH)),
    ("قسد", ("force", SDF)),
    ("الحشد الشعبي", ("force", PMF)),
    ("الحشد", None),                       # only part of a name
    ("الحشد الشعبي في", None),             # more than a name
    ("كاكينز الموصل", None),               # two entities
    ("علي", None),                         # two speakers and an outlet
    ("مفاوضات", None),
    ("", None),
    ("   ", None),
])
def test_entity_key_for_phrase(index, phrase, key):
    assert index.entity_key_for_phrase(phrase) == key


def test_names_lists_every_spelling(index):
    assert index.names("place", ERBIL) == ["أربيل", "Erbil", "ھولێر", "هولير", "اربيل"]
    assert index.names("place", 999) == []


def test_empty_and_odd_input(index):
    assert index.find("") == []
    assert index.find("...!!") == []
    assert index.find(None) == []
    assert AliasIndex([]).find("بغداد") == []
    assert AliasIndex([("place", 1, ["", "  ", "..."])]).find("بغداد") == []


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        AliasIndex([("planet", 1, ["المريخ"])])


def test_whole_seed_texts_match_without_overlaps(index):
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parent.parent / "fixtures" / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        matches = index.find(text)
        assert matches, path.name
        for a, b in zip(matches, matches[1:]):
            assert a.start < b.start or (a.start == b.start and a.end == b.end)
            assert a.end <= b.start or (a.start, a.end) == (b.start, b.end)


# ---------------------------------------------------------------------------
# from_database and the per-process cache
# ---------------------------------------------------------------------------

@pytest.fixture
def fresh_cache():
    gazetteer.connect_signals()
    invalidate_alias_index()
    yield
    invalidate_alias_index()


@pytest.mark.django_db
def test_from_database_reads_all_four_kinds():
    from archive.models import Force, Outlet, Place, Speaker

    s = Speaker.objects.create(name="مايلز كاكينز", name_en="Myles Caggins", slug="caggins",
                               aliases=["كاگينز", "Caggins"])
    p = Place.objects.create(name="أربيل", name_en="Erbil", slug="erbil", aliases=["ھولێر"])
    f = Force.objects.create(name="البيشمركة", name_en="Peshmerga", slug="peshmerga")
    o = Outlet.objects.create(name="رووداو", name_en="Rudaw", slug="rudaw")
    index = AliasIndex.from_database()
    text = "رووداو – ھولێر: قال كاگينز إن البيشمركة"
    assert [(m.kind, m.pk) for m in index.find(text)] == [
        ("outlet", o.pk), ("place", p.pk), ("speaker", s.pk), ("force", f.pk),
    ]
    assert index.names("speaker", s.pk) == ["مايلز كاكينز", "Myles Caggins", "كاگينز", "Caggins"]


@pytest.mark.django_db
def test_cached_index_is_rebuilt_when_the_gazetteer_changes(fresh_cache):
    from archive.models import Force, Place

    first = get_alias_index()
    assert get_alias_index() is first               # cached
    assert first.find("في كركوك") == []

    kirkuk = Place.objects.create(name="كركوك", name_en="Kirkuk", slug="kirkuk")
    second = get_alias_index()
    assert second is not first                      # post_save
    assert [m.pk for m in second.find("في كركوك")] == [kirkuk.pk]

    kirkuk.aliases = ["Karkuk"]
    kirkuk.save()
    assert [m.pk for m in get_alias_index().find("Karkuk")] == [kirkuk.pk]

    pmf = Force.objects.create(name="الحشد الشعبي", slug="pmf")
    assert get_alias_index().entity_key_for_phrase("الحشد الشعبي") == ("force", pmf.pk)
    pmf.delete()                                    # post_delete
    assert get_alias_index().entity_key_for_phrase("الحشد الشعبي") is None


@pytest.mark.django_db
def test_invalidate_covers_changes_without_signals(fresh_cache):
    from archive.models import Speaker

    before = get_alias_index()
    Speaker.objects.bulk_create([Speaker(name="غيدني", slug="gedney")])   # no signals
    assert get_alias_index() is before
    invalidate_alias_index()
    assert get_alias_index().entity_key_for_phrase("غيدني")[0] == "speaker"


@pytest.mark.django_db
def test_cache_expires(fresh_cache, monkeypatch):
    first = get_alias_index()
    monkeypatch.setattr(gazetteer, "MAX_AGE_SECONDS", 0)
    assert get_alias_index() is not first


def test_connect_signals_is_idempotent():
    from django.db.models.signals import post_delete, post_save

    gazetteer.connect_signals()
    gazetteer.connect_signals()
    for signal, uid in ((post_save, "archive.gazetteer.place.saved"),
                        (post_delete, "archive.gazetteer.force.deleted")):
        assert sum(1 for r in signal.receivers if r[0][0] == uid) == 1


# ---------------------------------------------------------------------------
# Totality
# ---------------------------------------------------------------------------

NAMEISH = st.sampled_from(
    ["كاكينز", "كاگينز", "والحشد", "الشعبي", "قسد", "لقسد", "بغداد", "للبيشمركة", "قره", "جوغ",
     "ورقة", "Caggins", "PMF", "،", ".", " ", "\n", "\u064e", "\u0640", "\u200c", "و", "ال"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(NAMEISH, st.text(max_size=5)), max_size=40).map("".join))
def test_find_never_raises_and_matches_are_disjoint(text):
    index = AliasIndex(ENTRIES)   # not the fixture: hypothesis reruns the function
    matches = index.find(text)
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
    spans = sorted({(m.start, m.end) for m in matches})
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2
    index.entity_key_for_phrase(text)


def test_a_name_is_also_found_without_its_bracketed_qualifier():
    index = AliasIndex([("place", 1, ["مدينة هيت", "Hit (Anbar)"]), ("place", 2, ["الأنبار", "Anbar"])])
    assert {m.pk for m in index.find("Hit")} == {1}
    # What the brackets hold is not the town's name.
    assert {m.pk for m in index.find("Anbar")} == {2}


def test_latin_names_with_diacritics_are_typed_without_them():
    index = AliasIndex([("place", 1, ["هيت", "Hīt"]), ("place", 2, ["الحسكة", "Ḥasakah"])])
    assert {m.pk for m in index.find("Hit")} == {1}
    assert {m.pk for m in index.find("HASAKAH")} == {2}
