"""``import_articles`` saves a batch at a time and may tag in worker processes.

A batch's new articles go in with bulk inserts, yet each is still all of it or
nothing: one the database refuses is named and the others are kept, relations,
first version and proposals included. Near duplicates are found within a
batch as well as against the archive. Worker processes tag, hash and sign
exactly what the command would have in one process.
"""
from datetime import date
import json
import os
from pathlib import Path
import signal
import subprocess
import sys
import time

from django.core.management import CommandError, call_command
import pytest

from archive.ingest import pipeline
from archive.ingest.catalog import Catalog
from archive.models import Article, Outlet
from archive.near_duplicates import signature
from archive.tagging import tag
from tests.test_crash_recovery import ROOT, env_for
from tests.test_import_command import index_calls, originals  # noqa: F401  (fixtures)
from tests.test_ingest_text import fresh_alias_index, gazetteer  # noqa: F401  (fixtures)
from tests.test_near_duplicates import REPUBLISHED, STATEMENT, UNRELATED

# REPUBLISHED once more, as a third outlet ran it: a closing sentence of its own.
REPUBLISHED_AGAIN = REPUBLISHED + " ونقلت الخبر وكالات أخرى."


def write_records(path, records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def rec(external_id, body, title=None, source="رووداو"):
    return {"id": external_id, "title": title or f"خبر {external_id}", "body": body, "source": source,
            "published": "2019-03-01"}


def draft(external_id, body, outlet, **fields):
    return pipeline.Draft(title=f"خبر {external_id}", body=body, outlet_id=outlet.pk,
                          external_id=external_id, **fields)


def test_a_batch_with_one_bad_article_saves_the_others_and_names_it(gazetteer):
    outlet = Outlet.objects.get(name="رووداو")
    catalog = Catalog(preload=True)
    good = [draft("a", STATEMENT, outlet), draft("c", UNRELATED, outlet)]
    # A date without its precision: the database's check refuses the row.
    bad = draft("b", "نص ثالث عن معارك الموصل وتحرير المدينة من التنظيم.", outlet,
                published=date(2019, 3, 1), date_precision="")
    results = pipeline.save_many([good[0], bad, good[1]], catalog=catalog)

    assert [d.external_id for d, _article, _error in results] == ["a", "b", "c"]
    (_d, first, no_error), (_b, none, error), (_c, third, _none) = results
    assert no_error is None and none is None
    assert isinstance(error, pipeline.IngestError) and error.message
    assert sorted(Article.objects.values_list("external_id", flat=True)) == ["a", "c"]
    for article, body in ((first, STATEMENT), (third, UNRELATED)):
        stored = Article.objects.get(pk=article.pk)
        assert stored.body == body
        expected = tag(stored.title, stored.body, catalog.aliases)
        assert sorted(stored.places.values_list("pk", flat=True)) == sorted(expected.places)
        [version] = stored.history.all()
        assert version.history_type == "+" and version.history_change_reason == "import"
        assert sorted(version.places.values_list("place_id", flat=True)) == sorted(expected.places)


def test_the_command_reports_the_bad_article_of_a_batch_and_imports_the_rest(gazetteer, tmp_path, index_calls,
                                                                              monkeypatch):
    from django.db import IntegrityError

    from archive.ingest import bulk_insert, saving

    real_insert = bulk_insert._insert_new

    def refuse_b(drafts, catalog):
        if any(d.external_id == "b" for d, _outlet in drafts):
            raise IntegrityError("refused")
        return real_insert(drafts, catalog)

    real_save = saving.save

    def save(d, **kw):
        if d.external_id == "b":
            raise pipeline.IngestError("تعذّر حفظ المقال.", "Could not save the article.")
        return real_save(d, **kw)

    monkeypatch.setattr(bulk_insert, "_insert_new", refuse_b)
    monkeypatch.setattr(saving, "save", save)
    path = write_records(tmp_path / "batch.jsonl", [rec("a", STATEMENT), rec("b", UNRELATED + " ب"),
                                                    rec("c", UNRELATED)])
    out = tmp_path / "out.txt"
    with out.open("w") as stream, pytest.raises(CommandError):
        call_command("import_articles", str(path), stdout=stream, workers=0)
    report = out.read_text()
    assert "Imported 2," in report and "failed 1" in report
    assert "batch.jsonl:2" in report or "b" in report.split("Failed:")[1]
    assert sorted(Article.objects.values_list("external_id", flat=True)) == ["a", "c"]


def test_near_duplicates_are_grouped_within_a_batch_and_with_the_archive(gazetteer, tmp_path, index_calls):
    call_command("import_articles", str(write_records(tmp_path / "one.jsonl", [rec("a", STATEMENT)])), verbosity=0)
    call_command("import_articles", str(write_records(tmp_path / "two.jsonl", [
        rec("b", REPUBLISHED, source="راديو سوا"), rec("u", UNRELATED), rec("c", REPUBLISHED_AGAIN),
    ])), verbosity=0)

    a, b, c, u = (Article.objects.get(external_id=x) for x in "abcu")
    assert a.story == b.story == c.story == a.pk
    assert u.story is None
    assert a.minhash == signature(STATEMENT) and c.minhash == signature(REPUBLISHED_AGAIN)


def test_near_duplicates_within_one_new_batch_form_one_group(gazetteer, tmp_path, index_calls):
    call_command("import_articles", str(write_records(tmp_path / "one.jsonl", [
        rec("b", REPUBLISHED), rec("u", UNRELATED), rec("c", REPUBLISHED_AGAIN),
    ])), verbosity=0)
    b, c, u = (Article.objects.get(external_id=x) for x in "bcu")
    assert b.story == c.story == min(b.pk, c.pk)
    assert u.story is None


def test_the_same_text_or_id_twice_in_one_batch_is_a_duplicate_or_an_update(gazetteer, tmp_path, index_calls):
    out = tmp_path / "out.txt"
    with out.open("w") as stream:
        call_command("import_articles", str(write_records(tmp_path / "one.jsonl", [
            rec("a", STATEMENT), rec("a2", STATEMENT, title="خبر a"), rec("u", UNRELATED), rec("u", UNRELATED + " وأضاف."),
        ])), stdout=stream)
    assert "Imported 2, updated 1, unchanged or duplicates 1, failed 0" in out.read_text()
    assert Article.objects.get(external_id="u").body.endswith("وأضاف.")
    assert not Article.objects.filter(external_id="a2").exists()


# What an import stored, as comparable rows (pks left out: they may differ).
STORED = {
    "articles": "SELECT external_id, title, body, content_hash, minhash, outlet_id, dateline_id, published, "
                "date_precision, indexed FROM archive_article ORDER BY external_id",
    "groups": "SELECT a.external_id, b.external_id FROM archive_article a JOIN archive_article b "
              "ON a.story = b.id ORDER BY 1",
    "speakers": "SELECT a.external_id, r.speaker_id FROM archive_article_speakers r "
                "JOIN archive_article a ON a.id = r.article_id ORDER BY 1, 2",
    "places": "SELECT a.external_id, r.place_id FROM archive_article_places r "
              "JOIN archive_article a ON a.id = r.article_id ORDER BY 1, 2",
    "forces": "SELECT a.external_id, r.force_id FROM archive_article_forces r "
              "JOIN archive_article a ON a.id = r.article_id ORDER BY 1, 2",
    "proposals": "SELECT a.external_id, p.name, p.role FROM archive_speakerproposal p "
                 "JOIN archive_article a ON a.id = p.article_id ORDER BY 1, 2",
    "versions": "SELECT external_id, history_type, history_change_reason FROM archive_historicalarticle ORDER BY 1",
    "bands": "SELECT a.external_id, b.key FROM archive_minhashband b "
             "JOIN archive_article a ON a.id = b.article_id ORDER BY 1, 2",
}


def test_worker_processes_import_exactly_what_one_process_imports(tmp_path):
    """Workers tag, hash and sign; an indexer process indexes: the same archive and index as without them."""
    import sqlite3

    from tests.test_crash_recovery import index_counts, manage

    records = [rec("a", STATEMENT), rec("b", REPUBLISHED, source="راديو سوا"), rec("u", UNRELATED),
               rec("a2", STATEMENT, title="خبر a"), rec("x", "")]
    records += [rec(f"r{i}", f"{UNRELATED} الخبر رقم {i} عن {['الموصل', 'كركوك', 'أربيل'][i % 3]}.")
                for i in range(40)]
    source = write_records(tmp_path / "w.jsonl", records)
    stored = {}
    for workers in (0, 2):
        data = tmp_path / f"data{workers}"
        manage(data, "migrate", "-v0")
        manage(data, "load_demo_data", "-v0")
        result = subprocess.run([sys.executable, "manage.py", "import_articles", str(source), "--batch-size", "10",
                                 "--workers", str(workers)], cwd=ROOT, env=env_for(data),
                                capture_output=True, text=True, timeout=900)
        assert result.returncode == 1, result.stdout + result.stderr  # "x" has no text
        assert "Imported 43, updated 0, unchanged or duplicates 1, failed 1" in result.stdout
        with sqlite3.connect(data / "archive.sqlite3") as db:
            stored[workers] = {name: db.execute(sql).fetchall() for name, sql in STORED.items()}
        counts = index_counts(data)
        assert counts["ok"] and counts["index"] == counts["db"]
    assert stored[2] == stored[0]
    assert ("b", "a") in stored[2]["groups"]
    assert all(row[-1] for row in stored[2]["articles"])  # every article marked indexed


def test_workers_must_not_be_negative(gazetteer, tmp_path):
    with pytest.raises(CommandError, match="--workers"):
        call_command("import_articles", str(write_records(tmp_path / "w.jsonl", [rec("a", STATEMENT)])), workers=-1)


def _children(pid):
    """Live processes whose parent is ``pid`` (Linux's /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid):
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_end_when_the_import_is_killed(tmp_path):
    from tests.test_crash_recovery import manage

    data = tmp_path / "data"
    manage(data, "migrate", "-v0")
    source = write_records(tmp_path / "big.jsonl", [rec(f"k{i}", f"{UNRELATED} رقم {i}.") for i in range(3000)])
    importer = subprocess.Popen([sys.executable, "manage.py", "import_articles", str(source), "--workers", "1"],
                                cwd=ROOT, env=env_for(data), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while len(_children(importer.pid)) < 2 and time.monotonic() < deadline and importer.poll() is None:
            time.sleep(0.2)
        workers = _children(importer.pid)
        assert len(workers) >= 2, "the worker and the indexer never started"
    finally:
        importer.send_signal(signal.SIGKILL)
        importer.wait()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # do not leave them behind even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not left, "worker processes outlived the killed import"
