"""Statement verbs the reporting lists lacked (issue 10, point 6, eighth
round): verbs of condemning, calling, warning, praising and stating taken
from Arabic grammar's verbs of saying, read only with a titled subject and
a name that may be a person's."""
import pytest

from archive.arabic import fold
from archive.speakers.clause import clauses
from archive.speakers.given_names import given_name
from archive.speakers.proposals import proposals_for
from archive.speakers.reading import _words
from archive.speakers.vocabulary import (
    NEW_STATEMENT_VERBS, REPORTING_VERBS, ROLE_VERBS, STATEMENT_VERBS, STOP,
)


def proposed(text):
    return [q.name for q in proposals_for(text, [])]


@pytest.mark.parametrize("text, name", [
    ("وندد رئيس البرلمان العراقي سليم الجبوري بعمليات القتل في المدينة.", "سليم الجبوري"),
    ("وحذر المبعوث الأممي إلى اليمن مارتن غريفيث الأطراف من مواصلة القتال.", "مارتن غريفيث"),
    ("واستنكر وزير الداخلية اللبناني نهاد المشنوق الهجوم على الحاجز.", "نهاد المشنوق"),
    ("ونعى رئيس الوزراء المصري شريف إسماعيل ضحايا الحادث.", "شريف إسماعيل"),
    ("وشجب مدير إدارة التعليم عبدالرحمن المديرس العمل الإجرامي.", "عبدالرحمن المديرس"),
    ("وأثنى وزير الخارجية الإسباني خوسيه بوريل على دور الوسطاء.", "خوسيه بوريل"),
    # an apposition after a comma: titles, ranks and words with the article
    ("وردد المفوض السامي لحقوق الإنسان، الأمير زيد بن رعد، تحذيرات الأمين العام.", "زيد بن رعد"),
    # the present and the feminine are read too
    ("وتستنكر وزيرة الخارجية السويدية مارغوت فالستروم الحملة.", "مارغوت فالستروم"),
])
def test_a_titled_person_after_a_statement_verb_is_proposed(text, name):
    assert name in proposed(text)


@pytest.mark.parametrize("text", [
    # no title: a body, or a thing
    "وندد الأزهر بالقانون في بيان أصدره الجمعة، واصفا إياه بأنه خطوة عنصرية.",
    "واستنكرت وزارة الخارجية الهجوم على السفارة.",
    # the verb's complement: a person praised or addressed
    "واعتذر رئيس النادي للداعم الأول للفريق محافظ المحافظة الأمير خالد بن سعد.",
    "اعتذر الرئيس الأمريكي دونالد ترامب للقاضي بريت كافانو خلال الحفل.",
    # a person as object: with the subject in the verb, the one urged
    "وحث الرئيس بيير نكورونزيزا على إجراء حوار مع المعارضة.",
    # a verbal noun as object: the name reader ran into it
    "واقترح رئيس وزراء كوينزلاند منح ويلسون جائزة الشجاعة.",
    # past a comma the reader left the subject for someone spoken about
    "وأثنى الرئيس الفرنسي إيمانويل ماكرون، السبت، على شجاعة الجندي الشاب ماتيو دوفال.",
    # the object right after the name: a noun with its pronoun, ب + a common word
    "وأبدى الأمير عبدالله ارتياحه من التجهيزات التي أعدها الاتحاد.",
    # the role names someone already: the one told, not the teller
    "فأخبرت مدير مدرسته حمدان العويضي بالأمر ولكني فوجئت بأنه لم يفعل شيئا.",
    # speech to come, not reported
    "ومن المنتظر أن يعلن الرئيس الأمريكي دونالد ترامب قراره الأسبوع المقبل.",
    # يدعى "is named", not يدعي "claims"
    "وقالت السلطات إن الانتحاري شاب يبلغ من العمر 20 عاما ويدعى الشيخ عبد الرحمن الأغوز.",
])
def test_a_statement_verb_without_a_titled_subject_proposes_no_one_wrong(text):
    assert proposed(text) in ([], ["إيمانويل ماكرون"], ["دونالد ترامب"])


def test_the_statement_verbs_come_in_the_forms_a_verb_has_before_its_subject():
    for word in ("ندد", "نددت", "يندد", "وندد", "فنددت", "تستنكر",
                 "دعا", "دعت", "يدعو", "تدعو", "نعى", "نعت"):
        assert fold(word) in STATEMENT_VERBS, word
    # plural and dual: the subject is in the verb, whoever follows is the object
    for word in ("نددوا", "نددا", "أدانوا", "نعوا"):
        assert fold(word) not in STATEMENT_VERBS, word
    # "she" in the present spelled as another verb's past: تردد "hesitated"
    for word in ("تردد", "تجدد", "تكشف", "تندد"):
        assert fold(word) not in STATEMENT_VERBS, word


def test_a_person_after_a_plural_verb_is_its_object():
    assert proposed("واعتبر المحلفون أنه مذنب، كما أدانوا أيضا رئيس الاتحاد خوان أنخيل نابوت.") == []


def test_no_statement_verb_is_a_particle_or_a_given_name_by_the_counts():
    # هنأ folds to هنا "here"; روى to روي "Roy"; such forms would cut names
    assert not STATEMENT_VERBS & STOP
    assert not [w for w in STATEMENT_VERBS if given_name(w)]


def test_the_new_verbs_stay_out_of_the_lists_the_other_readers_use():
    # known speakers speaking, the learnt scorer's cues, where a name ends
    assert not NEW_STATEMENT_VERBS & (ROLE_VERBS | REPORTING_VERBS)


def test_a_known_speaker_before_a_new_statement_verb_is_not_made_speaking_by_it():
    from archive.speakers.speaking import _VERBS
    assert fold("يندد") not in _VERBS


def test_a_statement_verb_with_no_person_makes_no_clause():
    # "أبدى اهتمامه … أن": no subject, so what follows is no one's words and
    # the coach after أن is not taken for someone spoken about
    text = "وأشارت الصحيفة إلى أن النادي أبدى اهتمامه باللاعب حتى أن مدرب الفريق يورغن كلوب تحدث عن ذلك علانية."
    words = _words(text)
    assert not [c for c in clauses(text, words) if words[1][c.verb] in NEW_STATEMENT_VERBS]
