"""Habits of naming a site that text saves and Word files share.

A byline marks a story the site's own ("(خاص بـ«سكاي نيوز عربية»)"; "بغداد - خاص"
names no outlet, and its place is no outlet to propose); an agency's dateline
parts its city from its name with a dash or a slash ("بغداد/ واع/ …") in a text
save as in a Word file; a copyright line the line reader took for a header still
names the site ("الحقوق محفوظة 2018 - عكاظ"), and a kind word the page prints
that the catalogue does not ("لموقع معا") is looked past; a tab title parts the
headline from the site with more marks than a bar or a dash ("~", "‹", "::"), in a
save's first line, a Word file's title property and an HTML <title> alike; a text
logo run into the menu on a save's first line names the site; a Word file's
comments name it after a source label ("نقلاً عن X") and its keywords may list it.
An outlet quoted in running text ("قال لـ«رويترز»") is not the file's.
"""
import io

import docx
import pytest

from archive.ingest import read
from archive.ingest.draft import Draft
from archive.ingest.html_meta import site_suffix
from archive.ingest.outlets import SHARED_NAME_WARNING, copyright_name, exclusive_parts
from archive.models import Outlet
from tests.test_ingest_outlet_forms import HEADLINE, MENU, PARAS, catalogue  # noqa: F401  (fixture)


def lines_of(top=(), under=(), lead="", end=(), menu=MENU):
    return [*top, *menu, HEADLINE, "12 آذار/مارس 2018", *under, lead + PARAS[0], *PARAS[1:], "من نحن", "اتصل بنا", *end]


