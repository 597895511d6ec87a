"""A saved web page (``.html``, ``.htm``) → a ``Draft``.

The article's text comes from trafilatura, which knows menus, sidebars and
footers from content. The metadata come from the page's own declarations,
most trustworthy first:

- date: ``<meta property="article:published_time">``, JSON-LD ``datePublished``,
  ``<time datetime>``, ``<meta itemprop/name="datePublished|pubdate|date">``,
  then the text's own header or lead (``archive.ingest.dates``). Never the
  footer's copyright year.
- title: ``og:title``, JSON-LD ``headline``, the first ``<h1>``, ``<title>``,
  each without a trailing " - Outlet" / " | Outlet".
- outlet: ``og:site_name``, JSON-LD ``publisher.name``, the domain of the
  canonical URL.
- url: ``<link rel="canonical">``, ``og:url``.

No HTML is kept: the body is plain text, so there is nothing to sanitise.
"""
import json
import re

import lxml.html

from . import dates
from .draft import Draft, IngestError
from .normalize import clean_line, loose
from .outlets import TITLE_TO, Cue, file_name_cues, hosts_in, name_key, resolve
from .text import DERIVED_TITLE_WARNING, NO_DATE_WARNING, derive_title, read_text

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "webpage", "backgroundnewsarticle"}
_TITLE_SEPARATORS = re.compile(r"\s+[-–—|•»:]\s+|\s+::\s+")
# Put where the page's title goes when ``read_text`` would not see that title as
# a headline: plain Arabic words that read as a headline and nothing else.
_HEADLINE_STAND_IN = "عنوان المقال كما تعلنه الصفحة"


