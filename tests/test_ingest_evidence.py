"""Not an article, judged on the evidence: the prose a text holds against the
list it is, and its language; a good but awkward article (two paragraphs under
a long menu, mostly a list, a photo story told in captions, a sentence that
speaks of subscribing) is kept."""
import pytest

from archive.ingest import read
from archive.ingest.draft import Draft, Failure
from archive.ingest.prose import arabic_share, is_prose, prose_words, reads_as_article
from tests.test_ingest_refusals import catalog, only  # noqa: F401  (a fixture)

TITLE = "القوات العراقية تستعيد قرى جنوب الموصل من تنظيم داعش"
PARA = ("قال مسؤولون عسكريون عراقيون إن القوات الأمنية استعادت السيطرة على عدد من القرى جنوب مدينة الموصل "
        "بعد معارك عنيفة مع مسلحي تنظيم داعش استمرت عدة أيام، وفق بيان رسمي صدر اليوم.")
PARA2 = ("وأضاف المسؤولون أن القوات تواصل تقدمها نحو الأحياء الشرقية من المدينة، وأن فرق الهندسة "
         "تعمل على تفكيك العبوات الناسفة التي زرعها المسلحون في الطرق الرئيسية.")
HEADLINES = [f"عنوان خبر رقم {i} عن تطورات الأوضاع في المنطقة" for i in range(10)]
MENU = "".join(f"<a href='/s{i}'>قسم رقم {i} من أقسام الموقع</a> " for i in range(12))



def page(body, title=TITLE):
    return f"<html lang='ar'><head><meta charset='utf-8'><title>{title}</title></head><body>{body}</body></html>".encode()


# --- the evidence ---------------------------------------------------------------------------------------------------

def test_a_paragraph_is_prose_and_a_headline_a_date_or_a_teaser_is_not():
    assert is_prose(PARA)
    assert not is_prose(HEADLINES[0])
    assert not is_prose("12 آذار 2018")
    assert not is_prose(PARA[:120] + "...")  # a teaser cut short
    assert not is_prose("هل تنتهي الحرب على داعش هذا العام؟")  # a short question is a headline's


def test_a_line_longer_than_headlines_are_is_prose_without_a_full_stop():
    line = "انتشرت على مواقع التواصل الاجتماعي صور مدرس من غانا وهو يشرح للتلاميذ برنامج مايكروسوفت وورد بدون كمبيوتر"
    assert is_prose(line)


def test_an_article_mostly_a_list_reads_as_one_and_a_list_of_headlines_does_not():
    listed = "\n".join([PARA, *(f"- بند رقم {i} من البنود" for i in range(12))])
    assert reads_as_article(listed)
    assert not reads_as_article("\n".join(HEADLINES))
    # A line of description above a tag page's headlines is too little of the text.
    assert not reads_as_article("\n".join(["أحدث الأخبار والتقارير والتحليلات عن تنظيم داعش في العراق وسوريا والمنطقة.",
                                           *HEADLINES]))
    assert prose_words("\n".join([PARA, *HEADLINES]))[1] == len(PARA.split()) + 9 * len(HEADLINES)


def test_the_language_is_judged_by_the_share_of_arabic_letters():
    assert arabic_share(PARA) > 0.95
    assert arabic_share("Coalition strikes continue near the city, officials said on Tuesday.") == 0
    assert arabic_share("OK") is None  # too few letters to judge


# --- good but awkward files, kept ---------------------------------------------------------------------------------

def test_a_two_paragraph_article_under_a_long_menu_and_a_most_read_box_is_kept(catalog):
    html = page(f"<nav>{MENU}</nav><article><h1>{TITLE}</h1><p>{PARA}</p><p>{PARA2}</p></article>"
                "<aside><h3>الأكثر قراءة</h3><ul>" + "".join(f"<li><a href='/n{i}'>{t}</a></li>" for i, t in enumerate(HEADLINES))
                + "</ul></aside>")
    item = only(read("brief.html", html, catalog=catalog))
    assert isinstance(item, Draft) and item.body.startswith(PARA[:40])


