"""Browsing the archive: entity pages, the place tree, the timeline and the map.

Entity pages (``/places/<slug>/``, ``/forces/<slug>/``, ``/speakers/<slug>/``,
``/sources/<slug>/``) are the search page scoped to one place, force, speaker
or outlet: they run ``archive.search.engine.search`` with the entity's filter
added to the page's own query-string filters, newest first by default, and
show the same facets, timeline and map. The URL carries only the page's own
filters; the entity is in the path.

A filter of the entity's own kind cannot be ANDed with the entity by the
engine (values of one filter match *any* of them), so on a place page a
``location`` value narrows only to a place inside that place (the place tree
and the map link to those); on the other pages a second value of the same kind
is left out, with a notice.

The helpers build plain values for the templates:

* :func:`place_tree` — the place facet as a hierarchy (country › region or
  governorate › district, city or site), from the facet counts (which already
  include every ancestor of a tagged place, so a node's count is the count of
  the search its link runs) and the gazetteer's parents, limited to the
  branches with matches.
* :func:`timeline_chart` — one bar per month from the first to the last month
  with matches, each a link that sets ``date_from``/``date_to`` to that month,
  drawn as SVG on the server, with a table as its text alternative.
* :func:`place_map` — the matching places as markers sized by count over the
  shipped outline of Iraq and Syria (``static/map/iraq-syria.json``, Natural
  Earth, public domain), each a link that filters by that place, with a list
  as its text alternative.

Everything is rendered on the server: the pages work without JavaScript and
under a Content-Security-Policy that forbids inline script and style (SVG
geometry is given as attributes, colours come from classes in browse.css).
"""
import calendar
import json
import math
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from archive.models import Force, Outlet, Place, Speaker
from archive.search import highlight as hl
from archive.page_state import chips, highlight_qs, options_open, page_links
from archive.search.engine import calendar_month, labelled_facets, search
from archive.search.params import BadParameter, SearchParams, query_data
from archive.templatetags.archive_tags import format_date

# kind in the URL -> (model, the filter it is)
KINDS = {
    "place": (Place, "location"),
    "force": (Force, "force"),
    "speaker": (Speaker, "speaker"),
    "source": (Outlet, "source"),
}
#: Place kinds drawn as markers on the map: a country or a region is an area
#: the outline already shows, and its count would swallow every other marker.
MARKER_KINDS = ("governorate", "district", "city", "site")
#: The outline's countries, by the gazetteer's slug.
COUNTRY_ISO = {"iraq": "IRQ", "syria": "SYR"}
MAP_LABELS = 12
#: On a phone: fewer names, each about NARROW_LABEL_PX high on a map NARROW_MAP_PX wide.
MAP_LABELS_NARROW = 6
NARROW_LABEL_PX = 12
NARROW_MAP_PX = 300  # a 320–390 px phone, less the page's margins and the box's padding
ALONGSIDE_LIMIT = 8


# ---------------------------------------------------------------------------
# Parameters of an entity page
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# The gazetteer's places, read once per request
# ---------------------------------------------------------------------------

@dataclass
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

    def __init__(self):
        rows = Place.objects.values_list(
            "id", "slug", "name", "name_en", "kind", "parent_id", "latitude", "longitude",
        )
        self.by_pk = {row[0]: PlaceInfo(*row) for row in rows}
        self.by_slug = {p.slug: p for p in self.by_pk.values()}
        self.children = {}
        for p in self.by_pk.values():
            self.children.setdefault(p.parent_id, []).append(p)

    def ancestors(self, slug):
        """Slugs of the places ``slug`` lies in, nearest first (cycle-safe)."""
        out, seen = [], set()
        place = self.by_slug.get(slug)
        while place is not None and place.parent_id is not None and place.parent_id not in seen:
            seen.add(place.parent_id)
            place = self.by_pk.get(place.parent_id)
            if place is not None:
                out.append(place.slug)
        return out

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


