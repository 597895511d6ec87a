"""Property tests (issue point 4): the Arabic analysis, the query parser, the
query builder and the highlighter never raise, whatever text they get; and no
query string sent to the API or the search page answers 500.

Text is drawn from every Unicode category but surrogates (which no HTTP
request can carry: Django decodes the query string with errors="replace"),
weighted towards what matters here: Arabic letters and their presentation
forms, harakat, tatweel, bidi and zero-width controls, control characters,
quotes, the operators - * OR, Latin, digits and long pastes.
"""
import json
import string
from html import unescape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from archive import arabic
from archive.gazetteer import AliasIndex
from archive.search import highlight as hl
from archive.search import snippets
from archive.search.query import MAX_QUERY_CHARS, QueryBuilder, parse

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "fixtures" / "gazetteer.json"

# ---------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------

any_char = st.characters(blacklist_categories=("Cs",))
arabic_char = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),     # Arabic
    st.characters(min_codepoint=0x0750, max_codepoint=0x077F),     # Arabic supplement
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),     # presentation forms A
    st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),     # presentation forms B
    st.sampled_from("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"),  # harakat, tatweel
)
special_char = st.sampled_from(
    list('"“”«»„‟-*() \t\n\r\x00\x01\x1b\x7f\u00a0\u200b\u200c\u200d\u200e\u200f\u061c'
         "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad\u2028\u2029_،؛؟.,:;!?")
)
latin_char = st.sampled_from(string.ascii_letters + string.digits + "'")
mixed_char = st.one_of(arabic_char, arabic_char, special_char, latin_char, any_char)

SEED_WORDS = ["داعش", "كاكينز", "كاگينز", "البيشمركة", "الپێشمهرگة", "الموصل", "بالموصل",
              "كركوك", "ديالى", "الحشد", "الشعبي", "قرجوغ", "قره", "جوغ", "Caggins", "ISIS",
              "في", "على", "و", "ال", "أ", "ة", "ـ"]
OPERATORS = ["OR", "or", "-", "*", '"', "«", "»", "(", ")", "AND", "NOT", "--", "**", '""']

word = st.one_of(st.sampled_from(SEED_WORDS), st.text(mixed_char, min_size=1, max_size=12))
query_piece = st.one_of(
    word,
    st.sampled_from(OPERATORS),
    st.builds(lambda w: "-" + w, word),
    st.builds(lambda w: w + "*", word),
    st.builds(lambda ws: '"' + " ".join(ws) + '"', st.lists(word, max_size=4)),
    st.builds(lambda ws: '"' + " ".join(ws), st.lists(word, max_size=4)),   # unclosed
)
query_text = st.one_of(
    st.lists(query_piece, max_size=12).map(" ".join),
    st.lists(query_piece, max_size=8).map("".join),
    st.text(mixed_char, max_size=200),
    st.text(any_char, max_size=200),
)
huge_text = st.builds(lambda s, n: (s * n)[:20000], st.text(mixed_char, min_size=1, max_size=40),
                      st.integers(min_value=50, max_value=2000))
any_text = st.one_of(query_text, query_text, huge_text)

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def aliases():
    entries = []
    for obj in json.loads(GAZETTEER.read_text(encoding="utf-8")):
        f = obj["fields"]
        entries.append((obj["model"].split(".")[1], obj["pk"],
                        [f["name"], f.get("name_en", ""), *f.get("aliases", [])]))
    return AliasIndex(entries)


@pytest.fixture(scope="module")
def ram_searcher():
    """A tiny in-memory index with the archive's schema, to run built queries
    (through the Whoosh store's view of it)."""
    from whoosh.filedb.filestore import RamStorage

    from archive.search.backend import SCHEMA
    from archive.search.stores.whoosh.view import WhooshView

    ix = RamStorage().create_index(SCHEMA)
    writer = ix.writer()
    for i, (title, body) in enumerate([
        ("مايلز كاگينز لـ KDP", "قال داعش في العراق وقوات الپێشمهرگة في جبل قرجوغ"),
        ("التحالف الدولي", "أكد المتحدث باسم التحالف، العقيد مايلز كيغنز، أن داعش بالموصل"),
        ("Caggins", "ISIS, the crisis; دَاعِـش ﺩﺍﻋﺶ ٢٠١٤ 2014"),
    ]):
        writer.add_document(id=str(i), django_id=str(i), text=f"{title}\n{body}", title=title,
                            text_exact=f"{title}\n{body}", title_exact=title, newest=i)
    writer.commit()
    with ix.searcher() as searcher:
        yield WhooshView(searcher)


# ---------------------------------------------------------------------------
# The analysis module
# ---------------------------------------------------------------------------

