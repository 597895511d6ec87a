"""Build archive/lexicon/name_words.txt: the gazetteer's Arabic names of one
word that begin with ب ل ك. The broad analysis (archive.arabic.broad_stem)
never reads such a word as a preposition plus another word: بعقوبة is
Baqubah, not ب + عقوبة "punishment"; بيجي is Baiji. (The query side already
never splits a gazetteer name; this keeps the index from doing it.)

    .venv/bin/python scripts/build_name_words.py

Reads fixtures/gazetteer.json (every entity's name and aliases) and the
places of fixtures/world_places.json; writes one folded word a line, sorted.
Rebuild it, and then the search index, when the gazetteer changes.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import arabic  # noqa: E402

OUT = ROOT / "archive" / "lexicon" / "name_words.txt"


def names():
    for row in json.loads((ROOT / "fixtures" / "gazetteer.json").read_text(encoding="utf-8")):
        fields = row.get("fields", {})
        yield fields.get("name") or ""
        yield from fields.get("aliases") or []
    world = json.loads((ROOT / "fixtures" / "world_places.json").read_text(encoding="utf-8"))
    for place in world.get("places", []):
        yield place.get("name") or ""
        yield from place.get("aliases") or []


def name_words():
    """The folded words the file holds."""
    single = set()
    for name in names():
        tokens = arabic.tokenize(name)
        if len(tokens) == 1:
            single.add(arabic.fold(tokens[0].text))
    # A name of one word beginning with ب ل ك, unless it is a preposition
    # on another name (لداعش, لتركيا are spellings with the clitic on).
    words = {w for w in single
             if len(w) >= 4 and w.startswith(arabic._PREPOSITIONS)
             and arabic._arabic_letters_only(w) and w[1:] not in single}
    return words


def main():
    words = name_words()
    OUT.write_text("".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
