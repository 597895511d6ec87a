"""Browser text saves: what Chrome's select-all-and-copy and Firefox's "Save Page As… Text Files" give.

Each test is one general habit of such saves, on small synthetic pages: Firefox
writes every link's address after its text, bullets list items, indents
headings and wraps every line at 80 columns; both browsers keep the page's
boxes (a cookie notice, a top bar with today's date, a newsletter, keywords,
"read also") around the article.
"""
from datetime import date
import textwrap

from archive.ingest.formatted_text import LINK_PLACE, is_formatted, unformat
from archive.ingest.lines import is_box_heading, is_credit_caption, is_field_line

from .test_ingest_general import LAST, LEAD, MIDDLE, TITLE, catalogue, read_one, slug  # noqa: F401

LONG_TITLE = "القوات العراقية تستعيد السيطرة على قرى جنوب الموصل بعد معارك عنيفة مع تنظيم داعش استمرت أياماً"
SITE = "https://www.okaz.com.sa"


def wrapped(text, indent=""):
    return "\n".join(textwrap.wrap(text, width=80, initial_indent=indent, subsequent_indent=indent))


def firefox_page(headline=LONG_TITLE, byline=f"محمد علي <{SITE}/author/1> 14/5/2018"):
    return "\n".join([
        f"عكاظ <{SITE}/>", "",
        f"  * سياسة <{SITE}/politics>", f"  * اقتصاد <{SITE}/economy>", f"  * رياضة <{SITE}/sports>", "", "",
        wrapped(headline, "  "), "", byline, "",
        f"  * فيسبوك <{SITE}/news/1>", f"  * تويتر <{SITE}/news/1>", "",
        wrapped(LEAD), "", wrapped(MIDDLE), "", wrapped(LAST), "", "",
        "      اقرأ أيضا", "",
        f"  * انطلاق حملة لإعادة إعمار المدارس في نينوى <{SITE}/news/2> منذ 3 ساعات",
        f"  * وصول قافلة مساعدات إلى مخيمات النازحين في الأنبار <{SITE}/news/3>", "",
        "© 2024 عكاظ", ""])


def test_a_firefox_save_gives_its_headline_whole_and_its_paragraphs_without_links(catalogue):
    assert len(LONG_TITLE) > 80  # Firefox wraps it over two indented lines
    draft = read_one("page.txt", firefox_page(), catalogue)
    assert draft.title == LONG_TITLE
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert draft.published == date(2018, 5, 14)
    assert slug(draft) == "okaz"  # the logo's link to the site's home


def test_firefox_link_lines_become_furniture_marks_and_a_linked_authors_date_stays():
    text = unformat(firefox_page())
    assert "<https://" not in text
    assert "سياسة" not in text and "انطلاق حملة" not in text  # menu items and teasers are links
    assert LINK_PLACE in text
    assert "محمد علي 14/5/2018" in text  # a byline: a short link, then the date
    assert LONG_TITLE in text.split("\n")


def test_a_text_without_firefoxs_link_marks_is_left_as_it_is():
    text = "\n".join([TITLE, "14 مايو 2018", LEAD, f"المصدر: {SITE}"])
    assert not is_formatted(text) and unformat(text) == text


def test_a_cookie_notice_above_the_page_is_no_lead(catalogue):
    lines = ["نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. بمتابعة التصفح فإنك توافق على ذلك.",
             "موافق", "الرئيسية", "سياسة", "اقتصاد", TITLE, "14 مايو 2018", "", LEAD, "", MIDDLE, "", LAST]
    draft = read_one("page.txt", "\n".join(lines), catalogue)
    assert draft.title == TITLE
    assert draft.body.startswith(LEAD)


def test_the_date_under_the_headline_wins_over_a_top_bars_date_of_the_day(catalogue):
    lines = ["الاثنين 7 ديسمبر 2026", "الرئيسية", "سياسة", TITLE, "كتب: أحمد علي", "14/5/2018", LEAD, MIDDLE, LAST]
    draft = read_one("page.txt", "\n".join(lines), catalogue)
    assert draft.published == date(2018, 5, 14)


def test_a_byline_with_a_date_and_many_names_is_header_not_body(catalogue):
    lines = [TITLE, "بي بي سي عربي / ترجمات - دبي 24 يونيو 2018", "فيسبوك", LEAD, MIDDLE, LAST]
    draft = read_one("page.txt", "\n".join(lines), catalogue)
    assert draft.body.startswith(LEAD)
    assert draft.published == date(2018, 6, 24)