def toggle_place(params, slug, places):
    """``params`` with place ``slug`` chosen, or unchosen if it was.

    Choosing a place drops the chosen places that contain it or lie inside it:
    in the tree a click on Muqdadiyah under a chosen Diyala narrows to
    Muqdadiyah, and a click on Diyala under a chosen Muqdadiyah widens to
    Diyala (values of one filter match any of them, so keeping both would
    leave the result as it was).
    """
    current = list(params.location)
    if slug in current:
        values = [v for v in current if v != slug]
    else:
        above = set(places.ancestors(slug))
        values = [v for v in current if v not in above and slug not in places.ancestors(v)] + [slug]
    return replace(params, location=values, page=1)


# ---------------------------------------------------------------------------
# The place tree
# ---------------------------------------------------------------------------

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

    ``counts``: slug -> count (``outcome.facets["location"]`` before labelling;
    it includes the ancestors of every tagged place). Only places with a count
    appear, so the tree is collapsed to the branches with matches. ``root``: a
    place slug whose subtree is wanted (a place page): its children are the
    top level. A node is ``open`` (its places shown) when it or a place inside
    it is chosen, so a choice can be narrowed, and at the top level of the
    whole tree (the countries show their governorates).
    """
    places = places or Places()
    counted = {slug: n for slug, n in (counts or {}).items() if n and slug in places.by_slug}
    chosen = set(params.location)

    def build(info, depth):
        node = TreeNode(
            slug=info.slug, name=info.name, name_en=info.name_en, kind=info.kind,
            count=counted[info.slug], selected=info.slug in chosen, depth=depth,
            toggle_url=base_url + "?" + toggle_place(params, info.slug, places).to_query(),
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
        starts = [p for slug, p in places.by_slug.items() if slug in counted
                  and (p.parent_id is None or places.by_pk.get(p.parent_id) is None
                       or places.by_pk[p.parent_id].slug not in counted)]
    return [build(p, 0) for p in _ranked(starts, counted)]


def _ranked(infos, counted):
    return sorted(infos, key=lambda p: (-counted[p.slug], p.name))


# ---------------------------------------------------------------------------
# The timeline
# ---------------------------------------------------------------------------

@dataclass
class Bar:
    month: str          # YYYY-MM (YYYY-MM-DD on a month's days)
    label: str          # "تموز 2020" ("7 تموز 2020")
    count: int
    url: str
    selected: bool
    x: float            # percent of the chart's width
    width: float        # percent
    y: float            # px from the top
    height: float       # px
    hit_x: float = 0.0      # the whole month's slot: the link's target
    hit_width: float = 0.0
    hit_y: float = 0.0
    hit_height: float = 0.0


@dataclass
class Timeline:
    bars: list
    rows: list          # bars with a count, for the table
    years: list         # (x percent, "2020", text-anchor)
    total: int          # articles in the bars
    undated: int        # matches with no month-precise date
    peak: object        # the Bar with the most articles
    peak_unique: bool   # no other month has as many
    first: str
    last: str
    height: int
    baseline: float
    clear_url: str      # the same search without its date range ("" if none)
    year_y: float = 0.0
    touch_width: int = 0  # px: every bar TOUCH_TARGET wide, the chart scrolls on a phone
    peak_x: float = 0.0
    peak_y: float = 0.0
    peak_anchor: str = "middle"
    unit: str = "month"     # "day": a month's days
    month_label: str = ""   # the month whose days these are
    month_url: str = ""     # the same search over that whole month ("" when it is that already)


CHART_HEIGHT = 142
CHART_TOP = 18
CHART_BASELINE = 116
#: The least width, in CSS pixels, a finger can hit (WCAG 2.5.8's target size): on a
#: phone a month's bar is never narrower, and a long timeline scrolls sideways.
TOUCH_TARGET = 24


def _months(first, last):
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    while (y, m) <= (ly, lm):
        yield f"{y:04d}-{m:02d}"
        m += 1
        if m == 13:
            y, m = y + 1, 1


def month_range(month):
    y, m = int(month[:4]), int(month[5:7])
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def timeline_chart(months, params, base_url, total=None, rtl=None, days=None):
    """Bars for ``months`` ([(YYYY-MM, count)], as ``Outcome.timeline``); None if empty.

    Every month from the first to the last with matches gets a bar (empty
    months too, so time runs evenly). Positions are percentages of the width
    and pixels of the height: the chart stretches to any width while its
    lettering keeps its size. Right to left on a right-to-left page, as the
    page reads. A bar's link narrows the search to its month; on the month
    already chosen, it clears the range.

    A search within one month (a month picked from the timeline) and its
    ``days`` ([(YYYY-MM-DD, count)] over that whole month, ``Outcome.days``)
    get the month's days instead: a day's link narrows to that day, the chosen
    day's link goes back to the month, and ``clear_url`` back to every month.
    """
    rtl = get_language_bidi() if rtl is None else rtl
    month = calendar_month(params)
    if month and days is not None:
        chart = _day_chart(month, days, params, base_url, total, rtl)
        if chart is not None:
            return chart
        # No match of that month is dated to the day: the months, the chosen one marked.
    counts = {m: n for m, n in months if n}
    if not counts:
        return None
    keys = sorted(counts)
    slots = []
    for key in _months(keys[0], keys[-1]):
        start, end = month_range(key)
        selected = params.date_from == start and params.date_to == end
        target = (None, None) if selected else (start, end)
        slots.append((key, format_date(start, "month"), counts.get(key, 0), selected, target,
                      key[:4] if key.endswith("-01") else None))
    chart = _chart(slots, params, base_url, total, rtl)
    # Year labels: the first month's year too, unless it is squeezed against the next.
    first_centre = chart.bars[0].hit_x + chart.bars[0].hit_width / 2
    years = [(round(first_centre, 3), keys[0][:4], _anchor(first_centre))] + chart.years
    if len(years) > 1 and (years[1][1] == years[0][1] or abs(years[0][0] - years[1][0]) < 7):
        years = years[1:]
    # At most about ten, so they never run into each other.
    step = max(1, math.ceil(len(years) / 10))
    chart.years = years[::step]
    chart.first = format_date(month_range(keys[0])[0], "month")
    chart.last = format_date(month_range(keys[-1])[0], "month")
    return chart


def _day_chart(month, days, params, base_url, total, rtl):
    first, last = month
    counts = {d: n for d, n in days if n}
    whole_month = params.date_from == first and params.date_to == last
    slots = []
    for number in range(1, last.day + 1):
        day = first.replace(day=number)
        key = day.isoformat()
        selected = params.date_from == day and params.date_to == day
        # The chosen day's bar goes back to the whole month.
        target = (first, last) if selected else (day, day)
        label = str(number) if number == 1 or number % 5 == 0 else None
        slots.append((key, format_date(day, "day"), counts.get(key, 0), selected, target, label))
    chart = _chart(slots, params, base_url, total, rtl)
    if chart is None:
        return None
    chart.unit = "day"
    chart.month_label = format_date(first, "month")
    chart.month_url = "" if whole_month else base_url + "?" + params.to_query(date_from=first, date_to=last, page=1)
    chart.first, chart.last = format_date(first, "day"), format_date(last, "day")
    return chart


def _chart(slots, params, base_url, total, rtl):
    """The bars of ``slots`` — (key, label, count, selected, (date_from, date_to) of its
    link, axis label or None) in time order — right to left on a right-to-left page."""
    n = len(slots)
    top = max([count for _k, _l, count, _s, _t, _a in slots] + [1])
    slot = 100.0 / n
    gap = min(slot * 0.18, 0.6) if n > 1 else slot * 0.3
    # A bar is never wider than 1/30 of the chart: a few bars must not look like a wall.
    width = min(slot - gap, 100.0 / 30)
    bars, axis = [], []
    for i, (key, label, count, selected, (date_from, date_to), axis_label) in enumerate(slots):
        query = params.to_query(date_from=date_from, date_to=date_to, page=1)
        height = 0.0 if not count else max(2.0, (CHART_BASELINE - CHART_TOP) * count / top)
        x = (n - 1 - i) * slot if rtl else i * slot
        bars.append(Bar(
            month=key, label=label, count=count, url=base_url + "?" + query, selected=selected,
            x=round(x + (slot - width) / 2, 3), width=round(width, 3),
            y=round(CHART_BASELINE - height, 1), height=round(height, 1),
            hit_x=round(x, 3), hit_width=round(slot, 3),
            hit_y=CHART_TOP, hit_height=CHART_BASELINE - CHART_TOP,
        ))
        if axis_label:
            centre = x + slot / 2
            axis.append((round(centre, 3), axis_label, _anchor(centre)))
    shown = sum(b.count for b in bars)
    if not shown:
        return None
    peak = max(bars, key=lambda b: b.count)
    peak_centre = peak.x + peak.width / 2
    clear_url = ""
    if params.date_from or params.date_to:
        clear_url = base_url + "?" + params.to_query(date_from=None, date_to=None, page=1)
    return Timeline(
        bars=bars, rows=[b for b in bars if b.count], years=axis, total=shown,
        undated=max(0, (total or 0) - shown), peak=peak,
        peak_unique=sum(1 for b in bars if b.count == peak.count) == 1,
        first="", last="",
        height=CHART_HEIGHT, baseline=CHART_BASELINE, clear_url=clear_url,
        year_y=CHART_HEIGHT - 6, touch_width=n * TOUCH_TARGET, peak_x=round(peak_centre, 3),
        peak_y=round(peak.y - 5, 1), peak_anchor=_anchor(peak_centre),
    )


def _anchor(x_percent):
    """Text anchored so a label near an edge of the chart stays inside it."""
    if x_percent < 3:
        return "start"
    if x_percent > 97:
        return "end"
    return "middle"


# ---------------------------------------------------------------------------
# The map
# ---------------------------------------------------------------------------

MAP_WIDTH = 1000.0


@dataclass
class Projection:
    """Longitude/latitude to SVG user units: linear (equirectangular), with the
    longitude scaled by the cosine of the map's middle latitude so shapes keep
    their proportions at these latitudes."""

    west: float
    south: float
    east: float
    north: float

    @property
    def kx(self):
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self):
        return MAP_WIDTH / ((self.east - self.west) * self.kx)

    @property
    def height(self):
        return (self.north - self.south) * self.scale

    def __call__(self, lon, lat):
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale


OUTLINE = Path(settings.BASE_DIR) / "static" / "map" / "iraq-syria.json"


@lru_cache(maxsize=1)
def outline():
    """The shipped outline projected once per process: SVG path data by kind."""
    with open(OUTLINE, encoding="utf-8") as handle:
        data = json.load(handle)
    project = Projection(*data["bbox"])
    shapes = {"neighbour": [], "country": [], "lake": [], "admin1": []}
    extents = {}
    for feature in data["features"]:
        kind = feature["properties"]["kind"]
        geometry = feature["geometry"]
        if geometry["type"] == "MultiPolygon":
            rings = [ring for polygon in geometry["coordinates"] for ring in polygon]
            d = _path(rings, project, closed=True)
        else:
            d = _path(geometry["coordinates"], project, closed=False)
        if kind == "country":
            iso = feature["properties"].get("iso", "")
            shapes["country"].append((iso, d))
            xy = [project(lon, lat) for ring in rings for lon, lat in ring]
            extents[iso] = [(min(x for x, _y in xy), min(y for _x, y in xy)),
                            (max(x for x, _y in xy), max(y for _x, y in xy))]
        elif kind in shapes:
            shapes[kind].append(d)
    return {
        "projection": project,
        "width": MAP_WIDTH,
        "height": round(project.height, 1),
        "neighbours": " ".join(shapes["neighbour"]),
        "countries": shapes["country"],
        "lakes": " ".join(shapes["lake"]),
        "admin1": " ".join(shapes["admin1"]),
        "extents": extents,
    }


def _path(lines, project, closed):
    """Path data in tenths of a unit, relative moves after the first point (compact)."""
    out = []
    for line in lines:
        points = []
        for lon, lat in line:
            x, y = project(lon, lat)
            p = (round(x * 10), round(y * 10))
            if not points or points[-1] != p:
                points.append(p)
        if closed and len(points) > 1 and points[0] == points[-1]:
            points.pop()
        if len(points) < 2:
            continue
        (x0, y0), parts = points[0], []
        parts.append(f"M{_n(x0)} {_n(y0)}l")
        deltas = []
        for (ax, ay), (bx, by) in zip(points, points[1:]):
            deltas.append(f"{_n(bx - ax)} {_n(by - ay)}")
        parts.append(" ".join(deltas))
        if closed:
            parts.append("z")
        out.append("".join(parts))
    return "".join(out)


def _n(tenths):
    return f"{tenths / 10:g}"


@dataclass
class Marker:
    slug: str
    name: str
    name_en: str
    kind: str
    count: int
    url: str
    selected: bool
    cx: float
    cy: float
    r: float
    labelled: bool = False
    label_x: float = 0.0
    label_y: float = 0.0
    hit_r: float = 0.0      # the circle a finger hits: never under TOUCH_TARGET across on a phone


@dataclass
class MapLabel:
    """A place's name on the map, for one width of screen (``wide`` or ``narrow``)."""
    marker: Marker
    x: float
    y: float


