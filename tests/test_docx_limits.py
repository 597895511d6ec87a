"""A Word file is a zip: it is held to the same member size and ratio limits.

A 72 KB .docx whose document part unpacks to 36 MB drove a worker to 2.2 GB
and a SIGKILL. It is now refused, with the reason, before python-docx opens it,
whether it is uploaded alone, inside a zip, or imported on the server.
"""
import io
import tracemalloc
import zipfile

import docx
import pytest

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft, Failure
from archive.ingest.limits import Limits

BODY = ("أكد المتحدث باسم التحالف الدولي أن تنظيم داعش ينشط في عدد من مناطق العراق، "
        "مشيراً إلى أنه تم استهداف داعش في جبل قرجوغ وحدود الموصل.")


def word_file(padding=0):
    """A real .docx; ``padding`` bytes of blank space inside its document part."""
    document = docx.Document()
    for paragraph in ("خبر عن الموصل", BODY, BODY + " وقال إن العمليات مستمرة."):
        document.add_paragraph(paragraph)
    plain = io.BytesIO()
    document.save(plain)
    if not padding:
        return plain.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b" " * padding + b"</w:body>")
            target.writestr(info.filename, data, compresslevel=9)
    return out.getvalue()


@pytest.fixture
def catalog(db):
    return Catalog()


def test_an_ordinary_word_file_is_read(catalog):
    [draft] = read("خبر.docx", word_file(), catalog=catalog)
    assert isinstance(draft, Draft) and BODY in draft.body


def test_a_word_file_that_unpacks_to_36_mb_is_refused_without_unpacking_it(catalog):
    bomb = word_file(padding=36 * 1024 * 1024)
    assert len(bomb) < 100 * 1024  # a small file on the wire
    tracemalloc.start()
    try:
        [failure] = read("قنبلة.docx", bomb, catalog=catalog)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(failure, Failure)
    assert "قنبلة ضغط" in failure.message
    assert "word/document.xml" in failure.message
    # Nothing near the 36 MB it would unpack to was ever held in memory.
    assert peak < 8 * 1024 * 1024


def test_a_word_bomb_inside_a_zip_is_refused_and_the_other_members_are_read(catalog):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("سليم.docx", word_file())
        zf.writestr("قنبلة.docx", word_file(padding=36 * 1024 * 1024))
    items = read("دفعة.zip", archive.getvalue(), catalog=catalog)
    drafts = [i for i in items if isinstance(i, Draft)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [d.source_name for d in drafts] == ["دفعة.zip/سليم.docx"]
    assert [f.source_name for f in failures] == ["دفعة.zip/قنبلة.docx"]
    assert "قنبلة ضغط" in failures[0].message


def test_import_articles_keeps_the_ratio_limit_for_word_files(catalog):
    [failure] = read("قنبلة.docx", word_file(padding=36 * 1024 * 1024), catalog=catalog, limits=Limits.command())
    assert isinstance(failure, Failure) and "قنبلة ضغط" in failure.message


def test_a_word_file_unpacking_past_the_upload_total_is_refused(catalog, settings):
    settings.UPLOAD_MAX_ZIP_TOTAL_BYTES = 20 * 1024
    [failure] = read("كبير.docx", word_file(), catalog=catalog)
    assert isinstance(failure, Failure)
    assert "بعد فكّه" in failure.message
