"""The query language (issue point 4): words AND by default, "phrase" (folded
the same way as words), OR, -word, word*; and anything else a person can type
gets results or a clear message in Arabic, through the API and the search
page alike, never a 500.

The Django test client re-raises any exception a view lets escape, so every
request below would fail loudly on what would be a 500 in production.
"""
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

ARABIC = re.compile("[\u0600-\u06FF]")
SEED_BODY = (Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
             / "004_6e49a0b8aa1b5bea.txt").read_text(encoding="utf-8")
ALL = ["000", "001", "002", "003", "004"]


def get(client, q, **extra):
    response = client.get("/api/articles/", {"q": q, "page_size": 100, **extra})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def found(client, q, **extra):
    return sorted(r["external_id"][:3] for r in get(client, q, **extra)["results"])


# ---------------------------------------------------------------------------
# The language
# ---------------------------------------------------------------------------

def test_words_are_anded(client, seeded):
    assert found(client, "غيدني") == ["001"]
    assert found(client, "الحويجة") == ["001", "004"]
    assert found(client, "غيدني الحويجة") == ["001"]
    # Each word must be there: 001 never names Rudaw, 004 never names Gedney.
    assert found(client, "غيدني رووداو") == []
    assert found(client, "مخمور") == ["000", "003", "004"]
    assert found(client, "كركوك مخمور") == ["003", "004"]


def test_a_quoted_phrase_needs_its_words_together_and_in_order(client, seeded):
    assert found(client, '"جبل قرجوغ"', expand="0") == ["004"]
    assert found(client, '"قرجوغ جبل"') == []
    # The name inside the phrase is every spelling of it: 002 writes وجبل قره جوغ.
    assert found(client, '"جبل قرجوغ"') == ["002", "004"]
    # Unquoted, the two words may be anywhere (002 has جبل and قره جوغ).
    assert set(found(client, "جبل قرجوغ")) >= {"004"}


def test_a_phrase_is_folded_like_words(client, seeded):
    """Harakat, ة/ه, hamza forms and clitics inside quotes fold as they do outside."""
    plain = found(client, '"وزارة الدفاع"')
    # 000 writes لوزارتي الدفاع ("to the two ministries of defence"): the
    # dual of وزارة, ة written ت before the ending.
    assert plain == ["000", "002", "004"]
    assert found(client, '"وزاره الدفاع"') == plain
    assert found(client, '"وَزَارَةُ الدِّفَاعِ"') == plain
    assert found(client, '"وزارة والدفاع"') == plain
    # Exact mode keeps ة and ه apart, inside a phrase too.
    assert found(client, '"وزارة الدفاع"', mode="exact") == ["002", "004"]
    assert found(client, '"وزاره الدفاع"', mode="exact") == []


def test_a_phrase_skips_stop_words_as_the_index_does(client, seeded):
    """"قوات في ..." : the stop word is not a term, so the phrase still matches."""
    assert found(client, '"نفذ داعش عدداً"') == ["004"]
    assert found(client, '"نفذ داعش في عدداً"') == ["004"]


def test_or_matches_either(client, seeded):
    either = set(found(client, "غيدني OR رووداو"))
    assert either == set(found(client, "غيدني")) | set(found(client, "رووداو")) == {"001", "004"}
    # OR binds two terms; the rest is still ANDed.
    assert found(client, "غيدني OR رووداو مخمور") == ["004"]
    assert set(found(client, '"جبل قرجوغ" OR خانقين')) == {"002", "003", "004"}


def test_or_however_it_is_typed_is_an_operator(client, seeded):
    # A Latin "or" means nothing as a word in Arabic text: a lower-case one, a bar and
    # the Arabic أو all join the words beside them, as OR does.
    for q in ("غيدني or رووداو", "غيدني | رووداو", "غيدني أو رووداو"):
        assert found(client, q) == ["001", "004"], q


