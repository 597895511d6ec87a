"""Zip files, opened as if every header lied.

Good members are read; a hostile or broken member is refused with its reason
and does not stop the others; an archive that is hostile as a whole (too many
members, too big unpacked, truncated) is refused whole. A zip bomb is stopped
before it is unpacked, and a header that understates its member cannot make
the reader take more memory than the limits allow.
"""
import io
import struct
import tracemalloc
import zipfile

import pytest

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft, Failure
from tests.test_ingest_text import SEEDS, fresh_alias_index, gazetteer  # noqa: F401  (fixtures)

ARTICLE = (
    "القوات العراقية تحرر قرية جديدة من داعش\n\n"
    "أعلنت قيادة العمليات المشتركة أن القوات العراقية حررت قرية في محافظة نينوى "
    "من سيطرة تنظيم داعش بعد معارك استمرت ساعات، بإسناد من طيران التحالف الدولي.\n"
)


def make_zip(members, compression=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name)
            info.compress_type = compression
            zf.writestr(info, data)
    return out.getvalue()


def by_type(items):
    drafts = [i for i in items if isinstance(i, Draft)]
    failures = {i.source_name: i for i in items if isinstance(i, Failure)}
    return drafts, failures


def test_good_members_are_read_each_as_its_own_article(gazetteer):
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    data = make_zip([(f"seeds/{p.name}", p.read_bytes()) for p in seeds] + [("notes/", b"")])
    drafts, failures = by_type(read("batch.zip", data, catalog=Catalog()))
    assert not failures
    assert [d.external_id for d in drafts] == [p.stem for p in seeds]
    assert drafts[0].source_name == f"batch.zip/seeds/{seeds[0].name}"
    assert drafts[0].original_bytes == seeds[0].read_bytes()


def test_a_jsonl_member_gives_its_records(db):
    jsonl = '{"id": "r1", "title": "عنوان", "body": "نص المقال", "source": "x"}\n'.encode()
    drafts, failures = by_type(read("batch.zip", make_zip([("records.jsonl", jsonl)]), catalog=Catalog()))
    assert [d.external_id for d in drafts] == ["r1"]


@pytest.mark.parametrize("evil", ["../evil.txt", "a/../../evil.txt", "/etc/evil.txt", "C:\\evil.txt", "\\evil.txt"])
def test_a_member_whose_path_leaves_the_archive_is_refused_and_the_rest_read(db, evil):
    data = make_zip([("good.txt", ARTICLE.encode()), (evil, ARTICLE.encode() + b"x")])
    drafts, failures = by_type(read("batch.zip", data, catalog=Catalog()))
    assert [d.external_id for d in drafts] == ["good"]
    [failure] = failures.values()
    assert "يشير إلى خارج الأرشيف" in failure.message


def test_a_zip_bomb_is_refused_before_it_is_unpacked(db):
    bomb = make_zip([("good.txt", ARTICLE.encode()), ("zeros.txt", b"\0" * (50 * 1024 * 1024))])
    tracemalloc.start()
    try:
        items = read("bomb.zip", bomb, catalog=Catalog())
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    drafts, failures = by_type(items)
    assert [d.external_id for d in drafts] == ["good"]
    assert "قنبلة ضغط" in failures["bomb.zip/zeros.txt"].message
    assert peak < 10 * 1024 * 1024


def _understate(data, member, claimed):
    """Make the headers of ``member`` claim ``claimed`` bytes uncompressed."""
    data = bytearray(data)
    name = member.encode()
    local = data.find(b"PK\x03\x04" + data[4:4])  # first local header
    while local != -1:
        if data[local + 30: local + 30 + len(name)] == name:
            struct.pack_into("<I", data, local + 22, claimed)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        if data[central + 46: central + 46 + len(name)] == name:
            struct.pack_into("<I", data, central + 24, claimed)
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)


def test_a_header_that_understates_a_bomb_cannot_blow_memory(db):
    # The bomb claims 600 KB (a harmless ratio) but holds 50 MB of zeros.
    data = _understate(make_zip([("zeros.txt", b"\0" * (50 * 1024 * 1024))]), "zeros.txt", 600 * 1024)
    tracemalloc.start()
    try:
        [failure] = read("liar.zip", data, catalog=Catalog())
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(failure, Failure)
    assert peak < 10 * 1024 * 1024


def test_a_nested_zip_is_refused_and_the_rest_read(db):
    inner = make_zip([("inside.txt", ARTICLE.encode())])
    data = make_zip([("good.txt", ARTICLE.encode()), ("inner.zip", inner)])
    drafts, failures = by_type(read("outer.zip", data, catalog=Catalog()))
    assert [d.external_id for d in drafts] == ["good"]
    assert "ملف مضغوط داخل ملف مضغوط" in failures["outer.zip/inner.zip"].message


def test_a_truncated_zip_is_refused_with_a_clear_message(db):
    data = make_zip([("a.txt", ARTICLE.encode()), ("b.txt", ARTICLE.encode() + b"!")])
    [failure] = read("cut.zip", data[: len(data) - 30], catalog=Catalog())
    assert failure.source_name == "cut.zip"
    assert "تالف أو مقطوع" in failure.message


def test_a_member_with_damaged_data_is_refused_and_the_rest_read(db):
    data = bytearray(make_zip([("a.txt", ARTICLE.encode() * 20), ("b.txt", ARTICLE.encode())]))
    start = data.find(b"a.txt") + len("a.txt")
    data[start + 10: start + 40] = b"\xff" * 30  # inside a.txt's compressed bytes
    drafts, failures = by_type(read("hurt.zip", bytes(data), catalog=Catalog()))
    assert [d.external_id for d in drafts] == ["b"]
    assert "تالف أو مقطوع" in failures["hurt.zip/a.txt"].message


def test_too_many_members_refuse_the_whole_archive(db, settings):
    settings.UPLOAD_MAX_ZIP_MEMBERS = 3
    data = make_zip([(f"{i}.txt", ARTICLE.encode() + str(i).encode()) for i in range(4)])
    [failure] = read("many.zip", data, catalog=Catalog())
    assert "والحد 3" in failure.message


def test_too_much_unpacked_data_refuses_the_whole_archive(db, settings):
    settings.UPLOAD_MAX_ZIP_TOTAL_BYTES = 2 * 1024 * 1024
    data = make_zip([(f"{i}.txt", (ARTICLE * 3000).encode()[: 1024 * 1024]) for i in range(3)])
    [failure] = read("big.zip", data, catalog=Catalog())
    assert "بعد فكّه" in failure.message


def test_a_binary_member_is_refused_and_the_rest_read(db):
    data = make_zip([("good.txt", ARTICLE.encode()), ("photo.txt", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)])
    drafts, failures = by_type(read("mixed.zip", data, catalog=Catalog()))
    assert [d.external_id for d in drafts] == ["good"]
    assert "PNG" in failures["mixed.zip/photo.txt"].message


def test_macos_litter_is_skipped_silently(db):
    data = make_zip([("good.txt", ARTICLE.encode()), ("__MACOSX/._good.txt", b"\0\5\26\7"), (".DS_Store", b"\0")])
    assert [type(i) for i in read("mac.zip", data, catalog=Catalog())] == [Draft]


def test_two_members_with_one_name_in_two_folders_keep_two_ids(db):
    data = make_zip([("a/001.txt", ARTICLE.encode()), ("b/001.txt", ARTICLE.encode() + "وأكثر".encode())])
    drafts, _ = by_type(read("two.zip", data, catalog=Catalog()))
    assert [d.external_id for d in drafts] == ["001", "b/001"]
