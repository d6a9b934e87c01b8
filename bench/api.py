"""A bounded load on the API and the reader page, on loopback only: throughput and p50/p95 latency.

    python bench/api.py [--requests 2000] [--concurrency 8] [--db PATH] [--chart-events 100000] [--chart-requests 400]

Part 1, without --db, ingests the bundled examples into a temporary SQLite store: /api/events and the
reader page. Part 2 writes a synthetic store of --chart-events events (newsgraph.store.synthetic,
no NLP) and loads the web UI's chart endpoints: the network, dyad and timeline data, with and without
filters (--chart-events 0 skips it). The server runs in a child process on 127.0.0.1; the load never
leaves this machine and stops by itself.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _common import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    exe = str(Path(sys.executable).parent / "newsgraph")
    proc = subprocess.Popen([exe, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import httpx

    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/documents", timeout=1)
            return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def load(base: str, paths: list[str], n: int, concurrency: int) -> tuple[list[float], dict[int, int], float]:
    import httpx

    client = httpx.Client(base_url=base, timeout=30)

    def one(i: int) -> tuple[float, int]:
        t0 = time.perf_counter()
        r = client.get(paths[i % len(paths)])
        return 1000 * (time.perf_counter() - t0), r.status_code

    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, range(n)))
    elapsed = time.perf_counter() - t0
    statuses: dict[int, int] = {}
    for _, code in results:
        statuses[code] = statuses.get(code, 0) + 1
    return [ms for ms, _ in results], statuses, elapsed


def report(name: str, latencies: list[float], statuses: dict[int, int], elapsed: float) -> None:
    q = statistics.quantiles(latencies, n=20)
    print(f"{name}: {len(latencies)} requests, {len(latencies) / elapsed:.0f} req/s, p50 {statistics.median(latencies):.0f} ms, "
          f"p95 {q[18]:.0f} ms, statuses {statuses}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--db")
    ap.add_argument("--chart-events", type=int, default=100_000)
    ap.add_argument("--chart-requests", type=int, default=400)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if not db:
            db = f"{tmp}/api.db"
            subprocess.run([str(Path(sys.executable).parent / "newsgraph"), "ingest", str(ROOT / "examples"), "--db", db],
                           check=True, capture_output=True)
        port = free_port()
        proc = start_server(db, port)
        try:
            base = f"http://127.0.0.1:{port}"
            events = ["/api/events?limit=20", "/api/events?party=RUS", "/api/events?type=ASSAULT&limit=50",
                      "/api/events?actor=USA&since=2016"]
            report("GET /api/events", *load(base, events, args.requests, args.concurrency))
            report("GET /documents/{id} (reader)", *load(base, ["/documents/000_f0b6dedbf44acbc7"], args.requests // 4,
                                                         args.concurrency))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        if args.chart_events:
            charts(f"{tmp}/synthetic.db", args.chart_events, args.chart_requests, args.concurrency)


def charts(db: str, n_events: int, n: int, concurrency: int) -> None:
    """The chart endpoints on a synthetic store: p95 for the network, dyad and timeline data."""
    from newsgraph.store import Store
    from newsgraph.store.synthetic import build

    t0 = time.perf_counter()
    counts = build(Store(db), n_events)
    print(f"synthetic store: {counts['events']} events ({counts['event_mentions']} mentions), {counts['documents']} documents, "
          f"{time.perf_counter() - t0:.0f} s")
    port = free_port()
    proc = start_server(db, port)
    groups = {
        "GET /api/network": ["/api/network", "/api/network?fold=true", "/api/network?fold=true&quad=4&since=2020-01-01",
                             "/api/network?country=RUS&type=ASSAULT", "/api/network?fold=true&focus=RUS&min_events=5"],
        "GET /api/dyad": ["/api/dyad?a=RUS&b=UKR", "/api/dyad?a=USA&b=CHN&grain=week", "/api/dyad?a=ISR&b=SYR&directed=true&quad=4",
                          "/api/dyad?a=FRA&b=DEU&since=2018"],
        "GET /api/timeline": ["/api/timeline", "/api/timeline?grain=week&since=2020-01-01&until=2021-12-31",
                              "/api/timeline?quad=3&quad=4&country=IRN", "/api/timeline?type=PROTEST"],
    }
    try:
        base = f"http://127.0.0.1:{port}"
        import httpx

        for name, paths in groups.items():  # first requests, one at a time: computed in the store, nothing cached
            cold = []
            for path in paths:
                t0 = time.perf_counter()
                httpx.get(base + path, timeout=60).raise_for_status()
                cold.append(1000 * (time.perf_counter() - t0))
            print(f"{name} cold (one client, first request of each of {len(paths)} queries): median {statistics.median(cold):.0f} ms, "
                  f"max {max(cold):.0f} ms")
        for name, paths in groups.items():
            report(f"{name} under load ({len(paths)} queries, repeated: mostly answered from the chart cache)",
                   *load(base, paths, n, concurrency))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
