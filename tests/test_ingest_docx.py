"""Word files are read like saved text: the same headline, furniture and date rules."""
from datetime import date
import io

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft, Failure
from tests.test_ingest_text import fresh_alias_index, gazetteer, outlet_named  # noqa: F401  (fixtures)
from tests.word_files import word_file


def test_a_word_file_gives_headline_body_date_and_outlet(gazetteer):
    data = word_file(
        "Accessibility links",
        "المتحدث باسم التحالف الدولي لرووداو: داعش ينشط مجدداً في عدد من مناطق العراق",
        "07-02-2020",
        "A+ A-",
        "رووداو – أربيل",
        "أكد المتحدث باسم التحالف الدولي ضد داعش، مايلز كاكينز، اليوم الجمعة أن تنظيم داعش ينشط في عدد من "
        "مناطق العراق، مشيراً إلى أنه تم استهداف داعش في جبل قرجوغ وحدود الموصل.",
        "وقال كاكينز لشبكة رووداو الإعلامية إن داعش نفذ عدداً من الهجمات خلال الأسابيع الماضية.",
        "أضف تعليقاً",
    )
    [draft] = read("مقابلة رووداو.docx", data, catalog=Catalog())
    assert isinstance(draft, Draft)
    assert draft.format == "docx"
    assert draft.title == "المتحدث باسم التحالف الدولي لرووداو: داعش ينشط مجدداً في عدد من مناطق العراق"
    assert draft.body.split("\n\n") == [
        "أكد المتحدث باسم التحالف الدولي ضد داعش، مايلز كاكينز، اليوم الجمعة أن تنظيم داعش ينشط في عدد من "
        "مناطق العراق، مشيراً إلى أنه تم استهداف داعش في جبل قرجوغ وحدود الموصل.",
        "وقال كاكينز لشبكة رووداو الإعلامية إن داعش نفذ عدداً من الهجمات خلال الأسابيع الماضية.",
    ]
    assert (draft.published, draft.date_precision) == (date(2020, 2, 7), "day")
    assert draft.outlet_id == outlet_named("رووداو").pk
    assert draft.dateline_name == "أربيل"
    assert draft.external_id == "مقابلة رووداو"
    assert draft.original_bytes == data


def test_a_word_file_with_a_broken_document_part_is_refused(db):
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<not xml")
        zf.writestr("word/document.xml", "<not xml")
    [failure] = read("x.docx", out.getvalue(), catalog=Catalog())
    assert isinstance(failure, Failure)
    assert "تعذّرت قراءة ملف Word" in failure.message
