"""Where the article ends: the boxes and related headlines under it that a text save keeps.

``read_text`` takes the body up to the first stop line ("التعليقات", "مواضيع
ذات صلة"); pages print much under the article without such a line: a
newsletter, an app, keywords, an author's bio, "more from the section",
related headlines under a share widget. These functions move them from the
body to the trailer, by the shape of the lines (a heading of a few words with
a box of short lines or links under it; short lines that end no sentence after
furniture), never by their words.
"""
from .lines import (
    BOX_HEADING_WORDS, CAPTION, FURNITURE, STOP, TEXT, ends_sentence, is_box_heading, is_field_line, is_paragraph,
    is_share_widget,
)
from .normalize import word_count


# A sentence this long is the article's (a box's prompt or an author's bio is shorter).
ARTICLE_SENTENCE_WORDS = 15


def cut_tail_boxes(reading, lines, kinds, body_at):
    """The boxes under the article (a newsletter, an app, keywords, an author's
    bio, "related"): after the article's last paragraph, the first box heading
    with a box under it, and all that follows, go to the trailer; so does a
    field line ("إقرأ المزيد في: سوريا") with only a footer's short links under
    it. Short closing lines before it stay."""
    body = reading.body_lines
    anchor = max((k for k, line in enumerate(body) if is_paragraph(line) or (
        ends_sentence(line) and word_count(line) >= ARTICLE_SENTENCE_WORDS)), default=None)
    if anchor is None:
        return
    end = next((j for j in range(body_at, len(lines)) if kinds[j] == STOP), len(lines))
    at = body_at - 1
    for k, line in enumerate(body):
        at = next((j for j in range(at + 1, end) if lines[j] == line), at)  # where the line stands in the page
        if k > anchor and (is_box_heading(line) and _boxed(lines[at + 1:end], kinds[at + 1:end])
                           or is_field_line(line) and all(word_count(b) <= BOX_HEADING_WORDS and not ends_sentence(b)
                                                          for b in body[k + 1:])):
            reading.trailer_lines[:0] = body[k:]
            del body[k:]
            return


# A box holds at least this many lines under its heading.
BOX_MIN_LINES = 2


def _boxed(under, kinds):
    """Whether the page's lines right under a heading, up to a share widget,
    are a box's (tags, teasers, an app's badges, a newsletter's prompt and
    button, links), not the article's last lines or its author's signature
    (a share widget follows a signature): two lines or more, most of which
    end no sentence."""
    run = []
    for line, kind in zip(under, kinds):
        if is_share_widget(line):
            break
        if kind in (TEXT, FURNITURE):
            run.append(line)
    return len(run) >= BOX_MIN_LINES and sum(not ends_sentence(line) for line in run) * 2 > len(run)


def drop_trailing_headlines(reading, lines, kinds, body_at):
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