def draft_from_html(html: str, source_name: str = "", catalog=None) -> Draft:
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError) as error:
        raise IngestError("تعذّرت قراءة صفحة HTML: الملف تالف.", f"Could not parse the HTML page ({error}).")
    if re.search(r"<(?:rss|feed|rdf:RDF)[\s>]", html[:3000]):
        raise IngestError(
            "هذا ملف أخبار (RSS أو Atom): قائمة عناوين وروابط وليس مقالاً، فلم يُستورد.",
            "This is a news feed (RSS or Atom): a list of headlines and links, not an article.",
        )
    meta = _metadata(tree)
    # A login form saved instead of the page: a password field and little else.
    from .verdict import is_login_page, login_page

    if tree.xpath("//input[@type='password']") and is_login_page(meta.get("title") or "", "\n".join(_visible_lines(tree))):
        raise login_page()
    text = _main_text(html, tree)
    if not text.strip():
        raise IngestError(
            "لم يُعثر على نص المقال في صفحة HTML.",
            "No article text was found in the HTML page.",
        )
    site_name = meta.get("site_name") or ""
    meta["title"], meta["title_from"] = _page_title(meta, site_name or meta.get("publisher") or "",
                                                    catalog.outlets if catalog is not None else None)
    title = _without_site_suffix(meta.get("title") or "", site_name or meta.get("publisher") or "",
                                 catalog.outlets if catalog is not None else None)
    title, title_rest = _printed_part(title, tree)

    if title:
        # The page's own <h1> repeats the headline at the top of the text,
        # perhaps behind a kicker ("حصري", "فيديو") of a word or two.
        lines = text.split("\n")
        key = loose(title)
        head = [line for line in lines[:5] if not (loose(clean_line(line)) == key or (
            loose(clean_line(line)).endswith(key) and len(loose(clean_line(line))[:-len(key)].split()) <= 2))]
        text = "\n".join([*head, *lines[5:]])
        try:
            reading = read_text("\n".join([title, "", text]))
        except IngestError:  # the only paragraph was taken for the headline
            reading = None
        if reading is None or reading.title_derived or (
                loose(clean_line(reading.title)) != loose(title) and not _same_headline(reading.title, title)):
            # The reader did not take the page's title for a headline (under
            # four words, mostly Latin letters, read as a date line…) and took
            # the next headline-like line instead: the lead (one that ends with
            # no full stop), which the page's title then replaced. A stand-in
            # headline on the first line keeps the lead in the body. (A line
            # that is the title in other words, the page's <h1> beside its
            # og:title, is the headline's and stays out.)
            reading = read_text("\n".join([_HEADLINE_STAND_IN, "", text]), headline_first=True)
            reading.cues.extend(Cue(m["name"]) for m in TITLE_TO.finditer(title))
    else:
        reading = read_text(text)
    body_lines = reading.body_lines
    if not body_lines:
        raise IngestError("لم يُعثر على نص المقال في صفحة HTML.", "No article text was found in the HTML page.")
    draft = Draft(title="", body="\n\n".join(body_lines), source_name=source_name, format="html")
    from .verdict import error_page, index_page, is_error_page, is_link_page

    if is_link_page(tree, draft.body):
        raise error_page() if is_error_page(meta.get("title") or "", draft.body) else index_page()
    if title:
        draft.title = title
        draft.provenance["title"] = meta.get("title_from") or ""
    elif not reading.title_derived:
        draft.title = reading.title
        draft.provenance["title"] = "أول سطر بشكل عنوان قبل الفقرات"
    else:
        draft.title = derive_title(body_lines[0])
        draft.warn(DERIVED_TITLE_WARNING)
        draft.provenance["title"] = "مأخوذ من الجملة الأولى (لا عنوان في الصفحة)"

    found = None
    for value, where in meta.get("dates", []):
        found = dates.parse_exact(value) or _loose_date(value)
        if found:
            draft.provenance["date"] = f"«{value[:40]}» — {where}"
            break
    if found:
        draft.published, draft.date_precision = found[0], found[1]
    else:
        zone = "\n".join([*reading.header_lines, body_lines[0]])
        # trafilatura drops bylines; then look just under the headline on the
        # page itself (footer, navigation and scripts removed, so a footer's
        # copyright year is never taken).
        in_text = dates.find_date(zone)
        where = "رأس المقال"
        if not in_text:
            in_text, where = dates.find_date(_byline_zone(tree)), "النص تحت العنوان"
        if not in_text and meta.get("url"):
            in_text, where = url_date(meta["url"]), "مسار الرابط الأصلي"
        if not in_text:
            in_text, where = dates.find_date(_near_headline(tree, draft.title)), "قرب العنوان في الصفحة"
        if in_text:
            draft.published, draft.date_precision = in_text[0], in_text[1]
            draft.provenance["date"] = f"«{in_text[2]}» — {where}"
        else:
            draft.warn(NO_DATE_WARNING)

    draft.url = meta.get("url") or ""
    draft.dateline_name = reading.dateline
    if catalog is not None:
        cues = [Cue(site_name, may_propose=True, where="وسم og:site_name", names_site=True)] if site_name else []
        if meta.get("publisher"):
            cues.append(Cue(meta["publisher"], may_propose=True, where="JSON-LD publisher", names_site=True))
        if draft.url:
            cues.append(Cue(draft.url, where="نطاق الرابط الأصلي (canonical/og:url)"))
            host = next(hosts_in(draft.url), ("", ""))[0]
            if host and not cues[:-1]:
                # No name declared anywhere: the site's domain stands for it.
                cues.append(Cue(host.removeprefix("www."), may_propose=True, where="نطاق الرابط الأصلي"))
        declared = bool(site_name or meta.get("publisher"))
        suffix = _site_suffix(meta.get("raw_title") or "")
        if suffix and not declared:
            cues.append(Cue(suffix, where="ذيل عنوان الصفحة", names_site=True))
        prefix = _site_prefix(meta.get("raw_title") or "")
        if prefix and not declared:
            cues.append(Cue(prefix, where="صدر عنوان الصفحة", names_site=True))
        if title_rest and not declared:
            cues.extend(Cue(part, where="عنوان الصفحة بجانب العنوان", names_site=True) for part in title_rest)
        cues.extend(reading.cues)
        if not declared:
            # Weaker than a name the page declares: asked for only without one.
            if meta.get("copyright"):
                cues.append(Cue(meta["copyright"], where="وسم copyright", names_site=True))
            if meta.get("author"):  # <meta name="author"> often names the site, not a person
                cues.append(Cue(meta["author"], where="وسم author", names_site=True))
            cues.extend(_logo_cues(tree))
            cues.extend(_home_link_cues(tree))
            cues.extend(_copyright_cues(tree))
            cues.extend(file_name_cues(source_name))
        resolve(cues, catalog.outlets).apply(draft)
    else:
        draft.outlet_name = site_name or meta.get("publisher") or None
    return draft


