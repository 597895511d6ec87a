"""What a text save says about its outlet, its dateline and its date, and where each was found.

``read_text`` takes a page apart (``archive.ingest.text``); this module
collects from the parts the cues that may name the outlet (source lines, a
byline beside the date, a header pair "outlet – place", a lead's dateline, a
domain, the title's suffix, a copyright line, a last line signing the page
off), the dateline, the lines a publication date may be taken from, and says
where the date was printed.
"""
import re

from . import dates
from .lines import (
    _LEAD_DATELINE, DATE, FURNITURE, HEADER, SOURCE, TEXT, classify, date_line_rest, source_name,
)
from .normalize import loose, word_count
from .outlets import (
    BRACKET_TAG, OUTLET_DATELINE, TITLE_SEPARATORS, TITLE_TO, Cue, a_common_word, copyright_name, dateline_cues, exclusive_parts, hosts_in,
    named_parts, place_outlet_cues,
)


# "By Ahmad Ali, Sky News Arabia", "كتب: أحمد علي - العربية.نت".
_BYLINE_OUTLET = re.compile(r"^(?:by|بقلم|كتب|كتبت)\s*[:：]?\s*[^,،\-–—]{2,40}?\s*(?:[,،]|\s[-–—])\s*(?P<outlet>[^,،]{2,40})$", re.I)
# A lead's dateline with a date in it, the outlet in brackets before the dash:
# "بغداد - 12 آذار/مارس 2018 (رويترز) - ".
_LEAD_PAREN_OUTLET = re.compile(r"^[^()\n]{2,70}?\((?P<outlet>[^()\d][^()]{1,39})\)\s*[-–—:]")
# The start of a lead up to its colon, when short: "دبي - العربية.نت: ".
_LEAD_PREFIX = re.compile(r"^(?P<prefix>(?:[^:.!؟\n]|\.(?=\S)){2,60}?)\s*:(?!\d)")
_COPYRIGHT_LINE = re.compile(r"©|\(c\)|copyright|جميع الحقوق|حقوق (?:النشر|الطبع)|الحقوق محفوظه|all rights reserved", re.I)
# A name in quotation marks, as a paper writes its own in a byline ("لندن - «الشرق الأوسط»").
_QUOTED = re.compile(r"[«\"“](?P<name>[^«»\"“”]{2,40})[»\"”]")

_PLACE_COLON_QUOTED = re.compile(r"^(?P<place>[^:«»\"“”\d]{2,30}?)\s*:\s*(?P<name>[«\"“][^«»\"“”]{2,40}[»\"”])$")



