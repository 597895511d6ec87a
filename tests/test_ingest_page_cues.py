"""Outlets and dates of pages without metadata, wherever the page prints them.

A saved page without ``og:site_name`` or ``article:published_time`` still
says who published it and when: on the lines between its headline and its
first paragraph (a name alone, a byline with the outlet's Latin name), in
the lead's dateline (the outlet after the place), or in the file's name. A
picture's caption and the related links print other dates, which must not
count.
"""
from datetime import date

from archive.ingest import dates
from archive.ingest.file_name_dates import in_file_name
from archive.ingest.draft import Draft
from archive.ingest.outlets import dateline_cues
from tests.test_ingest_general import (  # noqa: F401  (fixtures)
    LAST, LEAD, MIDDLE, TITLE, catalogue, read_one, slug,
)
from tests.test_ingest_unseen_habits import word_file


def page(*under_headline, lead=LEAD, caption=None, after=""):
    figure = f"<figure><img src='/a.jpg'><figcaption>{caption}</figcaption></figure>" if caption else ""
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
            "<nav><a href='/'>الرئيسية</a> <a href='/n'>أخبار</a> <a href='/s'>سياسة</a></nav>"
            f"<article><h1>{TITLE}</h1>" + "".join(f"<div class='meta'>{line}</div>" for line in under_headline)
            + figure + f"<p>{lead}</p><p>{MIDDLE}</p><p>{LAST}</p></article>{after}</body></html>")


def test_an_outlets_name_alone_under_the_headline_names_it(catalogue):
    draft = read_one("a.html", page("سكاي نيوز عربية", "16 يونيو 2018"), catalogue)
    assert slug(draft) == "sky-news-arabia"
    assert draft.published == date(2018, 6, 16)


def test_a_byline_with_the_outlets_latin_name_names_it(catalogue):
    for byline in ("Ahmad Ali | Sky News Arabia", "بقلم: أحمد علي - Sky News Arabia"):
        draft = read_one("a.html", page(byline, "8 مايو 2018"), catalogue)
        assert slug(draft) == "sky-news-arabia", byline


def test_a_person_or_a_place_in_a_byline_proposes_nothing(catalogue):
    draft = read_one("a.html", page("أحمد علي | الرياض", "8 مايو 2018"), catalogue)
    assert draft.outlet_id is None and not draft.outlet_is_new


def test_the_outlet_after_the_place_in_the_leads_dateline(catalogue):
    for head in ("الرياض: سكاي نيوز عربية - ", "دمشق - «سكاي نيوز عربية»: ", "القاهرة (أ ش أ) - "):
        draft = read_one("a.html", page("16 أبريل 2018", lead=head + LEAD), catalogue)
        assert slug(draft) == ("mena" if "أ ش أ" in head else "sky-news-arabia"), head
        assert draft.body.startswith(head.strip())


def test_a_place_before_the_colon_is_not_the_paper_of_that_name():
    assert [cue.text for cue in dateline_cues("الرياض: قال مسؤول سعودي إن المحادثات ستستأنف.")][:1] == ["الرياض"]
    assert all(not cue.names_site and not cue.may_propose for cue in dateline_cues("الرياض: سكاي نيوز عربية - قال"))


def test_a_captions_date_and_the_related_links_dates_do_not_date_the_article(catalogue):
    related = "<aside><ul><li><a href='/r'>خبر ذو صلة عن الموصل</a> 30 يونيو 2018</li></ul></aside>"
    html = page(caption="عناصر من القوات الأمنية (23 أكتوبر 2017)", after=related).replace(
        "<figure>", "<figure>", 1).replace("</figure>", "</figure><div class='byline'>سكاي نيوز عربية | 29.06.2018</div>", 1)
    draft = read_one("a.html", html, catalogue)
    assert draft.published == date(2018, 6, 29)


