"""The publication date printed near the top of an article, and how much of it.

Candidates are found with patterns (a day, a month name and a year; a numeric
day-month-year; an ISO date; a month and a year; a year alone on its line) and
each is parsed by dateparser. dateparser's own text search is not used: it
reads ``اليوم`` ("today") as a date, and an archive must never date an article
by the day it was imported.

Where a date is taken from matters as much as how it is parsed:

- a short line (a header, a dateline, a page's date line) may give a day, a
  month ("أيار 2021", month precision) or, when the line is only a year, a year;
- a paragraph may give only a full day-month-year, and only near its start or
  right after "اليوم السبت" / "الموافق" / "(" — a date deep in a sentence is an
  event the article talks about, not the day it was published;
- a date in the future or before 1990 is never a publication date here; nor is
  a copyright line ("© 2023").

Callers pass only the top of an article (header lines and the lead) and, for
web pages, the lines after the text: see ``archive.ingest.text``.
"""
from datetime import date, datetime, timedelta
import functools
import re

# dateparser 1.5 refuses a list of locales of one language ("Locales should not
# have same language and different region"). ar-IQ is a superset for our
# purpose: the Levantine month names (شباط، أيار، كانون الأول) on top of the
# Egyptian and Gulf ones (فبراير، مايو، أغسطس) every Arabic locale knows.
LOCALES = ["ar-IQ"]
SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_LOCALE_DATE_ORDER": False,
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}
EARLIEST = date(1990, 1, 1)

