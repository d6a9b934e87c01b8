"""REST routes under /api: documents, actors, events, quotes, claims, dyads, graph, extract."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from newsgraph.store import query as q

router = APIRouter(prefix="/api")

Limit = Query(20, ge=0, le=1000)
Offset = Query(0, ge=0)


def _store(request: Request) -> Any:
    return request.app.state.store


def _page(items: list[Any], total: int) -> dict[str, Any]:
    return {"items": items, "total": total}


@router.get("/documents")
def list_documents(request: Request, q_: str | None = Query(None, alias="q", max_length=500), limit: int = Limit,
                   offset: int = Offset) -> dict[str, Any]:
    items, total = q.documents(_store(request), q=q_, limit=limit, offset=offset)
    return _page(items, total)


@router.get("/documents/{document_id}")
def get_document(request: Request, document_id: str) -> dict[str, Any]:
    from newsgraph.web.app import ApiError

    doc = q.document(_store(request), document_id)
    if doc is None:
        raise ApiError(404, "not_found", f"no document {document_id!r}")
    return doc


@router.get("/actors")
def list_actors(request: Request, q_: str | None = Query(None, alias="q", max_length=200), limit: int = Limit,
                offset: int = Offset) -> dict[str, Any]:
    items, total = q.actors(_store(request), limit=limit, offset=offset, query=q_)
    return _page(items, total)


@router.get("/actors/{canonical}")
def get_actor(request: Request, canonical: str) -> dict[str, Any]:
    from newsgraph.web.app import ApiError

    from newsgraph.store.aggregates import names_as_written

    found = q.actor(_store(request), canonical)
    if found is None:
        raise ApiError(404, "not_found", f"no actor {canonical!r}")
    found["aliases"] = [n["name"] for n in names_as_written(_store(request), canonical)]  # names as written, no pronouns
    return found


def event_filters(actor: str | None = Query(None, max_length=40), recipient: str | None = Query(None, max_length=40),
                  party: str | None = Query(None, max_length=40), type: str | None = Query(None, max_length=20),
                  status: str | None = Query(None, max_length=20), since: str | None = Query(None, max_length=10),
                  until: str | None = Query(None, max_length=10), text: str | None = Query(None, max_length=200),
                  limit: int = Limit, offset: int = Offset) -> q.EventFilters:
    """The CLI's event filters as query parameters (shared by the API and the pages)."""
    return q.EventFilters(actor, recipient, party, type, status, since, until, text, limit, offset)


@router.get("/events")
def list_events(request: Request, f: q.EventFilters = Depends(event_filters)) -> dict[str, Any]:
    items, total = q.events(_store(request), f)
    return _page([e.to_dict() for e in items], total)


@router.get("/events.csv")
def events_csv(request: Request, f: q.EventFilters = Depends(event_filters)) -> Any:
    from newsgraph.store.export import CSV_COLUMNS, event_row

    f.limit, f.offset = 100_000, 0
    items, _ = q.events(_store(request), f)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    w.writeheader()
    for e in items:
        w.writerow(event_row(e))
    return StreamingResponse(iter([buf.getvalue()]), media_type="text/csv",
                             headers={"Content-Disposition": "attachment; filename=events.csv"})


@router.get("/quotes")
def list_quotes(request: Request, speaker: str | None = Query(None, max_length=200), limit: int = Limit,
                offset: int = Offset) -> dict[str, Any]:
    items, total = q.quotes(_store(request), speaker=speaker, limit=limit, offset=offset)
    return _page(items, total)


@router.get("/claims")
def list_claims(request: Request, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    items, total = q.claims(_store(request), limit=limit, offset=offset)
    return _page(items, total)


@router.get("/dyads")
def list_dyads(request: Request, actor: str | None = Query(None, max_length=40), recipient: str | None = Query(None, max_length=40),
               since: str | None = Query(None, max_length=10), until: str | None = Query(None, max_length=10)) -> dict[str, Any]:
    for value in (since, until):
        if value and not q._is_date_prefix(value):
            from newsgraph.web.app import ApiError

            raise ApiError(422, "invalid_request", "since/until take YYYY, YYYY-MM or YYYY-MM-DD")
    items = q.dyads(_store(request), actor, recipient, since, until)
    return _page(items, len(items))


@router.get("/graph")
def graph(request: Request, limit: int = Query(200, ge=1, le=2000)) -> dict[str, Any]:
    """The strongest edges of the actor network by CAMEO code, aggregated in the store (see /api/network for filters)."""
    from newsgraph.store.aggregates import Selection, network
    from newsgraph.web.charts import labels

    store = _store(request)
    g = network(store, Selection(), limit=limit)
    names = labels(store, [n["id"] for n in g["nodes"]])
    return {"nodes": [{"id": n["id"], "label": names.get(n["id"], n["id"]), "code": n["id"]} for n in sorted(g["nodes"], key=lambda n: n["id"])],
            "edges": [{"source": e["source"], "target": e["target"], "weight": e["events"], "goldstein": e["goldstein"]} for e in g["edges"]]}


class ExtractRequest(BaseModel):
    text: str = Field(..., min_length=1, max_length=1_000_000)
    id: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40)
    url: str | None = Field(None, max_length=2000)
    language: str | None = Field(None, max_length=8)


@router.post("/extract")
def extract(request: Request, body: ExtractRequest, store: bool = False,
            authorization: str | None = Header(None, max_length=500)) -> dict[str, Any]:
    import newsgraph
    from newsgraph.web.app import ApiError

    settings = request.app.state.settings
    if store:
        supplied = authorization[7:] if authorization and authorization.lower().startswith("bearer ") else None
        if not settings.may_write(supplied):
            raise ApiError(401 if supplied is None else 403, "unauthorized" if supplied is None else "forbidden",
                           "storing needs the server's token (Authorization: Bearer ...)")
    doc = newsgraph.extract(body.text, published=body.published, title=body.title, url=body.url, language=body.language, id=body.id)
    if store:
        _store(request).write(doc)
    return doc.to_dict()


@router.get("/alerts")
def list_alerts(request: Request, since: str | None = Query(None, max_length=40), rule: str | None = Query(None, max_length=200),
                limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    """Alerts raised by ``newsgraph watch``, latest first (since: a UTC date or time, or a duration such as 2h)."""
    from newsgraph.store import watch as w

    items, total = w.alerts(_store(request), since=w.since_timestamp(since) if since else None, rule=rule, limit=limit, offset=offset)
    return _page(items, total)
