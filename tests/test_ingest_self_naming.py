"""Where a file names its own outlet, beyond a page's metadata.

A saved page that LibreOffice turned into a Word file keeps the page's
<title> ("الخبر | الشرق الأوسط") and its <meta name=…> tags in the file's
properties, but writes the properties' relationship in a form python-docx
does not find; a paper writes its own name in quotation marks after the
place ("لندن: «الشرق الأوسط»", "بغداد - «الشرق الأوسط»"). Each names the
catalogue outlet, also without its kind word, and the place stays the dateline.
"""
import io
import re
import zipfile

import docx

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft
from tests.test_ingest_text import fresh_alias_index, gazetteer, outlet_named  # noqa: F401  (fixtures)

HEADLINE = "مقتل خمسة عناصر من داعش بغارة للتحالف قرب الموصل"
PARAS = [
    "قالت مصادر أمنية عراقية إن خمسة عناصر من تنظيم داعش قتلوا في غارة جوية للتحالف الدولي قرب الموصل أمس.",
    "وأضافت المصادر أن الغارة استهدفت مخبأ للتنظيم في منطقة بادوش غرب المدينة، بحسب ما نقلت وسائل إعلام محلية.",
]
# LibreOffice's relationship type for the core properties (python-docx looks for the package one).
LIBREOFFICE_CORE = "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"
CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"


def one_draft(name, data):
    [draft] = read(name, data, catalog=Catalog())
    assert isinstance(draft, Draft), draft
    return draft


def as_libreoffice_writes_it(title, custom=None):
    """A Word file with the article, whose properties are written as LibreOffice
    writes a converted page's: the page's title, its <meta name=…> as custom properties."""
    document = docx.Document()
    document.add_paragraph(HEADLINE).runs[0].bold = True
    document.add_paragraph("الاثنين 14 مايو 2018")
    for para in PARAS:
        document.add_paragraph(para)
    out = io.BytesIO()
    document.save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "_rels/.rels":
                rels = re.sub(rb'Type="[^"]*core-properties"', f'Type="{LIBREOFFICE_CORE}"'.encode(), data)
                if custom:
                    rels = rels.replace(b"</Relationships>", f'<Relationship Id="rIdC" Type="{CUSTOM}" '
                                                             f'Target="docProps/custom.xml"/></Relationships>'.encode())
                data = rels
            elif item.filename == "docProps/core.xml":
                data = re.sub(rb"<dc:title>[^<]*</dc:title>|<dc:title/>", b"", data)
                data = data.replace(b"</cp:coreProperties>", f"<dc:title>{title}</dc:title></cp:coreProperties>".encode())
            target.writestr(item, data)
        if custom:
            props = "".join(f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i + 2}" name="{name}">'
                            f"<vt:lpwstr>{value}</vt:lpwstr></property>" for i, (name, value) in enumerate(custom.items()))
            target.writestr("docProps/custom.xml", (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{props}</Properties>'))
    return result.getvalue()


def test_a_converted_pages_title_property_names_the_outlet_by_its_suffix(gazetteer):
    draft = one_draft("page.docx", as_libreoffice_writes_it(f"{HEADLINE} | الشرق الأوسط"))
    assert draft.outlet_id == outlet_named("aawsat.com").pk
    assert draft.title == HEADLINE


def test_a_converted_pages_meta_kept_as_a_custom_property_names_the_outlet(gazetteer):
    draft = one_draft("page.docx", as_libreoffice_writes_it(HEADLINE, {"application-name": "Asharq Al-Awsat"}))
    assert draft.outlet_id == outlet_named("aawsat.com").pk


def test_a_custom_property_that_names_no_site_names_no_outlet(gazetteer):
    draft = one_draft("page.docx", as_libreoffice_writes_it(HEADLINE, {"keywords": "الشرق الأوسط"}))
    assert draft.outlet_id is None


def text_save(byline):
    return "\n".join([HEADLINE, byline, "الاثنين 14 مايو 2018", *PARAS]).encode("utf-8")


def test_a_paper_quoting_its_own_name_after_the_place_is_the_outlet(gazetteer):
    for byline in ("لندن: «الشرق الأوسط»", "بغداد - «الشرق الأوسط»", 'بغداد - "الشرق الأوسط"'):
        draft = one_draft("saved.txt", text_save(byline))
        assert draft.outlet_id == outlet_named("aawsat.com").pk, byline
        assert not draft.outlet_is_new
        assert draft.body.split("\n\n") == PARAS


def test_a_writers_byline_after_the_place_names_no_outlet(gazetteer):
    draft = one_draft("saved.txt", text_save("بغداد: حمزة مصطفى"))
    assert draft.outlet_id is None and not draft.outlet_is_new
