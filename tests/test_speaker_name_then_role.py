"""The name first, its role after it (issue 10, point 6, ninth round): right
after the verb comes a name of two to four words and then the person's
title with no comma needed — "وقال X رئيس خلية … إن", "اشتكى X زعيم حزب …
من". The title after the name is the evidence of a person (foreign given
names seldom follow a rank in the corpus, so their counts say little); the
slot must end firmly (what was said, or a preposition the verb governs)."""
import pytest

from archive.speakers.clause import clauses
from archive.speakers.proposals import proposals_for
from archive.speakers.reading import _words


def proposed(text):
    return [q.name for q in proposals_for(text, [])]


def subjects(text):
    return [c.person.name for c in clauses(text, _words(text)) if c.person is not None]


@pytest.mark.parametrize("text, name", [
    # before what was said
    ("وقال بيتر هاريسون رئيس وحدة الأبحاث في المعهد الملكي إن المخاطر تتزايد.", "بيتر هاريسون"),
    ("وأوضح ماركو فيرانتي المتحدث باسم البعثة الأوروبية أن المساعدات وصلت.", "ماركو فيرانتي"),
    # a comma between the name and its role, the first word no given name by the counts
    ("وقال ديرك فانديرفيلد، مدير المكتب الإقليمي، إن الطرق مغلقة.", "ديرك فانديرفيلد"),
    # a family name with the article ends the name right before the title
    ("من جهته، قال فاضل الكعبيني عضو مجلس المحافظة، إن القوات تقدمت.", "فاضل الكعبيني"),
    # before a preposition the verb governs
    ("واشتكى رازا تشودري زعيم حزب المعارضة من تزوير واسع.", "رازا تشودري"),
    ("ودعا كمال الدين أوزتورك زعيم الحزب إلى التهدئة.", "كمال الدين أوزتورك"),
    # one nisba with the article before the name
    ("وقال البرتغالي جواو مارتينيش رئيس النادي إن الصفقة لم تكتمل.", "جواو مارتينيش"),
])
def test_a_name_with_its_title_after_it_is_the_subject(text, name):
    assert name in subjects(text)
    assert name in proposed(text)


def test_the_role_after_the_name_is_kept_as_its_role_up_to_a_time_word():
    text = "وقال بيتر هاريسون رئيس وحدة الأبحاث إن المخاطر تتزايد."
    person = next(c.person for c in clauses(text, _words(text)) if c.person is not None)
    assert person.role == "رئيس وحدة الأبحاث"
    text = "ودعا بيتر هاريسون رئيس الوحدة الجمعة الحكومة المركزية إلى بدء حوار."
    person = next(c.person for c in clauses(text, _words(text)) if c.person is not None)
    assert (person.name, person.role) == ("بيتر هاريسون", "رئيس الوحدة")


def test_a_name_after_a_mark_is_not_the_verbs_subject():
    # "لا يمر دون رد. واتفقت X": the verb ends its sentence
    assert subjects("لا يمر دون رد. واتفقت بيتر هاريسون رئيسة الوزراء مع الرئيس الأمريكي.") == []


def test_a_name_in_quotation_marks_right_after_the_verb_is_read():
    assert "بيتر هاريسون" in subjects('وقال "بيتر هاريسون"، رئيس الوحدة، إن المخاطر تتزايد.')


def test_a_name_with_tatweel_is_left_to_the_readers_that_clean_it():
    assert "سالم سعيد كبيش" in proposed("وقال سالم سعـيد كبيش النائـب العام إن التحقيقات انتهت.")


def test_ف_and_the_article_in_a_name_is_read_by_the_counts():
    # فالح is written whole far more often than "الح" with the article: a name, not ف + ال
    assert "فالح العيساوي" in subjects("وقال فالح العيساوي عضو مجلس المحافظة إن الوضع مستقر.")


@pytest.mark.parametrize("text", [
    # a body, a place and its adjective, common nouns: no person before the title
    "وقالت وزارة الخارجية رئيس البعثة إن الاجتماع تأجل.",
    "وقالت لجنة التحقيق رئيس الوزراء إن التقرير جاهز.",
    "وقال المرصد السوري مدير الشبكة إن القصف مستمر.",
    # no title after the name: not this reading
    "وقال بيتر هاريسون في المؤتمر إن المخاطر تتزايد.",
    # one word is no name to propose
    "وقال هاريسون رئيس الوحدة إن المخاطر تتزايد.",
    # a clause inside the slot
    "وقال بيتر هاريسون رئيس الوحدة التي تتابع الملف إن المخاطر تتزايد.",
    # no firm end: the subject runs into a sentence end
    "وقال بيتر هاريسون رئيس الوحدة.",
])
def test_no_person_without_a_name_a_title_after_it_and_a_firm_end(text):
    assert not any(n.startswith(("بيتر", "وزارة", "لجنة", "المرصد", "هاريسون")) for n in subjects(text))


@pytest.mark.parametrize("text", [
    # an adverb made of a nisba (شخصيا) after one name word: the title opens the verb's object
    "وانتقد هاريسون شخصيا رئيس الوزراء الهولندي بسبب فشله في الملف.",
    # و + a title after the name is a second person, not the name's role
    "وأعرب خادم الحرمين وولي العهد عن أصدق التهاني.",
    # نقل relays (نقل عن) or moves: "جرى نقل X رئيس الوزراء السابق إلى المستشفى"
    "وقال مسؤول إنه جرى نقل بيتر هاريسون رئيس الوزراء السابق إلى المستشفى.",
])
def test_what_follows_the_name_must_be_its_own_title(text):
    assert not any(n.endswith(("شخصيا", "الحرمين")) or n == "بيتر هاريسون" for n in subjects(text))


def test_a_word_the_counts_never_see_open_a_name_is_not_its_family_name():
    # المؤسس: written with the article, never after a rank: the role begins there
    text = "ودعا بيتر هاريسون المؤسس والرئيس التنفيذي للشركة إلى المقاومة."
    assert not any(n.endswith("المؤسس") for n in subjects(text))
