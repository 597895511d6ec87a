"""Outlets and dates from evidence anywhere in a Word clipping or a JSON record, and two more
pages that are not articles (development round 7).

Word: a clipping's closing citation "(صحيفة الرياض، العدد الصادر يوم …)", a source or date line
whose outlet holds a date word ("صحيفة اليوم": "اليوم" is also "today"), a paper's lead dateline
"بغداد - الاقتصادية:", a byline "أرشيف 2018 - العربية", a date set beside a picture by a converted
page. JSON: the outlet in a CMS relation, a page-head block, a copyright value, the body's last
line; none when the record names none. Refused: a paywall whose notice shares a line with its
offer, a redirect stub; kept: a short article on a page that reloads itself.
"""
from datetime import date
import base64
import io
import json

import docx as python_docx

from archive.ingest import read
from archive.ingest.draft import Failure
from tests.test_ingest_general import (  # noqa: F401  (fixtures)
    LAST, LEAD, MIDDLE, TITLE, catalogue, read_one, slug,
)
from tests.test_ingest_unseen_habits import word_file
from tests.word_files import saved


# --- Word clippings --------------------------------------------------------------------------------------------------

def test_a_closing_citation_names_the_outlet_dates_the_article_and_leaves_the_body(catalogue):
    citation = "(صحيفة الرياض، العدد الصادر يوم الجمعة 31 يوليو 2015)"
    draft = read_one("خبر.docx", word_file([TITLE, LEAD, MIDDLE, LAST, citation]), catalogue)
    assert slug(draft) == "al-riyadh"
    assert (draft.published, draft.date_precision) == (date(2015, 7, 31), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_citation_date_wins_over_a_date_a_sentence_mentions(catalogue):
    lead = "انطلقت اليوم المرحلة الثانية من الاكتتاب التي تنتهي بنهاية تداول يوم الثلاثاء 28 يوليو 2015 وفق الشركة المشرفة."
    draft = read_one("خبر.docx", word_file([TITLE, lead, MIDDLE, LAST, "(صحيفة المدينة 26.7.2015)"]), catalogue)
    assert (slug(draft), draft.published) == ("al-madina", date(2015, 7, 26))


def test_a_quoted_source_ending_the_file_with_a_year(catalogue):
    draft = read_one("خبر.docx", word_file([TITLE, LEAD, MIDDLE, LAST, "نقلاً عن فرانس 24، 2018"]), catalogue)
    assert slug(draft) == "france-24-arabic"
    assert (draft.published, draft.date_precision) == (date(2018, 1, 1), "year")


def test_a_last_paragraph_in_brackets_that_dates_nothing_stays_in_the_body(catalogue):
    aside = "(وكانت الحكومة قد نفت هذه الأنباء في بيان سابق ودعت وسائل الإعلام إلى تحري الدقة.)"
    draft = read_one("خبر.docx", word_file([TITLE, "الأحد 12 آذار 2018", LEAD, MIDDLE, LAST, aside]), catalogue)
    assert draft.body.endswith(aside)
    assert draft.published == date(2018, 3, 12)


def test_a_citation_with_a_two_digit_year_wins_over_the_agency_the_lead_credits(catalogue):
    lead = "واس- نجران: " + LEAD
    draft = read_one("خبر.docx", word_file([TITLE, lead, MIDDLE, LAST, "(صحيفة سبق - 02/08/15)"]), catalogue)
    assert (slug(draft), draft.published) == ("sabq", date(2015, 8, 2))
    assert "02/08/15" not in draft.body


def test_a_month_and_year_beside_the_outlet_after_a_dash(catalogue):
    draft = read_one("h.docx", word_file([TITLE, "أغسطس 2018 - سي إن إن بالعربية", LEAD, MIDDLE, LAST]), catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 8, 1), "month")


