"""The outlet catalogue (fixtures/outlet_catalogue.json): the outlets a
researcher of this conflict meets, each known by the forms pages print."""
import pytest
from django.core.management import call_command

from archive.ingest.catalog import Catalog
from archive.ingest.outlet_catalogue import entries
from archive.models import Outlet

# Every ``source`` of the corpus (../shared/corpus/README.md), as its records name it.
CORPUS_SOURCES = {
    "skynews": "sky-news-arabia", "alarabia": "al-arabiya", "france24": "france-24-arabic", "BBC": "bbc-arabic",
    "CNN": "cnn-arabic", "alriyadh": "al-riyadh", "aljazirah": "al-jazirah", "alyaum": "al-yaum",
    "aawsat": "asharq-al-awsat", "aleqtisadiya": "al-eqtisadiya", "okaz": "okaz", "alwatan": "al-watan-saudi",
    "almadina": "al-madina", "3alyoum": "ain-alyoum", "alweeam": "al-weeam", "sabq": "sabq",
}
# Forms printed in datelines, bylines, title suffixes and copyright lines.
PRINTED = {
    "(CNN)": "cnn-arabic", "بي بي سي عربي": "bbc-arabic", "BBC News عربي": "bbc-arabic",
    "سكاي نيوز عربية": "sky-news-arabia", "العربية.نت": "al-arabiya", "فرانس 24 / أ ف ب": "france-24-arabic",
    "واس": "saudi-press-agency", "قنا": "qna", "سانا": "sana", "الأناضول": "anadolu-arabic",
    "فرانس برس": "afp-arabic", "رويترز": "reuters-arabic", "DW عربية": "dw-arabic", "RT Arabic": "rt-arabic",
    "إندبندنت عربية": "independent-arabia", "الحرة عراق": "alhurra", "سبوتنيك": "sputnik-arabic",
    "شفق نيوز": "shafaq-news", "كوردستان 24": "kurdistan-24", "رووداو": "rudaw", "عنب بلدي": "enab-baladi",
}
DOMAINS = {"https://www.france24.com/ar/20180101-x": "france-24-arabic", "https://www.bbc.com/arabic/middleeast-1": "bbc-arabic",
           "https://www.aljazeera.net/news/1": "al-jazeera", "https://arabic.rt.com/middle_east/1": "rt-arabic"}


@pytest.fixture
def catalogue(db):
    call_command("loaddata", "fixtures/gazetteer.json", verbosity=0)
    call_command("load_outlets", verbosity=0)
    return Catalog().outlets


def slug_of(pk):
    return Outlet.objects.get(pk=pk).slug if pk else None


def test_the_catalogue_holds_at_least_a_hundred_outlets_with_both_names_and_domains():
    outlets = entries()
    assert len(outlets) >= 100
    assert len({o["slug"] for o in outlets}) == len(outlets)
    for o in outlets:
        assert o["name"] and o["name_en"], o["slug"]


def test_every_corpus_source_and_printed_form_names_its_outlet(catalogue):
    for text, slug in {**CORPUS_SOURCES, **PRINTED}.items():
        assert slug_of(catalogue.find_name(text)) == slug, text
    for url, slug in DOMAINS.items():
        assert slug_of(catalogue.find_in_text(url)) == slug, url


def test_menu_words_name_no_outlet(catalogue):
    for word in ("العالم", "الشرق الأوسط", "الرئيسية", "أخبار", "الحدث", "اليوم"):
        assert catalogue.find_name(word) is None, word


def test_loading_again_adds_nothing_and_keeps_the_archivists_corrections(catalogue):
    sky = Outlet.objects.get(slug="sky-news-arabia")
    sky.name = "سكاي نيوز عربية (أبوظبي)"
    sky.aliases = [a for a in sky.aliases if a != "سكاي نيوز"]
    sky.save()
    count = Outlet.objects.count()
    call_command("load_outlets", verbosity=0)
    sky.refresh_from_db()
    assert Outlet.objects.count() == count
    assert sky.name == "سكاي نيوز عربية (أبوظبي)"


def test_the_demo_data_loads_the_catalogue_and_the_seeds_keep_their_outlets(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "originals"
    call_command("load_demo_data", verbosity=0)
    assert Outlet.objects.count() >= 100
    from archive.models import Article

    assert set(Article.objects.values_list("outlet__slug", flat=True)) == {
        "kdp-info", "radio-sawa", "kul-al-iraq", "zagros-arabic", "rudaw"}
