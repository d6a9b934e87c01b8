"""The data behind every chart, aggregated in the store (never every event): the store summary,
events over time, the actor network, dyad series, event places, an actor's counterparts, and one
page of events for a selection. Each answers JSON, or CSV with ``format=csv``; labels come in the
language of the request (``lang``, ``Accept-Language``)."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from newsgraph.store import aggregates as ag
from newsgraph.web import i18n
from newsgraph.web.cache import cached

router = APIRouter(prefix="/api", dependencies=[Depends(i18n.request_language)])
Format = Query("json", pattern="^(json|csv)$")


def _store(request: Request) -> Any:
    return request.app.state.store


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def selection(since: str | None = Query(None, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD"),
              until: str | None = Query(None, max_length=10), quad: list[int] = Query([], description="quad classes 1-4"),
              type: str | None = Query(None, max_length=20, description="PLOVER type"),
              status: str | None = Query(None, max_length=20),
              country: str | None = Query(None, max_length=30, description="a participant's code starts with it (RUS)")) -> ag.Selection:
    """The filters shared by the charts; a bad value is a 400 with the reason."""
    s = ag.Selection(since=_clean(since), until=_clean(until), quad=tuple(quad), type=_clean(type), status=_clean(status),
                     party=_clean(country))
    s.check()
    return s


def key(s: ag.Selection) -> tuple[Any, ...]:
    """A selection as a cache key."""
    return (s.since, s.until, s.quad, s.type, s.status, s.party, s.canonical, s.actor, s.recipient, s.text, s.source, s.target,
            s.folded, s.place, s.place_country)


def csv_response(name: str, header: list[str], rows: list[list[Any]]) -> Response:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename={name}.csv"})


def labels(store: Any, codes: list[str | None]) -> dict[str, str]:
    names = ag.code_names(store, [c for c in codes if c and not i18n.country_name(c[:3])])
    return {c: i18n.code_label(c, names) for c in codes if c}


def series_csv(name: str, data: dict[str, Any]) -> Response:
    quads = [q for q in ("1", "2", "3", "4", "0") if q in data["counts"]]
    header = ["period", *[f"quad{q}" if q != "0" else "unclassified" for q in quads], "events", "mean_goldstein"]
    rows = []
    for i, p in enumerate(data["periods"]):
        counts = [data["counts"][q][i] for q in quads]
        rows.append([p, *counts, sum(counts), "" if data["goldstein"][i] is None else data["goldstein"][i]])
    return csv_response(name, header, rows)


def _series_labels(data: dict[str, Any]) -> dict[str, Any]:
    data["labels"] = {q: i18n.gettext(i18n.QUAD_LABELS[int(q)]) for q in data["counts"]}
    return data


@router.get("/summary")
def summary(request: Request) -> dict[str, Any]:
    """What the store holds, and its ten most active dyads (sectors folded into countries)."""
    store = _store(request)
    out = cached(request, "summary", (), lambda: ag.summary(store))
    net = cached(request, "network", (key(ag.Selection()), True, None, 1, 10),
                 lambda: ag.network(store, ag.Selection(), folded=True, limit=10))
    names = labels(store, [x for e in net["edges"] for x in (e["source"], e["target"])])
    out["dyads"] = [dict(e, source_label=names.get(e["source"]), target_label=names.get(e["target"])) for e in net["edges"]]
    return out


@router.get("/timeline")
def timeline(request: Request, s: ag.Selection = Depends(selection), grain: str | None = Query(None, pattern="^(day|week|month|year)$"),
             format: str = Format) -> Any:
    """Merged events per period (auto: day, week or month by the span) and quad class, with the mean Goldstein score."""
    data = cached(request, "timeline", (key(s), grain), lambda: ag.timeseries(_store(request), s, grain))
    return series_csv("timeline", data) if format == "csv" else _series_labels(data)


@router.get("/dyad")
def dyad(request: Request, a: str = Query(..., min_length=2, max_length=30, description="actor code (prefix): RUS"),
         b: str = Query(..., min_length=2, max_length=30), directed: bool = False, s: ag.Selection = Depends(selection),
         grain: str | None = Query(None, pattern="^(day|week|month|year)$"), format: str = Format,) -> Any:
    """The time series of a pair of actors: counts by quad class and mean Goldstein score per period."""
    store = _store(request)
    data = cached(request, "dyad", (a.strip().upper(), b.strip().upper(), key(s), grain, directed),
                  lambda: ag.dyad(store, a.strip(), b.strip(), s, grain, directed))
    if format == "csv":
        return series_csv(f"dyad-{data['a']}-{data['b']}", data)
    names = labels(store, [data["a"], data["b"]])
    data.update(a_label=names.get(data["a"]), b_label=names.get(data["b"]))
    return _series_labels(data)


@router.get("/network")
def network(request: Request, s: ag.Selection = Depends(selection), fold: bool = False,
            focus: str | None = Query(None, max_length=30, description="draw only this actor's ego network"),
            min_events: int = Query(1, ge=1, le=1_000_000), limit: int = Query(150, ge=1, le=1000), format: str = Format,) -> Any:
    """The actor network by CAMEO code: weighted edges (first actor -> first recipient) with mean Goldstein score and share of conflict."""
    store = _store(request)
    focus = _clean(focus)
    data = cached(request, "network", (key(s), fold, focus and focus.upper(), min_events, limit),
                  lambda: ag.network(store, s, folded=fold, focus=focus, min_events=min_events, limit=limit))
    names = labels(store, [n["id"] for n in data["nodes"]])
    if format == "csv":
        return csv_response("network", ["source", "source_label", "target", "target_label", "events", "mean_goldstein", "conflict_share"],
                            [[e["source"], names.get(e["source"]), e["target"], names.get(e["target"]), e["events"],
                              "" if e["goldstein"] is None else e["goldstein"], e["conflict"]] for e in data["edges"]])
    countries = ag.country_actors(store, [n["id"] for n in data["nodes"]])
    for n in data["nodes"]:
        n["label"] = names.get(n["id"], n["id"])
        n["canonical"] = countries.get(n["id"])
    return data


@router.get("/places")
def places(request: Request, s: ag.Selection = Depends(selection), format: str = Format) -> Any:
    """Places where events happened, with their number of merged events."""
    rows = cached(request, "places", key(s), lambda: ag.places(_store(request), s))
    if format == "csv":
        return csv_response("places", ["place", "country", "lat", "lon", "events", "conflict", "mean_goldstein"],
                            [[r["place"], r["country"], r["lat"], r["lon"], r["events"], r["conflict"], r["goldstein"]] for r in rows])
    return {"items": rows, "total": len(rows)}


EVENT_COLUMNS = ["date", "event", "cameo", "quad_class", "status", "actors", "recipients", "goldstein", "articles", "place", "sentence",
                 "document", "event_id", "event_key"]


def event_csv_row(e: dict[str, Any]) -> list[Any]:
    names = lambda xs: "; ".join(f"{x.get('name')} ({x.get('code') or '?'})" for x in xs)  # noqa: E731
    return [e["date"] or "", e["event"], e["cameo"] or "", e["quad_class"] or "", e["status"], names(e["actors"]), names(e["recipients"]),
            "" if e["goldstein"] is None else e["goldstein"], e["articles"], e["place"] or "", e["sentence"] or "", e["document"],
            e["event_id"], e["event_key"]]


def decorate(e: dict[str, Any]) -> dict[str, Any]:
    """An event row with its labels and the link to its sentence in the article reader."""
    from urllib.parse import quote

    e["type_label"] = i18n.gettext(i18n.TYPE_LABELS.get(e["event"], e["event"]))
    e["quad_label"] = i18n.gettext(i18n.QUAD_LABELS[e["quad_class"] if e["quad_class"] in (1, 2, 3, 4) else 0])
    e["status_label"] = i18n.gettext(i18n.STATUS_LABELS.get(e["status"], e["status"]))
    e["href"] = f"/documents/{quote(e['document'], safe='')}#event-{quote(e['event_id'], safe='')}"
    return e


@router.get("/event-list")
def event_list(request: Request, s: ag.Selection = Depends(selection),
               source: str | None = Query(None, max_length=30, description="first actor's code (a network edge)"),
               target: str | None = Query(None, max_length=30), fold: bool = False,
               place: str | None = Query(None, max_length=200), place_country: str | None = Query(None, max_length=3),
               actor: str | None = Query(None, max_length=30), recipient: str | None = Query(None, max_length=30),
               canonical: str | None = Query(None, max_length=200), text: str | None = Query(None, max_length=200),
               sort: str = Query("date", pattern="^(" + "|".join(ag.SORTS) + ")$"), order: str = Query("asc", pattern="^(asc|desc)$"),
               limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0), format: str = Format,) -> Any:
    """One page of merged events for a selection: a network edge, a place, a period, an actor."""
    s.source, s.target, s.folded = _clean(source), _clean(target), fold
    s.place, s.place_country = _clean(place), _clean(place_country)
    s.actor, s.recipient, s.canonical, s.text = _clean(actor), _clean(recipient), _clean(canonical), _clean(text)
    rows, total = ag.event_page(_store(request), s, sort=sort, descending=order == "desc", limit=limit, offset=offset)
    if format == "csv":
        return csv_response("events", EVENT_COLUMNS, [event_csv_row(e) for e in rows])
    return {"items": [decorate(e) for e in rows], "total": total}


def _actor_or_404(store: Any, canonical: str) -> dict[str, Any]:
    from newsgraph.store import query as q
    from newsgraph.web.app import ApiError

    found = q.actor(store, canonical)
    if found is None:
        raise ApiError(404, "not_found", f"no actor {canonical!r}")
    return found


@router.get("/actors/{canonical}/timeline")
def actor_timeline(request: Request, canonical: str, s: ag.Selection = Depends(selection),
                   grain: str | None = Query(None, pattern="^(day|week|month|year)$"), format: str = Format,) -> Any:
    """An actor's events over time; a country gathers its sectors (Russia: RUS, RUSGOV, RUSMIL ...)."""
    store = _store(request)
    gather = ag.gathers(_actor_or_404(store, canonical))
    s.party, s.canonical = gather.party, gather.canonical
    data = cached(request, "timeline", (key(s), grain), lambda: ag.timeseries(store, s, grain))
    return series_csv(f"actor-{canonical}", data) if format == "csv" else _series_labels(data)


