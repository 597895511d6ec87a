"""The gazetteer in memory: every place, force, speaker and outlet, read once per process.

A page names the facets' values, draws the place tree and the map, labels its
filter chips and shows each article's speakers, places and forces: read from
the database on every request, the 3,000 places alone cost several
milliseconds a page. They are read once instead and kept until the gazetteer
changes: the key is the alias index (``archive.gazetteer.get_alias_index``),
rebuilt whenever an outlet, speaker, place or force is saved or deleted (and
every five minutes), the same signal that empties the search cache.

The instances are shared by every request of the process: nothing may change them.
"""
import threading
from dataclasses import dataclass

from archive.models import Force, Outlet, Place, Speaker
from archive.place_ancestry import ancestor_chain

#: filter name -> the model whose slugs it holds
MODELS = {model.filter_name: model for model in (Place, Force, Speaker, Outlet)}


@dataclass(frozen=True)
class PlaceInfo:
    pk: int
    slug: str
    name: str
    name_en: str
    kind: str
    parent_id: int
    latitude: float
    longitude: float


class Places:
    """Every place (slug, names, kind, parent, position) with parent/child lookups."""

    def __init__(self, rows=None):
        if rows is None:
            rows = Place.objects.values_list(
                "id", "slug", "name", "name_en", "kind", "parent_id", "latitude", "longitude",
            )
        self.by_pk = {row[0]: PlaceInfo(*row) for row in rows}
        self.by_slug = {p.slug: p for p in self.by_pk.values()}
        self.children = {}
        for p in self.by_pk.values():
            self.children.setdefault(p.parent_id, []).append(p)

    def _parent(self, place):
        return self.by_pk.get(place.parent_id) if place.parent_id is not None else None

    def ancestors(self, slug):
        """Slugs of the places ``slug`` lies in, nearest first (cycle-safe)."""
        place = self.by_slug.get(slug)
        if place is None:
            return []
        return [p.slug for p in ancestor_chain(place, self._parent, key=lambda p: p.pk)]

    def descendants(self, slug):
        """Slugs of every place inside ``slug`` (not ``slug`` itself)."""
        root = self.by_slug.get(slug)
        if root is None:
            return set()
        out, stack = set(), [root.pk]
        while stack:
            for child in self.children.get(stack.pop(), []):
                if child.slug not in out and child.slug != slug:
                    out.add(child.slug)
                    stack.append(child.pk)
        return out


class Gazetteer:
    """The entities of each filter by slug (model instances, never changed by
    a page) and the place hierarchy."""

    def __init__(self):
        rows = {name: list(model.objects.all()) for name, model in MODELS.items()}
        self.entities = {name: {e.slug: e for e in entities} for name, entities in rows.items()}
        self.by_pk = {name: {e.pk: e for e in entities} for name, entities in rows.items()}
        self.places = Places()

    def named(self, filter_name, slugs):
        """{slug: entity} for the ``slugs`` the gazetteer holds (a slug renamed
        or deleted since indexing is left out)."""
        known = self.entities.get(filter_name, {})
        return {slug: known[slug] for slug in slugs if slug in known}


_lock = threading.Lock()
_kept = (None, None)  # (the alias index it was read with, the Gazetteer)


def current():
    """This process's Gazetteer, read again after any change to the gazetteer."""
    global _kept
    from archive.gazetteer import get_alias_index

    generation = get_alias_index()
    with _lock:
        kept_generation, kept = _kept
    if kept is not None and kept_generation is generation:
        return kept
    fresh = Gazetteer()
    with _lock:
        _kept = (generation, fresh)
    return fresh


def current_places():
    return current().places
