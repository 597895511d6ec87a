"""Build archive/lexicon/english_words.txt.gz: the ordinary English words of
SCOWL (Debian's wamerican, ``/usr/share/dict/american-english``), one a line.

A Latin word typed into the search box is read loosely as a newspaper's
transliteration of a gazetteer name (Himreen is Hamrin). An ordinary English
word must not be: "woman" is no Oman, "mosque" no Moscow, "border" no Burdur
(``archive.name_variants``). The list's lowercase entries are the language's
common words (its capitalised ones are proper names: Nice, Paris); we keep
those of three letters or more written with a-z only (no possessives),
each marked "proper" where SCOWL lists it capitalised too (turkey/Turkey,
nice/Nice, reading/Reading): typed with a capital, such a word may be a
name. As they are: ``apt-get install wamerican`` and

    .venv/bin/python scripts/build_english_words.py [path to the word list]

The output is committed, so neither the tests nor ``make run`` need the
dictionary installed. SCOWL's copyright notice (it permits redistribution
with the notice), as /usr/share/doc/wamerican/copyright gives it, heads the
output file; rebuild when Debian's list changes.
"""
import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/american-english")
OUT = ROOT / "archive" / "lexicon" / "english_words.txt.gz"
WORD = re.compile(r"[a-z]{3,}")
PROPER = "proper"

COPYRIGHT = Path("/usr/share/doc/wamerican/copyright")
HEADER = """\
# Ordinary English words: the lowercase entries of SCOWL of 3+ letters a-z
# (a tab and "proper" after those SCOWL also lists capitalised), built by scripts/build_english_words.py from Debian's wamerican
# (/usr/share/dict/american-english). SCOWL's copyright and permission
# notice, and those of its sources, as Debian's package gives them:
#
"""


def build(source: Path, out: Path, copyright_file: Path = COPYRIGHT) -> int:
    """Write ``out`` from the word list ``source``; the number of words."""
    entries = {line.strip() for line in source.read_text(encoding="utf-8").splitlines()}
    words = sorted(w for w in entries if WORD.fullmatch(w))
    # A word SCOWL also lists capitalised is a proper name too (Turkey, Nice, Reading).
    words = [f"{w}\t{PROPER}" if w.capitalize() in entries else w for w in words]
    notice = "".join(f"# {line}".rstrip() + "\n" for line in copyright_file.read_text(encoding="utf-8").splitlines())
    text = HEADER + notice + "\n".join(words) + "\n"
    out.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))  # the same bytes on every rebuild
    return len(words)


def main():
    print(f"{build(SOURCE, OUT)} words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
