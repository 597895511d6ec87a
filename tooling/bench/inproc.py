"""What the benchmark runs inside the throw-away archive, in a process of its own.

    python -m tooling.bench.inproc choose OUT.json
    python -m tooling.bench.inproc raw QUERIES.json RESPONSES.json OUT.json [--runs 30] [--budget 20]
    python -m tooling.bench.inproc profile QUERIES.json OUTDIR [--runs 10]

The runner starts it with ``DATA_DIR`` (and ``DATABASE_URL``) pointing at the
benchmark's archive, so Django, the database and the index are that archive's.

``raw`` times the *bare engine*: the index opened with Whoosh (or Tantivy) directly, the
query tree built by ``archive.search.query`` and compiled by the store's
compiler (the gazetteer's alias index built beforehand, outside the timing),
and one ``searcher.search`` that pages,
sorts and counts every facet with Whoosh's own grouping. No Django view, no
database, no highlighting, no HTTP, and nothing of ``archive.search.engine``,
so improving the engine does not move this baseline: its times measure the
machine, and the HTTP times divided by them stay comparable between runs on
a busy or a quiet machine. The same pass checks that the API's facet counts
(saved from one response per class) equal Whoosh's.

``profile`` runs each class through the whole Django view (the test client,
no HTTP) under cProfile and writes where the time goes.
"""
import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from tooling.harness import percentile

FACET_FIELDS = ("location", "force", "speaker", "source", "year")
FACET_LIMIT = 50


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()


def params_of(pairs):
    from django.http import QueryDict

    from archive.search.params import SearchParams

    qd = QueryDict(mutable=True)
    for name, value in pairs:
        qd.appendlist(name, value)
    return SearchParams.from_querydict(qd)


# ---------------------------------------------------------------------------
# choose
# ---------------------------------------------------------------------------

