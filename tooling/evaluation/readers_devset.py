"""Write a development set for the readers from corpus records, and score it.

    .venv/bin/python -m tooling.evaluation.readers_devset write ../shared/corpus/articles.jsonl.gz data/devset
    DATA_DIR=... .venv/bin/python -m tooling.evaluation.readers_devset score data/devset [--show N]

The layouts are unlike ``extraction.py``'s and ``scripts/extraction_devset.py``'s:
each is a way a real Arabic news site prints a page or an archivist saves it
(the headline in an ``<h2>`` under a logo ``<h1>``, the date only in the URL or
in a ``<time>`` without ``datetime``, Hijri beside Gregorian, the date above the
headline, menus flattened one item a line, a print header, Word files with the
source at the end, zips, a scraper's JSON lines). The date printed is the
record's (or, for the Saudi records that have none, the crawl day), so the
truth is known. Nothing from the corpus is committed: the set is generated at
run time into an ignored folder.

The score counts, per format and layout: title (exact after whitespace), outlet
(the catalogue slug; a proposed outlet is a miss), date at its precision, body
furniture-free (starts with the first paragraph, ends with the last, holds none
of the furniture strings) and bad files refused.
"""
import argparse
from collections import defaultdict
from datetime import datetime, timedelta
import gzip
import html
import io
import json
import os
import random
import re
import sys
import unicodedata
import zipfile

# slug, Arabic name as printed, printed dateline forms, Latin name, domain, url path, copyright holder
OUTLETS = {
    "skynews": ("sky-news-arabia", "سكاي نيوز عربية", ["أبوظبي - سكاي نيوز عربية", "سكاي نيوز عربية - أبوظبي"],
                "Sky News Arabia", "www.skynewsarabia.com", "/middle-east/"),
    "alarabia": ("al-arabiya", "العربية.نت", ["دبي - العربية.نت", "العربية.نت - وكالات"], "Al Arabiya",
                 "www.alarabiya.net", "/ar/arab-and-world/"),
    "france24": ("france-24-arabic", "فرانس 24", ["فرانس 24 / أ ف ب", "باريس - فرانس 24"], "France 24",
                 "www.france24.com", "/ar/"),
    "BBC": ("bbc-arabic", "بي بي سي عربي", ["بي بي سي عربي", "BBC عربي"], "BBC News عربي", "www.bbc.com",
            "/arabic/middleeast-"),
    "CNN": ("cnn-arabic", "CNN بالعربية", ["(CNN)", "دبي، الإمارات العربية المتحدة (CNN)"], "CNN Arabic",
            "arabic.cnn.com", "/middle-east/article/"),
    "okaz": ("okaz", "عكاظ", ["عكاظ (جدة)", "جدة - عكاظ"], "Okaz", "www.okaz.com.sa", "/news/local/"),
    "alriyadh": ("al-riyadh", "جريدة الرياض", ["الرياض - جريدة الرياض"], "Alriyadh newspaper", "www.alriyadh.com", "/"),
    "sabq": ("sabq", "صحيفة سبق الإلكترونية", ["سبق - الرياض"], "Sabq", "sabq.org", "/news/"),
    "aawsat": ("asharq-al-awsat", "الشرق الأوسط", ["لندن: «الشرق الأوسط»"], "Asharq Alawsat", "aawsat.com",
               "/home/article/"),
    "was": ("saudi-press-agency", "واس", ["الرياض - واس"], "Saudi Press Agency", "www.spa.gov.sa", "/viewstory.php?newsid="),
}
EG = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
LEV = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
       "تشرين الثاني", "كانون الأول"]
MAG = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
HIJRI = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان",
         "شوال", "ذو القعدة", "ذو الحجة"]
DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
MENU = ["الرئيسية", "أخبار", "سياسة", "محليات", "اقتصاد", "رياضة", "ثقافة", "منوعات", "فيديو", "مقالات", "اتصل بنا"]
SHARE_LINES = ["شارك على فيسبوك", "غرّد على تويتر", "واتساب", "تيليجرام", "انسخ الرابط", "مشاركة"]
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
LAYOUTS = ("html_logo_h2", "html_div_title", "html_hijri_before", "html_url_only", "html_ld_graph",
           "txt_menu_lines", "txt_date_above", "txt_print", "txt_agency",
           "docx_source_end", "docx_heading_date", "docx_hijri")
ZIP_LAYOUTS = ("html_logo_h2", "txt_menu_lines", "docx_heading_date", "txt_date_above")


def paragraphs(body):
    return [p.strip() for p in body.replace("\u00a0", " ").split("\n") if len(p.strip()) > 1]


def sample(path, n, seed, slot=5):
    rng = random.Random(seed)
    pool = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 11 != slot:  # an even slice of the file, not the one the older set drew
                continue
            r = json.loads(line)
            if r["source"] not in OUTLETS or not r.get("title") or len(r["title"].split()) < 4:
                continue
            ps = paragraphs(r["body"])
            if not (2 <= len(ps) <= 25 and len(ps[0]) > 80 and len(ps[-1]) > 30):
                continue
            head = " ".join(ps[:2])[:400]
            if r.get("published"):
                r["day"] = datetime.fromisoformat(r["published"]).date()
            else:  # a Saudi record: the crawl day, and only if the text prints no date of its own
                if re.search(r"(?:13|14|19|20)\d\d|هـ", head):
                    continue
                r["day"] = datetime.fromisoformat(r["meta"]["date_extracted"]).date()
            pool.append(r)
    rng.shuffle(pool)
    by_source = defaultdict(list)
    for r in pool:
        by_source[r["source"]].append(r)
    picked = []  # round-robin over outlets so each is present
    while len(picked) < n and any(by_source.values()):
        for source in list(by_source):
            if by_source[source] and len(picked) < n:
                picked.append(by_source[source].pop())
    rest = [r for rs in by_source.values() for r in rs]
    return picked, rest


def hijri(d):
    from hijridate import Gregorian

    h = Gregorian(d.year, d.month, d.day).to_hijri()
    return h.year, h.month, h.day


def weekday(d):
    return DAYS[d.weekday()]


def clock(rng):
    return f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(['ص', 'م'])}"


def _page(head, body):
    return f"<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>"


def _ps(ps, e=html.escape):
    return "".join(f"<p>{e(p)}</p>" for p in ps)


def _ul(items, cls, e=html.escape):
    return f"<ul class='{cls}'>" + "".join(f"<li><a href='/x{i}'>{e(t)}</a></li>" for i, t in enumerate(items)) + "</ul>"


# --- HTML --------------------------------------------------------------------------------------------------------

def html_logo_h2(r, rng, rel):
    """Site name in <h1> (the logo), headline in <h2>, Arabic title suffix, <time> without datetime, og:url only."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    url = f"https://{domain}{path}{rng.randint(100000, 999999)}"
    head = (f"<title>{e(r['title'])} | {e(ar)}</title><meta property='og:url' content='{url}'>"
            f"<meta property='og:title' content='{e(r['title'])}'><meta name='viewport' content='width=device-width'>")
    crumbs = "<div class='crumbs'><a href='/'>الرئيسية</a> › <a href='/n'>أخبار</a> › <span>عربي ودولي</span></div>"
    stamp = f"{weekday(d)} {d.day} {EG[d.month - 1]} {d.year} - {clock(rng)}"
    ps = paragraphs(r["body"])
    cut = min(2, len(ps) - 1)
    box = f"<div class='read-more'><strong>اقرأ أيضاً</strong><a href='/r'>{e(rel[0])}</a></div>"
    body = (f"<header><h1 class='logo'><a href='/'>{e(ar)}</a></h1>{_ul(MENU[:8], 'menu')}</header>{crumbs}"
            f"<article><h2 class='headline'>{e(r['title'])}</h2><div class='meta'><span class='author'>{e(forms[0])}</span>"
            f"<time>{stamp}</time></div>{_ul(['فيسبوك', 'تويتر', 'واتساب'], 'share')}"
            f"<div class='text'>{_ps(ps[:cut])}{box}{_ps(ps[cut:])}</div></article>"
            f"<aside><h3>الأكثر قراءة</h3>{_ul(rel[1:4], 'most')}</aside>"
            f"<footer>جميع الحقوق محفوظة © {d.year + 6} {e(ar)}</footer>")
    return _page(head, body), [rel[0], rel[1], "اقرأ أيضاً", "فيسبوك"], "day"


def html_div_title(r, rng, rel):
    """No <h1>: the headline in a div, the outlet only in the logo's alt and the copyright line, date in the breadcrumb."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = paragraphs(r["body"])
    body = (f"<div id='top'><a href='/'><img src='/logo.png' alt='{e(ar)}'></a>"
            f"<div class='nav'>{' | '.join(MENU[:7])}</div></div>"
            f"<div class='breaking'>عاجل: {e(rel[3])}</div>"
            f"<div class='path'>الرئيسية / {rng.choice(MENU[2:6])} / {d.day:02d}-{d.month:02d}-{d.year}</div>"
            f"<div class='article-title'>{e(r['title'])}</div>"
            f"<div class='article-body'>{_ps(ps)}</div>"
            f"<div class='tags'>كلمات مفتاحية: <a>داعش</a> <a>العراق</a></div>"
            f"<div class='related'><div>أخبار ذات صلة</div>{_ul(rel[:3], 'rel')}</div>"
            f"<div class='copy'>جميع الحقوق محفوظة لـ {e(ar)} © {d.year + 5}</div>")
    head = f"<title>{e(r['title'])}</title>"
    return _page(head, body), [rel[0], rel[3], "عاجل", "كلمات مفتاحية"], "day"


