"""A snippet reads its text one space-separated run at a time (issue 13,
point 6: splitting twenty bodies word by word was most of a search page's
time). What it marks and where it cuts must be exactly what reading the text
word by word gives: the same words, terms and offsets as ``arabic.tokenize``,
the same marks as the article page's highlighter.
"""
from hypothesis import given, settings, strategies as st

from archive import arabic
from archive.search import highlight as hl
from archive.search import snippets
from archive.search.builder import Highlight

# Words and pieces that make runs of several words, or none: punctuation
# between words, harakat, tatweel, joiners, digits, the underscore, Latin.
PIECES = [
    "الموصل", "بالموصل", "والموصل", "المَوصِل", "الموصـــل", "جبل", "قرجوغ", "في", "من", "و",
    "مليار", "دولار", "دولارات", "العراق", "بغداد", "پێشمه\u200cرگه", "داعش", "داعشستان",
    "2017", "٢٠١٧", "ISIS", "_", "-", "،", ".", "«", "»", "(", ")", "/", ":", "\u0651", "\u200c", "ـ",
]


def _text(parts):
    return "".join(parts)


texts = st.lists(st.sampled_from(PIECES + [" "] * 8), min_size=0, max_size=120).map(_text)


def _spec(mode="broad"):
    analyse = arabic.broad_term if mode == "broad" else arabic.exact_term
    spec = Highlight(mode)
    spec.terms.update({analyse("الموصل"), analyse("داعش")} - {None})
    spec.phrases.add((analyse("جبل"), analyse("قرجوغ")))
    spec.phrases.add((frozenset({analyse("مليار"), analyse("بالمليار")}), analyse("دولار")))
    return spec


@settings(max_examples=300, deadline=None)
@given(texts)
def test_runs_give_the_words_and_offsets_of_tokenize(raw):
    text = " ".join(raw.split())
    tokens = arabic.tokenize(text)
    for broad, analyse in ((True, arabic.broad_term), (False, lambda w: arabic.exact_term(w) or None)):
        split = snippets._SpacedText(text, broad)
        assert split.terms == [analyse(t.text) for t in tokens]
        assert [split.span(k) for k in range(len(split))] == [(t.start, t.end) for t in tokens]


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["broad", "exact"]), st.sampled_from([3, 8, 40]))
def test_a_snippet_marks_what_the_article_page_marks(raw, mode, words):
    spec = _spec(mode)
    text = " ".join(raw.split())
    html = str(snippets.snippet(raw, spec, words=words))
    whole = str(hl.highlight(text, spec))
    if len(arabic.tokenize(text)) <= words:
        # The whole text fits: the snippet is the article page's marking of it.
        assert html == whole
    else:
        # A window of the text, cut at word boundaries, marked as the page marks it.
        inner = html.removeprefix("… ").removesuffix(" …")
        assert inner in whole


def test_a_prefix_is_marked_in_a_run_of_several_words():
    import re

    spec = Highlight("broad")
    spec.prefixes.add(arabic.fold("داعش"))
    html = str(snippets.snippet("قال: «داعشستان»،داعش-ون " + "كلام " * 60, spec, words=10))
    assert re.findall("<mark>(.*?)</mark>", html) == ["داعشستان", "داعش"]
    assert html.startswith("قال: «<mark>داعشستان</mark>»،<mark>داعش</mark>-ون ")


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([3, 8, 40]))
def test_with_nothing_to_mark_a_snippet_is_the_opening_words(raw, words):
    from html import escape

    text = " ".join(raw.split())
    tokens = arabic.tokenize(text)
    html = str(snippets.snippet(raw, None, words=words))
    if len(tokens) > words:
        # The first ``words`` words, the punctuation after the last one, an ellipsis.
        space = text.find(" ", tokens[words - 1].end)
        end = len(text) if space < 0 else space
        assert html == escape(text[:end]) + (" …" if end < len(text) else "")
    elif tokens:
        assert html == escape(text)
