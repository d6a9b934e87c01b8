"""The web UI's aggregates on a small synthetic store (no NLP), on SQLite and on Postgres: every
chart counts the same merged events as the event list, whatever the grain or the filter."""

import os
import uuid

import pytest
from sqlalchemy import create_engine, func, select, text

from conftest import skip_or_fail


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def synthetic(request, tmp_path_factory):
    """One synthetic store per dialect for the whole module (read-only tests): SQLite, and Postgres
    when NEWSGRAPH_TEST_PG_URL names a server."""
    from newsgraph.store import Store
    from newsgraph.store.synthetic import build

    if request.param == "sqlite":
        store = Store(f"sqlite:///{tmp_path_factory.mktemp('aggregates') / 'synthetic.db'}")
        yield store, build(store, 1500, per_document=30, seed=3)
        return
    url = os.environ.get("NEWSGRAPH_TEST_PG_URL")
    if not url:
        skip_or_fail("no Postgres server: set NEWSGRAPH_TEST_PG_URL (.ci/run starts one)")
    name = "ng_aggregates_" + uuid.uuid4().hex[:10]
    admin = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    store = Store(f"{url.rpartition('/')[0]}/{name}")
    yield store, build(store, 1500, per_document=30, seed=3)
    store.engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def distinct_events(store, *cond):
    from newsgraph.store import schema as t

    with store.engine.connect() as conn:
        return conn.execute(select(func.count(func.distinct(t.event_mentions.c.event_key))).where(*cond)).scalar()


def test_synthetic_store_holds_merged_events_and_their_reports(synthetic):
    store, counts = synthetic
    assert counts["events"] == 1500 and counts["event_mentions"] > 1500 and counts["documents"] == 50
    assert distinct_events(store) == 1500


@pytest.mark.parametrize("grain", ["day", "week", "month", "year"])
def test_timeline_counts_every_event_once_at_any_grain(synthetic, grain):
    from newsgraph.store import aggregates as ag

    store, _ = synthetic
    data = ag.timeseries(store, ag.Selection(), grain)
    assert data["total"] == 1500 and data["grain"] == grain
    assert sum(sum(v) for v in data["counts"].values()) + data["undated"] == 1500
    assert data["periods"] == sorted(data["periods"]) and len(set(data["periods"])) == len(data["periods"])
    if grain == "week":
        from datetime import date

        assert all(date.fromisoformat(p).weekday() == 0 for p in data["periods"])
    conflict = ag.timeseries(store, ag.Selection(quad=(3, 4)), grain)
    assert not any(conflict["counts"]["1"]) and not any(conflict["counts"]["2"]) and any(conflict["counts"]["4"])
    assert conflict["total"] == ag.event_page(store, ag.Selection(quad=(3, 4)), limit=1)[1]


def test_filters_narrow_every_chart_alike(synthetic):
    from newsgraph.store import aggregates as ag

    store, _ = synthetic
    s = ag.Selection(since="2016-01-01", until="2019-12", type="ASSAULT", party="RUS")
    listed = ag.event_page(store, s, limit=1000)[0]
    assert listed and all(e["event"] == "ASSAULT" and "2016-01-01" <= e["date"][:10] and e["date"][:7] <= "2019-12" for e in listed)
    assert all(any(x["code"].startswith("RUS") for x in e["actors"] + e["recipients"]) for e in listed)
    assert ag.timeseries(store, s)["total"] == len(listed)
    net = ag.network(store, s, folded=True, limit=1000)
    assert sum(e["events"] for e in net["edges"]) == len([e for e in listed if e["actors"][0]["code"][:3] != e["recipients"][0]["code"][:3]])


