"""The OpenSearch index body (settings, analysis, mappings) that reproduces
``archive.arabic``: what a search cluster would need to index the archive's
documents as the archive's own stores do (``docs/opensearch.md``).

    python scripts/opensearch_index_body.py [OUT.json] [--shards 3] [--replicas 1]

writes it as JSON (by default ``docs/opensearch-index.json``, the copy kept in
the repository). No engine of the archive uses it: the archive searches its
embedded stores (``archive/search/stores/``). ``tests/test_opensearch_config.py``
checks the body without a cluster: every letter the char filters map folds as
``archive.arabic.fold`` folds it, the kept JSON is the generated one, and the
analysis chain, simulated in Python, gives the terms of
``archive.arabic.broad_terms``.

The analysis, filter by filter, and where it differs from ``archive.arabic``:

``arabic_broad`` (fields ``text``, ``title``)
    char filters ``arabic_presentation_forms`` (NFKC of the presentation-form
    blocks, as ``strip_marks``), ``arabic_marks`` (harakat, Quranic marks,
    tatweel, invisible joiners and bidi controls, soft hyphen: deleted),
    ``arabic_letter_folds`` (every letter fold of ``archive.arabic.fold`` —
    Kurdish and Persian letters, hamza seats, ة, digits — except ى → ي, which
    must wait for the stop word على: see below); tokenizer ``standard``; token
    filters ``lowercase``, ``decimal_digit``, ``arabic_stop_typed`` (على and
    وعلى as typed, since folded they would be the name علي: our
    ``STOPWORDS_AS_TYPED``), ``arabic_normalization`` (Lucene's, which also
    folds ى → ي), ``persian_normalization``, ``arabic_stop`` (our
    ``STOPWORDS``, folded) and ``arabic_stem`` (Lucene's ArabicStemFilter: the
    Larkey light stemmer ``archive.arabic.stem`` reimplements rule for rule).
``arabic_exact`` (fields ``text_exact``, ``title_exact``)
    the presentation forms and marks char filters and ``lowercase``; no letter
    folds, no stop words, no stemming: hamza seats, ة and ى stay as typed.

Known differences. The stemmer: ``archive.arabic.broad_stem`` steers Lucene's
light stemmer with the corpus word counts (``archive/lexicon``): stacked
clitics, ة written ت before a suffix, pronouns such as هم, and the guards that
keep مكان from مكة; OpenSearch's ``arabic_stem`` is Lucene's alone, so an
OpenSearch index finds less there and merges those words (a
``stemmer_override`` filter generated from the counts would close the gap).
The rest are at the edges: the ``standard`` tokenizer (Unicode word
breaks) keeps ``a_b`` as one token where ours splits at the underscore;
``lowercase`` is not ``str.casefold`` (ß); there is no NFC step unless the
``analysis-icu`` plugin is installed — then use ``icu_tokenizer`` and add an
``icu_normalizer`` (``nfc``) char filter in front, which the README recommends.
"""
from pathlib import Path
import re
import sys
import unicodedata

if __name__ == "__main__":  # run as a script: the repository's root on the path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive import arabic  # noqa: E402

JSON_NAME = "opensearch-index.json"
ANALYZER_BROAD = "arabic_broad"
ANALYZER_EXACT = "arabic_exact"

#: Fields a query searches, the title weighted as ``backend.SCHEMA`` weights it
#: (``field_boost=3.0``): OpenSearch boosts at query time (``multi_match``).
QUERY_FIELDS_BROAD = ["title^3", "text"]
QUERY_FIELDS_EXACT = ["title_exact^3", "text_exact"]

#: Deleted before tokenizing: what ``archive.arabic.strip_marks`` removes.
MARK_RANGES = (
    (0x064B, 0x065F),  # harakat, hamza above/below, ...
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06ED),  # Quranic annotation marks
    (0x0640, 0x0640),  # tatweel
    (0x200B, 0x200F),  # ZWSP, ZWNJ, ZWJ, LRM, RLM
    (0x061C, 0x061C),  # Arabic letter mark
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2066, 0x2069),  # bidi isolates
    (0xFEFF, 0xFEFF),  # BOM
    (0x00AD, 0x00AD),  # soft hyphen
)

