"""Cross-site scripting: a corpus of payloads (tests/xss_payloads.py) imported and shown in Chromium.

The payloads go where an outsider can put text: article titles and bodies, the
original URL, the external id, uploaded HTML pages and the names of uploaded
files (all through the admin upload, so through the real import pipeline), the
names, aliases and roles of places, forces, speakers and outlets (so they show in
facet panels, on the map, in the place tree and on entity pages), and query
strings (search page, entity pages, article page, JSON API, Atom feed, CSV).

Every page is opened with the Content-Security-Policy *bypassed*: the policy
would stop an inline script anyway, and what is tested here is the layer under
it, the escaping. On every page: no dialog, no request to any host but the live
server's, no ``window.__xss`` flag, no injected frame, event handler, inline
script or ``javascript:``/``data:`` link in the DOM; and the payload reads as
text where it was put. The feed's and the API's HTML fragments are also put into
a page as a feed reader or a client would, and the CSV's cells are checked for
formulas.
"""
import csv
import io
import json
import re
from urllib.parse import quote, urlencode, urlsplit
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

from archive.exports import FORMULA_STARTS
from archive.models import Article, Force, Outlet, Place, Speaker
from tests.browser.conftest import DESKTOP, _open_page
from tests.xss_payloads import ATTACKER, FILE_NAME_PAYLOADS, FORMULA_PAYLOADS, PAYLOADS

pytestmark = pytest.mark.browser

ATOM = "{http://www.w3.org/2005/Atom}"
# Every payload article names this (made-up) town, so one search shows them all.
TOWN = "زمردية"
FORCE_ALIAS = "كتائب الزبرجد"
SPEAKER_ALIAS = "ياقوت العقيقي"
ORIGIN = 'section[aria-labelledby="source-heading"]'  # the article's URL, file and id

# Runs first in every frame: a dialog also sets the flag, so a payload that
# calls alert() is seen even if the dialog event were missed.
INIT_SCRIPT = """
window.__xss = 0;
for (const name of ["alert", "confirm", "prompt"]) {
  const original = window[name];
  window[name] = function () {
    window.__xss = (window.__xss || 0) + 1;
    return original.apply(window, arguments);
  };
}
"""

# What an injection leaves in the DOM even when it did not get to run.
DOM_SCAN = """
(allowInlineData) => {
  const found = [];
  const dangerousUrl = /^(?:javascript|vbscript|data):/i;
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (["iframe", "frame", "object", "embed", "base"].includes(tag)) found.push("<" + tag + ">");
    if (tag === "meta" && el.hasAttribute("http-equiv")) found.push("<meta http-equiv>");
    if (tag === "script" && !el.src) {
      const type = (el.type || "").toLowerCase();
      // The article page's schema.org JSON-LD in <head> is a data block the browser never
      // runs (archive/citations.py escapes it; tests/test_citations.py shows it cannot close).
      const jsonLd = type === "application/ld+json" && el.parentElement === document.head;
      if (!jsonLd && !(allowInlineData && type === "application/json")) found.push("inline <script>");
    }
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\u0000-\\u0020\\u007f-\\u00a0]+/g, "");
      if (name.startsWith("on")) found.push(tag + " " + name + "=");
      if (name === "srcdoc") found.push(tag + " srcdoc=");
      if (["href", "xlink:href", "src", "action", "formaction", "data", "poster", "background"].includes(name)
          && dangerousUrl.test(value)) found.push(tag + " " + name + "=" + attr.value.slice(0, 40));
    }
  }
  return found;
}
"""


def squash(text):
    return " ".join((text or "").split())


