"""An entity page's parameters: the search page's, newest first by default."""
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode

from archive.models import Force, Outlet, Place, Speaker
from archive.search.params import SearchParams

# An entity page's kind, as in its URL -> (model, the filter it is)

KINDS = {
    "place": (Place, "location"),
    "force": (Force, "force"),
    "speaker": (Speaker, "speaker"),
    "source": (Outlet, "source"),
}


@dataclass
class EntityParams(SearchParams):
    """SearchParams whose default order is newest first (an entity page's).

    ``to_query`` leaves ``sort=newest`` out (it is the default here) and
    writes ``sort=relevance`` when that was chosen.
    """

    sort: str = "newest"

    def to_query(self, **changes):
        p = replace(self, **changes)
        plain = SearchParams.to_query(replace(p, sort="relevance" if p.sort == "newest" else p.sort))
        pairs = parse_qsl(plain, keep_blank_values=True)
        if p.sort == "relevance":
            pairs.insert(_sort_position(pairs), ("sort", "relevance"))
        return urlencode(pairs)

    @classmethod
    def from_request(cls, data):
        plain = SearchParams.from_querydict(data)
        params = cls(**{f: getattr(plain, f) for f in plain.__dataclass_fields__})
        if not (data.get("sort") or "").strip():
            params.sort = "newest"
        return params

    def as_search_params(self):
        return SearchParams(**{f: getattr(self, f) for f in self.__dataclass_fields__})


def _sort_position(pairs):
    """Where ``sort`` goes in a query string: before page_size, expand and page."""
    for i, (key, _value) in enumerate(pairs):
        if key in ("page_size", "expand", "page"):
            return i
    return len(pairs)

