"""Throughput in words per second, one corpus, one run: bare spaCy ``nlp.pipe`` (the ceiling), the whole
newsgraph pipeline in one process, and Dask with one and with two workers; peak memory per worker, and
worker memory per 1,000 documents over 10,000 (``--long-docs``) for the long run.

    python bench/throughput.py [--corpus PATH] [--docs 400] [--rounds 2] [--long [--long-docs 10000]]
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
    ap.add_argument("--rounds", type=int, default=2, help="timed rounds, each on documents not seen before")
    ap.add_argument("--long", action="store_true", help="also the memory run: two workers over --long-docs documents")
    ap.add_argument("--long-docs", type=int, default=10000)
    ap.add_argument("--no-dask", action="store_true", help="only the one-process ratio (a quick comparison of two versions)")
    args = ap.parse_args()
    import spacy

    from newsgraph.batch.dask import dask_coder
    from newsgraph.pipeline.runner import get_pipeline

    pool, _ = corpus_records(winer_dir(args.corpus), args.docs * (args.rounds + 1))
    # round k codes documents neither system has seen (the caches of both warm up inside a round as
    # they would on a stream); the ratio is taken per round, since rounds differ in their texts
    slices = [pool[(k + 1) * args.docs:(k + 2) * args.docs] for k in range(args.rounds)]
    records = slices[0]
    words = sum(len(r.text.split()) for r in records)
    print(f"corpus: {args.docs} WiNER documents per round ({words} words in the first), {args.rounds} round(s)")
    nlp = spacy.load("fr_core_news_md")
    list(nlp.pipe([r.text for r in pool[:20]]))
    pipeline = get_pipeline()
    list(pipeline.run_many(pool[:20]))
    ratios, cpu_ratios = [], []
    for k, recs in enumerate(slices, start=1):
        n_words = sum(len(r.text.split()) for r in recs)
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe((r.text for r in recs), batch_size=16):
            pass
        bare, bare_cpu = n_words / (time.perf_counter() - t0), n_words / (time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in pipeline.run_many(recs, batch_size=16):
            pass
        full, full_cpu = n_words / (time.perf_counter() - t0), n_words / (time.process_time() - c0)
        ratios.append(full / bare)
        cpu_ratios.append(full_cpu / bare_cpu)
        print(f"round {k}: bare spaCy nlp.pipe {bare:,.0f} words/s; newsgraph pipeline, one process {full:,.0f} words/s"
              f" = {full / bare:.2f} (CPU time: {full_cpu / bare_cpu:.2f})")
    print(f"newsgraph pipeline / bare spaCy: {sum(ratios) / len(ratios):.2f} (mean of {len(ratios)} rounds; target >= 0.7); "
          f"in CPU time {sum(cpu_ratios) / len(cpu_ratios):.2f} (steadier when the machine is shared)")
    if args.no_dask:
        return
    rates = {1: 0.0, 2: 0.0}
    peaks: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(args.rounds):
        for n in (1, 2):
            def watch(client, done, seen=peaks[n]):  # type: ignore[no-untyped-def]
                seen.extend(client.run(rss_mb).values())
            code = dask_coder(f"local:{n}", partition=16, on_partition=watch, decode=False)
            start = None
            count = 0
            for _ in code(records):
                if start is None:
                    start = time.perf_counter()  # from the first result: workers have loaded the model
                count += 1
            elapsed = time.perf_counter() - start
            rates[n] = max(rates[n], words * (count - 16) / count / elapsed)
    for n in (1, 2):
        print(f"Dask, {n} worker(s): {rates[n]:,.0f} words/s; peak worker memory {max(peaks[n]):.0f} MB")
    print(f"two workers / one worker: {rates[2] / rates[1]:.2f} (target >= 1.7)")
    if args.long:
        # the memory run: two workers code --long-docs documents; each worker's resident size is read
        # after every partition (mid-work: the next partition's parses are alive), and the largest
        # reading of each 1,000 documents is printed
        marks: dict[int, float] = {}
        total = args.long_docs

        def sample(client, done, marks=marks):  # type: ignore[no-untyped-def]
            window = min(done * 16, total - 1) // 1000 * 1000 + 1000
            marks[window] = max(marks.get(window, 0.0), *client.run(rss_mb).values())
        recs, _ = corpus_records(winer_dir(args.corpus), total)
        for _ in dask_coder("local:2", partition=16, on_partition=sample, decode=False)(recs):
            pass
        for docs in sorted(marks):
            print(f"largest worker, documents {docs - 999:,}-{docs:,}: {marks[docs]:.0f} MB resident")
        half = total // 2
        first = max(v for k, v in marks.items() if k <= half)
        second = max(v for k, v in marks.items() if k > half)
        print(f"largest worker over the first {half:,} documents: {first:.0f} MB; over the last {total - half:,}: "
              f"{second:.0f} MB ({second - first:+.0f} MB)")

if __name__ == "__main__":
    main()
