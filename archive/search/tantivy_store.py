"""The Tantivy index: the archive's documents, analysis and queries, searched in Rust.

Selected by ``SEARCH_BACKEND=tantivy`` (``archive.settings``). Whoosh answers
in pure Python, and its costs grow with the number of matching articles; at
100,000 articles a facet count over a common word takes over a second (README,
"Performance and scaling"). Tantivy answers the same queries in milliseconds.

Nothing about *what* is searched changes:

- **Analysis** stays ``archive.arabic``: each text is analysed in Python into
  the same terms and positions the Whoosh analyzers produce and handed to
  Tantivy pre-tokenized, so a word is folded the same way in both engines and
  in the highlighter.
- **Documents** come from ``archive.search.indexing.document_for``.
- **Queries** are built by ``archive.search.query.QueryBuilder`` and
  ``engine.filter_query`` as Whoosh query objects (the archive's one query
  language) and translated here, node by node (``translate``). The
  vocabulary they consult (attached forms, prefixes, did-you-mean) is read
  through ``Vocabulary``, which answers the questions a Whoosh reader answers.

Several processes share the index: gunicorn's workers search it while an
import writes it. Tantivy allows one writer at a time (a lock file); a writer
here waits for it, as the Whoosh side does. Searchers notice another
process's commit by the index's ``meta.json`` changing.
"""
from collections import Counter
from contextlib import contextmanager
import logging
import math
import os
import re
import shutil
import threading
import time

from django.conf import settings
import tantivy
from whoosh import query as wq

from archive import arabic

log = logging.getLogger(__name__)

TEXT_FIELDS = ("text", "title", "text_exact", "title_exact")
FACET_FIELDS = ("location", "force", "speaker", "source", "year", "month")
#: Counted only when a search asks (``day_counts``): a month's timeline by day.
DAY_FIELD = "day"
# Whoosh's schema gives the title fields a field boost of 3.
FIELD_BOOST = {"title": 3.0, "title_exact": 3.0}
# How long a writer waits for another process's write lock (seconds), as on the Whoosh side.
WRITE_LOCK_TIMEOUT = 300.0
# Memory budget of one writer; Tantivy flushes a segment when it is reached.
WRITER_HEAP = 64_000_000
# At most this many distinct values are counted per facet: far more than any
# gazetteer holds, so every count is exact.
FACET_BUCKETS = 100_000
# A prefix query built without a budget (archive.search.budget) still stops here.
MAX_PREFIX_TERMS = 200

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

def analyse(text):
    """(broad tokens, exact tokens) of a text, as BroadAnalyzer and ExactAnalyzer make them.

    Broad positions count only the words kept (stop words removed,
    renumbered); exact positions count every word. One pass serves both.
    """
    broad, exact = [], []
    position = 0
    for index, token in enumerate(arabic._iter_tokens(arabic._as_text(text))):
        stripped = arabic._word_strip(token.text)
        if not stripped:
            continue
        exact.append(tantivy.Token(stripped, index, token.start, token.end))
        term = arabic._broad(stripped)
        if term:
            broad.append(tantivy.Token(term, position, token.start, token.end))
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


def current_view():
    """The process's one ``TantivyView``, renewed when any process has committed."""
    index = get_index()
    with _lock:
        stamp = _meta_stamp(_state["path"])
        if _state["view"] is None or stamp != _state["stamp"]:
            index.reload()
            _state["view"] = TantivyView(index.searcher())
            _state["stamp"] = stamp
        return _state["view"]


def _writer(threads=1, heap=WRITER_HEAP):
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
def _writing(threads=1, heap=WRITER_HEAP):
    """A writer for the block's changes, committed at its end (rolled back if
    it raises), its lock released either way."""
    with _lock:
        writer = _writer(threads=threads, heap=heap)
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
    with _writing() as writer:
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
    with _writing(threads=threads, heap=2 * WRITER_HEAP) as writer:
        for batch in batches:
            for doc in batch:
                writer.add_document(to_document(doc))


# ---------------------------------------------------------------------------
# The vocabulary, as a Whoosh reader would answer for it
# ---------------------------------------------------------------------------

class _Field:
    @staticmethod
    def to_bytes(text):
        return text.encode("utf-8") if isinstance(text, str) else text


class _TermInfo:
    def __init__(self, count):
        self._count = count

    def doc_frequency(self):
        return self._count


class _Postings:
    def __init__(self, ids):
        self._ids = ids

    def all_ids(self):
        return iter(self._ids)


def _text(term):
    return term.decode("utf-8") if isinstance(term, bytes) else term


