"""What the upload preview shows of the values read from each file: where each
came from, the date in words, one outlet and date for the whole batch, and a
correction that cannot be taken shown again as typed, with what is allowed."""
from django.utils.html import escape

from archive.models import Article, Outlet
from tests.test_admin_upload import admin_client, archivist, confirm, form_data, gazetteer, seed_files, upload  # noqa: F401

TEXT = ("القوات العراقية تستعيد قرى جنوب الموصل من تنظيم داعش\n"
        "بي بي سي عربي | 28 شباط/فبراير 2018\n"
        "قال مسؤولون عسكريون عراقيون إن القوات الأمنية استعادت السيطرة على عدد من القرى جنوب مدينة الموصل "
        "بعد معارك عنيفة مع مسلحي تنظيم داعش استمرت عدة أيام، وفق بيان رسمي صدر اليوم.\n"
        "ولم يصدر أي تعليق من التنظيم على هذه التطورات حتى الآن.\n").encode()


def test_each_value_says_where_it_came_from_and_the_date_reads_in_words(admin_client):
    html = upload(admin_client, [("bbc.txt", TEXT)]).content.decode()
    assert escape("«بي بي سي عربي» — سطر الكاتب والتاريخ") in html
    assert escape("«28 شباط/فبراير 2018» — رأس الصفحة") in html
    assert escape("أول سطر بشكل عنوان قبل الفقرات") in html
    assert "الأربعاء 28 شباط/فبراير 2018" in html


def test_the_date_reads_in_english_words_for_an_english_archivist(admin_client):
    from django.conf import settings

    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = upload(admin_client, [("bbc.txt", TEXT)]).content.decode()
    assert "Wednesday 28 February 2018" in html
    assert "الأربعاء 28 شباط/فبراير 2018" not in html


def test_outlet_and_date_set_once_apply_to_every_file_of_the_batch(admin_client):
    preview = upload(admin_client, seed_files()[:3])
    radio = Outlet.objects.get(slug="radio-sawa")
    assert 'name="batch-outlet"' in preview.content.decode()
    result = confirm(admin_client, preview, **{"batch-outlet": [str(radio.pk)], "batch-published": ["2017"],
                                                "batch-precision": [""]})
    assert result.status_code == 200
    assert Article.objects.count() == 3
    for article in Article.objects.all():
        assert article.outlet_id == radio.pk
        assert (article.published.isoformat(), article.date_precision) == ("2017-01-01", "year")


def test_a_date_that_cannot_be_taken_is_shown_as_typed_with_what_is_allowed(admin_client):
    preview = upload(admin_client, [("bbc.txt", TEXT)])
    again = confirm(admin_client, preview, **{"d0-published": ["28/2/2O18"]})
    html = again.content.decode()
    assert not Article.objects.exists()
    assert 'value="28/2/2O18"' in html
    assert escape("اكتبه سنة-شهر-يوم (2018-02-28)، أو سنة-شهر (2018-02) لشهر، أو سنة (2018) لسنة") in html
    # Corrected, it is saved, at the precision typed.
    data = form_data(again)
    data.update({"d0-published": ["2018-03"], "d0-precision": [""], "confirm": ["1"]})
    admin_client.post(preview.redirect_chain[-1][0], data)
    article = Article.objects.get()
    assert (article.published.isoformat(), article.date_precision) == ("2018-03-01", "month")
