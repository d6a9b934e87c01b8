"""Code a fixed set of texts and write their contract output, to compare two versions of the code.

    python scripts/snapshot.py OUT.jsonl [--shared ../shared] [--winer N]
    python scripts/snapshot.py --compare A.jsonl B.jsonl

The set: examples/, the development corpus texts (tests/fixtures/devcorpus/text), the development
gold documents and the sentences of plover_fr_dev.jsonl from ../shared, and the first N other WiNER
articles of 2016-2017 (default 200) for breadth. Each line is one document's contract JSON with
`document.pipeline` removed (it names the version, which is meant to change). `--compare` prints
the documents whose output differs, field by field, and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def records(shared: Path, winer_n: int) -> list[dict]:
    out: list[dict] = []
    seen: set[str] = set()

    def add(rec: dict) -> None:
        if rec["id"] not in seen:
            seen.add(rec["id"])
            out.append(rec)

    def add_file(path: Path, prefix: str) -> None:
        text = path.read_text("utf-8")
        lines = text.split("\n")
        title = lines[0].strip() if len(lines) > 2 and not lines[1].strip() else None
        add({"id": f"{prefix}/{path.stem}", "text": text, "title": title})

    for p in sorted((ROOT / "examples").glob("*.txt")):
        add_file(p, "examples")
    for p in sorted((ROOT / "tests" / "fixtures" / "devcorpus" / "text").glob("*.txt")):
        add_file(p, "devcorpus")
    gold = shared / "gold"
    winer = shared / "corpus" / "winer-fr"
    for g in sorted(gold.glob("*.gold.json")):
        doc = json.loads(g.read_text("utf-8"))
        seed = shared / "corpus" / "seed" / f"{doc['doc']}.txt"
        path = seed if seed.exists() else winer / doc["doc"][:4] / doc["doc"][5:7] / f"{doc['doc']}.txt"
        add_file(path, "gold")
    plover = gold / "plover_fr_dev.jsonl"
    if plover.exists():
        for line in plover.read_text("utf-8").splitlines():
            s = json.loads(line)
            add({"id": f"plover/{s['id']}", "text": s["text_fr"], "published": "2000-01-01"})
    geo = set((winer / "geopolitics.txt").read_text().split()) if (winer / "geopolitics.txt").exists() else set()
    n = 0
    for p in sorted(winer.glob("201[67]/*/*.txt")):
        if n >= winer_n:
            break
        if p.stem in geo or f"devcorpus/{p.stem}" in seen:
            continue
        add_file(p, "winer")
        n += 1
    return out


def snapshot(out_path: Path, shared: Path, winer_n: int) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from newsgraph import extract_many
    from newsgraph.model import Skipped

    recs = records(shared, winer_n)
    with out_path.open("w", encoding="utf-8") as out:
        for rec, doc in zip(recs, extract_many(recs)):
            if isinstance(doc, Skipped):
                data = {"id": rec["id"], "skipped": doc.reason}
            else:
                data = doc.to_dict()
                data["document"].pop("pipeline", None)
            out.write(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(recs)} documents -> {out_path}")


def compare(a: Path, b: Path) -> int:
    def load(p: Path) -> dict[str, dict]:
        out = {}
        for line in p.read_text("utf-8").splitlines():
            d = json.loads(line)
            out[d.get("id") or d["document"]["id"]] = d
        return out

    left, right = load(a), load(b)
    differ = 0
    for key in sorted(set(left) | set(right)):
        x, y = left.get(key), right.get(key)
        if x == y:
            continue
        differ += 1
        if x is None or y is None:
            print(f"{key}: only in {'B' if x is None else 'A'}")
            continue
        for field in sorted(set(x) | set(y)):
            if x.get(field) != y.get(field):
                xs, ys = x.get(field), y.get(field)
                if isinstance(xs, list) and isinstance(ys, list):
                    gone = [e for e in xs if e not in ys]
                    new = [e for e in ys if e not in xs]
                    print(f"{key}: {field}: -{len(gone)} +{len(new)}")
                    for e in gone[:3]:
                        print(f"    - {json.dumps(e, ensure_ascii=False)[:300]}")
                    for e in new[:3]:
                        print(f"    + {json.dumps(e, ensure_ascii=False)[:300]}")
                else:
                    print(f"{key}: {field} differs")
    print(f"{len(set(left) | set(right))} documents, {differ} differ")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--winer", type=int, default=200)
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"))
    args = ap.parse_args()
    if args.compare:
        return compare(Path(args.compare[0]), Path(args.compare[1]))
    if not args.out:
        ap.error("give OUT.jsonl or --compare A B")
    snapshot(Path(args.out), Path(args.shared), args.winer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
