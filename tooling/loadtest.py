"""A bounded load test: readers searching while an archivist uploads, on make run's gunicorn.

``python manage.py load_test`` (``make load-test``):

1. A throw-away data directory (``tempfile``; removed afterwards unless
   ``--keep``), SQLite in it as ``make run`` has it (``DATABASE_URL`` is
   ignored: the test never touches a real database).
2. ``migrate``, ``load_demo_data`` and ``import_articles`` of ``--articles``
   generated Arabic articles (``tooling.bench.corpus``: news words and the
   gazetteer's names) as subprocesses: the real pipeline.
3. An archivist account (staff, in the Archivists group) and a
   ``check_index`` that must find the index matching the database.
4. gunicorn as ``make run`` starts it (``archive.wsgi``, ``--workers`` 2) on a
   free port of 127.0.0.1, with ``SEARCH_RATE_LIMIT=0`` (all the readers come
   from one address) unless ``--rate-limit`` says otherwise.
5. For ``--duration`` seconds, ``--clients`` reader threads each loop over a
   random mix: searches through the API (``api_search``) and the search page
   (``page_search``), facet changes (``facet``: a place, force, speaker,
   outlet or year of the last answer's facets added or removed, on the page or
   the API) and article pages (``article``, with the query's words marked);
   meanwhile one archivist logs in to the admin and every ``--upload-every``
   seconds uploads a JSON-lines file of ``--upload-size`` new articles through
   the real form: ``upload`` (POST the file, redirected to the preview),
   ``preview`` (GET it) and ``confirm`` (POST the preview's form as a browser
   would, CSRF token included; the result page must say every article was
   created).
6. Afterwards: every worker's answer to "how many articles" (the index as
   served) must be the database's; gunicorn is stopped; ``check_index`` on the
   same data directory must find the index matching the database, and the
   database must hold the imported articles plus every uploaded one.

Meanwhile ``--hostile`` clients (default 4) send the worst searches we can
build (``tooling.bench.hostile``: prefixes of the article joined by OR, forty
common words, exclusions only, a page past the end ...) back to back
(``hostile``). Issue 14: two such searches took the site down. The site must
stay up: no error, no gunicorn worker timeout, and the p95 of article pages
and of all the readers' requests under ``--max-page-p95`` ms (default 15,000:
half of gunicorn's timeout, the symptom of a site taken down; on a shared
2-core machine the readers' p95 was 5.7 s without them and 10.5 s with them).

Anything else than the expected status (200; 302 for the upload), a
connection error or timeout, a traceback in gunicorn's log, a lost article or
an index that does not match fails the run (exit status 1). The table has,
per class, the requests, errors and p50 / p95 / max latency.
"""
from dataclasses import asdict, dataclass
import html
from html.parser import HTMLParser
from http.cookies import SimpleCookie
import http.client
import json
import os
from pathlib import Path
import random
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import urlencode, urlsplit

from tooling.bench import corpus as corpus_mod
from tooling.bench.hostile import hostile_searches
from tooling.harness import (
    TIMES_HEAD, ServerError, children_of, percentile, rule, server_log, start_gunicorn, stop_session, times,
)

BASE_DIR = Path(__file__).resolve().parent.parent
API = "/api/articles/"
UPLOAD = "/admin/archive/article/upload/"
READER_CLASSES = ("api_search", "page_search", "facet", "article")
ARCHIVIST_CLASSES = ("login", "upload", "preview", "confirm")
# The worst searches we can build (tooling.bench.hostile), sent back to back.
HOSTILE_CLASSES = ("hostile",)
MAX_REQUEST_LINE = 4094  # gunicorn's --limit-request-line default
CLASSES = READER_CLASSES + ARCHIVIST_CLASSES + HOSTILE_CLASSES
FACET_FILTERS = ("location", "force", "speaker", "source")
ARCHIVIST_GROUP = "أمناء الأرشيف"  # migration 0004


