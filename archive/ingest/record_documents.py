"""A file of JSON records → its records, one ``Draft`` or ``Failure`` each.

The corpus writes one record a line. Exports write the same records in other
layouts: a JSON array (Scrapy's ``.json`` feed, one item a line between
``[`` and ``]``), records pretty-printed one after another, records glued
together or each followed by a comma, an API's answer (NewsAPI's
``articles``, Elasticsearch's ``hits.hits``, a JSON Feed's ``items``), a table
written as one object. Whatever the layout, the rule is the same: every good
record is read, a bad one becomes a ``Failure`` that names its line, and the
records after it are read all the same.
"""
import json

from .draft import Failure, IngestError
from .records import Fields, bad_line, draft_from_dict, draft_from_record

# Between the values of a document: blanks, the commas of an array or of an
# export that ends each record with one, and a trailing comma before "]".
_BETWEEN = " \t\r\n,"


def iter_records(lines, source_name, catalog=None):
    """Drafts and failures for an iterable of ``bytes`` lines.

    One record a line, as the corpus has them. When the first record is not
    a whole line, the file is read as one document (an array, or objects one
    after another) and its records numbered in order.
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
                read = _document_values(data, number)
                if read is not None:
                    yield from _iter_values(read, source_name, catalog)
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
            value = _loads(raw, number)
            inner = _inner_records(value) or _records_list(value)
            if inner is not None:
                # A search engine's or an API's answer on one line: its records.
                yield from _iter_values([(v, None) for v in inner], f"{source_name}:{number}", catalog)
                continue
            yield draft_from_record(raw, source_name, number, catalog)
        except IngestError as error:
            yield Failure(where, error.message, f"{source_name}, line {number}: {error.message_en}")


def _loads(raw: bytes, number: int):
    try:
        return json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except (ValueError, RecursionError):
        return None  # draft_from_record says what is wrong with it


def _records_list(value):
    """A line that is a list of records (``[{…}]``, one export's way of writing a line)."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return value
    return None


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
        return isinstance(unwrapped(json.loads(line.decode("utf-8-sig", errors="replace"))), dict)
    except (ValueError, RecursionError):
        return False


def unwrapped(value):
    """A record written as a JSON string of itself (a log pipeline's, a double
    ``json.dumps``): the record; any other value as it is."""
    if isinstance(value, str) and value.lstrip().startswith("{"):
        try:
            return json.loads(value)
        except (ValueError, RecursionError):
            return value
    return value


def _document_values(data: bytes, first_line=1):
    """``[(record, None) | (None, (line, error))]``: the values of a JSON array
    or of JSON values one after another, each with the line it starts on.

    Read value by value, so one bad record costs only itself: the reading
    resumes at the next line that opens a value where the bad one opened
    (the same indentation), and a trailing comma before ``]`` is allowed.
    None when nothing in it parses (not one document at all)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    decoder, at, out, parsed = json.JSONDecoder(), 0, [], False
    depth = 0  # inside the top-level array
    while True:
        while at < len(text) and (text[at] in _BETWEEN or (text[at] == "[" and depth == 0) or (text[at] == "]" and depth)):
            depth = 1 if text[at] == "[" else 0 if text[at] == "]" else depth
            at += 1
        if at >= len(text):
            return out if parsed else None
        try:
            value, end = decoder.raw_decode(text, at)
        except (ValueError, RecursionError) as error:
            line = first_line + text.count("\n", 0, at)
            message = getattr(error, "msg", "") or "nested too deeply"
            out.append((None, (line, message)))
            at = _next_start(text, at)
            continue
        parsed = True
        value = unwrapped(value)
        for record in (value if isinstance(value, list) else (_inner_records(value) or [value])):
            out.append((record, None))
        at = end


def _next_start(text, at):
    """Where the value after a broken one opens: the next line that opens an
    object at the broken one's indentation or less (the end of the text if none)."""
    indent = at - (text.rfind("\n", 0, at) + 1)
    pos = text.find("\n", at)
    while pos != -1:
        start = pos + 1
        end = text.find("\n", start)
        line = text[start:end if end != -1 else len(text)]
        rest = line.lstrip(" \t,")
        if rest.startswith("{") and len(line) - len(rest) <= indent:
            return start + len(line) - len(rest)
        pos = end
    return len(text)


def _iter_values(values, source_name, catalog):
    number = 0
    for record, broken in values:
        if broken is not None:
            line, message = broken
            error = bad_line(f"ليس JSON صحيحاً ({message})", f"not valid JSON ({message})")
            yield Failure(f"{source_name}، السطر {line}", error.message,
                          f"{source_name}, line {line}: {error.message_en}")
            continue
        number += 1
        where = f"{source_name}، السجل {number}"
        try:
            if not isinstance(record, dict):
                raise bad_line("ليس كائن JSON", "not a JSON object")
            yield draft_from_dict(record, json.dumps(record, ensure_ascii=False), source_name, number, catalog)
        except IngestError as error:
            yield Failure(where, error.message, f"{source_name}, record {number}: {error.message_en}")
