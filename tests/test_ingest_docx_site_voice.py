"""A name standing alone where a Word file's site speaks for itself.

The page header's paragraph, the lines above the headline of a pasted page,
the file's last line and a property's whole value (a site's CMS fills the
subject or the author with its name) may print the site's name without its
kind word: "الميادين" for "قناة الميادين". Alone on such a line, and when one
outlet alone has that name, it names the site — only when nothing else in the
file named an outlet. The same word in running text names nothing; nor do a
name that is also a gazetteer place ("الرياض"), a one-word name the corpus
writes often as a word ("الحدث", "الحياة": a section prints it there too), the
category property (the article's section) and a name two outlets hold ("الجزيرة").
"""
import io

import docx
import pytest

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft
from archive.ingest.outlet_catalogue import load_catalogue
from archive.models import Outlet, Place

HEADLINE = "مقتل خمسة عناصر من داعش بغارة للتحالف قرب الموصل"
PARAS = [
    "قالت مصادر أمنية عراقية إن خمسة عناصر من تنظيم داعش قتلوا في غارة جوية للتحالف الدولي قرب الموصل أمس.",
    "وأضافت المصادر أن الغارة استهدفت مخبأ للتنظيم في منطقة بادوش غرب المدينة، بحسب ما نقلت وسائل إعلام محلية.",
    "وأشارت إلى أن القوات العراقية تواصل عملياتها لتطهير المناطق المحيطة بالمدينة من بقايا التنظيم.",
]


@pytest.fixture
def catalogue(db):
    load_catalogue()
    return Catalog()


def word_file(header="", top=(), end=(), subject="", author="user", category="", paras=PARAS):
    document = docx.Document()
    for line in [*top, HEADLINE, "12 آذار/مارس 2018", *paras, *end]:
        document.add_paragraph(line)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    document.core_properties.subject = subject
    document.core_properties.author = author
    document.core_properties.category = category
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def slug(catalogue, data):
    [draft] = read("article.docx", data, catalog=catalogue)
    assert isinstance(draft, Draft), draft
    return Outlet.objects.get(pk=draft.outlet_id).slug if draft.outlet_id else (draft.outlet_name or None)


def test_a_name_without_its_kind_word_alone_in_the_page_header(catalogue):
    assert slug(catalogue, word_file(header="الميادين")) == "al-mayadeen"


def test_a_name_alone_on_the_files_last_line(catalogue):
    assert slug(catalogue, word_file(end=["هاوار"])) == "anha"


def test_a_property_whose_whole_value_is_the_name(catalogue):
    assert slug(catalogue, word_file(subject="الشرق الأوسط")) == "asharq-al-awsat"
    assert slug(catalogue, word_file(author="المربد")) == "almirbad"


def test_the_category_property_is_the_section_not_the_site(catalogue):
    assert slug(catalogue, word_file(category="الميادين")) is None


def test_a_name_the_corpus_often_writes_as_a_word_names_nothing_alone(catalogue):
    assert slug(catalogue, word_file(header="الحياة")) is None


def test_a_name_the_corpus_seldom_writes_as_a_word_above_the_headline(catalogue):
    assert slug(catalogue, word_file(top=["سبأ"])) == "saba"


def test_a_section_above_the_headline_that_is_a_common_word_names_nothing(catalogue):
    assert slug(catalogue, word_file(top=["الحدث"])) is None


def test_a_place_alone_in_the_header_names_no_paper(catalogue):
    Place.objects.create(name="الرياض", name_en="Riyadh", slug="riyadh")
    assert slug(catalogue, word_file(header="الرياض")) is None


def test_a_name_two_outlets_hold_names_neither(catalogue):
    assert slug(catalogue, word_file(header="الجزيرة")) is None


def test_the_same_word_in_running_text_names_nothing(catalogue):
    paras = [*PARAS, "وتحدثت صحف عدة عن الحياة اليومية في المدينة بعد خروج التنظيم منها منذ أشهر."]
    assert slug(catalogue, word_file(paras=paras)) is None


def test_a_name_the_file_gives_elsewhere_comes_first(catalogue):
    assert slug(catalogue, word_file(header="الحياة", end=["© 2018 سكاي نيوز عربية"])) == "sky-news-arabia"
