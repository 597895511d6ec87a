"""One JSON record → a ``Draft`` (the file's layouts are ``record_documents``').

The record format is the corpus's (``/work/shared/corpus/README.md``): ``id``,
``title`` (may be null), ``body``, ``source`` (the outlet's identifier),
``published`` (ISO 8601 with its offset, or null), ``url``, plus ``dataset``,
``license`` and ``meta``. A bad record raises an ``IngestError`` saying why.

Records from other tools name the same things otherwise (a scraper's
``text`` or ``content``, ``headline``, ``date``, ``site``, ``link``): each
value is taken from the first of its names that the record has (``FIELDS``),
else wherever ``record_fields`` finds it, and the preview says which. The
date is read in ``record_dates``.
"""
import json
import re

from . import record_fields, record_values
from .draft import Draft, IngestError
from .lines import _LEAD_DATELINE
from .dates import COPYRIGHT_LINE
from .outlets import Cue, copyright_name, name_in_value, named_parts, resolve
from .record_dates import set_date
from .text import DERIVED_TITLE_WARNING, derive_title

MAX_EXTERNAL_ID = 255
MAX_URL = 2000
# A byline's dateline: "جدة: فلان".
_BYLINE_PLACE = re.compile(r"^(?P<place>[^\s:،,]{2,20}(?: [^\s:،,]{2,20})?)\s*[:：]")


def bad_line(reason_ar, reason_en):
    return IngestError(f"سطر غير صالح: {reason_ar}", f"invalid line: {reason_en}")


#: Each value's names, the corpus's first: scrapers, feed readers and exports
#: (trafilatura, newspaper, Scrapy items, schema.org's NewsArticle) write these.
FIELDS = {
    "body": ("body", "text", "content", "article", "article_body", "articleBody", "maintext", "raw_text"),
    "title": ("title", "headline", "name"),
    "published": ("published", "date", "date_published", "datePublished", "published_at", "pubdate",
                  "publish_date", "pub_date", "pubDate", "published_date", "publication_date", "time"),
    "url": ("url", "link", "canonical", "source_url"),
    "source": ("source", "site", "site_name", "sitename", "outlet", "publisher", "source_name", "domain"),
    "id": ("id", "external_id", "guid"),
}


def field(record, key):
    """``(value, name)``: the record's value for ``key`` under the first of its
    names it has, as a string when it is a publisher object (``{"name": ...}``)."""
    for value, name in Fields(record).all(key):
        return value, name
    return None, FIELDS[key][0]


class Fields:
    """A record's values for each role: under the names in ``FIELDS`` first
    (the corpus's, exactly), then wherever ``record_fields`` finds them."""

    def __init__(self, record: dict):
        self.record = record
        self.values = record_fields.flatten(record)

    def all(self, key):
        seen, out = set(), []
        for name in FIELDS[key]:
            value = self.record.get(name)
            if isinstance(value, dict):
                # WordPress's {"rendered": …}; a publisher's {"name": …}; {"ar": …, "en": …}.
                keys = ("rendered", *record_fields.NAME_KEYS) if key == "source" else ("rendered", *record_fields.HOLDER_KEYS)
                found = next((k for k in keys if isinstance(value.get(k), str) and value[k].strip()), None)
                value = value[found] if found else None
                name = f"{name}.{found}" if found else name
            elif key != "body" and isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                # A Scrapy item without TakeFirst: ["Headline"], ["https://…"].
                value = " ".join(v.strip() for v in value if v.strip()) if key == "title" else value[0]
            if value not in (None, "") and not isinstance(value, (dict, bool)):
                out.append((value, name))
                seen.add(name)
        if key == "id":
            found = record_fields.identifier(self.values)
            if found is not None and found.name not in seen:
                out.append((found.value, found.name))
            return out
        for found in record_fields.candidates(self.values, key):
            if found.name not in seen or key == "source":
                out.append((found.value, found.name))
                seen.add(found.name)
        return out


def draft_from_record(raw: bytes, source_name, number, catalog=None) -> Draft:
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
    except UnicodeDecodeError:
        raise bad_line("ليس بترميز UTF-8", "not UTF-8")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise bad_line(f"ليس JSON صحيحاً ({error.msg}، العمود {error.colno})", f"not valid JSON ({error})")
    except RecursionError:
        raise bad_line("بنية JSON متداخلة بعمق مفرط", "JSON nested too deeply")
    if isinstance(record, str) and record.lstrip().startswith("{"):
        # A record written as a JSON string of itself (a log pipeline's, a double json.dumps).
        try:
            record, line = json.loads(record), record
        except (ValueError, RecursionError):
            pass  # a string, said below
    if not isinstance(record, dict):
        raise bad_line("ليس كائن JSON", "not a JSON object")
    return draft_from_dict(record, line, source_name, number, catalog)