class Watched:
    """A Chromium page that records what a running payload would do."""

    def __init__(self, browser, live_server, browser_errors):
        self.host = urlsplit(live_server.url).netloc
        self.context, self.page = _open_page(
            browser, live_server, browser_errors, viewport=DESKTOP, bypass_csp=True,
        )
        self.context.add_init_script(INIT_SCRIPT)
        self.dialogs, self.foreign, self.problems = [], [], []
        self.pages_checked = 0

        def on_dialog(dialog):
            self.dialogs.append(f"{dialog.type}({dialog.message!r})")
            dialog.dismiss()

        self.context.on("page", lambda page: page.on("dialog", on_dialog))
        self.page.on("dialog", on_dialog)
        self.context.on("request", self._on_request)
        # Nothing leaves the machine: a foreign request is recorded, then refused.
        self.context.route(lambda url: not self._ours(url), lambda route: route.abort())

    def _ours(self, url):
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc == self.host

    def _on_request(self, request):
        if not self._ours(request.url):
            self.foreign.append(request.url[:120])

    def goto(self, path, expect_status=200):
        response = self.page.goto(path)
        self.page.wait_for_load_state("load")
        if expect_status is not None and response is not None and response.status != expect_status:
            self.problems.append(f"{path}: HTTP {response.status}")
        return response

    def check(self, where, admin=False):
        """Record what went wrong on the page now shown; returns the page."""
        page = self.page
        self.pages_checked += 1
        # Let what a payload would do a moment later happen (autofocus, ontoggle,
        # a meta refresh): one rendering frame, then one task.
        page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))")
        for dialog in self.dialogs:
            self.problems.append(f"{where}: dialog {dialog}")
        for url in self.foreign:
            self.problems.append(f"{where}: request to {url}")
        self.dialogs.clear()
        self.foreign.clear()
        for frame in page.frames:
            try:
                if frame.evaluate("window.__xss"):
                    self.problems.append(f"{where}: window.__xss set in {frame.url or 'a frame'}")
            except Exception as error:  # a frame that went away is itself suspicious
                self.problems.append(f"{where}: frame {frame.url!r}: {error}")
        if len(page.frames) > 1:
            self.problems.append(f"{where}: {len(page.frames) - 1} frame(s) in the page")
        for item in page.evaluate(DOM_SCAN, admin):
            self.problems.append(f"{where}: injected {item}")
        return page

    def text(self, selector="body"):
        return squash(self.page.locator(selector).first.inner_text())

    def texts(self, selector):
        return [squash(t) for t in self.page.locator(selector).all_inner_texts()]

    def expect_texts(self, where, wanted):
        """Each (selector, text): the first element matching the selector reads the text
        (one round trip to the browser for them all)."""
        shown = self.page.evaluate(
            "selectors => selectors.map(s => { const e = document.querySelector(s); return e ? e.innerText : null; })",
            [selector for selector, _text in wanted],
        )
        for (selector, text), seen in zip(wanted, shown):
            if seen is None:
                self.problems.append(f"{where}: nothing matches {selector}")
            elif squash(text) not in squash(seen):
                self.problems.append(f"{where}: {selector} does not read {text!r} (reads {squash(seen)[:200]!r})")

    def expect_text(self, where, selector, wanted):
        self.expect_texts(where, [(selector, wanted)])

    def close(self):
        self.context.close()


@pytest.fixture
def watched(browser, live_server, browser_errors):
    page = Watched(browser, live_server, browser_errors)
    page.errors = browser_errors
    yield page
    page.close()


def report(watched):
    # A script error would be a payload half-running; a console error, something refused.
    # (The 400s and 404s that query strings ask for are expected: their status is checked.)
    errors = [e for e in watched.errors if "the server responded with a status of 40" not in e]
    problems = list(dict.fromkeys(watched.problems + errors))
    assert problems == [], f"{len(problems)} problem(s) on {watched.pages_checked} pages:\n" + "\n".join(problems[:80])


# ---------------------------------------------------------------------------
# the corpus in the archive
# ---------------------------------------------------------------------------

