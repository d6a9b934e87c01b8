"""Write a synthetic store (no NLP) to try the web UI or the API at scale.

    python scripts/synthetic_store.py /tmp/synthetic.db [--events 100000] [--seed 20]
    newsgraph serve --db /tmp/synthetic.db
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", help="a new SQLite file (or a SQLAlchemy URL of an empty database)")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=20)
    args = ap.parse_args()
    from newsgraph.store import Store
    from newsgraph.store.synthetic import build

    if "://" not in args.path and Path(args.path).exists():
        sys.exit(f"{args.path} exists; give a new path")
    t0 = time.perf_counter()
    counts = build(Store(args.path), args.events, seed=args.seed)
    print(f"{args.path}: {counts['events']} events ({counts['event_mentions']} mentions) in {counts['documents']} documents, "
          f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
