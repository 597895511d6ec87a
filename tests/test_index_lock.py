"""One writer at a time: an upload during a bulk import waits for the index, it does not fail.

Whoosh and Tantivy both lock the index while a writer is open, across
processes. A second writer (the archivist's upload, while ``import_articles``
holds the lock) waits for the first to commit, up to WRITE_LOCK_TIMEOUT.
"""
import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

from archive.search import indexing

ROOT = Path(__file__).resolve().parent.parent

HOLD = """
import os, sys, time
import django
django.setup()
from archive.search.stores import get_store
with get_store().locked_writer():
    print("holding", flush=True)
    time.sleep(float(sys.argv[1]))
"""


def _document(pk):
    return {"id": indexing.doc_id(pk), "django_ct": indexing.CONTENT_TYPE, "django_id": str(pk),
            "text": "قوات البيشمركة", "title": "خبر", "text_exact": "قوات البيشمركة", "title_exact": "خبر",
            "location": "", "force": "", "speaker": "", "source": "", "year": "", "month": "",
            "newest": 0, "oldest": 99991231, "updated": "2017-01-01T00:00:00"}


def test_a_second_writer_waits_for_the_first_and_then_writes(search_index_dir):
    indexing.clear()  # the index exists before the other process opens it
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="archive.settings", DEBUG="1", SEARCH_INDEX_DIR=str(search_index_dir),
               SEARCH_BACKEND=settings.SEARCH_BACKEND, DATA_DIR=str(search_index_dir.parent / "other-data"))
    holder = subprocess.Popen([sys.executable, "-c", HOLD, "2.0"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding", holder.stderr.read()
        started = time.monotonic()
        indexing.write_documents([_document(1)])
        waited = time.monotonic() - started
    finally:
        holder.wait(timeout=30)
    assert holder.returncode == 0, holder.stderr.read()
    assert waited > 1.0  # it waited for the other writer ...
    assert indexing.doc_count() == 1  # ... and then wrote