@dataclass
class PlaceMap:
    view_box: str
    width: float
    height: float
    outline: dict
    markers: list       # drawing order: largest first, so small ones stay clickable
    listed: list        # the same markers, most named first (the text alternative)
    focus: object       # a Marker for the page's own place, or None
    unplaced: int       # places with matches but no coordinates
    font: float
    labels: list        # (x, y, text-key) of the country names
    zoomed: bool
    focus_dot: float = 0.0
    focus_font: float = 0.0
    focus_iso: str = ""     # a country page: its outline is the one marked
    focus_name: object = None
    narrow_labels: list = field(default_factory=list)  # MapLabels at a phone's size
    narrow_font: float = 0.0


def place_map(counts, params, base_url, places=None, focus=None, within=None):
    """Markers for the places in ``counts`` over the outline; None if no place can be drawn.

    ``focus``: a place slug to centre on and mark (a place page), zooming to
    it and the places under it. ``within``: only these slugs get markers.
    """
    places = places or Places()
    shape = outline()
    project = shape["projection"]
    counted = {s: n for s, n in (counts or {}).items() if n and s in places.by_slug}
    chosen = set(params.location)
    candidates = [places.by_slug[s] for s in counted
                  if places.by_slug[s].kind in MARKER_KINDS and (within is None or s in within)]
    drawable = [p for p in candidates if p.latitude is not None and p.longitude is not None]
    unplaced = len(candidates) - len(drawable)

    focus_info = places.by_slug.get(focus) if focus else None
    focus_iso = COUNTRY_ISO.get(focus) if focus_info is not None and focus_info.kind == "country" else ""
    vx, vy, vw, vh = 0.0, 0.0, MAP_WIDTH, shape["height"]
    if focus_iso and focus_iso in shape["extents"]:
        vx, vy, vw, vh = _fit(shape["extents"][focus_iso], vw, vh, project.scale, margin=0.25)
    elif focus_info is not None:
        inside = [places.by_slug[s] for s in places.descendants(focus)]
        pts = [p for p in [focus_info, *inside] if p.latitude is not None and p.longitude is not None]
        if pts:
            vx, vy, vw, vh = _fit([project(p.longitude, p.latitude) for p in pts], vw, vh, project.scale)
    zoomed = vw < MAP_WIDTH - 1
    if not drawable and (focus_info is None or focus_info.latitude is None) and not focus_iso:
        return None

    zoom = vw / MAP_WIDTH
    top = max((counted[p.slug] for p in drawable), default=1)
    markers = []
    for p in drawable:
        cx, cy = project(p.longitude, p.latitude)
        r = (4.5 + 19.0 * math.sqrt(counted[p.slug] / top)) * zoom
        if p.kind != "governorate":
            r *= 0.8  # a dot inside its governorate's ring when they share a position
        markers.append(Marker(
            slug=p.slug, name=p.name, name_en=p.name_en, kind=p.kind, count=counted[p.slug],
            url=base_url + "?" + toggle_place(params, p.slug, places).to_query(),
            selected=p.slug in chosen, cx=round(cx, 1), cy=round(cy, 1), r=round(r, 2),
        ))
    listed = sorted(markers, key=lambda m: (-m.count, m.name))

    font = round(17 * zoom, 2)
    focus_marker = None
    placed = []
    if focus_info is not None and focus_info.latitude is not None and not focus_iso:
        cx, cy = project(focus_info.longitude, focus_info.latitude)
        focus_marker = Marker(
            slug=focus_info.slug, name=focus_info.name, name_en=focus_info.name_en,
            kind=focus_info.kind, count=counted.get(focus_info.slug, 0), url="", selected=False,
            cx=round(cx, 1), cy=round(cy, 1), r=round(11 * zoom, 2),
        )
        focus_marker.label_y = round(cy - focus_marker.r - 6 * zoom, 1)
        placed.append(_label_box(focus_marker.name, cx, focus_marker.label_y, 21 * zoom))
        placed.append((cx - focus_marker.r, cy - focus_marker.r, cx + focus_marker.r, cy + focus_marker.r))
    # Names on the map for the most named places (chosen ones first): one set
    # for wide screens, and one with fewer, larger names for a phone, where the
    # wide set's lettering would be a few pixels high.
    circles = [(m.cx - m.r, m.cy - m.r, m.cx + m.r, m.cy + m.r) for m in markers]
    view = (vx, vy, vw, vh)
    for label in _place_names(listed, circles, list(placed), font, MAP_LABELS, view):
        label.marker.labelled, label.marker.label_x, label.marker.label_y = True, label.x, label.y
    narrow_font = round(NARROW_LABEL_PX * vw / NARROW_MAP_PX, 2)
    narrow_labels = _place_names(listed, circles, list(placed), narrow_font, MAP_LABELS_NARROW, view)
    # A fingertip's circle around each marker, in the map's own units at a phone's width.
    touch_r = TOUCH_TARGET / 2 * vw / NARROW_MAP_PX
    for m in markers:
        m.hit_r = round(max(m.r, touch_r), 2)

    labels = []
    if not zoomed:
        for key, (lon, lat) in (("iraq", (42.6, 31.2)), ("syria", (37.9, 33.75))):
            x, y = project(lon, lat)
            labels.append((round(x, 1), round(y, 1), key))
    return PlaceMap(
        view_box=f"{vx:.1f} {vy:.1f} {vw:.1f} {vh:.1f}", width=vw, height=vh,
        outline=shape, markers=sorted(markers, key=lambda m: -m.r), listed=listed,
        focus=focus_marker, unplaced=unplaced, font=font, labels=labels, zoomed=zoomed,
        focus_dot=round(4 * zoom, 2), focus_font=round(21 * zoom, 2), focus_iso=focus_iso,
        focus_name=focus_info if focus_info is not None else None,
        narrow_labels=narrow_labels, narrow_font=narrow_font,
    )


