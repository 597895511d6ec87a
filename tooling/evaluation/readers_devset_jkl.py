"""Families J, K and L of the readers' development set: saving habits the readers were not written against.

    .venv/bin/python -m tooling.evaluation.readers_devset_jkl write ../shared/corpus/articles-b.jsonl.gz data/devset-j --family j
    DATA_DIR=... .venv/bin/python -m tooling.evaluation.readers_devset score data/devset-j [--show N]

Written and frozen before the readers were changed for them (figures in
``docs/importing.md``), from the corpus's second file (``articles-b``), which
no older family draws from:

- J, browser text saves of sites not used before: the tab title "Headline -
  Outlet" on the first line, menus flattened one item a line, "عاجل" tickers,
  breadcrumbs with › or / that end with the headline, share and comment
  counts, and a page whose headline is printed only in its last lines;
- K, Word files with the outlet and the date in other places: the page
  header, the core properties, a dateline "بغداد - … (Outlet) -" in the first
  paragraph, "نشر بتاريخ …" on the last line, Hijri beside Gregorian, the date
  in words or with a weekday, the year alone in brackets;
- L, articles whose first or last paragraph is short (a one-line lead, a
  short closing sentence, a closing quotation, a paragraph without a full
  stop), in text saves, HTML pages and Word files: the body rules must keep
  them.

The truth and the score are ``readers_devset``'s (same ``truth.json`` shape).
"""
import argparse
import html
import os
import random
import re

from .readers_devset import (
    EG, HIJRI, LEV, MENU, OUTLETS, _page, _ps, _truth, _ul, _write_cases, _write_truth, clock, docx_bytes, hijri,
    paragraphs, sample, weekday,
)

SECTIONS = ["عربي ودولي", "العراق", "سوريا", "الشرق الأوسط", "تقارير", "أخبار محلية"]
ORDINALS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
            "الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر", "الخامس عشر", "السادس عشر", "السابع عشر",
            "الثامن عشر", "التاسع عشر", "العشرين", "الحادي والعشرين", "الثاني والعشرين", "الثالث والعشرين",
            "الرابع والعشرين", "الخامس والعشرين", "السادس والعشرين", "السابع والعشرين", "الثامن والعشرين",
            "التاسع والعشرين", "الثلاثين", "الحادي والثلاثين"]


def _both(d):
    """"آذار/مارس": the Levantine and the Egyptian name together, as agencies print them."""
    return f"{LEV[d.month - 1]}/{EG[d.month - 1]}"


# --- J: browser text saves -----------------------------------------------------------------------------------------

def j_txt_tab_title(r, rng, rel):
    """Chrome: the tab title "Headline - Outlet" first, a menu one item a line, an "عاجل" bar, a › breadcrumb,
    headline, author, "نشر في: 14 مايو 2018 - 10:22", share count and network names, body, comment count, related."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [f"{r['title']} - {ar}", "", *MENU[:9], "", "عاجل", rel[3], "",
             f"الرئيسية › {rng.choice(SECTIONS)}", "", r["title"], rng.choice(["محمد الجبوري", "فريق التحرير", "ليلى حسن"]),
             f"نشر في: {d.day} {EG[d.month - 1]} {d.year} - {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
             f"{rng.randint(12, 900)} مشاركة", "فيسبوك", "تويتر", "واتساب", "", *ps, "",
             f"{rng.randint(1, 40)} تعليقاً", "أخبار ذات صلة", rel[0], rel[1]]
    return "\n".join(lines), [rel[3], rel[0], "فيسبوك", "عاجل"], "day"


def j_txt_bottom_title(r, rng, rel):
    """Firefox: the site's name, a menu one item a line, the date with a weekday in Levantine words, the body, and
    the headline only in the page's last lines (a breadcrumb "الرئيسية › Section › Headline" under share words)."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [latin, *MENU[:7], f"{weekday(d)} {d.day} {LEV[d.month - 1]} {d.year}", "", *ps, "",
             "شارك", "فيسبوك", "تويتر", f"الرئيسية › {rng.choice(SECTIONS)} › {r['title']}",
             f"جميع الحقوق محفوظة {d.year + 4}"]
    return "\n".join(lines), ["شارك", "فيسبوك"], "day"


