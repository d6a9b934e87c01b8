"""Store benchmarks, in one run:
1. ingest throughput against extract alone on the same corpus (store overhead);
2. latency of the dyad query and of an actor-filtered events query on a synthetic SQLite database
   of one million events (targets: under 200 ms each).

    python bench/store.py [--corpus PATH] [--events 1000000] [--db PATH]
"""

from __future__ import annotations

import argparse
from dataclasses import replace
import random
import statistics
import tempfile
import time
from pathlib import Path

from _common import winer_dir, winer_ids, winer_paths

COUNTRIES = ["RUS", "UKR", "USA", "CHN", "PRK", "KOR", "FRA", "DEU", "GBR", "IRN", "ISR", "SYR", "TUR", "IND", "PAK", "JPN",
             "SAU", "EGY", "IRQ", "AFG", "BRA", "MEX", "ZAF", "NGA", "ETH", "POL", "BLR", "ITA", "ESP", "CAN"]
SECTORS = ["", "GOV", "MIL", "REB", "OPP", "CVL"]
TYPES = [("CONSULT", "040", 1.0, 1), ("SUPPORT", "051", 3.4, 1), ("AID", "070", 7.0, 2), ("ACCUSE", "112", -2.0, 3),
         ("REJECT", "120", -4.0, 3), ("THREATEN", "130", -4.4, 3), ("COERCE", "173", -5.0, 4), ("ASSAULT", "190", -10.0, 4)]


def throughput(corpus: Path, repeat: int) -> None:
    from newsgraph.ingest.readers import read_path
    from newsgraph.pipeline.runner import get_pipeline
    from newsgraph.store import Store
    from newsgraph.store.ingest import ingest_items

    pipeline = get_pipeline()
    records = []
    for k in range(repeat):
        for doc_id in winer_ids(corpus, True):
            (rec,) = list(read_path(winer_paths(corpus, doc_id)[0]))
            # a distinct text per copy, so that the store codes every one
            records.append(replace(rec, id=f"{doc_id}-{k}", text=rec.text + f"\n\n(copie {k})\n"))
    list(pipeline.run_many(records[:4]))  # warm up
    t0 = time.perf_counter()
    n = sum(1 for _ in pipeline.run_many(records))
    extract = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db")
        t0 = time.perf_counter()
        summary = ingest_items(store, records)
        ingest = time.perf_counter() - t0
    print(f"ingest throughput: {n} documents; extract {n / extract:.1f} docs/s, ingest into SQLite {summary.stored / ingest:.1f} docs/s; "
          f"store overhead {100 * (ingest / extract - 1):.1f}% (target < 10%)")


def synthetic(path: Path, n_events: int) -> None:
    from sqlalchemy import insert

    from newsgraph.store import Store
    from newsgraph.store import schema as t

    store = Store(f"sqlite:///{path}")
    rng = random.Random(5)
    n_docs = max(1, n_events // 100)
    with store.engine.begin() as conn:
        conn.execute(insert(t.documents), [dict(id=f"d{i}", content_sha256=f"{i:064x}", raw_sha256="0" * 64, pipeline="bench", text="",
                                                data="{}", published=f"{2014 + i % 12}-{1 + i % 12:02d}-01", ingested_at="now")
                                           for i in range(n_docs)])
    batch = 20000
    mid = 0
    for start in range(0, n_events, batch):
        rows, parts = [], []
        for i in range(start, min(start + batch, n_events)):
            mid += 1
            a = rng.choice(COUNTRIES) + rng.choice(SECTORS)
            r = rng.choice(COUNTRIES) + rng.choice(SECTORS)
            ev, cameo, g, q = rng.choice(TYPES)
            month = f"{rng.randint(2014, 2025)}-{rng.randint(1, 12):02d}"
            rows.append(dict(id=mid, document_id=f"d{i % n_docs}", event_id=f"E{i}", event=ev, cameo=cameo, goldstein=g, quad_class=q,
                             actors="[]", recipients="[]", source_code=a, target_code=r, status="asserted", date_start=month + "-01",
                             grain="M", month=month, group_key=f"{ev}|{a}|{r}|A", event_key=f"ev{i}", sentence=""))
            parts.append(dict(mention_id=mid, role="actor", code=a, canonical=a))
            parts.append(dict(mention_id=mid, role="recipient", code=r, canonical=r))
        with store.engine.begin() as conn:
            conn.execute(insert(t.event_mentions), rows)
            conn.execute(insert(t.event_participants), parts)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def latency(path: Path) -> None:
    from newsgraph.store import Store
    from newsgraph.store.query import EventFilters, dyads, events

    store = Store(f"sqlite:///{path}")

    def timed(fn) -> float:  # type: ignore[no-untyped-def]
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            fn()
            runs.append(1000 * (time.perf_counter() - t0))
        return statistics.median(runs)

    d = timed(lambda: dyads(store, actor="RUS", recipient="UKR"))
    e = timed(lambda: events(store, EventFilters(actor="RUSMIL", limit=100)))
    print(f"dyad query RUS->UKR: {d:.0f} ms; events --actor RUSMIL (first 100, with total): {e:.0f} ms (targets < 200 ms)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus")
    ap.add_argument("--repeat", type=int, default=2, help="copies of the 38 geopolitics articles for the throughput part")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", help="synthetic database path (kept); default a temporary file")
    args = ap.parse_args()
    throughput(winer_dir(args.corpus), args.repeat)
    if args.db and Path(args.db).exists():
        latency(Path(args.db))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "synthetic.db"
        t0 = time.perf_counter()
        synthetic(path, args.events)
        print(f"synthetic database: {args.events} events in {time.perf_counter() - t0:.0f} s")
        latency(path)


if __name__ == "__main__":
    main()
