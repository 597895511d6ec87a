"""Saved web pages: the text from the article, the facts from the page's metadata.

The date comes from what the page declares (article:published_time, then
JSON-LD datePublished, then <time datetime>, then the text's own header) and
never from the footer's "© 2023". The title loses its " - Outlet" suffix; the
outlet comes from og:site_name, JSON-LD publisher or the canonical domain.
"""
from datetime import date
from html import escape
import json

import pytest

from archive.ingest import read
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft
from archive.ingest.text import NO_DATE_WARNING
from tests.test_ingest_text import fresh_alias_index, gazetteer, outlet_named  # noqa: F401  (fixtures)

PARAGRAPHS = [
    "أكد المتحدث باسم التحالف الدولي ضد داعش، مايلز كاكينز، أن تنظيم داعش ينشط في عدد من مناطق العراق، "
    "مشيراً إلى أنه تم استهداف داعش في جبل قرجوغ وحدود الموصل خلال الأسابيع الماضية.",
    "وقال كاكينز لشبكة رووداو الإعلامية إن خلال الأسابيع الماضية نفذ داعش عدداً من الهجمات، مضيفاً أن مراكز "
    "عمليات التحالف مستمرة في سبيل إفراغ المناطق من مسلحي داعش.",
    "وأضاف أن تنظيم داعش يشكل في كركوك وحمرين وديالى مخاوف للأهالي، مشيراً إلى أنه تم استهدافهم في جبال "
    "قرجوغ وحدود الموصل.",
]
HEADLINE = "التحالف: داعش ينشط مجدداً في كركوك"


def page(*, meta_date="2020-02-07T10:15:00+03:00", ld_date="2020-02-06T09:00:00+03:00",
         time_date="2020-02-05", site_name="رووداو", og_title=f"{HEADLINE} - رووداو",
         canonical="https://www.rudaw.net/arabic/kurdistan/070220201", header_line="رووداو – أربيل"):
    head = ['<meta charset="utf-8">', f"<title>{HEADLINE} - شبكة رووداو الإعلامية</title>"]
    if og_title:
        head.append(f'<meta property="og:title" content="{og_title}">')
    if site_name:
        head.append(f'<meta property="og:site_name" content="{site_name}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    if meta_date:
        head.append(f'<meta property="article:published_time" content="{meta_date}">')
    if ld_date:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE,
              "datePublished": ld_date, "publisher": {"@type": "Organization", "name": "Rudaw"}}
        head.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    time_tag = f'<time datetime="{time_date}">{time_date}</time>' if time_date else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>{''.join(head)}</head>
