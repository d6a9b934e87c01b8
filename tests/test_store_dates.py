"""Issue 19 in the store: where each date came from (documents.published_source, event_mentions.when_source),
ranges' ends, the exports and the queries that use them, and migration 0003 on a store made before it."""

import csv
import io
import json

import pytest
from sqlalchemy import select, text

from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.store.export import export
from newsgraph.store.ingest import ingest_texts
from newsgraph.store.query import EventFilters, dyads, events

pytestmark = pytest.mark.model

RECORDS = [
    {"id": "r1", "published": "2023-09-05", "text": "Sanctions\n\nLa Russie a accusé l'Ukraine de sabotage.\n"},
    {"id": "r2", "published": "2023-09-05",
     "text": "Visite\n\nLe président iranien rencontrera son homologue français du 12 au 15 octobre.\n"},
    {"id": "r3", "text": "Tirs\n\n6 juin 2017 . – Dimanche, l'armée syrienne a bombardé Alep.\n"},
]


def _mentions(store):
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.event_mentions.c.document_id, t.event_mentions.c.when_value,
                                   t.event_mentions.c.when_source, t.event_mentions.c.when_end, t.event_mentions.c.month)).all()
        sources = dict(conn.execute(select(t.documents.c.id, t.documents.c.published_source)).all())
    return rows, sources


def test_dates_and_their_sources_are_stored(store_url):
    store = Store(store_url)
    assert ingest_texts(store, RECORDS).stored == 3
    rows, sources = _mentions(store)
    assert sources == {"r1": "metadata", "r2": "metadata", "r3": "dateline"}
    by_doc = {r.document_id: r for r in rows}
    assert (by_doc["r1"].when_value, by_doc["r1"].when_source, by_doc["r1"].when_end) == ("2023-09-05", "published", None)
    assert (by_doc["r2"].when_value, by_doc["r2"].when_source, by_doc["r2"].when_end) == ("2023-10-12", "text", "2023-10-15")
    assert (by_doc["r3"].when_value, by_doc["r3"].when_source) == ("2017-06-04", "text")
    assert all(r.month for r in rows)
    merged = {e.mentions[0]["document"]: e for e in events(store, EventFilters(limit=100))[0]}
    assert (merged["r2"].date, merged["r2"].date_end, merged["r2"].date_source) == ("2023-10-12", "2023-10-15", "text")
    assert (merged["r1"].date, merged["r1"].date_source) == ("2023-09-05", "published")
    assert [e.mentions[0]["document"] for e in events(store, EventFilters(since="2023-10", limit=100))[0]] == ["r2"]
    assert {d["month"] for d in dyads(store)} <= {"2023-09", "2023-10", "2017-06"}


