"""Highlighting shows what matched (issue point 5): the words as the outlet
wrote them, folded variants and alias spellings included, in <mark> on
HTML-escaped text; never a substring of a longer word; phrases as one run;
snippets cut at word boundaries around the densest matches.
"""
import json
import re
from html import unescape
from pathlib import Path

import pytest

from archive.gazetteer import AliasIndex
from archive.search import highlight as hl
from archive.search import snippets
from archive.search.query import QueryBuilder, parse

GAZETTEER = Path(__file__).resolve().parent.parent / "fixtures" / "gazetteer.json"
MARKED = re.compile(r"<mark>(.*?)</mark>")


@pytest.fixture(scope="module")
def aliases():
    """The demo gazetteer, straight from the fixture file (no database)."""
    entries = []
    for obj in json.loads(GAZETTEER.read_text(encoding="utf-8")):
        kind = obj["model"].split(".")[1]
        f = obj["fields"]
        entries.append((kind, obj["pk"], [f["name"], f.get("name_en", ""), *f.get("aliases", [])]))
    return AliasIndex(entries)


def spec(q, mode="broad", expand=True, alias_index=None):
    from archive.search.indexing import current_reader

    builder = QueryBuilder(mode, expand, alias_index, current_reader())
    builder.build(parse(q))
    return builder.highlight


def marked(html):
    return [unescape(m) for m in MARKED.findall(str(html))]


def plain(html):
    return unescape(str(html).replace("<mark>", "").replace("</mark>", ""))


# ---------------------------------------------------------------------------
# What is marked
# ---------------------------------------------------------------------------

def test_folded_variants_are_marked_as_written():
    text = "نقل الأسلحة والاسلحه وأسلحة ثقيلة، والسلاح لا"
    assert marked(hl.highlight(text, spec("الاسلحة", expand=False))) == ["الأسلحة", "والاسلحه", "وأسلحة"]


def test_harakat_and_tatweel_stay_inside_the_mark():
    text = "هزيمة دَاعِـــش نهائيا"
    assert marked(hl.highlight(text, spec("داعش", expand=False))) == ["دَاعِـــش"]


def test_alias_spellings_are_marked(aliases):
    text = "قال مايلز كاگينز إن Caggins وكيغنز والعقيد كينغز اتفقوا"
    words = marked(hl.highlight(text, spec("كاكينز", alias_index=aliases)))
    assert words == ["مايلز كاگينز", "Caggins", "وكيغنز", "كينغز"]


def test_kurdish_spelling_of_peshmerga_is_marked(aliases):
    text = "عناصر الپێشمهرگة وعناصر البيشمركة، وقوات البيشمركة"
    words = marked(hl.highlight(text, spec("بيشمركه", alias_index=aliases)))
    # قوات البيشمركة is itself a spelling in the gazetteer: one run.
    assert words == ["الپێشمهرگة", "البيشمركة", "وقوات البيشمركة"]


def test_a_longer_word_containing_the_query_is_not_marked(aliases):
    text = "داعشستان ليست داعش، ومداعشات الأطفال لا علاقة لها بالدواعش"
    assert marked(hl.highlight(text, spec("داعش", expand=False))) == ["داعش"]
    # With the alias expansion on, الدواعش (a spelling of ISIS) is marked too,
    # with its attached بـ, but still nothing inside داعشستان or مداعشات.
    assert marked(hl.highlight(text, spec("داعش", alias_index=aliases))) == ["داعش", "بالدواعش"]


def test_a_latin_query_does_not_mark_inside_a_word(aliases):
    text = "The crisis in Mosul: ISIS lost, Isis-era crises remain"
    assert marked(hl.highlight(text, spec("ISIS", alias_index=aliases))) == ["ISIS", "Isis"]


def test_part_of_a_multi_word_alias_alone_is_not_marked(aliases):
    """تنظيم داعش is a spelling of ISIS; تنظيم alone (another organisation) is not."""
    text = "تنظيم القاعدة غير تنظيم داعش"
    assert marked(hl.highlight(text, spec("داعش", alias_index=aliases))) == ["تنظيم داعش"]


