"""What each line of a saved page is: the line classes every reader shares.

Text saves, the text trafilatura takes out of an HTML page and the paragraphs
of a Word file are read line by line. Each line is furniture (menus,
breadcrumbs, share widgets, counters, "breaking news" bars, bylines, copyright
lines…), a stop line after which only the page's trailer follows (comments,
"related", "most read"), a source line (``المصدر: …``), a date line, a header
line (``outlet – place``, ``[place_agency]``), a caption, or text. Furniture is
recognised by its shape, not by site. ``archive.ingest.text`` puts the classes
together into headline, header, body and trailer.
"""
import re

from . import dates
from .normalize import arabic_share, has_letters, loose, word_count
from .outlets import BRACKET_TAG, OUTLET_DATELINE


# Line kinds.
FURNITURE, STOP, SOURCE, DATE, HEADER, CAPTION, TEXT = (
    "furniture", "stop", "source", "date", "header", "caption", "text")

# Matched against ``loose(line)``: no tatweel or harakat, one alef, ي for ى, ه for ة.
_FURNITURE = [re.compile(p) for p in (
    r"^accessibility links$",
    r"^skip to (main )?content$",
    r"^(تخطي|تجاوز|انتقل) (الي|الى) (المحتوي|المحتوى)",
    # Font-size buttons: "A+ A-", "A A A", "XS", "SM", "MD", "LG".
    r"^(?:(?:a\s*[+\-]|[+\-]\s*a|a)\s*)+$",
    r"^(?:xs|sm|md|lg|xl|xxl|s|m|l)$",
    r"^(?:ا\s*[+\-]\s*)+$",
    r"^(?:الكلمات الداله|كلمات داله|الكلمات المفتاحيه|الوسوم|وسوم|tags)(?:\s|:|$)",
    r"^(?:اقرا|إقرا) (?:ايضا|كذلك)\s*(?:[:：]|\.{2,}|…|[-–—|]\s)",
    # An embedded tweet's signature: "— Name (@handle) May 3, 2019".
    r"^[—–-]\s*[^()]{2,60}\(@\w{1,30}\)",
    # The same label before a related headline on its line: "للمزيد: …", "اقرأ المزيد: …".
    r"^(?:اقرا المزيد|إقرا المزيد|للمزيد)\s*[:：]\s*\S",
    r"^(?:اقرا|إقرا) (?:ايضا|كذلك)$",
    r"^(?:اقرا المزيد|المزيد من الاخبار|للمزيد)\s*[:：]?$",
    r"^(?:شارك|شاركها|شارك الخبر|شارك المقال|مشاركه|share|print|طباعه|طباعه الخبر|ارسل|email|بريد الكتروني)(?:\s*[:：])?$",
    # Share widgets: network names alone or in a row, "نسخ الرابط".
    r"^(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|email|messenger|فيسبوك|فيس بوك|تويتر|اكس|واتساب|واتس اب|تلغرام|تيليغرام|تليجرام|لينكد ان|ماسنجر|مسنجر|بريد|نسخ الرابط|نسخ|مشاركه)[\s,،|]*)+$",
    r"^(?:شارك|مشاركه|انشر|share)\s+(?:علي|على|عبر|on|via)\b",
    r"^share (?:this|the) (?:article|story|page|post)$",
    # "غرد على تويتر", "تيليجرام", "1.2K مشاركه": a widget's words, whatever the verb.
    r"^(?:\S+\s+){0,2}(?:علي|على|عبر)\s+(?:facebook|twitter|whatsapp|telegram|فيسبوك|فيس بوك|تويتر|واتساب|تلغرام|تيليغرام|تيليجرام|تليجرام|انستغرام|انستجرام|لينكد ان)$",
    # A follow prompt of a few more words, the site's own channel ("قناتنا", "صفحتنا") on a network:
    # "تابعوا آخر الأخبار عبر قناتنا على تلغرام" (a headline about a network names no "our").
    r"^(?:\S+\s+){1,8}\S+نا\s+(?:علي|على|عبر|في)\s+(?:facebook|twitter|whatsapp|telegram|youtube|فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تيليغرام|تيليجرام|تليجرام|انستغرام|انستجرام|يوتيوب|لينكد ان|google news)$",
    r"^(?:تيليجرام|تلجرام|انستغرام|انستجرام|يوتيوب|سناب شات|غرد|تغريد|tweet|pinterest|reddit)$",
    r"^[\d.,]+\s*[kmك]?\s*(?:مشاركه|مشاركات|تعليق|تعليقات|اعجاب|likes?|shares?)$",
    # A "breaking news" bar: "عاجل", "عاجل | …", "عاجل: …", "Breaking".
    r"^(?:عاجل|خبر عاجل|اخبار عاجله|breaking(?: news)?)(?:$|\s*[|:：\-–—»›]|\s*$)",
    # The bar's label and its ticker of stories on one line (a wrapped save joins the bar's lines):
    # "عاجل Story ◆ Another story".
    r"^(?:عاجل|خبر عاجل|اخبار عاجله|breaking(?: news)?)\s.*\s[◆◇♦•●■▪|]\s",
    # A ticker: stories of a few words each, parted by a ticker's glyph ("آخر الأخبار: Story ◂ Story…").
    # (The look-ahead first: a line without the glyph is passed over at once, at the import's pace.)
    r"^(?=[^◂▸◆◇♦►◄]*[◂▸◆◇♦►◄])(?:\S+\s+){2,}\S*\s*[◂▸◆◇♦►◄]\s*(?:\S+\s+){2,}",
    # A copyright line: the page's footer, never the article's.
    r"©|(?:^|\s)\(c\)\s|جميع الحقوق محفوظه|all rights reserved|copyright",
    r"^(?:الاسم|البريد الالكتروني|ارسال|إرسال|ارسل تعليقك|اسمك|بريدك الالكتروني)\s*\*?$",
    r"^النص المطلوب",
    r"^(?:تابعونا|تابعنا) (?:علي|على)",
    r"^(?:الصفحه الرئيسيه|الرئيسيه)$",
    # "منذ 3 ساعات", "عدد المشاهدات: 120", "حجم الخط", "تكبير الخط".
    r"^(?:منذ|قبل) \d+ (?:ثانيه|ثوان|ثواني|دقيقه|دقائق|ساعه|ساعات|يوم|ايام|اسبوع|اسابيع|شهر|اشهر)$",
    r"^(?:عدد )?(?:المشاهدات|مشاهدات|القراءات|قراءات)\s*[:：]?\s*\d*$",
    r"^[\d.,]+\s*[kmك]?\s*(?:مشاهده|مشاهدات|قراءه|قراءات|views?)$",
    # "شارك 57", "5 دقائق للقراءة", "3-4 min read": a widget's counter, a reading time.
    r"^(?:شارك|مشاركه|مشاركات|share|shares)\s*[:：]?\s*[\d.,]+\s*[kmك]?$",
    r"^\d+(?:\s*[-–]\s*\d+)?\s*(?:دقائق|دقيقه|دقيقتان|دقيقتين|min|mins|minutes?)\s*(?:للقراءه|قراءه|read)?$",
    r"^(?:حجم الخط|تكبير الخط|تصغير الخط)",
    # A newsletter box: "اشترك في نشرتنا البريدية", "البريد الإلكتروني", "اشترك".
    r"^(?:اشترك|اشتركوا|سجل|انضم)(?:\s+الان)?\s*(?:في|ب|الي|إلى|لتصلك|ليصلك)?\s*(?:نشرتنا|النشره|القائمه البريديه|نشره)",
    r"^(?:اشترك|اشترك الان|subscribe|البريد الالكتروني|بريدك الالكتروني|ادخل بريدك الالكتروني)$",
    # Bylines: "بقلم: فلان", "كتب - فلان الفلاني".
    r"^(?:بقلم|كتب|كتبت|اعداد|تحرير|ترجمه|تصوير|متابعه|الكاتب|الكاتبه|المحرر|المحرره|المراسل|by)\s*[:：\-–]\s*\S+(?:\s\S+){0,4}$",
    # An e-mail's headers when an article was pasted from one: its send date is not the article's.
    r"^(?:from|sent|to|cc|subject|المرسل|مرسل|الي|الموضوع|ارسل|ارسلت|تاريخ الارسال)\s*[:：]",
    # An advertisement's label inside the article.
    r"^(?:اعلان|مساحه اعلانيه|محتوي مدعوم|advertisement|sponsored)$",
    # A pager: "الصفحة 1 من 2", "« السابق 1 2 3 التالي »".
    r"^(?:الصفحه|صفحه|page)\s*\d+\s*(?:من|of)\s*\d+$",
    r"^[«»<>\s\d]*(?:السابق|التالي|الاولي|الاخيره|previous|next|prev)[«»<>\s\d]*(?:(?:السابق|التالي|previous|next)[«»<>\s\d]*)?$",
    # A clipping's labels: "النص:", "نص الخبر:".
    r"^(?:النص|نص الخبر|نص المقال|المتن|text|body)\s*[:：]?$",
    # An English byline: "By Ahmad Ali, Sky News Arabia".
    r"^by\s+\S+(?:\s+\S+){0,3}(?:\s*[,،]\s*\S+(?:\s+\S+){0,4})?$",
    # A page's field lines: "القسم: سياسة", "التصنيف: أخبار".
    r"^(?:القسم|التصنيف|الباب|الفئه|section|category)\s*[:：]\s*\S+(?:\s\S+){0,3}$",
)]
# After one of these only the page's trailer follows.
_STOP = [re.compile(p) for p in (
    r"^عن مصدر الخبر$",
    r"^(?:related|more) (?:articles|news|stories)$|^read more$|^you may also like$|^comments?$",
    r"^(?:related|most popular|most read)$",
    r"^يمكنك قراءه الخبر",
    r"^(?:التعليقات|تعليقات)\s*(?:\(\s*\d+\s*\))?$",
    r"^[\d.,]+\s*(?:تعليق|تعليقا|تعليقات|comments?)$",
    # A forum's reply buttons under a reposted article.
    r"^(?:رد مع اقتباس|اقتباس|الرد السريع|reply with quote)$",
    r"^اضف تعليق",
    r"^(?:اكتب|ادخل) تعليق",
    r"^لا توجد تعليقات",
    r"^علق كضيف",
    r"^(?:مواضيع|اخبار|مقالات) ذات صله",
    r"^(?:الاكثر قراءه|الاكثر مشاهده)$",
)]
# A counter: "39 تعليقاً", "التعليقات (3)", "8,490 مشاهدة" (a comment counter
# under the headline is no start of the comments).
_COUNTER = re.compile(r"^(?:[\d.,]+\s*[kmك]?\s*\S+|\S+\s*\(\s*\d+\s*\))$")
# A "read also" label alone: inside the article it heads a box of a headline or two.
# (with its colon or dots: "اقرأ أيضًا:", "اقرأ أيضاً..")
_READ_ALSO = re.compile(r"^(?:اقرا|إقرا) (?:ايضا|كذلك)\s*(?:[:：]|\.{2,}|…)?$")