def j_txt_slash_crumb(r, rng, rel):
    """A "/" breadcrumb ending with the headline, the headline, "12/03/2018 | 10:22", a view count with a
    comma, a comment count, body, "شارك 57", "التعليقات (3)", related headlines."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lines = [ar, "بحث", "", f"الرئيسية / {rng.choice(SECTIONS)} / {r['title']}", "", r["title"],
             f"{d.day:02d}/{d.month:02d}/{d.year} | {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
             f"{rng.randint(1, 9)},{rng.randint(100, 999)} مشاهدة", f"{rng.randint(0, 30)} تعليق", "", *ps, "",
             f"شارك {rng.randint(2, 90)}", f"التعليقات ({rng.randint(0, 9)})", rel[0], rel[1], rel[2]]
    return "\n".join(lines), [rel[0], "شارك", "مشاهدة"], "day"


def j_txt_ticker(r, rng, rel):
    """An "عاجل" ticker of three stories right above the headline, the outlet and date on one line
    ("ar - 12 آذار/مارس 2018"), "5 دقائق للقراءة", body, "إقرأ أيضا" box in the middle, "Tags" line."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    cut = min(2, len(ps) - 1)
    lines = [latin, "عاجل", rel[3], rel[4], rel[5], "", r["title"], f"{ar} - {d.day} {_both(d)} {d.year}",
             f"{rng.randint(2, 9)} دقائق للقراءة", "", *ps[:cut], "إقرأ أيضا", rel[0], *ps[cut:], "",
             "الوسوم: العراق سوريا", f"{rng.randint(3, 400)} إعجاب"]
    return "\n".join(lines), [rel[0], rel[3], "إقرأ أيضا", "الوسوم"], "day"


# --- K: Word files ---------------------------------------------------------------------------------------------------

def k_docx_page_header(r, rng, rel):
    """The outlet and the date only in the page header ("ar | 12 آذار 2018"); headline and body in the text."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    return docx_bytes([r["title"], *paragraphs(r["body"])], header=f"{ar} | {d.day} {LEV[d.month - 1]} {d.year}"), [], "day"


def k_docx_properties(r, rng, rel):
    """The outlet only in the core properties' author (a newsroom template); the date with a weekday under the headline."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    return docx_bytes([r["title"], f"{weekday(d)} {d.day} {LEV[d.month - 1]} {d.year}", *paragraphs(r["body"])],
                 props={"author": latin, "title": r["title"]}), [], "day"


def k_docx_dateline(r, rng, rel):
    """An agency dateline opening the first paragraph: "بغداد - 12 آذار/مارس 2018 (ar) - lead"."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = paragraphs(r["body"])
    lead = f"{rng.choice(['بغداد', 'دمشق', 'أربيل', 'بيروت'])} - {d.day} {_both(d)} {d.year} ({ar}) - {ps[0]}"
    return docx_bytes([r["title"], lead, *ps[1:]]), [], "day", lead


def k_docx_published_end(r, rng, rel):
    """Headline, body, and the last line "نشر بتاريخ الاثنين 12 آذار 2018 في ar"."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    return docx_bytes([r["title"], *paragraphs(r["body"]), f"نشر بتاريخ {weekday(d)} {d.day} {LEV[d.month - 1]} {d.year} في {ar}"]), [], "day"


def k_docx_hijri_beside(r, rng, rel):
    """The outlet's name above the headline, a Hijri date beside the Gregorian under it ("… 1439 هـ - 12 مارس 2018 م")."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    hy, hm, hd = hijri(d)
    return docx_bytes([ar, r["title"], f"{weekday(d)} {hd} {HIJRI[hm - 1]} {hy} هـ - {d.day} {EG[d.month - 1]} {d.year} م",
                  *paragraphs(r["body"])]), [], "day"


def k_docx_words(r, rng, rel):
    """The date in words ("الثاني عشر من آذار/مارس 2018") after the outlet's name on one line under the headline."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    return docx_bytes([r["title"], f"{ar}، {ORDINALS[d.day - 1]} من {_both(d)} {d.year}", *paragraphs(r["body"])]), [], "day"


