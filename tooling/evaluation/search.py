"""Measuring search: does it find an article however its words are typed?

``python manage.py evaluate_search`` (see the command for options) builds
throw-away indexes in a temporary directory, never the archive's own:

* **ours**: the archive's schema (``archive.search.backend.SCHEMA``) with its
  Arabic analyzers, searched through ``archive.search.query`` in *broad* mode
  (folding, light stemming, alias expansion) and in *exact* mode, ranked as
  the archive ranks (BM25F, title boosted, ties to the newer article);
* **haystack's default**: one ``text`` field (title and body) analysed with
  ``whoosh.analysis.StemmingAnalyzer()``, the words ANDed and parsed with
  Whoosh's ``QueryParser`` as haystack's Whoosh backend does, ranked by score.

over the five seed articles plus a random sample of the corpus (JSON lines,
gzip or not), and runs the same queries against each.

Query classes
-------------
*Known-item* queries: for a random article, the two most distinctive words
of its title (the rarest in the sample, preferring words found in at least
one other article), typed

``as_written``    as the title has them;
``article``       with ال dropped, or added when absent;
``clitic``        with و, ب, ل, ف or ك attached (ل + ال written لل);
``hamza``         أ إ آ written ا, or a bare initial ا given a hamza;
``ta_marbuta``    final ة written ه, or ه written ة;
``alef_maqsura``  final ى written ي, or ي written ى;
``harakat``       with short vowels, shadda and sukun added;
``combined``      all of the above that apply, at random, as a hurried
                  typist would.

A variant class only holds queries the variant changes. The relevant article
is the one the words came from (and any other with the very same title).

*Name* queries: for each speaker, place and force of the gazetteer with at
least two spellings, each spelling is a query (``names`` for Arabic-script
spellings, ``names_latin`` for Latin ones); the relevant articles are those
containing *any* of the entity's spellings, as whole words, allowing only an
attached و ف ب ك ل (and لل for ل + ال). That judgement is deliberately
literal and independent of the archive's own matcher.

Metrics
-------
``S@10``   Success@10: the share of queries with a relevant article in the
           first ten results.
``MRR``    mean reciprocal rank of the first relevant article (0 when none
           is in the first ``LIMIT`` results).
``R@100``  recall in the first 100 results (what share of the relevant
           articles were found): informative for names, which have many.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import random
import shutil
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from whoosh import fields as wf
from whoosh.analysis import StemmingAnalyzer
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import FuzzyTermPlugin, QueryParser

from archive import arabic

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "fixtures" / "seed_articles.json"
GAZETTEER = ROOT / "fixtures" / "gazetteer.json"

LIMIT = 100
SYSTEMS = ("broad", "exact", "haystack")
KNOWN_ITEM_CLASSES = ("as_written", "article", "clitic", "hamza", "ta_marbuta",
                      "alef_maqsura", "harakat", "combined")
VARIANT_CLASSES = KNOWN_ITEM_CLASSES[1:]
NAME_CLASSES = ("names", "names_latin")
CLASSES = KNOWN_ITEM_CLASSES + NAME_CLASSES
NAME_KINDS = ("speaker", "place", "force")


@dataclass
class Doc:
    key: str
    title: str
    body: str
    published: date | None = None
    url: str = ""


@dataclass
class Case:
    cls: str
    query: str
    relevant: frozenset
    origin: str = ""     # the article key or the entity the query came from


@dataclass
class Report:
    config: dict
    results: dict                      # class -> system -> metrics
    counts: dict                       # class -> number of queries
    examples: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)

    def as_json(self):
        return {"config": self.config, "queries": self.counts, "results": self.results,
                "examples": self.examples, "timings_seconds": self.timings}


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------

def _date(value):
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def load_seeds(path=SEEDS):
    docs = []
    for obj in json.loads(Path(path).read_text(encoding="utf-8")):
        f = obj["fields"]
        docs.append(Doc(f"seed:{f.get('external_id') or obj['pk']}", f.get("title") or "",
                        f.get("body") or "", _date(f.get("published")), f.get("url") or ""))
    return docs


def _open(path):
    path = Path(path)
    with open(path, "rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rt", encoding="utf-8") if gzipped else open(path, encoding="utf-8")


def sample_corpus(paths, n, rng):
    """``n`` records drawn uniformly from the JSON-lines files (reservoir
    sampling: one pass, only the chosen lines are parsed)."""
    if n <= 0:
        return []
    reservoir, seen = [], 0
    for path in paths:
        with _open(path) as handle:
            for line in handle:
                if not line.strip():
                    continue
                seen += 1
                if len(reservoir) < n:
                    reservoir.append(line)
                else:
                    j = rng.randrange(seen)
                    if j < n:
                        reservoir[j] = line
    docs = []
    for line in reservoir:
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        body = rec.get("body") or ""
        if not body.strip():
            continue
        docs.append(Doc(str(rec.get("id")), rec.get("title") or "", body,
                        _date(rec.get("published")), rec.get("url") or ""))
    return docs


def dedupe(docs):
    """Drop exact copies (same body or same URL): the corpus holds some, and a
    copy would compete with the article a query was made from."""
    seen_body, seen_url, kept = set(), set(), []
    for doc in docs:
        digest = hashlib.sha1(" ".join(doc.body.split()).encode("utf-8")).hexdigest()
        if digest in seen_body or (doc.url and doc.url in seen_url):
            continue
        seen_body.add(digest)
        if doc.url:
            seen_url.add(doc.url)
        kept.append(doc)
    return kept


# ---------------------------------------------------------------------------
# Indexes
# ---------------------------------------------------------------------------

def haystack_schema():
    """What haystack's Whoosh backend builds for a document field: TEXT with
    Whoosh's (English) StemmingAnalyzer. Not stored: storing changes nothing
    in what is found."""
    return wf.Schema(
        id=wf.ID(stored=True, unique=True),
        django_id=wf.ID(stored=True),
        text=wf.TEXT(analyzer=StemmingAnalyzer(), spelling=True),
    )


def _date_key(d):
    return d.year * 10000 + d.month * 100 + d.day if d else None


def build_indexes(docs, directory):
    """(ours, haystack's) Whoosh indexes of ``docs`` under ``directory``."""
    from archive.search.backend import SCHEMA

    ours = FileStorage(str(Path(directory) / "ours")).create().create_index(SCHEMA)
    theirs = FileStorage(str(Path(directory) / "haystack")).create().create_index(haystack_schema())
    w1 = ours.writer(limitmb=256)
    w2 = theirs.writer(limitmb=256)
    for i, doc in enumerate(docs):
        key = _date_key(doc.published)
        text = f"{doc.title}\n{doc.body}"
        w1.add_document(id=str(i), django_ct="evaluation", django_id=str(i), text=text,
                        title=doc.title, text_exact=text, title_exact=doc.title,
                        newest=key or 0, oldest=key or 99991231)
        w2.add_document(id=str(i), django_id=str(i), text=text)
    w1.commit()
    w2.commit()
    return ours, theirs


# ---------------------------------------------------------------------------
# Searching
# ---------------------------------------------------------------------------

class Searchers:
    """The three systems, each answering a query with document numbers."""

    def __init__(self, ours, theirs, alias_index):
        from archive.search.stores.whoosh.view import WhooshView

        self.ours = ours.searcher()
        # Ours through the Whoosh store's view: the archive's query tree, compiled.
        self.ours_view = WhooshView(self.ours)
        self.theirs = theirs.searcher()
        self.alias_index = alias_index
        self.parser = QueryParser("text", schema=theirs.schema)
        self.parser.add_plugins([FuzzyTermPlugin()])

    def close(self):
        self.ours.close()
        self.theirs.close()

    def _ids(self, searcher, results):
        return [int(searcher.stored_fields(results.docnum(i))["django_id"])
                for i in range(min(len(results.top_n), LIMIT))]

    def ours_search(self, q, mode):
        from archive.search.query import QueryBuilder, parse

        builder = QueryBuilder(mode, mode == "broad", self.alias_index, self.ours_view.vocabulary())
        query = builder.build(parse(q))
        if query is None:
            return []
        return self.ours_view.sorted_ids(query, "relevance", 0, LIMIT)

    def haystack_search(self, q):
        query = self.parser.parse(haystack_query_string(q))
        results = self.theirs.search(query, limit=LIMIT)
        return self._ids(self.theirs, results)

    def search(self, system, q):
        if system == "haystack":
            return self.haystack_search(q)
        return self.ours_search(q, system)


def haystack_query_string(q):
    """The query string haystack's ``SearchQuerySet().auto_query(q)`` hands the
    Whoosh backend for plain words: each word cleaned as
    ``WhooshSearchQuery.clean`` does (reserved words lowercased, a word with
    a reserved character quoted), ANDed, in parentheses."""
    from haystack.backends.whoosh_backend import WhooshSearchBackend

    words = []
    for word in q.split():
        if word in WhooshSearchBackend.RESERVED_WORDS:
            word = word.lower()
        if any(ch in word for ch in WhooshSearchBackend.RESERVED_CHARACTERS):
            word = "'%s'" % word
        words.append(word)
    return "(%s)" % " AND ".join(words) if words else ""


# ---------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------

ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B))
HARAKAT = ("\u064e", "\u064f", "\u0650", "\u0652")   # fatha, damma, kasra, sukun
SHADDA = "\u0651"