def test_stop_words_are_never_marked():
    text = "قوات في بغداد وفي الموصل"
    assert marked(hl.highlight(text, spec("في بغداد", expand=False))) == ["بغداد"]


def test_excluded_words_are_not_marked():
    text = "داعش في كركوك"
    assert marked(hl.highlight(text, spec("داعش -كركوك", expand=False))) == ["داعش"]


def test_exact_mode_marks_only_the_spelling_typed():
    text = "كاكينز وكاگينز ثم كاكينز وكاكينز"
    assert marked(hl.highlight(text, spec("كاكينز", mode="exact"))) == ["كاكينز", "كاكينز"]
    assert marked(hl.highlight("الحكومة والحكومه", spec("الحكومة", mode="exact"))) == ["الحكومة"]


def test_a_prefix_marks_words_that_start_with_it():
    text = "الحكومة وللحكومة حكومي محكوم حكم"
    assert marked(hl.highlight(text, spec("حكوم*"))) == ["الحكومة", "وللحكومة", "حكومي"]
    assert marked(hl.highlight(text, spec("حكوم*", mode="exact"))) == ["حكومي"]


# ---------------------------------------------------------------------------
# Phrases as runs
# ---------------------------------------------------------------------------

def test_a_phrase_is_one_run():
    html = str(hl.highlight("استهداف داعش في جبل قرجوغ وحدود الموصل", spec('"جبل قرجوغ"', expand=False)))
    assert "<mark>جبل قرجوغ</mark>" in html
    assert html.count("<mark>") == 1


def test_a_phrase_run_takes_in_the_stop_word_between_its_terms():
    html = str(hl.highlight("خلال الأسابيع نفذ داعش في عدداً من الهجمات", spec('"نفذ داعش عدداً"', expand=False)))
    assert marked(html) == ["نفذ داعش في عدداً"]


def test_phrase_words_apart_are_not_marked():
    html = hl.highlight("جبل في الشمال وقرجوغ في الجنوب", spec('"جبل قرجوغ"', expand=False))
    assert marked(html) == []


def test_a_multi_word_alias_is_a_run_too(aliases):
    html = hl.highlight("أكد المتحدث، العقيد مايلز كيغنز، أن", spec("كاكينز", alias_index=aliases))
    assert marked(html) == ["العقيد مايلز كيغنز"]


# ---------------------------------------------------------------------------
# Escaping
# ---------------------------------------------------------------------------

def test_everything_is_escaped():
    text = '<b onclick="x">داعش</b> & <script>alert("داعش")</script>'
    html = str(hl.highlight(text, spec("داعش", expand=False)))
    assert "<b" not in html and "<script" not in html
    assert html == ('&lt;b onclick=&quot;x&quot;&gt;<mark>داعش</mark>&lt;/b&gt; &amp; '
                    '&lt;script&gt;alert(&quot;<mark>داعش</mark>&quot;)&lt;/script&gt;')
    assert plain(html) == text


def test_no_query_means_escaped_text_only():
    assert str(hl.highlight("<i>داعش</i>", None)) == "&lt;i&gt;داعش&lt;/i&gt;"
    assert str(snippets.snippet("<i>داعش</i>", None)) == "&lt;i&gt;داعش&lt;/i&gt;"
    assert str(hl.highlight("", spec("داعش"))) == ""


# ---------------------------------------------------------------------------
# Snippets
# ---------------------------------------------------------------------------

FILLER = "كلمة عادية في نص طويل عن شيء آخر تماما"   # nothing a query below matches


def filler(n):
    words = FILLER.split()
    return " ".join(words[i % len(words)] for i in range(n))


def test_a_snippet_is_cut_at_word_boundaries():
    text = filler(100) + " القوات دخلت الموصل، بعد معارك طويلة. " + filler(100)
    html = str(snippets.snippet(text, spec("الموصل", expand=False)))
    assert html.startswith("… ") and html.endswith(" …")
    inner = plain(html)[2:-2]
    start = text.index(inner)
    assert text[start - 1] == " "
    end = start + len(inner)
    assert text[end] == " "
    assert "<mark>الموصل</mark>" in html
    assert len(inner.split()) <= snippets.SNIPPET_WORDS + 1


