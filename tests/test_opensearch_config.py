"""The OpenSearch index settings reproduce archive.arabic's analysis.

No OpenSearch server can run here, so these tests check the generated body:
each char filter rule against ``archive.arabic.fold``, the filter chains, the
stop lists, one mapping per schema field, and, as the strongest check
available without a server, the broad chain simulated in Python (char
filters, Lucene's normalisers as documented, our stop words, Lucene's stemmer)
giving the terms ``archive.arabic.broad_terms`` gives.
"""
import json
import os
from pathlib import Path
import re
import subprocess
import sys

import pytest

from archive import arabic
from archive.search import opensearch as osx
from archive.search.backend import SCHEMA

ROOT = Path(__file__).resolve().parent.parent
KURDISH_AND_PERSIAN = "گپچژڤێیےەھۀہڕڵۆؤئکٱ"
DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"


def parse_rules(rules):
    """Lucene mapping rules ("a => b", \\uXXXX escapes) as a dict."""
    table = {}
    for rule in rules:
        left, right = re.fullmatch(r"(.+?)\s*=>\s*(.*)", rule).groups()
        unescape = lambda s: re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m[1], 16)), s)  # noqa: E731
        table[unescape(left.strip())] = unescape(right.strip())
    return table


def apply_mapping(text, table):
    """Lucene's MappingCharFilter: longest match first, left to right."""
    if all(len(k) == 1 for k in table):
        return text.translate({ord(k): v for k, v in table.items()})
    keys = sorted(table, key=len, reverse=True)
    out, i = [], 0
    while i < len(text):
        for key in keys:
            if text.startswith(key, i):
                out.append(table[key])
                i += len(key)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


@pytest.fixture(scope="module")
def body():
    return osx.index_body()


@pytest.fixture(scope="module")
def analysis(body):
    return body["settings"]["analysis"]


def char_filters(analysis, analyzer):
    return [analysis["char_filter"][name] for name in analysis["analyzer"][analyzer]["char_filter"]]


_PARSED = {}


def run_char_filters(analysis, analyzer, text):
    for spec in char_filters(analysis, analyzer):
        if spec["type"] == "mapping":
            key = tuple(spec["mappings"])
            if key not in _PARSED:
                _PARSED[key] = parse_rules(spec["mappings"])
            text = apply_mapping(text, _PARSED[key])
        else:
            # Java's \uXXXX escapes mean the same in Python's re.
            text = re.sub(spec["pattern"], spec["replacement"], text)
    return text


# Lucene's ArabicNormalizer and PersianNormalizer, as their sources define them.
LUCENE_ARABIC_NORMALIZER = {"آ": "ا", "أ": "ا", "إ": "ا", "ى": "ي", "ة": "ه",
                            **{c: "" for c in "\u0640\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652"}}
LUCENE_PERSIAN_NORMALIZER = {"ی": "ي", "ے": "ي", "ک": "ك", "ۀ": "ه", "ہ": "ه", "\u0654": ""}


def simulate_broad(analysis, text):
    """The arabic_broad analyzer, filter by filter (our tokenizer stands in
    for ``standard``: they agree on Arabic words)."""
    text = run_char_filters(analysis, osx.ANALYZER_BROAD, text)
    filters = analysis["filter"]
    terms = []
    for token in arabic.tokenize(text):
        term = token.text
        keep = True
        for name in analysis["analyzer"][osx.ANALYZER_BROAD]["filter"]:
            if name == "lowercase":
                term = term.lower()
            elif name == "decimal_digit":
                term = "".join(str(int(c)) if c.isdigit() else c for c in term)
            elif name == "arabic_normalization":
                term = "".join(LUCENE_ARABIC_NORMALIZER.get(c, c) for c in term)
            elif name == "persian_normalization":
                term = "".join(LUCENE_PERSIAN_NORMALIZER.get(c, c) for c in term)
            elif name == "arabic_stem":
                term = arabic.stem(term)   # Lucene's ArabicStemmer, rule for rule
            elif filters[name]["type"] == "stop":
                if term in filters[name]["stopwords"]:
                    keep = False
                    break
            else:
                raise AssertionError(f"unsimulated filter {name}")
        if keep and term:
            terms.append(term)
    return terms