def html_hijri_before(r, rng, rel):
    """Date above the headline, Hijri beside Gregorian, published and updated; og:title with a Latin suffix."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    hy, hm, hd = hijri(d)
    up = d + timedelta(days=rng.randint(1, 40))
    ps = paragraphs(r["body"])
    head = (f"<title>{e(r['title'])} - {e(latin)}</title><meta property='og:title' content='{e(r['title'])} - {e(latin)}'>"
            f"<meta name='description' content='{e(ps[0][:150])}'><link rel='canonical' href='https://{domain}{path}{rng.randint(1000, 99999)}'>")
    dates = (f"<div class='dates'><span>تاريخ النشر: {weekday(d)} {hd} {HIJRI[hm - 1]} {hy} هـ - {d.day} {EG[d.month - 1]} {d.year} م</span>"
             f"<span>آخر تحديث: {up.day} {EG[up.month - 1]} {up.year} {clock(rng)}</span></div>")
    body = (f"<nav>{_ul(MENU, 'm')}</nav><main>{dates}<h1>{e(r['title'])}</h1>"
            f"<div class='share'><span>1.2K مشاركة</span><a>فيسبوك</a><a>تويتر</a><a>تعليقات (3)</a></div>"
            f"<section class='content'>{_ps(ps)}</section></main>"
            f"<div class='most'><h4>الأكثر مشاهدة</h4>{_ul(rel[:4], 'mv')}</div>"
            f"<footer>© {d.year + 4} {e(latin)}. All rights reserved</footer>")
    return _page(head, body), [rel[0], rel[1], "مشاركة", "تعليقات"], "day"


def html_url_only(r, rng, rel):
    """The date only in the canonical URL's path; <title> with the outlet's Latin name as suffix."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    url = f"https://{domain}/{d.year}/{d.month:02d}/{d.day:02d}/{rng.randint(1000, 99999)}.html"
    ps = paragraphs(r["body"])
    head = f"<title>{e(r['title'])} | {e(latin)}</title><link rel='canonical' href='{url}'>"
    body = (f"<div class='header'>{_ul(MENU[:9], 'nav')}</div><div class='post'><h1 class='post-title'>{e(r['title'])}</h1>"
            f"<div class='post-body'>{_ps(ps)}</div>"
            f"<div class='share'>شارك الخبر: <a>فيسبوك</a> <a>تويتر</a></div></div>"
            f"<div class='side'><h3>آخر الأخبار</h3>{_ul(rel[:4], 'latest')}</div>"
            f"<div class='footer'>{' - '.join(MENU[:5])}<br>Copyright © {d.year + 3}</div>")
    return _page(head, body), [rel[0], "شارك الخبر"], "day"


def html_ld_graph(r, rng, rel):
    """JSON-LD in an @graph (WebSite + NewsArticle) with dateModified; <h1> holds the site name."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    up = d + timedelta(days=rng.randint(1, 9))
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": latin, "url": f"https://{domain}/"},
        {"@type": "NewsArticle", "headline": r["title"], "datePublished": f"{d.isoformat()}T{rng.randint(0, 23):02d}:15:00+03:00",
         "dateModified": f"{up.isoformat()}T08:00:00+03:00", "author": {"@type": "Person", "name": "فريق التحرير"},
         "publisher": {"@type": "Organization", "name": latin}}]}
    ps = paragraphs(r["body"])
    head = f"<title>{e(latin)}</title><script type='application/ld+json'>{json.dumps(graph, ensure_ascii=False)}</script>"
    body = (f"<h1>{e(ar)}</h1>{_ul(MENU[:6], 'nav')}<div class='story'><h2>{e(r['title'])}</h2>"
            f"<p class='byline'>{e(forms[0])}</p>{_ps(ps)}</div>{_ul(rel[:3], 'more')}")
    return _page(head, body), [rel[0]], "day"


# --- text saves --------------------------------------------------------------------------------------------------

def txt_menu_lines(r, rng, rel):
    """Menu flattened one item a line, a breaking bar, a › breadcrumb, byline + numeric date, share lines, trailer."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    cut = min(2, len(ps) - 1)
    bar = f"عاجل {rel[3]}"
    lines = [latin, *MENU[:8], "", "عاجل", rel[3], "الرئيسية › أخبار › عربي ودولي", "", r["title"], "",
             f"بقلم: {rng.choice(['أحمد علي', 'سارة محمد', 'محرر الشؤون العربية'])}",
             f"{d.day:02d}/{d.month:02d}/{d.year} {clock(rng)}", *SHARE_LINES[:4], "",
             *ps[:cut], f"اقرأ أيضاً: {rel[0]}", *ps[cut:], "", "تعليقات (0)", "الأكثر قراءة", *rel[1:3],
             f"© {d.year + 5} {latin}. جميع الحقوق محفوظة"]
    return "\n".join(lines), [rel[0], rel[1], rel[3], "شارك على فيسبوك", "واتساب", "تعليقات"], "day"


def txt_date_above(r, rng, rel):
    """The date first (Levantine months, weekday), a / breadcrumb, headline, dateline in the lead, view counter."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lead = f"{forms[0]}: {ps[0]}" if not ps[0].startswith(forms[0]) else ps[0]
    lines = [f"{weekday(d)}، {d.day} {LEV[d.month - 1]} {d.year}", "الرئيسية / أخبار / الشرق الأوسط", "",
             r["title"], f"عدد المشاهدات: {rng.randint(100, 9999)}", "", lead, *ps[1:], "",
             "مواضيع ذات صلة:", rel[0], rel[1], "", "النشرة البريدية", "اشترك ليصلك أهم الأخبار"]
    return "\n".join(lines), [rel[0], rel[1], "عدد المشاهدات", "النشرة البريدية"], "day", lead


def txt_print(r, rng, rel):
    """A printed page: "<title> | Outlet" header with the print date, the page, the URL at the foot."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [f"{r['title']} | {ar}", "", f"{d.year}/{d.month:02d}/{d.day:02d}", r["title"], "", *ps, "",
             "طباعة", "أرسل لصديق", f"https://{domain}{path}{rng.randint(1000, 99999)}"]
    return "\n".join(lines), ["طباعة", "أرسل لصديق"], "day"