def make_entities():
    """A place, a force, a speaker and an outlet whose names are payloads."""
    iraq = Place.objects.get(slug="iraq")
    place = Place.objects.create(
        name="<img src=x onerror=alert(1)> بلدة", name_en='"><svg onload=alert(1)>', slug="xss-place",
        aliases=[TOWN, "</title><script>alert(1)</script>"], kind=Place.Kind.CITY, parent=iraq,
        latitude=35.1, longitude=43.2,
    )
    force = Force.objects.create(
        name="قوات <script>window.__xss=1</script>", name_en="{{7*7}} Brigade", slug="xss-force",
        aliases=[FORCE_ALIAS, "<svg><script>alert(1)</script></svg>"],
    )
    speaker = Speaker.objects.create(
        name='"><img src=x onerror=alert(1)>', slug="xss-speaker", aliases=[SPEAKER_ALIAS],
        role="</title><script>alert(1)</script> المتحدث الرسمي", role_en="'-alert(1)-'",
    )
    outlet = Outlet.objects.create(
        name="<svg/onload=alert(1)> وكالة", slug="xss-outlet", aliases=["${7*7}"],
        domains=["attacker.invalid"], url="javascript:alert(1)",
    )
    return place, force, speaker, outlet


def records():
    """One JSON-lines record per payload: in the title, the body, the id, the URL, the source."""
    lines, expected = [], []
    for i, payload in enumerate([*PAYLOADS, *FORMULA_PAYLOADS]):
        formula = i >= len(PAYLOADS)
        title = payload if (i % 2 == 0 or formula) else f"خبر عاجل: {payload}"
        body_lines = [f"نص الخبر رقم {i} من بلدة {TOWN}: {payload}", payload]
        if i % 4 == 0:
            body_lines.append(f"وشاركت {FORCE_ALIAS} في العملية.")
        if i % 4 == 1:
            body_lines.append(f"وقال {SPEAKER_ALIAS} إن الوضع مستقر.")
        body_lines.append("انتهى الخبر.")
        record = {
            # (a file's name is its id too: the suffix keeps the records apart from the files)
            "id": f"{payload}·{i}" if i % 3 == 0 and not formula else f"xss-{i:03d}",
            "title": title,
            "body": "\n\n".join(body_lines),
            "published": f"2016-{1 + i % 12:02d}-{1 + i % 27:02d}T10:00:00+03:00",
        }
        if i % 5 == 0:
            record["url"] = f"{ATTACKER}/news/{i}?q=\"><script>alert({i})</script>"
        if i % 7 == 3:
            record["source"] = payload  # a new outlet named after the payload
        lines.append(json.dumps(record, ensure_ascii=False))
        expected.append({"title": title, "payload": payload, "external_id": record["id"]})
    return ("\n".join(lines) + "\n").encode("utf-8"), expected


def html_page(i, payload):
    """A saved news page with the payload in its metadata, its markup and its text."""
    escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return f"""<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{escaped} - موقع الاختبار</title>
<meta property="og:title" content="صفحة {i}: {escaped}">
<meta property="og:site_name" content="{escaped} نيوز">
<meta property="article:published_time" content="2017-03-{10 + i:02d}T08:00:00+03:00">
<link rel="canonical" href="{ATTACKER}/page/{i}?x=&quot;&gt;&lt;svg/onload=alert(1)&gt;">
<script>window.__xss = 1; alert("script in the uploaded page");</script>
</head><body>
<header><nav><a href="javascript:alert(1)">الرئيسية</a></nav></header>
<article>
<h1>صفحة {i}: {escaped}</h1>
<p>أفادت مصادر محلية في بلدة {TOWN} بأن القوات الأمنية دخلت البلدة صباح اليوم بعد معارك استمرت أياماً عدة مع عناصر التنظيم، وقال شهود إن الأهالي بدأوا بالعودة. {escaped}</p>
<p>{escaped}</p>
<p>وأضافت المصادر أن فرق الهندسة تعمل على رفع العبوات الناسفة من الطرق الرئيسية <img src="x" onerror="alert(1)"> وأن الحياة بدأت تعود إلى طبيعتها في الأسواق والمدارس في {TOWN} <iframe srcdoc="&lt;script&gt;parent.__xss=1&lt;/script&gt;"></iframe> بحسب المصادر.</p>
</article>
<footer><p>جميع الحقوق محفوظة 2015</p></footer>
</body></html>
""".encode("utf-8")


