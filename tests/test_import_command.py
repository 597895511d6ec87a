"""``manage.py import_articles``: folders of mixed files, a summary, an honest exit status.

Everything importable is imported even when some files are bad; the summary
counts what was imported, updated, skipped and what failed and why; anything
failed makes the command exit non-zero. ``--dry-run`` saves nothing. Bulk
imports index once per batch, never once per article.
"""
from datetime import date
import gzip
import io
import json
import os
from pathlib import Path
import shutil
import subprocess
import sys
import zipfile

import pytest
from django.core.management import CommandError, call_command

from archive.models import Article, Outlet
from tests.test_ingest_text import ROOT, SEEDS, fresh_alias_index, gazetteer, outlet_named  # noqa: F401  (fixtures)
from tests.word_files import word_file


@pytest.fixture(autouse=True)
def originals(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "originals"


@pytest.fixture
def index_calls(monkeypatch):
    """Every call the command makes to the search index, and none to the real one."""
    from archive.search import indexing

    calls = []

    def index_articles(pks, **kw):
        calls.append(list(pks))
        # What the real one records once the index has committed.
        Article.objects.filter(pk__in=list(pks)).update(indexed=True)

    monkeypatch.setattr(indexing, "index_articles", index_articles)
    return calls


def record(i, **fields):
    base = {"id": f"rec-{i}", "title": f"عنوان الخبر رقم {i}",
            "body": f"نص الخبر رقم {i} عن عمليات القوات العراقية ضد داعش في الموصل.",
            "source": "وكالة الأنباء المستقلة", "published": "2018-02-22T10:00:00+03:00", "url": f"https://example.com/{i}"}
    base.update(fields)
    return json.dumps(base, ensure_ascii=False)


@pytest.fixture
def mixed_folder(tmp_path):
    """Two seeds, a web page, a Word file, three records and a zip: eight articles."""
    folder = tmp_path / "incoming"
    (folder / "seeds").mkdir(parents=True)
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(path, folder / "seeds" / path.name)
    (folder / "page.html").write_text(
        "<!DOCTYPE html><html><head><meta property='og:title' content='القوات العراقية تطرد داعش من قرية'>"
        "<meta property='article:published_time' content='2019-03-01T08:00:00Z'></head><body><article>"
        "<h1>القوات العراقية تطرد داعش من قرية</h1><p>أعلنت قيادة العمليات المشتركة أن القوات العراقية طردت "
        "عناصر تنظيم داعش من قرية في محافظة صلاح الدين بعد اشتباكات استمرت ساعات.</p></article>"
        "<footer>© 2023</footer></body></html>", encoding="utf-8")
    (folder / "interview.docx").write_bytes(word_file(
        "قائد عسكري: داعش فقد قدرته على شن هجمات كبيرة في العراق",
        "قال قائد عسكري عراقي إن تنظيم داعش فقد قدرته على شن هجمات كبيرة، وإن خلاياه تتحرك في مناطق نائية "
        "من ديالى وكركوك، مؤكداً استمرار العمليات لملاحقتها.",
    ))
    (folder / "records.jsonl").write_text("\n".join(record(i) for i in range(3)) + "\n", encoding="utf-8")
    with zipfile.ZipFile(folder / "batch.zip", "w") as zf:
        zf.writestr("zipped.txt", "البيشمركة تصد هجوماً لداعش قرب مخمور\n\n"
                    "صدت قوات البيشمركة هجوماً شنه عناصر من تنظيم داعش على مواقعها قرب مخمور فجر اليوم.")
    (folder / "ignored.pdf").write_bytes(b"%PDF-1.7")  # not an importable extension: not read
    return folder


def run(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=err, **options)
    return out.getvalue()


def run_failing(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err, **options)
    return out.getvalue(), str(caught.value)


def test_a_folder_of_mixed_files_is_imported_with_a_summary(gazetteer, mixed_folder, index_calls):
    output = run(mixed_folder)
    assert "Imported 8, updated 0, unchanged or duplicates 0, failed 0" in output
    assert Article.objects.count() == 8
    ids = set(Article.objects.values_list("external_id", flat=True))
    seed_ids = {p.stem for p in sorted(SEEDS.glob("*.txt"))[:2]}
    assert ids == seed_ids | {"page", "interview", "rec-0", "rec-1", "rec-2", "zipped"}
    assert Article.objects.get(external_id="page").published == date(2019, 3, 1)
    assert Outlet.objects.filter(name="وكالة الأنباء المستقلة").count() == 1  # created once, used thrice
    assert sorted(pk for call in index_calls for pk in call) == sorted(Article.objects.values_list("pk", flat=True))


def test_one_bad_file_fails_the_command_but_not_the_others(gazetteer, mixed_folder, index_calls):
    (mixed_folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with (mixed_folder / "records.jsonl").open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    output, error = run_failing(mixed_folder)
    assert "Imported 8, updated 0, unchanged or duplicates 0, failed 2" in output
    assert "incoming/photo.txt" in output and "PNG" in output
    assert "incoming/records.jsonl، السطر 4" in output
    assert "2 item(s) could not be imported" in error
    assert Article.objects.count() == 8


def test_importing_again_updates_nothing_and_counts_the_unchanged(gazetteer, mixed_folder, index_calls):
    run(mixed_folder)
    index_calls.clear()
    output = run(mixed_folder)
    assert "Imported 0, updated 0, unchanged or duplicates 8, failed 0" in output
    assert Article.objects.count() == 8
    assert index_calls == []


def test_a_changed_file_with_a_known_name_updates_its_article(gazetteer, mixed_folder, index_calls):
    run(mixed_folder)
    (mixed_folder / "records.jsonl").write_text(record(0, body="نص معدّل للخبر الأول.") + "\n", encoding="utf-8")
    output = run(mixed_folder / "records.jsonl")
    assert "Imported 0, updated 1, unchanged or duplicates 0, failed 0" in output
    assert Article.objects.get(external_id="rec-0").body == "نص معدّل للخبر الأول."


def test_the_same_text_under_another_id_is_skipped_as_a_duplicate(db, tmp_path, index_calls):
    path = tmp_path / "twice.jsonl"
    path.write_text(record(1) + "\n" + record(2, title="عنوان الخبر رقم 1", body=json.loads(record(1))["body"]) + "\n",
                    encoding="utf-8")
    output = run(path, verbosity=2)
    assert "Imported 1, updated 0, unchanged or duplicates 1, failed 0" in output
    assert "twice.jsonl:2: same text as #" in output


def test_a_dry_run_shows_what_would_be_saved_and_saves_nothing(gazetteer, mixed_folder, index_calls):
    output = run(mixed_folder, dry_run=True)
    assert Article.objects.count() == 0
    assert not Outlet.objects.filter(name="وكالة الأنباء المستقلة").exists()
    assert index_calls == []
    assert "Would import 8" in output and "Dry run: nothing was saved." in output
    assert "التحالف: ملتزمون بدعم العراق حتى دحر داعش نهائيا" in output or "مايلز كاگينزلـ KDP" in output
    assert "لم يُعثر على تاريخ النشر" in output       # the seeds' warning is shown
    assert "وسيلة إعلام جديدة: وكالة الأنباء المستقلة" in output


def test_source_and_date_options_force_outlet_and_date(gazetteer, mixed_folder, index_calls):
    rudaw = outlet_named("رووداو")
    run(mixed_folder / "records.jsonl", source=rudaw.slug, date="2021-05")
    articles = Article.objects.all()
    assert {a.outlet_id for a in articles} == {rudaw.pk}
    assert {(a.published, a.date_precision) for a in articles} == {(date(2021, 5, 1), "month")}
    assert not Outlet.objects.filter(name="وكالة الأنباء المستقلة").exists()


@pytest.mark.parametrize("options, message", [
    ({"source": "no-such-outlet"}, "Unknown outlet"),
    ({"date": "07/02/2020"}, "YYYY-MM-DD"),
    ({"date": "2099"}, "YYYY-MM-DD"),
])
def test_bad_options_are_refused_before_anything_is_read(db, mixed_folder, options, message):
    with pytest.raises(CommandError, match=message):
        run(mixed_folder, **options)
    assert Article.objects.count() == 0


def test_a_missing_path_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="No such file or folder"):
        run(tmp_path / "nowhere")


def test_bulk_imports_index_once_per_batch(db, tmp_path, index_calls):
    path = tmp_path / "many.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(record(i) for i in range(5)) + "\n").encode()))
    run(path, batch_size=2)
    pks = sorted(Article.objects.values_list("pk", flat=True))
    assert [len(call) for call in index_calls] == [2, 2, 1]
    assert sorted(pk for call in index_calls for pk in call) == pks


def test_the_exit_status_is_non_zero_when_anything_failed(tmp_path):
    # Its own SQLite database under DATA_DIR: under `make test-postgres` an inherited DATABASE_URL would
    # point the command at a shared database where an earlier run's article is already stored.
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DEBUG="1", DATA_DIR=str(tmp_path / "data"), DJANGO_SETTINGS_MODULE="archive.settings")
    python = sys.executable
    (tmp_path / "data").mkdir()
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("عنوان خبر عن داعش في العراق\n\nنص الخبر عن عمليات القوات العراقية ضد مسلحي "
                                     "تنظيم داعش في محافظة نينوى.",
                                     encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"%PDF-1.4")
    result = subprocess.run([python, "manage.py", "import_articles", str(folder)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Imported 1" in result.stdout and "bad.txt" in result.stdout
    ok = subprocess.run([python, "manage.py", "import_articles", str(folder / "good.txt")], cwd=ROOT, env=env,
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr


def test_progress_is_shown_per_record_on_a_terminal_and_not_otherwise(db, tmp_path, index_calls, monkeypatch):
    path = tmp_path / "many.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(record(i) for i in range(5)) + "\n").encode()))

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    run(path)
    assert "5/5" in terminal.getvalue()       # one step per record, not one per file

    quiet = Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    run(path, verbosity=0)
    assert quiet.getvalue() == ""


def test_an_article_the_tagger_fails_on_is_saved_untagged_and_the_import_goes_on(db, tmp_path, index_calls,
                                                                                  monkeypatch, caplog):
    # A tagger bug once stopped a million-article import at article 647,312
    # (an IndexError in the speaker reader): one article's tags must never
    # cost the rest of an import, nor that article itself.
    import archive.tagging

    real_tag = archive.tagging.tag

    def tag(title, body, aliases):
        if "رقم 1" in title:
            raise IndexError("list index out of range")
        return real_tag(title, body, aliases)

    monkeypatch.setattr(archive.tagging, "tag", tag)
    path = tmp_path / "three.jsonl"
    path.write_text("\n".join(record(i) for i in range(3)) + "\n", encoding="utf-8")
    output = run(path, verbosity=2)
    assert "Imported 3, updated 0, unchanged or duplicates 0, failed 0" in output
    assert Article.objects.count() == 3
    assert "Tagging failed" in caplog.text
