"""A page saved with a browser's "save as text" → a ``Draft``.

Such a file is the article with the page around it: site banners and taglines
above the headline, "Accessibility links", font-size buttons ("A+ A-", "XS SM
MD LG"), keyword lines, share and "read also" lines, and at the end a source
line, an "about the source" block and comment prompts. A reader skips all that
without thinking; this module does it by line:

1. every line is classified (furniture, a stop line after which only the page's
   trailer follows, a header line such as a date or "رووداو – أربيل", text);
2. the headline is the first headline-like line (four words or more, mostly
   Arabic, not a paragraph) before the first paragraph. A file may have none
   (003 starts with "زاكروس عربية – أربيل" and then the lead): the title is then
   made from the lead sentence and a warning says so;
3. the body is the text lines after the header, up to the first stop line,
   without furniture;
4. the date comes from the header lines, the lead and the trailer (never from
   deep in the body), the outlet from the cues listed in ``outlets``, the
   dateline from the header or the start of the lead.
"""
from dataclasses import dataclass, field
import re

from . import dates
from .draft import Draft, IngestError
from .normalize import arabic_share, clean_lines, has_letters, loose, word_count
from .outlets import BRACKET_TAG, OUTLET_DATELINE, TITLE_TO, Cue, file_name_cues, resolve

NO_DATE_WARNING = "لم يُعثر على تاريخ النشر"
DERIVED_TITLE_WARNING = "لا عنوان في الملف: العنوان مأخوذ من الجملة الأولى"

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
    r"^(?:اقرا|إقرا) (?:ايضا|كذلك)\s*[:：]",
    r"^(?:اقرا|إقرا) (?:ايضا|كذلك)$",
    r"^(?:اقرا المزيد|المزيد من الاخبار|للمزيد)\s*[:：]?$",
    r"^(?:شارك|شاركها|شارك الخبر|شارك المقال|مشاركه|share|print|طباعه|طباعه الخبر|ارسل|email|بريد الكتروني)(?:\s*[:：])?$",
    # Share widgets: network names alone or in a row, "نسخ الرابط".
    r"^(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|email|messenger|فيسبوك|فيس بوك|تويتر|اكس|واتساب|واتس اب|تلغرام|تيليغرام|تليجرام|لينكد ان|ماسنجر|مسنجر|بريد|نسخ الرابط|نسخ|مشاركه)[\s,،|]*)+$",
    r"^(?:شارك|مشاركه|انشر|share)\s+(?:علي|على|عبر|on|via)\b",
    r"^share (?:this|the) (?:article|story|page|post)$",
    # "غرد على تويتر", "تيليجرام", "1.2K مشاركه": a widget's words, whatever the verb.
    r"^(?:\S+\s+){0,2}(?:علي|على|عبر)\s+(?:facebook|twitter|whatsapp|telegram|فيسبوك|فيس بوك|تويتر|واتساب|تلغرام|تيليغرام|تيليجرام|تليجرام|انستغرام|انستجرام|لينكد ان)$",
    r"^(?:تيليجرام|تلجرام|انستغرام|انستجرام|يوتيوب|سناب شات|غرد|تغريد|tweet|pinterest|reddit)$",
    r"^[\d.,]+\s*[kmك]?\s*(?:مشاركه|مشاركات|تعليق|تعليقات|اعجاب|likes?|shares?)$",
    # A "breaking news" bar: "عاجل", "عاجل | …", "عاجل: …", "Breaking".
    r"^(?:عاجل|خبر عاجل|اخبار عاجله|breaking(?: news)?)(?:$|\s*[|:：\-–—»›]|\s*$)",
    # A copyright line: the page's footer, never the article's.
    r"©|(?:^|\s)\(c\)\s|جميع الحقوق محفوظه|all rights reserved|copyright",
    r"^(?:الاسم|البريد الالكتروني|ارسال|إرسال|ارسل تعليقك|اسمك|بريدك الالكتروني)\s*\*?$",
    r"^النص المطلوب",
    r"^(?:تابعونا|تابعنا) (?:علي|على)",
    r"^(?:الصفحه الرئيسيه|الرئيسيه)$",
    # "منذ 3 ساعات", "عدد المشاهدات: 120", "حجم الخط", "تكبير الخط".
    r"^(?:منذ|قبل) \d+ (?:ثانيه|ثوان|ثواني|دقيقه|دقائق|ساعه|ساعات|يوم|ايام|اسبوع|اسابيع|شهر|اشهر)$",
    r"^(?:عدد )?(?:المشاهدات|مشاهدات|القراءات|قراءات)\s*[:：]?\s*\d*$",
    r"^\d+\s*(?:مشاهده|مشاهدات|قراءه|قراءات)$",
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
    r"^يمكنك قراءه الخبر",
    r"^(?:التعليقات|تعليقات)\s*(?:\(\s*\d+\s*\))?$",
    r"^\d+\s*(?:تعليق|تعليقات|comments?)$",
    # A forum's reply buttons under a reposted article.
    r"^(?:رد مع اقتباس|اقتباس|الرد السريع|reply with quote)$",
    r"^اضف تعليق",
    r"^(?:اكتب|ادخل) تعليق",
    r"^لا توجد تعليقات",
    r"^علق كضيف",
    r"^(?:مواضيع|اخبار|مقالات) ذات صله",
    r"^(?:الاكثر قراءه|الاكثر مشاهده|اقرا ايضا)$",
)]
# "المصدر: …", and a clipping's "الصحيفة: …" / "الجريدة: …" / "Source: …".
_SOURCE = re.compile(r"^(?:المصدر|مصدر الخبر|الصحيفه|الجريده|الناشر|الوكاله|الوسيله|وسيله الاعلام|source|publisher|newspaper)\s*[:：]\s*(?P<name>.{2,80})$")
_RAW_SOURCE = re.compile(r"^(?:المصدر|مصدر الخبر|الصحيفة|الصحيفه|الجريدة|الجريده|الناشر|الوكالة|الوكاله|الوسيلة|الوسيله|وسيلة الإعلام|وسيلة الاعلام|source|publisher|newspaper)\s*[:：]\s*", re.I)
# "قوات عراقية قرب الحويجة، أرشيف", "(صورة أرشيفية)", "صورة: ..."
_CAPTION = re.compile(r"(?:[،,(\-–]\s*(?:ارشيف|صوره ارشيفيه)\)?$|^\(?(?:صوره|الصوره|تصوير)\s*[:(])")

