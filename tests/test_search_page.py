"""The search page speaks in words, keeps the reader on real pages, and counts as its links do.

Issue 11, points 8–11: dates in words, addresses with Arabic in them readable,
errors without parameter names, page 999 of 3 → the last page, the archive's own
"not found" page in both languages (DEBUG on too), and a count beside a link
that is the count the link finds.
"""
import re

import pytest
from django.test import override_settings

from archive.models import Force, Place
from archive.templatetags.archive_tags import url_display


def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})


# ---------- Errors in words ----------

def test_a_reversed_date_range_is_swapped_and_said_in_words(client, seeded):
    response = client.get("/search/", {"q": "داعش", "date_from": "2021-12-31", "date_to": "2017-01-01"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "بداية المدة كانت بعد نهايتها، فبحثنا من 1 كانون الثاني 2017 إلى 31 كانون الأول 2021." in html
    notice = re.search(r'<div class="notice notice--info" role="status">(.*?)</div>', html, re.S).group(1)
    assert "date_from" not in notice and "date_to" not in notice
    # The search ran on the swapped range: the seeds of 2017–2021 are found.
    assert "عدد النتائج: 5" in html


def test_the_api_still_refuses_a_reversed_range_naming_the_parameters(client, seeded):
    response = client.get("/api/articles/", {"date_from": "2021-12-31", "date_to": "2017-01-01"})
    assert response.status_code == 400
    assert "date_from" in response.json()["error"]


@pytest.mark.parametrize("query, words", [
    ({"page_size": "100000"}, "«عدد النتائج في الصفحة» يجب أن يكون بين"),
    ({"sort": "sideways"}, "قيمة غير صالحة لـ«الترتيب»"),
    ({"date_from": "31/12/2020"}, "«بداية المدة» ليست تاريخًا صحيحًا"),
    ({"location": "atlantis"}, "لا نعرف «atlantis» في «المكان»"),
])
def test_a_bad_value_on_the_page_is_explained_without_parameter_names(client, seeded, query, words):
    response = client.get("/search/", query)
    assert response.status_code == 400
    alert = re.search(r'<div class="alert alert--error"[^>]*>(.*?)</div>', response.content.decode(), re.S).group(1)
    assert words in alert
    assert not re.search(r"page_size|date_from|sort\b|location", alert), alert
    # The API says the same and names the parameter for the programmer.
    api = client.get("/api/articles/", query).json()["error"]
    assert words in api and f"({next(iter(query))})" in api


def test_a_page_past_the_last_goes_to_the_last(client, seeded):
    response = client.get("/search/", {"q": "داعش", "page_size": 2, "page": 999, "sort": "newest"})
    assert response.status_code == 302
    assert response["Location"] == "/search/?q=%D8%AF%D8%A7%D8%B9%D8%B4&sort=newest&page_size=2&page=3"
    assert client.get(response["Location"]).status_code == 200


def test_an_entity_page_past_the_last_goes_to_the_last(client, seeded):
    response = client.get("/places/iraq/", {"page_size": 1, "page": 999})
    assert response.status_code == 302 and response["Location"].startswith("/places/iraq/?")
    assert "page=" in response["Location"]


# ---------- Not found ----------

@pytest.mark.parametrize("debug", [True, False])
def test_a_dead_link_gets_the_archives_page_in_the_readers_language(client, seeded, debug, settings):
    settings.DEBUG = debug
    for path in ("/no/such/page/", "/articles/999999/", "/places/atlantis/"):
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 404
        assert "الصفحة غير موجودة" in html and '<html lang="ar" dir="rtl">' in html, path
        assert "URLconf" not in html and "Traceback" not in html
    english(client)
    html = client.get("/no/such/page/").content.decode()
    assert "Page not found" in html and '<html lang="en" dir="ltr">' in html


def test_the_api_keeps_its_own_404(client, seeded, settings):
    settings.DEBUG = True
    response = client.get("/api/articles/999999/")
    assert response.status_code == 404
    assert "الصفحة غير موجودة" not in response.content.decode()


# ---------- Counts that agree ----------

def test_every_count_on_the_home_page_is_the_count_its_link_finds(client, seeded):
    html = client.get("/").content.decode()
    listed = re.findall(r'<a href="(/search/\?(?:location|force)=[^"]+)"><span class="count-list__name"><bdi>[^<]*</bdi></span> <span class="count-list__n">(\d+)</span>', html)
    assert len(listed) >= 6
    for url, count in listed:
        found = client.get(url.replace("/search/", "/api/articles/").replace("&amp;", "&")).json()["count"]
        assert found == int(count), url
    # A country counts the articles that name only a place inside it.
    iraq = Place.objects.get(slug="iraq")
    direct = iraq.articles.count()
    assert int(dict(listed)["/search/?location=iraq"]) >= direct


def test_the_home_page_lists_forces_by_the_search_count(client, seeded):
    html = client.get("/").content.decode()
    force = Force.objects.get(name_en="Peshmerga")
    assert f'/search/?force={force.slug}"' in html


# ---------- Dates and addresses in right-to-left text ----------

def test_date_chips_read_in_words(client, seeded):
    html = client.get("/search/", {"date_from": "2020-12-31"}).content.decode()
    assert "من 31 كانون الأول 2020" in html
    assert "2020-12-31</bdi>" not in html
    english(client)
    assert "From 31 December 2020" in client.get("/search/", {"date_from": "2020-12-31"}).content.decode()


def test_an_address_with_arabic_keeps_its_parts_in_order():
    html = url_display("https://www.example.com/news/2018/%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82/%D8%AF%D8%A7%D8%B9%D8%B4-%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84")
    # Decoded, every part isolated, a break offered after each slash of the path only.
    assert html == ("https://<bdi>www.example.com</bdi>/<wbr><bdi>news</bdi>/<wbr><bdi>2018</bdi>/<wbr>"
                    "<bdi>العراق</bdi>/<wbr><bdi>داعش-الموصل</bdi>")


def test_an_address_cannot_smuggle_markup_or_reordering_characters():
    html = url_display('https://evil.example/"><script>x</script>/\u202eexe.txt')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "\u202e" not in html


def test_an_address_that_is_not_utf8_underneath_is_shown_as_stored():
    assert url_display("https://a.example/%FF%FE") == "https://<bdi>a.example</bdi>/<wbr><bdi>%FF%FE</bdi>"


def test_the_cite_box_and_the_side_panel_isolate_the_address(client, seeded):
    from tests.conftest import seed

    article = seed("004")
    article.url = "https://www.rudaw.net/arabic/kurdistan/%D8%A3%D8%B1%D8%A8%D9%8A%D9%84-%D8%AF%D8%A7%D8%B9%D8%B4"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count("<bdi>أربيل-داعش</bdi>") == 2  # the side panel and the cite box
    assert f'href="{article.url}"' in html  # the link itself is the address as stored


# ---------- Active filters ----------

def _clear_all_link(html):
    match = re.search(r'<a class="chips__clear" href="([^"]*)"', html)
    return match and match.group(1).replace("&amp;", "&")


def test_the_search_page_lists_its_filters_each_removable_and_clears_them_all_but_the_query_and_mode(client, seeded):
    html = client.get("/search/", {"q": "داعش", "location": "diyala", "force": "peshmerga"}).content.decode()
    assert html.count('class="chip__remove"') == 2
    assert _clear_all_link(html) == "/search/?q=%D8%AF%D8%A7%D8%B9%D8%B4&mode=broad"


def test_an_entity_page_clears_its_filters_back_to_the_entity_itself(client, seeded):
    html = client.get("/places/diyala/", {"force": "peshmerga", "date_from": "2017-01-01"}).content.decode()
    assert html.count('class="chip__remove"') == 2
    assert _clear_all_link(html) == "/places/diyala/"
    # The entity page names no other entity pages above its results.
    assert 'class="entity-links"' not in html