def test_a_two_paragraph_text_save_is_kept(catalog):
    item = only(read("brief.txt", "\n".join([TITLE, "12 آذار 2018", "", PARA, "", PARA2]).encode(), catalog=catalog))
    assert isinstance(item, Draft) and item.body.endswith(PARA2[-30:])


def test_an_article_that_is_mostly_a_list_is_kept(catalog):
    lead = "أعلنت قيادة العمليات المشتركة قائمة بالمناطق التي استعادتها القوات خلال الأسبوع الماضي في محافظة نينوى:"
    items = "".join(f"<li>قرية رقم {i} جنوب المدينة</li>" for i in range(10))
    item = only(read("list.html", page(f"<h1>{TITLE}</h1><p>{lead}</p><ol>{items}</ol>"), catalog=catalog))
    assert isinstance(item, Draft)


def test_a_photo_story_told_in_its_captions_is_read_from_them(catalog):
    figures = "".join(f"<figure><img src='/p{i}.jpg'><figcaption>{p}</figcaption></figure>" for i, p in enumerate([PARA, PARA2]))
    item = only(read("photos.html", page(f"<h1>{TITLE}</h1><time>12 آذار 2018</time>{figures}"), catalog=catalog))
    assert isinstance(item, Draft)
    assert PARA[:40] in item.body and PARA2[-30:] in item.body


def test_an_article_that_speaks_of_subscribing_is_no_paywall(catalog):
    sentence = "ودعت الوزارة المواطنين إلى الاشتراك في خدمة الرسائل لمتابعة قراءة التحذيرات الأمنية أولاً بأول."
    item = only(read("sms.html", page(f"<h1>{TITLE}</h1><p>{PARA}</p><p>{sentence}</p>"), catalog=catalog))
    assert isinstance(item, Draft)


# --- bad files, refused with the reason ------------------------------------------------------------------------------

def test_a_paywall_notice_is_still_refused(catalog):
    html = page(f"<h1>{TITLE}</h1><p>{PARA[:90]}...</p><div><h3>هذا المحتوى حصري للمشتركين</h3>"
                "<p>اشترك الآن للوصول إلى جميع المقالات</p></div>")
    item = only(read("paywall.html", html, catalog=catalog))
    assert isinstance(item, Failure) and "اشتراك" in item.message


@pytest.mark.parametrize("name, data", [
    ("english.html", page("<h1>Coalition strikes continue</h1><p>The coalition said on Tuesday that its aircraft struck "
                          "positions near the city overnight, according to a statement issued by its command.</p>"
                          "<p>Officials declined to give further details about the operation.</p>", "Coalition strikes")),
    ("error.html", page("<h1>Internal Server Error</h1><p>The server encountered an internal error and was unable to "
                        "complete your request. Please contact the server administrator.</p>", "Internal Server Error")),
    ("french.txt", "Les forces irakiennes progressent\n3 mai 2017\n\nLes forces irakiennes ont annoncé mardi avoir repris "
                   "plusieurs quartiers de la vieille ville, selon un communiqué.".encode()),
])
def test_a_page_in_another_language_is_refused_in_both_languages(catalog, name, data):
    item = only(read(name, data, catalog=catalog))
    assert isinstance(item, Failure)
    assert "ليس بالعربية" in item.message and "not Arabic" in item.message_en


def test_a_page_of_comments_only_is_refused(catalog):
    lines = ["التعليقات (37)"]
    for who, said in [("زائر", "والله كلام صحيح"), ("أبو علي", "الله يحمي العراق"), ("محمد", "متى ينتهي هذا؟")]:
        lines += [who, said, "منذ 3 ساعات"]
    item = only(read("comments.txt", "\n".join([*lines, "أضف تعليقك", "إرسال"]).encode(), catalog=catalog))
    assert isinstance(item, Failure) and "ليست مقالاً" in item.message


