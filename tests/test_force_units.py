"""Spec for numbered units: "الفرقة 30", "اللواء الثاني عمالقة" are forces of
their own, one entity per state (scripts/build_unit_forces.py writes those the
corpus names), and a unit phrase is the unit of the force named right after it
or of the article's country (archive/force_units.py); nothing where neither
says or the gazetteer holds no such unit of that country.

The real gazetteer and the world under it are loaded, as `make run` loads them.
"""
from archive.alias_spelling import Match
from archive.force_units import unit_names, unit_phrases, units_in
from scripts.build_unit_forces import unit_rows

from tests.test_force_context import forces, world  # noqa: F401  (a fixture)


# -- reading the phrase --------------------------------------------------------

def keys(text):
    return [key for _s, _e, key in unit_phrases(text)]


def test_a_head_noun_with_a_number_or_an_ordinal_is_a_unit():
    assert keys("قصفت الفرقة 30 مواقع") == ["division-30"]
    assert keys("واللواء الثاني عمالقة") == ["brigade-2"]
    assert keys("قيادة للواء 14 مدرع") == ["brigade-14"]
    assert keys("بالفرقة الـ16") == ["division-16"]
    assert keys("الكتيبة الحادية عشرة والفوج الثالث") == ["battalion-11", "regiment-3"]
    assert keys("اللواء ٣٥ مدرع") == ["brigade-35"]


def test_a_rank_before_a_name_is_no_unit():
    assert keys("قال اللواء الركن محمد العتيبي") == []
    assert keys("اللواء عبد الرب الشدادي") == []


def test_the_phrase_is_matched_without_its_clitic():
    text = "واللواء الخامس"
    (start, end, _key), = unit_phrases(text)
    assert text[start:end] == "اللواء الخامس"


def test_a_unit_counts_only_in_an_article_naming_an_armed_force_and_not_by_its_task():
    army = Match("force", 1, 40, 50, "الجيش")
    text = "وقال رئيس الفرقة الثانية لمكافحة الخمور إن الجيش"
    assert units_in(text, [army]) == []                    # a team named by its task
    assert units_in("الفرقة الرابعة في دمشق", []) == []     # no force in the article
    text = "مقر الفرقة الرابعة للجيش"
    assert [k for _s, _e, k in units_in(text, [Match("force", 1, 19, 24, "للجيش")])] == ["division-4"]


def test_a_units_spellings_most_written_first():
    assert unit_names("لواء", 6) == ["اللواء السادس", "اللواء 6"]
    assert unit_names("فرقة", 30) == ["الفرقة 30"]
    assert unit_names("لواء", 15) == ["اللواء 15", "اللواء الخامس عشر"]
    assert unit_names("فرقة", 11) == ["الفرقة 11", "الفرقة الحادية عشرة"]


# -- the build script's rows -----------------------------------------------------

def test_a_kept_unit_becomes_one_weakly_spelled_entity_of_its_state():
    rows = [{"model": "archive.force", "pk": 7, "fields": {"slug": "yemen-brigade-6"}},
            {"model": "archive.force", "pk": 9, "fields": {"slug": "x"}}]
    names = {"yemen": ("اليمن", "Yemen"), "syria": ("سوريا", "Syria")}
    new = unit_rows({("yemen", "brigade-6"), ("syria", "division-30")}, rows, names)
    assert new == [{"model": "archive.force", "pk": 10, "fields": {
        "name": "الفرقة 30، سوريا", "name_en": "30th Division (Syria)", "slug": "syria-division-30",
        "aliases": ["~الفرقة 30", "Syria Division 30"]}}]       # Yemen's brigade 6 kept its row


# -- tagging, with the real gazetteer ---------------------------------------------

def test_a_unit_is_the_one_of_the_articles_country(world):
    assert "yemen-brigade-35" in forces("تعز", "تقدمت المقاومة الشعبية باتجاه اللواء 35 مدرع غرب مدينة تعز "
                                               "بعد معارك مع ميليشيات الحوثي في تعز.")
    assert "syria-division-30" in forces("حلب", "خطفت جبهة النصرة قادة من الفرقة 30 في ريف حلب الشمالي "
                                                "قرب أعزاز في حلب.")


def test_a_unit_is_the_one_of_the_force_named_after_it(world):
    found = forces("", "شاركت الفرقة الرابعة في الجيش السوري في معارك الموصل والرمادي وتكريت.")
    assert "syria-division-4" in found and "iraq-division-4" not in found


def test_no_unit_where_the_country_is_unclear_or_has_no_such_unit(world):
    assert not any("-brigade-" in s for s in forces("", "قاتلت قوات اللواء الأول مع الجيش."))
    # Iraq has no brigade 35 in the gazetteer: Yemen's is not taken instead.
    assert not any("-brigade-" in s for s in forces(
        "الموصل", "تقدمت قوات اللواء 35 مع الجيش العراقي في الموصل وتلعفر ونينوى."))


def test_where_no_country_is_clear_the_only_state_with_the_unit_if_the_article_is_about_it(world):
    text = ("خطفت جبهة النصرة مقاتلين من الفرقة 30 في ريف حلب، فيما قالت أنقرة إن جنديين تركيين "
            "أصيبا على الحدود مع تركيا قرب غازي عنتاب.")
    assert "syria-division-30" in forces("", text)
    # Not when the article has no vote for that state.
    assert "syria-division-30" not in forces("", "قالت أنقرة إن الفرقة 30 قرب غازي عنتاب في تركيا مع الجيش التركي.")
