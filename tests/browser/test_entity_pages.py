"""Browsing in a real browser: entity pages, the timeline, the place tree and the map.

Arabic, right to left, against the live server with the demo archive: open a
place page and narrow it to a month from its timeline; narrow a search from the
place tree; filter by clicking a marker on the map; every page fits a 360px
phone, passes axe-core and works without JavaScript. Screenshots: entity-*.png and map-*.png in
test-artifacts/screenshots/.
"""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, SCREENSHOTS, screenshot
from tests.browser.test_reading import no_inline_code, no_sideways_scroll
from tests.browser.test_researcher_flow import assert_accessible, axe_script  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser


def result_count(page):
    return page.locator(".results__list > li").count()


def test_a_month_of_the_timeline_narrows_the_place_page(page, axe_script, browser_errors):
    page.goto("/places/diyala/")
    expect(page.locator("h1")).to_contain_text("ديالى")
    expect(page.locator(".timeline__chart")).to_be_visible()
    expect(page.locator(".map__svg")).to_be_visible()
    before = result_count(page)
    assert before == 3
    no_inline_code(page)
    assert_accessible(page, axe_script)
    screenshot(page, "entity-place")

    bar = page.locator(".timeline__link:not(.is-empty)").first
    month = bar.get_attribute("data-month")
    expected = int(re.search(r": (\d+)$", bar.locator("title").text_content()).group(1))
    bar.click()
    page.wait_for_url(re.compile(rf"date_from={month}-01&date_to={month}-\d\d"))
    assert page.url.split("?")[0].endswith("/places/diyala/")
    expect(page.locator("#date_from")).to_have_value(f"{month}-01")
    from archive.templatetags.archive_tags import MONTHS_AR

    year, number = month.split("-")
    expect(page.locator(".chips")).to_contain_text(f"من 1 {MONTHS_AR[int(number) - 1]} {year}")
    assert result_count(page) == expected < before
    # The month opens into its days (or, with none dated to the day, stays marked among the months).
    days = page.locator(".timeline__link[data-day]:not(.is-empty)")
    if days.count():
        expect(page.locator(".timeline__heading")).to_contain_text("يوماً بيوم")
        day = days.first.get_attribute("data-day")
        days.first.click()
        page.wait_for_url(re.compile(rf"date_from={day}&date_to={day}"))
        expect(page.locator(f'.timeline__link.is-selected[data-day="{day}"]')).to_have_count(1)
        assert_accessible(page, axe_script)
    else:
        expect(page.locator(".timeline__link.is-selected")).to_have_count(1)
    # The table under the chart is the same thing in words.
    page.locator(".timeline__table > summary").click()
    expect(page.locator(".timeline__table tr.is-selected a")).to_have_attribute("aria-current", "true")
    assert browser_errors == []


def test_narrow_a_search_from_the_place_tree(page, browser_errors):
    page.goto("/search/")
    places = page.locator('.facets details[data-facet="location"]')
    diyala = places.locator('li[data-place="diyala"] > a.facet__link')
    expect(diyala).to_be_visible()
    shown = int(diyala.locator(".facet__count").inner_text())
    diyala.click()
    page.wait_for_url(re.compile(r"location=diyala"))
    expect(page.locator(".results__heading")).to_contain_text(str(shown))
    assert result_count(page) == shown
    chosen = places.locator('li[data-place="diyala"] > a[aria-current="true"]')
    expect(chosen).to_be_visible()
    expect(page.locator(".chips")).to_contain_text("ديالى")
    # Its places are open under it: choosing one narrows to it alone.
    muqdadiyah = places.locator('li[data-place="muqdadiyah"] > a.facet__link')
    expect(muqdadiyah).to_be_visible()
    inside = int(muqdadiyah.locator(".facet__count").inner_text())
    muqdadiyah.click()
    page.wait_for_url(re.compile(r"location=muqdadiyah"))
    assert "location=diyala" not in page.url
    assert result_count(page) == inside
    screenshot(page, "entity-tree")
    # The page of a chosen place is a click away.
    page.locator(".entity-links a", has_text="المقدادية").click()
    page.wait_for_url(re.compile(r"/places/muqdadiyah/"))
    expect(page.locator("h1")).to_contain_text("المقدادية")
    assert browser_errors == []