def _is_arabic_word(word):
    return len(word) >= 4 and all(ch in ARABIC_LETTERS for ch in word)


def _exact_tokens(text):
    return [w for w in (arabic.strip_marks(t.text) for t in arabic.tokenize(text)) if w]


def _has_proclitic(word, df):
    """Does a title word carry an attached و ب ل ف ك (بدعم, وكركوك, للحكومة)?
    Such words are left out of the queries: a person recalls دعم, not بدعم,
    and the variants add clitics of their own."""
    if word.startswith("لل"):
        return True
    return word[0] in "وبلفك" and (word[1:3] == "ال" or df.get(word[1:], 0) > 0)


def v_article(word, rng):
    if word.startswith("ال") and len(word) >= 5:
        return word[2:]
    if word[0] in "وفبكل" and word[1:3] == "ال":
        return word
    return "ال" + word


def v_clitic(word, rng):
    if word.startswith("ال"):
        clitic = rng.choice("وبفكل")
        return "ل" + word[1:] if clitic == "ل" else clitic + word
    return rng.choice("وبلف") + word


def v_hamza(word, rng):
    if any(ch in "أإآ" for ch in word):
        return "".join("ا" if ch in "أإآ" else ch for ch in word)
    i = 2 if word.startswith("ال") else 0
    if len(word) > i + 1 and word[i] == "ا":
        return word[:i] + rng.choice("أإ") + word[i + 1:]
    return word


