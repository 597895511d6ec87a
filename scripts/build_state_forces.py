"""Add every state's armed forces that the news names to fixtures/gazetteer.json.

Run by hand when the world gazetteer changes, with the corpus:

    .venv/bin/python scripts/build_state_forces.py --corpus ../shared/corpus/articles.jsonl.gz \
        --corpus ../shared/corpus/articles-b.jsonl.gz

The tagging rule is "one entity per state for its armed forces" (its army,
air force, navy, security forces), but the conflict gazetteer names only the
states of the war (Iraq, Syria, Yemen, Turkey, Iran …). The Afghan, Pakistani,
Sudanese or Somali army, as common in the same news, was never tagged.

Every country of fixtures/world_places.json and of the conflict gazetteer is
given its adjective (nisba) by the rules of the language (archive/nisba.py),
from its Arabic name: ال comes off, a final ية/يا/ا becomes ي (السعودية →
سعودي, ليبيا → ليبي, كندا → كندي), ستان may go (أفغانستان → أفغاني), a
final ي stays (مالي) and any other ending takes ي (العراق → عراقي, السودان
→ سوداني). Each candidate is written out
only as the news writes it: the phrases "الجيش X"، "القوات Xة"، "القوات
المسلحة Xة"، "قوات الأمن Xة"، "جيش <country>" are counted in the corpus, and
a phrase written fewer than MIN_PHRASE times is not kept; a state whose
phrases together are fewer than MIN_STATE gets no entity. The phrases of a
state's services (its navy, air force, air defence, special forces,
warplanes: MASCULINE_HEADS, FEMININE_HEADS below) are counted the same way and join the
state's force, a hand-made one too. A state that
already has a force in the gazetteer (one of its phrases is already some
force's name) gets none either: the conflict gazetteer wins.

Nothing of the corpus is written out but these phrases. The entries this
script writes carry slugs ending in "-armed-forces" and are replaced
wholesale on the next run, each keeping its pk and place in the file;
everything else in the file is left as it is. Run
scripts/build_force_variants.py after it (a state's soldiers).
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.arabic import fold  # noqa: E402
from archive.nisba import nisbas, one_word_names  # noqa: E402
from tooling.bench.corpus import iter_records  # noqa: E402

GAZETTEER = ROOT / "fixtures" / "gazetteer.json"
WORLD = ROOT / "fixtures" / "world_places.json"
SLUG_SUFFIX = "-armed-forces"
#: A state's police and internal security forces: an entity of their own,
#: as the gazetteer holds Iraq's police apart from its army.
POLICE_SUFFIX = "-police"
MIN_PHRASE = 3
MIN_STATE = 8
WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")


def phrases(country: str, nisba: str) -> list[str]:
    fem = nisba + "ة"
    return [f"الجيش ال{nisba}", f"القوات ال{fem}", f"القوات المسلحة ال{fem}",
            f"قوات الأمن ال{fem}", f"جيش {country}", *indefinite_phrases(nisba),
            *service_phrases(nisba)]


#: A state's armed services as Arabic names them, each head with the
#: adjective in the agreement it takes: its air force, navy, ground and
#: special forces, air defence, artillery, general staff and warplanes ("البحرية الأمريكية", "سلاح
#: الجو المصري"; its soldiers, "الجنود الأميركيين", are
#: scripts/build_force_variants.py's, run after this one). The language's words for the
#: services, not the phrases of any one state: a state gets those the corpus
#: writes with its adjective. Heads whose plain sense is civil as often (an
#: airline's planes, civil aviation: "الطائرات القطرية", "الطيران
#: البريطاني" of an accident inquiry) give weak spellings (CIVIL_HEADS).
MASCULINE_HEADS = ("الطيران الحربي", "سلاح الجو", "الدفاع الجوي", "الطيران")
FEMININE_HEADS = ("القوات الجوية", "القوات البحرية", "القوات البرية", "القوات الخاصة", "البحرية",
                  "المقاتلات", "الطائرات الحربية", "الطائرات", "المدفعية", "هيئة الأركان",
                  "رئاسة الأركان")
#: Some of a state's warplanes, without the article: "مقاتلات أمريكية".
INDEFINITE_HEADS = ("مقاتلات", "طائرات حربية")
CIVIL_HEADS = ("الطيران", "الطائرات")


def service_phrases(nisba: str) -> list[str]:
    """The phrases of a state's services (MASCULINE_HEADS, FEMININE_HEADS)
    with its adjective ``nisba``."""
    return [f"{h} ال{nisba}" for h in MASCULINE_HEADS] + [f"{h} ال{nisba}ة" for h in FEMININE_HEADS] \
        + [f"{h} {nisba}ة" for h in INDEFINITE_HEADS]


def is_service(phrase: str) -> bool:
    """Is ``phrase`` one of a state's service phrases (not its army's name)?"""
    return phrase.rsplit(" ", 1)[0] in MASCULINE_HEADS + FEMININE_HEADS + INDEFINITE_HEADS


def indefinite_phrases(nisba: str) -> list[str]:
    """Some of a state's forces, without the article: "قوات أفغانية وباكستانية",
    "نشر قوات أمريكية". Added to a state's force the gazetteer already holds too."""
    return [f"قوات {nisba}ة"]


