"""The person behind a long role (issue 10, point 6, short round): after a
listed verb the subject runs to its end — what was said (أن، إن، a colon),
or, with no object clause in sight, a preposition the verb governs (من،
على، إلى، بـ) or a comma before one — and the person is the run of name
words standing last in it, "من جانبه" and "أيضا" allowed after the name."""
import pytest

from archive.speakers.clause import clauses
from archive.speakers.proposals import proposals_for
from archive.speakers.reading import _words


def proposed(text):
    return [q.name for q in proposals_for(text, [])]


def subjects(text):
    return [c.person.name for c in clauses(text, _words(text)) if c.person is not None]


@pytest.mark.parametrize("text, name", [
    # a preposition the verb governs ends the subject, past a role holding prepositions of its own
    ("وحذر مدير برنامج الأغذية بالمنطقة الشمالية فهد العتيبي من نقص حاد في المواد الغذائية.", "فهد العتيبي"),
    ("وأشاد مدير إدارة الكرة بنادي الاتحاد سامي الجابر بانضباطية اللاعبين في المعسكر.", "سامي الجابر"),
    ("وأكد رئيس هيئة الأركان في الجيش اليمني محمد المقدشي على أهمية تأمين الطرق.", "محمد المقدشي"),
    # a comma before the preposition
    ("ودعا رئيس لجنة الأمن والدفاع في البرلمان، محمد الكربولي، إلى محاسبة المقصرين.", "محمد الكربولي"),
])
def test_the_name_standing_last_before_a_governed_preposition_is_the_subject(text, name):
    assert name in subjects(text)
    assert name in proposed(text)


@pytest.mark.parametrize("text, name", [
    # a role with no title of the lists, the name's first word a given name by the counts
    ("وقالت مقررة الأمم المتحدة الخاصة المعنية بالسكن اللائق ليلى فرحات إن الأزمة تتفاقم.", "ليلى فرحات"),
    ("وقال عالم الآثار في جامعة القاهرة أحمد سعيد إن القطع مزيفة.", "أحمد سعيد"),
])
def test_a_role_without_a_listed_title_still_has_its_person_last(text, name):
    assert name in subjects(text)


def test_on_his_part_after_the_name_stays_in_the_subject():
    text = "وأكد الناطق الرسمي باسم الحكومة السودانية أحمد بلال من جانبه أن الحوار مستمر."
    assert "أحمد بلال" in subjects(text)
    assert "أحمد بلال" in proposed(text)


@pytest.mark.parametrize("text", [
    # the run before the preposition is no name: a pronoun and a participle
    "وقال وزير الخارجية القطري نحن مطالبون بخلق أفق سياسي جديد.",
    # a body opens the subject: no title, a body's word
    "وحذرت منظمة أطباء بلا حدود من انتشار الكوليرا في المخيمات.",
    # the role names someone already: the one called on stands before إلى
    "ودعا الرئيس الفنزويلي نيكولاس مادورو نظيره الكولومبي خوان مانويل سانتوس إلى الحوار.",
    "وطالب الدكتور رياض المصطفى الرئيس السابق للمجلس البلدي بالقطيف بضرورة التحرك لمعالجة أزمة السكن.",
    # the role's own nouns: an article word or a place before the preposition
    "وأكد مدير مستشفى الشفاء في غزة على نقص الأدوية.",
    "وحذر وزير الصحة في إقليم كردستان من تفشي المرض.",
    # a plural nisba after the name is the verb's object
    "ودعا الرئيس الروسي فلاديمير بوتين الأوروبيين إلى المشاركة في إعادة الإعمار.",
])
def test_before_a_governed_preposition_no_name_means_no_subject(text):
    # (the caller, not the one called on, may be read: نيكولاس مادورو is a
    # given name by the counts after a title and a nisba)
    assert not set(subjects(text)) - {"رياض المصطفى", "نيكولاس مادورو"}


def test_a_preposition_inside_the_role_is_not_the_end_when_no_name_stands_before_it():
    text = "وأشاد رئيس نادي الهلال بالرياض فهد بن نافل بالجماهير التي حضرت المباراة."
    assert subjects(text) in ([], ["فهد بن نافل"])
    assert "الهلال بالرياض" not in " ".join(subjects(text))
