"""Build the web UI's world basemap (GeoJSON, longitude/latitude, for the ECharts map) from
world-atlas's countries-110m.json (Natural Earth 1:110m, TopoJSON).

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_basemap.py package/countries-110m.json src/newsgraph/web/static/world-110m.geo.json

The TopoJSON arcs are decoded here (delta-encoded, quantised), so no JavaScript tool is needed.
Antarctica is left out (no event is coded there and it takes a fifth of the map); rings that cross
the antimeridian (Russia, Fiji) are split in two, so that no band is drawn across the map. Coordinates are
rounded to 0.01 degree. Natural Earth data is in the public domain; world-atlas (the TopoJSON
packaging) is ISC-licensed (licence in src/newsgraph/web/static/LICENSE.world-atlas).
"""

from __future__ import annotations

import json
import sys
from typing import Any

Ring = list[tuple[float, float]]
LEFT_OUT = {"Antarctica"}


def decode_arcs(topo: dict[str, Any]) -> list[Ring]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def ring(arcs: list[Ring], indices: list[int]) -> Ring:
    """One closed ring from arc indices (a negative index ~i is arc i reversed)."""
    out: Ring = []
    for i in indices:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts if not out else pts[1:])
    return out


def clip(points: Ring, x: float, keep_below: bool) -> Ring:
    """Sutherland-Hodgman: the part of a closed ring on one side of the meridian x."""
    inside = (lambda p: p[0] <= x) if keep_below else (lambda p: p[0] >= x)
    out: Ring = []
    for i, cur in enumerate(points):
        prev = points[i - 1]
        if inside(cur) != inside(prev):
            t = (x - prev[0]) / (cur[0] - prev[0])
            out.append((x, round(prev[1] + t * (cur[1] - prev[1]), 2)))
        if inside(cur):
            out.append(cur)
    return out


def split_at_antimeridian(points: Ring) -> list[Ring]:
    """A ring that crosses 180 degrees (Russia, Fiji) as two rings, one on each side, instead of a
    band drawn across the whole map."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in zip(points, points[1:])):
        return [points]
    unwrapped: Ring = [points[0]]
    for lon, lat in points[1:]:
        prev = unwrapped[-1][0]
        lon += 360 * round((prev - lon) / 360)
        unwrapped.append((lon, lat))
    east = min(p[0] for p in unwrapped) < -180
    shifted = [(lon + 360, lat) for lon, lat in unwrapped] if east else unwrapped
    parts = [clip(shifted, 180.0, True), clip([(lon - 360, lat) for lon, lat in shifted], -180.0, False)]
    return [p + [p[0]] for p in parts if len(p) >= 3]


def countries(topo: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topo)
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name", "")
        if name in LEFT_OUT or geom["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        coords = []
        for poly in polys:
            rings = [ring(arcs, r) for r in poly]
            outer = split_at_antimeridian(rings[0])
            if len(outer) == 1:
                coords.append([[list(p) for p in r] for r in rings])
            else:  # the holes of a split ring are dropped (none at this scale)
                coords += [[[list(p) for p in part]] for part in outer]
        features.append({"type": "Feature", "id": geom.get("id"), "properties": {"name": name},
                         "geometry": {"type": "MultiPolygon", "coordinates": coords}})
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        geo = countries(json.load(f))
    text = json.dumps(geo, separators=(",", ":"))
    with open(dst, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{dst}: {len(geo['features'])} countries, {len(text)} bytes")


if __name__ == "__main__":
    main()
