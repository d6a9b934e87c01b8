"""Places: accuracy on the development gold places, and the share of WiNER Location gold mentions
resolved to a gazetteer entry or a country, on the 38 geopolitics articles and on all articles.

    python bench/places.py [--gold PATH] [--corpus PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from _common import SHARED, gold_text, read_ann, winer_dir, winer_ids, winer_paths


def location_coverage(ids, corpus) -> tuple[int, int, list[str]]:
    from newsgraph.text import norm
    from newsgraph.gazetteer import gazetteer

    g = gazetteer()
    found = total = 0
    missing = []
    for doc_id in ids:
        _, ann = winer_paths(corpus, doc_id)
        for kind, _s, _e, text in read_ann(ann):
            if kind != "Location":
                continue
            total += 1
            if g.lookup(text) is not None or g.lookup(norm(text).replace("la ", "", 1)) is not None:
                found += 1
            else:
                missing.append(text)
    return found, total, missing


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(SHARED / "gold"))
    ap.add_argument("--corpus")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    from newsgraph.ingest.readers import read_path
    from newsgraph.pipeline.runner import get_pipeline

    corpus = winer_dir(args.corpus)
    pipeline = get_pipeline()
    ok = total = 0
    for path in sorted(Path(args.gold).glob("*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        if not gold.get("places"):
            continue
        (rec,) = list(read_path(gold_text(gold["doc"], corpus)))
        doc = pipeline.run(rec)
        ours = {p.name: p for p in doc.places}
        for gp in gold["places"]:
            total += 1
            p = ours.get(gp["name"])
            good = p is not None and p.country == gp["country"] and (gp["geonameid"] is None or p.geonameid == gp["geonameid"])
            ok += good
            if not good:
                print(f"  {gold['doc']}: {gp['name']} -> {(p.country, p.geonameid) if p else 'not found'}, gold {gp['country']} {gp['geonameid']}")
    print(f"development gold places: {ok}/{total} right")
    for name, ids in (("geopolitics (38)", winer_ids(corpus, True)), ("all", winer_ids(corpus, False)[: args.limit])):
        found, n, missing = location_coverage(ids, corpus)
        print(f"WiNER Location mentions resolved, {name}: {found}/{n} = {found / max(n, 1):.3f}")
        if name.startswith("geo"):
            print("  unresolved: " + ", ".join(sorted(set(missing))[:60]))


if __name__ == "__main__":
    main()
