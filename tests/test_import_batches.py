"""``import_articles`` saves a batch at a time and may tag in worker processes.

A batch's new articles go in with bulk inserts, yet each is still all of it or
nothing: one the database refuses is named and the others are kept, relations,
first version and proposals included. Near duplicates are found within a
batch as well as against the archive. Worker processes tag, hash and sign
exactly what the command would have in one process.
"""
from datetime import date
import json

from django.core.management import CommandError, call_command
import pytest

from archive.ingest import pipeline
from archive.ingest.catalog import Catalog
from archive.models import Article, Outlet
from archive.near_duplicates import signature
from archive.tagging import tag
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
    real_insert = pipeline._insert_new

    def refuse_b(drafts, catalog):
        if any(d.external_id == "b" for d, _outlet in drafts):
            raise pipeline.IntegrityError("refused")
        return real_insert(drafts, catalog)

    real_save = pipeline.save

    def save(d, **kw):
        if d.external_id == "b":
            raise pipeline.IngestError("تعذّر حفظ المقال.", "Could not save the article.")
        return real_save(d, **kw)

    monkeypatch.setattr(pipeline, "_insert_new", refuse_b)
    monkeypatch.setattr(pipeline, "save", save)
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


def test_worker_processes_tag_hash_and_sign_as_one_process_would(gazetteer, tmp_path, index_calls):
    records = [rec("a", STATEMENT), rec("b", REPUBLISHED, source="راديو سوا"), rec("u", UNRELATED),
               rec("x", "")]  # no text: refused, and named
    out = tmp_path / "out.txt"
    with out.open("w") as stream, pytest.raises(CommandError):
        call_command("import_articles", str(write_records(tmp_path / "w.jsonl", records)), stdout=stream, workers=2)
    assert "Imported 3," in out.read_text() and "failed 1" in out.read_text()

    aliases = Catalog().aliases
    for article in Article.objects.all():
        expected = tag(article.title, article.body, aliases)
        assert sorted(article.places.values_list("pk", flat=True)) == sorted(
            set(expected.places) | ({article.dateline_id} if article.dateline_id else set()))
        assert sorted(article.forces.values_list("pk", flat=True)) == sorted(expected.forces)
        assert article.content_hash == pipeline.content_hash(article.title, article.body)
        assert article.minhash == signature(article.body)
    a, b = Article.objects.get(external_id="a"), Article.objects.get(external_id="b")
    assert a.story == b.story == a.pk


def test_workers_must_not_be_negative(gazetteer, tmp_path):
    with pytest.raises(CommandError, match="--workers"):
        call_command("import_articles", str(write_records(tmp_path / "w.jsonl", [rec("a", STATEMENT)])), workers=-1)
