"""The one Arabic analysis module: indexing, querying, highlighting and tagging
all go through here, so a word is cut, cleaned and folded the same way
everywhere. If two of those disagreed, a query would look for a term the index
never wrote, or a highlight would miss the word that matched.

Two levels of sameness are offered:

*exact* (:func:`strip_marks`, :func:`exact_terms`, :class:`ExactAnalyzer`)
    Ignores only what a reader cannot see or does not read as a different
    letter: harakat, Quranic marks, tatweel, invisible joiners and bidi
    controls, presentation-form glyphs, Latin case. Hamza seats, ة and ى stay
    as typed, so a researcher can ask for one spelling and get only it.

*broad* (:func:`fold`, :func:`stem`, :func:`broad_terms`, :class:`BroadAnalyzer`)
    Also folds the letters that writers, keyboards and scripts (Arabic,
    Persian, Kurdish Sorani) use interchangeably, drops function words and
    strips the commonest affixes with Lucene's light stemmer, so الپێشمهرگة,
    البيشمركة and بيشمركه meet, and بالصبر finds الصبر.

The folding and stemming rules are Lucene's (they are what Solr and
Elasticsearch users of Arabic search get, and they are well studied: Larkey,
Ballesteros & Connell, "Light Stemming for Arabic Information Retrieval",
2007), extended with the Kurdish letters our sources use. Lucene sources read
while writing this (apache/lucene, lucene/analysis/common/src/java/...):

* ``org/apache/lucene/analysis/ar/ArabicNormalizer.java`` (commit 0ee3fc53)
* ``org/apache/lucene/analysis/fa/PersianNormalizer.java`` (commit 0ee3fc53)
* ``org/apache/lucene/analysis/ar/ArabicStemmer.java`` (commit 334e8036)

and their tests (TestArabicNormalizationFilter, TestArabicStemFilter,
TestPersianNormalizationFilter), whose input/output pairs are reused in
tests/test_arabic_analysis.py. Lucene's ArabicAnalyzer also removes stop words
*before* normalising; we fold first (so one folded list covers أن/إن/ان) and
keep the one collision that matters, على/علي, apart (STOPWORDS_AS_TYPED).

Every public function is total: any ``str`` (and, defensively, ``None`` or
bytes) goes in, nothing raises. Offsets always refer to the caller's original
string, because highlighting and tagging need to point back into it.
"""
from __future__ import annotations

import gzip
import re
import sys
from functools import lru_cache
from pathlib import Path
import unicodedata
from typing import Iterator, NamedTuple

from whoosh.analysis import Filter, Tokenizer
from whoosh.analysis.acore import Token as _WhooshToken

