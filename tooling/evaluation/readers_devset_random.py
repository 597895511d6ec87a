"""Randomly composed news pages for the text-save readers (issue 10, point 1; sixth session of 2026-12-07).

    .venv/bin/python -m tooling.evaluation.readers_devset_random write ../shared/corpus /work/devdata/readers5t
    DATA_DIR=... .venv/bin/python -m tooling.evaluation.readers_devset score /work/devdata/readers5t/rand-train --import

Hand-written designs teach a reader those designs. Here a *site* is drawn at
random from a seed: which header and menu it has, whether an "عاجل" bar or a
ticker runs above it, its breadcrumb's separator, where the byline and the date
stand (above or under the headline, in a side column, after the article) and in
which format, its share widget, captions, what it puts inside the article
("اقرأ أيضا" lines and boxes, an ad label, follow prompts) and after it (tags,
related and most-read blocks of real corpus headlines — some written as full
sentences with a full stop —, comments, a newsletter box, a footer), English
furniture, and whether a side column is flattened before or after the article.
Each site prints ``PAGES_PER_SITE`` corpus articles, each saved both ways
(headless Chromium ``innerText`` and ``firefox_text.save_as_text``). The truth is
known by construction: the title, outlet, date, first and last paragraph, and
every furniture string the page printed.

The split is made before anything is read, by seed range and by furniture kind:

- ``rand-train``: sites of seeds ``TRAIN_SEEDS``; the ``HELD_OUT_KINDS`` never appear;
- ``rand-seedcheck``: sites of seeds ``SEED_CHECK``, same kinds as training (unseen random designs);
- ``rand-kindcheck``: sites of seeds ``KIND_CHECK``, each with at least one held-out kind
  (a related block of teaser cards with a one-sentence summary, the byline and date
  printed after the article, a share widget that is a row of counters).

The check folders are scored by aggregate only (``readers_devset score`` without
``--show``). Article ids go to ``ids-rand.json``; nothing from the corpus is committed.
"""
import argparse
import html
import json
import os
import random
import re

from .readers_devset import EG, LEV, MAG, OUTLETS, _truth, hijri, HIJRI, paragraphs, sample, weekday

e = html.escape

TRAIN_SEEDS = range(1000, 1070)
SEED_CHECK = range(5000, 5024)
KIND_CHECK = range(9000, 9024)
PAGES_PER_SITE = 3
# Furniture kinds that never appear in the training part: the check says whether a decision carries over to them.
HELD_OUT_KINDS = {("related", "summary_cards"), ("byline_at", "after_body"), ("share", "counters")}

SECTIONS = ["سياسة", "اقتصاد", "رياضة", "ثقافة", "تكنولوجيا", "صحة", "منوعات", "رأي", "فيديو", "تحقيقات", "عرب وعالم",
            "محليات", "حوارات", "صحافة", "إنفوغراف", "بودكاست", "الخليج", "العراق", "سوريا", "مصر"]
ENGLISH = ["Home", "News", "Share", "Read more", "Related", "Most Popular", "Subscribe", "Cookie policy", "Log in",
           "Newsletter", "Follow us", "Terms of use", "Privacy", "Contact", "Advertise", "Live", "Watch", "Menu"]
AUTHORS = ["محمد الجبوري", "سارة العلي", "أحمد حسن", "ليلى خليل", "عمر الراوي", "هبة منصور", "كريم داود", "يوسف الشمري",
           "رنا عبد الله", "فراس الكعبي", "نادين حداد", "باسل الأحمد"]
PLACES = ["بغداد", "دمشق", "بيروت", "الموصل", "أربيل", "القاهرة", "عمّان", "الرياض", "دبي", "إسطنبول", "لندن", "باريس"]
CREDITS = ["(رويترز)", "(أ ف ب)", "(الأناضول)", "(Getty)", "(أسوشيتد برس)", "- أرشيفية", "(EPA)"]
COMMENT_TEXTS = ["نتمنى أن يعود الأمن والاستقرار إلى المنطقة في أقرب وقت.", "تغطية ممتازة، شكرا لكم.",
                 "متى تنتهي هذه المأساة؟ الناس تعبت من الحرب.", "الخبر ناقص ولا يذكر الأسباب الحقيقية لما حدث.",
                 "رحم الله الشهداء وحفظ البلاد وأهلها.", "كل الاحترام لمن ينقل الحقيقة كما هي."]