def collect_cues_and_dateline(reading):
    cues = list(reading.cues)  # source lines come first
    trailer = reading.trailer_lines
    for j, line in enumerate(trailer):
        if loose(line) == loose("عن مصدر الخبر"):
            following = [t for t in trailer[j + 1:] if classify(t) == TEXT]
            if following:
                cues.append(Cue(following[0], may_propose=True, where="فقرة «عن مصدر الخبر»"))
    for line in reading.header_lines:
        exclusive = exclusive_parts(line)
        if exclusive is not None:
            # "بغداد - خاص بـX", "(خاص بـ«X»)", "خاص - X": X is the site; "بغداد - خاص" names none.
            names, others = exclusive
            cues.extend(Cue(name, may_propose=True, names_site=True, where=EXCLUSIVE_WHERE) for name in names)
            cues.extend(Cue(part, where=EXCLUSIVE_WHERE) for part in others if not names)
            if names and others:
                reading.dateline = reading.dateline or others[0]
            continue
        if classify(line) == SOURCE and not any(c.where == "سطر «المصدر»" for c in cues):
            # "الصحيفة: …" above the headline (a clipping's header table).
            cues.insert(0, Cue(source_name(line), may_propose=True, where="سطر «المصدر»", names_site=True))
        m = BRACKET_TAG.match(line)
        if m and not dates.date_in_line(line):  # "(نشر في 21 يوليو 2015 - Outlet)" is a byline, read below
            cues.append(Cue(m["outlet"], where="وسم الوكالة بعد مكان الخبر"))
            reading.dateline = reading.dateline or m["place"].strip()
            continue
        m = _PLACE_COLON_QUOTED.match(line.strip())
        if m:
            # "لندن: «الشرق الأوسط»": the place, then the paper's own name in quotes.
            cues.append(Cue(_QUOTED.fullmatch(m["name"])["name"], may_propose=True, names_site=True,
                            where="سطر «المكان: المصدر» تحت العنوان"))
            reading.dateline = reading.dateline or m["place"].strip()
            continue
        kind = classify(line)
        m = OUTLET_DATELINE.match(line)
        if m and word_count(line) <= 6 and kind == HEADER:
            # The habit is "outlet – place"; ``pipeline.prepare`` swaps the two
            # when the first turns out to be the place. The second is also
            # asked for ("أبوظبي - سكاي نيوز عربية"): a known outlet there wins,
            # and ``draft_from_text`` then takes the first as the dateline.
            a, b = m["a"].strip(), m["b"].strip()
            if "/" in a:
                # "الجزيرة/ القاهرة - الكاتب": the outlet, a slash, the place.
                a = a.split("/")[0].strip() or a
            quoted = _QUOTED.fullmatch(b)
            if quoted and not _QUOTED.fullmatch(a):
                # "بغداد - «الشرق الأوسط»": the paper quotes its own name after the place.
                cues.append(Cue(quoted["name"], may_propose=True, names_site=True,
                                where="سطر «المكان – المصدر» تحت العنوان"))
                reading.dateline = reading.dateline or a
                continue
            cues.append(Cue(a, may_propose=True, where="سطر «المصدر – المكان» تحت العنوان"))
            cues.append(Cue(b, where="سطر «المكان – المصدر» تحت العنوان"))
            reading.pairs.append((a, b))
            reading.dateline = reading.dateline or b
        elif kind == DATE:
            # A byline "بي بي سي عربي | 28 شباط/فبراير 2018": what is left
            # beside the date names the outlet, if it is a known one.
            rest = date_line_rest(line)
            if rest:
                cues.append(Cue(rest, where="سطر الكاتب والتاريخ", names_site=True))
    for line in [*reading.header_lines, *trailer]:
        # The fields of a source or date line, each an exact name: "صحيفة اليوم" in
        # "المصدر: صحيفة اليوم، أغسطس 2015" ("اليوم" is also a date's "today").
        if classify(line) in (SOURCE, DATE):
            cues.extend(Cue(part, where="سطر المصدر أو التاريخ") for part in named_parts(line))
    for line in [*reading.header_lines, *trailer]:
        # "* المصدر: SANA", "• المصدر: …": a source line after a bullet, read as the line without it.
        unbulleted = _BULLET.sub("", line)
        if unbulleted != line and classify(unbulleted) == SOURCE:
            cues.append(Cue(source_name(unbulleted), may_propose=True, where="سطر «المصدر»", names_site=True))
    for line in trailer:
        # "نشر بتاريخ 12 آذار 2018 في بي بي سي عربي" under the article.
        if classify(line) == DATE:
            rest = date_line_rest(line)
            if rest:
                cues.append(Cue(rest, where="سطر التاريخ في ذيل الصفحة", names_site=True))
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
        cues.extend(place_outlet_cues(m["prefix"]))
    # "بغداد - واع - …", "حلب/ رويترز/ …": an agency's dateline, its parts exact names, read in the lead and
    # in the page's first long line, as a Word file's lead is found (``docx.LEAD_MIN_WORDS``): the dateline
    # stands there whatever the line reader made of the lines around it.
    page_lines = reading.page[0] if reading.page else []
    long_line = next((line for line in page_lines if word_count(line) >= LEAD_MIN_WORDS), "")
    cues.extend(dateline_cues(lead) + (dateline_cues(long_line) if long_line != lead else []))
    m = _LEAD_DATELINE.match(lead)
    if m and not reading.dateline:
        reading.dateline = m["place"].strip()
    if m and (m["outlet"] or m["outlet2"]):
        cues.append(Cue(m["outlet"] or m["outlet2"], where="مطلع الخبر"))
    m = _LEAD_PAREN_OUTLET.match(lead)
    if m:  # "بغداد - 12 آذار/مارس 2018 (رويترز) - …": an agency's dateline with its date
        cues.append(Cue(m["outlet"].strip(), where="مطلع الخبر", names_site=True))
    # Domains named at the top or the bottom of the page.
    for line in [*reading.header_lines, lead, *trailer]:
        # (Any domain, whatever its country's ending: wafa.ps, saba.ye, almanar.com.lb; only a
        # catalogue outlet's names one.)
        for host, path in hosts_in(line):
            cues.append(Cue(host + path.split("?")[0][:60], where="نطاق مذكور في الصفحة"))
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
    # (Also a copyright line the line reader did not take for furniture, "الحقوق محفوظة 2018 - عكاظ",
    # among the page's last lines.)
    tail = [line for line in page_lines[-COPYRIGHT_TAIL_LINES:] if line not in reading.copyright_lines]
    for line in [*reading.copyright_lines, *tail]:
        if _COPYRIGHT_LINE.search(loose(line)) and word_count(line) <= 12:
            name = copyright_name(line)
            if name:
                cues.append(Cue(name, where="سطر حقوق النشر", names_site=True))
    # A header line that is only a name ("رووداو") names a known outlet or nothing.
    for line in reading.header_lines:
        if classify(line) == TEXT and word_count(line) <= 5:
            cues.append(Cue(line, where="سطر في رأس الصفحة"))
    # Weakest: a name alone beside the headline may be printed without its kind
    # word ("الشرق الأوسط" for "صحيفة الشرق الأوسط"), asked for only when no other cue names an outlet.
    # (Two words or more: "الرياض" alone is as often the city as the paper.)
    cues.extend(Cue(line, where="سطر الاسم بجانب العنوان", names_site=True)
                for line in reading.name_lines if word_count(line) >= 2)
    # A text logo run into the menu on the page's first line, when that line is neither the headline nor the text's.
    first = page_lines[0] if page_lines else ""
    if first and loose(first) != loose(reading.title or "") and first not in reading.body_lines:
        cues.extend(menu_logo_cues(first))
    reading.cues = cues