def test_network_folds_sectors_and_draws_ego_networks(synthetic):
    from newsgraph.store import aggregates as ag

    store, _ = synthetic
    raw = ag.network(store, ag.Selection(), limit=10_000)
    folded = ag.network(store, ag.Selection(), folded=True, limit=10_000)
    assert any(len(n["id"]) > 3 for n in raw["nodes"]) and all(len(n["id"]) == 3 for n in folded["nodes"])
    assert sum(e["events"] for e in folded["edges"]) <= sum(e["events"] for e in raw["edges"])
    ego = ag.network(store, ag.Selection(), folded=True, focus="RUS", limit=10_000)
    neighbours = {x for e in folded["edges"] if "RUS" in (e["source"], e["target"]) for x in (e["source"], e["target"])}
    assert {n["id"] for n in ego["nodes"]} == neighbours
    strong = ag.network(store, ag.Selection(), folded=True, min_events=5, limit=10_000)
    assert strong["edges"] and all(e["events"] >= 5 for e in strong["edges"])
    assert len(ag.network(store, ag.Selection(), limit=7)["edges"]) == 7


def test_dyad_series_both_ways_and_one_way(synthetic):
    from newsgraph.store import aggregates as ag

    store, _ = synthetic
    both = ag.dyad(store, "RUS", "UKR", ag.Selection(), "month")
    one = ag.dyad(store, "RUS", "UKR", ag.Selection(), "month", directed=True)
    assert both["total"] == both["forward"] + both["backward"] and one["total"] == one["forward"] == both["forward"]
    s = ag.Selection(source="RUS", target="UKR", folded=True)
    assert ag.event_page(store, s, limit=1)[1] == one["total"]
    assert all(g is None or -10 <= g <= 10 for g in both["goldstein"])


def test_actor_gathers_its_sectors_counterparts_and_names(synthetic):
    from newsgraph.store import aggregates as ag

    store, _ = synthetic
    russia = ag.gathers({"canonical": "Q159", "kind": "country", "code": "RUS"})
    gathered = ag.gathered_actors(store, russia)
    assert {g["code"] for g in gathered} >= {"RUS", "RUSGOV", "RUSMIL"}
    parts = ag.counterparts(store, russia)["counterparts"]
    assert len(parts) >= 3 and [c["events"] for c in parts] == sorted((c["events"] for c in parts), reverse=True)
    assert all(len(c["key"]) == 3 for c in parts)  # folded into countries
    assert sum(c["as_actor"] + c["as_recipient"] for c in parts) == sum(c["events"] for c in parts)
    names = [n["name"] for n in ag.names_as_written(store, "Q159")]
    assert names == ["Russie"]  # the pronoun "Elle" stored for some documents is not a name
    one = ag.gathers({"canonical": "ng:rusgov", "kind": "organization", "code": "RUSGOV"})
    assert one.canonical == "ng:rusgov" and one.party is None


def test_places_count_located_events(synthetic):
    from newsgraph.store import aggregates as ag
    from newsgraph.store import schema as t

    store, _ = synthetic
    places = ag.places(store, ag.Selection())
    assert sum(p["events"] for p in places) == distinct_events(store, t.event_mentions.c.place.isnot(None))
    top = places[0]
    assert ag.event_page(store, ag.Selection(place=top["place"], place_country=top["country"]), limit=1)[1] == top["events"]


def test_event_page_sorts_on_every_column(synthetic):
    from newsgraph.store import aggregates as ag

    store, _ = synthetic
    for sort in ag.SORTS:
        rows, total = ag.event_page(store, ag.Selection(), sort=sort, descending=True, limit=40)
        assert total == 1500 and len(rows) == 40, sort
    rows = ag.event_page(store, ag.Selection(), sort="goldstein", limit=100)[0]
    assert [r["goldstein"] for r in rows] == sorted(r["goldstein"] for r in rows)
    first = ag.event_page(store, ag.Selection(), sort="date", limit=20)[0]
    second = ag.event_page(store, ag.Selection(), sort="date", limit=20, offset=20)[0]
    assert not {r["event_key"] for r in first} & {r["event_key"] for r in second}


def test_bad_selections_are_refused():
    from newsgraph.errors import StoreError
    from newsgraph.store import aggregates as ag

    for bad in (ag.Selection(quad=(7,)), ag.Selection(since="2020-1"), ag.Selection(type="DANCE"), ag.Selection(status="maybe")):
        with pytest.raises(StoreError):
            bad.check()