def txt_agency(r, rng, rel):
    """Outlet and date on one line above the headline, Arabic-Indic digits, Maghrebi months; keywords and print lines."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    stamp = f"{d.day} {MAG[d.month - 1]} {d.year}".translate(ARABIC_DIGITS)
    lines = ["تسجيل الدخول", "بحث", f"{ar} | {stamp}", r["title"], "A+ A-", *ps,
             "الكلمات المفتاحية: سياسة، أمن", "أضف تعليقاً", *rel[:2]]
    return "\n".join(lines), [rel[0], "أضف تعليق", "الكلمات المفتاحية"], "day"


# --- Word --------------------------------------------------------------------------------------------------------

def docx_bytes(lines, heading=None, props=None, header=None):
    """A Word file of these paragraphs, after an optional heading, with an
    optional page header and core properties."""
    import docx

    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if heading:
        document.add_heading(heading, level=1)
    for line in lines:
        document.add_paragraph(line)
    for key, value in (props or {}).items():
        setattr(document.core_properties, key, value)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def docx_source_end(r, rng, rel):
    """Headline, body, and at the end the source and date ("المصدر: … ، 14 مايو 2018")."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    return docx_bytes([r["title"], "", *ps, "", f"المصدر: {ar}، {d.day} {EG[d.month - 1]} {d.year}"],
                      props={"author": "أرشيف"}), [], "day"


def docx_heading_date(r, rng, rel):
    """A Heading-styled headline, "التاريخ: 14/5/2018", an outlet named only in the file's properties."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    return docx_bytes([f"التاريخ: {d.day}/{d.month}/{d.year}", *ps], heading=r["title"],
                      props={"title": r["title"], "subject": latin}), [], "day"


def docx_hijri(r, rng, rel):
    """An archivist's clipping: file number, the outlet and Hijri date with its Gregorian day, headline, body."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    hy, hm, hd = hijri(d)
    ps = paragraphs(r["body"])
    return docx_bytes([f"ملف رقم {rng.randint(10, 999)}", f"{ar} - {weekday(d)} {hd} {HIJRI[hm - 1]} {hy}هـ الموافق {d.day}/{d.month}/{d.year}م",
                       r["title"], *ps]), [f"ملف رقم"], "day"


# --- JSON lines from a scraper -------------------------------------------------------------------------------------

def jsonl_scraper(records, rng):
    lines = []
    for r in records:
        slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
        d = r["day"]
        lines.append(json.dumps({"headline": r["title"], "content": r["body"], "site": latin,
                                 "date": f"{d.day:02d}/{d.month:02d}/{d.year} {rng.randint(0, 23):02d}:10",
                                 "link": f"https://{domain}{path}{rng.randint(1000, 99999)}"}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


# --- family B: written and frozen before being scored once (a check that the readers generalise) -----------------

def b_html_wp(r, rng, rel):
    """A WordPress page: entry-title, the updated <time> before the published one, the site's name in a link."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    up = d + timedelta(days=rng.randint(2, 30))
    ps = paragraphs(r["body"])
    head = f"<title>{e(r['title'])} &#8211; {e(ar)}</title>"
    body = (f"<div class='site-branding'><p class='site-title'><a href='https://{domain}/' rel='home'>{e(ar)}</a></p></div>"
            f"{_ul(MENU[:6], 'menu')}<article class='post'><header class='entry-header'><h1 class='entry-title'>{e(r['title'])}</h1>"
            f"<div class='entry-meta'><time class='updated' datetime='{up.isoformat()}T10:00:00+00:00'>{up.isoformat()}</time>"
            f"<time class='entry-date published' datetime='{d.isoformat()}T08:00:00+00:00'>{d.isoformat()}</time></div></header>"
            f"<div class='entry-content'>{_ps(ps)}</div></article><div class='widget'><h2>أحدث المقالات</h2>{_ul(rel[:4], 'recent')}</div>")
    return _page(head, body), [rel[0], rel[1]], "day"


def b_html_table(r, rng, rel):
    """An old table layout: "Outlet | Headline" title, headline and issue line in cells, paragraphs split by <br>."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    hy, hm, hd = hijri(d)
    ps = paragraphs(r["body"])
    head = f"<title>{e(ar)} | {e(r['title'])}</title>"
    body = (f"<table width='100%'><tr><td>{' - '.join(MENU[:7])}</td></tr>"
            f"<tr><td class='t1'><b>{e(r['title'])}</b></td></tr>"
            f"<tr><td class='d'>العدد {rng.randint(10000, 17999)} - {weekday(d)} {hd} {HIJRI[hm - 1]} {hy}هـ - {d.day} {EG[d.month - 1]} {d.year}م</td></tr>"
            f"<tr><td>{'<br><br>'.join(e(p) for p in ps)}</td></tr>"
            f"<tr><td><a href='/print'>طباعة</a> | <a href='/send'>أرسل لصديق</a></td></tr></table>")
    return _page(head, body), ["طباعة"], "day"


def b_html_english_date(r, rng, rel):
    """og:site_name in English, the date in English words in a span under the <h1>."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = paragraphs(r["body"])
    head = f"<title>{e(r['title'])}</title><meta property='og:site_name' content='{e(latin)}'>"
    body = (f"{_ul(MENU[:8], 'nav')}<div class='container'><h1>{e(r['title'])}</h1>"
            f"<span class='date'>{d:%B} {d.day}, {d.year} {rng.randint(1, 12)}:{rng.randint(10, 59)} AM</span>"
            f"<div class='body'>{_ps(ps)}</div><div class='tags'>الوسوم: <a>أخبار</a></div></div>"
            f"<div class='related'><h3>اقرأ أيضاً</h3>{_ul(rel[:3], 'r')}</div>")
    return _page(head, body), [rel[0], "الوسوم"], "day"


def b_txt_mobile(r, rng, rel):
    """A mobile save: "القائمة", the outlet's name, headline, "14.05.2018 | 11:26", the article, a newsletter box."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = ["القائمة", "بحث", ar, "", r["title"], f"{d.day:02d}.{d.month:02d}.{d.year} | {rng.randint(10, 23)}:{rng.randint(10, 59)}",
             "", *ps, "", "اشترك في نشرتنا البريدية", "البريد الإلكتروني", "اشترك", *rel[:2]]
    return "\n".join(lines), [rel[0], "اشترك في نشرتنا البريدية"], "day"


def b_txt_reader(r, rng, rel):
    """A reader-view copy: the domain, headline, author, reading time; the date and outlet in the lead's dateline."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    hy, hm, hd = hijri(d)
    ps = paragraphs(r["body"])
    lead = f"الرياض {hd} {HIJRI[hm - 1]} {hy} هـ الموافق {d.day} {EG[d.month - 1]} {d.year} م {ar} - {ps[0]}"
    lines = [domain.removeprefix("www."), r["title"], rng.choice(["أحمد علي", "محرر الموقع"]), f"{rng.randint(2, 6)}-{rng.randint(7, 9)} دقائق", "",
             lead, *ps[1:]]
    return "\n".join(lines), [], "day", lead


def b_txt_copy(r, rng, rel):
    """Copied by hand: blank lines between paragraphs, "تاريخ النشر: 2018-05-14", "المصدر: Latin name" at the end."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [r["title"], "", f"تاريخ النشر: {d.isoformat()}", ""]
    for p in ps:
        lines += [p, ""]
    lines += [f"المصدر: {latin}"]
    return "\n".join(lines), [], "day"


def b_docx_table(r, rng, rel):
    """Word with a header table (outlet, date cells) above the headline and body paragraphs."""
    import docx

    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = f"الصحيفة: {ar}"
    table.rows[0].cells[1].text = f"التاريخ: {d.day} {LEV[d.month - 1]} {d.year}"
    document.add_paragraph(r["title"])
    for p in ps:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue(), [], "day"


def b_docx_english_source(r, rng, rel):
    """Headline, an English source line "Source: Latin, 14 May 2018", body."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    return docx_bytes([r["title"], f"Source: {latin}, {d.day} {d:%B} {d.year}", *paragraphs(r["body"])]), [], "day"


def b_bad_files(rel):
    menu = "<nav>" + "".join(f"<a href='/s{i}'>{m}</a> " for i, m in enumerate(MENU)) + "</nav>"
    return {
        "b_bad_removed.txt": "\n".join(["عكاظ", *MENU[:6], "تم حذف هذا المحتوى", "المحتوى الذي تحاول الوصول إليه لم يعد متاحاً.", *rel[:6]]),
        "b_bad_video.html": _page("<title>شاهد: لحظة الانفجار</title>", menu + "<h1>شاهد: لحظة الانفجار</h1><div class='video'></div><p>شاهد الفيديو</p>"),
        "b_bad_menu_only.html": _page("<title>سكاي نيوز عربية</title>", menu + _ul(rel[:10], "list")),
        "b_bad_login.txt": "\n".join(["تسجيل الدخول", "اسم المستخدم", "كلمة المرور", "نسيت كلمة المرور؟", "دخول", "ليس لديك حساب؟ سجل الآن"]),
    }


B_LAYOUTS = ("b_html_wp", "b_html_table", "b_html_english_date", "b_txt_mobile", "b_txt_reader", "b_txt_copy",
             "b_docx_table", "b_docx_english_source")


# --- family C: written and frozen before being scored once, after family B's fixes -------------------------------

def c_html_kicker(r, rng, rel):
    """twitter:title only; a kicker span inside the <h1>; a text logo; both month systems with spaces around the slash."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = paragraphs(r["body"])
    head = f"<title>{e(r['title'])}</title><meta name='twitter:title' content='{e(r['title'])}'>"
    body = (f"<header><a class='logo' href='/'><span>{e(ar)}</span></a>{_ul(MENU[:7], 'menu')}</header>"
            f"<main><h1><span class='kicker'>حصري</span> {e(r['title'])}</h1>"
            f"<div class='post-date'>{weekday(d)}، {d.day} {LEV[d.month - 1]} / {EG[d.month - 1]} {d.year}</div>"
            f"{_ps(ps)}</main><aside>{_ul(rel[:4], 'side')}</aside>")
    return _page(head, body), [rel[0], "حصري"], "day"


def c_html_microdata(r, rng, rel):
    """schema.org microdata only: itemprop headline, datePublished meta, publisher name meta."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = paragraphs(r["body"])
    body = (f"{_ul(MENU[:6], 'nav')}<div itemscope itemtype='http://schema.org/NewsArticle'>"
            f"<h1 itemprop='headline'>{e(r['title'])}</h1><meta itemprop='datePublished' content='{d.isoformat()}'>"
            f"<span itemprop='publisher' itemscope itemtype='http://schema.org/Organization'><meta itemprop='name' content='{e(latin)}'></span>"
            f"<div itemprop='articleBody'>{_ps(ps)}</div></div>{_ul(rel[:3], 'more')}")
    return _page(f"<title>{e(r['title'])}</title>", body), [rel[0]], "day"


def c_html_indic_byline(r, rng, rel):
    """Arabic og:site_name, a byline paragraph with Arabic-Indic digits under the <h1>."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = paragraphs(r["body"])
    stamp = f"{d.day} {EG[d.month - 1]} {d.year}".translate(ARABIC_DIGITS)
    head = f"<title>{e(r['title'])}</title><meta property='og:site_name' content='{e(ar)}'>"
    body = (f"<h1>{e(r['title'])}</h1><p class='byline'>بقلم {rng.choice(['سامي خليل', 'منى حسن'])} - {stamp}</p>"
            f"{_ps(ps)}<div class='share'><a>شارك</a><a>تويتر</a></div>")
    return _page(head, body), ["شارك"], "day"


def c_txt_fields(r, rng, rel):
    """Field lines under the headline (الكاتب: / التاريخ: / القسم:), tags and a comment count at the end."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [ar, "الرئيسية | سياسة | اقتصاد | رياضة", r["title"], f"الكاتب: {rng.choice(['فريق التحرير', 'خالد عمر'])}",
             f"التاريخ: {weekday(d)} {d.day}/{d.month}/{d.year}", "القسم: سياسة", *ps, "الوسوم: أخبار، سياسة",
             f"{rng.randint(2, 9)} تعليقات", *rel[:2]]
    return "\n".join(lines), [rel[0], "الوسوم", "تعليقات"], "day"


def c_txt_repost(r, rng, rel):
    """A forum repost: «headline» in quotes after "منقول", "بتاريخ 14-5-2018", the source URL at the end."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = ["منقول", r["title"], f"بتاريخ {d.day}-{d.month}-{d.year}", "", *ps, "",
             f"المصدر: https://{domain}{path}{rng.randint(1000, 99999)}", "رد مع اقتباس"]
    return "\n".join(lines), ["رد مع اقتباس"], "day"