COMMENTERS = ["أبو علي", "مواطن", "سلمى", "Hassan", "زائر", "عراقي مغترب"]


def _a(text, href="#"):
    return f"<a href='{e(href)}'>{e(text)}</a>"


def _ul(items, links=True, ordered=False):
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{_a(t, '/x/' + str(i)) if links else e(t)}</li>" for i, t in enumerate(items)) + f"</{tag}>"


def _inline(items, sep):
    return f"<div>{f' {e(sep)} '.join(_a(t) for t in items)}</div>"


# --- what a site is ---------------------------------------------------------------------------------------------

KINDS = {
    "header": ["logo_menu", "logo_menu_pipes", "topbar_date_menu", "logo_only", "english_menu", "mega_menu"],
    "ticker": ["none", "breaking_bar", "breaking_list", "latest_line", "none"],
    "crumbs": ["none", "slash", "chevron", "guillemet", "with_title"],
    "kicker": ["none", "section", "label"],
    "byline": ["author_date", "date_only", "outlet_dateline", "author_outlet_date", "labelled_dates"],
    "byline_at": ["under_headline", "above_headline", "sidebar_before", "after_body"],
    "date_fmt": ["slash_time", "eg_month", "lev_month", "iso", "weekday_eg", "mag_month", "dotted", "hijri_both"],
    "share": ["none", "buttons_ar", "buttons_en", "share_label_line", "counters"],
    "figure": ["none", "caption", "caption_credit", "credit_line"],
    "inside": ["none", "read_also_line", "read_also_box", "ad_label", "follow_prompt", "related_sentences"],
    "related": ["none", "plain_list", "dated_list", "numbered_most_read", "sentence_list", "summary_cards"],
    "tags": ["none", "labelled", "bare", "hash"],
    "comments": ["none", "form_only", "thread"],
    "newsletter": ["none", "box", "app_banner"],
    "footer": ["links_copyright", "copyright_only", "english_links", "sitemap"],
    "aside": ["none", "before", "after"],
}


def draw_site(seed, held_out="exclude"):
    """A site's design drawn from ``seed``: one variant per kind. ``held_out``: "exclude" (never a held-out
    kind, the training part and the seed check) or "include" (at least one held-out kind)."""
    rng = random.Random(seed)
    site = {kind: rng.choice(variants) for kind, variants in KINDS.items()}
    if held_out == "exclude":
        for kind, variant in HELD_OUT_KINDS:
            while site[kind] == variant:
                site[kind] = rng.choice(KINDS[kind])
    else:
        forced = rng.sample(sorted(HELD_OUT_KINDS), rng.randint(1, 2))
        for kind, variant in forced:
            site[kind] = variant
    site["menu"] = rng.sample(SECTIONS, rng.randint(4, 12))
    site["sep"] = rng.choice(["|", "•", "-", "/"])
    site["seed"] = seed
    return site


def date_text(d, fmt, rng):
    hm = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    if fmt == "slash_time":
        return f"{d.day:02d}/{d.month:02d}/{d.year} | {hm}"
    if fmt == "eg_month":
        return f"{d.day} {EG[d.month - 1]} {d.year}"
    if fmt == "lev_month":
        return f"{d.day} {LEV[d.month - 1]} {d.year}"
    if fmt == "iso":
        return f"{d.year}-{d.month:02d}-{d.day:02d} {hm}"
    if fmt == "weekday_eg":
        return f"{weekday(d)} {d.day} {EG[d.month - 1]} {d.year} - {hm}"
    if fmt == "mag_month":
        return f"{d.day} {MAG[d.month - 1]} {d.year}"
    if fmt == "dotted":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    y, m, day = hijri(d)
    return f"{weekday(d)} {day} {HIJRI[m - 1]} {y} هـ - {d.day} {EG[d.month - 1]} {d.year} م"