def text_file(i, payload):
    return (
        f"القوات العراقية تعلن السيطرة على بلدة {TOWN} الجنوبية رقم {i}\n\n"
        f"أعلنت القوات العراقية اليوم السيطرة الكاملة على بلدة {TOWN} بعد معارك عنيفة استمرت عدة أيام "
        f"مع عناصر التنظيم، بحسب بيان رسمي صدر عن قيادة العمليات المشتركة في الملف رقم {i}.\n\n"
        f"{payload}\n"
    ).encode("utf-8")


def uploads():
    """The files an archivist would upload: a JSON-lines corpus, HTML pages and text files
    named after payloads."""
    data, expected = records()
    files = [{"name": "xss-corpus.jsonl", "mimeType": "application/jsonl", "buffer": data}]
    html_payloads = [p for p in FILE_NAME_PAYLOADS if "onerror" in p or "onload" in p][:4]
    for i, payload in enumerate(html_payloads):
        files.append({"name": f"{payload}-h{i}.html", "mimeType": "text/html", "buffer": html_page(i, payload)})
    text_payloads = [p for p in FILE_NAME_PAYLOADS if p not in html_payloads]
    # (the suffixes keep two names apart that differ only by invisible characters,
    # which Django drops from a file name: a file's name is its article's id)
    for i, payload in enumerate(text_payloads):
        files.append({"name": f"{payload}-t{i}.txt", "mimeType": "text/plain", "buffer": text_file(i, payload)})
    return files, expected, html_payloads, text_payloads


def log_in(watched, live_server):
    user = User.objects.create_superuser("xss-admin", "xss@example.org", "x")
    client = Client()
    client.force_login(user)
    watched.context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }])


def upload_through_the_admin(watched, files):
    """Upload, check the preview, confirm, check the result: the admin's own pages see the payloads first."""
    page = watched.page
    watched.goto("/admin/archive/article/upload/")
    watched.check("admin upload form", admin=True)
    page.set_input_files("#id_files", files=files)
    with page.expect_navigation():
        page.locator(".upload__form input[type=submit]").click()
    page.wait_for_load_state("load")
    if "/jobs/" in page.url:
        # A large upload is read by the background worker (at once in the
        # tests): its job page leads on to the preview by itself, at once.
        page.wait_for_url(re.compile(r"/upload/[^/]+/$"))
        page.wait_for_load_state("load")
    assert "/upload/" in page.url and page.locator("fieldset.draft").count() > 0, (
        f"no preview at {page.url}: " + watched.text()[:500]
    )
    watched.check("admin upload preview", admin=True)
    titles = page.locator("input.draft__title").evaluate_all("inputs => inputs.map(i => i.value)")
    with page.expect_navigation():
        page.locator('input[name="confirm"]').click()
    page.wait_for_load_state("load")
    watched.check("admin upload result", admin=True)
    return titles


@pytest.fixture
def xss_archive(archive_data, settings, tmp_path, monkeypatch):
    # Every draft on one preview page, so the test reads every title there.
    monkeypatch.setattr("archive.admin_upload.PAGE_SIZE", 10_000)
    monkeypatch.setattr("archive.admin_upload.PAGE_FIELDS", 1_000_000)
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = None
    settings.DATA_DIR = tmp_path / "data"
    settings.MEDIA_ROOT = tmp_path / "data" / "originals"
    return make_entities()


def test_the_corpus_is_big_and_varied():
    assert len(PAYLOADS) >= 30
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    assert len(FILE_NAME_PAYLOADS) >= 10
    assert any("\u202e" in p for p in PAYLOADS) and any(any("\u0600" <= c <= "\u06ff" for c in p) for p in PAYLOADS)
    assert all("\n" not in p and "  " not in p for p in PAYLOADS)


