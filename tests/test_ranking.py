"""Ranking (issue point 7): BM25 with the title weighted above the body, ties
broken by the newer date; sorting by newest and oldest works with every
filter and across pages.
"""
from datetime import date

import pytest

from archive.models import Article, Force, Outlet, Place, Speaker
from archive.search import indexing

pytestmark = pytest.mark.django_db

FILLER = ("وتحدث المسؤولون في المؤتمر عن الأوضاع العامة في المنطقة وعن الخطط المقبلة "
          "للتنمية والتعليم والصحة والخدمات والطرق والمياه والكهرباء في المحافظات. ")


def make(title, body, published=None, **extra):
    article = Article.objects.create(
        title=title, body=body, published=published,
        date_precision="day" if published else "", **extra,
    )
    return article


def index(*articles):
    indexing.index_articles([a.pk for a in articles])


def ids(client, **params):
    data = client.get("/api/articles/", {"page_size": 100, **params}).json()
    return [r["id"] for r in data["results"]]


def test_a_title_match_ranks_above_a_body_only_match(client, db):
    in_body = make("أخبار المحافظات", FILLER + "انفجرت سيارة مفخخة قرب السوق. " + FILLER
                   + "وأكد شهود أن المفخخة كانت متوقفة منذ الصباح. " + FILLER, date(2021, 5, 1))
    in_title = make("سيارة مفخخة قرب السوق", FILLER * 3, date(2019, 1, 1))
    index(in_body, in_title)
    assert ids(client, q="مفخخة") == [in_title.pk, in_body.pk]
    # Folded and with a clitic, the ranking is the same.
    assert ids(client, q="والمفخخه") == [in_title.pk, in_body.pk]


def test_a_title_match_ranks_above_more_mentions_in_the_body(client, db):
    body_heavy = make("تقرير", (FILLER + "الطائرات المسيرة ") * 6, date(2022, 1, 1))
    titled = make("الطائرات المسيرة", FILLER * 6, date(2018, 1, 1))
    index(body_heavy, titled)
    assert ids(client, q="المسيرة") == [titled.pk, body_heavy.pk]


def test_equal_scores_are_broken_by_the_newer_date(client, db):
    # Saved oldest first, so index order alone would put the oldest first.
    old = make("هجوم على نقطة تفتيش", FILLER + "هجوم على نقطة تفتيش", date(2015, 3, 1))
    undated = make("هجوم على نقطة تفتيش", FILLER + "هجوم على نقطة تفتيش")
    new = make("هجوم على نقطة تفتيش", FILLER + "هجوم على نقطة تفتيش", date(2020, 3, 1))
    middle = make("هجوم على نقطة تفتيش", FILLER + "هجوم على نقطة تفتيش", date(2018, 3, 1))
    index(old, undated, new, middle)
    expected = [new.pk, middle.pk, old.pk, undated.pk]
    assert ids(client, q="تفتيش") == expected
    assert ids(client, q="تفتيش", sort="relevance") == expected


def test_a_better_score_beats_a_newer_date(client, db):
    strong = make("نقطة تفتيش", FILLER + "نقطة تفتيش", date(2010, 1, 1))
    weak = make("أخبار", FILLER * 2 + "تفتيش", date(2024, 1, 1))
    index(strong, weak)
    assert ids(client, q="تفتيش") == [strong.pk, weak.pk]


def test_without_words_the_newest_come_first(client, db):
    a = make("أ", FILLER, date(2016, 1, 1))
    b = make("ب", FILLER, date(2021, 1, 1))
    c = make("ج", FILLER)
    index(a, b, c)
    diyala_free = ids(client)
    assert diyala_free == [b.pk, a.pk, c.pk]
    assert ids(client, sort="oldest") == [a.pk, b.pk, c.pk]   # undated last both ways


def _published(client, **params):
    data = client.get("/api/articles/", {"page_size": 100, **params}).json()
    return [r["published"] for r in data["results"]], data["count"]


def _filters():
    diyala = Place.objects.get(name_en="Diyala").slug
    return [
        {},
        {"q": "داعش"},
        {"q": "التحالف"},
        {"location": diyala},
        {"q": "داعش", "location": diyala},
        {"force": Force.objects.get(name_en="Peshmerga").slug},
        {"speaker": Speaker.objects.filter(articles__isnull=False).first().slug},
        {"source": Outlet.objects.filter(articles__isnull=False).first().slug},
        {"date_from": "2020-01-01", "date_to": "2021-12-31"},
        {"q": "داعش", "date_from": "2020-01-01"},
        {"q": "داعش", "location": diyala, "date_to": "2020-12-31"},
        {"q": "قوات", "mode": "exact", "location": diyala},
        {"q": "كاكينز OR غيدني", "date_to": "2020-06-30"},
    ]


def test_newest_and_oldest_work_with_every_filter(client, seeded):
    for params in _filters():
        relevance, count = _published(client, **params)
        newest, newest_count = _published(client, sort="newest", **params)
        oldest, oldest_count = _published(client, sort="oldest", **params)
        assert count == newest_count == oldest_count == len(newest), params
        assert newest == sorted(newest, reverse=True), params
        assert oldest == sorted(oldest), params
        assert sorted(relevance) == sorted(newest) == sorted(oldest), params


def test_sorted_pages_follow_on(client, seeded):
    for sort in ("newest", "oldest", "relevance"):
        whole = ids(client, q="داعش", sort=sort)
        paged = []
        for page in (1, 2, 3):
            paged += ids(client, q="داعش", sort=sort, page_size=2, page=page)
        assert paged == whole, sort


def test_the_search_page_sorts_like_the_api(client, seeded):
    diyala = Place.objects.get(name_en="Diyala").slug
    html = client.get("/search/", {"q": "داعش", "location": diyala, "sort": "oldest"}).content.decode()
    order = [pk for pk in ids(client, q="داعش", location=diyala, sort="oldest")]
    positions = [html.index(f"/articles/{pk}/") for pk in order]
    assert positions == sorted(positions)
