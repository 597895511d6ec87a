"""Twelve page designs for family Q of the text saves (fifth session of 2026-12-07).

Written before any reader was changed for them, to vary what families A–P
did not: a right column flattened before the article, a live blog, long
"read also" lists inside the article, an AMP page, a print-friendly page with
Hijri beside Gregorian, a mobile site with an app banner and a bottom bar, a
gallery whose captions are full sentences, a comment thread after the
article, "most read" items that are full sentences ending with a full stop,
the headline in the page's last lines (a story head placed by CSS after the
text), an RTL page whose furniture is English, and an opinion column with the
writer's biography and inline newsletter prompts. A third of the designs,
drawn with a fixed seed in ``readers_devset_text``, are the check part.
"""
from .readers_devset import EG, LEV, hijri, weekday, HIJRI
from .readers_devset_text_pages import AUTHORS, CAPTIONS, REGIONS, SECTIONS, TAGS, _a, _ctx, _cut, _page, _ps, _ul, e

SENTENCE_TEASERS = ["قالت مصادر محلية إن القوات الأمنية أحبطت هجوما على نقطة تفتيش شمال المدينة.",
                    "أعلنت الحكومة عن خطة جديدة لإعادة إعمار المناطق المتضررة خلال العام المقبل.",
                    "ارتفعت أسعار النفط في الأسواق العالمية بعد تراجع المخزونات الأميركية.",
                    "أكد مسؤولون أن المفاوضات ستستأنف الأسبوع المقبل في العاصمة.",
                    "حذرت منظمات إنسانية من تدهور أوضاع النازحين مع اقتراب فصل الشتاء.",
                    "كشف تقرير حديث عن تزايد أعداد العائدين إلى مدنهم بعد انتهاء العمليات العسكرية."]
COMMENTS = ["هذا الخبر مهم جدا ونتمنى أن تنتهي الحرب قريبا ويعود الأمان إلى البلاد.",
            "للأسف الوضع لا يتغير منذ سنوات، والمواطن هو من يدفع الثمن دائما.",
            "شكرا على التغطية المتميزة، ننتظر المزيد من التفاصيل.",
            "أين الحكومة من كل هذا؟ يجب محاسبة المسؤولين عن التقصير.",
            "الله يحفظ أهلنا هناك ويفرج عنهم."]
NAMES = ["أبو محمد", "سامي", "مواطن عراقي", "نور الهدى", "خالد من دمشق", "Ahmed"]


def _hm(rng):
    return f"{rng.randint(10, 23)}:{rng.randint(10, 59)}"


def q_right_column(r, rng, rel):
    """A right column that comes first in the page's order: "آخر الأخبار" with a time before each headline, then a
    "فيديو" box, then the article: section, headline, "dd.mm.yyyy | hh:mm", author, body, tags."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    latest = "".join(f"<li><span>{_hm(rng)}</span> {_a(t)}</li>" for t in rel[:5])
    body = (f"<header>{_a(ar, '/')}<nav>{_ul(['الرئيسية', *REGIONS[:6]], 'menu')}</nav></header>"
            f"<div class='wrap'><aside class='col'><h3>آخر الأخبار</h3><ul>{latest}</ul>"
            f"<div class='video'><h3>فيديو</h3><p>{_a(rel[5])}</p><span>02:{rng.randint(10, 59)}</span></div></aside>"
            f"<main><article><div class='sec'>{_a(rng.choice(REGIONS))}</div><h1>{e(r['title'])}</h1>"
            f"<div class='meta'>{d.day:02d}.{d.month:02d}.{d.year} | {_hm(rng)}</div><div class='by'>{e(rng.choice(AUTHORS))}</div>"
            f"{_ps(ps)}<div class='tags'>{' '.join(_a(t) for t in rng.sample(TAGS, 3))}</div></article></main></div>"
            f"<footer><p>جميع الحقوق محفوظة © {e(ar)} {d.year + 6}</p></footer>")
    return _page(f"{r['title']} - {ar}", body), url, [rel[0], rel[4], rel[5], "آخر الأخبار", "فيديو"]


def q_live_blog(r, rng, rel):
    """A live blog: "مباشر" label, headline, "بدأت التغطية: date", a "تحديث تلقائي" toggle and "الأحدث أولاً",
    each paragraph an entry under its time ("14:05"), then "انتهت التغطية المباشرة" and other live pages."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    entries = "".join(f"<div class='entry'><time>{_hm(rng)}</time><p>{e(p)}</p><button>مشاركة</button></div>" for p in ps)
    body = (f"<header>{_a(ar, '/')}<nav>{_ul(SECTIONS[:6], 'menu')}</nav></header>"
            f"<article><span class='live'>مباشر</span><h1>{e(r['title'])}</h1>"
            f"<p class='start'>بدأت التغطية: {d.day} {EG[d.month - 1]} {d.year}</p>"
            f"<div class='ctl'><label><input type='checkbox' checked> تحديث تلقائي</label> <button>الأحدث أولاً</button></div>"
            f"{entries}<p class='end'>انتهت التغطية المباشرة</p></article>"
            f"<section><h3>تغطيات مباشرة أخرى</h3>{_ul(rel[:3], 'more')}</section>"
            f"<footer><p>© {e(latin)} {d.year + 5}</p></footer>")
    return _page(f"مباشر: {r['title']} | {ar}", body), url, [rel[0], "تحديث تلقائي", "الأحدث أولاً", "انتهت التغطية", "مشاركة"]


