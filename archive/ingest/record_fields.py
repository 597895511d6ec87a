"""Which value of a JSON record is the title, the body, the date, the outlet.

Records reach the archive from every kind of tool, and each names things its
own way: a scraper's ``article_text``, news-please's ``maintext`` and
``date_publish``, WordPress's ``{"rendered": "<p>…"}``, an Elasticsearch
export's ``_source``, NewsAPI's ``publishedAt`` and ``source.name``, a
spreadsheet's ``ARTICLE_TITLE``, an archivist's ``العنوان`` and ``النص``.
No list of names keeps up with them, so a record is read as a reader would:

1. Its values are gathered with the path of keys that leads to them,
   looking inside nested objects (``_source``, ``article``, ``thread``,
   ``metadata``) and reading a value's usual wrappers (``rendered``, a
   publisher's ``name``, a list of paragraphs).
2. Each key is split into words (``publishedAt`` → published at,
   ``source-hostname`` → source hostname, ``ARTICLE_TEXT`` → article text)
   and each role is scored by the words that name it and the words that name
   something else beside it (a *download* date, an *image* URL, a *sub*title,
   a *description*); a value must also look like its role (a URL for a
   link, text with sentences for a body, a name for an outlet).
3. The best-scoring value wins, the shallower first on a tie: the record's
   own ``title`` before its thread's.

The corpus's own names score highest, so a corpus record reads as before.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import re

ARABIC = re.compile(r"[\u0600-\u06FF]")
URL = re.compile(r"^https?://\S+$")
# Deep enough for a CMS's relations (Strapi's attributes → publisher → data → attributes → name)
# and a page's head block (seo → canonical → href); each role still asks that the keys above
# a value are wrappers or describe the page (``score``).
MAX_DEPTH = 6

# Words of a key that name each role, with how strongly. The corpus's and
# schema.org's names are the strongest; a word that may mean several things
# (``time``, ``name``) is weak.
ROLE_WORDS = {
    "body": {"body": 5, "text": 4, "content": 4, "maintext": 5, "articlebody": 5, "fulltext": 5,
             "story": 2, "article": 1, "markdown": 1, "html": 1, "paragraphs": 3,
             "نص": 5, "متن": 5, "محتوي": 5, "تفاصيل": 3, "خبر": 2, "مقال": 2},
    "title": {"title": 5, "headline": 5, "heading": 3, "head": 2, "name": 1, "عنوان": 5},
    "published": {"published": 5, "publish": 5, "pub": 4, "publication": 5, "pubdate": 5, "datepublished": 5,
                  "issued": 3, "date": 4, "datetime": 4, "timestamp": 3, "created": 2, "time": 1,
                  "تاريخ": 5, "نشر": 5},
    "url": {"url": 5, "link": 5, "canonical": 5, "canonicalurl": 5, "permalink": 5, "href": 3,
            "guid": 2, "id": 1, "رابط": 5},
    "source": {"source": 4, "site": 4, "sitename": 5, "publisher": 5, "outlet": 5, "newspaper": 5,
               "paper": 3, "media": 3, "channel": 3, "agency": 3, "hostname": 3, "domain": 3,
               "website": 4, "blog": 3, "provider": 4, "publication": 4, "brand": 3, "journal": 4,
               "periodical": 4, "magazine": 4, "container": 3, "press": 3, "broadcaster": 4, "station": 3,
               "organization": 2, "organisation": 2, "origin": 3, "feed": 3, "host": 3, "netloc": 3,
               "copyright": 2, "مصدر": 5, "موقع": 4, "وسيله": 5, "صحيفه": 5, "جريده": 5, "مجله": 4,
               "ناشر": 5, "ناشره": 5, "قناه": 4, "وكاله": 4, "اذاعه": 4},
}

# Words of a key for a shorter telling of the text: a body only when the record has no other.
SUMMARY_WORDS = {"description", "summary", "excerpt", "abstract", "lead", "teaser", "snippet", "ملخص", "وصف"}
# Words that, beside a role's word, say the value is something else.
NOT_ROLE = {
    "body": {"description", "summary", "excerpt", "abstract", "lead", "teaser", "snippet", "title", "headline",
             "url", "link", "image", "caption", "comments", "comment", "author", "tags", "keywords", "raw",
             "protected", "type", "language", "lang", "sitename", "site", "source", "ملخص", "وصف"},
    "title": {"sub", "subtitle", "page", "rss", "seo", "og", "alt", "image", "img", "source", "site", "sitename",
              "blog", "media", "author", "section", "category", "tag", "file", "filename", "url", "link",
              "container", "feed", "journal", "publication", "collection", "series"},
    "published": {"download", "downloaded", "modify", "modified", "update", "updated", "crawl", "crawled",
                  "fetch", "fetched", "collect", "collected", "scrape", "scraped", "index", "indexed", "loaded",
                  "load", "access", "accessed", "retrieved", "expires", "expiry", "edited", "edit", "birth",
                  "gmt", "utc", "name", "title", "تحديث", "تعديل"},
    "url": {"image", "img", "thumbnail", "thumb", "logo", "icon", "media", "home", "site", "author", "amp",
            "video", "audio", "photo", "feed", "rss", "comments", "source", "hostname"},
    "source": {"id", "type", "kind", "language", "lang", "category", "section", "full", "url", "image", "logo",
               "author", "rank", "country", "date", "time", "data", "datatype", "is", "stream", "count",
               "icon", "visual", "cover", "issn", "page", "volume", "issue"},
}

_KNOWN = set().union(*ROLE_WORDS.values(), *NOT_ROLE.values())
_STRONG = {word for words in ROLE_WORDS.values() for word, strength in words.items() if strength >= 3}

# Keys whose object holds the article itself rather than a named thing.
WRAPPERS = {"_source", "source_", "article", "data", "item", "fields", "thread", "metadata", "meta", "doc",
            "document", "record", "post", "story", "news", "result", "attributes", "المقال", "الخبر"}
# Inside an object under a role's key: the keys that hold the value itself, best first.
# (XML converted to JSON holds an element's text under "#text", "_text", "_cdata"…)
HOLDER_KEYS = ("ar", "processed", "value", "basic", "main", "default", "content",
               "#text", "_text", "__text", "#cdata-section", "_cdata", "__cdata", "$t", "literal", "raw", "href")
# Inside a publisher-like object: the keys that hold its name, best first.
NAME_KEYS = ("name", "name_ar", "title", "name_en", "site_name", "label", "uri", "domain", "url")


@dataclass(frozen=True)
class Found:
    value: object
    path: tuple[str, ...]

    @property
    def name(self) -> str:
        return ".".join(self.path)


@lru_cache(maxsize=4096)  # the same few keys in every record of a file
def key_words(key: str) -> tuple[str, ...]:
    """``publishedAt`` → (published, at); ``ARTICLE_TEXT`` → (article, text);
    ``التاريخ`` → (تاريخ) (Arabic without its article, ة and ى folded)."""
    key = re.sub(r"([a-z])([A-Z])", r"\1 \2", key)
    words = []
    for word in re.split(r"[^0-9A-Za-z\u0600-\u06FF]+", key):
        if not word:
            continue
        if ARABIC.search(word):
            word = re.sub(r"^ال", "", word).replace("ة", "ه").replace("ى", "ي")
        words.extend(_compound(word.lower()))
    return tuple(words)


# The last word of a key written as one word ("seendate", "bodytext",
# "ogtitle"): the role word it ends with, and what stands before it.
_TAILS = ("date", "time", "title", "text", "body", "url", "link", "content")


def _compound(word: str) -> list[str]:
    """``seendate`` → [seen, date]; ``headlines`` → [headline]; a known word stays whole."""
    if not word.isascii() or word in _KNOWN:
        return [word]
    if word.endswith("s") and word[:-1] in _STRONG:
        return [word[:-1]]  # a plural: "headlines", "contents" (not "articles": a list of records)
    for tail in _TAILS:
        if word.endswith(tail) and len(word) - len(tail) >= 2:
            return [word[:-len(tail)], tail]
    return [word]


def flatten(record: dict):
    """``Found`` for every value worth reading, with the keys leading to it."""
    out: list[Found] = []

    def walk(value, path, depth):
        if isinstance(value, dict):
            if depth >= MAX_DEPTH:
                return
            rendered = value.get("rendered")
            if isinstance(rendered, str) and path:
                out.append(Found(rendered, path))  # WordPress's {"rendered": "…"}
                return
            parts = _date_parts(value.get("date-parts"))
            if parts and path:
                out.append(Found(parts, path))  # CSL-JSON's (Zotero's) {"date-parts": [[2018, 5, 14]]}
                return
            for key in HOLDER_KEYS:
                # The value itself, held under a generic key: Arc XP's
                # {"headlines": {"basic": …}}, Drupal's {"body": {"processed": …}}.
                if path and isinstance(value.get(key), str) and value[key].strip():
                    out.append(Found(value[key], path))
                    break
            if path and not _is_wrapper(path[-1]):
                # A named thing (a publisher, a source): its name under the parent's key.
                thing = _unwrapped_thing(value)
                for key in NAME_KEYS:
                    name = thing.get(key)
                    if isinstance(name, str) and name.strip():
                        out.append(Found(name, path))
            for key, inner in value.items():
                if isinstance(key, str):
                    walk(inner, path + (key,), depth + 1)
        elif isinstance(value, list):
            texts = [_paragraph_text(item) for item in value]
            if value and all(isinstance(t, str) for t in texts):
                out.append(Found("\n".join(t for t in texts if t.strip()), path))
            elif path and 1 <= len(value) <= 3 and isinstance(value[0], dict):
                # A short list of named things (Bing's "provider": [{"name": …}]):
                # the first is read as the one thing would be.
                walk(value[0], path, depth)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            out.append(Found(value, path))

    walk(record, (), 0)
    return out


def _unwrapped_thing(value: dict, depth=0) -> dict:
    """A named thing's own object: a CMS writes a relation inside wrappers
    (Strapi's ``{"data": {"attributes": {"name": …}}}``, JSON:API's ``data``)."""
    if depth >= 3 or any(isinstance(value.get(key), str) for key in NAME_KEYS):
        return value
    for key, inner in value.items():
        if isinstance(inner, list) and len(inner) == 1:
            inner = inner[0]
        if isinstance(key, str) and _is_wrapper(key) and isinstance(inner, dict):
            return _unwrapped_thing(inner, depth + 1)
    return value


def _date_parts(value):
    """CSL-JSON's ``[[2018, 5, 14]]`` (or ``[[2018, 5]]``, ``[["2018"]]``) as
    "2018-05-14" ("2018-05", "2018"): the date at the precision it has."""
    if not (isinstance(value, list) and value and isinstance(value[0], list) and 1 <= len(value[0]) <= 3):
        return None
    try:
        numbers = [int(part) for part in value[0]]
    except (TypeError, ValueError):
        return None
    return "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])


def _is_wrapper(key: str) -> bool:
    return key.lower() in WRAPPERS


# A key whose object describes the page itself, as its <head> does: WordPress's
# ``yoast_head_json``, a CMS's ``seo`` or ``meta_tags``, an ``opengraph`` block. Its
# ``og_site_name`` and ``og_url`` are the article's site and address, as if at the top.
HEAD_WORDS = {"head", "meta", "metadata", "seo", "og", "opengraph", "jsonld"}


def _describes_page(key: str) -> bool:
    return _is_wrapper(key) or bool(set(key_words(key)) & HEAD_WORDS)


def _paragraph_text(item):
    if isinstance(item, str):
        return item
    # {"type": "text", "content": …}; a record in a list (a title, a link beside its text) is no paragraph.
    if isinstance(item, dict) and (len(item) <= 4 or not {"title", "headline", "url", "link"} & set(item)):
        for key in ("text", "content", "value", "body"):
            if isinstance(item.get(key), str):
                return item[key]
    return None


def score(role: str, found: Found) -> int:
    """How strongly the key path names ``role`` (0: not at all)."""
    if not found.path:
        return 0
    if not all(_describes_page(key) for key in found.path[:-1]):
        # Inside a named thing (a publisher, an author, a crawl's record):
        # its "title" or "url" is not the article's.
        return 0
    words = key_words(found.path[-1])
    strength = max((ROLE_WORDS[role].get(w, 0) for w in words), default=0)
    if not strength:
        return 0
    if set(words) & NOT_ROLE[role]:
        return 0
    # The same name one level up ("thread.title") counts a little less.
    return strength * 10 - len(found.path)


def ranked(role: str, values: list[Found], looks_right) -> list[Found]:
    """The values that may hold ``role``, best first (the shallower on a tie)."""
    return sorted((f for f in values if score(role, f) and looks_right(f.value)),
                  key=lambda f: -score(role, f))


# An identifier's key is made only of these words: "id", "_id", "guid",
# "stories_id", "ID"; never "category_id" or "author_id", which many records
# share (an external id that repeats would make records overwrite each other).
ID_WORDS = {"id", "guid", "uuid", "uri", "external", "article", "story", "stories", "post", "news", "item",
            "doc", "document", "record", "entry", "معرف", "رقم"}


def looks_like_body(value) -> bool:
    return isinstance(value, str) and len(value.strip()) >= 40 and " " in value.strip()


def looks_like_title(value) -> bool:
    return isinstance(value, str) and 2 <= len(value.strip()) <= 400 and "\n" not in value.strip()


def looks_like_date(value) -> bool:
    if isinstance(value, (int, float)):
        return value > 10**8 or EXCEL_DAYS[0] <= value <= EXCEL_DAYS[1]
    return isinstance(value, str) and bool(re.search(r"\d", value)) and len(value) <= 200


# A spreadsheet's date as Excel stores it: days since 1899-12-30 (1968 to 2064).
EXCEL_DAYS = (25000, 60000)


def looks_like_url(value) -> bool:
    return isinstance(value, str) and bool(URL.match(value.strip()))


def looks_like_name(value) -> bool:
    return isinstance(value, str) and 2 <= len(value.strip()) <= 200 and "\n" not in value.strip()


CHECKS = {"body": looks_like_body, "title": looks_like_title, "published": looks_like_date,
          "url": looks_like_url, "source": looks_like_name}


def candidates(values: list[Found], role: str) -> list[Found]:
    """The record's values that may be its ``role``, by what their keys and the values say, best first."""
    return ranked(role, values, CHECKS[role])


