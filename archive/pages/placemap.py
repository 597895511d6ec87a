"""The map: the matching places as markers sized by count, drawn as SVG on the server.

The markers lie over the shipped outline of Iraq and Syria
(``static/map/iraq-syria.json``, Natural Earth, public domain), each a link
that filters by that place, with a list as its text alternative. Names are
placed where they run into no other name or marker, one set for a wide
screen and one for a phone.
"""
import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from archive.pages.places import PlaceLinks, current_places
from archive.pages.timeline import TOUCH_TARGET

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
    places = places or current_places()
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
    links = PlaceLinks(params, base_url, places)
    top = max((counted[p.slug] for p in drawable), default=1)
    markers = []
    for p in drawable:
        cx, cy = project(p.longitude, p.latitude)
        r = (4.5 + 19.0 * math.sqrt(counted[p.slug] / top)) * zoom
        if p.kind != "governorate":
            r *= 0.8  # a dot inside its governorate's ring when they share a position
        markers.append(Marker(
            slug=p.slug, name=p.name, name_en=p.name_en, kind=p.kind, count=counted[p.slug],
            url=links.toggle(p.slug),
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


