"""The search page in a real browser: results first, right-to-left text that reads right,
and a timeline and map a finger can use (issue 11, points 7, 8 and 12).

Sizes are the issue's: a 1280×900 desktop and a 390×844 phone.
"""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import _open_page, screenshot
from tests.browser.test_researcher_flow import assert_accessible, axe_script  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
QUERY = "/search/?q=داعش"
TOUCH = 24  # px, the least a finger can hit


@pytest.fixture
def open_page(browser, live_server, archive_data, browser_errors):
    contexts = []

    def open_(viewport, language="ar"):
        phone = viewport["width"] < 600
        context, page = _open_page(browser, live_server, browser_errors, viewport=viewport,
                                   is_mobile=phone, has_touch=phone, locale=language,
                                   extra_http_headers={"Accept-Language": language})
        contexts.append(context)
        return page

    yield open_
    for context in contexts:
        context.close()


def top(locator):
    return locator.evaluate("e => e.getBoundingClientRect().top + window.scrollY")


# ---------- 7. Results first ----------

@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_first_result_is_on_the_first_screen(open_page, viewport, browser_errors):
    page = open_page(viewport)
    page.goto(QUERY)
    first = page.locator(".results__item").first
    expect(first).to_be_visible()
    # Its headline, not only its top edge, is on the first screen.
    title = first.locator(".card__title")
    box_bottom = title.evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")
    assert box_bottom <= viewport["height"], f"first result's title ends at {box_bottom}px"
    # The timeline and the map are one click away, folded under the count.
    overview = page.locator("details.overview")
    expect(overview).to_have_count(1)
    expect(page.locator(".timeline__chart")).to_be_hidden()
    # Folded, it leaves no blank band above the first result (the entity page's grid
    # of charts, also called .overview, once gave it a row gap and a 1.5rem margin).
    gap = top(first) - overview.evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")
    assert gap < 16, f"{gap}px of blank between the folded charts and the first result"
    overview.locator("> summary").click()
    expect(page.locator(".timeline__chart")).to_be_visible()
    screenshot(page, "search-results-first")
    assert not browser_errors


def test_a_phone_opens_the_filters_from_the_top(open_page, browser_errors):
    page = open_page(PHONE)
    page.goto(QUERY)
    control = page.get_by_role("link", name=re.compile("الفلاتر"))
    expect(control).to_be_visible()
    assert top(control) < 2 * PHONE["height"]
    control.click()
    panel = page.locator("#facets")
    expect(panel).to_be_visible()
    # The panel covers the screen from its top: the facets, not the 20th result, are in view.
    assert panel.evaluate("e => { const r = e.getBoundingClientRect(); return r.top <= 1 && r.height >= innerHeight - 1 }")
    expect(panel.get_by_role("heading", name="تضييق النتائج")).to_be_in_viewport()
    screenshot(page, "search-filters-panel")
    # A place from the panel narrows the search; the results come back first.
    panel.locator('details[data-facet="location"] > summary').first.click()
    panel.locator('details[data-facet="location"] a.facet__link').first.click()
    page.wait_for_url(re.compile(r"location="))
    expect(page.locator("#facets")).not_to_be_in_viewport()
    expect(page.locator(".results__item").first).to_be_visible()
    # And "back to the results" closes it without choosing anything.
    page.get_by_role("link", name=re.compile("الفلاتر")).click()
    page.get_by_role("link", name="العودة إلى النتائج").click()
    expect(page.locator("#facets")).not_to_be_in_viewport()
    assert not browser_errors


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_search_page_stays_accessible(open_page, axe_script, viewport, language, browser_errors):
    page = open_page(viewport, language)
    page.goto(QUERY)
    assert_accessible(page, axe_script)
    page.locator("details.overview > summary").click()
    page.locator("details.search-options > summary").click()
    assert_accessible(page, axe_script)


# ---------- 8. Right-to-left correctness ----------

ARABIC_URL = "https://www.rudaw.net/arabic/kurdistan/070220201/%D8%A3%D8%B1%D8%A8%D9%8A%D9%84-%D8%AF%D8%A7%D8%B9%D8%B4"


@pytest.fixture
def article_with_arabic_url(archive_data):
    from archive.models import Article

    article = Article.objects.get(external_id__startswith="004")
    article.url = ARABIC_URL
    article.save()
    return article


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_an_address_with_arabic_reads_in_order(open_page, article_with_arabic_url, viewport, language):
    page = open_page(viewport, language)
    page.goto(article_with_arabic_url.get_absolute_url())
    for where in (".source-list .url", ".cite__text .cite__url"):
        parts = page.locator(where).first.locator("bdi")
        texts = parts.all_inner_texts()
        assert texts == ["www.rudaw.net", "arabic", "kurdistan", "070220201", "أربيل-داعش"], texts
        # Left to right, line by line: each part starts right of the previous one on
        # its line, or on a lower line.
        boxes = parts.evaluate_all("ps => ps.map(p => { const r = p.getClientRects()[0]; return [r.left, r.top] })")
        for (left_a, top_a), (left_b, top_b) in zip(boxes, boxes[1:]):
            assert top_b > top_a + 1 or left_b > left_a, (where, boxes)
        # Never broken inside "https".
        scheme = page.locator(where).first.evaluate(
            "e => { const r = document.createRange(); const t = e.firstChild; r.setStart(t, 0); r.setEnd(t, 5); return r.getClientRects().length }")
        assert scheme == 1
    screenshot(page, f"article-url-{language}")


