"""One benchmark run, from an empty directory to the table and the JSON.

1. A throw-away data directory (``tempfile``; ``--keep`` keeps it) and, when
   ``DATABASE_URL`` names PostgreSQL, a throw-away database
   ``archive_bench_<pid>`` created and dropped through psycopg on that server.
   Otherwise SQLite in the data directory, as ``make run`` has it.
2. The articles written as JSON-lines files (``tooling.bench.corpus``).
3. ``manage.py migrate``, ``load_demo_data`` and ``import_articles`` as
   subprocesses with ``DATA_DIR`` / ``DATABASE_URL`` pointing at the throw-away
   archive: the real pipeline (read, tag, save, index in batches) with its
   progress bar. The import rate is articles created per second of that
   command, end to end.
4. The query mix chosen from what was imported (``tooling.bench.queries``).
5. gunicorn, as ``make run`` starts it (``archive.wsgi``, 2 workers, on a free
   port of 127.0.0.1); a warm-up; then ``--clients`` threads send the mix
   (``--requests`` of each class, shuffled with a fixed seed) to
   ``/api/articles/``, stopping at ``--duration`` seconds whatever is left.
   Each worker's peak resident memory is its kernel high-water mark
   (``VmHWM`` in ``/proc/<pid>/status``), read before gunicorn is stopped.
6. The bare engine on the same queries (``tooling.bench.inproc raw``), with
   gunicorn stopped, and the API's facet counts checked against Whoosh's.
7. The table, the JSON; gunicorn stopped, the database dropped and the
   directory removed whatever happened.
"""
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
import http.client
import json
import os
from pathlib import Path
import platform
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import urlencode, urlsplit, urlunsplit

