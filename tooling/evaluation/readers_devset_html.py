"""Randomly designed HTML pages for the HTML reader (issue 10, point 1; seventh session of 2026-12-07).

    .venv/bin/python -m tooling.evaluation.readers_devset_html write ../shared/corpus /work/devdata/readers7h
    DATA_DIR=... .venv/bin/python -m tooling.evaluation.readers_devset_html score /work/devdata/readers7h/html-dev [--show N]
    DATA_DIR=... .venv/bin/python -m tooling.evaluation.readers_devset_html score /work/devdata/readers7h/html-check

``readers_devset_random`` draws sites for text saves; here a site is drawn for its *markup*: which
container holds the article (``<article>``, a ``<div>`` with a meaningless class, no semantic tag at
all, a layout table, ``<main><section>``), how paragraphs are marked, which furniture stands inside the
article (a "read also" line or box, an ad label, a follow prompt, related sentences, an embedded
tweet, teaser cards, a newsletter prompt, a caption between paragraphs) and after it (tags, an author's
box with a bio, related lists and cards, most read, comments, a newsletter, a bottom share bar), and
which metadata the page declares (none, Open Graph, JSON-LD with or without ``articleBody``,
microdata). Class names are random strings, so no rule can key on them.

The split is made before anything is read, by whole furniture kinds and container habits:
``html-dev`` sites never use a kind of ``HELD_OUT``; ``html-check`` sites (other seeds) use one or
two of them each. The check part is scored aggregate-only. Articles are drawn from corpus ids whose
md5 is odd (the held-out set draws even ones); ids go to ``ids-html.json``; nothing from the corpus
is committed.

The score: body complete (every paragraph of the article, in order), furniture-free (no body line
starts with a furniture string the page printed), and both.
"""
import argparse
from collections import defaultdict
import hashlib
import html
import json
import os
import random
import re
import string
import sys

from .readers_devset import EG, OUTLETS, _truth, _write_truth, paragraphs, sample, weekday
from .readers_devset_random import (
    AUTHORS, COMMENT_TEXTS, COMMENTERS, CREDITS, ENGLISH, PLACES, SECTIONS, date_text, related_and_summaries,
)

e = html.escape

DEV_SEEDS = range(100, 160)
CHECK_SEEDS = range(700, 730)
PAGES_PER_SITE = 3
HELD_OUT = {("container", "table"), ("paras", "br"), ("inside", "tweet"), ("inside", "cards_inside"),
            ("after", "author_box")}

KINDS = {
    "container": ["article", "div_class", "no_semantic", "main_section", "table"],
    "paras": ["p", "div", "p_in_div", "br"],
    "meta": ["none", "og", "jsonld_body", "jsonld_nobody", "og_jsonld_body", "microdata"],
    "header": ["logo_menu", "logo_menu_pipes", "english_menu", "mega_menu", "logo_only"],
    "ticker": ["none", "breaking_bar", "latest_line", "none"],
    "crumbs": ["none", "slash", "chevron", "with_title"],
    "byline": ["author_date", "date_only", "outlet_dateline", "author_outlet_date", "labelled_dates"],
    "date_fmt": ["slash_time", "eg_month", "lev_month", "iso", "weekday_eg", "dotted"],
    "share": ["none", "buttons_ar", "buttons_en", "share_label_line", "counters"],
    "figure": ["none", "caption", "caption_credit", "figure_mid"],
    "footer": ["links_copyright", "copyright_only", "english_links", "sitemap"],
    "aside": ["none", "before", "after"],
}
INSIDE = ["read_also_line", "read_also_box", "ad_label", "follow_prompt", "related_sentences", "tweet",
          "cards_inside", "newsletter_inline"]
