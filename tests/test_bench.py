"""The benchmark: its article writer, and one whole small run.

The run imports 50 generated articles into a throw-away archive (SQLite, or a
throw-away PostgreSQL database when DATABASE_URL names one), serves it with
gunicorn on a free port of 127.0.0.1 and sends each query class a few times.
"""
import gzip
import json
import time

from django.conf import settings
from django.core.management import call_command

from tooling.bench import corpus
from tooling.bench.queries import CLASSES


def read_parts(paths):
    records = []
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            records.extend(json.loads(line) for line in f)
    return records


def test_replicas_past_the_corpus_are_new_articles(tmp_path):
    source = tmp_path / "small.jsonl"
    rows = [
        {"id": "a", "title": "عنوان أول", "body": "القوات الأمنية تدخل المدينة بعد معارك طويلة",
         "source": "rudaw", "published": "2018-03-01T10:00:00+03:00", "url": "https://example.org/a"},
        {"id": "b", "title": "عنوان ثان", "body": "الحكومة تعلن ميزانية جديدة للعام المقبل",
         "source": "rudaw", "published": None, "url": "https://example.org/b"},
        # The same text as "a" under another id: must be varied, not repeated.
        {"id": "c", "title": "عنوان أول", "body": "القوات الأمنية تدخل المدينة بعد معارك طويلة",
         "source": "rudaw", "published": "2018-03-02T10:00:00+03:00", "url": "https://example.org/c"},
    ]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    paths, summary = corpus.build(tmp_path / "out", 8, [source], part_size=3)
    records = read_parts(paths)
    assert len(records) == 8 and len(paths) == 3
    assert len({r["id"] for r in records}) == 8
    assert len({corpus.text_key(r) for r in records}) == 8
    assert summary["from_corpus"] == 3 and summary["replicas"] == 5 and summary["varied_repeats"] >= 1
    replica = next(r for r in records if r["id"] == "a~r1")
    assert replica["published"].startswith("2017-01-")       # 397 days earlier
    assert replica["url"] == "https://example.org/a#r1"
    assert sorted(replica["body"].split()) == sorted(rows[0]["body"].split())


def test_replicas_of_a_body_with_one_variant_still_end(tmp_path):
    """A two-word body has one pair to swap, so one replica text only: the
    writer must still make as many new texts as asked (it used to loop for ever
    at three rounds of replicas)."""
    source = tmp_path / "tiny.jsonl"
    rows = [{"id": "t", "title": "عاجل", "body": "انفجار بغداد", "source": "rudaw",
             "published": "2018-03-01T10:00:00+03:00", "url": ""}]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    paths, summary = corpus.build(tmp_path / "out", 6, [source])
    records = read_parts(paths)
    assert len(records) == 6 and len({corpus.text_key(r) for r in records}) == 6


def test_fewer_than_the_corpus_are_spread_evenly(tmp_path):
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps({"id": str(i), "title": f"t{i}", "body": f"نص {i}"}) + "\n"
                              for i in range(100)), encoding="utf-8")
    paths, _summary = corpus.build(tmp_path / "out", 10, [source])
    assert [r["id"] for r in read_parts(paths)] == [str(i) for i in range(0, 100, 10)]


def test_generated_articles_without_a_corpus(tmp_path):
    paths, summary = corpus.build(tmp_path / "out", 20, [], gazetteer_path=corpus.Path(__file__).parent.parent
                                  / "fixtures" / "gazetteer.json")
    records = read_parts(paths)
    assert summary["source"] == "generated" and len(records) == 20
    assert all(r["title"] and len(r["body"].split()) > 20 for r in records)
    assert len({r["id"] for r in records}) == 20


def test_bench_runs_end_to_end(tmp_path):
    out = tmp_path / "bench.json"
    started = time.monotonic()
    call_command("bench", articles=50, clients=1, requests=3, raw_runs=5, json=str(out), verbosity=0)
    assert time.monotonic() - started < 120
    report = json.loads(out.read_text(encoding="utf-8"))

    assert report["articles"] >= 50 and report["clients"] == 1 and report["backend"] == settings.SEARCH_BACKEND
    assert report["import"]["seconds"] > 0 and report["import"]["articles_per_s"] > 0
    assert report["import"]["created"] == 50 and report["import"]["failed"] == 0
    assert set(report["classes"]) == set(CLASSES)
    for name, row in report["classes"].items():
        assert row["errors"] == 0, name
        assert row["requests"] == 3, name
        for key in ("p50_ms", "p95_ms", "max_ms"):
            assert row[key] > 0, (name, key)
    assert {"p50_ms", "p95_ms", "rps"} <= set(report["overall"])
    assert report["overall"]["rps"] > 0
    assert len(report["worker_peak_rss_mb"]) == 2 and all(mb > 10 for mb in report["worker_peak_rss_mb"])
    assert report["index_bytes"] > 0 and report["raw_text_bytes"] > 0
    assert set(report["raw_engine"]["classes"]) == set(CLASSES)
    for row in report["raw_engine"]["classes"].values():
        assert row["p50_ms"] > 0 and row["ratio_p50"] > 0
    assert report["facets_exact"] is True, report["facet_checks"]
