"""Browser text saves of page designs family Q brought (fifth session of 2026-12-07).

Each test is one general habit, on a small synthetic page: a list of related
headlines of any length inside the article, a gallery's numbered captions, a
menu button beside the site's name, a picture's caption above the text, and
the story's head printed after the text.
"""
from datetime import date

from archive.ingest.boxes import read_also_box
from archive.ingest.lines import TEXT

from .test_ingest_general import LAST, LEAD, MIDDLE, TITLE, catalogue, read_one, slug  # noqa: F401

RELATED = ["انطلاق حملة لإعادة إعمار المدارس في نينوى", "وصول قافلة مساعدات إلى مخيمات النازحين في الأنبار",
           "الحكومة تعلن خطة جديدة لدعم المزارعين في الجنوب", "من هي المرأة التي قادت فريق الإنقاذ في الموصل؟",
           "ارتفاع أسعار النفط بعد تراجع المخزونات الأميركية"]


def test_a_long_read_also_list_in_a_chrome_save_leaves_the_body(catalogue):
    # Chrome parts paragraphs by a blank line and a list's items by none: the list is one box, however long,
    # and a related headline that asks ("…؟") is one of its items, not the article going on.
    text = "\n".join([TITLE, "14/5/2018", "", LEAD, "", "اقرأ أيضاً", *RELATED, "", MIDDLE, "", LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_without_blank_lines_a_read_also_box_holds_two_headlines_as_before():
    lines = ["اقرأ أيضاً", *RELATED[:3], LEAD]
    kinds = [TEXT] * len(lines)
    assert read_also_box(lines, kinds, 0) == []  # three lines with no blocks to tell a list: not taken
    assert read_also_box(lines[:1] + lines[2:], kinds[1:], 0) == [1, 2]


def test_a_gallerys_numbered_captions_are_no_body_and_the_date_under_them_is_read(catalogue):
    captions = [f"{n} / 3 قالت مصادر محلية إن القوات الأمنية أحبطت هجوما على نقطة تفتيش شمال المدينة رقم {n}."
                for n in (1, 2, 3)]
    text = "\n".join(["الرئيسية", "صور", TITLE, *captions, "", "نُشر في 14 مايو 2018", "", LEAD, "", MIDDLE, "", LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert draft.published == date(2018, 5, 14)


def test_a_menu_button_beside_the_sites_name_is_no_headline(catalogue):
    text = "\n".join(["☰ سكاي نيوز عربية", "", LEAD, "", MIDDLE, "", LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title != "☰ سكاي نيوز عربية"
    assert draft.body.startswith(LEAD)


def test_a_pictures_caption_above_the_text_is_no_headline_but_a_dated_headline_with_a_bracket_is(catalogue):
    caption = "نازحون يعودون إلى منازلهم بعد انتهاء المعارك (رويترز)"
    draft = read_one("page.txt", "\n".join(["الرئيسية", caption, "", LEAD, "", MIDDLE, "", LAST]), catalogue)
    assert draft.title != caption
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    video = "لحظة دخول القوات العراقية إلى الموصل (فيديو)"
    draft = read_one("page.txt", "\n".join([video, "14 مايو 2018", "", LEAD, "", MIDDLE, "", LAST]), catalogue)
    assert draft.title == video


def test_a_headline_printed_after_the_text_with_its_date_under_it_is_the_headline(catalogue):
    sentences = [LEAD, MIDDLE, "وأكد البيان أن العمليات العسكرية ستتواصل حتى تطهير كامل المنطقة من بقايا التنظيم.", LAST]
    text = "\n".join(["عكاظ", "سياسة", "اقتصاد", "نازحون يعودون إلى منازلهم (رويترز)", "",
                      *[s + "\n" for s in sentences], TITLE, "", "أحمد علي", "", "2018-05-14 19:30", "",
                      "شارك:", "فيسبوك", "© 2022 عكاظ"])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == sentences
    assert draft.published == date(2018, 5, 14)


def test_sentence_teasers_above_a_dated_headline_stay_out_of_the_body(catalogue):
    teasers = ["حذرت منظمات إنسانية من تدهور أوضاع النازحين مع اقتراب فصل الشتاء.",
               "أعلنت الحكومة عن خطة جديدة لإعادة إعمار المناطق المتضررة خلال العام المقبل."]
    question = "من هم العائدون إلى الموصل بعد ثلاث سنوات من النزوح والحرب؟"
    text = "\n".join(["الرئيسية", "", teasers[0], "", teasers[1], "", question, "", "2018/05/14", "",
                      LEAD, "", MIDDLE, "", LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == question
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_teasers_headline_between_the_headline_and_the_lead_gives_way_to_the_one_the_text_is_about(catalogue):
    # With no date to tell them apart, the headline-like line nearest the lead was taken; it shares no word
    # with the lead, the headline above shares several.
    teaser = "ارتفاع أسعار النفط بعد تراجع المخزونات الأميركية"
    draft = read_one("page.txt", "\n".join(["الرئيسية", "", TITLE, "", teaser, "", LEAD, "", MIDDLE, "", LAST]), catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]


def test_a_headline_sharing_a_word_with_the_lead_is_kept():
    from archive.ingest.headline_end import content_stems, headline_of_the_text

    assert {"موصل", "قوات"} <= content_stems("والقوات في الموصل")  # a clitic and the article go
    assert headline_of_the_text(TITLE, [TITLE, "ارتفاع أسعار النفط"], [LEAD]) is None
    assert headline_of_the_text("ارتفاع أسعار النفط", [TITLE, "ارتفاع أسعار النفط"], [LEAD]) == TITLE


def test_a_side_columns_summaries_with_their_dates_are_no_lead(catalogue):
    # Family R: "top stories" before the article, each a headline, a summary sentence and a date.
    side = []
    for n, (headline, summary) in enumerate(zip(RELATED[:3], [
            "قالت مصادر محلية إن القوات الأمنية أحبطت هجوما على نقطة تفتيش شمال المدينة.",
            "أعلنت الحكومة عن خطة جديدة لإعادة إعمار المناطق المتضررة خلال العام المقبل.",
            "حذرت منظمات إنسانية من تدهور أوضاع النازحين مع اقتراب فصل الشتاء."])):
        side += [headline, "", summary, "", f"{n + 2}/5/2018", ""]
    text = "\n".join(["أهم الأخبار", "", *side, TITLE, "", "عكاظ | 14/05/2018", "", LEAD, "", MIDDLE, "", LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert draft.published == date(2018, 5, 14)


def test_a_labelled_time_under_the_headline_says_it_is_one(catalogue):
    crosshead = "تفاصيل الهجوم على القرية"
    text = "\n".join(["تغطية مستمرة", "", TITLE, "", "آخر تحديث: 11:15", "", "14 مايو 2018", "", "19:15", "",
                      crosshead, "", LEAD, "", MIDDLE, "", LAST])
    draft = read_one("page.txt", text, catalogue)
    assert draft.title == TITLE
    assert draft.published == date(2018, 5, 14)


def test_the_sites_name_alone_after_the_text_and_a_labelled_address_are_no_body(catalogue):
    text = "\n".join([TITLE, "14 مايو 2018", "", LEAD, "", MIDDLE, "", LAST, "", "صحيفة عكاظ"])  # the catalogue's name
    assert read_one("page.txt", text, catalogue).body.split("\n\n") == [LEAD, MIDDLE, LAST]
    text = "\n".join([TITLE, "14 مايو 2018", "", LEAD, "", MIDDLE, "", LAST, "", "Source URL: https://www.okaz.com.sa/news/1"])
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, LAST]
    assert slug(draft) == "okaz"  # the address still names the outlet
