"""Write the ingest-readers DEVELOPMENT set: saved pages in layouts unlike
``tooling/evaluation/extraction.py``'s, made from corpus records, with the truth.

    .venv/bin/python scripts/extraction_devset.py CORPUS.jsonl.gz OUT_DIR [--n 120] [--seed 77]

Frozen when first committed: the readers are changed against it, so its
figures are development figures, not held-out ones. Each file's truth is in
OUT_DIR/truth.json: title, outlet slug, date (ISO) and its precision, the
body's first and last paragraph, the furniture strings that must not reach the
body, or ``"bad": true`` for a file that must be refused.

Layouts (each as a browser or a person would save it):

    txt_bar        "عاجل" bar, a › breadcrumb, headline, "Outlet | 17/10/2018 | 01:57",
                   share words one per line, an "اقرأ أيضاً" line + related headline
                   in the body, a "related" list and a copyright footer
    txt_published  headline, "نشر في: 14 مايو ,2018: 11:26 م GST" and "آخر تحديث:",
                   body, related headlines without a heading, copyright year
    docx_byline    Word: headline, "بي بي سي عربي | 28 شباط/فبراير 2018", body
    docx_year      Word: headline, the outlet's dateline in the lead, "(2018)" alone
    html_nosite    <title>Headline - Outlet</title>, <h1>, canonical URL, byline date
                   in words, nav/aside lists, no og:site_name, no JSON-LD
    html_ldonly    JSON-LD NewsArticle only (no og:), breaking bar, share list
    bad            a saved 404 page, a section index page of links, a text of
                   over 1 MiB of article text
"""
import argparse
from datetime import datetime
import gzip
import html
import io
import json
import os
import random

SOURCES = {  # corpus source -> (slug, printed forms, Latin title suffix, domain, path)
    "skynews": ("sky-news-arabia", ["سكاي نيوز عربية", "أبوظبي - سكاي نيوز عربية"], "Sky News Arabia",
                "www.skynewsarabia.com", "/middle-east/"),
    "alarabia": ("al-arabiya", ["العربية.نت", "دبي - العربية.نت"], "Al Arabiya", "www.alarabiya.net", "/ar/arab-and-world/"),
    "france24": ("france-24-arabic", ["فرانس 24", "فرانس 24 / أ ف ب"], "France 24", "www.france24.com", "/ar/"),
    "BBC": ("bbc-arabic", ["بي بي سي عربي", "BBC عربي"], "BBC News عربي", "www.bbc.com", "/arabic/middleeast-"),
    "CNN": ("cnn-arabic", ["CNN بالعربية", "سي إن إن بالعربية"], "CNN Arabic", "arabic.cnn.com", "/middle-east/article/"),
}
MONTHS_EG = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
MONTHS_LEV = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
              "تشرين الأول", "تشرين الثاني", "كانون الأول"]
SHARE = ["فيسبوك", "تويتر", "واتساب", "تلغرام", "مشاركة", "نسخ الرابط"]
BARS = ["عاجل | مقتل 5 في انفجار ببغداد", "عاجل: التحالف يعلن استعادة السيطرة على بلدة جديدة", "عاجل"]
MENU = ["الرئيسية", "أخبار", "الشرق الأوسط", "العالم", "اقتصاد", "رياضة", "فيديو", "برامج"]
LAYOUTS = ("txt_bar", "txt_published", "docx_byline", "docx_year", "html_nosite", "html_ldonly")


def paragraphs(body):
    return [p.strip() for p in body.split("\n") if p.strip()]


def sample(path, n, seed):
    rng = random.Random(seed)
    pool = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 7:  # a thin, even slice of the file is plenty to draw from
                continue
            r = json.loads(line)
            if r["source"] in SOURCES and r.get("title") and r.get("published"):
                ps = paragraphs(r["body"])
                if 2 <= len(ps) <= 30 and len(r["title"].split()) >= 4 and len(ps[0]) > 60:
                    pool.append(r)
    rng.shuffle(pool)
    return pool[:n]


