"""Quoted people whom no reporting verb right before the name introduces
(issue 10, point 6): the topic of أما … فـ, and a body's name in
guillemets inside the speaker's role."""
import pytest

from archive.speakers.clause import clauses
from archive.speakers.proposals import proposals_for
from archive.speakers.reading import _words


def proposed(text):
    return [q.name for q in proposals_for(text, [])]


def subjects(text):
    return [c.person.name for c in clauses(text, _words(text)) if c.person is not None]


@pytest.mark.parametrize("text, name", [
    # أما X فـVERB: the topic is the subject of the verb فـ answers it with, a role between
    ("أما محمد سعيد آل المؤنس من قاطني حي حيدان فشدد على أهمية وقوف الجميع.", "محمد سعيد آل المؤنس"),
    ('أما داريو غوميز فقال: «لقد لطخت هذه الحادثة سمعة البطولة».', "داريو غوميز"),
    ('أما الرئيس الإيراني حسن روحاني فأكد الأحد أن الاتفاق باق.', "حسن روحاني"),
])
def test_the_topic_of_amma_answered_by_a_verb_of_speech_is_proposed(text, name):
    assert name in proposed(text)


@pytest.mark.parametrize("text", [
    "أما الطريق السريع فقد أكد المسؤولون أنه سيفتح قريبا.",              # a thing, not a person
    "أما الحكومة العراقية فقالت إن الوضع مستقر.",                        # a body
    "أما السيد حسن - بائع في محل عطارة - فيقول إن المبيعات قليلة.",       # a role in dashes
])
def test_a_topic_that_is_not_a_named_person_is_not_proposed(text):
    assert proposed(text) == []


def test_a_bodys_name_in_guillemets_inside_the_role_does_not_end_the_subject():
    text = "وقال مدير إعلام «أبين» ياسر باعزب: إن الجيش سيطر على مدينة شقرة الساحلية."
    assert subjects(text) == ["ياسر باعزب"]
    assert proposed(text) == ["ياسر باعزب"]


@pytest.mark.parametrize("text, name", [
    # guillemets that open what was said still do
    ("وقال المتحدث باسم الجيش محمد علي: «لن نسمح بذلك أبدا».", "محمد علي"),
    ("وقال الرئيس اللبناني ميشال عون «إن البلاد لن تنجر إلى الحرب».", "ميشال عون"),
])
def test_guillemets_that_open_what_was_said_still_end_the_subject(text, name):
    assert subjects(text) == [name]


@pytest.mark.parametrize("text, name", [
    ("من جهة أخرى، أكد لـ«عكاظ» وزير الإسكان ماجد الحقيل، أنه في غضون الأيام المقبلة سيتم الحل.", "ماجد الحقيل"),
    ("وقال لـ«عكاظ» المتحدث الإعلامي لهيئة الهلال الأحمر بالمنطقة خالد مرضي العنزي: إن الفرق باشرت الحادث.",
     "خالد مرضي العنزي"),
])
def test_an_outlet_in_guillemets_after_the_verb_does_not_end_the_subject(text, name):
    assert name in proposed(text)


@pytest.mark.parametrize("text", [
    # the name in guillemets right before what was said is the body's, not a person's
    "أوضح تقرير كتبه دافيد روثكوف ونشرته مجلة «فورين بوليسي» أن الاتفاق متعدد المخاطر.",
    # a comma inside the words after the guillemets: no name's run to what was said
    "بحسب خبراء تحدثوا لـ«الشرق الأوسط» نحو مليوني طفل، يعمل غالبيتهم في مهن مختلفة رغم أن القانون يمنع ذلك.",
])
def test_a_name_in_guillemets_before_what_was_said_is_not_a_speaker(text):
    assert not any(name in ("فورين بوليسي", "يعمل غالبيتهم") for name in proposed(text))
    assert subjects(text) == []
