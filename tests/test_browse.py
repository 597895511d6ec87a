"""Browsing: the place tree, the timeline, the map and the entity pages, on the seed fixtures.

The facet counts a page shows must be the counts of the searches its links run:
every node of the place tree, every bar of the timeline and every marker of the
map is checked against the search it links to.
"""
import json
import re
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.http import QueryDict

from archive.entities import Places
from archive.pages.params import EntityParams
from archive.pages.placemap import place_map
from archive.pages.places import place_tree
from archive.pages.timeline import timeline_chart
from archive.models import Article, Force, Outlet, Place, Speaker
from archive.search.engine import search
from archive.search.params import SearchParams
from tests.conftest import seed

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def params_of(url):
    """The SearchParams a link runs (its query string, as the page reads it)."""
    return SearchParams.from_querydict(QueryDict(urlsplit(unescape(url)).query))


def count_of(**filters):
    return search(SearchParams(**filters), with_facets=False).count


def walk(nodes):
    for node in nodes:
        yield node
        yield from walk(node.children)


def find(nodes, slug):
    return next(n for n in walk(nodes) if n.slug == slug)


def tree_for(params, base="/search/"):
    outcome = search(params)
    return place_tree(outcome.facets["location"], params, base)


# ---------------------------------------------------------------------------
# The place tree
# ---------------------------------------------------------------------------

def test_the_place_tree_nests_country_governorate_and_city(seeded):
    tree = tree_for(SearchParams())
    roots = {n.slug for n in tree}
    assert {"iraq", "syria"} <= roots
    iraq = find(tree, "iraq")
    assert "diyala" in {c.slug for c in iraq.children}
    diyala = find(iraq.children, "diyala")
    assert {"muqdadiyah", "khanaqin", "jalawla", "qara-tapa"} <= {c.slug for c in diyala.children}
    # The Kurdistan Region sits between Iraq and its governorates.
    kurdistan = find(iraq.children, "kurdistan-region")
    assert "erbil" in {n.slug for n in walk(kurdistan.children)}
    # Only branches with matches: Basra is named in no seed article.
    assert "basra" not in {n.slug for n in walk(tree)}
    # Most named first at every level.
    for node in walk(tree):
        counts = [c.count for c in node.children]
        assert counts == sorted(counts, reverse=True)


def test_every_tree_count_is_the_count_of_the_search_it_links_to(seeded):
    tree = tree_for(SearchParams())
    nodes = list(walk(tree))
    assert len(nodes) > 20
    for node in nodes:
        assert node.count == count_of(location=[node.slug]), node.slug
        assert search(params_of(node.toggle_url), with_facets=False).count == node.count, node.slug
    assert find(tree, "diyala").count == count_of(location=["diyala"]) == 3


def test_tree_counts_follow_the_other_filters(seeded):
    params = SearchParams(q="داعش", force=["peshmerga"])
    tree = tree_for(params)
    for node in walk(tree):
        expected = search(SearchParams(q="داعش", force=["peshmerga"], location=[node.slug]), with_facets=False).count
        assert node.count == expected, node.slug
        assert search(params_of(node.toggle_url), with_facets=False).count == node.count


def test_choosing_a_place_inside_a_chosen_one_narrows_to_it(seeded):
    params = SearchParams(location=["diyala"])
    tree = tree_for(params)
    diyala = find(tree, "diyala")
    assert diyala.selected and diyala.open
    muqdadiyah = find(diyala.children, "muqdadiyah")
    assert params_of(muqdadiyah.toggle_url).location == ["muqdadiyah"]
    # Its ancestor widens instead; the chosen place itself is removed.
    assert params_of(find(tree, "iraq").toggle_url).location == ["iraq"]
    assert params_of(diyala.toggle_url).location == []
    # A place elsewhere is added beside it (either of them).
    assert set(params_of(find(tree, "nineveh").toggle_url).location) == {"diyala", "nineveh"}


