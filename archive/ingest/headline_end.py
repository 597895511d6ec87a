"""A headline printed after the article's text, and lines that are never a headline.

Some templates put the story's head (headline, author, date) after the text in
the page's order and move it up with CSS; a browser's text save follows the
page's order, so the headline comes in the page's last lines, with its byline
and date under it, as it would at the top. The evidence is the same as above
the article: a headline-like line that a date line follows within a few lines.
It is looked for only when no headline stands above the article.

Above the article, a picture's caption with its credit ("… (رويترز)") is
headline-shaped; it is taken for the headline only when a date or byline
follows it, as a headline's would (51 of the corpus's 62,199 titles end with a
bracketed word, "(فيديو)"; a caption is followed by the text).
"""
import re

from .headline import _BYLINE
from .lines import ends_sentence, is_credit_caption, is_date_line, is_headline, is_paragraph
from .normalize import loose, word_count

# A headline's date stands this close under it (its byline between).
HEADLINE_DATE_LINES = 3
# A line of the article's text, at its end: a paragraph, or a sentence of some length.
SENTENCE_WORDS = 8


def _is_text(line):
    return is_paragraph(line) or ends_sentence(line) and word_count(line) >= SENTENCE_WORDS


def dated_below(lines, at, kinds=None, date_kind=None):
    """Whether a date line (or a byline) stands within ``HEADLINE_DATE_LINES`` under line ``at``."""
    for k in range(at + 1, min(len(lines), at + 1 + HEADLINE_DATE_LINES)):
        if (kinds is not None and kinds[k] == date_kind) or is_date_line(lines[k]) or _BYLINE.match(loose(lines[k])):
            return True
    return False


def caption_not_headline(lines, kinds, at, date_kind):
    """A credit caption at ``at`` with no date or byline under it."""
    return is_credit_caption(lines[at]) and not dated_below(lines, at, kinds, date_kind)


def headline_after_text(reading):
    """The headline in the page's last lines: after the body's last paragraph, a
    headline-like line with a date line under it. Moves it and what follows out
    of the body (into the trailer, where the date is read) and returns it; else "".
    """
    body = reading.body_lines
    last = max((i for i, line in enumerate(body) if _is_text(line)), default=None)
    if last is None:
        return ""
    tail = body[last + 1:] + reading.trailer_lines
    for i, line in enumerate(tail[:HEADLINE_DATE_LINES + 2]):
        under = tail[i + 1:i + 1 + HEADLINE_DATE_LINES]
        if is_headline(line) and not ends_sentence(line) and any(is_date_line(u) for u in under):
            from_body = body[last + 1:]
            del body[last + 1:]
            reading.trailer_lines = from_body + reading.trailer_lines
            return line
    return ""


# --- the headline's words in the lead ------------------------------------------------------------------------------

# A headline names what the article's opening tells: of 3,983 corpus articles, the title shares two content
# words or more with the first 600 characters of the text in 90%, none in 3%; another article's title
# shares two or more in 1%, and never when the article's own title shares none.
LEAD_CHARS = 600
SHARED_WORDS = 2
_CLITICS = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف")


def content_stems(text):
    """The words of four letters or more, without a leading conjunction, preposition or article, cut to five."""
    stems = set()
    for word in re.findall(r"\w+", loose(text)):
        for clitic in _CLITICS:
            if word.startswith(clitic) and len(word) - len(clitic) >= 3:
                word = word[len(clitic):]
                break
        if len(word) >= 4 and not word.isdigit():
            stems.add(word[:5])
    return stems


def headline_of_the_text(title, candidates, body_lines):
    """Among headline-like lines above the article, the one the text is about, when the one taken is not:
    ``title`` shares no word with the lead and a candidate shares ``SHARED_WORDS`` or more (a related story's
    headline or a bar's taken for the article's). Returns the better candidate, or None."""
    lead = content_stems(" ".join(body_lines)[:LEAD_CHARS])
    if not lead or content_stems(title) & lead:
        return None
    scored = [(len(content_stems(c) & lead), c) for c in candidates if c != title]
    best = max(scored, default=(0, None), key=lambda s: s[0])
    return best[1] if best[0] >= SHARED_WORDS else None