def day_of(record):
    return datetime.fromisoformat(record["published"]).date()


def related(rng, others):
    return [o["title"] for o in rng.sample(others, 3)]


def txt_bar(r, rng, others):
    slug, forms, latin, domain, path = SOURCES[r["source"]]
    d = day_of(r)
    rel = related(rng, others)
    ps = paragraphs(r["body"])
    bar = rng.choice(BARS)
    crumbs = " › ".join(rng.sample(MENU, 3))
    lines = [latin, bar, crumbs, r["title"], f"{forms[0]} | {d:%d/%m/%Y} | {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"]
    lines += rng.sample(SHARE, 4)
    body = list(ps)
    read_also = f"اقرأ أيضاً: {rel[0]}"
    body.insert(min(2, len(body) - 1), read_also)
    lines += body
    lines += ["مواضيع ذات صلة", rel[1], rel[2], f"© {d.year + 5} {latin}. جميع الحقوق محفوظة"]
    furniture = [bar, crumbs, *SHARE, rel[0], rel[1], rel[2], "اقرأ أيضاً"]
    return "\n".join(lines), furniture, "day"


def txt_published(r, rng, others):
    slug, forms, latin, domain, path = SOURCES[r["source"]]
    d = day_of(r)
    rel = related(rng, others)
    ps = paragraphs(r["body"])
    pub = f"نشر في: {d.day} {MONTHS_EG[d.month - 1]} ,{d.year}: {rng.randint(1, 12):02d}:{rng.randint(0, 59):02d} م GST"
    upd = f"آخر تحديث: {min(d.day + 1, 28)} {MONTHS_EG[d.month - 1]} ,{d.year + 1}: 09:15 ص GST"
    lines = [forms[0], r["title"], pub, upd, "", *ps, "", "شارك", "فيسبوك تويتر واتساب", "", rel[0], rel[1],
             f"جميع الحقوق محفوظة {latin} © {d.year + 4}"]
    return "\n".join(lines), [rel[0], rel[1], "فيسبوك تويتر واتساب"], "day"


def docx_bytes(lines, core_title=None):
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if core_title:
        document.core_properties.title = core_title
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def docx_byline(r, rng, others):
    slug, forms, latin, domain, path = SOURCES[r["source"]]
    d = day_of(r)
    month = f"{MONTHS_LEV[d.month - 1]}/{MONTHS_EG[d.month - 1]}"
    lines = [r["title"], f"{forms[0]} | {d.day} {month} {d.year}", *paragraphs(r["body"])]
    return docx_bytes(lines), [], "day"


def docx_year(r, rng, others):
    slug, forms, latin, domain, path = SOURCES[r["source"]]
    d = day_of(r)
    ps = paragraphs(r["body"])
    lines = [r["title"], f"({d.year})", f"{forms[-1]}", *ps]
    return docx_bytes(lines), [], "year"


def _html_page(head, body):
    return f"<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>"


def html_nosite(r, rng, others):
    slug, forms, latin, domain, path = SOURCES[r["source"]]
    d = day_of(r)
    e = html.escape
    rel = related(rng, others)
    url = f"https://{domain}{path}{rng.randint(10000, 99999)}"
    head = f"<title>{e(r['title'])} - {e(latin)}</title><link rel=\"canonical\" href=\"{url}\">"
    nav = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>{e(m)}</a></li>" for i, m in enumerate(MENU)) + "</ul></nav>"
    aside = "<aside><h3>الأكثر قراءة</h3><ul>" + "".join(f"<li><a href='/r{i}'>{e(t)}</a></li>" for i, t in enumerate(rel)) + "</ul></aside>"
    ps = "".join(f"<p>{e(p)}</p>" for p in paragraphs(r["body"]))
    body = (f"{nav}<div class='wrap'><h1>{e(r['title'])}</h1>"
            f"<div class='meta'><span>{d.day} {MONTHS_EG[d.month - 1]} {d.year}</span></div>"
            f"<div class='content'>{ps}</div></div>{aside}"
            f"<div class='foot'>© {d.year + 3} {e(latin)}</div>")
    return _html_page(head, body), [*rel, *MENU[1:3]], "day"