def test_a_date_in_the_file_name_dates_a_page_that_prints_none(catalogue):
    draft = read_one("sky_20180412.html", page("سكاي نيوز عربية"), catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 4, 12), "day")
    assert "اسم الملف" in draft.provenance["date"]
    assert not any("تاريخ" in w for w in draft.warnings)
    word = read_one("2018-04-12 خبر.docx", word_file([TITLE, "سكاي نيوز عربية", LEAD, MIDDLE, LAST]), catalogue)
    assert word.published == date(2018, 4, 12)


def test_the_pages_own_date_wins_over_the_file_names():
    draft_date = in_file_name("2019-01-01_page.html")
    assert draft_date[:2] == (date(2019, 1, 1), "day")
    assert in_file_name("story_123456789.html") is None
    assert in_file_name("report-2018-13-45.html") is None


def test_the_page_date_beats_the_file_name(catalogue):
    draft = read_one("2019-01-01.html", page("سكاي نيوز عربية", "16 يونيو 2018"), catalogue)
    assert draft.published == date(2018, 6, 16)


def test_a_word_files_lead_dateline_names_the_outlet_before_properties_that_name_another(catalogue):
    draft = read_one("a.docx", word_file([TITLE, "16 أبريل 2018", "الرياض: سكاي نيوز عربية - " + LEAD, MIDDLE, LAST],
                                         author="قناة العربية"), catalogue)
    assert slug(draft) == "sky-news-arabia"


def test_a_copyright_line_with_lam_written_onto_the_name_names_the_outlet(catalogue):
    # "محفوظة لـسكاي نيوز": the لـ is the preposition, not the name's first letter.
    draft = read_one("a.docx", word_file([TITLE, "16 أبريل 2018", LEAD, MIDDLE, LAST,
                                          "جميع الحقوق محفوظة لـسكاي نيوز عربية 2018"]), catalogue)
    assert slug(draft) == "sky-news-arabia"


def test_a_numeric_date_with_spaces_around_its_dashes_dates_the_page(catalogue):
    draft = read_one("a.html", page("سكاي نيوز عربية", "نشر في : 14 - 05 - 2018"), catalogue)
    assert draft.published == date(2018, 5, 14)


# --- not an article ----------------------------------------------------------------------------------------------

def html_page(title, body):
    return (f"<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<header><a href='/'>الموقع</a></header>{body}<footer>© 2018</footer></body></html>").encode()


def refused(name, data, catalog):
    from archive.ingest import read

    items = read(name, data, catalog=catalog)
    assert items and not any(isinstance(item, Draft) for item in items), items
    assert all(item.message and item.message_en for item in items)
    return items[0]


def test_a_paywall_saved_instead_of_the_article_is_refused_with_its_reason(catalogue):
    box = ("<div class='premium'><h3>لمتابعة قراءة المقال</h3><p>سجّل دخولك أو اشترك في باقاتنا الرقمية.</p>"
           "<button>اشترك</button></div>")
    failure = refused("paywall.html", html_page(TITLE, f"<h1>{TITLE}</h1><p>{LEAD[:60]}</p>{box}"), catalogue)
    assert "اشتراك" in failure.message and "paywall" in failure.message_en
    english = f"<h1>{TITLE}</h1><p>{LEAD[:60]}...</p><div>Subscribe to continue reading. Already a subscriber? Log in</div>"
    assert "paywall" in refused("paywall_en.html", html_page(TITLE, english), catalogue).message_en


def test_a_paywall_that_lets_the_opening_show_is_refused_under_a_sites_long_menus(catalogue):
    # The reader keeps the two opening paragraphs and drops the box under them as furniture; the
    # site's menus and "most read" list make the page too long to be judged a wall as a whole.
    menus = "".join(f"<li><a href='/s{i}'>قسم الأخبار المحلية والعربية رقم {i}</a></li>" for i in range(30))
    box = "<div class='premium'><p>لمتابعة قراءة المقال اشترك الآن في باقاتنا الرقمية</p><a href='/login'>تسجيل الدخول</a></div>"
    body = f"<nav><ul>{menus}</ul></nav><article><h1>{TITLE}</h1><p>{LEAD}</p><p>{MIDDLE}</p>{box}</article>"
    failure = refused("opening.html", html_page(TITLE, body), catalogue)
    assert "paywall" in failure.message_en
    saved_text = "\n".join(["الرئيسية", "سياسة", "اقتصاد", "رياضة", "منوعات", "", TITLE, "", LEAD, "", MIDDLE, "",
                            "هذا المحتوى متاح للمشتركين فقط", "اشترك الآن", "", "الأكثر قراءة",
                            *(f"{headline} في الموصل" for headline in ("ارتفاع أسعار النفط", "افتتاح معرض الكتاب",
                                                                    "فوز المنتخب الوطني", "عودة النازحين"))])
    assert "paywall" in refused("opening.txt", saved_text.encode(), catalogue).message_en


