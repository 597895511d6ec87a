"""Readers that generalise: pages in layouts the project was not written against.

Each test is one habit of real pages (a "breaking news" bar, a › breadcrumb, a
byline "Outlet | date | time", "نشر في" beside "آخر تحديث", share buttons one
per line, related headlines under the article, an outlet printed after its
dateline) read the same way from a text save, a Word file and, where it
applies, an HTML page. Outlets come from the shipped catalogue.
"""
from datetime import date

import pytest
from django.core.management import call_command

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft, Failure
from archive.models import Outlet
from tests.word_files import saved, word_file

LEAD = ("قال مسؤولون عسكريون عراقيون إن القوات الأمنية استعادت السيطرة على عدد من القرى جنوب مدينة الموصل "
        "بعد معارك عنيفة مع مسلحي تنظيم داعش استمرت عدة أيام، وفق بيان رسمي صدر اليوم.")
MIDDLE = ("وأضاف البيان أن فرق الهندسة العسكرية بدأت بتفكيك العبوات الناسفة التي زرعها التنظيم في الطرق "
          "والمنازل، وأن العائلات النازحة ستعود تدريجياً بعد تأمين المنطقة بالكامل.")
LAST = "ولم يصدر أي تعليق من التنظيم على هذه التطورات حتى الآن."
TITLE = "القوات العراقية تستعيد قرى جنوب الموصل من تنظيم داعش"


@pytest.fixture
def catalogue(db):
    call_command("loaddata", "fixtures/gazetteer.json", verbosity=0)
    call_command("load_outlets", verbosity=0)
    return Catalog()


def read_one(name, text_or_bytes, catalog) -> Draft:
    data = text_or_bytes if isinstance(text_or_bytes, bytes) else text_or_bytes.encode("utf-8")
    [item] = read(name, data, catalog=catalog)
    assert isinstance(item, Draft), item
    return item


def slug(draft):
    return Outlet.objects.get(pk=draft.outlet_id).slug if draft.outlet_id else None


