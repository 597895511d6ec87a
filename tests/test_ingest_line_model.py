"""The learnt line model on text saves (``archive/ingest/line_model.py``): lines the rules keep in
the body that the model takes for furniture leave it, on furniture kinds it was never trained on too."""
import pytest

from archive.ingest import line_model
from archive.ingest.line_features import FEATURES
from archive.ingest.title_model import TITLE_FEATURES

from .test_ingest_general import LAST, LEAD, MIDDLE, TITLE, catalogue, read_one  # noqa: F401  (a fixture)

FOURTH = ("وأشار المسؤولون إلى أن العمليات العسكرية ستتواصل في المناطق المحيطة بالمدينة حتى طرد آخر عناصر "
          "التنظيم منها، مؤكدين أن القوات تتقدم بحذر لحماية المدنيين.")


def chrome_save(*blocks):
    """A browser's text save: each block a paragraph set apart by a blank line, or a list (a tuple) of lines."""
    return "\n\n".join("\n".join(b) if isinstance(b, tuple) else b for b in blocks)


@pytest.fixture
def rules_only(monkeypatch):
    monkeypatch.setattr(line_model, "MODE", "rules")


def test_the_committed_weights_are_for_the_features_the_code_computes():
    assert line_model.weights("both") and line_model.weights("model")
    assert len(line_model.weights("both")["coef"]) == len(FEATURES)
    assert len(line_model.weights("title")["coef"]) == len(TITLE_FEATURES)


# The training part never holds a related block of teaser cards (a headline and its one-sentence summary):
# the model judges them by their shape and by the words they do not share with the article.
CARDS = ("قد يهمك", "ارتفاع أسعار النفط بعد تراجع المخزونات الأميركية",
         "سجلت أسعار النفط ارتفاعا ملحوظا في الأسواق العالمية خلال تعاملات اليوم.",
         "منتخب البرازيل يفوز على سويسرا في مباراة ودية",
         "حقق المنتخب فوزا صعبا في المباراة التي أقيمت مساء أمس.")


def test_teaser_cards_under_the_article_leave_the_body(catalogue):
    text = chrome_save(TITLE, "14 مايو 2018", LEAD, MIDDLE, FOURTH, LAST, CARDS, ("من نحن", "اتصل بنا"))
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, FOURTH, LAST]


def test_the_rules_alone_keep_hashtags_the_model_drops(catalogue, rules_only):
    text = chrome_save(TITLE, "14 مايو 2018", LEAD, MIDDLE, FOURTH, LAST, "#العراق #الموصل #داعش #التحالف_الدولي")
    assert read_one("page.txt", text, catalogue).body.endswith("#التحالف_الدولي")


def test_a_related_list_of_full_sentences_under_the_article_leaves_the_body(catalogue):
    related = ("أخبار ذات صلة", "الأمم المتحدة تحذر من تدهور أوضاع النازحين في المخيمات.",
               "الحكومة تعلن خطة لإعادة إعمار المناطق المحررة.", "انطلاق مفاوضات جديدة في جنيف الأسبوع المقبل.")
    draft = read_one("page.txt", chrome_save(TITLE, "14 مايو 2018", LEAD, MIDDLE, FOURTH, LAST, related), catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, FOURTH, LAST]


def test_hashtags_after_the_article_leave_the_body(catalogue):
    text = chrome_save(TITLE, "14 مايو 2018", LEAD, MIDDLE, FOURTH, LAST, "#العراق #الموصل #داعش #التحالف_الدولي")
    assert read_one("page.txt", text, catalogue).body.endswith(LAST)


def test_the_article_a_crosshead_and_a_closing_clause_stay(catalogue):
    closing = "ولم تتبن أي جهة الهجوم"
    text = chrome_save(TITLE, "14 مايو 2018", LEAD, "عودة النازحين", MIDDLE, FOURTH, LAST, closing, ("شارك", "تويتر"))
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, "عودة النازحين", MIDDLE, FOURTH, LAST, closing]