def v_ta_marbuta(word, rng):
    if word.endswith("ة"):
        return word[:-1] + "ه"
    if word.endswith("ه"):
        return word[:-1] + "ة"
    return word


def v_alef_maqsura(word, rng):
    if word.endswith("ى"):
        return word[:-1] + "ي"
    if word.endswith("ي"):
        return word[:-1] + "ى"
    return word


def v_harakat(word, rng):
    out = []
    for i, ch in enumerate(word):
        out.append(ch)
        if ch in ARABIC_LETTERS and ch not in "اى" and rng.random() < 0.6:
            if i > 0 and rng.random() < 0.1:
                out.append(SHADDA)
            out.append(rng.choice(HARAKAT))
    marked = "".join(out)
    return marked if marked != word else word + HARAKAT[0]


def v_combined(word, rng):
    for variant in (v_article, v_hamza, v_ta_marbuta, v_alef_maqsura):
        if rng.random() < 0.6:
            word = variant(word, rng)
    if rng.random() < 0.5:
        word = v_clitic(word, rng) if not word.startswith(("و", "ب", "ف", "ك", "لل")) else word
    if rng.random() < 0.5:
        word = v_harakat(word, rng)
    return word


VARIANTS = {
    "article": v_article, "clitic": v_clitic, "hamza": v_hamza,
    "ta_marbuta": v_ta_marbuta, "alef_maqsura": v_alef_maqsura,
    "harakat": v_harakat, "combined": v_combined,
}