# ---------------------------------------------------------------------------


def test_body_is_json_and_has_shards_and_replicas(body):
    assert json.loads(json.dumps(body, ensure_ascii=False)) == body
    index = body["settings"]["index"]
    assert index["number_of_shards"] == 3 and index["number_of_replicas"] == 1
    assert osx.index_body(shards=6, replicas=2)["settings"]["index"]["number_of_shards"] == 6


def test_every_kurdish_and_persian_letter_and_digit_is_folded(analysis):
    table = parse_rules(analysis["char_filter"]["arabic_letter_folds"]["mappings"])
    for letter in KURDISH_AND_PERSIAN + DIGITS:
        assert letter in table, f"{letter} (U+{ord(letter):04X}) is not mapped"
    assert table["گ"] == "ك" and table["ڤ"] == "ف" and table["ێ"] == "ي" and table["ە"] == "ه"
    assert table["٢"] == "2" and table["۹"] == "9"


def test_each_char_filter_rule_agrees_with_fold(analysis):
    table = parse_rules(analysis["char_filter"]["arabic_letter_folds"]["mappings"])
    assert len(table) >= 45
    for source, target in table.items():
        assert arabic.fold(source) == target, f"{source} -> {target}, fold says {arabic.fold(source)}"
    for source, target in osx.FOLDED_LATER.items():
        assert source not in table
        assert arabic.fold(source) == target


def test_fold_has_no_fold_the_settings_lack(analysis):
    """Every character of the Arabic blocks (presentation forms included): the
    char filters, then what the token filters fold (ى), give fold()'s result."""
    blocks = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]
    for first, last in blocks:
        for cp in range(first, last + 1):
            ch = chr(cp)
            simulated = run_char_filters(analysis, osx.ANALYZER_BROAD, ch)
            simulated = "".join(osx.FOLDED_LATER.get(c, c) for c in simulated)
            assert simulated == arabic.fold(ch), f"U+{cp:04X}: settings give {simulated!r}, fold {arabic.fold(ch)!r}"


def test_marks_pattern_removes_exactly_what_strip_marks_removes():
    pattern = re.compile(osx.MARKS_PATTERN)
    presentation = osx.presentation_forms()
    for cp in list(range(0x0000, 0x3000)) + list(range(0xFB00, 0x10000)):
        ch = chr(cp)
        if ch in presentation or 0xD800 <= cp <= 0xDFFF:
            continue
        removed = arabic.strip_marks(ch) == ""
        assert bool(pattern.fullmatch(ch)) == removed, f"U+{cp:04X}"


def test_exact_chain_marks_only(analysis):
    exact = analysis["analyzer"][osx.ANALYZER_EXACT]
    assert exact["char_filter"] == ["arabic_presentation_forms", "arabic_marks"]
    assert exact["filter"] == ["lowercase"]
    for word in ("أحمد", "مدرسة", "مستشفى", "الپێشمهرگة", "٢٠١٤"):
        assert run_char_filters(analysis, osx.ANALYZER_EXACT, word) == word
    assert run_char_filters(analysis, osx.ANALYZER_EXACT, "المُفاوَضـــات") == arabic.strip_marks("المُفاوَضـــات")
    assert run_char_filters(analysis, osx.ANALYZER_EXACT, "ﻻ") == "لا"


def test_broad_chain_order_stop_words_and_stemmer(analysis):
    chain = analysis["analyzer"][osx.ANALYZER_BROAD]["filter"]
    assert "arabic_stem" in chain and chain[-1] == "arabic_stem"
    assert chain.index("arabic_stop_typed") < chain.index("arabic_normalization") < chain.index("arabic_stop")
    assert chain.index("arabic_stop") < chain.index("arabic_stem")
    assert {"lowercase", "decimal_digit", "persian_normalization"} <= set(chain)
    filters = analysis["filter"]
    assert filters["arabic_stem"] == {"type": "arabic_stem"}
    assert set(filters["arabic_stop"]["stopwords"]) == set(arabic.STOPWORDS)
    assert set(filters["arabic_stop_typed"]["stopwords"]) == set(arabic.STOPWORDS_AS_TYPED)
    for word in ("في", "الي", "هذا", "الذي"):
        assert word in filters["arabic_stop"]["stopwords"]


