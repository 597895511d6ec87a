"""What kind of file this is, judged by its content, not by its name.

A name can lie (a photo renamed ``.txt``, a Word file saved as ``.html``); the
first bytes do not. Kinds: ``zip``, ``docx`` (a zip with ``word/document.xml``),
``gzip``, ``html``, ``jsonl`` and ``text``. Formats the archive cannot read
(PDF, images, old Word, other archives, programs) are refused by name.
"""
import codecs
import io
import re
import zipfile

from .draft import IngestError

ZIP, DOCX, GZIP, HTML, JSONL, TEXT = "zip", "docx", "gzip", "html", "jsonl", "text"

_REFUSED_MAGIC = (
    (b"%PDF", "PDF", "PDF"),
    (b"\x89PNG", "صورة PNG", "a PNG image"),
    (b"\xff\xd8\xff", "صورة JPEG", "a JPEG image"),
    (b"GIF8", "صورة GIF", "a GIF image"),
    (b"RIFF", "ملف وسائط (RIFF)", "a RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "مستند Word قديم (.doc)", "an old Word document (.doc)"),
    (b"Rar!", "أرشيف RAR", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "أرشيف 7z", "a 7z archive"),
    (b"BZh", "أرشيف bzip2", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "أرشيف xz", "an xz archive"),
    (b"MZ", "برنامج ويندوز", "a Windows program"),
    (b"\x7fELF", "برنامج", "a program"),
    (b"{\\rtf", "مستند RTF", "an RTF document"),
)

_HTML_START = re.compile(
    r"<\s*(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>]|title[\s>]|p[\s>]|div[\s>]|article[\s>]|h1[\s>])",
    re.IGNORECASE,
)


def sniff(name: str, data: bytes) -> str:
    """The kind of ``data``; raises ``IngestError`` for a format the archive does not read."""
    if not data.strip(b" \t\r\n\x00") or data.strip() in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        # Said before anything reads it: "no paragraphs after the title" would
        # send the archivist looking for a title the file never had.
        raise IngestError(
            f"الملف «{name}» فارغ: لا شيء فيه يُستورد.",
            f"“{name}” is empty: there is nothing in it to import.",
        )
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return DOCX if _is_docx(data) else ZIP
    if data.startswith(b"\x1f\x8b"):
        return GZIP
    for magic, what_ar, what_en in _REFUSED_MAGIC:
        if data.startswith(magic):
            raise IngestError(
                f"الملف «{name}» من نوع {what_ar}، والأرشيف يقبل النصوص وصفحات HTML وملفات Word (.docx) و JSON lines و zip فقط.",
                f"“{name}” is {what_en}; the archive takes text, HTML, Word (.docx), JSON lines and zip files only.",
            )
    head = _head_text(data)
    if head is None:
        raise IngestError(
            f"الملف «{name}» ليس نصاً ولا صيغة معروفة (يبدو ملفاً ثنائياً)، فلم يُستورد.",
            f"“{name}” is neither text nor a known format (it looks binary), so it was not imported.",
        )
    stripped = head.lstrip("\ufeff \t\r\n")
    # One record a line, or a JSON array of records ("[{…}, {…}]", an export's habit).
    # Before HTML: a record's body may itself be HTML ("<p>…" in WordPress's
    # and scrapers' exports), and no page starts with "{".
    # A record written as a JSON string of itself ("{\"title\": …}") is one too.
    if stripped.startswith(("{", '"{')) or re.match(r"\[\s*(?:\{|$)", stripped):
        return JSONL
    if _HTML_START.search(stripped[:1024]):
        return HTML
    return TEXT


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False  # NotImplementedError: a damaged header claims an unknown zip version
    return "word/document.xml" in names


def _head_text(data: bytes):
    """The first few KB as text, or None when they hold bytes text never has."""
    head = data[:4096]
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, errors="ignore")
    if b"\x00" in head:
        return None
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    if controls > max(2, len(head) // 100):
        return None
    return head.decode("utf-8", errors="ignore") or head.decode("cp1256", errors="ignore")
