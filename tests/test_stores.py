"""The store interface (archive/search/stores/base.py) is one contract: the same
query tree gives the same articles, counts, facets and months on every store.

Each test runs on both stores (Tantivy and Whoosh) over the same six
documents, shaped as ``indexing.document_for`` makes them, without a database.
"""
from collections import Counter
from datetime import date, datetime

import pytest

from archive import arabic
from archive.search import tree as qt
from archive.search.stores import BACKENDS, get_store
from archive.search.stores.base import Page

#: (pk, title, body, places, force, year-month-day or None)
ARTICLES = [
    (1, "قوات البيشمركة في كركوك", "دخلت قوات البيشمركة مدينة كركوك صباح اليوم.", "kirkuk,iraq", "peshmerga", "2017-10-16"),
    (2, "معارك الموصل", "تواصل القوات العراقية معارك الموصل ضد داعش بأمر الحكومة.", "mosul,iraq", "isf", "2017-06-01"),
    (3, "داعش يتراجع", "تراجع تنظيم داعش في الموصل وكركوك والحويجة.", "mosul,kirkuk,iraq", "", "2016-11-20"),
    (4, "بيان الحكومة", "أصدرت الحكومة بيانا عن الحكومات المحلية وللحكومة رأي.", "baghdad,iraq", "", "2017-06-15"),
    (5, "تقرير بلا تاريخ", "قال التقرير إن البيشمركة والقوات العراقية تعاونت.", "", "peshmerga,isf", None),
    (6, "خبر من سوريا", "سيطرت قوات سوريا الديمقراطية على الرقة.", "raqqa,syria", "sdf", "2017-10-20"),
]


def document(pk, title, body, places, forces, day):
    published = date.fromisoformat(day) if day else None
    key = published.year * 10000 + published.month * 100 + published.day if published else None
    doc = {
        "id": f"archive.article.{pk}", "django_ct": "archive.article", "django_id": str(pk),
        "text": f"{title}\n{body}", "title": title, "text_exact": f"{title}\n{body}", "title_exact": title,
        "location": places, "force": forces, "speaker": "", "source": "outlet-a" if pk % 2 else "outlet-b",
        "year": str(published.year) if published else "",
        "month": published.strftime("%Y-%m") if published else "",
        "day": published.isoformat() if published else "",
        "newest": key or 0, "oldest": key or 99991231, "updated": "2020-01-01T00:00:00",
    }
    if published:
        doc["published"] = datetime(published.year, published.month, published.day)
    return doc


@pytest.fixture(params=BACKENDS)
def view(request, settings, tmp_path):
    settings.SEARCH_BACKEND = request.param
    settings.SEARCH_INDEX_DIR = tmp_path / request.param
    store = get_store(request.param)
    store.clear()
    store.write([document(*a) for a in ARTICLES])
    return store.view()


def broad(word):
    return arabic.broad_term(word)


def words(field, text):
    """Either field of a word: the body or the title."""
    return qt.Or((qt.Term(field, broad(text)), qt.Term("title", broad(text))))


#: tree -> the pks it must find
CASES = [
    (qt.MatchAll(), {1, 2, 3, 4, 5, 6}),
    (qt.MatchNone(), set()),
    (words("text", "كركوك"), {1, 3}),
    (qt.AnyOf("text", (broad("قوات"), broad("والقوات"), "لا-يوجد")), {1, 2, 5, 6}),
    (qt.Phrase("text", ((broad("قوات"),), (broad("البيشمركة"),))), {1}),
    (qt.Phrase("text", ((broad("قوات"), broad("والقوات")), (broad("العراقية"),))), {2, 5}),
    (qt.Prefix("text_exact", "الموص*", ("الموصل",)), {2, 3}),
    (qt.Filter("location", ("iraq",)), {1, 2, 3, 4}),
    (qt.Filter("force", ("peshmerga", "sdf")), {1, 5, 6}),
    (qt.DateRange(date(2017, 6, 1), date(2017, 6, 30)), {2, 4}),
    (qt.DateRange(date(2017, 10, 1), None), {1, 6}),
    (qt.DateRange(None, date(2016, 12, 31)), {3}),
    (qt.And((words("text", "داعش"), qt.Filter("location", ("kirkuk",)))), {3}),
    (qt.Or((words("text", "كركوك"), words("text", "الرقة"))), {1, 3, 6}),
    (qt.And((words("text", "داعش"), qt.Not(words("text", "كركوك")))), {2}),
    (qt.And((qt.MatchAll(), qt.Not(qt.Filter("location", ("iraq",))))), {5, 6}),
    (qt.Not(qt.Filter("location", ("iraq",))), {5, 6}),
    # An exclusion that is a union of phrases, some of words the index lacks
    # (a name's spellings inside a quoted phrase), from a union.
    (qt.And((qt.Or((words("text", "كركوك"), words("text", "الموصل"))),
             qt.Not(qt.Or((qt.Phrase("text", ((broad("تنظيم"),), (broad("داعش"),))),
                           qt.Phrase("text", (("لا-يوجد",), (broad("داعش"),))),
                           qt.Phrase("title", ((broad("داعش"),), (broad("يتراجع"),)))))))), {1, 2}),
    (qt.Boost(words("text", "البيشمركة"), 2.0), {1, 5}),
]