# A paragraph is longer than a headline ever is.
PARAGRAPH_WORDS = 35
PARAGRAPH_CHARS = 250
HEADLINE_MIN_WORDS = 4
# Under the headline, a line this short that ends no sentence is a byline, an
# outlet's name or a dateline ("بي بي سي عربي", "لندن: «الشرق الأوسط»"), not the article.
HEADER_MAX_WORDS = 4
# A line this long that ends a sentence, even with "؟" or "!", is a lead: a headline is shorter.
LEAD_QUESTION_WORDS = 20
# The headline is looked for among the first lines only (a saved page may
# start with a long menu of one- and two-word lines).
HEADLINE_SEARCH_LINES = 40

# "ھولێر-KDP.info-  قال", "بغداد (رويترز) - ", "أربيل - ": a place (and an
# outlet) at the very start of the lead.
_LEAD_DATELINE = re.compile(
    r"^(?P<place>[^\s\-–—:(\[\]\d]{2,25}(?: [^\s\-–—:(\[\]\d]{2,25})?)\s*"
    r"(?:\((?P<outlet>[^)]{2,40})\)\s*)?[-–—]+\s*"
    r"(?:(?P<outlet2>[^\s\-–—]{2,40}?)\s*[-–—]+\s*)?(?=\S)"
)


