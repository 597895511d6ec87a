"""Boxes inside the article that a text save keeps between its paragraphs.

A "read also" label with a related headline or two under it, and a box under
a short heading ("topics that may interest you") of related headlines or
links, stand between two paragraphs of the article in many pages. They are
known by their shape: a label or a short heading, lines of headline length
(or links, in a Firefox save) that end with no full stop, then the article
going on with a paragraph or a sentence.
"""
import re

from .formatted_text import LINK_PLACE
from .lines import _FULL_STOP_END, TEXT, ends_sentence, is_headline, is_paragraph
from .normalize import word_count


_ITEM_MARK = re.compile(r"^\s*([*•▪●◦‣\-–])\s+\S")


def _item_mark(line):
    """A list item's bullet ("* ", "• "), or None."""
    m = _ITEM_MARK.match(line)
    return m.group(1) if m else None


def _one_more_item(lines, box, line):
    """``line`` opens with the bullet the items of ``box`` open with (under its heading, if it has one):
    one more item of the list, whatever its length or stop (a related headline may ask; Firefox parts a
    list's items by blank lines)."""
    mark = _item_mark(line)
    marks = {_item_mark(lines[k]) for k in box} - {None}
    return mark is not None and marks == {mark}


def box_inside(lines, kinds, at):
    """A box between two paragraphs of the article, under a short heading: two
    related headlines or links or more (and perhaps a closing word), then the
    article goes on. A crosshead has a paragraph right under it; a list the
    article introduces has its colon."""
    items, box = 0, []
    for j in range(at + 1, len(lines)):
        line = lines[j]
        if kinds[j] == TEXT and (is_paragraph(line) or ends_sentence(line) and word_count(line) >= 8) and not (
                _one_more_item(lines, box, line)):
            return box if items >= 2 else []
        if kinds[j] == TEXT and ends_sentence(line):
            return []
        items += line == LINK_PLACE or kinds[j] == TEXT and is_headline(line)
        box.append(j)
    return []


# A "read also" box holds a headline or two; a list of them, any number up to this.
READ_ALSO_BOX_LINES = 2
READ_ALSO_LIST_LINES = 12


def read_also_box(lines, kinds, at, gaps=None):
    """The related headlines under a "read also" label inside the article: up
    to two headline-like lines that end no sentence, if the article goes on
    after them (at the page's end they are the trailer's, left to the
    trailing-headline rule). ``gaps`` (which lines a blank line parts from the
    one above): where the save parts blocks by blank lines, as Chrome's does, a
    list of such headlines with no blank line between them is one box, however
    long (a paragraph of the article is a block of its own)."""
    box = []
    for j in range(at + 1, min(len(lines), at + 1 + READ_ALSO_LIST_LINES + 1)):
        line = lines[j]
        # The article goes on: a paragraph, a sentence with its full stop (a related
        # headline may ask or exclaim), or after a full box any sentence.
        in_list = gaps is not None and j > at + 1 and not gaps[j]
        # Items that each open with the same bullet are one list, blank lines between them or not
        # (Firefox parts a list's items by blank lines): the article's sentences open with none.
        in_list = in_list or _one_more_item(lines, box, line)
        if kinds[j] == TEXT and (is_paragraph(line) or _FULL_STOP_END.search(line) and word_count(line) >= 8 or (
                len(box) >= READ_ALSO_BOX_LINES and ends_sentence(line) and not in_list)):
            return box
        if kinds[j] != TEXT or _FULL_STOP_END.search(line) or len(box) >= READ_ALSO_BOX_LINES and not in_list:
            return []
        box.append(j)
    return []
