"""Fuzzing (issue "Hardening", point 4): whatever a reader or an uploader sends,
the answer is a clear 4xx message or a clean rejection — never a 500, never a
traceback, never half an article in the database.

Three surfaces, each fuzzed with Hypothesis:

1. **Search parameters** (``archive.search.params``) sent to the JSON API, the
   search page, the CSV export, the Atom feed and the article page: known and
   unknown names, repeated names, Arabic, controls, NUL, huge values, numbers
   and dates in odd forms, broken percent-escapes. The answer is 200 or 400;
   the API's 400 is ``{"error": "<message>"}``; the feed is well-formed XML.
2. **The query language** (``archive.search.query``): text built from its own
   pieces — quotes, ``-``, ``OR``, ``*``, parentheses, Arabic words with
   harakat and tatweel, digits — against the seeded, indexed archive.
3. **The upload pipeline** (``archive.ingest.pipeline``): random bytes under
   every accepted extension, truncated and corrupted zips, zips with hostile
   member names, broken Word files, invalid UTF-8 / UTF-16, huge lines, deep
   HTML, JSON lines of every shape. ``read`` gives drafts or ``Failure``s with
   an Arabic reason (never its "unexpected error" catch-all), ``prepare`` a
   draft or an ``IngestError``, ``save`` an article or an ``IngestError`` with
   nothing left behind; and the admin upload at
   ``/admin/archive/article/upload/`` takes the same files end to end.

The test client re-raises any exception a view lets through (what a server
answers with 500), so "never 500" is checked by every request made here.

Budget: ``EXAMPLES`` holds each test's ``max_examples``;
``test_fuzzing_budget_is_at_least_1000_cases`` checks that the sum is at least
1,000 and that each test really runs with its share. ``FUZZ_SCALE=10`` in the
environment multiplies every share, for a longer hunt than the suite's.
"""
import codecs
import gzip
import io
import json
import os
import re
import string
from pathlib import Path
from urllib.parse import quote, quote_from_bytes
from xml.etree import ElementTree
import zipfile

import pytest
from django.contrib.auth.models import User
from hypothesis import HealthCheck, event, example, given, settings, strategies as st

from archive.ingest import pipeline
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft, Failure, IngestError
from archive.models import Article
from tests.conftest import seed
from tests.word_files import word_file

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = json.loads((ROOT / "fixtures" / "gazetteer.json").read_text(encoding="utf-8"))
SEED_FILES = {p.name: p.read_bytes() for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))}

# ---------------------------------------------------------------------------
# The budget: max_examples of every fuzz test (sum >= 1,000)
# ---------------------------------------------------------------------------

EXAMPLES = {
    "test_api_parameters_answer_200_or_a_json_400": 250,
    "test_pages_and_exports_answer_200_or_400": 150,
    "test_query_language_never_answers_500": 200,
    "test_random_bytes_are_read_or_refused": 250,
    "test_zips_truncated_corrupted_or_hostile_are_read_or_refused": 150,
    "test_word_files_broken_or_odd_are_read_or_refused": 60,
    "test_html_deep_broken_or_odd_is_read_or_refused": 100,
    "test_text_huge_lines_and_odd_encodings_are_read_or_refused": 80,
    "test_json_lines_of_every_shape_are_read_or_refused": 100,
    "test_save_is_all_or_nothing": 40,
    "test_admin_upload_never_answers_500_nor_saves_half": 40,
}
TOTAL_EXAMPLES = sum(EXAMPLES.values())
SCALE = float(os.environ.get("FUZZ_SCALE", "1"))


def budget(name):
    return max(1, round(EXAMPLES[name] * SCALE))


def fuzz(name):
    """The test's settings: its budget, no deadline (a request may be slow on a busy machine)."""
    return settings(
        max_examples=budget(name),
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
            HealthCheck.data_too_large, HealthCheck.large_base_example,
        ],
    )


# ---------------------------------------------------------------------------
# Characters and words
# ---------------------------------------------------------------------------

any_char = st.characters(blacklist_categories=("Cs",))  # no request can carry a lone surrogate
arabic_char = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
    st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFC),
)
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
TATWEEL = "\u0640"
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x85\u200b\u200c\u200d\u200e\u200f\u061c" \
           "\u202a\u202b\u202e\u2066\u2069\ufeff\u00ad\u2028\u2029\ufffe\uffff\ufffd"
control_char = st.sampled_from(CONTROLS)
odd_char = st.one_of(arabic_char, control_char, st.sampled_from(string.printable), any_char)

GAZETTEER_WORDS = sorted({
    word for obj in GAZETTEER for name in [obj["fields"]["name"], *obj["fields"].get("aliases", [])]
    for word in name.split()
})
SEED_WORDS = sorted({w for data in SEED_FILES.values() for w in data.decode("utf-8").split()})
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"


def _marked(word, marks, tatweels):
    """A word with harakat and tatweel strewn over it."""
    out = []
    for i, c in enumerate(word):
        out.append(c)
        if i < len(marks) and marks[i]:
            out.append(marks[i])
        if i < len(tatweels) and tatweels[i]:
            out.append(TATWEEL * tatweels[i])
    return "".join(out)