AFTER = ["tags", "author_box", "related_list", "related_cards", "most_read", "comments", "newsletter", "share_bottom"]
BIO = ["صحفي {place} يكتب في الشؤون السياسية والأمنية منذ عام {year}.",
       "مراسل في {place}، غطى الحرب على تنظيم داعش وعمل مع عدة مؤسسات إعلامية.",
       "كاتبة وباحثة في شؤون الجماعات المسلحة، مقيمة في {place}.",
       "محرر الشؤون العربية، حاصل على الماجستير في العلوم السياسية من جامعة {place}."]


def _cls(rng):
    """A meaningless class name, as CSS-in-JS and minifiers print them."""
    return rng.choice(["css-", "x", "_", "c-", "sc-", ""]) + "".join(rng.choices(string.ascii_letters + string.digits, k=rng.randint(4, 8)))


def draw_site(seed, check):
    rng = random.Random(seed)
    site = {kind: rng.choice(variants) for kind, variants in KINDS.items()}
    inside = rng.sample(INSIDE, rng.randint(0, 2))
    after = rng.sample(AFTER, rng.randint(1, 4))
    held = {k for k, _ in HELD_OUT}
    if not check:
        for kind in ("container", "paras"):
            while (kind, site[kind]) in HELD_OUT:
                site[kind] = rng.choice(KINDS[kind])
        inside = [k for k in inside if ("inside", k) not in HELD_OUT]
        after = [k for k in after if ("after", k) not in HELD_OUT] or ["tags"]
    else:
        for kind, variant in rng.sample(sorted(HELD_OUT), rng.randint(1, 2)):
            if kind in ("container", "paras"):
                site[kind] = variant
            elif kind == "inside" and variant not in inside:
                inside.append(variant)
            elif kind == "after" and variant not in after:
                after.insert(rng.randint(0, len(after)), variant)
    assert held
    site["inside"], site["after"] = inside, after
    site["menu"] = rng.sample(SECTIONS, rng.randint(4, 10))
    site["sep"] = rng.choice(["|", "-", "•"])
    site["cls"] = {name: _cls(rng) for name in ("wrap", "art", "body", "meta", "box", "side", "foot", "head", "nav")}
    site["seed"] = seed
    return site


def _a(text, href="#"):
    return f"<a href='{e(href)}'>{e(text)}</a>"


def _ul(items, tag="ul", links=True):
    return f"<{tag}>" + "".join(f"<li>{_a(t, '/n/' + str(i)) if links else e(t)}</li>" for i, t in enumerate(items)) + f"</{tag}>"


