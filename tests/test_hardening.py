"""Crash recovery under repeated SIGKILL, reading while writing, and hostile CLI query options."""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.store import Store
from newsgraph.store import schema as t

from conftest import ROOT
from test_store import count, snapshot

pytestmark = pytest.mark.model
EXE = str(Path(sys.executable).parent / "newsgraph")
TRIALS = 10


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("crash")
    for path in sorted((ROOT / "examples").glob("2017_*.txt"))[:6]:
        shutil.copy(path, d / path.name)
    return d


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    subprocess.run([EXE, "ingest", str(corpus), "--db", str(db)], check=True, capture_output=True)
    return snapshot(Store(f"sqlite:///{db}"))


def test_sigkill_at_random_points_then_resume(corpus, reference, tmp_path):
    rng = random.Random(int(os.environ.get("NEWSGRAPH_CRASH_SEED", "7")))
    for trial in range(TRIALS):
        db = tmp_path / f"trial{trial}.db"
        proc = subprocess.Popen([EXE, "ingest", str(corpus), "--db", str(db), "--batch-size", "1"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(2.0, 9.0))  # during start-up, the model load, or the writes
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        subprocess.run([EXE, "ingest", str(corpus), "--db", str(db)], check=True, capture_output=True)
        store = Store(f"sqlite:///{db}")
        assert snapshot(store) == reference, f"trial {trial}"
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_readers_never_see_half_a_document(corpus, tmp_path):
    db = tmp_path / "live.db"
    store = Store(f"sqlite:///{db}")
    proc = subprocess.Popen([EXE, "ingest", str(corpus), "--db", str(db), "--batch-size", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    checked = 0
    while proc.poll() is None:
        with store.engine.connect() as conn:  # one read transaction: a consistent snapshot
            docs = conn.execute(t.documents.select()).all()
            for d in docs:
                data = json.loads(d.data)
                stored = conn.execute(t.event_mentions.select().where(t.event_mentions.c.document_id == d.id)).all()
                assert len(stored) == len(data["events"]), d.id
                checked += 1
        time.sleep(0.1)
    assert proc.returncode == 0 and checked > 0


@pytest.fixture(scope="module")
def query_db(corpus, tmp_path_factory):
    d = tmp_path_factory.mktemp("query")
    shutil.copy(next(corpus.glob("*.txt")), d / "one.txt")
    subprocess.run([EXE, "ingest", str(d / "one.txt"), "--db", str(d / "q.db")], check=True, capture_output=True)
    return d / "q.db"


@pytest.mark.parametrize("option", ["--actor", "--recipient", "--party", "--type", "--status", "--since", "--until", "--text"])
def test_hostile_cli_query_options(option, query_db):
    db = query_db
    before = count(Store(f"sqlite:///{db}"), t.documents)
    for value in ["' OR 1=1 --", "\"); DROP TABLE documents; --", "%", "_", "%00"]:
        proc = subprocess.run([EXE, "events", option, value, "--db", str(db)], capture_output=True, text=True)
        assert proc.returncode in (0, 2), proc.stderr
        assert "Traceback" not in proc.stderr
        assert proc.stderr.count("\n") <= 1
    for command in (["quotes", "--speaker", "'; DROP TABLE quotes; --"], ["actors", "-q", "%' OR '1'='1"],
                    ["dyads", "--actor", "' OR 1=1 --"]):
        proc = subprocess.run([EXE, *command, "--db", str(db)], capture_output=True, text=True)
        assert proc.returncode in (0, 2) and "Traceback" not in proc.stderr
    assert count(Store(f"sqlite:///{db}"), t.documents) == before