def _external_id(value: str) -> str:
    """The record's id as stored: one longer than the column (a JSON Feed's
    id is its URL, and an Arabic URL percent-encoded runs to hundreds of
    characters) keeps its start and a digest of the whole, so it stays
    the same on every import and unique."""
    if len(value) <= MAX_EXTERNAL_ID:
        return value
    import hashlib

    return f"{value[:MAX_EXTERNAL_ID - 41]}#{hashlib.sha1(value.encode('utf-8')).hexdigest()}"


def draft_from_dict(record: dict, line: str, source_name, number, catalog=None) -> Draft:
    if '"$' in line:  # MongoDB's extended JSON: {"$date": …}, {"$oid": …}
        record = record_values.plain_json(record)
    fields = Fields(record)
    body, body_name, html_body = _body(fields)
    if body is None:
        raise bad_line("لا نص فيه (لا حقل فيه نص المقال، مثل body أو text أو content أو النص)",
                       "no text (no field holds the article's text, such as body, text, content or النص)")
    title, title_name = next(iter(fields.all("title")), None) or _headline_value(fields, body)
    if title is not None and not isinstance(title, str):
        raise bad_line("العنوان ليس نصاً", "the title is not a string")
    if title:
        title = record_values.plain_title(title, html_escaped=title_name.endswith(".rendered") or html_body)

    draft = Draft(title="", body=body, source_name=f"{source_name}:{number}", format="jsonl", original_text=line)
    if body_name != "body":
        draft.provenance["body"] = f"الحقل {body_name} في السجل"
    if title and title.strip():
        draft.title = re.sub(r"\s+", " ", title).strip()
        draft.provenance["title"] = f"الحقل {title_name} في السجل" + (
            " (قيمة بشكل عنوان)" if not record_fields.score("title", _found(fields, title_name)) else "")
    else:
        draft.title = derive_title(first_paragraph(body))
        draft.warn(DERIVED_TITLE_WARNING)

    record_id, _name = next(iter(fields.all("id")), (None, "id"))
    if isinstance(record_id, float) and record_id.is_integer():
        record_id = int(record_id)  # pandas writes a number column as 1001.0
    if record_id is not None and not isinstance(record_id, (str, int)):
        raise bad_line("المعرّف id ليس نصاً", "the id is not a string")
    if record_id not in (None, ""):
        draft.external_id = _external_id(str(record_id).strip())

    url, _name = next(((u, n) for u, n in fields.all("url") if isinstance(u, str) and u.strip()), (None, "url"))
    if isinstance(url, str) and url.strip():
        url = url.strip()
        if re.match(r"^https?://\S+$", url) and len(url) <= MAX_URL:
            draft.url = url
        else:
            draft.warn(f"الرابط غير صالح فلم يُحفظ: {url[:100]}")

    set_date(draft, fields)

    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    author = meta.get("author") if isinstance(meta.get("author"), str) else ""
    m = _BYLINE_PLACE.match(author.strip()) or _LEAD_DATELINE.match(body)
    if m:
        draft.dateline_name = m["place"].strip()

    named = [(outlet, name) for value, name in fields.all("source")
             if isinstance(value, str) and (outlet := name_in_value(value))]
    if catalog is not None:
        # Every value that may name the outlet, best first; a web address or
        # a bare domain is looked up, never proposed as a new outlet's name.
        # A field named for the outlet is where the record names it, as a
        # page's site name is: "الشرق الأوسط" there is the catalogue's
        # "صحيفة الشرق الأوسط", not a new outlet.
        cues = [Cue(value, may_propose=not _is_address(value), where=f"الحقل {name} في السجل", names_site=True)
                for value, name in named]
        # Every link of the article's own (a Wayback or archive.ph copy
        # beside the original), then links the record holds elsewhere (JSON:API's
        # links.self, a feed's home page): looked up, never proposed.
        links = [(u, n) for u, n in fields.all("url") if isinstance(u, str) and u.strip()][:3]
        if not links:
            links = [(f.value, f.name) for f in _links(fields)[:3]]
        cues.extend(Cue(u, where=f"نطاق الحقل {n} في السجل") for u, n in links)
        # "العنوان - الشرق الأوسط": an aggregator's title ends with the outlet (looked up, never proposed).
        suffix = _SUFFIX.match(draft.title or "")
        if suffix and title:
            cues.append(Cue(suffix["site"], where=f"آخر العنوان في الحقل {title_name}", names_site=True))
        cues.extend(_signed_cues(fields, body))
        # An agency or a paper written as the author ("author": "رويترز"): only a known outlet counts.
        cues.extend(Cue(value, where=f"الحقل {name} في السجل")
                    for value, name in _author_values(fields))
        resolve(cues, catalog.outlets).apply(draft)
        draft.title = _without_outlet_suffix(draft.title, catalog.outlets, draft.outlet_id)
    elif named:
        draft.outlet_name = named[0][0]
    return draft


