"""Load the world gazetteer (fixtures/world_places.json) under the conflict's own.

Every country, its capital and the larger cities, with their Arabic names, so
an article about Ankara or Dubai gets its place facet. A town whose
governorate or province is known (the file's "in") hangs from it, not from
its country: a search filtered on نينوى finds an article naming only بعشيقة. The conflict gazetteer
wins wherever both name a place: a world entry that shares a spelling with an
existing place of a compatible kind (country with country; a city with any
place below a country) is not created; the existing place stands for it, and
the world cities under it hang from it (Iraq's cities from the existing Iraq).
A world spelling that some other existing place already uses is dropped from
the world entry, so the matcher never goes silent on a conflict name.

Then fixtures/corpus_places.json, the places the corpus names after a place
word ("منطقة الطاش") that no package lists, the same way.

A place loaded before without an English name (the corpus places, before
they had Latin names) gets the file's, and its Latin aliases.

Safe to run twice: places are recognised by their slug, and an archivist's
edits are never overwritten.
"""
from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand
from django.db import transaction

from archive.arabic import fold
from archive.models import Place

WORLD = Path(settings.BASE_DIR) / "fixtures" / "world_places.json"
#: The villages and districts the corpus names and no package lists
#: (scripts/build_corpus_places.py), each under its country: loaded after the
#: world, so a world or conflict place with the same spelling stands for it.
CORPUS = Path(settings.BASE_DIR) / "fixtures" / "corpus_places.json"


def _folded(names) -> set[str]:
    return {fold(n) for n in names if n and n.strip()}


def _within(where: str | None, slugs: dict[str, int], key_to_pk: dict[str, int]) -> int | None:
    """The governorate or province a town lies in: ``place:<slug>`` names an
    existing place (the conflict gazetteer's نينوى), anything else a world
    entry's key (a province of the file). None when it is not there (an
    archivist deleted it): the town then hangs from its country."""
    if not where:
        return None
    if where.startswith("place:"):
        return slugs.get(where[len("place:"):])
    return key_to_pk.get(where)


def _name_blank_english(pk: int, entry: dict) -> bool:
    """Give a place loaded before its file had Latin names (the corpus places
    until scripts/latin_corpus_places.py) its English name and Latin aliases.
    Only a blank English name is filled: an archivist's is never overwritten.
    True when the place was named."""
    place = Place.objects.filter(pk=pk, name_en="").first()
    if place is None:
        return False
    place.name_en = entry["name_en"]
    place.aliases = [*(place.aliases or []),
                     *(a for a in entry["aliases"] if a.isascii() and a not in (place.aliases or []))]
    place.save(update_fields=["name_en", "aliases"])
    return True


def load_world(path: Path = WORLD) -> tuple[int, int, int]:
    """Create the world places the database lacks and give an English name to
    those loaded before without one. Returns (created, merged, named)."""
    from archive.gazetteer import invalidate_alias_index

    data = json.loads(path.read_text(encoding="utf-8"))
    existing = list(Place.objects.only("pk", "name", "name_en", "aliases", "kind", "slug"))
    slugs = {p.slug: p.pk for p in existing}
    # folded spelling -> [(pk, kind)] of the places already there
    spelled: dict[str, list[tuple[int, str]]] = {}
    for place in existing:
        for name in _folded(place.all_names()):
            spelled.setdefault(name, []).append((place.pk, place.kind))
    key_to_pk: dict[str, int] = {}
    created = merged = named = 0
    with transaction.atomic():
        for level in ("country", "region", "city", "site", "district"):
            batch = []
            for entry in data["places"]:
                if entry["kind"] != level:
                    continue
                if entry["slug"] in slugs:        # loaded before
                    key_to_pk[entry["key"]] = slugs[entry["slug"]]
                    if entry["name_en"] and _name_blank_english(slugs[entry["slug"]], entry):
                        named += 1
                    continue
                names = [entry["name"], *entry["aliases"]]
                same = [
                    pk for name in _folded(names) for pk, kind in spelled.get(name, ())
                    if (kind == "country") == (level == "country")
                ]
                if same:
                    # The conflict gazetteer's place stands for this one.
                    key_to_pk[entry["key"]] = same[0]
                    merged += 1
                    continue
                taken = set(spelled)
                kept = [n for n in names if fold(n) not in taken]
                arabic = [n for n in kept if fold(n) != fold(entry["name_en"])]
                if not arabic:
                    continue
                parent = _within(entry.get("in"), slugs, key_to_pk) \
                    or (key_to_pk.get(entry["parent"]) if entry["parent"] else None)
                batch.append((entry, Place(
                    name=arabic[0], name_en=entry["name_en"], slug=entry["slug"],
                    aliases=[n for n in kept if n != arabic[0] and n != entry["name_en"]],
                    kind=entry["kind"], parent_id=parent,
                    latitude=entry["latitude"], longitude=entry["longitude"],
                )))
            made = Place.objects.bulk_create([p for _e, p in batch], batch_size=500)
            for (entry, _p), place in zip(batch, made):
                key_to_pk[entry["key"]] = place.pk
                slugs[place.slug] = place.pk
                # A province made here stands for a city of the same name
                # below (جازان the region and the town): one place, not two
                # that silence each other.
                for name in _folded(place.all_names()):
                    spelled.setdefault(name, []).append((place.pk, place.kind))
            created += len(made)
    invalidate_alias_index()    # bulk_create sends no signals
    return created, merged, named


class Command(BaseCommand):
    help = ("Load the world gazetteer (countries, capitals, cities of 100,000+) from "
            "fixtures/world_places.json under the existing places; the existing ones win.")

    def handle(self, *args, **options):
        created, merged, named = load_world()
        if CORPUS.exists():
            more, same, newly = load_world(CORPUS)
            created, merged, named = created + more, merged + same, named + newly
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(
                f"World gazetteer: {created} places added, {merged} already in the gazetteer, "
                f"{named} given their English name."))