def test_the_search_page_shows_the_tree_with_the_counts_of_its_links(client, seeded):
    html = client.get("/search/").content.decode()
    for slug in ("iraq", "diyala", "muqdadiyah", "syria"):
        node = re.search(
            r'<li class="tree__node[^"]*" data-place="%s">\s*<a class="facet__link[^"]*" href="([^"]+)".*?'
            r'<span class="facet__count">(\d+)</span>' % slug, html, re.S)
        assert node, slug
        url, shown = node.group(1), int(node.group(2))
        page = client.get(unescape(url)).content.decode()
        assert f"عدد النتائج: {shown}" in page, slug
    # The flat place list is replaced by the tree, as a facet panel still.
    assert 'data-facet="location"' in html and "facet--tree" in html


# ---------------------------------------------------------------------------
# The timeline
# ---------------------------------------------------------------------------

def test_timeline_bars_sum_to_the_dated_matches_and_narrow_to_their_month(seeded):
    params = SearchParams()
    outcome = search(params)
    chart = timeline_chart(outcome.timeline, params, "/search/", total=outcome.count)
    dated = Article.objects.filter(date_precision__in=["day", "month"]).count()
    assert chart.total == sum(b.count for b in chart.bars) == dated == 5
    assert chart.undated == 0
    months = [b.month for b in chart.bars]
    assert months[0] == "2017-12" and months[-1] == "2021-05"
    assert len(months) == (2021 - 2017) * 12 + (5 - 12) + 1  # every month between, empty ones too
    for bar in chart.bars:
        query = parse_qs(urlsplit(bar.url).query)
        y, m = int(bar.month[:4]), int(bar.month[5:])
        assert query["date_from"] == [date(y, m, 1).isoformat()]
        assert date.fromisoformat(query["date_to"][0]).month == m
        assert date.fromisoformat(query["date_to"][0]).day >= 28
        if bar.count:
            assert search(params_of(bar.url), with_facets=False).count == bar.count, bar.month


def test_the_chosen_month_is_marked_and_its_bar_clears_the_range(seeded):
    params = SearchParams(date_from=date(2020, 7, 1), date_to=date(2020, 7, 31))
    outcome = search(params)
    chart = timeline_chart(outcome.timeline, params, "/search/", total=outcome.count)
    [bar] = [b for b in chart.bars if b.selected]
    assert bar.month == "2020-07" and bar.count == 1
    assert "date_from" not in bar.url and "date_to" not in bar.url
    assert chart.clear_url and "date_" not in chart.clear_url


def test_a_month_opens_into_its_days(seeded):
    params = SearchParams(date_from=date(2020, 2, 1), date_to=date(2020, 2, 29))
    outcome = search(params)
    assert outcome.days == [("2020-02-07", 1)]  # seed 004, dated to the day
    chart = timeline_chart(outcome.timeline, params, "/search/", total=outcome.count, days=outcome.days)
    assert chart.unit == "day" and len(chart.bars) == 29
    [bar] = [b for b in chart.bars if b.count]
    assert bar.month == "2020-02-07" and bar.label == "7 شباط 2020"
    query = parse_qs(urlsplit(bar.url).query)
    assert query["date_from"] == query["date_to"] == ["2020-02-07"]
    assert search(params_of(bar.url), with_facets=False).count == 1
    assert chart.month_url == ""  # this is the whole month already
    assert chart.clear_url and "date_" not in chart.clear_url  # back to every month


def test_a_day_keeps_its_month_around_it_and_leads_back_to_it(seeded):
    params = SearchParams(date_from=date(2020, 2, 7), date_to=date(2020, 2, 7))
    outcome = search(params)
    chart = timeline_chart(outcome.timeline, params, "/search/", total=outcome.count, days=outcome.days)
    assert chart.unit == "day" and len(chart.bars) == 29
    [chosen] = [b for b in chart.bars if b.selected]
    assert chosen.month == "2020-02-07"
    back = parse_qs(urlsplit(chosen.url).query)
    assert back["date_from"] == ["2020-02-01"] and back["date_to"] == ["2020-02-29"]
    assert parse_qs(urlsplit(chart.month_url).query)["date_to"] == ["2020-02-29"]


def test_days_are_counted_only_for_a_search_within_one_month(seeded):
    assert search(SearchParams()).days is None
    assert search(SearchParams(date_from=date(2020, 1, 15), date_to=date(2020, 2, 14))).days is None
    assert search(SearchParams(date_from=date(2020, 2, 1), date_to=date(2020, 2, 29))).facets["day"]


