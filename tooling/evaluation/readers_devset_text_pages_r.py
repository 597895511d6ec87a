"""Six page designs for family R of the text saves, written after family Q was mended.

Scored before anything was changed for them (a second unseen measure of the
round, as family O was for M and N): a side column of dated summary
sentences before the article, a live page whose entries carry their own
short headings, an AMP page with a "you may also like" carousel inside the
text, a Facebook comments plugin under the article, a print page with
English controls, and a mobile page whose gallery captions are short
sentences without a credit.
"""
from .readers_devset import EG
from .readers_devset_text_pages import AUTHORS, REGIONS, SECTIONS, _a, _ctx, _cut, _page, _ps, _ul, e
from .readers_devset_text_pages_q import SENTENCE_TEASERS


def _hm(rng):
    return f"{rng.randint(10, 23)}:{rng.randint(10, 59)}"


def r_side_summaries(r, rng, rel):
    """A side column first in the page's order: "أهم الأخبار", each item a headline, its summary sentence with a
    full stop and its date; then the article: headline, "outlet | dd/mm/yyyy", body."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    items = "".join(f"<div class='it'><h4>{_a(t)}</h4><p>{e(s)}</p><small>{rng.randint(1, 28)}/{d.month}/{d.year}</small></div>"
                    for t, s in zip(rel[:3], rng.sample(SENTENCE_TEASERS, 3)))
    body = (f"<header>{_a(ar, '/')}<nav>{_ul(REGIONS[:6], 'menu')}</nav></header>"
            f"<aside><h3>أهم الأخبار</h3>{items}</aside>"
            f"<article><h1>{e(r['title'])}</h1><p class='m'>{e(ar)} | {d.day:02d}/{d.month:02d}/{d.year}</p>{_ps(ps)}</article>"
            f"<footer><p>© {d.year + 5} {e(ar)}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [rel[0], rel[2], "أهم الأخبار"]


def r_live_headed(r, rng, rel):
    """A live page: "تغطية مستمرة", headline, "آخر تحديث: hh:mm", date, entries each a time, a short heading and a
    paragraph, "تحميل المزيد" at the end."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    entries = "".join(f"<div><time>{_hm(rng)}</time><h3>{e(' '.join(p.split()[:4]))}</h3><p>{e(p)}</p></div>" for p in ps)
    body = (f"<header>{_a(ar, '/')}<nav>{_ul(SECTIONS[:5], 'menu')}</nav></header>"
            f"<article><p>تغطية مستمرة</p><h1>{e(r['title'])}</h1><p>آخر تحديث: {_hm(rng)}</p>"
            f"<p>{d.day} {EG[d.month - 1]} {d.year}</p>{entries}<button>تحميل المزيد</button></article>"
            f"<footer><p>© {e(latin)}</p></footer>")
    return _page(f"{r['title']} - {ar}", body), url, ["تغطية مستمرة", "تحميل المزيد", "آخر تحديث"]


def r_amp_carousel(r, rng, rel):
    """An AMP page with a carousel inside the text: "قد يعجبك أيضاً" and three cards, each a headline and an age."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cut = _cut(ps, rng)
    cards = "".join(f"<div class='card'><p>{_a(t)}</p><small>منذ {rng.randint(1, 9)} ساعات</small></div>" for t in rel[:3])
    body = (f"<header>{_a(ar, '/')}</header><article><h1>{e(r['title'])}</h1>"
            f"<p>{d.day} {EG[d.month - 1]} {d.year} - {_hm(rng)}</p>{_ps(ps[:cut])}"
            f"<div class='carousel'><h4>قد يعجبك أيضاً</h4>{cards}</div>{_ps(ps[cut:])}</article>"
            f"<footer><p>{e(ar)}</p></footer>")
    return _page(r["title"], body), url, [rel[0], rel[1], rel[2], "قد يعجبك", "منذ"]


def r_fb_comments(r, rng, rel):
    """The article and a Facebook comments plugin under it: "0 تعليق", "ترتيب حسب", "الأقدم", "أضف تعليقًا...",
    "مكون إضافي لتعليقات فيسبوك"."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    body = (f"<header>{_a(ar, '/')}<nav>{_ul(['الرئيسية', *REGIONS[:5]], 'menu')}</nav></header>"
            f"<article><h1>{e(r['title'])}</h1><p>{e(rng.choice(AUTHORS))}</p><p>{d.year}-{d.month:02d}-{d.day:02d}</p>{_ps(ps)}</article>"
            f"<div class='fb'><p>0 تعليق</p><p>ترتيب حسب <select><option>الأقدم</option></select></p>"
            f"<p>أضف تعليقًا...</p><p>{_a('مكون إضافي لتعليقات فيسبوك')}</p></div>"
            f"<footer><p>© {d.year + 6} {e(ar)}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, ["تعليق", "ترتيب حسب", "أضف تعليق", "مكون إضافي"]


def r_print_english(r, rng, rel):
    """A print page with English controls: "Print this page | Close window", the outlet, "Published: dd/mm/yyyy
    hh:mm AM", the headline, body, "Source URL: https://…"."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    body = (f"<p>{_a('Print this page')} | {_a('Close window')}</p><h3>{e(ar)}</h3>"
            f"<p>Published: {d.day:02d}/{d.month:02d}/{d.year} {rng.randint(1, 12)}:{rng.randint(10, 59)} AM</p>"
            f"<h1>{e(r['title'])}</h1>{_ps(ps)}<p>Source URL: {e(url)}</p>")
    return _page(f"{r['title']} - Print", body), url, ["Print this page", "Source URL"]


def r_mobile_gallery(r, rng, rel):
    """A mobile page: the headline, "d month yyyy", a swipeable gallery of three pictures whose captions are short
    sentences with a full stop and no credit, the text, "اسحب لمزيد من الصور" above the gallery."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    caps = ["عناصر من الشرطة في موقع الحادث.", "جانب من الدمار الذي خلفته المعارك.", "سكان يتفقدون منازلهم بعد القصف."]
    gallery = "".join(f"<figure><img alt='' src='data:,'><figcaption>{e(c)}</figcaption></figure>" for c in rng.sample(caps, 3))
    body = (f"<header><button>القائمة</button>{_a(ar, '/')}</header>"
            f"<article><h1>{e(r['title'])}</h1><p>{d.day} {EG[d.month - 1]} {d.year}</p>"
            f"<p>اسحب لمزيد من الصور</p><div class='g'>{gallery}</div>{_ps(ps)}</article>"
            f"<nav>{' '.join(_a(s) for s in ['الرئيسية', 'الأقسام', 'المزيد'])}</nav>")
    return _page(f"{r['title']} | {ar}", body), url, [*caps, "اسحب لمزيد"]


DESIGNS = ("r_side_summaries", "r_live_headed", "r_amp_carousel", "r_fb_comments", "r_print_english", "r_mobile_gallery")
