"""A text dump wrapped at a fixed width (a terminal browser's, an e-mail's), with its paragraphs joined again."""
import re

from . import dates
from .lines import ends_sentence, is_date_line


# A text dump wrapped at a fixed width: most lines end within this many
# characters of the widest, and the widest is no longer than a terminal's.
WRAP_SLACK = 20
WRAP_MAX_WIDTH = 100
WRAP_MIN_WIDTH = 50
WRAP_MIN_LINES = 6
# A sentence's stop, at a line's end or inside it.
_STOP = re.compile(r"[.!؟?…](?:\s|$)")
# A headline wrapped with the paragraphs runs over this many lines at most.
HEADING_MAX_LINES = 3
# Short lines a block may open with above its wrapped paragraph.
LEAD_IN_LINES = 2


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

    # The wrap column: the longest line, unless a few lines run past the width (a URL, a table).
    column = max(lengths) if lengths[-1] <= width + 5 else width
    def greedy(b):
        # Each line but the last is full in the greedy way: the next line's first word would not have fitted after it.
        return all(width - WRAP_SLACK <= len(x) <= width + 5 and len(x) + 1 + len(nxt.split()[0]) > column
                   for x, nxt in zip(b, b[1:]))

    def wrapped_paragraph(b):
        # A sentence may end at a line's end by chance: a paragraph wrapped the greedy way is one
        # even when more of its lines do so, as long as most do not (a list's lines all do).
        # Its last line may end with no stop when a link or tags were printed after its last sentence
        # ("… طفولته. سمات اطول طالب"): a stop anywhere in it says it is prose.
        return wrapped(b) or (len(b) >= 2 and greedy(b) and _STOP.search(" ".join(b))
                              and sum(1 for x in b[:-1] if ends_sentence(x)) <= len(b[:-1]) * 0.5)

    def wrapped_heading(b):
        # A headline wrapped like the paragraphs: no sentence end to close it, but each line but the last is
        # full in the greedy way, the next line's first word would not have fitted after it; a list of like
        # lines is longer and its last line is as long as the others. A date line under a headline
        # ("Outlet - 21/7/2015") is its own line, however it happens to fit.
        return (2 <= len(b) <= HEADING_MAX_LINES and len(b[-1]) < width - WRAP_SLACK
                and not any(ends_sentence(x) for x in b) and greedy(b)
                and not any(is_date_line(x) or dates.date_in_line(x) for x in b[1:]))

    # Enough lines wrapped to say the text is (a short article of two paragraphs has too few that end
    # a sentence at their block's end, when tags follow its last one).
    if sum(len(b) for b in blocks if wrapped_paragraph(b)) < WRAP_MIN_LINES:
        return text

    def joined(b):
        if wrapped_paragraph(b) or wrapped_heading(b):
            return " ".join(b)
        # A short line glued above a wrapped paragraph (a byline, a dateline with no blank line under it):
        # it stays a line of its own, the paragraph under it is joined.
        for k in range(1, min(LEAD_IN_LINES, len(b) - 2) + 1):
            if all(len(x) < width - WRAP_SLACK for x in b[:k]) and wrapped_paragraph(b[k:]):
                return "\n".join(b[:k]) + "\n" + " ".join(b[k:])
        return "\n".join(b)

    return "\n\n".join(joined(b) for b in blocks)