def test_minus_excludes(client, seeded):
    assert found(client, "داعش -رووداو") == ["000", "001", "002", "003"]
    assert found(client, 'داعش -"جبل قرجوغ"') == ["000", "001", "003"]
    # A hyphen inside a word is not an exclusion.
    assert found(client, "جبل-قرجوغ") == ["004"]


def test_not_and_and_are_read_as_lucene_and_the_catalogues_read_them(client, seeded):
    # NOT excludes as "-" does, also a phrase and a name with every spelling;
    # AND and a leading + say what is so already (every word is required).
    assert found(client, "داعش NOT رووداو") == found(client, "داعش -رووداو") == ["000", "001", "002", "003"]
    assert found(client, 'داعش NOT "جبل قرجوغ"') == ["000", "001", "003"]
    assert found(client, "داعش NOT كيغنز") == sorted(set(ALL) - set(found(client, "كاكينز")))
    assert found(client, "غيدني AND رووداو") == found(client, "غيدني رووداو") == found(client, "غيدني +رووداو")
    assert found(client, "(كركوك OR الموصل) AND داعش NOT خانقين") == found(client, "كركوك OR الموصل -خانقين")


def test_minus_alone_excludes_from_everything_with_a_notice(client, seeded):
    data = get(client, "-رووداو")
    assert sorted(r["external_id"][:3] for r in data["results"]) == ["000", "001", "002", "003"]
    assert any(ARABIC.search(n) for n in data["notices"])


def test_excluded_words_are_not_marked(client, seeded):
    for result in get(client, "داعش -كركوك")["results"]:
        assert "<mark>كركوك</mark>" not in result["snippet"]


def test_a_star_is_a_prefix(client, seeded):
    data = get(client, "حكوم*")
    assert sorted(r["external_id"][:3] for r in data["results"]) == ["000", "001", "002", "004"]
    snippets = " ".join(r["snippet"] for r in data["results"])
    assert "<mark>الحكومة</mark>" in snippets and "<mark>حكومة</mark>" in snippets


def test_a_broad_prefix_folds_and_ignores_the_article(client, seeded):
    """اربي* finds أربيل (hamza folded); الحكوم* is حكوم*."""
    assert found(client, "اربي*") == ["002", "003", "004"]
    assert found(client, "الحكوم*") == found(client, "حكوم*")
    # 002 writes only وأربيل: exact mode takes the prefix as typed, و included.
    assert found(client, "اربي*", mode="exact") == []
    assert found(client, "أربي*", mode="exact") == ["003", "004"]
    assert found(client, "وأربي*", mode="exact") == ["002", "003"]


def test_a_prefix_does_not_reach_into_the_stem(client, seeded):
    """The stemmer reads وزارة as و + زار(ة); a prefix is matched on the words
    as written, so وزار* finds ministries (وزارة, لوزارتي), and زار* does not."""
    assert found(client, "قرج*") == ["004"]
    ministries = found(client, "وزار*")
    assert ministries == ["000", "002", "003", "004"]
    assert not set(found(client, "زار*")) & {"000"}
    data = get(client, "وزار*")
    snippets = " ".join(r["snippet"] for r in data["results"])
    assert "<mark>لوزارتي</mark>" in snippets or "<mark>وزارة</mark>" in snippets


def test_a_one_letter_prefix_gets_a_message(client, seeded):
    data = get(client, "ح*")
    assert data["count"] == 0
    assert any("البادئة" in n for n in data["notices"])


def test_operators_combine(client, seeded):
    assert found(client, "كركوك OR الموصل -خانقين") == ["000", "001", "004"]
    assert found(client, 'رووداو OR غيدني -"جبل قرجوغ"') == ["001"]


# ---------------------------------------------------------------------------
# Anything else a person can type: 200 with results or an Arabic message
# ---------------------------------------------------------------------------

NOTHING_SEARCHABLE = [
    '"', '""', '" "', "«»", "OR", "OR OR OR", "-", "--", "- -", "*", "**", "-*", '-"',
    "!!!", "؟؟؟", "...", "()", "NOT", "AND", "NOT AND", "+", "&&", "[]{}", "،؛", "—", "ـــــ", "\u064b\u064c\u0651",
    "\u200f\u200e", "\ufeff", "\x00", "\t\n\r", "\u2028\u2029", "🔥🔥",
]

