"""The REST API through httpx against the real app and a real SQLite store."""


import pytest

from conftest import SEED

pytestmark = pytest.mark.model

HOSTILE = ("Titre <script>alert(1)</script>\n\nLe président russe a rencontré <img src=x onerror=alert(2)> "
           "le président chinois à Pékin. <b onmouseover=alert(3)>piège</b>\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from newsgraph.store import Store
    from newsgraph.store.ingest import ingest_texts

    path = tmp_path_factory.mktemp("web") / "web.db"
    store = Store(str(path))
    ingest_texts(store, [{"id": "000_f0b6dedbf44acbc7", "text": SEED.read_text("utf-8")},
                         {"id": "hostile", "text": HOSTILE, "published": "2023-03-01"}])
    return str(path)


@pytest.fixture(scope="module")
def client(db):
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    return TestClient(create_app(db))


def error_shape(r, status):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return body["error"]["code"]


def test_documents_and_pagination(client):
    r = client.get("/api/documents", params={"limit": 1})
    assert r.status_code == 200 and r.json()["total"] == 2 and len(r.json()["items"]) == 1
    assert client.get("/api/documents", params={"q": "Vladivostok"}).json()["total"] == 1
    doc = client.get("/api/documents/000_f0b6dedbf44acbc7").json()
    assert doc["schema"] == "newsgraph.document/1"


def test_events_filters_and_other_endpoints(client):
    body = client.get("/api/events", params={"party": "PRK", "limit": 5}).json()
    assert body["total"] >= 5 and len(body["items"]) == 5
    for path in ("/api/actors", "/api/quotes", "/api/claims", "/api/dyads", "/api/graph", "/api/actors/Q7747"):
        assert client.get(path).status_code == 200, path
    assert client.get("/api/quotes", params={"speaker": "PRK"}).json()["total"] >= 2
    assert "paths" in client.get("/openapi.json").json()
    csv = client.get("/api/events.csv", params={"actor": "RUS"})
    assert csv.status_code == 200 and csv.text.startswith("event_key,")


def test_one_error_shape(client):
    assert error_shape(client.get("/api/documents/nope"), 404) == "not_found"
    assert error_shape(client.get("/api/events", params={"type": "DROP TABLE"}), 400) == "bad_query"
    assert error_shape(client.get("/api/events", params={"limit": -1}), 422) == "invalid_request"
    assert error_shape(client.get("/api/nope"), 404) == "not_found"
    assert error_shape(client.post("/api/extract", json={"nope": 1}), 422) == "invalid_request"
    assert error_shape(client.post("/api/extract", json={"text": "The United States and China met in Geneva on Monday to talk."}),
                       422) == "unprocessable_text"
    assert error_shape(client.post("/api/extract", content=b"x" * 3_000_000, headers={"content-type": "application/json"}),
                       413) == "payload_too_large"


def test_injection_attempts_change_nothing(client):
    before = client.get("/api/documents").json()["total"]
    for value in ["' OR 1=1 --", "RUS%", "\"); DROP TABLE documents; --", "*", "NEAR(", "%00"]:
        for param in ("actor", "recipient", "party", "text"):
            r = client.get("/api/events", params={param: value})
            assert r.status_code in (200, 400, 422)
            if r.status_code == 200:
                assert r.json()["total"] == 0 or param == "text" and value == "*"
        assert client.get("/api/documents", params={"q": value}).status_code == 200
    assert client.get("/api/documents").json()["total"] == before


def test_extract_stores_only_with_authorisation(db):
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    text = {"text": "Le Japon a envoyé une aide humanitaire au Népal.", "id": "posted"}
    public = TestClient(create_app(db, host="0.0.0.0"))
    assert public.post("/api/extract", json=text).status_code == 200  # coding without storing is open
    assert error_shape(public.post("/api/extract", params={"store": "true"}, json=text), 401) == "unauthorized"
    with_token = TestClient(create_app(db, token="s3cret", host="0.0.0.0"))
    assert error_shape(with_token.post("/api/extract", params={"store": "true"}, json=text,
                                       headers={"Authorization": "Bearer wrong"}), 403) == "forbidden"
    assert public.get("/api/documents/posted").status_code == 404
    ok = with_token.post("/api/extract", params={"store": "true"}, json=text, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200
    assert public.get("/api/documents/posted").status_code == 200


def test_pages_escape_hostile_html(client):
    r = client.get("/documents/hostile")
    assert r.status_code == 200
    assert "<script>" not in r.text and "<img" not in r.text and "<b onmouseover" not in r.text
    assert "&lt;script&gt;" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    for path in ("/", "/events", "/timeline", "/map", "/network", "/analyse", "/actors/Q7747"):
        page = client.get(path)
        assert page.status_code == 200 and "<script>alert" not in page.text, path


def test_static_traversal_is_refused(client):
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py"):
        assert client.get(path).status_code == 404


# -- the charts' data, the pages' language, the catalogue -------------------------------------------

def test_chart_endpoints_agree_with_the_events(client):
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    timeline = client.get("/api/timeline").json()
    assert timeline["total"] == total and sum(sum(v) for v in timeline["counts"].values()) + timeline["undated"] == total
    assert len(timeline["periods"]) == len(timeline["goldstein"]) and set(timeline["labels"]) == set(timeline["counts"])
    listed = client.get("/api/event-list", params={"limit": 500}).json()
    assert listed["total"] == total and len(listed["items"]) == total
    assert all(e["href"].startswith("/documents/") and "#event-E" in e["href"] for e in listed["items"])
    net = client.get("/api/network").json()
    folded = client.get("/api/network", params={"fold": "true"}).json()
    assert net["nodes"] and all(n["label"] for n in net["nodes"])
    assert not any(n["id"].startswith(("RUS", "PRK")) and len(n["id"]) > 3 for n in folded["nodes"])
    assert sum(e["events"] for e in folded["edges"]) <= sum(e["events"] for e in net["edges"])
    ego = client.get("/api/network", params={"fold": "true", "focus": "RUS"}).json()
    assert ego["focus"] == "RUS" and all("RUS" in (e["source"], e["target"]) or e["source"] in {n["id"] for n in ego["nodes"]}
                                         for e in ego["edges"])
    dyad = client.get("/api/dyad", params={"a": "RUS", "b": "PRK"}).json()
    assert dyad["forward"] + dyad["backward"] == dyad["total"] > 0
    edge = client.get("/api/event-list", params={"source": "RUS", "target": "PRK", "fold": "true"}).json()
    assert edge["total"] == dyad["forward"]
    places = client.get("/api/places").json()["items"]
    assert places and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)
    at = client.get("/api/event-list", params={"place": places[0]["place"], "place_country": places[0]["country"]}).json()
    assert at["total"] == places[0]["events"]


def test_every_chart_downloads_as_csv(client):
    for path, params, first in [("/api/timeline", {}, "period,"), ("/api/dyad", {"a": "RUS", "b": "PRK"}, "period,"),
                                ("/api/network", {"fold": "true"}, "source,"), ("/api/places", {}, "place,"),
                                ("/api/event-list", {"limit": 3, "sort": "goldstein", "order": "desc"}, "date,"),
                                ("/api/actors/Q159/counterparts", {}, "counterpart,"), ("/api/actors/Q159/timeline", {}, "period,")]:
        r = client.get(path, params=dict(params, format="csv"))
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), path
        assert r.text.startswith(first) and "attachment" in r.headers["content-disposition"], path
    rows = client.get("/api/event-list", params={"limit": 3, "sort": "goldstein", "order": "desc", "format": "csv"}).text.splitlines()
    shown = client.get("/api/event-list", params={"limit": 3, "sort": "goldstein", "order": "desc"}).json()["items"]
    assert len(rows) == 1 + len(shown) and [r.split(",")[-1] for r in rows[1:]] == [e["event_key"] for e in shown]