def test_a_short_whole_article_over_a_newsletter_box_is_an_article(catalogue):
    box = "<div class='newsletter'><p>اشترك في نشرتنا البريدية للوصول إلى أحدث المقالات</p><input name='email'></div>"
    page = html_page(TITLE, f"<article><h1>{TITLE}</h1><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p>{box}</article>")
    assert isinstance(read_one("short.html", page, catalogue), Draft)


def test_an_article_that_mentions_a_subscription_is_an_article(catalogue):
    body = f"<h1>{TITLE}</h1><p>{LEAD}</p><p>{MIDDLE} وقال إن الاشتراك في المحتوى الرقمي ارتفع.</p><p>{LAST}</p>" * 2
    assert isinstance(read_one("a.html", html_page(TITLE, body), catalogue), Draft)


def test_a_search_results_page_of_teasers_is_refused(catalogue):
    teasers = "".join(f"<div><a href='/x{i}'>عنوان خبر رقم {i} عن الموصل</a><p>{LEAD[:50]} ...</p></div>" for i in range(4))
    refused("search.html", html_page("بحث", "<form><input name='q'></form><h2>نتائج البحث (4)</h2>" + teasers), catalogue)


def test_a_word_file_that_is_a_zip_of_pictures_is_refused_as_no_word_document(catalogue):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("word/media/image1.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 30)
    failure = refused("scan.docx", buf.getvalue(), catalogue)
    assert "ليس مستند Word" in failure.message


def test_a_json_file_that_holds_no_article_is_refused_in_words(catalogue):
    import json

    data = json.dumps({"version": 3, "tags": ["داعش", "الموصل"], "users": [{"name": "admin"}]}).encode()
    assert "لا نص" in refused("settings.json", data, catalogue).message


def test_a_short_article_about_a_service_for_subscribers_is_an_article(catalogue):
    lead = "أطلقت شركة الاتصالات العراقية اليوم خدمة جديدة للمشتركين في شبكة الهاتف المحمول تشمل المحافظات المحررة."
    assert isinstance(read_one("brief.txt", f"{TITLE}\n\n{lead}\n\n{LAST}", catalogue), Draft)


def test_the_sites_twitter_account_names_it_when_nothing_else_does(catalogue):
    html = page("16 يونيو 2018").replace("</title>", "</title><meta name='twitter:site' content='@aawsat_News'>", 1)
    assert slug(read_one("a.html", html, catalogue)) == "asharq-al-awsat"


def test_an_account_that_could_be_several_sites_names_none(catalogue):
    assert catalogue.outlets.find_handle("news") is None
    assert catalogue.outlets.find_handle("arabic") is None


def test_updated_printed_before_published_on_one_line_is_read_as_two():
    found = dates.find_date("تم التحديث: 27/10/2018 10:05 | نُشر: 19/10/2018 08:40")
    assert found[0] == date(2018, 10, 19)


def test_a_month_written_with_its_vowels_or_a_spreadsheets_date_is_read():
    assert dates.find_date("الإثنين، 14 أيّار 2018")[0] == date(2018, 5, 14)
    assert dates.find_date("نُشِرَ في ١٤ حُزَيْران ٢٠١٨")[0] == date(2018, 6, 14)
    assert dates.find_date("14-May-2018")[0] == date(2018, 5, 14)
