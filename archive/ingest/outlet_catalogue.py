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

Besides what the catalogue holds, ``derived_forms`` makes by rule the forms a
site prints its names in ("Jordan News Agency" and "Petra" are not both
written down; "Jordan News Agency (Petra)" holds them), asked for only when
one outlet alone has the form; ``AGENCY_NAME`` tells a news agency by its name.
"""
import json
from pathlib import Path
import re

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


def derived_forms(name: str):
    """The forms a site prints its catalogue name in, made by rule: a Latin name without
    its bracketed note and the note alone when it is an acronym ("Saudi Press Agency
    (SPA)"), "Al X" written as one word ("Alhurra", "Almanar"), an Arabic name with
    the ".نت" of its web edition ("الميادين نت")."""
    forms = set()
    m = re.fullmatch(r"\s*(?P<name>[^()\[\]]+?)\s*[(\[](?P<note>[^()\[\]]+)[)\]]\s*", name or "")
    if m:
        forms.add(m["name"])
        for note in re.split(r"\s*,\s*", m["note"]):
            # (Latin acronyms only: "[أين]" is also the word "where".)
            if re.fullmatch(r"[A-Z]{2,6}", note):
                forms.add(note)
    for form in list(forms) + [name]:
        if re.match(r"(?i)al[\s-]+[a-z]", form):
            forms.add(re.sub(r"(?i)^al[\s-]+", "Al", form))
        if re.search(r"[\u0621-\u064a]", form) and not form.endswith("نت"):
            forms.add(f"{form} نت")
    return forms - {name}


# A news agency's name, Arabic or Latin ("وكالة الأنباء الألمانية", "Agence France-Presse").
AGENCY_NAME = re.compile(r"^\s*(?:ال)?وكال[ةه]\s|\b(?:news agency|press agency|agence|presse|press service|presse-agentur)\b", re.I)
