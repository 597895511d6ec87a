"""Search sees every form of a word, and keeps apart what must not meet: the
sixth development set.

The pairs behind this set were drawn at random (fixed seeds) from the
corpus vocabulary: pairs among the 30,000 commonest forms that the fifth
round's analysis gave one term or that the query side joined, hamza-seat
variants the analysis kept apart or joined, and strips the suffix loop
makes; each judged by hand (one word or two) and split at random into a
development part and a check part before the code was changed. This file
freezes a sample of the development part, must-match beside must-not (the
figures of both parts are in docs/search.md). The sentences are written for
the probes; no corpus text is copied.

``model``  a strip the merge model refuses (archive/lexicon/merges.tsv.gz,
           built by scripts/build_merges.py from corpus evidence: counts,
           the words standing around each form, a ة word beside the stem):
           تسعى is no تسع "nine", نبات no نبه, صقلية no صقل; the word stays
           whole in every form (يأتي, ويأتي, سيأتي), and what was kept
           apart from it meets it (النباتات finds نبات)
``query``  the query side's attached forms: a clitic of the word's own
           (لبعض finds بعضها), a verb's deeper cut (نشرتها finds ونشرتها).
           A rule that kept apart another reading of the word's ending
           once a clitic stands before it (و + رحلته read رحلت "she left" + ه,
           so رحلته found ورحل; سماحته السماح, مكانتها مكان) was tried and
           not taken: on the check part it lost 6 must-meet pairs for 2
           kept apart. Four of those must-not probes (``reread``) pass
           since the eighth round, by the analysis: ف + بمكانتها is مكانة
           + ها where مكانت is no verb; رحلته and عملتها stay known failures.
"""
import pytest

from tests.test_search_morphology import found, probe_tests

pytestmark = pytest.mark.django_db

# (class, query, article sentence): the query must find the article.
MUST_MATCH = [
    ("model", "نبات", "جمع الباحثون النباتات البرية من الوادي"),
    ("model", "يأتي", "ويأتي الاجتماع بعد أسبوع"),
    ("model", "يأتي", "سيأتي الوفد غدا"),
    ("model", "محبي", "احتفل ومحبي النادي بالفوز"),
    ("model", "تسعى", "وتسعى الوزارة إلى خفض الأسعار"),
    ("model", "صقلية", "رست السفينة بصقلية مساء"),
    ("query", "لبعض", "ساعد الجيران بعضها في الشتاء"),
    ("query", "نشرتها", "ونشرتها الصحيفة صباحا"),
    ("query", "رحلته", "تأخرت الرحلة بسبب العاصفة"),
    ("query", "مكانتها", "استعادت المكانة التي فقدتها"),
    ("query", "جناته", "زار الوفد جنات المدينة"),
]

# (class, query, article sentence): the query must NOT find the article.
MUST_NOT_MATCH = [
    ("model", "تسعى", "بلغ عمره تسعين عاما"),
    ("model", "تسعى", "شهدت التسعينات نموا سريعا"),
    ("model", "نبات", "نبه الوزير إلى الخطر"),
    ("model", "صقلية", "صقل المدرب مهارات اللاعبين"),
    ("model", "قرأت", "وصفها الشاعر بأنها قرة عين"),
    ("reread", "رحلته", "ورحل الوفد مساء"),
    ("reread", "سماحته", "طالب الأهالي بالسماح بالعودة"),
    ("reread", "مشاهدته", "صور المصور المشاهد الأولى"),
    ("reread", "مكانتها", "عاد الجنود ومكان الحادث خال"),
    ("reread", "عملتها", "فقد الموظف بعمله المكافأة"),
    ("reread", "سلامتها", "دعا الخطيب للسلام بين الناس"),
]

#: Probes that still fail, and why (the probes themselves stay as written).
#: Four "reread" probes pass since the eighth round: a ة read from the ت
#: before a pronoun after و/ف + a preposition keeps its ة where that ت is
#: no verb's (فبمكانتها is مكانة, no longer مكان). Where it is (رحلت "she
#: left", عملت), both readings stay open, as the check part asked.
_REREAD = ("the rereading rule that would keep this apart lost more must-meet pairs than it kept apart "
           "on the check part (docs/search.md, sixth round); رحلت, عملت are verbs too (eighth round)")
KNOWN_FAILURES = {
    ("reread", "رحلته"): _REREAD,
    ("reread", "عملتها"): _REREAD,
}


probe_archive, test_a_word_finds_its_forms, test_a_word_does_not_find_another_word = \
    probe_tests(MUST_MATCH, MUST_NOT_MATCH, KNOWN_FAILURES)


def test_each_side_of_or_keeps_the_model_s_words_apart(client, probe_archive):
    ninety = probe_archive["بلغ عمره تسعين عاما"]
    strives = probe_archive["وتسعى الوزارة إلى خفض الأسعار"]
    plants = probe_archive["جمع الباحثون النباتات البرية من الوادي"]
    either = found(client, "تسعى OR نبات")
    assert strives in either and plants in either and ninety not in either


def test_a_word_whose_clitic_form_is_a_function_word_is_searched(client, db, search_index_dir):
    # و + لماذا, ف + كانت: the clitic form is a stop word (no term); the
    # query side used to raise on it.
    for q in ("ولماذا", "فكانت", "والديهم", "بماذا"):
        assert client.get("/api/articles/", {"q": q}).status_code == 200


# The analysis itself -------------------------------------------------------

def test_a_strip_the_model_refuses_leaves_the_word_whole_in_every_form():
    from archive import arabic

    assert arabic.broad_term("تسعى") == arabic.broad_term("وتسعى") != arabic.broad_term("تسعين")
    assert arabic.broad_term("يأتي") == arabic.broad_term("ويأتي") == arabic.broad_term("سيأتي")
    assert arabic.broad_term("نبات") == arabic.broad_term("النباتات") != arabic.broad_term("نبه")


def test_without_the_merge_table_the_rules_alone_decide(monkeypatch):
    from archive.arabic import lexicon, stemming

    monkeypatch.setattr(lexicon, "_merges", (frozenset(), {}))
    assert stemming.broad_stem("تسعي") == "تسع"      # the rules' reading
    monkeypatch.setattr(lexicon, "_merges", None)
    monkeypatch.setattr(lexicon, "MERGES_PATH", lexicon.MERGES_PATH.with_name("missing.tsv.gz"))
    assert lexicon._merge_table() == (frozenset(), {})


def test_the_query_side_keeps_a_clitic_of_the_word_s_own():
    from archive import arabic
    from archive.search import forms

    assert arabic.broad_term("بعضها") in forms.broad_word_terms("لبعض")