def test_a_month_known_only_by_month_keeps_the_month_chart(seeded):
    # Seed 000 is dated "July 2020" only: no day to show, so the months stay, July marked.
    params = SearchParams(date_from=date(2020, 7, 1), date_to=date(2020, 7, 31))
    outcome = search(params)
    assert outcome.days == []
    chart = timeline_chart(outcome.timeline, params, "/search/", total=outcome.count, days=outcome.days)
    assert chart.unit == "month" and [b.month for b in chart.bars if b.selected] == ["2020-07"]


def test_the_search_page_opens_a_month_into_its_days(client, seeded):
    html = client.get("/search/", {"date_from": "2020-02-01", "date_to": "2020-02-29"}).content.decode()
    assert "المقالات يوماً بيوم: شباط 2020" in html
    assert 'data-day="2020-02-07"' in html


def test_time_runs_with_the_reading_direction(seeded):
    outcome = search(SearchParams())
    rtl = timeline_chart(outcome.timeline, SearchParams(), "/search/", rtl=True)
    ltr = timeline_chart(outcome.timeline, SearchParams(), "/search/", rtl=False)
    assert rtl.bars[0].x > rtl.bars[-1].x  # oldest on the right
    assert ltr.bars[0].x < ltr.bars[-1].x


def test_articles_dated_only_by_year_are_counted_apart(seeded):
    from archive.search import indexing

    article = Article.objects.create(title="داعش في تقرير سنوي", body="داعش في ديالى", published=date(2019, 1, 1),
                                     date_precision="year")
    article.places.add(Place.objects.get(slug="diyala"))
    indexing.index_articles([article.pk])
    outcome = search(SearchParams())
    chart = timeline_chart(outcome.timeline, SearchParams(), "/search/", total=outcome.count)
    assert chart.total == 5 and chart.undated == 1


def test_the_search_page_draws_the_timeline_with_a_table(client, seeded):
    html = client.get("/search/", {"q": "داعش"}).content.decode()
    assert '<svg class="timeline__chart"' in html
    assert "timeline__bar" in html and "<table" in html
    assert "date_from=2020-02-01&amp;date_to=2020-02-29" in html
    assert "style=" not in html


# ---------------------------------------------------------------------------
# The map
# ---------------------------------------------------------------------------

def test_the_map_outline_ships_and_is_small():
    path = ROOT / "static" / "map" / "iraq-syria.json"
    assert path.stat().st_size < 200_000
    data = json.loads(path.read_text(encoding="utf-8"))
    kinds = {f["properties"]["kind"] for f in data["features"]}
    assert {"country", "admin1", "neighbour"} <= kinds
    assert {f["properties"]["iso"] for f in data["features"] if f["properties"]["kind"] == "country"} == {"IRQ", "SYR"}
    source = (ROOT / "static" / "map" / "SOURCE.md").read_text(encoding="utf-8")
    assert "Natural Earth" in source and "public domain" in source
    assert (ROOT / "scripts" / "build_map_outline.py").exists()


def test_map_markers_carry_the_counts_of_the_searches_they_link_to(seeded):
    params = SearchParams(q="داعش")
    outcome = search(params)
    the_map = place_map(outcome.facets["location"], params, "/search/")
    kinds = {m.kind for m in the_map.markers}
    assert "country" not in kinds and "region" not in kinds
    assert {"diyala", "mosul"} <= {m.slug for m in the_map.markers}
    for marker in the_map.markers:
        assert search(params_of(marker.url), with_facets=False).count == marker.count, marker.slug
    # The text alternative lists the same places, most named first.
    assert sorted(m.slug for m in the_map.listed) == sorted(m.slug for m in the_map.markers)
    assert [m.count for m in the_map.listed] == sorted((m.count for m in the_map.listed), reverse=True)
    # Bigger count, bigger marker (same kind).
    cities = sorted((m for m in the_map.markers if m.kind == "city"), key=lambda m: m.count)
    assert cities[0].r <= cities[-1].r


