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


def test_the_role_after_the_name_is_kept_as_its_role():
    text = "وقال بيتر هاريسون رئيس وحدة الأبحاث إن المخاطر تتزايد."
    person = next(c.person for c in clauses(text, _words(text)) if c.person is not None)
    assert person.role == "رئيس وحدة الأبحاث"


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