class Vocabulary:
    """What ``archive.search.query`` and did-you-mean ask of an index's words:
    ``field in schema``, ``(field, term) in vocabulary``, ``doc_frequency``,
    ``expand_prefix`` (sorted bytes, as Whoosh yields them) and ``doc_count``."""

    def __init__(self, searcher):
        self.searcher = searcher
        self.schema = {name: _Field() for name in TEXT_FIELDS + FACET_FIELDS}
        self._prefixes = {}
        self._df = {}

    def doc_count(self):
        return self.searcher.num_docs

    def doc_frequency(self, fieldname, term):
        key = (fieldname, _text(term))
        if key not in self._df:
            self._df[key] = self.searcher.doc_freq(fieldname, key[1]) if fieldname in self.schema else 0
        return self._df[key]

    def __contains__(self, pair):
        fieldname, term = pair
        return self.doc_frequency(fieldname, term) > 0

    def expand_prefix(self, fieldname, prefix):
        key = (fieldname, _text(prefix))
        if key not in self._prefixes:
            if len(self._prefixes) > 4096:
                self._prefixes.clear()
            terms = self.searcher.terms_with_prefix(fieldname, key[1]) if fieldname in self.schema else []
            self._prefixes[key] = sorted(t.encode("utf-8") for t, _count in terms)
        return iter(self._prefixes[key])

    def has_prefix(self, fieldname, prefix):
        """Whether any word begins with ``prefix``, without listing them all
        (``expand_prefix`` of ``ا`` lists half the vocabulary)."""
        key = (fieldname, _text(prefix))
        if key in self._prefixes:
            return bool(self._prefixes[key])
        if fieldname not in self.schema:
            return False
        return bool(self.searcher.terms_with_prefix(fieldname, key[1], limit=1))

    def top_terms_with_prefix(self, fieldname, prefix, limit):
        """``[(term, document frequency)]``: the ``limit`` words beginning with
        ``prefix`` that most documents hold, most first."""
        if fieldname not in self.schema:
            return []
        return self.searcher.terms_with_prefix(fieldname, _text(prefix), limit=limit)

    # What the benchmark's query chooser (tooling.bench.queries) also reads.

    def iter_field(self, fieldname):
        """(term as bytes, its statistics) for every term of a field."""
        for term, count in self.searcher.terms_with_prefix(fieldname, ""):
            yield term.encode("utf-8"), _TermInfo(count)

    def postings(self, fieldname, term):
        """The documents holding a term (``.all_ids()``: article pks)."""
        query = tantivy.Query.term_query(SCHEMA, fieldname, _text(term))
        n = max(self.doc_frequency(fieldname, term), 1)
        hits = self.searcher.search(query, n, count=False).hits
        return _Postings(self.searcher.fast_field_values("pk", [a for _s, a in hits]))

    def idf(self, fieldname, term):
        """BM25's idf, as Tantivy computes it."""
        n = max(self.searcher.num_docs, 1)
        df = self.doc_frequency(fieldname, term)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


# ---------------------------------------------------------------------------
# Whoosh query objects -> Tantivy queries
# ---------------------------------------------------------------------------

class Untranslatable(TypeError):
    pass


def _boosted(query, boost):
    return tantivy.Query.boost_query(query, float(boost)) if boost != 1.0 else query


def _date_key(moment):
    return moment.year * 10000 + moment.month * 100 + moment.day


