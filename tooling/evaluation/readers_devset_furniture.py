"""Pages with many kinds of page furniture in many wordings, for the line model (issue 10, point 1; 2026-12-07, bodies8).

    .venv/bin/python -m tooling.evaluation.readers_devset_furniture write ../shared/corpus /work/devdata/bodies8/gen8

``readers_devset_random`` draws a site's design and prints its furniture in a
few fixed wordings; a model trained on it learns those wordings' shapes and
little else (on unseen designs a share bar in a new wording, an app-download
prompt, a comment count stayed in the body). Here each page of a random site
(``readers_devset_random.compose``) gets two to seven more *widgets* composed
from a general vocabulary of web-page furniture — share, follow, subscribe,
download the app, comments, tags and hashtags, related and most-read lists,
read more, reading time and view counts, ads and sponsored labels,
notifications, cookies, print and font size, corrections — in Arabic and
English, each in one of several shapes (a label line, one item a line, items
joined by a separator, a sentence-long prompt, items with counts, dates or a
section). They are placed above the article, between two of its paragraphs and
under it. A quarter of the articles are cut short (one or two paragraphs) and
about a third close on their last sentence printed as a paragraph of its own, so
the model also learns to keep an article's short last line.

The split is made before anything is written: every vocabulary list is
shuffled with ``SPLIT_SEED`` and a third of its entries are held out; the
``train`` part never prints a held-out entry, the ``check`` part prints only
held-out ones (and its sites' seeds and articles are its own). Only corpus
articles whose md5(id) is odd are drawn (the held-out sets draw even ones).
Pages are saved as headless Chromium's ``innerText`` (a select-all copy, the
habit of text saves and of pasted Word files) and as Firefox's "save as text".
"""
import argparse
import hashlib
import html
import os
import random
import re

from .readers_devset import paragraphs, sample
from .readers_devset import _truth
from .readers_devset_random import KINDS, compose, draw_site

e = html.escape
SPLIT_SEED = 8808
PARTS = (("train", range(8000, 8140), "exclude"), ("check", range(8500, 8540), "include"))
PAGES_PER_SITE = 2

PLATFORMS = ["فيسبوك", "تويتر", "إكس", "واتساب", "تلغرام", "تيليغرام", "لينكد إن", "ماسنجر", "يوتيوب", "إنستغرام",
             "تيك توك", "سناب شات", "البريد الإلكتروني", "Facebook", "Twitter", "X", "WhatsApp", "Telegram", "LinkedIn",
             "Pinterest", "Reddit", "Email", "Messenger", "YouTube", "Instagram", "TikTok", "طباعة", "Print", "نسخ الرابط",
             "Copy link", "انسخ الرابط", "Threads", "Viber", "فايبر"]
SHARE_LABELS = ["شارك", "شارك الخبر", "شارك المقال", "شاركوا", "انشر", "مشاركة", "شارك هذا الموضوع", "شارك عبر", "انشر على",
                "Share", "Share this", "Share on", "Share this article", "Share via", "أرسل لصديق", "شارك القصة", "انشر الخبر"]
FOLLOW = ["تابعونا على {p}", "تابعنا عبر {p}", "تابعوا {o} على {p}", "Follow us on {p}", "انضموا إلى قناتنا على {p}",
          "تابع آخر الأخبار على {p}", "لمتابعة آخر الأخبار تابعوا حسابنا على {p}", "اشترك في قناتنا على {p}",
          "Join us on {p}", "تابع {o} عبر {p} لتصلك الأخبار أولاً بأول", "كن أول من يعرف: تابعنا على {p}",
          "للاطلاع على المزيد من الأخبار تابعونا على {p}", "Follow {o} on {p}", "انضم إلى مجتمعنا على {p}",
          "يمكنكم متابعتنا على {p}", "لمزيد من الأخبار تابع صفحتنا على {p}"]
