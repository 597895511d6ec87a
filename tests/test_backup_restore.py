"""A backup restores into an empty data directory with every article, original and index entry."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(data_dir, *args, check=True):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env.update(DEBUG="1", DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="archive.settings")
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


COUNT = ("shell", "-c", "import json; from archive.models import Article; from archive.search import indexing;"
         "print(json.dumps({'articles': Article.objects.count(),"
         " 'ids': sorted(Article.objects.values_list('external_id', flat=True)),"
         " 'indexed': indexing.doc_count(), 'versions': Article.history.count(),"
         " 'originals': sorted(a.original_file.read().decode() for a in Article.objects.exclude(original_file=''))}))")


def test_backup_restores_into_an_empty_data_directory(tmp_path):
    source, target = tmp_path / "source", tmp_path / "target"
    manage(source, "migrate", "-v0")
    manage(source, "load_demo_data", "-v0")
    upload = tmp_path / "report-كركوك.txt"
    upload.write_text(
        "قوات الأمن تعيد فتح الطريق بين كركوك والحويجة\n\n"
        "قالت مصادر أمنية في محافظة كركوك اليوم إن قوات الأمن العراقية أعادت فتح الطريق الرئيس "
        "بين مدينة كركوك وقضاء الحويجة بعد إغلاق دام ثلاثة أيام بسبب عمليات تفتيش.\n\n"
        "وأضافت المصادر أن الوضع الأمني في المنطقة هادئ وأن الحركة عادت إلى طبيعتها.\n",
        encoding="utf-8")
    manage(source, "import_articles", str(upload), "-v0")
    before = json.loads(manage(source, *COUNT).stdout.strip().splitlines()[-1])
    assert before["articles"] == 6 and before["originals"] and before["versions"] == 1

    backup = tmp_path / "archive.tar.gz"
    made = manage(source, "backup_archive", str(backup))
    # It holds the staff's password hashes: readable by its owner only.
    assert backup.stat().st_mode & 0o777 == 0o600
    # Progress in a log (no terminal here): plain lines, no carriage returns.
    assert "backup_archive: 1 of 1 files (100%)" in made.stderr and "\r" not in made.stderr
    manage(target, "migrate", "-v0")
    restored = manage(target, "restore_archive", str(backup))
    assert "restore_archive: index: 6 of 6 articles (100%)" in restored.stderr
    after = json.loads(manage(target, *COUNT).stdout.strip().splitlines()[-1])
    assert after == before
    assert after["indexed"] == after["articles"]
    manage(target, "check_index")


def test_restore_refuses_a_non_empty_archive_and_a_bad_file(tmp_path):
    data = tmp_path / "data"
    manage(data, "migrate", "-v0")
    manage(data, "load_demo_data", "-v0")
    backup = tmp_path / "b.tar.gz"
    manage(data, "backup_archive", str(backup))
    refused = manage(data, "restore_archive", str(backup), check=False)
    assert refused.returncode != 0 and "already has articles" in refused.stderr
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tar file")
    empty = tmp_path / "empty"
    manage(empty, "migrate", "-v0")
    bad = manage(empty, "restore_archive", str(junk), check=False)
    assert bad.returncode != 0 and "Not a readable backup" in bad.stderr