ODD = NOTHING_SEARCHABLE + [
    '"داعش', 'داعش"', "«داعش", "داعش »", '"جبل قرجوغ', 'داعش "" كركوك',
    "داعش OR", "OR داعش", "داعش OR OR كركوك", "- داعش", "-داعش", "--داعش", "داعش -",
    "داعش*", "*داعش", "د*", "داعش**", "دا*عش", '"-"', "-OR داعش", "OR -داعش",
    "\x00داعش\x01", "داعش\x1b[31m", "داعش\x7f", "\u202eداعش\u202c", "ﺩﺍﻋﺶ", "دَاعِـــش",
    "ISIS داعش", "Caggins كاكينز", "داعشISIS", "Mosul الموصل OR Kirkuk",
    "🔥داعش🔥", "<script>alert(1)</script>", "' OR 1=1 --", "داعش AND كركوك",
    "NOT داعش", "title:داعش", "داعش~2", "داعش^3", "(داعش OR كركوك)", "داعش&&كركوك",
    "2014", "٢٠١٤", "07-02-2020", "%", "%25", "\\", "\\u0000", "a" * 3000,
    "ا" * 5000, "داعش " * 1200, SEED_BODY[:5000], SEED_BODY,
]


def _assert_arabic_answer(client, q):
    response = client.get("/api/articles/", {"q": q})
    assert response.status_code in (200, 400), (q[:50], response.status_code)
    data = response.json()
    if response.status_code == 400:
        assert ARABIC.search(data["error"])
        return data
    assert isinstance(data["count"], int)
    assert all(ARABIC.search(n) for n in data["notices"]), data["notices"]
    if data["count"] == 0:
        # No result is never silent: a notice or a suggestion says why or what next.
        assert data["notices"] or data["suggestions"] or q.strip(), q[:50]
    page = client.get("/search/", {"q": q})
    assert page.status_code in (200, 400), (q[:50], page.status_code)
    html = page.content.decode()
    assert 'lang="ar"' in html
    if data["count"] == 0:
        assert "لا توجد نتائج" in html or "تعذّر تنفيذ البحث" in html
    return data


@pytest.mark.parametrize("chunk", range(4))
def test_odd_input_gets_an_answer_never_a_500(client, seeded, chunk):
    for q in ODD[chunk::4]:
        _assert_arabic_answer(client, q)


def test_nothing_searchable_is_said_in_arabic(client, seeded):
    for q in NOTHING_SEARCHABLE:
        data = _assert_arabic_answer(client, q)
        if q.strip():
            assert data["count"] == 0 and data["notices"], repr(q)
        page = client.get("/search/", {"q": q}).content.decode()
        if q.strip():
            assert "notice" in page, repr(q)


def test_odd_words_still_search_the_arabic_they_hold(client, seeded):
    assert found(client, "\x00داعش\x01") == ALL
    assert found(client, "\u202eداعش\u202c") == ALL
    assert found(client, "ﺩﺍﻋﺶ") == ALL             # presentation forms
    assert found(client, "دَاعِـــش") == ALL          # harakat and tatweel
    assert found(client, '"جبل قرجوغ', expand="0") == ["004"]   # unclosed quote: the rest is the phrase
    assert found(client, "(داعش OR كركوك)") == ALL


def test_a_long_paste_is_cut_at_a_word_and_said_so(client, seeded):
    data = get(client, SEED_BODY)
    assert any("طويل" in n for n in data["notices"])
    data = get(client, "داعش " * 1200)
    assert data["count"] == 5
    assert any("طويل" in n for n in data["notices"])


def test_too_many_words_are_capped_with_a_message(client, seeded):
    words = " ".join(f"كلمة{i}" for i in range(60))
    data = get(client, words)
    assert any("كثيرة" in n for n in data["notices"])