def q_read_also_long(r, rng, rel):
    """Long "اقرأ أيضاً" lists inside the article: after the first paragraph four headlines, after the middle
    three more, each a link; the headline, "نشر بتاريخ: yyyy-mm-dd", body, "مواضيع ذات صلة"."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cut = _cut(ps, rng)
    first, mid, rest = ps[:1], ps[1:cut] if cut > 1 else [], ps[max(cut, 1):]
    box1 = f"<div class='also'><b>اقرأ أيضاً</b>{_ul(rel[:4], 'also')}</div>"
    box2 = f"<div class='also'><b>اقرأ أيضاً</b>{_ul(rel[4:6] + rel[:1], 'also')}</div>"
    body = (f"<header>{_a(ar, '/')}<nav>{_ul(REGIONS[:7], 'menu')}</nav></header>"
            f"<article><h1>{e(r['title'])}</h1><p class='date'>نشر بتاريخ: {d.year}-{d.month:02d}-{d.day:02d}</p>"
            f"{_ps(first)}{box1}{_ps(mid)}{box2 if rest and mid else ''}{_ps(rest)}</article>"
            f"<section><h3>مواضيع ذات صلة</h3>{_ul(rel[2:5], 'rel')}</section>"
            f"<footer><p>{e(ar)} © {d.year + 4}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [rel[0], rel[1], rel[2], rel[4], "اقرأ أيضاً", "مواضيع ذات صلة"]


def q_amp(r, rng, rel):
    """An AMP page: a "☰" button, the logo, headline, "outlet - dd month yyyy", an amp-social-share row, body, a
    "إعلان" box, "عرض النسخة الكاملة" and a short footer."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cut = _cut(ps, rng)
    body = (f"<header><button>☰</button> {_a(ar, '/')}</header>"
            f"<article><h1>{e(r['title'])}</h1><p class='meta'>{e(ar)} - {d.day} {EG[d.month - 1]} {d.year}</p>"
            f"<div class='share'><button>Facebook</button><button>Twitter</button><button>WhatsApp</button></div>"
            f"{_ps(ps[:cut])}<div class='ad'><span>إعلان</span></div>{_ps(ps[cut:])}</article>"
            f"<p>{_a('عرض النسخة الكاملة', url)}</p><footer><p>© {d.year + 6} {e(ar)}</p></footer>")
    return _page(f"{r['title']}", body), url, ["☰", "Facebook", "إعلان", "عرض النسخة الكاملة"]