def translate(node, vocabulary):
    """The Tantivy query of one Whoosh query (the kinds ``archive.search`` builds)."""
    from archive.search.query import FoldedPrefix, PrefixTerms, WordForms

    Q = tantivy.Query
    Occur = tantivy.Occur
    field_boost = FIELD_BOOST.get(getattr(node, "fieldname", None), 1.0)

    if isinstance(node, wq.Every):
        return Q.all_query()
    if isinstance(node, wq.NullQuery.__class__):
        return Q.empty_query()
    if isinstance(node, WordForms):
        # Each form scored with the idf of the form used most, the best form
        # counting (see WordForms): boosts scale BM25 by idf(pivot)/idf(form).
        present = [t for t in node.texts if (node.fieldname, t) in vocabulary]
        if not present:
            return Q.empty_query()
        if len(present) == 1:
            return _boosted(Q.term_query(SCHEMA, node.fieldname, present[0]), node.boost * field_boost)
        pivot = max(present, key=lambda t: vocabulary.doc_frequency(node.fieldname, t))
        pivot_idf = vocabulary.idf(node.fieldname, pivot)
        parts = [
            _boosted(Q.term_query(SCHEMA, node.fieldname, t),
                     node.boost * field_boost * pivot_idf / (vocabulary.idf(node.fieldname, t) or 1.0))
            for t in present
        ]
        return Q.disjunction_max_query(parts)
    if isinstance(node, PrefixTerms):
        return _constant(node.fieldname, list(node.terms), node.boost)
    if isinstance(node, FoldedPrefix):
        terms = [_text(b) for b in node._btexts(vocabulary)]
        return _constant(node.fieldname, terms, node.boost)
    if isinstance(node, wq.Prefix):
        terms = []
        for btext in vocabulary.expand_prefix(node.fieldname, node.text):
            terms.append(_text(btext))
            if len(terms) >= MAX_PREFIX_TERMS:
                break
        return _constant(node.fieldname, terms, node.boost)
    if isinstance(node, wq.Term):
        if node.fieldname in ("newest", "oldest", "pk"):
            return _boosted(Q.term_query(SCHEMA, node.fieldname, int(node.text)), node.boost)
        return _boosted(Q.term_query(SCHEMA, node.fieldname, node.text), node.boost * field_boost)
    if isinstance(node, wq.Phrase):
        if len(node.words) == 1:
            return _boosted(Q.term_query(SCHEMA, node.fieldname, node.words[0]), node.boost * field_boost)
        # Whoosh's slop 1 is "next to each other"; Tantivy's is 0.
        return _boosted(Q.phrase_query(SCHEMA, node.fieldname, list(node.words), max(node.slop - 1, 0)),
                        node.boost * field_boost)
    if isinstance(node, wq.Sequence):
        # A phrase whose first word may have alternatives (its attached forms):
        # one exact phrase per form the index holds, the best one counting (a
        # regex phrase would walk the term dictionary: 3x slower on a long alias).
        fieldnames = {getattr(sub, "fieldname", None) for sub in node.subqueries}
        if len(fieldnames) != 1:
            raise Untranslatable(repr(node))
        fieldname = fieldnames.pop()
        choices = []
        for sub in node.subqueries:
            if isinstance(sub, WordForms):
                forms = [t for t in sub.texts if (fieldname, t) in vocabulary]
            elif isinstance(sub, wq.Term):
                forms = [sub.text] if (fieldname, sub.text) in vocabulary else []
            else:
                raise Untranslatable(repr(sub))
            if not forms:
                return Q.empty_query()
            choices.append(forms)
        if any(len(forms) > 1 for forms in choices[1:]):
            patterns = ["(" + "|".join(re.escape(t) for t in forms) + ")" for forms in choices]
            return _boosted(Q.regex_phrase_query(SCHEMA, fieldname, patterns), node.boost * field_boost)
        rest = [forms[0] for forms in choices[1:]]
        phrases = [Q.phrase_query(SCHEMA, fieldname, [first] + rest) for first in choices[0]]
        query = phrases[0] if len(phrases) == 1 else Q.disjunction_max_query(phrases)
        return _boosted(query, node.boost * field_boost)
    if isinstance(node, wq.DateRange) and node.fieldname == "published":
        # YYYYMMDD in "newest"; undated articles hold 0 there and fall outside any range.
        lower = _date_key(node.startdate) if node.startdate else 1
        upper = _date_key(node.enddate) if node.enddate else None
        return Q.range_query(SCHEMA, "newest", tantivy.FieldType.Unsigned, lower, upper)
    if isinstance(node, wq.AndNot):
        return Q.boolean_query([(Occur.Must, translate(node.a, vocabulary)),
                                (Occur.MustNot, translate(node.b, vocabulary))])
    if isinstance(node, wq.Not):
        return Q.boolean_query([(Occur.Must, Q.all_query()),
                                (Occur.MustNot, translate(node.query, vocabulary))])
    if isinstance(node, wq.And):
        subs = [translate(q, vocabulary) for q in node.subqueries]
        return _boosted(Q.boolean_query([(Occur.Must, q) for q in subs]), node.boost)
    if isinstance(node, wq.Or):
        subs = [translate(q, vocabulary) for q in node.subqueries]
        if not subs:
            return Q.empty_query()
        return _boosted(Q.boolean_query([(Occur.Should, q) for q in subs]), node.boost)
    raise Untranslatable(f"No Tantivy translation for {node!r}")


def _constant(fieldname, terms, boost=1.0):
    """Whoosh scores a prefix as a constant: so does this."""
    if not terms:
        return tantivy.Query.empty_query()
    query = tantivy.Query.term_set_query(SCHEMA, fieldname, terms)
    return tantivy.Query.const_score_query(query, float(boost))


# ---------------------------------------------------------------------------
# Searching
# ---------------------------------------------------------------------------