plain_word = st.sampled_from(GAZETTEER_WORDS + SEED_WORDS[:300])
arabic_word = st.one_of(
    plain_word,
    st.builds(_marked, plain_word, st.lists(st.sampled_from(["", *HARAKAT]), max_size=8),
              st.lists(st.integers(0, 3), max_size=8)),
    st.text(arabic_char, min_size=1, max_size=10),
)
number_word = st.one_of(
    st.integers(-10**6, 10**12).map(str),
    st.integers(0, 10**6).map(lambda n: str(n).translate(str.maketrans("0123456789", ARABIC_DIGITS))),
)
odd_text = st.text(odd_char, max_size=60)
# What a page or a document usually holds: Arabic, Latin, digits, punctuation; no controls.
plain_text = st.text(st.one_of(arabic_char, st.sampled_from(string.ascii_letters + string.digits + " .,:;-_/'()")),
                     max_size=60)


def _repeat(piece, n):
    return (piece * n)[: 200_000]


huge_text = st.builds(_repeat, st.text(odd_char, min_size=1, max_size=8), st.integers(1_000, 30_000))

# ---------------------------------------------------------------------------
# 1. Search parameters
# ---------------------------------------------------------------------------

SLUGS = {model: [o["fields"]["slug"] for o in GAZETTEER if o["model"] == f"archive.{model}"]
         for model in ("place", "force", "speaker", "outlet")}
ALL_SLUGS = [s for slugs in SLUGS.values() for s in slugs]
FILTER_SLUGS = {"location": SLUGS["place"], "force": SLUGS["force"],
                "speaker": SLUGS["speaker"], "source": SLUGS["outlet"]}
KNOWN_PARAMETERS = ["q", "mode", "sort", "page", "page_size", "expand", "date_from", "date_to",
                    *FILTER_SLUGS]
UNKNOWN_PARAMETERS = ["", "Q", "q[]", "page[]", "format", "callback", "limit", "offset", "lang",
                      "csrfmiddlewaretoken", "__proto__", "q\x00", "مكان", "date", "location[]"]

odd_dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from([
        "2020-02-30", "2019-02-29", "2020-13-01", "2020-00-10", "0000-01-01", "0001-01-01",
        "9999-12-31", "10000-01-01", "-2020-01-01", "+2020-01-01", "20200101", "2020-W01",
        "2020-W01-1", "2020-001", "2020-01", "2020", "2020/01/01", "01-01-2020", "2020-01-01T00:00",
        "2020-01-01T25:00", "2020-01-01 00:00:00+03:00", "٢٠٢٠-٠١-٠١", "۲۰۲۰-۰۱-۰۱", "2020-1-1",
        " 2020-01-01 ", "2020-01-01\x00", "yesterday", "أمس", "1 كانون الثاني 2020", "NaN",
    ]),
    odd_text,
)
odd_numbers = st.one_of(
    st.integers(-10**30, 10**30).map(str),
    st.sampled_from(["0", "1", "-1", "+1", " 2 ", "1.0", "1e3", "0x10", "1_000", "١", "٢٠", "۳",
                     "∞", "NaN", "00000000000000000001", "9" * 5000, "1" + "0" * 4400, "\x001"]),
    odd_text,
)
choices = st.sampled_from(["broad", "exact", "relevance", "newest", "oldest", "0", "1", "false",
                           "off", "true", "on", "BROAD", " exact ", "exact\x00", ""])
slug_values = st.one_of(st.sampled_from(ALL_SLUGS), st.sampled_from(ALL_SLUGS).map(str.upper),
                        st.sampled_from(ALL_SLUGS).map(lambda s: s + "\x00"), odd_text)
any_value = st.one_of(odd_text, arabic_word, number_word, odd_numbers, odd_dates, choices,
                      slug_values, huge_text)


@st.composite
def parameter_pair(draw):
    name = draw(st.one_of(st.sampled_from(KNOWN_PARAMETERS), st.sampled_from(UNKNOWN_PARAMETERS),
                          st.text(odd_char, max_size=10)))
    if name in FILTER_SLUGS:
        value = draw(st.one_of(st.sampled_from(FILTER_SLUGS[name]), slug_values))
    elif name in ("date_from", "date_to"):
        value = draw(odd_dates)
    elif name in ("page", "page_size"):
        value = draw(odd_numbers)
    elif name in ("mode", "sort", "expand"):
        value = draw(st.one_of(choices, odd_text))
    else:
        value = draw(any_value)
    return name, value


def _encode(pairs):
    return "&".join(f"{quote(n, safe='')}={quote(v, safe='')}" for n, v in pairs)


