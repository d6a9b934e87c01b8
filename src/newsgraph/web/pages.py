"""Server-rendered pages (Jinja2 with autoescaping), one language per page. Every page's content
and numbers are in its HTML; the charts (Apache ECharts, vendored) fetch their aggregated data from
``/api`` (``web/charts.py``) and every chart links to the same data as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from newsgraph.store import aggregates as ag
from newsgraph.store import query as q
from newsgraph.web import i18n
from newsgraph.web.cache import cached
from newsgraph.web.charts import _clean, counterpart_rows, decorate, key, labels, selection

router = APIRouter(dependencies=[Depends(i18n.request_language)])
HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.autoescape = True
templates.env.add_extension("jinja2.ext.i18n")
templates.env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
templates.env.filters["num"] = lambda v: i18n.format_number(v)
templates.env.filters["code_label"] = lambda c, names=None: i18n.code_label(c, names)
templates.env.globals.update(QUADS=i18n.QUAD_LABELS, STATUSES=i18n.STATUS_LABELS, TYPES=i18n.TYPE_LABELS, KINDS=i18n.KIND_LABELS,
                             GRAINS=i18n.GRAIN_LABELS)


def _store(request: Request) -> Any:
    return request.app.state.store


def url_with(request: Request, path: str | None = None, **changes: Any) -> str:
    """The current URL (or ``path``) with some query parameters replaced (None removes one)."""
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    for k, v in changes.items():
        if isinstance(v, (list, tuple)):
            items += [(k, str(x)) for x in v]
        elif v is not None:
            items.append((k, str(v)))
    query = urlencode(items)
    return (path or request.url.path) + (f"?{query}" if query else "")


templates.env.globals["url_with"] = url_with


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    lang = i18n.negotiate(request.query_params.get("lang"), request.cookies.get("lang"), request.headers.get("accept-language"))
    token = i18n.CURRENT.set(lang)  # error pages are rendered outside the routes' dependency
    try:
        response = templates.TemplateResponse(request, name, dict(context, lang=lang, messages=i18n.js_messages()), status_code=status)
    finally:
        i18n.CURRENT.reset(token)
    if request.query_params.get("lang") in i18n.LANGUAGES:
        response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="lax")
    response.headers["Content-Language"] = lang
    response.headers["Vary"] = "Accept-Language, Cookie"
    return response


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", {"status": status, "message": message}, status)


def filter_values(s: ag.Selection, **more: Any) -> dict[str, Any]:
    """The filters as the forms show them again."""
    return dict(since=s.since or "", until=s.until or "", quad=list(s.quad), type=s.type or "", status=s.status or "",
                country=s.party or "", **more)


def chart_query(s: ag.Selection, **more: Any) -> str:
    """The query string of a chart's data, from the page's filters."""
    items: list[tuple[str, Any]] = [(k, v) for k, v in (("since", s.since), ("until", s.until), ("type", s.type), ("status", s.status),
                                                        ("country", s.party)) if v]
    items += [("quad", x) for x in s.quad]
    items += [(k, v) for k, v in more.items() if v is not None and v is not False and v != ""]
    return urlencode(items)


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")


def latest_alerts(store: Any, limit: int = 10) -> list[dict[str, Any]]:
    """The home page's latest alerts raised by ``newsgraph watch`` (empty when there are none)."""
    from newsgraph.store.watch import alerts

    rows, _ = alerts(store, limit=limit)
    out = []
    for r in rows:
        who = " + ".join(str(a) for a in r["actors"]) or "?"
        whom = " + ".join(str(a) for a in r["recipients"])
        title = f"{r['rule']}: {r['event']} {who}" + (f" → {whom}" if whom else "") + (f" ({r['title']})" if r.get("title") else "")
        href = f"/documents/{quote(r['document_id'])}" if r.get("document_id") else None
        out.append({"when": (r["created_at"] or "")[:16].replace("T", " "), "title": title, "href": href})
    return out