_BULLET = re.compile(r"^\s*[*•·▪►\-–—]+\s*")
EXCLUSIVE_WHERE = "سطر «خاص بـ…» تحت العنوان"
LEAD_MIN_WORDS = 15  # as a Word file's lead (``docx.LEAD_MIN_WORDS``)
# How many of a page's last lines are asked for a copyright line whatever the line reader made of them.
COPYRIGHT_TAIL_LINES = 8


def date_zone(reading) -> str:
    """The lines a publication date may be taken from: header, lead, trailer."""
    lead = reading.body_lines[0] if reading.body_lines else ""
    # Furniture dates nothing: an e-mail's "Sent:" line, a counter, a bar.
    # The lines under the headline are read before those above it: a site's top
    # bar prints the day the page was seen, the article's byline its own.
    above = reading.above_headline
    header = [line for line in [*reading.header_lines[above:], *reading.header_lines[:above]]
              if classify(line) != FURNITURE]
    return "\n".join([*header, lead, *reading.trailer_lines])

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


# A site's own calls to action: "حمّل تطبيق سكاي نيوز عربية الآن", "تابعوا الحرة على فيسبوك وتويتر",
# "تابعونا على تويتر @aawsat_News". They stand anywhere (between paragraphs, under the article,
# in the footer), are short, and name the site that prints them.
_APP_PROMPT = re.compile(
    r"^(?:حملوا|حمل|نزلوا|نزل|قم بتحميل|تحميل|download|get)\s+(?:ال)?(?:تطبيق|app)\s+(?P<name>.{2,40}?)"
    r"(?:\s+(?:الان|مجانا|مجانًا|عل[ىي]|عبر|من|للهواتف|لهاتفك|للاندرويد|للايفون|now|for|on)\b.*)?[.!:]?$", re.I)
_SOCIAL = r"(?:فيسبوك|فيس بوك|فايسبوك|تويتر|تويت|اكس|انستغرام|انستجرام|انستقرام|يوتيوب|تلغرام|تليغرام|تلجرام|واتساب|واتس اب|" \
          r"مواقع التواصل|وسائل التواصل|شبكات التواصل|منصات التواصل|facebook|twitter|instagram|youtube|telegram)"