def test_simulated_broad_chain_gives_broad_terms(analysis):
    texts = [
        "قالَ علي السيستاني على الطريق إلى أربيل في ٢٠١٤ والبيشمركة",
        "الپێشمهرگة البيشمركة بيشمركه ھولێر هولير كاگينز كاكينز",
        "وعلى المستشفى بالصبر والمدرسة مسؤول مسئول هيئة ﻻ يوجد",
        "المُفاوَضـــات في كوردستان وسورية ۲۰۱۸",
    ]
    gazetteer = json.loads((ROOT / "fixtures" / "gazetteer.json").read_text(encoding="utf-8"))
    for row in gazetteer:
        fields = row["fields"]
        texts.extend(n for n in [fields.get("name"), *(fields.get("aliases") or [])] if n)
    for text in texts:
        assert simulate_broad(analysis, text) == lucene_broad_terms(text), text


def lucene_broad_terms(text):
    """archive.arabic.broad_terms with Lucene's stemmer in place of broad_stem,
    which consults word counts OpenSearch does not have (the documented
    difference)."""
    terms = []
    for token in arabic.tokenize(text):
        typed = arabic.strip_marks(token.text)
        folded = arabic.fold(typed)
        if not folded or arabic.is_stopword(folded, typed):
            continue
        stemmed = arabic.stem(folded)
        terms.append(stemmed if len(stemmed) >= 2 else folded)
    return terms


def test_every_schema_field_has_a_mapping(body):
    properties = body["mappings"]["properties"]
    assert set(SCHEMA.names()) <= set(properties)
    for name in ("text", "title"):
        assert properties[name]["analyzer"] == osx.ANALYZER_BROAD
    for name in ("text_exact", "title_exact"):
        assert properties[name]["analyzer"] == osx.ANALYZER_EXACT
    for name in ("location", "force", "speaker", "source", "year", "month"):
        assert properties[name]["type"] == "keyword"
    assert properties["published"]["type"] == "date"
    assert properties["newest"]["type"] == properties["oldest"]["type"] == "integer"
    assert body["mappings"]["dynamic"] == "strict"
    assert "title^3" in osx.QUERY_FIELDS_BROAD


def test_document_has_lists_of_facets():
    from datetime import datetime

    doc = osx.document({"id": "archive.article.1", "location": "mosul,nineveh,iraq", "force": "",
                        "speaker": "x", "source": "rudaw", "year": "2017", "month": "2017-07",
                        "published": datetime(2017, 7, 10), "newest": 20170710})
    assert doc["location"] == ["mosul", "nineveh", "iraq"] and doc["force"] == []
    assert doc["published"] == "2017-07-10"


def test_settings_select_the_opensearch_engine():
    """SEARCH_BACKEND=opensearch wires haystack to our engine; building the
    backend does not contact the server."""
    pytest.importorskip("django_haystack_opensearch")
    code = (
        "import django; django.setup();"
        "from haystack import connections; from archive.search import opensearch as o;"
        "b = connections['default'].get_backend();"
        "assert type(b).__name__ == 'ArabicOpenSearchBackend', type(b);"
        "assert b.DEFAULT_SETTINGS == o.index_body(2, 0);"
        "assert b.build_schema({})[1] == o.mappings()['properties'];"
        "assert b.index_name == 'bench-test'; print('ok')"
    )
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="archive.settings", DEBUG="1", SEARCH_BACKEND="opensearch",
               OPENSEARCH_URL="http://127.0.0.1:9", OPENSEARCH_INDEX="bench-test",
               OPENSEARCH_SHARDS="2", OPENSEARCH_REPLICAS="0")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-2000:]
