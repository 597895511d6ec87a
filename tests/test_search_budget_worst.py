"""The worst searches we can build answer within about a second (issue 14, point 1).

The one timed test of the suite: it builds an archive of a few thousand
synthetic articles (``tests/synthetic_archive.py``) and sends every search of
``tooling.bench.hostile`` through the API, timing each. Run it on both
engines (``SEARCH_BACKEND=tantivy``). Before the search budget, ``ال*`` took
seconds on Whoosh and every letter + ``ال*`` joined by OR ran past gunicorn's
timeout.
"""
import time

import pytest
from django.core.management import call_command
from django.test import override_settings

from tooling.bench.hostile import hostile_searches
from archive.models import Force, Outlet, Place, Speaker
from archive.search.cache import recent_searches

from . import synthetic_archive
from .conftest import GAZETTEER

ARTICLES = 3000
# The budget is SEARCH_TIME_BUDGET = 0.8 s; the rest is the page's own work
# (up to a hundred hits loaded with their places and speakers) and the noise
# of a shared 2-core test machine: at a load average of 10-16 the searches
# took 0.6-1.4 s and a page of a hundred hits 2 s; before the budget, ال*
# took 31 s there and every letter + ال* joined by OR 264 s.
LIMIT_SECONDS = 2.5


@pytest.mark.django_db
@override_settings(SEARCH_CACHE_SIZE=0, SEARCH_TIME_BUDGET=0.8)  # production's (the suite's default is longer)
def test_the_worst_searches_answer_within_about_a_second(client):
    call_command("loaddata", str(GAZETTEER), verbosity=0)
    assert synthetic_archive.build(ARTICLES) == ARTICLES
    slugs = {
        "location": list(Place.objects.values_list("slug", flat=True)),
        "force": list(Force.objects.values_list("slug", flat=True)),
        "speaker": list(Speaker.objects.values_list("slug", flat=True)),
        "source": list(Outlet.objects.values_list("slug", flat=True)),
    }
    client.get("/api/articles/", {"q": "الحكومة"})  # the searcher opened, the facet columns read
    timings, slow = [], []
    for name, params in hostile_searches(slugs):
        recent_searches.clear()
        started = time.perf_counter()
        response = client.get("/api/articles/", params)
        seconds = time.perf_counter() - started
        timings.append(f"{seconds:6.2f} s  {name}")
        assert response.status_code == 200, (name, response.content[:300])
        if seconds > LIMIT_SECONDS:
            slow.append(name)
    print("\n".join(timings))
    assert not slow, "\n".join(timings)
