"""More places where a text save or a Word file names its own outlet.

A site's calls to action name it ("حمّل تطبيق سكاي نيوز عربية الآن", "تابعوا
الحرة على فيسبوك وتويتر", "تابعونا على تويتر @aawsat_News"); a copyright line
writes the name with "ل" joined to it ("محفوظة للشرق الأوسط", "لسكاي نيوز")
or in the first of two sentences; a save's first line is a tab title or a
logo and its slogan, or a logo's alternative text in brackets; a page names
its domain whatever the country's ending; a Word file's footer prints "©
2018 X" and its company property is the newsroom's; a file's name starts or
ends with the outlet's name, in Latin words or Arabic joined by "_" or "-".
A name two outlets hold, and an agency before a place ("واس - الرياض:"),
name no paper by mistake.
"""
import io
import zipfile

import docx
import docx.opc.constants
import docx.oxml
import docx.oxml.ns
import pytest

from archive.ingest import read
from archive.ingest.draft import Draft
from archive.ingest.file_name_outlets import file_name_cues
from archive.ingest.outlets import copyright_name
from archive.ingest.text import draft_from_text
from archive.models import Outlet
# The outlet-forms spec's page (a menu, the headline, a date line, three paragraphs) and catalogue.
from tests.test_ingest_outlet_forms import HEADLINE, MENU, PARAS, catalogue  # noqa: F401  (fixture)


def page(top=(), middle="", end=(), lead=""):
    paras = [lead + PARAS[0], *([middle] if middle else []), *PARAS[1:]]
    lines = [*top, *MENU, HEADLINE, "12 آذار/مارس 2018", *paras, "من نحن", "اتصل بنا", *end]
    return "\n".join(lines) + "\n"


def slug_of(draft):
    return Outlet.objects.get(pk=draft.outlet_id).slug if draft.outlet_id else None


def text_slug(catalogue, text, name="page.txt"):
    return slug_of(draft_from_text(text, source_name=name, catalog=catalogue))


@pytest.mark.parametrize("line, slug", [
    ("حمّل تطبيق سكاي نيوز عربية الآن", "sky-news-arabia"),
    ("حمل تطبيق العربية على هاتفك المحمول", "al-arabiya"),
    ("تابعوا الحرة على فيسبوك وتويتر", "alhurra"),
])
def test_an_app_prompt_or_a_follow_line_names_the_site_anywhere(catalogue, line, slug):
    assert text_slug(catalogue, page(middle=line)) == slug
    assert text_slug(catalogue, page(end=[line])) == slug


def test_a_follow_line_with_the_sites_account(catalogue):
    assert text_slug(catalogue, page(end=["تابعونا على تويتر @aawsat_News"])) == "asharq-al-awsat"


def test_a_follow_line_naming_no_outlet_names_none(catalogue):
    draft = draft_from_text(page(end=["تابعونا عبر صفحتنا على فيسبوك", "تابعوا آخر الأخبار على تويتر"]),
                            source_name="page.txt", catalog=catalogue)
    assert draft.outlet_id is None and not draft.outlet_is_new


@pytest.mark.parametrize("line, name", [
    ("جميع الحقوق محفوظة للشرق الأوسط © 2018", "الشرق الأوسط"),
    ("جميع الحقوق محفوظة لسكاي نيوز عربية © 2018", "سكاي نيوز عربية"),
    ("جميع الحقوق محفوظة لـ سكاي نيوز 2018", "سكاي نيوز"),
    ("© 2025 الاقتصادية. الاقتصادية ليست مسؤولة عن محتوى المواقع الخارجية.", "الاقتصادية"),
    ("© 2012-2018 عرب 48", "عرب 48"),
])
def test_the_name_in_a_copyright_line(line, name):
    assert copyright_name(line) == name


def test_a_copyright_line_with_the_lam_joined(catalogue):
    assert text_slug(catalogue, page(end=["جميع الحقوق محفوظة للمراقب العراقي © 2018"])) == "iraq-observer"


@pytest.mark.parametrize("first, slug", [
    ("دير الزور 24 | الخبر كما هو", "deir-ezzor-24"),
    ("[صحيفة سبق]", "sabq"),
    ("https://www.wafa.ps/news/12345", "wafa"),
])
def test_the_first_line_a_logo_a_slogan_or_an_address(catalogue, first, slug):
    assert text_slug(catalogue, page(top=[first])) == slug


def test_an_agency_before_the_place_makes_the_place_no_paper(catalogue):
    # "واس - الرياض :" is the agency and the city, not "الرياض" the paper; the copyright names the site.
    text = page(lead="واس - الرياض : ", end=["سبق © 2025"])
    assert text_slug(catalogue, text) == "sabq"


