"""A bounded load on the API and the reader page, on loopback only: throughput and p50/p95 latency.

    python bench/api.py [--requests 2000] [--concurrency 8] [--db PATH]

Without --db it ingests the bundled examples into a temporary SQLite store first. The server runs in
a child process on 127.0.0.1; the load never leaves this machine and stops by itself.
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


if __name__ == "__main__":
    main()