def test_a_snippet_keeps_the_punctuation_after_its_last_word():
    text = filler(30) + " الموصل " + filler(9) + " انتهى." + " " + filler(100)
    html = str(snippets.snippet(text, spec("الموصل", expand=False), words=20))
    assert "انتهى." in plain(html)


def test_a_snippet_goes_to_the_densest_matches():
    text = (filler(10) + " الموصل " + filler(200) + " الموصل ثم الموصل وفي الموصل أيضا "
            + filler(200))
    html = str(snippets.snippet(text, spec("الموصل", expand=False)))
    assert len(marked(html)) == 3


def test_a_snippet_prefers_where_more_query_words_meet():
    text = (filler(20) + " كركوك وكركوك وكركوك " + filler(200) + " كركوك والحويجة " + filler(200))
    html = str(snippets.snippet(text, spec("كركوك الحويجة", expand=False)))
    assert "<mark>والحويجة</mark>" in html


def test_a_snippet_shows_context_before_the_first_match():
    text = filler(100) + " الموصل " + filler(100)
    html = str(snippets.snippet(text, spec("الموصل", expand=False)))
    before = plain(html)[2:].split("الموصل")[0].split()
    assert len(before) >= 5


def test_a_match_near_the_end_still_fills_the_snippet():
    text = filler(200) + " الموصل"
    html = str(snippets.snippet(text, spec("الموصل", expand=False)))
    assert html.startswith("… ") and not html.endswith("…")
    assert len(plain(html)[2:].split()) == snippets.SNIPPET_WORDS


def test_a_phrase_at_the_edge_of_a_snippet_is_shown_whole():
    text = filler(39) + " جبل قرجوغ " + filler(100)
    html = str(snippets.snippet(text, spec('"جبل قرجوغ"', expand=False)))
    assert "<mark>جبل قرجوغ</mark>" in html


def test_a_snippet_without_matches_is_the_beginning():
    text = filler(100)
    html = str(snippets.snippet(text, spec("الموصل", expand=False)))
    assert not html.startswith("…") and html.endswith(" …")
    assert text.startswith(plain(html)[:-2])


def test_a_snippet_is_escaped_and_one_line():
    text = "<p>داعش</p>\n\n" + filler(80) + "\n<script>x</script>"
    html = str(snippets.snippet(text, spec("داعش", expand=False)))
    assert "<p>" not in html and "\n" not in html and "<mark>داعش</mark>" in html


# ---------------------------------------------------------------------------
# Through the pages and the API
# ---------------------------------------------------------------------------

@pytest.mark.django_db
def test_titles_and_snippets_on_the_search_page_mark_alias_spellings(client, seeded):
    html = client.get("/search/", {"q": "كيغنز"}).content.decode()
    # Seed 000's title writes مايلز كاگينز; seed 002's body العقيد مايلز كيغنز.
    assert "<mark>مايلز كاگينز</mark>" in html
    assert "<mark>العقيد مايلز كيغنز</mark>" in html


@pytest.mark.django_db
def test_api_snippets_mark_the_phrase_as_a_run(client, seeded):
    from tests.conftest import seed

    # Seed 004 writes جبل قرجوغ, seed 002 وجبل قره جوغ: both are found (the
    # name's spellings), each marked as one run, whichever ranks first.
    data = client.get("/api/articles/", {"q": '"جبل قرجوغ"'}).json()
    snippets = {r["id"]: r["snippet"] for r in data["results"]}
    assert "<mark>جبل قرجوغ</mark>" in snippets[seed("004").pk]
    assert "<mark>وجبل قره جوغ</mark>" in snippets[seed("002").pk]


@pytest.mark.django_db
def test_article_page_marks_folded_variants(client, seeded):
    from tests.conftest import seed

    html = client.get(f"/articles/{seed('000').pk}/", {"q": "البيشمركة"}).content.decode()
    assert "<mark>الپێشمهرگة</mark>" in html