<body>
<header><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a> <a href="/sport">رياضة</a></nav></header>
<main><article><h1>{HEADLINE}</h1>{time_tag}<p>{header_line}</p>{body}</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر آخر عن الرياضة</a></li></ul></aside>
<footer><p>© 2023 رووداو. جميع الحقوق محفوظة</p><p>2023</p></footer>
</body></html>""".encode("utf-8")


def read_page(data, name="page.html") -> Draft:
    [draft] = read(name, data, catalog=Catalog())
    assert isinstance(draft, Draft), draft
    return draft


def test_the_article_text_is_extracted_without_menus_asides_or_footer(gazetteer):
    draft = read_page(page())
    paragraphs = draft.body.split("\n\n")
    assert paragraphs[0].startswith("أكد المتحدث باسم التحالف الدولي")
    assert paragraphs[-1].startswith("وأضاف أن تنظيم داعش")
    for junk in ("الرئيسية", "الأكثر قراءة", "خبر آخر عن الرياضة", "©", "جميع الحقوق محفوظة", HEADLINE):
        assert junk not in draft.body
    assert "<" not in draft.body and "<" not in draft.title
    assert draft.format == "html"


def test_the_title_comes_from_og_title_without_the_outlet_suffix(gazetteer):
    assert read_page(page()).title == HEADLINE


def test_without_og_title_the_json_ld_headline_or_h1_is_used(gazetteer):
    assert read_page(page(og_title=None)).title == HEADLINE


def test_the_published_time_meta_gives_the_date(gazetteer):
    draft = read_page(page())
    assert (draft.published, draft.date_precision) == (date(2020, 2, 7), "day")


@pytest.mark.parametrize("overrides, expected", [
    ({"meta_date": None}, date(2020, 2, 6)),                                   # JSON-LD datePublished
    ({"meta_date": None, "ld_date": None}, date(2020, 2, 5)),                   # <time datetime>
    ({"meta_date": None, "ld_date": None, "time_date": None,
      "header_line": "رووداو – أربيل 04-02-2020"}, date(2020, 2, 4)),          # the text's header
])
def test_each_weaker_source_of_the_date_is_used_in_turn(gazetteer, overrides, expected):
    draft = read_page(page(**overrides))
    assert draft.published == expected


def test_the_footer_copyright_year_is_never_the_date(gazetteer):
    draft = read_page(page(meta_date=None, ld_date=None, time_date=None))
    assert draft.published is None
    assert draft.date_precision == ""
    assert NO_DATE_WARNING in draft.warnings


def test_the_outlet_comes_from_og_site_name(gazetteer):
    draft = read_page(page())
    assert draft.outlet_id == outlet_named("رووداو").pk


def test_without_site_name_the_canonical_domain_names_the_outlet(gazetteer):
    draft = read_page(page(site_name=None, header_line=""))
    assert draft.outlet_id == outlet_named("رووداو").pk


def test_an_unknown_site_is_proposed_as_a_new_outlet(gazetteer):
    draft = read_page(page(site_name="الشرق اليوم", og_title=f"{HEADLINE} | الشرق اليوم", ld_date=None,
                           canonical="https://alsharq-today.example/news/1", header_line=""))
    assert draft.outlet_is_new and draft.outlet_name == "الشرق اليوم"
    assert draft.title == HEADLINE


def test_the_canonical_url_is_kept(gazetteer):
    assert read_page(page()).url == "https://www.rudaw.net/arabic/kurdistan/070220201"


def test_the_dateline_is_read_from_the_text(gazetteer):
    assert read_page(page()).dateline_name == "أربيل"


def test_a_windows_1256_page_is_read(gazetteer):
    data = page().decode("utf-8").replace('<meta charset="utf-8">', '<meta charset="windows-1256">').encode("cp1256")
    assert read_page(data).title == HEADLINE


def test_a_page_with_no_text_is_refused(gazetteer):
    [failure] = read("empty.html", b"<!DOCTYPE html><html><head><title>x</title></head><body></body></html>",
                     catalog=Catalog())
    assert "لم يُعثر على نص المقال" in failure.message


def with_headline(headline, paragraphs=PARAGRAPHS):
    """``page()`` with another headline (in <title>, og:title, JSON-LD and <h1>) and other paragraphs."""
    html = page().decode("utf-8").replace(HEADLINE, escape(headline))
    html = html.replace("".join(f"<p>{p}</p>" for p in PARAGRAPHS), "".join(f"<p>{p}</p>" for p in paragraphs))
    return html.encode("utf-8")


@pytest.mark.parametrize("headline", [
    "داعش ينشط مجدداً",                      # three words: too short to read as a headline in a text file
    "كركوك مجدداً",
    "ISIS is active again in Kirkuk",        # mostly Latin letters
    "صفحة 0: <img src=x onerror=alert(1)>",   # mostly markup-like text
])
def test_a_headline_the_text_reader_would_not_take_for_one_does_not_cost_the_lead(gazetteer, headline):
    # The text reader took the next headline-like line, the lead, for the headline,
    # and the page's own title then replaced it: the lead was lost.
    draft = read_page(with_headline(headline))
    assert draft.title == headline
    assert draft.body.split("\n\n") == PARAGRAPHS
    assert draft.dateline_name == "أربيل"
    assert draft.outlet_id == outlet_named("رووداو").pk


def test_a_short_headline_over_a_single_short_paragraph_is_read(gazetteer):
    draft = read_page(with_headline("داعش ينشط مجدداً", PARAGRAPHS[:1]))
    assert (draft.title, draft.body) == ("داعش ينشط مجدداً", PARAGRAPHS[0])