def test_a_ticker_line_above_the_headline_is_not_the_headline(catalogue):
    ticker = "آخر الأخبار: الأمم المتحدة تحذر من تدهور أوضاع النازحين ◂ انطلاق مفاوضات جديدة في جنيف"
    text = chrome_save(("الرئيسية", "سياسة", "اقتصاد"), ticker, TITLE, "14 مايو 2018", LEAD, MIDDLE, FOURTH, LAST)
    assert read_one("page.txt", text, catalogue).title == TITLE


def test_a_short_article_of_one_sentence_and_a_closing_line_is_kept_whole(catalogue):
    # No long line anchors the article's core, and the model alone would take the lead
    # for furniture: a body the model would cut below half, or below 20 words, stays the rules'.
    lead = "قال المتحدث إن قوات التحالف الدولي تواصل دعم القوات العراقية في الموصل."
    closing = "وأضاف أن العمليات مستمرة."
    draft = read_one("short.txt", "\n".join(["خبر قصير عن الموصل", lead, closing]), catalogue)
    assert draft.body.split("\n\n") == [lead, closing]


# The block rules after the model's word (``line_model``): a heading goes with its block, and nothing
# short stays past a dropped line under the article's last sentence.
_LONG = "قال المتحدث باسم الوزارة في بيان صحفي اليوم إن القوات واصلت تقدمها في المناطق الشمالية من البلاد."


def test_a_heading_whose_block_the_model_dropped_goes_with_it():
    lines = [_LONG, "ذات صلة", "عنوان خبر آخر عن الاقتصاد", "عنوان خبر ثالث عن الرياضة", _LONG]
    assert line_model._without_orphan_headings(lines, [0, 1, 2, 3, 4], [0, 1, 4]) == [0, 4]


def test_a_crosshead_over_a_kept_paragraph_stays():
    lines = [_LONG, "تفاصيل الهجوم", _LONG]
    assert line_model._without_orphan_headings(lines, [0, 1, 2], [0, 1, 2]) == [0, 1, 2]


def test_a_short_line_past_a_dropped_one_under_the_last_sentence_leaves_but_a_continuation_stays():
    lines = [_LONG, "ماذا قال اللاعب في أول تصريح له؟!", "نهاية رحلة السلطان مع مانشستر يونايتد"]
    assert line_model._without_stray_tail(lines, [0, 1, 2], [0, 2]) == [0]
    lines[2] = "وسالونيك في قبرص"
    assert line_model._without_stray_tail(lines, [0, 1, 2], [0, 2]) == [0, 2]


# Retrained (bodies8) on pages whose furniture comes in many wordings (readers_devset_furniture): the
# wordings below are none of its training part's; the model judges them by their shape and place.
def test_latin_labels_under_the_last_sentence_leave_even_where_a_close_would_stand(catalogue):
    # Up to three short lines right under the last sentence are the article's close for the rules
    # ("والتحقيقات مستمرة", a signature); a line in Latin letters the model is sure is furniture leaves all the same.
    text = chrome_save(TITLE, "14 مايو 2018", LEAD, MIDDLE, FOURTH, LAST, ("Newsletter", "Sponsored"),
                       ("من نحن", "اتصل بنا"))
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, FOURTH, LAST]


def test_an_app_prompt_and_a_share_bar_in_new_wordings_leave_the_body(catalogue):
    text = chrome_save(TITLE, "14 مايو 2018", ("Share via", "Messenger", "Viber"), LEAD,
                       "نزّل تطبيقنا لتصلك التنبيهات العاجلة", MIDDLE, FOURTH, LAST, "3 min read")
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, FOURTH, LAST]


def test_an_article_that_closes_on_a_short_sentence_keeps_it(catalogue):
    short = "ولم تعلن أي جهة مسؤوليتها."
    text = chrome_save(TITLE, "14 مايو 2018", LEAD, MIDDLE, FOURTH, short, ("أخبار ذات صلة", "عنوان خبر آخر عن الاقتصاد"))
    draft = read_one("page.txt", text, catalogue)
    assert draft.body.split("\n\n") == [LEAD, MIDDLE, FOURTH, short]