def test_stored_payloads_never_run_and_stay_readable(watched, live_server, xss_archive):
    from archive.search import indexing

    place, force, speaker, outlet = xss_archive
    files, expected, html_payloads, text_payloads = uploads()
    log_in(watched, live_server)
    preview_titles = upload_through_the_admin(watched, files)
    for item in expected:
        assert item["title"] in preview_titles, f"the preview lost the title {item['title']!r}"

    # What the upload stored, by the payload it carries.
    by_external_id = {a.external_id: a for a in Article.objects.exclude(external_id=None)}
    stored = [by_external_id[item["external_id"]] for item in expected]
    for article, item in zip(stored, expected):
        assert article.title == item["title"]
        assert item["payload"] in article.body
    html_articles = [a for a in Article.objects.filter(original_name__endswith=".html")]
    text_articles = [a for a in Article.objects.filter(original_name__endswith=".txt", title__contains=TOWN)]
    assert len(html_articles) == len(html_payloads) and len(text_articles) == len(text_payloads)
    for article in html_articles:
        assert any(p in article.title for p in html_payloads), article.title
        assert article.url.startswith(ATTACKER), article.url
        assert article.outlet is not None  # the page's domain or its og:site_name
    # The tagger found the payload entities by their aliases.
    assert place.articles.count() >= len(stored)
    assert force.articles.exists() and speaker.articles.exists()
    # A javascript: URL cannot come through the importer (it keeps http(s) only) nor
    # the admin form (URLField): put one in as a careless script would, to see the page
    # shows it as text, not as a link.
    unsafe_url = stored[1]
    Article.objects.filter(pk=unsafe_url.pk).update(url="  JaVaScRiPt:alert(document.domain)")
    Article.objects.filter(pk=stored[2].pk).update(outlet=outlet)
    indexing.rebuild()

    # -- every payload article, as a reader opens it --------------------------------
    everything = [*stored, *html_articles, *text_articles]
    for article in everything:
        article.refresh_from_db()
        where = f"article #{article.pk}"
        watched.goto(article.get_absolute_url())
        watched.check(where)
        wanted = [("#story-title", article.title), ("#cite-text", article.title)]
        wanted += [(".story__body", paragraph) for paragraph in article.paragraphs()]
        if article.url:
            wanted += [(ORIGIN, article.url.strip()), ("#cite-text", article.url.strip())]
        if article.external_id:
            wanted.append((ORIGIN, article.external_id))
        if article.original_file:
            wanted.append((".source-list__file", article.original_name))
        watched.expect_texts(where, wanted)
    # The citation's copy button works on the payload text without running it.
    watched.goto(unsafe_url.get_absolute_url())
    watched.page.locator(".cite__copy").click()
    watched.page.wait_for_timeout(100)
    watched.check("article: copy the citation")
    assert watched.page.locator(f'{ORIGIN} a[href*="alert"]').count() == 0

    # -- lists: home, search results with their facets, map and timeline -------------
    watched.goto("/")
    watched.check("home")
    watched.expect_text("home", ".home-side", place.name)
    search = "/search/?" + urlencode({"q": TOWN, "page_size": 100})
    watched.goto(search)
    page = watched.check("search")
    shown_titles = watched.texts(".results__list .card__title")
    for article in everything:
        if squash(article.title) not in shown_titles:
            watched.problems.append(f"search: the title {article.title!r} is not in the results")
    for facet, name in (("force", force.name), ("speaker", speaker.name), ("source", outlet.name)):
        watched.expect_text(f"search facet {facet}", f'.facets [data-facet="{facet}"]', name)
    watched.expect_text("search place tree", '.facets [data-facet="location"]', place.name)
    page.locator("details.overview > summary").click()  # the timeline and map fold under the count
    page.locator(".map__list > summary").click()
    watched.expect_text("search map", ".map__list", place.name)
    assert page.locator(f'.map__marker[data-place="{place.slug}"]').count() == 1
    # Choosing the payload place: it becomes a chip and the form's hidden field.
    watched.goto("/search/?" + urlencode({"q": TOWN, "location": place.slug}))
    watched.check("search, payload place chosen")
    watched.expect_text("search chips", ".chips", place.name)
    # The English interface shows the English names (payloads too).
    watched.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}])
    watched.goto(search)
    watched.check("search in English")
    watched.expect_text("search in English", '.facets [data-facet="location"]', place.name_en)
    watched.expect_text("search in English", '.facets [data-facet="force"]', force.name_en)
    watched.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ar", "url": live_server.url}])

    # -- entity pages --------------------------------------------------------------
    for entity, path in ((place, f"/places/{place.slug}/"), (force, f"/forces/{force.slug}/"),
                         (speaker, f"/speakers/{speaker.slug}/"), (outlet, f"/sources/{outlet.slug}/")):
        watched.goto(path)
        watched.check(path)
        watched.expect_text(path, ".entity-head__title", entity.name)
        for alias in entity.all_names()[1:]:
            watched.expect_text(path, ".entity-head__names", alias)
    watched.goto(f"/speakers/{speaker.slug}/")
    watched.expect_text("speaker page", ".entity-head__role", speaker.role)
    watched.goto(f"/sources/{outlet.slug}/")
    watched.expect_text("outlet page", ".entity-head", outlet.url)

    # -- the admin's list of articles ----------------------------------------------------
    watched.goto("/admin/archive/article/?" + urlencode({"q": TOWN}))
    watched.check("admin article list", admin=True)

    # -- the JSON API: shown by the browser as JSON, and its HTML snippets safe to insert --
    api = "/api/articles/?" + urlencode({"q": TOWN, "page_size": 100})
    response = watched.goto(api)
    assert response.headers["content-type"].startswith("application/json")
    watched.check("API in the browser")
    data = response.json()
    titles = {r["title"] for r in data["results"]}
    assert {a.title for a in everything} <= titles
    fragment = "".join(f"<p>{r['snippet']}</p>" for r in data["results"])
    watched.page.set_content(f"<main>{fragment}</main>")
    watched.check("API snippets inserted as HTML")
    inserted = watched.text("main")
    for article in stored:
        if article.paragraphs()[1] not in inserted:
            watched.problems.append(f"API snippet of #{article.pk} does not read {article.paragraphs()[1]!r}")

    # -- the Atom feed: exact titles; the HTML summaries safe in a feed reader --------
    feed = watched.context.request.get("/search/feed.atom?" + urlencode({"q": TOWN}))
    assert feed.ok and "atom" in feed.headers["content-type"]
    root = ElementTree.fromstring(feed.body())
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) >= 30
    by_link = {a.get_absolute_url(): a for a in everything}
    reader = []
    for entry in entries:
        link = urlsplit(entry.find(f"{ATOM}link").get("href")).path
        article = by_link[link]
        assert entry.find(f"{ATOM}title").text == article.title
        summary = entry.find(f"{ATOM}summary")
        assert summary.get("type") == "html"
        reader.append(f"<article><h2></h2><div class=summary>{summary.text}</div></article>")
    watched.page.set_content("<main>" + "".join(reader) + "</main>")
    watched.check("feed summaries in a feed reader")
    summaries = watched.texts(".summary")
    for entry, text in zip(entries, summaries):
        article = by_link[urlsplit(entry.find(f"{ATOM}link").get("href")).path]
        if article in stored and article.paragraphs()[1][:20] not in text:
            watched.problems.append(f"feed summary of #{article.pk} does not read {article.paragraphs()[1]!r}")

    # -- the CSV: every cell as stored, formulas neutralised ------------------------------
    export = watched.context.request.get("/search/export.csv?" + urlencode({"q": TOWN}))
    assert export.ok and export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.body().decode("utf-8-sig"))))
    by_id = {int(r["id"]): r for r in rows}
    for article in everything:
        row = by_id[article.pk]
        title = row["title"]
        if article.title.startswith(FORMULA_STARTS):
            assert title == "'" + article.title, title
        else:
            assert title == article.title, title
        for column, cell in row.items():
            assert not cell.startswith(FORMULA_STARTS), f"CSV {column} of #{article.pk} is a formula: {cell!r}"
    assert any(r["places"] == place.name or place.name in r["places"] for r in rows)

    # -- the original file: always a download, never a page -------------------------------
    for article in html_articles[:2]:
        original = watched.context.request.get(f"/articles/{article.pk}/original/")
        assert original.ok
        # An HTML original is served as text, an attachment the browser never renders.
        assert original.headers["content-type"].startswith("text/plain")
        assert original.headers["x-content-type-options"] == "nosniff"
        assert original.headers["content-disposition"].startswith("attachment")
        assert "sandbox" in original.headers["content-security-policy"]

    report(watched)


