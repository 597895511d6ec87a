"""What a saved web page shows: its visible lines, the text trafilatura takes
out of it, and the outlet cues its logo, home link and copyright line give.

Walked without touching the tree: a saved page may hold text lxml would not
let us write back. Every helper answers "nothing" on a malformed tree rather
than failing the upload.
"""
import re

import lxml.html

from .normalize import clean_line, loose
from .outlets import COPYRIGHT_LINE, Cue, copyright_name


def _byline_zone(tree, chars=600):
    """The visible text that follows the page's first <h1>: where bylines and dates sit."""
    if tree is None:
        return ""
    try:
        from copy import deepcopy

        page = deepcopy(tree)
        for node in page.xpath("//footer|//nav|//script|//style|//noscript|//header[not(.//h1)]|//figcaption"):
            node.getparent().remove(node)
        headings = page.xpath("//h1")
        if not headings:
            return ""
        following = headings[0].xpath("following::text()")
        return " ".join(" ".join(t.split()) for t in following if t.strip())[:chars]
    except Exception:  # a malformed tree: no byline date, not a failed upload
        return ""


_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "time", "span", "td", "section", "article",
           "header", "aside", "ul", "ol", "br", "a", "strong", "small", "em", "b"}
# How many lines around the headline a date may stand: a byline under it, a date line above it.
NEAR_BEFORE, NEAR_AFTER = 6, 10


# A picture's caption is no line of the article: its date is the photo's
# ("صورة أرشيفية من 2014"), its words are not the lead.
_HIDDEN = {"script", "style", "noscript", "footer", "nav", "head", "template", "figcaption"}
# How many lines a page prints between its headline and its first paragraph
# (byline, date, source, a share bar): more than this is no header any more.
HEADER_LINES = 8


