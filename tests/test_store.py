"""Store contract tests, on a real SQLite file and a real Postgres server."""

import csv
import io
import json

import pytest
from sqlalchemy import func, select

from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.store.export import export
from newsgraph.store.ingest import ingest_paths
from newsgraph.store.query import EventFilters, actors, claims, documents, dyads, events, quotes
from newsgraph.schema import validate_document

pytestmark = pytest.mark.model


def count(store, table):
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def snapshot(store):
    with store.engine.connect() as conn:
        docs = sorted(r[0] for r in conn.execute(select(t.documents.c.id)))
        keys = sorted(set(r[0] for r in conn.execute(select(t.event_mentions.c.event_key))))
        mentions = conn.execute(select(func.count()).select_from(t.event_mentions)).scalar()
    return docs, keys, mentions


def test_ingest_is_idempotent_and_loses_nothing(store_url, small_corpus):
    store = Store(store_url)
    first = ingest_paths(store, [small_corpus])
    assert first.stored == 6 and first.failed == 2
    failures = {(f[0], f[1]) for f in first.failures}
    assert any("bad.jsonl" in path for path, _ in failures)
    assert count(store, t.failures) == 2
    again = ingest_paths(store, [small_corpus])
    assert again.stored == 0 and again.duplicates == 6
    assert count(store, t.documents) == 6


def test_recoded_when_the_pipeline_changes(store_url, small_corpus):
    store = Store(store_url)
    ingest_paths(store, [small_corpus / "a4.json"])
    with store.engine.begin() as conn:
        conn.execute(t.documents.update().values(pipeline="newsgraph 0.0.1 / old"))
    summary = ingest_paths(store, [small_corpus / "a4.json"])
    assert summary.recoded == 1
    with store.engine.connect() as conn:
        assert conn.execute(select(t.documents.c.pipeline)).scalar().startswith("newsgraph 0.1")


def test_wire_copy_adds_mentions_not_events(store_url, small_corpus):
    store = Store(store_url)
    ingest_paths(store, [small_corpus / "a2.json"])
    docs, keys, mentions = snapshot(store)
    ingest_paths(store, [small_corpus / "a2-wire.json"])
    docs2, keys2, mentions2 = snapshot(store)
    assert len(docs2) == 2 and mentions2 == 2 * mentions
    assert keys2 == keys
    with store.engine.connect() as conn:
        assert conn.execute(select(t.documents.c.duplicate_of).where(t.documents.c.id == "a2-wire")).scalar() == "a2"


def test_events_reported_twice_merge_by_date(store_url, small_corpus):
    store = Store(store_url)
    ingest_paths(store, [small_corpus / "a1.json", small_corpus / "a3.json"])
    merged, total = events(store, EventFilters(type="CONSULT"))
    assert total == 1 and merged[0].num_articles == 2 and merged[0].num_mentions == 2


def test_merging_does_not_depend_on_input_order(store_url, small_corpus, tmp_path):
    files = sorted(small_corpus.glob("a*.json"))
    one = Store(store_url)
    ingest_paths(one, files)
    other = Store(f"sqlite:///{tmp_path / 'reverse.db'}")
    ingest_paths(other, list(reversed(files)))
    assert snapshot(one)[1] == snapshot(other)[1]


def test_queries(store_url, small_corpus):
    store = Store(store_url)
    ingest_paths(store, [small_corpus])
    rus = events(store, EventFilters(party="RUS"))[0]
    assert rus and all(any(a["code"].startswith("RUS") for a in e.actors + e.recipients) for e in rus)
    assert events(store, EventFilters(actor="PRK", type="THREATEN"))[1] == 1
    assert events(store, EventFilters(recipient="JPN"))[1] >= 1
    assert events(store, EventFilters(since="2023-04", party="PRK"))[1] == 1
    assert events(store, EventFilters(until="2023-03-01"))[1] >= 1
    assert events(store, EventFilters(text="balistique"))[1] == 1
    assert events(store, EventFilters(status="planned"))[1] == 0
    assert {d["actor"][:3] for d in dyads(store, actor="PRK")} == {"PRK"}
    assert actors(store, query="RUS")[1] >= 1
    assert documents(store, q="missile")[1] == 1
    assert documents(store, q='"); DROP TABLE documents; --')[1] == 0
    assert count(store, t.documents) == 6