def test_a_breaking_bar_and_a_breadcrumb_are_not_the_headline(catalogue):
    text = "\n".join([
        "Sky News Arabia", "عاجل | مقتل 5 في انفجار ببغداد", "الرئيسية › أخبار › الشرق الأوسط",
        TITLE, "سكاي نيوز عربية | 17/10/2018 | 01:57", "فيسبوك", "تويتر", "نسخ الرابط",
        LEAD, MIDDLE, LAST,
    ])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert slug(draft) == "sky-news-arabia"
    assert (draft.published, draft.date_precision) == (date(2018, 10, 17), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_published_wins_over_updated_whatever_their_order(catalogue):
    text = "\n".join([
        TITLE, "آخر تحديث: 15 مايو ,2019: 09:15 ص GST", "نشر في: 14 مايو ,2018: 11:26 م GST",
        LEAD, MIDDLE, LAST, "جميع الحقوق محفوظة © 2024",
    ])
    draft = read_one("page.txt", text, catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_related_headlines_under_the_share_widget_are_left_out(catalogue):
    text = "\n".join([
        TITLE, "14 مايو 2018", LEAD, MIDDLE, LAST, "كتبه: طاهر هاني", "طاهر هاني", "شارك", "فيسبوك تويتر واتساب",
        'مصادر لـCNN: قادة الجيش الأمريكي حذروا ترامب من ضرب سوريا',
        'هولاند: "فرنسا كانت جاهزة للتدخل في سوريا"',
    ])
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n")[-1] == "طاهر هاني"
    assert "ترامب" not in draft.body


def test_a_read_also_line_inside_the_article_is_left_out(catalogue):
    text = "\n".join([TITLE, "14 مايو 2018", LEAD, "اقرأ أيضاً: مقتل 5 في انفجار ببغداد", MIDDLE, LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_word_file_byline_names_the_outlet_and_the_date(catalogue):
    draft = read_one("report.docx", word_file(*[TITLE, "بي بي سي عربي | 28 شباط/فبراير 2018", LEAD, MIDDLE, LAST]), catalogue)
    assert slug(draft) == "bbc-arabic"
    assert (draft.published, draft.date_precision) == (date(2018, 2, 28), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_year_alone_is_a_date_at_year_precision_and_the_outlet_follows_its_dateline(catalogue):
    draft = read_one("report.docx", word_file(*[TITLE, "(2018)", "أبوظبي - سكاي نيوز عربية", LEAD, MIDDLE, LAST]), catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 1, 1), "year")
    assert slug(draft) == "sky-news-arabia"
    assert draft.dateline_name == "أبوظبي"


def test_a_title_suffix_is_dropped_only_when_it_names_the_site(catalogue):
    def page(title):
        return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
                f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p></body></html>")

    assert read_one("a.html", page(f"{TITLE} - Al Arabiya"), catalogue).title == TITLE
    assert read_one("b.html", page("قمة ترمب - بوتين في هلسنكي تثير قلق الحلفاء"), catalogue).title == \
        "قمة ترمب - بوتين في هلسنكي تثير قلق الحلفاء"


def test_a_page_without_site_name_is_known_by_its_canonical_domain(catalogue):
    html = (f"<html><head><title>{TITLE}</title><link rel='canonical' href='https://arabic.cnn.com/middle-east/article/1'>"
            f"</head><body><h1>{TITLE}</h1><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p></body></html>")
    assert slug(read_one("a.html", html, catalogue)) == "cnn-arabic"


def test_an_unknown_outlet_is_proposed_never_guessed(catalogue):
    text = "\n".join([TITLE, "14 مايو 2018", LEAD, MIDDLE, LAST, "المصدر: شبكة أخبار الرافدين المستقلة"])
    draft = read_one("page.txt", text, catalogue)
    assert draft.outlet_id is None and draft.outlet_is_new
    assert draft.outlet_name == "شبكة أخبار الرافدين المستقلة"


def test_a_word_files_properties_name_the_outlet_when_the_text_does_not(catalogue):
    import docx as python_docx

    document = python_docx.Document()
    for line in [TITLE, "14 مايو 2018", LEAD, MIDDLE, LAST]:
        document.add_paragraph(line)
    document.core_properties.category = "Asharq Al-Awsat"
    assert slug(read_one("report.docx", saved(document), catalogue)) == "asharq-al-awsat"


def test_the_file_name_names_the_outlet_when_nothing_else_does(catalogue):
    text = "\n".join([TITLE, "14 مايو 2018", LEAD, MIDDLE, LAST])
    assert slug(read_one("aawsat_2018-05-14_mosul.txt", text, catalogue)) == "asharq-al-awsat"
    assert read_one("what_was_said.txt", text, catalogue).outlet_id is None


def test_a_file_named_after_the_pages_title_names_the_outlet_after_its_separator(catalogue):
    """Browsers save a page as its <title>, "Headline - Outlet", writing "|" and ":" as "_"."""
    text = "\n".join([TITLE, "14 مايو 2018", LEAD, MIDDLE, LAST])
    for name, expected in [
        (f"{TITLE} - سكاي نيوز عربية.txt", "sky-news-arabia"),
        (f"{TITLE} _ Sky News Arabia.txt", "sky-news-arabia"),
        (f"{TITLE} __ الشرق الأوسط.txt", "asharq-al-awsat"),  # a bare name stands where a site names itself
    ]:
        assert slug(read_one(name, text, catalogue)) == expected, name
    # The headline's own words before the separator are not a site's name.
    assert read_one("الشرق الأوسط ينتظر - تحليل.txt", text, catalogue).outlet_id is None


# --- Headlines among other headline-like lines -------------------------------------------------------------------

OTHER_STORY = "مقتل خمسة أشخاص في انفجار سيارة مفخخة وسط بغداد"


def test_a_text_save_whose_first_lines_are_a_menu_and_a_breaking_bar_gets_the_headline_that_precedes_the_byline(catalogue):
    text = "\n".join([
        "Okaz", "الرئيسية", "أخبار", "سياسة", "رياضة", "", "عاجل", OTHER_STORY, "الرئيسية › أخبار › عربي ودولي", "",
        TITLE, "بقلم: أحمد علي", "14/05/2018 11:26 ص", "شارك على فيسبوك", "غرّد على تويتر", "تيليجرام",
        LEAD, MIDDLE, LAST, "تعليقات (0)", "الأكثر قراءة", OTHER_STORY, "© 2023 Okaz. جميع الحقوق محفوظة",
    ])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert slug(draft) == "okaz"


def test_a_headline_and_its_deck_keep_the_headline(catalogue):
    deck = "مسؤولون يقولون إن العائلات ستعود بعد تأمين المنطقة بالكامل"
    draft = read_one("page.txt", "\n".join([TITLE, deck, "14 مايو 2018", LEAD, MIDDLE, LAST]), catalogue)
    assert draft.title == TITLE


def test_a_printed_page_header_headline_and_outlet_gives_the_headline_and_the_outlet(catalogue):
    text = "\n".join([f"{TITLE} | CNN بالعربية", "", "2018/05/14", TITLE, LEAD, MIDDLE, LAST,
                      "طباعة", "https://example.org/x/1"])
    draft = read_one("printed.txt", text, catalogue)
    assert draft.title == TITLE
    assert slug(draft) == "cnn-arabic"
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_slash_breadcrumb_above_the_headline_is_furniture_and_a_quotation_is_no_breadcrumb(catalogue):
    quoted = "القرني: «التورم العلمي» أنتج التطرف"
    text = "\n".join(["الثلاثاء، 15 أيار 2018", "الرئيسية / أخبار / الشرق الأوسط", quoted, LEAD, MIDDLE, LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == quoted
    assert (draft.published, draft.date_precision) == (date(2018, 5, 15), "day")


def test_the_outlet_before_the_colon_of_the_lead_is_recognised(catalogue):
    text = "\n".join([TITLE, "14 مايو 2018", f"دبي - العربية.نت: {LEAD}", MIDDLE, LAST])
    assert slug(read_one("page.txt", text, catalogue)) == "al-arabiya"


def test_a_source_line_with_a_date_names_the_outlet_without_the_date(catalogue):
    draft = read_one("clip.docx", word_file(*[TITLE, LEAD, MIDDLE, LAST, "المصدر: عكاظ، 10 أغسطس 2015"]), catalogue)
    assert slug(draft) == "okaz"
    assert (draft.published, draft.date_precision) == (date(2015, 8, 10), "day")


def test_a_clipping_line_with_outlet_hijri_and_gregorian_dates_is_no_headline(catalogue):
    lines = ["ملف رقم 12", "CNN بالعربية - الأربعاء 18 رجب 1439هـ الموافق 4/4/2018م", TITLE, LEAD, MIDDLE, LAST]
    draft = read_one("clip.docx", word_file(*lines), catalogue)
    assert draft.title == TITLE
    assert slug(draft) == "cnn-arabic"
    assert (draft.published, draft.date_precision) == (date(2018, 4, 4), "day")


# --- HTML pages that declare little -----------------------------------------------------------------------------

def page(head, body):
    return f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_a_page_dates_itself_in_a_time_element_without_datetime(catalogue):
    html = page(f"<title>{TITLE}</title>", f"<h1 class='logo'>عكاظ</h1><h2>{TITLE}</h2><time>الاثنين 14 مايو 2018 - 11:26 ص</time>"
                f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p>")
    draft = read_one("a.html", html, catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


def test_a_date_printed_above_the_headline_counts_and_published_beats_updated(catalogue):
    html = page(f"<title>{TITLE}</title>",
                "<div><span>آخر تحديث: 20 يونيو 2018 09:00 ص</span><span>تاريخ النشر: الثلاثاء 4 رمضان 1439 هـ - 19 مايو 2018 م</span></div>"
                f"<h1>{TITLE}</h1><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p><footer>© 2024</footer>")
    draft = read_one("a.html", html, catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 5, 19), "day")


def test_a_page_without_a_printed_date_is_dated_by_its_url_path(catalogue):
    html = page(f"<title>{TITLE} | Alriyadh newspaper</title><link rel='canonical' href='https://www.alriyadh.com/2015/08/11/123.html'>",
                f"<h1>{TITLE}</h1><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p><div class='footer'>Copyright © 2019</div>")
    draft = read_one("a.html", html, catalogue)
    assert (draft.published, draft.date_precision) == (date(2015, 8, 11), "day")
    assert draft.provenance["date"].endswith("مسار الرابط الأصلي")
    assert slug(draft) == "al-riyadh"


def test_an_outlet_named_only_by_its_logo_and_copyright_line_is_recognised(catalogue):
    html = page(f"<title>{TITLE}</title>",
                f"<a href='/'><img src='/img/top.png' alt='سكاي نيوز عربية'></a><div class='article-title'>{TITLE}</div>"
                f"<div class='path'>الرئيسية / سياسة / 14-05-2018</div><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p>"
                "<div class='copy'>جميع الحقوق محفوظة لـ سكاي نيوز عربية © 2023</div>")
    draft = read_one("a.html", html, catalogue)
    assert slug(draft) == "sky-news-arabia"
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


# --- Not an article ----------------------------------------------------------------------------------------------

def refused(name, content, catalog):
    [item] = read(name, content.encode("utf-8"), catalog=catalog)
    assert isinstance(item, Failure), item
    return item


def test_a_saved_cookie_wall_is_refused_with_its_reason_in_both_languages(catalogue):
    html = page("<title>سكاي نيوز عربية</title>",
                "<div class='consent'><h2>نحن نحترم خصوصيتك</h2><p>نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. "
                "بالنقر على «موافق» فإنك توافق على استخدامنا لها.</p><button>موافق</button></div>")
    failure = refused("wall.html", html, catalogue)
    assert "ملفات تعريف الارتباط" in failure.message
    assert "cookie" in failure.message_en


def test_a_tag_page_of_teaser_cards_is_refused_as_an_index(catalogue):
    stories = [OTHER_STORY, TITLE, "التحالف الدولي يعلن تدمير مواقع للتنظيم قرب الحدود السورية",
               "الحكومة تعلن خطة لإعادة إعمار المدن المحررة خلال عامين", "مجلس الأمن يناقش الوضع الإنساني في المخيمات"]
    cards = "".join(f"<div class='card'><a href='/a{i}'><h3>{t}</h3></a><span>منذ {i + 2} ساعات</span><p>{t[:40]}...</p></div>"
                    for i, t in enumerate(stories * 2))
    failure = refused("tag.html", page("<title>داعش - آخر الأخبار</title>", f"<h1>داعش</h1>{cards}"), catalogue)
    assert "قائمة" in failure.message


def test_a_failure_speaks_english_when_the_interface_does():
    from django.utils import translation

    failure = Failure("x.html", "هذه صفحة خطأ", "This is an error page")
    with translation.override("en"):
        assert failure.shown == "This is an error page"
    with translation.override("ar"):
        assert failure.shown == "هذه صفحة خطأ"


# --- More habits: WordPress, table layouts, English dates, clippings ----------------------------------------------

def test_a_wordpress_page_is_dated_by_its_published_time_not_the_updated_one_printed_first(catalogue):
    html = page(f"<title>{TITLE}</title>",
                f"<h1 class='entry-title'>{TITLE}</h1><time class='updated' datetime='2018-06-20T10:00:00+00:00'>2018-06-20</time>"
                f"<time class='entry-date published' datetime='2018-05-14T08:00:00+00:00'>2018-05-14</time>"
                f"<div class='entry-content'><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p></div>")
    draft = read_one("wp.html", html, catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


def test_an_old_table_page_without_paragraph_tags_is_read_and_its_title_prefix_names_the_outlet(catalogue):
    html = page(f"<title>سكاي نيوز عربية | {TITLE}</title>",
                "<table><tr><td>الرئيسية - أخبار - سياسة - محليات - اقتصاد</td></tr>"
                f"<tr><td><b>{TITLE}</b></td></tr><tr><td>العدد 13997 - الاثنين 21 شوال 1436هـ - 6 أغسطس 2015م</td></tr>"
                f"<tr><td>{LEAD}<br><br>{MIDDLE}<br><br>{LAST}</td></tr></table>")
    draft = read_one("old.html", html, catalogue)
    assert draft.title == TITLE
    assert slug(draft) == "sky-news-arabia"
    assert (draft.published, draft.date_precision) == (date(2015, 8, 6), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_date_in_english_words_is_read():
    from archive.ingest import dates

    assert dates.date_in_line("May 16, 2018 10:12 AM")[:2] == (date(2018, 5, 16), "day")
    assert dates.date_in_line("Source: Okaz, 21 July 2015")[:2] == (date(2015, 7, 21), "day")
    assert dates.date_in_line("it may 2018 be") is None


def test_human_rights_in_a_lead_is_no_copyright_line():
    from archive.ingest import dates

    lead = ("الرياض 12 ذو القعدة 1439 هـ الموافق 25 يوليو 2018 م - أعلن المرصد السوري لحقوق الإنسان أن حصيلة القتلى "
            "ارتفعت إلى 220 قتيلاً")
    assert dates.date_in_line(lead)[:2] == (date(2018, 7, 25), "day")
    assert dates.date_in_line("© 2018 جميع الحقوق محفوظة") is None


def test_a_clippings_header_table_comes_before_its_headline(catalogue):
    import docx as python_docx

    document = python_docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "الصحيفة: CNN بالعربية"
    table.rows[0].cells[1].text = "التاريخ: 17 تشرين الأول 2018"
    for line in [TITLE, LEAD, MIDDLE, LAST]:
        document.add_paragraph(line)
    draft = read_one("clip.docx", saved(document), catalogue)
    assert draft.title == TITLE
    assert slug(draft) == "cnn-arabic"
    assert (draft.published, draft.date_precision) == (date(2018, 10, 17), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_site_name_printed_without_its_kind_word_is_recognised_only_where_a_page_names_itself(catalogue):
    byline = read_one("page.txt", "\n".join([TITLE, "الشرق الأوسط | 14 مايو 2018", LEAD, MIDDLE, LAST]), catalogue)
    assert slug(byline) == "asharq-al-awsat"
    menu = read_one("page.txt", "\n".join(["الشرق الأوسط", TITLE, "14 مايو 2018", LEAD, MIDDLE, LAST]), catalogue)
    assert menu.outlet_id is None


def test_a_newsletter_box_after_the_article_is_left_out(catalogue):
    text = "\n".join(["القائمة", "عكاظ", TITLE, "14.05.2018 | 11:26", LEAD, MIDDLE, LAST,
                      "اشترك في نشرتنا البريدية", "البريد الإلكتروني", "اشترك", OTHER_STORY])
    draft = read_one("mobile.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


def test_a_number_in_an_outlets_name_beside_the_date_stays_part_of_the_name(catalogue):
    draft = read_one("report.docx", word_file(*[TITLE, "فرانس 24 | 21 تموز/يوليو 2018", LEAD, MIDDLE, LAST]), catalogue)
    assert slug(draft) == "france-24-arabic"


# --- Field lines, decks, reposts, microdata, kickers ------------------------------------------------------------

def test_field_lines_under_the_headline_give_the_date_and_stay_out_of_the_body(catalogue):
    text = "\n".join(["الرئيسية | سياسة | اقتصاد | رياضة", TITLE, "الكاتب: فريق التحرير", "التاريخ: السبت 24/2/2018",
                      "القسم: سياسة", LEAD, MIDDLE, LAST, "الوسوم: أخبار، سياسة", "5 تعليقات", OTHER_STORY])
    draft = read_one("page.txt", text, catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 2, 24), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_deck_under_the_headline_and_a_papers_issue_line_are_header_not_body(catalogue):
    deck = "تفاصيل جديدة حول الخبر وردود الفعل عليه"
    lines = [TITLE, deck, "بي بي سي عربي، العدد 2706، 21 يونيو 2018", LEAD, MIDDLE, LAST]
    draft = read_one("clip.docx", word_file(*lines), catalogue)
    assert draft.title == TITLE
    assert (draft.published, draft.date_precision) == (date(2018, 6, 21), "day")
    assert slug(draft) == "bbc-arabic"
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_forum_reposts_reply_buttons_end_the_article(catalogue):
    text = "\n".join(["منقول", TITLE, "بتاريخ 14-5-2018", LEAD, MIDDLE, LAST, "رد مع اقتباس"])
    draft = read_one("repost.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


def test_a_microdata_publisher_names_the_outlet(catalogue):
    html = page(f"<title>{TITLE}</title>",
                f"<div itemscope itemtype='http://schema.org/NewsArticle'><h1 itemprop='headline'>{TITLE}</h1>"
                "<meta itemprop='datePublished' content='2018-05-14'>"
                "<span itemprop='publisher' itemscope><meta itemprop='name' content='Al Arabiya'></span>"
                f"<div itemprop='articleBody'><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p></div></div>")
    draft = read_one("a.html", html, catalogue)
    assert slug(draft) == "al-arabiya"
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


def test_a_kicker_before_the_headline_in_the_h1_stays_out_of_the_body_and_a_text_logo_names_the_outlet(catalogue):
    html = page(f"<title>{TITLE}</title><meta name='twitter:title' content='{TITLE}'>",
                f"<header><a class='logo' href='/'><span>عكاظ</span></a></header><main><h1><span>حصري</span> {TITLE}</h1>"
                f"<div>14 أيار / مايو 2018</div><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p></main>")
    draft = read_one("a.html", html, catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert slug(draft) == "okaz"


def test_a_scrapers_pub_date_field_dates_the_record(catalogue):
    import json

    record = {"title": TITLE, "text": "\n".join([LEAD, MIDDLE, LAST]), "source_name": "عكاظ", "pub_date": "2018-05-14T11:26:00Z"}
    draft = read_one("feed.jsonl", json.dumps(record, ensure_ascii=False) + "\n", catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


# --- JSON records as exports write them ---------------------------------------------------------------------------

def _record(**extra):
    return {"id": "r1", "title": TITLE, "body": "\n".join([LEAD, MIDDLE, LAST]), "source": "skynews",
            "published": "2018-02-26T02:20:10+04:00", **extra}


def _drafts(name, text, catalog):
    items = read(name, text.encode("utf-8"), catalog=catalog)
    assert all(isinstance(item, Draft) for item in items), items
    return items


def test_a_json_array_of_records_is_read_record_by_record(catalogue):
    import json

    text = json.dumps([_record(), _record(id="r2")], ensure_ascii=False, indent=2)
    drafts = _drafts("export.json", text, catalogue)
    assert [d.external_id for d in drafts] == ["r1", "r2"]
    assert all(d.published == date(2018, 2, 26) and slug(d) == "sky-news-arabia" for d in drafts)


def test_pretty_printed_records_one_after_another_are_read(catalogue):
    import json

    text = json.dumps(_record(), ensure_ascii=False, indent=2) + "\n" + json.dumps(_record(id="r2"), ensure_ascii=False, indent=2)
    assert [d.external_id for d in _drafts("export.jsonl", text, catalogue)] == ["r1", "r2"]


def test_a_body_given_as_a_list_of_paragraphs_is_joined(catalogue):
    import json

    [draft] = _drafts("feed.jsonl", json.dumps(_record(body=[LEAD, MIDDLE, LAST]), ensure_ascii=False) + "\n", catalogue)
    assert draft.body.split("\n") == [LEAD, MIDDLE, LAST]


def test_a_bad_first_line_is_named_and_the_next_records_are_read(catalogue):
    import json

    text = '{"title": "x", "body": "abc\n' + json.dumps(_record(), ensure_ascii=False) + "\n"
    items = read("feed.jsonl", text.encode("utf-8"), catalog=catalogue)
    assert isinstance(items[0], Failure) and "JSON" in items[0].message
    assert isinstance(items[1], Draft) and items[1].external_id == "r1"


def test_an_og_title_or_h1_that_is_only_the_sites_name_is_not_the_headline(catalogue):
    html = page(f"<title>{TITLE} | عكاظ</title><meta property='og:title' content='عكاظ'>",
                f"<h1>عكاظ</h1><h2>{TITLE}</h2><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p>")
    draft = read_one("a.html", html, catalogue)
    assert draft.title == TITLE
    assert slug(draft) == "okaz"


def test_a_visible_date_published_microdata_dates_the_page(catalogue):
    html = page(f"<title>{TITLE}</title>", f"<h1>{TITLE}</h1><span itemprop='datePublished'>Mon, 14 May 2018 11:26:00 GMT</span>"
                f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p>")
    draft = read_one("a.html", html, catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


# --- Updated before published on one line, e-mails, sidebars, dates at the bottom, feeds -------------------------

def test_updated_and_published_on_one_line_give_the_published_date():
    from archive.ingest import dates

    assert dates.find_date("آخر تحديث 3/4/2018 نُشر في 28/3/2018")[:2] == (date(2018, 3, 28), "day")


def test_an_outlet_and_a_year_alone_are_a_date_at_year_precision(catalogue):
    draft = read_one("clip.docx", word_file(*[TITLE, "سكاي نيوز عربية، 2018", LEAD, MIDDLE, LAST]), catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 1, 1), "year")
    assert slug(draft) == "sky-news-arabia"
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_an_article_pasted_from_an_email_is_not_dated_by_the_email(catalogue):
    lines = ["From: archive@example.org", "Sent: Monday, July 31, 2019 9:14 AM", f"Subject: {TITLE}", "",
             TITLE, "عكاظ - 31/7/2018", LEAD, MIDDLE, LAST]
    draft = read_one("mail.docx", word_file(*lines), catalogue)
    assert draft.title == TITLE
    assert (draft.published, draft.date_precision) == (date(2018, 7, 31), "day")


def test_a_most_read_list_printed_before_the_article_is_not_its_headline(catalogue):
    stories = [OTHER_STORY, "التحالف الدولي يعلن تدمير مواقع للتنظيم قرب الحدود السورية",
               "الحكومة تعلن خطة لإعادة إعمار المدن المحررة خلال عامين"]
    text = "\n".join(["الأكثر قراءة", *stories, "", TITLE, "14 مايو 2018", "", LEAD, MIDDLE, LAST,
                      "جميع الحقوق محفوظة © 2020 عكاظ"])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert slug(draft) == "okaz"


def test_a_date_printed_under_the_article_dates_it_and_leaves_the_body(catalogue):
    text = "\n".join([TITLE, "", LEAD, MIDDLE, LAST, "", "نشر بتاريخ: 22/02/2018", "المصدر: عكاظ"])
    draft = read_one("page.txt", text, catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 2, 22), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_long_question_opening_the_article_is_its_lead_not_its_headline(catalogue):
    question = ("ماذا لو شكلنا لجنة لمناصحة المتحرشين والمعاكسين على غرار لجنة مناصحة المتطرفين والتكفيريين، "
                "كم من متحرش ومعاكس سيتبين له الحق من الباطل وسيعود إلى جادة المروءة؟!")
    draft = read_one("page.txt", "\n".join([TITLE, "", question, MIDDLE, LAST]), catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n")[0] == question


def test_a_saved_news_feed_is_refused(catalogue):
    feed = ("<?xml version='1.0'?><rss><channel><title>أخبار</title>"
            + "".join(f"<item><title>{t}</title><link>https://example.org/{i}</link></item>" for i, t in enumerate([TITLE, OTHER_STORY]))
            + "</channel></rss>")
    failure = refused("feed.txt", feed, catalogue)
    assert "RSS" in failure.message


def test_an_author_meta_naming_the_site_names_the_outlet(catalogue):
    html = page(f"<title>{TITLE}</title><meta name='author' content='بي بي سي عربي'>",
                f"<h1>{TITLE}</h1><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p>")
    assert slug(read_one("a.html", html, catalogue)) == "bbc-arabic"


# --- Labelled clippings, English bylines, copyright metas, outlet lines under the headline ------------------------

def test_a_labelled_clipping_gives_its_headline_without_the_label(catalogue):
    lines = [f"العنوان: {TITLE}", "المصدر: عكاظ", "التاريخ: 2018-05-14", "النص:", LEAD, MIDDLE, LAST,
             "العنوان: حدائق التاباريس، الأشرفية، بيروت."]
    draft = read_one("clip.docx", word_file(*lines), catalogue)
    assert draft.title == TITLE
    assert slug(draft) == "okaz"
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST, "العنوان: حدائق التاباريس، الأشرفية، بيروت."]


def test_an_english_byline_names_the_outlet_after_the_author(catalogue):
    draft = read_one("clip.docx", word_file(*[TITLE, "By Ahmad Ali, Sky News Arabia", "May 14, 2018", LEAD, MIDDLE, LAST]), catalogue)
    assert slug(draft) == "sky-news-arabia"
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_copyright_meta_names_the_outlet(catalogue):
    html = page(f"<title>{TITLE}</title><meta name='copyright' content='© 2021 بي بي سي عربي'>",
                f"<h2><a href='/x'>{OTHER_STORY}</a></h2><h1>{TITLE}</h1><div>بقلم سامي خليل | 14 مايو 2018</div>"
                f"<p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p>")
    draft = read_one("a.html", html, catalogue)
    assert slug(draft) == "bbc-arabic"
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


def test_an_outlets_name_on_its_own_line_under_the_headline_stays_out_of_the_body(catalogue):
    text = "\n".join([f"{TITLE} - BBC News عربي", TITLE, "بي بي سي عربي", "14 مايو 2018", LEAD, MIDDLE, LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert slug(draft) == "bbc-arabic"
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


# --- Wrapped dumps, English interfaces, glued names, no duplicate proposals, maintenance pages ------------------

def test_a_text_dump_wrapped_at_a_fixed_width_gets_its_paragraphs_back(catalogue):
    import textwrap

    lines = [TITLE, "عكاظ - 14/5/2018", ""]
    for paragraph in (LEAD, MIDDLE, LAST):
        lines += textwrap.wrap(paragraph, 60) + [""]
    draft = read_one("dump.txt", "\n".join(lines), catalogue)
    assert draft.title == TITLE
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_list_of_headlines_of_like_length_is_not_unwrapped():
    from archive.ingest.text import unwrap

    listing = "\n".join(["مقتل خمسة أشخاص في انفجار سيارة مفخخة وسط العاصمة بغداد اليوم"] * 8)
    assert unwrap(listing) == listing


def test_an_english_interfaces_share_and_related_lines_end_the_article(catalogue):
    text = "\n".join(["Okaz", "Home | News | Sports | Opinion", TITLE, "Published: 14 May 2018", LEAD, MIDDLE, LAST,
                      "Share this article", "Related Articles", OTHER_STORY])
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


def test_a_site_name_with_the_outlet_glued_after_la_names_it(catalogue):
    html = page(f"<title>{TITLE}</title><meta property='og:site_name' content='الموقع الرسمي لـCNN بالعربية'>",
                f"<h1>{TITLE}</h1><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p>")
    draft = read_one("a.html", html, catalogue)
    assert slug(draft) == "cnn-arabic" and not draft.outlet_is_new


def test_a_source_line_naming_a_catalogue_outlet_without_its_kind_word_is_that_outlet_not_a_proposal(catalogue):
    text = "\n".join([TITLE, "14 مايو 2018", LEAD, MIDDLE, LAST, "المصدر: الشرق الأوسط"])
    draft = read_one("page.txt", text, catalogue)
    assert slug(draft) == "asharq-al-awsat" and not draft.outlet_is_new


def test_a_city_named_like_a_newspaper_in_a_header_pair_is_not_taken_for_the_newspaper(catalogue):
    text = "\n".join([TITLE, "الرياض - شبكة أخبار الرافدين المستقلة", "14 مايو 2018", LEAD, MIDDLE, LAST])
    draft = read_one("page.txt", text, catalogue)
    assert slug(draft) != "al-riyadh"


def test_a_headline_that_opens_like_a_dateline_is_still_the_headline(catalogue):
    title = '"قطار الرياض- الدمام": عندما يتجسد الفشل والفساد في مؤسسة حكومية والإخلال بعقود 612 مليون ريال تحاصرها'
    draft = read_one("page.txt", "\n".join([title, "14 مايو 2018", LEAD, MIDDLE, LAST]), catalogue)
    assert draft.title == title


def test_a_site_under_maintenance_is_refused(catalogue):
    html = page("<title>الموقع تحت الصيانة</title>", "<h1>الموقع تحت الصيانة</h1><p>نعود إليكم قريباً.</p>")
    refused("down.html", html, catalogue)


# --- Breaking labels on the headline, sign-offs, spaced colons, video pages ---------------------------------------

def test_a_headline_with_a_breaking_label_above_the_date_is_the_headline_without_the_label(catalogue):
    draft = read_one("clip.docx", word_file(*[f"عاجل: {TITLE}", "14 مايو 2018", LEAD, MIDDLE, LAST, "ـــــــ", "عكاظ"]), catalogue)
    assert draft.title == TITLE
    assert slug(draft) == "okaz"
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_an_outlet_colon_headline_title_and_a_date_in_a_definition_list(catalogue):
    html = page(f"<title>عكاظ : {TITLE}</title>",
                f"<div class='news-title'>{TITLE}</div><dl><dt>تاريخ النشر</dt><dd>14/05/2018</dd></dl>"
                f"<div><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p></div>")
    draft = read_one("a.html", html, catalogue)
    assert draft.title == TITLE
    assert slug(draft) == "okaz"
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


def test_a_video_page_of_short_headlines_is_refused(catalogue):
    text = "\n".join(["فيديو: لحظة وصول الوفد", "شاهد الفيديو", "02:35", "مشاركة", "«واتس أب».. أكاديمية المتحذلقين الجدد!",
                      OTHER_STORY, "أفراح آل خبزان الغامدي وآل جارالله الغامدي", "مورينيو راض عن أداء تشيلسي رغم الخسارة"])
    refused("video.txt", text, catalogue)


# --- Labelled dates, pagers, epoch times, login pages -------------------------------------------------------------

def test_the_publication_date_label_beats_an_event_date_above_it_and_names_no_outlet(catalogue):
    lines = [TITLE, "تاريخ الحدث: 10 مايو 2018", "تاريخ النشر: 14 مايو 2018", "الوسيلة: عكاظ", LEAD, MIDDLE, LAST]
    draft = read_one("clip.docx", word_file(*lines), catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")
    assert slug(draft) == "okaz"


def test_a_pager_under_the_article_is_furniture(catalogue):
    text = "\n".join(["عكاظ", TITLE, "2018-05-14T11:26:00+03:00", LEAD, MIDDLE, LAST, "الصفحة 1 من 1", "« السابق 1 2 3 التالي »"])
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


def test_a_records_unix_time_dates_it(catalogue):
    import json

    record = {"headline": TITLE, "article_body": "\n".join([LEAD, MIDDLE, LAST]), "publisher": "Okaz", "published": 1526299200}
    [draft] = _drafts("feed.jsonl", json.dumps(record, ensure_ascii=False) + "\n", catalogue)
    assert (draft.published, draft.date_precision) == (date(2018, 5, 14), "day")


def test_a_saved_login_page_is_refused_with_its_reason(catalogue):
    html = page("<title>تسجيل الدخول</title>", "<h1>تسجيل الدخول</h1><form><label>اسم المستخدم</label><input>"
                "<label>كلمة المرور</label><input type='password'><button>دخول</button></form>")
    failure = refused("login.html", html, catalogue)
    assert "تسجيل دخول" in failure.message and "login" in failure.message_en


def test_a_section_name_in_the_h1_gives_way_to_the_headline_the_title_tag_holds(catalogue):
    html = page(f"<title>{TITLE} - Sky News Arabia</title>",
                f"<h1>أخبار عربية ودولية</h1><h3 class='title'>{TITLE}</h3><p>{LEAD}</p><p>{MIDDLE}</p><p>{LAST}</p>")
    draft = read_one("a.html", html, catalogue)
    assert draft.title == TITLE
    assert slug(draft) == "sky-news-arabia"


def test_an_advertisement_label_inside_the_article_is_furniture(catalogue):
    text = "\n".join([TITLE, "عكاظ | 14 May 2018", LEAD, "إعلان", MIDDLE, LAST, "تابعونا على فيسبوك"])
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_lines_that_each_end_a_sentence_are_not_unwrapped():
    from archive.ingest.text import unwrap

    text = "\n".join(["هذه فقرة قصيرة من نص مكرر لاختبار حد الحجم في الاستيراد هنا."] * 10)
    assert unwrap(text) == text