_BYLINE_OUTLET = re.compile(r"^(?:by|بقلم|كتب|كتبت)\s*[:：]?\s*[^,،]{2,40}[,،]\s*(?P<outlet>[^,،]{2,40})$", re.I)
_BREAKING_HEADLINE = re.compile(r"^(?:عاجل|خبر عاجل)\s*[:|\-–]\s*(?P<rest>.+)$")
_TITLE_LABEL = re.compile(r"^(?:العنوان|عنوان الخبر|عنوان المقال|title|headline)\s*[:：]\s*(?=\S)", re.I)
# The start of a lead up to its colon, when short: "دبي - العربية.نت: ".
_LEAD_PREFIX = re.compile(r"^(?P<prefix>(?:[^:.!؟\n]|\.(?=\S)){2,60}?)\s*:(?!\d)")
_COPYRIGHT_LINE = re.compile(r"©|\(c\)|copyright|جميع الحقوق|حقوق (?:النشر|الطبع)|الحقوق محفوظه|all rights reserved", re.I)
# What a copyright line says besides the name ("© 2023 Okaz. جميع الحقوق محفوظة").
_COPYRIGHT_NAME = re.compile(
    r"©|\(c\)|copyright|\b\d{4}(?:\s*[-–]\s*\d{4})?\b|جميع الحقوق محفوظه(?: ل\S*)?|حقوق النشر محفوظه|all rights reserved|[.,،|]", re.I)


@dataclass
class Reading:
    """How a text was taken apart: what ``draft_from_text`` and the HTML reader use."""

    title: str = ""
    title_derived: bool = False
    body_lines: list = field(default_factory=list)
    header_lines: list = field(default_factory=list)
    trailer_lines: list = field(default_factory=list)
    cues: list = field(default_factory=list)
    dateline: str | None = None
    # "X – Y" header lines: one is the outlet, the other the dateline.
    pairs: list = field(default_factory=list)
    copyright_lines: list = field(default_factory=list)
    last_line: str = ""


_MENU_SPLIT = re.compile(r"\s*[|•·]\s*")
# Breadcrumb arrows are never prose: two items are enough ("الرئيسية › أخبار").
_CRUMB_SPLIT = re.compile(r"\s*(?:[›»>\\]|/(?!\d))\s*")


def is_menu(line: str) -> bool:
    """A site menu or breadcrumb saved as one line: three or more short items
    between | • · ("الرئيسية | أخبار | رياضة"), or two or more between › » >
    ("الرئيسية › أخبار"), or four or more between spaced dashes. A byline
    "Outlet | date" is a date line, read first."""
    parts = [p for p in _MENU_SPLIT.split(line) if p.strip()]
    if len(parts) >= 3 and all(word_count(p) <= 3 for p in parts):
        return True
    # "الرئيسية - أخبار - سياسة - رياضة": four items or more between spaced dashes ("ترمب - بوتين" is a headline's).
    dashed = [p for p in re.split(r"\s[-–—]\s", line) if p.strip()]
    if len(dashed) >= 4 and all(word_count(p) <= 2 for p in dashed):
        return True
    line = re.sub(r"«[^«»]*»", "q", line)  # a quotation's closing » is no breadcrumb arrow
    crumbs = [p for p in _CRUMB_SPLIT.split(line) if p.strip()]
    # "/" only between spaces and three items or more ("الرئيسية / أخبار / سياسة"): "شباط/فبراير" is no path.
    arrows = re.search(r"[›»>]", line) is not None or (len(crumbs) >= 3 and len(re.findall(r"\s/\s", line)) >= 2)
    return len(crumbs) >= 2 and arrows and all(word_count(p) <= 4 for p in crumbs)


def classify(line: str) -> str:
    simple = loose(line)
    # (Tatweel alone, "ـــــــ", is a rule, not a word.)
    if not has_letters(simple) and not re.search(r"\d", line):
        return FURNITURE
    if any(p.search(simple) for p in _STOP):
        return STOP
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
    found = dates.date_in_line(line)
    if not found or word_count(line) > dates.SHORT_LINE_WORDS:
        return False
    return word_count(date_line_rest(line, found)) <= 4


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


# Lines under a headline that say it is one: a date, a byline, an outlet or
# source line ("بقلم: فلان" is furniture by shape, so it is recognised here).
_BYLINE = re.compile(r"^(?:بقلم|كتب|كتبت|اعداد|تحرير|متابعه|by)\b", re.I)


