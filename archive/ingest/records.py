"""JSON-lines records (``.jsonl``, ``.jsonl.gz``) → ``Draft``s, one per line.

The record format is the corpus's (``/work/shared/corpus/README.md``): ``id``,
``title`` (may be null), ``body``, ``source`` (the outlet's identifier),
``published`` (ISO 8601 with its offset, or null), ``url``, plus ``dataset``,
``license`` and ``meta``. A bad line becomes a ``Failure`` naming its line
number; the lines after it are read all the same.

Records from other tools name the same things otherwise (a scraper's
``text`` or ``content``, ``headline``, ``date``, ``site``, ``link``): each
value is taken from the first of its names that the record has (``FIELDS``),
and the preview says which.
"""
from datetime import datetime
import json
import re

from . import dates, record_fields
from .draft import Draft, Failure, IngestError
from .lines import _LEAD_DATELINE
from .outlets import Cue, resolve
from .text import DERIVED_TITLE_WARNING, NO_DATE_WARNING, derive_title

MAX_EXTERNAL_ID = 255
MAX_URL = 2000
# Where a record without ``published`` may still print its date: the start of
# the body ("الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس").
LEAD_CHARS = 300
# A byline's dateline: "جدة: فلان".
_BYLINE_PLACE = re.compile(r"^(?P<place>[^\s:،,]{2,20}(?: [^\s:،,]{2,20})?)\s*[:：]")


def iter_records(lines, source_name, catalog=None):
    """Drafts and failures for an iterable of ``bytes`` lines.

    One record a line, as the corpus has them. An export may instead write a
    JSON array of records or pretty-print each record over many lines: when
    the first record is not a whole line, the file is read as one document
    (an array, or objects one after another) and its records numbered in order.
    """
    numbered = enumerate(lines, start=1)
    first = True
    for number, raw in numbered:
        if not raw.strip():
            continue
        if first:
            first = False
            head = raw.lstrip(b"\xef\xbb\xbf \t\r")
            if head.startswith(b"[") or not _whole_object(head):
                data = b"\n".join([raw, *(rest for _n, rest in numbered)])
                values = _document_values(data)
                if values is not None:
                    yield from _iter_values(values, source_name, catalog)
                    return
                # Not one document either: each line for itself, the bad ones named.
                numbered = enumerate(data.split(b"\n"), start=number)
                yield from _iter_lines(numbered, source_name, catalog)
                return
        yield from _iter_lines([(number, raw)], source_name, catalog)


def _iter_lines(numbered, source_name, catalog):
    for number, raw in numbered:
        if not raw.strip():
            continue
        where = f"{source_name}، السطر {number}"
        try:
            inner = _inner_records(_loads(raw, number))
            if inner is not None:
                # A search engine's or an API's answer on one line: its records.
                yield from _iter_values(inner, f"{source_name}:{number}", catalog)
                continue
            yield draft_from_record(raw, source_name, number, catalog)
        except IngestError as error:
            yield Failure(where, error.message, f"{source_name}, line {number}: {error.message_en}")


def _loads(raw: bytes, number: int):
    try:
        return json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except (ValueError, RecursionError):
        return None  # draft_from_record says what is wrong with it


def _inner_records(value, depth=0):
    """The records an API's or a search engine's answer holds (NewsAPI's
    ``articles``, Elasticsearch's ``hits.hits``, Solr's ``response.docs``,
    ``data``, ``items``): the longest list of objects inside an object that has
    no article text of its own; or a table written as one object (``_table``).
    None for a record."""
    if not isinstance(value, dict) or depth > 3:
        return None
    if depth == 0 and Fields(value).all("body"):
        return None
    if depth == 0:
        table = _table(value)
        if table:
            return table
    best = None
    for inner in value.values():
        found = inner if (isinstance(inner, list) and inner and all(isinstance(v, dict) for v in inner)) \
            else _inner_records(inner, depth + 1)
        if found and (best is None or len(found) > len(best)):
            best = found
    return best


