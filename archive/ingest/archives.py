"""Zip and gzip, opened as if every header lied.

A zip's central directory states each member's name and sizes; an attacker
writes whatever they like there. So:

- a member whose name climbs out (``..``) or starts at the root (``/x``,
  ``C:\\x``) is refused (the archive never writes members to disk, but such a
  name is a sign of a hostile file and would mislead anyone who unpacks it);
- the archive is refused whole when it has more members than
  ``UPLOAD_MAX_ZIP_MEMBERS`` or states more than ``UPLOAD_MAX_ZIP_TOTAL_BYTES``
  uncompressed;
- a member is refused when it states a compression ratio over
  ``UPLOAD_MAX_ZIP_RATIO`` (a zip bomb), and it is read through a bounded
  reader that stops as soon as it yields more than it stated or more than the
  limits allow, so a header that understates a bomb costs one buffer, not the
  machine's memory;
- zips inside zips are refused (``read`` checks the member's content).

gzip has no trustworthy size field at all: ``gunzip_chunks`` decompresses in
bounded steps and stops at the limit.
"""
from dataclasses import dataclass
import io
import lzma
import posixpath
import re
import zipfile
import zlib

from .draft import IngestError
from .limits import megabytes

CHUNK = 64 * 1024


@dataclass
class Member:
    name: str
    data: bytes | None = None
    error: IngestError | None = None


def corrupt_zip(name):
    return IngestError(
        f"الملف المضغوط «{name}» تالف أو مقطوع فلا يمكن فتحه: أعد ضغطه أو رفعه كاملاً.",
        f"The zip file “{name}” is damaged or truncated and cannot be opened: zip it again or upload it whole.",
    )