def cmd_choose(out):
    setup()
    from tooling.bench.queries import choose
    from archive.gazetteer import get_alias_index
    from archive.models import Article
    from archive.search.indexing import current_view

    view = current_view()
    started = time.perf_counter()
    queries = choose(view.vocabulary(), get_alias_index(), Article.objects.all())
    raw_bytes = 0
    articles = 0
    for title, body in Article.objects.values_list("title", "body").iterator(chunk_size=2000):
        raw_bytes += len((title or "").encode("utf-8")) + len((body or "").encode("utf-8"))
        articles += 1
    result = {
        "queries": queries,
        "articles": articles,
        "index_docs": view.doc_count(),
        "raw_text_bytes": raw_bytes,
        "choose_seconds": round(time.perf_counter() - started, 2),
    }
    Path(out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


# ---------------------------------------------------------------------------
# raw: the bare engine
# ---------------------------------------------------------------------------

def bare_query(params, alias_index):
    """The query tree of these parameters: words through archive.search.query,
    filters ANDed in as terms and a date range (as the archive's own search)."""
    from archive.search.engine import search_query
    from archive.search.indexing import current_reader
    from archive.search.query import QueryBuilder, parse

    parsed = parse(params.q)
    builder = QueryBuilder(params.mode, params.expand, alias_index, current_reader())
    text_query = builder.build(parsed) if parsed.clauses else None
    return search_query(text_query, params), text_query is not None


def bare_search(searcher, query, has_words, params, with_facets=True):
    """One Whoosh search: the page's stored ids, the count and every facet
    (``with_facets=False``: the page and the count only)."""
    from whoosh import sorting

    from archive.search.stores.whoosh.compiler import compile_tree

    query = compile_tree(query)
    sort = params.sort if (has_words or params.sort != "relevance") else "newest"
    if sort == "newest":
        sortedby = sorting.FieldFacet("newest", reverse=True)
    elif sort == "oldest":
        sortedby = sorting.FieldFacet("oldest")
    else:
        sortedby = sorting.MultiFacet([sorting.ScoreFacet(), sorting.FieldFacet("newest", reverse=True)])
    facets = sorting.Facets()
    for name in FACET_FIELDS:
        facets.add_facet(name, sorting.FieldFacet(name, allow_overlap=True, maptype=sorting.Count))
    start = (params.page - 1) * params.page_size
    results = searcher.search(query, limit=start + params.page_size, sortedby=sortedby,
                              groupedby=facets if with_facets else None, terms=False)
    count = len(results)
    groups = {name: results.groups(name) for name in FACET_FIELDS} if with_facets else {}
    ids = [searcher.stored_fields(results.docnum(i))["django_id"]
           for i in range(start, min(len(results.top_n), start + params.page_size))]
    return count, groups, ids


def bare_search_tantivy(view, query, has_words, params, with_facets=True):
    """The same on Tantivy: the query translated, one search for the page and
    the count, one terms aggregation per facet; nothing of the engine's views."""
    import tantivy

    from archive.search.stores.tantivy.compiler import compile_tree

    searcher = view.searcher
    tq = compile_tree(query, view.vocabulary())
    sort = params.sort if (has_words or params.sort != "relevance") else "newest"
    start = (params.page - 1) * params.page_size
    options = {}
    if sort == "newest":
        options = {"order_by_field": "newest", "order": tantivy.Order.Desc}
    elif sort == "oldest":
        options = {"order_by_field": "oldest", "order": tantivy.Order.Asc}
    result = searcher.search(tq, params.page_size, count=True, offset=start, **options)
    groups = {}
    if with_facets:
        spec = {name: {"terms": {"field": name, "size": 100_000}} for name in FACET_FIELDS}
        aggs = searcher.aggregate(tq, spec)
        groups = {name: {b["key"]: b["doc_count"] for b in aggs[name]["buckets"]} for name in FACET_FIELDS}
    ids = [str(pk) for pk in searcher.fast_field_values("pk", [a for _k, a in result.hits])]
    return result.count, groups, ids


def _text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def check_facets(response, count, groups):
    """Differences between an API answer and Whoosh's own counts ([] when exact)."""
    problems = []
    if response.get("count") != count:
        problems.append(f"count: API {response.get('count')} vs Whoosh {count}")
    facets = response.get("facets") or {}
    for name in FACET_FIELDS:
        truth = {_text(k): v for k, v in (groups.get(name) or {}).items() if k is not None and _text(k)}
        listed = facets.get(name) or []
        for entry in listed:
            value = entry.get("slug", entry.get("value"))
            if truth.get(value) != entry.get("count"):
                problems.append(f"{name}={value}: API {entry.get('count')} vs Whoosh {truth.get(value)}")
        if name != "year" and len(listed) >= FACET_LIMIT:
            floor = min(e["count"] for e in listed)
            shown = {e.get("slug") for e in listed}
            missing = [v for v, c in truth.items() if c > floor and v not in shown]
            if missing:
                problems.append(f"{name}: values above the cut missing: {missing[:5]}")
        elif name != "year":
            # Fewer than the limit: every value Whoosh counts must be listed
            # (a slug no longer in the gazetteer is the one allowed exception).
            from archive.search.params import FILTERS

            known = set(FILTERS[name].objects.filter(slug__in=list(truth)).values_list("slug", flat=True))
            shown = {e.get("slug") for e in listed}
            missing = [v for v in truth if v in known and v not in shown]
            if missing:
                problems.append(f"{name}: values missing: {missing[:5]}")
    return problems


def cmd_raw(queries_path, responses_path, out, runs, budget):
    setup()
    from archive.gazetteer import get_alias_index
    from archive.search.indexing import current_view, using_tantivy

    queries = json.loads(Path(queries_path).read_text(encoding="utf-8"))["queries"]
    responses = {}
    if responses_path and Path(responses_path).exists():
        responses = json.loads(Path(responses_path).read_text(encoding="utf-8"))
    alias_index = get_alias_index()
    if using_tantivy():
        searcher, engine_search = current_view(), bare_search_tantivy
    else:
        searcher, engine_search = current_view().searcher, bare_search
    classes, checks = {}, {}
    for name, spec in queries.items():
        params = params_of(spec["params"])
        times = []
        # Two untimed runs: the first reads the postings from disk.
        for _ in range(2):
            query, has_words = bare_query(params, alias_index)
            count, groups, _ids = engine_search(searcher, query, has_words, params)
        started = time.perf_counter()
        while len(times) < runs and (len(times) < 5 or time.perf_counter() - started < budget):
            t0 = time.perf_counter()
            query, has_words = bare_query(params, alias_index)
            engine_search(searcher, query, has_words, params)
            times.append((time.perf_counter() - t0) * 1000)
        # The same without facets: how much of the bare engine's time is the search itself.
        search_times = []
        started = time.perf_counter()
        while len(search_times) < runs and (len(search_times) < 5 or time.perf_counter() - started < budget / 2):
            t0 = time.perf_counter()
            query, has_words = bare_query(params, alias_index)
            engine_search(searcher, query, has_words, params, with_facets=False)
            search_times.append((time.perf_counter() - t0) * 1000)
        classes[name] = {
            "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(percentile(times, 95), 2),
            "max_ms": round(max(times), 2),
            "runs": len(times),
            "count": count,
            "search_only_p50_ms": round(statistics.median(search_times), 2),
        }
        if name in responses:
            checks[name] = check_facets(responses[name], count, groups)
    all_times = []
    for name, row in classes.items():
        all_times.append(row["p50_ms"])
    result = {
        "classes": classes,
        "overall": {"p50_ms": round(statistics.median(all_times), 2) if all_times else None},
        "facet_checks": checks,
        "facets_exact": all(not v for v in checks.values()) if checks else None,
    }
    Path(out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


# ---------------------------------------------------------------------------
# profile: the whole view, in-process
# ---------------------------------------------------------------------------

def cmd_profile(queries_path, outdir, runs):
    import cProfile
    import io
    import pstats
    from urllib.parse import urlencode

    setup()
    from django.test import Client

    queries = json.loads(Path(queries_path).read_text(encoding="utf-8"))["queries"]
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    client = Client(HTTP_HOST="127.0.0.1")
    summary = {}
    for name, spec in queries.items():
        url = "/api/articles/?" + urlencode([tuple(p) for p in spec["params"]])
        for _ in range(2):
            client.get(url)
        profiler = cProfile.Profile()
        t0 = time.perf_counter()
        profiler.enable()
        for _ in range(runs):
            client.get(url)
        profiler.disable()
        per_request = (time.perf_counter() - t0) * 1000 / runs
        buffer = io.StringIO()
        stats = pstats.Stats(profiler, stream=buffer)
        buffer.write(f"{name}: {url}\n{runs} requests, {per_request:.1f} ms each under the profiler\n\n")
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(20)
        (outdir / f"profile-{name}.txt").write_text(buffer.getvalue(), encoding="utf-8")
        top = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:8]
        summary[name] = {
            "ms_per_request_profiled": round(per_request, 1),
            "top_tottime": [
                {"function": f"{Path(f).name}:{line}({fn})", "ms_per_request": round(tt * 1000 / runs, 1)}
                for (f, line, fn), (_cc, _nc, tt, _ct, _callers) in top
            ],
        }
    (outdir / "profile-summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tooling.bench.inproc")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("choose")
    p.add_argument("out")
    p = sub.add_parser("raw")
    p.add_argument("queries")
    p.add_argument("responses")
    p.add_argument("out")
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--budget", type=float, default=20.0)
    p = sub.add_parser("profile")
    p.add_argument("queries")
    p.add_argument("outdir")
    p.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    if args.command == "choose":
        cmd_choose(args.out)
    elif args.command == "raw":
        cmd_raw(args.queries, args.responses, args.out, args.runs, args.budget)
    else:
        cmd_profile(args.queries, args.outdir, args.runs)


if __name__ == "__main__":
    sys.exit(main())