def _place_names(listed, circles, placed, font, most, view):
    """MapLabels for up to ``most`` markers of ``listed`` (the chosen ones first), each
    below, above or beside its marker wherever it runs into no other name, no other
    marker and not out of the map; the list beside the map has every name."""
    vx, vy, vw, vh = view
    labels = []
    for m in sorted(listed, key=lambda m: not m.selected):
        if len(labels) >= most:
            break
        half = _label_box(m.name, 0, 0, font)[2]
        gap = font * 0.35
        spots = (
            (m.cx, m.cy + m.r + font * 0.95),
            (m.cx, m.cy - m.r - font * 0.35),
            (m.cx + m.r + gap + half, m.cy + font * 0.35),
            (m.cx - m.r - gap - half, m.cy + font * 0.35),
        )
        own = (m.cx - m.r, m.cy - m.r, m.cx + m.r, m.cy + m.r)
        for x, y in spots:
            box = _label_box(m.name, x, y, font)
            if box[0] < vx or box[2] > vx + vw or box[1] < vy or box[3] > vy + vh:
                continue
            if any(_overlap(box, other) for other in placed):
                continue
            if any(_overlap(box, c) for c in circles if c != own):
                continue
            labels.append(MapLabel(marker=m, x=round(x, 1), y=round(y, 1)))
            placed.append(box)
            break
    return labels