from tooling.bench import corpus as corpus_mod
from tooling.bench.queries import CLASSES
from tooling.harness import (
    TIMES_HEAD, ServerError, children_of, fmt_ms, percentile, rule, start_gunicorn, stop_session, times,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
API = "/api/articles/"

TARGETS = {
    "class_p95_ms": 100,
    "overall_p50_ms": 30,
    "browse_p95_ms": 50,
    "import_articles_per_s": 300,
    "worker_rss_mb": 300,
    "index_to_raw_text": 1.5,
}


@dataclass
class Options:
    articles: int = 1000
    corpus: list = field(default_factory=list)
    clients: int = 4
    workers: int = 2
    requests: int = 50          # per class
    duration: float = 300.0     # most seconds the clients run
    raw_runs: int = 30
    json_out: str | None = None
    keep: bool = False
    seed: int = 1
    batch_size: int = 500
    production: bool = False
    profile_dir: str | None = None
    tmpdir: str | None = None
    import_only: bool = False
    backend: str = "whoosh"     # SEARCH_BACKEND of the archive under test
    search_cache: bool = False  # let workers keep recent outcomes (the mix repeats each query)
    reuse: str | None = None    # a directory an earlier run kept (--keep): serve and time it again, no import


class BenchError(RuntimeError):
    pass


# ---------------------------------------------------------------------------
# The throw-away database
# ---------------------------------------------------------------------------

class ThrowawayDatabase:
    """``archive_bench_<pid>`` on the PostgreSQL server ``DATABASE_URL`` names."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.name = f"archive_bench_{os.getpid()}"
        parts = urlsplit(base_url)
        self.url = urlunsplit((parts.scheme, parts.netloc, "/" + self.name, parts.query, parts.fragment))
        self.created = False

    @staticmethod
    def is_postgres(url):
        return bool(url) and url.split(":", 1)[0] in ("postgres", "postgresql", "pgsql", "postgis")

    def _admin(self):
        import psycopg

        url = self.base_url.replace("postgis://", "postgresql://").replace("pgsql://", "postgresql://")
        return psycopg.connect(url, autocommit=True)

    def create(self):
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
            conn.execute(f'CREATE DATABASE "{self.name}"')
        self.created = True
        return self.url

    def drop(self):
        if not self.created:
            return
        with self._admin() as conn:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = %s AND pid <> pg_backend_pid()", [self.name])
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
        self.created = False


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def dir_bytes(path):
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total


def proc_status_kb(pid, key):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def rss_kb(pid):
    value = proc_status_kb(pid, "VmRSS")
    if value is None:
        try:
            import psutil

            value = psutil.Process(pid).memory_info().rss // 1024
        except Exception:  # noqa: BLE001
            value = None
    return value


def code_snapshot():
    """Modification times of the archive's code (the serving code: the benchmark
    itself lives in tooling/): a file edited while the run goes on (gunicorn has
    the old code, the bare engine the new) is reported."""
    found = {}
    for path in (BASE_DIR / "archive").rglob("*.py"):
        try:
            found[path] = path.stat().st_mtime_ns
        except OSError:
            pass
    return found


def query_string(pairs):
    return urlencode([(name, value) for name, value in pairs])


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------

class Run:
    def __init__(self, options: Options, write=print):
        self.o = options
        self.write = write
        self.python = sys.executable
        self.tmp = None
        self.db = None
        self.server = None
        self.port = None
        self.env = None
        self.rss_peak = {}   # worker pid -> highest kB seen
        self.started = time.monotonic()

    def log(self, message):
        self.write(f"[bench {time.monotonic() - self.started:7.1f}s] {message}")

    # -- environment -------------------------------------------------------------

    def _env(self, db_url):
        env = dict(os.environ)
        env.update({
            "DJANGO_SETTINGS_MODULE": "archive.settings",
            "DATA_DIR": str(self.tmp / "data"),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            "SEARCH_BACKEND": self.o.backend,
            # The clients all come from 127.0.0.1: the per-client search limit would throttle them.
            "SEARCH_RATE_LIMIT": "0",
            # The mix sends each query many times: with the workers' cache of
            # recent searches on, all but the first would be answered from it.
            "SEARCH_CACHE_SIZE": "256" if self.o.search_cache else "0",
        })
        env.pop("SEARCH_INDEX_DIR", None)
        if db_url:
            env["DATABASE_URL"] = db_url
        else:
            env.pop("DATABASE_URL", None)
        if self.o.production:
            env.update({"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50),
                        "SECURE_SSL_REDIRECT": "0", "SECURE_HSTS_SECONDS": "0"})
        else:
            env["DEBUG"] = "1"   # as the Makefile exports it for make run
        return env

    def manage(self, *args, capture=False, check=True):
        cmd = [self.python, str(BASE_DIR / "manage.py"), *args]
        proc = subprocess.run(cmd, cwd=BASE_DIR, env=self.env, text=True,
                              stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                              stderr=None)
        if check and proc.returncode != 0:
            raise BenchError(f"{' '.join(args[:1])} failed (exit {proc.returncode}): {(proc.stdout or '')[-2000:]}")
        return proc

    def inproc(self, *args):
        cmd = [self.python, "-m", "tooling.bench.inproc", *args]
        proc = subprocess.run(cmd, cwd=BASE_DIR, env=self.env)
        if proc.returncode != 0:
            raise BenchError(f"tooling.bench.inproc {args[0]} failed (exit {proc.returncode})")

    # -- steps ---------------------------------------------------------------------

    def prepare_articles(self):
        self.log(f"writing {self.o.articles} articles "
                 f"({'from ' + ', '.join(map(str, self.o.corpus)) if self.o.corpus else 'generated text'})")
        t0 = time.monotonic()
        paths, summary = corpus_mod.build(
            self.tmp / "input", self.o.articles, [Path(p) for p in self.o.corpus],
            gazetteer_path=BASE_DIR / "fixtures" / "gazetteer.json", seed=self.o.seed,
        )
        summary["seconds"] = round(time.monotonic() - t0, 1)
        return paths, summary

    def import_articles(self):
        self.log("migrate + load_demo_data")
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("load_demo_data", "-v", "0")
        self.log("import_articles (the real pipeline: read, tag, save, index in batches)")
        t0 = time.monotonic()
        proc = self.manage("import_articles", str(self.tmp / "input"), "--batch-size", str(self.o.batch_size),
                           capture=True, check=False)
        seconds = time.monotonic() - t0
        out = proc.stdout or ""
        m = re.search(r"Imported (\d+), updated (\d+), unchanged or duplicates (\d+), failed (\d+)", out)
        if proc.returncode not in (0, 1) or not m:
            raise BenchError(f"import_articles failed (exit {proc.returncode}):\n{out[-3000:]}")
        created, updated, skipped, failed = map(int, m.groups())
        self.log(f"imported {created} in {seconds:.1f} s ({created / seconds:.0f}/s); "
                 f"{skipped} skipped as duplicates, {failed} failed")
        return {
            "seconds": round(seconds, 1),
            "articles_per_s": round(created / seconds, 1) if seconds else None,
            "created": created, "updated": updated, "duplicates": skipped, "failed": failed,
            "batch_size": self.o.batch_size,
        }

    def start_server(self):
        self.log(f"gunicorn, {self.o.workers} workers")
        try:
            self.server, self.port = start_gunicorn(self.python, self.o.workers, self.tmp, self.env,
                                                    API + "?page_size=1")
        except ServerError as error:
            raise BenchError(str(error)) from None
        self.log(f"gunicorn answers on 127.0.0.1:{self.port}")

    def stop_server(self):
        if self.server is None:
            return
        server, self.server = self.server, None
        stop_session(server, timeout=20)

    def get(self, path, timeout=120):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            t0 = time.perf_counter()
            conn.request("GET", path, headers={"Host": "127.0.0.1"})
            response = conn.getresponse()
            body = response.read()
            return response.status, body, (time.perf_counter() - t0) * 1000
        finally:
            conn.close()

    def sample_rss(self, stop):
        while not stop.is_set():
            self.read_rss()
            stop.wait(0.25)

    def read_rss(self):
        if self.server is None:
            return
        for pid in children_of(self.server.pid):
            kb = proc_status_kb(pid, "VmHWM") or rss_kb(pid)
            if kb:
                self.rss_peak[pid] = max(self.rss_peak.get(pid, 0), kb)

    def warm_up(self, queries):
        """One answer per class kept (for the facet check, and its time as
        ``first_ms``), then every query ``workers`` times more from
        ``workers + 1`` threads, so each worker has most likely opened the
        index, read its facet columns and built its alias index."""
        responses, first = {}, {}
        for name, spec in queries.items():
            status, body, ms = self.get(API + "?" + query_string(spec["params"]))
            first[name] = round(ms, 1)
            if status != 200:
                raise BenchError(f"{name}: HTTP {status} for {spec['params']}: {body[:500]!r}")
            responses[name] = json.loads(body)
        paths = [API + "?" + query_string(spec["params"]) for spec in queries.values()]
        with ThreadPoolExecutor(self.o.workers + 1) as pool:
            list(pool.map(lambda p: self.get(p)[0], paths * self.o.workers))
        return responses, first

    def drive(self, queries):
        schedule = [name for name in CLASSES if name in queries for _ in range(self.o.requests)]
        random.Random(self.o.seed).shuffle(schedule)
        paths = {name: API + "?" + query_string(spec["params"]) for name, spec in queries.items()}
        lock = threading.Lock()
        work = iter(schedule)
        results = []   # (class, ms, ok)
        deadline = time.monotonic() + self.o.duration

        def client():
            while time.monotonic() < deadline:
                with lock:
                    name = next(work, None)
                if name is None:
                    return
                try:
                    status, _body, ms = self.get(paths[name])
                    ok = status == 200
                except OSError:
                    ms, ok = None, False
                with lock:
                    results.append((name, ms, ok))

        stop = threading.Event()
        sampler = threading.Thread(target=self.sample_rss, args=(stop,), daemon=True)
        sampler.start()
        t0 = time.monotonic()
        threads = [threading.Thread(target=client) for _ in range(self.o.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - t0
        stop.set()
        sampler.join()
        self.read_rss()
        return results, wall, len(schedule)

    # -- the whole run ----------------------------------------------------------

    def run(self):
        o = self.o
        code_before = code_snapshot()
        base_url = os.environ.get("DATABASE_URL", "")
        database = "postgresql" if ThrowawayDatabase.is_postgres(base_url) else "sqlite"
        if o.reuse:
            self.tmp = Path(o.reuse).resolve()
            if database != "sqlite" or not (self.tmp / "import.json").is_file():
                raise BenchError(f"--reuse takes a directory an earlier SQLite run kept (--keep): {self.tmp}")
        else:
            self.tmp = Path(tempfile.mkdtemp(prefix="archive-bench-", dir=o.tmpdir))
        load_before = os.getloadavg()
        try:
            db_url = None
            if database == "postgresql":
                self.db = ThrowawayDatabase(base_url)
                db_url = self.db.create()
                self.log(f"PostgreSQL database {self.db.name} created")
            self.env = self._env(db_url)
            self.log(f"data directory {self.tmp}")
            if o.reuse:
                # The import was measured by the run that kept the directory.
                earlier = json.loads((self.tmp / "import.json").read_text(encoding="utf-8"))
                corpus_summary, imported = earlier["corpus"], dict(earlier["import"], reused=True)
                self.log(f"reusing the archive imported by an earlier run ({imported['created']} articles)")
            else:
                _paths, corpus_summary = self.prepare_articles()
                imported = self.import_articles()
                (self.tmp / "import.json").write_text(
                    json.dumps({"corpus": corpus_summary, "import": imported}, ensure_ascii=False), encoding="utf-8")
            self.log("choosing the query mix")
            self.inproc("choose", str(self.tmp / "queries.json"))
            chosen = json.loads((self.tmp / "queries.json").read_text(encoding="utf-8"))
            queries = chosen["queries"]
            index_bytes = dir_bytes(self.tmp / "data" / ("index-tantivy" if self.o.backend == "tantivy" else "index"))

            if o.import_only:
                self.log("--import-only: no serving, no clients, no bare engine")
                responses, first, results, wall, scheduled, workers_rss = {}, {}, [], 0, 0, []
                raw = {"classes": {}, "overall": {}}
            else:
                self.start_server()
                self.log("warming up")
                responses, first = self.warm_up(queries)
                (self.tmp / "responses.json").write_text(json.dumps(responses, ensure_ascii=False),
                                                         encoding="utf-8")
                self.log(f"{o.clients} clients x {o.requests} requests per class (at most {o.duration:.0f} s)")
                results, wall, scheduled = self.drive(queries)
                workers_rss = [round(kb / 1024, 1) for _pid, kb in sorted(self.rss_peak.items())]
                self.stop_server()

                self.log("the bare engine on the same queries")
                self.inproc("raw", str(self.tmp / "queries.json"), str(self.tmp / "responses.json"),
                            str(self.tmp / "raw.json"), "--runs", str(o.raw_runs))
                raw = json.loads((self.tmp / "raw.json").read_text(encoding="utf-8"))
            if o.profile_dir:
                self.log(f"profiling each class in-process into {o.profile_dir}")
                self.inproc("profile", str(self.tmp / "queries.json"), str(Path(o.profile_dir).resolve()))

            report = self.report(
                database=database, imported=imported, chosen=chosen, corpus_summary=corpus_summary,
                index_bytes=index_bytes, results=results, wall=wall, scheduled=scheduled,
                workers_rss=workers_rss, raw=raw, first=first, responses=responses,
                load=(load_before, os.getloadavg()),
            )
            after = code_snapshot()
            report["code_changed_during_run"] = sorted(
                str(path.relative_to(BASE_DIR)) for path in set(code_before) | set(after)
                if code_before.get(path) != after.get(path))
            return report
        finally:
            self.stop_server()
            if self.db is not None:
                try:
                    self.db.drop()
                except Exception as error:  # noqa: BLE001 - report, go on cleaning
                    self.log(f"could not drop {self.db.name}: {error}")
            if o.keep or o.reuse:
                self.log(f"kept {self.tmp}")
            else:
                shutil.rmtree(self.tmp, ignore_errors=True)

    # -- the report ------------------------------------------------------------------

    def report(self, *, database, imported, chosen, corpus_summary, index_bytes, results, wall, scheduled,
               workers_rss, raw, first, responses, load):
        o = self.o
        classes = {}
        all_ms = []
        for name in CLASSES:
            ms = [r[1] for r in results if r[0] == name and r[2]]
            errors = sum(1 for r in results if r[0] == name and not r[2])
            all_ms.extend(ms)
            classes[name] = {
                "p50_ms": round(statistics.median(ms), 1) if ms else None,
                "p95_ms": round(percentile(ms, 95), 1) if ms else None,
                "max_ms": round(max(ms), 1) if ms else None,
                "requests": len(ms) + errors,
                "errors": errors,
                "count": responses.get(name, {}).get("count"),
                "first_ms": first.get(name),
            }
        overall = {
            "p50_ms": round(statistics.median(all_ms), 1) if all_ms else None,
            "p95_ms": round(percentile(all_ms, 95), 1) if all_ms else None,
            "max_ms": round(max(all_ms), 1) if all_ms else None,
            "rps": round(len(results) / wall, 1) if wall else None,
            "requests": len(results),
            "errors": sum(1 for r in results if not r[2]),
            "unsent": scheduled - len(results),
            "seconds": round(wall, 1),
        }
        raw_classes = raw.get("classes", {})
        for name, row in raw_classes.items():
            http_row = classes.get(name, {})
            for p in ("p50", "p95"):
                if http_row.get(f"{p}_ms") and row.get(f"{p}_ms"):
                    row[f"ratio_{p}"] = round(http_row[f"{p}_ms"] / row[f"{p}_ms"], 2)
        raw_overall = raw.get("overall", {})
        if overall["p50_ms"] and raw_overall.get("p50_ms"):
            raw_overall["ratio_p50"] = round(overall["p50_ms"] / raw_overall["p50_ms"], 2)
        raw_text = chosen["raw_text_bytes"]
        result = {
            "articles": chosen["articles"],
            "requested_articles": o.articles,
            "clients": o.clients,
            "workers": o.workers,
            "backend": self.o.backend,
            "search_cache": self.o.search_cache,
            "database": database,
            "debug": not o.production,
            "import_only": o.import_only,
            "import": imported,
            "classes": classes,
            "overall": overall,
            "worker_peak_rss_mb": workers_rss,
            # More pids than workers: gunicorn replaced workers (a request past its 30 s timeout).
            "worker_restarts": max(0, len(workers_rss) - o.workers),
            "index_bytes": index_bytes,
            "raw_text_bytes": raw_text,
            "index_to_raw_text": round(index_bytes / raw_text, 2) if raw_text else None,
            "raw_engine": {
                "what": ("Whoosh alone, in-process: archive.search.query builds the query, one "
                         "searcher.search sorts, pages and counts every facet (no Django, no DB, no HTTP)"
                         if self.o.backend == "whoosh" else
                         "Tantivy alone, in-process: archive.search.query builds the query, translated; "
                         "one search pages and counts, one terms aggregation per facet (no Django, no DB, no HTTP)"),
                "classes": raw_classes,
                "overall": raw_overall,
            },
            "facets_exact": raw.get("facets_exact"),
            "facet_checks": raw.get("facet_checks"),
            "queries": {name: {"query": "&".join(f"{k}={v}" for k, v in spec["params"]), "why": spec["why"]}
                        for name, spec in chosen["queries"].items()},
            "corpus": corpus_summary,
            "machine": {
                "cpus": os.cpu_count(), "python": platform.python_version(),
                "loadavg_before": [round(x, 2) for x in load[0]],
                "loadavg_after": [round(x, 2) for x in load[1]],
            },
            "when": datetime.now().isoformat(timespec="seconds"),
        }
        result["targets"] = self.targets(result)
        return result

    @staticmethod
    def targets(r):
        t = TARGETS
        worst = max((c["p95_ms"] or 0) for c in r["classes"].values())
        checks = {
            f"every class p95 <= {t['class_p95_ms']} ms": (worst, worst <= t["class_p95_ms"]),
            f"overall p50 <= {t['overall_p50_ms']} ms": (r["overall"]["p50_ms"],
                                                        (r["overall"]["p50_ms"] or 1e9) <= t["overall_p50_ms"]),
            f"browse p95 <= {t['browse_p95_ms']} ms": (r["classes"]["browse"]["p95_ms"],
                                                       (r["classes"]["browse"]["p95_ms"] or 1e9) <= t["browse_p95_ms"]),
            f"import >= {t['import_articles_per_s']} articles/s": (
                r["import"]["articles_per_s"], (r["import"]["articles_per_s"] or 0) >= t["import_articles_per_s"]),
            f"each worker < {t['worker_rss_mb']} MB": (
                max(r["worker_peak_rss_mb"] or [0]), max(r["worker_peak_rss_mb"] or [0]) < t["worker_rss_mb"]),
            f"index <= {t['index_to_raw_text']} x raw text": (
                r["index_to_raw_text"], (r["index_to_raw_text"] or 1e9) <= t["index_to_raw_text"]),
            "facet counts exact": (r["facets_exact"], bool(r["facets_exact"])),
        }
        if r.get("import_only"):
            checks = {k: v for k, v in checks.items() if k.startswith(("import", "index"))}
        return {name: {"value": value, "met": met} for name, (value, met) in checks.items()}


def table(r):
    """The report as text."""
    lines = []
    lines.append(f"{r['articles']:,} articles ({r['database']}, backend {r['backend']}), "
                 f"{r['clients']} clients -> {r['workers']} gunicorn workers, DEBUG={'1' if r['debug'] else '0'}, "
                 f"search cache {'on' if r.get('search_cache') else 'off'}"
                 + (" -- IMPORT ONLY: no search was timed" if r.get("import_only") else ""))
    lines.append("")
    if r.get("import_only"):
        return "\n".join(lines + _summary_lines(r))
    head = (f"{'class':<12} {TIMES_HEAD} {'req':>5} {'err':>4} {'hits':>8} "
            f"| {'raw p50':>8} {'raw p95':>8} {'x p50':>6} {'x p95':>6} | {'srch p50':>8}")
    lines.append(head)
    lines.append(rule(head))
    raw = r["raw_engine"]["classes"]
    for name in CLASSES:
        c = r["classes"][name]
        rc = raw.get(name, {})
        lines.append(
            f"{name:<12} {times(c)} "
            f"{c['requests']:>5} {c['errors']:>4} {c['count'] if c['count'] is not None else '—':>8} "
            f"| {fmt_ms(rc.get('p50_ms')):>8} {fmt_ms(rc.get('p95_ms')):>8} "
            f"{rc.get('ratio_p50', '—'):>6} {rc.get('ratio_p95', '—'):>6} | {fmt_ms(rc.get('search_only_p50_ms')):>8}")
    o = r["overall"]
    ro = r["raw_engine"]["overall"]
    lines.append(rule(head))
    lines.append(f"{'overall':<12} {times(o)} "
                 f"{o['requests']:>5} {o['errors']:>4} {'':>8} | {fmt_ms(ro.get('p50_ms')):>8} {'':>8} "
                 f"{ro.get('ratio_p50', '—'):>6}")
    lines.append("raw: the bare engine (" + r["backend"].capitalize() + " in-process: query, sorted page, every facet; no Django, DB or HTTP); "
                 "x: HTTP / raw; srch: raw without facets")
    lines.append("")
    lines.append(f"throughput      {o['rps']} requests/s ({o['requests']} in {o['seconds']} s"
                 + (f", {o['unsent']} not sent: --duration reached" if o["unsent"] else "") + ")")
    return "\n".join(lines + _summary_lines(r))


def _summary_lines(r):
    lines = []
    imp = r["import"]
    lines.append(f"import          {imp['created']:,} articles in {imp['seconds']} s = {imp['articles_per_s']} "
                 f"articles/s (tagging and indexing included; {imp['duplicates']} duplicates, {imp['failed']} failed)"
                 + (" -- measured by the run that kept this archive (--reuse)" if imp.get("reused") else ""))
    if r["worker_peak_rss_mb"]:
        lines.append(f"worker peak RSS {', '.join(f'{x:.0f} MB' for x in r['worker_peak_rss_mb'])}"
                     + (f" ({r['worker_restarts']} workers replaced by gunicorn: requests past its timeout)"
                        if r.get("worker_restarts") else ""))
    lines.append(f"index           {r['index_bytes'] / 1e6:.1f} MB for {r['raw_text_bytes'] / 1e6:.1f} MB of "
                 f"title+body text ({r['index_to_raw_text']} x)")
    exact = r["facets_exact"]
    lines.append("facet counts    " + ("not checked" if exact is None else "exact" if exact else
                                     "NOT exact: " + json.dumps(r["facet_checks"], ensure_ascii=False)))
    if r.get("code_changed_during_run"):
        lines.append(f"WARNING         code changed during the run (its steps may have run different versions): "
                     f"{', '.join(r['code_changed_during_run'])}")
    lines.append(f"load average    {r['machine']['loadavg_before'][0]} before, {r['machine']['loadavg_after'][0]} after "
                 f"({r['machine']['cpus']} CPUs)")
    lines.append("")
    lines.append("targets (set for 100,000 articles, 4 clients, 2 workers):")
    for name, t in r["targets"].items():
        lines.append(f"  [{'ok' if t['met'] else '--'}] {name}: {t['value']}")
    lines.append("")
    lines.append("queries:")
    for name, q in r["queries"].items():
        lines.append(f"  {name:<12} {q['query']}")
    return lines
