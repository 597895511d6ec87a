"""A reader's path through the archive in a real browser, in Arabic, right to left.

From the home page: search for داعش, see marked results, open the first one and
read it right to left; the same pages fit a 360px phone without sideways
scrolling, work with JavaScript off, and carry no inline script or style (the
Content-Security-Policy forbids both).
"""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, screenshot

pytestmark = pytest.mark.browser

QUERY = "داعش"


def no_sideways_scroll(page):
    width, viewport = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width <= viewport, f"{page.url} is {width}px wide in a {viewport}px window"


def no_inline_code(page):
    # JSON-LD (the article page's schema.org NewsArticle) is data the browser never runs.
    assert page.locator('script:not([src]):not([type="application/ld+json"])').count() == 0, (
        f"inline <script> on {page.url}")
    assert page.locator("[style]").count() == 0, f"style attribute on {page.url}"
    handlers = page.evaluate(
        "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
        ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"
    )
    assert handlers == [], f"inline event handlers on {page.url}: {handlers}"


def search_from_home(page):
    page.goto("/")
    box = page.get_by_role("searchbox", name="ابحث في الأرشيف")
    box.fill(QUERY)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?"))


def test_search_from_the_home_page_and_read_an_article(page, browser_errors):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("main")).to_be_visible()
    no_inline_code(page)
    screenshot(page, "home")

    search_from_home(page)
    results = page.locator(".results__list > li")
    expect(results.first).to_be_visible()
    assert results.count() >= 1
    expect(page.locator(".results__heading")).to_contain_text(re.compile(r"\d"))
    expect(page.locator(".results__list mark").first).to_be_visible()
    expect(page.get_by_role("complementary").first).to_be_visible()  # the facets
    no_inline_code(page)
    screenshot(page, "search")

    first = results.first.locator(".card__title a")
    title = first.inner_text().strip()
    first.click()
    page.wait_for_url(re.compile(r"/articles/\d+/"))

    story = page.locator('article[dir="rtl"][lang="ar"]')
    expect(story).to_be_visible()
    expect(story.locator("h1")).to_have_text(title)
    paragraphs = story.locator(".story__body p")
    expect(paragraphs.first).to_be_visible()
    assert paragraphs.first.evaluate("p => getComputedStyle(p).direction") == "rtl"
    assert story.locator("h1").evaluate("h => getComputedStyle(h).direction") == "rtl"
    # The search words are marked in the text, and the way back keeps the search.
    expect(story.locator(".story__body mark").first).to_be_visible()
    back = page.locator(".back-link a")
    expect(back).to_have_attribute("href", re.compile(r"/search/\?.*q="))
    no_inline_code(page)
    screenshot(page, "article")
    page.set_viewport_size(PHONE)
    screenshot(page, "article")
    page.set_viewport_size(DESKTOP)

    assert browser_errors == []


def test_filter_by_place_from_the_facets(page, browser_errors):
    search_from_home(page)
    place = page.locator('.facets details[data-facet="location"] a.facet__link').first
    expect(place).to_be_visible()
    name = place.locator(".facet__label").inner_text().strip()
    place.click()
    page.wait_for_url(re.compile(r"location="))
    expect(page.locator('.facets details[data-facet="location"] a[aria-current="true"]').first).to_contain_text(name)
    expect(page.locator(".chips")).to_contain_text(name)
    expect(page.locator(".results__list > li").first).to_be_visible()
    # The search form keeps the filter when the query changes.
    expect(page.locator('form.search-form input[type="hidden"][name="location"]')).to_have_count(1)
    screenshot(page, "search-place")
    assert browser_errors == []


@pytest.mark.parametrize("where", ["home", "search", "search-place", "article"])
def test_pages_fit_a_phone_without_sideways_scrolling(phone_page, browser_errors, where):
    page = phone_page
    if where == "home":
        page.goto("/")
    else:
        search_from_home(page)
        if where == "search-place":
            # On a phone the facets come after the results, folded: open the places.
            places = page.locator('.facets details[data-facet="location"]')
            summary = places.locator(":scope > summary")
            summary.scroll_into_view_if_needed()
            if places.get_attribute("open") is None:
                summary.click()
            places.locator("a.facet__link").first.click()
            page.wait_for_url(re.compile(r"location="))
        elif where == "article":
            page.locator(".results__list .card__title a").first.click()
            page.wait_for_url(re.compile(r"/articles/\d+/"))
    expect(page.get_by_role("main")).to_be_visible()
    no_sideways_scroll(page)
    screenshot(page, where)
    assert browser_errors == []


def test_search_works_without_javascript(page_without_js):
    page = page_without_js
    search_from_home(page)
    expect(page.locator(".results__list > li").first).to_be_visible()
    # Changing the mode needs the search button without script: the form still submits.
    page.locator("details.search-options").evaluate("d => d.open = true")  # the options fold into one line
    page.locator('label[for="mode-exact"]').click()
    page.locator("form.search-form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"mode=exact"))
    expect(page.locator("#mode-exact")).to_be_checked()


def test_sort_change_submits_by_itself_with_javascript(page, browser_errors):
    search_from_home(page)
    page.locator("details.search-options").evaluate("d => d.open = true")  # the options fold into one line
    page.locator("#sort").select_option("newest")
    page.wait_for_url(re.compile(r"sort=newest"))
    expect(page.locator("#sort")).to_have_value("newest")
    assert browser_errors == []


def test_english_interface_keeps_the_article_right_to_left(page, browser_errors):
    search_from_home(page)
    page.locator(".results__list .card__title a").first.click()
    page.wait_for_url(re.compile(r"/articles/\d+/"))
    page.locator('.lang-switch button[value="en"]').click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    story = page.locator('article[dir="rtl"][lang="ar"]')
    expect(story).to_be_visible()
    assert story.locator(".story__body p").first.evaluate("p => getComputedStyle(p).direction") == "rtl"
    expect(page.locator(".story__meta")).to_contain_text(re.compile(r"\d{4}"))
    screenshot(page, "article-en")
    page.locator('.lang-switch button[value="ar"]').click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert browser_errors == []
