"""Named-entity scores (PER, LOC, ORG; strict spans) on WiNER-fr gold: newsgraph vs bare spaCy.

    python bench/ner_winer.py [--corpus PATH] [--limit N]

Runs the 38 geopolitics articles and all articles, side by side, in one run. newsgraph's mentions
come from the contract output (actors by kind, places), mapped back to raw offsets through the repairs.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from _common import offset_map, prf, read_ann, winer_dir, winer_ids, winer_paths

GOLD_LABEL = {"Person": "PER", "Location": "LOC", "Organization": "ORG"}
KIND_LABEL = {"person": "PER", "organization": "ORG", "group": "ORG", "country": "LOC"}


def newsgraph_spans(doc, raw: str) -> set[tuple[str, int, int]]:
    text = doc.document.text
    mapping = offset_map(text, raw)
    spans = set()
    for actor in doc.actors:
        label = KIND_LABEL.get(actor.kind)
        for m in actor.mentions:
            if label and m.how in ("name", "alias"):
                spans.add((label, mapping[m.start], mapping[m.end]))
    for place in doc.places:
        for m in place.mentions:
            spans.add(("LOC", mapping[m.start], mapping[m.end]))
    return spans


def score(ids, corpus, pipeline, nlp) -> dict:
    from newsgraph.ingest.readers import read_path

    counts = {sys_: Counter() for sys_ in ("spacy", "newsgraph")}
    timing = Counter()
    for doc_id in ids:
        txt, ann = winer_paths(corpus, doc_id)
        raw = txt.read_text("utf-8")
        gold = {(GOLD_LABEL[k], s, e) for k, s, e, _ in read_ann(ann) if k in GOLD_LABEL}
        t = time.perf_counter()
        sdoc = nlp(raw)
        timing["spacy"] += time.perf_counter() - t
        bare = {(e.label_, e.start_char, e.end_char) for e in sdoc.ents if e.label_ in ("PER", "LOC", "ORG")}
        t = time.perf_counter()
        (rec,) = list(read_path(txt))
        ours = pipeline.run(rec)
        timing["newsgraph"] += time.perf_counter() - t
        pred = newsgraph_spans(ours, raw) if hasattr(ours, "document") else set()
        for name, spans in (("spacy", bare), ("newsgraph", pred)):
            c = counts[name]
            for label in ("PER", "LOC", "ORG", "ALL"):
                g = {x for x in gold if label in ("ALL", x[0])}
                p = {x for x in spans if label in ("ALL", x[0])}
                c[label, "tp"] += len(g & p)
                c[label, "pred"] += len(p)
                c[label, "gold"] += len(g)
    return {"counts": counts, "timing": timing, "docs": len(ids)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", help="WiNER-fr folder (default ../shared/corpus/winer-fr)")
    ap.add_argument("--limit", type=int, help="only the first N articles of the full set")
    args = ap.parse_args()
    corpus = winer_dir(args.corpus)

    import spacy

    from newsgraph.pipeline.runner import get_pipeline

    pipeline = get_pipeline()
    nlp = spacy.load("fr_core_news_md")
    sets = {"geopolitics (38)": winer_ids(corpus, True), "all": winer_ids(corpus, False)[: args.limit]}
    print(f"{'set':<18} {'system':<10} {'label':<4} {'P':>6} {'R':>6} {'F1':>6}   (strict spans)")
    for name, ids in sets.items():
        result = score(ids, corpus, pipeline, nlp)
        for system in ("spacy", "newsgraph"):
            c = result["counts"][system]
            for label in ("PER", "LOC", "ORG", "ALL"):
                p, r, f = prf(c[label, "tp"], c[label, "pred"], c[label, "gold"])
                title = f"{name} n={result['docs']}"
                print(f"{title:<18} {system:<10} {label:<4} {p:6.3f} {r:6.3f} {f:6.3f}")
        print()


if __name__ == "__main__":
    main()
