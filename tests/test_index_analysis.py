"""The Tantivy store analyses each text in Python and hands it over
pre-tokenized (issue 13, point 6: analysis once per word, remembered, is most
of the indexer's time saved). Its terms and positions must be exactly the
Whoosh analyzers' (the same words found by both engines, the same phrases),
and the import worker's content hash and signature, which fold the body once
for both, exactly what ``content_hash`` and ``signature`` give on their own.
"""
from hypothesis import given, settings, strategies as st

from archive import arabic
from archive.ingest.pipeline import analyse, content_hash
from archive.near_duplicates import signature
from archive.search.stores.tantivy.index import analyse as index_analyse

PIECES = [
    "الموصل", "بالموصل", "والموصل", "المَوصِل", "الموصـــل", "في", "من", "و", "على", "إلى", "أن",
    "مليار", "دولارات", "العراق", "پێشمه\u200cرگه", "داعش", "2017", "٢٠١٧", "ISIS", "Straße",
    "_", "-", "،", ".", "«", "»", "\u0651", "\u0654", "\u200c", "ـ", "ﻻ", " ", " ", " ", "\n", "\t",
]
texts = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def whoosh_tokens(analyzer, text):
    return [(t.text, t.pos, t.startchar, t.endchar) for t in analyzer(text, positions=True, chars=True)]


def tantivy_tokens(tokens):
    return [(t.text, t.position, t.char_offset_from, t.char_offset_to) for t in tokens]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_tantivy_analysis_is_the_whoosh_analyzers(text):
    broad, exact = index_analyse(text)
    assert tantivy_tokens(broad) == whoosh_tokens(arabic.BroadAnalyzer(), text)
    assert tantivy_tokens(exact) == whoosh_tokens(arabic.ExactAnalyzer(), text)


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_the_workers_hash_and_signature_are_the_articles(title, body):
    found = analyse(title, body, empty_gazetteer(), sign=True)
    assert found.content_hash == content_hash(title, body)
    assert found.minhash == signature(body)


def empty_gazetteer():
    """An alias index with no names: tagging finds nothing, the rest is the same."""
    from archive.gazetteer import AliasIndex

    return AliasIndex([])