def c_docx_issue(r, rng, rel):
    """Word: headline, a deck, "Outlet، العدد 1234، 14 مايو 2018", body."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    deck = "تفاصيل جديدة حول الخبر وردود الفعل عليه"
    return docx_bytes([r["title"], deck, f"{ar}، العدد {rng.randint(1000, 9999)}، {d.day} {EG[d.month - 1]} {d.year}", *ps]), [deck], "day"


def c_docx_month(r, rng, rel):
    """Word: headline, the month and year alone ("أيار 2018"), body; the outlet only in the file's name."""
    d = r["day"]
    ps = paragraphs(r["body"])
    return docx_bytes([r["title"], f"{LEV[d.month - 1]} {d.year}", *ps]), [], "month"


C_LAYOUTS = ("c_html_kicker", "c_html_microdata", "c_html_indic_byline", "c_txt_fields", "c_txt_repost",
             "c_docx_issue", "c_docx_month")


def c_bad_files(rel):
    return {
        "c_bad_404.txt": "404 Not Found\nThe requested URL was not found on this server.\nApache Server",
        "c_bad_gallery.html": _page("<title>صور: مشاهد من المدينة</title>", "<h1>صور: مشاهد من المدينة</h1>" + "".join(
            f"<figure><img src='/p{i}.jpg'><figcaption>{html.escape(t[:30])}</figcaption></figure>" for i, t in enumerate(rel[:8]))),
        "c_bad_archive_list.txt": "\n".join(["أرشيف الأخبار", *[f"{t} - {i + 1}/5/2018" for i, t in enumerate(rel[:10])], "الصفحة التالية"]),
    }


def write_c(corpus, out, n, seed):
    """Family C: one file per case (the Word files named after their outlet), a JSON-lines file of another shape, bad files."""
    rng = random.Random(seed)
    cases, others = sample(corpus, n, seed, slot=9)
    os.makedirs(out, exist_ok=True)
    truth = {}
    plain, recs = cases[: n - 6], cases[n - 6:]
    _write_cases(out, truth, plain, C_LAYOUTS, rng, others, "c_", outlet_in_word_names=True)
    lines = []
    for i, r in enumerate(recs):
        slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
        lines.append(json.dumps({"title": r["title"], "text": r["body"], "source_name": ar,
                                 "pub_date": f"{r['day'].isoformat()}T11:26:00Z", "url": f"https://{domain}{path}{i}"}, ensure_ascii=False))
        truth[f"feed.jsonl#{i + 1}"] = _truth(r, "jsonl_feed", [], "day")
    _write_jsonl(out, "feed.jsonl", lines)
    _write_bad_files(out, truth, c_bad_files([o["title"] for o in others[:12]]))
    _write_truth(out, truth)


# --- family D: written and frozen after all the changes above, scored once to estimate what an unseen set gives ----

def d_html_dates_block(r, rng, rel):
    """A Latin/Arabic <title> suffix only; "آخر تحديث" before "نُشر في" (numeric); a "read also" list inside the article."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    up = d + timedelta(days=rng.randint(1, 5))
    ps = paragraphs(r["body"])
    cut = min(2, len(ps) - 1)
    head = f"<title>{e(r['title'])} | {e(ar)}</title>"
    body = (f"{_ul(MENU[:8], 'nav')}<article><h1>{e(r['title'])}</h1>"
            f"<div class='article-dates'><span>آخر تحديث {up.day}/{up.month}/{up.year}</span> <span>نُشر في {d.day}/{d.month}/{d.year}</span></div>"
            f"{_ps(ps[:cut])}<div class='inline-related'><h4>اقرأ أيضا</h4>{_ul(rel[:2], 'ir')}</div>{_ps(ps[cut:])}</article>")
    return _page(head, body), [rel[0], rel[1], "اقرأ أيضا"], "day"


def d_html_meta_author(r, rng, rel):
    """The outlet only in <meta name="author">; the date only in a compact <meta name="pubdate" content="20180514">."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = paragraphs(r["body"])
    head = (f"<title>{e(r['title'])}</title><meta name='author' content='{e(ar)}'>"
            f"<meta name='pubdate' content='{d:%Y%m%d}'>")
    body = f"<div id='main'><h1>{e(r['title'])}</h1>{_ps(ps)}</div><div id='side'>{_ul(rel[:4], 's')}</div>"
    return _page(head, body), [rel[0]], "day"


