"""Actor resolution: recall of the gold actors (codes and Wikidata ids) on the development gold, with
every wrong or missing link; then, on the 38 geopolitics articles, mentions linked per article and
name-mention precision/recall against the WiNER gold (Person, Organization, Location) beside bare spaCy.

    python bench/actors.py [--gold PATH] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from _common import SHARED, gold_text, offset_map, prf, read_ann, winer_dir, winer_ids, winer_paths

GOLD_LABEL = {"Person", "Location", "Organization"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(SHARED / "gold"))
    ap.add_argument("--corpus")
    args = ap.parse_args()
    import spacy

    from newsgraph.text import norm
    from newsgraph.ingest.readers import read_path
    from newsgraph.pipeline.runner import get_pipeline

    corpus = winer_dir(args.corpus)
    pipeline = get_pipeline()
    codes_found = codes_total = wd_found = wd_total = prefix_found = 0
    problems = []
    for path in sorted(Path(args.gold).glob("*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        (rec,) = list(read_path(gold_text(gold["doc"], corpus)))
        doc = pipeline.run(rec)
        by_code = Counter(a.code for a in doc.actors if a.code)
        wds = {a.wikidata for a in doc.actors if a.wikidata}
        names = {norm(m.text): a for a in doc.actors for m in a.mentions}
        for g in gold.get("actors_present", []):
            codes_total += 1
            name_hit = names.get(norm(g["name"].split(" (")[0]))
            ok = g["code"] in by_code or (name_hit is not None and name_hit.code == g["code"])
            codes_found += ok
            prefix_ok = ok or any(c.startswith(g["code"]) or g["code"].startswith(c) for c in by_code if c[:3] == g["code"][:3])
            prefix_found += prefix_ok
            if not ok:
                problems.append(f"{gold['doc']}: code {g['code']} ({g['name']}) not found" +
                                (f"; '{g['name']}' -> {name_hit.code}" if name_hit else ""))
            if g.get("wikidata"):
                wd_total += 1
                wd_found += g["wikidata"] in wds
                if g["wikidata"] not in wds:
                    problems.append(f"{gold['doc']}: wikidata {g['wikidata']} ({g['name']}) not linked")
    print(f"development gold: actor codes found {codes_found}/{codes_total} = {codes_found / max(codes_total, 1):.3f} exact, "
          f"{prefix_found}/{codes_total} = {prefix_found / max(codes_total, 1):.3f} up to CAMEO sub-codes (IGOWSTNAT for IGONAT); "
          f"Wikidata ids {wd_found}/{wd_total} = {wd_found / max(wd_total, 1):.3f}")
    for p in problems:
        print("  " + p)

    nlp = spacy.load("fr_core_news_md")
    ids = winer_ids(corpus, True)
    tp = pred = gold_n = 0
    btp = bpred = 0
    linked = 0
    for doc_id in ids:
        txt, ann = winer_paths(corpus, doc_id)
        raw = txt.read_text("utf-8")
        gold = {(s, e) for k, s, e, _ in read_ann(ann) if k in GOLD_LABEL}
        (rec,) = list(read_path(txt))
        doc = pipeline.run(rec)
        mapping = offset_map(doc.document.text, raw)
        ours = {(mapping[m.start], mapping[m.end]) for a in doc.actors for m in a.mentions if m.how in ("name", "alias")}
        ours |= {(mapping[m.start], mapping[m.end]) for p in doc.places for m in p.mentions}
        linked += sum(len(a.mentions) for a in doc.actors if a.code)
        bare = {(e.start_char, e.end_char) for e in nlp(raw).ents if e.label_ in ("PER", "LOC", "ORG")}
        tp += len(gold & ours)
        pred += len(ours)
        btp += len(gold & bare)
        bpred += len(bare)
        gold_n += len(gold)
    p, r, f = prf(tp, pred, gold_n)
    bp, br, bf = prf(btp, bpred, gold_n)
    print(f"\ngeopolitics articles ({len(ids)}): {linked / len(ids):.1f} coded actor mentions per article")
    print(f"name mentions (PER+LOC+ORG spans, any type): newsgraph P {p:.3f} R {r:.3f} F1 {f:.3f} | bare spaCy P {bp:.3f} R {br:.3f} F1 {bf:.3f}")


if __name__ == "__main__":
    main()