def compose(site, r, rng, rel, summaries):
    """One page of ``site``: (html, furniture strings, paragraphs as printed)."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    c = site["cls"]
    semantic = site["container"] != "no_semantic"
    d, ps = r["day"], paragraphs(r["body"])
    url = f"https://{domain}{path}{rng.randint(100000, 999999)}"
    fur = []

    def F(*texts):
        fur.extend(t for t in texts if t)

    def box(tag, cls, inner):
        return f"<{tag if semantic else 'div'} class='{cls}'>{inner}</{tag if semantic else 'div'}>"

    menu = site["menu"]
    header = {
        "logo_menu": box("header", c["head"], _a(ar, "/") + box("nav", c["nav"], _ul(menu))),
        "logo_menu_pipes": box("header", c["head"], _a(ar, "/") + box("nav", c["nav"], f" {site['sep']} ".join(_a(m) for m in menu))),
        "english_menu": box("header", c["head"], _a(latin, "/") + box("nav", c["nav"], _ul(rng.sample(ENGLISH, 6)))),
        "mega_menu": box("header", c["head"], _a(ar, "/") + box("nav", c["nav"], "".join(
            f"<div><b>{e(s)}</b>{_ul(rng.sample(SECTIONS, 3))}</div>" for s in menu[:4]))),
        "logo_only": box("header", c["head"], f"<h3>{e(ar)}</h3>"),
    }[site["header"]]
    F(*menu)
    ticker = {"none": "", "breaking_bar": f"<div class='{_cls(rng)}'><b>عاجل</b> {_a(rel[0])}</div>",
              "latest_line": f"<div class='{_cls(rng)}'>آخر الأخبار: {' ◂ '.join(e(t) for t in rel[0:2])}</div>"}[site["ticker"]]
    F(*({"breaking_bar": ["عاجل", rel[0]], "latest_line": ["آخر الأخبار"]}.get(site["ticker"], [])))
    section = rng.choice(menu)
    crumbs = {"none": "", "slash": f"<div class='{_cls(rng)}'>{_a('الرئيسية')} / {_a(section)}</div>",
              "chevron": f"<div class='{_cls(rng)}'>{_a('الرئيسية')} › {_a(section)}</div>",
              "with_title": f"<div class='{_cls(rng)}'>{_a('الرئيسية')} {e(site['sep'])} {_a(section)} {e(site['sep'])} {e(r['title'])}</div>"}[site["crumbs"]]
    F("الرئيسية")

    author, when = rng.choice(AUTHORS), date_text(d, site["date_fmt"], rng)
    byline = {
        "author_date": f"<div class='{c['meta']}'><span>{_a(author)}</span> <span>{e(when)}</span></div>",
        "date_only": f"<div class='{c['meta']}'><span>{e(when)}</span></div>",
        "outlet_dateline": f"<div class='{c['meta']}'><div>{e(rng.choice(forms))}</div><span>{e(when)}</span></div>",
        "author_outlet_date": f"<div class='{c['meta']}'><div>{e(author)} - {e(ar)}</div><div>{e(when)}</div></div>",
        "labelled_dates": f"<div class='{c['meta']}'><div>نشر في: {e(when)}</div><div>آخر تحديث: {e(when)}</div></div>",
    }[site["byline"]]
    F(author, "نشر في", "آخر تحديث", when)

    def share_bar(kind):
        return {
            "none": "",
            "buttons_ar": f"<div class='{_cls(rng)}'>" + "".join(f"<a href='#'>{b}</a>" for b in rng.sample(
                ["فيسبوك", "تويتر", "واتساب", "تيليغرام", "نسخ الرابط", "طباعة"], 4)) + "</div>",
            "buttons_en": f"<div class='{_cls(rng)}'>" + "".join(f"<a href='#'>{b}</a>" for b in ["Facebook", "Twitter", "WhatsApp", "Email"]) + "</div>",
            "share_label_line": f"<div class='{_cls(rng)}'>شارك هذا الخبر: {_a('فيسبوك')} {_a('إكس')} {_a('واتساب')}</div>",
            "counters": f"<div class='{_cls(rng)}'><span>{rng.randint(2, 900)} مشاركة</span> <span>{rng.randint(100, 9999)} مشاهدة</span></div>",
        }[kind]
    share = share_bar(site["share"])
    F("شارك هذا الخبر", "نسخ الرابط", "فيسبوك", "تويتر", "واتساب", "تيليغرام", "طباعة", "Facebook", "Twitter",
      "WhatsApp", "Email")

    credit = rng.choice(CREDITS)
    caption_text = rng.choice(rel[10:12]).rstrip(".") + " " + credit
    fig = f"<figure><img alt='' src='data:,'><figcaption>{e(caption_text)}</figcaption></figure>" if semantic else \
        f"<div class='{_cls(rng)}'><img alt='' src='data:,'><div class='{_cls(rng)}'>{e(caption_text)}</div></div>"
    if site["figure"] == "caption_credit":
        fig = fig.replace("</figcaption>", f"</figcaption><small>تصوير: {e(rng.choice(AUTHORS))}</small>")
    top_figure = fig if site["figure"] in ("caption", "caption_credit") else ""
    mid_figure = fig if site["figure"] == "figure_mid" else ""
    if site["figure"] != "none":
        F(caption_text, "تصوير:")

    sentences = [t.rstrip(".") + "." for t in rel[6:10]]
    handle = "".join(rng.choices(string.ascii_lowercase, k=7))
    inside_html = {
        "read_also_line": f"<p><b>اقرأ أيضا:</b> {_a(rel[12])}</p>",
        "read_also_box": f"<div class='{c['box']}'><b>{e(rng.choice(['اقرأ أيضاً', 'اقرأ المزيد', 'مواضيع قد تهمك']))}</b>{_ul(rel[12:15])}</div>",
        "ad_label": f"<div class='{_cls(rng)}'>{e(rng.choice(['إعلان', 'مساحة إعلانية', 'Advertisement']))}</div>",
        "follow_prompt": f"<p class='{_cls(rng)}'>{e(rng.choice(['تابعوا آخر الأخبار عبر قناتنا على تلغرام', 'لمتابعة آخر المستجدات اشترك في قناتنا على واتساب', 'حمّل تطبيق ' + ar + ' الآن']))}</p>",
        "related_sentences": f"<div class='{c['box']}'><b>ذات صلة</b>{_ul(sentences[:2])}</div>",
        "tweet": f"<blockquote class='twitter-tweet'><p lang='ar' dir='rtl'>{e(rel[16])} <a href='#'>pic.twitter.com/{handle}</a></p>"
                 f"&mdash; {e(rng.choice(AUTHORS))} (@{handle}) <a href='#'>May {rng.randint(1, 28)}, {d.year}</a></blockquote>",
        "cards_inside": f"<div class='{c['box']}'>" + "".join(
            f"<div class='{_cls(rng)}'><a href='#'><img src='data:,' alt=''><span>{e(t)}</span></a></div>" for t in rel[12:15]) + "</div>",
        "newsletter_inline": f"<div class='{_cls(rng)}'><p>اشترك في نشرتنا البريدية ليصلك أهم الأخبار</p><input type='email'><button>اشترك</button></div>",
    }
    F("اقرأ أيضا", "اقرأ المزيد", "مواضيع قد تهمك", "مساحة إعلانية", "إعلان", "Advertisement", "ذات صلة",
      "تابعوا آخر الأخبار", "لمتابعة آخر المستجدات", "حمّل تطبيق", "اشترك", "pic.twitter.com", "—", "&mdash;")
    for kind in site["inside"]:
        F(*{"read_also_line": [rel[12]], "read_also_box": rel[12:15], "related_sentences": sentences[:2],
            "tweet": [rel[16]], "cards_inside": rel[12:15]}.get(kind, []))

    label = rng.choice(["أخبار ذات صلة", "اقرأ أيضا", "المزيد من الأخبار", "قد يهمك أيضا", "Related"])
    most = rng.choice(["الأكثر قراءة", "الأكثر مشاهدة", "Most Popular", "الأكثر تداولا"])
    tags = rng.sample(["داعش", "العراق", "سوريا", "الموصل", "التحالف الدولي", "الرقة", "الإرهاب", "الحشد الشعبي", "تركيا"], 4)
    bio = rng.choice(BIO).format(place=rng.choice(PLACES), year=rng.randint(2003, 2014))
    people = rng.sample(COMMENTERS, 2)
    after_html = {
        "tags": f"<div class='{_cls(rng)}'>{rng.choice(['<b>الكلمات المفتاحية:</b> ', '<b>وسوم</b>', ''])}{' '.join(_a(t) for t in tags)}</div>",
        "author_box": f"<div class='{_cls(rng)}'><img src='data:,' alt=''><div><b>{e(author)}</b><p>{e(bio)}</p></div></div>",
        "related_list": box("section", _cls(rng), f"<h3>{e(label)}</h3>{_ul(rel[3:7])}"),
        "related_cards": box("section", _cls(rng), f"<h3>{e(label)}</h3>" + "".join(
            f"<div class='{_cls(rng)}'><h4>{_a(t)}</h4><p>{e(s)}</p></div>" for t, s in zip(rel[3:6], summaries))),
        "most_read": box("section", _cls(rng), f"<h3>{e(most)}</h3>{_ul(rel[7:11], 'ol')}"),
        "comments": box("section", _cls(rng), "<h3>التعليقات</h3>" + "".join(
            f"<div class='{_cls(rng)}'><b>{e(n)}</b> <span>منذ {rng.randint(2, 9)} ساعات</span><p>{e(t)}</p></div>"
            for n, t in zip(people, rng.sample(COMMENT_TEXTS, 2))) + "<h4>أضف تعليقك</h4><textarea></textarea><button>إرسال</button>"),
        "newsletter": f"<div class='{_cls(rng)}'><h3>النشرة البريدية</h3><p>اشترك ليصلك أهم الأخبار يوميا</p><button>اشترك</button></div>",
        "share_bottom": share_bar(rng.choice(["buttons_ar", "share_label_line", "buttons_en"])),
    }
    F("الكلمات المفتاحية", "وسوم", *tags, *("#" + t for t in tags))
    for kind in site["after"]:
        F(*{"author_box": [bio], "related_list": [label, *rel[3:7]], "related_cards": [label, *rel[3:6], *summaries[:3]],
            "most_read": [most, *rel[7:11]], "comments": ["التعليقات", "أضف تعليقك", "إرسال", *COMMENT_TEXTS, *people],
            "newsletter": ["النشرة البريدية", "اشترك ليصلك"]}.get(kind, []))
    footer = {
        "links_copyright": box("footer", c["foot"], _ul(["من نحن", "اتصل بنا", "سياسة الخصوصية", "أعلن معنا"]) + f"<p>جميع الحقوق محفوظة © {e(ar)} {d.year + 5}</p>"),
        "copyright_only": box("footer", c["foot"], f"<p>© {d.year + 4} {e(latin)}. All rights reserved.</p>"),
        "english_links": box("footer", c["foot"], _ul(rng.sample(ENGLISH, 5)) + f"<p>© {e(latin)}</p>"),
        "sitemap": box("footer", c["foot"], "".join(f"<div><b>{e(s)}</b>{_ul(rng.sample(SECTIONS, 4))}</div>" for s in rng.sample(SECTIONS, 3))),
    }[site["footer"]]
    F("من نحن", "اتصل بنا", "سياسة الخصوصية", "جميع الحقوق محفوظة", "All rights reserved", *ENGLISH)
    aside = box("aside", c["side"], f"<h3>{e(most)}</h3>{_ul(rel[15:18], 'ol')}") if site["aside"] != "none" else ""
    if aside:
        F(most, *rel[15:18])

    # The paragraphs with the inside furniture between them.
    def para(p):
        return {"p": f"<p>{e(p)}</p>", "div": f"<div>{e(p)}</div>", "p_in_div": f"<div class='{_cls(rng)}'><p>{e(p)}</p></div>",
                "br": f"{e(p)}<br><br>"}[site["paras"]]
    slots = sorted(rng.sample(range(1, len(ps)), min(len(site["inside"]) + bool(mid_figure), len(ps) - 1))) if len(ps) > 1 else []
    extras = [inside_html[k] for k in site["inside"]] + ([mid_figure] if mid_figure else [])
    parts = []
    for i, p in enumerate(ps):
        while slots and slots[0] == i and extras:
            slots.pop(0)
            piece = extras.pop(0)
            parts.append(piece if site["paras"] != "br" else f"</div>{piece}<div class='{c['body']}'>")
        parts.append(para(p))
    text = "".join(parts)
    if site["paras"] == "br":
        text = f"<div class='{c['body']}'>{text}</div>"
    headline = f"<h1>{e(r['title'])}</h1>" if site["container"] != "no_semantic" or rng.random() < 0.5 else \
        f"<div class='{_cls(rng)}'>{e(r['title'])}</div>"
    after_text = "".join(after_html[k] for k in site["after"])
    inner = f"{crumbs}{headline}{byline}{share}{top_figure}<div class='{c['body']}'>{text}</div>{after_text}"
    container = site["container"]
    if container == "article":
        main = f"<article>{inner}</article>"
    elif container == "main_section":
        main = f"<main><section class='{c['art']}'>{inner}</section></main>"
    elif container in ("div_class", "no_semantic"):
        main = f"<div class='{c['wrap']}'><div class='{c['art']}'>{inner}</div></div>"
    else:  # an old layout table: the article in one cell, a side column in the other
        main = f"<table width='100%'><tr><td valign='top'>{inner}</td><td width='200'>{aside}</td></tr></table>"
        aside = ""
    if aside:
        main = f"{aside}{main}" if site["aside"] == "before" else f"{main}{aside}"
    body = re.sub(r">\s*<", ">\n<", f"{header}{ticker}{main}{footer}")

    head = [f"<meta charset='utf-8'><title>{e(r['title'])} {site['sep']} {e(ar)}</title>"]
    meta = site["meta"]
    iso = f"{d.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+03:00"
    if meta in ("og", "og_jsonld_body"):
        head.append(f"<meta property='og:title' content='{e(r['title'])}'><meta property='og:site_name' content='{e(ar)}'>"
                    f"<meta property='og:url' content='{e(url)}'><meta property='article:published_time' content='{iso}'>")
    if meta.startswith("jsonld") or meta == "og_jsonld_body":
        ld = {"@context": "https://schema.org", "@type": rng.choice(["NewsArticle", "Article"]), "headline": r["title"],
              "datePublished": iso, "publisher": {"@type": "Organization", "name": ar}, "mainEntityOfPage": url}
        if meta.endswith("_body"):
            ld["articleBody"] = rng.choice(["\n", " ", "\n\n"]).join(ps)
        head.append(f"<script type='application/ld+json'>{json.dumps(ld, ensure_ascii=False)}</script>")
    if meta == "microdata":
        body = body.replace("<h1>", "<h1 itemprop='headline'>", 1)
        head.append(f"<meta itemprop='datePublished' content='{iso}'>")
    page = f"<!DOCTYPE html><html lang='ar' dir='rtl'><head>{''.join(head)}</head><body>{body}</body></html>"
    furniture = sorted({f for f in fur if f.strip() and not any(p.startswith(f) for p in ps)})
    return page, furniture, ps


def odd_id(r):
    return int(hashlib.md5(str(r.get("id")).encode()).hexdigest(), 16) % 2 == 1


def write(corpus_dir, out, seed=7311):
    parts = [("html-dev", s, False) for s in DEV_SEEDS] + [("html-check", s, True) for s in CHECK_SEEDS]
    need = len(parts) * PAGES_PER_SITE
    a, a_rest = sample(os.path.join(corpus_dir, "articles.jsonl.gz"), need * 2, seed, slot=4)
    b, b_rest = sample(os.path.join(corpus_dir, "articles-b.jsonl.gz"), need * 2, seed, slot=7)
    a, b = [r for r in a if odd_id(r)], [r for r in b if odd_id(r)]
    cases = [x for pair in zip(a, b) for x in pair][:need]
    assert len(cases) == need, len(cases)
    used = {r["id"] for r in cases}
    others = [r for r in a_rest + b_rest + a + b if odd_id(r) and r["id"] not in used]
    rng = random.Random(seed)
    truths, ids = defaultdict(dict), defaultdict(list)
    for n, (folder, s, check) in enumerate(parts):
        site = draw_site(s, check)
        for k in range(PAGES_PER_SITE):
            r = cases[n * PAGES_PER_SITE + k]
            rel, summaries = related_and_summaries(rng, others)
            page, furniture, ps = compose(site, r, rng, rel, summaries)
            name = f"s{s}_{k}.html"
            os.makedirs(os.path.join(out, folder), exist_ok=True)
            with open(os.path.join(out, folder, name), "w", encoding="utf-8") as f:
                f.write(page)
            t = _truth(r, f"html_s{s}", furniture, "day", first=ps[0])
            t.update(last=ps[-1], paragraphs=ps, id=r["id"], meta=site["meta"],
                     site={k2: site[k2] for k2 in (*KINDS, "inside", "after")})
            truths[folder][name] = t
            ids[folder].append(r["id"])
    for folder, truth in truths.items():
        _write_truth(os.path.join(out, folder), truth, "pages")
    with open(os.path.join(out, "ids-html.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": seed, "held_out": sorted(HELD_OUT), "ids": ids}, f, indent=1)


def score(folder, show=0, site_import=True):
    """Body complete / furniture-free / both, overall and by metadata kind; ``show`` misses printed (development only)."""
    from .readers_devset import norm

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from archive.ingest.boilerplate import Boilerplate
    from archive.ingest.catalog import Catalog
    from archive.ingest.draft import Draft
    from archive.ingest.limits import Limits
    from archive.ingest.pipeline import read

    truth = json.load(open(os.path.join(folder, "truth.json"), encoding="utf-8"))
    catalog = Catalog()
    got = {}
    for name in sorted(truth):
        items = read(name, open(os.path.join(folder, name), "rb").read(), catalog=catalog, limits=Limits.command())
        got[name] = items[0] if items else None
    if site_import:  # each site's pages imported together, as import_articles learns furniture across files
        by_site = defaultdict(list)
        for name, t in truth.items():
            if isinstance(got[name], Draft):
                by_site[t["layout"]].append(got[name])
        for drafts in by_site.values():
            learner = Boilerplate()
            learner._group = lambda draft: ""
            for draft in drafts:
                learner.learn(draft)
            for draft in drafts:
                learner.strip(draft)
    rows = defaultdict(lambda: defaultdict(list))
    misses = []
    for name, t in sorted(truth.items()):
        draft = got[name] if isinstance(got[name], Draft) else None
        lines = [norm(line) for line in (draft.body if draft else "").split("\n") if line.strip()]
        body = " ".join(lines)
        at, complete = 0, bool(draft)
        # A rule of dashes or underscores between two parts of a corpus article is no text to lose.
        for p in (p for p in t["paragraphs"] if re.search(r"[^\W\d_]", p)):
            found = body.find(norm(p), at)
            if found < 0:
                complete = False
                break
            at = found + len(norm(p))
        kept = [f for f in t["furniture"] if any(line.startswith(norm(f)) for line in lines)]
        clean = bool(draft) and not kept
        for group in ("ALL", "meta" if t["meta"] != "none" else "nometa"):
            rows[group]["complete"].append(complete)
            rows[group]["clean"].append(clean)
            rows[group]["body"].append(complete and clean)
        if not (complete and clean):
            lost = [p[:50] for p in t["paragraphs"] if norm(p) not in body]
            misses.append((name, t["meta"], t["site"], kept, lost, getattr(got[name], "message", "")))
    print(f"{'':8} {'complete':>9} {'clean':>9} {'body':>9}")
    for group in ("ALL", "meta", "nometa"):
        per = rows[group]
        if per["body"]:
            print(f"{group:8} " + " ".join(f"{sum(per[f]) / len(per[f]):9.2f}" for f in ("complete", "clean", "body"))
                  + f"   n={len(per['body'])}")
    for miss in misses[:show]:
        print("MISS", *miss)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("corpus")
    w.add_argument("out")
    s = sub.add_parser("score")
    s.add_argument("dir")
    s.add_argument("--show", type=int, default=0)
    s.add_argument("--single", action="store_true", help="each page alone, no furniture learnt across a site's pages")
    args = parser.parse_args()
    if args.cmd == "write":
        write(args.corpus, args.out)
    else:
        score(args.dir, args.show, not args.single)


if __name__ == "__main__":
    main()
