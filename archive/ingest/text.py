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
from .outlets import BRACKET_TAG, OUTLET_DATELINE, TITLE_TO, Cue, resolve

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
    r"^(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|email|فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تيليغرام|لينكد ان)[\s,،|]*){2,}$",
    r"^(?:الاسم|البريد الالكتروني|ارسال|إرسال|ارسل تعليقك|اسمك|بريدك الالكتروني)\s*\*?$",
    r"^النص المطلوب",
    r"^(?:تابعونا|تابعنا) (?:علي|على)",
    r"^(?:الصفحه الرئيسيه|الرئيسيه)$",
    # "منذ 3 ساعات", "عدد المشاهدات: 120", "حجم الخط", "تكبير الخط".
    r"^(?:منذ|قبل) \d+ (?:ثانيه|ثوان|ثواني|دقيقه|دقائق|ساعه|ساعات|يوم|ايام|اسبوع|اسابيع|شهر|اشهر)$",
    r"^(?:عدد )?(?:المشاهدات|مشاهدات|القراءات|قراءات)\s*[:：]?\s*\d*$",
    r"^\d+\s*(?:مشاهده|مشاهدات|قراءه|قراءات)$",
    r"^(?:حجم الخط|تكبير الخط|تصغير الخط)",
    # Bylines: "بقلم: فلان", "كتب - فلان الفلاني".
    r"^(?:بقلم|كتب|كتبت|اعداد|تحرير|ترجمه|تصوير|متابعه)\s*[:：\-–]\s*\S+(?:\s\S+){0,4}$",
)]
# After one of these only the page's trailer follows.
_STOP = [re.compile(p) for p in (
    r"^عن مصدر الخبر$",
    r"^يمكنك قراءه الخبر",
    r"^(?:التعليقات|تعليقات)\s*(?:\(\s*\d+\s*\))?$",
    r"^اضف تعليق",
    r"^(?:اكتب|ادخل) تعليق",
    r"^لا توجد تعليقات",
    r"^علق كضيف",
    r"^(?:مواضيع|اخبار|مقالات) ذات صله",
    r"^(?:الاكثر قراءه|الاكثر مشاهده|اقرا ايضا)$",
)]
_SOURCE = re.compile(r"^(?:المصدر|مصدر الخبر|source)\s*[:：]\s*(?P<name>.{2,80})$")
_RAW_SOURCE = re.compile(r"^(?:المصدر|مصدر الخبر|source)\s*[:：]\s*", re.I)
# "قوات عراقية قرب الحويجة، أرشيف", "(صورة أرشيفية)", "صورة: ..."
_CAPTION = re.compile(r"(?:[،,(\-–]\s*(?:ارشيف|صوره ارشيفيه)\)?$|^\(?(?:صوره|الصوره|تصوير)\s*[:(])")

# A paragraph is longer than a headline ever is.
PARAGRAPH_WORDS = 35
PARAGRAPH_CHARS = 250
HEADLINE_MIN_WORDS = 4
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


_MENU_SPLIT = re.compile(r"\s*[|•·]\s*")


def is_menu(line: str) -> bool:
    """A site menu saved as one line: three or more short items between | • ·
    ("الرئيسية | أخبار | رياضة"). A byline "Outlet | date" has two and stays."""
    parts = [p for p in _MENU_SPLIT.split(line) if p.strip()]
    return len(parts) >= 3 and all(word_count(p) <= 3 for p in parts)


def classify(line: str) -> str:
    simple = loose(line)
    if not has_letters(line) and not re.search(r"\d", line):
        return FURNITURE
    if is_menu(line):
        return FURNITURE
    if any(p.search(simple) for p in _STOP):
        return STOP
    if _SOURCE.match(simple):
        return SOURCE
    if any(p.search(simple) for p in _FURNITURE):
        return FURNITURE
    if is_date_line(line):
        return DATE
    if BRACKET_TAG.match(line) or (OUTLET_DATELINE.match(line) and word_count(line) <= 6):
        return HEADER
    if word_count(line) <= 8 and _CAPTION.search(simple):
        return CAPTION
    return TEXT


def is_date_line(line: str) -> bool:
    found = dates.date_in_line(line)
    if not found:
        return False
    rest = line.replace(found[2], " ")
    return word_count(rest) <= 3 and word_count(line) <= dates.SHORT_LINE_WORDS


def is_paragraph(line: str) -> bool:
    return word_count(line) > PARAGRAPH_WORDS or len(line) > PARAGRAPH_CHARS


def is_headline(line: str) -> bool:
    return (
        HEADLINE_MIN_WORDS <= word_count(line) and not is_paragraph(line)
        and arabic_share(line) >= 0.5
    )


