"""What one hit may cost is bounded (issue 14, point 6): a 19 MB article that
matched a search made every such search take 4-5 s and its page 2-3 s.

A snippet looks only at the first SEARCH_SNIPPET_SCAN_CHARS of a text; the
article page marks matches only in the first SEARCH_HIGHLIGHT_MAX_CHARS of
its body and shows the rest as plain, escaped text.
"""
import re

import pytest

from archive import arabic
from archive.models import Article, Outlet
from archive.search import highlight as hl
from archive.search import snippets
from archive.search.query import QueryBuilder, parse

MARK = re.compile(r"<mark>(.*?)</mark>")
FILLER = "قال مصدر أمني في بيان صدر اليوم إن الوضع مستقر. "


def spec(q):
    builder = QueryBuilder("broad", True, None, reader=None)
    builder.build(parse(q))
    return builder.highlight


@pytest.fixture
def measured(monkeypatch):
    """The length of every text the highlighter splits into words."""
    lengths = []
    tokenize = arabic.tokenize

    def counting(text):
        lengths.append(len(text))
        return tokenize(text)

    monkeypatch.setattr(arabic, "tokenize", counting)
    return lengths


def test_a_snippet_of_a_huge_article_looks_only_at_its_beginning(settings, measured):
    settings.SEARCH_SNIPPET_SCAN_CHARS = 5000
    body = "كركوك " + FILLER * 100_000 + " الموصل"  # about 5 MB
    html = str(snippets.snippet(body, spec("كركوك OR الموصل")))
    assert MARK.findall(html) == ["كركوك"]
    assert html.endswith(" …")
    assert measured and max(measured) <= 5000


def test_a_match_past_the_scanned_part_gives_the_opening_words_unmarked(settings):
    settings.SEARCH_SNIPPET_SCAN_CHARS = 5000
    body = FILLER * 1000 + " الموصل"
    html = str(snippets.snippet(body, spec("الموصل")))
    assert "<mark>" not in html
    assert html.startswith("قال مصدر أمني") and html.endswith(" …")


def test_a_snippet_of_an_ordinary_article_is_as_before(settings):
    body = FILLER * 20 + "معارك في الموصل اليوم. " + FILLER * 20
    html = str(snippets.snippet(body, spec("الموصل")))
    assert MARK.findall(html) == ["الموصل"]


def test_the_article_page_marks_only_its_first_characters_and_escapes_the_rest(settings, measured):
    settings.SEARCH_HIGHLIGHT_MAX_CHARS = 3000
    paragraphs = ["كركوك " + FILLER * 20] + [FILLER * 20] * 200 + ["<b>كركوك</b> " + FILLER]
    html = [str(p) for p in hl.highlight_paragraphs(paragraphs, spec("كركوك"))]
    assert MARK.findall(html[0]) == ["كركوك"]
    assert "<mark>" not in "".join(html[1:])
    assert html[-1].startswith("&lt;b&gt;كركوك&lt;/b&gt;")
    assert sum(measured) <= 3000 + 2000  # what was split for marking, the plain rest never


def test_a_paragraph_longer_than_the_limit_is_marked_up_to_it(settings):
    paragraph = "كركوك " + FILLER * 200 + " كركوك <i>"
    html = str(hl.highlight_paragraphs([paragraph], spec("كركوك"), limit=2000)[0])
    assert MARK.findall(html) == ["كركوك"]
    assert html.endswith("كركوك &lt;i&gt;")


@pytest.mark.django_db
def test_the_page_of_a_huge_article_marks_its_beginning_only(client, settings):
    settings.SEARCH_HIGHLIGHT_MAX_CHARS = 3000
    outlet = Outlet.objects.create(name="وكالة التجربة", slug="test-outlet")
    body = "كركوك " + FILLER + "\n" + "\n".join([FILLER * 10] * 300) + "\nكركوك في الختام"
    article = Article.objects.create(title="خبر طويل", body=body, outlet=outlet)
    page = client.get(article.get_absolute_url(), {"q": "كركوك"}).content.decode()
    assert page.count("<mark>كركوك</mark>") == 1
    assert "كركوك في الختام" in page