def _member_name(info):
    """The member's name as its author wrote it (Arabic names from Windows zips included).

    Without the UTF-8 flag a zip's names are in the writer's code page, which
    Python reads as cp437. Windows's "send to compressed folder" writes the
    OEM code page (cp720 on an Arabic Windows), older tools the ANSI one
    (cp1256), 7-Zip and macOS UTF-8 without saying so: the bytes are read in
    each, and the reading with the most Arabic letters and no box-drawing or
    accented Latin letters (what a wrong code page makes of Arabic) wins."""
    name = info.filename
    if info.flag_bits & 0x800:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    if raw.isascii():
        return name
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    readings = []
    for encoding in ("cp720", "cp1256"):
        try:
            readings.append(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    scored = [(len(_ARABIC.findall(text)) - 2 * len(_NOT_IN_A_NAME.findall(text)), text) for text in readings]
    best = max(scored, default=(0, name))
    return best[1] if best[0] > 0 else name


_ARABIC = re.compile(r"[\u0621-\u064A\u0660-\u0669]")
# What a wrong code page makes of Arabic bytes: box drawing and blocks (cp437, cp720's upper half), accented
# Latin letters and typographic signs (cp1256's non-Arabic slots).
_NOT_IN_A_NAME = re.compile(r"[\u00a0-\u00ff\u0152-\u02dc\u2013-\u203a\u2500-\u25ff]")


def unsafe_name(name):
    parts = re.split(r"[\\/]+", name)
    return (
        name.startswith(("/", "\\"))
        or bool(re.match(r"^[A-Za-z]:", name))
        or ".." in parts
        or "\x00" in name
    )


def _skipped(name):
    """Folders and the litter of macOS and Windows zips."""
    base = posixpath.basename(name.replace("\\", "/").rstrip("/"))
    return (
        name.endswith(("/", "\\"))
        or name.startswith("__MACOSX/")
        or base.startswith("._")
        or base in (".DS_Store", "Thumbs.db", "desktop.ini")
    )


# A page saved "complete" beside its folder of assets ("page.html" and "page_files/", "page-Dateien/",
# "page_fichiers/" as the browser's language names it): that folder's files are the page's styles,
# scripts, pictures and saved frames (an advertisement's), never articles. Styles, scripts and fonts
# anywhere are none either.
_ASSET_FOLDER = re.compile(r"^(?P<stem>.+?)[_-][^/_-]{2,20}/")
_ASSET_EXTENSIONS = (".css", ".js", ".mjs", ".map", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".ico")


def page_assets(names):
    """The member names that are a saved page's assets (``_ASSET_FOLDER``, ``_ASSET_EXTENSIONS``)."""
    pages = {re.sub(r"\.x?html?$", "", n, flags=re.I) for n in (x.replace("\\", "/") for x in names)
             if re.search(r"\.x?html?$", n, re.I)}
    assets = set()
    for original in names:
        n = original.replace("\\", "/")
        m = _ASSET_FOLDER.match(n)
        if n.lower().endswith(_ASSET_EXTENSIONS) or m and m["stem"] in pages:
            assets.add(original)
    return assets


# The refusals of a zip whose directory states too many members or too many bytes unpacked, (Arabic,
# English), worded for an archive of files ("zip") or for a file that is a zip of parts underneath
# ("container": a Word .docx).
_TOO_MANY_MEMBERS = {
    "zip": ("في الملف المضغوط «{name}» {count} ملفاً، والحد {limit}: قسّمه إلى ملفات أصغر.",
            "“{name}” holds {count} files; the limit is {limit}: split it."),
    "container": ("في «{name}» {count} جزءاً، والحد {limit}.",
                  "“{name}” holds {count} parts; the limit is {limit}."),
}
_TOO_MANY_BYTES = {
    "zip": ("حجم محتوى الملف المضغوط «{name}» بعد فكّه {size} م.ب، والحد {limit} م.ب.",
            "“{name}” unpacks to {size} MB; the limit is {limit} MB."),
    "container": ("حجم محتوى «{name}» بعد فكّه {size} م.ب، والحد {limit} م.ب.",
                  "“{name}” unpacks to {size} MB; the limit is {limit} MB."),
}


def _check_stated_sizes(name, infos, limits, kind):
    """Refuse a zip on what its directory states: more members than the limit, or more bytes in all
    once unpacked. ``kind`` words the refusal (``_TOO_MANY_MEMBERS``)."""
    if limits.max_members is not None and len(infos) > limits.max_members:
        raise IngestError(*(m.format(name=name, count=len(infos), limit=limits.max_members)
                            for m in _TOO_MANY_MEMBERS[kind]))
    total = sum(i.file_size for i in infos)
    if limits.max_total_bytes is not None and total > limits.max_total_bytes:
        raise IngestError(*(m.format(name=name, size=megabytes(total), limit=megabytes(limits.max_total_bytes))
                            for m in _TOO_MANY_BYTES[kind]))


def iter_zip(name, data, limits):
    """``Member``s of a zip: each with its bytes, or with the reason it was refused.

    Raises ``IngestError`` when the archive as a whole is refused.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise corrupt_zip(name)
    with zf:
        members = [i for i in infos if not _skipped(_member_name(i))]
        assets = page_assets([_member_name(i) for i in members])
        members = [i for i in members if _member_name(i) not in assets]
        _check_stated_sizes(name, members, limits, "zip")
        budget = [limits.max_total_bytes]
        for info in members:
            member_name = _member_name(info)
            try:
                yield Member(member_name, _read_member(zf, info, member_name, limits, budget))
            except IngestError as error:
                yield Member(member_name, error=error)


def check_zip_container(name, data, limits):
    """Refuse a file that is a zip underneath (a Word .docx) when its parts break the limits.

    Its reader (python-docx) unpacks the parts itself, so the sizes and ratios
    the zip states are checked first: more in all than
    ``UPLOAD_MAX_ZIP_TOTAL_BYTES``, or a part over the ratio limit, and the
    file is refused unread. Python's zipfile never yields more than a part
    states, so a header that understates a bomb cannot get past this either.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise corrupt_zip(name)
    _check_stated_sizes(name, infos, limits, "container")
    for info in infos:
        if limits.max_ratio is not None and info.file_size > CHUNK:
            if info.compress_size == 0 or info.file_size / info.compress_size > limits.max_ratio:
                raise bomb(f"{name}/{_member_name(info)}")


def _read_member(zf, info, member_name, limits, budget):
    if unsafe_name(member_name):
        raise IngestError(
            f"اسم الملف «{member_name}» داخل الأرشيف يشير إلى خارج الأرشيف، فرُفض.",
            f"The member name “{member_name}” points outside the archive, so it was refused.",
        )
    if info.flag_bits & 0x1:
        raise IngestError(
            f"الملف «{member_name}» داخل الأرشيف محمي بكلمة مرور.",
            f"“{member_name}” is encrypted.",
        )
    if limits.max_ratio is not None and info.file_size > CHUNK:
        if info.compress_size == 0 or info.file_size / info.compress_size > limits.max_ratio:
            raise bomb(member_name)
    if limits.max_file_bytes is not None and info.file_size > limits.max_file_bytes:
        raise too_big(member_name, info.file_size, limits.max_file_bytes)
    # The header's size is a claim, not a fact: read no more than it allows.
    cap = info.file_size
    if limits.max_file_bytes is not None:
        cap = min(cap, limits.max_file_bytes)
    if budget[0] is not None:
        cap = min(cap, budget[0])
    out = io.BytesIO()
    try:
        with zf.open(info) as stream:
            while True:
                chunk = stream.read(CHUNK)
                if not chunk:
                    break
                out.write(chunk)
                if out.tell() > cap:
                    raise bomb(member_name)
    except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, NotImplementedError,
            RuntimeError, ValueError) as error:
        # ValueError: a damaged header makes zipfile seek before the start or
        # decode a member's name that is not UTF-8; LZMAError: damaged LZMA data.
        raise IngestError(
            f"تعذّرت قراءة «{member_name}» من الملف المضغوط: الملف تالف أو مقطوع.",
            f"Could not read “{member_name}” from the zip: it is damaged or truncated ({error}).",
        )
    if budget[0] is not None:
        budget[0] -= out.tell()
    return out.getvalue()