def is_counter(line: str) -> bool:
    return bool(_COUNTER.match(loose(line)))


def is_read_also(line: str) -> bool:
    return bool(_READ_ALSO.match(loose(line)))


# "المصدر: …", and a clipping's "الصحيفة: …" / "الجريدة: …" / "Source: …".
# "نقلاً عن: …" / "نقلا عن …" (quoted from) names the source too, colon or not;
# "المصدر - …" with a spaced dash as well as a colon.
_SOURCE = re.compile(r"^(?:(?:المصدر|مصدر الخبر|الصحيفه|الجريده|الناشر|الوكاله|الوسيله|وسيله الاعلام|source|publisher|newspaper)\s*(?:[:：]|\s[-–—]\s)"
                     r"|نقلا عن\s*[:：]?)\s*(?P<name>.{2,80})$")
_RAW_SOURCE = re.compile(r"^(?:(?:المصدر|مصدر الخبر|الصحيفة|الصحيفه|الجريدة|الجريده|الناشر|الوكالة|الوكاله|الوسيلة|الوسيله|وسيلة الإعلام|وسيلة الاعلام|source|publisher|newspaper)\s*(?:[:：]|\s[-–—]\s)"
                         r"|نقلاً عن\s*[:：]?|نقلا عن\s*[:：]?)\s*", re.I)
