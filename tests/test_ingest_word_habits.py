"""Word files as archivists make them: pasted from a browser, converted from a
saved page, or typed around a clipping — tracked changes, text boxes, notes,
logos, links and captions (issue 10). Each file is generated here, small."""
from datetime import date
import html
import io
import zipfile

import docx
from docx.oxml import parse_xml

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft
from tests.test_ingest_text import fresh_alias_index, gazetteer, outlet_named  # noqa: F401  (fixtures)
from tests.word_files import saved

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
HEADLINE = "قوات سوريا الديمقراطية تعلن السيطرة على آخر جيب لتنظيم داعش شرق الفرات"
LEAD = ("أعلنت قوات سوريا الديمقراطية اليوم الخميس أنها سيطرت على آخر جيب لتنظيم داعش شرق نهر الفرات "
        "بعد معارك استمرت أسابيع بدعم من طيران التحالف الدولي.")
SECOND = "وقال المتحدث باسم القوات إن عمليات التمشيط ما زالت مستمرة في القرى المحيطة بالبلدة."


def one_draft(name, data):
    [draft] = read(name, data, catalog=Catalog())
    assert isinstance(draft, Draft), draft
    return draft


def add_link(paragraph, text, url):
    rid = paragraph.part.relate_to(
        url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:hyperlink {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}">'
        f'<w:r><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r></w:hyperlink>'))


def test_a_tracked_insertion_is_read_and_a_tracked_deletion_is_not(gazetteer):
    document = docx.Document()
    title = document.add_paragraph(" ".join(HEADLINE.split()[:-1]) + " ")
    title._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="a"><w:r><w:delText>(مسودة) </w:delText></w:r></w:del>'))
    title._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="a"><w:r><w:t>{HEADLINE.split()[-1]}</w:t></w:r></w:ins>'))
    document.add_paragraph("سكاي نيوز عربية - 21 آذار 2019")
    document.add_paragraph(LEAD)
    document.add_comment(document.add_paragraph(SECOND).runs[0], text="تحقق من الاسم", author="Archivist")
    draft = one_draft("clip.docx", saved(document))
    assert draft.title == HEADLINE
    assert draft.body.split("\n\n") == [LEAD, SECOND]  # the comment is not the article's