def test_a_pictures_caption_with_its_credit_leaves_the_body(catalogue):
    caption = "نازحون يعودون إلى منازلهم بعد انتهاء المعارك (أسوشيتد برس)"
    lines = [TITLE, "14 مايو 2018", LEAD, caption, "(أ ف ب)", MIDDLE, LAST]
    draft = read_one("page.txt", "\n".join(lines), catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert is_credit_caption(caption) and is_credit_caption("(Getty Images)")
    assert not is_credit_caption("عكاظ (2018)")  # a year in brackets dates a page


def test_boxes_under_the_article_leave_with_their_heading(catalogue):
    boxes = ["النشرة الإخبارية", "اشترك في نشرتنا لتصلك أهم الأخبار يومياً", "اشترك",
             "حمّل التطبيق", "App Store Google Play", "كلمات مفتاحية", "داعش", "الموصل"]
    draft = read_one("page.txt", "\n".join([TITLE, "14 مايو 2018", LEAD, MIDDLE, LAST, *boxes]), catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_closing_line_and_an_authors_signature_stay(catalogue):
    lines = [TITLE, "14 مايو 2018", LEAD, MIDDLE, LAST, "والتحقيقات مستمرة", "أحمد علي", "كاتب عراقي", "شارك", "تويتر"]
    draft = read_one("page.txt", "\n".join(lines), catalogue)
    assert draft.body.endswith("والتحقيقات مستمرة\n\nأحمد علي\n\nكاتب عراقي")


def test_what_a_box_heading_is():
    assert is_box_heading("النشرة الإخبارية") and is_box_heading("إقرأ المزيد في: سوريا")
    assert not is_box_heading("والتحقيقات مستمرة")  # a clause: the article's
    assert not is_box_heading("وقال: «لن نتراجع».")
    assert not is_box_heading("14 مايو 2018")
    assert not is_box_heading("altawati@gmail.com")
    assert is_field_line("إقرأ المزيد في: سوريا")
    assert not is_field_line("http://www.example.com/article.do?id=767")  # a link the article announces


def test_a_read_also_box_of_question_headlines_leaves_the_body(catalogue):
    related = ["ما هي الشركات المتضررة من إعادة فرض العقوبات على إيران؟", "مبدعون في عيدنا مع المعاقين!"]
    lines = [TITLE, "14 مايو 2018", LEAD, "اقرأ أيضاً", *related, "وتابع البيان أن الطرق ستفتح قريباً...", MIDDLE, LAST]
    draft = read_one("page.txt", "\n".join(lines), catalogue)
    assert not any(r in draft.body for r in related)
    assert draft.body.startswith(LEAD) and draft.body.endswith(LAST)


def test_a_deck_that_exclaims_between_the_headline_and_its_date_is_no_body(catalogue):
    deck = "ترحيب الزوار.. جينا من الموصل!"
    draft = read_one("page.txt", "\n".join([TITLE, deck, "14 مايو 2018", LEAD, MIDDLE, LAST]), catalogue)
    assert draft.title == TITLE
    assert draft.body.startswith(LEAD)


def test_a_caption_or_a_videos_label_above_the_lead_is_no_body(catalogue):
    for above in (["نازحون يعودون إلى منازلهم بعد انتهاء المعارك", "فيسبوك", "تويتر"], ["شاهد: قوات الأمن في المدينة", "01:26"]):
        draft = read_one("page.txt", "\n".join([TITLE, "14 مايو 2018", *above, LEAD, MIDDLE, LAST]), catalogue)
        assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST], above


def test_published_and_updated_on_one_line_make_a_date_line(catalogue):
    dates_line = "نشر في: 09 أغسطس ,2015: 10:20 ص GST آخر تحديث: 10 أغسطس ,2015: 6:55 م GST"
    draft = read_one("page.txt", "\n".join([TITLE, "دبي - العربية.نت", dates_line, LEAD, MIDDLE, LAST]), catalogue)
    assert draft.body.startswith(LEAD)
    assert draft.published == date(2015, 8, 9)


def test_a_related_headline_after_a_more_label_and_an_embedded_tweet_leave_the_body(catalogue):
    lines = [TITLE, "14 مايو 2018", LEAD, "للمزيد: انطلاق حملة لإعادة إعمار المدارس في نينوى",
             "عودة العائلات إلى الموصل بعد التحرير pic.twitter.com/AbC123", "— أحمد علي (@news42) May 3, 2019",
             MIDDLE, LAST]
    draft = read_one("page.txt", "\n".join(lines), catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_box_of_related_headlines_between_two_paragraphs_leaves_the_body(catalogue):
    box = ["مواضيع قد تهمك", "انطلاق حملة لإعادة إعمار المدارس في نينوى", "وصول قافلة مساعدات إلى مخيمات الأنبار",
           "عودة التيار الكهربائي إلى أحياء المدينة القديمة", "نهاية"]
    draft = read_one("page.txt", "\n".join([TITLE, "14 مايو 2018", LEAD, *box, MIDDLE, LAST]), catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_crosshead_between_two_paragraphs_stays(catalogue):
    draft = read_one("page.txt", "\n".join([TITLE, "14 مايو 2018", LEAD, "عودة النازحين", MIDDLE, LAST]), catalogue)
    assert draft.body.split("\n\n") == [LEAD, "عودة النازحين", MIDDLE, LAST]


def test_a_tables_cells_on_one_line_are_lines_of_their_own(catalogue):
    # A menu row and a forum's member box beside the post, as both browsers copy a table row.
    lines = ["الرئيسية\tالعراق\tسوريا\tلبنان\tاتصل بنا", "14-05-2018, 8:33 PM\t#1", "أبو أحمد", f"المشاركات: 1636\t{TITLE}",
             "", LEAD, "", MIDDLE, "", LAST]
    draft = read_one("page.txt", "\n".join(lines), catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_firefox_keeps_the_tab_between_cells():
    row = f"الرئيسية <{SITE}/>\tالعراق <{SITE}/iraq>\tسوريا <{SITE}/syria>"
    assert unformat(f"المشاركات: 1636\t{TITLE}\n{row}\n") == f"المشاركات: 1636\t{TITLE}\n{LINK_PLACE}\n"