def _label_box(text, x, baseline, font):
    """The box a centred label takes, roughly (an Arabic letter is about half an em wide)."""
    half = max(2, len(text)) * font * 0.29
    return (x - half, baseline - font * 0.95, x + half, baseline + font * 0.3)


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _fit(points, full_w, full_h, scale, margin=0.45):
    """A view box around ``points`` with a margin (degrees), in the full map's proportions, inside it."""
    xs = [x for x, _y in points]
    ys = [y for _x, y in points]
    margin = margin * scale
    min_w = 2.6 * scale             # never closer than about two and a half degrees across
    w = max(max(xs) - min(xs) + 2 * margin, min_w)
    h = max(max(ys) - min(ys) + 2 * margin, min_w * full_h / full_w)
    ratio = full_w / full_h
    if w / h > ratio:
        h = w / ratio
    else:
        w = h * ratio
    if w >= full_w or h >= full_h:
        return 0.0, 0.0, full_w, full_h
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    x = min(max(0.0, cx - w / 2), full_w - w)
    y = min(max(0.0, cy - h / 2), full_h - h)
    return x, y, w, h


# ---------------------------------------------------------------------------
# Links to entity pages from the search page
# ---------------------------------------------------------------------------

def entity_links(params):
    """(label, url) of the entity page of every chosen place, force, speaker and outlet."""
    links = []
    for kind, (model, name) in KINDS.items():
        values = getattr(params, name)
        if values:
            for entity in model.objects.filter(slug__in=values):
                links.append((entity, reverse(f"archive:{kind}", args=[entity.slug])))
    return links


