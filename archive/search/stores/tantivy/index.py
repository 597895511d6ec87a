"""The Tantivy index on disk: its schema, the documents and the one writer.

Analysis stays ``archive.arabic``: each text is analysed in Python into the
same terms and positions the Whoosh analyzers produce and handed to Tantivy
pre-tokenized, so a word is folded the same way in both engines and in the
highlighter. Documents come from ``archive.search.indexing.document_for``.

Several processes share the index: gunicorn's workers search it while an
import writes it. Tantivy allows one writer at a time (a lock file); a writer
here waits for it. Searchers notice another process's commit by the index's
``meta.json`` changing.
"""
from contextlib import contextmanager
from functools import lru_cache
import logging
import os
import shutil
import threading
import time

from django.conf import settings
import tantivy

from archive import arabic
from archive.search.stores.base import WRITE_LOCK_TIMEOUT
from archive.search.tree import DAY_FIELD, FACET_FIELDS, TEXT_FIELDS

log = logging.getLogger(__name__)

# Memory budget of one writer; Tantivy flushes a segment when it is reached.
WRITER_HEAP = 64_000_000

_lock = threading.RLock()
_state = {"index": None, "path": None, "stamp": None, "view": None}


def build_schema():
    sb = tantivy.SchemaBuilder()
    # Signed: tantivy-py deletes by term only on integer fields (a Python int
    # never matches an unsigned field's term).
    sb.add_integer_field("pk", stored=True, indexed=True, fast=True)
    for name in TEXT_FIELDS:
        # Pre-tokenized by archive.arabic; "raw" is never applied to them.
        sb.add_text_field(name, stored=False, tokenizer_name="raw", index_option="position")
    for name in FACET_FIELDS + (DAY_FIELD,):
        sb.add_text_field(name, stored=False, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_unsigned_field("newest", indexed=True, fast=True)
    sb.add_unsigned_field("oldest", indexed=True, fast=True)
    sb.add_text_field("updated", stored=True, tokenizer_name="raw", index_option="basic")
    return sb.build()


SCHEMA = build_schema()


# ---------------------------------------------------------------------------
# Analysis: archive.arabic's terms and positions, handed over pre-tokenized
# ---------------------------------------------------------------------------

@lru_cache(maxsize=1 << 18)
def _terms(word):
    """(exact term, broad term) of a word as written: "" for a word of marks
    alone, None for a stop word. One look-up per word instead of one per step
    of the analysis (most words of an article have been seen before)."""
    stripped = arabic._word_strip(word)
    return stripped, (arabic._broad(stripped) if stripped else None)


def analyse(text):
    """(broad tokens, exact tokens) of a text, as BroadAnalyzer and ExactAnalyzer make them.

    Broad positions count only the words kept (stop words removed,
    renumbered); exact positions count every word. One pass serves both.
    """
    Token = tantivy.Token
    broad, exact = [], []
    position = 0
    for index, match in enumerate(arabic._WORD_RE.finditer(arabic._as_text(text))):
        stripped, term = _terms(match.group())
        if not stripped:
            continue
        start, end = match.span()
        exact.append(Token(stripped, index, start, end))
        if term:
            broad.append(Token(term, position, start, end))
            position += 1
    return broad, exact


def to_document(doc):
    """A Tantivy document from the dict ``indexing.document_for`` makes."""
    d = tantivy.Document()
    d.add_integer("pk", int(doc["django_id"]))
    for broad_field, exact_field in (("text", "text_exact"), ("title", "title_exact")):
        value = doc.get(broad_field) or ""
        broad, exact = analyse(value)
        d.add_pre_tokenized_text(broad_field, tantivy.PreTokenizedString(value, broad))
        d.add_pre_tokenized_text(exact_field, tantivy.PreTokenizedString(value, exact))
    for name in FACET_FIELDS + (DAY_FIELD,):
        for value in (doc.get(name) or "").split(","):
            if value:
                d.add_text(name, value)
    d.add_unsigned("newest", int(doc.get("newest") or 0))
    d.add_unsigned("oldest", int(doc.get("oldest") or 99991231))
    d.add_text("updated", doc.get("updated") or "")
    return d


def pk_of(doc_id):
    """The article pk of an index id ("archive.article.42"), or None."""
    try:
        return int(str(doc_id).rsplit(".", 1)[-1])
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# The index on disk, its writer and the shared searcher
# ---------------------------------------------------------------------------

def _path():
    return str(settings.SEARCH_INDEX_DIR)


def _meta_stamp(path):
    try:
        st = os.stat(os.path.join(path, "meta.json"))
        return (st.st_mtime_ns, st.st_size, st.st_ino)
    except FileNotFoundError:
        return None


def _open_or_set_aside(path):
    """The index at ``path``; one an older version of the archive built with another
    schema is moved aside (``<path>.old-<time>``) and a new, empty one made.

    Failing every page with a 500 until someone rebuilds would be worse: the
    empty index is filled by ``make run`` (load_demo_data rebuilds an index that
    lacks articles), ``check_index --repair`` or ``rebuild_index``, and the log
    says so.
    """
    try:
        return tantivy.Index(SCHEMA, path=path, reuse=True)
    except ValueError as error:
        if "schema does not match" not in str(error):
            raise
    aside = f"{str(path).rstrip(os.sep)}.old-{time.strftime('%Y%m%d-%H%M%S')}"
    os.rename(path, aside)
    os.makedirs(path, exist_ok=True)
    from archive.search import analysis_stamp

    analysis_stamp.write(path)
    log.error(
        "The search index at %s was built with another schema (an older version of the archive): "
        "moved to %s; rebuild it from the database with `manage.py rebuild_index` "
        "(or `check_index --repair`).", path, aside)
    return tantivy.Index(SCHEMA, path=path, reuse=True)


def get_index():
    path = _path()
    with _lock:
        if _state["index"] is None or _state["path"] != path:
            os.makedirs(path, exist_ok=True)
            created = not os.path.exists(os.path.join(path, "meta.json"))
            _state.update(index=_open_or_set_aside(path), path=path, stamp=None, view=None)
            if created:
                from archive.search import analysis_stamp

                analysis_stamp.write(path)
        return _state["index"]


def current_searcher(make_view):
    """The process's one view (``make_view(searcher)``), renewed when any process has committed."""
    index = get_index()
    with _lock:
        stamp = _meta_stamp(_state["path"])
        if _state["view"] is None or stamp != _state["stamp"]:
            index.reload()
            _state["view"] = make_view(index.searcher())
            _state["stamp"] = stamp
        return _state["view"]


def fresh_searcher():
    """A searcher of the index as committed on disk now."""
    index = get_index()
    index.reload()
    return index.searcher()


def open_writer(threads=1, heap=WRITER_HEAP):
    """A writer, waiting up to WRITE_LOCK_TIMEOUT for another process's."""
    index = get_index()
    deadline = time.monotonic() + WRITE_LOCK_TIMEOUT
    while True:
        try:
            return index.writer(heap, threads)
        except ValueError as error:
            if "lock" not in str(error).lower() or time.monotonic() > deadline:
                log.error("The search index stayed locked for %s s", WRITE_LOCK_TIMEOUT)
                raise
            time.sleep(0.1)


@contextmanager
def writing(threads=1, heap=WRITER_HEAP):
    """A writer for the block's changes, committed at its end (rolled back if
    it raises), its lock released either way."""
    with _lock:
        writer = open_writer(threads=threads, heap=heap)
        try:
            yield writer
        except BaseException:
            writer.rollback()
            del writer
            raise
        writer.commit()
        # Merges run in the writer's threads: waiting for them releases the
        # lock with the index in a settled state.
        writer.wait_merging_threads()
        del writer


def write_documents(docs, delete_ids=()):
    """Add or replace documents and delete others (index ids), in one commit."""
    with writing() as writer:
        for doc_id in delete_ids:
            pk = pk_of(doc_id)
            if pk is not None:
                writer.delete_documents_by_term("pk", pk)
        for doc in docs:
            writer.delete_documents_by_term("pk", int(doc["django_id"]))
            writer.add_document(to_document(doc))


def clear():
    """An empty index in place of the old one."""
    with _lock:
        _state.update(index=None, view=None, stamp=None)
        shutil.rmtree(_path(), ignore_errors=True)
        get_index()


def write_all(batches, threads=2):
    """Rebuild: every document of ``batches`` (iterables of dicts) in one writer."""
    with writing(threads=threads, heap=2 * WRITER_HEAP) as writer:
        for batch in batches:
            for doc in batch:
                writer.add_document(to_document(doc))


