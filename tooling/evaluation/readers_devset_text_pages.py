"""Twelve news-page designs for the text-save families (``readers_devset_text``).

Each design is a whole page as a real Arabic news site serves it, with its
furniture: cookie banners, top bars with today's date, mega menus, tickers,
breadcrumbs, author boxes, share/print/font-size widgets, captions and image
credits, "read also" boxes inside the article, tag lists, "most read",
"related" and "more from the section" blocks with their own headlines and
dates, newsletter and app boxes, polls, comment forms, footers with many
links. They resemble designs the older families do not use (an Al Jazeera-like
page, Asharq Al-Awsat's new site, Independent Arabia, Alhurra, Rudaw, Enab
Baladi, Al-Quds Al-Arabi's table page, An-Nahar, Youm7, Shafaq News, Al
Mayadeen, Erem News); the outlet printed is the article's own. A browser turns
each page into a text save (``readers_devset_text``): the page is never
flattened by hand.

Each design returns the page, its address, and the furniture strings that must
not open a line of the body.
"""
import html
import re

from .readers_devset import EG, LEV, OUTLETS, paragraphs, weekday

e = html.escape
SECTIONS = ["سياسة", "اقتصاد", "رياضة", "ثقافة", "تكنولوجيا", "صحة", "منوعات", "رأي", "فيديو", "بودكاست"]
REGIONS = ["العراق", "سوريا", "لبنان", "الخليج", "مصر", "المغرب العربي", "العالم", "تركيا"]
AUTHORS = ["محمد الجبوري", "سارة العلي", "أحمد حسن", "ليلى خليل", "عمر الراوي", "هبة منصور", "كريم داود"]
CAPTIONS = ["عناصر من القوات الأمنية خلال عملية عسكرية في المنطقة (رويترز)",
            "دخان يتصاعد من موقع القصف في وقت سابق (أ ف ب)",
            "صورة من الأرشيف لمقاتلين في المنطقة الحدودية (Getty)",
            "جانب من الاجتماع الذي عقد أمس في العاصمة (الأناضول)",
            "نازحون يعودون إلى منازلهم بعد انتهاء المعارك (أسوشيتد برس)"]
TAGS = ["داعش", "العراق", "سوريا", "الموصل", "التحالف الدولي", "الرقة", "الإرهاب", "الحشد الشعبي"]
CSS = """<style>
body{font-family:sans-serif;margin:0} nav ul,.menu,.share,.tags,.footer-links{display:flex;flex-wrap:wrap;list-style:none;padding:0;margin:0}
nav li,.menu li,.share li,.tags li,.footer-links li{margin:0 8px} .ticker{display:flex} .ticker li{list-style:none;margin:0 12px}
.cookie{position:fixed;bottom:0;background:#eee} .meta span,.meta time{margin:0 6px} aside{float:left;width:30%}
figure{margin:0} figcaption{font-size:12px} .btn{display:inline-block;padding:4px}
</style>"""


def _a(text, href="#"):
    return f"<a href='{e(href)}'>{e(text)}</a>"


def _ul(items, cls="", links=True):
    base = cls or "l"
    return f"<ul class='{cls}'>" + "".join(
        f"<li>{_a(t, f'/{base}/{i}') if links else e(t)}</li>" for i, t in enumerate(items)) + "</ul>"


def _ps(ps):
    return "".join(f"<p>{e(p)}</p>" for p in ps)


def _page(title, body):
    # Served pages are pretty-printed: white space between the tags, as in any CMS's templates.
    body = re.sub(r">\s*<", ">\n<", body)
    return (f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>{e(title)}</title>"
            f"{CSS}</head><body>{body}</body></html>")


