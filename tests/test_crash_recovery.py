"""A bulk import killed halfway loses nothing and doubles nothing once restarted.

The import is a real ``import_articles`` process; it is killed with SIGKILL
(no cleanup of any kind) once part of the file is in the database, restarted
on the same file, and ``check_index --repair`` is run. Then every record is
stored exactly once and indexed exactly once. A second writer (an upload while
the import holds Whoosh's one write lock) waits for the lock, it does not fail.
"""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("قوات الجيش العراقي الحشد الشعبي البيشمركة التحالف الدولي داعش الموصل كركوك ديالى "
         "الأنبار بغداد أربيل عملية أمنية مسلحين هجوم قرية ناحية قضاء محافظة مصادر محلية "
         "أعلنت وزارة الدفاع اليوم مقتل اعتقال عناصر خلية نائمة طريق جسر مدينة سكان نازحين").split()


def record(i, rng):
    body = " ".join(rng.choice(WORDS) for _ in range(120))
    return {"id": f"crash-{i:05d}", "title": f"خبر رقم {i} " + " ".join(rng.choice(WORDS) for _ in range(6)),
            "body": f"({i}) {body}", "source": "skynews", "published": "2018-03-01T10:00:00+00:00",
            "url": f"https://example.org/{i}"}


def env_for(data_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env.update(DEBUG="1", DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="archive.settings")
    return env


def manage(data_dir, *args):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env_for(data_dir),
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def stored(data_dir):
    with sqlite3.connect(data_dir / "archive.sqlite3", timeout=30) as db:
        return db.execute("SELECT count(*), count(DISTINCT external_id) FROM archive_article "
                          "WHERE external_id LIKE 'crash-%'").fetchone()


def index_counts(data_dir):
    """Articles in the database and documents in the index, whether they agree, how many are missing."""
    return json.loads(manage(data_dir, "shell", "-c",
        "import json; from archive.models import Article; from archive.search import indexing, consistency;"
        "r = consistency.inspect();"
        "print(json.dumps({'db': Article.objects.count(), 'index': indexing.doc_count(), 'ok': r.consistent,"
        " 'missing': len(r.missing)}))"
    ).strip().splitlines()[-1])


def demo_archive(tmp_path):
    """A fresh archive (its data folder) with the demo data loaded, as an operator starts one."""
    data = tmp_path / "data"
    manage(data, "migrate", "-v0")
    manage(data, "load_demo_data", "-v0")
    return data


def write_batch(tmp_path, total, seed):
    """A JSON-lines file of ``total`` generated records to import."""
    rng = random.Random(seed)
    source = tmp_path / "batch.jsonl"
    source.write_text("\n".join(json.dumps(record(i, rng), ensure_ascii=False) for i in range(total)), encoding="utf-8")
    return source


def test_an_import_killed_halfway_recovers_completely(tmp_path):
    data = demo_archive(tmp_path)
    total = 1200
    source = write_batch(tmp_path, total, seed=7)

    importer = subprocess.Popen([sys.executable, "manage.py", "import_articles", str(source), "--batch-size", "100"],
                                cwd=ROOT, env=env_for(data), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and importer.poll() is None:
        time.sleep(0.2)
        try:
            if stored(data)[0] >= total // 3:
                break
        except sqlite3.OperationalError:
            continue
    assert importer.poll() is None, "the import finished before it could be killed: raise `total`"
    os.kill(importer.pid, signal.SIGKILL)
    importer.wait()
    halfway = stored(data)[0]
    assert 0 < halfway < total

    # While a second import holds the index's write lock, a single article
    # saved elsewhere waits for the lock and is indexed: no lock error.
    second = subprocess.Popen([sys.executable, "manage.py", "import_articles", str(source), "--batch-size", "100"],
                              cwd=ROOT, env=env_for(data), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    manage(data, "shell", "-c",
           "from archive.models import Article; Article.objects.create(title='رفع أثناء الاستيراد', body='نص مقال رُفع أثناء استيراد كبير عن الموصل')")
    out, err = second.communicate(timeout=900)
    assert second.returncode == 0, out + err

    manage(data, "check_index", "--repair")
    assert stored(data) == (total, total)
    counts = index_counts(data)
    assert counts["ok"] and counts["db"] == counts["index"] == total + 5 + 1


# Runs import_articles in this process after arranging that the third index
# commit never happens: the process SIGKILLs itself just before it, when that
# batch is already committed to the database. No cleanup of any kind runs.
KILL_BEFORE_THIRD_INDEX_COMMIT = """
import os, signal, sys
import django
django.setup()
from archive.search import indexing
real, calls = indexing.write_documents, []
def write_documents(*args, **kwargs):
    calls.append(1)
    if len(calls) == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
indexing.write_documents = write_documents
from django.core.management import call_command
call_command("import_articles", sys.argv[1], "--batch-size", "100", verbosity=0)
"""


def test_killed_between_the_database_and_the_index_commit_a_rerun_indexes_the_batch(tmp_path):
    data = demo_archive(tmp_path)
    total = 500
    source = write_batch(tmp_path, total, seed=11)

    killed = subprocess.run([sys.executable, "-c", KILL_BEFORE_THIRD_INDEX_COMMIT, str(source)],
                            cwd=ROOT, env=env_for(data), capture_output=True, text=True, timeout=900)
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    # Three batches are in the database, two in the index.
    assert stored(data) == (300, 300)
    before = index_counts(data)
    assert before["missing"] == 100 and not before["ok"]

    # Run the same command again, and nothing else: no check_index --repair.
    out = manage(data, "import_articles", str(source), "--batch-size", "100")
    assert "Indexing 100 article(s) an earlier run saved but did not index." in out
    assert stored(data) == (total, total)
    after = index_counts(data)
    assert after["ok"] and after["db"] == after["index"] == total + 5