#: The letter folds of ``archive.arabic.fold``, written out (the test checks
#: each one against ``fold`` and that ``fold`` has no other).
LETTER_FOLDS = {
    # Lucene ArabicNormalizer (also done by the arabic_normalization filter)
    "آ": "ا", "أ": "ا", "إ": "ا", "ة": "ه",
    # "ى": "ي" is left to arabic_normalization, after the على stop filter.
    # Lucene PersianNormalizer (also done by persian_normalization)
    "ی": "ي", "ے": "ي", "ک": "ك", "ۀ": "ه", "ہ": "ه", "ۂ": "ه", "ۓ": "ي",
    # Kurdish (Sorani) letters
    "گ": "ك", "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف", "ێ": "ي", "ە": "ه",
    "ھ": "ه", "ڕ": "ر", "ڵ": "ل", "ۆ": "و", "ٱ": "ا",
    # Hamza on waw and yeh: one hamza whatever its seat (مسؤول / مسئول)
    "ؤ": "ء", "ئ": "ء",
}
LETTER_FOLDS.update({chr(0x0660 + i): str(i) for i in range(10)})  # ٠-٩
LETTER_FOLDS.update({chr(0x06F0 + i): str(i) for i in range(10)})  # ۰-۹
# Latin letters with diacritics and the transliteration marks (Hīt → Hit).
LETTER_FOLDS.update(arabic.normalise.LATIN_FOLDS)
#: Folded by the token filters rather than the char filter (see above).
FOLDED_LATER = {"ى": "ي"}


def _marks_class():
    return "".join(f"\\u{a:04X}" if a == b else f"\\u{a:04X}-\\u{b:04X}" for a, b in MARK_RANGES)


MARKS_PATTERN = f"[{_marks_class()}]"
_MARKS_RE = re.compile(MARKS_PATTERN)


def presentation_forms():
    """Arabic presentation forms -> their letters (NFKC of those blocks only),
    the rule of ``archive.arabic.strip_marks``: a form of a lone mark loses the
    space NFKC puts before it."""
    table = {}
    for first, last in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for cp in range(first, last + 1):
            ch = chr(cp)
            if _MARKS_RE.fullmatch(ch):
                continue
            norm = unicodedata.normalize("NFKC", ch)
            if norm == ch:
                continue
            if " " in norm and all(c == " " or _MARKS_RE.fullmatch(c) or unicodedata.category(c).startswith("M")
                                   for c in norm):
                norm = norm.replace(" ", "")
            table[ch] = norm
    return table


def _escape(text):
    """A mapping rule's side: letters and digits as they are, anything else
    (spaces, marks, punctuation) as ``\\uXXXX``, which Lucene's mapping rules read."""
    return "".join(c if unicodedata.category(c)[0] in "LN" else f"\\u{ord(c):04X}" for c in text)


def mapping_rules(table):
    return [f"{_escape(k)} => {_escape(v)}" for k, v in sorted(table.items()) if v != ""]


def stopwords_folded():
    """Our stop words as the broad chain sees them after the char filters and
    the normalisation filters: ``archive.arabic.STOPWORDS`` (already folded)."""
    return sorted(arabic.STOPWORDS)


def stopwords_typed():
    return sorted(arabic.STOPWORDS_AS_TYPED)