def test_an_outlet_whose_name_holds_a_date_word(catalogue):
    source = read_one("a.docx", word_file([TITLE, "المصدر: صحيفة اليوم، أغسطس 2015", LEAD, MIDDLE, LAST]), catalogue)
    byline = read_one("b.docx", word_file([TITLE, "الثلاثاء 11 أغسطس 2015 — صحيفة اليوم", LEAD, MIDDLE, LAST]), catalogue)
    assert slug(source) == slug(byline) == "al-yaum"
    assert byline.published == date(2015, 8, 11)


def test_a_papers_lead_dateline_gives_its_name_without_the_kind_word(catalogue):
    lead = "بغداد - الاقتصادية: " + LEAD
    draft = read_one("c.docx", word_file([TITLE, lead, MIDDLE, LAST, "تاريخ النشر: 6 أغسطس 2015"]), catalogue)
    assert slug(draft) == "al-eqtisadiya"


def test_an_archive_byline_gives_the_year(catalogue):
    draft = read_one("d.docx", word_file([TITLE, "أرشيف 2018 - سكاي نيوز عربية", LEAD, MIDDLE, LAST]), catalogue)
    assert (slug(draft), draft.published, draft.date_precision) == ("sky-news-arabia", date(2018, 1, 1), "year")


def test_day_month_and_year_between_spaced_dashes(catalogue):
    draft = read_one("e.txt", "\n".join([TITLE, "25 - يوليو - 2015", "", LEAD, MIDDLE, LAST]), catalogue)
    assert (draft.title, draft.published) == (TITLE, date(2015, 7, 25))


def test_day_month_name_and_year_between_slashes(catalogue):
    draft = read_one("e.txt", "\n".join([TITLE, "الأحد 27/سبتمبر/2015", "", LEAD, MIDDLE, LAST]), catalogue)
    assert (draft.title, draft.published) == (TITLE, date(2015, 9, 27))


def test_a_byline_date_a_right_to_left_page_set_out_of_order(catalogue):
    draft = read_one("g.txt", "\n".join([TITLE, "GMT 20:09 2018 الثلاثاء 10 أبريل", "سامر خوري", "", LEAD, MIDDLE, LAST]),
                     catalogue)
    assert draft.published == date(2018, 4, 10)


# A 1x1 transparent PNG.
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def test_a_date_beside_a_picture_is_the_bylines_not_the_captions(catalogue):
    document = python_docx.Document()
    document.add_paragraph(TITLE)
    paragraph = document.add_paragraph("27 أبريل 2018 ")
    paragraph.add_run().add_picture(io.BytesIO(PIXEL))
    paragraph.add_run(" أرشيف - أ ف ب")
    for text in (LEAD, MIDDLE, LAST):
        document.add_paragraph(text)
    draft = read_one("f.docx", saved(document), catalogue)
    assert draft.published == date(2018, 4, 27)
    assert "أ ف ب" not in draft.body


# --- JSON records ------------------------------------------------------------------------------------------------------

BODY = "\n".join([LEAD, MIDDLE, LAST])


def record(**fields):
    return json.dumps({"title": TITLE, "content": BODY, "published": "2018-05-14T08:26:00Z", **fields}, ensure_ascii=False)


def test_a_cms_relation_names_the_outlet_inside_its_wrappers(catalogue):
    line = json.dumps({"id": 7, "attributes": json.loads(record(
        publisher={"data": {"id": 3, "attributes": {"name": "سكاي نيوز عربية", "createdAt": "2026-01-01T00:00:00Z"}}}))},
        ensure_ascii=False)
    assert slug(read_one("strapi.jsonl", line, catalogue)) == "sky-news-arabia"


def test_a_page_head_block_names_the_site_and_its_address(catalogue):
    named = record(link="https://cms.example.org/?p=3", yoast_head_json={"og_site_name": "BBC News عربي"})
    linked = record(link="https://cms.example.org/?p=4", seo={"canonical": {"href": "https://www.alarabiya.net/ar/x.html"}})
    assert slug(read_one("wp.jsonl", named, catalogue)) == "bbc-arabic"
    assert slug(read_one("cms.jsonl", linked, catalogue)) == "al-arabiya"