def read_text(text: str, outlet_names=()) -> Reading:
    """Take a saved page apart into headline, header, body and trailer."""
    lines = [line for line in clean_lines(text) if line]
    kinds = [classify(line) for line in lines]
    known = {loose(n) for n in outlet_names}
    reading = Reading()

    # 1. The headline: the first headline-like line before the first paragraph.
    i, headline_at, lead_at = 0, None, None
    while i < len(lines) and i < HEADLINE_SEARCH_LINES:
        line, kind = lines[i], kinds[i]
        if kind == TEXT:
            if is_paragraph(line) or _LEAD_DATELINE.match(line) and word_count(line) > 12:
                lead_at = i
                break
            if is_headline(line) and loose(line) not in known:
                headline_at = i
                break
        # Anything else above the headline is the page's: banners, taglines,
        # menus, size buttons, even a comment counter.
        reading.header_lines.append(line)
        i += 1
    if headline_at is not None:
        reading.title = lines[headline_at]
        i = headline_at + 1
        # 2. Header lines under the headline: dates, outlet names, datelines,
        # captions, furniture, and one- or two-word lines ("رووداو").
        while i < len(lines):
            line, kind = lines[i], kinds[i]
            if kind in (FURNITURE, DATE, HEADER, CAPTION, SOURCE) or (
                kind == TEXT and word_count(line) <= 2 and not line.endswith((".", ":"))
            ):
                if kind == SOURCE:  # "المصدر: …" under the headline names the outlet too
                    reading.cues.insert(0, Cue(_RAW_SOURCE.sub("", line), may_propose=True))
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
            reading.cues.insert(0, Cue(_RAW_SOURCE.sub("", line), may_propose=True))
            reading.trailer_lines.append(line)
            continue
        if kind in (FURNITURE, CAPTION) or (kind == DATE and j == body_at):
            continue
        reading.body_lines.append(line)
    if not reading.body_lines:
        raise IngestError(
            "لم يُعثر على نص المقال في الملف: لا فقرات فيه بعد العنوان.",
            "No article text was found in the file: there are no paragraphs after the headline.",
        )
    if not reading.title:
        reading.title = derive_title(reading.body_lines[0])
        reading.title_derived = True

    _collect_cues_and_dateline(reading)
    return reading


def _collect_cues_and_dateline(reading):
    cues = list(reading.cues)  # source lines come first
    trailer = reading.trailer_lines
    for j, line in enumerate(trailer):
        if loose(line) == loose("عن مصدر الخبر"):
            following = [t for t in trailer[j + 1:] if classify(t) == TEXT]
            if following:
                cues.append(Cue(following[0], may_propose=True))
    for line in reading.header_lines:
        m = BRACKET_TAG.match(line)
        if m:
            cues.append(Cue(m["outlet"]))
            reading.dateline = reading.dateline or m["place"].strip()
            continue
        m = OUTLET_DATELINE.match(line)
        if m and word_count(line) <= 6 and classify(line) == HEADER:
            # The habit is "outlet – place"; ``pipeline.prepare`` swaps the two
            # when the first turns out to be the place.
            cues.append(Cue(m["a"].strip(), may_propose=True))
            reading.dateline = reading.dateline or m["b"].strip()
    lead = reading.body_lines[0]
    m = _LEAD_DATELINE.match(lead)
    if m and not reading.dateline:
        reading.dateline = m["place"].strip()
    if m and (m["outlet"] or m["outlet2"]):
        cues.append(Cue(m["outlet"] or m["outlet2"]))
    # Domains named at the top or the bottom of the page.
    for line in [*reading.header_lines, lead, *trailer]:
        for found in re.findall(r"(?<![a-z0-9.])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|iq|tv|news|sa|ae|co\.uk)\b", line, re.I):
            cues.append(Cue(found))
    if not reading.title_derived:
        for m in TITLE_TO.finditer(reading.title):
            cues.append(Cue(m["name"]))
    # A header line that is only a name ("رووداو") names a known outlet or nothing.
    for line in reading.header_lines:
        if classify(line) == TEXT and word_count(line) <= 3:
            cues.append(Cue(line))
    reading.cues = cues


def date_zone(reading) -> str:
    """The lines a publication date may be taken from: header, lead, trailer."""
    lead = reading.body_lines[0] if reading.body_lines else ""
    return "\n".join([*reading.header_lines, lead, *reading.trailer_lines])


def draft_from_text(text: str, source_name: str = "", catalog=None, fmt="text") -> Draft:
    outlet_index = catalog.outlets if catalog is not None else None
    reading = read_text(text, outlet_names=(outlet_index.names.values() if outlet_index else ()))
    draft = Draft(title=reading.title, body="\n\n".join(reading.body_lines), source_name=source_name, format=fmt)
    if reading.title_derived:
        draft.warn(DERIVED_TITLE_WARNING)
    found = dates.find_date(date_zone(reading))
    if found:
        draft.published, draft.date_precision = found[0], found[1]
    else:
        draft.warn(NO_DATE_WARNING)
    draft.dateline_name = reading.dateline
    if outlet_index is not None:
        resolve(reading.cues, outlet_index).apply(draft)
    return draft


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