def analysis():
    return {
        "char_filter": {
            "arabic_presentation_forms": {"type": "mapping", "mappings": mapping_rules(presentation_forms())},
            "arabic_marks": {"type": "pattern_replace", "pattern": MARKS_PATTERN, "replacement": ""},
            "arabic_letter_folds": {"type": "mapping", "mappings": mapping_rules(LETTER_FOLDS)},
        },
        "filter": {
            "arabic_stop_typed": {"type": "stop", "stopwords": stopwords_typed(), "ignore_case": False},
            "arabic_stop": {"type": "stop", "stopwords": stopwords_folded(), "ignore_case": False},
            "arabic_stem": {"type": "arabic_stem"},
        },
        "analyzer": {
            ANALYZER_BROAD: {
                "type": "custom",
                "char_filter": ["arabic_presentation_forms", "arabic_marks", "arabic_letter_folds"],
                "tokenizer": "standard",
                "filter": ["lowercase", "decimal_digit", "arabic_stop_typed", "arabic_normalization",
                           "persian_normalization", "arabic_stop", "arabic_stem"],
            },
            ANALYZER_EXACT: {
                "type": "custom",
                "char_filter": ["arabic_presentation_forms", "arabic_marks"],
                "tokenizer": "standard",
                "filter": ["lowercase"],
            },
        },
    }


def mappings():
    """One mapping per field of ``archive.search.backend.SCHEMA``.

    The article's text is in PostgreSQL: ``_source`` leaves out the four text
    fields (about two thirds of a document) and keeps the ids and facets, so
    the index holds postings, not a second copy of the archive. Reindex from
    the database (``rebuild_index``), never with ``_reindex``.
    """
    def text(analyzer):
        # Positions for phrase queries; norms for BM25's length normalisation.
        return {"type": "text", "analyzer": analyzer, "index_options": "positions"}

    facet = {"type": "keyword"}  # a list of slugs; filters and terms aggregations
    return {
        "dynamic": "strict",
        "_source": {"excludes": ["text", "title", "text_exact", "title_exact"]},
        "properties": {
            "id": {"type": "keyword"},
            "django_ct": {"type": "keyword"},
            "django_id": {"type": "keyword"},
            "text": text(ANALYZER_BROAD),
            "title": text(ANALYZER_BROAD),
            "text_exact": text(ANALYZER_EXACT),
            "title_exact": text(ANALYZER_EXACT),
            "location": facet,
            "force": facet,
            "speaker": facet,
            "source": facet,
            "year": facet,
            "month": facet,
            "day": facet,  # YYYY-MM-DD: a month of the timeline, by day
            "published": {"type": "date", "format": "strict_date_optional_time||yyyy-MM-dd"},
            "newest": {"type": "integer"},
            "oldest": {"type": "integer"},
            "updated": {"type": "keyword", "index": False},
        },
    }


def index_body(shards=3, replicas=1, refresh_interval="5s"):
    """The body of ``PUT /<index>`` for the article index.

    Defaults are the 10-million-article plan of the README: 3 primary shards
    (~10-20 GB each), 1 replica. ``refresh_interval`` 5 s: an imported article
    is searchable within seconds, and bulk imports are not refreshed per batch.
    """
    return {
        "settings": {
            "index": {
                "number_of_shards": shards,
                "number_of_replicas": replicas,
                "refresh_interval": refresh_interval,
                # page 50 of 20 is hit 1,000; deep paging past 10,000 is refused
                "max_result_window": 10000,
            },
            "analysis": analysis(),
        },
        "mappings": mappings(),
    }


def document(doc):
    """An index document of ``archive.search.indexing.document_for`` in
    OpenSearch's shape: facets as lists, the date as ISO text."""
    out = dict(doc)
    for name in ("location", "force", "speaker", "source", "year", "month", "day"):
        value = out.get(name) or ""
        out[name] = [v for v in value.split(",") if v] if isinstance(value, str) else list(value)
    if out.get("published") is not None:
        out["published"] = out["published"].date().isoformat()
    return out


def main(argv=None):
    """Write the index body as JSON (``docs/opensearch-index.json`` by default)."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description="The OpenSearch index body reproducing archive.arabic's analysis.")
    parser.add_argument("out", nargs="?", default=str(Path(__file__).resolve().parent.parent / "docs" / JSON_NAME))
    parser.add_argument("--shards", type=int, default=3)
    parser.add_argument("--replicas", type=int, default=1)
    options = parser.parse_args(argv)
    body = index_body(options.shards, options.replicas)
    Path(options.out).write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