query_strings = st.one_of(
    st.lists(parameter_pair(), max_size=12).map(_encode),
    # Repeated names: the same parameter several times, with clashing values.
    st.builds(lambda name, values: _encode([(name, v) for v in values]),
              st.sampled_from(KNOWN_PARAMETERS), st.lists(any_value, min_size=2, max_size=30)),
    # Bytes that are not UTF-8, broken escapes, separators in odd places.
    st.builds(lambda name, raw: f"{name}={quote_from_bytes(raw)}",
              st.sampled_from(KNOWN_PARAMETERS), st.binary(max_size=40)),
    st.text(st.sampled_from("%&=;+?#qpage_0123456789abcdefxyz\u0627"), max_size=40),
)
TOO_MANY_FIELDS = "&".join(f"location=x{i}" for i in range(1100))
TOO_MANY_FILTERS = "&".join(f"force={slug}" for slug in SLUGS["force"][:21])


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    """Hundreds of searches from one address: the rate limit is not what is tested here."""
    settings.SEARCH_RATE_LIMIT = "0"


def content_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_answered(response, content):
    """200, a 400 that says what is wrong, or the search page sending a page past the
    last to the last one; never a traceback."""
    event(f"status {response.status_code}")
    if response.status_code == 302:
        assert response["Location"].startswith("/search/")
        return
    assert response.status_code in (200, 400), response.status_code
    assert b"Traceback" not in content
    if response.status_code == 400:
        assert content.strip()


@pytest.mark.django_db
@fuzz("test_api_parameters_answer_200_or_a_json_400")
@given(query=query_strings)
@example(query=TOO_MANY_FIELDS)
@example(query=TOO_MANY_FILTERS)
@example(query="page=100000&page_size=100&date_from=0001-01-01&date_to=9999-12-31")
@example(query="q=%00&location=ninawa%00&sort=%ff")
def test_api_parameters_answer_200_or_a_json_400(client, seeded, query):
    response = client.get("/api/articles/?" + query)
    content = content_of(response)
    assert_answered(response, content)
    assert response["Content-Type"] == "application/json"
    data = json.loads(content)
    if response.status_code == 400:
        assert set(data) == {"error", "code"} and data["code"] == "bad_parameter"
        assert isinstance(data["error"], str) and data["error"].strip()
    else:
        assert isinstance(data["count"], int) and data["count"] >= 0
        assert len(data["results"]) <= data["page_size"]


PAGES = ["/search/", "/search/export.csv", "/search/feed.atom", "article",
         "/search/export.jsonl", "/search/cite.ris", "/search/cite.bib", "/oai"]


@pytest.mark.django_db
@fuzz("test_pages_and_exports_answer_200_or_400")
@given(page=st.sampled_from(PAGES), query=query_strings)
@example(page="/search/feed.atom", query="q=%01%0b%ef%bf%be")
@example(page="/search/", query=TOO_MANY_FIELDS)
@example(page="/search/export.csv", query=TOO_MANY_FIELDS)
@example(page="/search/feed.atom", query=TOO_MANY_FIELDS)
def test_pages_and_exports_answer_200_or_400(client, seeded, page, query):
    path = f"/articles/{seed('004').pk}/" if page == "article" else page
    response = client.get(path + "?" + query)
    content = content_of(response)
    assert_answered(response, content)
    if page == "article":
        assert response.status_code == 200  # a bad parameter only loses the highlighting
    if page == "/search/feed.atom" and response.status_code == 200:
        ElementTree.fromstring(content)  # well-formed XML, whatever the query held
    if page == "/oai":
        assert response.status_code == 200  # OAI-PMH answers its errors in its own XML
        ElementTree.fromstring(content)
    if page == "/search/export.jsonl" and response.status_code == 200:
        [json.loads(line) for line in content.decode("utf-8").splitlines()]
    if page == "/search/export.csv" and response.status_code == 200:
        assert content.startswith(codecs.BOM_UTF8)
        content.decode("utf-8")


# ---------------------------------------------------------------------------
# 2. The query language
# ---------------------------------------------------------------------------

QUOTES = ['"', "“", "”", "«", "»", "„"]
query_piece = st.one_of(
    arabic_word, arabic_word, arabic_word,
    number_word,
    st.sampled_from(["OR", "or", "AND", "NOT", "-", "--", "*", "**", "(", ")", "()", "OR OR", "-*", "*-",
                     *QUOTES, TATWEEL, "ال", "و", "ـ", "ISIS", "Caggins", "?", "~", "^2", ":", "title:"]),
    st.builds(lambda w: "-" + w, arabic_word),
    st.builds(lambda w: w + "*", arabic_word),
    st.builds(lambda w: w[:1] + "*", arabic_word),
    st.builds(lambda w: "(" + w + ")", arabic_word),
    st.builds(lambda q, ws: q + " ".join(ws) + q, st.sampled_from(QUOTES), st.lists(arabic_word, max_size=5)),
    st.builds(lambda q, ws: "-" + q + " ".join(ws), st.sampled_from(QUOTES), st.lists(arabic_word, max_size=5)),
    st.builds(lambda a, b: f"{a} OR {b}", arabic_word, arabic_word),
    st.text(control_char, min_size=1, max_size=3),
)
query_texts = st.one_of(
    st.lists(query_piece, max_size=14).map(" ".join),
    st.lists(query_piece, max_size=10).map("".join),
    st.builds(lambda ps, n: " ".join(ps) * n, st.lists(query_piece, min_size=1, max_size=4),
              st.integers(20, 400)),  # a long paste
)
search_options = st.fixed_dictionaries({}, optional={
    "mode": st.sampled_from(["broad", "exact"]),
    "expand": st.sampled_from(["0", "1"]),
    "sort": st.sampled_from(["relevance", "newest", "oldest"]),
    "page": st.sampled_from(["1", "2", "50"]),
    "page_size": st.sampled_from(["1", "7", "100"]),
    "location": st.sampled_from(SLUGS["place"]),
    "date_from": st.sampled_from(["2015-01-01", "2021-05-22"]),
})