def test_a_place_page_map_zooms_to_the_place(seeded):
    outcome = search(SearchParams(location=["diyala"]))
    the_map = place_map(outcome.facets["location"], SearchParams(), "/places/diyala/",
                               focus="diyala", within=Places().descendants("diyala"))
    assert the_map.zoomed and the_map.focus.slug == "diyala"
    assert {m.slug for m in the_map.markers} == {"muqdadiyah", "khanaqin", "jalawla", "qara-tapa"}
    x, y, w, h = (float(v) for v in the_map.view_box.split())
    assert w < 400
    for marker in the_map.markers:
        assert x <= marker.cx <= x + w and y <= marker.cy <= y + h


def test_the_search_page_draws_the_map_with_a_list(client, seeded):
    html = client.get("/search/", {"q": "داعش"}).content.decode()
    assert '<svg class="map__svg' in html and 'class="map__country' in html
    assert 'data-place="diyala"' in html and "map__list" in html
    assert "Natural Earth" in html


# ---------------------------------------------------------------------------
# Entity pages
# ---------------------------------------------------------------------------

def article_ids(html):
    return [int(pk) for pk in re.findall(r'<h3 class="card__title"[^>]*>\s*<a href="/articles/(\d+)/', html)]


def newest_first(pks):
    articles = Article.objects.in_bulk(pks)
    dates = [articles[pk].published for pk in pks]
    return dates == sorted(dates, reverse=True)


def test_a_place_page_lists_its_articles_newest_first_and_the_places_under_it(client, seeded):
    response = client.get("/places/diyala/")
    html = response.content.decode()
    assert response.status_code == 200
    pks = article_ids(html)
    assert len(pks) == count_of(location=["diyala"]) == 3
    assert newest_first(pks)
    # Where it lies and what lies under it.
    assert 'href="/places/iraq/"' in html  # the breadcrumb
    for child in ("muqdadiyah", "khanaqin", "jalawla", "qara-tapa", "baqubah"):
        assert f'href="/places/{child}/"' in html
    assert "map__focus" in html
    # Named alongside: forces and speakers of its articles, linked to their pages.
    assert 'href="/forces/peshmerga/"' in html
    assert 'href="/speakers/myles-caggins/"' in html
    assert "style=" not in html


def test_places_inside_without_articles_are_folded_after_those_with_articles(client, seeded):
    """A country holds hundreds of towns: those with no articles yet fold into
    one line, so the page's articles are not pushed screens down."""
    response = client.get("/places/iraq/")
    html = response.content.decode()
    shown = [c.slug for c, n, _url in response.context["children"]]
    quiet = [c.slug for c, n, _url in response.context["quiet_children"]]
    assert shown and quiet and not set(shown) & set(quiet)
    assert all(n for _c, n, _u in response.context["children"])
    assert all(not n for _c, n, _u in response.context["quiet_children"])
    assert html.index(f'href="/places/{shown[0]}/"') < html.index("entity-children__more")
    assert html.index("entity-children__more") < html.index(f'href="/places/{quiet[0]}/"')


def test_a_place_page_narrows_to_a_place_inside_it_only(client, seeded):
    html = client.get("/places/diyala/", {"location": "muqdadiyah"}).content.decode()
    assert article_ids(html) == [seed("004").pk]
    # Anbar is not inside Diyala: left out, and said so.
    response = client.get("/places/diyala/", {"location": "anbar"})
    html = response.content.decode()
    assert len(article_ids(html)) == 3 and "لم يُطبَّق الفلتر" in html
    # Its own subtree as the place facet, with the counts of the searches its links run.
    outcome = search(SearchParams(location=["diyala"]))
    nodes = place_tree(outcome.facets["location"], EntityParams(), "/places/diyala/", root="diyala")
    assert {n.slug for n in nodes} == {"muqdadiyah", "khanaqin", "jalawla", "qara-tapa"}
    for node in nodes:
        page = client.get(unescape(node.toggle_url)).content.decode()
        assert len(article_ids(page)) == node.count == count_of(location=[node.slug])


