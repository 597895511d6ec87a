"""A researcher's path in a real browser: search, narrow, page, switch language, export.

From the home page: search an Arabic word, apply a place facet and remove it by
its chip, go to the next page, switch the interface to English and back,
download the CSV of the search and read it (one row per result the page
counts), cite an article. Every page on the way is checked with axe-core (no
"serious" or "critical" violation), in Arabic and in English, at 1280 and 360
pixels; screenshots go to test-artifacts/screenshots/flow-*.png.

axe-core comes from ``scripts/install-test-assets.sh`` (npm, into .cache/axe) and
is loaded into each page under the page's own Content-Security-Policy.
"""
import csv
import io
import re
import subprocess

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, ROOT, screenshot

pytestmark = pytest.mark.browser

QUERY = "داعش"
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__test-assets__/axe.min.js"  # answered by Playwright, see load_axe
SERIOUS = ("serious", "critical")


@pytest.fixture(scope="session")
def axe_script():
    if not AXE.exists():
        subprocess.run(["bash", str(ROOT / "scripts" / "install-test-assets.sh")], check=False)
    if not AXE.exists():
        pytest.fail(f"No axe-core at {AXE}: run `bash scripts/install-test-assets.sh` (needs npm).")
    return str(AXE)


def load_axe(page, axe_script):
    """Put axe-core into the page without weakening its Content-Security-Policy.

    The policy allows scripts from the page's own origin only, so the inline
    <script> of ``add_script_tag(path=...)`` is refused. The script is loaded
    from a same-origin URL instead, which Playwright answers with the file: the
    live server never sees the request and the page keeps its real policy.
    """
    if page.evaluate("typeof window.axe !== 'undefined'"):
        return
    url = page.evaluate("location.origin") + AXE_PATH
    page.context.unroute(url)
    page.context.route(url, lambda route: route.fulfill(path=axe_script, content_type="text/javascript"))
    page.add_script_tag(url=url)