DAY, MONTH, YEAR = "day", "month", "year"

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Short vowels and shadda ("أيّار") as tatweel, which a month's spelling allows: one character for one.
_MARKS = str.maketrans({c: "ـ" for c in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"})

# Month names as printed, each with the spelling dateparser's ar-IQ knows.
_MONTHS = {
    1: ["كانون الثاني", "كانون ثاني", "يناير", "جانفي", "جانفييه"],
    2: ["شباط", "فبراير", "فيفري", "فبراير"],
    3: ["آذار", "أذار", "اذار", "مارس"],
    4: ["نيسان", "أبريل", "ابريل", "إبريل", "افريل", "أفريل"],
    5: ["أيار", "ايار", "إيار", "مايو", "ماي"],
    6: ["حزيران", "يونيو", "يونيه", "جوان"],
    7: ["تموز", "يوليو", "يوليه", "جويلية", "جويلة"],
    8: ["آب", "اب", "أغسطس", "اغسطس", "أغسطس", "غشت", "أوت", "اوت"],
    9: ["أيلول", "ايلول", "سبتمبر", "شتنبر"],
    10: ["تشرين الأول", "تشرين الاول", "تشرين أول", "تشرين اول", "أكتوبر", "اكتوبر"],
    11: ["تشرين الثاني", "تشرين ثاني", "نوفمبر", "نونبر"],
    12: ["كانون الأول", "كانون الاول", "كانون أول", "كانون اول", "ديسمبر", "دجنبر"],
}
_CANONICAL = {1: "كانون الثاني", 2: "شباط", 3: "آذار", 4: "نيسان", 5: "أيار", 6: "حزيران",
              7: "تموز", 8: "آب", 9: "أيلول", 10: "تشرين الأول", 11: "تشرين الثاني", 12: "كانون الأول"}
_MONTH_NUMBER = {name: n for n, names in _MONTHS.items() for name in names}
_MONTH_NAMES = sorted(_MONTH_NUMBER, key=len, reverse=True)


def _spelling(name):
    # Tatweel may stretch any letter, and spaces inside a name may be several.
    return r"\s+".join("ـ*".join(re.escape(c) for c in part) for part in name.split())


_AR = r"\u0621-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF"  # letters, not Arabic punctuation
_MONTH = "(?:" + "|".join(_spelling(n) for n in _MONTH_NAMES) + ")"
_MONTH_GROUP = (
    rf"(?<![{_AR}])(?P<month>{_MONTH})(?![{_AR}])"
    # "كانون الأول/ديسمبر", "شباط (فبراير)", "فبراير شباط" (an agency's): one month in two calendars' names.
    rf"(?:(?:\s*[/\\(-]\s*|\s+){_MONTH}(?![{_AR}])\s*\)?)?"
)
_YEAR = r"(?P<year>\d{4})(?!\d)"

_DAY_MONTH_YEAR = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})(?!\d)\s*[،,.]?\s*(?:من\s+)?(?:شهر\s+)?"
    + _MONTH_GROUP
    + r"\s*[،,.]?\s*(?:من\s+)?(?:(?:عام|سنة|العام)\s+)?"
    + _YEAR
)
# A WordPress widget's order in Arabic words: "مايو 14، 2018", "فبراير 28, 2018"; and "28-فبراير-2018", "25 - يوليو - 2015",
# "27/سبتمبر/2015" (a CMS's day/month-name/year).
_MONTH_DAY_YEAR = re.compile(
    _MONTH_GROUP + r"\s+(?P<day>\d{1,2})(?!\d)\s*[،,]?\s*" + _YEAR
    + r"|(?<!\d)(?P<day2>\d{1,2})\s*(?P<sep>[-–/])\s*(?P<month2>" + _MONTH + r")\s*(?P=sep)\s*(?P<year2>\d{4})(?!\d)"
)
# The day in words, as an ordinal: "الحادي والعشرين من تموز/يوليو 2015".
_UNITS = ["الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
_ORDINAL_DAYS = {"الأول": 1, **{u: n for n, u in enumerate(_UNITS, 2)}, "العاشر": 10, "الحادي عشر": 11,
                 **{f"{u} عشر": n for n, u in enumerate(_UNITS, 12)}}
for _tens, _base in (("العشرين", 20), ("العشرون", 20), ("الثلاثين", 30), ("الثلاثون", 30)):
    _ORDINAL_DAYS.update({_tens: _base, f"الحادي و{_tens}": _base + 1, f"الواحد و{_tens}": _base + 1})
    if _base == 20:
        _ORDINAL_DAYS.update({f"{u} و{_tens}": _base + n for n, u in enumerate(_UNITS, 2)})
_ORDINAL_DAYS["الاول"] = 1
_ORDINAL_DAY_MONTH_YEAR = re.compile(
    rf"(?<![{_AR}])(?P<dayword>" + "|".join(_spelling(w) for w in sorted(_ORDINAL_DAYS, key=len, reverse=True))
    + r")\s+(?:من\s+)?(?:شهر\s+)?" + _MONTH_GROUP
    + r"\s*[،,.]?\s*(?:من\s+)?(?:(?:عام|سنة|العام)\s+)?" + _YEAR
)
_MONTH_YEAR = re.compile(
    r"(?:شهر\s+)?" + _MONTH_GROUP + r"\s*[،,.]?\s*(?:من\s+)?(?:(?:عام|سنة|العام)\s+)?" + _YEAR
)
_ISO = re.compile(
    r"(?<![\d/.-])(?P<year>(?:19|20)\d{2})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d/.])"
)
# Also with spaces around the separators, as some sites print it ("14 - 05 - 2018").
_NUMERIC_DMY = re.compile(
    r"(?<![\d/.\\-])(?P<day>\d{1,2})(?P<sp> ?)(?P<sep>[-/.\\])(?P=sp)(?P<month>\d{1,2})(?P=sp)(?P=sep)(?P=sp)"
    r"(?P<year>(?:19|20)\d{2})(?![\d/.\\-])"
)
# English month names, as pages with an English date widget print them ("May 14, 2018", "14 May 2018").
_EN_MONTHS = {name: n for n, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
_EN_MONTH = "(?P<month>" + "|".join(sorted(_EN_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_DATES = (
    re.compile(rf"(?<![a-z]){_EN_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}", re.I),
    # "14 May 2018", "14th of May, 2018", "14-May-2018" (a spreadsheet's).
    re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-){_EN_MONTH}(?![a-z])(?:,?\s+|-){_YEAR}", re.I),
)
# A month-year is judged in its field: "بي بي سي عربي | شباط 2018", "أغسطس 2018 - سي إن إن بالعربية".
_FIELDS = re.compile(r"[|•،,–—]|\s-\s")
_YEAR_LINE = re.compile(r"^\s*[(\[]?\s*(?P<year>(?:19|20)\d{2})\s*(?:م|مـ)?\s*[)\]]?\s*$")
# "حقوق" alone is no copyright: "المرصد السوري لحقوق الإنسان" opens many a lead.
# "سكاي نيوز عربية، 2018", "نقلاً عن فرانس 24، 2018": a name of a few words, a comma or dash, and a year alone.
_NAME_YEAR_LINE = re.compile(r"^\s*[^\d،,|\-–]{2,40}?(?:\s\d{1,3})?\s*[،,|\-–]\s*(?P<year>(?:19|20)\d{2})\s*(?:م|مـ)?\s*$")
# "عكاظ (2018)": a name and the year alone in brackets.
_NAME_YEAR_BRACKETS = re.compile(r"^\s*[^()\[\]،,|]{2,40}?\s*[(\[]\s*(?P<year>(?:19|20)\d{2})\s*(?:م|مـ)?\s*[)\]]\s*$")
# "أرشيف 2018 - العربية": a word or two, the year, then a dash and the name.
_YEAR_NAME_LINE = re.compile(r"^\s*(?:[^\s\d،,|\-–—()]{2,20}\s)?(?P<year>(?:19|20)\d{2})\s*(?:م|مـ)?\s*[،,|\-–—]\s*[^\d.،,]{2,40}$")
COPYRIGHT_LINE = re.compile(r"©|\(c\)|copyright|جميع الحقوق|حقوق (?:النشر|الطبع)|الحقوق محفوظة|all rights reserved", re.IGNORECASE)

# What may stand just before a paragraph's date for it to be the day of
# publication: "اليوم السبت (", "الجمعة، ", "الموافق ", "بتاريخ ".
_WEEKDAYS = "السبت|الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة"
_YEAR_DAY_MONTH = re.compile(rf"(?<!\d)(?P<year>(?:19|20)\d{{2}})\s+(?:(?:{_WEEKDAYS})\s*[،,]?\s*)?(?P<day>\d{{1,2}})\s+"
                             + _MONTH_GROUP + r"\s*$")
_PUBLICATION_CUE = re.compile(
    rf"(?:اليوم|أمس|امس|{_WEEKDAYS}|الموافق|بتاريخ|تاريخ)\s*[،,:(\-–]*\s*(?:{_WEEKDAYS})?\s*[،,:(\-–]*\s*$"
    r"|\(\s*$"
)
# A paragraph's date counts only this near its start, cue or not.
LEAD_REACH = 80
# A line is a "short line" (header, dateline, date line) up to this many words.
SHORT_LINE_WORDS = 12


@functools.lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(locales=LOCALES, settings=SETTINGS)


def _parse(text, today):
    """dateparser's reading of a normalised candidate, within the plausible range."""
    result = _parser().get_date_data(text)
    if result is None or result.date_obj is None:
        return None
    value = result.date_obj.date()
    if value < EARLIEST or value > today + timedelta(days=1):
        return None
    return value


def parse_exact(value: str, today=None):
    """A date given by an operator or metadata: YYYY-MM-DD, YYYY-MM or YYYY, or ISO 8601.

    Returns ``(date, precision)`` or None.
    """
    today = today or date.today()
    value = (value or "").strip().translate(_DIGITS)
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    try:
        if m:
            year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
            result = date(year, month, day)
            precision = DAY if m[3] else MONTH if m[2] else YEAR
        else:
            iso = value.replace("Z", "+00:00")
            result = datetime.fromisoformat(iso).date()
            precision = DAY
    except ValueError:
        return None
    if result < EARLIEST or result > today + timedelta(days=1):
        return None
    return result, precision


def find_date(text: str, *, today=None):
    """``(date, precision, matched_text)`` for the top of an article, or None.

    Lines are read in order and the first acceptable date wins (see the module
    docstring for what is acceptable where).
    """
    today = today or date.today()
    # "آخر تحديث 3/4/2018 نُشر في 28/3/2018": a line holding both labels is read as two.
    lines = [part for line in (text or "").splitlines() for part in _LABELLED.split(line) if part.strip()]
    # A line labelled as the publication's is read first ("تاريخ النشر:" beats
    # "تاريخ الحدث:" above it); "آخر تحديث" only when no other line gives a date.
    labelled = [l for l in lines if _PUBLISHED_LABEL.search(l) and not is_update_line(l)]
    plain = [l for l in lines if not _PUBLISHED_LABEL.search(l) and not is_update_line(l)]
    for line in [*labelled, *plain, *(l for l in lines if is_update_line(l))]:
        found = date_in_line(line, today=today)
        if found:
            return found
    return None


_UPDATED = re.compile(r"(?:آخر|اخر|أخر)\s+تحديث|تم\s+التحديث|(?<![\w])محدث|(?<![\w])حُ?دّ?ث\s+في|updated|last\s+modified", re.I)


_PUBLISHED_LABEL = re.compile(r"(?<!\w)(?:نُ?شر|النشر|تاريخ النشر|منشور|published|posted)(?!\w)", re.I)
_LABELLED = re.compile(r"(?=(?:آخر|اخر|أخر)\s+تحديث|تم\s+التحديث|(?<!\w)نُ?شر\s*(?:في|بتاريخ|[:：])|تاريخ النشر|"
                       r"(?<!\w)(?:updated|published)\b)", re.I)


def is_update_line(line: str) -> bool:
    """A line that dates the page's last update, not its publication."""
    return bool(_UPDATED.search(line or ""))


def date_in_line(line: str, *, today=None):
    today = today or date.today()
    if not line.strip() or COPYRIGHT_LINE.search(line):
        return None
    # One character for one: spans found in the translated line fit the original.
    plain = line.translate(_DIGITS).translate(_MARKS)
    short = len(plain.split()) <= SHORT_LINE_WORDS
    candidates = []
    for m in _DAY_MONTH_YEAR.finditer(plain):
        number = _MONTH_NUMBER.get(_unstretched(m["month"]))
        if number:
            candidates.append((m.start(), m.end(), f"{int(m['day'])} {_CANONICAL[number]} {m['year']}", DAY))
    for m in _MONTH_DAY_YEAR.finditer(plain):
        if any(s <= m.start() < e for s, e, _t, _p in candidates):
            continue
        day, month, year = (m["day"], m["month"], m["year"]) if m["day"] else (m["day2"], m["month2"], m["year2"])
        number = _MONTH_NUMBER.get(_unstretched(month))
        if number:
            candidates.append((m.start(), m.end(), f"{int(day)} {_CANONICAL[number]} {year}", DAY))
    for m in _ORDINAL_DAY_MONTH_YEAR.finditer(plain):
        number = _MONTH_NUMBER.get(_unstretched(m["month"]))
        day = _ORDINAL_DAYS.get(_unstretched(m["dayword"]))
        if number and day:
            candidates.append((m.start(), m.end(), f"{day} {_CANONICAL[number]} {m['year']}", DAY))
    for m in _NUMERIC_DMY.finditer(plain):
        candidates.append((m.start(), m.end(), f"{int(m['day'])}-{int(m['month'])}-{m['year']}", DAY))
    for pattern in _EN_DATES:
        for m in pattern.finditer(plain):
            number = _EN_MONTHS[m["month"].lower()]
            candidates.append((m.start(), m.end(), f"{int(m['day'])} {_CANONICAL[number]} {m['year']}", DAY))
    for m in _ISO.finditer(plain):
        # dateparser would take 2020-02-07 by DATE_ORDER; ISO is year-month-day.
        candidates.append((m.start(), m.end(), f"{int(m['day'])}-{int(m['month'])}-{m['year']}", DAY))
    if short:
        # "GMT 20:09 2018 الثلاثاء 10 أبريل": a byline whose parts a right-to-left page set out of order.
        for m in _YEAR_DAY_MONTH.finditer(plain):
            number = _MONTH_NUMBER.get(_unstretched(m["month"]))
            if number and not any(s <= m.start("day") < e for s, e, _t, _p in candidates):
                candidates.append((m.start(), m.end(), f"{int(m['day'])} {_CANONICAL[number]} {m['year']}", DAY))
        for m in _MONTH_YEAR.finditer(plain):
            if any(s <= m.start() < e for s, e, _t, _p in candidates):
                continue
            rest = (_FIELDS.split(plain[:m.start()])[-1] + " " + _FIELDS.split(plain[m.end():])[0]).split()
            number = _MONTH_NUMBER.get(_unstretched(m["month"]))
            if number and len(rest) <= 3:
                candidates.append((m.start(), m.end(), f"1 {_CANONICAL[number]} {m['year']}", MONTH))
        m = (_YEAR_LINE.match(plain) or _NAME_YEAR_LINE.match(plain) or _NAME_YEAR_BRACKETS.match(plain)
             or _YEAR_NAME_LINE.match(plain))
        if m:
            candidates.append((m.start("year"), m.end("year"), f"1-1-{m['year']}", YEAR))
    if not candidates:
        # A Hijri date only when the line gives no Gregorian one ("26 شوال 1436 هـ
        # الموافق 11 أغسطس 2015 م" is dated by its Gregorian half).
        found = _hijri_in_line(plain, line, today, short)
        if found:
            return found
    for start, end, normalised, precision in sorted(candidates):
        if not short and not _near_start_or_cued(plain, start):
            continue
        value = _parse(normalised, today)
        if value is None:
            continue
        if precision == MONTH:
            value = value.replace(day=1)
        elif precision == YEAR:
            value = date(value.year, 1, 1)
        return value, precision, line[start:end]
    return None


def _near_start_or_cued(line, start):
    if start <= LEAD_REACH:
        return True
    return bool(_PUBLICATION_CUE.search(line[max(0, start - 40):start]))


def _unstretched(name):
    return re.sub(r"\s+", " ", name.replace("ـ", ""))


# Hijri months as printed; the Umm al-Qura calendar converts them (hijridate).
_HIJRI_MONTHS = {
    1: ["محرم", "المحرم", "محرّم"], 2: ["صفر"], 3: ["ربيع الأول", "ربيع الاول", "ربيع أول"],
    4: ["ربيع الآخر", "ربيع الاخر", "ربيع الثاني", "ربيع ثاني"],
    5: ["جمادى الأولى", "جمادى الاولى", "جمادي الأولى", "جمادي الاولى"],
    6: ["جمادى الآخرة", "جمادى الاخرة", "جمادى الثانية", "جمادي الآخرة", "جمادي الثانية"],
    7: ["رجب"], 8: ["شعبان"], 9: ["رمضان"], 10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة", "ذو القعده", "ذي القعده"], 12: ["ذو الحجة", "ذي الحجة", "ذو الحجه", "ذي الحجه"],
}
_HIJRI_NUMBER = {name: n for n, names in _HIJRI_MONTHS.items() for name in names}
_HIJRI_MONTH = "(?:" + "|".join(_spelling(n) for n in sorted(_HIJRI_NUMBER, key=len, reverse=True)) + ")"
_HIJRI_MARK = r"\s*(?:هـ|ه\b|هجري(?:ة)?|للهجرة)"
_HIJRI_DMY = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})\s*(?:من\s+)?(?P<month>{_HIJRI_MONTH})(?![{_AR}])\s*[،,]?\s*(?:(?:عام|سنة)\s+)?"
    rf"(?P<year>1[34]\d{{2}})(?!\d)(?:{_HIJRI_MARK})?"
)
_HIJRI_NUMERIC = re.compile(
    rf"(?<![\d/])(?P<year>1[34]\d{{2}})[/-](?P<month>\d{{1,2}})[/-](?P<day>\d{{1,2}})(?![\d/])\s*(?:{_HIJRI_MARK})"
    rf"|(?<![\d/])(?P<day2>\d{{1,2}})[/-](?P<month2>\d{{1,2}})[/-](?P<year2>1[34]\d{{2}})(?![\d/])\s*(?:{_HIJRI_MARK})"
)