#: Folded phrases that are weak spellings (written "~…"): counted only beside
#: another of the force's names. Where the adjective is the country's own
#: name (مالي) it is also an ordinary word ("القوات المالية" of a typo for
#: "الموالية", المالية "financial"), so only "الجيش المالي" or "القوات
#: المسلحة المالية" name the army on their own.
WEAK: set[str] = set()


def weak(phrase: str) -> str:
    return "~" + phrase if fold(phrase) in WEAK else phrase


def police_phrases(nisba: str) -> list[str]:
    fem = nisba + "ة"
    return [f"الشرطة ال{fem}", f"قوات الشرطة ال{fem}", f"قوات الأمن ال{fem}"]


def countries():
    """(slug, Arabic names, English name) of every country, the conflict's first."""
    seen = set()
    gazetteer = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    for row in gazetteer:
        f = row["fields"]
        if row["model"] == "archive.place" and f.get("kind") == "country":
            seen.add(f["slug"])
            yield f["slug"], [f["name"], *f.get("aliases", [])], f.get("name_en") or f["slug"]
    world = json.loads(WORLD.read_text(encoding="utf-8"))
    for p in world["places"]:
        if p["kind"] == "country" and p["slug"] not in seen:
            yield p["slug"], [p["name"], *p.get("aliases", [])], p["name_en"]


def count_phrases(paths, wanted: set[str]) -> collections.Counter:
    """How often each wanted folded phrase (2–3 words) stands in the corpus bodies."""
    counts = collections.Counter()
    firsts = {w.split()[0] for w in wanted}
    for record in iter_records(paths):
        words = [fold(w) for w in WORD.findall(record["body"])]
        for i, w in enumerate(words):
            if w not in firsts:
                continue
            for n in (2, 3, 4):
                phrase = " ".join(words[i:i + n])
                if phrase in wanted:
                    counts[phrase] += 1
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append", required=True)
    parser.add_argument("--verbose", action="store_true", help="print every state's phrases and counts")
    args = parser.parse_args()

    original = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    # An entity written before keeps its pk and its place in the file: an
    # archive that loaded the fixture keeps its tags on the same state.
    old_pks = {r["fields"]["slug"]: r["pk"] for r in original if _generated(r)}
    rows = [r for r in original if not _generated(r)]
    known = set()
    for r in rows:
        if r["model"] == "archive.force":
            f = r["fields"]
            known |= {fold(n) for n in [f["name"], *f.get("aliases", [])]}

    candidates, police = {}, {}
    for slug, names, name_en in countries():
        one_word = one_word_names(names)
        forms, police_forms = {}, {}
        for name in one_word:
            for nisba in nisbas(name):
                for phrase in phrases(name, nisba):
                    forms.setdefault(fold(phrase), phrase)
                    if nisba == (name[2:] if name.startswith("ال") else name) \
                            and len(phrase.split()) == 2 and phrase.split()[0] in ("القوات", "قوات"):
                        WEAK.add(fold(phrase))
                    if phrase.rsplit(" ", 1)[0] in CIVIL_HEADS:
                        WEAK.add(fold(phrase))
                for phrase in police_phrases(nisba):
                    police_forms.setdefault(fold(phrase), phrase)
        candidates[slug] = (name_en, forms)
        police[slug] = (name_en, police_forms)
    # A phrase two countries would give (كوريا: the two Koreas) names neither.
    for table in (candidates, police):
        owners = collections.Counter(k for _, forms in table.values() for k in forms)
        for _, forms in table.values():
            for k in [k for k in forms if owners[k] > 1]:
                del forms[k]
    wanted = {k for table in (candidates, police) for _, forms in table.values() for k in forms}
    counts = count_phrases(args.corpus, wanted)
    if args.verbose:
        for slug, (_, forms) in sorted(candidates.items()):
            seen = {forms[k]: counts[k] for k in forms if counts[k]}
            if seen:
                print(slug, seen)

    last = [max(r["pk"] for r in original if r["model"] == "archive.force")]

    def pk_for(slug):
        if slug in old_pks:
            return old_pks[slug]
        last[0] += 1
        return last[0]
    added = []
    extended = add_indefinite_forms(rows, candidates, counts)
    for slug, (name_en, forms) in sorted(candidates.items()):
        kept = [(counts[k], forms[k]) for k in forms if counts[k] >= MIN_PHRASE]
        if sum(c for c, _ in kept) < MIN_STATE:
            continue
        if any(fold(p) in known for _, p in kept):
            continue                     # the conflict gazetteer has this state's forces
        kept.sort(key=lambda cp: (-cp[0], cp[1]))
        army = [p for _, p in kept if p.startswith("الجيش ")]
        name = army[0] if army else kept[0][1]
        rows.append({"model": "archive.force", "pk": pk_for(slug + SLUG_SUFFIX), "fields": {
            "name": name, "name_en": f"{name_en} armed forces", "slug": slug + SLUG_SUFFIX,
            # A Latin name to type, as every force has (the country's English
            # name: the package gives no English adjective).
            "aliases": [weak(p) for _, p in kept if p != name] + [f"{name_en} army", f"{name_en} military"]}})
        added.append((name, sum(c for c, _ in kept)))
    # Then each state's police, when the news names it as often and no force
    # holds its phrases (الشرطة العراقية is the conflict gazetteer's; قوات
    # الأمن التونسية an armed forces' entity above).
    known |= {fold(a) for r in rows if r["model"] == "archive.force"
              for a in [r["fields"]["name"], *r["fields"].get("aliases", [])]}
    for slug, (name_en, forms) in sorted(police.items()):
        kept = [(counts[k], forms[k]) for k in forms if counts[k] >= MIN_PHRASE and k not in known]
        if sum(c for c, _ in kept) < MIN_STATE or not any(p.startswith("الشرطة ") for _, p in kept):
            continue
        kept.sort(key=lambda cp: (not cp[1].startswith("الشرطة "), -cp[0], cp[1]))
        name = kept[0][1]
        rows.append({"model": "archive.force", "pk": pk_for(slug + POLICE_SUFFIX), "fields": {
            "name": name, "name_en": f"{name_en} police", "slug": slug + POLICE_SUFFIX,
            "aliases": [p for _, p in kept if p != name] + [f"{name_en} police"]}})
        added.append((name, sum(c for c, _ in kept)))
    made = {r["fields"]["slug"]: r for r in rows if _generated(r)}
    rows = [made.pop(r["fields"]["slug"], None) if _generated(r) else r for r in original]
    rows = [r for r in rows if r is not None] + list(made.values())
    GAZETTEER.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name, n in added:
        print(f"{n:6}  {name}")
    for slug, phrase in extended:
        print(f"        {phrase} → {slug}")
    print(f"{len(added)} states' armed forces written to {GAZETTEER.relative_to(ROOT)}, "
          f"{len(extended)} forms added to forces it held")


