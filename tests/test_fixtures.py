"""The demo fixtures: fixtures/gazetteer.json and fixtures/seed_articles.json.

They load, and they say what a careful reader of the five seed texts finds
(/work/shared/seeds/README.md): each seed's outlet, date and precision,
speakers and dateline; a gazetteer with every Iraqi and Syrian governorate in
the right place on the map and in the hierarchy; no spelling that two entities
of one kind share (the tagger would go silent on it); and no tag an article's
own text does not support.
"""
from datetime import date
from pathlib import Path
import re

import pytest
from django.core.management import call_command

from archive.arabic import fold, tokenize
from archive.models import Article, Force, Outlet, Place, Speaker
from archive.search.signals import paused

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED_TEXTS = FIXTURES / "seeds"

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    """Both fixtures, loaded the way `loaddata` does it, without touching the search index
    (indexing has tests of its own; these are about the data)."""
    with paused():
        call_command("loaddata", str(FIXTURES / "gazetteer.json"), str(FIXTURES / "seed_articles.json"),
                     verbosity=0)


def seed(prefix):
    return Article.objects.get(external_id__startswith=prefix)


def slugs(queryset):
    return {obj.slug for obj in queryset}


def words(name):
    """A name as the tagger compares it: folded words (archive.arabic, like tagging and search)."""
    return tuple(fold(t.text) for t in tokenize(name))


def strip_article(word):
    """الكلمة -> كلمة (the tagger lets an alias match with or without ال)."""
    return word[2:] if word.startswith("ال") and len(word) >= 4 else word


def without_article(key):
    return (strip_article(key[0]),) + key[1:] if key else key


PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def first_word_matches(text_word, alias_word):
    """A text word is an alias's first word with a proclitic and/or ال on or off."""
    wanted = {alias_word, strip_article(alias_word)}
    for clitic in PROCLITICS:
        rest = text_word[len(clitic):]
        if text_word.startswith(clitic) and (rest in wanted or strip_article(rest) in wanted):
            return True
    # ل + ال with its alif elided: للبيشمركة
    return any(text_word.startswith(lam) and text_word[len(lam):] == strip_article(alias_word)
               for lam in ("لل", "ولل", "فلل"))


def occurs(name, text_words):
    """Does ``name`` occur in the text as whole words? Lenient on the first word only
    (an attached و ف ب ل ك, ال on or off), exact on the others."""
    key = words(name)
    n = len(key)
    return n > 0 and any(
        first_word_matches(text_words[i], key[0]) and tuple(text_words[i + 1:i + n]) == key[1:]
        for i in range(len(text_words) - n + 1)
    )


def is_arabic(text):
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


# ---------------------------------------------------------------------------
# What the README says of each seed
# ---------------------------------------------------------------------------

SEEDS = {
    # prefix: outlet slug, published, precision, speakers, dateline slug
    "000": ("kdp-info", date(2020, 7, 1), "month", {"myles-caggins"}, "erbil"),          # ھولێر
    "001": ("radio-sawa", date(2017, 12, 1), "month", {"felix-gedney"}, None),
    "002": ("kul-al-iraq", date(2020, 9, 1), "month", {"myles-caggins"}, "baghdad"),     # [بغداد_اين]
    "003": ("zagros-arabic", date(2021, 5, 22), "day",
            {"jaafar-sheikh-mustafa", "colonel-achille", "qahraman-kamal"}, "erbil"),    # أربيل
    "004": ("rudaw", date(2020, 2, 7), "day", {"myles-caggins"}, "erbil"),               # أربيل
}


def test_both_fixtures_load_with_five_seeds_whose_originals_are_the_files(loaded):
    assert Article.objects.count() == 5
    assert Outlet.objects.count() >= 24 and Speaker.objects.count() >= 5
    assert Place.objects.count() >= 50 and Force.objects.count() >= 15
    for number, path in enumerate(sorted(SEED_TEXTS.glob("*.txt")), start=1):
        article = Article.objects.get(pk=number)             # pks 1-5 in file order
        assert article.external_id == path.stem
        assert article.original_name == path.name
        assert article.original_text == path.read_text(encoding="utf-8")
        # Filled on load (pre_save), so uploading a seed's text again is a duplicate.
        from archive.ingest.pipeline import content_hash
        assert article.content_hash == content_hash(article.title, article.body)


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_each_seed_has_the_readme_outlet_date_speakers_and_dateline(loaded, prefix):
    outlet, published, precision, speakers, dateline = SEEDS[prefix]
    article = seed(prefix)
    assert article.outlet.slug == outlet
    assert (article.published, article.date_precision) == (published, precision)
    assert slugs(article.speakers.all()) == speakers
    assert (article.dateline.slug if article.dateline else None) == dateline


