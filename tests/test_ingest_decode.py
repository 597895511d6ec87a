"""Bytes to text: every encoding Arabic files come in, and never mojibake.

A file is judged by its content, not its name: a photo called .txt is refused
with a reason, not imported as a page of garbage.
"""
import codecs
import gzip
import io
import zipfile

import pytest

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.decode import decode, decode_with_encoding
from archive.ingest.draft import Draft, Failure, IngestError
from archive.ingest.sniff import sniff

ARTICLE = (
    "القوات العراقية تحرر قرية جديدة من داعش\n\n"
    "أعلنت قيادة العمليات المشتركة اليوم أن القوات العراقية حررت قرية في محافظة نينوى "
    "من سيطرة تنظيم داعش بعد معارك استمرت ساعات، بإسناد من طيران التحالف الدولي.\n\n"
    "وأضافت القيادة أن القوات تواصل تقدمها نحو المناطق المجاورة.\n"
)


@pytest.mark.parametrize("encoded, encoding", [
    (ARTICLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be"),
    (ARTICLE.encode("cp1256"), "cp1256"),
])
def test_each_encoding_arabic_arrives_in_is_read_right(encoded, encoding):
    text, used = decode_with_encoding(encoded)
    assert text == ARTICLE
    assert used == encoding


@pytest.mark.parametrize("encoded", [
    ARTICLE.encode("utf-8"),
    codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
    ARTICLE.encode("cp1256"),
])
def test_a_file_in_any_of_them_gives_the_same_article(db, encoded):
    [draft] = read("a.txt", encoded, catalog=Catalog())
    assert isinstance(draft, Draft)
    assert draft.title == "القوات العراقية تحرر قرية جديدة من داعش"
    assert draft.body.startswith("أعلنت قيادة العمليات المشتركة")


def test_bytes_that_are_neither_utf8_nor_arabic_1256_are_refused():
    # Latin-1 French: not UTF-8, and as Windows-1256 it would be mojibake.
    latin = "Les forces irakiennes ont libéré un village près de Mossoul à l'aube. " * 3
    with pytest.raises(IngestError) as caught:
        decode(latin.encode("latin-1"))
    assert caught.value.message.startswith("تعذّرت قراءة ترميز الملف")
    assert "encoding" in caught.value.message_en


def test_random_bytes_are_refused_not_decoded_by_force():
    noise = bytes((i * 7919 + 13) % 256 for i in range(3000)).replace(b"\x00", b"\x01")
    with pytest.raises(IngestError):
        decode(noise)


def test_utf8_arabic_saved_again_as_latin1_mojibake_is_refused():
    mojibake = ARTICLE.encode("utf-8").decode("cp1252", errors="ignore").encode("utf-8")
    with pytest.raises(IngestError) as caught:
        decode(mojibake)
    assert "تعذّرت قراءة ترميز الملف" in caught.value.message


def test_a_stray_end_of_file_mark_is_dropped_and_the_text_kept():
    # An old editor's ^Z (0x1A) after the last paragraph, or one escape pasted with a copy.
    text = decode(ARTICLE.encode("utf-8") + b"\n\x1a" + ARTICLE.encode("utf-8") + b"\x1b")
    assert text == ARTICLE + "\n" + ARTICLE


def test_a_text_full_of_control_characters_is_still_refused():
    damaged = "".join(word + "\x1a" for word in ARTICLE.split())
    with pytest.raises(IngestError) as caught:
        decode(damaged.encode("utf-8"))
    assert "تعذّرت قراءة ترميز الملف" in caught.value.message


def test_nul_bytes_in_a_text_file_are_refused():
    with pytest.raises(IngestError) as caught:
        decode(ARTICLE.encode("utf-8") + b"\x00\x00" + ARTICLE.encode("utf-8"))
    assert "ليس نصاً" in caught.value.message


def test_the_message_reaches_the_user_through_read(db):
    [failure] = read("bad.txt", "Un texte français, accentué, déjà vu. " .encode("latin-1") * 5, catalog=Catalog())
    assert isinstance(failure, Failure)
    assert failure.source_name == "bad.txt"
    assert failure.message.startswith("تعذّرت قراءة ترميز الملف")


# --- sniffing: the content decides, not the name ------------------------------

def _docx_bytes():
    import docx

    document = docx.Document()
    document.add_paragraph("عنوان")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _zip_bytes():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("a.txt", "نص")
    return out.getvalue()


@pytest.mark.parametrize("name, data, kind", [
    ("page.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("page.html", ARTICLE.encode(), "text"),
    ("x.bin", b'{"id": "1", "body": "x"}\n', "jsonl"),
    ("x.txt", gzip.compress(b"abc"), "gzip"),
    ("x.txt", _zip_bytes(), "zip"),
    ("x.zip", _docx_bytes(), "docx"),
    ("x.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "text"),
])
def test_the_kind_of_file_is_judged_by_its_content(name, data, kind):
    assert sniff(name, data) == kind


@pytest.mark.parametrize("data, what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, ".doc"),
])
def test_a_binary_file_called_txt_is_refused_with_what_it_is(db, data, what):
    [failure] = read("article.txt", data, catalog=Catalog())
    assert isinstance(failure, Failure)
    assert what in failure.message
    assert "article.txt" in failure.message


def test_an_unknown_binary_called_txt_is_refused_as_not_text(db):
    [failure] = read("article.txt", bytes(range(256)) * 4, catalog=Catalog())
    assert "ليس نصاً" in failure.message


def test_a_file_over_the_upload_limit_is_refused(db, settings):
    settings.UPLOAD_MAX_FILE_BYTES = 1000
    [failure] = read("big.txt", ARTICLE.encode() * 10, catalog=Catalog())
    assert "الحد" in failure.message