def q_print_hijri(r, rng, rel):
    """A print-friendly page: "اطبع هذه الصفحة" and the address at the top, the date in Hijri and Gregorian
    ("الأحد 28 شعبان 1439 هـ - 13 مايو 2018 م"), headline, body, "رابط مختصر:" and a copyright line."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    hy, hm, hd = hijri(d)
    body = (f"<p>{_a('اطبع هذه الصفحة')} - {_a('أغلق')}</p><p>{e(url)}</p><h3>{e(ar)}</h3>"
            f"<p>{weekday(d)} {hd} {HIJRI[hm - 1]} {hy} هـ - {d.day} {EG[d.month - 1]} {d.year} م</p>"
            f"<h1>{e(r['title'])}</h1>{_ps(ps)}<p>رابط مختصر: https://{e(domain)}/s/{rng.randint(1000, 9999)}</p>"
            f"<p>حقوق النشر محفوظة لـ{e(ar)} {d.year + 3}</p>")
    return _page(f"{r['title']} - طباعة", body), url, ["اطبع هذه", "رابط مختصر", "https://"]


def q_mobile(r, rng, rel):
    """A mobile site: an app banner ("افتح في التطبيق"), a row of section chips, headline, "d/m/yyyy - hh:mm",
    body, "المزيد من الأخبار" cards with ages, a bottom bar of four tabs."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cards = "".join(f"<div class='card'>{_a(t)}<small>منذ {rng.randint(2, 9)} ساعات</small></div>" for t in rel[:3])
    body = (f"<div class='app'><p>تصفح أسرع عبر تطبيق {e(ar)}</p><button>افتح في التطبيق</button><button>×</button></div>"
            f"<div class='chips'>{' '.join(_a(s) for s in SECTIONS[:6])}</div>"
            f"<article><h1>{e(r['title'])}</h1><p class='t'>{d.day}/{d.month}/{d.year} - {_hm(rng)}</p>{_ps(ps)}</article>"
            f"<section><h4>المزيد من الأخبار</h4>{cards}</section>"
            f"<nav class='bottom'>{' '.join(_a(s) for s in ['الرئيسية', 'الأقسام', 'فيديو', 'المزيد'])}</nav>")
    return _page(f"{r['title']} | {ar}", body), url, [rel[0], "تصفح أسرع", "افتح في التطبيق", "المزيد من الأخبار", "منذ"]


