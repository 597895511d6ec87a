"""A page Firefox saved as text ("Save Page As… → Text Files"), read back into its lines.

Firefox writes a page as formatted text (``nsPlainTextSerializer``): every
link's text is followed by its address in angle brackets (``سياسة
<https://site/politics>``), list items open with ``* `` (``o``, ``+``, ``#``
nested) or ``1. `` inside a four-column indentation, headings are indented
(two columns for ``<h1>``, two more per level), and any line wider than 80
columns is broken at the last space that fits, the rest keeping the line's
indentation. Read as it is, such a file has its headline cut in two, its
paragraphs in pieces, and menus, share buttons and related headlines that
look like text.

``unformat`` gives the lines back as the page printed them: a wrapped line is
joined to the next when the next line's first word would not have fitted on
it (the wrapping rule itself), a list item or a heading with its indented
continuation lines; the addresses are taken out, and a line that is only a
link (a menu item, a share button, a related headline, a tag, an author's
page) becomes a mark of furniture (``LINK_PLACE``), since the article's text is no link: the evidence the
browser itself writes down. A link to the site's home page (the logo)
stays as its address, which names the outlet. Headings stay (an ``<h1>``
may link to its own page). A file without Firefox's link marks is returned
as it is.
"""
import re

WRAP_COLUMN = 80
# A file is Firefox's formatted text when this many of its lines carry link addresses.
MIN_LINK_MARKS = 3
# A line that ends with a link and holds fewer words than this is a link, not a
# paragraph (a line of twenty words is already a lead: ``text.LEAD_WORDS``).
LINK_LINE_WORDS = 19
# What a teaser prints after its link: a date or an age ("منذ 3 ساعات", "26 أبريل 2018").
TEASER_TAIL_WORDS = 4
# A link of this few words with a date after it is a byline ("فلان <…/author> 14/5/2018"):
# a teaser's link is a headline, longer.
BYLINE_LINK_WORDS = 3

# What stands where a link was: a mark without letters, which the readers take
# for furniture (a box of links under a heading is a box, not the article's end).
LINK_PLACE = "▪"
_LINK_MARK = re.compile(r"\s?<(?:https?|ftp|mailto):[^\s<>]*>")
_BULLET = re.compile(r"^(?P<indent> *)(?P<mark>[*o+#]|\d{1,3}\.) (?=\S)")
_HOME = re.compile(r"^<(https?://[^/\s<>]+/?)>$")


def is_formatted(text: str) -> bool:
    return len(_LINK_MARK.findall(text)) >= MIN_LINK_MARKS


def _logical_lines(raw):
    """(indent, kind, text) for each line the page printed: wrapped lines joined."""
    out = []
    for line in raw:
        if not line.strip():
            out.append((0, "blank", "", ""))
            continue
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        bullet = _BULLET.match(line)
        if out and out[-1][1] != "blank" and not bullet:
            prev_indent, kind, prev_text, last = out[-1]
            # Continuation: same indentation (a list item's text stands past its mark), and the
            # first word would not have fitted on the line before.
            first_word = stripped.split(" ", 1)[0]
            if indent == prev_indent and len(last) + 1 + len(first_word) > WRAP_COLUMN:
                out[-1] = (prev_indent, kind, f"{prev_text} {stripped}", line)
                continue
        if bullet:
            text = line[bullet.end():]
            out.append((len(bullet.group(0)), "item", text, line))
        else:
            out.append((indent, "heading" if indent >= 2 else "line", stripped, line))
    return [(o[0], o[1], o[2]) for o in out]


def _link_only(text):
    """Whether a line is a link and nothing more: a few words of text before its
    address, and after it at most a teaser's date or age ("منذ 3 ساعات")."""
    marks = list(_LINK_MARK.finditer(text))
    if not marks:
        return False
    after = text[marks[-1].end():].split()
    before = text[:marks[0].start()].split()
    if after and len(before) <= BYLINE_LINK_WORDS:
        return False  # an author's name linked to his page, then the date: a byline
    words = _LINK_MARK.sub(" ", text).split()
    return len(after) <= TEASER_TAIL_WORDS and len(words) <= LINK_LINE_WORDS + len(after)


def unformat(text: str) -> str:
    if not is_formatted(text):
        return text
    lines = []
    for indent, kind, line in _logical_lines(text.replace("\r\n", "\n").split("\n")):
        if kind == "blank":
            lines.append("")
            continue
        home = _HOME.match(_LINK_MARK.search(line)[0].strip()) if _LINK_MARK.search(line) else None
        if kind != "heading" and _link_only(line):
            if home and len(_LINK_MARK.findall(line)) == 1:
                lines.append(home[1])  # the logo's link to the site's home: the site's address
            else:
                lines.append(LINK_PLACE)
            continue
        plain = re.sub(r" {2,}", " ", _LINK_MARK.sub(" ", line)).strip(" ")  # (a TAB between cells stays)
        if plain:
            lines.append(plain)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
