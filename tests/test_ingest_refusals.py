"""Not an article, or too big: refused with the reason, the same way by the
upload page and ``import_articles``, and never half-read."""
from datetime import date
import io
import zipfile

import pytest
from django.core.management import call_command
from django.test import override_settings

from archive.ingest import dates, read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft, Failure
from archive.ingest.limits import Limits
from archive.models import Article

TITLE = "القوات العراقية تستعيد قرى جنوب الموصل من تنظيم داعش"
PARA = ("قال مسؤولون عسكريون عراقيون إن القوات الأمنية استعادت السيطرة على عدد من القرى جنوب مدينة الموصل "
        "بعد معارك عنيفة مع مسلحي تنظيم داعش استمرت عدة أيام، وفق بيان رسمي صدر اليوم.")
HEADLINES = [f"عنوان خبر رقم {i} عن تطورات الأوضاع في المنطقة" for i in range(10)]


@pytest.fixture
def catalog(db):
    return Catalog()


def only(items):
    [item] = items
    return item


def test_a_saved_404_page_is_refused_as_an_error_page(catalog):
    html = ("<html><head><title>الصفحة غير موجودة - 404</title></head><body><nav>"
            + "".join(f"<a href='/s{i}'>قسم {i}</a> " for i in range(8)) + "</nav>"
            "<h1>عذراً، الصفحة التي تبحث عنها غير موجودة</h1><p>ربما تم نقل الصفحة أو حذفها.</p>"
            "<h3>الأكثر قراءة</h3><ul>" + "".join(f"<li><a href='/r{i}'>{t}</a></li>" for i, t in enumerate(HEADLINES))
            + "</ul></body></html>")
    item = only(read("missing.html", html.encode(), catalog=catalog))
    assert isinstance(item, Failure)
    assert "صفحة خطأ" in item.message


def test_a_saved_404_text_is_refused(catalog):
    text = "\n".join(["الرئيسية", "أخبار", "404", "الصفحة غير موجودة", "عذراً، لم نعثر على الصفحة المطلوبة",
                      "الأكثر قراءة", *HEADLINES[:5]])
    item = only(read("missing.txt", text.encode(), catalog=catalog))
    assert isinstance(item, Failure) and "ليست مقالاً" in item.message


def test_a_section_page_of_links_is_refused_as_an_index_page(catalog):
    html = ("<html><head><title>الشرق الأوسط - أخبار</title></head><body><h1>الشرق الأوسط</h1><ul>"
            + "".join(f"<li><a href='/a{i}'>{t}</a><span>منذ {i + 1} ساعات</span></li>" for i, t in enumerate(HEADLINES))
            + "</ul></body></html>")
    item = only(read("section.html", html.encode(), catalog=catalog))
    assert isinstance(item, Failure) and "قائمة روابط" in item.message


def test_a_text_of_headlines_only_is_refused(catalog):
    item = only(read("list.txt", "\n".join(HEADLINES).encode(), catalog=catalog))
    assert isinstance(item, Failure) and "ليست مقالاً" in item.message


def test_an_article_that_mentions_404_is_still_an_article(catalog):
    text = "\n".join([TITLE, "14 مايو 2018", PARA, "وقال الجيش إن الفوج 404 شارك في العملية إلى جانب قوات أخرى من الشرطة الاتحادية.", PARA[:-1] + " أيضاً."])
    assert isinstance(only(read("a.txt", text.encode(), catalog=catalog)), Draft)


@override_settings(ARTICLE_MAX_TEXT_CHARS=2000)
def test_an_article_longer_than_the_text_limit_is_refused_in_every_format(catalog):
    long_body = "\n".join([PARA] * 20)
    text = f"{TITLE}\n14 مايو 2018\n{long_body}"
    record = ('{"id": "x1", "title": "%s", "body": "%s", "source": "skynews"}' % (TITLE, long_body.replace("\n", "\\n")))
    for name, data in [("a.txt", text.encode()), ("a.jsonl", record.encode()),
                       ("a.html", f"<html><body><h1>{TITLE}</h1>{''.join(f'<p>{PARA}</p>' for _ in range(20))}</body></html>".encode())]:
        for limits in (Limits.upload(), Limits.command()):
            item = only(read(name, data, catalog=catalog, limits=limits))
            assert isinstance(item, Failure), (name, limits)
            assert "أطول من الحد" in item.message


@override_settings(ARTICLE_MAX_TEXT_CHARS=2000)
def test_the_command_may_raise_the_text_limit(catalog):
    text = f"{TITLE}\n14 مايو 2018\n" + "\n".join([PARA] * 20)
    item = only(read("a.txt", text.encode(), catalog=catalog, limits=Limits.command(max_text_chars=10_000)))
    assert isinstance(item, Draft)