@dataclass
class Options:
    articles: int = 300
    duration: float = 60.0
    clients: int = 4
    hostile: int = 4
    max_page_p95_ms: float = 15000.0
    workers: int = 2
    upload_every: float = 5.0
    upload_size: int = 3
    rate_limit: str = "0"
    timeout: float = 60.0
    seed: int = 1
    keep: bool = False
    tmpdir: str | None = None
    json_out: str | None = None


class LoadTestError(RuntimeError):
    pass


@dataclass
class Result:
    cls: str
    ms: float | None
    ok: bool
    detail: str = ""


# ---------------------------------------------------------------------------
# The summary (pure: tested in tests/test_load_test.py)
# ---------------------------------------------------------------------------

def summarize(results, seconds=None):
    """{class: {requests, errors, p50_ms, p95_ms, max_ms}} plus "readers" and "overall"."""
    def row(items):
        ms = [r.ms for r in items if r.ok and r.ms is not None]
        return {
            "requests": len(items),
            "errors": sum(1 for r in items if not r.ok),
            "p50_ms": round(percentile(ms, 50), 1) if ms else None,
            "p95_ms": round(percentile(ms, 95), 1) if ms else None,
            "max_ms": round(max(ms), 1) if ms else None,
        }

    table = {name: row([r for r in results if r.cls == name]) for name in CLASSES}
    table = {name: data for name, data in table.items() if data["requests"]}
    table["readers"] = row([r for r in results if r.cls in READER_CLASSES])
    table["overall"] = row(list(results))
    if seconds:
        table["overall"]["rps"] = round(len(results) / seconds, 1)
    return table


def failures(report):
    """What makes the run fail, as sentences (empty: it passed)."""
    found = []
    overall = report["classes"]["overall"]
    if overall["errors"]:
        found.append(f"{overall['errors']} request(s) failed")
    if report.get("tracebacks"):
        found.append(f"{report['tracebacks']} traceback(s) in gunicorn's log")
    counts = report.get("counts") or {}
    if counts.get("database") != counts.get("expected"):
        found.append(f"the database holds {counts.get('database')} articles, expected {counts.get('expected')} "
                     f"({counts.get('before')} imported + {counts.get('uploaded')} uploaded)")
    if counts.get("index") != counts.get("database"):
        found.append(f"the index holds {counts.get('index')} entries for {counts.get('database')} articles")
    if not counts.get("index_consistent"):
        found.append("check_index found the index out of step with the database")
    served = counts.get("served") or []
    if any(n != counts.get("database") for n in served):
        found.append(f"the workers answered {served} articles, the database holds {counts.get('database')}")
    if report.get("uploads", {}).get("done", 0) == 0:
        found.append("no upload was completed")
    if report["classes"]["readers"]["requests"] == 0:
        found.append("no reader request was sent")
    if report.get("worker_timeouts"):
        found.append(f"{report['worker_timeouts']} gunicorn worker timeout(s)")
    # While the hostile clients send the worst searches, the site stays up:
    # article pages, and the readers' requests as a whole (a class alone
    # has too few requests for its p95 to mean much), answer in reasonable time.
    limit = (report.get("options") or {}).get("max_page_p95_ms")
    for name in ("article", "readers"):
        p95 = (report["classes"].get(name) or {}).get("p95_ms")
        if limit and p95 is not None and p95 > limit:
            found.append(f"{name} p95 {p95:,.0f} ms is over {limit:,.0f} ms")
    return found


