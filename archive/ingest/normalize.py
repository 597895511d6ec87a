"""Small text helpers the readers share: clean a line, compare loosely.

``loose`` is for recognising page furniture and cue words ("أضف تعليقـك",
"اقرأ أيضاً") whatever the tatweel, harakat or hamza. Names of outlets and
places are compared through ``archive.arabic.fold`` instead (see ``outlets``),
the one folding search and tagging use.
"""
import re
import unicodedata

# Invisible marks and odd spaces a browser's "save as text" leaves in.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LOOSE_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                                "ک": "ك", "ی": "ي", "ە": "ه", "ھ": "ه"})
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06D5\u06EE-\u06FF]")
_LETTER = re.compile(r"[^\W\d_]")


def clean_line(line: str) -> str:
    """One line as a reader sees it: no invisible marks, single spaces, trimmed."""
    line = unicodedata.normalize("NFC", line)
    line = INVISIBLE.sub("", line)
    return _SPACES.sub(" ", line).strip()


def clean_lines(text: str) -> list[str]:
    return [clean_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def loose(text: str) -> str:
    """Lower-case, no tatweel or harakat, one alef/ya/ta-marbuta: for matching cue words."""
    text = _HARAKAT.sub("", text).translate(_LOOSE_LETTERS).lower()
    return _SPACES.sub(" ", text).strip()


def arabic_share(text: str) -> float:
    """The share of the letters that are Arabic (0 when there are no letters)."""
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def has_letters(text: str) -> bool:
    return bool(_LETTER.search(text))


def word_count(text: str) -> int:
    return len(text.split())