def word(lines, **properties):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    for name, value in properties.items():
        setattr(document.core_properties, name, value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def outlet(catalogue, lines, fmt="txt", **properties):
    """The slug found, the name proposed, or None."""
    data = word(lines, **properties) if fmt == "docx" else ("\n".join(lines) + "\n").encode()
    [draft] = read(f"article.{fmt}", data, catalog=catalogue)
    assert isinstance(draft, Draft), draft
    return Outlet.objects.get(pk=draft.outlet_id).slug if draft.outlet_id else (draft.outlet_name or None)


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("byline", ["(خاص بـ«سكاي نيوز عربية»)", "بغداد - خاص بـسكاي نيوز عربية", "أربيل – «سكاي نيوز عربية» – خاص"])
def test_a_byline_marking_the_story_the_sites_own(catalogue, fmt, byline):
    assert outlet(catalogue, lines_of(under=[byline]), fmt) == "sky-news-arabia"


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("byline", ["بغداد - خاص", "(خاص)", "الموصل: خاص"])
def test_the_mark_alone_names_no_outlet_and_proposes_no_place(catalogue, fmt, byline):
    assert outlet(catalogue, lines_of(under=[byline]), fmt) is None


def test_exclusive_parts():
    assert exclusive_parts("بغداد - خاص بـ«الشرق الأوسط»") == (["الشرق الأوسط"], ["بغداد"])
    assert exclusive_parts("بغداد - خاص") == ([], ["بغداد"])
    assert exclusive_parts("بغداد - الأخبار العاجلة") is None


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("lead, slug", [
    ("بغداد/ واع/ ", "ina"), ("دمشق/سانا: ", "sana"), ("دمشق - سانا - ", "sana"), ("الموصل - وكالة الأنباء العراقية: ", "ina"),
])
def test_an_agencys_dateline_with_its_city(catalogue, fmt, lead, slug):
    assert outlet(catalogue, lines_of(lead=lead), fmt) == slug


@pytest.mark.parametrize("line, name", [
    ("الحقوق محفوظة 2018 - عكاظ", "عكاظ"), ("Copyright 2018 Shafaq. All Rights Reserved", "Shafaq"),
])
def test_the_name_in_a_copyright_line_without_its_dash(line, name):
    assert copyright_name(line) == name


@pytest.mark.parametrize("line, slug", [
    ("الحقوق محفوظة 2018 - عكاظ", "okaz"), ("جميع الحقوق محفوظة لموقع معا 2015", "maan"),
])
def test_a_copyright_line_at_the_end_of_a_text_save(catalogue, line, slug):
    assert outlet(catalogue, lines_of(end=[line])) == slug


@pytest.mark.parametrize("sep", [" ~ ", " ‹ ", " :: ", " || "])
def test_a_tab_title_parted_by_other_marks(catalogue, sep):
    assert outlet(catalogue, lines_of(top=[f"{HEADLINE}{sep}بي بي سي عربي"])) == "bbc-arabic"
    assert site_suffix(f"{HEADLINE}{sep}بي بي سي عربي") == "بي بي سي عربي"
    assert outlet(catalogue, lines_of(), "docx", title=f"{HEADLINE}{sep}بي بي سي عربي") == "bbc-arabic"


def test_a_text_logo_run_into_the_menu_line(catalogue):
    assert outlet(catalogue, lines_of(top=["Associated Press الرئيسية أخبار سياسة اقتصاد رياضة"], menu=())) == "ap-arabic"


def test_a_menu_line_of_sections_names_nothing(catalogue):
    assert outlet(catalogue, lines_of(top=["العربية الرئيسية أخبار سياسة اقتصاد رياضة"], menu=())) is None


@pytest.mark.parametrize("comments, slug", [
    ("نقلاً عن سكاي نيوز عربية", "sky-news-arabia"), ("المصدر: الشرق الأوسط", "asharq-al-awsat"), ("منقول من Reuters", "reuters-arabic"),
])
def test_a_source_label_in_the_word_files_comments(catalogue, comments, slug):
    assert outlet(catalogue, lines_of(), "docx", comments=comments) == slug


def test_an_outlet_among_the_word_files_keywords(catalogue):
    assert outlet(catalogue, lines_of(), "docx", keywords="وكالة الأناضول، داعش، كركوك") == "anadolu-arabic"
    assert outlet(catalogue, lines_of(), "docx", keywords="داعش، كركوك، الموصل") is None


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("lead", ["وقال مسؤول عراقي لـ«رويترز» إن القوات تتقدم. ", "ونقلت وكالة الأناضول عن مصادر محلية أن الاشتباكات تجددت. "])
def test_an_outlet_quoted_in_running_text_is_not_the_files(catalogue, fmt, lead):
    assert outlet(catalogue, lines_of(lead=lead), fmt) is None


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_name_two_outlets_hold_is_shown_to_choose_not_guessed(catalogue, fmt):
    data = word(lines_of(end=["© الجزيرة 2018"])) if fmt == "docx" else ("\n".join(lines_of(end=["© الجزيرة 2018"])) + "\n").encode()
    [draft] = read(f"article.{fmt}", data, catalog=catalogue)
    assert draft.outlet_id is None and not draft.outlet_is_new
    [warning] = [w for w in draft.warnings if w.startswith(SHARED_NAME_WARNING)]
    assert "«الجزيرة»" in warning and "قناة الجزيرة" in warning and "صحيفة الجزيرة" in warning


def test_other_evidence_settles_a_name_two_outlets_hold(catalogue):
    lines = lines_of(end=["© الجزيرة 2018", "https://www.aljazeera.net/news/2018/3/12/x"])
    [draft] = read("article.txt", ("\n".join(lines) + "\n").encode(), catalog=catalogue)
    assert Outlet.objects.get(pk=draft.outlet_id).slug == "al-jazeera"
    assert not [w for w in draft.warnings if w.startswith(SHARED_NAME_WARNING)]


def linked_pictures(*targets):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    document = docx.Document()
    for line in lines_of():
        document.add_paragraph(line)
    for target in targets:
        document.part.relate_to(target, RT.IMAGE, is_external=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_logo_linked_by_its_file_name(catalogue):
    """LibreOffice keeps a saved page's picture it could not embed as a link, without its alternative text."""
    [draft] = read("article.docx", linked_pictures("file:///C:/page_files/aawsat-logo.png"), catalog=catalogue)
    assert Outlet.objects.get(pk=draft.outlet_id).slug == "asharq-al-awsat"


def test_a_picture_not_named_a_logo_or_a_logo_naming_nothing(catalogue):
    data = linked_pictures("file:///C:/page_files/logo.png", "file:///C:/page_files/aawsat-photo.jpg")
    [draft] = read("article.docx", data, catalog=catalogue)
    assert draft.outlet_id is None and not draft.outlet_is_new


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_source_line_after_a_bullet(catalogue, fmt):
    assert outlet(catalogue, lines_of(end=["* المصدر: رووداو"]), fmt) == "rudaw"


def test_a_source_line_naming_a_common_word_proposes_no_outlet(catalogue):
    """"المصدر: وكالات" (agencies): a word the corpus writes often is no new outlet's name."""
    assert outlet(catalogue, lines_of(end=["المصدر: وكالات"])) is None