def _hijri_in_line(plain, line, today, short):
    """A Hijri-only date, converted to the Gregorian day (Umm al-Qura), or None."""
    found = None
    m = _HIJRI_DMY.search(plain)
    if m:
        number = _HIJRI_NUMBER.get(_unstretched(m["month"]))
        if number:
            found = (m.start(), m.end(), int(m["year"]), number, int(m["day"]))
    if found is None:
        m = _HIJRI_NUMERIC.search(plain)
        if m:
            year, month, day = (m["year"], m["month"], m["day"]) if m["year"] else (m["year2"], m["month2"], m["day2"])
            found = (m.start(), m.end(), int(year), int(month), int(day))
    if found is None:
        return None
    start, end, year, month, day = found
    if not short and not _near_start_or_cued(plain, start):
        return None
    try:
        from hijridate import Hijri

        value = Hijri(year, month, day).to_gregorian()
        value = date(value.year, value.month, value.day)
    except (ValueError, OverflowError):  # a day the calendar has not, or outside its range
        return None
    if value < EARLIEST or value > today + timedelta(days=1):
        return None
    return value, DAY, line[start:end]


_GREGORIAN_NAMES = {1: "يناير", 2: "فبراير", 3: "مارس", 4: "أبريل", 5: "مايو", 6: "يونيو", 7: "يوليو",
                    8: "أغسطس", 9: "سبتمبر", 10: "أكتوبر", 11: "نوفمبر", 12: "ديسمبر"}
_WEEKDAY_NAMES = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]


def in_words(value, precision=DAY) -> str:
    """The date as an Arabic reader checks it, at its precision, in both month
    systems: "الأربعاء 28 شباط/فبراير 2018", "شباط/فبراير 2018", "2018"."""
    if value is None:
        return ""
    month = f"{_CANONICAL[value.month]}/{_GREGORIAN_NAMES[value.month]}"
    if precision == YEAR:
        return str(value.year)
    if precision == MONTH:
        return f"{month} {value.year}"
    return f"{_WEEKDAY_NAMES[value.weekday()]} {value.day} {month} {value.year}"


def parse_typed(value: str):
    """What an archivist types in a date field: 2018-02-28, 2018-02 or 2018
    (Arabic-Indic digits too). ``(date, precision)`` or None; no range check."""
    value = (value or "").strip().translate(_DIGITS)
    m = re.fullmatch(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2] or 1), int(m[3] or 1)), DAY if m[3] else MONTH if m[2] else YEAR
    except ValueError:
        return None