def test_bad_chart_input_is_a_clear_error(client):
    assert error_shape(client.get("/api/timeline", params={"quad": 5}), 400) == "bad_query"
    assert error_shape(client.get("/api/network", params={"since": "yesterday"}), 400) == "bad_query"
    assert error_shape(client.get("/api/network", params={"type": "PARTY"}), 400) == "bad_query"
    assert error_shape(client.get("/api/timeline", params={"grain": "hour"}), 422) == "invalid_request"
    assert error_shape(client.get("/api/timeline", params={"quad": "x"}), 422) == "invalid_request"
    assert error_shape(client.get("/api/dyad", params={"a": "RUS"}), 422) == "invalid_request"
    assert error_shape(client.get("/api/event-list", params={"sort": "name; DROP"}), 422) == "invalid_request"
    assert error_shape(client.get("/api/network", params={"min_events": 0}), 422) == "invalid_request"
    assert error_shape(client.get("/api/actors/nobody/counterparts"), 404) == "not_found"
    page = client.get("/network", params={"quad": 9}, headers={"accept": "text/html"})
    assert page.status_code == 400 and "Traceback" not in page.text and "<h1>" in page.text


def test_actor_page_gathers_sectors_and_lists_names_as_written(client, db):
    from newsgraph.store import Store
    from newsgraph.store import schema as t
    from sqlalchemy import select

    with Store(db).engine.connect() as conn:
        pronouns = {r.text for r in conn.execute(select(t.mentions.c.text).where(t.mentions.c.how.in_(("pronoun", "description"))))}
        russia_names = {r.text for r in conn.execute(select(t.mentions.c.text).where(t.mentions.c.canonical == "Q159",
                                                                                       t.mentions.c.how == "name"))}
    aliases = client.get("/api/actors/Q7747").json()["aliases"]
    assert aliases and not (set(aliases) & pronouns - {"Poutine", "Vladimir Poutine"})
    parts = client.get("/api/actors/Q159/counterparts").json()["counterparts"]
    assert parts and parts == sorted(parts, key=lambda c: (-c["events"], c["key"]))
    page = client.get("/actors/Q159").text
    assert "RUSGOV" in page and "Vladimir Poutine" in page  # Putin's events are gathered under Russia
    for name in russia_names:
        assert name in page
    assert page.count('class="counterpart"') == len(parts)


