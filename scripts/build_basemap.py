"""Build the web UI's world basemap (GeoJSON, longitude/latitude, for the ECharts map) from
world-atlas's countries-110m.json (Natural Earth 1:110m, TopoJSON).

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_basemap.py package/countries-110m.json src/newsgraph/web/static/world-110m.geo.json

The TopoJSON arcs are decoded here (delta-encoded, quantised), so no JavaScript tool is needed.
Antarctica is left out (no event is coded there and it takes a fifth of the map). Coordinates are
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


def countries(topo: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topo)
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name", "")
        if name in LEFT_OUT or geom["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        coords = [[[list(p) for p in ring(arcs, r)] for r in poly] for poly in polys]
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