def test_a_copyright_value_or_a_signed_off_body_names_the_outlet(catalogue):
    rights = record(rights="© 2018 سكاي نيوز عربية")
    signed = json.dumps({"title": TITLE, "content": BODY + "\nالمصدر: فرانس 24", "date": "2018-05-14"}, ensure_ascii=False)
    assert slug(read_one("a.jsonl", rights, catalogue)) == "sky-news-arabia"
    assert slug(read_one("b.jsonl", signed, catalogue)) == "france-24-arabic"


def test_a_record_that_names_no_outlet_gets_none(catalogue):
    draft = read_one("c.jsonl", record(link="http://feedproxy.google.com/~r/feed/~3/abc/"), catalogue)
    assert (draft.outlet_id, draft.outlet_name) == (None, None)


def test_a_photo_credit_is_not_proposed_as_the_outlet(catalogue):
    draft = read_one("d.jsonl", record(image={"url": "https://x.org/a.jpg", "credit": "© مصور مستقل"}), catalogue)
    assert draft.outlet_name is None


# --- not articles, and an article that only looks like one of them ---------------------------------------------------

MENU = "<nav><a href='/'>الرئيسية</a> <a href='/p'>سياسة</a> <a href='/e'>اقتصاد</a></nav>"


def refused(name, html):
    [item] = read(name, html.encode("utf-8"))
    return isinstance(item, Failure) and item.message and item.message_en


def test_a_paywall_whose_notice_shares_a_line_with_its_offer_is_refused(catalogue):
    html = (f"<html><head><title>{TITLE}</title></head><body>{MENU}<h1>{TITLE}</h1>"
            "<p>هذا المحتوى متاح للمشتركين فقط. اشترك الآن واحصل على وصول غير محدود لجميع المقالات والتحليلات.</p>"
            "<p>شهري: 30 ريالاً</p><p>سنوي: 300 ريال</p><a href='/s'>اشترك الآن</a></body></html>")
    assert refused("p.html", html)


def test_a_paid_content_box_and_a_password_reset_form_are_refused(catalogue):
    paid = (f"<html><head><title>محتوى حصري</title></head><body>{MENU}<h1>{TITLE}</h1><p>🔒 محتوى مدفوع</p>"
            "<p>هذا التقرير متاح لمشتركي الباقة الذهبية فقط. اشترك الآن واحصل على الشهر الأول مجاناً.</p>"
            "<a href='/p'>عرض الباقات</a></body></html>")
    reset = ("<html><head><title>استعادة كلمة المرور</title></head><body><h1>نسيت كلمة المرور؟</h1>"
             "<p>أدخل بريدك الإلكتروني وسنرسل إليك رابطاً لإعادة تعيين كلمة المرور.</p><button>إرسال الرابط</button>"
             "<a href='/login'>العودة إلى تسجيل الدخول</a></body></html>")
    assert refused("paid.html", paid) and refused("reset.html", reset)


def test_a_redirect_stub_is_refused(catalogue):
    html = ("<html><head><meta http-equiv='refresh' content='0; url=https://example.org/a/1'><title>جاري التحويل...</title>"
            "</head><body><p>جاري تحويلك إلى الصفحة المطلوبة. إذا لم يتم التحويل تلقائياً <a href='/a/1'>اضغط هنا</a>.</p>"
            "</body></html>")
    [item] = read("r.html", html.encode("utf-8"))
    assert isinstance(item, Failure) and "تحويل" in item.message and "redirect" in item.message_en


def test_a_short_article_on_a_page_that_reloads_itself_is_kept(catalogue):
    html = (f"<html><head><meta http-equiv='refresh' content='300; url=https://example.org/a/1'><title>{TITLE}</title>"
            f"</head><body>{MENU}<article><h1>{TITLE}</h1><p>{LEAD}</p><p>{LAST}</p></article>"
            "<aside>اشترك في نشرتنا البريدية</aside></body></html>")
    assert read_one("k.html", html, catalogue).title == TITLE