SUBSCRIBE = ["اشترك في النشرة البريدية", "اشترك الآن", "سجّل بريدك الإلكتروني", "أدخل بريدك الإلكتروني", "Subscribe",
             "Subscribe now", "Sign up for our newsletter", "اشترك ليصلك أهم الأخبار يومياً", "النشرة الإخبارية",
             "Newsletter", "اشتراك", "لا تفوّت أي خبر، اشترك في نشرتنا", "احصل على أهم الأخبار في بريدك",
             "Get the latest news in your inbox", "اشترك مجاناً", "سجل الآن", "Sign up", "تسجيل الدخول", "Log in",
             "نشرتنا اليومية", "اشترك في خدمة الرسائل القصيرة", "أرسل"]
APP = ["حمّل تطبيق {o}", "نزّل التطبيق", "Download the app", "Get it on Google Play", "Download on the App Store",
       "متوفر على App Store", "احصل على التطبيق", "حمل التطبيق الآن", "تطبيق {o} على هاتفك", "Available on Google Play",
       "حمّل تطبيقنا مجاناً", "Get the {o} app", "تطبيق الأخبار", "App Store", "Google Play", "AppGallery",
       "نزّل تطبيق {o} لتصلك الأخبار العاجلة", "حمّل التطبيق لتصلك الإشعارات"]
COMMENTS = ["{n} تعليقات", "{n} تعليق", "{n} comments", "التعليقات ({n})", "أضف تعليقاً", "أضف تعليقك", "اكتب تعليقك",
            "Leave a comment", "لا توجد تعليقات", "كن أول من يعلّق", "Comments are closed", "عرض التعليقات",
            "Comments ({n})", "{n} Comments", "اترك تعليقاً", "التعليقات مغلقة", "شاركنا رأيك", "أضف رداً", "Reply", "رد"]
COUNTS = ["{n} مشاهدة", "{n} views", "{n} قراءة", "مدة القراءة: {m} دقائق", "{m} min read", "وقت القراءة {m} دقائق",
          "قراءة {m} دقائق", "{n} مشاركة", "{n} shares", "عدد المشاهدات: {n}", "{k}K", "{n} إعجاب", "{n} likes",
          "👁 {n}", "منذ {m} ساعات", "منذ {m} دقائق", "{m} hours ago", "قبل {m} ساعات", "آخر تحديث منذ {m} دقائق"]
TAG_LABELS = ["الوسوم:", "وسوم", "Tags:", "كلمات دلالية:", "مواضيع:", "الكلمات المفتاحية:", "Topics:", "تصنيفات:",
              "مواضيع ذات صلة:", "وسوم المقال", "Keywords:", "هاشتاغ"]
TAGS = ["داعش", "العراق", "سوريا", "الموصل", "الرقة", "التحالف الدولي", "الإرهاب", "الحشد الشعبي", "تركيا", "ليبيا",
        "اليمن", "مصر", "سيناء", "الأنبار", "دير الزور", "حلب", "إدلب", "كركوك", "الفلوجة", "البنتاغون", "أخبار العراق",
        "أخبار سوريا", "عاجل", "تنظيم الدولة", "الأمم المتحدة", "روسيا", "إيران", "واشنطن", "ISIS", "Iraq", "Syria"]
RELATED = ["أخبار ذات صلة", "مواضيع ذات صلة", "اقرأ أيضاً", "اقرأ كذلك", "شاهد أيضاً", "قد يعجبك أيضاً", "المزيد",
           "Related", "You may also like", "More stories", "ننصحك بقراءة", "مقالات مقترحة", "قد يهمك", "المزيد من الأخبار",
           "Read also", "Recommended", "أخبار أخرى", "في السياق نفسه", "اخترنا لك", "ذات صلة", "More from {o}",
           "المزيد من {o}", "تقارير أخرى", "Further reading", "طالع أيضاً"]
MOST = ["الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تعليقاً", "الأكثر تداولاً", "الأكثر شعبية", "Most read", "Trending",
        "الأكثر انتشاراً", "رائج الآن", "Most popular", "الأكثر مشاركة", "Most viewed", "الأخبار الأكثر قراءة",
        "آخر الأخبار", "Latest", "أحدث الأخبار", "الأخبار العاجلة", "Top stories", "أبرز الأخبار", "Editor's picks",
        "مختارات المحرر"]
