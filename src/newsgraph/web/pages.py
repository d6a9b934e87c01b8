"""Server-rendered pages (Jinja2 with autoescaping): every page's content is in its HTML; JavaScript
only adds the interactive parts (event sentences, the network layout)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from newsgraph.store import query as q
from newsgraph.web.rest import event_filters

router = APIRouter()
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.autoescape = True


def _store(request: Request) -> Any:
    return request.app.state.store


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message}, status_code=status)


@router.get("/", response_class=HTMLResponse)
def index(request: Request, q_: str | None = Query(None, alias="q", max_length=500), offset: int = Query(0, ge=0)) -> Any:
    items, total = q.documents(_store(request), q=q_, limit=30, offset=offset)
    return templates.TemplateResponse(request, "index.html", {"items": items, "total": total, "q": q_ or ""})


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def reader(request: Request, document_id: str) -> Any:
    doc = q.document(_store(request), document_id)
    if doc is None:
        return render_error(request, 404, f"no document {document_id!r}")
    return _reader(request, doc)


def _reader(request: Request, doc: dict[str, Any]) -> Any:
    from newsgraph.web.reader import segments

    actors = {a["id"]: a for a in doc["actors"]}
    text = doc["document"]["text"]
    events = [dict(e, sentence_text=text[e["sentence"]["start"]:e["sentence"]["end"]],
                   actor_names=[actors[a]["name"] for a in e["actors"] if a in actors],
                   recipient_names=[actors[a]["name"] for a in e["recipients"] if a in actors],
                   attributed=actors.get(e["attributed_to"], {}).get("name") if e["attributed_to"] else None) for e in doc["events"]]
    return templates.TemplateResponse(request, "document.html", {
        "doc": doc, "segments": segments(doc), "events": events, "actors": doc["actors"],
        "quotes": [dict(qq, speaker_name=actors.get(qq["speaker"], {}).get("name")) for qq in doc["quotes"]]})


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, f: q.EventFilters = Depends(event_filters)) -> Any:
    f.limit = min(f.limit, 100) if f.limit else 100
    items, total = q.events(_store(request), f)
    params = {k: v for k in ("actor", "recipient", "party", "type", "status", "since", "until", "text") if (v := getattr(f, k))}
    return templates.TemplateResponse(request, "events.html", {"items": items, "total": total, "filters": params})


@router.get("/actors/{canonical}", response_class=HTMLResponse)
def actor_page(request: Request, canonical: str) -> Any:
    store = _store(request)
    actor = q.actor(store, canonical)
    if actor is None:
        return render_error(request, 404, f"no actor {canonical!r}")
    code = actor["code"] or ""
    as_actor = [e for e in q.events(store, q.EventFilters(actor=code, limit=500))[0] if any(a["canonical"] == canonical for a in e.actors)] if code else []
    as_recipient = [e for e in q.events(store, q.EventFilters(recipient=code, limit=500))[0]
                    if any(a["canonical"] == canonical for a in e.recipients)] if code else []
    chart: dict[str, dict[str, dict[str, float]]] = {}
    for e in as_actor + as_recipient:
        other = (e.recipients if e in as_actor else e.actors)
        month = (e.date or (e.mentions[0]["published"] if e.mentions else "") or "")[:7]
        for o in other:
            c = chart.setdefault(o.get("name") or o["canonical"], {}).setdefault(month, {"cooperation": 0, "conflict": 0})
            c["cooperation" if (e.quad_class or 0) <= 2 else "conflict"] += 1
    return templates.TemplateResponse(request, "actor.html", {"actor": actor, "as_actor": as_actor, "as_recipient": as_recipient,
                                                             "chart": chart})


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> Any:
    return templates.TemplateResponse(request, "network.html", {})


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request) -> Any:
    items, total = q.events(_store(request), q.EventFilters(limit=1000))
    by_month: dict[str, list[Any]] = {}
    for e in items:
        month = (e.date or (e.mentions[0]["published"] if e.mentions else "") or "undated")[:7]
        by_month.setdefault(month, []).append(e)
    return templates.TemplateResponse(request, "timeline.html", {"months": sorted(by_month.items()), "total": total})


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> Any:
    from newsgraph.store import schema as t
    from sqlalchemy import func, select

    with _store(request).engine.connect() as conn:
        rows = conn.execute(select(t.places.c.name, t.places.c.country, t.places.c.lat, t.places.c.lon,
                                   func.count().label("n")).where(t.places.c.lat.isnot(None))
                            .group_by(t.places.c.name, t.places.c.country, t.places.c.lat, t.places.c.lon)).all()
    points = [{"name": r.name, "country": r.country, "x": (r.lon + 180) / 360 * 1000, "y": (90 - r.lat) / 180 * 500,
               "r": min(3 + r.n, 14), "n": r.n} for r in rows]
    basemap = (Path(__file__).parent / "static" / "world-110m.svg").read_text("utf-8")
    inner = basemap[basemap.index(">") + 1: basemap.rindex("</svg>")]
    return templates.TemplateResponse(request, "map.html", {"points": points, "basemap": inner})


@router.get("/analyse", response_class=HTMLResponse)
def analyse_form(request: Request) -> Any:
    return templates.TemplateResponse(request, "analyse.html", {"text": "", "published": ""})


@router.post("/analyse", response_class=HTMLResponse)
def analyse(request: Request, text: str = Form(..., max_length=200_000), published: str = Form("", max_length=40)) -> Any:
    import newsgraph

    doc = newsgraph.extract(text, published=published or None, id="analyse")
    return _reader(request, doc.to_dict())
