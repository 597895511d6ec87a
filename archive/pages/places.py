"""The place hierarchy on a page: choosing a place, and the place tree.

The tree is the place facet as a hierarchy (country › region or governorate ›
district, city or site), from the facet counts (which already include every
ancestor of a tagged place, so a node's count is the count of the search its
link runs) and the gazetteer's parents, limited to the branches with matches.
"""
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from archive.entities import current_places


def toggled_places(current, slug, places):
    """The chosen places ``current`` with ``slug`` chosen, or unchosen if it was.

    Choosing a place drops the chosen places that contain it or lie inside it:
    in the tree a click on Muqdadiyah under a chosen Diyala narrows to
    Muqdadiyah, and a click on Diyala under a chosen Muqdadiyah widens to
    Diyala (values of one filter match any of them, so keeping both would
    leave the result as it was).
    """
    if slug in current:
        return [v for v in current if v != slug]
    above = set(places.ancestors(slug))
    return [v for v in current if v not in above and slug not in places.ancestors(v)] + [slug]


class PlaceLinks:
    """The page's address with other chosen places, back to page 1: what each node
    of the tree and each marker of the map links to.

    A tree or a map has hundreds of links that differ only in their places:
    the rest of the query string is encoded once (``to_query`` with a marker
    where the places go) and each link puts its places there.
    """

    MARKER = "zz-place-links-zz"

    def __init__(self, params, base_url, places):
        self.params, self.base_url, self.places = params, base_url, places
        parts = params.to_query(location=[self.MARKER], page=1).split("location=" + self.MARKER)
        self.around = (parts[0].rstrip("&"), parts[1].lstrip("&")) if len(parts) == 2 else None

    def url(self, values):
        if self.around is None:  # a to_query that does not keep the places together
            return self.base_url + "?" + replace(self.params, location=values, page=1).to_query()
        middle = urlencode([("location", v) for v in values])
        return self.base_url + "?" + "&".join(part for part in (self.around[0], middle, self.around[1]) if part)

    def toggle(self, slug):
        """The link that chooses place ``slug``, or unchooses it (``toggled_places``)."""
        return self.url(toggled_places(self.params.location, slug, self.places))


@dataclass
class TreeNode:
    slug: str
    name: str
    name_en: str
    kind: str
    count: int
    selected: bool = False
    toggle_url: str = ""
    children: list = field(default_factory=list)
    depth: int = 0
    open: bool = False

    @property
    def has_selection(self):
        return self.selected or any(c.has_selection for c in self.children)


def place_tree(counts, params, base_url, places=None, root=None):
    """The place facet as nested nodes, each with its count, most named first.

    ``counts``: slug -> count (``outcome.facets["location"]``; it includes the
    ancestors of every tagged place). Only places with a count appear, so the
    tree is collapsed to the branches with matches. ``root``: a place slug
    whose subtree is wanted (a place page): its children are the top level. A
    node is ``open`` (its places shown) when it or a place inside it is
    chosen, so a choice can be narrowed, and at the top level of the whole
    tree (the countries show their governorates).
    """
    places = places or current_places()
    counted = {slug: n for slug, n in (counts or {}).items() if n and slug in places.by_slug}
    chosen = set(params.location)
    links = PlaceLinks(params, base_url, places)

    def build(info, depth):
        node = TreeNode(
            slug=info.slug, name=info.name, name_en=info.name_en, kind=info.kind,
            count=counted[info.slug], selected=info.slug in chosen, depth=depth,
            toggle_url=links.toggle(info.slug),
        )
        kids = [c for c in places.children.get(info.pk, []) if c.slug in counted]
        node.children = [build(c, depth + 1) for c in _ranked(kids, counted)]
        node.open = (depth == 0 and root is None) or node.selected or any(c.has_selection for c in node.children)
        return node

    if root is not None:
        top = places.by_slug.get(root)
        if top is None:
            return []
        starts = [c for c in places.children.get(top.pk, []) if c.slug in counted]
    else:
        starts = [p for p in (places.by_slug[slug] for slug in counted)
                  if (p.parent_id is None or places.by_pk.get(p.parent_id) is None
                       or places.by_pk[p.parent_id].slug not in counted)]
    return [build(p, 0) for p in _ranked(starts, counted)]


def _ranked(infos, counted):
    return sorted(infos, key=lambda p: (-counted[p.slug], p.name))
