"""The search cache is bounded by size, not only by count (issue 14, point 7):
900 distinct searches with page_size=100 grew each worker from 62 MB to 675 MB."""
import sys

import pytest

from archive.models import Article
from archive.search.cache import RecentSearches, outcome_bytes
from archive.search.engine import Hit, Outcome
from archive.search.params import SearchParams

GENERATION, ALIASES = object(), object()
BODY = "قال مصدر أمني في بيان صدر اليوم إن الوضع مستقر. " * 400  # about 20,000 characters


def outcome(q, hits=100, body=BODY):
    articles = [Article(pk=i, title=f"خبر {i}", body=body) for i in range(hits)]
    return Outcome(SearchParams(q=q, page_size=hits),
                   hits=[Hit(article=a, title_html=a.title, snippet_html=body[:300]) for a in articles])


def test_an_outcome_weighs_at_least_its_articles_texts():
    page = outcome("كركوك")
    bodies = sum(sys.getsizeof(hit.article.body) for hit in page.hits)
    assert bodies <= outcome_bytes(page) < 2 * bodies
    assert outcome_bytes(outcome("كركوك", hits=10)) < outcome_bytes(page) / 5


def test_many_large_pages_stay_within_the_bytes_allowed(settings):
    settings.SEARCH_CACHE_SIZE = 1000
    settings.SEARCH_CACHE_MAX_BYTES = 20 * 1024 * 1024
    cache = RecentSearches()
    for i in range(60):  # about 4 MB each: 240 MB if only counted
        cache.put(GENERATION, ALIASES, f"search {i}", outcome(f"بحث {i}"))
        assert cache.total_bytes <= settings.SEARCH_CACHE_MAX_BYTES
    assert 3 <= len(cache) < 60
    # The most recent are kept, the oldest went first.
    assert cache.get(GENERATION, ALIASES, "search 59") is not None
    assert cache.get(GENERATION, ALIASES, "search 0") is None


def test_the_bytes_are_accounted_when_an_outcome_is_replaced_or_dropped(settings):
    settings.SEARCH_CACHE_SIZE = 2
    cache = RecentSearches()
    cache.put(GENERATION, ALIASES, "a", outcome("a", hits=5))
    cache.put(GENERATION, ALIASES, "a", outcome("a", hits=5))
    assert cache.total_bytes == outcome_bytes(outcome("a", hits=5))
    cache.put(GENERATION, ALIASES, "b", outcome("b", hits=5))
    cache.put(GENERATION, ALIASES, "c", outcome("c", hits=5))
    assert len(cache) == 2 and cache.total_bytes == 2 * outcome_bytes(outcome("a", hits=5))
    cache.put(object(), ALIASES, "d", outcome("d", hits=1))  # the index changed: all dropped
    assert len(cache) == 1 and cache.total_bytes == outcome_bytes(outcome("d", hits=1))


def test_one_outcome_heavier_than_a_quarter_of_the_cache_is_not_kept(settings):
    settings.SEARCH_CACHE_MAX_BYTES = 1024 * 1024
    cache = RecentSearches()
    cache.put(GENERATION, ALIASES, "small", outcome("small", hits=2))
    cache.put(GENERATION, ALIASES, "huge", outcome("huge", hits=1, body="ك" * 2_000_000))
    assert cache.get(GENERATION, ALIASES, "huge") is None
    assert cache.get(GENERATION, ALIASES, "small") is not None


@pytest.mark.parametrize("name", ["SEARCH_CACHE_SIZE", "SEARCH_CACHE_MAX_BYTES"])
def test_either_setting_at_zero_turns_the_cache_off(settings, name):
    setattr(settings, name, 0)
    cache = RecentSearches()
    cache.put(GENERATION, ALIASES, "a", outcome("a", hits=1))
    assert cache.get(GENERATION, ALIASES, "a") is None and len(cache) == 0