def d_html_lead_date(r, rng, rel):
    """og:site_name; the date only in the first paragraph's dateline ("بيروت - 14 أيار 2018 - ...")."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = paragraphs(r["body"])
    lead = f"بيروت - {d.day} {LEV[d.month - 1]} {d.year} - {ps[0]}"
    head = f"<title>{e(r['title'])}</title><meta property='og:site_name' content='{e(latin)}'>"
    body = f"<h1>{e(r['title'])}</h1>{_ps([lead, *ps[1:]])}"
    out = _page(head, body), [], "day"
    return (*out, lead)


def d_txt_sidebar_first(r, rng, rel):
    """The sidebar printed first ("الأكثر قراءة" and its headlines), then headline, date, body; the outlet in the copyright line."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = ["الأكثر قراءة", *rel[:4], "", r["title"], f"{d.day} {EG[d.month - 1]} {d.year}", "", *ps, "",
             f"جميع الحقوق محفوظة © {d.year + 2} {ar}"]
    return "\n".join(lines), [rel[0], rel[1]], "day"


def d_txt_bottom_date(r, rng, rel):
    """Headline then the article straight away; the date and the outlet only at the bottom."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [r["title"], "", *ps, "", f"نشر بتاريخ: {d.day:02d}/{d.month:02d}/{d.year}", f"المصدر: {ar}"]
    return "\n".join(lines), [], "day"


def d_docx_email(r, rng, rel):
    """Pasted from an e-mail: From/Sent/Subject lines, the headline, "Outlet - 14/5/2018", body, a signature."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = ["From: archive@example.org", f"Sent: {d:%A}, {d:%B} {d.day}, {d.year + 1} 9:14 AM", f"Subject: {r['title']}", "",
             r["title"], f"{ar} - {d.day}/{d.month}/{d.year}", *ps, "--", "قسم الأرشيف"]
    return docx_bytes(lines), ["From:", "قسم الأرشيف"], "day"


def d_docx_outlet_year(r, rng, rel):
    """Headline, "Outlet، 2018" (year only), body."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    return docx_bytes([r["title"], f"{ar}، {d.year}", *paragraphs(r["body"])]), [], "year"


D_LAYOUTS = ("d_html_dates_block", "d_html_meta_author", "d_html_lead_date", "d_txt_sidebar_first", "d_txt_bottom_date",
             "d_docx_email", "d_docx_outlet_year")


def d_bad_files(rel):
    items = "".join(f"<item><title>{html.escape(t)}</title><link>https://example.org/{i}</link></item>" for i, t in enumerate(rel[:8]))
    return {
        "d_bad_feed.txt": f"<?xml version='1.0'?><rss><channel><title>أخبار</title>{items}</channel></rss>",
        "d_bad_empty.html": _page("<title>سكاي نيوز عربية</title><script>var x=1;</script>", "<div id='app'></div><noscript>يجب تفعيل جافاسكريبت</noscript>"),
        "d_bad_headlines.docx": None,
    }


def write_d(corpus, out, n, seed):
    """Family D: one file per case, a zip of a few."""
    rng = random.Random(seed)
    cases, others = sample(corpus, n, seed, slot=3)
    os.makedirs(out, exist_ok=True)
    truth = {}
    plain, zipped = cases[: n - 6], cases[n - 6:]
    _write_cases(out, truth, plain, D_LAYOUTS, rng, others, "d_")
    _write_zip(out, truth, "more.zip", "d", zipped, D_LAYOUTS, rng, others, "d_", step=2)
    rel = [o["title"] for o in others[:12]]
    _write_bad_files(out, truth, {name: docx_bytes(rel[:10]) if content is None else content
                                  for name, content in d_bad_files(rel).items()})
    _write_truth(out, truth)


# --- family E: written and frozen after family D's changes, scored once -----------------------------------------

def e_html_related_first(r, rng, rel):
    """Related <h2> headlines before the article's <h1>; a byline "بقلم فلان | date"; the outlet only in <meta name="copyright">."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = paragraphs(r["body"])
    head = f"<title>{e(r['title'])}</title><meta name='copyright' content='© {d.year + 3} {e(ar)}'>"
    rel_box = "<div class='top-stories'>" + "".join(f"<h2><a href='/t{i}'>{e(t)}</a></h2>" for i, t in enumerate(rel[:3])) + "</div>"
    body = (f"{rel_box}<article><h1>{e(r['title'])}</h1><div class='byline'>بقلم {rng.choice(['سامي خليل', 'منى حسن'])} | "
            f"{d.day} {EG[d.month - 1]} {d.year}</div>{_ps(ps)}</article>")
    return _page(head, body), [rel[0], rel[1]], "day"


def e_txt_hijri_only(r, rng, rel):
    """The outlet's name on top, a Hijri-only date line, headline, a caption, a "شاهد أيضاً" line, a follow-us line."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    hy, hm, hd = hijri(d)
    ps = paragraphs(r["body"])
    cut = min(2, len(ps) - 1)
    lines = [ar, f"{weekday(d)} {hd} {HIJRI[hm - 1]} {hy} هـ", "", r["title"], "صورة أرشيفية", "", *ps[:cut],
             f"شاهد أيضاً: {rel[0]}", *ps[cut:], "", "تابعونا على تويتر"]
    return "\n".join(lines), [rel[0], "صورة أرشيفية", "تابعونا"], "day"


def e_docx_english_byline(r, rng, rel):
    """Word: headline, "By Ahmad Ali, <Latin name>", "May 14, 2018", body."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    return docx_bytes([r["title"], f"By Ahmad Ali, {latin}", f"{d:%B} {d.day}, {d.year}", *paragraphs(r["body"])]), [], "day"


def e_docx_labelled(r, rng, rel):
    """A labelled clipping: "العنوان: …", "المصدر: …", "التاريخ: 2018-05-14", "النص:", body."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    return docx_bytes([f"العنوان: {r['title']}", f"المصدر: {ar}", f"التاريخ: {d.isoformat()}", "النص:",
                       *paragraphs(r["body"])]), [], "day"


def e_txt_double_title(r, rng, rel):
    """The page's <title> line "Headline - Latin" first, a menu, then headline, "Outlet - place" header, date in words, body."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [f"{r['title']} - {latin}", "الرئيسية • أخبار • فيديو • رأي", r["title"], forms[0],
             f"{d.day} {MAG[d.month - 1]} {d.year}", *ps, "أضف تعليقك"]
    return "\n".join(lines), ["أضف تعليقك"], "day"


E_LAYOUTS = ("e_html_related_first", "e_txt_hijri_only", "e_docx_english_byline", "e_docx_labelled", "e_txt_double_title")


def e_bad_files(rel):
    return {
        "e_bad_author.txt": "\n".join(["أحمد علي", "كاتب صحفي متخصص في الشؤون العربية", "مقالات الكاتب", *rel[:8]]),
        "e_bad_search.html": _page("<title>نتائج البحث</title>", "<h1>نتائج البحث عن: داعش</h1>" + "".join(
            f"<div class='result'><a href='/r{i}'>{html.escape(t)}</a><p>{html.escape(t[:50])}…</p></div>" for i, t in enumerate(rel[:10]))),
    }


def write_e(corpus, out, n, seed):
    """Family E: one file per case, JSON records with Arabic dates in words, bad files."""
    rng = random.Random(seed)
    cases, others = sample(corpus, n, seed, slot=1)
    os.makedirs(out, exist_ok=True)
    truth = {}
    plain, recs = cases[: n - 5], cases[n - 5:]
    _write_cases(out, truth, plain, E_LAYOUTS, rng, others, "e_")
    lines = []
    for i, r in enumerate(recs):
        slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
        d = r["day"]
        lines.append(json.dumps({"title": r["title"], "content": r["body"], "source": {"name": latin},
                                 "date": f"{d.day} {EG[d.month - 1]} {d.year}"}, ensure_ascii=False))
        truth[f"words.jsonl#{i + 1}"] = _truth(r, "jsonl_words", [], "day")
    _write_jsonl(out, "words.jsonl", lines)
    _write_bad_files(out, truth, e_bad_files([o["title"] for o in others[:12]]))
    _write_truth(out, truth)


# --- family F: written and frozen after family E's changes, scored once -----------------------------------------