def test_a_marker_on_the_map_filters_the_search(page, browser_errors):
    page.goto("/search/?q=داعش")
    page.locator("details.overview > summary").click()  # folded under the results' count
    the_map = page.locator(".map__svg")
    expect(the_map).to_be_visible()
    expect(page.locator(".map__country")).to_have_count(2)
    no_inline_code(page)
    screenshot(page, "map-search")
    page.locator(".map").screenshot(path=str(SCREENSHOTS / "map-search-detail-1280.png"))
    marker = page.locator('.map__marker[data-place="mosul"]')
    expected = int(re.search(r": (\d+)$", marker.locator("title").text_content()).group(1))
    marker.click()
    page.wait_for_url(re.compile(r"location=mosul"))
    assert result_count(page) == expected
    expect(page.locator('.map__marker[data-place="mosul"].is-selected')).to_have_count(1)
    expect(page.locator(".chips")).to_contain_text("الموصل")
    # The list under the map carries the same links, for keyboards and screen readers.
    page.locator(".map__list > summary").click()
    expect(page.locator('.map__list a[aria-current="true"]')).to_contain_text("الموصل")
    assert browser_errors == []


def test_a_country_page_shows_the_country_on_the_map(page, browser_errors):
    page.goto("/places/iraq/")
    expect(page.locator('.map__country.is-focus[data-iso="IRQ"]')).to_have_count(1)
    expect(page.locator(".map__marker").first).to_be_visible()
    screenshot(page, "map-place")
    assert browser_errors == []


def test_a_speaker_page_lists_quotes_by_date(page, browser_errors):
    page.goto("/speakers/myles-caggins/")
    expect(page.locator("#results-heading")).to_contain_text("ما نُقل عنه")
    times = page.locator(".results__list time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert len(times) == 3 and times == sorted(times, reverse=True)
    expect(page.locator(".results__list .card__snippet mark").first).to_be_visible()
    screenshot(page, "entity-speaker")
    assert browser_errors == []


@pytest.mark.parametrize("path", [
    "/places/diyala/", "/places/iraq/", "/forces/peshmerga/", "/speakers/myles-caggins/", "/sources/rudaw/",
    "/search/?q=داعش",
])
def test_entity_pages_fit_a_phone(phone_page, axe_script, browser_errors, path):
    page = phone_page
    page.goto(path)
    expect(page.get_by_role("main")).to_be_visible()
    if path.startswith("/search/"):
        page.locator("details.overview > summary").click()  # folded under the results' count
    expect(page.locator(".timeline__chart")).to_be_visible()
    no_sideways_scroll(page)
    no_inline_code(page)
    assert_accessible(page, axe_script)
    name = {"/search/?q=داعش": "map-search"}.get(path, "entity-" + path.strip("/").replace("/", "-"))
    screenshot(page, name)
    assert page.viewport_size == PHONE
    assert browser_errors == []


def test_entity_pages_work_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/forces/peshmerga/")
    total = result_count(page)
    # A place from the tree, then a month from the timeline: plain links.
    page.locator('.facets li[data-place="diyala"] > a.facet__link').click()
    page.wait_for_url(re.compile(r"/forces/peshmerga/\?location=diyala"))
    narrowed = result_count(page)
    assert 0 < narrowed <= total
    page.locator(".timeline__link:not(.is-empty)").first.click()
    page.wait_for_url(re.compile(r"location=diyala&date_from="))
    assert 0 < result_count(page) <= narrowed
    # The form searches within the page.
    page.locator("#q").fill("داعش")
    page.locator("form.search-form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/forces/peshmerga/\?q="))
    expect(page.locator('form.search-form input[type="hidden"][name="location"]')).to_have_count(1)
