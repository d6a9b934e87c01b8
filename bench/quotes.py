"""Quotes against the gold, set by set: span recall and precision, speaker accuracy on the quotes
found, and speaker-right precision, recall and F1 (a quote counts when it is found and its speaker's
code agrees on the first three letters, as ``score_quotes`` does).

    python bench/quotes.py [--shared ../shared] [--errors]

Sets: the seed article; the shared development gold (``shared/gold``, the seed among it); the tune and
check parts of ``tests/fixtures/devcorpus`` (``split.tsv``). Error lines are printed for the seed, the
development gold and the tune part only: the check part is scored in aggregate, never read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from _common import ROOT, SHARED

DEVCORPUS = ROOT / "tests" / "fixtures" / "devcorpus"
SEED_ID = "000_f0b6dedbf44acbc7"


def devcorpus_split(part: str) -> list[tuple[dict, Path]]:
    """(gold, text path) of the articles of one part of the development corpus."""
    out = []
    for line in (DEVCORPUS / "split.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        doc_id, which = line.split("\t")[:2]
        if which == part:
            gold = json.loads((DEVCORPUS / "gold" / f"{doc_id}.gold.json").read_text("utf-8"))
            out.append((gold, DEVCORPUS / "text" / f"{doc_id}.txt"))
    return out


def shared_gold(shared: Path) -> list[tuple[dict, Path]]:
    out = []
    for path in sorted((shared / "gold").glob("*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        if not gold.get("quotes"):
            continue
        doc_id = gold["doc"]
        seed = shared / "corpus" / "seed" / f"{doc_id}.txt"
        text = seed if seed.exists() else shared / "corpus" / "winer-fr" / doc_id[:4] / doc_id[5:7] / f"{doc_id}.txt"
        out.append((gold, text))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(SHARED), help="the shared data folder (gold and corpus)")
    ap.add_argument("--quiet", action="store_true", help="the table only, no error lines")
    args = ap.parse_args()
    from newsgraph.evaluation import QuoteScore, score_quotes
    from newsgraph.ingest.readers import read_path
    from newsgraph.pipeline.runner import get_pipeline

    pipeline = get_pipeline()
    dev = shared_gold(Path(args.shared))
    sets = [("seed", [d for d in dev if d[0]["doc"] == SEED_ID], True),
            ("development gold", dev, True),
            ("tune", devcorpus_split("tune"), True),
            ("check", devcorpus_split("check"), False)]
    coded: dict[Path, dict] = {}
    rows = []
    for name, docs, show in sets:
        total = QuoteScore()
        for gold, text in docs:
            if text not in coded:
                (rec,) = list(read_path(text))
                coded[text] = pipeline.run(rec).to_dict()
            total.add(score_quotes(gold, coded[text]))
        rows.append((name, len(docs), total))
        if show and not args.quiet and name != "seed":
            print(f"errors, {name}:")
            for line in total.errors:
                print("  " + line)
    print(f"\n{'set':<18} {'docs':>4} {'gold':>5} {'out':>5} {'found':>6} {'P':>6} {'R':>6} {'spk acc':>8} "
          f"{'spk P':>6} {'spk R':>6} {'spk F1':>7}")
    for name, n, s in rows:
        print(f"{name:<18} {n:>4} {s.gold:>5} {s.outputs:>5} {s.found:>6} {s.precision:6.3f} {s.recall:6.3f} "
              f"{s.speaker_ok:>3}/{s.found:<4} {s.speaker_precision:6.3f} {s.speaker_recall:6.3f} {s.speaker_f1:7.3f}")


if __name__ == "__main__":
    main()