def f_html_amp(r, rng, rel):
    """An AMP page: the outlet's longer Arabic name in og:site_name, "منذ 5 ساعات · 14.05.2018" meta line, <amp-img>."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = paragraphs(r["body"])
    head = f"<title>{e(r['title'])}</title><meta property='og:site_name' content='الموقع الرسمي لـ{e(ar)}'>"
    body = (f"<header class='amp-header'><a href='/'>{e(latin)}</a></header><article><h1 class='amp-title'>{e(r['title'])}</h1>"
            f"<div class='amp-meta'>منذ {rng.randint(2, 9)} ساعات · {d.day:02d}.{d.month:02d}.{d.year}</div>"
            f"<amp-img src='/i.jpg' width='600' height='400'></amp-img>{_ps(ps)}</article>")
    return _page(head, body), [], "day"


def f_txt_english_ui(r, rng, rel):
    """An English interface around an Arabic article: "Home | News | Sports", "Published: 14 May 2018", "Share this article", "Related Articles"."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [latin, "Home | News | Sports | Opinion", r["title"], f"Published: {d.day} {d:%B} {d.year}", *ps,
             "Share this article", "Related Articles", *rel[:2]]
    return "\n".join(lines), [rel[0], "Share this article", "Related Articles"], "day"


def f_txt_time_first(r, rng, rel):
    """The time before the date ("11:26 ص - 14 مايو 2018"), then the headline, then "outlet | section", then the body."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [f"{rng.randint(1, 12)}:{rng.randint(10, 59)} ص - {d.day} {EG[d.month - 1]} {d.year}", r["title"], f"{ar} | سياسة", "", *ps]
    return "\n".join(lines), [], "day"


def f_txt_wrapped(r, rng, rel):
    """A text dump wrapped at about 70 characters: paragraphs broken over lines, blank lines between them."""
    import textwrap

    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [r["title"], f"{ar} - {d.day}/{d.month}/{d.year}", ""]
    for p in ps:
        lines += textwrap.wrap(p, 70) + [""]
    return "\n".join(lines), [], "day"


def f_docx_date_after_lead(r, rng, rel):
    """Word: headline, lead, then "(نشر في 14 مايو 2018 - Outlet)" in brackets, then the rest."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    return docx_bytes([r["title"], f"(نشر في {d.day} {EG[d.month - 1]} {d.year} - {ar})", *ps]), [], "day"


F_LAYOUTS = ("f_html_amp", "f_txt_english_ui", "f_txt_time_first", "f_txt_wrapped", "f_docx_date_after_lead")


def f_bad_files(rel):
    return {
        "f_bad_maintenance.html": _page("<title>الموقع تحت الصيانة</title>", "<h1>الموقع تحت الصيانة</h1><p>نعود إليكم قريباً.</p>"),
        "f_bad_captcha.txt": "Just a moment...\nChecking if the site connection is secure\nVerify you are human\nRay ID: 7a1b2c3d4e5f\nPerformance & security by Cloudflare",
    }


def write_f(corpus, out, n, seed):
    rng = random.Random(seed)
    cases, others = sample(corpus, n, seed, slot=0)
    os.makedirs(out, exist_ok=True)
    truth = {}
    _write_cases(out, truth, cases, F_LAYOUTS, rng, others, "f_")
    _write_bad_files(out, truth, f_bad_files([o["title"] for o in others[:12]]))
    _write_truth(out, truth)


# --- family G: written and frozen after family F's changes, scored once -----------------------------------------

def g_html_colon_title(r, rng, rel):
    """No <h1>: "Outlet : Headline" in <title>, the headline in a div; the date as a <dl> label and value."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = paragraphs(r["body"])
    head = f"<title>{e(ar)} : {e(r['title'])}</title>"
    body = (f"{_ul(MENU[:6], 'nav')}<div class='news-title'>{e(r['title'])}</div>"
            f"<dl class='info'><dt>تاريخ النشر</dt><dd>{d.day:02d}/{d.month:02d}/{d.year}</dd><dt>القسم</dt><dd>أخبار</dd></dl>"
            f"<div class='news-body'>{_ps(ps)}</div>")
    return _page(head, body), ["تاريخ النشر"], "day"


def g_txt_indic(r, rng, rel):
    """Arabic-Indic digits throughout the header: "١٤/٠٥/٢٠١٨ - ١١:٢٦", the outlet's name under the date."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    stamp = f"{d.day:02d}/{d.month:02d}/{d.year} - {rng.randint(10, 23)}:{rng.randint(10, 59)}".translate(ARABIC_DIGITS)
    lines = [r["title"], stamp, ar, "", *ps]
    return "\n".join(lines), [], "day"


def g_docx_breaking_headline(r, rng, rel):
    """Word: "عاجل: Headline" as the first line, then the date, body, and the outlet signed off at the end."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    return docx_bytes([f"عاجل: {r['title']}", f"{d.day} {EG[d.month - 1]} {d.year}", *ps, "ـــــــ", ar]), ["ـــــــ"], "day"


def g_txt_quoted_headline(r, rng, rel):
    """The headline in «quotes», "بتاريخ: الأحد، 14 مايو/أيار 2018", a "source: domain" line at the end."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [f"«{r['title']}»", f"بتاريخ: {weekday(d)}، {d.day} {EG[d.month - 1]}/{LEV[d.month - 1]} {d.year}", *ps,
             f"المصدر: {domain.removeprefix('www.')}"]
    return "\n".join(lines), [], "day"


G_LAYOUTS = ("g_html_colon_title", "g_txt_indic", "g_docx_breaking_headline", "g_txt_quoted_headline")


def write_g(corpus, out, n, seed):
    rng = random.Random(seed)
    cases, others = sample(corpus, n, seed, slot=2)
    os.makedirs(out, exist_ok=True)
    truth = {}
    _write_cases(out, truth, cases, G_LAYOUTS, rng, others, "g_")
    bad = {"g_bad_video.txt": "\n".join(["فيديو: لحظة وصول الوفد", "شاهد الفيديو", "02:35", "مشاركة", *[o["title"] for o in others[:4]]])}
    _write_bad_files(out, truth, bad)
    _write_truth(out, truth)


# --- family H: written and frozen after family G's changes, scored once -----------------------------------------

def h_html_ld_loose(r, rng, rel):
    """JSON-LD as a list (BreadcrumbList + NewsArticle) with datePublished "14/05/2018 11:26", publisher as a list."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = paragraphs(r["body"])
    ld = [{"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "الرئيسية"}]},
          {"@context": "https://schema.org", "@type": "NewsArticle", "headline": r["title"],
           "datePublished": f"{d.day:02d}/{d.month:02d}/{d.year} 11:26", "publisher": [{"@type": "Organization", "name": ar}]}]
    head = f"<title>{e(r['title'])}</title><script type='application/ld+json'>{json.dumps(ld, ensure_ascii=False)}</script>"
    body = f"<h1>{e(r['title'])}</h1>{_ps(ps)}<div class='pages'>1 2 3 التالي »</div>"
    return _page(head, body), ["التالي"], "day"


def h_txt_pagination(r, rng, rel):
    """An ISO timestamp printed under the headline; "الصفحة 1 من 1" and a pager line at the end."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [ar, r["title"], f"{d.isoformat()}T{rng.randint(10, 23)}:26:00+03:00", *ps, "الصفحة 1 من 1", "« السابق 1 2 3 التالي »"]
    return "\n".join(lines), ["الصفحة 1 من 1", "« السابق"], "day"


def h_docx_two_dates(r, rng, rel):
    """Word: headline, "تاريخ الحدث: <three days earlier>", "تاريخ النشر: <day>", "الوسيلة: outlet", body."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ev = d - timedelta(days=3)
    ps = paragraphs(r["body"])
    return docx_bytes([r["title"], f"تاريخ الحدث: {ev.day} {EG[ev.month - 1]} {ev.year}",
                       f"تاريخ النشر: {d.day} {EG[d.month - 1]} {d.year}", f"الوسيلة: {ar}", *ps]), [], "day"


def h_txt_hijri_parens(r, rng, rel):
    """"الاثنين 28 شعبان 1439هـ (14 مايو 2018م)" above the headline, the outlet's domain at the very top."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    hy, hm, hd = hijri(d)
    ps = paragraphs(r["body"])
    lines = [domain, f"{weekday(d)} {hd} {HIJRI[hm - 1]} {hy}هـ ({d.day} {EG[d.month - 1]} {d.year}م)", r["title"], *ps]
    return "\n".join(lines), [], "day"


