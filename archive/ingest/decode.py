"""Bytes to text, or a refusal: never a page of mojibake.

Arabic text files arrive as UTF-8 (with or without a BOM), UTF-16 with a BOM
(Windows Notepad's "Unicode") or Windows-1256 (older Arabic Windows). Strict
UTF-8 is tried first because a valid UTF-8 Arabic text is almost never valid
anything-else by accident. Windows-1256 assigns a character to nearly every
byte, so it "decodes" anything: its result is kept only when it reads as
Arabic prose (Arabic letters, spaces between words, no control characters).
"""
import codecs
import re

from .draft import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06D5\u06EE-\u06FF]")
_LETTER = re.compile(r"[^\W\d_]")
# C0 controls other than tab, newline, vertical tab, form feed and carriage
# return, and the C1 block: text never holds them, binary decoded as text does.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
STRAY_CONTROLS = 2
# UTF-8 Arabic read as Windows-1252/Latin-1 and saved again: "Ø§Ù„".
_LATIN_MOJIBAKE = re.compile(r"[ØÙÚÛ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


def unreadable(detail_en=""):
    return IngestError(
        "تعذّرت قراءة ترميز الملف: احفظه بترميز UTF-8 أو Windows-1256 ثم أعد رفعه.",
        "Could not work out the file's text encoding: save it as UTF-8 or Windows-1256 and upload it again."
        + (f" ({detail_en})" if detail_en else ""),
    )


def binary_refused():
    return IngestError(
        "الملف ليس نصاً: فيه بايتات صفرية كالتي في الملفات الثنائية (صورة أو PDF أو برنامج).",
        "The file is not text: it contains NUL bytes, as binary files (images, PDF, programs) do.",
    )


def decode(data: bytes, markup=False) -> str:
    """The text of ``data``; raises ``IngestError`` when it cannot be read faithfully.

    ``markup``: the data is HTML, whose tags and scripts are Latin whatever
    the language; only the text between them is judged for Windows-1256.
    """
    return decode_with_encoding(data, markup)[0]


_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)


def decode_with_encoding(data: bytes, markup=False) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise unreadable(f"invalid {encoding} after its byte-order mark")
            if "\x00" in text:
                raise binary_refused()
            return _checked(text, encoding), encoding
    if b"\x00" in data:
        raise binary_refused()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _checked(text, "utf-8"), "utf-8"
    text = data.decode("cp1256", errors="replace")
    if not plausibly_arabic(_MARKUP.sub(" ", text) if markup else text):
        raise unreadable("neither UTF-8 nor Arabic Windows-1256")
    return text, "cp1256"


def plausibly_arabic(text: str) -> bool:
    """Does this read as Arabic prose (and not as binary decoded by force)?"""
    if not text.strip() or "\ufffd" in text or _CONTROL.search(text):
        return False
    letters = len(_LETTER.findall(text))
    arabic = len(_ARABIC_LETTER.findall(text))
    if letters == 0 or arabic / letters < 0.6:
        return False
    # Words are separated by spaces: about one character in six in prose.
    spaces = sum(1 for c in text if c.isspace())
    return len(text) < 40 or spaces / len(text) > 0.05


def _checked(text: str, encoding: str) -> str:
    """Refuse a text that decoded but is visibly damaged."""
    if _CONTROL.search(text):
        if "\x00" in text:
            raise binary_refused()
        # A stray control character or two in a readable text (an old editor's end-of-file mark ^Z, an
        # escape pasted with a copy) is dropped; a text full of them was decoded from something else.
        if len(_CONTROL.findall(text)) > max(STRAY_CONTROLS, len(text) // 2000):
            raise unreadable("control characters in the text")
        text = _CONTROL.sub("", text)
    letters = len(_LETTER.findall(text)) or 1
    if len(_LATIN_MOJIBAKE.findall(text)) / letters > 0.05 and not _ARABIC_LETTER.search(text):
        raise unreadable("Arabic UTF-8 that was read as Latin-1 and saved again (mojibake)")
    if text.count("\ufffd") > max(3, len(text) // 1000):
        raise unreadable("the text is full of replacement characters")
    return text