def article_habits(ps, rel, rng):
    """The article's own short lines that corpus bodies seldom keep: a crosshead between two paragraphs
    (two to four words of the paragraph under it, no punctuation) and a closing clause with no full stop ("ولم تتبن أي جهة
    الهجوم": a clause of the article that opens with و). Returns the paragraphs with them."""
    ps = list(ps)
    if len(ps) > 2 and rng.random() < 0.35:
        at = rng.randint(1, len(ps) - 1)
        words = [w.strip(".:،,«»\"()") for w in ps[at].split() if len(w) > 3]
        start = rng.randint(0, max(0, len(words) - 4))
        crosshead = " ".join(words[start:start + rng.randint(2, 4)])
        if crosshead:
            ps.insert(at, crosshead)
    if rng.random() < 0.25:
        clauses = [c.strip(" .") for p in ps for c in p.split("، و")[1:] if 3 <= len(c.split()) <= 7]
        if clauses:
            ps.append("و" + rng.choice(clauses))
    return ps


def compose(site, r, rng, rel, summaries, habits=None):
    """One article of ``site``: (page, url, furniture strings, the article's paragraphs as printed).
    ``habits``: a random generator that adds ``article_habits`` (the training part's pages)."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, ps = r["day"], paragraphs(r["body"])
    if habits is not None:
        ps = article_habits(ps, rel, habits)
    url = f"https://{domain}{path}{rng.randint(100000, 999999)}"
    fur = []  # furniture strings printed on the page
    rel = list(rel)
    sentences = [t.rstrip(".") + "." for t in rel[6:10]]  # related headlines written as full sentences

    def F(*texts):
        fur.extend(texts)

    # Header and menu.
    menu = site["menu"]
    header = {
        "logo_menu": f"<header>{_a(ar, '/')}<nav>{_ul(menu)}</nav></header>",
        "logo_menu_pipes": f"<header>{_a(ar, '/')}<nav>{_inline(menu, site['sep'])}</nav></header>",
        "topbar_date_menu": f"<div class='top'>{weekday(d)} {d.day} {EG[d.month - 1]} {d.year + rng.randint(1, 6)}"
                            f" {_a('الطقس')} {rng.choice(PLACES)} {rng.randint(5, 40)}°</div><header>{_a(ar, '/')}<nav>{_ul(menu)}</nav></header>",
        "logo_only": f"<header><h3>{e(ar)}</h3></header>",
        "english_menu": f"<header>{_a(latin, '/')}<nav>{_ul(rng.sample(ENGLISH, 6))}</nav></header>",
        "mega_menu": f"<header>{_a(ar, '/')}<nav>" + "".join(f"<div><b>{e(s)}</b>{_ul(rng.sample(SECTIONS, 3))}</div>" for s in menu[:4]) + "</nav></header>",
    }[site["header"]]
    # Breaking bar / ticker.
    ticker = {
        "none": "",
        "breaking_bar": f"<div class='breaking'><b>عاجل</b> {_a(rel[0])}</div>",
        "breaking_list": f"<div class='breaking'><b>عاجل</b>{_ul(rel[0:3])}</div>",
        "latest_line": f"<div class='ticker'>آخر الأخبار: {' ◂ '.join(e(t) for t in rel[0:2])}</div>",
    }[site["ticker"]]
    F(*({"breaking_bar": [rel[0]], "breaking_list": rel[0:3], "latest_line": ["آخر الأخبار"]}.get(site["ticker"], [])))
    section = rng.choice(site["menu"])
    crumbs = {
        "none": "",
        "slash": f"<nav class='crumbs'>{_a('الرئيسية')} / {_a(section)}</nav>",
        "chevron": f"<nav class='crumbs'>{_a('الرئيسية')} › {_a(section)}</nav>",
        "guillemet": f"<nav class='crumbs'>{_a('الرئيسية')} » {_a(section)} » {_a('أخبار')}</nav>",
        "with_title": f"<nav class='crumbs'>{_a('الرئيسية')} {e(site['sep'])} {_a(section)} {e(site['sep'])} {e(r['title'])}</nav>",
    }[site["crumbs"]]
    kicker = {"none": "", "section": f"<div class='kicker'>{_a(section)}</div>",
              "label": f"<div class='kicker'>{e(rng.choice(['تقرير', 'خاص', 'تحليل', 'متابعة']))}</div>"}[site["kicker"]]

    # Byline and date.
    author, when = rng.choice(AUTHORS), date_text(d, site["date_fmt"], rng)
    byline = {
        "author_date": f"<div class='meta'><span>{_a(author)}</span> <time>{e(when)}</time></div>",
        "date_only": f"<div class='meta'><time>{e(when)}</time></div>",
        "outlet_dateline": f"<div class='meta'><p>{e(rng.choice(forms))}</p><time>{e(when)}</time></div>",
        "author_outlet_date": f"<div class='meta'><p>{e(author)} - {e(ar)}</p><p>{e(when)}</p></div>",
        "labelled_dates": f"<div class='meta'><p>نشر في: {e(when)}</p><p>آخر تحديث: {e(date_text(d, site['date_fmt'], rng))}</p></div>",
    }[site["byline"]]
    F(author + " -", "نشر في", "آخر تحديث")

    share = {
        "none": "",
        "buttons_ar": "<ul class='share'>" + "".join(f"<li><button>{b}</button></li>" for b in rng.sample(
            ["فيسبوك", "تويتر", "واتساب", "تيليغرام", "نسخ الرابط", "طباعة", "البريد الإلكتروني"], 4)) + "</ul>",
        "buttons_en": "<ul class='share'>" + "".join(f"<li><button>{b}</button></li>" for b in ["Facebook", "Twitter", "WhatsApp", "Email"]) + "</ul>",
        "share_label_line": f"<p class='share'>شارك هذا الخبر: {_a('فيسبوك')} {_a('إكس')} {_a('لينكد إن')}</p>",
        "counters": f"<div class='share'><span>{rng.randint(2, 900)} مشاركة</span> <span>{rng.randint(1, 90)} تعليق</span>"
                    f" <span>{rng.randint(100, 9999)} مشاهدة</span></div>",
    }[site["share"]]
    F("شارك هذا الخبر", "نسخ الرابط", "Facebook", "تيليغرام", "البريد الإلكتروني")

    credit = rng.choice(CREDITS)
    caption_text = rng.choice(rel[10:12]).rstrip(".") + " " + credit
    figure = {
        "none": "",
        "caption": f"<figure><img alt='' src='data:,'><figcaption>{e(caption_text)}</figcaption></figure>",
        "caption_credit": f"<figure><img alt='' src='data:,'><figcaption>{e(caption_text)}</figcaption><small>تصوير: {e(rng.choice(AUTHORS))}</small></figure>",
        "credit_line": f"<figure><img alt='' src='data:,'><small>الصورة: {e(credit.strip('()- '))}</small></figure>",
    }[site["figure"]]
    if site["figure"] in ("caption", "caption_credit"):
        F(caption_text)
    F("تصوير:", "الصورة:")

    # Inside the article.
    cut = min(max(1, len(ps) // 2), len(ps) - 1) if len(ps) > 1 else 1
    inside = {
        "none": "",
        "read_also_line": f"<p><b>اقرأ أيضا:</b> {_a(rel[12])}</p>",
        "read_also_box": f"<div class='also'><b>{e(rng.choice(['اقرأ أيضاً', 'اقرأ المزيد', 'مواضيع قد تهمك']))}</b>{_ul(rel[12:15])}</div>",
        "ad_label": f"<div class='ad'>{e(rng.choice(['إعلان', 'مساحة إعلانية', 'Advertisement']))}</div>",
        "follow_prompt": f"<p class='follow'>{e(rng.choice(['تابعوا آخر الأخبار عبر قناتنا على تلغرام', 'لمتابعة آخر المستجدات اشترك في قناتنا على واتساب', 'حمّل تطبيق ' + ar + ' الآن']))}</p>",
        "related_sentences": f"<div class='also'><b>ذات صلة</b>{_ul(sentences[:2])}</div>",
    }[site["inside"]]
    F("اقرأ أيضا", "اقرأ المزيد", "مواضيع قد تهمك", "مساحة إعلانية", "Advertisement", "ذات صلة", "تابعوا آخر الأخبار",
      "لمتابعة آخر المستجدات", "حمّل تطبيق")
    if site["inside"] in ("read_also_line", "read_also_box"):
        F(*rel[12:15])
    if site["inside"] == "related_sentences":
        F(*sentences[:2])
    if site["inside"] == "ad_label":
        F("إعلان")

    # After the article.
    label = rng.choice(["أخبار ذات صلة", "اقرأ أيضا", "المزيد من الأخبار", "قد يهمك أيضا", "Related"])
    most = rng.choice(["الأكثر قراءة", "الأكثر مشاهدة", "Most Popular", "الأكثر تداولا"])
    related = {
        "none": "",
        "plain_list": f"<section><h3>{e(label)}</h3>{_ul(rel[3:7])}</section>",
        "dated_list": f"<section><h3>{e(label)}</h3><ul>" + "".join(
            f"<li>{_a(t)} <span>{e(date_text(d, site['date_fmt'], rng))}</span></li>" for t in rel[3:6]) + "</ul></section>",
        "numbered_most_read": f"<section><h3>{e(most)}</h3>{_ul(rel[3:8], ordered=True)}</section>",
        "sentence_list": f"<section><h3>{e(label)}</h3>{_ul(sentences)}</section>",
        "summary_cards": f"<section><h3>{e(label)}</h3>" + "".join(
            f"<div class='card'><h4>{_a(t)}</h4><p>{e(s)}</p></div>" for t, s in zip(rel[3:6], summaries)) + "</section>",
    }[site["related"]]
    if site["related"] != "none":
        F(label, most, *rel[3:8], *sentences)
        if site["related"] == "summary_cards":
            F(*summaries[:3])
    tags = rng.sample(["داعش", "العراق", "سوريا", "الموصل", "التحالف الدولي", "الرقة", "الإرهاب", "الحشد الشعبي", "تركيا"], 4)
    tag_block = {"none": "", "labelled": f"<div class='tags'><b>الكلمات المفتاحية:</b> {' '.join(_a(t) for t in tags)}</div>",
                 "bare": f"<div class='tags'>{_ul(tags)}</div>",
                 "hash": f"<div class='tags'>{' '.join(_a('#' + t.replace(' ', '_')) for t in tags)}</div>"}[site["tags"]]
    F("الكلمات المفتاحية", *("#" + t.replace(" ", "_") for t in tags))
    comment_people = rng.sample(COMMENTERS, 2)
    comments = {
        "none": "",
        "form_only": "<section><h3>أضف تعليقك</h3><p>الاسم</p><p>البريد الإلكتروني</p><button>إرسال</button></section>",
        "thread": "<section><h3>التعليقات</h3>" + "".join(
            f"<div class='c'><b>{e(n)}</b> <span>منذ {rng.randint(2, 9)} ساعات</span><p>{e(t)}</p></div>"
            for n, t in zip(comment_people, rng.sample(COMMENT_TEXTS, 2))) + "</section>",
    }[site["comments"]]
    F("أضف تعليقك", "التعليقات", *COMMENT_TEXTS, "إرسال")
    newsletter = {
        "none": "",
        "box": "<div class='nl'><h3>النشرة البريدية</h3><p>اشترك ليصلك أهم الأخبار يوميا</p><button>اشترك</button></div>",
        "app_banner": f"<div class='app'><p>حمّل تطبيق {e(ar)} على هاتفك</p><p>App Store</p><p>Google Play</p></div>",
    }[site["newsletter"]]
    F("النشرة البريدية", "اشترك ليصلك", "App Store", "Google Play")
    footer = {
        "links_copyright": f"<footer>{_ul(['من نحن', 'اتصل بنا', 'سياسة الخصوصية', 'أعلن معنا'])}<p>جميع الحقوق محفوظة © {e(ar)} {d.year + 5}</p></footer>",
        "copyright_only": f"<footer><p>© {d.year + 4} {e(latin)}. All rights reserved.</p></footer>",
        "english_links": f"<footer>{_ul(rng.sample(ENGLISH, 5))}<p>© {e(latin)}</p></footer>",
        "sitemap": "<footer>" + "".join(f"<div><b>{e(s)}</b>{_ul(rng.sample(SECTIONS, 4))}</div>" for s in rng.sample(SECTIONS, 3)) + "</footer>",
    }[site["footer"]]
    F("جميع الحقوق محفوظة", "سياسة الخصوصية", "All rights reserved")
    aside_block = f"<aside><h3>{e(most)}</h3>{_ul(rel[15:18], ordered=rng.random() < 0.5)}</aside>"
    if site["aside"] != "none":
        F(most, *rel[15:18])

    # The article, with the byline where the site puts it.
    at = site["byline_at"]
    head = f"{kicker}<h1>{e(r['title'])}</h1>"
    text = f"{''.join(f'<p>{e(p)}</p>' for p in ps[:cut])}{inside}{''.join(f'<p>{e(p)}</p>' for p in ps[cut:])}"
    if at == "under_headline":
        article = f"{head}{byline}{share}{figure}{text}"
    elif at == "above_headline":
        article = f"{byline}{head}{share}{figure}{text}"
    elif at == "sidebar_before":
        article = f"<div class='side'>{byline}{share}</div>{head}{figure}{text}"
    else:  # after_body: the article closes with its byline and date
        article = f"{head}{figure}{share}{text}<div class='end'>{byline}</div>"
    main = f"{crumbs}<article>{article}{tag_block}</article>{related}{comments}{newsletter}"
    if site["aside"] == "before":
        main = f"{aside_block}<main>{main}</main>"
    elif site["aside"] == "after":
        main = f"<main>{main}</main>{aside_block}"
    body = f"{header}{ticker}{main}{footer}"
    body = re.sub(r">\s*<", ">\n<", body)
    title = f"{r['title']} {site['sep']} {ar}"
    page = (f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>{e(title)}</title>"
            f"<style>nav ul,.share,.tags ul{{display:flex;list-style:none}} nav li,.share li,.tags li{{margin:0 6px}}</style>"
            f"</head><body>{body}</body></html>")
    heads = [p for p in ps]
    furniture = sorted({f for f in fur if f.strip() and not any(h.startswith(f) for h in heads)})
    return page, url, furniture, ps


PARTS = (("rand-train", TRAIN_SEEDS, "exclude"), ("rand-seedcheck", SEED_CHECK, "exclude"), ("rand-kindcheck", KIND_CHECK, "include"))


def related_and_summaries(rng, others):
    """Eighteen other articles' headlines and four one-sentence summaries, for a page's boxes and teasers."""
    picks = rng.sample(others, 22)
    rel = [o["title"] for o in picks[:18]]
    summaries = [re.split(r"(?<=\.)\s", paragraphs(o["body"])[0])[0] for o in picks[18:]]
    return rel, [s if s.endswith(".") else s + "." for s in summaries]


def write(corpus_dir, out, seed=8311, parts=None):
    from .readers_devset_text import save_texts

    sites = [(folder, draw_site(s, mode)) for folder, seeds, mode in PARTS for s in seeds]
    need = len(sites) * PAGES_PER_SITE
    a, a_rest = sample(os.path.join(corpus_dir, "articles.jsonl.gz"), need // 2, seed, slot=2)
    b, b_rest = sample(os.path.join(corpus_dir, "articles-b.jsonl.gz"), need - need // 2, seed, slot=9)
    cases = [x for pair in zip(a, b) for x in pair]
    others = a_rest + b_rest
    rng = random.Random(seed)
    jobs = []
    for n, (folder, site) in enumerate(sites):
        for k in range(PAGES_PER_SITE):
            r = cases[n * PAGES_PER_SITE + k]
            rel, summaries = related_and_summaries(rng, others)
            # The training part's articles also carry crossheads and closing clauses (their own generator,
            # so the check parts' pages are those written before this habit was added).
            habits = random.Random(site["seed"] * 10 + k) if folder == "rand-train" else None
            page, url, furniture, printed = compose(site, r, rng, rel, summaries, habits)
            for browser in ("chrome", "firefox"):
                layout = f"{browser}_s{site['seed']}"
                t = _truth(r, layout, furniture, "day", first=printed[0])
                t["last"] = printed[-1]
                t["id"] = r.get("id")
                t["site"] = {kind: site[kind] for kind in KINDS}
                jobs.append((folder, f"s{site['seed']}_{k}_{browser}.txt", browser, page, url, t))
    if parts:
        jobs = [j for j in jobs if j[0] in parts]
    truths = save_texts(out, jobs)
    if parts:
        return
    with open(os.path.join(out, "ids-rand.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": seed, "held_out_kinds": sorted(HELD_OUT_KINDS),
                   "ids": {folder: sorted({t["id"] for t in truth.values()}) for folder, truth in truths.items()}}, f, indent=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cmd", choices=("write",))
    parser.add_argument("corpus_dir")
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=8311)
    parser.add_argument("--parts", nargs="*", help="write only these folders (rand-train, ...)")
    args = parser.parse_args()
    write(args.corpus_dir, args.out, args.seed, args.parts)


if __name__ == "__main__":
    main()