def _cut(ps, rng):
    return min(max(1, len(ps) // 2), len(ps) - 1) if len(ps) > 1 else 1


def _teasers(rel, rng, dated=True):
    """Related headlines with their own dates or ages, as "most read" and "related" blocks print them."""
    out = []
    for t in rel:
        when = rng.choice([f"منذ {rng.randint(2, 11)} ساعات", f"{rng.randint(1, 28)} {EG[rng.randint(0, 11)]} 2018"])
        out.append(f"<li>{_a(t, '/news/' + str(rng.randint(1000, 9999)))}{f' <span>{when}</span>' if dated else ''}</li>")
    return "<ul>" + "".join(out) + "</ul>"


def _pictured(t):
    """A teaser with its picture, whose alt repeats the headline."""
    return f"<li><img alt='{e(t)}' src='data:,'>{_a(t)}</li>"


def _ctx(r, rng):
    slug, ar, forms, latin, domain, path = OUTLETS[r["source"]]
    return ar, latin, domain, r["day"], paragraphs(r["body"]), f"https://{domain}{path}{rng.randint(100000, 999999)}"


def m_jazeera(r, rng, rel):
    """Logo, a menu of sections, an "عاجل" ticker of three stories, a breadcrumb without the headline, the headline,
    author and date in a meta row, share buttons, a figure with its caption, body, tag list, "اقرأ أيضا" teasers."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cap = rng.choice(CAPTIONS)
    body = (f"<header><a href='/'><img alt='{e(ar)}' src='data:,'></a><nav>{_ul(SECTIONS[:8], 'menu')}</nav></header>"
            f"<div class='breaking'><strong>عاجل</strong><ul class='ticker'>{''.join(f'<li>{_a(t)}</li>' for t in rel[3:6])}</ul></div>"
            f"<main><nav class='crumbs'>{_a('الأخبار', '/news')} / {_a(rng.choice(REGIONS), '/where')}</nav>"
            f"<article><h1>{e(r['title'])}</h1><div class='meta'><span>{_a(rng.choice(AUTHORS), '/author')}</span>"
            f"<time>{d.day}/{d.month}/{d.year}</time></div>"
            f"<ul class='share'><li><button>فيسبوك</button></li><li><button>إكس</button></li><li><button>واتساب</button></li>"
            f"<li><button>نسخ الرابط</button></li></ul>"
            f"<figure><img alt='' src='data:,'><figcaption>{e(cap)}</figcaption></figure>{_ps(ps)}"
            f"<ul class='tags'>{''.join(f'<li>{_a(t)}</li>' for t in rng.sample(TAGS, 3))}</ul></article>"
            f"<section><h2>اقرأ أيضا</h2>{_teasers(rel[:3], rng, dated=False)}</section></main>"
            f"<footer><ul class='footer-links'>{''.join(f'<li>{_a(t)}</li>' for t in ['من نحن', 'اتصل بنا', 'سياسة الخصوصية', 'شروط الاستخدام', 'أعلن معنا'])}</ul>"
            f"<p>© {d.year + 6} {e(latin)}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [cap, rel[0], rel[3], "عاجل", "فيسبوك", "نسخ الرابط", "اقرأ أيضا"]


def m_aawsat(r, rng, rel):
    """A cookie banner first, a top bar with today's date, the menu, the section's label, headline, author box with
    a photo, the date with the paper's issue number, body with an "إعلان" slot, "الأكثر قراءة" numbered."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cut = _cut(ps, rng)
    author = rng.choice(AUTHORS)
    body = (f"<div class='cookie'><p>نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. بمتابعة التصفح فإنك توافق على ذلك.</p>"
            f"<button>موافق</button><button>إعدادات</button></div>"
            f"<div class='topbar'><span>الاثنين 7 ديسمبر 2026</span> <span>{_a('النسخة الورقية', '/pdf')}</span></div>"
            f"<header><a href='/'><img alt='{e(ar)}' src='data:,'></a><nav>{_ul(REGIONS + SECTIONS[:4], 'menu')}</nav></header>"
            f"<main><div class='section-label'>{_a(rng.choice(REGIONS), '/sec')}</div><article><h1>{e(r['title'])}</h1>"
            f"<div class='author-box'><img alt='{e(author)}' src='data:,'><div>{_a(author, '/author')}</div></div>"
            f"<div class='date'>{weekday(d)} - {d.day} {EG[d.month - 1]} {d.year} مـ رقم العدد [ {rng.randint(14000, 14800)} ]</div>"
            f"<div class='body'>{_ps(ps[:cut])}<div class='ad'>إعلان</div>{_ps(ps[cut:])}</div></article>"
            f"<aside><h3>الأكثر قراءة</h3><ol>{''.join(f'<li>{_a(t)}</li>' for t in rel[:4])}</ol></aside></main>"
            f"<footer><p>{_a('اتصل بنا')} {_a('أعلن معنا')} {_a('الشروط والأحكام')}</p><p>جميع الحقوق محفوظة {d.year + 7} © {e(ar)}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [rel[0], "نستخدم ملفات", "إعلان", "الأكثر قراءة", "موافق"]


def m_independent(r, rng, rel):
    """"الأكثر قراءة" with times BEFORE the article, the section kicker, headline, a one-line standfirst question,
    the author with his job, a date with a time, body, "more from the section"."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    body = (f"<header><a href='/'>{e(ar)}</a><nav>{_ul(SECTIONS[:6] + ['الشرق الأوسط', 'العالم'], 'menu')}</nav>"
            f"<button>بحث</button><button>اشترك</button></header>"
            f"<aside class='popular'><h2>الأكثر قراءة</h2>{_teasers(rel[:3], rng)}</aside>"
            f"<article><div class='kicker'>{_a(rng.choice(REGIONS), '/k')}</div><h1>{e(r['title'])}</h1>"
            f"<div class='byline'><p>{_a(rng.choice(AUTHORS), '/author')}</p><p>مراسل</p>"
            f"<p>{weekday(d)} {d.day} {EG[d.month - 1]} {d.year} {rng.randint(1, 12)}:{rng.randint(10, 59)}</p></div>"
            f"<div class='share'>{_a('فيسبوك', '/fb')} {_a('تويتر', '/tw')} {_a('واتساب', '/wa')}</div>{_ps(ps)}</article>"
            f"<section><h2>المزيد من {e(rng.choice(REGIONS))}</h2>{_teasers(rel[3:6], rng)}</section>"
            f"<footer>{_ul(['عن الموقع', 'اتصل بنا', 'الخصوصية', 'شروط الاستخدام'], 'footer-links')}<p>© {e(latin)} {d.year + 5}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [rel[0], rel[3], "فيسبوك", "الأكثر قراءة"]


def m_alhurra(r, rng, rel):
    """Headline, "outlet / ترجمات - دبي", date, share row, an inline "اقرأ أيضاً:" link paragraph inside the body,
    a newsletter box, an app box, a comment prompt."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cut = _cut(ps, rng)
    body = (f"<header>{_a(ar, '/')}<nav>{_ul(['الرئيسية'] + REGIONS[:6] + ['فيديو'], 'menu')}</nav></header>"
            f"<article><h1>{e(r['title'])}</h1><div class='meta'><span>{e(ar)} / ترجمات - دبي</span>"
            f"<time>{d.day} {EG[d.month - 1]} {d.year}</time></div>"
            f"<ul class='share'><li>{_a('فيسبوك')}</li><li>{_a('تويتر')}</li><li>{_a('البريد الإلكتروني')}</li></ul>"
            f"{_ps(ps[:cut])}<p><strong>اقرأ أيضاً:</strong> {_a(rel[0], '/r1')}</p>{_ps(ps[cut:])}</article>"
            f"<section class='newsletter'><h3>النشرة الإخبارية</h3><p>اشترك في نشرتنا لتصلك أهم الأخبار يومياً</p>"
            f"<input type='email' placeholder='بريدك'><button>اشترك</button></section>"
            f"<section class='app'><h3>حمّل تطبيق {e(ar)}</h3><p>{_a('App Store')} {_a('Google Play')}</p></section>"
            f"<section class='comments'><h3>التعليقات</h3><p>لا توجد تعليقات بعد</p></section>"
            f"<footer><p>{e(latin)} © {d.year + 4}</p></footer>")
    return _page(f"{r['title']} - {ar}", body), url, [rel[0], "اقرأ أيضاً", "النشرة الإخبارية", "اشترك", "حمّل تطبيق", "فيسبوك"]


def m_rudaw(r, rng, rel):
    """A ticker of latest headlines with times on top, a breadcrumb "الرئيسية > region", headline, the outlet's
    desk as author, "dd-mm-yyyy hh:mm", a font-size and print widget, body, keywords line, related with pictures."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    body = (f"<div class='latest'><span>آخر الأخبار</span><ul class='ticker'>"
            f"{''.join(f'<li>{_a(t)} <span>{rng.randint(10, 23)}:{rng.randint(10, 59)}</span></li>' for t in rel[3:5])}</ul></div>"
            f"<header><a href='/'><img alt='{e(latin)}' src='data:,'></a><nav>{_ul(REGIONS[:5] + SECTIONS[:3], 'menu')}</nav></header>"
            f"<div class='crumbs'>{_a('الرئيسية', '/')} &gt; {_a(rng.choice(REGIONS), '/r')}</div>"
            f"<article><h1>{e(r['title'])}</h1><div class='meta'><span>{e(ar)} ديجيتال</span>"
            f"<span>{d.day:02d}-{d.month:02d}-{d.year} {rng.randint(10, 23)}:{rng.randint(10, 59)}</span></div>"
            f"<div class='tools'><button>A+</button><button>A-</button><button>طباعة</button></div>{_ps(ps)}"
            f"<div class='keywords'>الكلمات المفتاحية: {'، '.join(rng.sample(TAGS, 3))}</div></article>"
            f"<section><h3>أخبار ذات صلة</h3><ul>{''.join(_pictured(t) for t in rel[:3])}</ul></section>"
            f"<footer>{_ul(['من نحن', 'اتصل بنا', 'الخصوصية'], 'footer-links')}<p>© {d.year + 6} {e(latin)}</p></footer>")
    return _page(f"{ar} | {r['title']}", body), url, [rel[0], rel[3], "آخر الأخبار", "طباعة", "الكلمات المفتاحية"]


def m_enab(r, rng, rel):
    """Headline, "outlet – place" byline, date, "شارك هذا المقال", body, an author box whose bio is a sentence,
    "مقالات متعلقة" with dates, a comment form."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    author = rng.choice(AUTHORS)
    body = (f"<header><a href='/'>{e(ar)}</a><nav>{_ul(['أخبار سوريا', 'اقتصاد', 'تحقيقات', 'رأي', 'ملتيميديا', 'English'], 'menu')}</nav></header>"
            f"<article><h1>{e(r['title'])}</h1><div class='meta'><span>{e(ar)} – {rng.choice(['إدلب', 'حلب', 'دمشق', 'غازي عنتاب'])}</span>"
            f"<time>{d.day}/{d.month:02d}/{d.year}</time></div><div class='share'><span>شارك هذا المقال</span>"
            f"{_a('فيسبوك')}{_a('تويتر')}{_a('تلغرام')}</div>{_ps(ps)}"
            f"<div class='author-box'><img alt='{e(author)}' src='data:,'><h4>{_a(author, '/author')}</h4>"
            f"<p>محرر في قسم الأخبار، يغطي الشأن السياسي والعسكري في المنطقة.</p></div></article>"
            f"<section><h3>مقالات متعلقة</h3>{_teasers(rel[:3], rng)}</section>"
            f"<section class='comments'><h3>اترك تعليقاً</h3><form><label>الاسم</label><input><label>البريد الإلكتروني</label>"
            f"<input><textarea></textarea><button>إرسال التعليق</button></form></section>"
            f"<footer><p>جميع الحقوق محفوظة لـ {e(ar)} {d.year + 5}</p></footer>")
    return _page(f"{r['title']} – {ar}", body), url, [rel[0], "شارك هذا المقال", "محرر في قسم", "اترك تعليقاً", "فيسبوك"]


def m_quds_table(r, rng, rel):
    """An older site laid out in tables: the menu in cells, "نشر في : dd - mm - yyyy", headline, body, related
    headlines in a two-column table, a footer table."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    menu = "".join(f"<td>{_a(t)}</td>" for t in ["الرئيسية"] + REGIONS[:5])
    rows = "".join(f"<tr><td>{_a(rel[i])}</td><td>{_a(rel[i + 1])}</td></tr>" for i in (0, 2))
    body = (f"<table><tr><td><img alt='{e(ar)}' src='data:,'></td></tr></table><table><tr>{menu}</tr></table>"
            f"<table><tr><td><div class='date'>نشر في : {d.day:02d} - {d.month:02d} - {d.year}</div>"
            f"<h2>{e(r['title'])}</h2>{_ps(ps)}<div>{_a('طباعة')} | {_a('أرسل لصديق')}</div></td></tr></table>"
            f"<h3>أخبار ذات صلة</h3><table>{rows}</table>"
            f"<table><tr><td>{_a('من نحن')}</td><td>{_a('اتصل بنا')}</td><td>{_a('أرشيف')}</td></tr></table>"
            f"<p>{e(ar)} © {d.year + 5} - جميع الحقوق محفوظة</p>")
    return _page(r["title"], body), url, [rel[0], rel[1], "طباعة", "أخبار ذات صلة"]


def m_nahar(r, rng, rel):
    """A kicker above the headline, "المصدر: outlet", "dd-mm-yyyy | hh:mm", "A A" buttons, body with a figure and an
    ad inside, "كلمات مفتاحية" list, "الأكثر قراءة" with ages."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cut = _cut(ps, rng)
    cap = rng.choice(CAPTIONS)
    body = (f"<header><a href='/'><img alt='{e(ar)}' src='data:,'></a><nav>{_ul(['الرئيسية', 'لبنان', 'العالم العربي', 'اقتصاد', 'رياضة', 'ثقافة'], 'menu')}</nav></header>"
            f"<article><div class='kicker'>{rng.choice(['خاص', 'تقرير', 'حصري'])}</div><h1>{e(r['title'])}</h1>"
            f"<div class='meta'><div>المصدر: {e(ar)}</div><div>{d.day:02d}-{d.month:02d}-{d.year} | {rng.randint(10, 23)}:{rng.randint(10, 59)}</div></div>"
            f"<div class='size'><button>A</button><button>A</button></div>{_ps(ps[:cut])}"
            f"<figure><img alt='' src='data:,'><figcaption>{e(cap)}</figcaption></figure><div class='ad'>Advertisement</div>{_ps(ps[cut:])}"
            f"<div class='kw'><h4>كلمات مفتاحية</h4>{_ul(rng.sample(TAGS, 3), 'tags')}</div></article>"
            f"<aside><h3>الأكثر قراءة</h3>{_teasers(rel[:3], rng)}</aside>"
            f"<footer><p>{e(latin)} {d.year + 6} ©</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [cap, rel[0], "Advertisement", "كلمات مفتاحية", "الأكثر قراءة"]


def m_youm7(r, rng, rel):
    """A breadcrumb that ends with the headline, headline, "كتب فلان", the date with a weekday and time, share
    counts, body, "أخبار متعلقة", a poll."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    sec = rng.choice(REGIONS)
    body = (f"<header><a href='/'>{e(ar)}</a><nav>{_ul(['أخبار عاجلة', 'سياسة', 'حوادث', 'رياضة', 'فن', 'اقتصاد', 'المحافظات'], 'menu')}</nav></header>"
            f"<div class='crumbs'>{_a('الرئيسية', '/')} &gt; {_a(sec, '/s')} &gt; <span>{e(r['title'])}</span></div>"
            f"<article><h1>{e(r['title'])}</h1><div class='writer'>كتب {e(rng.choice(AUTHORS))}</div>"
            f"<div class='date'>{weekday(d)}، {d.day} {EG[d.month - 1]} {d.year} {rng.randint(1, 11)}:{rng.randint(10, 59)} م</div>"
            f"<div class='share'><span>{rng.randint(2, 90)} مشاركة</span>{_a('فيسبوك')}{_a('تويتر')}</div>{_ps(ps)}</article>"
            f"<section><h3>أخبار متعلقة</h3>{_teasers(rel[:3], rng, dated=False)}</section>"
            f"<section class='poll'><h3>استطلاع رأى</h3><p>هل تتوقع انتهاء الأزمة قريباً؟</p><label><input type='radio'>نعم</label>"
            f"<label><input type='radio'>لا</label><button>تصويت</button></section>"
            f"<footer><p>جميع الحقوق محفوظة لـ {e(ar)} {d.year + 8}</p></footer>")
    return _page(f"{r['title']} - {ar}", body), url, [rel[0], "مشاركة", "أخبار متعلقة", "استطلاع", "هل تتوقع"]


def m_shafaq(r, rng, rel):
    """A "latest news" column of headlines with times before the article, headline, "yyyy-mm-dd hh:mm", body,
    "تابعونا على تلغرام" promotion, "آخر الأخبار" list."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    body = (f"<header><a href='/'><img alt='{e(ar)}' src='data:,'></a><nav>{_ul(['الرئيسية', 'عراقيات', 'كوردستانيات', 'عربي ودولي', 'اقتصاد', 'تقارير وتحليلات'], 'menu')}</nav></header>"
            f"<aside class='side'><h3>الأخبار العاجلة</h3>"
            f"<ul>{''.join(f'<li><span>{rng.randint(10, 23)}:{rng.randint(10, 59)}</span> {_a(t)}</li>' for t in rel[3:6])}</ul></aside>"
            f"<article><h1>{e(r['title'])}</h1><div class='date'>{d.isoformat()} {rng.randint(10, 23)}:{rng.randint(10, 59)}</div>"
            f"{_ps(ps)}<p class='promo'>{_a('تابعونا على تلغرام', '/tg')}</p></article>"
            f"<section><h3>آخر الأخبار</h3>{_teasers(rel[:3], rng)}</section>"
            f"<footer><p>© {d.year + 5} {e(ar)}. All rights reserved</p></footer>")
    return _page(f"{ar} | {r['title']}", body), url, [rel[0], rel[3], "تابعونا", "الأخبار العاجلة"]


def m_mayadeen(r, rng, rel):
    """Headline, a standfirst that ends with no full stop, "المصدر: وكالات + outlet", date in Levantine months,
    a picture credit, body with a two-headline "اقرأ أيضاً" box, "إقرأ المزيد في" line, footer."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cut = _cut(ps, rng)
    credit = rng.choice(["(أ ف ب)", "(رويترز)", "(أرشيف)", "(Getty Images)"])
    body = (f"<header><a href='/'>{e(ar)}</a><nav>{_ul(['أخبار', 'سياسة', 'تقارير', 'ثقافة', 'برامج', 'البث المباشر'], 'menu')}</nav></header>"
            f"<article><h1>{e(r['title'])}</h1><h2 class='standfirst'>{e(' '.join(rel[5].split()[:8]))}</h2>"
            f"<div class='meta'><span>المصدر: وكالات + {e(ar)}</span> <span>{d.day} {LEV[d.month - 1]} {d.year} {rng.randint(10, 23)}:{rng.randint(10, 59)}</span></div>"
            f"<figure><img alt='' src='data:,'><small>{credit}</small></figure>{_ps(ps[:cut])}"
            f"<div class='also'><h4>اقرأ أيضاً</h4>{_ul(rel[:2], 'also')}</div>{_ps(ps[cut:])}"
            f"<p class='more'>إقرأ المزيد في: {_a(rng.choice(REGIONS))}</p></article>"
            f"<footer>{_ul(['من نحن', 'اتصل بنا', 'وظائف', 'سياسة الخصوصية'], 'footer-links')}<p>© {e(latin)} {d.year + 6}</p></footer>")
    return (_page(f"{r['title']} | {ar}", body), url,
            [rel[0], rel[1], credit, "اقرأ أيضاً", "إقرأ المزيد", " ".join(rel[5].split()[:8])])


def m_erem(r, rng, rel):
    """A search box and login, headline, "author - date time" on one line, body, "المزيد من section" headlines,
    app badges, a cookie notice at the bottom, a footer sitemap."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    sitemap = "".join(f"<div><h4>{e(s)}</h4>{_ul(REGIONS[i:i + 3], 'footer-links')}</div>" for i, s in enumerate(SECTIONS[:3]))
    body = (f"<header><form><input placeholder='ابحث'><button>بحث</button></form>{_a('تسجيل الدخول', '/login')}"
            f"<a href='/'><img alt='{e(latin)}' src='data:,'></a><nav>{_ul(['الأخبار', 'اقتصاد', 'منوعات', 'رياضة', 'تكنولوجيا', 'فيديو'], 'menu')}</nav></header>"
            f"<article><h1>{e(r['title'])}</h1>"
            f"<div class='meta'>{e(rng.choice(AUTHORS))} - {d.day} {EG[d.month - 1]} {d.year} {rng.randint(10, 23)}:{rng.randint(10, 59)}</div>"
            f"{_ps(ps)}</article><section><h3>المزيد من {e(rng.choice(SECTIONS[:4]))}</h3>{_teasers(rel[:4], rng, dated=False)}</section>"
            f"<section class='apps'><p>حمّل التطبيق</p>{_a('App Store')} {_a('Google Play')}</section>"
            f"<footer>{sitemap}<p>يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك. <button>قبول</button></p>"
            f"<p>© {d.year + 6} {e(ar)}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [rel[0], "حمّل التطبيق", "يستخدم هذا الموقع", "المزيد من"]


DESIGNS = ("m_jazeera", "m_aawsat", "m_independent", "m_alhurra", "m_rudaw", "m_enab", "m_quds_table", "m_nahar",
           "m_youm7", "m_shafaq", "m_mayadeen", "m_erem")