H_LAYOUTS = ("h_html_ld_loose", "h_txt_pagination", "h_docx_two_dates", "h_txt_hijri_parens")


def write_h(corpus, out, n, seed):
    rng = random.Random(seed)
    cases, others = sample(corpus, n, seed, slot=4)
    os.makedirs(out, exist_ok=True)
    truth = {}
    plain, recs = cases[: n - 5], cases[n - 5:]
    _write_cases(out, truth, plain, H_LAYOUTS, rng, others, "h_")
    lines = []
    for i, r in enumerate(recs):
        slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
        stamp = int(datetime(r["day"].year, r["day"].month, r["day"].day, 12, 0).timestamp())
        lines.append(json.dumps({"headline": r["title"], "article_body": r["body"], "publisher": latin,
                                 "published": stamp}, ensure_ascii=False))
        truth[f"epoch.jsonl#{i + 1}"] = _truth(r, "jsonl_epoch", [], "day")
    _write_jsonl(out, "epoch.jsonl", lines)
    bad = {"h_bad_login.html": _page("<title>تسجيل الدخول</title>", "<h1>تسجيل الدخول</h1><form><label>اسم المستخدم</label><input>"
                                     "<label>كلمة المرور</label><input type='password'><button>دخول</button></form><a>نسيت كلمة المرور؟</a>")}
    _write_bad_files(out, truth, bad)
    _write_truth(out, truth)


# --- family I: written and frozen after all the changes above, scored once: the last unseen estimate -------------

def i_html_side_by_side(r, rng, rel):
    """A page whose <h1> is the section name, the headline in an <h3 class="title">, og:url, the date in Levantine words in a <p class="date">."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = paragraphs(r["body"])
    head = f"<title>{e(r['title'])} - {e(latin)}</title><meta property='og:url' content='https://{domain}{path}{rng.randint(10, 99999)}'>"
    body = (f"<h1>أخبار عربية ودولية</h1>{_ul(rel[:3], 'ticker')}<h3 class='title'>{e(r['title'])}</h3>"
            f"<p class='date'>{weekday(d)} {d.day} {LEV[d.month - 1]} {d.year}</p>{_ps(ps)}<p class='tags'>وسوم: سياسة</p>")
    return _page(head, body), [rel[0], "وسوم"], "day"


def i_txt_banner_and_ad(r, rng, rel):
    """A banner line and an "إعلان" (advertisement) line inside the article, the date as "14 May 2018" after a byline with "|"."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    cut = min(2, len(ps) - 1)
    lines = [f"{latin} - الموقع الرسمي", r["title"], f"{ar} | {d.day} {d:%B} {d.year}", *ps[:cut], "إعلان", *ps[cut:],
             "تابعونا على فيسبوك"]
    return "\n".join(lines), ["إعلان", "تابعونا"], "day"