@router.get("/", response_class=HTMLResponse)
def index(request: Request, q_: str | None = Query(None, alias="q", max_length=500), offset: int = Query(0, ge=0)) -> Any:
    store = _store(request)
    items, total = q.documents(store, q=q_, limit=20, offset=offset)
    summary = cached(request, "summary", (), lambda: ag.summary(store))
    net = cached(request, "network", (key(ag.Selection()), True, None, 1, 10), lambda: ag.network(store, ag.Selection(), folded=True, limit=10))
    names = labels(store, [x for e in net["edges"] for x in (e["source"], e["target"])])
    return render(request, "index.html", {"items": items, "total": total, "q": q_ or "", "offset": offset, "summary": summary,
                                          "dyads": net["edges"], "names": names, "alerts": latest_alerts(store)})


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
    return render(request, "document.html", {
        "doc": doc, "segments": segments(doc), "events": events, "actors": doc["actors"],
        "quotes": [dict(qq, speaker_name=actors.get(qq["speaker"], {}).get("name")) for qq in doc["quotes"]]})


PAGE_SIZES = (25, 50, 100, 200)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, s: ag.Selection = Depends(selection), actor: str | None = Query(None, max_length=30),
                recipient: str | None = Query(None, max_length=30), text: str | None = Query(None, max_length=200),
                sort: str = Query("date", pattern="^(" + "|".join(ag.SORTS) + ")$"), order: str = Query("desc", pattern="^(asc|desc)$"),
                limit: int = Query(50, ge=1, le=200), offset: int = Query(0, ge=0)) -> Any:
    s.actor, s.recipient, s.text = _clean(actor), _clean(recipient), _clean(text)
    items, total = ag.event_page(_store(request), s, sort=sort, descending=order == "desc", limit=limit, offset=offset)
    items = [decorate(e) for e in items]
    values = filter_values(s, actor=s.actor or "", recipient=s.recipient or "", text=s.text or "")
    csv_query = chart_query(s, actor=s.actor, recipient=s.recipient, text=s.text, sort=sort, order=order, limit=limit, offset=offset,
                            format="csv")
    return render(request, "events.html", {"items": items, "total": total, "f": values, "sort": sort, "order": order, "limit": limit,
                                           "offset": offset, "page_sizes": PAGE_SIZES, "csv_url": f"/api/event-list?{csv_query}"})


@router.get("/actors/{canonical}", response_class=HTMLResponse)
def actor_page(request: Request, canonical: str) -> Any:
    store = _store(request)
    actor = q.actor(store, canonical)
    if actor is None:
        return render_error(request, 404, f"no actor {canonical!r}")
    gather = ag.gathers(actor)
    parts = counterpart_rows(request, actor)
    latest, n_events = ag.event_page(store, ag.Selection(party=gather.party, canonical=gather.canonical), sort="date",
                                     descending=True, limit=15)
    latest = [decorate(e) for e in latest]
    own = actor["code"] or ""
    if actor.get("kind") == "country" and own:  # a country's name in the page's language (CLDR)
        actor["display"] = i18n.country_name(own) or actor["name"]
    return render(request, "actor.html", {
        "actor": actor, "names": ag.names_as_written(store, canonical), "gathered": ag.gathered_actors(store, gather) if gather.party else [],
        "gathers_code": gather.party, "counterparts": parts["counterparts"], "months": parts["months"], "latest": latest,
        "n_events": n_events, "own_code": own, "sparks": [sparkline(c["months"], parts["months"]) for c in parts["counterparts"]]})