def q_gallery(r, rng, rel):
    """A gallery before the text: "1 / 4" counters and captions that are full sentences with a full stop, then the
    headline's date line ("نُشر في dd month yyyy"), the text, "ألبومات أخرى"."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    caps = rng.sample(SENTENCE_TEASERS, 3)
    slides = "".join(f"<figure><img alt='' src='data:,'><figcaption><span>{i + 1} / 3</span> {e(c)}</figcaption></figure>"
                     for i, c in enumerate(caps))
    body = (f"<header>{_a(ar, '/')}<nav>{_ul(['الرئيسية', 'صور', 'فيديو', *REGIONS[:4]], 'menu')}</nav></header>"
            f"<article><h1>{e(r['title'])}</h1><div class='gallery'>{slides}</div>"
            f"<p class='date'>نُشر في {d.day} {EG[d.month - 1]} {d.year}</p>{_ps(ps)}</article>"
            f"<section><h3>ألبومات أخرى</h3>{_ul(rel[:3], 'albums')}</section><footer><p>© {e(latin)}</p></footer>")
    return _page(f"{r['title']} | صور | {ar}", body), url, [caps[0], caps[1], caps[2], "1 / 3", rel[0], "ألبومات أخرى"]


def q_comments(r, rng, rel):
    """An article followed by its comment thread: "التعليقات (n)", each comment a name, a date and a sentence or
    two, "رد" and "إعجاب"; "أضف تعليقك" with its form labels."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    picked = rng.sample(COMMENTS, 3)
    thread = "".join(f"<div class='c'><b>{e(rng.choice(NAMES))}</b> <small>{d.day}/{d.month}/{d.year}</small><p>{e(c)}</p>"
                     f"<button>رد</button> <button>إعجاب ({rng.randint(0, 30)})</button></div>" for c in picked)
    body = (f"<header>{_a(ar, '/')}<nav>{_ul(['الرئيسية', *SECTIONS[:6]], 'menu')}</nav></header>"
            f"<article><h1>{e(r['title'])}</h1><p class='meta'>{e(rng.choice(AUTHORS))} - {d.day} {LEV[d.month - 1]} {d.year}</p>"
            f"{_ps(ps)}</article><section class='comments'><h3>التعليقات ({len(picked)})</h3>{thread}"
            f"<h4>أضف تعليقك</h4><form><label>الاسم</label><input><label>التعليق</label><textarea></textarea>"
            f"<button>إرسال</button></form></section><footer><p>© {d.year + 5} {e(ar)}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [picked[0], picked[1], picked[2], "التعليقات", "أضف تعليقك", "رد"]


def q_most_read_sentences(r, rng, rel):
    """"الأكثر قراءة" whose items are full sentences ending with a full stop, both above the headline (a strip) and
    after the text (a numbered list); the date as "yyyy/mm/dd"."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    top, bottom = rng.sample(SENTENCE_TEASERS, 2), rng.sample(SENTENCE_TEASERS, 4)
    body = (f"<header>{_a(ar, '/')}<nav>{_ul(REGIONS[:6], 'menu')}</nav></header>"
            f"<div class='strip'>{''.join(f'<p>{_a(t)}</p>' for t in top)}</div>"
            f"<article><h1>{e(r['title'])}</h1><p class='d'>{d.year}/{d.month:02d}/{d.day:02d}</p>{_ps(ps)}</article>"
            f"<aside><h3>الأكثر قراءة</h3><ol>{''.join(f'<li>{_a(t)}</li>' for t in bottom)}</ol></aside>"
            f"<footer><p>{e(latin)} {d.year + 6} ©</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [*top, *bottom, "الأكثر قراءة"]


def q_headline_last(r, rng, rel):
    """The story head placed by CSS after the text in the page's order: the lead picture's caption, the text, then
    the headline, the author and "yyyy-mm-dd hh:mm", then "شارك" links and the footer."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cap = rng.choice(CAPTIONS)
    body = (f"<header>{_a(ar, '/')}<nav>{_ul(SECTIONS[:7], 'menu')}</nav></header>"
            f"<article style='display:flex;flex-direction:column'><div style='order:2'><figure><img alt='' src='data:,'>"
            f"<figcaption>{e(cap)}</figcaption></figure>{_ps(ps)}</div>"
            f"<div class='head' style='order:1'><h1>{e(r['title'])}</h1><p>{e(rng.choice(AUTHORS))}</p>"
            f"<p>{d.year}-{d.month:02d}-{d.day:02d} {_hm(rng)}</p></div></article>"
            f"<div class='share'>شارك: {_a('فيسبوك')} {_a('تويتر')}</div>"
            f"<footer><p>© {e(ar)} {d.year + 4}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [cap, "شارك", "فيسبوك"]


def q_english_furniture(r, rng, rel):
    """An RTL Arabic page whose furniture is English: "Home News World Opinion", "Share", "Read more", the date as
    "May 14, 2018", "Most Popular" with Arabic headlines, "Subscribe to our newsletter", "Cookie policy"."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    body = (f"<header>{_a(latin, '/')}<nav>{_ul(['Home', 'News', 'World', 'Opinion', 'Video', 'Sport'], 'menu')}</nav>"
            f"<button>Search</button></header>"
            f"<article><h1>{e(r['title'])}</h1><p class='meta'>{months[d.month - 1]} {d.day}, {d.year}</p>"
            f"<div class='share'><button>Share</button> <button>Tweet</button></div>{_ps(ps)}"
            f"<p>{_a('Read more', '/more')}</p></article>"
            f"<aside><h3>Most Popular</h3>{_ul(rel[:4], 'pop')}</aside>"
            f"<section><h3>Subscribe to our newsletter</h3><input placeholder='Email'><button>Subscribe</button></section>"
            f"<footer>{_ul(['About us', 'Contact', 'Cookie policy', 'Terms'], 'footer-links')}<p>© {d.year + 6} {e(latin)}</p></footer>")
    return _page(f"{r['title']} | {latin}", body), url, [rel[0], "Share", "Read more", "Most Popular", "Subscribe", "Home"]


def q_opinion(r, rng, rel):
    """An opinion column: "رأي", the writer's name above the headline, the date, the text with an inline newsletter
    prompt that is a full sentence, then the writer's biography (a sentence) and "مقالات أخرى للكاتب"."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cut = _cut(ps, rng)
    writer = rng.choice(AUTHORS)
    prompt = "اشترك في نشرتنا البريدية لتصلك أهم المقالات كل صباح."
    bio = f"{writer} كاتب وصحافي مختص بشؤون الشرق الأوسط."
    body = (f"<header>{_a(ar, '/')}<nav>{_ul(['الرئيسية', 'رأي', *REGIONS[:5]], 'menu')}</nav></header>"
            f"<article><div class='k'>رأي</div><p class='w'>{_a(writer, '/w')}</p><h1>{e(r['title'])}</h1>"
            f"<p class='d'>{weekday(d)} {d.day} {EG[d.month - 1]} {d.year}</p>{_ps(ps[:cut])}"
            f"<div class='nl'><p>{prompt}</p><button>اشترك</button></div>{_ps(ps[cut:])}</article>"
            f"<section class='bio'><p>{e(bio)}</p><h3>مقالات أخرى للكاتب</h3>{_ul(rel[:3], 'w')}</section>"
            f"<footer><p>© {d.year + 6} {e(ar)}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [prompt, bio, rel[0], "مقالات أخرى", "اشترك"]


DESIGNS = ("q_right_column", "q_live_blog", "q_read_also_long", "q_amp", "q_print_hijri", "q_mobile", "q_gallery",
           "q_comments", "q_most_read_sentences", "q_headline_last", "q_english_furniture", "q_opinion")