def test_a_month_precise_date_is_the_first_of_its_month(loaded):
    for article in Article.objects.all():
        if article.date_precision == "month":
            assert article.published.day == 1


def test_the_datelines_place_is_named_in_the_text(loaded):
    for article in Article.objects.exclude(dateline=None):
        head = [fold(t.text) for t in tokenize(article.original_text[:300])]
        assert any(occurs(name, head) for name in article.dateline.all_names()), article.external_id


FURNITURE = [
    "Kurdistan Democratic Party", "Renewal", "Accessibility links", "اقرأ أيضا", "XS", "A+ A-",
    "الكلمات الدالة", "أضف تعليق", "التعليقات (0)", "لا توجد تعليقات", "النص المطلوب", "علق كضيف",
    "يمكنك قراءة الخبر", "عن مصدر الخبر", "اخبار العراق الان", "07-02-2020",
]


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_the_body_is_the_article_without_page_furniture(loaded, prefix):
    article = seed(prefix)
    for furniture in FURNITURE:
        assert furniture not in article.body, furniture
    paragraphs = article.body.split("\n")
    assert all(p and p == p.strip() for p in paragraphs)     # one newline between paragraphs
    assert article.title and article.title not in article.body
    assert article.url == ""


def test_seed_003_has_a_title_written_from_its_lead(loaded):
    title = seed("003").title
    assert "كركوك وخانقين" in title and "داعش" in title
    assert "زاكروس" not in title and len(title) <= 120


# ---------------------------------------------------------------------------
# Places: every governorate, on the map and in the hierarchy
# ---------------------------------------------------------------------------

IRAQ_GOVERNORATES = {
    # the Kurdistan Region's four
    "erbil-governorate", "duhok", "sulaymaniyah", "halabja",
    # and the fifteen others
    "baghdad-governorate", "basra", "nineveh", "kirkuk-governorate", "diyala", "anbar", "salahuddin",
    "babil", "karbala", "najaf", "wasit", "maysan", "dhi-qar", "muthanna", "qadisiyyah",
}
SYRIA_GOVERNORATES = {
    "damascus", "rif-dimashq", "aleppo-governorate", "idlib-governorate", "hama", "homs", "latakia",
    "tartus", "daraa", "suwayda", "quneitra", "raqqa-governorate", "deir-ez-zor-governorate",
    "hasakah-governorate",
}
# (south, north, west, east), generous by a few kilometres.
BOXES = {"iraq": (29.0, 37.4, 38.7, 48.7), "syria": (32.3, 37.4, 35.6, 42.4)}


def inside(place, country):
    south, north, west, east = BOXES[country]
    return south <= place.latitude <= north and west <= place.longitude <= east


def country_of(place):
    chain = [place, *place.ancestors()]
    return chain[-1].slug


@pytest.mark.parametrize("country, expected", [("iraq", IRAQ_GOVERNORATES), ("syria", SYRIA_GOVERNORATES)])
def test_every_governorate_exists_inside_its_country(loaded, country, expected):
    governorates = {p.slug: p for p in Place.objects.filter(kind="governorate") if country_of(p) == country}
    assert set(governorates) == expected
    for slug, place in governorates.items():
        assert place.latitude is not None and place.longitude is not None, slug
        assert inside(place, country), (slug, place.latitude, place.longitude)


def test_the_kurdistan_regions_governorates_sit_under_the_region(loaded):
    region = Place.objects.get(slug="kurdistan-region")
    assert region.kind == "region" and region.parent.slug == "iraq"
    assert slugs(region.children.filter(kind="governorate")) == {
        "erbil-governorate", "duhok", "sulaymaniyah", "halabja"}
    assert Place.objects.get(slug="kirkuk-governorate").parent.slug == "iraq"


def test_every_place_has_coordinates_inside_its_country_and_a_sound_parent(loaded):
    for place in Place.objects.select_related("parent"):
        if place.kind == "country":
            assert place.parent is None
            continue
        assert place.parent is not None, place.slug
        assert country_of(place) in BOXES, place.slug        # no cycle: the chain ends at a country
        assert place.latitude is not None and inside(place, country_of(place)), place.slug


PARENTS = {
    # the places the README lists for the seeds, and where they sit
    "baghdad": "baghdad-governorate", "erbil": "erbil-governorate", "mosul": "nineveh",
    "nineveh-plains": "nineveh", "kirkuk": "kirkuk-governorate", "hawija": "kirkuk-governorate",
    "muqdadiyah": "diyala", "khanaqin": "diyala", "jalawla": "diyala", "makhmour": "nineveh",
    "qarachogh": "makhmour", "hamrin-mountains": "iraq", "bai-hassan-oil-field": "kirkuk-governorate",
    "k1-air-base": "kirkuk-governorate", "raqqa": "raqqa-governorate",
    "deir-ez-zor": "deir-ez-zor-governorate", "baghouz": "deir-ez-zor-governorate",
    "hasakah": "hasakah-governorate", "qamishli": "hasakah-governorate", "rmelan": "hasakah-governorate",
    "derik": "hasakah-governorate", "tal-tamr": "hasakah-governorate", "al-hol-camp": "hasakah-governorate",
}