def test_a_force_page_takes_the_search_filters(client, seeded):
    html = client.get("/forces/peshmerga/").content.decode()
    pks = article_ids(html)
    assert len(pks) == count_of(force=["peshmerga"]) and newest_first(pks)
    html = client.get("/forces/peshmerga/", {"location": "diyala", "sort": "oldest"}).content.decode()
    pks = article_ids(html)
    assert len(pks) == count_of(force=["peshmerga"], location=["diyala"])
    dates = [Article.objects.get(pk=pk).published for pk in pks]
    assert len(pks) > 1 and dates == sorted(dates)  # oldest first, as asked
    # The timeline's bars narrow this page, not the search page.
    assert 'href="/forces/peshmerga/?location=diyala&amp;date_from=' in html
    # Other forces are named alongside, not offered as a filter of this page.
    assert 'href="/forces/international-coalition/"' in html
    assert 'data-facet="force"' not in html


def test_a_speaker_page_lists_what_they_were_quoted_on_by_date(client, seeded):
    html = client.get("/speakers/myles-caggins/").content.decode()
    pks = article_ids(html)
    assert len(pks) == count_of(speaker=["myles-caggins"]) == 3
    assert newest_first(pks)
    assert "ما نُقل عنه" in html
    # The passage where he is named, his name marked (in whichever spelling).
    assert len(re.findall(r'<p class="card__snippet"[^>]*>.*?<mark>', html, re.S)) == 3


def test_an_outlet_page_lists_its_articles(client, seeded):
    rudaw = Outlet.objects.get(slug="rudaw")
    html = client.get("/sources/rudaw/").content.decode()
    assert article_ids(html) == list(rudaw.articles.values_list("pk", flat=True))
    assert 'data-facet="source"' not in html


@pytest.mark.parametrize("url,linked", [
    ("https://www.rudaw.net/arabic", True),
    ("javascript:alert(1)", False),
    (" JaVaScRiPt:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
])
def test_an_outlet_home_page_is_a_link_only_when_it_is_http(client, seeded, url, linked):
    Outlet.objects.filter(slug="rudaw").update(url=url)
    html = client.get("/sources/rudaw/").content.decode()
    head = re.search(r'<p class="entity-head__link">(.*?)</p>', html, re.S).group(1)
    assert ("<a " in head) == linked
    assert unescape(re.sub(r"<[^>]+>", "", head)) == url


@pytest.mark.parametrize("kind", ["places", "forces", "speakers", "sources"])
def test_an_unknown_entity_is_a_404(client, seeded, kind):
    assert client.get(f"/{kind}/no-such-thing/").status_code == 404


def test_a_bad_parameter_on_an_entity_page_is_a_message(client, seeded):
    response = client.get("/places/diyala/", {"date_from": "yesterday"})
    assert response.status_code == 400 and "date_from" in response.content.decode()


def test_entity_page_links_leave_the_default_order_out():
    params = EntityParams(location=["diyala"])
    assert params.to_query() == "location=diyala"
    assert params.to_query(sort="relevance") == "location=diyala&sort=relevance"
    assert params.to_query(sort="oldest", page=2) == "location=diyala&sort=oldest&page=2"
    assert EntityParams.from_request(QueryDict("")).sort == "newest"
    assert EntityParams.from_request(QueryDict("sort=relevance")).sort == "relevance"


def test_the_search_page_links_to_the_pages_of_its_filters(client, seeded):
    html = client.get("/search/", {"location": "diyala", "force": "peshmerga"}).content.decode()
    assert 'href="/places/diyala/"' in html and 'href="/forces/peshmerga/"' in html


def test_every_kind_of_entity_page_renders(client, seeded):
    for model, prefix in ((Place, "places"), (Force, "forces"), (Speaker, "speakers"), (Outlet, "sources")):
        for entity in model.objects.all()[:6]:
            assert client.get(f"/{prefix}/{entity.slug}/").status_code == 200, entity.slug


def test_an_entity_page_with_too_many_parameters_answers_400_with_a_message(client, seeded):
    query = "&".join(f"x{i}=1" for i in range(1200))
    response = client.get(f"/places/diyala/?{query}")
    assert response.status_code == 400
    assert "قيم أكثر مما يُقبل" in response.content.decode()