# A body's last line that signs the article off: "المصدر: سكاي نيوز عربية", "نقلاً عن …".
_SOURCE_LINE = re.compile(r"^\s*(?:المصدر|مصدر الخبر|نقلا عن|نقلاً عن|source)\s*[:：]?\s", re.I)
SIGN_OFF_WORDS = 12


def _signed_cues(fields, body):
    """The outlet a record names in a copyright line, in any of its values ("rights":
    "© 2018 سكاي نيوز عربية") or as its body's last line, or in a source line ending the
    body: the name in it, looked up, never proposed (a photo's "© AFP" is not the outlet)."""
    cues = [Cue(copyright_name(f.value), where=f"سطر حقوق النشر في الحقل {f.name}", names_site=True)
            for f in fields.values if isinstance(f.value, str) and len(f.value) <= 200 and COPYRIGHT_LINE.search(f.value)]
    last = (body or "").strip().rsplit("\n", 1)[-1].strip()
    if len(last.split()) <= SIGN_OFF_WORDS:
        if COPYRIGHT_LINE.search(last):
            cues.append(Cue(copyright_name(last), where="سطر حقوق النشر في آخر النص", names_site=True))
        elif _SOURCE_LINE.match(last):
            cues.extend(Cue(part, where="سطر المصدر في آخر النص", names_site=True) for part in named_parts(last))
    return [cue for cue in cues if cue.text.strip()]


def _body(fields):
    """``(text, field, named_html)``: the article's text and the field it came
    from, by name first, else the longest value written in sentences; an HTML
    body made plain text. ``named_html``: the named body was HTML, so the
    record's title is HTML-escaped too."""
    for value, name in fields.all("body"):
        if isinstance(value, list) and all(isinstance(p, str) for p in value):
            value = "\n".join(value)  # paragraphs as a list, a scraper's habit
        if isinstance(value, str) and value.strip():
            text = record_values.plain_text(value)
            if text and record_values.is_markdown_field(name) and not record_values.is_html(value):
                text = record_values.plain_markdown(text)
            if text:
                return text, name, record_values.is_html(value)
    found = record_fields.longest_text(fields.values) or record_fields.longest_text(fields.values, summaries=True)
    if found is not None:
        # (A feed item's "description" is its text when it holds nothing else.)
        return record_values.plain_text(found.value), found.name, False
    return None, None, False


def _headline_value(fields, body):
    """``(title, field)`` when the record names no title but exactly one of its
    own values reads as a headline (a scraper's column named after its
    selector: webscraper.io's ``article``); else ``(None, "title")``."""
    taken = {name for _v, name in fields.all("source")}
    found = [f for f in fields.values if len(f.path) == 1 and f.name not in taken
             and not record_fields.names_other_thing(f.path[-1])
             and record_fields.looks_like_headline(f.value) and not body.startswith(f.value.strip())]
    return (found[0].value, found[0].name) if len(found) == 1 else (None, "title")


def _found(fields, name):
    return next((f for f in fields.values if f.name == name), record_fields.Found(None, (name,)))


def _links(fields):
    """The web addresses a record holds anywhere but an image's or a media file's."""
    return [f for f in fields.values if record_fields.looks_like_url(f.value)
            and not set(record_fields.key_words(" ".join(f.path))) & record_fields.NOT_LINK]


def _author_values(fields):
    """The record's author values written as one name (a string, or a named thing's name)."""
    out = []
    for found in fields.values:
        if (found.path and len(found.path) <= 2 and isinstance(found.value, str)
                and {"author", "authors", "byline", "creator", "كاتب", "محرر"} & set(record_fields.key_words(found.path[-1]))
                and 2 <= len(found.value.strip()) <= 80):
            out.append((found.value.strip(), found.name))
    return out[:3]


def _is_address(value: str) -> bool:
    return bool(re.fullmatch(r"(?:https?://)?[\w.-]+\.[a-z]{2,}(?:/\S*)?", value.strip(), re.I))


# "العنوان - رووداو", "العنوان | Rudaw": a page title's site suffix.
_SUFFIX = re.compile(r"^(?P<title>.{8,}?)\s+[-|–—:]{1,2}\s+(?P<site>[^-|–—]{2,60})$")


def _without_outlet_suffix(title, outlets, outlet_id=None):
    """The title without a site suffix naming a known outlet (the record's own,
    also written without its kind word: "… - الشرق الأوسط")."""
    m = _SUFFIX.match(title or "")
    if m and (outlets.find_name(m["site"]) or (outlet_id and outlets.find_site_name(m["site"]) == outlet_id)):
        return m["title"].strip()
    return title


def first_paragraph(body):
    for part in body.split("\n"):
        if part.strip():
            return part.strip()
    return body.strip()