def test_the_places_the_seeds_name_have_the_right_parent(loaded):
    found = {p.slug: p.parent.slug if p.parent else None for p in Place.objects.filter(slug__in=PARENTS)}
    assert found == PARENTS


def descendants(place):
    found, todo = set(), [place]
    while todo:
        for child in todo.pop().children.all():
            if child.pk not in found:
                found.add(child.pk)
                todo.append(child)
    return Place.objects.filter(pk__in=found)


def test_diyala_takes_in_its_towns_but_not_the_hamrin_mountains(loaded):
    inside_diyala = slugs(descendants(Place.objects.get(slug="diyala")))
    assert {"muqdadiyah", "khanaqin", "jalawla"} <= inside_diyala
    assert "hamrin-mountains" not in inside_diyala       # they run through Salahuddin and Kirkuk too


def test_the_articles_naming_diyala_or_a_place_in_it_are_000_003_004(loaded):
    diyala = Place.objects.get(slug="diyala")
    places = [diyala, *descendants(diyala)]
    found = Article.objects.filter(places__in=places).distinct()
    assert sorted(a.external_id[:3] for a in found) == ["000", "003", "004"]


# ---------------------------------------------------------------------------
# Tags: each one backed by the article's own words
# ---------------------------------------------------------------------------

# Tags a reader gives from context, where no gazetteer spelling is in the text:
# the phrase that supports each must be there.
FROM_CONTEXT = {
    ("002", "place", "erbil-governorate"): "محافظات الأنبار وأربيل",
    ("002", "force", "iraqi-army"): "من الجيش والشرطة وقوات مكافحة الإرهاب",
    ("002", "force", "iraqi-police"): "من الجيش والشرطة وقوات مكافحة الإرهاب",
    ("002", "force", "counter-terrorism-service"): "من الجيش والشرطة وقوات مكافحة الإرهاب",
}


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_every_place_force_and_speaker_tagged_is_named_in_the_text(loaded, prefix):
    article = seed(prefix)
    text = article.original_text
    text_words = [fold(t.text) for t in tokenize(text)]
    for kind, related in (("place", article.places), ("force", article.forces), ("speaker", article.speakers)):
        for entity in related.all():
            phrase = FROM_CONTEXT.get((prefix, kind, entity.slug))
            if phrase:
                assert phrase in text, (prefix, entity.slug)
                continue
            assert any(occurs(n, text_words) for n in entity.all_names()), (prefix, kind, entity.slug)


@pytest.mark.parametrize("prefix, places", [
    ("001", {"hawija", "mosul", "baghdad", "kurdistan-region", "iraq", "syria"}),
    ("003", {"kirkuk", "khanaqin", "jalawla", "bai-hassan-oil-field", "diyala", "makhmour", "mosul",
             "erbil", "baghdad", "kurdistan-region", "k1-air-base", "iraq", "syria"}),
    ("004", {"qarachogh", "hamrin-mountains", "muqdadiyah", "nineveh-plains", "salahuddin", "al-hol-camp",
             "baghouz", "qamishli", "rmelan", "derik", "tal-tamr", "raqqa", "deir-ez-zor", "hasakah"}),
])
def test_the_places_each_seed_names_are_tagged(loaded, prefix, places):
    assert places <= slugs(seed(prefix).places.all())


# ---------------------------------------------------------------------------
# Spellings
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("model", [Outlet, Speaker, Place, Force], ids=lambda m: m.__name__)
def test_no_spelling_is_shared_by_two_entities_of_one_kind(loaded, model):
    """The tagger goes silent on a spelling two entities of one kind share, and search
    cannot tell which one was meant. Compared as the tagger compares: folded words,
    with or without ال."""
    from archive.force_units import UNIT

    owner = {}
    for entity in model.objects.all():
        for name in entity.all_names(raw=True):
            # A numbered unit ("~الفرقة الرابعة") is named alike in every state that has one, and
            # weakly: the plain tagger never tags it, force_units decides whose it is from the
            # article, and search finds each state's (up to three owners, docs/search.md).
            if name.startswith("~") and UNIT.fullmatch(name[1:]):
                continue
            name = name.lstrip("~")
            for key in {words(name), without_article(words(name))}:
                assert owner.setdefault(key, entity.slug) == entity.slug, (name, owner[key], entity.slug)