def _table(value: dict):
    """A table written as one JSON object, as spreadsheet and data-frame tools
    write it: rows keyed by their id (``{"17": {record}, …}``, a Firebase
    export, pandas' ``orient="index"``), columns of rows (``{"title": {"0": …},
    "body": {"0": …}}``, pandas' default), or ``{"columns": [...], "data":
    [[...], ...]}`` (pandas' ``orient="split"``). Its rows, when they are
    records with a text; else None."""
    rows = None
    columns, data = value.get("columns"), value.get("data")
    if isinstance(columns, list) and isinstance(data, list) and all(isinstance(c, str) for c in columns) \
            and data and all(isinstance(r, list) and len(r) == len(columns) for r in data):
        rows = [dict(zip(columns, r)) for r in data]
    elif value and all(isinstance(v, dict) for v in value.values()):
        inner = list(value.values())
        keys = [set(v) for v in inner]
        if Fields(inner[0]).all("body"):
            rows = inner                      # rows by id
        elif len(inner) >= 2 and keys[0] and all(k == keys[0] for k in keys):
            # Columns: each value maps the same row ids to a cell.
            rows = [{column: cells[row] for column, cells in value.items()} for row in inner[0]]
    if rows and all(isinstance(r, dict) for r in rows) and any(Fields(r).all("body") for r in rows[:5]):
        return rows
    return None


def _whole_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line.decode("utf-8-sig", errors="replace")), dict)
    except (ValueError, RecursionError):
        return False


def _document_values(data: bytes):
    """The records of a JSON array, or of JSON objects one after another; None when it is neither."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    decoder, at, values = json.JSONDecoder(), 0, []
    try:
        while True:
            while at < len(text) and text[at] in " \t\r\n,":
                at += 1
            if at >= len(text):
                return values
            value, at = decoder.raw_decode(text, at)
            values.extend(value if isinstance(value, list) else (_inner_records(value) or [value]))
    except (ValueError, RecursionError):
        return None


def _iter_values(values, source_name, catalog):
    for number, record in enumerate(values, start=1):
        where = f"{source_name}، السجل {number}"
        try:
            if not isinstance(record, dict):
                raise bad_line("ليس كائن JSON", "not a JSON object")
            yield draft_from_dict(record, json.dumps(record, ensure_ascii=False), source_name, number, catalog)
        except IngestError as error:
            yield Failure(where, error.message, f"{source_name}, record {number}: {error.message_en}")


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
                # WordPress's {"rendered": …}; a publisher's {"name": …}.
                keys = ("rendered", *record_fields.NAME_KEYS) if key == "source" else ("rendered",)
                found = next((k for k in keys if isinstance(value.get(k), str) and value[k].strip()), None)
                value = value[found] if found else None
                name = f"{name}.{found}" if found == "rendered" else name
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
    if not isinstance(record, dict):
        raise bad_line("ليس كائن JSON", "not a JSON object")
    return draft_from_dict(record, line, source_name, number, catalog)


def draft_from_dict(record: dict, line: str, source_name, number, catalog=None) -> Draft:
    fields = Fields(record)
    body, body_name, html_body = _body(fields)
    if body is None:
        raise bad_line("لا نص فيه (لا حقل فيه نص المقال، مثل body أو text أو content أو النص)",
                       "no text (no field holds the article's text, such as body, text, content or النص)")
    title, title_name = next(iter(fields.all("title")), (None, "title"))
    if title is not None and not isinstance(title, str):
        raise bad_line("العنوان ليس نصاً", "the title is not a string")
    if title:
        title = record_fields.plain_title(title, html_escaped=title_name.endswith(".rendered") or html_body)

    draft = Draft(title="", body=body, source_name=f"{source_name}:{number}", format="jsonl", original_text=line)
    if body_name != "body":
        draft.provenance["body"] = f"الحقل {body_name} في السجل"
    if title and title.strip():
        draft.title = re.sub(r"\s+", " ", title).strip()
        draft.provenance["title"] = f"الحقل {title_name} في السجل"
    else:
        draft.title = derive_title(first_paragraph(body))
        draft.warn(DERIVED_TITLE_WARNING)

    record_id, _name = next(iter(fields.all("id")), (None, "id"))
    if record_id is not None and not isinstance(record_id, (str, int)):
        raise bad_line("المعرّف id ليس نصاً", "the id is not a string")
    if record_id not in (None, ""):
        record_id = str(record_id).strip()
        if len(record_id) > MAX_EXTERNAL_ID:
            raise bad_line(f"المعرّف أطول من {MAX_EXTERNAL_ID} حرفاً", f"the id is longer than {MAX_EXTERNAL_ID}")
        draft.external_id = record_id

    url, _name = next(((u, n) for u, n in fields.all("url") if isinstance(u, str) and u.strip()), (None, "url"))
    if isinstance(url, str) and url.strip():
        url = url.strip()
        if re.match(r"^https?://\S+$", url) and len(url) <= MAX_URL:
            draft.url = url
        else:
            draft.warn(f"الرابط غير صالح فلم يُحفظ: {url[:100]}")

    _set_date(draft, fields)

    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    author = meta.get("author") if isinstance(meta.get("author"), str) else ""
    m = _BYLINE_PLACE.match(author.strip()) or _LEAD_DATELINE.match(body)
    if m:
        draft.dateline_name = m["place"].strip()

    named = [(value.strip(), name) for value, name in fields.all("source") if isinstance(value, str) and value.strip()]
    if catalog is not None:
        # Every value that may name the outlet, best first; a web address or
        # a bare domain is looked up, never proposed as a new outlet's name.
        cues = [Cue(value, may_propose=not _is_address(value), where=f"الحقل {name} في السجل")
                for value, name in named]
        if draft.url:
            cues.append(Cue(draft.url, where="نطاق الحقل url في السجل"))
        resolve(cues, catalog.outlets).apply(draft)
        draft.title = _without_outlet_suffix(draft.title, catalog.outlets)
    elif named:
        draft.outlet_name = named[0][0]
    return draft


def _body(fields):
    """``(text, field, named_html)``: the article's text and the field it came
    from, by name first, else the longest value written in sentences; an HTML
    body made plain text. ``named_html``: the named body was HTML, so the
    record's title is HTML-escaped too."""
    for value, name in fields.all("body"):
        if isinstance(value, list) and all(isinstance(p, str) for p in value):
            value = "\n".join(value)  # paragraphs as a list, a scraper's habit
        if isinstance(value, str) and value.strip():
            text = record_fields.plain_text(value)
            if text:
                return text, name, record_fields.is_html(value)
    found = record_fields.longest_text(fields.values)
    if found is not None:
        return record_fields.plain_text(found.value), found.name, False
    return None, None, False