def _same_headline(line, title):
    """Most of the shorter one's words are the other's: the <h1> beside an og:title worded a little apart."""
    a, b = set(loose(clean_line(line)).split()), set(loose(title).split())
    return bool(a and b) and len(a & b) >= 0.6 * min(len(a), len(b))


def _byline_zone(tree, chars=600):
    """The visible text that follows the page's first <h1>: where bylines and dates sit."""
    if tree is None:
        return ""
    try:
        from copy import deepcopy

        page = deepcopy(tree)
        for node in page.xpath("//footer|//nav|//script|//style|//noscript|//header[not(.//h1)]"):
            node.getparent().remove(node)
        headings = page.xpath("//h1")
        if not headings:
            return ""
        following = headings[0].xpath("following::text()")
        return " ".join(" ".join(t.split()) for t in following if t.strip())[:chars]
    except Exception:  # a malformed tree: no byline date, not a failed upload
        return ""


# "/2018/05/14/", "/2018-05-14/", "/20180514/": a site's path dates the article.
_URL_DAY = re.compile(r"/((?:19|20)\d{2})([/-]?)(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")


def url_date(url):
    """The date a URL's path gives, at its precision: ``(date, precision, matched)`` or None."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "", flags=re.I).split("?")[0]
    m = _URL_DAY.search(path)
    if m and (m[2] or len(m[3]) == len(m[4]) == 2):
        found = dates.parse_exact(f"{m[1]}-{int(m[3]):02d}-{int(m[4]):02d}")
        if found:
            return found[0], found[1], m.group(0).strip("/")
    m = _URL_MONTH.search(path)
    if m:
        found = dates.parse_exact(f"{m[1]}-{m[2]}")
        if found:
            return found[0], found[1], m.group(0).strip("/")
    return None


_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "time", "span", "td", "section", "article",
           "header", "aside", "ul", "ol", "br", "a", "strong", "small", "em", "b"}
# How many lines around the headline a date may stand: a byline under it, a date line above it.
NEAR_BEFORE, NEAR_AFTER = 6, 10


_HIDDEN = {"script", "style", "noscript", "footer", "nav", "head", "template"}


def _visible_lines(tree):
    """The page's visible lines, one per block or <br>, without scripts, navigation and footers.

    Walked without touching the tree (a saved page may hold text lxml would
    not let us write back) and without recursion (a page may nest deep)."""
    parts, hidden = [], 0
    for event, node in lxml.etree.iterwalk(tree, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if hidden or tag in _HIDDEN:
                hidden += 1
                continue
            if tag in _BLOCKS:
                parts.append("\n")
            if tag and node.text:
                parts.append(node.text)
        else:
            if hidden:
                hidden -= 1
                if not hidden and node.tail:
                    parts.append(node.tail)
                continue
            if tag in _BLOCKS:
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


def _loose_date(value):
    found = dates.find_date(value)
    return (found[0], found[1]) if found else None


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
        return text
    # trafilatura found nothing it trusts: the page's paragraphs, as they are;
    # an old table layout has none, only text between <br>s: its visible lines,
    # read like a text save (menus and furniture go by shape).
    paragraphs = [clean_line(p.text_content()) for p in tree.iter("p")]
    if sum(len(p) for p in paragraphs) >= 200:
        return "\n".join(p for p in paragraphs if p)
    return "\n".join(_visible_lines(tree))


def _metadata(tree):
    meta = {"dates": []}

    def content(*selectors):
        for attr, value in selectors:
            for node in tree.iter("meta"):
                if (node.get(attr) or "").strip().lower() == value:
                    text = (node.get("content") or "").strip()
                    if text:
                        return text
        return ""

    ld = list(_json_ld(tree))
    ld_article = next((item for item in ld if _types(item) & _ARTICLE_TYPES - {"webpage"}), None)
    ld_article = ld_article or next((item for item in ld if _types(item) & _ARTICLE_TYPES), {})

    published_meta = content(("property", "article:published_time"), ("name", "article:published_time"))
    if published_meta:
        meta["dates"].append((published_meta, "وسم article:published_time"))
    if isinstance(ld_article.get("datePublished"), str):
        meta["dates"].append((ld_article["datePublished"], "JSON-LD datePublished"))
    # A page's <time> elements, the one marked published first and one marked
    # updated or modified last: WordPress prints "updated" before "published".
    times = []
    for node in tree.iter("time"):
        if _in_footer(node):
            continue
        marks = " ".join(filter(None, [node.get("class"), node.get("itemprop"), node.get("id")])).lower()
        # "<time>الاثنين 14 مايو 2018</time>": a <time> without datetime says it in words.
        value = node.get("datetime") or clean_line(node.text_content())
        if value:
            rank = 0 if re.search(r"publish|entry-date|created", marks) else 2 if re.search(r"updat|modif", marks) else 1
            times.append((rank, len(times), value))
    if times:
        meta["dates"].append((min(times)[2], "عنصر <time> في الصفحة"))
    other = content(("itemprop", "datepublished"), ("name", "datepublished"), ("name", "pubdate"),
                    ("name", "publishdate"), ("name", "date"), ("name", "dc.date"), ("name", "dc.date.issued"))
    if other:
        meta["dates"].append((other, "وسم meta للتاريخ"))
    else:
        # Microdata on a visible element: <span itemprop="datePublished">14 مايو 2018</span>.
        for node in tree.xpath("//*[@itemprop='datePublished' or @itemprop='datepublished']")[:1]:
            value = node.get("content") or node.get("datetime") or clean_line(node.text_content())
            if value:
                meta["dates"].append((value, "خاصية itemprop=datePublished"))

    headline = ld_article.get("headline") if isinstance(ld_article.get("headline"), str) else ""
    h1 = next((clean_line(h.text_content()) for h in tree.iter("h1") if clean_line(h.text_content())), "")
    title_tag = next((clean_line(t.text_content()) for t in tree.iter("title")), "")
    og_title = content(("property", "og:title"), ("name", "og:title"), ("name", "twitter:title"))
    # Every page's own title, most trustworthy first (``_page_title`` skips one that is only the site's name).
    meta["titles"] = [(clean_line(value), where) for value, where in (
        (og_title, "وسم og:title"), (headline, "JSON-LD headline"), (h1, "عنوان <h1> في الصفحة"),
        (title_tag, "وسم <title>")) if clean_line(value or "")]
    meta["title"], meta["title_from"] = meta["titles"][0] if meta["titles"] else ("", "")
    meta["raw_title"] = title_tag
    meta["author"] = clean_line(content(("name", "author")))[:120]
    # <meta name="copyright" content="© 2021 عكاظ">: the name without the sign and the year.
    meta["copyright"] = " ".join(re.sub(r"©|\(c\)|copyright|\d{4}(?:\s*[-–]\s*\d{4})?|جميع الحقوق محفوظة|all rights reserved|[.,،|]",
                                        " ", content(("name", "copyright"), ("name", "dcterms.rightsholder")), flags=re.I).split())[:120]

    publisher = ld_article.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        meta["publisher"] = clean_line(publisher["name"])
    else:
        # schema.org microdata: <span itemprop="publisher"><meta itemprop="name" content="…"></span>.
        for node in tree.xpath("//*[@itemprop='publisher']//*[@itemprop='name']")[:1]:
            name = clean_line(node.get("content") or node.text_content())
            if name:
                meta["publisher"] = name
    meta["site_name"] = clean_line(content(("property", "og:site_name"), ("name", "og:site_name"), ("name", "application-name")))

    canonical = next((link.get("href") for link in tree.iter("link")
                      if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")), "")
    url = (canonical or content(("property", "og:url"), ("name", "og:url"))).strip()
    meta["url"] = url if re.match(r"^https?://\S+$", url) and len(url) <= 2000 else ""
    return meta


def _json_ld(tree):
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|\]\]>\s*$", "", raw)
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):  # invalid, or nested deeper than the parser's stack
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])


def _types(item):
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _in_footer(node):
    for ancestor in node.iterancestors():
        if ancestor.tag == "footer" or "footer" in (ancestor.get("class") or "").lower() \
                or "footer" in (ancestor.get("id") or "").lower():
            return True
    return False


def _site_prefix(title):
    """The first part of "Outlet | Headline" (asked for as a known outlet only)."""
    parts = _TITLE_SEPARATORS.split(title)
    return parts[0].strip() if len(parts) >= 2 and len(parts[0].split()) <= 5 else ""


def _site_suffix(title):
    """The last part of "Headline - Outlet" (asked for as a known outlet only)."""
    parts = _TITLE_SEPARATORS.split(title)
    return parts[-1].strip() if len(parts) >= 2 and len(parts[-1].split()) <= 5 else ""


_COPYRIGHT_LINE = re.compile(r"©|\(c\)|copyright|جميع الحقوق|حقوق (?:النشر|الطبع)|الحقوق محفوظة|all rights reserved", re.I)


def _copyright_cues(tree):
    """"© 2023 Sky News Arabia": the name in a copyright line (never its year)."""
    cues = []
    try:
        # Footers first; then any short text with a copyright sign (a div class="copy" is a footer too).
        found = tree.xpath("//footer//text() | //*[contains(@class,'footer') or contains(@id,'footer')]//text()")
        found += tree.xpath("//body//text()[contains(., '©') or contains(., 'الحقوق') or contains(., 'حقوق النشر') or contains(translate(., 'COPYRIGHT', 'copyright'), 'copyright')]")
        for text in found:
            text = clean_line(text)
            if _COPYRIGHT_LINE.search(text) and len(text) < 200:
                name = re.sub(r"©|\(c\)|copyright|\d{4}(?:\s*[-–]\s*\d{4})?|جميع الحقوق محفوظة(?:\s*لـ?\s*)?|حقوق النشر محفوظة(?:\s*لـ?\s*)?|all rights reserved|[.,،|]", " ", text, flags=re.I)
                if name.strip():
                    cues.append(Cue(" ".join(name.split()), where="سطر حقوق النشر", names_site=True))
    except Exception:  # a malformed tree: no cue rather than a failed upload
        pass
    return cues[:3]


def _page_title(meta, site_name, outlets=None):
    """The first of the page's titles that is more than the site's name: a
    template may put "سكاي نيوز عربية" in every page's og:title, or the logo in
    the <h1>. ``(title, where)``."""
    def only_site(value):
        if site_name and name_key(value) == name_key(site_name):
            return True
        return outlets is not None and len(value.split()) <= 5 and outlets.find_name(value) is not None

    titles = meta.get("titles") or []
    tag = next((value for value, where in titles if where == "وسم <title>"), "")

    def section_name(value, where):
        # An <h1> of a few words that the <title> does not hold is the section's name ("أخبار عربية ودولية").
        return (where == "عنوان <h1> في الصفحة" and len(value.split()) <= 4 and len(tag.split()) >= 5
                and name_key(value) not in name_key(tag))

    for value, where in titles:
        if not only_site(value) and not section_name(value, where):
            return value, where
    return titles[0] if titles else ("", "")


def _printed_part(title, tree):
    """"Outlet | Headline" whose outlet the catalogue does not hold: the part the
    page prints on a line of its own is the headline; the rest are asked for as
    the outlet. ``(title, [other parts])``; the title unchanged when no part is printed."""
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title, []
    try:
        printed = {loose(line) for line in _visible_lines(tree)}
    except Exception:  # a malformed tree: keep the title as declared
        return title, []
    if loose(title) in printed:
        return title, []
    for part in parts:
        if loose(part) in printed and len(part.split()) >= 3:
            return part, [p for p in parts if p is not part and len(p.split()) <= 5]
    return title, []


def _without_site_suffix(title, site_name, outlets=None):
    """"Headline - Outlet" → "Headline" (also "Outlet | Headline").

    A part is dropped only when it names the site: the declared site name or
    publisher, or an outlet of the catalogue. "قمة ترمب - بوتين" keeps its end.
    """
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title

    def names_site(part):
        if site_name and name_key(part) == name_key(site_name):
            return True
        return outlets is not None and outlets.find_name(part) is not None and len(part.split()) <= 5

    if names_site(parts[-1]):
        sep = _TITLE_SEPARATORS.findall(title)[-1]
        return title[: title.rindex(sep)].strip()
    if names_site(parts[0]):
        return title[title.index(parts[1]):].strip()
    return title