def test_slugs_are_ascii_lower_case_words_joined_by_hyphens(loaded):
    for model in (Outlet, Speaker, Place, Force):
        for entity in model.objects.all():
            assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entity.slug), entity.slug


def test_no_arabic_spelling_is_shorter_than_three_letters(loaded):
    for model in (Outlet, Speaker, Place, Force):
        for entity in model.objects.all():
            for name in entity.all_names():
                if is_arabic(name):
                    letters = [ch for ch in fold(name) if ch.isalpha()]
                    assert len(letters) >= 3, (entity.slug, name)


SOURCES = ["skynews", "alarabia", "france24", "BBC", "CNN", "alriyadh", "aljazirah", "alyaum", "aawsat",
           "aleqtisadiya", "okaz", "alwatan", "almadina", "3alyoum", "alweeam", "sabq", "was", "arreyadi",
           "arriyadiyah"]


def test_each_corpus_source_is_an_alias_of_one_outlet(loaded):
    """Importing the corpus maps its `source` value onto an outlet through these aliases."""
    outlets = list(Outlet.objects.all())
    for source in SOURCES:
        owners = [o for o in outlets if source in (o.aliases or [])]
        assert len(owners) == 1, source
        assert owners[0].name and owners[0].name_en and owners[0].domains, source


# Spellings of the seeds' speakers that no seed prints but that are established
# (each with where it is used).
ESTABLISHED = {
    "جعفر شيخ مصطفى": "the Kurdistan Region Presidency's and Kurdish outlets' own Arabic spelling",
}
# A one-word Arabic spelling of a speaker must be a distinctive surname, never a
# common word or a common Arabic name (not كمال, not مصطفى).
ONE_WORD_SURNAMES = {"كاكينز", "كاگينز", "كيغنز", "كينغز", "غيدني", "ماتيس", "ماكغورك", "ماكجورك"}


def test_the_seed_speakers_spellings_are_in_the_seeds_or_established(loaded):
    seed_words = []
    for path in sorted(SEED_TEXTS.glob("*.txt")):
        seed_words += [fold(t.text) for t in tokenize(path.read_text(encoding="utf-8"))]
    speakers = Speaker.objects.filter(articles__isnull=False).distinct()
    assert slugs(speakers) == {"myles-caggins", "felix-gedney", "jaafar-sheikh-mustafa", "colonel-achille",
                               "qahraman-kamal"}
    for speaker in speakers:
        for name in speaker.all_names():
            if not is_arabic(name):
                continue                                     # Latin: Caggins, Myles Caggins ...
            assert occurs(name, seed_words) or name in ESTABLISHED, (speaker.slug, name)


def test_no_speaker_goes_by_a_bare_common_word(loaded):
    for speaker in Speaker.objects.all():
        for name in speaker.all_names():
            if is_arabic(name) and len(words(name)) == 1:
                assert name in ONE_WORD_SURNAMES, (speaker.slug, name)


PLACE_SPELLINGS = [
    ("ھولێر", "erbil"), ("هەولێر", "erbil"), ("هولير", "erbil"), ("Hewler", "erbil"),
    ("دهۆک", "duhok"), ("قرجوغ", "qarachogh"), ("قره جوغ", "qarachogh"), ("قرةجوغ", "qarachogh"),
    ("قرة جوغ", "qarachogh"), ("سورية", "syria"), ("كوردستان", "kurdistan-region"),
    ("اقليم كردستان", "kurdistan-region"), ("Ninawa", "nineveh"), ("Salah al-Din", "salahuddin"),
    ("Deir al-Zour", "deir-ez-zor"),
]


def test_the_spellings_asked_for_belong_to_their_place(loaded):
    """Spellings the brief and the seeds use, each on the right place."""
    for spelling, slug in PLACE_SPELLINGS:
        assert spelling in Place.objects.get(slug=slug).all_names(), (spelling, slug)


FORCE_SPELLINGS = [
    ("الپێشمهرگة", "peshmerga"), ("البشمركة", "peshmerga"), ("هيئة الحشد الشعبي", "popular-mobilization-forces"),
    ("PMF", "popular-mobilization-forces"), ("قسد", "syrian-democratic-forces"),
    ("قوات سورية الديموقراطية", "syrian-democratic-forces"), ("تنظيم الدولة الإسلامية", "isis"),
    ("Daesh", "isis"), ("التحالف الدولي ضد داعش", "international-coalition"), ("CJTF-OIR", "international-coalition"),
    ("جهاز مكافحة الإرهاب", "counter-terrorism-service"), ("وحدات حماية الشعب", "ypg"),
]


def test_the_spellings_asked_for_belong_to_their_force(loaded):
    """Spellings the seeds and the corpus use, each on the right force."""
    for spelling, slug in FORCE_SPELLINGS:
        assert spelling in Force.objects.get(slug=slug).all_names(), (spelling, slug)