# ---------------------------------------------------------------------------
# payloads in query strings
# ---------------------------------------------------------------------------

def test_payloads_in_query_strings_never_run(watched, xss_archive):
    """Each payload as the search query, and once more in another parameter of another page."""
    place = xss_archive[0]
    seed = Article.objects.order_by("pk").first()
    routes = [
        ("article ?q", lambda p: f"{seed.get_absolute_url()}?{urlencode({'q': p})}", 200, ".story__highlight-note"),
        ("place page ?q", lambda p: f"/places/iraq/?{urlencode({'q': p})}", 200, "#q"),
        ("search location filter", lambda p: "/search/?" + urlencode({"location": p}), 400, "#search-error"),
        ("search sort", lambda p: "/search/?" + urlencode({"q": "داعش", "sort": p}), 400, None),
        ("search date", lambda p: "/search/?" + urlencode({"date_from": p}), 400, None),
        ("API q", lambda p: "/api/articles/?" + urlencode({"q": p}), 200, None),
        ("API filter", lambda p: "/api/articles/?" + urlencode({"force": p}), 400, None),
        ("unknown page", lambda p: "/" + quote(p, safe="") + "/", 404, None),
        ("entity page filter", lambda p: f"/places/{place.slug}/?" + urlencode({"speaker": p}), None, None),
    ]
    for i, payload in enumerate(PAYLOADS):
        where = f"search q={payload!r}"
        watched.goto("/search/?" + urlencode({"q": payload}))
        watched.check(where)
        value = watched.page.locator("#q").input_value()
        if value != payload:
            watched.problems.append(f"{where}: the search box reads {value!r}")
        if watched.page.locator(".empty").count():
            watched.expect_text(where, ".empty", payload)

        name, url, status, selector = routes[i % len(routes)]
        where = f"{name} {payload!r}"
        response = watched.goto(url(payload), expect_status=status)
        watched.check(where)
        if selector == "#q":
            if watched.page.locator("#q").input_value() != payload:
                watched.problems.append(f"{where}: the search box does not read the payload")
        elif selector:
            watched.expect_text(where, selector, payload[:100])
        if name.startswith("API"):
            assert response.headers["content-type"].startswith("application/json")
            answer = response.json()
            if status == 400:
                assert payload[:100] in answer["error"]

    # The OpenSearch description repeats its own URL: still well-formed XML.
    for payload in PAYLOADS:
        description = watched.context.request.get("/opensearch.xml?" + urlencode({"q": payload}))
        assert description.ok
        ElementTree.fromstring(description.body())
    # The feed's title and the CSV take the query too.
    for payload in PAYLOADS[::4]:
        feed = watched.context.request.get("/search/feed.atom?" + urlencode({"q": payload}))
        assert feed.ok, payload
        title = ElementTree.fromstring(feed.body()).find(f"{ATOM}title").text
        assert payload.strip() in title, title
        export = watched.context.request.get("/search/export.csv?" + urlencode({"q": payload}))
        assert export.ok and export.headers["content-type"].startswith("text/csv")
    report(watched)
