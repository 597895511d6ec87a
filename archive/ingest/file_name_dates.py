"""A whole date in a file's name ("2018-05-14_story.docx", "okaz_20180514.html"), read
when the file itself prints none (``archive.ingest.reading``)."""
from datetime import date, timedelta
import re

from .dates import _DIGITS, DAY, EARLIEST


# A date in a file's name: "2018-05-14_story.docx", "okaz_20180514.html", "14-05-2018 خبر.txt".
_FILE_NAME_DATE = re.compile(
    r"(?<!\d)(?:(?P<y>(?:19|20)\d\d)(?P<s>[-_.]?)(?P<m>0[1-9]|1[0-2])(?P=s)(?P<d>0[1-9]|[12]\d|3[01])"
    r"|(?P<d2>0?[1-9]|[12]\d|3[01])(?P<s2>[-_.])(?P<m2>0?[1-9]|1[0-2])(?P=s2)(?P<y2>(?:19|20)\d\d))(?!\d)")


def in_file_name(name: str, *, today=None):
    """``(date, DAY, matched)`` for a whole date in a file's name (not its folders), or None."""
    stem = (name or "").replace("\\", "/").rsplit("/", 1)[-1].translate(_DIGITS)
    m = _FILE_NAME_DATE.search(stem)
    if not m:
        return None
    year, month, day = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
    try:
        found = date(int(year), int(month), int(day))
    except ValueError:
        return None
    if found < EARLIEST or found > (today or date.today()) + timedelta(days=1):
        return None
    return found, DAY, m.group()
