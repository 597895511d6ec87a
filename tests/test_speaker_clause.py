"""Who speaks, read from the reporting clause (archive/speakers/clause.py):
the subject between the verb and where what was said opens, its name read
back from there; names inside what was said are not speakers."""
import pytest

from archive.speakers import scorer
from archive.speakers.clause import clauses
from archive.speakers.proposals import proposals_for
from archive.speakers.reading import _words


def proposed(text):
    return [q.name for q in proposals_for(text, [])]


def subjects(text):
    return [c.person.name for c in clauses(text, _words(text)) if c.person is not None]


@pytest.mark.parametrize("text, name", [
    # a long role with a place in it: the name is what ends the subject
    ("وقال وزير البنى التحتية بولاية الخرطوم أحمد قاسم، إن إيران أوقفت تنفيذ مشاريع.", "أحمد قاسم"),
    # time words between the name and what was said are not the name's
    ("وقال وزير الخارجية الأمريكي مايك بومبيو اليوم الأربعاء إن المحادثات ستستأنف.", "مايك بومبيو"),
    # a role through a quoted company name and a rank
    ('وأوضح المدير الإقليمي لشركة "نور" للاتصالات في دول الخليج المهندس خالد حداد، أن الشبكة ستعمل قريبا.',
     "خالد حداد"),
])
def test_the_name_ending_the_subject_of_a_reporting_verb_is_proposed(text, name):
    assert subjects(text) == [name]
    assert proposed(text) == [name]


@pytest.mark.parametrize("text", [
    "وقالت صحيفة وول ستريت جورنال إن الصفقة ألغيت.",                           # a body's name
    "وقال مسؤولون أمريكيون إن واشنطن لا تتدخل في القتال.",                     # a plural, no person
    "قال المتحدث باسم الرئيس التركي رجب طيب أردوغان إن بلاده لن تسلم المدينة.",  # whose spokesman
    "وقال حزب العمال الكردستاني في يوليو الماضي: إنه سيصعد هجماته.",           # a time, not a name
])
def test_a_subject_without_a_person_names_no_one(text):
    assert subjects(text) == []


def test_a_person_named_inside_what_was_said_is_not_a_speaker():
    text = "قال الرئيس الأمريكي دونالد ترامب إن وزير الخارجية، مايك بومبيو، لم يتسلم أي تسجيل."
    assert "مايك بومبيو" not in proposed(text)


def test_a_person_spoken_about_who_speaks_elsewhere_stays():
    text = ("وذكر النادي في بيان أن المدرب اليوناني جورجيوس دونيس باق في منصبه. "
            "وقال دونيس: سنعمل على تدعيم الفريق.")
    assert "جورجيوس دونيس" in proposed(text)


def test_without_the_weights_the_clause_reading_is_one_of_the_rules(monkeypatch):
    monkeypatch.setattr(scorer, "_model", lambda: None)
    text = "وقال وزير البنى التحتية بولاية الخرطوم أحمد قاسم، إن إيران أوقفت تنفيذ مشاريع."
    assert proposed(text) == ["أحمد قاسم"]


@pytest.mark.parametrize("text, name", [
    # a title, then a role that runs past the name to the verb's object
    # (ندد is a statement verb now; بـ, the preposition it governs, ends its subject)
    ("وندد رئيس البرلمان العراقي سليم الجبوري بعمليات الإعدام.", "سليم الجبوري"),
    ("وأكد حاكم مقاطعة شينكاي محمد قاسم خان حصيلة القتلى.", "محمد قاسم خان"),
    # علي written with ي is a name, not the preposition على
    ("وقال العميد علي حمدان الساعدي إن الهجوم صد.", "علي حمدان الساعدي"),
    # a noun with its pronoun ends the role ("المنتهية ولايته")
    ("وقال رئيس الوزراء المنتهية ولايته حامد الراشد إن الائتلاف فاز.", "حامد الراشد"),
])
def test_the_name_after_a_title_chain(text, name):
    assert subjects(text) == ([name] if name else [])


def test_a_nisba_after_a_bare_title_is_not_a_name():
    assert subjects("وقال جنرال أمريكي رفيع، الأسبوع الماضي، إن قواته سترد بقوة.") == []


def test_the_words_of_a_speakers_role_are_not_another_speaker():
    text = "وتفصيلا، قال مدير عام جمرك مطار الملك عبدالعزيز الدولي محمد العقيل: تم ضبط الكمية."
    assert proposed(text) == ["محمد العقيل"]


@pytest.mark.parametrize("text, name", [
    # the name first, its role after a comma
    ("وقال جون سميث، أحد محامي الشركة، الأحد إن اللقاء لم ينتهك القانون.", "جون سميث"),
    # a quotation without a colon: the name before the opening quotation mark
    ('وقالت عضو مجلس النواب عن الحزب الديمقراطي جون ويلسون "كيف يجرؤ على ذلك؟".', "جون ويلسون"),
    # a name of five words with بن and آل
    ("وأكد الأمير سعود بن عبدالله بن ثنيان آل سعود في كلمته على أهمية المشروع.", "سعود بن عبدالله بن ثنيان آل سعود"),
])
def test_more_shapes_of_the_subject(text, name):
    assert subjects(text) == [name]


@pytest.mark.parametrize("text", [
    "وقال جاي سيكولو، أحد محاميي ترامب، الأحد إن اللقاء لم ينتهك أية قوانين.",    # (no given name: not the name)
    "وقال رئيس نادي نابولي المنافس في الدوري الإيطالي لكرة القدم، إن مدربه السابق يحاول.",  # ل + a noun
    'وصرح الأمير وليام لعباس "أشكركم على الترحيب بي، ويسرني جدا أن يعمل بلدانا معا".',     # inside a quotation
    "وأشارت الوزارة إلى تعليمات مباشرة من الرئيس محمود عباس بأن يستدعى السفير.",          # the object has begun
])
def test_what_is_not_the_subjects_name(text):
    assert "محاميي ترامب" not in subjects(text) and "لكرة القدم" not in subjects(text) \
        and "ويسرني جدا" not in subjects(text) and "محمود عباس" not in subjects(text)
