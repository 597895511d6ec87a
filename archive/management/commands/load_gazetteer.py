"""Bring an existing archive's gazetteer up to the one the project ships.

``fixtures/gazetteer.json`` grows from release to release (speakers, forces,
places the tagging learnt to find). ``loaddata`` cannot bring those to an
archive in use: it would overwrite by primary key whatever the archivists
created or corrected under the same numbers. This command only adds: an entry
whose slug the database already holds is left exactly as it is, and so is an
entry whose name or an alias already names another entity of the same kind
(an archivist made it under another slug; two entities answering to one
spelling would split its articles between them). Places come after their
parents, found by the parent's slug.

It is an upgrade step run by hand, not at every start: an entity an archivist
deleted on purpose would come back. ``--dry-run`` lists what it would add.

Articles already imported keep their tags until they are re-tagged
(the admin's "re-tag all", which also updates the index).
"""
from __future__ import annotations

import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import BaseCommand
from django.db import transaction

from archive.arabic import fold

GAZETTEER = Path(settings.BASE_DIR) / "fixtures" / "gazetteer.json"
MODELS = ("archive.outlet", "archive.speaker", "archive.force", "archive.place")


def _spellings(fields: dict) -> set[str]:
    names = [fields.get("name"), fields.get("name_en"), *(fields.get("aliases") or [])]
    return {fold(n.lstrip("~").strip()) for n in names if n and n.lstrip("~").strip()}


class _DryRun(Exception):
    pass


def add_missing(path: Path = GAZETTEER, *, dry_run: bool = False) -> dict[str, list[str]]:
    """Create the fixture's entities the database lacks; returns their names per model."""
    from archive.gazetteer import invalidate_alias_index

    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    added: dict[str, list[str]] = {}
    try:
        with transaction.atomic():
            _add(rows, added)
            if dry_run:
                raise _DryRun
    except _DryRun:
        return added
    invalidate_alias_index()
    return added


def _add(rows, added):
    for label in MODELS:
        model = apps.get_model(label)
        entries = [row for row in rows if row["model"] == label]
        added[label.split(".")[1]] = _add_model(model, entries)


def _add_model(model, entries) -> list[str]:
    by_pk = {row["pk"]: row["fields"]["slug"] for row in entries}
    slugs = {entity.slug: entity for entity in model.objects.all()}
    taken = set()
    for entity in slugs.values():
        taken |= {fold(name) for name in entity.all_names()}
    pending = [row["fields"] for row in entries if row["fields"]["slug"] not in slugs]
    names = []
    # Places: a parent first. Each pass creates those whose parent is now
    # present; what is left after a pass that made nothing has a parent that
    # could not be created, and is skipped with it.
    while pending:
        later = []
        for fields in pending:
            if _spellings(fields) & taken:
                continue
            values = dict(fields)
            if "parent" in values:
                parent_slug = by_pk.get(values["parent"])
                if parent_slug and parent_slug not in slugs:
                    later.append(fields)
                    continue
                values["parent"] = slugs[parent_slug] if parent_slug else None
            entity = model.objects.create(**values)
            slugs[entity.slug] = entity
            taken |= _spellings(fields)
            names.append(entity.name)
        if len(later) == len(pending):
            break
        pending = later
    return names


class Command(BaseCommand):
    help = "Add the shipped gazetteer's entries this archive lacks; never changes or removes one."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(GAZETTEER), help="Another gazetteer fixture of the same format.")
        parser.add_argument("--dry-run", action="store_true", help="List what would be added; change nothing.")

    def handle(self, *args, **options):
        added = add_missing(Path(options["file"]), dry_run=options["dry_run"])
        if options["verbosity"] > 1 or options["dry_run"]:
            for label, names in added.items():
                for name in names:
                    self.stdout.write(f"{label}: {name}")
        if options["dry_run"]:
            self.stdout.write(f"Dry run: {sum(map(len, added.values()))} would be added; nothing changed.")
        elif options["verbosity"] > 0:
            summary = ", ".join(f"{len(names)} {label}s" for label, names in added.items())
            self.stdout.write(self.style.SUCCESS(f"Gazetteer: added {summary}. "
                                                 "Articles already imported gain them when re-tagged "
                                                 "(admin: Articles, re-tag all)."))