def _pick_headline(lines, kinds, candidates, lead_at, gaps=None):
    """Which headline-like line is the headline.

    A page's top holds other headline-like lines: a breaking-news bar's story,
    a tagline, a printed page's "Headline | Outlet" header, a related story.
    The headline is the one the article follows: of the groups of adjacent
    candidates (a headline and its deck are one group, headed by the first),
    the last one a date, byline or source line follows before the next text;
    else the last one before the lead. When a date or byline follows, the
    group's other lines are the deck (a summary under the headline), kept out
    of the body. A candidate that is another one plus
    " | Outlet" (a page title printed above the page) gives way to it. Without
    a lead among the first lines, the first candidate, as before.
    """
    if not candidates:
        return None, None
    plain = {i: loose(lines[i]) for i in candidates}
    candidates = [i for i in candidates if not any(
        j != i and plain[i].startswith(plain[j]) and len(plain[i]) > len(plain[j])
        and re.match(r"\s*[|\-–—:•»]", plain[i][len(plain[j]):]) for j in candidates)]
    if lead_at is None:
        return candidates[0], candidates[0]
    groups = []
    for i in candidates:
        if groups and groups[-1][-1] == i - 1 and not (gaps and gaps[i]):
            groups[-1].append(i)
        else:
            groups.append([i])
    end = lead_at
    followed = []
    for group in groups:
        after = group[-1] + 1
        nxt = next((j for j in range(after, end) if kinds[j] == TEXT and word_count(lines[j]) > 2), end)
        if any(kinds[j] in (DATE, SOURCE, HEADER) or _BYLINE.match(loose(lines[j])) for j in range(after, nxt)):
            followed.append(group)
    if not followed:
        return groups[-1][0], groups[-1][0]
    # A deck is a summary line: it ends no sentence ("؟!" ends a lead's question).
    group = followed[-1]
    if len(group) >= 3:  # three headline-like lines in a row are a list (most read, related): the last is the headline
        return group[-1], group[-1]
    end = group[0]
    while end + 1 in group and not ends_sentence(lines[end + 1]):
        end += 1
    return group[0], end


# A text dump wrapped at a fixed width: most lines end within this many
# characters of the widest, and the widest is no longer than a terminal's.
WRAP_SLACK = 20
WRAP_MAX_WIDTH = 100
WRAP_MIN_WIDTH = 50
WRAP_MIN_LINES = 6


