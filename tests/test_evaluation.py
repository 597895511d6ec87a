"""The search evaluation (issue point 8) runs with one command, over the seeds
alone in a few seconds, without touching the archive's index or database;
and on the spelling-variant queries broad mode beats haystack's default
analyzer.
"""
import io
import json
import time

import pytest
from django.core.management import call_command

from tooling.evaluation import search as evaluation


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("evaluation") / "figures.json"
    stdout = io.StringIO()
    started = time.monotonic()
    call_command("evaluate_search", "--json", str(out), "--queries", "300", stdout=stdout,
                 stderr=io.StringIO())
    return {"seconds": time.monotonic() - started, "table": stdout.getvalue(),
            "json": json.loads(out.read_text(encoding="utf-8"))}


def test_runs_on_the_seeds_alone_in_seconds(report):
    assert report["seconds"] < 30
    assert report["json"]["config"]["documents_indexed"] == 5
    assert report["json"]["config"]["corpus"] == []


def test_prints_a_table_with_every_class_and_system(report):
    table = report["table"]
    for cls in evaluation.CLASSES + ("all_variants",):
        assert cls in table
    for label in ("ours: broad", "ours: exact", "haystack default", "S@10", "MRR"):
        assert label in table


def test_the_json_has_success_and_mrr_per_class_and_system(report):
    results = report["json"]["results"]
    for cls in evaluation.CLASSES + ("all_variants",):
        for system in evaluation.SYSTEMS:
            metrics = results[cls][system]
            assert 0 <= metrics["success@10"] <= 1 and 0 <= metrics["mrr"] <= 1


def test_as_written_every_system_finds_the_article(report):
    results = report["json"]["results"]["as_written"]
    assert report["json"]["queries"]["as_written"] == 5
    for system in evaluation.SYSTEMS:
        assert results[system]["success@10"] == 1.0


def test_broad_mode_beats_the_default_analyzer_on_spelling_variants(report):
    results, counts = report["json"]["results"], report["json"]["queries"]
    assert counts["all_variants"] >= 10
    pooled = results["all_variants"]
    assert pooled["broad"]["success@10"] > pooled["haystack"]["success@10"] + 0.4
    assert pooled["broad"]["mrr"] > pooled["haystack"]["mrr"] + 0.4
    for cls in ("article", "hamza", "ta_marbuta", "harakat"):
        if counts[cls]:
            assert results[cls]["broad"]["success@10"] > results[cls]["haystack"]["success@10"], cls
            assert results[cls]["broad"]["success@10"] == 1.0, cls


def test_broad_mode_finds_names_in_every_spelling(report):
    results = report["json"]["results"]
    for cls in ("names", "names_latin"):
        assert results[cls]["broad"]["success@10"] > 0.9
        assert results[cls]["broad"]["success@10"] > results[cls]["haystack"]["success@10"]
        assert results[cls]["broad"]["recall@100"] > results[cls]["exact"]["recall@100"]


def test_the_archive_index_is_left_alone(settings, tmp_path):
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    call_command("evaluate_search", "--queries", "5", stdout=io.StringIO(), stderr=io.StringIO())
    assert not (tmp_path / "index").exists()


def test_a_missing_corpus_file_falls_back_to_the_seeds(tmp_path):
    err = io.StringIO()
    out = tmp_path / "f.json"
    call_command("evaluate_search", "--corpus", str(tmp_path / "nope.jsonl.gz"), "--queries", "5",
                 "--json", str(out), stdout=io.StringIO(), stderr=err)
    assert "not found" in err.getvalue()
    assert json.loads(out.read_text(encoding="utf-8"))["config"]["documents_indexed"] == 5


def test_a_small_corpus_file_is_sampled(tmp_path):
    """A JSON-lines corpus (here plain, not gzip) is sampled and indexed beside the seeds."""
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        {"id": f"x{i}", "title": f"مقال رقم {i} عن السدود والأنهار والزراعة", "body": f"نص المقال {i} " * 20,
         "published": "2018-02-18T21:35:43+04:00", "url": f"https://example.org/{i}"}
        for i in range(12)
    ]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines), encoding="utf-8")
    report = evaluation.evaluate(corpus=[corpus], articles=10, queries=20)
    assert report.config["documents_indexed"] == 15
    assert report.counts["as_written"] >= 5