def render(report):
    o = report["options"]
    lines = [
        f"load test: {o['clients']} readers + 1 archivist + {o.get('hostile', 0)} hostile searchers -> "
        f"{o['workers']} gunicorn workers on 127.0.0.1, "
        f"{report['seconds']} s, SEARCH_RATE_LIMIT={o['rate_limit']}, {report['counts'].get('before')} articles "
        f"at the start, search backend {report.get('backend', 'whoosh')}, load average {report.get('loadavg')}",
        "",
    ]
    head = f"{'class':<12} {'requests':>8} {'errors':>6} {TIMES_HEAD}"
    lines += [head, rule(head)]
    for name, c in report["classes"].items():
        if name in ("readers", "overall"):
            lines.append(rule(head))
        lines.append(f"{name:<12} {c['requests']:>8} {c['errors']:>6} {times(c)}")
    lines.append("")
    overall = report["classes"]["overall"]
    lines.append(f"throughput   {overall.get('rps')} requests/s")
    up = report["uploads"]
    lines.append(f"uploads      {up['done']} confirmed ({up['articles']} articles created, "
                 f"{up['attempted']} attempted)")
    c = report["counts"]
    lines.append(f"articles     database {c.get('database')} = {c.get('before')} before + {c.get('uploaded')} "
                 f"uploaded (expected {c.get('expected')}); index {c.get('index')}; served by the workers "
                 f"{c.get('served')}; check_index: {c.get('check_index')}")
    lines.append(f"gunicorn     {report['tracebacks']} traceback(s) in its log, "
                 f"{report['worker_restarts']} worker(s) replaced, {report.get('worker_timeouts', 0)} worker timeout(s)")
    if report.get("error_samples"):
        lines.append("errors (first ones):")
        lines += [f"  {e}" for e in report["error_samples"]]
    problems = failures(report)
    lines.append("")
    lines.append("FAILED: " + "; ".join(problems) if problems else
                 "PASSED: no errors, no lost articles, the index matches the database")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------

class Response:
    def __init__(self, status, headers, body, ms):
        self.status, self.headers, self.body, self.ms = status, headers, body, ms

    def text(self):
        return self.body.decode("utf-8", "replace")


class HTTP:
    """One request per connection (gunicorn's sync workers close it anyway), cookies kept."""

    def __init__(self, port, timeout):
        self.port, self.timeout = port, timeout
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        send = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            send["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            t0 = time.perf_counter()
            conn.request(method, path, body=body, headers=send)
            response = conn.getresponse()
            data = response.read()
            ms = (time.perf_counter() - t0) * 1000
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                self.cookies[name] = morsel.value
        return Response(response.status, response.headers, data, ms)

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, path, pairs):
        return self.request("POST", path, body=urlencode(pairs).encode(),
                            headers={"Content-Type": "application/x-www-form-urlencoded"})

    def post_files(self, path, fields, files):
        boundary = "----loadtest" + secrets.token_hex(12)
        parts = []
        for name, value in fields:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, filename, data in files:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request("POST", path, body=b"".join(parts),
                            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})


