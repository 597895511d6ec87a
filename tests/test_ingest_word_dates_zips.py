"""Word dates in every place a Word file holds one, and zips as archivists make
them (issue 10): the first page's own header, a field that shows the file's
day, published and updated on one line under the text; zip member names in a
Windows code page, a page saved "complete" with its folder of assets."""
from datetime import date
import io
import zipfile

import docx
from docx.oxml import parse_xml

from archive.ingest import read
from archive.ingest.archives import page_assets
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft
from tests.test_ingest_text import fresh_alias_index, gazetteer, outlet_named  # noqa: F401  (fixtures)
from tests.test_ingest_word_habits import HEADLINE, LEAD, SECOND, W, one_draft
from tests.word_files import saved

def article(document):
    document.add_heading(HEADLINE, level=1)
    document.add_paragraph(LEAD)
    document.add_paragraph(SECOND)
    return document


def test_the_date_and_outlet_in_the_first_pages_own_header(gazetteer):
    document = article(docx.Document())
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "سكاي نيوز عربية | 21/03/2019"
    section.header.paragraphs[0].text = "أرشيف الصحافة"
    draft = one_draft("first.docx", saved(document))
    assert (draft.published, draft.date_precision) == (date(2019, 3, 21), "day")
    assert draft.outlet_id == outlet_named("سكاي نيوز عربية").pk
    assert draft.body.split("\n\n") == [LEAD, SECOND]


def test_a_date_field_shows_the_files_day_and_is_not_read(gazetteer):
    document = article(docx.Document())
    document.paragraphs[0].insert_paragraph_before("سكاي نيوز عربية - 21 آذار 2019")
    header = document.sections[0].header.paragraphs[0]
    header._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" DATE \\@ &quot;dd/MM/yyyy&quot; ">'
                               '<w:r><w:t>04/11/2026</w:t></w:r></w:fldSimple>'))
    draft = one_draft("field.docx", saved(document))
    assert draft.published == date(2019, 3, 21)


def test_a_complex_print_date_field_is_not_read_either(gazetteer):
    document = article(docx.Document())
    footer = document.sections[0].footer.paragraphs[0]
    for xml in ('<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r {W}><w:instrText> PRINTDATE </w:instrText></w:r>',
                '<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>', '<w:r {W}><w:t>04/11/2026</w:t></w:r>',
                '<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>'):
        footer._p.append(parse_xml(xml.format(W=W)))
    draft = one_draft("printed.docx", saved(document))
    assert draft.published is None


def test_published_and_updated_on_one_line_under_the_text(gazetteer):
    document = article(docx.Document())
    document.add_paragraph("سكاي نيوز عربية — نُشر في 29 يونيو 2018، آخر تحديث 2 يوليو 2018")
    draft = one_draft("under.docx", saved(document))
    assert (draft.published, draft.date_precision) == (date(2018, 6, 29), "day")
    assert draft.body.split("\n\n") == [LEAD, SECOND]


# --- zips ----------------------------------------------------------------------------------------------------------

TEXT = "\n".join([HEADLINE, "21 آذار 2019", "", LEAD, "", SECOND])


def zip_with_code_page(members, encoding):
    """A zip whose names are stored in ``encoding`` without the UTF-8 flag, as Windows writes them."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i, (name, data) in enumerate(members):
            zf.writestr(zipfile.ZipInfo(f"{i:0{len(name.encode(encoding))}d}"), data)
    raw = buf.getvalue()
    for i, (name, _data) in enumerate(members):
        raw = raw.replace(f"{i:0{len(name.encode(encoding))}d}".encode(), name.encode(encoding))
    return raw


def test_arabic_member_names_in_a_windows_code_page_are_read_as_written(gazetteer):
    for encoding in ("cp720", "cp1256"):
        data = zip_with_code_page([("تقرير الموصل.txt", TEXT.encode())], encoding)
        [draft] = read("week.zip", data, catalog=Catalog())
        assert isinstance(draft, Draft)
        assert draft.source_name == "week.zip/تقرير الموصل.txt"
        assert draft.external_id == "تقرير الموصل"


def test_a_page_saved_complete_is_read_without_its_folder_of_assets(gazetteer):
    page = (f"<html lang='ar'><head><meta charset='utf-8'><title>{HEADLINE}</title>"
            "<link rel=stylesheet href='page_files/style.css'></head>"
            f"<body><h1>{HEADLINE}</h1><p>{LEAD}</p><p>{SECOND}</p></body></html>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("page.html", page)
        zf.writestr("page_files/style.css", "body{direction:rtl}")
        zf.writestr("page_files/app.js", "var a=1;")
        zf.writestr("page_files/ads.html", "<html><body><a href='https://ads.example/'>اضغط هنا</a></body></html>")
        zf.writestr("page_files/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(40))
    items = read("saved.zip", out.getvalue(), catalog=Catalog())
    assert [type(i) for i in items] == [Draft]
    assert items[0].body.split("\n\n") == [LEAD, SECOND]


def test_which_members_are_a_saved_pages_assets():
    names = ["a.html", "a_files/x.css", "a-Dateien/y.png", "a_fichiers/ads.html", "b_files/z.txt", "notes.txt",
             "theme/site.js"]
    assert page_assets(names) == {"a_files/x.css", "a-Dateien/y.png", "a_fichiers/ads.html", "theme/site.js"}


def test_a_month_in_two_calendars_names_side_by_side_dates_the_day():
    from archive.ingest import dates

    # An agency's habit: "28 فبراير شباط 2018" (Egyptian and Levantine names, no slash between).
    assert dates.find_date("بغداد 28 فبراير شباط 2018 (رويترز) - قال مسؤولون")[:2] == (date(2018, 2, 28), "day")
    assert dates.find_date("12 آب أغسطس 2017")[:2] == (date(2017, 8, 12), "day")


def test_a_month_and_year_beside_the_outlet_dates_the_month():
    from archive.ingest import dates

    assert dates.find_date("بي بي سي عربي | شباط/فبراير 2018")[:2] == (date(2018, 2, 1), "month")
    assert dates.find_date("قتل في شباط 2018 عشرات المدنيين في ريف المدينة") is None  # a sentence's month
