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