def identifier(values: list[Found]) -> Found | None:
    for found in values:
        if (len(found.path) <= 2 and all(_is_wrapper(k) for k in found.path[:-1])
                and isinstance(found.value, (str, int)) and not isinstance(found.value, bool)
                and str(found.value).strip()):
            words = set(key_words(found.path[-1]))
            if words & {"id", "guid", "uuid", "uri", "معرف"} and words <= ID_WORDS:
                return found
    return None


def longest_text(values: list[Found], summaries=False) -> Found | None:
    """The longest value written in sentences, for a record whose keys name no
    body; ``summaries``: a description or summary too (a feed item's
    ``description`` is often its whole text), never a title, a link or a caption."""
    excluded = NOT_ROLE["body"] - (SUMMARY_WORDS if summaries else set())
    found = [f for f in values if isinstance(f.value, str) and ARABIC.search(f.value)
                  and len(f.value) >= 140 and f.value.count(" ") >= 20
                  and not (set(key_words(f.path[-1])) & excluded if f.path else False)]
    return max(found, key=lambda f: len(f.value), default=None)


# -- a title under a name that says nothing ------------------------------------------------

def looks_like_headline(value) -> bool:
    """A short Arabic line that reads as a headline: three to thirty words,
    one line, mostly Arabic letters, no web address, no sentence's full stop."""
    if not isinstance(value, str):
        return False
    value = value.strip()
    words = value.split()
    if not 3 <= len(words) <= 30 or "\n" in value or "://" in value or value.endswith("."):
        return False
    letters = re.findall(r"[^\W\d_]", value)
    return bool(letters) and len(ARABIC.findall(value)) / len(letters) >= 0.6


# A link under these words is no page of the site's articles (an image, a feed's icon, an author's page).
NOT_LINK = {"image", "img", "thumbnail", "thumb", "logo", "icon", "favicon", "avatar", "video", "audio", "photo",
            "media", "author", "enclosure", "banner"}


# A key under which a headline-like value is something else: a category, a
# caption, a place, an author, a summary.
_OTHER_THINGS = NOT_ROLE["title"] | SUMMARY_WORDS | {
    "caption", "keywords", "keyword", "location", "place", "city", "country", "region", "dateline", "byline",
    "type", "kind", "status", "lang", "language", "name", "label", "topic", "مكان", "مدينه", "كاتب", "قسم", "تصنيف"}


def names_other_thing(key: str) -> bool:
    """Does ``key`` say its value is no title ("category", "tags", "city", "author")?"""
    words = set(key_words(key))
    return bool((words | {w[:-1] for w in words if w.endswith("s")}) & _OTHER_THINGS)