def _generated(row) -> bool:
    """Is ``row`` a force this script writes (and replaces on each run)?"""
    f = row["fields"]
    return row["model"] == "archive.force" and (
        f["slug"].endswith(SLUG_SUFFIX)
        or (f["slug"].endswith(POLICE_SUFFIX) and f.get("name_en", "").endswith(" police")))


def add_indefinite_forms(rows, candidates, counts) -> list[tuple[str, str]]:
    """A state whose forces the gazetteer already holds (the conflict's, by
    hand) gets the indefinite forms the corpus writes ("قوات تركية", "قوات
    أميركية") and the phrases of its services ("البحرية الأميركية", "سلاح
    الجو المصري") as aliases of that force: the one that holds most of the
    state's army phrases. Nothing else of a hand-made entry changes, and a
    form already there, or one that begins another force's name, is not
    added. ``candidates``: slug -> (English name, {folded phrase: phrase});
    returns (force slug, phrase) for each form added."""
    forces = [r for r in rows if r["model"] == "archive.force"
              and not r["fields"]["slug"].endswith((SLUG_SUFFIX, POLICE_SUFFIX))]
    spellings = {id(r): {fold(n.lstrip("~")) for n in [r["fields"]["name"], *r["fields"].get("aliases", [])]}
                 for r in forces}
    every = set().union(*spellings.values()) if spellings else set()
    # The indefinite forms, and the phrases of a state's services the
    # hand-made entry lacks ("البحرية الأمريكية", "سلاح الجو المصري"); never
    # its army's own name, which the entry's author chose ("القوات
    # اللبنانية" is a party, not Lebanon's army).
    indefinite = {fold(p) for _, forms in candidates.values() for k, p in forms.items()
                  if (p.startswith("قوات ") and " " not in p[5:]) or is_service(p)}
    extended = []
    for _, forms in candidates.values():
        # The hand-made force that holds most of this state's phrases.
        # (Its army's phrases only: "القوات الجوية العراقية" makes Iraq's air
        # force no more Iraq's forces than its army.)
        army = {k for k, p in forms.items() if not is_service(p)}
        held = collections.Counter({i: len(spellings[id(r)] & army) for i, r in enumerate(forces)})
        best = held.most_common(1)
        if not best or not best[0][1]:
            continue
        force = forces[best[0][0]]
        # A state's services join the force named as the state's own army
        # ("الجيش المصري", "القوات الأمريكية"); a side of a civil war that
        # the press calls by the state's adjective (Libya's "الجيش الوطني
        # الليبي") is no state's navy: none there.
        own = [r for r in forces if fold(r["fields"]["name"]) in army]
        for key, phrase in sorted(forms.items()):
            target = (own[0] if own else None) if is_service(phrase) else force
            # A form that begins another force's name ("قوات سورية
            # الديمقراطية") is that force's as often: not added.
            if target is not None and key in indefinite and counts[key] >= MIN_PHRASE and key not in every \
                    and not any(s.startswith(key + " ") for s in every):
                target["fields"].setdefault("aliases", []).append(weak(phrase))
                every.add(key)
                extended.append((target["fields"]["slug"], phrase))
    return extended


if __name__ == "__main__":
    main()