@pytest.mark.parametrize("raw", [
    "q=%ff%fe", "q=%ED%A0%80", "q=%D8", "q=%00%00", "q=%C0%AF", "q=%E2%80%AE%D8%AF",
    "q=a&q=%22b", "q=" + "%D8%AF" * 3000,
])
def test_undecodable_query_strings(client, seeded, raw):
    for path in ("/api/articles/?", "/search/?"):
        response = client.get(path + raw)
        assert response.status_code in (200, 400), raw


def test_a_bad_parameter_beside_an_odd_query_is_a_400_in_arabic(client, seeded):
    response = client.get("/api/articles/", {"q": '"داعش', "page": "x"})
    assert response.status_code == 400
    assert ARABIC.search(response.json()["error"])
    page = client.get("/search/", {"q": '"داعش', "page": "x"})
    assert page.status_code == 400
    assert "تعذّر تنفيذ البحث" in page.content.decode()


# ---------------------------------------------------------------------------
# Broad mode: a word with and without an attached و ب ل ف ك or the article
# ---------------------------------------------------------------------------

def _articles(*texts):
    from datetime import date

    from archive.models import Article
    from archive.search import indexing

    made = [Article.objects.create(title=f"خبر {i}", body=text, published=date(2020, 1, 1 + i),
                                   date_precision="day")
            for i, text in enumerate(texts)]
    indexing.index_articles([a.pk for a in made])
    return [a.pk for a in made]


def ids(client, q, **extra):
    return sorted(r["id"] for r in get(client, q, **extra)["results"])


def test_a_word_finds_it_with_a_clitic_attached_and_back(client, db):
    """Lucene's stemmer strips only و and the article forms: بكركوك stays
    بكركوك in the index. The query looks for the attached forms itself."""
    bare, attached, other = _articles("هجوم في كركوك اليوم", "هجوم بكركوك اليوم", "هجوم في الموصل")
    assert ids(client, "كركوك") == [bare, attached]
    assert ids(client, "بكركوك") == [bare, attached]
    assert ids(client, "لكركوك") == [bare, attached]
    snippets = " ".join(r["snippet"] for r in get(client, "كركوك")["results"])
    assert "<mark>بكركوك</mark>" in snippets
    # Exact mode takes the word as typed.
    assert ids(client, "كركوك", mode="exact") == [bare]


def test_the_article_and_a_leading_waw_no_longer_part_company(client, db):
    """وزارة stems to زار (و read as a clitic), الوزارة to وزار: one word still."""
    a, b, c = _articles("أعلنت وزارة الصحة", "أعلنت الوزارة اليوم", "بيان للوزارة")
    for q in ("وزارة", "الوزارة", "للوزارة"):
        assert ids(client, q) == [a, b, c], q


def test_a_typed_clitic_is_dropped_when_the_archive_says_so(client, db):
    """لتغطية: ل + تغطية (تغطية is the word the archive uses); لبنان is not ل + بنان."""
    covering, *_ = _articles("تغطية خاصة للأحداث", "تغطية مباشرة", "تغطية أخرى",
                             "لبنان بلد جميل", "بنان اليد")
    found = ids(client, "لتغطية")
    assert covering in found and len(found) == 3
    lebanon = ids(client, "لبنان")
    assert len(lebanon) == 1


def test_an_attached_form_far_more_frequent_than_the_word_is_another_word(client, db):
    """ب + رميلان stems to برميل ("barrel"): a query for رميلان (the town) must
    not find the oil articles."""
    town, *barrels = _articles("قصف قرب رميلان", *[f"سعر برميل النفط {i}" for i in range(6)])
    assert ids(client, "رميلان") == [town]


def test_a_gazetteer_name_is_never_split(client, seeded):
    """بعقوبة (Baquba) is not ب + عقوبة: a punishment is not the town."""
    _articles("فرض عقوبة على الشركة", "عقوبة جديدة", "عقوبة ثالثة")
    data = get(client, "بعقوبة")
    assert all("عقوبة" not in r["title"] for r in data["results"])
    assert data["count"] == 0
