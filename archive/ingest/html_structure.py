"""trafilatura's text checked against the page's own structure.

trafilatura decides line by line what is the article; on a design it has not
seen it keeps a related block's one-sentence summaries, a "read also" line
between two paragraphs, an author's bio, or misses an article printed in
``<div>``s while it keeps the ``<p>``s of a teaser list. The page itself says
more, with evidence that holds on any site:

- **where the article's prose lives**: the element that holds most prose
  (lines of a dozen words or more that are not links), scored as Readability
  does (each paragraph counts for the element that holds it, half for the one
  above; a wrapper around a single paragraph is looked through; an article
  parted into blocks of one kind is read from the element holding them all);
- **link density**: a block inside the article whose text is mostly links is a
  box of related headlines, not a paragraph; a small block with a form control
  is a widget (a newsletter's prompt and field);
- **the kind of element**: a short line held by an element of a kind (tag and
  class) that holds none of the article's paragraphs is a prompt or a label
  (crossheads and list items excepted);
- **the JSON-LD ``articleBody``** where the page declares it whole: what is not in
  it, after the article has begun, is not the article's.

``checked_text`` applies them: lines after the article's first paragraph
that stand outside its element, in a link box or a widget inside it, in an
element of their own kind, or outside a declared ``articleBody`` are dropped; when trafilatura kept well under the
prose that element holds, the element's own lines are read instead. Lines
before the first paragraph (headline, byline, date, lead) are left to the
text reader. Nothing is dropped when the evidence is missing or weak.
"""
from collections import defaultdict
import html
import unicodedata

import lxml.etree
import lxml.html

from .html_page import _visible_lines
from .lines import ends_sentence
from .normalize import INVISIBLE, word_count

# A line of prose: this many words or more (a headline, a label or a button is shorter).
PROSE_WORDS = 12
# The element found must hold at least this much prose to be trusted.
MIN_ARTICLE_WORDS = 40
# A block whose text is more than this share links is a box of links.
LINK_DENSE = 0.5
# trafilatura's text is replaced by the element's when it holds less than this share of its prose.
KEPT_SHARE = 0.5
# A declared articleBody is trusted when it holds this share of the prose trafilatura and the page agree on.
ARTICLE_BODY_COVER = 0.8

_SKIP = {"script", "style", "noscript", "template", "head", "nav", "footer", "aside", "header", "form", "button",
         "select", "textarea", "svg", "iframe", "figcaption"}
_INLINE = {"a", "b", "strong", "em", "i", "u", "span", "small", "time", "abbr", "q", "sup", "sub", "mark", "cite",
           "font", "bdi", "bdo", "code", "s", "del", "ins"}


def _key(text):
    """A line as compared: composed (NFC), no invisible marks (a saved page and trafilatura's
    text keep them apart, both come from the same characters otherwise), single spaces."""
    return " ".join(INVISIBLE.sub("", unicodedata.normalize("NFC", text)).split())


def _segments(node, cache):
    """The element's own text, parted at its ``<br>``s and block children: [(text, link characters)].
    ``cache``: one page's segments, each element's read once."""
    if node not in cache:
        cache[node] = _own_segments(node)
    return cache[node]


def _own_segments(node):
    out, text, links = [], [node.text or ""], 0
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _INLINE:
            inner = child.xpath("string()")
            text.append(inner)
            if tag == "a" or child.find(".//a") is not None:
                links += len(" ".join(inner.split()))
        else:
            out.append(("".join(text), links))
            text, links = [], 0
        text.append(child.tail or "")
    out.append(("".join(text), links))
    return [(t, n) for t, n in ((" ".join(t.split()), n) for t, n in out) if t]


