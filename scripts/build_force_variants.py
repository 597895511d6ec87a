"""Add to fixtures/gazetteer.json the spellings of its forces that the news
writes by the rules of the language rather than as the gazetteer wrote them.

    .venv/bin/python scripts/build_force_variants.py --corpus ../shared/corpus/articles.jsonl.gz \
        --corpus ../shared/corpus/articles-b.jsonl.gz

Three rules make the candidates, from every Arabic spelling of every force:

1. a synonym of the head word: Arabic has two words for a coalition, and
   AFP's Arabic desk writes "الائتلاف الدولي" where others write "التحالف
   الدولي" (SYNONYMS, word for word, with the article or without);
2. the head without its article where a relative clause or "بقيادة" says
   whose it is: an indefinite head drops the relative pronoun too ("التحالف
   الذي تقوده الولايات المتحدة" -> "تحالف تقوده الولايات المتحدة",
   "التحالف بقيادة السعودية" -> "تحالف بقيادة السعودية"). An indefinite
   head followed by an adjective ("تحالف دولي": any coalition) or a
   proper name without its article ("قاعدة في العراق": a base) is something
   else, so no other form is made;
3. a state's soldiers by the plural of its adjective: from "القوات
   الأمريكية" or "الجيش الأمريكي", "الجنود الأمريكيين", "جنود أمريكيون",
   "العسكريين الأمريكيين" (the news counts a state's soldiers among the
   forces of a report as the hand-tagged sets do).

A candidate is kept only when the corpus writes it MIN_COUNT times or more
(by the matcher, so with clitics and both spellings of alef and ya)
and it is not already a spelling of some entity. The candidates are found
with the gazetteer's own matcher (so with clitics: "وللائتلاف الدولي").
Nothing of the corpus is written but the spellings kept; each is appended to
its force's aliases (a later run adds only what is new).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.arabic import fold  # noqa: E402
from tooling.spelling_counts import arguments, corpus_counts, kept_spellings, write_aliases  # noqa: E402

GAZETTEER = ROOT / "fixtures" / "gazetteer.json"
MIN_COUNT = 5
#: Head words and the synonyms the news writes for them.
SYNONYMS = {"التحالف": "الائتلاف", "تحالف": "ائتلاف"}
RELATIVES = {"الذي", "التي", "الذين"}
#: A state's forces by its adjective, and the words for its soldiers.
STATE_HEADS = {"القوات", "الجيش"}
SOLDIERS = ("الجنود", "العسكريين")
#: "under the lead of": what follows says whose the head is, as a relative
#: clause does ("تحالف بقيادة السعودية"). A proper name keeps its article
#: before anything else ("القاعدة في العراق" is no "قاعدة في العراق").
LED_BY = {"بقيادة"}
ARABIC = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي")


def soldiers(spelling: str) -> set[str]:
    """Rule 3: "القوات الأمريكية" / "الجيش الأمريكي" -> the soldiers of that
    state, by the plural of its adjective: "الجنود الأمريكيين", "جنود
    أمريكيون", "العسكريين الأمريكيين"."""
    words = spelling.split()
    if len(words) != 2 or words[0] not in STATE_HEADS or not words[1].startswith("ال"):
        return set()
    adjective = words[1][2:]
    nisba = adjective[:-1] if adjective.endswith("ية") else adjective
    if not nisba.endswith("ي") or len(nisba) < 4:
        return set()
    out = set()
    for plural in (nisba + "ين", nisba + "ون"):
        for head in SOLDIERS:
            out.add(f"{head} ال{plural}")
            out.add(f"{head[2:]} {plural}")
    return out


def candidates(spelling: str) -> set[str]:
    """The spellings the three rules make of one spelling."""
    words = spelling.split()
    if not words or not set(words[0]) <= ARABIC:
        return set()
    out = soldiers(spelling)
    synonym = [SYNONYMS.get(w, w) for w in words]
    if synonym != words:
        out.add(" ".join(synonym))
    for ws in (words, synonym):
        if len(ws) >= 3 and ws[0].startswith("ال") and ws[1] in LED_BY:
            out.add(" ".join([ws[0][2:], *ws[1:]]))
        if len(ws) >= 3 and ws[0].startswith("ال") and ws[1] in RELATIVES:
            out.add(" ".join([ws[0][2:], *ws[2:]]))
    return out


def main():
    args = arguments(__doc__)
    rows = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    taken = set()
    for row in rows:
        f = row["fields"]
        for name in [f.get("name"), *(f.get("aliases") or [])]:
            if name:
                taken.add(tuple(fold(name.lstrip("~")).split()))
    wanted = {}       # candidate -> force pk, one spelling a folded form
    for row in rows:
        if row["model"] != "archive.force":
            continue
        f = row["fields"]
        for name in [f["name"], *(f.get("aliases") or [])]:
            for cand in sorted(candidates(name.lstrip("~"))):
                key = tuple(fold(cand).split())
                if key not in taken:
                    taken.add(key)
                    wanted[cand] = row["pk"]
    kept = kept_spellings(wanted, corpus_counts(wanted, args.corpus), MIN_COUNT)
    if args.dry_run:
        return
    write_aliases(GAZETTEER, rows, [row for row in rows if row["model"] == "archive.force"], kept)
    print(f"{len(kept)} spellings added to {GAZETTEER.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
