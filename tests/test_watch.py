"""newsgraph watch against a loopback HTTP server: feeds that change between polls, article pages,
every fault a source can show, alert rules, webhook receivers, and a watcher killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.errors import InputError
from newsgraph.store import Store
from newsgraph.store import watch as sw
from newsgraph.watch.config import load_config, parse_duration
from newsgraph.watch.fetch import FetchError, fetch, http_client, parse_feed
from newsgraph.watch.runner import Watcher, backoff_delay

from conftest import ROOT
from feedserver import FeedServer, article_page, body, huge, redirect_to, rss, slow, status

EXE = str(Path(sys.executable).parent / "newsgraph")
MAX_BYTES = 200_000

ARTICLES = {
    "kharkiv": ("Frappes sur Kharkiv", "Le 3 mars 2023, l'armée russe a bombardé la ville ukrainienne de Kharkiv. "
                                       "Kiev a condamné ces frappes."),
    "pekin": ("Sommet à Pékin", "Le président russe a rencontré le président chinois à Pékin le 1er mars 2023. "
                                "Les deux dirigeants ont signé un accord de coopération."),
    "sanctions": ("Sanctions", "Le 2 mars 2023, l'Union européenne a sanctionné la Russie. Moscou a condamné ces sanctions."),
    "visite": ("Visite", "Le 6 mars 2023, le ministre français des Affaires étrangères s'est rendu à Berlin pour rencontrer "
                         "son homologue allemand."),
    "menace": ("Menace", "Le 5 mars 2023, la Corée du Nord a menacé le Japon. Le Japon a protesté auprès de Pyongyang."),
    "odessa": ("Attaque", "Le 20 mars 2023, la Russie a attaqué l'Ukraine avec des missiles. Des civils ont été tués à Odessa."),
}
FAULTS = {  # source name -> what its last error must say
    "lent": "timeout", "panne": "HTTP 500", "casse": "malformed XML", "boucle": "redirect loop", "absent": "HTTP 404",
    "enorme": "over the limit",
}


def item(key: str, **extra: str) -> dict[str, str]:
    title, text = ARTICLES[key]
    out = {"guid": f"urn:test:{key}", "title": title, "link": f"http://example.org/{key}", "content": text,
           "published": "Mon, 06 Mar 2023 10:00:00 GMT"}
    out.update(extra)
    return out


def serve_faults(srv: FeedServer) -> None:
    srv.routes["/lent.xml"] = slow(4)
    srv.routes["/panne.xml"] = status(500)
    srv.routes["/casse.xml"] = body(b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>coup</titl')
    srv.routes["/boucle.xml"] = redirect_to("/boucle.xml")
    srv.routes["/enorme.xml"] = huge(MAX_BYTES + 100_000)  # "absent" has no route: 404


def write_config(path: Path, srv: FeedServer, names: list[str], *, every: str = "15m", rules: str = "",
                 extra_sources: str = "") -> Path:
    text = '[watch]\ntimeout = "1s"\n\n'
    text += "".join(f'[[source]]\nname = "{n}"\nurl = "{srv.url}/{n}.xml"\nevery = "{every}"\n\n' for n in names)
    path.write_text(text + extra_sources + rules, "utf-8")
    return path


RULE = """
[[alert]]
name = "rus-ukr-assault"
actor = "RUS"
recipient = "UKR"
event = "ASSAULT"
min_goldstein = -10
webhook = "{url}/hook"
"""


def snapshot(store: Store) -> dict:
    """What a run leaves in the store, without timestamps (and without fetch counts: a killed run fetches again)."""
    with store.engine.connect() as conn:
        q = conn.exec_driver_sql
        return {
            "documents": sorted(r[0] for r in q("SELECT id FROM documents")),
            "event_keys": sorted({r[0] for r in q("SELECT event_key FROM event_mentions")}),
            "items": sorted(tuple(r) for r in q("SELECT source, item_key, kind, status, document_id, text_from FROM watch_items")),
            "sources": sorted(tuple(r) for r in q("SELECT name, items_seen, items_stored, consecutive_errors, etag FROM watch_sources")),
            "alerts": sorted(tuple(r) for r in q("SELECT a.rule, a.document_id, a.event_id, m.event_key FROM alerts a "
                                                 "JOIN event_mentions m ON m.document_id = a.document_id AND m.event_id = a.event_id")),
        }


# -- no model needed -----------------------------------------------------------------------------------
@pytest.mark.parametrize("value,seconds", [("15m", 900), ("1h30m", 5400), ("30s", 30), ("2d", 172800), ("0.5s", 0.5)])
def test_durations(value, seconds):
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", ["15", "15x", "m15", "", "0s", "-1m", 15])
def test_bad_durations_name_the_value(value):
    with pytest.raises(ValueError, match="every"):
        parse_duration(value, "every")


def test_backoff_doubles_up_to_the_cap():
    assert backoff_delay(60, 0, 3600) == 60
    assert [backoff_delay(60, n, 3600) for n in (1, 2, 3, 7, 20)] == [60, 120, 240, 3600, 3600]
    assert backoff_delay(86400, 5, 3600) == 86400  # never shorter than the interval


BAD_CONFIGS = [
    ("[[source]]\nurl = 'http://x/f.xml'\nevery = '15m'\nevry = '1h'\n", "[[source]] 1: unknown key 'evry'"),
    ("[[source]]\nurl = 'http://x/f.xml'\nevery = '15 minutes'\n", "[[source]] 1: every must be a duration"),
    ("[[source]]\nurl = 'http://x/f.xml'\n", "every is required"),
    ("[[source]]\nurl = 'ftp://x/f.xml'\nevery = '1m'\n", "url must start with http"),
    ("[[source]]\nurl = 'http://x/f.xml'\npath = 'in'\nevery = '1m'\n", "exactly one of url"),
    ("[source]\nurl = 'http://x/f.xml'\nevery = '1m'\n", "write [[source]]"),
    ("", "no [[source]]"),
    ("[[source]]\nurl = 'http://x/a'\nevery = '1m'\n[[source]]\nurl = 'http://x/a'\nevery = '2m'\n", "two sources are named"),
    ("[[source]]\nurl = 'http://x/a'\nevery = '1m'\n[[alert]]\nactor = 'RUS'\n", "[[alert]] 1: name is required"),
    ("[[source]]\nurl = 'http://x/a'\nevery = '1m'\n[[alert]]\nname = 'a'\nevent = 'BOMB'\n", "not a PLOVER type"),
    ("[[source]]\nurl = 'http://x/a'\nevery = '1m'\n[[alert]]\nname = 'a'\n", "has no condition"),
    ("[[source]]\nurl = 'http://x/a'\nevery = '1m'\n[[alert]]\nname = 'a'\nquad_class = 5\n", "quad_class takes 1, 2, 3 or 4"),
    ("[[source]]\nurl = 'http://x/a'\nevery = '1m'\n[[alert]]\nname = 'a'\nmin_goldstein = 3\nmax_goldstein = -3\n",
     "min_goldstein is above max_goldstein"),
    ("[[source]]\nurl = 'http://x/a'\nevery = '1m'\n[[alert]]\nname = 'a'\nactor = 7\n", "actor must be a string"),
    ("[[source]]\nurl = 'http://x/a'\nevery = '1m'\n[watch]\nfetchers = 0\n", "fetchers must be at least 1"),
    ("[[source]\nurl = 1", "not valid TOML"),
]


@pytest.mark.parametrize("text,message", BAD_CONFIGS)
def test_bad_config_is_one_clear_line(text, message, tmp_path):
    from newsgraph.cli.main import main

    cfg = tmp_path / "watch.toml"
    cfg.write_text(text, "utf-8")
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config(cfg)
    result = CliRunner().invoke(main, ["watch", "--config", str(cfg), "--db", str(tmp_path / "w.db"), "--once"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(cfg) in result.stderr and message in result.stderr
    assert not (tmp_path / "w.db").exists()  # nothing was opened, nothing to lose


def test_missing_config_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_config(tmp_path / "nowhere.toml")


def test_example_config_parses_and_is_not_ingested():
    from newsgraph.ingest.readers import expand_paths

    config = load_config(ROOT / "examples" / "watch.toml")
    assert config.sources and config.rules
    assert all(p.suffix != ".toml" for p in expand_paths([ROOT / "examples"], recursive=True))  # make demo ignores it


def test_rules_match_codes_by_prefix():
    rule = sw.AlertRule("r", actor="RUS", recipient="UKR", event="ASSAULT", min_goldstein=-10, max_goldstein=-5)
    base = dict(document_id="d", event_id="E1", event_key="k", event="ASSAULT", cameo="195", status="asserted", goldstein=-10.0,
                quad_class=4, actors=[{"code": "RUSMIL"}], recipients=[{"code": "UKR"}])
    assert rule.matches(sw.MentionView(**base))
    assert not rule.matches(sw.MentionView(**{**base, "actors": [{"code": "UKR"}], "recipients": [{"code": "RUSMIL"}]}))
    assert not rule.matches(sw.MentionView(**{**base, "event": "THREATEN"}))
    assert not rule.matches(sw.MentionView(**{**base, "goldstein": -4.0}))
    party = sw.AlertRule("p", party="PRK", cameo="13", quad_class=(3,), status=("asserted",))
    assert party.matches(sw.MentionView(**{**base, "actors": [{"code": "JPN"}], "recipients": [{"code": "PRKGOV"}],
                                           "cameo": "130", "quad_class": 3}))
    assert not party.matches(sw.MentionView(**{**base, "recipients": [{"code": "PRKGOV"}], "cameo": "130", "quad_class": 3,
                                               "status": "negated"}))


def test_every_fault_is_one_line_reason():
    with FeedServer() as srv:
        serve_faults(srv)
        srv.set_feed("/ok.xml", rss("ok", [item("pekin")]))
        srv.routes["/page.html"] = body(b"<html><body><p>Bonjour</p></body></html>", "text/html")
        client = http_client(1.0)
        for name, reason in FAULTS.items():
            with pytest.raises(FetchError, match=reason):
                resp = fetch(client, f"{srv.url}/{name}.xml", max_bytes=MAX_BYTES, deadline=1.0)
                parse_feed(resp.body, lenient=False)
        with pytest.raises(FetchError, match="not an RSS or Atom feed"):
            parse_feed(fetch(client, f"{srv.url}/page.html", max_bytes=MAX_BYTES, deadline=1.0).body, lenient=False)
        first = fetch(client, f"{srv.url}/ok.xml", max_bytes=MAX_BYTES, deadline=1.0)
        assert first.status == 200 and first.etag and first.last_modified
        again = fetch(client, f"{srv.url}/ok.xml", max_bytes=MAX_BYTES, deadline=1.0, etag=first.etag,
                      last_modified=first.last_modified)
        assert again.status == 304
        client.close()


def test_migration_upgrades_a_store_made_before_watch(tmp_path):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    store = Store(str(tmp_path / "old.db"), upgrade=False)
    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "src" / "newsgraph" / "store" / "migrations"))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_initial")
    assert "watch_sources" not in inspect(store.engine).get_table_names()
    store.upgrade()
    from alembic.script import ScriptDirectory

    assert store.revision() == ScriptDirectory.from_config(cfg).get_current_head()
    assert {"watch_sources", "watch_items", "alerts"} <= set(inspect(store.engine).get_table_names())
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001_initial")
    assert "alerts" not in inspect(store.engine).get_table_names()


# -- with the French model -----------------------------------------------------------------------------
@pytest.mark.model
def test_new_items_once_faults_recorded_one_alert_per_merged_event(store_url, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_MAX_BYTES", str(MAX_BYTES))
    with FeedServer() as srv:
        serve_faults(srv)
        srv.set_feed("/une.xml", rss("La Une", [item("kharkiv"), item("pekin")]))
        srv.routes["/articles/sanctions"] = body(article_page(*ARTICLES["sanctions"]), "text/html")
        srv.set_feed("/depeches.xml", rss("Dépêches", [
            item("kharkiv", guid="urn:wire:kharkiv", link="http://example.org/wire", content=ARTICLES["kharkiv"][1] + "\nSource : AFP."),
            {"guid": "urn:s", "title": "Sanctions", "link": f"{srv.url}/articles/sanctions", "summary": "Nouvelles sanctions."},
            {"guid": "urn:v", "title": "Visite", "link": f"{srv.url}/articles/gone", "summary": ARTICLES["visite"][1]},
        ]))
        srv.hooks["/hook"] = 2  # the receiver fails twice, then accepts
        cfg = write_config(tmp_path / "watch.toml", srv, ["une", "depeches", *FAULTS], rules=RULE.format(url=srv.url))
        store = Store(store_url)
        watcher = Watcher(store, load_config(cfg), batch_size=4)
        try:
            watcher.poll()
            first = snapshot(store)
            assert len(first["documents"]) == 5
            by_name = {s["name"]: s for s in sw.sources(store)}
            assert (by_name["une"]["items_stored"], by_name["depeches"]["items_stored"]) == (2, 3)
            for name, reason in FAULTS.items():  # the faulty sources are recorded, the good ones ingested
                assert by_name[name]["consecutive_errors"] == 1 and reason in by_name[name]["last_error"], name
                assert by_name[name]["items_seen"] == 0
            items = {i["link"]: i for i in sw.items(store, "depeches")[0]}
            assert items[f"{srv.url}/articles/sanctions"]["text_from"] == "page"
            gone = items[f"{srv.url}/articles/gone"]
            assert gone["text_from"] == "summary" and "HTTP 404" in gone["note"] and gone["status"] == "stored"
            with store.engine.connect() as conn:
                text = conn.exec_driver_sql(f"SELECT text FROM documents WHERE id = '{items[f'{srv.url}/articles/sanctions']['document_id']}'").scalar()
            assert "l'Union européenne a sanctionné la Russie" in text and "Tous droits" not in text

            alerts, total = sw.alerts(store)
            assert total == 1  # the wire copy joined the merged event: no second alert
            assert alerts[0]["rule"] == "rus-ukr-assault" and alerts[0]["num_articles"] == 2
            assert alerts[0]["actors"] == ["RUSMIL"] and alerts[0]["recipients"] == ["UKR"]

            from newsgraph.watch.webhook import WebhookSender

            sender = WebhookSender(store, base_delay=0.05).start()
            assert sender.drain(10)
            sender.stop()
            (got,) = srv.posts["/hook"]
            assert got["id"] == alerts[0]["id"] and got["rule"] == "rus-ukr-assault" and got["event"]["event"] == "ASSAULT"
            assert got["document"]["title"] == "Frappes sur Kharkiv"
            delivered = sw.alerts(store)[0][0]
            assert (delivered["delivery"], delivered["attempts"]) == ("delivered", 3)

            watcher.poll()  # nothing changed: conditional GET, nothing stored
            assert snapshot(store)["documents"] == first["documents"]
            assert srv.fetched("/une.xml")[-1].get("If-None-Match")
            assert sw.source_state(store, "une")["last_status"] == "304"
            assert sw.source_state(store, "panne")["consecutive_errors"] == 2
            assert sw.source_state(store, "panne")["errors_total"] == 2

            srv.set_feed("/une.xml", rss("La Une", [item("odessa"), item("menace"), item("kharkiv"), item("pekin")]))
            watcher.poll()  # the feed changed: only its two new items are coded
            second = snapshot(store)
            assert len(second["documents"]) == 7
            assert sw.source_state(store, "une")["items_stored"] == 4
            alerts, total = sw.alerts(store)
            assert total == 2 and {tuple(a["actors"]) for a in alerts} == {("RUSMIL",), ("RUS",)}
            assert sw.source_state(store, "une")["items_seen"] == 4
        finally:
            watcher.close()


@pytest.mark.model
def test_failing_webhook_never_blocks_ingest_and_gives_up(tmp_path):
    from newsgraph.watch.webhook import WebhookSender

    with FeedServer() as srv:
        srv.set_feed("/une.xml", rss("La Une", [item("kharkiv")]))
        srv.hooks["/hook"] = 1000  # always failing
        cfg = write_config(tmp_path / "watch.toml", srv, ["une"], rules=RULE.format(url=srv.url))
        store = Store(str(tmp_path / "w.db"))
        sender = WebhookSender(store, base_delay=0.02, attempts=3).start()
        watcher = Watcher(store, load_config(cfg), on_alert=sender.wake)
        try:
            watcher.poll()
        finally:
            watcher.close()
        assert watcher.summary.stored == 1 and watcher.summary.alerts == 1
        assert sender.drain(5)
        sender.stop()
        (alert,) = sw.alerts(store)[0]
        assert alert["delivery"] == "failed" and alert["attempts"] == 3 and "HTTP 500" in alert["last_error"]

    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    client = TestClient(create_app(str(tmp_path / "w.db")))
    got = client.get("/api/alerts", params={"since": "1d", "limit": 5}).json()
    assert got["total"] == 1 and got["items"][0]["rule"] == "rus-ukr-assault" and got["items"][0]["delivery"] == "failed"
    assert client.get("/api/alerts", params={"rule": "other"}).json()["total"] == 0
    bad = client.get("/api/alerts", params={"since": "hier"})
    assert bad.status_code == 400 and set(bad.json()["error"]) == {"code", "message"}
    home = client.get("/").text  # the home page lists the latest alerts
    assert 'id="alerts"' in home and "rus-ukr-assault: ASSAULT RUSMIL → UKR" in home


@pytest.mark.model
def test_directory_source(tmp_path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "kharkiv.txt").write_text("\n\n".join(ARTICLES["kharkiv"]) + "\n", "utf-8")
    (incoming / "deux.jsonl").write_text("".join(json.dumps({"id": k, "title": ARTICLES[k][0], "text": ARTICLES[k][1]},
                                                            ensure_ascii=False) + "\n" for k in ("pekin", "menace")), "utf-8")
    (incoming / "binaire.txt").write_bytes(b"\x00\x01\x02binary")
    (incoming / ".cache").mkdir()
    (incoming / ".cache" / "hidden.txt").write_text("\n\n".join(ARTICLES["odessa"]), "utf-8")
    cfg = tmp_path / "watch.toml"
    cfg.write_text('[[source]]\nname = "arrivees"\npath = "incoming"\nevery = "1m"\n', "utf-8")  # relative to the file
    store = Store(str(tmp_path / "w.db"))
    watcher = Watcher(store, load_config(cfg))
    try:
        watcher.poll()
        assert (watcher.summary.stored, watcher.summary.failed) == (3, 1)
        watcher.poll()
        assert (watcher.summary.stored, watcher.summary.failed, watcher.summary.new) == (3, 1, 4)
        (incoming / "odessa.txt.part").write_text("\n\n".join(ARTICLES["odessa"]) + "\n", "utf-8")
        watcher.poll()  # a file still being written is not read
        assert watcher.summary.new == 4
        (incoming / "odessa.txt.part").rename(incoming / "odessa.txt")
        with (incoming / "deux.jsonl").open("a", encoding="utf-8") as fh:  # a file that grows: only its new record
            fh.write(json.dumps({"id": "sanctions", "text": "\n\n".join(ARTICLES["sanctions"])}, ensure_ascii=False) + "\n")
        watcher.poll()
        assert (watcher.summary.stored, watcher.summary.new) == (5, 6)
    finally:
        watcher.close()
    state = sw.source_state(store, "arrivees")
    assert (state["items_seen"], state["items_stored"], state["consecutive_errors"]) == (6, 5, 0)
    failed = [i for i in sw.items(store, "arrivees")[0] if i["status"] == "failed"]
    assert len(failed) == 1 and "binaire.txt" in failed[0]["link"] and "binary" in failed[0]["note"]


@pytest.mark.model
def test_dask_codes_the_items(tmp_path):
    try:
        from distributed import LocalCluster
    except ImportError:
        pytest.skip("dask.distributed is not installed")
    from newsgraph.batch.dask import dask_coder

    with FeedServer() as srv:
        srv.set_feed("/une.xml", rss("La Une", [item("kharkiv"), item("pekin"), item("menace")]))
        cfg = write_config(tmp_path / "watch.toml", srv, ["une"], rules=RULE.format(url=srv.url))
        plain = Store(str(tmp_path / "plain.db"))
        Watcher(plain, load_config(cfg)).poll()
        srv.set_feed("/une.xml", rss("La Une", [item("kharkiv"), item("pekin"), item("menace"), item("odessa")]))
        Watcher(plain, load_config(cfg)).poll()
        on_dask = Store(str(tmp_path / "dask.db"))
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=None) as cluster:
            srv.set_feed("/une.xml", rss("La Une", [item("kharkiv"), item("pekin"), item("menace")]))
            w = Watcher(on_dask, load_config(cfg), code=lambda: dask_coder(cluster.scheduler_address, partition=2))
            w.poll()
            srv.set_feed("/une.xml", rss("La Une", [item("kharkiv"), item("pekin"), item("menace"), item("odessa")]))
            w.poll()
            w.close()
        assert w.summary.stored == 4
        mine, theirs = snapshot(on_dask), snapshot(plain)
        assert mine == theirs


def test_shared_cluster_starts_one_local_cluster_for_every_poll():
    try:
        from distributed import Client
    except ImportError:
        pytest.skip("dask.distributed is not installed")
    from newsgraph.batch.dask import shared_cluster

    with shared_cluster("tcp://127.0.0.1:8786") as address:
        assert address == "tcp://127.0.0.1:8786"  # an existing scheduler is used as given
    with shared_cluster("local:1") as address:
        assert address.startswith("tcp://")
        with Client(address, timeout="20s") as client:
            assert len(client.scheduler_info()["workers"]) == 1
    with pytest.raises(OSError):
        Client(address, timeout="1s")  # closed with the block


def _count(db: Path, sql: str) -> int:
    try:
        con = sqlite3.connect(db, timeout=1)
        try:
            return con.execute(sql).fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.model
def test_sigkill_during_a_run_then_restart_gives_the_uninterrupted_store(tmp_path):
    examples = sorted((ROOT / "examples").glob("2017_*.txt"))[:10]
    entries = []
    for n, path in enumerate(examples):
        title, _, text = path.read_text("utf-8").partition("\n\n")
        entries.append({"guid": f"urn:ex:{path.stem}", "title": title.strip(), "link": f"http://example.org/{path.stem}",
                        "content": text.strip()})
    with FeedServer() as srv:
        srv.set_feed("/a.xml", rss("A", entries[:5]))
        srv.set_feed("/b.xml", rss("B", entries[5:]))
        rules = '[[alert]]\nname = "conflit"\nquad_class = [3, 4]\n'
        cfg = write_config(tmp_path / "watch.toml", srv, ["a", "b"], rules=rules)
        reference = Store(str(tmp_path / "ref.db"))
        w = Watcher(reference, load_config(cfg), batch_size=1)
        w.poll()
        w.close()
        expected = snapshot(reference)
        assert len(expected["documents"]) == 10 and expected["alerts"]

        db = tmp_path / "killed.db"
        cmd = [EXE, "watch", "--config", str(cfg), "--db", str(db), "--once", "--batch-size", "1"]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        while _count(db, "SELECT count(*) FROM watch_items") < 3 and proc.poll() is None and time.time() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stored_when_killed = _count(db, "SELECT count(*) FROM documents")
        assert 0 < stored_when_killed < 10
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert snapshot(Store(str(db))) == expected
        again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)  # a second --once run stores nothing
        assert again.returncode == 0 and "0 new items" in again.stderr
        assert snapshot(Store(str(db))) == expected

        from newsgraph.cli.main import main

        runner = CliRunner()
        listing = runner.invoke(main, ["sources", "--db", str(db), "--format", "json"])
        assert listing.exit_code == 0
        assert {(s["name"], s["items_seen"], s["items_stored"]) for s in json.loads(listing.stdout)} == {("a", 5, 5), ("b", 5, 5)}
        lines = runner.invoke(main, ["alerts", "--db", str(db), "--format", "jsonl", "--since", "1h"]).stdout.splitlines()
        assert len(lines) == len(expected["alerts"]) and all(json.loads(x)["rule"] == "conflit" for x in lines)
        assert runner.invoke(main, ["alerts", "--db", str(db), "--since", "2999-01-01", "--format", "csv"]).stdout.count("\n") == 1
        table = runner.invoke(main, ["alerts", "--db", str(db)])
        assert table.exit_code == 0 and table.stdout.startswith("created_at")
        bad = runner.invoke(main, ["alerts", "--db", str(db), "--since", "yesterday"])
        assert bad.exit_code == 2 and "since takes a date or time" in bad.stderr and bad.stderr.count("\n") == 1
        items = runner.invoke(main, ["sources", "--db", str(db), "--items", "a", "--format", "csv"])
        assert items.exit_code == 0 and items.stdout.count("\n") == 6


@pytest.mark.model
def test_runs_until_sigterm_and_polls_again(tmp_path):
    with FeedServer() as srv:
        srv.set_feed("/une.xml", rss("La Une", [item("pekin")]))
        cfg = write_config(tmp_path / "watch.toml", srv, ["une"], every="1s")
        db = tmp_path / "w.db"
        proc = subprocess.Popen([EXE, "watch", "--config", str(cfg), "--db", str(db)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.time() + 120
            while _count(db, "SELECT count(*) FROM documents") < 1 and time.time() < deadline:
                time.sleep(0.1)
            srv.set_feed("/une.xml", rss("La Une", [item("menace"), item("pekin")]))  # picked up by a later poll
            while _count(db, "SELECT count(*) FROM documents") < 2 and time.time() < deadline:
                time.sleep(0.1)
            assert _count(db, "SELECT count(*) FROM documents") == 2
            proc.send_signal(signal.SIGTERM)
            _, err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == 0, err
        assert "2 new items: 2 stored" in err and "Traceback" not in err
        assert _count(db, "SELECT polls FROM watch_sources") >= 2


@pytest.mark.model
def test_once_exits_1_when_a_source_failed_and_says_so_per_source(tmp_path, capsys):
    from newsgraph.cli.main import main
    from newsgraph.cli.watch import _Rich

    with FeedServer() as srv:
        srv.set_feed("/une.xml", rss("La Une", [item("pekin")]))
        srv.routes["/panne.xml"] = status(503)
        cfg = write_config(tmp_path / "watch.toml", srv, ["une", "panne"])
        before = signal.getsignal(signal.SIGTERM)
        result = CliRunner().invoke(main, ["watch", "--config", str(cfg), "--db", str(tmp_path / "w.db"), "--once"])
        assert signal.getsignal(signal.SIGTERM) is before  # the command puts the handlers back
    assert result.exit_code == 1, result.stderr
    lines = result.stderr.splitlines()
    assert any(x.startswith("newsgraph: watch: une: 200, 1 new: 1 stored") for x in lines)
    assert any(x.startswith("newsgraph: watch: panne: error (1 in a row, next try in 15m): HTTP 503") for x in lines)
    assert lines[-1].startswith("newsgraph: watch: 2 polls (1 failed), 1 new items: 1 stored")

    from newsgraph.watch.runner import PollReport

    live = _Rich(2)  # the terminal display renders the same reports
    live.report(PollReport("une", "200", 1, 1, 0, 0, 0))
    live.item("une", "stored")
    live.report(PollReport("panne", "error", 0, 0, 0, 0, 0, error="HTTP 503", consecutive_errors=1, retry_in=900))
    live.close()
    shown = capsys.readouterr().err
    assert "une" in shown and "panne" in shown and "HTTP 503" in shown and "1 stored" in shown