@pytest.mark.parametrize("tree, expected", CASES, ids=[repr(c[0])[:60] for c in CASES])
def test_the_same_tree_finds_the_same_articles(view, tree, expected):
    page = view.search(tree, qt.NEWEST, 0, 100)
    assert isinstance(page, Page)
    assert set(page.ids) == expected
    assert page.count == len(expected) == view.count(tree)
    assert view.exists(tree) == bool(expected)
    assert set(view.sorted_ids(tree, qt.RELEVANCE)) == expected
    assert not page.partial


def test_facets_and_months_count_every_match(view):
    page = view.search(words("text", "داعش"), qt.RELEVANCE, 0, 1)
    assert page.count == 2 and len(page.ids) == 1
    assert page.facets["location"] == Counter({"iraq": 2, "mosul": 2, "kirkuk": 1})
    assert page.facets["force"] == Counter({"isf": 1})
    assert page.facets["year"] == Counter({"2017": 1, "2016": 1})
    assert page.months == Counter({"2017-06": 1, "2016-11": 1})
    assert set(page.facets) == set(qt.FACET_FIELDS)
    everything = view.search(qt.MatchAll(), qt.NEWEST, 0, 0)
    assert everything.count == 6 and everything.ids == ()
    assert everything.facets["source"] == Counter({"outlet-a": 3, "outlet-b": 3})
    assert view.search(qt.MatchAll(), qt.NEWEST, 0, 10, facets=False).facets == {}


def test_day_counts_count_the_days_of_the_matches(view):
    counts = view.day_counts(qt.DateRange(date(2017, 10, 1), date(2017, 10, 31)))
    assert counts == Counter({"2017-10-16": 1, "2017-10-20": 1})


@pytest.mark.parametrize("sort, order", [
    (qt.NEWEST, [6, 1, 4, 2, 3, 5]),   # undated last in both directions
    (qt.OLDEST, [3, 2, 4, 1, 6, 5]),
])
def test_date_sorts_page_the_same_on_every_store(view, sort, order):
    assert list(view.search(qt.MatchAll(), sort, 0, 6).ids) == order
    assert list(view.search(qt.MatchAll(), sort, 2, 2).ids) == order[2:4]
    assert view.sorted_ids(qt.MatchAll(), sort) == order
    assert view.sorted_ids(qt.MatchAll(), sort, 1, 3) == order[1:4]


def test_relevance_puts_the_title_first_and_breaks_ties_to_the_newer(view):
    # كركوك is in the title of 1 and only in the body of 3.
    page = view.search(words("text", "كركوك"), qt.RELEVANCE, 0, 10)
    assert list(page.ids) == [1, 3]
    assert page.scores is not None and page.scores[0] > page.scores[1]


def test_a_page_past_the_end_is_empty_with_the_count(view):
    page = view.search(words("text", "داعش"), qt.RELEVANCE, 50, 10)
    assert page.ids == () and page.count == 2


def test_the_vocabulary_answers_the_same(view):
    vocabulary = view.vocabulary()
    assert vocabulary.doc_count() == view.doc_count() == 6
    assert vocabulary.has_field("text_exact") and not vocabulary.has_field("nonsense")
    assert vocabulary.doc_frequency("text", broad("كركوك")) == 2
    assert vocabulary.doc_frequency("text", "لا-يوجد") == 0
    assert vocabulary.has_prefix("text_exact", "الموص") and not vocabulary.has_prefix("text_exact", "زززز")
    assert list(vocabulary.terms_with_prefix("text_exact", "الحكوم")) == ["الحكومات", "الحكومة"]
    assert vocabulary.most_used_with_prefix("text_exact", ["الحكوم", "للحكوم"], 1, 100) == (["الحكومة"], True)
    assert vocabulary.most_used_with_prefix("text_exact", ["الحكوم", "للحكوم"], 5, 100) == (
        ["الحكومة", "الحكومات"], False)
    assert vocabulary.doc_ids("location", "kirkuk") == {1, 3}
    assert dict(vocabulary.field_terms("force")) == {"isf": 2, "peshmerga": 2, "sdf": 1}


def test_writes_replace_and_delete_documents(view, settings):
    store = get_store(settings.SEARCH_BACKEND)
    changed = document(1, "خبر آخر", "لا ذكر للمدينة هنا.", "iraq", "", "2017-10-16")
    store.write([changed], delete_ids=["archive.article.6"])
    fresh = store.view()
    assert fresh.count(words("text", "كركوك")) == 1
    assert fresh.doc_count() == 5
    assert {pk for pk, _updated in ((int(i), u) for i, u in fresh.stored_entries())} == {1, 2, 3, 4, 5}


def test_trees_are_values_the_cache_can_key_on():
    a = qt.And((words("text", "داعش"), qt.Filter("location", ("iraq",))))
    b = qt.And((words("text", "داعش"), qt.Filter("location", ("iraq",))))
    assert a == b and hash(a) == hash(b) and {a: 1}[b] == 1
    with pytest.raises(AttributeError):
        a.children = ()
    assert qt.size(a) == 3
