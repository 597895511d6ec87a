"""What *exact* mode ignores (:func:`strip_marks`) and what *broad* mode also
treats as the same letter (:func:`fold`). Also :func:`_as_text`, which every
public function of the package uses so that nothing raises on type."""
from __future__ import annotations

import unicodedata


def _as_text(value) -> str:
    """Coerce anything to ``str`` so the public functions never raise on type."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    try:
        return str(value)
    except Exception:  # a broken __str__ must not break indexing
        return ""


# ---------------------------------------------------------------------------
# strip_marks: what *exact* mode ignores
# ---------------------------------------------------------------------------

def _chars(first: int, last: int) -> list[str]:
    return [chr(cp) for cp in range(first, last + 1)]


#: Characters deleted outright. Each group is something a reader does not see
#: or does not read as a different word.
_REMOVED = frozenset(
    _chars(0x064B, 0x065F)      # harakat: fathatan..sukun, hamza above/below, etc.
    + ["\u0670"]                # superscript (dagger) alef
    + _chars(0x06D6, 0x06ED)    # Quranic annotation marks
    + ["\u0640"]                # tatweel (kashida): pure stretching
    + _chars(0x200B, 0x200D)    # ZWSP, ZWNJ, ZWJ
    + ["\u200E", "\u200F"]      # LRM, RLM
    + ["\u061C"]                # Arabic letter mark
    + _chars(0x202A, 0x202E)    # bidi embeddings and overrides
    + _chars(0x2066, 0x2069)    # bidi isolates
    + ["\uFEFF"]                # BOM / zero-width no-break space
    + ["\u00AD"]                # soft hyphen
)

_REMOVE_TABLE = {ord(ch): None for ch in _REMOVED}


def _presentation_table() -> dict[int, str]:
    """Arabic presentation forms (contextual glyphs and ligatures some PDFs and
    old encoders emit instead of letters) mapped to their NFKC letters, so ﻻ
    is لا and ﺑ is ب. NFKC is applied to these blocks only: applied to the whole
    text it would also rewrite digits, fractions and compatibility Latin.

    The isolated-harakat forms (U+FE70..) decompose to a space plus the mark;
    the space is dropped, since the mark is about to be deleted and a space
    would split a word in two.
    """
    table = {}
    for first, last in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for cp in range(first, last + 1):
            ch = chr(cp)
            if ch in _REMOVED:
                continue
            norm = unicodedata.normalize("NFKC", ch)
            if norm == ch:
                continue
            if " " in norm and all(
                c == " " or c in _REMOVED or unicodedata.category(c).startswith("M")
                for c in norm
            ):
                norm = norm.replace(" ", "")
            table[cp] = norm
    return table


_PRESENTATION_TABLE = _presentation_table()


def _nfc(text: str) -> str:
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def strip_marks(text: str) -> str:
    """Remove what *exact* mode ignores; change nothing a reader would notice.

    Deleted: harakat U+064B–U+065F, superscript alef U+0670, Quranic marks
    U+06D6–U+06ED, tatweel, ZWSP/ZWNJ/ZWJ, LRM/RLM, ALM, bidi embeddings,
    overrides and isolates, BOM, soft hyphen. Presentation forms become their
    letters (NFKC on those blocks only). Text is casefolded (Latin and any other
    cased script: "Caggins", "CAGGINS" and "caggins" are one spelling).

    Hamza seats, ة and ى are kept: in exact mode أحمد is not احمد.

    Why NFC first: U+0654/U+0655 (hamza above/below) are in the harakat range,
    and أ may arrive decomposed as ا + U+0654. Composing first keeps such a
    hamza on its letter (exact mode promises hamza forms stay as typed); a
    hamza that cannot compose (ه + U+0654, Persian ezafe) is removed, as
    Lucene's PersianNormalizer does. NFC only picks one of two canonically
    identical encodings, so it changes nothing a reader can see.
    """
    text = _as_text(text)
    if not text:
        return text
    text = _nfc(text)
    text = text.translate(_PRESENTATION_TABLE)
    text = text.translate(_REMOVE_TABLE)
    text = text.casefold()
    # Removing an invisible character can bring a base letter and a Latin
    # combining accent together, and casefold may decompose: normalise again
    # so that strip_marks is idempotent.
    return _nfc(text)


# ---------------------------------------------------------------------------
# fold: what *broad* mode also treats as the same letter
# ---------------------------------------------------------------------------

_LETTER_FOLDS = {
    # Lucene ArabicNormalizer: hamza on alef, alef maksura, teh marbuta.
    # (Its removal of harakat and tatweel is already done by strip_marks.)
    "\u0622": "\u0627",  # آ alef madda        -> ا
    "\u0623": "\u0627",  # أ hamza above       -> ا
    "\u0625": "\u0627",  # إ hamza below       -> ا
    "\u0649": "\u064A",  # ى alef maksura      -> ي
    "\u0629": "\u0647",  # ة teh marbuta       -> ه
    # Lucene PersianNormalizer: farsi yeh, yeh barree, keheh, heh-yeh, heh goal.
    # (Its removal of U+0654 is done by strip_marks.)
    "\u06CC": "\u064A",  # ی farsi yeh         -> ي
    "\u06D2": "\u064A",  # ے yeh barree        -> ي
    "\u06A9": "\u0643",  # ک keheh             -> ك
    "\u06C0": "\u0647",  # ۀ heh with yeh      -> ه
    "\u06C1": "\u0647",  # ہ heh goal          -> ه
    # Same letters with a hamza NFC composes onto them (ہ + U+0654 is ۂ,
    # ے + U+0654 is ۓ): folded like their bases, or strip_marks' NFC would
    # make them escape the Persian folds above.
    "\u06C2": "\u0647",  # ۂ heh goal + hamza  -> ه
    "\u06D3": "\u064A",  # ۓ yeh barree + hamza -> ي
    # Kurdish (Sorani) letters our sources use (e.g. الپێشمهرگة, ھولێر):
    # each to the Arabic letter an Arabic writer uses for the same name.
    "\u06AF": "\u0643",  # گ gaf               -> ك (كاگينز / كاكينز)
    "\u067E": "\u0628",  # پ peh               -> ب
    "\u0686": "\u062C",  # چ tcheh             -> ج
    "\u0698": "\u0632",  # ژ jeh               -> ز
    "\u06A4": "\u0641",  # ڤ veh               -> ف
    "\u06CE": "\u064A",  # ێ yeh with v        -> ي
    "\u06D5": "\u0647",  # ە ae                -> ه
    "\u06BE": "\u0647",  # ھ heh doachashmee   -> ه (ھولێر / هولير)
    "\u0695": "\u0631",  # ڕ reh with v below  -> ر
    "\u06B5": "\u0644",  # ڵ lam with v        -> ل
    "\u06C6": "\u0648",  # ۆ oe                -> و
    "\u0671": "\u0627",  # ٱ alef wasla        -> ا
    # Hamza on waw and on yeh: the seat is a spelling convention, not a
    # different word. Egyptian and older copy-editing writes مسئول, شئون,
    # رءوس where the Levant and Iraq write مسؤول, شؤون, رؤوس; a reader sees
    # one word. Both seats (and the bare ء) become one hamza. Folding them
    # onto و and ي instead, as Shamela-style search does, would keep مسئول
    # (→ مسيول) from مسؤول (→ مسوول) and merge بئر "well" with بير/بيرة;
    # a seat dropped altogether (مسوول) is almost never written (0 times in
    # the 62,199-article corpus, against 2,819 مسؤول/مسئول).
    "\u0624": "\u0621",  # ؤ                   -> ء
    "\u0626": "\u0621",  # ئ                   -> ء
}
# Arabic-Indic and extended (Persian) digits -> ASCII, like Lucene's
# DecimalDigitFilter in its ArabicAnalyzer: ٢٠١٤ and 2014 are one number.
for _i in range(10):
    _LETTER_FOLDS[chr(0x0660 + _i)] = str(_i)
    _LETTER_FOLDS[chr(0x06F0 + _i)] = str(_i)

# Latin letters with diacritics -> their base letter, in lower case (as
# strip_marks leaves Latin): the world data's English names are written
# "Hīt", "Ḥasakah", "Şanlıurfa"; a reader types Hit, Hasakah, Sanliurfa. Only
# letters whose decomposition is an ASCII letter and marks are folded (ø, ß,
# æ, ı stay as they are).
LATIN_FOLDS = {}
for _code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
    _base = "".join(c for c in unicodedata.normalize("NFKD", chr(_code)) if not unicodedata.combining(c))
    # (İ lower-cases to two characters before this table is read: left alone.)
    if len(_base) == 1 and _base.isascii() and _base.isalpha() and len(chr(_code).lower()) == 1:
        LATIN_FOLDS[chr(_code)] = _base.lower()
_LETTER_FOLDS.update(LATIN_FOLDS)

_FOLD_TABLE = {ord(k): v for k, v in _LETTER_FOLDS.items()}


def _fold_letters(stripped: str) -> str:
    """The letter folds alone, on text strip_marks already cleaned."""
    return stripped.translate(_FOLD_TABLE)


def fold(text: str) -> str:
    """:func:`strip_marks`, then fold letters that are used interchangeably.

    * Lucene ArabicNormalizer: آ أ إ → ا, ى → ي, ة → ه.
    * Lucene PersianNormalizer: ی ے → ي, ک → ك, ۀ ہ → ه.
    * Kurdish Sorani: گ → ك, پ → ب, چ → ج, ژ → ز, ڤ → ف, ێ → ي, ە ھ → ه,
      ڕ → ر, ڵ → ل, ۆ → و, and ٱ → ا.
    * ؤ and ئ → ء: a hamza is one letter whatever its seat.
    * ٠–٩ and ۰–۹ → 0–9.
    * Latin letters with diacritics → the letter (ī → i, Ḥ → h).

    Idempotent: ``fold(fold(x)) == fold(x)``.
    """
    return _fold_letters(strip_marks(text))