# A link alone on its line, or labelled ("الرابط: https://…"): the page's address, not its text.
# (Any label of one to three words: "Source URL:", "رابط دائم:", "Permalink:".)
_URL_LINE = re.compile(r"^(?:(?:الرابط|رابط الخبر|رابط المقال|المصدر|link|url|source|[^\s:：]+(?:\s[^\s:：]+){0,2})\s*[:：]\s*)?"
                       r"(?:https?://|www\.)\S+$", re.I)


# An embedded tweet's text: it holds the tweet's picture or short link.
_TWEET_TEXT = re.compile(r"pic\.twitter\.com/|(?<![\w.])t\.co/\w", re.I)
_TWEET_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{2,60}\(@\w{1,30}\)")


def is_tweet_text(line: str) -> bool:
    return bool(_TWEET_TEXT.search(line))


def is_tweet_signature(line: str) -> bool:
    return bool(_TWEET_SIGNATURE.match(line.strip()))


def is_url_line(line: str) -> bool:
    return bool(_URL_LINE.match(line.strip()))
# "قوات عراقية قرب الحويجة، أرشيف", "(صورة أرشيفية)", "صورة: ..."
_CAPTION = re.compile(r"(?:[،,(\-–]\s*(?:ارشيف|صوره ارشيفيه)\)?$|^\(?(?:صوره|الصوره|تصوير)\s*[:(])")