READ_MORE = ["اقرأ المزيد", "Read more", "التفاصيل", "للمزيد اضغط هنا", "اقرأ أيضاً: {h}", "طالع أيضاً: {h}",
             "شاهد: {h}", "فيديو: {h}", "Read also: {h}", "اقرأ أيضا.. {h}", "إقرأ أيضاً | {h}", "المزيد: {h}",
             "تابع القراءة", "Continue reading", "شاهد الفيديو", "Watch: {h}", "ذات صلة: {h}", "اضغط هنا لقراءة المزيد",
             "لمزيد من التفاصيل اقرأ: {h}", "انقر هنا"]
ADS = ["إعلان", "Advertisement", "محتوى مدعوم", "Sponsored", "برعاية", "مساحة إعلانية", "إعلانات", "Ad", "Sponsored content",
       "محتوى ممول", "Promoted", "إعلان تجاري", "Paid content", "تابع القراءة بعد الإعلان"]
MISC = ["فعّل الإشعارات", "Allow notifications", "هل تريد تلقي الإشعارات؟", "نستخدم ملفات تعريف الارتباط لتحسين تجربتك",
        "We use cookies to improve your experience", "موافق", "Accept", "Accept all cookies", "حجم الخط", "A+ A-", "أ+ أ-",
        "هل وجدت خطأ؟ أبلغنا", "أبلغ عن خطأ", "Report an error", "حفظ", "Save", "استمع إلى المقال", "Listen to this article",
        "معرض الصور", "Photo gallery", "تشغيل", "Play", "الصفحة التالية", "Next", "السابق", "التالي", "Back to top",
        "العودة إلى الأعلى", "بث مباشر", "LIVE", "اضغط للاستماع", "تحميل المزيد", "Load more", "عرض الكل", "View all",
        "إغلاق", "Close", "بحث", "Search", "Dark mode", "الوضع الليلي"]
SECTION = ["سياسة", "عربي", "دولي", "أمن", "تقارير", "العراق", "سوريا", "Middle East", "World", "رأي", "اقتصاد", "خاص"]
SEPARATORS = [" | ", " · ", " • ", "  ", " / ", " - ", "، "]
LISTS = {"PLATFORMS": PLATFORMS, "SHARE_LABELS": SHARE_LABELS, "FOLLOW": FOLLOW, "SUBSCRIBE": SUBSCRIBE, "APP": APP,
         "COMMENTS": COMMENTS, "COUNTS": COUNTS, "TAG_LABELS": TAG_LABELS, "TAGS": TAGS, "RELATED": RELATED, "MOST": MOST,
         "READ_MORE": READ_MORE, "ADS": ADS, "MISC": MISC, "SECTION": SECTION, "SEPARATORS": SEPARATORS}


