"""Reading: what a file holds, as drafts and failures (``archive.ingest.pipeline``).

``read`` never raises for a bad file: a file, zip member or JSON line that
cannot be read becomes a ``Failure`` with the reason in Arabic, and the others
are read all the same. Every text field is scrubbed of what no stored text may
hold.
"""
from itertools import chain
import logging
import re
import unicodedata

from . import sniff as kinds
from .archives import gunzip_chunks, iter_lines, iter_zip
from .catalog import Catalog
from .draft import Draft, Failure, IngestError
from .decode import decode
from .limits import Limits

log = logging.getLogger(__name__)

# Extensions stripped from a file name to make its external id.
_EXTENSIONS = re.compile(r"(?:\.(?:jsonl|json|txt|text|html?|xhtml|docx|zip))?(?:\.gz)?$", re.I)
EXTERNAL_ID_MAX = 255


def read(name: str, data: bytes, *, catalog=None, limits=None, external_id_from_name=True) -> list:
    """Every article in the file (a zip or JSON-lines file holds many), or why not."""
    return list(iter_read(name, data, catalog=catalog, limits=limits,
                          external_id_from_name=external_id_from_name))


def iter_read(name, data, *, catalog=None, limits=None, external_id_from_name=True):
    """``read`` one item at a time: what ``import_articles`` uses for big files."""
    for item in _iter_read(name, data, catalog, limits, external_id_from_name):
        yield scrubbed(item)


# C0 controls but tab, newline and carriage return, and lone surrogates: what
# a JSON escape ("\u0000", "\ud800"), an HTML character reference ("&#1;") or
# a zip member's name can carry past ``decode``. PostgreSQL refuses NUL, UTF-8
# (the staged preview, the content hash) a lone surrogate, and XML (the Atom
# feed) every one of them. A vertical tab or form feed becomes a line break.
_UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\ud800-\udfff]")
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def scrub(text):
    """``text`` without the characters no stored text may hold (a surrogate becomes U+FFFD)."""
    if not isinstance(text, str):
        return text
    # str.translate with a table reads every character through it (0.1 ms
    # for a corpus body, several fields per article): only when there is
    # something to translate.
    if "\x0b" in text or "\x0c" in text:
        text = text.translate(_BREAKS)
    return _UNSAFE_CHARS.sub(lambda m: "" if m.group() < "\x20" else "\ufffd", text)


def scrubbed(item):
    """A ``Draft`` or ``Failure`` with every text field scrubbed."""
    for name, value in list(vars(item).items()):
        if isinstance(value, str):
            setattr(item, name, scrub(value))
        elif name == "warnings":
            setattr(item, name, [scrub(w) for w in value])
        elif name == "provenance":  # quotes the page ("«…» — og:site_name"): the same care
            setattr(item, name, {k: scrub(v) for k, v in value.items()})
    return item


def _iter_read(name, data, catalog, limits, external_id_from_name):
    limits = limits or Limits.upload()
    catalog = catalog if catalog is not None else Catalog()
    try:
        kind = kinds.sniff(name, data)
        if kind != kinds.GZIP and re.search(r"\.gz$", name, re.I):
            # Named as compressed records but not compressed: a damaged
            # download or a file renamed by hand. Read as text it would only
            # be "too short", which sends the archivist the wrong way.
            raise IngestError(
                f"الملف «{name}» يحمل اسم ملف مضغوط (.gz) لكنه غير مضغوط أو تالف، فلم يُستورد.",
                f"“{name}” is named as a compressed file (.gz) but is not one, or is damaged, so it was not imported.",
            )
    except IngestError as error:
        yield Failure.from_error(name, error)
        return
    except Exception as error:
        yield _unexpected(name, error)
        return
    if kind in (kinds.JSONL, kinds.GZIP):
        # A file of records: each record is held to the text limit instead.
        limits = limits.for_records()
    if limits.max_file_bytes is not None and len(data) > limits.max_file_bytes:
        from .archives import too_big

        yield Failure.from_error(name, too_big(name, len(data), limits.max_file_bytes))
        return
    if kind == kinds.ZIP and re.search(r"\.(?:docx|docm|dotx)$", name, re.I):
        # A Word file is a zip, but one without its document part holds no text
        # (pictures of a scanned page, a damaged save): said so, not read member by member.
        yield Failure(
            name,
            f"الملف «{name}» ليس مستند Word صالحاً: لا نص فيه (ربما صور صفحات ممسوحة فقط)، فلم يُستورد.",
            f"“{name}” is no valid Word document: it holds no text (perhaps only scanned images).",
        )
        return
    if kind != kinds.ZIP:
        yield from _guarded(name, _read_one(name, data, kind, catalog, limits, external_id_from_name, False), limits)
        return
    seen_ids = set()
    try:
        members = 0
        for member in iter_zip(name, data, limits):
            members += 1
            member_name = f"{name}/{member.name}"
            if member.error:
                yield Failure.from_error(member_name, member.error)
                continue
            try:
                member_kind = kinds.sniff(member.name, member.data)
            except IngestError as error:
                yield Failure.from_error(member_name, error)
                continue
            items = _read_one(member_name, member.data, member_kind, catalog, limits, external_id_from_name, True)
            for item in _guarded(member_name, items, limits):
                # Two members called 001.txt in different folders: the second
                # gets its path as its id rather than overwrite the first.
                if isinstance(item, Draft) and item.format != "jsonl" and item.external_id:
                    if item.external_id in seen_ids:
                        item.external_id = external_id_for(member.name.replace("\\", "/"), keep_path=True)
                    seen_ids.add(item.external_id)
                yield item
        if not members:  # only folders and system litter: say so rather than show nothing
            yield Failure(
                name,
                f"الملف المضغوط «{name}» لا يحوي ملفات تُقرأ.",
                f"The zip file “{name}” holds no files to read.",
            )
    except IngestError as error:
        yield Failure.from_error(name, error)
    except Exception as error:  # a bug in reading the archive must not answer 500
        yield _unexpected(name, error)