def _visible(tree):
    """The elements a reader sees (not scripts, navigation, footers, side columns, forms)."""
    hidden = 0
    for event, node in lxml.etree.iterwalk(tree, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if hidden or tag in _SKIP or not tag:
                hidden += 1
                continue
            yield node
        elif hidden:
            hidden -= 1


def article_element(tree, cache=None):
    """The element that holds most of the page's prose, or None."""
    scores, cache = defaultdict(float), {} if cache is None else cache
    for node in _visible(tree):
        segments = _segments(node, cache)
        words = sum(word_count(t) for t, n in segments if word_count(t) >= PROSE_WORDS and n < LINK_DENSE * len(t))
        if not words:
            continue
        holder = node if len(segments) >= 2 and node.tag != "p" else node.getparent()
        # A wrapper around one paragraph ("<div class=x><p>…</p></div>") is looked through.
        while holder is not None and holder.getparent() is not None and len(holder) == 1:
            holder = holder.getparent()
        if holder is None:
            continue
        scores[holder] += words
        if holder.getparent() is not None:
            scores[holder.getparent()] += words / 2
    if not scores:
        return None
    best = max(scores, key=scores.get)
    if scores[best] < MIN_ARTICLE_WORDS:
        return None
    # An article parted in several blocks of one kind (an advertisement's slot between two
    # "<div class=body>"s): the element that holds them all.
    parent = best.getparent()
    if parent is not None and any(sibling is not best and _shape(sibling) == _shape(best) and scores.get(sibling, 0)
                                  for sibling in parent):
        return parent
    return best


def _shape(node):
    return (node.tag, " ".join((node.get("class") or "").split()))


# A block with a form control (a newsletter's e-mail field, a button) and no more words than this is a widget.
WIDGET_WORDS = 30
_CONTROLS = {"input", "button", "textarea", "select"}


def _link_boxes(element):
    """The keys of the blocks inside the article element that are mostly links (related headlines, cards,
    tags), or a small widget with a form control (a newsletter's prompt and its field); the outermost of
    nested ones. Measured in one pass from the leaves up (characters of text, of links, form controls)."""
    size, linked, control = {}, {}, {}
    nodes = [node for node in element.iter() if isinstance(node.tag, str)]
    for node in reversed(nodes):  # every node after all of its children
        kids = [child for child in node if isinstance(child.tag, str)]
        own = len("".join((node.text or "").split())) + sum(len("".join((c.tail or "").split())) for c in kids)
        size[node] = own + sum(size[c] for c in kids)
        linked[node] = size[node] if node.tag == "a" else sum(linked[c] for c in kids)
        control[node] = node.tag in _CONTROLS or any(control[c] for c in kids)

    def is_box(node):
        return node is not element and node.tag not in _INLINE and (
            linked[node] and linked[node] > LINK_DENSE * size[node]
            or control[node] and size[node] <= WIDGET_WORDS * 6)  # about six letters a word

    return [_key(node.xpath("string()")) for node in nodes
            if is_box(node) and not (node.getparent() in size and is_box(node.getparent()))]


def _shapes(element, cache):
    """What element holds each short line inside the article: its tag and class. Returns (line key -> shape,
    the shapes that hold the article's prose). A headline inside the article (a crosshead: ``<h2>``, a
    paragraph that is all bold) and a list's item take the shape of prose: a section of the article may
    begin with one, and an article may list."""
    shapes, prose = {}, set()
    for node in element.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        if not tag or tag in _INLINE:
            continue
        shape = _shape(node)
        bold = len(node) == 1 and node[0].tag in ("b", "strong") and not (node.text or "").strip() \
            and not (node[0].tail or "").strip()
        for text, _ in _segments(node, cache):
            if word_count(text) >= PROSE_WORDS:
                prose.add(shape)
            else:
                # A list's items are the article's own when they are not links (those are boxes).
                shapes.setdefault(_key(text), "heading" if tag in _HEADINGS or bold or tag == "li" else shape)
    if prose:
        prose.add("heading")
    return shapes, prose


_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def _element_lines(element, boxes):
    """The element's own lines, one per block or ``<br>``, without the blocks that are mostly links."""
    lines = _visible_lines(element)
    keys = [_key(line) for line in lines]
    return [line for line, key in zip(lines, keys) if not any(key in box for box in boxes)]


def _prose_words(element, cache):
    """The words of the element's prose: its lines of a dozen words or more that are not mostly links."""
    return sum(word_count(t) for node in element.iter() if isinstance(node.tag, str) and node.tag not in _INLINE
               for t, n in _segments(node, cache) if word_count(t) >= PROSE_WORDS and n < LINK_DENSE * len(t))


def checked_text(text, tree, article_body=""):
    """trafilatura's ``text`` with what the page's structure says is not the article taken out (see the module)."""
    if tree is None or not text.strip():
        return text
    try:
        return _checked(text, tree, article_body, {})
    except Exception:  # a malformed tree: trafilatura's text as it is
        return text


def _checked(text, tree, article_body, cache):
    element = article_element(tree, cache)
    if element is None:
        return _against_article_body(text, article_body)
    inside = _key(element.xpath("string()"))
    lines = text.split("\n")
    keys = [_key(line) for line in lines]
    prose = [word_count(line) >= PROSE_WORDS for line in lines]
    # What of the element's prose trafilatura kept; too little, and the element's lines are read instead.
    own_prose = _prose_words(element, cache)
    kept = sum(word_count(line) for line, key, p in zip(lines, keys, prose) if p and key in inside)
    replace = own_prose and kept < KEPT_SHARE * own_prose and not _prose_before(tree, element, keys, prose)
    first = next((i for i, (key, p) in enumerate(zip(keys, prose)) if p and key in inside), None)
    if first is None and not replace:
        return _against_article_body(text, article_body)
    boxes = _link_boxes(element)
    shapes, prose_shapes = _shapes(element, cache)
    if replace:
        # trafilatura's lines above its first paragraph were no article's either: the element's lines alone
        # (the headline is put back by the reader, the date comes from the page's metadata or byline).
        own = [line for line in _element_lines(element, boxes) if not _short_of_its_own_kind(line, shapes, prose_shapes)]
        return _against_article_body("\n".join(own), article_body)
    out = lines[:first + 1]
    for line, key in zip(lines[first + 1:], keys[first + 1:]):
        if not key:
            out.append(line)
        elif key not in inside or any(key in box for box in boxes):
            continue
        elif _short_of_its_own_kind(line, shapes, prose_shapes):
            continue
        else:
            out.append(line)
    return _against_article_body("\n".join(out), article_body)


def _prose_before(tree, element, keys, prose):
    """Whether trafilatura's first paragraph stands before the element on the page: then the element is
    what follows an article (a long comment thread), not an article trafilatura missed."""
    page = _key(tree.xpath("string(//body)") or tree.xpath("string()"))
    start = page.find(_key(element.xpath("string()"))[:200])
    first = next((key for key, p in zip(keys, prose) if p), "")
    at = page.find(first[:200]) if first else -1
    return 0 <= at < start


def _short_of_its_own_kind(line, shapes, prose_shapes):
    """A short line in an element of a kind no paragraph of the article has ("<p class=promo>"): a prompt, a
    label. One that ends a sentence is the article's short paragraph, whatever the class of its element."""
    key = _key(line)
    return word_count(line) < PROSE_WORDS and key in shapes and shapes[key] not in prose_shapes and not ends_sentence(line)


def _plain(article_body):
    """A declared articleBody as text: some sites put the article's HTML in it, or its entities."""
    if "<" in article_body:
        try:
            article_body = lxml.html.fragment_fromstring(article_body, create_parent="div").text_content()
        except (ValueError, lxml.etree.ParserError):
            return ""
    return html.unescape(article_body)


def _against_article_body(text, article_body):
    """Lines after the first paragraph that a whole declared ``articleBody`` does not hold are dropped."""
    body = _key(_plain(article_body or ""))
    if word_count(body) < MIN_ARTICLE_WORDS:
        return text
    lines = text.split("\n")
    keys = [_key(line) for line in lines]
    prose = [(key, word_count(key)) for key in keys if word_count(key) >= PROSE_WORDS]
    held = sum(n for key, n in prose if key in body)
    if not prose or held < ARTICLE_BODY_COVER * sum(n for _, n in prose):
        return text  # a teaser or a truncated articleBody: no evidence of where the article ends
    first = next(i for i, key in enumerate(keys) if word_count(key) >= PROSE_WORDS and key in body)
    return "\n".join([*lines[:first + 1], *(line for line, key in zip(lines[first + 1:], keys[first + 1:])
                                            if not key or key in body)])