def sparkline(months: dict[str, list[int]], span: list[str], width: int = 180, height: int = 36) -> dict[str, Any]:
    """A small bar chart of one counterpart: cooperation above the axis, conflict below, one bar per month."""
    if not span:
        return {"bars": [], "width": width, "height": height, "peak": 0, "first": "", "last": ""}
    peak = max([max(v) for v in months.values()] or [1]) or 1
    step = width / len(span)
    half = height / 2 - 1
    bars = []
    for i, m in enumerate(span):
        coop, conflict = months.get(m, [0, 0])
        if coop:
            h = max(1.0, half * coop / peak)
            bars.append({"x": round(i * step, 2), "y": round(height / 2 - h, 2), "w": round(max(step - 0.3, 0.6), 2), "h": round(h, 2),
                         "cls": "coop", "title": f"{m}: {coop}"})
        if conflict:
            h = max(1.0, half * conflict / peak)
            bars.append({"x": round(i * step, 2), "y": round(height / 2, 2), "w": round(max(step - 0.3, 0.6), 2), "h": round(h, 2),
                         "cls": "conflict", "title": f"{m}: {conflict}"})
    return {"bars": bars, "width": width, "height": height, "peak": peak, "first": span[0], "last": span[-1]}


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, s: ag.Selection = Depends(selection), fold: bool = False,
                 focus: str | None = Query(None, max_length=30), min_events: int = Query(1, ge=1, le=1_000_000),
                 limit: int = Query(150, ge=1, le=1000)) -> Any:
    query = chart_query(s, fold="true" if fold else None, focus=_clean(focus), min_events=min_events if min_events > 1 else None,
                        limit=limit if limit != 150 else None)
    return render(request, "network.html", {"f": filter_values(s, fold=fold, focus=_clean(focus) or "", min_events=min_events,
                                                                limit=limit), "query": query})


@router.get("/dyads", response_class=HTMLResponse)
def dyad_page(request: Request, s: ag.Selection = Depends(selection), a: str | None = Query(None, max_length=30),
              b: str | None = Query(None, max_length=30), directed: bool = False,
              grain: str | None = Query(None, pattern="^(|day|week|month|year)$")) -> Any:
    store = _store(request)
    a, b, grain = _clean(a), _clean(b), _clean(grain)
    items: list[dict[str, Any]] = []
    total = 0
    top: list[dict[str, Any]] = []
    if a and b:
        s.extra = [ag.dyad_condition(a, b, directed)]
        items, total = ag.event_page(store, s, sort="date", descending=True, limit=20)
        items = [decorate(e) for e in items]
        s.extra = []
        names = labels(store, [a.upper(), b.upper()])
    else:
        top = cached(request, "network", (key(ag.Selection()), True, None, 1, 12),
                     lambda: ag.network(store, ag.Selection(), folded=True, limit=12))["edges"]
        names = labels(store, [x for e in top for x in (e["source"], e["target"])])
    query = chart_query(s, a=a, b=b, directed="true" if directed else None, grain=grain)
    return render(request, "dyad.html", {"f": filter_values(s, a=a or "", b=b or "", directed=directed, grain=grain or ""),
                                         "a": (a or "").upper(), "b": (b or "").upper(), "names": names, "items": items, "total": total,
                                         "query": query, "top": top})


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, s: ag.Selection = Depends(selection), grain: str | None = Query(None, pattern="^(|day|week|month|year)$")) -> Any:
    items, total = ag.event_page(_store(request), s, sort="date", descending=False, limit=50)
    items = [decorate(e) for e in items]
    grain = _clean(grain)
    return render(request, "timeline.html", {"f": filter_values(s, grain=grain or ""), "query": chart_query(s, grain=grain),
                                             "list_query": chart_query(s), "items": items, "total": total})


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, s: ag.Selection = Depends(selection)) -> Any:
    summary = cached(request, "summary", (), lambda: ag.summary(_store(request)))
    return render(request, "map.html", {"f": filter_values(s), "query": chart_query(s), "summary": summary})


@router.get("/analyse", response_class=HTMLResponse)
def analyse_form(request: Request) -> Any:
    return render(request, "analyse.html", {"text": "", "published": ""})


@router.post("/analyse", response_class=HTMLResponse)
def analyse(request: Request, text: str = Form(..., max_length=200_000), published: str = Form("", max_length=40)) -> Any:
    import newsgraph

    doc = newsgraph.extract(text, published=published or None, id="analyse")
    return _reader(request, doc.to_dict())