def known_item_cases(docs, n_targets, rng):
    """Two distinctive title words per target article, in every variant."""
    df = Counter()
    for doc in docs:
        df.update(set(_exact_tokens(f"{doc.title}\n{doc.body}")))
    same_title = defaultdict(set)
    for i, doc in enumerate(docs):
        same_title[" ".join(_exact_tokens(doc.title))].add(i)

    order = list(range(len(docs)))
    rng.shuffle(order)
    cases = []
    targets = 0
    for i in order:
        if targets >= n_targets:
            break
        doc = docs[i]
        words = []
        for w in _exact_tokens(doc.title):
            if w in words or not _is_arabic_word(w) or arabic.broad_term(w) is None \
                    or _has_proclitic(w, df):
                continue
            words.append(w)
        if len(words) < 2:
            continue
        position = {w: k for k, w in enumerate(words)}
        words.sort(key=lambda w: (df[w] < 2, df[w], position[w]))
        chosen = sorted(words[:2], key=position.get)     # in title order
        relevant = frozenset(same_title[" ".join(_exact_tokens(doc.title))] | {i})
        targets += 1
        cases.append(Case("as_written", " ".join(chosen), relevant, doc.key))
        for cls, variant in VARIANTS.items():
            typed = [variant(w, rng) for w in chosen]
            if typed != chosen:
                cases.append(Case(cls, " ".join(typed), relevant, doc.key))
    return cases


_CLITICS = ("", "و", "ف", "ب", "ك", "ل", "وب", "ول", "وك", "فب", "فل", "فك")


def _first_word_forms(word):
    """How a name's first word may stand in a text: as is, or with و ف ب ك ل
    attached (ل + ال written لل). Latin words only as they are."""
    if not any(ch in ARABIC_LETTERS for ch in word):
        return {word}
    forms = {c + word for c in _CLITICS}
    if word.startswith("ال"):
        forms |= {lam + word[2:] for lam in ("لل", "ولل", "فلل")}
    return forms


def load_gazetteer(path=GAZETTEER):
    """(kind, pk, names) per entity, names as ``Entity.all_names()`` gives them."""
    entries = []
    for obj in json.loads(Path(path).read_text(encoding="utf-8")):
        f = obj["fields"]
        names, seen = [], set()
        for value in [f.get("name"), f.get("name_en"), *(f.get("aliases") or [])]:
            value = (value or "").strip()
            if value and value not in seen:
                seen.add(value)
                names.append(value)
        entries.append((obj["model"].split(".")[-1], obj["pk"], names))
    return entries


def name_cases(docs, entries, n_max, rng):
    """Each spelling of each speaker, place and force with two or more
    spellings is a query; relevant: the articles holding any of them."""
    tokens = [_exact_tokens(f"{doc.title}\n{doc.body}") for doc in docs]
    postings = defaultdict(list)
    for d, words in enumerate(tokens):
        for p, w in enumerate(words):
            postings[w].append((d, p))

    def containing(spelling):
        words = _exact_tokens(spelling)
        if not words:
            return set()
        found = set()
        rest = words[1:]
        for form in _first_word_forms(words[0]):
            for d, p in postings.get(form, ()):
                if tokens[d][p + 1:p + 1 + len(rest)] == rest:
                    found.add(d)
        return found

    cases = []
    for kind, pk, names in entries:
        if kind not in NAME_KINDS:
            continue
        spellings = list(dict.fromkeys(n for n in names if _exact_tokens(n)))
        if len({" ".join(_exact_tokens(s)) for s in spellings}) < 2:
            continue
        relevant = set()
        for spelling in spellings:
            relevant |= containing(spelling)
        if not relevant:
            continue
        for spelling in spellings:
            latin = not any(ch in ARABIC_LETTERS for ch in arabic.fold(spelling))
            cases.append(Case("names_latin" if latin else "names", spelling,
                              frozenset(relevant), f"{kind}:{names[0]}"))
    if len(cases) > n_max:
        cases = rng.sample(cases, n_max)
    return cases


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

def score(ranked, relevant):
    first = next((k for k, d in enumerate(ranked, 1) if d in relevant), None)
    found = len(relevant.intersection(ranked[:100]))
    return {
        "success@10": 1.0 if first is not None and first <= 10 else 0.0,
        "mrr": 1.0 / first if first else 0.0,
        "recall@100": found / len(relevant) if relevant else 0.0,
    }