@pytest.mark.django_db
@fuzz("test_query_language_never_answers_500")
@given(q=query_texts, options=search_options,
       page=st.sampled_from(["/api/articles/", "/api/articles/", "/search/", "/search/export.csv"]))
@example(q='"داعش OR -"الموصل*  (كركوك OR) --* «» OR', options={"mode": "exact"}, page="/search/")
@example(q="دَاعِـــشٌ* OR ٢٠١٤ -\"قوات\u0000 البيشمركة", options={}, page="/api/articles/")
def test_query_language_never_answers_500(client, seeded, q, options, page):
    response = client.get(page, {"q": q, **options})
    content = content_of(response)
    assert_answered(response, content)
    if page == "/api/articles/":
        data = json.loads(content)
        if response.status_code == 200:
            assert all(isinstance(n, str) and n for n in data["notices"])
        else:
            assert data["error"].strip()


# ---------------------------------------------------------------------------
# 3. The upload pipeline
# ---------------------------------------------------------------------------

EXTENSIONS = [".txt", ".html", ".htm", ".docx", ".zip", ".jsonl", ".jsonl.gz", "", ".TXT", ".pdf"]
MAGIC = [b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b", b"%PDF-1.4", b"\x89PNG", b"\xff\xd8\xff",
         b"\xd0\xcf\x11\xe0", b"{\\rtf1", b"MZ", b"\x7fELF", codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
         codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b"{", b"<html>", b"<!DOCTYPE html>", b"<p>"]
SEED_TEXT = next(iter(SEED_FILES.values())).decode("utf-8")
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1256", "latin-1"]


def _encoded(text, encoding):
    return text.encode(encoding, errors="replace")


@st.composite
def damaged(draw, data):
    """``data`` as it arrives, or cut short, or with bytes flipped, or with junk spliced in."""
    if not data:
        return data
    how = draw(st.sampled_from(["as is", "as is", "as is", "as is", "cut", "flip", "splice", "nul"]))
    if how == "cut":
        return data[: draw(st.integers(0, len(data) - 1))]
    if how == "flip":
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            i = draw(st.integers(0, len(out) - 1))
            out[i] ^= draw(st.integers(1, 255))
        return bytes(out)
    if how == "splice":
        i = draw(st.integers(0, len(data)))
        return data[:i] + draw(st.binary(min_size=1, max_size=64)) + data[i:]
    i = draw(st.integers(0, len(data)))
    return data[:i] + b"\x00" + data[i:]


text_content = st.one_of(
    st.builds(lambda ws: " ".join(ws), st.lists(arabic_word, min_size=1, max_size=80)),
    st.builds(lambda head, ws: head + "\n\n" + " ".join(ws),
              st.lists(arabic_word, min_size=4, max_size=8).map(" ".join),
              st.lists(arabic_word, min_size=10, max_size=200)),
    st.just(SEED_TEXT),
    odd_text,
)


@st.composite
def text_bytes(draw):
    text = draw(text_content)
    return draw(damaged(_encoded(text, draw(st.sampled_from(ENCODINGS)))))


random_bytes = st.one_of(
    st.binary(max_size=2048),
    st.builds(lambda magic, rest: magic + rest, st.sampled_from(MAGIC), st.binary(max_size=2048)),
    text_bytes(),
    st.sampled_from(list(SEED_FILES.values())).flatmap(damaged),
)

UNEXPECTED = "Unexpected error"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def read_or_refuse(name, data, catalog=None):
    """``read`` and ``prepare`` one file: drafts ready to confirm, and clean refusals.

    Reading never touches the database, and every refusal is one of the
    pipeline's own (an Arabic message with its English), never the catch-all
    for a reader's bug.
    """
    from archive.admin_upload import _draft_to_json

    catalog = catalog or Catalog()
    before = Article.objects.count()
    drafts, failures = [], []
    for item in pipeline.read(name, data, catalog=catalog):
        if isinstance(item, Failure):
            failures.append(item)
            continue
        assert isinstance(item, Draft)
        try:
            pipeline.prepare(item, catalog)
        except IngestError as error:
            failures.append(Failure.from_error(item.source_name, error))
            continue
        assert item.title and item.body and item.content_hash
        for value in (item.title, item.body, item.outlet_name or "", item.external_id or "", item.url):
            assert not _CONTROL.search(value), repr(value[:200])
        # The admin stages the draft as JSON in UTF-8 before the preview.
        json.dumps(_draft_to_json(item), ensure_ascii=False).encode("utf-8")
        drafts.append(item)
    for failure in failures:
        assert not failure.message_en.startswith(UNEXPECTED), failure.message_en
        assert _ARABIC.search(failure.message) and failure.message_en.strip()
        json.dumps([failure.source_name, failure.message, failure.message_en], ensure_ascii=False).encode("utf-8")
    assert drafts or failures, "a file gives drafts or says why not"
    event("read: drafts" if drafts else "read: refused")
    for failure in failures:
        event("refused: " + re.sub(r"“[^”]*”|\(.*", "", failure.message_en)[:60])
    assert Article.objects.count() == before
    return drafts, failures


