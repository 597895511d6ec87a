"""Four more page designs for family P of the text saves: older and plainer pages.

Written after O was mended, before anything was changed for them: a forum
that reposts an article in a table, a two-column table page with the article
in one cell and the links in the other, a mobile page with a hamburger menu
and sticky share bar, and a "print version" page with the site's header and
the article's address at the foot.
"""
from .readers_devset import EG, LEV
from .readers_devset_text_pages import AUTHORS, REGIONS, SECTIONS, _a, _ctx, _page, _ps, _ul, e


def p_forum(r, rng, rel):
    """A forum's repost: a table of the thread's path, a row "date | member", the headline in bold, the article,
    "المصدر: outlet", the member's signature, "رد مع اقتباس" buttons, a table of similar threads."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    similar = "".join(f"<tr><td>{_a(t)}</td><td>{rng.randint(0, 40)}</td><td>{rng.randint(50, 900)}</td></tr>" for t in rel[:3])
    body = (f"<table><tr><td>{_a('منتديات الحوار')}</td><td>&gt;</td><td>{_a('الأخبار السياسية')}</td></tr></table>"
            f"<table><tr><td>{d.day:02d}-{d.month:02d}-{d.year}, {rng.randint(1, 12)}:{rng.randint(10, 59)} PM</td><td>#1</td></tr>"
            f"<tr><td>{_a('ابو_احمد')}<br>عضو مميز<br>المشاركات: {rng.randint(100, 5000)}</td>"
            f"<td><b>{e(r['title'])}</b><br><br>{'<br><br>'.join(e(p) for p in ps)}<br><br>المصدر: {e(ar)}"
            f"<br>__________________<br>لا إله إلا الله</td></tr>"
            f"<tr><td></td><td>{_a('رد مع اقتباس')}</td></tr></table>"
            f"<h3>مواضيع مشابهة</h3><table><tr><th>الموضوع</th><th>الردود</th><th>المشاهدات</th></tr>{similar}</table>"
            f"<p>الساعة الآن {rng.randint(1, 12)}:{rng.randint(10, 59)} PM</p>")
    return _page(f"{r['title']} - منتديات الحوار", body), url, [rel[0], "رد مع اقتباس", "لا إله", "__", "ابو_احمد"]


def p_two_columns(r, rng, rel):
    """A table page: the logo and a menu row of cells, then one row with the article in a wide cell and "اقرأ أيضا"
    links in a narrow cell beside it; the date "dd/mm/yyyy" above the headline."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    menu = "".join(f"<td>{_a(t)}</td>" for t in ["الرئيسية", *REGIONS[:4], "اتصل بنا"])
    side = f"<td><b>اقرأ أيضا</b>{_ul(rel[:3], 'side')}</td>"
    body = (f"<table><tr><td><img alt='{e(ar)}' src='data:,'></td></tr><tr>{menu}</tr></table>"
            f"<table><tr><td><div>{d.day:02d}/{d.month:02d}/{d.year}</div><h1>{e(r['title'])}</h1>{_ps(ps)}</td>{side}</tr></table>"
            f"<table><tr><td>جميع الحقوق محفوظة © {e(ar)} {d.year + 4}</td></tr></table>")
    return _page(f"{ar} - {r['title']}", body), url, [rel[0], rel[1], "اقرأ أيضا"]


def p_mobile(r, rng, rel):
    """A mobile page: "القائمة" and "بحث" buttons, the section, headline, author and the date in Levantine months
    with the hour, a sticky share bar, body, "الأكثر قراءة" cards with their sections, "العودة إلى الأعلى"."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cards = "".join(f"<div class='card'><span>{e(rng.choice(REGIONS))}</span><h4>{_a(t)}</h4></div>" for t in rel[:3])
    body = (f"<header><button>القائمة</button><a href='/'>{e(ar)}</a><button>بحث</button></header>"
            f"<article><div class='sec'>{e(rng.choice(SECTIONS[:5]))}</div><h1>{e(r['title'])}</h1>"
            f"<div class='by'>{e(rng.choice(AUTHORS))} · {d.day} {LEV[d.month - 1]} {d.year}، {rng.randint(10, 23)}:{rng.randint(10, 59)}</div>"
            f"<div class='sticky'><button>مشاركة</button><button>حفظ</button></div>{_ps(ps)}</article>"
            f"<section><h3>الأكثر قراءة</h3>{cards}</section><p>{_a('العودة إلى الأعلى', '#')}</p>"
            f"<footer><p>© {d.year + 6} {e(ar)}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [rel[0], "حفظ", "الأكثر قراءة", "العودة إلى الأعلى", "القائمة"]


def p_print(r, rng, rel):
    """A "print version": the site's name and "نسخة للطباعة", "طباعة | إغلاق", the section and date on one line
    ("region - 14 مايو 2018"), headline, body, and the article's address at the foot ("رابط الخبر: https://…")."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    body = (f"<div class='print-head'><h2>{e(ar)}</h2><p>نسخة للطباعة</p><p>{_a('طباعة')} | {_a('إغلاق النافذة')}</p></div>"
            f"<p class='meta'>{e(rng.choice(REGIONS))} - {d.day} {EG[d.month - 1]} {d.year}</p><h1>{e(r['title'])}</h1>{_ps(ps)}"
            f"<hr><p>رابط الخبر: {e(url)}</p><p>© {e(latin)} {d.year + 5}</p>")
    return _page(f"{r['title']} - نسخة للطباعة", body), url, ["نسخة للطباعة", "طباعة", "رابط الخبر"]


DESIGNS = ("p_forum", "p_two_columns", "p_mobile", "p_print")