def _mean(rows, key):
    return sum(r[key] for r in rows) / len(rows) if rows else 0.0


def evaluate(corpus=(), articles=3000, queries=300, seed=2024, log=None):
    """Run the whole evaluation; returns a :class:`Report`."""
    from archive.gazetteer import AliasIndex

    log = log or (lambda message: None)
    rng = random.Random(seed)
    timings = {}
    started = time.monotonic()
    corpus = [Path(p) for p in corpus or ()]
    present = [p for p in corpus if p.is_file()]
    for p in corpus:
        if not p.is_file():
            log(f"corpus file not found, skipped: {p}")
    docs = load_seeds()
    if present and articles > 0:
        log(f"sampling {articles} articles from {', '.join(str(p) for p in present)} ...")
        docs += sample_corpus(present, articles, rng)
    docs = dedupe(docs)
    timings["load"] = round(time.monotonic() - started, 1)

    entries = load_gazetteer()
    alias_index = AliasIndex(entries)
    cases = known_item_cases(docs, queries, rng) + name_cases(docs, entries, queries, rng)

    workdir = tempfile.mkdtemp(prefix="archive-evaluation-")
    try:
        log(f"indexing {len(docs)} articles twice in {workdir} ...")
        t = time.monotonic()
        ours, theirs = build_indexes(docs, workdir)
        timings["index"] = round(time.monotonic() - t, 1)
        searchers = Searchers(ours, theirs, alias_index)
        try:
            per = {cls: {system: [] for system in SYSTEMS} for cls in CLASSES}
            spent = Counter()
            log(f"running {len(cases)} queries on {len(SYSTEMS)} systems ...")
            for case in cases:
                for system in SYSTEMS:
                    t = time.monotonic()
                    try:
                        ranked = searchers.search(system, case.query)
                    except Exception:  # a query one system cannot parse finds nothing
                        ranked = []
                    spent[system] += time.monotonic() - t
                    per[case.cls][system].append(score(ranked, case.relevant))
            for system in SYSTEMS:
                timings[f"queries_{system}"] = round(spent[system], 1)
        finally:
            searchers.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    results, counts, examples = {}, {}, {}
    for cls in CLASSES:
        counts[cls] = len(per[cls]["broad"])
        results[cls] = {
            system: {key: round(_mean(per[cls][system], key), 3)
                     for key in ("success@10", "mrr", "recall@100")}
            for system in SYSTEMS
        }
        examples[cls] = [c.query for c in cases if c.cls == cls][:3]
    pooled = {system: [row for cls in VARIANT_CLASSES for row in per[cls][system]] for system in SYSTEMS}
    counts["all_variants"] = len(pooled["broad"])
    results["all_variants"] = {
        system: {key: round(_mean(pooled[system], key), 3) for key in ("success@10", "mrr", "recall@100")}
        for system in SYSTEMS
    }
    timings["total"] = round(time.monotonic() - started, 1)
    config = {
        "corpus": [str(p) for p in present], "articles_requested": articles if present else 0,
        "documents_indexed": len(docs), "seeds": 5, "queries_per_class_max": queries,
        "random_seed": seed, "rank_cutoff": LIMIT,
    }
    return Report(config, results, counts, examples, timings)


def format_table(report):
    """The report as a plain-text table (one row per query class)."""
    head = f"{'class':<14}{'queries':>8}"
    sub = f"{'':<14}{'':>8}"
    for system in SYSTEMS:
        label = {"broad": "ours: broad", "exact": "ours: exact", "haystack": "haystack default"}[system]
        head += f"  {label:^21}"
        sub += f"  {'S@10':>6} {'MRR':>6} {'R@100':>6} "
    lines = [head, sub, "-" * len(sub)]
    for cls in CLASSES + ("all_variants",):
        if cls == "all_variants":
            lines.append("-" * len(sub))
        row = f"{cls:<14}{report.counts[cls]:>8}"
        for system in SYSTEMS:
            m = report.results[cls][system]
            row += f"  {m['success@10']:>6.3f} {m['mrr']:>6.3f} {m['recall@100']:>6.3f} "
        lines.append(row)
    return "\n".join(lines)
