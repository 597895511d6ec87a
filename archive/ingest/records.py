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

from . import dates
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
            yield draft_from_record(raw, source_name, number, catalog)
        except IngestError as error:
            yield Failure(where, error.message, f"{source_name}, line {number}: {error.message_en}")


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
            values.extend(value if isinstance(value, list) else [value])
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
    for name in FIELDS[key]:
        if name in record and record[name] not in (None, ""):
            value = record[name]
            if isinstance(value, dict) and isinstance(value.get("name"), str):
                value = value["name"]
            return value, name
    return None, FIELDS[key][0]


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
    body, _name = field(record, "body")
    if isinstance(body, list) and all(isinstance(p, str) for p in body):
        body = "\n".join(body)  # paragraphs as a list, a scraper's habit
    if not isinstance(body, str) or not body.strip():
        raise bad_line("لا نص فيه (الحقل body أو text أو content فارغ أو غير موجود)",
                       "no text (body, text or content empty or missing)")
    body = body.strip()
    title, title_name = field(record, "title")
    if title is not None and not isinstance(title, str):
        raise bad_line("العنوان ليس نصاً", "the title is not a string")

    draft = Draft(title="", body=body, source_name=f"{source_name}:{number}", format="jsonl", original_text=line)
    if title and title.strip():
        draft.title = re.sub(r"\s+", " ", title).strip()
        draft.provenance["title"] = f"الحقل {title_name} في السجل"
    else:
        draft.title = derive_title(first_paragraph(body))
        draft.warn(DERIVED_TITLE_WARNING)

    record_id, _name = field(record, "id")
    if record_id is not None and not isinstance(record_id, (str, int)):
        raise bad_line("المعرّف id ليس نصاً", "the id is not a string")
    if record_id not in (None, ""):
        record_id = str(record_id).strip()
        if len(record_id) > MAX_EXTERNAL_ID:
            raise bad_line(f"المعرّف أطول من {MAX_EXTERNAL_ID} حرفاً", f"the id is longer than {MAX_EXTERNAL_ID}")
        draft.external_id = record_id

    url, _name = field(record, "url")
    if isinstance(url, str) and url.strip():
        url = url.strip()
        if re.match(r"^https?://\S+$", url) and len(url) <= MAX_URL:
            draft.url = url
        else:
            draft.warn(f"الرابط غير صالح فلم يُحفظ: {url[:100]}")

    _set_date(draft, record)

    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    author = meta.get("author") if isinstance(meta.get("author"), str) else ""
    m = _BYLINE_PLACE.match(author.strip()) or _LEAD_DATELINE.match(body)
    if m:
        draft.dateline_name = m["place"].strip()

    source, source_name_field = field(record, "source")
    if catalog is not None:
        cues = ([Cue(source, may_propose=True, where=f"الحقل {source_name_field} في السجل")]
                if isinstance(source, str) and source.strip() else [])
        if draft.url:
            cues.append(Cue(draft.url, where="نطاق الحقل url في السجل"))
        resolve(cues, catalog.outlets).apply(draft)
    elif isinstance(source, str):
        draft.outlet_name = source.strip() or None
    return draft


def _set_date(draft, record):
    published, name = field(record, "published")
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
            return
    if isinstance(published, str) and published.strip():
        parsed = _parse_iso(published.strip())
        if parsed:
            draft.published, draft.date_precision = parsed, dates.DAY
            draft.provenance["date"] = f"الحقل {name} في السجل ({published.strip()[:30]})"
            return
        # Not ISO: a date as a page prints it ("14 مايو 2018", "17/10/2018 | 01:57").
        found = dates.find_date(published.strip()[:200])
        if found:
            draft.published, draft.date_precision = found[0], found[1]
            draft.provenance["date"] = f"الحقل {name} في السجل ({published.strip()[:30]})"
            return
        draft.warn(f"تاريخ النشر في السجل غير مفهوم: {published[:40]}")
    found = dates.find_date(draft.body[:LEAD_CHARS].split("\n", 1)[0])
    if found and found[1] == dates.DAY:
        draft.published, draft.date_precision = found[0], found[1]
        draft.provenance["date"] = f"«{found[2]}» — مطلع النص"
    else:
        draft.warn(NO_DATE_WARNING)


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
