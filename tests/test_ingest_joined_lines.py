"""Bodies of text saves and pasted pages where the flattening joined furniture to the article, or where
the article ends or pauses in a shape furniture also has (bodies9): a widget joined to a paragraph's end,
a last paragraph that is a quotation, a photo's credit between two paragraphs, a prompt in another script."""
from archive.ingest.text_lines import split_joined_tail

from .test_ingest_general import LAST, LEAD, MIDDLE, TITLE, catalogue, read_one  # noqa: F401  (a fixture)
from .test_ingest_line_model import FOURTH, chrome_save

SENTENCE = "وقال المتحدث إن القوات سيطرت على الحي بعد معارك عنيفة مع مسلحي التنظيم."


def test_a_widget_joined_to_a_paragraphs_end_is_a_line_of_its_own():
    assert split_joined_tail(SENTENCE + " #داعش #العراق") == [SENTENCE, "#داعش #العراق"]
    assert split_joined_tail(SENTENCE + " Follow us on Telegram") == [SENTENCE, "Follow us on Telegram"]
    assert split_joined_tail(SENTENCE + " منذ 7 دقائق") == [SENTENCE, "منذ 7 دقائق"]
    assert split_joined_tail(SENTENCE + " التعليقات (12)") == [SENTENCE, "التعليقات (12)"]
    assert split_joined_tail(SENTENCE + " كن أول من يعرف: تابعنا") == [SENTENCE, "كن أول من يعرف: تابعنا"]
    # A tail the rules read as the page's on its own line ("اقرأ المزيد") is cut as well.
    assert split_joined_tail(SENTENCE + " اقرأ المزيد") == [SENTENCE, "اقرأ المزيد"]
    assert split_joined_tail("«لن نتراجع عن قرارنا أبدا» #الموصل #داعش") == ["«لن نتراجع عن قرارنا أبدا»", "#الموصل #داعش"]


def test_the_articles_own_words_stay_joined():
    # Plain Arabic words after the last sentence, a clause opening with و, a hashtag inside a sentence.
    for line in (SENTENCE + " والتحقيقات مستمرة", SENTENCE + " وأصيب 20 آخرون",
                 "كشف تقرير أن #الديون_السيادية للدول الناشئة هي الأكثر عرضة لارتفاع معدل #الفائدة.",
                 "عنوان قصير #وسم"):
        assert split_joined_tail(line) == [line]


def test_hashtags_and_a_prompt_joined_to_the_last_paragraph_leave_the_body(catalogue):
    for tail in ("#العراق #الموصل #التحالف_الدولي", "Follow us on Telegram", "منذ 7 دقائق"):
        text = chrome_save(TITLE, "14 مايو 2018", LEAD, MIDDLE, FOURTH, LAST + " " + tail, ("من نحن", "اتصل بنا"))
        draft = read_one("page.txt", text, catalogue)
        assert draft.body.split("\n\n") == [LEAD, MIDDLE, FOURTH, LAST], tail


def test_a_last_paragraph_that_is_a_quotation_stays(catalogue):
    for quote in ("«سنواصل القتال حتى تحرير آخر شبر من أرضنا»", "«لن نتراجع عن قرارنا».", '"المعركة لم تنته بعد"'):
        text = chrome_save(TITLE, "14 مايو 2018", LEAD, MIDDLE, FOURTH, quote, ("أخبار ذات صلة", "عنوان خبر آخر عن الاقتصاد"),
                           ("من نحن", "اتصل بنا"))
        draft = read_one("page.txt", text, catalogue)
        assert draft.body.split("\n\n") == [LEAD, MIDDLE, FOURTH, quote], quote


def test_a_photo_credit_between_two_paragraphs_leaves_and_a_crosshead_of_the_articles_words_stays(catalogue):
    text = chrome_save(TITLE, "14 مايو 2018", LEAD, "الصورة لرويترز", MIDDLE, "تفكيك العبوات", FOURTH, LAST,
                       ("أخبار ذات صلة", "عنوان خبر آخر عن الاقتصاد"))
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, "تفكيك العبوات", FOURTH, LAST]


def test_a_prompt_mostly_in_latin_letters_under_the_last_sentence_leaves(catalogue):
    text = chrome_save(TITLE, "14 مايو 2018", LEAD, MIDDLE, FOURTH, LAST, "Join us on ماسنجر", ("من نحن", "اتصل بنا"))
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, FOURTH, LAST]