@pytest.mark.django_db
@fuzz("test_random_bytes_are_read_or_refused")
@given(extension=st.sampled_from(EXTENSIONS), data=random_bytes)
@example(extension=".txt", data=b"")
@example(extension=".txt", data=b"\xff\xfe" + "نص".encode("utf-16-le") + b"\x00\xd8")  # cut UTF-16
@example(extension=".txt", data="نص عربي".encode("utf-8")[:-1])  # cut UTF-8
@example(extension=".html", data=b"\xef\xbb\xbf")
def test_random_bytes_are_read_or_refused(seeded, extension, data):
    read_or_refuse("upload" + extension, data)


# -- zips ---------------------------------------------------------------------

ODD_MEMBER_NAMES = ["../evil.txt", "../../etc/passwd", "/abs.txt", "\\windows.txt", "C:\\x.txt",
                    "a/../../b.txt", "dir/", "__MACOSX/._a.txt", "._a.txt", ".DS_Store", "Thumbs.db",
                    "خبر.txt", "a" * 300 + ".txt", "a\\..\\b.txt", "nul_here.txt", "inner.zip",
                    "x.docx", "x.jsonl", "x.html", "x.gz", "", " ", "con.txt", "a:b.txt"]
member_name = st.one_of(st.sampled_from(ODD_MEMBER_NAMES),
                        st.text(odd_char.filter(lambda c: c != "\x00"), min_size=1, max_size=20))


def _zip(members, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name or "_")
            info.compress_type = compression
            zf.writestr(info, data)
    data = buffer.getvalue()
    # zipfile cuts a name at NUL; put the NUL in the bytes afterwards.
    return data.replace(b"nul_here.txt", b"nul\x00here.txt")


def _gzip(data):
    return gzip.compress(data, mtime=0)


member_data = st.one_of(
    text_bytes(),
    st.binary(max_size=512),
    st.just(b"\x00" * 100_000),  # a member that swells far beyond text (a bomb)
    st.just(b"x"),
    st.builds(lambda t: _zip([("in.txt", t.encode())]), odd_text),  # a zip in a zip
    st.builds(lambda t: _gzip(t.encode()), text_content),
    st.builds(lambda t: _gzip(_gzip(t.encode())), text_content),
)
def _patched(data, marker, offset, replacement):
    """``data`` with ``replacement`` written ``offset`` bytes after the first ``marker``."""
    at = data.index(marker) + offset
    return data[:at] + replacement + data[at + len(replacement):]


# zipfile's own exceptions for damaged input (not BadZipFile): each once answered 500.
DAMAGED_LZMA = _patched(_zip([("a.txt", "نص".encode() * 50)], zipfile.ZIP_LZMA), b"a.txt", 9, b"\xff" * 5)
UNKNOWN_ZIP_VERSION = _patched(_zip([("a.txt", b"x")]), b"PK\x01\x02", 6, b"\xff\x00")

zip_bytes = st.builds(
    _zip,
    st.lists(st.tuples(member_name, member_data), max_size=6),
    st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]),
).flatmap(damaged)


@pytest.mark.django_db
@fuzz("test_zips_truncated_corrupted_or_hostile_are_read_or_refused")
@given(extension=st.sampled_from([".zip", ".zip", ".docx", ".txt"]), data=zip_bytes)
@example(extension=".zip", data=b"PK\x05\x06" + b"\x00" * 18)  # an empty zip
@example(extension=".zip", data=b"PK\x03\x04")  # a zip cut after its first bytes
@example(extension=".zip", data=_zip([("../evil.txt", b"x"), ("/abs.txt", b"x"), ("nul_here.txt", b"x")]))
@example(extension=".zip", data=DAMAGED_LZMA)
@example(extension=".zip", data=UNKNOWN_ZIP_VERSION)
def test_zips_truncated_corrupted_or_hostile_are_read_or_refused(seeded, extension, data):
    drafts, failures = read_or_refuse("upload" + extension, data)
    for draft in drafts:
        assert ".." not in re.split(r"[\\/]", draft.source_name)


# -- Word files ---------------------------------------------------------------