class FormFields(HTMLParser):
    """What a browser submits from the first POST form whose class contains ``css_class``
    (checked boxes, selected options, text inputs, hidden inputs; no buttons, nothing disabled)."""

    def __init__(self, css_class):
        super().__init__()
        self.css_class = css_class
        self.data, self.select, self.in_form, self.done = [], None, False, False
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form" and not self.done and a.get("method", "").lower() == "post" \
                and self.css_class in a.get("class", "").split():
            self.in_form = True
        if not self.in_form or "disabled" in a:
            return
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if a.get("name"):
                self.data.append((a["name"], a.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select":
            self.select = [a.get("name"), None, None]
        elif tag == "option" and self.select is not None:
            if self.select[2] is None:
                self.select[2] = a.get("value", "")
            if "selected" in a:
                self.select[1] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select" and self.select is not None:
            name, chosen, first = self.select
            if name:
                self.data.append((name, chosen if chosen is not None else (first or "")))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.data.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "form" and self.in_form:
            self.in_form, self.done = False, True


def form_fields(page, css_class):
    reader = FormFields(css_class)
    reader.feed(page)
    return reader.data


def describe(response):
    """A failed response in one line: Django's debug page gives its exception."""
    text = response.text()
    match = re.search(r'<title>\s*(.*?)\s*</title>.*?<pre class="exception_value">(.*?)</pre>', text, re.S)
    if match:
        return " ".join(html.unescape(f"{match.group(1)}: {match.group(2)}").split())[:300]
    return repr(text[:200])


def csrf_token(page):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    return match.group(1) if match else ""


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------

class LoadTest:
    def __init__(self, options: Options, write=print):
        self.o = options
        self.write = write
        self.python = sys.executable
        self.tmp = None
        self.env = None
        self.server = None
        self.port = None
        self.results = []
        self.lock = threading.Lock()
        self.errors = []
        self.worker_pids = set()
        self.started = time.monotonic()
        self.uploads = {"attempted": 0, "done": 0, "articles": 0, "records": 0}
        self.password = secrets.token_urlsafe(16)

    def log(self, message):
        self.write(f"[load-test {time.monotonic() - self.started:6.1f}s] {message}")

    # -- subprocesses ------------------------------------------------------------

    def _env(self):
        env = dict(os.environ)
        env.update({
            "DJANGO_SETTINGS_MODULE": "archive.settings",
            "DATA_DIR": str(self.tmp / "data"),
            "DEBUG": "1",   # as the Makefile exports it for make run
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            "SEARCH_RATE_LIMIT": self.o.rate_limit,
        })
        for name in ("DATABASE_URL", "SEARCH_INDEX_DIR"):
            env.pop(name, None)
        # The embedded engine the environment chooses (SEARCH_BACKEND), its index
        # in the throw-away directory; never a cluster the test would write into.
        if env.get("SEARCH_BACKEND", "whoosh") == "opensearch":
            raise LoadTestError("SEARCH_BACKEND=opensearch: the load test runs on the embedded index only.")
        return env

    def manage(self, *args, check=True, input_text=None):
        proc = subprocess.run([self.python, str(BASE_DIR / "manage.py"), *args], cwd=BASE_DIR, env=self.env,
                              text=True, input=input_text, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if check and proc.returncode != 0:
            raise LoadTestError(f"manage.py {args[0]} failed (exit {proc.returncode}):\n{proc.stdout[-3000:]}")
        return proc

    def check_index(self):
        proc = self.manage("check_index", check=False)
        match = re.search(r"(\d+) articles, (\d+) index entries", proc.stdout)
        if not match:
            raise LoadTestError(f"check_index said nothing readable (exit {proc.returncode}):\n{proc.stdout[-2000:]}")
        summary = proc.stdout.strip().splitlines()[0]
        return int(match.group(1)), int(match.group(2)), proc.returncode == 0, summary

    # -- set-up ----------------------------------------------------------------------

    def prepare(self):
        self.log(f"data directory {self.tmp}")
        self.log("migrate + load_demo_data")
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("load_demo_data", "-v", "0")
        self.log(f"import_articles: {self.o.articles} generated articles through the real pipeline")
        corpus_mod.build(self.tmp / "input", self.o.articles,
                         gazetteer_path=BASE_DIR / "fixtures" / "gazetteer.json", seed=self.o.seed)
        t0 = time.monotonic()
        proc = self.manage("import_articles", str(self.tmp / "input"), check=False)
        if proc.returncode != 0:
            raise LoadTestError(f"import_articles failed (exit {proc.returncode}):\n{proc.stdout[-3000:]}")
        self.log(f"imported in {time.monotonic() - t0:.1f} s")
        env = dict(self.env, LOADTEST_PASSWORD=self.password)
        proc = subprocess.run(
            [self.python, str(BASE_DIR / "manage.py"), "shell", "-c",
             "from django.contrib.auth.models import Group, User\n"
             "import os\n"
             "u = User.objects.create_user('loadtest-archivist', 'archivist@example.org', "
             "os.environ['LOADTEST_PASSWORD'], is_staff=True)\n"
             f"u.groups.add(Group.objects.get(name={ARCHIVIST_GROUP!r}))\n"],
            cwd=BASE_DIR, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            raise LoadTestError(f"could not create the archivist:\n{proc.stdout[-2000:]}")
        articles, entries, consistent, summary = self.check_index()
        if not consistent or articles != entries:
            raise LoadTestError(f"the index does not match the database before the load: {summary}")
        self.log(f"{articles} articles in the archive, index consistent")
        return articles

    def vocabulary(self):
        generator = corpus_mod.Generator(BASE_DIR / "fixtures" / "gazetteer.json", seed=self.o.seed)
        words = list(corpus_mod.WORDS[:80])
        names = [spellings[0] for spellings in generator.names[:40]]
        return words, names

    # -- gunicorn ----------------------------------------------------------------------

    def start_server(self):
        self.log(f"gunicorn, {self.o.workers} workers")
        # capture_output: the workers' own stderr too, where Django logs a 500's traceback.
        try:
            self.server, self.port = start_gunicorn(self.python, self.o.workers, self.tmp, self.env,
                                                    API + "?page_size=1", capture_output=True)
        except ServerError as error:
            raise LoadTestError(str(error)) from None
        self.worker_pids.update(children_of(self.server.pid))
        self.log(f"gunicorn answers on 127.0.0.1:{self.port}")

    def stop_server(self):
        if self.server is None:
            return
        server, self.server = self.server, None
        stop_session(server, timeout=30)

    def gunicorn_log(self):
        return server_log(self.tmp)

    def watch_workers(self, stop):
        while not stop.wait(0.5):
            if self.server is not None:
                self.worker_pids.update(children_of(self.server.pid))

    # -- recording ---------------------------------------------------------------------

    def record(self, cls, response=None, expect=200, error=None, check=None):
        ok, detail = True, ""
        if error is not None:
            ok, detail = False, f"{type(error).__name__}: {error}"
        elif response.status != expect:
            ok, detail = False, f"HTTP {response.status} (expected {expect}): {describe(response)}"
        elif check is not None:
            problem = check(response)
            if problem:
                ok, detail = False, problem
        result = Result(cls, response.ms if response is not None else None, ok, detail)
        with self.lock:
            self.results.append(result)
            if not ok:
                self.errors.append(f"{cls}: {detail}")
        return ok

    def call(self, cls, send, expect=200, check=None):
        try:
            response = send()
        except (OSError, http.client.HTTPException) as error:
            self.record(cls, error=error)
            return None
        return response if self.record(cls, response, expect=expect, check=check) else None

    # -- the readers --------------------------------------------------------------------

    def reader(self, number, deadline, words, names):
        rng = random.Random(self.o.seed * 1000 + number)
        client = HTTP(self.port, self.o.timeout)
        state = {"q": "", "filters": [], "facets": {}, "ids": []}

        def query():
            roll = rng.random()
            if roll < 0.3:
                return rng.choice(names)
            if roll < 0.45:
                return " ".join(rng.sample(words, 2))
            if roll < 0.5:  # a typo: exercises did-you-mean
                word = rng.choice(words)
                i = rng.randrange(1, len(word))
                return word[:i] + word[i + 1:]
            return rng.choice(words)

        def json_ok(response):
            try:
                data = json.loads(response.body)
            except ValueError:
                return "not JSON"
            if "count" not in data or "results" not in data:
                return "no count or results"
            state["facets"] = data.get("facets") or {}
            state["ids"] = [r["id"] for r in data["results"]] or state["ids"]
            return None

        def params():
            pairs = [("q", state["q"])] if state["q"] else []
            pairs += state["filters"]
            return pairs

        while time.monotonic() < deadline:
            action = rng.choices(READER_CLASSES, weights=(3, 3, 3, 2))[0]
            if action == "api_search" or (action == "facet" and not state["facets"]):
                state["q"], state["filters"] = query(), []
                extra = []
                if rng.random() < 0.2:
                    extra.append(("sort", rng.choice(["newest", "oldest"])))
                if rng.random() < 0.15:
                    extra.append(("mode", "exact"))
                if rng.random() < 0.1:
                    extra.append(("page", "2"))
                self.call("api_search", lambda: client.get(API + "?" + urlencode(params() + extra)), check=json_ok)
            elif action == "page_search":
                state["q"], state["filters"] = query(), []
                self.call("page_search", lambda: client.get("/search/?" + urlencode(params())))
            elif action == "facet":
                if state["filters"] and rng.random() < 0.3:   # take one off
                    state["filters"].remove(rng.choice(state["filters"]))
                else:                                          # put one on
                    name = rng.choice([n for n in state["facets"] if state["facets"][n]] or ["none"])
                    values = state["facets"].get(name) or []
                    if values:
                        value = rng.choice(values[:10])
                        if name == "year":
                            year = int(value["value"])
                            state["filters"] = [f for f in state["filters"] if f[0] not in ("date_from", "date_to")]
                            state["filters"] += [("date_from", f"{year}-01-01"), ("date_to", f"{year}-12-31")]
                        elif name in FACET_FILTERS and (name, value["slug"]) not in state["filters"]:
                            state["filters"].append((name, value["slug"]))
                if rng.random() < 0.5:
                    self.call("facet", lambda: client.get("/search/?" + urlencode(params())))
                else:
                    self.call("facet", lambda: client.get(API + "?" + urlencode(params())), check=json_ok)
            else:
                if not state["ids"]:
                    self.call("api_search", lambda: client.get(API + "?page_size=20"), check=json_ok)
                    continue
                pk = rng.choice(state["ids"])
                suffix = "?" + urlencode([("q", state["q"])]) if state["q"] and rng.random() < 0.5 else ""
                self.call("article", lambda: client.get(f"/articles/{pk}/{suffix}"))

    # -- the hostile searchers ------------------------------------------------------------

    def hostile(self, number, deadline):
        """The worst searches we can build, back to back, through the API and
        the page (issue 14: two of them in parallel took the site down)."""
        rng = random.Random(self.o.seed * 7000 + number)
        client = HTTP(self.port, self.o.timeout)
        # gunicorn answers 414 itself to a request line over 4,094 bytes (a
        # thousand Arabic characters, URL-encoded, are 6,000): Django never sees those.
        searches = [(name, params) for name, params in hostile_searches()
                    if len("GET /search/?" + urlencode(sorted(params.items())) + " HTTP/1.1") < MAX_REQUEST_LINE]

        def json_ok(response):
            try:
                data = json.loads(response.body)
            except ValueError:
                return "not JSON"
            return None if "count" in data and "notices" in data else "no count or notices"

        def page(query):
            # A page past the last is answered with a redirect to the last page
            # (archive/views.py); a browser follows it, so do we, timing both.
            response = client.get("/search/?" + query)
            if response.status == 302:
                moved = urlsplit(response.headers.get("Location", ""))
                if moved.path == "/search/":
                    t0 = response.ms
                    response = client.get(moved.path + "?" + moved.query)
                    response.ms += t0
            return response

        while time.monotonic() < deadline:
            _name, params = rng.choice(searches)
            query = urlencode(sorted(params.items()))
            if rng.random() < 0.5:
                self.call("hostile", lambda: client.get(API + "?" + query), check=json_ok)
            else:
                self.call("hostile", lambda: page(query))

    # -- the archivist ------------------------------------------------------------------

    def archivist(self, deadline):
        client = HTTP(self.port, self.o.timeout)
        generator = corpus_mod.Generator(BASE_DIR / "fixtures" / "gazetteer.json", seed=self.o.seed + 7919)
        page = self.call("login", lambda: client.get("/admin/login/?next=/admin/"))
        if page is None:
            return
        login = self.call("login", lambda: client.post_form("/admin/login/?next=/admin/", [
            ("csrfmiddlewaretoken", csrf_token(page.text())), ("username", "loadtest-archivist"),
            ("password", self.password), ("next", "/admin/"),
        ]), expect=302)
        if login is None:
            return
        serial = 0
        next_at = time.monotonic()
        while time.monotonic() < deadline:
            wait = next_at - time.monotonic()
            if wait > 0:
                time.sleep(min(wait, max(0.0, deadline - time.monotonic())))
                continue
            next_at = time.monotonic() + self.o.upload_every
            self.uploads["attempted"] += 1
            records = []
            for _ in range(self.o.upload_size):
                serial += 1
                record = generator.record(serial)
                record["id"] = f"load-{self.o.seed}-{serial:06d}"
                record["url"] = f"https://example.org/load-test/{serial:06d}"
                records.append(record)
            data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
            form = self.call("upload", lambda: client.get(UPLOAD))
            if form is None:
                continue
            staged = self.call("upload", lambda: client.post_files(
                UPLOAD, [("csrfmiddlewaretoken", csrf_token(form.text()))],
                [("files", f"load-{serial:06d}.jsonl", data)]), expect=302)
            if staged is None:
                continue
            location = urlsplit(staged.headers.get("Location", "")).path
            preview = self.call("preview", lambda: client.get(location),
                                check=lambda r: None if r.text().count("draft__include") >= len(records)
                                else "the preview does not list every uploaded article")
            if preview is None:
                continue
            fields = form_fields(preview.text(), "preview__form") + [("confirm", "1")]
            expected = len(records)

            def created(response):
                match = re.search(r"(?:أُنشئ|Created):\s*(\d+)", response.text())
                if not match:
                    return "no result counts on the page (the preview came back?)"
                if int(match.group(1)) != expected:
                    return f"{match.group(1)} of {expected} articles created"
                return None

            if self.call("confirm", lambda: client.post_form(location, fields), check=created) is not None:
                self.uploads["done"] += 1
                self.uploads["articles"] += expected
            self.uploads["records"] += expected

    # -- the whole run ---------------------------------------------------------------------

    def drive(self):
        words, names = self.vocabulary()
        # Warm-up (not counted): each worker opens the index and builds its alias index.
        warm = HTTP(self.port, self.o.timeout)
        for word in words[:2 * self.o.workers]:
            warm.get(API + "?" + urlencode([("q", word)]))
            warm.get("/search/?" + urlencode([("q", word)]))
        self.log(f"{self.o.clients} readers + 1 archivist + {self.o.hostile} hostile searchers "
                 f"for {self.o.duration:.0f} s")
        stop = threading.Event()
        watcher = threading.Thread(target=self.watch_workers, args=(stop,), daemon=True)
        watcher.start()
        t0 = time.monotonic()
        deadline = t0 + self.o.duration
        threads = [threading.Thread(target=self.reader, args=(i, deadline, words, names), daemon=True)
                   for i in range(self.o.clients)]
        threads.append(threading.Thread(target=self.archivist, args=(deadline,), daemon=True))
        threads += [threading.Thread(target=self.hostile, args=(i, deadline), daemon=True)
                    for i in range(self.o.hostile)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        seconds = time.monotonic() - t0
        stop.set()
        watcher.join()
        return seconds

    def served_counts(self):
        """What each answer to "how many articles" says (several asks, so both workers answer)."""
        client = HTTP(self.port, self.o.timeout)
        counts = []
        for _ in range(2 * self.o.workers):
            response = self.call("api_search", lambda: client.get(API + "?page_size=1"))
            if response is not None:
                counts.append(json.loads(response.body)["count"])
        return sorted(set(counts))

    def run(self):
        o = self.o
        self.tmp = Path(tempfile.mkdtemp(prefix="archive-load-", dir=o.tmpdir))
        load_before = os.getloadavg()
        try:
            self.env = self._env()
            before = self.prepare()
            self.start_server()
            seconds = self.drive()
            served = self.served_counts()
            self.stop_server()
            log = self.gunicorn_log()
            self.log("check_index on the data directory")
            database, index, consistent, summary = self.check_index()
            report = {
                "options": asdict(o),
                "backend": self.env.get("SEARCH_BACKEND", "tantivy"),
                "seconds": round(seconds, 1),
                "classes": summarize(self.results, seconds),
                "uploads": dict(self.uploads),
                "counts": {
                    "before": before, "uploaded": self.uploads["articles"],
                    "expected": before + self.uploads["articles"], "database": database, "index": index,
                    "index_consistent": consistent, "check_index": summary, "served": served,
                },
                "tracebacks": log.count("Traceback (most recent call last)"),
                "worker_restarts": max(0, len(self.worker_pids) - o.workers),
                "worker_timeouts": log.count("WORKER TIMEOUT"),
                "error_samples": self.errors[:10],
                "loadavg": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
                "cpus": os.cpu_count(),
            }
            report["failures"] = failures(report)
            if report["tracebacks"]:
                report["gunicorn_log_tail"] = log[-4000:]
            return report
        finally:
            self.stop_server()
            if o.keep:
                self.log(f"kept {self.tmp}")
            else:
                shutil.rmtree(self.tmp, ignore_errors=True)