# ---------------------------------------------------------------------------
# Entity pages
# ---------------------------------------------------------------------------

def _scoped(params, kind, entity, places):
    """The parameters the engine runs, the page's own, and what was left out.

    The engine's get the entity's filter; the page's keep only the values of
    the entity's own kind that narrow it (places inside a place page's
    place). A place the page's place lies in is dropped silently (it changes
    nothing); any other value of that kind is dropped and reported.
    """
    _model, name = KINDS[kind]
    own = list(getattr(params, name))
    if kind == "place":
        inside = places.descendants(entity.slug)
        above = set(places.ancestors(entity.slug)) | {entity.slug}
        keep = [v for v in own if v in inside]
        dropped = [v for v in own if v not in inside and v not in above]
    else:
        keep = []
        dropped = [v for v in own if v != entity.slug]
    page_params = replace(params, **{name: keep})
    engine_params = replace(params.as_search_params(), **{name: keep or [entity.slug]})
    return engine_params, page_params, dropped


def _alongside(counts, exclude, model, kind, limit=ALONGSIDE_LIMIT):
    """The entities most often named in these articles, with their counts and page links."""
    ranked = [(slug, n) for slug, n in (counts or Counter()).most_common() if slug not in exclude and n]
    ranked = ranked[: limit * 2]
    entities = model.objects.in_bulk([s for s, _n in ranked], field_name="slug")
    out = []
    for slug, n in ranked:
        entity = entities.get(slug)
        if entity is not None:
            out.append((entity, n, reverse(f"archive:{kind}", args=[slug])))
        if len(out) >= limit:
            break
    return out


