"""A proposal must be named as people are (issue 10, point 6, ninth round,
second pass): some word of it one the corpus uses in people's names — after
ranks, after a title and a nisba ("الرئيس الفرنسي إيمانويل ماكرون"), after
a name's opener — unless every word is too rare to judge. Common words a
reader took for a subject are dropped, frequent words a name ran on into
are cut, and a given name is also counted after a title and a nisba, where
foreign given names stand. The counts are archive/lexicon/titled_names.tsv.gz
(scripts/build_titled_names.py), never a list of names."""
import pytest

from archive.arabic import fold
from archive.speakers.given_names import given_name, name_word
from archive.speakers.proposals import _named_like_people, _without_trailing_words, proposals_for
from archive.speakers.reading import Quoted

from scripts.build_titled_names import counts


def quoted(name, role=""):
    return Quoted(name=name, role=role, start=0, end=len(name))


def proposed(text):
    return [q.name for q in proposals_for(text, [])]


@pytest.mark.parametrize("word", ["ماكرون", "إيمانويل", "سيرغي", "محمد", "مايك"])
def test_words_the_corpus_uses_in_names(word):
    assert name_word(fold(word))


@pytest.mark.parametrize("word", ["ارتفاع", "حصيلة", "حظر", "خدمة", "فرنسا"])
def test_common_words_are_not_name_words(word):
    assert not name_word(fold(word))


def test_a_given_name_by_the_counts_after_a_title_and_a_nisba():
    # إيمانويل, مايك: seldom after a rank, mostly after "الرئيس الفرنسي"
    assert given_name(fold("إيمانويل")) and given_name(fold("مايك"))
    # the object of a verb stands there too: only a word written mostly there
    assert not given_name(fold("يزور")) and not given_name(fold("أهمية"))


@pytest.mark.parametrize("name", ["ارتفاع حصيلة القتلى", "حظر التجول", "خدمة الصحافة", "تقييم البنك"])
def test_common_words_read_as_a_subject_are_not_proposed(name):
    assert not _named_like_people(quoted(name))


@pytest.mark.parametrize("name", ["إيمانويل ماكرون", "علي الصادق", "يان كوبيش", "ماريا زاخاروفا"])
def test_names_with_name_words_or_only_rare_words_are_proposed(name):
    assert _named_like_people(quoted(name))


def test_a_run_of_common_words_after_a_verb_is_not_proposed():
    assert proposed("وأفادوا أيضا بنزوح الآلاف من القرى المجاورة.") == []
    assert proposed("وقالت ماريا زاخاروفا إن موسكو لن ترد.") == ["ماريا زاخاروفا"]


def test_frequent_words_a_name_ran_on_into_are_cut():
    assert _without_trailing_words("", quoted("ستيفان دوجاريك فرنسا")).name == "ستيفان دوجاريك"
    assert _without_trailing_words("", quoted("مايك هاريسون مدرب الفريق")).name == "مايك هاريسون"


def test_a_name_is_not_cut_after_a_connector_or_where_the_article_repeats_it():
    assert _without_trailing_words("", quoted("عبدالعزيز بن عبدالله آل الشيخ")).name == "عبدالعزيز بن عبدالله آل الشيخ"
    text = "وقال كيم جونغ أون إن بلاده مستعدة. وأضاف كيم جونغ أون أن القمة ستعقد."
    assert _without_trailing_words(text, quoted("كيم جونغ أون")).name == "كيم جونغ أون"
    assert proposed(text) == ["كيم جونغ أون"]


def test_the_counts_script_counts_names_after_a_title_and_a_nisba_and_after_ranks():
    first, second = counts([
        "وقال الرئيس الفرنسي إيمانويل ماكرون إن",
        "وأكد المتحدث باسم وزارة الخارجية الروسية ماريا زاخاروفا أن",
        "وقال العقيد رايان ديلون، إن",
        "وأكد الرئيس الفرنسي، إيمانويل",          # punctuation breaks the pattern
        "قالت الشركة الفرنسية ألستوم إن",          # no person's title before the nisba
        "وقال السفير البريطاني أليكس موران إن",     # أليكس folds to "ال…" but has no article
    ])
    assert first[fold("أليكس")] == 1
    assert first[fold("إيمانويل")] == 1 and first[fold("ماريا")] == 1
    assert second[fold("ماكرون")] == 1 and second[fold("زاخاروفا")] == 1 and second[fold("ديلون")] == 1
    assert first[fold("ألستوم")] == 0