def html_ldonly(r, rng, others):
    slug, forms, latin, domain, path = SOURCES[r["source"]]
    d = day_of(r)
    e = html.escape
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": r["title"],
          "datePublished": r["published"], "publisher": {"@type": "Organization", "name": latin}}
    head = f"<title>{e(r['title'])}</title><script type=\"application/ld+json\">{json.dumps(ld, ensure_ascii=False)}</script>"
    bar = BARS[1]
    share = "<ul class='share'>" + "".join(f"<li><a href='#'>{s}</a></li>" for s in SHARE) + "</ul>"
    ps = "".join(f"<p>{e(p)}</p>" for p in paragraphs(r["body"]))
    body = f"<div class='breaking'><a href='/b'>{e(bar)}</a></div><main><h1>{e(r['title'])}</h1>{share}<div>{ps}</div></main>"
    return _html_page(head, body), [bar, *SHARE], "day"


def bad_files(rng, others):
    e = html.escape
    rel = [o["title"] for o in others[:8]]
    not_found = _html_page(
        "<title>الصفحة غير موجودة - 404</title>",
        "<nav>" + "".join(f"<a href='/s{i}'>{m}</a> " for i, m in enumerate(MENU)) + "</nav>"
        "<h1>عذراً، الصفحة التي تبحث عنها غير موجودة</h1><p>ربما تم نقل الصفحة أو حذفها.</p>"
        "<h3>الأكثر قراءة</h3><ul>" + "".join(f"<li><a href='/r{i}'>{e(t)}</a></li>" for i, t in enumerate(rel)) + "</ul>")
    section = _html_page(
        "<title>الشرق الأوسط - أخبار</title>",
        "<h1>الشرق الأوسط</h1><ul>" + "".join(
            f"<li><a href='/a{i}'>{e(t)}</a><span>منذ {i + 1} ساعات</span></li>" for i, t in enumerate(rel)) + "</ul>")
    not_found_txt = "\n".join(["الرئيسية", "أخبار", "404", "الصفحة غير موجودة", "عذراً، لم نعثر على الصفحة المطلوبة", "الأكثر قراءة", *rel[:5]])
    huge = "\n".join([others[0]["title"], *(paragraphs(others[0]["body"]) * 4000)])[: 1_300_000]
    return {"bad_404.html": not_found, "bad_section.html": section, "bad_404.txt": not_found_txt, "bad_huge.txt": huge}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--n", type=int, default=120)
    parser.add_argument("--seed", type=int, default=77)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    records = sample(args.corpus, args.n + 40, args.seed)
    cases, others = records[: args.n], records[args.n:]
    os.makedirs(args.out, exist_ok=True)
    truth = {}
    for i, r in enumerate(cases):
        layout = LAYOUTS[i % len(LAYOUTS)]
        content, furniture, precision = globals()[layout](r, rng, others)
        ext = ".docx" if layout.startswith("docx") else ".html" if layout.startswith("html") else ".txt"
        name = f"{i:03d}_{layout}{ext}"
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        ps = paragraphs(r["body"])
        d = day_of(r)
        truth[name] = {
            "layout": layout, "title": r["title"], "outlet": SOURCES[r["source"]][0],
            "date": (d.replace(month=1, day=1) if precision == "year" else d).isoformat(), "precision": precision,
            "first": ps[0], "last": ps[-1], "furniture": furniture,
        }
    for name, content in bad_files(rng, others).items():
        with open(os.path.join(args.out, name), "wb") as f:
            f.write(content.encode("utf-8"))
        truth[name] = {"layout": "bad", "bad": True}
    with open(os.path.join(args.out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    print(f"{len(truth)} files in {args.out}")


if __name__ == "__main__":
    main()
