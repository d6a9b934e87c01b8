"""Robustness in one run: inputs fuzzed through extract and crashes; crash-recovery trials (SIGKILL
at random points, then resume, compared with an uninterrupted run); a bounded loopback load on the
API while an ingest writes, with failed requests and p95 latency.

    python bench/robustness.py [--fuzz 500] [--trials 10] [--requests 1500]
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _common import ROOT
from api import free_port, start_server

EXE = str(Path(sys.executable).parent / "newsgraph")
ALPHABET = ["Le président russe a rencontré son homologue chinois.", "« Nous partirons »", "«", "»", "\u202e", "שלום", "e\u0301",
            "🙂", "\x00", "\x07", "<script>alert(1)</script>", "2019quelques", "\n\n", "Moscou a opposé son veto.", "lundi", " "]


def fuzz(n: int, seed: int = 3) -> tuple[int, int, list[str]]:
    import newsgraph
    from newsgraph.schema import validate_document

    rng = random.Random(seed)
    crashes: list[str] = []
    for _ in range(n):
        parts = [rng.choice(ALPHABET) if rng.random() < 0.7 else "".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(rng.randint(1, 12)))
                 for _ in range(rng.randint(1, 30))]
        text = " ".join(parts)
        try:
            doc = newsgraph.extract(text, published="2023-09-05")
            validate_document(doc.to_dict())
        except newsgraph.InputError:
            continue
        except Exception as exc:  # noqa: BLE001 - a crash is what we count
            crashes.append(f"{type(exc).__name__}: {exc} on {text[:80]!r}")
    return n, len(crashes), crashes


def snapshot(db: Path) -> tuple:
    import sqlite3

    con = sqlite3.connect(db)
    docs = sorted(r[0] for r in con.execute("SELECT id FROM documents"))
    keys = sorted(r[0] for r in con.execute("SELECT DISTINCT event_key FROM event_mentions"))
    ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    con.close()
    return docs, keys, ok


def crash_trials(trials: int, tmp: Path) -> tuple[int, int]:
    corpus = tmp / "corpus"
    corpus.mkdir()
    for path in sorted((ROOT / "examples").glob("2016_*.txt"))[:6]:
        shutil.copy(path, corpus / path.name)
    ref = tmp / "ref.db"
    subprocess.run([EXE, "ingest", str(corpus), "--db", str(ref)], check=True, capture_output=True)
    reference = snapshot(ref)
    rng = random.Random(11)
    passed = 0
    for k in range(trials):
        db = tmp / f"t{k}.db"
        proc = subprocess.Popen([EXE, "ingest", str(corpus), "--db", str(db), "--batch-size", "1"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(2.0, 9.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        subprocess.run([EXE, "ingest", str(corpus), "--db", str(db)], check=True, capture_output=True)
        passed += snapshot(db) == reference
    return passed, trials


def load_during_ingest(requests: int, tmp: Path) -> tuple[int, int, float]:
    import httpx

    db = tmp / "live.db"
    subprocess.run([EXE, "ingest", str(ROOT / "examples" / "000_f0b6dedbf44acbc7.txt"), "--db", str(db)], check=True, capture_output=True)
    port = free_port()
    server = start_server(str(db), port)
    ingest = subprocess.Popen([EXE, "ingest", str(ROOT / "examples"), "--db", str(db), "--batch-size", "1"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
    paths = ["/api/events?limit=20", "/api/documents", "/api/dyads", "/documents/000_f0b6dedbf44acbc7", "/api/actors"]

    def one(i: int) -> tuple[float, int]:
        t0 = time.perf_counter()
        r = client.get(paths[i % len(paths)])
        return 1000 * (time.perf_counter() - t0), r.status_code

    try:
        with ThreadPoolExecutor(6) as pool:
            results = list(pool.map(one, range(requests)))
    finally:
        ingest.wait(timeout=600)
        server.terminate()
        server.wait(timeout=10)
    failed = sum(1 for _, code in results if code >= 500)
    p95 = statistics.quantiles([ms for ms, _ in results], n=20)[18]
    return len(results), failed, p95


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--fuzz", type=int, default=500)
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--requests", type=int, default=1500)
    args = ap.parse_args()
    n, crashes, details = fuzz(args.fuzz)
    print(f"fuzzed inputs: {n}; crashes: {crashes} (must be 0)")
    for d in details[:10]:
        print("  " + d)
    with tempfile.TemporaryDirectory() as tmp:
        passed, trials = crash_trials(args.trials, Path(tmp))
        print(f"crash-recovery trials passed: {passed}/{trials}")
        sent, failed, p95 = load_during_ingest(args.requests, Path(tmp))
        print(f"load during an ingest: {sent} requests sent, {failed} failed (5xx), p95 {p95:.0f} ms")


if __name__ == "__main__":
    main()