def test_quotes_and_claims_are_stored(store_url, tmp_path):
    store = Store(store_url)
    text = ("Le porte-parole de la Maison-Blanche a affirmé jeudi que la Corée du Nord livrait des obus à la Russie. "
            "Le régime nord-coréen a nié cela.")
    (tmp_path / "claim.json").write_text(json.dumps({"id": "claim", "published": "2023-09-05", "text": text}), "utf-8")
    ingest_paths(store, [tmp_path / "claim.json"])
    rows, total = quotes(store)
    assert total == 1 and rows[0]["speaker_code"].startswith("USA")
    rows, total = claims(store)
    assert total == 1 and rows[0]["event"] == "AID" and rows[0]["denied_by"]


def test_bad_filters_are_refused(store_url):
    from newsgraph.errors import StoreError

    store = Store(store_url)
    for bad in (EventFilters(type="DROP TABLE"), EventFilters(status="x"), EventFilters(since="yesterday")):
        with pytest.raises(StoreError):
            events(store, bad)


def test_delete_removes_everything_derived(store_url, small_corpus):
    store = Store(store_url)
    ingest_paths(store, [small_corpus / "a4.json"])
    assert store.delete_document("a4")
    for table in (t.documents, t.event_mentions, t.event_participants, t.mentions, t.times, t.places, t.quotes):
        assert count(store, table) == 0, table.name
    assert not store.delete_document("a4")


def test_exports(store_url, small_corpus, tmp_path):
    import networkx as nx
    import pyarrow.parquet as pq

    store = Store(store_url)
    ingest_paths(store, [small_corpus])
    out = io.StringIO()
    assert export(store, "jsonl", out) == 6
    for line in out.getvalue().splitlines():
        validate_document(json.loads(line))
    out = io.StringIO()
    n = export(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == n > 0 and "goldstein" in rows[0]
    out = io.StringIO()
    export(store, "gdelt", out)
    assert all(len(line.split("\t")) == 61 for line in out.getvalue().splitlines())
    out = io.StringIO()
    export(store, "plover", out)
    assert all(json.loads(line)["event"] for line in out.getvalue().splitlines())
    export(store, "parquet", None, str(tmp_path / "e.parquet"))
    assert pq.read_table(tmp_path / "e.parquet").num_rows == n
    for fmt in ("graphml", "gexf"):
        out = io.StringIO()
        export(store, fmt, out)
        path = tmp_path / f"g.{fmt}"
        path.write_text(out.getvalue(), "utf-8")
        g = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path)
        assert g.number_of_edges() >= 1


def test_readers_see_whole_documents_while_a_write_is_open(tmp_path, small_corpus):
    from sqlalchemy import insert

    store = Store(f"sqlite:///{tmp_path / 'wal.db'}")
    ingest_paths(store, [small_corpus / "a1.json"])
    with store.engine.begin() as writer:
        writer.execute(insert(t.failures).values(path="x", stage="s", reason="r", at="now"))
        reader = Store(store.url, upgrade=False)
        assert count(reader, t.documents) == 1  # the reader is not blocked and sees no half write
        assert count(reader, t.failures) == 0
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_killed_ingest_resumes_to_the_same_database(tmp_path):
    """kill -9 half-way, start again: the same database as an uninterrupted run."""
    import os
    import shutil
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    from conftest import ROOT

    corpus = tmp_path / "in"
    corpus.mkdir()
    for path in sorted((ROOT / "examples").glob("2016_*.txt"))[:8]:
        shutil.copy(path, corpus / path.name)
    exe = str(Path(sys.executable).parent / "newsgraph")
    killed = tmp_path / "killed.db"
    proc = subprocess.Popen([exe, "ingest", str(corpus), "--db", str(killed), "--batch-size", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store = None
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if killed.exists():
            try:
                store = store or Store(f"sqlite:///{killed}", upgrade=False)
                if count(store, t.documents) >= 3:
                    break
            except Exception:  # noqa: BLE001 - the schema may not exist yet
                store = None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if store is not None:
        assert count(store, t.documents) < 8, "the run finished before it could be killed"
    subprocess.run([exe, "ingest", str(corpus), "--db", str(killed)], check=True, capture_output=True)
    whole = tmp_path / "whole.db"
    subprocess.run([exe, "ingest", str(corpus), "--db", str(whole)], check=True, capture_output=True)
    a, b = Store(f"sqlite:///{killed}"), Store(f"sqlite:///{whole}")
    assert snapshot(a) == snapshot(b)
    with a.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