def i_docx_reverse(r, rng, rel):
    """Word: the date first ("التاريخ 14-05-2018"), then "المصدر - outlet", then the headline, then the body."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    return docx_bytes([f"التاريخ {d.day:02d}-{d.month:02d}-{d.year}", f"المصدر - {ar}", r["title"], *paragraphs(r["body"])]), [], "day"


I_LAYOUTS = ("i_html_side_by_side", "i_txt_banner_and_ad", "i_docx_reverse")


def write_i(corpus, out, n, seed):
    rng = random.Random(seed)
    cases, others = sample(corpus, n, seed, slot=6)
    os.makedirs(out, exist_ok=True)
    truth = {}
    _write_cases(out, truth, cases, I_LAYOUTS, rng, others, "i_")
    _write_truth(out, truth)


# --- bad files -----------------------------------------------------------------------------------------------------

def bad_files(rel):
    e = html.escape
    menu = "<nav>" + "".join(f"<a href='/s{i}'>{m}</a> " for i, m in enumerate(MENU)) + "</nav>"
    most = "<h3>الأكثر قراءة</h3>" + _ul(rel[:6], "most")
    return {
        "bad_notfound_en.html": _page("<title>Page not found | Okaz</title>",
                                      menu + "<div class='err'><h1>Oops!</h1><p>The page you requested could not be found.</p></div>" + most),
        "bad_gone.html": _page("<title>عكاظ</title>",
                               menu + "<h2>عفواً، هذا المحتوى لم يعد متاحاً</h2><p>ربما حُذف أو نُقل إلى رابط آخر.</p>" + most),
        "bad_tag_page.html": _page("<title>داعش - آخر الأخبار</title>",
                                   menu + "<h1>داعش</h1>" + "".join(
                                       f"<div class='card'><a href='/a{i}'><h3>{e(t)}</h3></a><span>منذ {i + 2} ساعات</span>"
                                       f"<p>{e(t[:40])}...</p></div>" for i, t in enumerate(rel[:12])) + "<div class='pager'>1 2 3 التالي</div>"),
        "bad_cookie.html": _page("<title>سكاي نيوز عربية</title>",
                                 "<div class='consent'><h2>نحن نحترم خصوصيتك</h2><p>نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. "
                                 "بالنقر على «موافق» فإنك توافق على استخدامنا لها.</p><button>موافق</button><button>إدارة الخيارات</button></div>"),
        "bad_section.txt": "\n".join(["الرئيسية", "أخبار", "الشرق الأوسط", ""] + [x for i, t in enumerate(rel[:12]) for x in (t, f"منذ {i + 1} ساعة")]),
        "bad_search.txt": "\n".join(["نتائج البحث عن: الموصل", f"{len(rel)} نتيجة", *rel[:10], "التالي"]),
        "bad_403.txt": "\n".join(["403 Forbidden", "Access denied", "nginx"]),
        "bad_big.txt": "\n".join([rel[0], *(["هذه فقرة طويلة من نص مكرر لاختبار حد الحجم في الاستيراد. "] * 30000)]),
    }


# --- writing -------------------------------------------------------------------------------------------------------

def _truth(r, layout, furniture, precision, first=None):
    ps = paragraphs(r["body"])
    d = r["day"]
    # A date printed to the year or the month is stored as its first day.
    d = d.replace(month=1, day=1) if precision == "year" else d.replace(day=1) if precision == "month" else d
    return {"layout": layout, "title": r["title"], "outlet": OUTLETS[r["source"]][0],
            "date": d.isoformat(), "precision": precision,
            "first": first or ps[0], "last": ps[-1], "furniture": furniture}


def render(layout, r, rng, rel):
    out = globals()[layout](r, rng, rel)
    content, furniture, precision = out[:3]
    first = out[3] if len(out) > 3 else None
    kind = re.sub(r"^[b-i]_", "", layout)
    ext = ".docx" if kind.startswith("docx") else ".html" if kind.startswith("html") else ".txt"
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    return ext, data, _truth(r, layout, furniture, precision, first)


def _related(rng, others):
    """Six other articles' headlines, for a page's related and most-read boxes."""
    return [o["title"] for o in rng.sample(others, 6)]


def _write_file(out, name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def _write_cases(out, truth, cases, layouts, rng, others, family="", outlet_in_word_names=False, render_case=render):
    """One file per case, the layouts in turn (drawn by ``render_case``), named ``000_layout.ext`` (a Word file
    ``000_outlet_layout.docx`` with ``outlet_in_word_names``); its truth under that name (the layout without
    the family's prefix)."""
    for i, r in enumerate(cases):
        layout = layouts[i % len(layouts)]
        ext, data, t = render_case(layout, r, rng, _related(rng, others))
        outlet = f"{r['source']}_" if outlet_in_word_names and ext == ".docx" else ""
        name = f"{i:03d}_{outlet}{layout}{ext}"
        _write_file(out, name, data)
        t["layout"] = layout.removeprefix(family)
        truth[name] = t


def _write_zip(out, truth, zip_name, folder, cases, layouts, rng, others, family="", step=1):
    """The cases as members ``folder/00.ext`` of one zip, every ``step``-th layout in turn."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i, r in enumerate(cases):
            layout = layouts[(i * step) % len(layouts)]
            ext, data, t = render(layout, r, rng, _related(rng, others))
            member = f"{folder}/{i:02d}{ext}"
            z.writestr(member, data)
            t["layout"] = "zip_" + layout.removeprefix(family)
            truth[f"{zip_name}/{member}"] = t
    _write_file(out, zip_name, buf.getvalue())


def _write_jsonl(out, name, lines):
    _write_file(out, name, "\n".join(lines) + "\n")


def _write_bad_files(out, truth, files):
    """Files that are no article (text or bytes by name): the readers must refuse each."""
    for name, content in files.items():
        _write_file(out, name, content)
        truth[name] = {"layout": "bad", "bad": True}


def _write_truth(out, truth, noun="cases"):
    """The folder's truth.json: each file's (or zip member's, or record's) expected reading."""
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    print(f"{len(truth)} {noun} in {out}")


def write(corpus, out, n, seed):
    rng = random.Random(seed)
    cases, others = sample(corpus, n, seed)
    os.makedirs(out, exist_ok=True)
    truth = {}
    n_jsonl, n_zip = 8, 8
    plain = cases[: n - n_jsonl - n_zip]
    _write_cases(out, truth, plain, LAYOUTS, rng, others)
    zipped = cases[len(plain): len(plain) + n_zip]
    _write_zip(out, truth, "batch.zip", "week", zipped, ZIP_LAYOUTS, rng, others)
    recs = cases[len(plain) + n_zip:]
    _write_file(out, "scraped.jsonl", jsonl_scraper(recs, rng))
    for i, r in enumerate(recs):
        t = _truth(r, "jsonl_scraper", [], "day")
        truth[f"scraped.jsonl#{i + 1}"] = t
    _write_bad_files(out, truth, bad_files([o["title"] for o in others[:12]]))
    _write_truth(out, truth)


def write_b(corpus, out, n, seed):
    """Family B: one file per case, a zip of a few, four bad files (no JSON lines)."""
    rng = random.Random(seed)
    cases, others = sample(corpus, n, seed, slot=7)
    os.makedirs(out, exist_ok=True)
    truth = {}
    plain, zipped = cases[: n - 6], cases[n - 6:]
    _write_cases(out, truth, plain, B_LAYOUTS, rng, others, "b_")
    _write_zip(out, truth, "clips.zip", "saved", zipped, B_LAYOUTS, rng, others, "b_", step=3)
    _write_bad_files(out, truth, b_bad_files([o["title"] for o in others[:12]]))
    _write_truth(out, truth)


# --- scoring -------------------------------------------------------------------------------------------------------

def norm(text):
    text = unicodedata.normalize("NFC", text or "")
    return " ".join(re.sub("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", text).split())


def _as_one_site_imports(truth, got):
    """Furniture learnt as ``import_articles`` learns it, each layout taken for one site's import: the files of one
    design are the pages of one outlet (the set fills a design with articles of many outlets, a site prints its own)."""
    from archive.ingest.boilerplate import Boilerplate
    from archive.ingest.draft import Draft

    class OneSite(Boilerplate):
        _group = staticmethod(lambda draft: "")

    by_layout = defaultdict(list)
    for key, t in truth.items():
        if isinstance(got.get(key), Draft):
            by_layout[t["layout"]].append(got[key])
    for drafts in by_layout.values():
        site = OneSite()
        for draft in drafts:
            site.learn(draft)
        for draft in drafts:
            site.strip(draft)


def score(folder, show=0, site_import=False):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from archive.ingest.catalog import Catalog
    from archive.ingest.draft import Draft
    from archive.ingest.limits import Limits
    from archive.ingest.pipeline import read
    from archive.models import Outlet

    truth = json.load(open(os.path.join(folder, "truth.json"), encoding="utf-8"))
    slugs = dict(Outlet.objects.values_list("pk", "slug"))
    catalog = Catalog()
    got = {}
    for name in sorted({k.split("/")[0].split("#")[0] for k in truth}):
        data = open(os.path.join(folder, name), "rb").read()
        items = read(name, data, catalog=catalog, limits=Limits.command())
        if name.endswith(".zip"):
            for item in items:
                got[f"{name}/{item.source_name.split('!')[-1].lstrip('/')}" if isinstance(item, Draft) else name] = item
        elif name.endswith(".jsonl"):
            for i, item in enumerate(items):
                got[f"{name}#{i + 1}"] = item
        else:
            got[name] = items[0] if items else None
    if site_import:
        _as_one_site_imports(truth, got)
    scores = defaultdict(lambda: defaultdict(list))
    misses = defaultdict(list)
    for key, t in sorted(truth.items()):
        item = got.get(key)
        if item is None and ".zip/" in key:
            item = next((v for k, v in got.items() if k.endswith(key.rsplit("/", 1)[-1]) and k.startswith(key.split("/")[0])), None)
        draft = item if isinstance(item, Draft) else None
        layout = t["layout"]
        if t.get("bad"):
            ok = draft is None and bool(getattr(item, "message", ""))
            scores[layout]["refused"].append(ok)
            if not ok:
                misses["refused"].append((key, draft.title if draft else item))
            continue
        if draft is None:
            for field in ("title", "outlet", "date", "body"):
                scores[layout][field].append(False)
                misses[field].append((key, f"FAILED {getattr(item, 'message', item)}"))
            continue
        body = norm(draft.body)
        # Furniture is a line of the page: a body line that starts with it ("مشاركة" may be a word of the text).
        body_lines = [norm(line) for line in draft.body.split("\n") if line.strip()]
        furniture = [f for f in t["furniture"] if any(line.startswith(norm(f)) for line in body_lines)]
        checks = {
            "title": norm(draft.title) == norm(t["title"]),
            "outlet": slugs.get(draft.outlet_id) == t["outlet"],
            "date": bool(draft.published) and draft.published.isoformat() == t["date"] and draft.date_precision == t["precision"],
            "body": body.startswith(norm(t["first"])) and body.endswith(norm(t["last"])) and not furniture,
        }
        shown = {"title": (draft.title, t["title"]), "outlet": (draft.outlet_name, draft.outlet_is_new, t["outlet"]),
                 "date": (draft.published, draft.date_precision, t["date"]),
                 "body": (body[:70], body[-50:], furniture, norm(t["first"])[:40])}
        for field, ok in checks.items():
            scores[layout][field].append(ok)
            if not ok:
                misses[field].append((key, shown[field]))
    fields = ("title", "outlet", "date", "body", "refused")
    print(f"{'layout':26} " + " ".join(f"{f:>8}" for f in fields))
    by_format = defaultdict(lambda: defaultdict(list))
    for layout, per in sorted(scores.items()):
        fmt = layout.split("_")[0]
        row = []
        for f in fields:
            values = per.get(f) or []
            by_format[fmt][f].extend(values)
            by_format["ALL"][f].extend(values)
            row.append(f"{sum(values) / len(values):8.2f}" if values else f"{'':8}")
        print(f"{layout:26} " + " ".join(row) + f"   n={max(len(v) for v in per.values())}")
    print()
    for fmt, per in by_format.items():
        print(f"{fmt:26} " + " ".join(f"{sum(per[f]) / len(per[f]):8.2f}" if per[f] else f"{'':8}" for f in fields))
    for field, items in misses.items():
        for key, value in items[:show]:
            print(f"MISS {field} {key}: {value}")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("corpus")
    w.add_argument("out")
    w.add_argument("--n", type=int, default=110)
    w.add_argument("--seed", type=int, default=2026)
    w.add_argument("--family", choices=("a", "b", "c", "d", "e", "f", "g", "h", "i"), default="a")
    s = sub.add_parser("score")
    s.add_argument("dir")
    s.add_argument("--show", type=int, default=0)
    s.add_argument("--import", dest="site_import", action="store_true",
                   help="learn furniture across each layout's files, as an import of one site's pages")
    args = parser.parse_args()
    if args.cmd == "write":
        {"a": write, "b": write_b, "c": write_c, "d": write_d, "e": write_e, "f": write_f, "g": write_g, "h": write_h, "i": write_i}[args.family](args.corpus, args.out, args.n, args.seed)
    else:
        score(args.dir, args.show, args.site_import)


if __name__ == "__main__":
    main()