def test_a_tag_page_of_linked_headlines_is_still_refused(catalog):
    cards = "".join(f"<div><a href='/n{i}'><h3>{t}</h3></a><span>0{i % 9 + 1}/03/2017</span></div>" for i, t in enumerate(HEADLINES))
    item = only(read("tag.html", page(f"<nav>{MENU}</nav><h1>وسم: داعش</h1>{cards}"), catalog=catalog))
    assert isinstance(item, Failure) and "ليست مقالاً" in item.message


@pytest.mark.parametrize("sentence", [
    "وأظهرت لقطات للموقع الرسمي للوزارة رسالة خطأ 404 بعد تعرضه لهجوم إلكتروني تبنته مجموعة قرصنة موالية للتنظيم.",
    "ويلزم القانون الجديد المواقع الإخبارية بطلب موافقة القراء قبل استخدام ملفات تعريف الارتباط وحماية خصوصيتهم.",
    "وأكدت الشركة أن المخترقين حصلوا على كلمات المرور الخاصة بحسابات المسؤولين بعد تسجيل الدخول من خوادم خارجية.",
    "وأوضحت الوزارة أن موقعها الإلكتروني سيكون تحت الصيانة حتى نهاية الأسبوع بعد الهجوم الذي تعرض له.",
])
def test_a_short_article_whose_sentence_says_what_a_bad_page_says_is_kept(catalog, sentence):
    text = "\n".join([TITLE, "12 آذار 2018", "", PARA, "", sentence])
    item = only(read("short.txt", text.encode(), catalog=catalog))
    assert isinstance(item, Draft) and sentence in item.body


def test_a_notice_line_still_makes_an_error_page_whatever_follows(catalog):
    text = "\n".join(["الرئيسية", "أخبار", "عذراً، الصفحة غير موجودة", "ربما تم نقل الصفحة أو حذفها.", *HEADLINES[:5]])
    item = only(read("missing.txt", text.encode(), catalog=catalog))
    assert isinstance(item, Failure) and "صفحة خطأ" in item.message


def test_an_arabic_article_with_a_stylesheet_left_in_its_text_is_kept(catalog):
    css = " ".join(f".box_vote h{i} {{ padding: 0; margin: 0; background: url(/css/img/h{i}.png) right no-repeat; "
                   f"font: bold 12px Tahoma; color: #7b7a7a; text-shadow: 0 1px 0 white; }}" for i in range(12))
    item = only(read("styled.html", page(f"<h1>{TITLE}</h1><p>{PARA}</p><p>{PARA2} {css}</p>"), catalog=catalog))
    assert isinstance(item, Draft)


def test_a_list_of_headlines_each_with_its_date_is_an_index_however_long_the_headlines(catalog):
    long_headlines = [f"{h} وسط تطورات متسارعة على الأرض في محافظات الشمال - {i + 1}/5/2018" for i, h in enumerate(HEADLINES)]
    item = only(read("archive.txt", "\n".join(["أرشيف الأخبار", *long_headlines, "الصفحة التالية"]).encode(), catalog=catalog))
    assert isinstance(item, Failure) and "ليست مقالاً" in item.message


@pytest.mark.parametrize("name, data", [
    ("blocked.html", page("<div><h1>هذا المحتوى غير متاح في بلدك</h1><p>نأسف لذلك.</p></div>", "سكاي نيوز عربية")),
    ("expired.txt", "انتهت صلاحية الرابط\nيرجى المحاولة مرة أخرى.".encode()),
])
def test_a_notice_of_a_line_or_two_is_too_short_to_be_an_article(catalog, name, data):
    item = only(read(name, data, catalog=catalog))
    assert isinstance(item, Failure)
    assert "أقصر من أن يكون مقالاً" in item.message and "too short" in item.message_en


def test_a_brief_of_one_sentence_is_long_enough(catalog):
    text = f"{TITLE}\n\nاستعادت القوات العراقية اليوم السيطرة على قرية جديدة جنوب الموصل."
    assert isinstance(only(read("brief.txt", text.encode(), catalog=catalog)), Draft)
