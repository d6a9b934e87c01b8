"""Quotes against the development gold: precision and recall of quotes, speaker accuracy, every error.

    python bench/quotes.py [--gold PATH] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from _common import SHARED, gold_text, winer_dir


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(SHARED / "gold"))
    ap.add_argument("--corpus")
    args = ap.parse_args()
    from newsgraph.evaluation import QuoteScore, score_quotes
    from newsgraph.ingest.readers import read_path
    from newsgraph.pipeline.runner import get_pipeline

    corpus = winer_dir(args.corpus)
    pipeline = get_pipeline()
    total = QuoteScore()
    print(f"{'document':<24} {'gold':>5} {'found':>6} {'P':>6} {'R':>6} {'speaker':>8}")
    for path in sorted(Path(args.gold).glob("*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        if not gold.get("quotes"):
            continue
        (rec,) = list(read_path(gold_text(gold["doc"], corpus)))
        s = score_quotes(gold, pipeline.run(rec).to_dict())
        total.add(s)
        print(f"{gold['doc']:<24} {s.gold:>5} {s.found:>6} {s.precision:6.3f} {s.recall:6.3f} {s.speaker_ok:>4}/{s.found}")
    print(f"{'all':<24} {total.gold:>5} {total.found:>6} {total.precision:6.3f} {total.recall:6.3f} {total.speaker_ok:>4}/{total.found}")
    for line in total.errors:
        print("  " + line)


if __name__ == "__main__":
    main()