def _is_address(value: str) -> bool:
    return bool(re.fullmatch(r"(?:https?://)?[\w.-]+\.[a-z]{2,}(?:/\S*)?", value.strip(), re.I))


# "العنوان - رووداو", "العنوان | Rudaw": a page title's site suffix.
_SUFFIX = re.compile(r"^(?P<title>.{8,}?)\s+[-|–—:]{1,2}\s+(?P<site>[^-|–—]{2,60})$")


def _without_outlet_suffix(title, outlets):
    m = _SUFFIX.match(title or "")
    if m and outlets.find_name(m["site"]):
        return m["title"].strip()
    return title


def _set_date(draft, fields):
    unread = None
    for published, name in fields.all("published"):
        if _read_date(draft, published, name):
            return
        if unread is None and isinstance(published, str) and published.strip():
            unread = published
    if unread is not None:
        draft.warn(f"تاريخ النشر في السجل غير مفهوم: {unread[:40]}")
    found = dates.find_date(draft.body[:LEAD_CHARS].split("\n", 1)[0])
    if found and found[1] == dates.DAY:
        draft.published, draft.date_precision = found[0], found[1]
        draft.provenance["date"] = f"«{found[2]}» — مطلع النص"
    else:
        draft.warn(NO_DATE_WARNING)


def _read_date(draft, published, name) -> bool:
    """Sets the draft's date from one field's value; False when it is no date."""
    if isinstance(published, (int, float)) and not isinstance(published, bool):
        # A Unix time (seconds, or milliseconds from JavaScript), read in UTC.
        from datetime import timezone

        seconds = published / 1000 if published > 10**11 else published
        try:
            day = datetime.fromtimestamp(seconds, tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            day = None
        if day and dates.parse_exact(day.isoformat()):
            draft.published, draft.date_precision = day, dates.DAY
            draft.provenance["date"] = f"الحقل {name} في السجل (وقت يونكس {published})"
            return True
    if isinstance(published, str) and published.strip():
        parsed = _parse_iso(published.strip())
        if parsed:
            draft.published, draft.date_precision = parsed, dates.DAY
            draft.provenance["date"] = f"الحقل {name} في السجل ({published.strip()[:30]})"
            return True
        # Not ISO: a date as a page prints it ("14 مايو 2018", "17/10/2018 | 01:57").
        found = dates.find_date(published.strip()[:200])
        if found:
            draft.published, draft.date_precision = found[0], found[1]
            draft.provenance["date"] = f"الحقل {name} في السجل ({published.strip()[:30]})"
            return True
    return False


def _parse_iso(value):
    """The date as written (in its own offset), within the plausible range."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        found = dates.parse_exact(value)
        return found[0] if found and found[1] == dates.DAY else None
    day = moment.date()
    bounds = dates.parse_exact(day.isoformat())
    return day if bounds else None


def first_paragraph(body):
    for part in body.split("\n"):
        if part.strip():
            return part.strip()
    return body.strip()
