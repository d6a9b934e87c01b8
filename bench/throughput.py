"""Throughput in words per second, one corpus, one run: bare spaCy ``nlp.pipe`` (the ceiling), the whole
newsgraph pipeline in one process, and Dask with one and with two workers; peak memory per worker, and
memory after 1,000 and 10,000 documents for the long runs.

    python bench/throughput.py [--corpus PATH] [--docs 400] [--long]
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import replace

from _common import winer_dir, winer_ids, winer_paths


def rss_mb() -> float:
    import psutil

    return psutil.Process(os.getpid()).memory_info().rss / 2**20


def corpus_records(corpus, n: int):  # type: ignore[no-untyped-def]
    from newsgraph.ingest.readers import read_path

    base = []
    for doc_id in winer_ids(corpus, False):
        (rec,) = list(read_path(winer_paths(corpus, doc_id)[0]))
        base.append(rec)
    out = [replace(base[i % len(base)], id=f"{base[i % len(base)].id}-{i}") for i in range(n)]
    words = sum(len(r.text.split()) for r in out)
    return out, words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus")
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--long", action="store_true", help="also the memory run over 10,000 documents in one process")
    args = ap.parse_args()
    import spacy

    from newsgraph.batch.dask import dask_coder
    from newsgraph.pipeline.runner import get_pipeline

    records, words = corpus_records(winer_dir(args.corpus), args.docs)
    print(f"corpus: {len(records)} WiNER documents, {words} words")
    nlp = spacy.load("fr_core_news_md")
    list(nlp.pipe([r.text for r in records[:20]]))
    t0 = time.perf_counter()
    for _ in nlp.pipe((r.text for r in records), batch_size=16):
        pass
    bare = words / (time.perf_counter() - t0)
    pipeline = get_pipeline()
    list(pipeline.run_many(records[:20]))
    t0 = time.perf_counter()
    for _ in pipeline.run_many(records, batch_size=16):
        pass
    full = words / (time.perf_counter() - t0)
    print(f"bare spaCy nlp.pipe: {bare:,.0f} words/s")
    print(f"newsgraph pipeline, one process: {full:,.0f} words/s = {full / bare:.2f} of bare spaCy (target >= 0.7)")
    rates = {}
    for n in (1, 2):
        peaks: list[float] = []

        def watch(client, done, peaks=peaks):  # type: ignore[no-untyped-def]
            peaks.extend(client.run(rss_mb).values())
        code = dask_coder(f"local:{n}", partition=16, on_partition=watch, decode=False)
        start = None
        count = 0
        for _ in code(records):
            if start is None:
                start = time.perf_counter()  # from the first result: workers have loaded the model
            count += 1
        elapsed = time.perf_counter() - start
        rates[n] = words * (count - 16) / count / elapsed
        print(f"Dask, {n} worker(s): {rates[n]:,.0f} words/s; peak worker memory {max(peaks):.0f} MB")
    print(f"two workers / one worker: {rates[2] / rates[1]:.2f} (target >= 1.7)")
    if args.long:
        for target in (1000, 10000):
            recs, _ = corpus_records(winer_dir(args.corpus), target)
            for _ in pipeline.run_many(recs):
                pass
            print(f"one process after {target} documents: {rss_mb():.0f} MB resident")


if __name__ == "__main__":
    main()