def axe_violations(page, axe_script):
    """axe-core's serious and critical violations on the page as it is now."""
    load_axe(page, axe_script)
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\\n").slice(0, 3).join(" ")),
            }));
        }"""
    )
    return [v for v in result if v["impact"] in SERIOUS]


def assert_accessible(page, axe_script):
    found = axe_violations(page, axe_script)
    assert not found, f"axe on {page.url}:\n" + "\n".join(
        f"- {v['impact']} {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"][:6]) for v in found
    )


def shown_count(page):
    """The number of results the page says the search has."""
    heading = page.locator("#results-heading").inner_text()
    return int(re.search(r"\d+", heading).group())


def no_sideways_scroll(page):
    width, viewport = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width <= viewport, f"{page.url} is {width}px wide in a {viewport}px window"


def test_researcher_flow(page, axe_script, browser_errors, tmp_path):
    # The home page, in Arabic, right to left.
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page, axe_script)
    screenshot(page, "flow-home")

    # Search an Arabic word from the home page.
    box = page.get_by_role("searchbox", name="ابحث في الأرشيف")
    box.fill(QUERY)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    expect(page.locator(".results__list > li").first).to_be_visible()
    expect(page.locator(".facets")).to_be_visible()
    total = shown_count(page)
    assert total >= 3
    assert_accessible(page, axe_script)
    screenshot(page, "flow-search")

    # Apply a place facet.
    place = page.locator('.facets details[data-facet="location"] a.facet__link').first
    name = place.locator(".facet__label").inner_text().strip()
    facet_count = int(place.locator(".facet__count").inner_text())
    place.click()
    page.wait_for_url(re.compile(r"location="))
    chip = page.locator(".chips .chip").filter(has_text=name)
    expect(chip).to_have_count(1)
    assert shown_count(page) == facet_count
    assert_accessible(page, axe_script)
    screenshot(page, "flow-place")

    # Remove it by its chip: back to the whole search.
    remove = chip.get_by_role("link", name=re.compile("إزالة الفلتر"))
    remove.focus()
    page.keyboard.press("Enter")  # with the keyboard: the chip's link is reachable and works
    page.wait_for_url(lambda url: "location=" not in url)
    expect(page.locator(".chips")).to_have_count(0)
    assert shown_count(page) == total

    # Change page: one result a page, then the next page.
    page.locator("details.search-options").evaluate("d => d.open = true")  # the options fold into one line
    page.locator("#page_size").select_option("10")
    page.wait_for_url(re.compile(r"page_size=10"))
    page.goto(page.url.replace("page_size=10", "page_size=1"))
    expect(page.locator(".pagination")).to_be_visible()
    first_title = page.locator(".results__list .card__title").inner_text()
    page.locator('.pagination a[rel="next"]').click()
    page.wait_for_url(re.compile(r"page=2"))
    expect(page.locator(".results__page")).to_contain_text(f"الصفحة 2 من {total}")
    expect(page.locator('.pagination a[aria-current="page"]')).to_contain_text("2")
    assert page.locator(".results__list .card__title").inner_text() != first_title
    assert page.locator(".results__list > li").count() == 1
    assert shown_count(page) == total
    screenshot(page, "flow-page-2")

    # Switch to English: the same search, the same page, left to right.
    page.locator('.lang-switch button[value="en"]').click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    assert "page=2" in page.url and "page_size=1" in page.url
    expect(page.locator("#results-heading")).to_contain_text(f"Results: {total}")
    expect(page.locator(".results__page")).to_contain_text(f"Page 2 of {total}")
    expect(page.locator(".results__list .card__title").first).to_have_attribute("dir", "rtl")
    assert_accessible(page, axe_script)
    screenshot(page, "flow-search-en")

    # And back to Arabic.
    page.locator('.lang-switch button[value="ar"]').click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("#results-heading")).to_contain_text(f"عدد النتائج: {total}")

    # Download the CSV of the search and read it: one row per result, not per page.
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("تنزيل CSV")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    saved = tmp_path / "export.csv"
    download.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["id", "external_id", "title"]
    assert len(rows) - 1 == total == shown_count(page)

    # The Atom feed of the same search is linked from the page.
    feed_href = page.locator('link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    assert "/search/feed.atom?q=" in feed_href
    feed = page.request.get(feed_href)
    assert feed.ok and feed.text().count("<entry>") == total

    assert browser_errors == []


def test_article_cite_box_copies_the_citation(page, axe_script, browser_errors):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/")
    page.locator(".card__title a").first.click()
    page.wait_for_url(re.compile(r"/articles/\d+/"))
    permalink = page.url
    cite = page.locator("#cite-text")
    expect(cite).to_be_visible()
    expect(cite).to_contain_text(permalink)
    button = page.get_by_role("button", name="نسخ الاستشهاد")
    expect(button).to_be_visible()
    button.click()
    expect(page.locator(".cite__status")).to_have_text("نُسخ الاستشهاد.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert permalink in copied and "\n" not in copied
    assert copied == re.sub(r"\s+", " ", cite.inner_text()).strip()
    assert_accessible(page, axe_script)
    screenshot(page, "flow-article")
    assert browser_errors == []


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("where", ["home", "search", "article"])
def test_pages_pass_axe_on_a_phone(phone_page, axe_script, browser_errors, language, where):
    page = phone_page
    page.goto("/")
    if language == "en":
        page.locator('.lang-switch button[value="en"]').click()
        page.wait_for_load_state()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    if where in ("search", "article"):
        page.goto(f"/search/?q={QUERY}&location=iraq")
        expect(page.locator(".results__list > li").first).to_be_visible()
        if where == "article":
            page.locator(".results__list .card__title a").first.click()
            page.wait_for_url(re.compile(r"/articles/\d+/"))
            expect(page.locator('article[dir="rtl"][lang="ar"]')).to_be_visible()
    no_sideways_scroll(page)
    assert_accessible(page, axe_script)
    screenshot(page, f"flow-{where}-{language}")
    assert browser_errors == []


@pytest.mark.parametrize("where", ["home", "search", "article"])
def test_pages_pass_axe_in_english_on_a_desktop(page, axe_script, browser_errors, where):
    page.goto("/")
    page.locator('.lang-switch button[value="en"]').click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    if where in ("search", "article"):
        page.goto(f"/search/?q={QUERY}&location=iraq")
        if where == "article":
            page.locator(".results__list .card__title a").first.click()
            page.wait_for_url(re.compile(r"/articles/\d+/"))
            story = page.locator('article[dir="rtl"][lang="ar"]')
            expect(story).to_be_visible()
            assert story.locator(".story__body p").first.evaluate("p => getComputedStyle(p).direction") == "rtl"
    assert_accessible(page, axe_script)
    screenshot(page, f"flow-{where}-en")
    page.keyboard.press("Tab")  # the first stop is the skip link, and it shows
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert browser_errors == []