# A paragraph is longer than a headline ever is.
PARAGRAPH_WORDS = 35
PARAGRAPH_CHARS = 250
HEADLINE_MIN_WORDS = 4

# "ھولێر-KDP.info-  قال", "بغداد (رويترز) - ", "أربيل - ": a place (and an
# outlet) at the very start of the lead.
_LEAD_DATELINE = re.compile(
    r"^(?P<place>[^\s\-–—:(\[\]\d]{2,25}(?: [^\s\-–—:(\[\]\d]{2,25})?)\s*"
    r"(?:\((?P<outlet>[^)]{2,40})\)\s*)?[-–—]+\s*"
    r"(?:(?P<outlet2>[^\s\-–—]{2,40}?)\s*[-–—]+\s*)?(?=\S)"
)

_MENU_SPLIT = re.compile(r"\s*[|•·]\s*")
# Breadcrumb arrows are never prose: two items are enough ("الرئيسية › أخبار").
_CRUMB_SPLIT = re.compile(r"\s*(?:[›»>\\]|/(?!\d))\s*")


def is_menu(line: str) -> bool:
    """A site menu or breadcrumb saved as one line: three or more short items
    between | • · ("الرئيسية | أخبار | رياضة"), or two or more between › » >
    ("الرئيسية › أخبار"), or four or more between spaced dashes; the last
    crumb may be the page's headline. A byline "Outlet | date" is a date
    line, read first."""
    parts = [p for p in _MENU_SPLIT.split(line) if p.strip()]
    if len(parts) >= 3 and all(word_count(p) <= 3 for p in parts):
        return True
    # "الرئيسية - أخبار - سياسة - رياضة": four items or more between spaced dashes ("ترمب - بوتين" is a headline's).
    dashed = [p for p in re.split(r"\s[-–—]\s", line) if p.strip()]
    if len(dashed) >= 4 and all(word_count(p) <= 2 for p in dashed):
        return True
    line = _masked_quotes(line)  # a quotation's closing » is no breadcrumb arrow
    crumbs = [p for p in _CRUMB_SPLIT.split(line) if p.strip()]
    # "/" only between spaces and three items or more ("الرئيسية / أخبار / سياسة"): "شباط/فبراير" is no path.
    arrows = re.search(r"[›»>]", line) is not None or (len(crumbs) >= 3 and len(re.findall(r"\s/\s", line)) >= 2)
    # The last crumb may be the page's own headline ("الرئيسية › سوريا › Headline"):
    # the crumbs before it are short.
    return len(crumbs) >= 2 and arrows and (
        all(word_count(p) <= 4 for p in crumbs)
        or all(word_count(p) <= 3 for p in crumbs[:-1]) and not is_paragraph(crumbs[-1]))