__all__ = [
    "strip_marks", "fold", "Token", "tokenize", "stem", "broad_stem", "STOPWORDS",
    "STOPWORDS_AS_TYPED", "is_stopword", "exact_term", "exact_terms",
    "broad_term", "broad_terms", "ArabicTokenizer", "StripMarksFilter",
    "FoldFilter", "ArabicStopFilter", "ArabicStemFilter", "BroadAnalyzer",
    "ExactAnalyzer", "ANALYSIS_VERSION",
]


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

    Idempotent: ``fold(fold(x)) == fold(x)``.
    """
    return _fold_letters(strip_marks(text))


# ---------------------------------------------------------------------------
# tokenize
# ---------------------------------------------------------------------------

class Token(NamedTuple):
    """A word as it stands in the input: ``text == input[start:end]``."""

    text: str
    start: int
    end: int


def _mark_ranges() -> str:
    """A regex character class body for every combining mark (Mn, Mc, Me).

    Built from this Python's Unicode database so it can never disagree with
    ``unicodedata``. Marks outside planes 0-3 and 14 do not exist (planes 4-13
    are unassigned, 15-16 are private use), so only those are scanned.
    """
    ranges, start, prev = [], None, None
    cps = list(range(0, 0x40000)) + list(range(0xE0000, 0xF0000))
    for cp in cps:
        if unicodedata.category(chr(cp))[0] == "M":
            if start is None:
                start = prev = cp
            elif cp == prev + 1:
                prev = cp
            else:
                ranges.append((start, prev))
                start = prev = cp
    if start is not None:
        ranges.append((start, prev))
    return "".join(
        "\\U%08x" % a if a == b else "\\U%08x-\\U%08x" % (a, b) for a, b in ranges
    )


def _dead_letters() -> str:
    """Word characters that strip_marks deletes entirely (tatweel, the small
    Quranic waw/yeh, presentation forms of lone harakat): they may sit inside a
    word but cannot make one on their own, or a line of tatweel would become
    an empty term."""
    candidates = set(_REMOVED) | set(map(chr, _PRESENTATION_TABLE))
    dead = sorted(
        ch for ch in candidates
        if ch.isalnum() and not any(c.isalnum() for c in strip_marks(ch))
    )
    return "".join("\\U%08x" % ord(ch) for ch in dead)


_MARKS = _mark_ranges()
_DEAD = _dead_letters()
# Inside a word: letters and digits (\w without the underscore), combining
# marks, ZWNJ/ZWJ (Persian and Kurdish write them inside words: پێشمه‌رگه) and
# the soft hyphen (an invisible hyphenation point inside a word). Tatweel is a
# \w character (category Lm), so it is covered by the first alternative.
_RUN_RE = re.compile("(?:[^\\W_]|[%s\u200c\u200d\u00ad])+" % _MARKS)
# A word must contain a letter or digit that survives strip_marks.
_BASE_RE = re.compile("(?![%s])[^\\W_]" % _DEAD) if _DEAD else re.compile("[^\\W_]")


# One pass: a word starts at a letter or digit that survives strip_marks
# (leading marks, joiners and tatweel have no letter to sit on and are left
# out), then runs on through letters, digits, marks and joiners. The same
# words as finding each _RUN_RE run and its first _BASE_RE letter, in one scan.
_WORD_RE = re.compile(
    ("(?![%s])" % _DEAD if _DEAD else "")
    + "[^\\W_](?:[^\\W_]|[%s\u200c\u200d\u00ad])*" % _MARKS
)


def _iter_tokens(text: str) -> Iterator[Token]:
    for match in _WORD_RE.finditer(text):
        yield Token(match.group(), match.start(), match.end())


def tokenize(text: str) -> list[Token]:
    """Split text into words, keeping the original substring and its offsets.

    A word is a maximal run of letters and digits in which combining marks,
    tatweel, ZWNJ/ZWJ and soft hyphens stay *inside* the word: Whoosh's ``\\w+``
    would cut المُفاوَضات into three at its harakat. Everything else splits:
    spaces, punctuation, hyphens, quotes, slashes, brackets and the underscore
    (``[بغداد_اين]`` is two words). A run that is only marks or tatweel is not a
    word.
    """
    return list(_iter_tokens(_as_text(text)))


# ---------------------------------------------------------------------------
# stem: Lucene's ArabicStemmer
# ---------------------------------------------------------------------------

# Order and contents exactly as ArabicStemmer.prefixes / .suffixes.
_STEM_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
_STEM_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")


def stem(folded_word: str) -> str:
    """Lucene's ArabicStemmer (Larkey's light stemmer), rule for rule.

    ``stemPrefix``: the first prefix of ال وال بال كال فال لل و that the word
    starts with *and* passes ``startsWithCheckLength`` is removed, and only that
    one: the one-letter و needs a word of at least 4 letters (3 left over), the
    others need prefix length + 2 (2 left over). A prefix that matches but is
    too long for the word is skipped and the next one tried, as in Lucene's
    loop.

    ``stemSuffix``: then each of ها ان ات ون ين يه ية ه ة ي *in that order* is
    removed if the word (as shortened so far) ends with it and is at least
    suffix length + 2 long (``endsWithCheckLength``). Several suffixes can go
    (ساهدهات → ساهده → ساهد).

    Meant for :func:`fold`-ed words (ة is then already ه), but like Lucene it
    also handles unfolded ones.
    """
    word = _as_text(folded_word)
    n = len(word)
    for prefix in _STEM_PREFIXES:
        if len(prefix) == 1 and n < 4:      # wa- needs at least 3 letters left
            continue
        if n < len(prefix) + 2:             # the others need 2
            continue
        if word.startswith(prefix):
            word = word[len(prefix):]
            break
    for suffix in _STEM_SUFFIXES:
        if len(word) >= len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


# ---------------------------------------------------------------------------
# broad_stem: the light stemmer, told by the archive's own vocabulary which
# strips are safe
# ---------------------------------------------------------------------------

#: How often each folded Arabic word is written in the 62,199-article corpus
#: (words written at least 5 times; built by scripts/build_word_counts.py).
#: Counts of single words only, never text.
WORD_COUNTS_PATH = Path(__file__).resolve().parent / "lexicon" / "word_counts.tsv.gz"

#: Changes whenever the analysis gives different terms for the same text
#: (folding, stemming or WORD_COUNTS_PATH): an index built with another
#: version must be rebuilt (check_index says so).
ANALYSIS_VERSION = "2026-12-morphology-2"

_ARTICLE_FORMS = ("وبال", "فبال", "وكال", "فكال", "ولل", "فلل",
                  "وال", "فال", "بال", "كال", "لل", "ال")
_PROCLITICS = ("و", "ف")
#: Prepositions written onto the next word: bi- "with, in", li- "for, to",
#: ka- "like, as". Alone or after و/ف (وبحسب, فلمسؤولي, وكمراقب).
_PREPOSITIONS = ("ب", "ل", "ك")
#: Verb endings: a word that is another word plus one of these (كسبت is
#: كسب + ت, not ك + سبت "Saturday") keeps its first letter.
_VERB_ENDINGS = ("ت", "ا", "ن", "وا", "نا", "تم", "تا")
_HAMZA = "\u0621"        # ء: every hamza seat after fold
_PRONOUNS = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ه", "ي")
_TEH = "\u062a"          # ت: ة written before a suffix
_FOLDED_TEH_MARBUTA = "\u0647"   # ة after fold
#: A reading of a word is taken only if its base is written this often.
_MIN_FREE = 5
#: ... and at least this share of the word's own count (so يفهم is not يف + هم).
_MIN_BASE_SHARE = 0.25
#: ... or this share, for a noun after ب ل ك (بشكل, بسبب: set phrases).
_MIN_NOUN_SHARE = 0.1
#: A dual ان is not stripped from a word far commoner than what it leaves
#: (لبنان is not the dual of لبن).
_MAX_DUAL_RATIO = 2
#: A spelling of a hamza word is read as another spelling of it only if that
#: one is written this many times as often (and at least _MIN_CANONICAL
#: times): قايد (67) is قائد (2,557), but بار "bar" (63) is not بئر "well"
#: (287).
_CANONICAL_RATIO = 10
_MIN_CANONICAL = 20
#: The other number/case endings that a true dual or plural ending has
#: beside it (see _varied_ending).
_SIBLING_ENDINGS = {"ين": ("ون", "ان"), "ون": ("ين",), "ان": ("ين",)}

_counts: dict | None = None


def _word_counts() -> dict:
    global _counts
    if _counts is None:
        counts = {}
        try:
            with gzip.open(WORD_COUNTS_PATH, "rt", encoding="utf-8") as lines:
                for line in lines:
                    word, _tab, count = line.rstrip("\n").partition("\t")
                    if count.isdigit():
                        counts[word] = int(count)
        except (OSError, EOFError, ValueError):  # missing or damaged: Lucene's stemmer alone
            counts = {}
        _counts = counts
    return _counts


#: The gazetteer's one-word names beginning with ب ل ك (بعقوبة, كوباني,
#: بيجي): never read as a preposition on another word. Built from the
#: fixtures by scripts/build_name_words.py.
NAME_WORDS_PATH = Path(__file__).resolve().parent / "lexicon" / "name_words.txt"

_names: frozenset | None = None


def _name_words() -> frozenset:
    global _names
    if _names is None:
        try:
            _names = frozenset(NAME_WORDS_PATH.read_text(encoding="utf-8").split())
        except (OSError, ValueError):
            _names = frozenset()
    return _names


def _with_article(counts: dict, base: str) -> int:
    """How often ``base`` is written after the article (ال, وال, بال, لل): a
    word that takes the article is a word of its own, whatever letters it
    starts or ends with (وطن, وزارة, فكرة, الدولتين)."""
    return (counts.get("ال" + base, 0) + counts.get("وال" + base, 0)
            + counts.get("بال" + base, 0) + counts.get("لل" + base, 0))


def _free(counts: dict, base: str) -> int:
    """How often ``base`` is written alone or after the article."""
    return counts.get(base, 0) + _with_article(counts, base)


def _unsuffixed(word: str) -> list[str]:
    """``word`` without a possessive pronoun (ها هم هما هن كم كما نا ه ي), and,
    where what is left ends in ت, also with that ت read as ة (حكومتها:
    حكومت and حكومه)."""
    readings = []
    for suffix in _PRONOUNS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            rest = word[: -len(suffix)]
            readings.append(rest)
            if rest.endswith(_TEH) and len(rest) >= 3:
                readings.append(rest[:-1] + _FOLDED_TEH_MARBUTA)
    return readings


def _respelled(counts: dict, readings: list[str]) -> list[str]:
    """``readings`` and, after them, the spelling :func:`_canonical` reads
    each that has a hamza as, where that differs (لمسؤليها: مسؤلي, and so
    مسؤولي). Only those: a reading is what is left of a word, and what is
    left of فورا, احيانا, سيأتي is no وراء, أحياء, سيئة."""
    more = [c for c in (_canonical(counts, r) for r in readings if _HAMZA in r)
            if c not in readings]
    return readings + more if more else readings


def _best(counts: dict, word: str, readings: list[str],
          share: float = _MIN_BASE_SHARE) -> str | None:
    """The reading written most often, if it is written often enough."""
    best, best_free = None, 0
    for reading in readings:
        free = _free(counts, reading)
        if free > best_free:
            best, best_free = reading, free
    if best is None or best_free < max(_MIN_FREE, share * counts.get(word, 0)):
        return None
    return best


def _strip_suffixes(counts: dict, word: str) -> str:
    """Lucene's suffix loop (ها ان ات ون ين يه ية ه ة ي, in that order), except
    that ان ين ون go only where the corpus varies the ending
    (:func:`_varied_ending`: البحرين keeps its ين) and what is left is a
    word of its own (3 letters or more, written alone): مكان is not مك + ان
    (which would meet مكة), nor
    سكان سك + ان; and a dual or plural of a ة word (الدولتين, المدينتان) is
    read as that word (دولة, مدينة)."""
    for suffix in _STEM_SUFFIXES:
        if len(word) < len(suffix) + 2 or not word.endswith(suffix):
            continue
        rest = word[: -len(suffix)]
        if suffix in ("ان", "ين", "ون"):
            # A plural or dual ending is one of a set (مقاتلون/مقاتلين,
            # طرفان/طرفين): an ending the corpus never varies is part of
            # the word (البحرين, الزيتون, شاهين, سلمان).
            # (A verb's ون is not a noun's: يقولون has no يقولين.)
            if not _varied_ending(counts, word, rest, suffix):
                continue
            marbuta = rest[:-1] + _FOLDED_TEH_MARBUTA
            if (rest.endswith(_TEH) and len(rest) >= 3
                    and _free(counts, marbuta) >= max(_MIN_FREE, _free(counts, rest))):
                rest = marbuta
            elif len(rest) < 3 or _free(counts, rest) < _MIN_FREE:
                continue
            elif suffix == "ان" and _free(counts, word) > _MAX_DUAL_RATIO * _free(counts, rest):
                continue
        word = rest
    return word


def _varied_ending(counts: dict, word: str, rest: str, suffix: str) -> bool:
    """Is ان ين ون an ending of ``rest`` the corpus varies, as plurals and
    duals do: another of them (المقاتلين beside المقاتلون, الطرفين beside
    الطرفان), or the feminine (مؤكدين beside the commoner مؤكدة)? A verb's
    ending (يقولون, يؤكدان) always is. البحرين, الزيتون, شاهين, سلمان
    are written with one ending only: it is part of the word."""
    if word.startswith(("ي", "ت")) and suffix != "ين":
        return True
    if any(_free(counts, rest + other) >= _MIN_FREE for other in _SIBLING_ENDINGS[suffix]):
        return True
    if suffix != "ون" and rest.endswith(_TEH) and _free(
            counts, rest[:-1] + _FOLDED_TEH_MARBUTA) >= max(_MIN_FREE, _free(counts, word)):
        return True     # the dual of a ة word: فترتين, الفئتين
    return suffix != "ان" and _free(counts, rest + _FOLDED_TEH_MARBUTA) >= max(
        _MIN_FREE, _free(counts, word))


def _hamza_spellings(word: str) -> Iterator[str]:
    """Other ways writers spell a word with a hamza (folded forms):

    * أ after a ي inside the word for ئ: هيأة for هيئة (هياه / هيءه).
      Not أ elsewhere (الراية is not الرؤية, يامن not يؤمن), not ي after
      an alef (فايز and رايس are names, not فائز and رئيس), not the reverse
      (فئة would become فيه, مؤدية مادية);
    * ىء and ئ at the end: مبادىء and مبادئ (مباديء / مبادء), شيء and شئ;
    * the seat written before its و: روؤس and رؤوس (روءس / رءوس);
    * a dropped و after the hamza: مسؤل for مسؤول;
    * a dropped ء at the end after ا or و: أبنا for أبناء, هدو for هدوء.

    Which of them is the word is left to the counts (:func:`_canonical`,
    which also takes out a letter typed three times in a word the corpus
    does not write, and reads مائة as مئة).
    """
    n = len(word)
    for i in range(1, n - 1):
        ch = word[i]
        if ch == "ا" and i >= 2 and word[i - 1] == "ي":      # هياه
            yield word[:i] + _HAMZA + word[i + 1:]
        elif ch == _HAMZA:
            if word[i + 1] == "و":
                yield word[:i] + "و" + _HAMZA + word[i + 2:]
            else:
                yield word[:i + 1] + "و" + word[i + 1:]
        if ch == "و" and word[i + 1] == _HAMZA and i + 2 < n:
            yield word[:i] + _HAMZA + "و" + word[i + 2:]
    if word.endswith("ي" + _HAMZA):
        yield word[:-2] + _HAMZA
    elif word.endswith(_HAMZA):
        yield word[:-1] + "ي" + _HAMZA
    elif word.endswith(("ا", "و")):
        yield word + _HAMZA


#: The old spelling of مئة "hundred" with a silent alef (مائة, مائتين):
#: both are common (538 and 329), so no ratio of counts can say they are one
#: word; the reform spelling is the term.
_SPELLING_DOUBLETS = {"ماءه": "مءه", "ماءتين": "مءتين", "ماءتان": "مءتان", "ماءتي": "مءتي",
                      "ماءات": "مءات"}

_TRIPLED_RE = re.compile(r"(.)\1\1")
#: Longer "words" (a 100,000-letter run) are not tried for other spellings.
_MAX_SPELLING_LENGTH = 24


def _untripled(counts: dict, word: str) -> str:
    """A word the corpus does not write, with a letter typed three times or
    more (الللاجئين, داعششش), read as the word with it once or twice,
    whichever the corpus writes (at least _MIN_CANONICAL times). Not a
    letter typed twice: باللبنان is بال + لبنان, not بالبنان."""
    best, best_count = word, _MIN_CANONICAL - 1
    for match in _TRIPLED_RE.finditer(word):
        start = match.start()
        end = start
        while end < len(word) and word[end] == word[start]:
            end += 1
        for keep in (1, 2):
            if keep < end - start:
                spelling = word[:start] + word[start] * keep + word[end:]
                count = counts.get(spelling, 0)
                if count > best_count and spelling not in STOPWORDS:
                    best, best_count = spelling, count
    return best


def _canonical(counts: dict, word: str) -> str:
    """The spelling of ``word`` (see :func:`_hamza_spellings`) the corpus
    writes :data:`_CANONICAL_RATIO` times as often as ``word`` itself, if
    any: a variant or slip is read as the word most writers mean, a word
    written often in its own right is left alone."""
    if len(word) > _MAX_SPELLING_LENGTH:
        return word         # no word; and trying spellings would take time n²
    if word in _SPELLING_DOUBLETS:
        return _SPELLING_DOUBLETS[word]
    if word not in counts and _TRIPLED_RE.search(word):
        word = _untripled(counts, word)
    if _HAMZA not in word and word[-1:] not in ("ا", "و") and "يا" not in word[1:-1]:
        return word         # most words: no spelling to try
    best, best_count = word, max(_MIN_CANONICAL - 1, _CANONICAL_RATIO * counts.get(word, 0))
    for spelling in _hamza_spellings(word):
        count = counts.get(spelling, 0)
        if count <= best_count:
            continue
        # خبرا is خبر with the accusative ا, not خبراء "experts": a final ء
        # is restored only if the word with it is commoner than the word
        # without the ا (أبنا: أبناء 2,476, ابن 1,899).
        if (spelling == word + _HAMZA and word.endswith("ا")
                and count < _free(counts, word[:-1])):
            continue
        best, best_count = spelling, count
    return best


def broad_stem(folded_word: str) -> str:
    """The broad term of a folded word: Lucene's light stemmer (:func:`stem`),
    steered by how often words are written (:data:`WORD_COUNTS_PATH`).

    1. **The article**, with what may stand before it, stacked or not (ال
       وال فال بال كال لل, and وبال فبال وكال فكال ولل فلل): وبالمقابل and
       المقابل, وللمرة and المرة meet. At least 2 letters stay, as in Lucene.
       لل is read as ل + a word beginning with ل when that word is the
       commoner (للبنان is ل + لبنان, not ل + ال + بنان).
    2. **A word of its own stays whole**: a word written after the article
       (الوطن, الوزارة, الفكرة, الوحدة) loses no proclitic and no pronoun, so
       وطن is not و + طن, فكرة not ف + كرة, وزارة not و + زارة.
    3. **Otherwise a pronoun** (ها هم هما هن كم كما نا ه) comes off if what is
       left is a word written alone or after the article, ت read as ة where
       that is the word (حكومتها → حكومة, مدربهم → مدرب, وطنه → وطن), and
       at least a quarter as often as the whole word (يفهم is not يف + هم).
    4. **Or a proclitic** و or ف (and then a pronoun) on the same terms
       (فقرر → قرر, وقال → قال), and/or a preposition ب ل ك
       (:func:`_unprepositioned`: ببغداد, وبحسب, ولقواتها → قوات, but
       كسبت is not ك + سبت); a word the counts do not know loses و as
       Lucene has it.
    5. **Lucene's suffix loop**, ان ين ون guarded (see _strip_suffixes).

    Step 0, first, and again on what steps 1 and 4 leave: a hamza word
    spelled another way is read as the spelling the corpus writes far more
    often (:func:`_canonical`: هيأة → هيئة, مبادىء → مبادئ, مسؤل → مسؤول).

    Without the word counts (file missing), this is :func:`stem`.
    """
    word = _as_text(folded_word)
    counts = _word_counts()
    if not counts or not _arabic_letters_only(word):
        return stem(word)
    word = _canonical(counts, word)                 # step 0: هيأة → هيئة
    if _with_article(counts, word) >= _MIN_FREE or word in _name_words():
        return _strip_suffixes(counts, word)        # step 2: والدة, بالغ, بالتيمور stay whole
    for form in _ARTICLE_FORMS:
        if word.startswith(form) and len(word) - len(form) >= 2:
            rest = word[len(form):]
            # لل is ل + ال (للغاية) or ل + a word beginning with ل (للبنان).
            if form.endswith("لل") and _free(counts, "ل" + rest) > _free(counts, rest):
                rest = "ل" + rest
            return _strip_suffixes(counts, _canonical(counts, rest))   # الهدو: هدوء
    rest = _unattached(counts, word)
    if rest != word:
        rest = _canonical(counts, rest)             # وبمبادىء: مبادئ
    return _strip_suffixes(counts, rest)


def _unattached(counts: dict, word: str) -> str:
    """Steps 3 and 4 of :func:`broad_stem`, on a word without the article."""
    own = _respelled(counts, _unsuffixed(word))
    # A reading that itself takes the article (وجهة in وجهتهم) is the word:
    # و + جهة would be another word.
    if any(_with_article(counts, r) >= _MIN_FREE for r in own):
        return _best(counts, word, own) or word
    if word.startswith(_PROCLITICS) and len(word) >= 4:
        rest = word[1:]
        choice = _best(counts, word, _respelled(counts, [rest] + _unsuffixed(rest)))
        if choice is not None:
            if choice.startswith(_PREPOSITIONS) and _with_article(counts, choice) < _MIN_FREE:
                return _unprepositioned(counts, choice) or choice   # وبحسب
            return choice
        choice = _unprepositioned(counts, rest, word)     # وبمدنها, فلمسؤولي
        if choice is not None:
            return choice
    choice = _unprepositioned(counts, word)             # لقواتها, ببغداد
    if choice is not None:
        return choice
    choice = _best(counts, word, own)
    if choice is not None:
        return choice
    if counts.get(word, 0) < _MIN_FREE and word.startswith("و") and len(word) >= 4:
        return word[1:]     # unknown: Lucene's و
    return word


def _unprepositioned(counts: dict, word: str, whole: str | None = None) -> str | None:
    """``word`` without a preposition ب ل ك (and then a pronoun), if that is
    the likelier reading: what is left (3 letters or more) is a word written
    alone or after the article, at least a quarter as often as the whole
    (``whole``, when ``word`` is what is left of it after و or ف), and the
    word is no other word's verb form (كسبت is كسب + ت, not ك + سبت), is
    not itself written after ب or ك, and is not a gazetteer name
    (:data:`NAME_WORDS_PATH`: بعقوبة is Baqubah, not ب + عقوبة)."""
    whole = whole or word
    if not word.startswith(_PREPOSITIONS) or len(word) < 4 or word in _name_words():
        return None
    for ending in _VERB_ENDINGS:
        if (word.endswith(ending) and not word.endswith("ات")   # لقوات: a plural
                and _free(counts, word[: -len(ending)]) >= max(_MIN_FREE, counts.get(word, 0))):
            return None
    # (لل + word is ل + the article, so only ب and ك count here.)
    if counts.get("ب" + word, 0) or counts.get("ك" + word, 0):
        return None
    rest = word[1:]
    readings = [r for r in _respelled(counts, [rest] + _unsuffixed(rest)) if r not in STOPWORDS]
    if word[0] == "ك":
        # ك "like" stands before nouns (كرئيس, كمراقب): كوباني is not
        # ك + وباني, كالي not ك + إلى.
        readings = [r for r in readings if _with_article(counts, r) >= _MIN_FREE]
    choice = _best(counts, whole, readings)
    if choice is None:
        # A noun (one the corpus writes after the article) is often written
        # after a preposition in set phrases: بشكل (14,648) against شكل
        # (2,459), بسبب, بحسب.
        nouns = [r for r in readings if _with_article(counts, r) >= _MIN_FREE]
        choice = _best(counts, whole, nouns, _MIN_NOUN_SHARE)
    return choice


def written(folded_word: str) -> int:
    """How often the corpus writes this folded word alone or after the
    article (0 if the word counts do not know it)."""
    return _free(_word_counts(), _as_text(folded_word))


_ARABIC_LETTERS_RE = re.compile("[\u0621-\u064a]+")


def _arabic_letters_only(word: str) -> bool:
    """Is ``word`` made of Arabic letters (U+0621..U+064A) only?"""
    return _ARABIC_LETTERS_RE.fullmatch(word) is not None


# ---------------------------------------------------------------------------
# Stop words
# ---------------------------------------------------------------------------

# Written as a reader types them; folded below, so أن, إن and ان are one entry.
# Function words only. Nouns (قوات, دولة, عام), names, numbers and words that
# fold into a name are deliberately absent: امام (also إمام, imam), خلف (the
# name Khalaf), والي (governor), متى (the name Matti), كم (also km), لي (the name
# Li) are all left in the index.
_STOPWORDS_TYPED = """
من إلى الى عن في مع بين حتى منذ مذ عند لدى دون نحو حول خلال ضد ضمن قبل بعد
فوق تحت سوى تجاه حيال مثل
منه منها منهم منهما منا عنه عنها عنهم فيه فيها فيهم فيما به بها بهم بما
له لها لهم لنا عليه عليها عليهم علينا إليه إليها إليهم معه معها معهم معنا
لديه لديها لديهم بينهم بينهما
هو هي هم هما هن أنا نحن أنت أنتم
هذا هذه هذان هاتان هذين هاتين هؤلاء ذلك تلك ذاك أولئك هنا هناك هنالك
الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي
و ف ثم أو أم بل لكن لكنه لكنها ولكن إذ إذا إذن لو لولا كي لكي
أن إن أنه أنها أنهم إنه إنها بأن لأن كأن كما كذلك لذلك لذا
بينما عندما حيث حين حينما إلا ألا أما إما لما مما عما ممن كلما
لا لم لن ليس ليست ما ماذا لماذا هل قد لقد سوف كيف أين
كان كانت كانوا يكون تكون
كل بعض غير أي أيضا فقط جدا الآن
وفي ومن وهو وهي وهم وقد ولم ولا وأن وإن وكان وكانت وهذا وهذه وذلك وما
ومع وعن وبين فإن فقد فلا فهو فهي
"""

#: Arabic function words, in :func:`fold`-ed form.
STOPWORDS: frozenset[str] = frozenset(fold(w) for w in _STOPWORDS_TYPED.split())

#: Stop words recognised only as typed (after strip_marks, before folding):
#: على ("on") folds to علي, which is also the name Ali. Lucene sidesteps this by
#: removing stop words before normalising; we do the same for just these words,
#: so على is dropped but علي السيستاني keeps its علي.
STOPWORDS_AS_TYPED: frozenset[str] = frozenset({"على", "وعلى"})

assert not (STOPWORDS & {fold(w) for w in STOPWORDS_AS_TYPED})


def is_stopword(folded: str, typed: str | None = None) -> bool:
    """Is this (folded) word a function word the broad index leaves out?

    ``typed`` is the word after :func:`strip_marks` but before the letter folds;
    when given, it is also checked against :data:`STOPWORDS_AS_TYPED`.
    """
    if folded in STOPWORDS:
        return True
    return typed is not None and typed in STOPWORDS_AS_TYPED


# ---------------------------------------------------------------------------
# Terms
# ---------------------------------------------------------------------------

def exact_term(word: str) -> str:
    """The exact-mode term for one word: :func:`strip_marks`."""
    return strip_marks(word)


def exact_terms(text: str) -> list[str]:
    """Exact-mode terms of a text: every word, marks stripped, no stop words
    removed (in exact mode "في" is something one may be looking for)."""
    terms = []
    for token in _iter_tokens(_as_text(text)):
        term = strip_marks(token.text)
        if term:
            terms.append(term)
    return terms


# Per-word memos for the hot paths (indexing analyses every word of every
# article; the same few hundred thousand words recur). Words only, never whole
# texts, and bounded, so memory stays flat over a long import.
_word_strip = lru_cache(maxsize=1 << 18)(lambda word: strip_marks(word))
_word_fold = lru_cache(maxsize=1 << 18)(lambda typed: _fold_letters(typed))
_word_stem = lru_cache(maxsize=1 << 18)(lambda folded: broad_stem(folded))


def _broad(typed: str) -> str | None:
    folded = _word_fold(typed)
    if not folded or is_stopword(folded, typed):
        return None
    stemmed = _word_stem(folded)
    # Stemming must not leave a one-letter term that would match everything
    # with that letter (e.g. a two-letter word losing a suffix).
    return stemmed if len(stemmed) >= 2 else folded


def broad_term(word: str) -> str | None:
    """The broad-mode term for one word: fold, drop stop words (``None``), stem.

    A word that would stem to fewer than 2 characters keeps its folded form.
    """
    return _broad(_word_strip(word))


def broad_terms(text: str) -> list[str]:
    """Broad-mode terms of a text, in order, stop words removed."""
    terms = []
    for token in _iter_tokens(_as_text(text)):
        term = _broad(_word_strip(token.text))
        if term:
            terms.append(term)
    return terms


# ---------------------------------------------------------------------------
# Whoosh analyzers
#
# Whoosh pickles the schema, analyzers included, into the index's TOC, so
# every class here is top-level, has no state (compiled regexes live at module
# level) and compares equal to any other instance of itself.
# ---------------------------------------------------------------------------

class ArabicTokenizer(Tokenizer):
    """Whoosh tokenizer using :func:`tokenize`: ``startchar``/``endchar`` are
    offsets into the original value (plus ``start_char``), positions count
    from ``start_pos``. With ``tokenize=False`` the whole value is one token
    (Whoosh uses that for ranges, prefixes and wildcards)."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True,
                 mode="", **kwargs):
        value = _as_text(value)
        t = _WhooshToken(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        for pos, token in enumerate(_iter_tokens(value)):
            t.text = token.text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = token.text
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + token.start
                t.endchar = start_char + token.end
            yield t


class StripMarksFilter(Filter):
    """Exact mode: replace each token's text with :func:`strip_marks` of it."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = _word_strip(t.text)
            if t.text:
                yield t


class FoldFilter(Filter):
    """Broad mode: :func:`fold` each token. Keeps the strip_marks form in
    ``t.arabic_typed`` for :class:`ArabicStopFilter` (see STOPWORDS_AS_TYPED)."""

    def __call__(self, tokens):
        for t in tokens:
            typed = _word_strip(t.text)
            t.arabic_typed = typed
            t.text = _word_fold(typed)
            if t.text:
                yield t


class ArabicStopFilter(Filter):
    """Drops :data:`STOPWORDS` and renumbers positions so the words that remain
    are consecutive, starting at the first token's position (``start_pos``).
    Indexing and querying both go through this, so the phrase "قوات في بغداد"
    (query: قوات, بغداد at 0, 1) finds the indexed text (also 0, 1).

    With ``removestops=False`` (Whoosh's highlighter) stop words are kept,
    flagged ``stopped``, and share the position of the next kept word.
    """

    def __call__(self, tokens):
        next_pos = None
        for t in tokens:
            if t.positions and next_pos is None:
                next_pos = t.pos
            stopped = is_stopword(t.text, getattr(t, "arabic_typed", None))
            if stopped:
                if t.removestops:
                    continue
                t.stopped = True
                if t.positions:
                    t.pos = next_pos
                yield t
                continue
            t.stopped = False
            if t.positions:
                t.pos = next_pos
                next_pos += 1
            yield t


class ArabicStemFilter(Filter):
    """Broad mode: Lucene's light stemmer (:func:`stem`) on folded tokens; a
    token that would stem below 2 characters keeps its folded form. Marked as a
    morphological filter, as Whoosh's own StemFilter is, so Whoosh's
    ``no_morph`` callers get unstemmed terms."""

    is_morph = True

    def __call__(self, tokens):
        for t in tokens:
            if not t.stopped:
                stemmed = _word_stem(t.text)
                if len(stemmed) >= 2:
                    t.text = stemmed
            yield t


def BroadAnalyzer():
    """Tokenize, fold, drop stop words, stem: the default search field."""
    return ArabicTokenizer() | FoldFilter() | ArabicStopFilter() | ArabicStemFilter()


def ExactAnalyzer():
    """Tokenize and strip marks only: the "exact spelling" search field."""
    return ArabicTokenizer() | StripMarksFilter()
