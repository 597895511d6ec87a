"""What a saved web page declares about itself: its metadata (title, site
name, publisher, dates, URL, author, copyright) from meta tags, JSON-LD,
microdata and ``<time>``, the date a URL's path gives, and the headline
without the site's name beside it.
"""
import json
import re

from . import dates
from .html_page import _visible_lines
from .normalize import clean_line, loose
from .outlets import TITLE_SEPARATORS, name_key


_ARTICLE_TYPES = {"newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "webpage", "backgroundnewsarticle"}
_TITLE_SEPARATORS = TITLE_SEPARATORS  # one set for the HTML title, Word's title property, a text save's first line


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


def _loose_date(value):
    found = dates.find_date(value)
    return (found[0], found[1]) if found else None


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
    # <meta name="twitter:site" content="@skynewsarabia">: the site's own account.
    meta["twitter_site"] = clean_line(content(("name", "twitter:site"), ("property", "twitter:site"))).lstrip("@")[:60]
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


def site_prefix(title):
    """The first part of "Outlet | Headline" (asked for as a known outlet only)."""
    parts = _TITLE_SEPARATORS.split(title)
    return parts[0].strip() if len(parts) >= 2 and len(parts[0].split()) <= 5 else ""


def site_suffix(title):
    """The last part of "Headline - Outlet" (asked for as a known outlet only)."""
    parts = _TITLE_SEPARATORS.split(title)
    return parts[-1].strip() if len(parts) >= 2 and len(parts[-1].split()) <= 5 else ""


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