_FOLLOW = re.compile(rf"^(?:تابعوا|تابعونا|تابعنا|تابع|follow)\s+(?P<name>.{{2,40}}?)\s+(?:عل[ىي]|عبر|في|on)\s+{_SOCIAL}", re.I)
_HANDLE = re.compile(r"(?<![\w@])@(?P<handle>[A-Za-z0-9_]{3,30})\b")
_FOLLOW_LINE = re.compile(rf"^(?:تابعوا|تابعونا|تابعنا|تابع|follow|حساب)\b.*{_SOCIAL}|^{_SOCIAL}\s*[:：]", re.I)
CALL_WORDS = 12


# The first line of a save: a tab title ("Headline - Outlet", "Outlet | Headline", "Headline ~ Outlet") or a
# logo and its slogan ("دير الزور 24 | الخبر كما هو"), its parts parted as a page's title parts them
# (``outlets.TITLE_SEPARATORS``).


def whole_text_cues(text, outlet_index):
    """Cues read from the whole text, whatever the reader made of its lines: the first
    line's parts (exact names only: "الرئيسية | أخبار" names nothing) and the calls to action."""
    first = next((line.strip() for line in (text or "").split("\n") if line.strip()), "")
    # "[صحيفة سبق]": a logo's alternative text, as a browser's text save prints an image.
    logo = re.fullmatch(r"\[([^\[\]]{2,40})\]", first)
    cues = [Cue(logo[1].strip(), where="السطر الأول من الملف")] if logo else []
    cues += [Cue(part.strip(), where="السطر الأول من الملف") for part in TITLE_SEPARATORS.split(first)
             if 2 <= len(part.strip()) <= 40] if TITLE_SEPARATORS.search(first) else []
    return cues + call_to_action_cues(text, outlet_index)


MENU_ITEMS_AFTER_LOGO = 4


def menu_logo_cues(first):
    """"Associated Press الرئيسية أخبار سياسة اقتصاد": a text logo run into the menu on a save's first line
    (a browser writes the logo's text and the menu's items on one line). The line's first words, two
    to five, each asked for as the site's name, when at least four words follow and the line is no sentence
    (no digit, no sentence or clause mark). One word only exactly, and only when the corpus seldom writes
    it: a menu's first item "العربية" is a section as often."""
    words = (first or "").split()
    if len(words) < MENU_ITEMS_AFTER_LOGO + 1 or re.search(r"[\d.!؟?:،,؛|]", first):
        return []
    cues = []
    # Shortest first (a name of one word last): a longer run holding a menu item would be matched by
    # the catalogue's containment rule ("National Iraqi News Agency الرئيسية" holds "Iraqi News Agency").
    for n in [*range(2, min(5, len(words) - MENU_ITEMS_AFTER_LOGO) + 1), 1]:
        name = " ".join(words[:n])
        if n == 1 and not name.isascii() and a_common_word(name):
            continue
        cues.append(Cue(name, where="شعار الموقع في سطر القائمة الأول", names_site=n > 1))
    return cues


def call_to_action_cues(text, outlet_index):
    """Cues from the site's calls to action in a text's short lines (matched loosened: "على" is "علي" there): the name in an app
    prompt or a "follow X on …" line (where the site names itself), and the account a
    "follow us on Twitter @handle" line gives (``OutletIndex.find_handle``: one outlet's
    domain, or nothing)."""
    cues = []
    for line in (text or "").split("\n"):
        if not line.strip() or word_count(line) > CALL_WORDS:
            continue
        plain = loose(line).strip(" \t•-–—|")
        m = _APP_PROMPT.match(plain) or _FOLLOW.match(plain)
        if m and not re.match(r"(?:عل[ىي]|عبر|في)\s", m["name"]):  # "تابعونا عبر صفحتنا على فيسبوك": no name
                cues.append(Cue(m["name"], where="سطر يدعو إلى تطبيق الموقع أو متابعته", names_site=True))
        if _FOLLOW_LINE.search(plain) and outlet_index is not None:
            for found in _HANDLE.finditer(line):
                pk = outlet_index.find_handle(found["handle"])
                if pk:
                    cues.append(Cue(outlet_index.names[pk], where=f"حساب الموقع «@{found['handle']}»"))
    return cues
