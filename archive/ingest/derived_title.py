"""A headline made from a lead sentence, for a file that prints none (with a warning)."""
import re

from . import dates
from .lines import _LEAD_DATELINE
from .normalize import word_count


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
