"""Add to fixtures/gazetteer.json the names the news gives a force through
its leader: "القوات الموالية لهادي", "قوات هادي", "أنصار الحوثي".

    .venv/bin/python scripts/build_leader_forces.py --corpus ../shared/corpus/articles.jsonl.gz \
        --corpus ../shared/corpus/articles-b.jsonl.gz

Whose forces a person leads comes from the gazetteer's people, by their role:

* a head of state or government ("الرئيس اليمني", "رئيس وزراء العراق",
  "ملك السعودية": the role begins with the office and names the country by
  its adjective or its name) leads the state's army (the force
  archive.force_context.state_force gives the country);
* the leader of a force ("زعيم جماعة الحوثيين", "الأمين العام لحزب الله",
  "القائد العام لقوات سوريا الديمقراطية": the role begins with a leader's
  word and goes on with one force's spelling) leads that force.

Spokesmen, envoys, ministers and deputies lead nothing. Each of the
person's Arabic names, and his family name (the last word of his name),
makes the candidates "قوات N", "القوات الموالية لN", "القوات الموالية
للرئيس N" and, for a force's leader only, "أنصار N", "ميليشيات N" (a
president's supporters at a rally are no army). A candidate is kept when
the corpus writes it MIN_COUNT times or more (found by the gazetteer's own
matcher, so with clitics), it is no entity's spelling already, and the
family name is no other person's and names no other force ("قوات صالح"). Nothing of the corpus is written but the
spellings kept; each is appended to the force's aliases (a later run adds
only what is new). archive/force_leaders.py then reads the titles a report
puts between ("القوات الموالية للرئيس اليمني عبد ربه منصور هادي").
"""
from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.arabic import fold  # noqa: E402
from archive.force_context import STATE_FORCES, STATE_SUFFIX  # noqa: E402
from archive.nisba import adjectives  # noqa: E402
from tooling.spelling_counts import arguments, corpus_counts, kept_spellings, write_aliases  # noqa: E402

GAZETTEER = ROOT / "fixtures" / "gazetteer.json"
WORLD = ROOT / "fixtures" / "world_places.json"
MIN_COUNT = 3
#: The offices that lead a state's forces: head of state or of government.
HEADS_OF_STATE = ("الرئيس", "رئيس الوزراء", "رئيسة الوزراء", "رئيس وزراء", "رئيسة وزراء",
                  "رئيس حكومة", "ملك", "العاهل", "المرشد")
#: The words a force's leader is named by, before the force.
LEADERS = ("زعيم", "قائد", "القائد العام ل", "الأمين العام ل", "رئيس هيئة", "أمير")
_YEARS = re.compile(r"\s*\([^)]*\)")
#: The "و" that joins a second office ("… ورئيس إقليم كوردستان").
_SECOND_OFFICE = re.compile(r" و(?=رئيس|زعيم|قائد|قيادي|مستشار|نائب|الأمين)")


def role_offices(role: str) -> list[str]:
    """The role's first office (before any "و" joining a second): "رئيس
    الحزب … ورئيس إقليم كوردستان" → "رئيس الحزب …"."""
    return [_SECOND_OFFICE.split(_YEARS.sub("", role))[0].strip()]


def country_led(role: str, adjective_of: dict, country_names: dict) -> str | None:
    """The slug of the country whose head of state or government ``role``
    names, or None. ``adjective_of``: folded "الXي"/"الXية" -> slug
    (archive.nisba.adjectives); ``country_names``: folded name -> slug."""
    for office in role_offices(role):
        for head in HEADS_OF_STATE:
            if office.startswith(head + " ") or (head.endswith("ل") and office.startswith(head)):
                rest = office[len(head):].split()
                if not rest:
                    return None
                word = fold(rest[0])
                if word in adjective_of:
                    return adjective_of[word]
                return country_names.get(" ".join(fold(w) for w in rest))
    return None


def force_led(role: str, spellings: dict) -> int | None:
    """The pk of the force whose leader ``role`` names, or None."""
    for office in role_offices(role):
        for lead in LEADERS:
            if not office.startswith(lead):
                continue
            rest = office[len(lead):].lstrip()
            if lead.endswith("ل") and not rest:
                return None
            words = fold(rest).split()
            # The longest run of its first words that is one force's spelling.
            for n in range(len(words), 0, -1):
                pk = spellings.get(" ".join(words[:n]))
                if pk is not None:
                    return pk
    return None


def candidates(names: list[str], leader_of_force: bool) -> set[str]:
    """The spellings made from a person's names (full names and family name)."""
    out = set()
    for name in names:
        lam = "لل" + name[2:] if name.startswith("ال") else "ل" + name
        out |= {f"قوات {name}", f"القوات الموالية {lam}"}
        if not name.startswith("ال"):
            out.add(f"القوات الموالية للرئيس {name}")
        if leader_of_force:
            out |= {f"أنصار {name}", f"ميليشيات {name}", f"مليشيات {name}"}
    return out


def main():
    args = arguments(__doc__)
    rows = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    world = json.loads(WORLD.read_text(encoding="utf-8"))["places"]
    countries = [(r["fields"]["slug"], [r["fields"]["name"], *r["fields"].get("aliases", [])]) for r in rows
                 if r["model"] == "archive.place" and r["fields"].get("kind") == "country"]
    countries += [(p["slug"], [p["name"], *p.get("aliases", [])]) for p in world if p["kind"] == "country"]
    adjective_of = adjectives(countries)
    country_names = {}
    for slug, names in countries:
        for n in names:
            country_names.setdefault(fold(n), slug)
    forces = {r["fields"]["slug"]: r for r in rows if r["model"] == "archive.force"}
    spellings, taken = {}, set()
    for r in rows:
        for name in [r["fields"].get("name"), *(r["fields"].get("aliases") or [])]:
            if name:
                taken.add(fold(name.lstrip("~")))
                if r["model"] == "archive.force":
                    spellings[fold(name.lstrip("~"))] = r["pk"]
    by_pk = {r["pk"]: r for r in forces.values()}
    people = [r["fields"] for r in rows if r["model"] == "archive.speaker"]
    family = collections.Counter(p["name"].split()[-1] for p in people if len(p["name"].split()) > 1)
    wanted = {}
    for p in people:
        arabic = [n for n in [p["name"], *p.get("aliases", [])] if not n.isascii() and not n.startswith("~")]
        pk, of_force = force_led(p.get("role", ""), spellings), True
        if pk is None:
            of_force = False
            country = country_led(p.get("role", ""), adjective_of, country_names)
            table = STATE_FORCES.get(country or "", {})
            for slug in (table.get("loyal"), table.get("army"), f"{country}{STATE_SUFFIX}"):
                if slug in forces:
                    pk = forces[slug]["pk"]
                    break
        if pk is None:
            continue
        # The family name alone, when no other person bears it and no other
        # force is named by it ("قوات صالح" is Saleh's, not Barham Salih's).
        last = p["name"].split()[-1]
        other = spellings.get(fold(f"قوات {last}"), pk) != pk
        names = arabic + ([last] if family[last] == 1 and len(last) >= 3 and not other else [])
        for cand in sorted(candidates(names, of_force)):
            if fold(cand) not in taken:
                taken.add(fold(cand))
                wanted[cand] = pk
    kept = kept_spellings(wanted, corpus_counts(wanted, args.corpus), MIN_COUNT,
                          shown=lambda c, pk: f"{c} → {by_pk[pk]['fields']['slug']}")
    if args.dry_run:
        return
    write_aliases(GAZETTEER, rows, forces.values(), kept)
    print(f"{len(kept)} spellings added to {GAZETTEER.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