def _replace_member(data, name, content):
    """The zip ``data`` with member ``name`` replaced by ``content`` (None: removed)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in source.infolist():
            if info.filename != name:
                zf.writestr(info, source.read(info))
        if content is not None:
            zf.writestr(name, content)
    return out.getvalue()


XML_TEXT = re.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
BASE_DOCX = word_file("نص")
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
)
BROKEN_DOCUMENT_XML = [
    None,  # a zip without word/document.xml: not a Word file at all
    b"",
    b"not xml at all",
    b"<w:document>",
    b"<?xml version='1.0'?><unrelated/>",
    BILLION_LAUGHS.encode(),
    ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
     + "<w:p>" * 3000 + "</w:p>" * 3000 + "</w:body></w:document>").encode(),
]
word_document = st.builds(lambda paragraphs: word_file(*paragraphs), st.lists(text_content.map(lambda t: XML_TEXT.sub("", t)), max_size=8))
docx_bytes = st.one_of(
    word_document, word_document,
    st.builds(lambda xml: _replace_member(BASE_DOCX, "word/document.xml", xml), st.sampled_from(BROKEN_DOCUMENT_XML)),
    st.builds(lambda name: _replace_member(BASE_DOCX, name, None),
              st.sampled_from(["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                               "word/styles.xml"])),
).flatmap(damaged)


@pytest.mark.django_db
@fuzz("test_word_files_broken_or_odd_are_read_or_refused")
@given(data=docx_bytes)
@example(data=_replace_member(BASE_DOCX, "word/document.xml", None))
@example(data=_replace_member(BASE_DOCX, "word/document.xml", BILLION_LAUGHS.encode()))
def test_word_files_broken_or_odd_are_read_or_refused(seeded, data):
    read_or_refuse("upload.docx", data)


# -- HTML -----------------------------------------------------------------------

ENTITIES = ["&#0;", "&#1;", "&#x0B;", "&#xD800;", "&#x110000;", "&#65535;", "&#xFFFE;", "&nbsp;",
            "&bogus;", "&#x1F600;", "&amp", "&#", "&#99999999999;"]
META_NAMES = ["og:title", "og:site_name", "article:published_time", "og:url", "date", "pubdate",
              "application-name", "twitter:title"]
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), odd_text),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(["@type", "headline", "datePublished",
                                                                "publisher", "name", "@graph", "x"]),
                                               children, max_size=5)),
    max_leaves=20,
)
json_ld = st.one_of(
    json_values.map(lambda v: json.dumps(v, ensure_ascii=False)),
    st.integers(10, 100_000).map(lambda n: "[" * n + "]" * n),  # nesting deeper than any parser's stack
    st.integers(10, 100_000).map(lambda n: '{"a":' * n + "1" + "}" * n),
    st.sampled_from(["", "{", "<![CDATA[{}]]>", '{"@type": "NewsArticle", "headline": 1}']),
)


html_dates = st.one_of(st.dates().map(lambda d: d.isoformat()), odd_dates.filter(lambda s: not _CONTROL.search(s)))


@st.composite
def html_bytes(draw):
    parts = [draw(st.sampled_from(["", "<?xml version='1.0' encoding='utf-8'?>", "<!DOCTYPE html>",
                                   "\ufeff<!doctype html>", "<html dir=rtl>", "<p>"]))]
    parts.append("<head><meta charset=%s>" % draw(st.sampled_from(["utf-8", "windows-1256", "bogus", ""])))
    for _ in range(draw(st.integers(0, 4))):
        parts.append('<meta property="%s" content="%s">' % (
            draw(st.sampled_from(META_NAMES)), draw(st.one_of(html_dates, plain_text, arabic_word)).replace('"', "")))
    if draw(st.booleans()):
        parts.append('<link rel="canonical" href="%s">' % draw(st.one_of(
            st.sampled_from(["https://example.org/a", "http://", "javascript:alert(1)", "https://" + "a" * 3000]),
            plain_text)).replace('"', ""))
    if draw(st.booleans()):
        parts.append('<script type="application/ld+json">%s</script>' % draw(json_ld))
    parts.append("<title>%s</title></head><body>" % draw(st.one_of(plain_text, arabic_word)))
    depth = draw(st.one_of(st.integers(0, 20), st.integers(200, 6000)))
    tag = draw(st.sampled_from(["div", "span", "p", "article", "b", "section", "table", "li", "font"]))
    words = draw(st.lists(st.one_of(arabic_word, arabic_word, st.sampled_from(ENTITIES), plain_text),
                          min_size=1, max_size=60))
    body = "<h1>%s</h1><p>%s</p>" % (" ".join(words[:6]), " ".join(words))
    closed = draw(st.booleans())
    parts.append(f"<{tag}>" * depth + body + (f"</{tag}>" * depth if closed else ""))
    parts.append(draw(st.sampled_from(["", "<!-- unclosed", "<![CDATA[", "<footer>© 2023</footer>", "</body></html>",
                                       "<script>", "<time datetime='2020-01-01'>", "<" * 100])))
    html = "".join(parts)
    return draw(damaged(html.encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "cp1256"])), errors="replace")))


@pytest.mark.django_db
@fuzz("test_html_deep_broken_or_odd_is_read_or_refused")
@given(extension=st.sampled_from([".html", ".htm", ".txt"]), data=html_bytes())
@example(extension=".html", data=("<html><body>" + "<div>" * 5000 + "<p>" + SEED_TEXT + "</p>" + "</div>" * 5000
                                  + "</body></html>").encode())
@example(extension=".html", data=('<html><head><script type="application/ld+json">' + "[" * 50_000 + "]" * 50_000
                                  + "</script></head><body><p>" + SEED_TEXT + "</p></body></html>").encode())
@example(extension=".html", data="<p>&#1; نص &#0; عربي</p>".encode())
def test_html_deep_broken_or_odd_is_read_or_refused(seeded, extension, data):
    read_or_refuse("page" + extension, data)


# -- plain text -------------------------------------------------------------------

ODD_HEADERS = ["32 كانون الثاني 2020", "29 شباط 2019", "0 آذار 0000", "31/12/9999", "2020-02-30",
               "١٢ أيار ٢٠٢١", "رووداو – أربيل", "المصدر: ", "source:",
               "منذ 99999999999 ساعات", "© 2023", "كتب - ", "A+ A-", "12 12 12 12 12 12 12 12 12",
               "1 تشرين الأول/أكتوبر 2016"]


@st.composite
def text_file_bytes(draw):
    shape = draw(st.sampled_from(["huge line", "huge word", "many lines", "headers", "mixed"]))
    if shape == "huge line":
        text = " ".join(draw(st.lists(arabic_word, min_size=1, max_size=5))) + " "
        text = _repeat(text, draw(st.integers(2_000, 40_000)))
    elif shape == "huge word":
        text = draw(arabic_word) * draw(st.integers(5_000, 100_000))
    elif shape == "many lines":
        line = draw(st.sampled_from(["", "\r", " ", "ـ", "A+ A-", "-", "كلمة"]))
        text = (line + draw(st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x85"]))) * draw(st.integers(100, 50_000))
    elif shape == "headers":
        lines = draw(st.lists(st.one_of(st.sampled_from(ODD_HEADERS), arabic_word, text_content),
                              min_size=1, max_size=12))
        text = "\n".join(lines)
    else:
        text = draw(st.one_of(text_content, huge_text, odd_text))
    encoding = draw(st.sampled_from(ENCODINGS))
    return draw(damaged(_encoded(text, encoding)))


@pytest.mark.django_db
@fuzz("test_text_huge_lines_and_odd_encodings_are_read_or_refused")
@given(data=text_file_bytes())
@example(data=("عنوان المقال هنا الآن\n" + "كلمة " * 100_000).encode())
@example(data=b"\xff\xfe" + "نص عربي".encode("utf-16-le")[:-1])
@example(data=b"\xfe\xff\xd8\x00\x00")  # a lone surrogate in UTF-16
@example(data="\u0627".encode("utf-8") + b"\xc3\x28" * 10)
def test_text_huge_lines_and_odd_encodings_are_read_or_refused(seeded, data):
    read_or_refuse("article.txt", data)


# -- JSON lines -------------------------------------------------------------------

record_values = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=False),
                          odd_text, arabic_word, text_content, huge_text, odd_dates,
                          st.lists(odd_text, max_size=3), st.dictionaries(odd_text, odd_text, max_size=3))
record = st.fixed_dictionaries(
    {},
    optional={
        "id": record_values, "title": record_values, "body": st.one_of(text_content, record_values),
        "source": st.one_of(st.sampled_from(SLUGS["outlet"]), record_values),
        "published": st.one_of(odd_dates, record_values), "url": record_values,
        "meta": st.one_of(st.fixed_dictionaries({"author": record_values}), record_values),
        "dataset": record_values,
    },
)
ESCAPES = ['"\\u0000"', '"\\ud800"', '"\\udfff x"', '"\\u0001\\u001f"', '"\\ufffe"']


@st.composite
def jsonl_line(draw):
    shape = draw(st.sampled_from(["record", "record", "record", "escapes", "deep", "not an object", "junk"]))
    if shape == "record":
        return json.dumps(draw(record), ensure_ascii=draw(st.booleans())).encode("utf-8")
    if shape == "escapes":
        field = draw(st.sampled_from(["title", "body", "id", "source", "url", "published"]))
        rest = '"body": "نص عربي قصير للمقال"' if field != "body" else '"title": "عنوان"'
        return ('{"%s": %s, %s}' % (field, draw(st.sampled_from(ESCAPES)), rest)).encode()
    if shape == "deep":
        n = draw(st.integers(100, 200_000))
        return ('{"body": "نص", "meta": ' + "[" * n + "]" * n + "}").encode()
    if shape == "not an object":
        return draw(st.sampled_from([b"[]", b"null", b"1", b'"x"', b"[{}]", b"{}", b"{,}"]))
    return draw(st.binary(max_size=80))


jsonl_bytes = st.builds(
    lambda bom, lines, eol: bom + eol.join(lines),
    st.sampled_from([b"", codecs.BOM_UTF8]),
    st.lists(jsonl_line(), min_size=1, max_size=8),
    st.sampled_from([b"\n", b"\r\n"]),
).flatmap(damaged)


@pytest.mark.django_db
@fuzz("test_json_lines_of_every_shape_are_read_or_refused")
@given(compressed=st.booleans(), data=jsonl_bytes)
@example(compressed=False, data=b'{"title": "\\u0000\\ud800", "body": "\\u0001 \\udfff", "id": "\\u0000"}')
@example(compressed=False, data=b'{"body": "x", "meta": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
@example(compressed=True, data=b'{"body": "x"}\n' * 1000)
def test_json_lines_of_every_shape_are_read_or_refused(seeded, compressed, data):
    if compressed:
        read_or_refuse("records.jsonl.gz", _gzip(data))
    else:
        read_or_refuse("records.jsonl", data)


# -- save: all or nothing ---------------------------------------------------------

@pytest.fixture
def media(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    settings.MEDIA_ROOT = tmp_path / "data" / "originals"
    return settings.MEDIA_ROOT


def stored_files(root):
    return sorted(p for p in Path(root).rglob("*") if p.is_file()) if Path(root).exists() else []


any_upload = st.one_of(
    st.tuples(st.sampled_from([".txt", ".html"]), text_bytes()),
    st.tuples(st.just(".html"), html_bytes()),
    st.tuples(st.just(".jsonl"), jsonl_bytes),
    st.tuples(st.just(".zip"), zip_bytes),
    st.tuples(st.just(".docx"), docx_bytes),
    st.tuples(st.sampled_from(EXTENSIONS), random_bytes),
    st.tuples(st.just(".txt"), st.sampled_from(list(SEED_FILES.values()))),
)


@pytest.mark.django_db
@fuzz("test_save_is_all_or_nothing")
@given(uploads=st.lists(any_upload, min_size=1, max_size=3))
def test_save_is_all_or_nothing(seeded, media, uploads):
    """Each draft becomes one article with its original, or an IngestError and no trace."""
    catalog = Catalog()
    for extension, data in uploads:
        drafts, _failures = read_or_refuse("upload" + extension, data, catalog)
        for draft in drafts:
            count, files = Article.objects.count(), stored_files(media)
            try:
                article, created = pipeline.save(draft, catalog=catalog)
            except IngestError as error:
                assert _ARABIC.search(error.message)
                event("save: refused")
                assert Article.objects.count() == count
                assert stored_files(media) == files
                continue
            event("save: " + draft.outcome)
            assert Article.objects.count() == count + (1 if created else 0)
            article.refresh_from_db()
            assert article.title and article.body
            if draft.original_bytes is not None and draft.outcome != "unchanged":
                assert Path(article.original_file.path).read_bytes() == draft.original_bytes


# -- the admin upload, end to end ------------------------------------------------------

def _upload_name(name):
    """A browser sends a file's own name, never a path or "..": the name Django takes from it."""
    name = Path(name.strip().replace("\\", "/")).name
    return name if name not in ("", ".", "..") else "upload"


