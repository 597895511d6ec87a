"""Line shapes of browser text saves that the families Q and R of the development set showed.

A gallery's numbered caption ("2 / 6 …"), a labelled time with no date
("آخر تحديث: 11:15", a live page's), a side column's summary sentence with its
date under it and the next teaser's headline under that, and a line that is
the site's name with a symbol beside it ("☰ Outlet", a menu button). Each is
told by its shape and its neighbours, never by site.
"""
import re

from .lines import CLAUSE_OPENING, DATE, TEXT, classify, is_headline
from .normalize import loose


# A gallery's slide counter opening its caption: "2 / 6 …" (a slide of six).
_SLIDE_COUNTER = re.compile(r"^(?P<n>\d{1,2})\s*/\s*(?P<of>\d{1,2})(?:\s|$)")


def is_slide_caption(line):
    m = _SLIDE_COUNTER.match(line.strip())
    return bool(m) and 0 < int(m["n"]) <= int(m["of"])


# A labelled time with no date ("آخر تحديث: 11:15", "Updated 10:30"): a header's line, as a date line is.
TIME_STAMP = re.compile(r"^(?:آخر|اخر|أخر|تم)\s+(?:تحديث|التحديث)\s*[:：]?\s*\d{1,2}:\d{2}(?:\s*(?:ص|م|am|pm))?$"
                         r"|^(?:updated|published)\s*[:：]?\s*\d{1,2}:\d{2}(?:\s*(?:am|pm))?$", re.I)
# A teaser's summary has its date under it and the next teaser's headline under that.
TEASER_LINES = 2


def is_teaser_summary(lines, kinds, at):
    """Whether the sentence at ``at`` is a side column's summary: a date line right under it (a lead goes on
    with the article), then a headline-like line."""
    date_at = next((k for k in range(at + 1, min(len(lines), at + 1 + TEASER_LINES)) if kinds[k] == DATE), None)
    if date_at is None or any(kinds[k] == TEXT for k in range(at + 1, date_at)):
        return False
    return any(kinds[k] == TEXT and is_headline(lines[k]) for k in range(date_at + 1, min(len(lines), date_at + 1 + TEASER_LINES)))


def name_only(line):
    """A line's words without symbols: "☰ Outlet" (a menu button beside the site's name) is the name."""
    return " ".join(loose(re.sub(r"[^\w\s.]", " ", line)).split())


# A flattened page joins an inline widget to the paragraph beside it: "… الموصل. #داعش #العراق",
# "… قتلى. Follow us on X", "… المنطقة. منذ 7 دقائق", "… «…». التعليقات (12)". The tail after the
# paragraph's last sentence is cut into a line of its own when its shape is a widget's, never an
# article's (a hashtag, no Arabic letter, a count, a separator, a label's colon, a line the rules' own
# classes call the page's), so the line model and
# the article's close judge it as a line; a tail of plain Arabic words ("والتحقيقات مستمرة") stays joined.
_TAIL_AFTER_SENTENCE = re.compile(r"^(?P<head>.*[.!؟?…][\"»”)\]]*)\s+(?P<tail>[^.!؟?…]+)$")
# (after the paragraph's end or a closing quote: a hashtag inside a sentence, "ارتفاع معدل #الفائدة.", is the article's)
_HASHTAG_RUN = re.compile(r"^(?P<head>.*?[.!؟?…»\"”)])\s+(?P<tail>(?:#[^\s#.!؟?…]+\s*)+)$")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_WIDGET_MARK = re.compile(r"[#|•›»◂▸@:]")
JOINED_TAIL_WORDS = 8
JOINED_HEAD_WORDS = 8


def _widget_shaped(tail):
    words = tail.split()
    # A tail opening with the conjunction و/ف goes on with the article ("… . وأصيب 20 آخرون").
    # A tail the rules would read as a line of the page's on its own ("اقرأ المزيد", a date) is one too.
    return bool(words) and len(words) <= JOINED_TAIL_WORDS and not CLAUSE_OPENING.match(tail) and (
        not _ARABIC.search(tail) or bool(_WIDGET_MARK.search(tail))
        or len(words) <= 5 and any(c.isdigit() for c in tail) or classify(tail) != TEXT)


def split_joined_tail(line):
    """``line`` as one line, or as the paragraph and the widget the flattening joined to its end."""
    m = _HASHTAG_RUN.match(line)
    if m and len(m["head"].split()) >= JOINED_HEAD_WORDS // 2:
        return split_joined_tail(m["head"]) + [m["tail"].strip()]
    m = _TAIL_AFTER_SENTENCE.match(line)
    if m and len(m["head"].split()) >= JOINED_HEAD_WORDS and _widget_shaped(m["tail"]):
        return [m["head"], m["tail"].strip()]
    return [line]
