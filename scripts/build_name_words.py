"""Build archive/lexicon/name_words.txt: the gazetteer's Arabic names of one
word that begin with ب ل ك. The broad analysis (archive.arabic.broad_stem)
never reads such a word as a preposition plus another word: بعقوبة is
Baqubah, not ب + عقوبة "punishment"; بيجي is Baiji. (The query side already
never splits a gazetteer name; this keeps the index from doing it.)

    .venv/bin/python scripts/build_name_words.py

Reads fixtures/gazetteer.json (every entity's name and aliases) and the
places of fixtures/world_places.json; writes one folded word a line, sorted.
Also archive/lexicon/name_endings.txt: the gazetteer's one-word names that
end as a dual, a plural or a nisba does (سوران is Soran, no dual of سور
"wall"; القصرين Kasserine; الشدادي Shaddadi).
Rebuild them, and then the search index, when the gazetteer changes.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import arabic  # noqa: E402

OUT = ROOT / "archive" / "lexicon" / "name_words.txt"
ENDINGS_OUT = ROOT / "archive" / "lexicon" / "name_endings.txt"
#: Endings the suffix loop takes off a word (a dual, a plural, a nisba; not
#: ات: الإمارات, القريات are read as إمارة, قرية, as a reader does).
NAME_ENDINGS = ("ان", "ين", "ون", "ي")


def names():
    for row in json.loads((ROOT / "fixtures" / "gazetteer.json").read_text(encoding="utf-8")):
        fields = row.get("fields", {})
        yield fields.get("name") or ""
        yield from fields.get("aliases") or []
    world = json.loads((ROOT / "fixtures" / "world_places.json").read_text(encoding="utf-8"))
    for place in world.get("places", []):
        yield place.get("name") or ""
        yield from place.get("aliases") or []


def single_names():
    """The gazetteer's names of one word, folded."""
    single = set()
    for name in names():
        tokens = arabic.tokenize(name)
        if len(tokens) == 1:
            single.add(arabic.fold(tokens[0].text))
    return single


def name_words():
    """The folded words name_words.txt holds."""
    single = single_names()
    # A name of one word beginning with ب ل ك, unless it is a preposition
    # on another name (لداعش, لتركيا are spellings with the clitic on).
    words = {w for w in single
             if len(w) >= 4 and w.startswith(arabic._PREPOSITIONS)
             and arabic._arabic_letters_only(w) and w[1:] not in single}
    return words


def name_endings():
    """The folded words name_endings.txt holds: one-word names (without
    the article) that end as a dual, a plural or a nisba does, with three
    letters or more before the ending (سوران, القصرين, مدنين, الشدادي):
    the analysis keeps the ending unless the corpus declines the word so
    (stemming._strip_suffixes)."""
    out = set()
    for w in single_names():
        core = w[2:] if w.startswith("ال") else w
        if arabic._arabic_letters_only(core) and any(
                core.endswith(e) and len(core) - len(e) >= 3 for e in NAME_ENDINGS):
            out.add(core)
    return out


def main():
    for path, words in ((OUT, name_words()), (ENDINGS_OUT, name_endings())):
        path.write_text("".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
        print(f"{len(words)} words -> {path}")


if __name__ == "__main__":
    main()
