"""trafilatura's text checked against the page's own structure.

trafilatura decides line by line what is the article; on a design it has not
seen it keeps a related block's one-sentence summaries, a "read also" line
between two paragraphs, an author's bio, or misses an article printed in
``<div>``s while it keeps the ``<p>``s of a teaser list. The page itself says
more, with evidence that holds on any site:

- **where the article's prose lives**: the element that holds most prose
  (lines of a dozen words or more that are not links), scored as Readability
  does (each paragraph counts for the element that holds it, half for the one
  above; a wrapper around a single paragraph is looked through);
- **link density**: a block inside the article whose text is mostly links is a
  box of related headlines, not a paragraph;
- **the JSON-LD ``articleBody``** where the page declares it whole: what is not in
  it, after the article has begun, is not the article's.

``checked_text`` applies them: lines after the article's first paragraph
that stand outside its element, in a link box inside it, or outside a
declared ``articleBody`` are dropped; when trafilatura kept well under the
prose that element holds, the element's own lines are read instead. Lines
before the first paragraph (headline, byline, date, lead) are left to the
text reader. Nothing is dropped when the evidence is missing or weak.
"""
from collections import defaultdict

import lxml.etree

from .normalize import clean_line, loose, word_count

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
    """A line as compared: no invisible marks (a saved page and trafilatura keep them apart), loose letters."""
    return loose(clean_line(" ".join(text.split())))


def _segments(node):
    """The element's own text, parted at its ``<br>``s and block children: [(text, link characters)]."""
    out, text, links = [], [node.text or ""], 0
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _INLINE:
            inner = child.xpath("string()")
            text.append(inner)
            if tag == "a" or child.xpath(".//a"):
                links += len(" ".join(inner.split()))
        else:
            out.append(("".join(text), links))
            text, links = [], 0
        text.append(child.tail or "")
    out.append(("".join(text), links))
    return [(clean_line(t), n) for t, n in out if clean_line(t)]


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


def article_element(tree):
    """The element that holds most of the page's prose, or None."""
    scores = defaultdict(float)
    for node in _visible(tree):
        units = [(t, n) for t, n in _segments(node) if word_count(t) >= PROSE_WORDS and n < LINK_DENSE * len(t)]
        if not units:
            continue
        words = sum(word_count(t) for t, _ in units)
        holder = node if len(_segments(node)) >= 2 and node.tag != "p" else node.getparent()
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


def _link_share(node):
    text = len(" ".join(node.xpath("string()").split()))
    if not text:
        return 0.0
    links = sum(len(" ".join(a.xpath("string()").split())) for a in node.iter("a"))
    return links / text


# A block with a form control (a newsletter's e-mail field, a button) and no more words than this is a widget.
WIDGET_WORDS = 30


def _link_boxes(element):
    """The keys of the blocks inside the article element that are mostly links (related headlines, cards,
    tags), or a small widget with a form control (a newsletter's prompt and its field)."""
    boxes = []
    for node in element.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        if not tag or tag in _INLINE or node is element:
            continue
        if node.xpath(".//a") and _link_share(node) > LINK_DENSE or (
                node.xpath(".//input|.//button|.//textarea|.//select") and word_count(node.xpath("string()")) <= WIDGET_WORDS):
            boxes.append(_key(node.xpath("string()")))
    return boxes


def _shapes(element):
    """What element holds each line inside the article: its tag and class. Returns (line key -> shape, the shapes
    that hold the article's prose). A headline inside the article (a crosshead: ``<h2>``, a paragraph that is
    all bold) and a list's item take the shape of prose: a section of the article may begin with one, and
    an article may list."""
    shapes, prose = {}, set()
    for node in element.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        if not tag or tag in _INLINE:
            continue
        shape = _shape(node)
        bold = len(node) == 1 and node[0].tag in ("b", "strong") and not (node.text or "").strip() \
            and not (node[0].tail or "").strip()
        for text, _ in _segments(node):
            key = _key(text)
            if word_count(text) >= PROSE_WORDS:
                prose.add(shape)
            # A list's items are the article's own when they are not links (those are boxes).
            shapes.setdefault(key, "heading" if tag in _HEADINGS or bold or tag == "li" else shape)
    if prose:
        prose.add("heading")
    return shapes, prose


_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def _element_lines(element):
    """The element's own lines, one per block or ``<br>``, without the blocks that are mostly links."""
    from .html_page import _visible_lines

    lines = _visible_lines(element)
    boxes = _link_boxes(element)
    return [line for line in lines if not any(_key(line) in box for box in boxes)]


def checked_text(text, tree, article_body=""):
    """trafilatura's ``text`` with what the page's structure says is not the article taken out (see the module)."""
    if tree is None or not text.strip():
        return text
    try:
        element = article_element(tree)
    except Exception:  # a malformed tree: trafilatura's text as it is
        return text
    if element is None:
        return _against_article_body(text, article_body)
    inside = _key(element.xpath("string()"))
    lines = text.split("\n")
    keys = [_key(line) for line in lines]
    prose = [word_count(line) >= PROSE_WORDS for line in lines]
    # What of the element's prose trafilatura kept; too little, and the element's lines are read instead.
    own = _element_lines(element)
    own_prose = sum(word_count(line) for line in own if word_count(line) >= PROSE_WORDS)
    kept = sum(word_count(line) for line, key, p in zip(lines, keys, prose) if p and key in inside)
    if own_prose and kept < KEPT_SHARE * own_prose and not _prose_before(tree, element, keys, prose):
        # trafilatura's lines above its first paragraph were no article's either: the element's lines alone
        # (the headline is put back by the reader, the date comes from the page's metadata or byline).
        shapes, prose_shapes = _shapes(element)
        own = [line for line in own if not _short_of_its_own_kind(line, shapes, prose_shapes)]
        return _against_article_body("\n".join(own), article_body)
    first = next((i for i, (key, p) in enumerate(zip(keys, prose)) if p and key in inside), None)
    if first is None:
        return _against_article_body(text, article_body)
    boxes = _link_boxes(element)
    shapes, prose_shapes = _shapes(element)
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
    """A short line in an element of a kind no paragraph of the article has ("<p class=promo>"): a prompt, a label."""
    key = _key(line)
    return word_count(line) < PROSE_WORDS and key in shapes and shapes[key] not in prose_shapes


def _against_article_body(text, article_body):
    """Lines after the first paragraph that a whole declared ``articleBody`` does not hold are dropped."""
    body = _key(article_body or "")
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
