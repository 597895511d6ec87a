"""Saving habits the readers were not first written against (development families J, K and L).

Browser text saves whose comment counter stands under the headline, whose
breadcrumb ends with the headline (or alone prints it, at the foot of the
page), whose "read also" box sits inside the article; Word files whose outlet
and date are in the page header, the file's author, an agency dateline in the
lead, a last line "نشر بتاريخ … في Outlet", a date in words or a year in
brackets; and articles whose first or last paragraph is short, which the
furniture rules must keep.
"""
from datetime import date
import io

import docx as python_docx

from archive.ingest import dates
from archive.ingest.lines import crumb_headline, is_menu
from tests.test_ingest_general import (  # noqa: F401  (fixtures)
    LAST, LEAD, MIDDLE, TITLE, catalogue, read_one, slug,
)
from tests.word_files import saved

RELATED = "وزير الخارجية الأمريكي يصل إلى بغداد في زيارة غير معلنة"


def word_file(paragraphs, header=None, author=None):
    document = python_docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if author:
        document.core_properties.author = author
    return saved(document)


# --- text saves ----------------------------------------------------------------------------------------------------

def test_comment_and_view_counters_under_the_headline_do_not_end_the_article(catalogue):
    text = "\n".join(["بي بي سي عربي", "بحث", "", TITLE, "10/02/2018 | 07:25", "8,490 مشاهدة", "5 تعليق", "",
                      LEAD, MIDDLE, LAST, "", "شارك 57", "39 تعليقاً", RELATED])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert (draft.published, slug(draft)) == (date(2018, 2, 10), "bbc-arabic")