class TantivyView:
    """One searcher's answers to what ``archive.search.engine`` asks."""

    backend = "tantivy"

    def __init__(self, searcher):
        self.searcher = searcher
        self.vocabulary = Vocabulary(searcher)

    @property
    def generation(self):
        """Same while the index is unchanged: ``current_view()`` makes a new view on every commit."""
        return self

    def reader(self):
        return self.vocabulary

    def doc_count(self):
        return self.searcher.num_docs

    def query(self, node):
        return translate(node, self.vocabulary)

    def count(self, node):
        return self.searcher.search(self.query(node), 1, count=True).count

    def exists(self, node):
        return bool(self.searcher.search(self.query(node), 1, count=False).hits)

    def day_counts(self, node):
        """Counter of YYYY-MM-DD over the matches of ``node`` (day-precise dates only)."""
        spec = {DAY_FIELD: {"terms": {"field": DAY_FIELD, "size": 400, "segment_size": 400}}}
        result = self.searcher.aggregate(self.query(node), spec)
        return Counter({b["key"]: b["doc_count"] for b in (result.get(DAY_FIELD) or {}).get("buckets", [])})

    def count_and_facets(self, node, with_facets=True):
        query = self.query(node)
        count = self.searcher.search(query, 1, count=True).count
        facets = {}
        if with_facets:
            facets = self._facets(query) if count else {name: Counter() for name in FACET_FIELDS}
        return count, facets

    def search_page(self, node, sort, start, size, with_facets=True, budget=None):
        """(count, facets, pks of the page): the count and the page from one search."""
        query = self.query(node)
        facets = {}
        if start > 0:
            # A page far past the end (page=100000) must not make Tantivy
            # keep a heap of start + size hits.
            count = self.searcher.search(query, 1, count=True).count
            if start >= count:
                if with_facets:
                    facets = self._facets(query) if count else {name: Counter() for name in FACET_FIELDS}
                return count, facets, []
        if sort in ("newest", "oldest"):
            order = tantivy.Order.Desc if sort == "newest" else tantivy.Order.Asc
            result = self.searcher.search(query, size, count=True, order_by_field=sort, offset=start, order=order)
            count, pks = result.count, self._pks([a for _k, a in result.hits])
        else:
            result = self.searcher.search(query, start + size + size, count=True)
            count, pks = result.count, self._by_relevance(result.hits, start, size)
        if with_facets:
            facets = self._facets(query) if count else {name: Counter() for name in FACET_FIELDS}
        return count, facets, pks

    def _facets(self, query):
        spec = {name: {"terms": {"field": name, "size": FACET_BUCKETS, "segment_size": FACET_BUCKETS}}
                for name in FACET_FIELDS}
        result = self.searcher.aggregate(query, spec)
        return {name: Counter({b["key"]: b["doc_count"] for b in (result.get(name) or {}).get("buckets", [])})
                for name in FACET_FIELDS}

    def _by_relevance(self, hits, start, size):
        """Hits re-sorted with the newer article first among equal scores (as the Whoosh side)."""
        addresses = [a for _s, a in hits]
        newest = self.searcher.fast_field_values("newest", addresses)
        pks = self._pks(addresses)
        ranked = sorted(zip(hits, newest, pks), key=lambda x: (-round(x[0][0], 5), -(x[1] or 0), x[2]))
        return [pk for _hit, _n, pk in ranked[start:start + size]]

    def _pks(self, addresses):
        return [int(pk) for pk in self.searcher.fast_field_values("pk", addresses)]

    def sorted_pks(self, node, sort, start, size):
        """Pks of matches ``start`` to ``start + size`` in ``sort`` order
        ("newest", "oldest", or "relevance": score, ties to the newer article);
        ``size=None`` for all of them."""
        query = self.query(node)
        if size is None:
            size = max(self.searcher.search(query, 1, count=True).count - start, 0)
            if not size:
                return []
        if sort == "newest":
            hits = self.searcher.search(query, size, count=False, order_by_field="newest",
                                        offset=start, order=tantivy.Order.Desc).hits
            return self._pks([a for _k, a in hits])
        if sort == "oldest":
            hits = self.searcher.search(query, size, count=False, order_by_field="oldest",
                                        offset=start, order=tantivy.Order.Asc).hits
            return self._pks([a for _k, a in hits])
        # Relevance: the top start+size and the ties just past them, re-sorted
        # with the newer article first among equal scores (as the Whoosh side).
        hits = self.searcher.search(query, start + size + size, count=False).hits
        return self._by_relevance(hits, start, size)

    def stored_entries(self):
        """(django_id, updated) of every document, for check_index."""
        n = self.searcher.num_docs
        if not n:
            return
        hits = self.searcher.search(tantivy.Query.all_query(), n, count=False).hits
        for _score, address in hits:
            fields = self.searcher.doc(address).to_dict()
            yield str((fields.get("pk") or [""])[0]), (fields.get("updated") or [""])[0]


def fresh_view():
    """A view of the index as committed on disk now (not the shared one)."""
    index = get_index()
    index.reload()
    return TantivyView(index.searcher())