def _visible_lines(tree, captions=False):
    """The page's visible lines, one per block or <br>, without scripts, navigation and footers
    (and without pictures' captions, unless ``captions``: a photo story is told in them).

    Walked without touching the tree (a saved page may hold text lxml would
    not let us write back) and without recursion (a page may nest deep)."""
    parts, hidden = [], 0
    hiding = _HIDDEN - {"figcaption"} if captions else _HIDDEN
    blocks = _BLOCKS | {"figcaption", "figure"} if captions else _BLOCKS
    for event, node in lxml.etree.iterwalk(tree, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if hidden or tag in hiding:
                hidden += 1
                continue
            if tag in blocks:
                parts.append("\n")
            if tag and node.text:
                parts.append(node.text)
        else:
            if hidden:
                hidden -= 1
                if not hidden and node.tail:
                    parts.append(node.tail)
                continue
            if tag in blocks:
                parts.append("\n")
            if node.tail:
                parts.append(node.tail)
    lines = [clean_line(line) for line in "".join(parts).split("\n")]
    return [line for line in lines if line]


def _near_headline(tree, title):
    """The page's visible lines nearest its headline, nearest first.

    Sites print the date above the headline, beside the byline under it, or in
    the breadcrumb; never far from it. Scripts, navigation and footers are
    left out (a footer's copyright year never counts, ``dates`` refuses it too).
    """
    if tree is None or not title:
        return ""
    try:
        lines = _visible_lines(tree)
        key = loose(title)
        at = next((i for i, line in enumerate(lines) if loose(line) == key), None)
        if at is None:
            return ""
        order = []
        for step in range(1, max(NEAR_BEFORE, NEAR_AFTER) + 1):
            if step <= NEAR_AFTER and at + step < len(lines):
                order.append(lines[at + step])
            if step <= NEAR_BEFORE and at - step >= 0:
                order.append(lines[at - step])
        return "\n".join(order)
    except Exception:  # a malformed tree: no date from it, not a failed upload
        return ""


def _header_lines(tree, title, lead):
    """The page's visible lines between its headline and the article's first
    paragraph: where a page without metadata prints its byline, its source
    and its date ("سكاي نيوز عربية", "By Ahmad Ali, Sky News Arabia"); they
    are what trafilatura leaves out. Empty when either is not found."""
    if tree is None or not title or not lead:
        return []
    try:
        lines = _visible_lines(tree)
    except Exception:  # a malformed tree: no header lines rather than a failed upload
        return []
    keys = [loose(line) for line in lines]
    head, first = loose(title), loose(clean_line(lead))
    at = next((i for i, key in enumerate(keys) if key == head), None)
    if at is None:
        return []
    end = next((i for i in range(at + 1, min(len(keys), at + 2 + HEADER_LINES)) if first.startswith(keys[i][:80])), None)
    return lines[at + 1:end] if end is not None else []


def _logo_cues(tree):
    """"<img alt="عكاظ">" in the site's logo: the outlet's name when the page declares none."""
    cues = []
    try:
        for img in tree.xpath("//img[@alt]"):
            marks = " ".join(filter(None, [img.get("class"), img.get("id"), img.get("src")]
                                    + [a.get("class") or "" for a in img.iterancestors()][:3]
                                    + [a.get("id") or "" for a in img.iterancestors()][:3])).lower()
            home = any((a.get("href") or "").strip() in ("/", "./", "index.html") or re.match(r"^https?://[^/]+/?$", a.get("href") or "")
                       for a in img.iterancestors("a"))
            alt = clean_line(img.get("alt"))
            if alt and len(alt) <= 60 and ("logo" in marks or "شعار" in alt or home):
                cues.append(Cue(re.sub(r"^(?:شعار|logo)\s*", "", alt, flags=re.I), where="نص شعار الموقع (alt)", names_site=True))
    except Exception:  # a malformed tree: no cue rather than a failed upload
        pass
    # A logo in words: <a class="logo" href="/"><span>عكاظ</span></a>.
    try:
        for a in tree.xpath("//a[contains(@class,'logo') or contains(@id,'logo') or @rel='home']"):
            name = clean_line(a.text_content())
            if name and len(name) <= 60:
                cues.append(Cue(name, where="نص شعار الموقع", names_site=True))
    except Exception:  # a malformed tree: no cue rather than a failed upload
        pass
    return cues[:4]


def _home_link_cues(tree):
    """"<a href="https://www.okaz.com.sa/" rel="home">": the domain of the page's link to its own home."""
    cues = []
    try:
        for a in tree.xpath("//a[@href]"):
            href = (a.get("href") or "").strip()
            if re.match(r"^https?://[^/\s]+/?$", href) and ("home" in (a.get("rel") or "").lower()
                                                          or a.xpath("ancestor::header") or a.xpath(".//img")
                                                          or "logo" in (a.get("class") or "").lower()
                                                          or a.xpath("ancestor::*[contains(@class,'brand') or contains(@class,'logo') or contains(@class,'site-title')]")):
                cues.append(Cue(href, where="رابط الصفحة الرئيسية للموقع"))
    except Exception:  # a malformed tree: no cue rather than a failed upload
        pass
    return cues[:2]


# Words of prose the page's own lines hold past trafilatura's text before they are read instead.
PROSE_LEFT_OUT_WORDS = 40


def _main_text(html, tree):
    import trafilatura

    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        with_metadata=False,
        deduplicate=False,
    ) or ""
    if text.strip():
        from .prose import prose_words, reads_as_article

        if reads_as_article(text):
            return text
        # What trafilatura kept reads as no article (a date and a line or two) while the page's
        # own lines hold the prose it left out: a photo story told in its captions, a live blog's
        # entries. Those lines, read like a text save (menus and boxes go by their shape).
        visible = "\n".join(_visible_lines(tree, captions=True))
        kept, seen = prose_words(text)[0], prose_words(visible)[0]
        return visible if seen >= 2 * kept + PROSE_LEFT_OUT_WORDS else text
    # trafilatura found nothing it trusts: the page's paragraphs, as they are;
    # an old table layout has none, only text between <br>s: its visible lines,
    # read like a text save (menus and furniture go by shape).
    paragraphs = [clean_line(p.text_content()) for p in tree.iter("p")]
    if sum(len(p) for p in paragraphs) >= 200:
        return "\n".join(p for p in paragraphs if p)
    return "\n".join(_visible_lines(tree))


def _copyright_cues(tree):
    """"© 2023 Sky News Arabia": the name in a copyright line (never its year)."""
    cues = []
    try:
        # Footers first; then any short text with a copyright sign (a div class="copy" is a footer too).
        found = tree.xpath("//footer//text() | //*[contains(@class,'footer') or contains(@id,'footer')]//text()")
        found += tree.xpath("//body//text()[contains(., '©') or contains(., 'الحقوق') or contains(., 'حقوق النشر') or contains(translate(., 'COPYRIGHT', 'copyright'), 'copyright')]")
        for text in found:
            text = clean_line(text)
            if COPYRIGHT_LINE.search(text) and len(text) < 200:
                name = copyright_name(text)
                if name:
                    cues.append(Cue(name, where="سطر حقوق النشر", names_site=True))
    except Exception:  # a malformed tree: no cue rather than a failed upload
        pass
    return cues[:3]