def _quote_spec(entity):
    """What to mark in a speaker's articles: every spelling of the speaker's name."""
    from archive.gazetteer import get_alias_index
    from archive.search.query import QueryBuilder, parse

    names = " OR ".join(f'"{n}"' for n in entity.all_names()[:12] if '"' not in n)
    if not names:
        return None
    from archive.search.indexing import current_reader

    builder = QueryBuilder("broad", True, get_alias_index(), current_reader())
    builder.build(parse(names))
    return builder.highlight


@require_GET
def entity_page(request, slug, kind):
    if kind not in KINDS:
        raise Http404()
    model, name = KINDS[kind]
    entity = get_object_or_404(model, slug=slug)
    base = reverse(f"archive:{kind}", args=[slug])
    places = Places()
    context = {
        "kind": kind,
        "entity": entity,
        "base_url": base,
        "filter_name": name,
        "sort_choices": [("newest", _("الأحدث")), ("oldest", _("الأقدم")), ("relevance", _("الأنسب"))],
        "page_size_choices": [(n, str(n)) for n in (10, 20, 50, 100)],
        "ancestors": [places.by_slug[s] for s in reversed(places.ancestors(slug))] if kind == "place" else [],
    }
    try:
        params, page_notices = EntityParams.for_page(query_data(request), parse=EntityParams.from_request)
    except BadParameter as error:
        context.update(params=EntityParams(q=request.GET.get("q", "")[:1000]), outcome=None,
                       error=error.page_message, chips=[], hidden_filters=[], pages=[])
        return render(request, "archive/entity.html", context, status=400)

    engine_params, params, dropped = _scoped(params, kind, entity, places)
    outcome = search(engine_params)
    if params.page > outcome.num_pages >= 1:
        return redirect(base + "?" + params.to_query(page=outcome.num_pages))
    raw = outcome.facets
    months = outcome.timeline
    # Links on the page carry the page's own filters, never the entity's.
    outcome.params = params

    notices = page_notices + list(outcome.notices)
    for value in dropped:
        other = model.objects.filter(slug=value).first()
        notices.append(_("لم يُطبَّق الفلتر «%(other)s»: هذه الصفحة لمقالات «%(entity)s» وحدها، وفلتر من النوع نفسه يوسّعها ولا يضيّقها. استعمل صفحة البحث للجمع بينهما.")
                       % {"other": other.name if other else value, "entity": entity.name})

    location_counts = raw.get("location", Counter())
    exclude_places = {slug} | set(places.ancestors(slug)) | places.descendants(slug) if kind == "place" else set()
    alongside = [
        ("places", _("أماكن"), _alongside(location_counts, exclude_places, Place, "place")),
        ("forces", _("قوات"), _alongside(raw.get("force"), {slug} if kind == "force" else set(), Force, "force")),
        ("speakers", _("متحدثون"), _alongside(raw.get("speaker"), {slug} if kind == "speaker" else set(), Speaker, "speaker")),
    ]
    alongside = [group for group in alongside if group[2]]

    tree = place_tree(location_counts, params, base, places, root=slug if kind == "place" else None)
    within = places.descendants(slug) if kind == "place" else None
    the_map = place_map(location_counts, params, base, places,
                        focus=slug if kind == "place" else None, within=within)
    timeline = timeline_chart(months, params, base, total=outcome.count, days=outcome.days)
    outcome.facets = labelled_facets(outcome, base)

    if kind == "speaker" and not params.q.strip():
        spec = _quote_spec(entity)
        for hit in outcome.hits:
            hit.snippet_html = hl.snippet(hit.article.body, spec)

    children = []
    if kind == "place":
        info = places.by_slug[slug]
        for child in sorted(places.children.get(info.pk, []), key=lambda p: (-location_counts.get(p.slug, 0), p.name)):
            children.append((child, location_counts.get(child.slug, 0), reverse("archive:place", args=[child.slug])))

    num_pages = outcome.num_pages
    search_link = reverse("archive:search") + "?" + engine_params.to_query(page=1)
    context.update(
        params=params,
        outcome=outcome,
        error=None,
        notices=notices,
        chips=chips(params, base),
        hidden_filters=[(n, v) for n, values in params.filters.items() for v in values],
        pages=page_links(params, num_pages, base) if num_pages > 1 else [],
        prev_url=base + "?" + params.to_query(page=params.page - 1) if params.page > 1 else None,
        next_url=base + "?" + params.to_query(page=params.page + 1) if params.page < num_pages else None,
        highlight_qs=highlight_qs(params),
        options_open=options_open(params, default_sort="newest"),
        place_tree=tree,
        timeline_chart=timeline,
        place_map=the_map,
        alongside=alongside,
        children=children,
        search_link=search_link,
        place_info=places.by_slug.get(slug) if kind == "place" else None,
        span=(timeline.first, timeline.last) if timeline else None,
    )
    outcome.suggestions = [(text, base + "?" + params.to_query(q=text, page=1)) for text, _qs in outcome.suggestions]
    return render(request, "archive/entity.html", context)


def place_page(request, slug):
    return entity_page(request, slug, "place")


def force_page(request, slug):
    return entity_page(request, slug, "force")


def speaker_page(request, slug):
    return entity_page(request, slug, "speaker")


def source_page(request, slug):
    return entity_page(request, slug, "source")