@override_settings(UPLOAD_MAX_FILE_BYTES=4000)
def test_the_command_holds_a_text_file_to_the_upload_size_limit_unless_raised(catalog):
    text = (f"{TITLE}\n14 مايو 2018\n" + "\n".join([PARA] * 16)).encode()
    assert len(text) > 4000
    for limits in (Limits.upload(), Limits.command()):
        item = only(read("big.txt", text, catalog=catalog, limits=limits))
        assert isinstance(item, Failure) and "والحد" in item.message
    assert isinstance(only(read("big.txt", text, catalog=catalog, limits=Limits.command(max_file_bytes=10**6))), Draft)


@override_settings(UPLOAD_MAX_FILE_BYTES=4000)
def test_a_records_file_of_any_size_is_read_by_the_command(catalog):
    lines = [('{"id": "r%d", "title": "%s %d", "body": "%s", "source": "skynews"}' % (i, TITLE, i, PARA)) for i in range(10)]
    data = "\n".join(lines).encode()
    assert len(data) > 4000
    items = read("records.jsonl", data, catalog=catalog, limits=Limits.command())
    assert len(items) == 10 and all(isinstance(i, Draft) for i in items)
    assert isinstance(only(read("records.jsonl", data, catalog=catalog, limits=Limits.upload())), Failure)


@override_settings(UPLOAD_MAX_FILE_BYTES=4000, ARTICLE_MAX_TEXT_CHARS=3000)
def test_import_articles_refuses_a_huge_text_with_its_reason(db, tmp_path, capsys):
    call_command("loaddata", "fixtures/gazetteer.json", verbosity=0)
    big = tmp_path / "big.txt"
    big.write_text(f"{TITLE}\n14 مايو 2018\n" + "\n".join([PARA] * 40), encoding="utf-8")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("import_articles", str(big), verbosity=1)
    assert not Article.objects.exists()
    out = capsys.readouterr()
    assert "big.txt" in out.out + out.err


def test_a_hijri_only_date_is_converted_on_the_umm_al_qura_calendar():
    assert dates.date_in_line("الرياض 26 شوال 1436 هـ")[:2] == (date(2015, 8, 11), "day")
    assert dates.date_in_line("1439/06/12 هـ")[:2] == (date(2018, 2, 28), "day")
    # Both calendars: the Gregorian half is the date.
    assert dates.date_in_line("26 شوال 1436 هـ الموافق 12 اغسطس 2015 م")[:2] == (date(2015, 8, 12), "day")


def test_the_footer_copyright_year_never_dates_an_article(catalog):
    text = "\n".join([TITLE, PARA, PARA[:-1] + " كذلك.", "© 2019 جميع الحقوق محفوظة"])
    draft = only(read("a.txt", text.encode(), catalog=catalog))
    assert draft.published is None


def test_what_the_preview_quotes_of_a_file_holds_no_character_a_stored_text_may_not(catalog):
    call_command("loaddata", "fixtures/gazetteer.json", verbosity=0)
    text = "\n".join([TITLE, "14 مايو 2018", PARA, PARA[:-1] + " كذلك."])
    draft = only(read("x_\ud800sabq.txt", text.encode(), catalog=Catalog()))
    assert draft.provenance.get("outlet")  # the file name named the outlet
    for value in draft.provenance.values():
        value.encode("utf-8")  # and what it quotes is storable (the staged upload writes it)


def test_an_article_that_quotes_an_error_message_in_a_sentence_is_an_article():
    # Found by the million-article benchmark: a CNN story about an imam's
    # Twitter account that showed "this page is unavailable" was refused.
    from archive.ingest.verdict import is_error_page

    body = ("دبي، الإمارات العربية المتحدة (CNN)— تداول نشطاء على مواقع التواصل الاجتماعي قضية ما وصفوه "
            "اختفاء حساب إمام معروف في تويتر، بعد ظهور رسالة عند الدخول على حسابه مفادها أن \"هذه الصفحة غير متوفرة.\"\n"
            "وانقسم النشطاء بين من قال إن السبب هو إيقاف الحساب ومن قال إنه حذف.")
    assert not is_error_page("اختفاء حساب إمام على تويتر", body)
    # The notice itself, as a saved error page prints it, is still refused.
    assert is_error_page("", "عذراً\nالصفحة غير متوفرة\nالعودة إلى الصفحة الرئيسية")


@pytest.mark.parametrize("name, data", [
    ("empty.txt", b""),
    ("blank.jsonl", b"\n  \n\n"),
    ("bom-only.html", b"\xef\xbb\xbf"),
    ("nulls.txt", b"\x00\x00\x00"),
])
def test_an_empty_file_is_refused_as_empty(catalog, name, data):
    item = only(read(name, data, catalog=catalog))
    assert isinstance(item, Failure)
    assert "فارغ" in item.message
    assert "empty" in item.message_en


def test_a_file_named_gz_that_is_not_compressed_is_refused_as_such(catalog):
    item = only(read("records.jsonl.gz", b'{"title": "x"} this is not gzip', catalog=catalog))
    assert isinstance(item, Failure)
    assert ".gz" in item.message and "not" in item.message_en