def _masked_quotes(line):
    """The line with each «quotation» masked, character for character."""
    return re.sub(r"«[^«»]*»", lambda m: "q" * len(m[0]), line)


def crumb_headline(line: str) -> str:
    """The last crumb of a breadcrumb that ends with the page's headline, or ""."""
    if not is_menu(line):
        return ""
    masked = _masked_quotes(line)
    # The breadcrumb's own separator: an arrow, else a spaced slash ("شباط/فبراير" in the headline is none).
    seps = list(re.finditer(r"\s*[›»>\\]\s*", masked)) or list(re.finditer(r"\s/\s", masked))
    last = line[seps[-1].end():].strip() if seps else ""
    return last if is_headline(last) else ""


def classify(line: str) -> str:
    simple = loose(line)
    # (Tatweel alone, "ـــــــ", is a rule, not a word.)
    if not has_letters(simple) and not re.search(r"\d", line):
        return FURNITURE
    if any(p.search(simple) for p in _STOP):
        return STOP
    if is_url_line(line):
        return FURNITURE
    if _SOURCE.match(simple):
        return SOURCE
    if any(p.search(simple) for p in _FURNITURE):
        return FURNITURE
    # A date line before the menu test: "Outlet | 17/10/2018 | 01:57" has three short parts too.
    if is_date_line(line):
        return DATE
    if is_menu(line):
        return FURNITURE
    if BRACKET_TAG.match(line) or (OUTLET_DATELINE.match(line) and word_count(line) <= 6):
        return HEADER
    if word_count(line) <= 8 and _CAPTION.search(simple):
        return CAPTION
    return TEXT


# What a date line prints around its date: labels ("نشر في:", "آخر تحديث",
# "بتاريخ"), the weekday, the time ("11:26 م", "01:57 GMT") and separators.
_DATE_LINE_NOISE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?|[|:：,،\-–—/()\[\]•·.]|"
    r"(?<!\w)(?:نشر|تم النشر|منشور|النشر|تاريخ|التاريخ|بتاريخ|في|اخر|تحديث|التحديث|تم التحديث|محدث|حدث|"
    r"الموافق|اليوم|ص|م|مساء|صباحا|بتوقيت|توقيت|غرينتش|مكه|المكرمه|gmt|gst|utc|ast|am|pm|"
    r"published|updated|last|on|at|"
    r"السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه)(?!\w)"
)


def date_line_rest(line: str, found=None) -> str:
    """A date line without its date, labels, time and separators: a byline's
    outlet or author ("بي بي سي عربي | 28 شباط/فبراير 2018" → "بي بي سي عربي")."""
    found = found or dates.date_in_line(line)
    if not found:
        return line
    rest = line.replace(found[2], " ")
    # "تاريخ الحدث: …": a label before its colon names nothing.
    rest = re.sub(r"^\s*(?:تاريخ|موعد|وقت|يوم|date)\b[^:：]{0,25}[:：]", " ", rest, flags=re.I)
    # The Hijri date beside it ("18 رجب 1439هـ الموافق 4/4/2018م") is part of the date.
    rest = dates._HIJRI_DMY.sub(" ", rest.translate(dates._DIGITS))
    rest = re.sub(r"(?<!\S)[\d/]+(?:هـ|ه|م)(?!\S)", " ", rest)
    rest = re.sub(r"(?:العدد|عدد|issue)\s*(?:رقم\s*)?[:：]?\s*\d+", " ", rest)  # a paper's issue number  # "1439هـ" (a number alone may be a name's: "فرانس 24")
    # The noise is matched on the loose form, word by word, to keep the original spelling.
    kept = [w for w in rest.split() if _DATE_LINE_NOISE.sub("", loose(w)).strip()]
    return " ".join(kept)


def source_name(line: str) -> str:
    """"المصدر: عكاظ، 10 أغسطس 2015" → "عكاظ": the name without the date beside it."""
    name = _RAW_SOURCE.sub("", line)
    if dates.date_in_line(name):
        name = date_line_rest(name)
    return name.strip(" ،,.-–—|")


