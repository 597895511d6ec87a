"""Six more page designs for family O of the text saves, written after M and N were mended.

Family O was written and scored before anything was changed for it, as a
second unseen measure (the check part of M and N had been used). Its designs
resemble BBC Arabic, Sky News Arabia, CNN Arabic, Al Arabiya, France 24 and a
WordPress regional site: a skip link, a "topics that may interest you" box in
the middle of the article, "نشر في … آخر تحديث …" on one line, an embedded
tweet with its own date, a video box, ads with "إعلان", reading time, a
sidebar of latest articles with dates before the article, a headline that
links to its own page, comments with long sentences under the article.
"""
from .readers_devset import EG
from .readers_devset_text_pages import AUTHORS, CAPTIONS, REGIONS, SECTIONS, TAGS, _a, _ctx, _cut, _page, _ps, _teasers, _ul, e


def o_bbc(r, rng, rel):
    """A skip link, the nav, the section, headline, "14 مايو/ أيار 2018", a "مواضيع قد تهمك" box of three links in
    the middle ending with "نهاية", "قصص مقترحة", "الأكثر قراءة" numbered with view counts."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cut = _cut(ps, rng)
    lev = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
           "تشرين الثاني", "كانون الأول"][d.month - 1]
    body = (f"{_a('تخطى إلى المحتوى', '#main')}<header><a href='/'><img alt='{e(ar)}' src='data:,'></a>"
            f"<nav>{_ul(['الرئيسية', 'أخبار', 'رياضة', 'علوم وتكنولوجيا', 'صحة', 'فيديو'], 'menu')}</nav></header>"
            f"<main id='main'><div class='section'>{_a('أخبار', '/news')}</div><article><h1>{e(r['title'])}</h1>"
            f"<time>{d.day} {EG[d.month - 1]}/ {lev} {d.year}</time>{_ps(ps[:cut])}"
            f"<section class='topics'><h2>مواضيع قد تهمك</h2>{_ul(rel[:3], 'topics')}<p>نهاية</p></section>"
            f"{_ps(ps[cut:])}</article>"
            f"<section><h2>قصص مقترحة</h2>{_teasers(rel[3:5], rng, dated=False)}</section>"
            f"<aside><h2>الأكثر قراءة</h2><ol>{''.join(f'<li>{_a(t)}</li>' for t in rel[1:4])}</ol></aside></main>"
            f"<footer><p>{e(latin)} © {d.year + 6} بي بي سي غير مسؤولة عن محتوى المواقع الخارجية.</p></footer>")
    return _page(f"{r['title']} - {ar}", body), url, [rel[0], "مواضيع قد تهمك", "نهاية", "قصص مقترحة", "تخطى"]


def o_skynews(r, rng, rel):
    """A breadcrumb "الرئيسية / region", headline, "city - outlet", "نشر في: … ص بتوقيت أبوظبي", a caption without
    a credit, share row, body, "المزيد من region" with pictures, a trending tags row."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    region = rng.choice(REGIONS)
    cap = rng.choice(CAPTIONS).rsplit(" (", 1)[0]
    body = (f"<header><a href='/'><img alt='{e(latin)}' src='data:,'></a><nav>{_ul(['الرئيسية', 'الشرق الأوسط', 'العالم', 'اقتصاد', 'رياضة', 'فيديو', 'البث المباشر'], 'menu')}</nav></header>"
            f"<div class='crumbs'>{_a('الرئيسية', '/')} / {_a(region, '/r')}</div>"
            f"<article><h1>{e(r['title'])}</h1><div class='meta'><div>{rng.choice(['أبوظبي', 'دبي', 'بغداد'])} - {e(ar)}</div>"
            f"<div>نشر في: {d.day} {EG[d.month - 1]} {d.year} - {rng.randint(1, 11)}:{rng.randint(10, 59)} ص بتوقيت أبوظبي</div></div>"
            f"<figure><img alt='' src='data:,'><figcaption>{e(cap)}</figcaption></figure>"
            f"<ul class='share'><li>{_a('فيسبوك')}</li><li>{_a('تويتر')}</li><li>{_a('واتساب')}</li></ul>{_ps(ps)}</article>"
            f"<section><h3>المزيد من {e(region)}</h3><ul>{''.join(f'<li><img alt={chr(39)}{chr(39)} src=data:,>{_a(t)}</li>' for t in rel[:3])}</ul></section>"
            f"<div class='trending'><span>ترند</span>{_ul(rng.sample(TAGS, 4), 'tags')}</div>"
            f"<footer><p>© {d.year + 6} {e(ar)}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [rel[0], cap, "ترند", "المزيد من", "فيسبوك"]


def o_cnn(r, rng, rel):
    """"عاجل:" with a story on one line, headline, "نشر يوم …" and "آخر تحديث …" lines, a video box with its
    caption, body, "شاهد أيضاً" grid."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    body = (f"<div class='breaking'>عاجل: {_a(rel[4])}</div><header><a href='/'>{e(ar)}</a>"
            f"<nav>{_ul(['الشرق الأوسط', 'العالم', 'علوم وتكنولوجيا', 'سياحة', 'ترفيه'], 'menu')}</nav></header>"
            f"<article><h1>{e(r['title'])}</h1><div class='dates'><p>نشر يوم {d.day} {EG[d.month - 1]} {d.year}</p>"
            f"<p>آخر تحديث {d.day} {EG[d.month - 1]} {d.year} ، الساعة {rng.randint(10, 23)}:{rng.randint(10, 59)}</p></div>"
            f"<div class='video'><p>شاهد: {e(' '.join(rel[5].split()[:7]))}</p><span>01:{rng.randint(10, 59)}</span></div>{_ps(ps)}</article>"
            f"<section><h2>شاهد أيضاً</h2>{_teasers(rel[:3], rng, dated=False)}</section>"
            f"<footer>{_ul(['اتصل بنا', 'شروط الاستخدام', 'سياسة الخصوصية'], 'footer-links')}<p>© {d.year + 6} Cable News Network</p></footer>")
    return _page(f"{r['title']} - {ar}", body), url, [rel[0], rel[4], "عاجل", "شاهد"]


def o_alarabiya(r, rng, rel):
    """A kicker, headline, "place - outlet", "نشر في: … آخر تحديث: …" on one line, body with an embedded tweet
    (its text, "— Name (@handle) May 3, 2019"), "كلمات دالة", related."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cut = _cut(ps, rng)
    tweet = (f"<blockquote class='twitter-tweet'><p>{e(' '.join(rel[2].split()[:9]))} pic.twitter.com/AbC{rng.randint(100, 999)}</p>"
             f"— {e(rng.choice(AUTHORS))} (@news{rng.randint(10, 99)}) {['May', 'June', 'July'][rng.randint(0, 2)]} {rng.randint(1, 28)}, 2019</blockquote>")
    body = (f"<header><a href='/'><img alt='{e(ar)}' src='data:,'></a><nav>{_ul(SECTIONS[:7], 'menu')}</nav></header>"
            f"<article><div class='kicker'>{e(rng.choice(REGIONS))}</div><h1>{e(r['title'])}</h1>"
            f"<div class='source'>{rng.choice(['دبي', 'الرياض', 'بغداد'])} - {e(ar)}</div>"
            f"<div class='dates'>نشر في: {d.day:02d} {EG[d.month - 1]} ,{d.year}: {rng.randint(1, 11)}:{rng.randint(10, 59)} ص GST "
            f"آخر تحديث: {d.day:02d} {EG[d.month - 1]} ,{d.year}: {rng.randint(1, 11)}:{rng.randint(10, 59)} م GST</div>"
            f"{_ps(ps[:cut])}{tweet}{_ps(ps[cut:])}"
            f"<div class='tags'><span>كلمات دالة:</span>{_ul(rng.sample(TAGS, 3), 'tags')}</div></article>"
            f"<section><h3>اقرأ المزيد</h3>{_teasers(rel[3:5], rng)}</section>"
            f"<footer><p>© {d.year + 6} {e(latin)}</p></footer>")
    return _page(f"{r['title']} | {ar}", body), url, [rel[3], " ".join(rel[2].split()[:9]), "كلمات دالة", "— "]


def o_france24(r, rng, rel):
    """An "إعلان" slot, "قراءة N دقائق", headline, "outlet / أ ف ب", "نشرت في: dd/mm/yyyy - hh:mm", body with
    "للمزيد:" links in the middle, a newsletter prompt."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    cut = _cut(ps, rng)
    body = (f"<div class='ad'>إعلان</div><header><a href='/'>{e(ar)}</a><nav>{_ul(['الأخبار', 'البرامج', 'ملفات', 'فيديو', 'مباشر'], 'menu')}</nav></header>"
            f"<article><p class='reading'>قراءة {rng.randint(2, 6)} دقائق</p><h1>{e(r['title'])}</h1>"
            f"<p class='by'>{e(ar)} / أ ف ب</p><p class='date'>نشرت في: {d.day:02d}/{d.month:02d}/{d.year} - {rng.randint(10, 23)}:{rng.randint(10, 59)}</p>"
            f"{_ps(ps[:cut])}<p><strong>للمزيد:</strong> {_a(rel[0])}</p>{_ps(ps[cut:])}"
            f"<div class='ad'>إعلان</div></article>"
            f"<section class='newsletter'><p>اشترك في النشرة الإخبارية لتصلك آخر الأخبار</p><input><button>اشترك</button></section>"
            f"<footer><p>{_a('من نحن')} {_a('اتصل بنا')} {_a('الأسئلة المتكررة')}</p><p>© {e(latin)} {d.year + 6}</p></footer>")
    return _page(f"{r['title']} - {ar}", body), url, [rel[0], "للمزيد", "إعلان", "قراءة"]


def o_wordpress(r, rng, rel):
    """A WordPress regional site: the sidebar first ("آخر المقالات" with dates, "التصنيفات"), the headline as a
    link to itself in an <h2>, "بواسطة admin | date | N تعليقات", body, "مشاركة:", related, comments with replies."""
    ar, latin, domain, d, ps, url = _ctx(r, rng)
    comment = "شكراً على هذا التقرير المفصل، نتمنى أن تتابعوا الموضوع وتنشروا المزيد من التفاصيل في الأيام القادمة."
    body = (f"<header><a href='/'>{e(ar)}</a><nav>{_ul(['الرئيسية', 'أخبار', 'تقارير', 'مقالات', 'اتصل بنا'], 'menu')}</nav></header>"
            f"<aside><h3>آخر المقالات</h3>{_teasers(rel[2:5], rng)}<h3>التصنيفات</h3>{_ul(REGIONS[:4], 'cats')}</aside>"
            f"<main><article><h2>{_a(r['title'], url)}</h2>"
            f"<div class='meta'>بواسطة admin | {EG[d.month - 1]} {d.day}، {d.year} | {rng.randint(1, 9)} تعليقات</div>{_ps(ps)}"
            f"<div class='share'>مشاركة: {_a('فيسبوك')} {_a('تويتر')}</div></article>"
            f"<section><h3>مقالات ذات صلة</h3>{_teasers(rel[:2], rng, dated=False)}</section>"
            f"<section class='comments'><h3>2 تعليقات</h3><div><b>أبو محمد</b><p>{e(comment)}</p>{_a('رد')}</div></section></main>"
            f"<footer><p>جميع الحقوق محفوظة © {d.year + 3} {e(ar)}</p></footer>")
    return _page(f"{r['title']} – {ar}", body), url, [rel[0], rel[2], "مشاركة", "شكراً على هذا", "آخر المقالات"]


DESIGNS = ("o_bbc", "o_skynews", "o_cnn", "o_alarabiya", "o_france24", "o_wordpress")
