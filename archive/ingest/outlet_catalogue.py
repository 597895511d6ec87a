"""The outlet catalogue: the Arabic-language news outlets a researcher of the
war against ISIS meets, loaded into ``Outlet`` (``fixtures/outlet_catalogue.json``).

Each entry has the outlet's Arabic and Latin names, the other forms it prints
in datelines, bylines and title suffixes ("(CNN)", "BBC عربي", "العربية.نت")
as aliases, and its domains (a path narrows a shared host: "france24.com/ar").
The readers recognise an outlet only by what the catalogue holds; a name it
does not hold is proposed to the archivist, never guessed.

Loading adds and never takes away: an outlet already present (by slug) keeps
its names, and gains only the aliases and domains it lacks, so an archivist's
corrections survive a reload. Single-word aliases that are also ordinary words
or places ("العالم", "الميادين", "الشرق الأوسط") are left out on purpose: a
menu item or a section name must not be taken for an outlet.
"""
import json
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent.parent / "fixtures" / "outlet_catalogue.json"


def entries(path=CATALOGUE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_catalogue(path=CATALOGUE):
    """Create the outlets the archive lacks, add missing aliases and domains: ``(created, updated)``."""
    from django.db import transaction

    from archive.models import Outlet

    created = updated = 0
    with transaction.atomic():
        for entry in entries(path):
            outlet = Outlet.objects.filter(slug=entry["slug"]).first()
            if outlet is None:
                Outlet.objects.create(
                    slug=entry["slug"], name=entry["name"], name_en=entry.get("name_en", ""),
                    aliases=list(entry.get("aliases", [])), domains=list(entry.get("domains", [])),
                    url=entry.get("url", ""),
                )
                created += 1
                continue
            aliases = list(outlet.aliases or [])
            domains = list(outlet.domains or [])
            known = set(outlet.all_names()) | {a.lstrip("~").strip() for a in aliases}
            new_aliases = [a for a in [entry["name"], *entry.get("aliases", [])] if a not in known]
            new_domains = [d for d in entry.get("domains", []) if d not in domains]
            if new_aliases or new_domains or (not outlet.name_en and entry.get("name_en")):
                outlet.aliases = aliases + new_aliases
                outlet.domains = domains + new_domains
                outlet.name_en = outlet.name_en or entry.get("name_en", "")
                outlet.save()
                updated += 1
    return created, updated