def is_date_line(line: str) -> bool:
    # "بي بي سي عربي — نُشر في 29 يونيو 2018، آخر تحديث 2 يوليو 2018": two labelled dates on
    # one line, each a date line, after a name of a few words (the outlet, the author).
    parts = [part for part in dates._LABELLED.split(line) if part.strip()]
    if len(parts) > 1:
        rest = parts[1:] if dates.date_in_line(parts[0]) is None and len(re.findall(r"\w+", parts[0])) <= 5 else parts
        return all(_one_date_line(part) for part in rest)
    return _one_date_line(line)


def _one_date_line(line):
    found = dates.date_in_line(line)
    if not found or word_count(line) > dates.SHORT_LINE_WORDS:
        return False
    return word_count(date_line_rest(line, found)) <= 4


# A picture's caption with its credit in brackets ("نازحون يعودون إلى منازلهم (رويترز)"),
# or the credit alone ("(أ ف ب)"): a few words that end no sentence, then a name of one to three words.
_CREDIT_CAPTION = re.compile(r"^(?P<caption>[^.!؟?:]*?)\s*\((?P<credit>[^()]{2,30})\)$")
CAPTION_WORDS = 15


def is_credit_caption(line: str) -> bool:
    m = _CREDIT_CAPTION.match(line.strip())
    # (A year in brackets is a date's: "عكاظ (2018)".)
    return (bool(m) and word_count(m["credit"]) <= 3 and not re.search(r"\d", m["credit"])
            and word_count(line) <= CAPTION_WORDS)


# A box's heading under the article ("النشرة الإخبارية", "كلمات مفتاحية", "مقالات متعلقة",
# an author's name): a few words that end no sentence and open no clause. (Arabic
# prose opens its sentences with a conjunction: "والتحقيقات مستمرة" closes an article;
# such a line goes on with the text above it.)
BOX_HEADING_WORDS = 4
CLAUSE_OPENING = re.compile(r"^[«\"(]?[وف](?=\S{2,})")


# "إقرأ المزيد في: سوريا", "الوسوم: داعش، الموصل": a label and a few words.
_FIELD_LINE = re.compile(r"^[^:：]{2,30}[:：]\s*\S")
FIELD_LINE_WORDS = 7


def is_field_line(line: str) -> bool:
    return (word_count(line) <= FIELD_LINE_WORDS and bool(_FIELD_LINE.match(line)) and not ends_sentence(line)
            and arabic_share(line) >= 0.5)  # ("http://…" is no label)


def is_box_heading(line: str) -> bool:
    """(A field line is one only as the page's last: "كتبه: فلان" signs an article.)"""
    return (0 < word_count(line) <= BOX_HEADING_WORDS and arabic_share(line) >= 0.5 and not ends_sentence(line)
            and not is_date_line(line) and not CLAUSE_OPENING.match(line.strip()))


# A share widget's words: the network names, "شارك", "تابعونا".
_SHARE_WIDGET = re.compile(
    r"(?:^|\s)(?:شارك\S*|مشاركه|انشر|share|tweet|facebook|twitter|whatsapp|telegram|فيسبوك|فيس بوك|تويتر|اكس|واتساب|"
    r"واتس اب|تلغرام|تيليغرام|تيليجرام|تليجرام|لينكد ان|غرد|نسخ الرابط|تابعونا|تابعنا)(?:\s|$)")


def is_share_widget(line: str) -> bool:
    return classify(line) == FURNITURE and bool(_SHARE_WIDGET.search(loose(line)))


def is_paragraph(line: str) -> bool:
    return word_count(line) > PARAGRAPH_WORDS or len(line) > PARAGRAPH_CHARS


# A headline never ends with a full stop (none of 2,798 corpus titles does;
# nine in ten short lead sentences do). ".." and "..." are a headline's.
_FULL_STOP_END = re.compile(r"(?<!\.)\.[\"»”)]*\s*$")


def is_headline(line: str) -> bool:
    return (
        HEADLINE_MIN_WORDS <= word_count(line) and not is_paragraph(line)
        and arabic_share(line) >= 0.5 and not _FULL_STOP_END.search(line)
    )

# A sentence ends with its stop, perhaps inside a closing quote or bracket.
_SENTENCE_END = re.compile(r"[.!؟?…:][\"»”)\]]*\s*$")


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))