def counterpart_rows(request: Request, actor: dict[str, Any]) -> dict[str, Any]:
    store = _store(request)
    gather = ag.gathers(actor)
    data = cached(request, "counterparts", key(gather), lambda: ag.counterparts(store, gather))
    codes = [c["code"] for c in data["counterparts"] if c["code"]]
    names = labels(store, codes)
    canonical_names = ag.actor_names(store, [c["canonical"] for c in data["counterparts"] if not c["code"]])
    own = ag.gathers(actor).party
    countries = ag.country_actors(store, codes)
    for c in data["counterparts"]:
        if c["code"]:
            c["label"] = names.get(c["code"], c["code"])
            if own and c["code"] == own:
                c["label"] = i18n.gettext("%(name)s (internal)") % {"name": c["label"]}
            c["canonical"] = countries.get(c["code"])
        else:
            c["label"] = canonical_names.get(c["canonical"]) or c["canonical"]
    return data


@router.get("/actors/{canonical}/counterparts")
def actor_counterparts(request: Request, canonical: str, format: str = Format) -> Any:
    """Every counterpart of an actor, ranked by number of merged events, with its months of cooperation and conflict."""
    store = _store(request)
    data = counterpart_rows(request, _actor_or_404(store, canonical))
    if format == "csv":
        rows = [[c["code"] or c["canonical"], c["label"], c["events"], c["as_actor"], c["as_recipient"], *[c["quad"][q] for q in "1234"],
                 "" if c["goldstein"] is None else c["goldstein"]] for c in data["counterparts"]]
        return csv_response(f"counterparts-{canonical}", ["counterpart", "label", "events", "as_actor", "as_recipient", "quad1", "quad2",
                                                         "quad3", "quad4", "mean_goldstein"], rows)
    return data


@router.get("/suggest")
def suggest(request: Request, q: str = Query(..., min_length=1, max_length=100)) -> dict[str, Any]:
    """Actor codes for an autocomplete: countries by name in the page's language, then stored actors by name or code."""
    store = _store(request)
    needle = q.strip().lower()
    items: list[dict[str, Any]] = []
    for iso3 in sorted(ag.country_codes()):
        name = i18n.country_name(iso3)
        if name and len(iso3) == 3 and (needle in name.lower() or iso3.lower().startswith(needle)):
            items.append({"code": iso3, "label": name, "name": name, "kind": "country", "canonical": None})
    items.sort(key=lambda i: (not i["name"].lower().startswith(needle), i["code"].lower() != needle, i["name"]))
    items = items[:8]
    seen = {i["code"] for i in items}
    for a in ag.suggest_actors(store, q, limit=15):
        if a["kind"] == "country" and a["code"] in seen:
            continue
        items.append({"code": a["code"], "label": f"{a['name']} ({a['code']})", "name": a["name"], "kind": a["kind"],
                      "canonical": a["canonical"]})
    return {"items": items[:20]}