def test_events_page_sorts_paginates_and_exports_what_it_shows(client):
    page = client.get("/events", params={"sort": "goldstein", "order": "desc", "limit": 5})
    assert page.status_code == 200 and page.text.count("<tr><td") == 5
    assert 'aria-sort="descending"' in page.text and "offset=5" in page.text
    assert "/api/event-list?sort=goldstein&amp;order=desc&amp;limit=5&amp;offset=0&amp;format=csv" in page.text
    listed = client.get("/api/event-list", params={"sort": "goldstein", "order": "desc", "limit": 5}).json()["items"]
    scores = [e["goldstein"] for e in listed if e["goldstein"] is not None]
    assert scores == sorted(scores, reverse=True)
    assert '<option value="ASSAULT"' in page.text and '<option value="negated"' in page.text and 'type="date"' in page.text
    assert client.get("/api/suggest", params={"q": "russ"}).json()["items"][0]["code"] == "RUS"


def test_one_language_per_page(client):
    fr = client.get("/events")
    assert '<html lang="fr">' in fr.text and "Événements" in fr.text and ">Actors<" not in fr.text
    en = client.get("/events", headers={"accept-language": "en-GB,en;q=0.9,fr;q=0.5"})
    assert '<html lang="en">' in en.text and ">Events<" in en.text and "Événements" not in en.text
    assert client.get("/events", headers={"accept-language": "de-DE, fr;q=0.4"}).text.count('<html lang="fr">') == 1
    switched = client.get("/events", params={"lang": "en"})
    assert '<html lang="en">' in switched.text and switched.cookies.get("lang") == "en"
    client.cookies.set("lang", "en")
    try:
        assert '<html lang="en">' in client.get("/map").text
        assert '<html lang="fr">' in client.get("/map", params={"lang": "fr"}).text
    finally:
        client.cookies.clear()
    labels = client.get("/api/timeline", params={"lang": "en"}).json()["labels"]
    assert set(labels.values()) <= {"Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict", "Unclassified"}
    assert "Russia" in client.get("/api/network", params={"fold": "true", "lang": "en"}).text
    assert "Russie" in client.get("/api/network", params={"fold": "true"}).text


def test_home_page_summary_and_no_alert_section_when_there_are_none(client):
    page = client.get("/").text
    assert "home-timeline" in page and "/dyads?a=" in page
    assert 'id="alerts"' not in page
    assert client.get("/favicon.ico").status_code == 200


def test_message_catalogue_is_complete_and_compiled():
    from newsgraph.web.catalogue import check

    assert check() == []


def test_every_api_route_is_documented(client):
    from conftest import ROOT

    doc = (ROOT / "docs" / "rest-api.md").read_text("utf-8")
    paths = {p for p in client.get("/openapi.json").json()["paths"] if p.startswith("/api")}
    assert paths and [p for p in sorted(paths) if f"`GET {p}" not in doc and f"`POST {p}" not in doc] == []


def test_chart_cache_follows_the_store(db):
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    app = create_app(db, token="t0ken")
    c = TestClient(app)
    before = c.get("/api/summary").json()
    assert c.get("/api/summary").json() == before and app.state.chart_cache.hits >= 1
    text = {"text": "Le Japon a envoyé une aide humanitaire au Népal le 3 mars 2024.", "id": "cache-check"}
    assert c.post("/api/extract", params={"store": "true"}, json=text, headers={"Authorization": "Bearer t0ken"}).status_code == 200
    after = c.get("/api/summary").json()
    assert after["documents"] == before["documents"] + 1 and after["events"] > before["events"]
