"""The article's date from the structure of a page that declares none.

A page without metadata prints many dates: the article's (beside the byline,
above or under the headline, split over spans, only in an attribute behind
"منذ 3 ساعات"), and others that are not (a "today" bar in the header, the
teasers of related and most-read articles, comments, the footer's copyright).
What tells them apart holds on any design, not the words of one site:

- where the date stands against the headline: between the headline and the
  article's first paragraph first (nearest first), then above the headline
  inside the article's own block (nearest first), then under the article only
  when labelled as its publication ("نُشر في …"; a comment's date is not);
- what it belongs to: a date in a teaser (an element holding a link to another
  story's headline) is that story's; one in the header, the navigation or the
  footer is the page's;
- a date element is read whole, its parts joined by spaces (day, month and
  year in separate spans), and an element's date attributes are read too
  (``datetime``, ``data-*`` holding "date", "time" or "publish", a ``title``
  such as ``<abbr title="14/05/2018 10:22">منذ يومين</abbr>``);
- published over updated: an element that dates an update is read only when
  no other does.
"""
import re

from . import dates
from .normalize import clean_line, loose, word_count

_HIDDEN = {"script", "style", "noscript", "nav", "footer", "head", "template", "figcaption", "select", "button"}
_HEADINGS = ("h1", "h2", "h3")
# A date element is short: a byline with its date, a label, a weekday and a time.
UNIT_WORDS = 25
# A paragraph of the article: words enough to be prose, not a byline or a teaser.
PARAGRAPH_WORDS = 20
# A link with this many words is a headline (a teaser's), not an author's name or a breadcrumb's step.
TEASER_LINK_WORDS = 4
# How many elements up a teaser's date and its link stand apart (<li><a>…</a><span>date</span></li>).
TEASER_DEPTH = 2
_FINENESS = {dates.YEAR: 1, dates.MONTH: 2, dates.DAY: 3}
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")
_DATE_ATTRIBUTE = re.compile(r"date|time|publish|created|posted", re.I)


def page_date(tree, title):
    """``(date, precision, matched_text, where)`` or None; ``where`` is said in Arabic for the preview."""
    try:
        return _page_date(tree, title)
    except Exception:  # a malformed tree: no date from its structure, not a failed upload
        return None


def _page_date(tree, title):
    if tree is None:
        return None
    body = tree.find("body") if tree.tag != "body" else tree
    if body is None:
        body = tree
    headline = _headline(body, title)
    if headline is None:
        return None
    order = {node: i for i, node in enumerate(body.iter())}
    block = _article_block(headline)
    first_paragraph = next((order[p] for p in block.iter() if order.get(p, -1) > order[headline] and _is_prose(p)), None)
    def place(node):
        at = order.get(node, -1)
        if _within(node, headline) or _is_teaser(node, headline):
            return None
        if at < order[headline]:
            return "above" if _within(node, block) else None
        if first_paragraph is None or at < first_paragraph:
            return "under"
        return "after" if _within(node, block) else None

    memo, placed = {}, {"above": [], "under": [], "after": []}
    for node, text, where in _units(body, memo, place):
        distance = order[headline] - order[node] if where == "above" else order[node]
        placed[where].append((distance, text))
    under, above, after = (sorted(placed[k]) for k in ("under", "above", "after"))
    ranked = [(text, "تحت العنوان في بنية الصفحة") for _, text in under] + \
             [(text, "فوق العنوان في بنية الصفحة") for _, text in above] + \
             [(text, "سطر النشر تحت المقال") for _, text in after]
    for updates in (False, True):
        for text, where in ranked:
            if dates.is_update_line(text) and not (updates or dates._PUBLISHED_LABEL.search(text)):
                continue
            found = _date_of(text, memo)
            if found:
                return (*found, where)
    return None


def _date_of(text, memo):
    """``(date, precision, matched_text)`` of an element's words or of an attribute's value (ISO 8601 too).

    ``memo`` keeps what one page's texts gave: an element and the one it wraps often say the same."""
    if not _DIGIT.search(text):  # every date the readers take has a digit: a year at least
        return None
    if text not in memo:
        found = dates.find_date(text)
        if not found:
            exact = dates.parse_exact(text)
            found = (*exact, text) if exact else None
        memo[text] = found
    return memo[text]


def _headline(body, title):
    key = loose(title or "")
    for tag in _HEADINGS:
        for node in body.iter(tag):
            text = loose(clean_line(node.text_content()))
            if text and (not key or text == key or key in text or text in key):
                return node
    return next(iter(body.iter("h1")), None)


def _article_block(headline):
    """The headline's nearest ancestor that also holds a paragraph of prose: the article's own block."""
    for ancestor in headline.iterancestors():
        if any(_is_prose(p) for p in ancestor.iter()):
            return ancestor
    return headline.getparent() if headline.getparent() is not None else headline


def _is_prose(node):
    """A paragraph of the article, in a <p> or a <div>: its own words (not its children's) are many."""
    if not isinstance(node.tag, str) or node.tag in _HIDDEN or node.tag == "a":
        return False
    own = [node.text or ""] + [child.tail or "" for child in node]
    return sum(len(piece.split()) for piece in own) >= PARAGRAPH_WORDS


def _within(node, block):
    return node is block or any(a is block for a in node.iterancestors())


def _units(body, memo, place):
    """``(element, text, where)`` for each smallest element whose words (parts
    joined by spaces) or date attributes give a date, in document order; ``place``
    says where an element stands (None: not the article's). Under the article
    only a line labelled as the publication's is read."""
    found, hidden = [], _hidden_nodes(body)
    for node in body.iter():
        if not isinstance(node.tag, str) or node in hidden:
            continue
        where = place(node)
        if where is None:
            continue
        for name, value in node.attrib.items():
            if where != "after" and (name in ("datetime", "title", "content") or (
                    name.startswith("data-") and _DATE_ATTRIBUTE.search(name))) \
                    and value and len(value) <= 60 and _date_of(value, memo):
                found.append((node, clean_line(value), where))
                break
        else:
            text = _short_text(node)
            if text and (where != "after" or dates._PUBLISHED_LABEL.search(text)) and _date_of(text, memo):
                found.append((node, text, where))
    # The smallest: an element whose descendant already gives the date as finely
    # is not read again (a year alone in its span yields to the day, month and year around it).
    fineness = {id(node): _FINENESS[_date_of(text, memo)[1]] for node, text, _ in found}
    held = {}
    for node, _, _ in found:
        for a in node.iterancestors():
            held[id(a)] = max(held.get(id(a), 0), fineness[id(node)])
    return [unit for unit in found if held.get(id(unit[0]), -1) < fineness[id(unit[0])]]


def _short_text(node):
    words, parts = 0, []
    for piece in node.itertext():
        words += len(piece.split())
        if words > UNIT_WORDS:
            return ""
        parts.append(piece)
    return clean_line(" ".join(parts))


def _hidden_nodes(body):
    """Scripts, navigation, the footer and a header without the headline, with all they hold."""
    hidden = set()
    for node in body.iter():
        if node in hidden or not isinstance(node.tag, str):
            continue
        if node.tag in _HIDDEN or (node.tag == "header" and not any(h.tag in _HEADINGS for h in node.iter())):
            hidden.update(node.iter())
    return hidden


def _is_teaser(node, headline):
    """A date beside a link to another story's headline is that story's."""
    up = node
    for _ in range(TEASER_DEPTH):
        up = up.getparent()
        if up is None or _within(headline, up):
            return False
        if any(word_count(clean_line(a.text_content())) >= TEASER_LINK_WORDS for a in up.iter("a")):
            return True
    return False
