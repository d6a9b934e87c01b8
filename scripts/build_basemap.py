"""Build the web UI's world basemap (an SVG, equirectangular) from world-atlas's countries-110m.json.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_basemap.py package/countries-110m.json src/newsgraph/web/static/world-110m.svg

Natural Earth data is in the public domain; world-atlas (TopoJSON packaging) is ISC-licensed
(licence in src/newsgraph/web/static/LICENSE.world-atlas).
"""

from __future__ import annotations

import json
import sys

WIDTH, HEIGHT = 1000, 500


def decode(topo: dict) -> list[tuple[str, list[list[tuple[float, float]]]]]:
    scale = topo["transform"]["scale"]
    translate = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indices:
            pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            out.extend(pts if not out else pts[1:])
        return out

    shapes = []
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name", "")
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]] if geom["type"] == "Polygon" else []
        rings = [ring(r) for poly in polys for r in poly]
        shapes.append((name, rings))
    return shapes


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180) / 360 * WIDTH, (90 - lat) / 180 * HEIGHT


def path_of(points: list[tuple[float, float]]) -> str:
    """An SVG path for a ring; a jump across the antimeridian starts a new sub-path instead of a line."""
    out = []
    prev = None
    for x, y in points:
        if prev is None or abs(x - prev[0]) > WIDTH / 2:
            out.append(f"M{x:.1f},{y:.1f}")
        else:
            out.append(f"L{x:.1f},{y:.1f}")
        prev = (x, y)
    return "".join(out)


def main() -> None:
    src, dst = sys.argv[1], sys.argv[2]
    shapes = decode(json.load(open(src, encoding="utf-8")))
    paths = []
    for name, rings in shapes:
        d = " ".join(path_of([project(*p) for p in r]) for r in rings if r)
        paths.append(f'<path class="country" d="{d}"><title>{name}</title></path>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" id="basemap">'
           f'<rect width="{WIDTH}" height="{HEIGHT}" class="sea"/>' + "".join(paths) + "</svg>")
    open(dst, "w", encoding="utf-8").write(svg)
    print(f"{dst}: {len(shapes)} countries, {len(svg)} bytes")


if __name__ == "__main__":
    main()
