"""A page without metadata: the article's date from where the page prints it.

The date nearest the headline (between it and the first paragraph first, then
above it within the article), read whole (day, month and year in separate
spans) and from its attributes (``data-published``, ``title``); never a
teaser's, a comment's, the header's "today" bar or the footer's copyright,
and published over updated.
"""
from datetime import date

import lxml.html

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft
from archive.ingest.html_dates import page_date
from tests.test_ingest_html import HEADLINE, PARAGRAPHS
from tests.test_ingest_text import fresh_alias_index, gazetteer  # noqa: F401  (fixtures)

TEASERS = ('<div class="most-read"><ul>'
           '<li><a href="/a">وزير الخارجية يلتقي نظيره التركي في أنقرة</a> <span>2 آب 2018</span></li>'
           '<li><a href="/b">افتتاح معرض الكتاب في بغداد بمشاركة واسعة</a> <span>14/01/2018</span></li></ul></div>')


def page(*, under="", above="", after="", top="", side=TEASERS, heading="h1", paragraph="p"):
    body = "".join(f"<{paragraph}>{p}</{paragraph}>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{HEADLINE}</title></head>
<body><div class="top">{top}<nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav></div>{side}
<article>{above}<{heading}>{HEADLINE}</{heading}>{under}<div class="content">{body}</div>{after}</article>
<footer>© 2023 جميع الحقوق محفوظة</footer></body></html>"""


def dated(html):
    found = page_date(lxml.html.fromstring(html), HEADLINE)
    return (found[0], found[1]) if found else None


def test_the_byline_date_wins_over_the_teasers_printed_above_the_headline():
    html = page(under='<div class="byline"><span>سارة محمود</span> | <span>27 تموز 2015</span></div>', heading="h2")
    assert dated(html) == (date(2015, 7, 27), "day")


def test_a_date_split_over_spans_is_read_whole_at_day_precision():
    html = page(under='<div class="date"><span>5</span><span>سبتمبر</span><span>2018</span></div>')
    assert dated(html) == (date(2018, 9, 5), "day")


def test_a_date_only_in_a_data_attribute_behind_a_relative_age_is_read():
    html = page(under='<span class="pub" data-published="2015-08-06T09:15:00">منذ 8 ساعات</span>')
    assert dated(html) == (date(2015, 8, 6), "day")


def test_a_date_only_in_a_title_attribute_is_read():
    html = page(under='<abbr class="ts" title="21/03/2018 10:22">منذ يومين</abbr>')
    assert dated(html) == (date(2018, 3, 21), "day")


def test_a_date_above_the_headline_in_the_article_counts_but_the_today_bar_does_not():
    assert dated(page(above='<div class="kicker">الأحد 4 شباط 2018</div>')) == (date(2018, 2, 4), "day")
    assert dated(page(top='<div class="today">الاثنين 7 ديسمبر 2026</div>')) is None


def test_a_comment_under_the_article_never_dates_it_but_a_published_line_does():
    comment = '<div class="comments"><div><b>زائر</b> <span>07/08/2015</span><p>تعليق</p></div></div>'
    assert dated(page(after=comment)) is None
    assert dated(page(after='<p class="foot">نُشر في 3 آب 2015</p>' + comment)) == (date(2015, 8, 3), "day")


def test_published_wins_over_updated_printed_before_it():
    html = page(under='<div><span>آخر تحديث: 12/04/2018</span> <span>18/03/2018</span></div>')
    assert dated(html) == (date(2018, 3, 18), "day")


def test_paragraphs_in_divs_end_the_header_so_later_dates_are_no_byline():
    comment = '<div class="comments"><span>07/08/2015</span></div>'
    assert dated(page(paragraph="div", after=comment)) is None


def test_a_saved_page_is_dated_from_its_structure_and_says_so(gazetteer):
    html = page(under='<div class="meta"><span class="date"><span>5</span><span>سبتمبر</span><span>2018</span></span></div>',
                heading="h2")
    [draft] = read("page.html", html.encode("utf-8"), catalog=Catalog())
    assert isinstance(draft, Draft)
    assert (draft.published, draft.date_precision) == (date(2018, 9, 5), "day")
    assert "بنية الصفحة" in draft.provenance["date"]