def test_a_headline_in_a_text_box_and_the_outlet_and_date_in_the_page_header(gazetteer):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "سكاي نيوز عربية | 21 آذار 2019"
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(
        f'<w:r {W} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        f'<w:p><w:r><w:t>{HEADLINE}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    document.add_paragraph(LEAD)
    document.add_paragraph(SECOND)
    draft = one_draft("box.docx", saved(document))
    assert draft.title == HEADLINE
    assert draft.body.split("\n\n") == [LEAD, SECOND]
    assert (draft.published, draft.date_precision) == (date(2019, 3, 21), "day")
    assert draft.outlet_id == outlet_named("سكاي نيوز عربية").pk


def with_footnote(data, note):
    """The same .docx with one footnote, as Word or LibreOffice writes it."""
    notes = (f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             f'<w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("word/footnotes.xml", notes)
    return out.getvalue()


def test_the_source_and_date_in_a_footnote(gazetteer):
    document = docx.Document()
    document.add_paragraph(HEADLINE)
    document.add_paragraph(LEAD)
    document.add_paragraph(SECOND)
    draft = one_draft("note.docx", with_footnote(saved(document), "المصدر: سكاي نيوز عربية، 21 آذار 2019"))
    assert (draft.published, draft.date_precision) == (date(2019, 3, 21), "day")
    assert draft.outlet_id == outlet_named("سكاي نيوز عربية").pk
    assert draft.body.split("\n\n") == [LEAD, SECOND]


def tiny_png():
    import struct
    import zlib

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    pixels = zlib.compress(b"\x00\xff\x00\x00" * 1)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def test_a_logo_names_the_outlet_by_its_alternative_text(gazetteer):
    document = docx.Document()
    document.add_picture(io.BytesIO(tiny_png()))
    for properties in document.paragraphs[-1]._p.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        properties.set("descr", "سكاي نيوز عربية")
    document.add_paragraph(HEADLINE, style="Title")
    document.add_paragraph("الخميس 14 رجب 1440هـ - 21 مارس 2019م")
    document.add_paragraph(LEAD)
    document.add_paragraph(SECOND)
    draft = one_draft("logo.docx", saved(document))
    assert draft.title == HEADLINE
    assert draft.outlet_id == outlet_named("سكاي نيوز عربية").pk
    assert draft.body.split("\n\n") == [LEAD, SECOND]


def test_a_photo_beside_the_text_names_no_outlet(gazetteer):
    """Only pictures above the article's first long paragraph are logos; the text beside a picture is its caption."""
    document = docx.Document()
    document.add_paragraph(HEADLINE)
    document.add_paragraph("21 آذار 2019")
    document.add_paragraph(LEAD)
    document.add_picture(io.BytesIO(tiny_png()))
    document.paragraphs[-1].add_run("سكاي نيوز عربية")
    document.add_paragraph(SECOND)
    draft = one_draft("photo.docx", saved(document))
    assert draft.outlet_id is None
    assert draft.body.split("\n\n") == [LEAD, SECOND]


def test_link_paragraphs_captions_and_a_box_heading_are_furniture(gazetteer):
    document = docx.Document()
    add_link(document.add_paragraph(), "الرئيسية › أخبار › سوريا", "https://www.skynewsarabia.com/")
    document.add_paragraph(HEADLINE)
    document.add_paragraph("21/03/2019 | 14:05")
    document.add_paragraph("مقاتلون في الباغوز (أرشيفية)", style="Caption")
    document.add_paragraph(LEAD)
    document.add_paragraph(SECOND)
    document.add_paragraph("Read more:")
    for related in ("الجيش التركي يقصف مواقع في ريف حلب الشمالي", "مجلس الأمن يجتمع لبحث الوضع في إدلب"):
        add_link(document.add_paragraph(), related, "https://www.skynewsarabia.com/middle-east/1")
    draft = one_draft("paste.docx", saved(document))
    assert draft.title == HEADLINE
    assert draft.body.split("\n\n") == [LEAD, SECOND]
    # The breadcrumb's link to the site's home page names the outlet.
    assert draft.outlet_id == outlet_named("سكاي نيوز عربية").pk


def test_a_link_inside_a_paragraph_keeps_the_paragraph(gazetteer):
    document = docx.Document()
    document.add_paragraph(HEADLINE)
    document.add_paragraph("سكاي نيوز عربية - 21 آذار 2019")
    document.add_paragraph(LEAD)
    paragraph = document.add_paragraph("وقال المتحدث باسم ")
    add_link(paragraph, "القوات", "https://example.org/sdf")
    paragraph.add_run(" إن عمليات التمشيط ما زالت مستمرة في القرى المحيطة بالبلدة.")
    draft = one_draft("inline.docx", saved(document))
    assert draft.body.split("\n\n") == [LEAD, SECOND]


def test_the_footer_names_the_outlet_and_dates_the_article_but_is_not_its_text(gazetteer):
    document = docx.Document()
    document.add_heading(HEADLINE, level=1)
    document.add_paragraph(LEAD)
    document.add_paragraph(SECOND)
    document.sections[0].footer.paragraphs[0].text = "المصدر: سكاي نيوز عربية، 21 آذار 2019 - صفحة 3"
    draft = one_draft("footer.docx", saved(document))
    assert draft.body.split("\n\n") == [LEAD, SECOND]
    assert (draft.published, draft.date_precision) == (date(2019, 3, 21), "day")
    assert draft.outlet_id == outlet_named("سكاي نيوز عربية").pk


def test_a_pasted_page_links_to_its_own_site_which_names_the_outlet(gazetteer):
    """A label and its links in one paragraph (``<br>`` between them), the tags, the next
    article's headline in bold under the links: furniture; the links' site names the outlet."""
    document = docx.Document()
    sidebar = document.add_paragraph()
    sidebar.add_run("الأكثر قراءة").bold = True
    for n, related in enumerate(("الجيش التركي يقصف مواقع في ريف حلب الشمالي", "مجلس الأمن يجتمع لبحث الوضع في إدلب")):
        sidebar.add_run().add_break()
        add_link(sidebar, related, f"https://www.skynewsarabia.com/middle-east/{n}")
    document.add_paragraph(HEADLINE).runs[0].bold = True
    document.add_paragraph("21/03/2019")
    document.add_paragraph(LEAD)
    document.add_paragraph(SECOND)
    for tag in ("سوريا", "داعش"):
        add_link(document.add_paragraph(), tag, f"https://www.skynewsarabia.com/tag/{len(tag)}")
    document.add_paragraph().add_run("الجيش العراقي يستعيد السيطرة على قرى غرب الأنبار").bold = True
    draft = one_draft("pasted.docx", saved(document))
    assert draft.title == HEADLINE
    assert draft.body.split("\n\n") == [LEAD, SECOND]
    assert draft.outlet_id == outlet_named("سكاي نيوز عربية").pk


def test_a_digest_of_articles_one_a_page_is_refused_with_the_reason(gazetteer):
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for headline, day in ((HEADLINE, "21 آذار 2019"), ("الجيش العراقي يستعيد السيطرة على قرى غرب الأنبار", "22 آذار 2019")):
        document.add_paragraph(headline)
        document.add_paragraph(f"سكاي نيوز عربية - {day}")
        document.add_paragraph(LEAD)
        document.add_paragraph(SECOND).add_run().add_break(WD_BREAK.PAGE)
    [failure] = read("digest.docx", saved(document), catalog=Catalog())
    assert not isinstance(failure, Draft)
    assert "2" in failure.message and "ملف" in failure.message


def test_a_long_article_over_several_pages_is_one_article(gazetteer):
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph(HEADLINE)
    document.add_paragraph("سكاي نيوز عربية - 21 آذار 2019")
    document.add_paragraph(LEAD).add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph(SECOND)
    document.add_paragraph(LEAD.replace("اليوم الخميس", "أمس"))
    draft = one_draft("long.docx", saved(document))
    assert draft.title == HEADLINE
    assert len(draft.body.split("\n\n")) == 3


def test_a_drawn_text_box_is_read_once_and_its_anchor_paragraph_is_text(gazetteer):
    """Word and LibreOffice write a box twice (a DrawingML shape, and a VML copy as the
    fallback); the box is no picture, so the paragraph it is anchored in stays text."""
    box = f'<w:txbxContent><w:p><w:r><w:t>{HEADLINE}</w:t></w:r></w:p></w:txbxContent>'
    document = docx.Document()
    document.add_paragraph("سكاي نيوز عربية - 21 آذار 2019")
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(
        f'<w:r {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor><wp:docPr id="1" name="Frame1"/><a:graphic><a:graphicData><wps:wsp><wps:txbx>'
        f'{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:rect><v:textbox>{box}</v:textbox></v:rect></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>'))
    anchor.add_run(LEAD)
    document.add_paragraph(SECOND)
    draft = one_draft("frame.docx", saved(document))
    assert draft.title == HEADLINE
    assert draft.body.split("\n\n") == [LEAD, SECOND]