def _unexpected(name, error):
    log.exception("Unexpected error while reading %s", name)
    return Failure(
        name,
        "حدث خطأ غير متوقع أثناء قراءة هذا الملف، فلم يُستورد. أبلغ المسؤول عن الأرشيف.",
        f"Unexpected error while reading this file ({error.__class__.__name__}: {error}).",
    )


def _guarded(name, items, limits=None):
    """Items of one file; a reader's error (or bug) ends that file, not the import.

    Every draft passes ``verdict.refusal`` here, whatever its format: too long
    a text, a saved error page, an index page of links.
    """
    from .verdict import refusal

    max_chars = limits.max_text_chars if limits is not None else None
    try:
        for item in items:
            if isinstance(item, Draft):
                error = refusal(item, max_chars)
                if error is not None:
                    yield Failure.from_error(item.source_name or name, error)
                    continue
            yield item
    except IngestError as error:
        yield Failure.from_error(name, error)
    except Exception as error:  # a bug must not lose the other files of an import
        yield _unexpected(name, error)


def _read_one(name, data, kind, catalog, limits, external_id_from_name, in_archive):
    if kind == kinds.ZIP:
        raise IngestError(
            "ملف مضغوط داخل ملف مضغوط: فكّ الأرشيف الداخلي وارفع ملفاته مباشرة.",
            "A zip inside a zip: unpack the inner archive and upload its files directly.",
        )
    if kind == kinds.GZIP:
        chunks = gunzip_chunks(name, data, limits)
        first = next(chunks, b"")
        inner_kind = kinds.sniff(name, first) if first else kinds.TEXT
        if inner_kind in (kinds.ZIP, kinds.GZIP, kinds.DOCX):
            raise IngestError(
                "ملف مضغوط داخل ملف مضغوط: فكّ الضغط وارفع الملف الداخلي مباشرة.",
                "A compressed file inside a compressed file: unpack it and upload the inner file.",
            )
        if inner_kind == kinds.JSONL:
            from .record_documents import iter_records

            yield from iter_records(iter_lines(chain([first], chunks)), name, catalog)
            return
        inner = b"".join(chain([first], chunks))
        draft = _single(name, inner, inner_kind, catalog, limits)
        _finish_file_draft(draft, name, data, external_id_from_name)
        yield draft
        return
    if kind == kinds.JSONL:
        from .record_documents import iter_records

        yield from iter_records(_utf8(data).split(b"\n"), name, catalog)
        return
    draft = _single(name, data, kind, catalog, limits)
    _finish_file_draft(draft, name, data, external_id_from_name)
    yield draft


HEAD_BYTES = 1 << 16


def _utf8(data: bytes) -> bytes:
    """A file of records as UTF-8: one saved as UTF-16 (Notepad's "Unicode")
    or Windows-1256 is read whole in its encoding, so that no record is
    refused line by line as "not UTF-8"."""
    import codecs

    try:
        # The first 64 KiB show a legacy encoding; a big file is not copied to be checked.
        # (Incremental: a character the cut splits in two is no error.)
        codecs.getincrementaldecoder("utf-8")().decode(data[:HEAD_BYTES], final=len(data) <= HEAD_BYTES)
    except UnicodeDecodeError:
        return decode(data).encode("utf-8")
    return data


def _single(name, data, kind, catalog, limits=None):
    if kind == kinds.DOCX:
        from .docx import draft_from_docx

        return draft_from_docx(data, name, catalog, limits)
    text = decode(data, markup=kind == kinds.HTML)
    if kind == kinds.TEXT and limits is not None:
        # A text save far past the limit is refused before it is read line by line.
        from .verdict import check_raw_text

        check_raw_text(text, limits.max_text_chars)
    if kind == kinds.HTML:
        from .html import draft_from_html

        return draft_from_html(text, name, catalog)
    from .text import draft_from_text

    return draft_from_text(text, name, catalog)


def _finish_file_draft(draft, name, data, external_id_from_name):
    draft.original_bytes = data
    if draft.published is None:
        # Last: a date the file's name holds ("2018-05-14_story.docx").
        from .file_name_dates import in_file_name
        from .text import NO_DATE_WARNING

        found = in_file_name(name)
        if found:
            draft.published, draft.date_precision = found[0], found[1]
            draft.provenance["date"] = f"«{found[2]}» — اسم الملف"
            draft.warnings = [w for w in draft.warnings if w != NO_DATE_WARNING]
    if external_id_from_name:
        draft.external_id = external_id_for(name)
        draft.id_from_name = draft.external_id is not None


def external_id_for(name, keep_path=False):
    """A file's id: its name without folder or extension ("000_bd2c….txt" → "000_bd2c…")."""
    path = name.replace("\\", "/")
    base = path if keep_path else path.rsplit("/", 1)[-1]
    stem = _EXTENSIONS.sub("", base).strip()
    stem = unicodedata.normalize("NFC", stem)
    return stem[-EXTERNAL_ID_MAX:] or None