def test_a_name_two_outlets_hold_names_neither(catalogue):
    # "جريدة الراي": Kuwait's الراي and Jordan's الرأي are one key once folded.
    draft = draft_from_text(page(end=["© 2018 جريدة الراي"]), source_name="page.txt", catalog=catalogue)
    assert draft.outlet_id is None and not draft.outlet_is_new


@pytest.mark.parametrize("name, slug", [
    ("Bahrain_News_Agency_مصر_تحول_حلم.docx", "bna"),
    ("صحيفة-الاقتصادية-2016-05-03.docx", "al-eqtisadiya"),
    ("صحيفة-الوطن-العمانية-2016-05-03.docx", "al-watan-oman"),
    ("SkyNewsArabia_2018.docx", "sky-news-arabia"),
])
def test_a_file_name_that_starts_or_ends_with_the_outlets_name(catalogue, name, slug):
    assert text_slug(catalogue, page(), name=name.replace(".docx", ".txt")) == slug


def test_a_headlines_word_inside_a_file_name_names_nothing(catalogue):
    # "الإمارات العربية" holds "العربية"; an Arabic word counts only first or last in the name.
    assert text_slug(catalogue, page(), name="قمة_الإمارات_العربية_في_الرياض.txt") is None
    assert text_slug(catalogue, page(), name="قمة_الرياض_العربية.txt") == "al-arabiya"


def test_a_short_number_stays_in_the_name_a_year_ends_it(catalogue):
    assert text_slug(catalogue, page(), name="موقع_عرب_48_تحرير_الحديدة.txt") == "arab-48"


def test_file_name_cues_try_the_longest_run_of_words_first():
    texts = [cue.text for cue in file_name_cues("صحيفة_الوطن_العمانية_خبر.docx")]
    assert texts.index("صحيفة الوطن العمانية خبر") < texts.index("صحيفة الوطن العمانية") < texts.index("صحيفة الوطن")


def word_file(footer="", company=""):
    document = docx.Document()
    for line in [HEADLINE, "12 آذار/مارس 2018", *PARAS]:
        document.add_paragraph(line)
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    out = io.BytesIO()
    document.save(out)
    if not company:
        return out.getvalue()
    source, result = zipfile.ZipFile(io.BytesIO(out.getvalue())), io.BytesIO()
    with zipfile.ZipFile(result, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/app.xml":
                data = data.replace(b"<Company/>", f"<Company>{company}</Company>".encode())
            target.writestr(item, data)
    return result.getvalue()


def word_slug(catalogue, data, name="article.docx"):
    [draft] = read(name, data, catalog=catalogue)
    assert isinstance(draft, Draft), draft
    return slug_of(draft)


def test_a_word_footers_copyright_line(catalogue):
    assert word_slug(catalogue, word_file(footer="© 2018 المونيتور")) == "al-monitor"


def test_the_company_property_names_the_newsroom_also_without_its_kind_word(catalogue):
    assert word_slug(catalogue, word_file(company="الحياة")) == "al-hayat"


def converted_page(links):
    """A Word file as LibreOffice writes a saved page: lines that are only links (``(text, target)``)
    above the headline, then the article."""
    document = docx.Document()
    for text, target in links:
        paragraph = document.add_paragraph()
        rid = document.part.relate_to(target, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = docx.oxml.OxmlElement("w:hyperlink")
        link.set(docx.oxml.ns.qn("r:id"), rid)
        run = docx.oxml.OxmlElement("w:r")
        t = docx.oxml.OxmlElement("w:t")
        t.text = text
        run.append(t)
        link.append(run)
        paragraph._p.append(link)
    for line in [HEADLINE, "12 آذار/مارس 2018", *PARAS]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_converted_pages_link_home_above_the_article_is_its_text_logo(catalogue):
    data = converted_page([("Ad-Dustour", "../../../../"), *((item, "#") for item in MENU)])
    assert word_slug(catalogue, data) == "ad-dustour"


def test_a_converted_pages_linked_app_prompt_names_the_site(catalogue):
    data = converted_page([*((item, "#") for item in MENU), ("حمّل تطبيق بوابة الشروق", "#")])
    assert word_slug(catalogue, data) == "shorouk"


def test_a_menu_item_linked_elsewhere_names_nothing(catalogue):
    # "العربية" in a menu is a section (the Arab world), not Al Arabiya.
    data = converted_page([("العربية", "#"), *((item, "#") for item in MENU)])
    [draft] = read("article.docx", data, catalog=catalogue)
    assert draft.outlet_id is None


def test_a_latin_logo_printing_the_domains_name(catalogue):
    # "ENABBALADI" (enabbaladi.net) is a form made by rule from the catalogue's domain.
    assert text_slug(catalogue, page(top=["ENABBALADI | الرئيسية"])) == "enab-baladi"
    assert text_slug(catalogue, page(end=["© 2018 Enabbaladi"])) == "enab-baladi"