def split_vocabulary(part):
    """Each list's entries for ``part``: "train" (two thirds) or "check" (the held-out third)."""
    out = {}
    for name, items in LISTS.items():
        shuffled = list(items)
        random.Random(f"{SPLIT_SEED}-{name}").shuffle(shuffled)
        cut = max(1, len(shuffled) // 3)
        out[name] = shuffled[cut:] if part == "train" else shuffled[:cut]
    return out


def _a(text):
    return f"<a href='/x/{len(text)}'>{e(text)}</a>"


def widget(kind, v, rng, outlet, headlines, d):
    """One piece of furniture: (html, the strings it prints)."""
    def fill(t):
        return t.format(p=rng.choice(v["PLATFORMS"]), o=outlet, n=rng.randint(2, 4000), m=rng.randint(1, 12),
                        k=rng.randint(1, 40), h=headlines.pop() if headlines else "")

    sep = rng.choice(v["SEPARATORS"])
    shape = rng.random()
    if kind == "share":
        label, items = rng.choice(v["SHARE_LABELS"]), rng.sample(v["PLATFORMS"], min(len(v["PLATFORMS"]), rng.randint(2, 6)))
        if rng.random() < 0.3:
            items = [f"{x} {rng.randint(0, 999)}" for x in items]
        if shape < 0.4:
            return f"<div><b>{e(label)}</b>{''.join(f'<div>{_a(x)}</div>' for x in items)}</div>", [label, *items]
        if shape < 0.7:
            return f"<p>{e(label)}: {sep.join(_a(x) for x in items)}</p>", [label]
        return f"<ul>{''.join(f'<li>{_a(x)}</li>' for x in items)}</ul>", items
    if kind in ("follow", "subscribe", "app", "misc", "ads", "counts", "comments", "read_more"):
        key = {"follow": "FOLLOW", "subscribe": "SUBSCRIBE", "app": "APP", "misc": "MISC", "ads": "ADS", "counts": "COUNTS",
               "comments": "COMMENTS", "read_more": "READ_MORE"}[kind]
        texts = [fill(rng.choice(v[key])) for _ in range(rng.randint(1, 3))]
        if kind in ("counts", "misc") and shape < 0.5:
            line = sep.join(texts)
            return f"<div>{e(line)}</div>", [texts[0]]
        if kind == "follow" and shape < 0.3:
            texts = [t + rng.choice([".", "!", ""]) for t in texts]
        tag = rng.choice(["p", "div", "h4"])
        return "".join(f"<{tag}>{_a(t) if rng.random() < 0.4 else e(t)}</{tag}>" for t in texts), texts
    if kind == "tags":
        tags = rng.sample(v["TAGS"], min(len(v["TAGS"]), rng.randint(2, 6)))
        if shape < 0.3:
            tags = ["#" + t.replace(" ", "_") for t in tags]
            return f"<div>{' '.join(_a(t) for t in tags)}</div>", tags[:1]
        label = rng.choice(v["TAG_LABELS"])
        if shape < 0.65:
            return f"<div><b>{e(label)}</b> {sep.join(_a(t) for t in tags)}</div>", [label]
        return f"<div><b>{e(label)}</b><ul>{''.join(f'<li>{_a(t)}</li>' for t in tags)}</ul></div>", [label, *tags]
    # related / most read: a heading over headlines in one of several shapes
    label = fill(rng.choice(v["RELATED"] if kind == "related" else v["MOST"]))
    items = [headlines.pop() for _ in range(min(len(headlines), rng.randint(2, 5)))]
    printed = list(items)
    style = rng.randrange(6)
    if style == 1:
        printed = [f"{i + 1}. {t}" if rng.random() < 0.5 else f"{i + 1} {t}" for i, t in enumerate(items)]
    elif style == 2:
        printed = [f"{rng.choice(v['SECTION'])}{sep}{t}" for t in items]
    elif style == 3:
        printed = [f"{t} {fill(rng.choice(v['COUNTS']))}" for t in items]
    elif style == 4:
        printed = [t.rstrip(".") + "." for t in items]
    elif style == 5:
        printed = [f"{t} {d.day}/{d.month}/{d.year}" for t in items]
    body = "".join(f"<li>{_a(t)}</li>" for t in printed) if rng.random() < 0.5 else "".join(f"<div>{_a(t)}</div>" for t in printed)
    return f"<section><h3>{e(label)}</h3><ul>{body}</ul></section>", [label, *printed]


WIDGETS = ["share", "follow", "subscribe", "app", "comments", "counts", "tags", "related", "most", "read_more", "ads", "misc"]
# What a page puts between two paragraphs and above the article (comments, tags and lists stand under it).
INSIDE = ["follow", "subscribe", "app", "read_more", "ads", "related", "share"]
ABOVE = ["share", "counts", "follow", "app", "ads", "misc", "read_more"]


def shorten(r, rng):
    """A quarter of the articles cut to one or two paragraphs; in half of all, the last paragraph's last
    sentence printed as a paragraph of its own (an article that closes on a short line)."""
    ps = paragraphs(r["body"])
    if rng.random() < 0.25 and len(ps) > 2:
        ps = ps[:rng.randint(1, 2)]
    if rng.random() < 0.5:
        sentences = re.split(r"(?<=[.!؟])\s+", ps[-1])
        if len(sentences) > 1 and len(sentences[-1].split()) >= 3:
            ps[-1:] = [" ".join(sentences[:-1]), sentences[-1]]
    return dict(r, body="\n".join(ps))


def decorate(page, printed, rng, v, outlet, headlines, d):
    """Place widgets above the article, between two paragraphs and under it."""
    fur = []

    def some(n, kinds=WIDGETS):
        out = []
        for kind in rng.sample(kinds, n):
            markup, texts = widget(kind, v, rng, outlet, headlines, d)
            out.append(markup)
            fur.extend(texts)
        return "".join(out)

    paras = [f"<p>{e(p)}</p>" for p in printed]
    first, last = page.find(paras[0]), page.rfind(paras[-1])
    if first < 0 or last < 0:
        return page, fur
    end = last + len(paras[-1])
    tail = some(rng.randint(1, 3))
    page = page[:end] + tail + page[end:]
    if len(paras) > 2 and rng.random() < 0.6:
        k = rng.randint(1, len(paras) - 1)
        at = page.find(paras[k], first + 1)
        if at > 0:
            page = page[:at] + some(1, INSIDE) + page[at:]
    if rng.random() < 0.6:
        page = page[:first] + some(rng.randint(1, 2), ABOVE) + page[first:]
    return page, fur


def write(corpus_dir, out, seed=8808):
    from .readers_devset_text import save_texts

    odd = lambda r: int(hashlib.md5(str(r.get("id")).encode()).hexdigest(), 16) % 2 == 1
    sites = [(part, draw_site(s, mode)) for part, seeds, mode in PARTS for s in seeds]
    need = len(sites) * PAGES_PER_SITE
    a, a_rest = sample(os.path.join(corpus_dir, "articles.jsonl.gz"), need * 3, seed, slot=7)
    b, b_rest = sample(os.path.join(corpus_dir, "articles-b.jsonl.gz"), need * 3, seed, slot=3)
    a, b = [r for r in a if odd(r)], [r for r in b if odd(r)]
    pool = [x for pair in zip(a, b) for x in pair] + a[len(b):]  # the smaller file's articles spread evenly
    cases = pool[:need]
    assert len(cases) == need, len(cases)
    others = [r for r in a_rest + b_rest + pool[need:] if odd(r)]
    rng = random.Random(seed)
    vocab = {part: split_vocabulary(part) for part, _, _ in PARTS}
    jobs = []
    from .readers_devset import OUTLETS
    for n, (part, site) in enumerate(sites):
        for k in range(PAGES_PER_SITE):
            r = shorten(cases[n * PAGES_PER_SITE + k], rng)
            picks = rng.sample(others, 40)
            rel = [o["title"] for o in picks[:18]]
            summaries = [re.split(r"(?<=\.)\s", paragraphs(o["body"])[0])[0] for o in picks[18:22]]
            summaries = [s if s.endswith(".") else s + "." for s in summaries]
            page, url, furniture, printed = compose(site, r, rng, rel, summaries)
            outlet = OUTLETS[r["source"]][1] if rng.random() < 0.5 else OUTLETS[r["source"]][3]
            page, extra = decorate(page, printed, rng, vocab[part], outlet, [o["title"] for o in picks[22:]], r["day"])
            heads = printed
            furniture = sorted({f for f in furniture + extra if f.strip() and not any(h.startswith(f) for h in heads)})
            for browser in ("chrome", "firefox"):
                t = _truth(r, f"{browser}_s{site['seed']}", furniture, "day", first=printed[0])
                t["last"] = printed[-1]
                t["id"] = r.get("id")
                t["site"] = {kind: site[kind] for kind in KINDS}
                jobs.append((part, f"s{site['seed']}_{k}_{browser}.txt", browser, page, url, t))
    save_texts(out, jobs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cmd", choices=("write",))
    parser.add_argument("corpus_dir")
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=8808)
    args = parser.parse_args()
    write(args.corpus_dir, args.out, args.seed)


if __name__ == "__main__":
    main()