def test_exports_carry_both_ends_and_the_source(store_url, tmp_path):
    import pyarrow.parquet as pq

    store = Store(store_url)
    ingest_texts(store, RECORDS)
    out = io.StringIO()
    export(store, "csv", out)
    rows = {r["first_document"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert (rows["r2"]["date"], rows["r2"]["date_end"], rows["r2"]["date_source"]) == ("2023-10-12", "2023-10-15", "text")
    assert (rows["r1"]["date"], rows["r1"]["date_source"]) == ("2023-09-05", "published")
    out = io.StringIO()
    export(store, "plover", out)
    plover = {json.loads(line)["story_id"]: json.loads(line) for line in out.getvalue().splitlines()}
    assert (plover["r2"]["date"], plover["r2"]["date_end"], plover["r2"]["date_source"]) == ("2023-10-12", "2023-10-15", "text")
    out = io.StringIO()
    export(store, "gdelt", out)
    gdelt = {line.split("\t")[-1]: line.split("\t") for line in out.getvalue().splitlines()}
    assert all(len(cols) == 61 for cols in gdelt.values())
    assert gdelt["r2"][1] == "20231012" and gdelt["r2"][59] == "20230905"  # Day: the event's; DATEADDED: its report's
    assert gdelt["r3"][1] == "20170604"
    export(store, "parquet", None, str(tmp_path / "e.parquet"))
    table = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert {(r["date"], r["date_end"]) for r in table if r["first_document"] == "r2"} == {("2023-10-12", "2023-10-15")}
    out = io.StringIO()
    export(store, "jsonl", out)
    docs = {json.loads(line)["document"]["id"]: json.loads(line) for line in out.getvalue().splitlines()}
    assert docs["r3"]["document"]["published_source"] == "dateline"
    assert docs["r2"]["events"][0]["when"] == {"time": "T1", "value": "2023-10-12", "source": "text", "end": "2023-10-15"}


def test_dates_of_the_report_do_not_merge_events_across_articles(store_url):
    """Only the text's own dates merge events of different articles (as before 0003); a date taken from
    the report says nothing about whether two reports tell of one event."""
    store = Store(store_url)
    ingest_texts(store, [{"id": "a", "published": "2023-09-05", "text": "La Russie a accusé l'Ukraine de sabotage."},
                         {"id": "b", "published": "2023-09-06", "text": "Moscou a de nouveau accusé l'Ukraine de sabotage dans un communiqué."}])
    merged = events(store, EventFilters(limit=100))[0]
    assert len([e for e in merged if e.event == "ACCUSE"]) == 2


def test_migration_0003_on_a_store_made_before_it(tmp_path):
    from alembic import command
    from alembic.config import Config
    from pathlib import Path

    import newsgraph.store.core as core

    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = Store(url, upgrade=False)
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(core.__file__).parent / "migrations"))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_initial")
        # the store as 0001 made it before this revision's columns were in schema.py
        for table, column in (("documents", "published_source"), ("event_mentions", "when_source"), ("event_mentions", "when_end")):
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
        conn.execute(text("INSERT INTO documents (id, content_sha256, raw_sha256, published, pipeline, text, data, ingested_at) "
                          "VALUES ('old', 'c', 'r', '2020-01-02', 'newsgraph 0.0.1', 'x', '{}', 'now')"))
        conn.execute(text("INSERT INTO event_mentions (document_id, event_id, event, actors, recipients, status, when_value, "
                          "group_key, event_key) VALUES ('old', 'E1', 'ACCUSE', '[]', '[]', 'asserted', '2020-01-01', 'g', 'k')"))
    assert store.revision() == "0001_initial"
    store.upgrade()
    from alembic.script import ScriptDirectory

    assert store.revision() == ScriptDirectory.from_config(cfg).get_current_head()
    assert "0002_watch" in {r.revision for r in ScriptDirectory.from_config(cfg).walk_revisions()}
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT when_source, when_end FROM event_mentions")).one() == ("text", None)
        assert conn.execute(text("SELECT published_source FROM documents")).scalar() is None
    store.upgrade()  # idempotent
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001_initial")
    with store.engine.connect() as conn:
        columns = {r[1] for r in conn.execute(text("PRAGMA table_info(event_mentions)"))}
    assert "when_source" not in columns and "when_value" in columns


def test_rest_api_and_pages_use_the_stored_dates(tmp_path):
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    db = str(tmp_path / "web.db")
    ingest_texts(Store(db), RECORDS)
    client = TestClient(create_app(db))
    items = {e["mentions"][0]["document"]: e for e in client.get("/api/events").json()["items"]}
    assert (items["r2"]["date"], items["r2"]["date_end"], items["r2"]["date_source"]) == ("2023-10-12", "2023-10-15", "text")
    assert (items["r1"]["date"], items["r1"]["date_source"]) == ("2023-09-05", "published")
    assert client.get("/api/events", params={"since": "2023-10"}).json()["total"] == 1
    assert "2017-06" in client.get("/timeline").text
    doc = client.get("/api/documents/r3").json()
    assert doc["document"]["published_source"] == "dateline"


def test_recode_finds_the_dateline_again(tmp_path):
    from newsgraph.store.ingest import recode

    store = Store(str(tmp_path / "r.db"))
    ingest_texts(store, RECORDS)
    with store.engine.begin() as conn:
        conn.execute(t.documents.update().values(pipeline="newsgraph 0.0.1 / old"))
    assert recode(store).recoded == 3
    _, sources = _mentions(store)
    assert sources == {"r1": "metadata", "r2": "metadata", "r3": "dateline"}