def test_a_comments_link_in_the_share_bar_under_the_byline_does_not_end_the_article(catalogue):
    text = "\n".join(["الرئيسية", "أخبار العالم", TITLE, "بقلم: رنا الخطيب", "آخر تحديث: 06/08/2015 - 08:19",
                      "شارك هذا المقال", "تعليقات", "نسخ رابط المقال", "", LEAD, "", MIDDLE, "", LAST, "",
                      "التعليقات", "أضف تعليقك"])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_slash_breadcrumb_ending_with_the_headline_is_furniture(catalogue):
    text = "\n".join(["سكاي نيوز عربية", f"الرئيسية / سوريا / {TITLE}", "", TITLE, "12/03/2018 | 10:22", "",
                      LEAD, MIDDLE, LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_headline_printed_only_in_the_breadcrumb_at_the_foot_of_the_page_is_the_title(catalogue):
    text = "\n".join(["Okaz", "الرئيسية", "أخبار", "سياسة", "الاثنين 12 آذار 2018", "", LEAD, MIDDLE, LAST, "",
                      "شارك", "فيسبوك", f"الرئيسية › عربي ودولي › {TITLE}", "جميع الحقوق محفوظة 2022"])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert not draft.warnings or all("العنوان مأخوذ" not in w for w in draft.warnings)
    assert "مسار التنقل" in draft.provenance["title"]
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_headline_with_a_month_in_two_names_is_no_breadcrumb():
    assert not crumb_headline("قمة بغداد في شباط/فبراير تبحث إعادة إعمار الموصل")
    assert not is_menu("قمة بغداد في شباط/فبراير تبحث إعادة إعمار الموصل")
    assert crumb_headline(f"الرئيسية › أخبار › {TITLE}") == TITLE
    assert crumb_headline("الرئيسية › «الإيني» تعلن كشفاً للغاز الطبيعي في دلتا مصر") == "«الإيني» تعلن كشفاً للغاز الطبيعي في دلتا مصر"


def test_a_read_also_box_inside_the_article_is_furniture_and_the_article_goes_on(catalogue):
    text = "\n".join([TITLE, "12 آذار 2018", "", LEAD, "إقرأ أيضا", RELATED, MIDDLE, LAST, "", "الوسوم: العراق",
                      "إقرأ أيضا", RELATED])
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


# --- Word files ------------------------------------------------------------------------------------------------------

def test_the_page_header_of_a_word_file_gives_the_outlet_and_the_date(catalogue):
    data = word_file([TITLE, LEAD, MIDDLE, LAST], header="سكاي نيوز عربية | 24 آذار 2018")
    draft = read_one("clip.docx", data, catalogue)
    assert (draft.title, slug(draft), draft.published) == (TITLE, "sky-news-arabia", date(2018, 3, 24))
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_word_files_author_names_a_catalogue_outlet_but_a_person_proposes_nothing(catalogue):
    draft = read_one("clip.docx", word_file([TITLE, "الاثنين 12 آذار 2018", LEAD, LAST], author="France 24"), catalogue)
    assert slug(draft) == "france-24-arabic"
    assert "Word" in draft.provenance["outlet"]
    draft = read_one("clip.docx", word_file([TITLE, "الاثنين 12 آذار 2018", LEAD, LAST], author="أحمد علي"), catalogue)
    assert draft.outlet_id is None and not draft.outlet_is_new


def test_an_agency_dateline_with_its_date_names_the_outlet_in_brackets(catalogue):
    lead = f"بغداد - 12 آذار/مارس 2018 (فرانس 24) - {LEAD}"
    draft = read_one("clip.docx", word_file([TITLE, lead, MIDDLE, LAST]), catalogue)
    assert (slug(draft), draft.published, draft.dateline_name) == ("france-24-arabic", date(2018, 3, 12), "بغداد")
    assert draft.body.split("\n\n")[0] == lead


def test_a_published_line_at_the_end_dates_the_article_and_names_its_outlet(catalogue):
    data = word_file([TITLE, LEAD, MIDDLE, LAST, "نشر بتاريخ الاثنين 12 آذار 2018 في بي بي سي عربي"])
    draft = read_one("clip.docx", data, catalogue)
    assert (slug(draft), draft.published, draft.date_precision) == ("bbc-arabic", date(2018, 3, 12), "day")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_date_in_words_beside_the_outlet_under_the_headline(catalogue):
    data = word_file([TITLE, "العربية.نت، الحادي والعشرين من تموز/يوليو 2015", LEAD, LAST])
    draft = read_one("clip.docx", data, catalogue)
    assert (slug(draft), draft.published) == ("al-arabiya", date(2015, 7, 21))
    assert draft.body.split("\n\n") == [LEAD, LAST]


def test_a_year_alone_in_brackets_after_the_outlet_on_the_last_line(catalogue):
    draft = read_one("clip.docx", word_file([TITLE, LEAD, MIDDLE, LAST, "فرانس 24 (2018)"]), catalogue)
    assert (slug(draft), draft.published, draft.date_precision) == ("france-24-arabic", date(2018, 1, 1), "year")
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_ordinal_days_in_words():
    assert dates.date_in_line("السادس عشر من تشرين الأول/أكتوبر 2018")[:2] == (date(2018, 10, 16), "day")
    assert dates.date_in_line("الأول من كانون الأول 2017")[:2] == (date(2017, 12, 1), "day")
    assert dates.date_in_line("الثاني والعشرين من شباط 2018")[:2] == (date(2018, 2, 22), "day")
    assert dates.date_in_line("تشرين الأول 2018")[:2] == (date(2018, 10, 1), "month")


def test_a_month_before_its_day_as_a_wordpress_widget_prints_it():
    assert dates.date_in_line("مايو 14، 2018 - 10:22")[:2] == (date(2018, 5, 14), "day")
    assert dates.date_in_line("28-فبراير-2018")[:2] == (date(2018, 2, 28), "day")
    assert dates.date_in_line("في مارس 2018 قتل 12 شخصا") is None  # a month in a sentence dates nothing


# --- short first and last paragraphs -----------------------------------------------------------------------------

def test_a_one_line_lead_and_a_short_closing_line_without_a_full_stop_are_the_article(catalogue):
    lead = "قتل 12 شخصا على الأقل في تفجير استهدف سوقا شعبية في بغداد."
    closing = "ولم تتبن أي جهة الهجوم"
    text = "\n".join(["سكاي نيوز عربية", "الرئيسية", "أخبار", "", TITLE, "12 آذار 2018", "", lead, LEAD, MIDDLE,
                      closing, "", "شارك", "تويتر", "مواضيع ذات صلة", RELATED])
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [lead, LEAD, MIDDLE, closing]
    draft = read_one("clip.docx", word_file([TITLE, "المصدر: سكاي نيوز عربية", "12/3/2018", lead, LEAD, closing]),
                     catalogue)
    assert draft.body.split("\n\n") == [lead, LEAD, closing]


# A lead that ends with no full stop (many sites print none) looks like a headline.
LEAD_NO_STOP = ("قال مسؤولون عسكريون عراقيون إن القوات الأمنية استعادت السيطرة على عدد من القرى جنوب مدينة الموصل "
                "بعد معارك عنيفة")


def test_an_html_lead_without_a_full_stop_stays_the_articles_first_paragraph(catalogue):
    for h1 in (TITLE, "القوات العراقية تستعيد قرى جنوب الموصل"):  # the <h1> as the og:title, or worded a little apart
        page = (f"<html><head><title>{TITLE}</title><meta property='og:title' content='{TITLE}'>"
                f"<meta property='og:site_name' content='سكاي نيوز عربية'></head><body><article><h1>{h1}</h1>"
                f"<p>{LEAD_NO_STOP}</p><p>{MIDDLE}</p><p>{LAST}</p></article></body></html>")
        draft = read_one("page.html", page, catalogue)
        assert draft.title == TITLE
        assert draft.body.split("\n\n") == [LEAD_NO_STOP, MIDDLE, LAST]


def test_a_text_saves_headline_is_the_line_its_tab_title_repeats(catalogue):
    text = "\n".join([f"{TITLE} - سكاي نيوز عربية", "الرئيسية", "أخبار", "", TITLE, "", LEAD_NO_STOP, "", MIDDLE,
                      "", LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == [LEAD_NO_STOP, MIDDLE, LAST]


def test_a_line_of_twenty_words_is_a_lead_whatever_it_ends_with(catalogue):
    lead = LEAD_NO_STOP + " مع مسلحي التنظيم"
    text = "\n".join(["سكاي نيوز عربية", "", TITLE, "", lead, "", MIDDLE, "", LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == [lead, MIDDLE, LAST]


def test_a_word_files_properties_date_it_only_when_its_text_does_not(catalogue):
    document = python_docx.Document()
    for paragraph in (TITLE, LEAD, LAST):
        document.add_paragraph(paragraph)
    document.core_properties.subject = "سكاي نيوز عربية - 12 آذار 2018"
    draft = read_one("clip.docx", saved(document), catalogue)
    assert (draft.published, slug(draft)) == (date(2018, 3, 12), "sky-news-arabia")
    assert "خصائص ملف Word" in draft.provenance["date"]
    document.add_paragraph("نشر بتاريخ 14 أيار 2018")
    assert read_one("clip.docx", saved(document), catalogue).published == date(2018, 5, 14)


def test_a_word_files_company_names_a_catalogue_outlet(catalogue):
    import re
    import zipfile

    data = word_file([TITLE, "الاثنين 12 آذار 2018", LEAD, LAST])
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/app.xml":
                content = re.sub(rb"</Properties>", "<Company>Okaz</Company></Properties>".encode(), content)
            target.writestr(item, content)
    assert slug(read_one("clip.docx", out.getvalue(), catalogue)) == "okaz"


def test_a_quoted_from_line_names_the_outlet_without_its_date(catalogue):
    data = word_file([TITLE, "نقلاً عن سكاي نيوز عربية - 28 فبراير 2018", LEAD, MIDDLE, LAST])
    draft = read_one("clip.docx", data, catalogue)
    assert (slug(draft), draft.published) == ("sky-news-arabia", date(2018, 2, 28))
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_byline_with_the_outlet_after_a_dash_names_it(catalogue):
    draft = read_one("clip.docx", word_file([TITLE, "كتب: أحمد علي - العربية.نت", "28 فبراير 2018", LEAD, LAST]),
                     catalogue)
    assert slug(draft) == "al-arabiya"


def test_a_link_on_its_own_line_is_no_paragraph_but_its_domain_names_the_outlet(catalogue):
    for link in ("الرابط: https://www.bbc.com/arabic/middleeast-43221111", "https://www.bbc.com/arabic/middleeast-43221111"):
        draft = read_one("clip.docx", word_file([TITLE, "28 فبراير 2018", LEAD, MIDDLE, LAST, link]), catalogue)
        assert (slug(draft), draft.body.split("\n\n")) == ("bbc-arabic", [LEAD, MIDDLE, LAST])
    # A link the article announces is the article's.
    announced = "ويمكن قراءة نص البيان كاملا على الرابط التالي:"
    draft = read_one("clip.docx", word_file([TITLE, "28 فبراير 2018", LEAD, announced, "https://example.org/statement"]),
                     catalogue)
    assert draft.body.split("\n\n") == [LEAD, announced, "https://example.org/statement"]


def test_a_tab_title_alone_gives_the_headline_without_the_outlets_name(catalogue):
    draft = read_one("page.txt", "\n".join([f"{TITLE} | سكاي نيوز عربية", "", LEAD, MIDDLE, LAST]), catalogue)
    assert (draft.title, slug(draft)) == (TITLE, "sky-news-arabia")
    draft = read_one("page.txt", "\n".join(["قمة ترمب - بوتين في هلسنكي تبحث الملف السوري", "", LEAD, LAST]), catalogue)
    assert draft.title == "قمة ترمب - بوتين في هلسنكي تبحث الملف السوري"  # its end names no outlet


def test_a_source_label_with_a_dash_names_the_outlet_and_proposes_no_label(catalogue):
    draft = read_one("clip.docx", word_file(["التاريخ 28-02-2018", "المصدر - الشرق الأوسط", TITLE, LEAD, LAST]), catalogue)
    assert (slug(draft), draft.outlet_is_new) == ("asharq-al-awsat", False)


def test_a_papers_name_alone_under_the_headline_names_it_when_nothing_else_does(catalogue):
    draft = read_one("clip.docx", word_file([TITLE, "الشرق الأوسط", "28 فبراير 2018", LEAD, LAST]), catalogue)
    assert slug(draft) == "asharq-al-awsat"
    # Above the headline the words are a section's label or a menu's item; a city alone names no paper.
    text = "\n".join(["الرئيسية", "العالم", "الشرق الأوسط", TITLE, "28 فبراير 2018", "", LEAD, LAST])
    assert read_one("page.txt", text, catalogue).outlet_id is None
    assert read_one("clip.docx", word_file([TITLE, "الرياض", "28 فبراير 2018", LEAD, LAST]), catalogue).outlet_id is None


def test_a_lead_printed_in_a_div_under_the_headline_is_put_back(catalogue):
    lead = LEAD  # a whole sentence
    deck = "الجيش يقول إن العملية ستستمر حتى تطهير المنطقة بالكامل"  # a deck: no full stop, short of a lead
    page = (f"<html><head><title>{TITLE}</title><meta property='og:title' content='{TITLE}'>"
            f"<meta property='og:site_name' content='سكاي نيوز عربية'></head><body><article><h1>{TITLE}</h1>"
            f"<div class='deck'>{deck}</div><div class='lead'>{lead}</div><p>{MIDDLE}</p><p>{LAST}</p>"
            f"</article></body></html>")
    # The deck is text the page prints under its headline: kept, as a page's first lines are.
    assert read_one("page.html", page, catalogue).body.split("\n\n") == [deck, lead, MIDDLE, LAST]


def test_a_deck_a_blank_line_below_the_headline_is_no_headline(catalogue):
    deck = "الجيش يقول إن العملية ستستمر حتى تطهير المنطقة بالكامل"
    text = "\n".join(["سكاي نيوز عربية", "", "الرئيسية", "", TITLE, "", deck, "", "28 فبراير 2018", "", LEAD, "", LAST])
    draft = read_one("page.txt", text, catalogue)
    assert (draft.title, draft.body.split("\n\n")) == (TITLE, [LEAD, LAST])
    # Related headlines above the headline, a blank line apart, are a list, not a headline with its deck.
    others = [RELATED, "ارتفاع أسعار النفط بعد قرار أوبك خفض الإنتاج"]
    for top in (["الأكثر قراءة", "", others[0], "", others[1]], ["اقرأ أيضا", "", others[0]]):
        text = "\n".join([*top, "", TITLE, "", "28 فبراير 2018", "", LEAD, "", LAST])
        assert read_one("page.txt", text, catalogue).title == TITLE
