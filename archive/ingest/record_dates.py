"""A JSON record's publication date, from whatever its tool wrote.

Tools write the day as ISO 8601 with or without a zone (``2018-05-14T10:15:00Z``,
``2018-05-14 10:15``), in ISO's basic form (GDELT's ``20180514T101500Z``), as a
Unix time in seconds or milliseconds (JavaScript's), as MongoDB's extended
JSON (``{"$date": "…"}``, ``{"$date": {"$numberLong": "…"}}``; ``records``
reads those wrappers before anything else), as an e-mail or RSS date
(``Mon, 14 May 2018 10:15:00 +0000``), as Excel's serial day (``43234``) or as a page prints it (``14 مايو
2018``, ``الاثنين 14 أيار 2018 - 10:15 ص``, ``14/05/2018``). Each is read in its
own offset; a date that is none of these is said to be unread, never guessed.
"""
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from . import dates
from .record_fields import EXCEL_DAYS
from .text import NO_DATE_WARNING

# Where a record without ``published`` may still print its date: the start of
# the body ("الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس").
LEAD_CHARS = 300


def set_date(draft, fields):
    unread = None
    for published, name in fields.all("published"):
        if read_date(draft, published, name):
            return
        if unread is None and isinstance(published, str) and published.strip():
            unread = published
    if unread is not None:
        draft.warn(f"تاريخ النشر في السجل غير مفهوم: {unread[:40]}")
    found = dates.find_date(draft.body[:LEAD_CHARS].split("\n", 1)[0])
    if found and found[1] == dates.DAY:
        draft.published, draft.date_precision = found[0], found[1]
        draft.provenance["date"] = f"«{found[2]}» — مطلع النص"
    else:
        draft.warn(NO_DATE_WARNING)


def read_date(draft, published, name) -> bool:
    """Sets the draft's date from one field's value; False when it is no date."""
    if isinstance(published, (int, float)) and not isinstance(published, bool) \
            and EXCEL_DAYS[0] <= published <= EXCEL_DAYS[1]:
        # A spreadsheet saved as JSON: Excel's serial day (43234 is 2018-05-14).
        day = date(1899, 12, 30) + timedelta(days=int(published))
        draft.published, draft.date_precision = day, dates.DAY
        draft.provenance["date"] = f"الحقل {name} في السجل (رقم يوم Excel {published})"
        return True
    if isinstance(published, (int, float)) and not isinstance(published, bool):
        # A Unix time (seconds, or milliseconds from JavaScript), read in UTC.
        seconds = published / 1000 if published > 10**11 else published
        try:
            day = datetime.fromtimestamp(seconds, tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            day = None
        if day and dates.parse_exact(day.isoformat()):
            draft.published, draft.date_precision = day, dates.DAY
            draft.provenance["date"] = f"الحقل {name} في السجل (وقت يونكس {published})"
            return True
    if isinstance(published, str) and published.strip():
        value = published.strip()
        if value.isdigit() and len(value) in (10, 13):  # a Unix time written as text
            return read_date(draft, int(value), name)
        parsed = parse_iso(value) or _mail_date(value)
        if parsed:
            draft.published, draft.date_precision = parsed, dates.DAY
            draft.provenance["date"] = f"الحقل {name} في السجل ({value[:30]})"
            return True
        # Not ISO: a partial ISO date ("2018-05", a CSL-JSON month), or a date
        # as a page prints it ("14 مايو 2018", "17/10/2018 | 01:57").
        found = dates.parse_exact(value)
        found = (*found, value) if found else dates.find_date(value[:200])
        if found:
            draft.published, draft.date_precision = found[0], found[1]
            draft.provenance["date"] = f"الحقل {name} في السجل ({value[:30]})"
            return True
    return False


def parse_iso(value):
    """The date as written (in its own offset), within the plausible range;
    ISO's basic form too (``20180514T101500Z``)."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        found = dates.parse_exact(value)
        return found[0] if found and found[1] == dates.DAY else None
    day = moment.date()
    bounds = dates.parse_exact(day.isoformat())
    return day if bounds else None


def _mail_date(value):
    """An RSS or e-mail date (RFC 2822): ``Mon, 14 May 2018 10:15:00 +0000``."""
    if "," not in value[:5] and not value[:2].isdigit():
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    day = moment.date()
    return day if dates.parse_exact(day.isoformat()) else None