def unwrap(text: str) -> str:
    """A text wrapped at a fixed width (a terminal browser's dump, an e-mail)
    with its paragraphs joined again. A wrapped paragraph is a block between
    blank lines whose lines fill the width but the last, which ends a
    sentence; headers, lists and short lines are left as they are, and so is
    a text with fewer than ``WRAP_MIN_LINES`` lines in such blocks."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lengths = sorted(len(line.strip()) for line in raw if line.strip())
    if len(lengths) < WRAP_MIN_LINES:
        return text
    width = lengths[int(len(lengths) * 0.9) - 1]
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return text
    blocks, block = [], []
    for line in [*raw, ""]:
        if line.strip():
            block.append(line.strip())
        elif block:
            blocks.append(block)
            block = []

    def wrapped(b):
        # Wrapped lines break mid-sentence: lines that each end a sentence are a list or a poem.
        return (len(b) >= 2 and ends_sentence(b[-1]) and all(width - WRAP_SLACK <= len(x) <= width + 5 for x in b[:-1])
                and sum(1 for x in b[:-1] if ends_sentence(x)) <= len(b[:-1]) * 0.2)

    if sum(len(b) for b in blocks if wrapped(b)) < WRAP_MIN_LINES:
        return text
    return "\n\n".join(" ".join(b) if wrapped(b) else "\n".join(b) for b in blocks)


def read_text(text: str, outlet_names=()) -> Reading:
    """Take a saved page apart into headline, header, body and trailer."""
    text = unwrap(text)
    # A labelled clipping ("العنوان: …", "النص:"): the label is no part of the headline.
    # Only above the article: in it, "العنوان:" is as often an address.
    all_lines, in_article = [], False
    for line in clean_lines(text):
        if not in_article and _TITLE_LABEL.match(line):
            line = _TITLE_LABEL.sub("", line, count=1)
        in_article = in_article or is_paragraph(line) or (word_count(line) >= 8 and bool(_FULL_STOP_END.search(line)))
        all_lines.append(line)
    lines = [line for line in all_lines if line]
    # Which lines a blank line separates from the one before: a sidebar's list
    # and the headline under it are two blocks, not a headline and its deck.
    gaps, blank = [], False
    for line in all_lines:
        if line:
            gaps.append(blank)
        blank = not line
    kinds = [classify(line) for line in lines]
    known = {loose(n) for n in outlet_names}
    reading = Reading()

    # 1. The headline (``_pick_headline``): among the headline-like lines before
    # the first paragraph, the one a byline or date line follows.
    lead_at, candidates = None, []
    for i in range(min(len(lines), HEADLINE_SEARCH_LINES)):
        line, kind = lines[i], kinds[i]
        if kind == TEXT:
            # A paragraph, a dateline lead, or a whole sentence (a full stop after
            # eight words or more): the article has begun, headline or not.
            # (A dateline lead ends its sentence: "قطار الرياض- الدمام: …" with none is a headline.)
            if is_paragraph(line) or _LEAD_DATELINE.match(line) and word_count(line) > 12 and ends_sentence(line) or (
                    word_count(line) >= 8 and _FULL_STOP_END.search(line)) or (
                    word_count(line) >= LEAD_QUESTION_WORDS and ends_sentence(line)):
                lead_at = i
                break
            if is_headline(line) and loose(line) not in known:
                candidates.append(i)
    headline_at, group_end = _pick_headline(lines, kinds, candidates, lead_at, gaps)
    # Anything above the headline (or the lead) is the page's: banners,
    # taglines, menus, breaking-news bars, size buttons, a comment counter.
    top = headline_at if headline_at is not None else lead_at if lead_at is not None else 0
    reading.header_lines.extend(lines[:top])
    if headline_at is None:
        # "عاجل: Headline" above the date: the headline with its breaking label
        # (a bar elsewhere, but here the date follows it).
        for j in range(lead_at if lead_at is not None else 0):
            m = _BREAKING_HEADLINE.match(lines[j])
            if m and is_headline(m["rest"]) and any(kinds[k] == DATE for k in range(j + 1, min(j + 3, len(lines)))):
                reading.header_lines = lines[:j]
                lines[j] = m["rest"]
                headline_at = group_end = j
                break
    if headline_at is not None:
        reading.title = lines[headline_at]
        reading.header_lines.extend(lines[headline_at + 1:group_end + 1])  # the deck
        i = group_end + 1
        # 2. Header lines under the headline: dates, outlet names, datelines,
        # captions, furniture, and one- or two-word lines ("رووداو").
        while i < len(lines):
            line, kind = lines[i], kinds[i]
            if kind in (FURNITURE, DATE, HEADER, CAPTION, SOURCE) or (
                kind == TEXT and word_count(line) <= HEADER_MAX_WORDS and not ends_sentence(line)
            ):
                if kind == SOURCE:  # "المصدر: …" under the headline names the outlet too
                    reading.cues.insert(0, Cue(source_name(line), may_propose=True, where="سطر «المصدر»", names_site=True))
                reading.header_lines.append(line)
                i += 1
                continue
            break
        body_at = i
    elif lead_at is not None:
        body_at = lead_at
    else:
        # No paragraph among the first lines either: the first text line opens the body.
        body_at = next((j for j, k in enumerate(kinds) if k == TEXT), len(lines))
        reading.header_lines = [line for line in lines[:body_at]]

    # 3. The body, up to the first stop line; the trailer after it.
    for j in range(body_at, len(lines)):
        line, kind = lines[j], kinds[j]
        if kind == STOP:
            reading.trailer_lines = lines[j:]
            break
        if kind == SOURCE:
            reading.cues.insert(0, Cue(source_name(line), may_propose=True, where="سطر «المصدر»", names_site=True))
            reading.trailer_lines.append(line)
            continue
        if kind in (FURNITURE, CAPTION):
            continue
        if kind == DATE and not any(is_paragraph(b) or ends_sentence(b) for b in reading.body_lines):
            # A date line before the article's first sentence is the header's
            # ("headline, deck, Outlet، العدد 1234، 30 مايو 2018, lead").
            reading.header_lines.append(line)
            continue
        reading.body_lines.append(line)
    # A date line after the article's last sentence ("نشر بتاريخ: 22/02/2018") is the trailer's.
    while len(reading.body_lines) > 1 and is_date_line(reading.body_lines[-1]):
        reading.trailer_lines.insert(0, reading.body_lines.pop())
    reading.copyright_lines = [line for line, kind in zip(lines, kinds)
                               if kind == FURNITURE and _COPYRIGHT_LINE.search(loose(line))][:3]
    # A short last line may sign the page off with the outlet's name.
    reading.last_line = lines[-1] if lines and word_count(lines[-1]) <= 5 and kinds[-1] == TEXT else ""
    _drop_trailing_headlines(reading, lines, kinds, body_at)
    if not reading.body_lines or not any(is_paragraph(line) or ends_sentence(line) for line in reading.body_lines):
        from .verdict import error_page, is_error_page

        # Short of an article: say what the page is when it says so itself.
        if is_error_page("\n".join(lines[:12]), "\n".join(reading.body_lines)):
            raise error_page()
        from .verdict import consent_page, is_consent_page, is_login_page, login_page

        page_text = "\n".join(lines)
        if is_login_page("", page_text):
            raise login_page()
        if is_consent_page("", page_text):
            raise consent_page()
    if not reading.body_lines:
        from .verdict import index_page, is_index_page

        if is_index_page("\n".join(line for line, kind in zip(lines, kinds) if kind == TEXT)):
            raise index_page()
        raise IngestError(
            "لم يُعثر على نص المقال في الملف: لا فقرات فيه بعد العنوان.",
            "No article text was found in the file: there are no paragraphs after the headline.",
        )
    if not reading.title:
        reading.title = derive_title(reading.body_lines[0])
        reading.title_derived = True

    _collect_cues_and_dateline(reading)
    return reading


# A sentence ends with its stop, perhaps inside a closing quote or bracket.
_SENTENCE_END = re.compile(r"[.!؟?…:][\"»”)\]]*\s*$")


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def _drop_trailing_headlines(reading, lines, kinds, body_at):
    """Related headlines at the end of a page, under a share widget or a
    copyright line rather than a "related" heading: the short lines that end
    no sentence at the end of the body, from the first of them that page
    furniture separates from what comes before."""
    body = reading.body_lines
    if len(body) < 2:
        return
    # Where each body line stands in the page.
    positions, at = [], body_at
    for line in body:
        try:
            at = lines.index(line, at)
        except ValueError:
            return
        positions.append(at)
        at += 1
    run = len(body)
    while run > 1 and not is_paragraph(body[run - 1]) and not ends_sentence(body[run - 1]):
        run -= 1
    for k in range(max(run, 1), len(body)):
        if any(kinds[j] in (FURNITURE, CAPTION) for j in range(positions[k - 1] + 1, positions[k])):
            del body[k:]
            return


def _collect_cues_and_dateline(reading):
    cues = list(reading.cues)  # source lines come first
    trailer = reading.trailer_lines
    for j, line in enumerate(trailer):
        if loose(line) == loose("عن مصدر الخبر"):
            following = [t for t in trailer[j + 1:] if classify(t) == TEXT]
            if following:
                cues.append(Cue(following[0], may_propose=True, where="فقرة «عن مصدر الخبر»"))
    for line in reading.header_lines:
        if classify(line) == SOURCE and not any(c.where == "سطر «المصدر»" for c in cues):
            # "الصحيفة: …" above the headline (a clipping's header table).
            cues.insert(0, Cue(source_name(line), may_propose=True, where="سطر «المصدر»", names_site=True))
        m = BRACKET_TAG.match(line)
        if m and not dates.date_in_line(line):  # "(نشر في 21 يوليو 2015 - Outlet)" is a byline, read below
            cues.append(Cue(m["outlet"], where="وسم الوكالة بعد مكان الخبر"))
            reading.dateline = reading.dateline or m["place"].strip()
            continue
        kind = classify(line)
        m = OUTLET_DATELINE.match(line)
        if m and word_count(line) <= 6 and kind == HEADER:
            # The habit is "outlet – place"; ``pipeline.prepare`` swaps the two
            # when the first turns out to be the place. The second is also
            # asked for ("أبوظبي - سكاي نيوز عربية"): a known outlet there wins,
            # and ``draft_from_text`` then takes the first as the dateline.
            cues.append(Cue(m["a"].strip(), may_propose=True, where="سطر «المصدر – المكان» تحت العنوان"))
            cues.append(Cue(m["b"].strip(), where="سطر «المكان – المصدر» تحت العنوان"))
            reading.pairs.append((m["a"].strip(), m["b"].strip()))
            reading.dateline = reading.dateline or m["b"].strip()
        elif kind == DATE:
            # A byline "بي بي سي عربي | 28 شباط/فبراير 2018": what is left
            # beside the date names the outlet, if it is a known one.
            rest = date_line_rest(line)
            if rest:
                cues.append(Cue(rest, where="سطر الكاتب والتاريخ", names_site=True))
    lead = reading.body_lines[0]
    title = loose(reading.title) if not reading.title_derived else ""
    for line in reading.header_lines:
        # A printed page's header "Headline | Outlet": the part after the headline.
        plain = loose(line)
        if title and plain.startswith(title) and len(plain) > len(title):
            m = re.match(r"\s*[|\-–—•»:]\s*(?P<name>.{2,60})$", line[len(reading.title):]) if line.startswith(reading.title) else None
            if m:
                cues.append(Cue(m["name"].strip(), where="ذيل عنوان الصفحة", names_site=True))
    m = _LEAD_PREFIX.match(lead)
    if m:
        # "دبي - العربية.نت: …", "فرانس 24 / أ ف ب: …": a place and an outlet before the colon.
        for part in re.split(r"\s*[-–—/،,]\s*|\s*[()«»]\s*", m["prefix"]):
            if part.strip():
                cues.append(Cue(part.strip(), where="مطلع الخبر"))
    m = _LEAD_DATELINE.match(lead)
    if m and not reading.dateline:
        reading.dateline = m["place"].strip()
    if m and (m["outlet"] or m["outlet2"]):
        cues.append(Cue(m["outlet"] or m["outlet2"], where="مطلع الخبر"))
    # Domains named at the top or the bottom of the page.
    for line in [*reading.header_lines, lead, *trailer]:
        for found in re.findall(r"(?<![a-z0-9.])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|iq|tv|news|sa|ae|co\.uk)\b", line, re.I):
            cues.append(Cue(found, where="نطاق مذكور في الصفحة"))
    if not reading.title_derived:
        for m in TITLE_TO.finditer(reading.title):
            cues.append(Cue(m["name"], where="العنوان"))
    # "By Ahmad Ali, Sky News Arabia", "بقلم فلان، سكاي نيوز عربية": the outlet after the author.
    for line in reading.header_lines:
        m = _BYLINE_OUTLET.match(loose(line))
        if m:
            cues.append(Cue(line[-len(m["outlet"]):].strip() if line.lower().endswith(m["outlet"]) else m["outlet"],
                            where="سطر الكاتب", names_site=True))
    if reading.last_line:
        # (Exact names only: a last line "الرياض" is as often the city as the paper.)
        cues.append(Cue(reading.last_line, where="السطر الأخير من الملف"))
    # "© 2023 Okaz. جميع الحقوق محفوظة": the name in a copyright line, weakest.
    for line in reading.copyright_lines:
        if _COPYRIGHT_LINE.search(loose(line)) and word_count(line) <= 12:
            name = " ".join(_COPYRIGHT_NAME.sub(" ", loose(line)).split())
            if name:
                cues.append(Cue(name, where="سطر حقوق النشر", names_site=True))
    # A header line that is only a name ("رووداو") names a known outlet or nothing.
    for line in reading.header_lines:
        if classify(line) == TEXT and word_count(line) <= 5:
            cues.append(Cue(line, where="سطر في رأس الصفحة"))
    reading.cues = cues


def date_zone(reading) -> str:
    """The lines a publication date may be taken from: header, lead, trailer."""
    lead = reading.body_lines[0] if reading.body_lines else ""
    # Furniture dates nothing: an e-mail's "Sent:" line, a counter, a bar.
    header = [line for line in reading.header_lines if classify(line) != FURNITURE]
    return "\n".join([*header, lead, *reading.trailer_lines])


def draft_from_text(text: str, source_name: str = "", catalog=None, fmt="text", extra_cues=()) -> Draft:
    outlet_index = catalog.outlets if catalog is not None else None
    reading = read_text(text, outlet_names=(outlet_index.names.values() if outlet_index else ()))
    draft = Draft(title=reading.title, body="\n\n".join(reading.body_lines), source_name=source_name, format=fmt)
    if reading.title_derived:
        draft.warn(DERIVED_TITLE_WARNING)
        draft.provenance["title"] = "مأخوذ من الجملة الأولى (لا عنوان في الملف)"
    else:
        draft.provenance["title"] = "أول سطر بشكل عنوان قبل الفقرات"
    found = dates.find_date(date_zone(reading))
    if found:
        draft.published, draft.date_precision = found[0], found[1]
        draft.provenance["date"] = date_provenance(found[2], reading)
    else:
        draft.warn(NO_DATE_WARNING)
    draft.dateline_name = reading.dateline
    if outlet_index is not None:
        resolve([*reading.cues, *extra_cues, *file_name_cues(source_name)], outlet_index).apply(draft)
        settle_dateline(draft, reading, outlet_index)
    return draft


def date_provenance(matched, reading):
    """"«14 مايو ,2018» في رأس الصفحة": the date as printed and where."""
    for place, lines in (("رأس الصفحة", reading.header_lines), ("مطلع الخبر", reading.body_lines[:1]),
                         ("ذيل الصفحة", reading.trailer_lines)):
        for line in lines:
            if matched in line:
                label = "سطر «نشر في»" if re.search(r"نشر|بتاريخ", line) else place
                return f"«{matched}» — {label}" if label == place else f"«{matched}» — {label} في {place}"
    return f"«{matched}»"


def settle_dateline(draft, reading, outlet_index):
    """"أبوظبي - سكاي نيوز عربية": when the outlet is the second of a header
    pair, the first is the dateline."""
    if draft.outlet_id is None:
        return
    for a, b in reading.pairs:
        if outlet_index.find_name(b) == draft.outlet_id and draft.dateline_name in (b, None):
            draft.dateline_name = a


# Titles made from a lead sentence stop at a clause boundary or a word, about here.
TITLE_MAX_CHARS = 120
TITLE_MIN_CHARS = 40


def derive_title(lead: str) -> str:
    """A headline made from the lead sentence: its first clause or two, cut at a word.

    The publication date a lead often carries ("اليوم السبت (22 أيار 2021)")
    is no part of a headline and is left out.
    """
    text = lead
    found = dates.date_in_line(text)
    if found:
        start = text.find(found[2])
        before = re.sub(rf"(?:اليوم|أمس|امس)?\s*(?:{dates._WEEKDAYS})?\s*[،,]?\s*\(?\s*$", "", text[:start])
        after = re.sub(r"^\s*\)?\s*", "", text[start + len(found[2]):])
        text = f"{before.rstrip()} {after}".strip()
        text = re.sub(r"\s*([،,])\s*[،,]\s*", r"\1 ", text)
    text = _LEAD_DATELINE.sub("", text, count=1) if _LEAD_DATELINE.match(text) and word_count(text) > 12 else text
    text = re.sub(r"\s+", " ", text).strip()
    # The first sentence.
    sentence = re.split(r"(?<=[.!؟?])\s", text, maxsplit=1)[0].rstrip(".")
    if len(sentence) <= TITLE_MAX_CHARS:
        return sentence
    # The longest run of whole clauses that fits.
    cut = -1
    for m in re.finditer(r"[،,؛;]", sentence):
        if TITLE_MIN_CHARS <= m.start() <= TITLE_MAX_CHARS:
            cut = m.start()
    if cut > 0:
        return sentence[:cut].strip()
    words, title = sentence.split(), ""
    for word in words:
        if len(title) + len(word) + 1 > TITLE_MAX_CHARS:
            break
        title = f"{title} {word}".strip()
    return f"{title}…"