def too_big(name, size, limit):
    return IngestError(
        f"حجم الملف «{name}» {megabytes(size)} م.ب، والحد {megabytes(limit)} م.ب.",
        f"“{name}” is {megabytes(size)} MB; the limit is {megabytes(limit)} MB.",
    )


def bomb(name):
    return IngestError(
        f"رُفض «{name}»: يتضخم عند فكّه أكثر مما يُعقل لنص (قنبلة ضغط).",
        f"“{name}” was refused: it expands far more than text does when unpacked (a zip bomb).",
    )


def gunzip_chunks(name, data, limits):
    """The decompressed bytes of a gzip file, chunk by chunk, within the limits.

    Input is fed a slice at a time: zlib copies whatever input it has not
    consumed, and a 49 MB file fed whole would be copied again for every
    64 KB it yields.
    """
    cap = limits.max_total_bytes
    if limits.max_ratio is not None:
        ratio_cap = max(len(data) * limits.max_ratio, CHUNK)
        cap = ratio_cap if cap is None else min(cap, ratio_cap)
    produced = 0
    view = memoryview(data)
    position = 0
    leftover = b""
    try:
        while leftover or position < len(data):
            # A gzip file may hold several members one after another.
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            pending = leftover
            while not inflater.eof:
                if not pending:
                    if position >= len(data):
                        raise zlib.error("truncated")
                    pending = view[position:position + CHUNK]
                    position += CHUNK
                chunk = inflater.decompress(pending, CHUNK)
                pending = inflater.unconsumed_tail
                produced += len(chunk)
                if cap is not None and produced > cap:
                    raise bomb(name)
                if chunk:
                    yield chunk
            leftover = inflater.unused_data
            if (leftover + bytes(view[position:position + 2]))[:2] != b"\x1f\x8b":
                break  # trailing padding after the last member
    except zlib.error:
        raise IngestError(
            f"الملف المضغوط «{name}» تالف أو مقطوع: أعد ضغطه أو رفعه كاملاً.",
            f"The gzip file “{name}” is damaged or truncated.",
        )


def iter_lines(chunks):
    """Lines (bytes, without the newline) of a stream of chunks."""
    pending = b""
    for chunk in chunks:
        pending += chunk
        *lines, pending = pending.split(b"\n")
        yield from lines
    if pending:
        yield pending


def count_lines(chunks):
    count, last = 0, b"\n"
    for chunk in chunks:
        count += chunk.count(b"\n")
        last = chunk[-1:] or last
    return count + (0 if last == b"\n" else 1)