def test_the_english_cite_box_quotes_the_arabic_title(open_page, article_with_arabic_url):
    page = open_page(DESKTOP, "en")
    page.goto(article_with_arabic_url.get_absolute_url())
    title = page.locator(".cite__text bdi[lang='ar']")
    expect(title).to_have_text(article_with_arabic_url.title)
    # The opening quote sits left of the isolated title and the closing one right of it.
    text = page.locator(".cite__text").inner_text()
    assert f"“{article_with_arabic_url.title}”" in text
    quotes = page.locator(".cite__text").evaluate(
        """e => { const t = e.innerText; const nodes = [...e.childNodes];
            const r = document.createRange(); const out = [];
            for (const n of nodes) { if (n.nodeType === 3) { for (const q of ["“", "”"]) {
              const i = n.textContent.indexOf(q); if (i >= 0) { r.setStart(n, i); r.setEnd(n, i + 1);
              out.push([q, r.getBoundingClientRect().left]); } } } }
            const b = e.querySelector("bdi[lang=ar]").getBoundingClientRect();
            return {quotes: out, left: b.left, right: b.right}; }""")
    opening = dict(quotes["quotes"])["“"]
    closing = dict(quotes["quotes"])["”"]
    assert opening < quotes["left"] and closing >= quotes["right"] - 1, quotes


def test_date_chips_read_in_words(open_page):
    page = open_page(DESKTOP)
    page.goto("/search/?date_from=2020-12-31")
    expect(page.locator(".chip__label")).to_have_text("من 31 كانون الأول 2020")


# ---------- 12. Timeline and map by touch ----------

def test_a_phone_can_tap_every_month_and_every_place(open_page, browser_errors):
    page = open_page(PHONE)
    page.goto(QUERY)
    page.locator("details.overview > summary").click()
    widths = page.locator(".timeline__hit").evaluate_all("rs => rs.map(r => r.getBoundingClientRect().width)")
    assert widths and min(widths) >= TOUCH - 0.5, min(widths)
    # A long timeline scrolls inside its box; the page itself does not.
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
    # Year labels never run into each other.
    years = page.locator(".timeline__year").evaluate_all(
        "ts => ts.map(t => { const r = t.getBoundingClientRect(); return [r.left, r.right] })")
    years.sort()
    for (_l1, r1), (l2, _r2) in zip(years, years[1:]):
        assert l2 >= r1, years
    # Every place on the map is a fingertip wide.
    circles = page.locator(".map__marker").evaluate_all(
        "ms => ms.map(m => { const c = m.querySelector('.map__hit').getBoundingClientRect(); return Math.min(c.width, c.height) })")
    assert circles and min(circles) >= TOUCH - 0.5, min(circles)
    screenshot(page, "search-overview-phone")
    assert not browser_errors


def test_tapping_a_month_on_a_phone_narrows_to_it(open_page):
    page = open_page(PHONE)
    page.goto(QUERY)
    page.locator("details.overview > summary").click()
    bar = page.locator(".timeline__link:not(.is-empty)").first
    bar.scroll_into_view_if_needed()
    month = bar.get_attribute("data-month")
    bar.locator(".timeline__hit").tap()
    page.wait_for_url(re.compile(rf"date_from={month}-01"))
    # The reader comes back to the timeline they used, open on the month's days when
    # any match is dated to the day (else on the months, this one marked).
    expect(page.locator(".timeline__chart")).to_be_visible()
    days = page.locator(".timeline__link[data-day]:not(.is-empty)")
    if days.count():
        widths = page.locator(".timeline__hit").evaluate_all("rs => rs.map(r => r.getBoundingClientRect().width)")
        assert min(widths) >= TOUCH - 0.5
        days.first.scroll_into_view_if_needed()
        day = days.first.get_attribute("data-day")
        days.first.locator(".timeline__hit").tap()
        page.wait_for_url(re.compile(rf"date_from={day}&date_to={day}"))
    else:
        expect(page.locator(".timeline__link.is-selected")).to_be_visible()


def test_the_place_page_map_names_its_places_on_a_phone(open_page):
    page = open_page(PHONE)
    page.goto("/places/iraq/")
    names = page.locator(".map__label--narrow")
    assert names.count() >= 3
    for label in names.all():
        expect(label).to_be_visible()
        assert label.evaluate("t => t.getBoundingClientRect().height") >= 10  # readable, not 5 px
    expect(page.locator(".map__label--wide").first).to_be_hidden()
    screenshot(page, "place-map-phone")
