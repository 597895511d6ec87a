"""Fixtures for the browser tests: Debian's Chromium driven by Playwright's sync API
against pytest-django's live server, with the demo archive loaded and indexed.

Playwright's sync API runs an event loop in the test thread, and Django refuses
database calls from a thread with a running loop unless told otherwise: the
variable below tells it, for these tests only (it is read at call time).

Chromium is Debian's (``scripts/install-system-deps.sh`` installs it): Playwright's
own browser download is never used. Screenshots land in
``test-artifacts/screenshots/`` at the project root, one per page and width.
"""
import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from django.core.management import call_command  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GAZETTEER = ROOT / "fixtures" / "gazetteer.json"
SEEDS = ROOT / "fixtures" / "seed_articles.json"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"No Chromium at {CHROMIUM}: run `sudo bash scripts/install-system-deps.sh` "
            "(or deselect these tests with -m 'not browser')."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def archive_data(transactional_db):
    """The demo gazetteer and seed articles in the database, and an index built from them.

    ``transactional_db``: the live server answers from another thread, so the
    rows must be committed, not held in a test transaction.
    """
    from archive.search import indexing

    call_command("loaddata", str(GAZETTEER), str(SEEDS), verbosity=0)
    indexing.rebuild()


@pytest.fixture
def browser_errors():
    """What went wrong inside the page: script errors, failed loads, CSP refusals."""
    return []


def _open_page(browser, live_server, browser_errors, locale="ar", **options):
    context = browser.new_context(locale=locale, base_url=live_server.url, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("pageerror", lambda error: browser_errors.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: browser_errors.append(f"console: {message.text}") if message.type == "error" else None,
    )
    page.on(
        "response",
        lambda response: browser_errors.append(f"HTTP {response.status}: {response.url}")
        if response.status >= 400 and "/static/" in response.url else None,
    )
    return context, page


@pytest.fixture
def page(browser, live_server, archive_data, browser_errors):
    """A desktop-sized page (1280×900) in an Arabic browser, on the live server."""
    context, page = _open_page(browser, live_server, browser_errors, viewport=DESKTOP)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server, archive_data, browser_errors):
    """A phone-sized page (360×740, touch) in an Arabic browser, on the live server."""
    context, page = _open_page(
        browser, live_server, browser_errors, viewport=PHONE, is_mobile=True, has_touch=True,
    )
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server, archive_data, browser_errors):
    """A desktop page with JavaScript off: every reading page must still work."""
    context, page = _open_page(
        browser, live_server, browser_errors, viewport=DESKTOP, java_script_enabled=False,
    )
    yield page
    context.close()


def screenshot(page, name):
    """Save the whole page as test-artifacts/screenshots/<name>-<width>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("document.fonts.ready.then(() => true)")
    width = page.viewport_size["width"]
    path = SCREENSHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