@FAST
@given(any_text)
def test_analysis_functions_never_raise(text):
    stripped = arabic.strip_marks(text)
    folded = arabic.fold(text)
    assert isinstance(stripped, str) and isinstance(folded, str)
    assert arabic.fold(folded) == folded
    for token in arabic.tokenize(text):
        assert text[token.start:token.end] == token.text
        arabic.stem(arabic.fold(token.text))
        arabic.exact_term(token.text)
        arabic.broad_term(token.text)
        arabic.is_stopword(arabic.fold(token.text), arabic.strip_marks(token.text))
    assert all(t for t in arabic.broad_terms(text))
    assert all(t for t in arabic.exact_terms(text))
    arabic.stem(text)


@FAST
@given(any_text, st.sampled_from(["index", "query", ""]), st.booleans())
def test_whoosh_analyzers_never_raise(text, mode, removestops):
    for analyzer in (arabic.BroadAnalyzer(), arabic.ExactAnalyzer()):
        for t in analyzer(text, positions=True, chars=True, mode=mode, removestops=removestops):
            assert 0 <= t.startchar <= t.endchar <= len(text)
            assert t.text
        list(analyzer(text, tokenize=False))


def test_analysis_takes_anything_not_only_str():
    for value in (None, b"\xff\xfe\xd8\xaf", bytearray(b"abc"), 12, 3.5, object()):
        arabic.fold(value)
        arabic.strip_marks(value)
        arabic.tokenize(value)
        arabic.broad_terms(value)
        arabic.exact_terms(value)
        parse(value)


# ---------------------------------------------------------------------------
# The parser and the builder
# ---------------------------------------------------------------------------

@FAST
@given(any_text)
def test_parse_never_raises_and_stays_bounded(text):
    parsed = parse(text)
    assert all(isinstance(n, str) and n for n in parsed.notices)
    atoms = [a for c in parsed.clauses for a in c.alternatives]
    assert len(atoms) <= 40
    assert all(a.text and len(a.text) <= MAX_QUERY_CHARS for a in atoms)
    assert all(c.alternatives for c in parsed.clauses)


@FAST
@given(any_text, st.sampled_from(["broad", "exact", "nonsense"]), st.booleans())
def test_build_never_raises_and_its_query_runs(aliases, ram_searcher, text, mode, expand):
    builder = QueryBuilder(mode, expand, aliases, ram_searcher.vocabulary())
    query = builder.build(parse(text))
    assert all(isinstance(n, str) for n in builder.notices)
    if query is not None:
        str(query)
        hash(query)  # the search cache may key on it
        page = ram_searcher.search(query, "relevance", 0, 5)
        for pk in page.ids:
            hl.highlight(str(pk), builder.highlight)


@FAST
@given(any_text, any_text, st.booleans())
def test_highlight_and_snippet_never_raise_and_keep_the_text(aliases, query, text, expand):
    from archive.search.indexing import current_reader

    builder = QueryBuilder("broad", expand, aliases, current_reader())
    builder.build(parse(query))
    html = str(hl.highlight(text, builder.highlight))
    assert "<" not in html.replace("<mark>", "").replace("</mark>", "")
    assert unescape(html.replace("<mark>", "").replace("</mark>", "")) == text
    snippet = str(snippets.snippet(text, builder.highlight))
    inner = unescape(snippet.replace("<mark>", "").replace("</mark>", ""))
    inner = inner.removeprefix("… ").removesuffix(" …")
    if inner:
        assert inner in " ".join(text.split()) or inner == " ".join(text.split())[:300]


# ---------------------------------------------------------------------------
# Through the API and the page
# ---------------------------------------------------------------------------

params_strategy = st.fixed_dictionaries(
    {"q": query_text},
    optional={
        "mode": st.sampled_from(["broad", "exact"]),
        "sort": st.sampled_from(["relevance", "newest", "oldest"]),
        "page": st.sampled_from(["1", "2"]),
        "page_size": st.sampled_from(["1", "5", "100"]),
        "expand": st.sampled_from(["0", "1"]),
    },
)


@pytest.mark.django_db
def test_random_queries_never_answer_500(client, seeded):
    """A few hundred random query strings through the API and the search page:
    200 with results or notices, or 400 with a message, never 500 (the test
    client re-raises what would be a 500)."""

    @settings(max_examples=250, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(params_strategy, st.booleans())
    def check(params, page):
        if page:
            response = client.get("/search/", params)
            # 302: page 2 of a one-page result goes to the last page.
            assert response.status_code in (200, 302, 400)
            if response.status_code == 302:
                assert response["Location"].startswith("/search/")
        else:
            response = client.get("/api/articles/", params)
            assert response.status_code in (200, 400)
            data = response.json()
            if response.status_code == 200:
                assert isinstance(data["count"], int)
                for result in data["results"]:
                    snippet = result["snippet"].replace("<mark>", "").replace("</mark>", "")
                    assert "<" not in snippet
            else:
                assert data["error"]

    check()