def k_docx_year_brackets(r, rng, rel):
    """Only the year, in brackets after the outlet's name, on the last line: "ar (2018)"."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    return docx_bytes([r["title"], *paragraphs(r["body"]), f"{ar} ({d.year})"]), [], "year"


# --- L: short first and last paragraphs ------------------------------------------------------------------------------

CLOSINGS = ["ولم يصدر أي تعليق رسمي حتى الآن.", "وتتواصل العمليات في المنطقة.", "وقال: «لن نتراجع».",
            "ولم تتبن أي جهة الهجوم", "والتحقيقات مستمرة"]


def _short_ends(r, rng):
    """The article's paragraphs with a one-line first and a short last paragraph."""
    ps = paragraphs(r["body"])
    first = ps[0]
    m = re.search(r"^(.{25,180}?[.؟!])\s+(\S.{60,})$", first)
    if m:  # the lead's first sentence on a line of its own
        ps = [m[1], m[2], *ps[1:]]
    # (Else the first paragraph stays whole: a lead cut mid-sentence is no page's.)
    return [*ps, rng.choice(CLOSINGS)]


def l_txt_short_ends(r, rng, rel):
    """A text save: headline, date, a one-line lead, the body, a short closing line, share words and related."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = _short_ends(r, rng)
    lines = [ar, *MENU[:5], "", r["title"], f"{d.day} {EG[d.month - 1]} {d.year}", "", *ps, "", "شارك", "تويتر",
             "مواضيع ذات صلة", rel[0], rel[1]]
    return "\n".join(lines), [rel[0], "شارك", "تويتر"], "day", ps[0], ps[-1]


def l_html_short_ends(r, rng, rel):
    """An HTML page with og metadata whose first <p> is a one-line lead and whose last <p> is a short closing line."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d, e = r["day"], html.escape
    ps = _short_ends(r, rng)
    head = (f"<title>{e(r['title'])} | {e(ar)}</title><meta property='og:site_name' content='{e(ar)}'>"
            f"<meta property='og:title' content='{e(r['title'])}'><meta property='article:published_time' content='{d.isoformat()}T09:00:00+03:00'>")
    body = (f"<header>{_ul(MENU[:6], 'menu')}</header><article><h1>{e(r['title'])}</h1>"
            f"<div class='share'><a>فيسبوك</a><a>تويتر</a></div>{_ps(ps)}</article>"
            f"<aside><h3>الأكثر قراءة</h3>{_ul(rel[:3], 'most')}</aside>")
    return _page(head, body), [rel[0], "فيسبوك"], "day", ps[0], ps[-1]


def l_docx_short_ends(r, rng, rel):
    """Word: headline, "المصدر: ar", the date, a one-line lead, the body, a short closing line."""
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    d = r["day"]
    ps = _short_ends(r, rng)
    return docx_bytes([r["title"], f"المصدر: {ar}", f"{d.day}/{d.month}/{d.year}", *ps]), [], "day", ps[0], ps[-1]


FAMILIES = {
    "j": (8, ("j_txt_tab_title", "j_txt_bottom_title", "j_txt_slash_crumb", "j_txt_ticker")),
    "k": (9, ("k_docx_page_header", "k_docx_properties", "k_docx_dateline", "k_docx_published_end",
              "k_docx_hijri_beside", "k_docx_words", "k_docx_year_brackets")),
    "l": (10, ("l_txt_short_ends", "l_html_short_ends", "l_docx_short_ends")),
}


def render(layout, r, rng, rel):
    out = globals()[layout](r, rng, rel)
    content, furniture, precision = out[:3]
    t = _truth(r, layout.split("_", 1)[1], furniture, precision, out[3] if len(out) > 3 else None)
    if len(out) > 4:
        t["last"] = out[4]
    kind = layout.split("_")[1]
    ext = {"docx": ".docx", "html": ".html", "txt": ".txt"}[kind]
    return ext, content if isinstance(content, bytes) else content.encode("utf-8"), t


def write(corpus, out, n, seed, family):
    slot, layouts = FAMILIES[family]
    rng = random.Random(seed)
    cases, others = sample(corpus, n, seed, slot=slot)
    os.makedirs(out, exist_ok=True)
    truth = {}
    _write_cases(out, truth, cases, layouts, rng, others, f"{family}_", render_case=render)
    _write_truth(out, truth)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cmd", choices=("write",))
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--family", choices=sorted(FAMILIES), required=True)
    parser.add_argument("--n", type=int, default=42)
    parser.add_argument("--seed", type=int, default=2027)
    args = parser.parse_args()
    write(args.corpus, args.out, args.n, args.seed, args.family)


if __name__ == "__main__":
    main()