@pytest.fixture
def archivist_client(client, seeded, media):
    client.force_login(User.objects.create_superuser("fuzz", "fuzz@example.org", "x"))
    return client


@pytest.mark.django_db
@fuzz("test_admin_upload_never_answers_500_nor_saves_half")
@given(uploads=st.lists(st.tuples(st.one_of(member_name, st.just("upload")), any_upload), min_size=1, max_size=3))
def test_admin_upload_never_answers_500_nor_saves_half(archivist_client, media, settings, uploads):
    from django.core.files.uploadedfile import SimpleUploadedFile

    # Read in the request, whatever the upload holds: a large one goes to a background
    # job (its own tests), and this test follows the preview.
    settings.UPLOAD_READ_IN_REQUEST = 10**9
    client = archivist_client
    files = [SimpleUploadedFile(_upload_name(name + extension), data) for name, (extension, data) in uploads]
    before = Article.objects.count()
    response = client.post("/admin/archive/article/upload/", {"files": files})
    assert response.status_code == 302, response.status_code
    preview_url = response["Location"]
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert b"Traceback" not in preview.content
    assert Article.objects.count() == before  # nothing is saved before the archivist confirms
    # Confirm with every draft included.
    stage = preview.context["rows"]
    confirm = {f"d{row['i']}-include": "on" for row in stage}
    result = client.post(preview_url, confirm)
    assert result.status_code == 200
    assert b"Traceback" not in result.content
    if "results" not in (result.context or {}):
        return  # the preview came back with corrections to make: nothing saved
    results = result.context["results"]
    saved = sum(1 for r in results if r["status"] == "created")
    event(f"admin: {len(stage)} drafts, {saved} saved")
    assert Article.objects.count() == before + saved
    for r in results:
        assert r["status"] in ("created", "updated", "unchanged", "duplicate", "skipped", "failed")
        if r["status"] == "failed":
            assert not r["message"].startswith("حدث خطأ غير متوقع"), r["message"]
    if not stage:  # a rejected upload: every file refused
        assert saved == 0


# ---------------------------------------------------------------------------
# The budget
# ---------------------------------------------------------------------------

def test_fuzzing_budget_is_at_least_1000_cases():
    tests = {name: obj for name, obj in globals().items() if name.startswith("test_") and hasattr(obj, "hypothesis")}
    assert set(tests) == set(EXAMPLES)
    for name, test in tests.items():
        assert test._hypothesis_internal_use_settings.max_examples == budget(name), name
    assert TOTAL_EXAMPLES >= 1000
