"""Read-only aggregates for the web UI's charts, computed in the database so that a page never
receives every event: counts of merged events by period and quad class, the actor network, dyad
series, an actor's counterparts, event places, and one page of events with any sort order.

Every count is of merged events (``event_key``): an event reported by three articles counts once.
The date of an event is its own date (``event_mentions.date_start``), else the publication date of
the article. Filters are bound parameters, as in ``query.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, case, func, or_, select

from newsgraph.errors import StoreError
from newsgraph.store import schema as t
from newsgraph.store.core import Store
from newsgraph.store.query import STATUSES, _is_date_prefix, _like_prefix, _participant, _prefix

GRAINS = ("day", "week", "month", "year")
SORTS = ("date", "type", "cameo", "status", "quad", "goldstein", "articles", "actor", "recipient")
QUADS = (1, 2, 3, 4)


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """CAMEO/ISO 3166 alpha-3 country code -> alpha-2, from the shipped country table."""
    from importlib import resources

    out: dict[str, str] = {}
    text_ = resources.files("newsgraph.resources.actors").joinpath("countries.tsv").read_text("utf-8")
    for line in text_.splitlines()[2:]:
        cols = line.split("\t")
        if len(cols) > 2:
            out[cols[0]] = cols[2]
            out.setdefault(cols[1], cols[2])
    return out


def fold(code: str | None) -> str | None:
    """A code folded into its country (RUSGOV, RUSMIL -> RUS); codes of no country stay as they are."""
    if code and len(code) > 3 and code[:3] in country_codes():
        return code[:3]
    return code


@dataclass
class Selection:
    """What a chart or a list shows: every field narrows the merged events."""

    since: str | None = None
    until: str | None = None
    quad: tuple[int, ...] = ()
    type: str | None = None
    status: str | None = None
    party: str | None = None  # a participant's code starts with it (RUS: RUS, RUSGOV, RUSMIL ...)
    canonical: str | None = None  # a participant is this actor
    actor: str | None = None  # an actor's code starts with it
    recipient: str | None = None  # a recipient's code starts with it
    text: str | None = None  # in the sentence
    source: str | None = None  # first actor's code (with target: one edge of the network)
    target: str | None = None
    folded: bool = False  # source/target match as code prefixes (sectors folded into countries)
    place: str | None = None
    place_country: str | None = None
    extra: list[Any] = field(default_factory=list, repr=False)

    def check(self) -> None:
        from newsgraph.cameo import PLOVER_TYPES

        if self.type and self.type.upper() not in PLOVER_TYPES:
            raise StoreError(f"unknown event type {self.type!r}; one of {', '.join(PLOVER_TYPES)}")
        if self.status and self.status not in STATUSES:
            raise StoreError(f"unknown status {self.status!r}; one of {', '.join(STATUSES)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not _is_date_prefix(value):
                raise StoreError(f"{name} takes a date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
        bad = [q for q in self.quad if q not in QUADS]
        if bad:
            raise StoreError(f"quad class is 1, 2, 3 or 4, not {bad[0]!r}")


def event_day() -> Any:
    """The date of an event mention as the store holds it: its day (``date_start``) when it has one,
    else its month (``month``: the month of its own date, else of its article's publication). Charts
    by day or week leave out the events known only to the month, and count them as undated."""
    return func.coalesce(t.event_mentions.c.date_start, t.event_mentions.c.month)


def _conditions(s: Selection) -> list[Any]:
    s.check()
    em = t.event_mentions
    cond: list[Any] = list(s.extra)
    day = event_day()
    if s.since:
        cond.append(day >= s.since)
    if s.until:
        cond.append(func.substr(day, 1, len(s.until)) <= s.until)
    if s.quad:
        cond.append(em.c.quad_class.in_(sorted(set(s.quad))))
    if s.type:
        cond.append(em.c.event == s.type.upper())
    if s.status:
        cond.append(em.c.status == s.status)
    if s.party:
        cond.append(_participant(None, s.party.upper()))
    if s.actor:
        cond.append(_participant("actor", s.actor.upper()))
    if s.recipient:
        cond.append(_participant("recipient", s.recipient.upper()))
    if s.canonical:
        ep = t.event_participants
        cond.append(em.c.id.in_(select(ep.c.mention_id).where(ep.c.canonical == s.canonical)))
    if s.text:
        cond.append(em.c.sentence.like("%" + _like_prefix(s.text)[:-1] + "%", escape="\\"))
    for column, value in ((em.c.source_code, s.source), (em.c.target_code, s.target)):
        if value:
            cond.append(_prefix(column, value.upper()) if s.folded else column == value.upper())
    if s.place:
        cond.append(em.c.place == s.place)
    if s.place_country:
        cond.append(em.c.place_country == s.place_country.upper())
    return cond


def _from() -> Any:
    return t.event_mentions


def merged(s: Selection, *columns: Any) -> Any:
    """One row per merged event matching the selection: event_key, day, quad, goldstein, source,
    target (and any further labelled aggregate columns), as a subquery."""
    em = t.event_mentions
    return (select(em.c.event_key, func.min(event_day()).label("day"), func.min(em.c.quad_class).label("quad"),
                   func.min(em.c.goldstein).label("goldstein"), func.min(em.c.source_code).label("source"),
                   func.min(em.c.target_code).label("target"), *columns)
            .select_from(_from()).where(*_conditions(s)).group_by(em.c.event_key).subquery())


# -- periods ------------------------------------------------------------------------------------

def _period(store: Store, grain: str, day: Any) -> Any:
    """The period (day, Monday of the week, month, year) of an event day, as text."""
    if grain not in GRAINS:
        raise StoreError(f"grain is one of {', '.join(GRAINS)}, not {grain!r}")
    if grain in ("month", "year"):
        return func.substr(day, 1, {"month": 7, "year": 4}[grain])
    if grain == "day":
        return case((func.length(day) == 10, day))
    if store.dialect == "postgresql":
        from sqlalchemy import Date, cast

        return case((func.length(day) == 10, func.to_char(func.date_trunc("week", cast(day, Date)), "YYYY-MM-DD")))
    return case((func.length(day) == 10, func.date(day, "-6 days", "weekday 1")))  # SQLite: the Monday on or before the day


def _parse(value: str) -> date | None:
    try:
        if len(value) == 4:
            return date(int(value), 1, 1)
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _label(d: date, grain: str) -> str:
    return {"day": d.isoformat(), "week": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}[grain]


def _next(d: date, grain: str) -> date:
    if grain == "day":
        return d + timedelta(days=1)
    if grain == "week":
        return d + timedelta(days=7)
    if grain == "month":
        return date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return date(d.year + 1, 1, 1)


def period_range(first: str, last: str, grain: str) -> list[str]:
    """Every period from first to last, so that a chart shows the empty ones too."""
    a, b = _parse(first), _parse(last)
    if a is None or b is None or a > b:
        return sorted({first, last})
    out: list[str] = []
    while a <= b and len(out) < 20_000:
        out.append(_label(a, grain))
        a = _next(a, grain)
    return out


def auto_grain(first: str | None, last: str | None, month_only: float = 0.0) -> str:
    """Day, week or month by the span; month whenever more than a tenth of the events are known only
    to the month (they would be left out of a chart by day or week)."""
    a, b = _parse(first or ""), _parse(last or "")
    if a is None or b is None or month_only > 0.1:
        return "month"
    days = (b - a).days
    return "day" if days <= 92 else "week" if days <= 730 else "month"


# -- charts -------------------------------------------------------------------------------------

def summary(store: Store) -> dict[str, Any]:
    """What the store holds: articles, merged events, actors, the period covered."""
    em = t.event_mentions
    inner = merged(Selection())
    with store.engine.connect() as conn:
        docs = conn.execute(select(func.count()).select_from(t.documents)).scalar() or 0
        row = conn.execute(select(func.count(), func.min(inner.c.day), func.max(inner.c.day),
                                  func.sum(case((inner.c.day.is_(None), 1), else_=0)))).one()
        actors = conn.execute(select(func.count()).select_from(t.actors)).scalar() or 0
        located = conn.execute(select(func.count(func.distinct(em.c.event_key))).where(em.c.place.isnot(None))).scalar() or 0
    return {"documents": docs, "events": row[0] or 0, "first": row[1], "last": row[2], "undated": int(row[3] or 0),
            "actors": actors, "located": located}


def timeseries(store: Store, s: Selection, grain: str | None = None) -> dict[str, Any]:
    """Merged events per period and quad class, with the mean Goldstein score of each period."""
    inner = merged(s)
    with store.engine.connect() as conn:
        first, last, n, coarse = conn.execute(select(func.min(inner.c.day), func.max(inner.c.day), func.count(),
                                                     func.sum(case((func.length(inner.c.day) < 10, 1), else_=0)))).one()
        grain = grain or auto_grain(first or s.since, last or s.until, (coarse or 0) / max(n, 1))
        period = _period(store, grain, inner.c.day).label("period")
        rows = conn.execute(select(period, inner.c.quad, func.count().label("n"), func.sum(inner.c.goldstein).label("g"),
                                   func.count(inner.c.goldstein).label("ng"))
                            .group_by(period, inner.c.quad)).all()
    return _series(rows, grain)


def _series(rows: Any, grain: str) -> dict[str, Any]:
    present = sorted({r.period for r in rows if r.period})
    periods = period_range(present[0], present[-1], grain) if present else []
    index = {p: i for i, p in enumerate(periods)}
    counts = {q: [0] * len(periods) for q in (1, 2, 3, 4, 0)}
    gsum, gn = [0.0] * len(periods), [0] * len(periods)
    undated = 0
    for r in rows:
        i = index.get(r.period)
        if i is None:
            undated += r.n
            continue
        counts[r.quad if r.quad in QUADS else 0][i] += r.n
        gsum[i] += r.g or 0.0
        gn[i] += r.ng or 0
    return {"grain": grain, "periods": periods, "counts": {str(q): v for q, v in counts.items() if q or any(v)},
            "goldstein": [round(gsum[i] / gn[i], 2) if gn[i] else None for i in range(len(periods))],
            "total": sum(sum(v) for v in counts.values()) + undated, "undated": undated}


def dyad_condition(a: str, b: str, directed: bool = False) -> Any:
    """Events from a to b (code prefixes), and from b to a unless directed."""
    em = t.event_mentions
    forward = and_(_prefix(em.c.source_code, a.upper()), _prefix(em.c.target_code, b.upper()))
    return forward if directed else or_(forward, and_(_prefix(em.c.source_code, b.upper()), _prefix(em.c.target_code, a.upper())))


def dyad(store: Store, a: str, b: str, s: Selection, grain: str | None = None, directed: bool = False) -> dict[str, Any]:
    """The time series of a pair of actors (code prefixes: RUS takes in RUSGOV and RUSMIL), both
    directions unless ``directed``; with the count of each direction."""
    a, b = a.upper(), b.upper()
    s.extra = [dyad_condition(a, b, directed)]
    inner = merged(s)
    fwd = and_(_prefix(inner.c.source, a), _prefix(inner.c.target, b))
    with store.engine.connect() as conn:
        first, last, n_fwd, n_all, coarse = conn.execute(select(
            func.min(inner.c.day), func.max(inner.c.day), func.sum(case((fwd, 1), else_=0)), func.count(),
            func.sum(case((func.length(inner.c.day) < 10, 1), else_=0)))).one()
        grain = grain or auto_grain(first, last, (coarse or 0) / max(n_all or 0, 1))
        period = _period(store, grain, inner.c.day).label("period")
        rows = conn.execute(select(period, inner.c.quad, func.count().label("n"), func.sum(inner.c.goldstein).label("g"),
                                   func.count(inner.c.goldstein).label("ng"))
                            .group_by(period, inner.c.quad)).all()
    out = _series(rows, grain)
    out.update(a=a, b=b, directed=directed, forward=int(n_fwd or 0), backward=int((n_all or 0) - (n_fwd or 0)))
    return out


def network(store: Store, s: Selection, *, folded: bool = False, focus: str | None = None, min_events: int = 1,
            limit: int = 150) -> dict[str, Any]:
    """The actor network by CAMEO code: an edge per (first actor, first recipient) with its number of
    merged events, mean Goldstein score and share of conflict; sectors folded into countries on
    demand; around one node only (its ego network) when ``focus`` is given."""
    em = t.event_mentions
    s.extra = [em.c.source_code.isnot(None), em.c.target_code.isnot(None)]
    inner = merged(s)
    q = (select(inner.c.source, inner.c.target, func.count().label("n"), func.sum(inner.c.goldstein).label("g"),
                func.count(inner.c.goldstein).label("ng"), func.sum(case((inner.c.quad >= 3, 1), else_=0)).label("conflict"))
         .group_by(inner.c.source, inner.c.target))
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    edges: dict[tuple[Any, Any], list[float]] = {}
    for r in rows:
        a, b = (fold(r.source), fold(r.target)) if folded else (r.source, r.target)
        if a == b:
            continue
        e = edges.setdefault((a, b), [0, 0.0, 0, 0])
        e[0] += r.n
        e[1] += r.g or 0.0
        e[2] += r.ng
        e[3] += r.conflict or 0
    total_nodes = {x for pair in edges for x in pair}
    if focus:
        focus = focus.upper()
        around = {x for pair in edges if focus in pair for x in pair} | {focus}
        edges = {k: v for k, v in edges.items() if k[0] in around and k[1] in around}
    kept = sorted(((k, v) for k, v in edges.items() if v[0] >= min_events), key=lambda kv: (-kv[1][0], kv[0]))
    cut = len(kept) > limit
    if focus:  # the ego's own edges first, then those between its neighbours
        kept.sort(key=lambda kv: (focus not in kv[0], -kv[1][0], kv[0]))
    kept = kept[:limit]
    weight: dict[str, int] = {}
    for (a, b), v in kept:
        weight[a] = weight.get(a, 0) + int(v[0])
        weight[b] = weight.get(b, 0) + int(v[0])
    return {"nodes": [{"id": n, "events": w} for n, w in sorted(weight.items(), key=lambda x: (-x[1], x[0]))],
            "edges": [{"source": a, "target": b, "events": int(v[0]), "goldstein": round(v[1] / v[2], 2) if v[2] else None,
                       "conflict": round(v[3] / v[0], 2) if v[0] else 0.0} for (a, b), v in kept],
            "folded": folded, "focus": focus, "truncated": cut, "all_nodes": len(total_nodes)}


def places(store: Store, s: Selection) -> list[dict[str, Any]]:
    """Places where events happened (the event's own place, located by the gazetteer), with the number
    of merged events at each."""
    em, p = t.event_mentions, t.places
    s.extra = [em.c.place.isnot(None)]
    cond = _conditions(s)
    located = (select(em.c.event_key, em.c.place, em.c.place_country, func.min(p.c.lat).label("lat"), func.min(p.c.lon).label("lon"),
                      func.min(em.c.quad_class).label("quad"), func.min(em.c.goldstein).label("goldstein"))
               .select_from(_from().join(p, and_(p.c.document_id == em.c.document_id, p.c.name == em.c.place)))
               .where(*cond, p.c.lat.isnot(None)).group_by(em.c.event_key, em.c.place, em.c.place_country).subquery())
    q = (select(located.c.place, located.c.place_country, func.min(located.c.lat).label("lat"), func.min(located.c.lon).label("lon"),
                func.count().label("n"), func.sum(case((located.c.quad >= 3, 1), else_=0)).label("conflict"),
                func.avg(located.c.goldstein).label("g"))
         .group_by(located.c.place, located.c.place_country).order_by(func.count().desc(), located.c.place))
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    return [{"place": r.place, "country": r.place_country, "lat": round(r.lat, 4), "lon": round(r.lon, 4), "events": r.n,
             "conflict": int(r.conflict or 0), "goldstein": round(r.g, 2) if r.g is not None else None} for r in rows]


# -- actors -------------------------------------------------------------------------------------

def gathers(actor: dict[str, Any]) -> Selection:
    """What an actor page gathers: a country takes in every code of its country (Russia: RUS,
    RUSGOV, RUSMIL ...); any other actor is itself."""
    code = actor.get("code") or ""
    if actor.get("kind") == "country" and len(code) == 3:
        return Selection(party=code)
    return Selection(canonical=actor["canonical"])


def names_as_written(store: Store, canonical: str) -> list[dict[str, Any]]:
    """The names and aliases of an actor as the articles wrote them (no pronouns, no descriptions)."""
    m = t.mentions
    q = (select(m.c.text, func.count().label("n")).where(m.c.canonical == canonical, m.c.how.in_(("name", "alias")))
         .group_by(m.c.text).order_by(func.count().desc(), m.c.text))
    with store.engine.connect() as conn:
        return [{"name": r.text, "mentions": r.n} for r in conn.execute(q)]


def gathered_actors(store: Store, s: Selection, limit: int = 40) -> list[dict[str, Any]]:
    """The actors whose events an actor page gathers, with their number of merged events."""
    ep, em, a = t.event_participants, t.event_mentions, t.actors
    cond = [_prefix(ep.c.code, s.party.upper())] if s.party else [ep.c.canonical == s.canonical]
    q = (select(ep.c.canonical, func.min(ep.c.code).label("code"), func.count(func.distinct(em.c.event_key)).label("n"))
         .select_from(ep.join(em, em.c.id == ep.c.mention_id)).where(*cond).group_by(ep.c.canonical)
         .order_by(func.count(func.distinct(em.c.event_key)).desc(), ep.c.canonical).limit(limit))
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
        names = dict(conn.execute(select(a.c.canonical, a.c.name).where(a.c.canonical.in_([r.canonical for r in rows])))
                     .all()) if rows else {}
    return [{"canonical": r.canonical, "code": r.code, "name": names.get(r.canonical) or r.canonical, "events": r.n} for r in rows]


def counterparts(store: Store, s: Selection) -> dict[str, Any]:
    """Every counterpart of an actor (the other side of its events, folded into countries), ranked by
    number of merged events, with its months of cooperation and conflict for a small chart."""
    ep, em = t.event_participants, t.event_mentions
    me, other = ep.alias("me"), ep.alias("other")
    mine = [_prefix(me.c.code, s.party.upper())] if s.party else [me.c.canonical == s.canonical]
    month = func.substr(event_day(), 1, 7)
    q = (select(em.c.event_key, me.c.role, other.c.code, other.c.canonical, func.min(month).label("month"),
                func.min(em.c.quad_class).label("quad"), func.min(em.c.goldstein).label("goldstein"))
         .select_from(me.join(other, and_(other.c.mention_id == me.c.mention_id, other.c.role != me.c.role))
                      .join(em, em.c.id == me.c.mention_id))
         .where(*mine).group_by(em.c.event_key, me.c.role, other.c.code, other.c.canonical))
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    found: dict[str, dict[str, Any]] = {}
    seen: set[tuple[Any, Any]] = set()
    months = sorted({r.month for r in rows if r.month})
    for r in rows:
        key = str(fold(r.code)) if r.code else f"@{r.canonical}"
        if (r.event_key, key) in seen:
            continue
        seen.add((r.event_key, key))
        c = found.setdefault(key, {"key": key, "code": key if r.code else None, "canonical": None if r.code else r.canonical,
                                   "events": 0, "as_actor": 0, "as_recipient": 0, "quad": {1: 0, 2: 0, 3: 0, 4: 0},
                                   "gsum": 0.0, "gn": 0, "months": {}})
        c["events"] += 1
        c["as_actor" if r.role == "actor" else "as_recipient"] += 1
        if r.quad in QUADS:
            c["quad"][r.quad] += 1
        if r.goldstein is not None:
            c["gsum"] += r.goldstein
            c["gn"] += 1
        if r.month:
            m = c["months"].setdefault(r.month, [0, 0])
            m[0 if (r.quad or 0) <= 2 else 1] += 1
    out = sorted(found.values(), key=lambda c: (-c["events"], c["key"]))
    for c in out:
        c["goldstein"] = round(c.pop("gsum") / c["gn"], 2) if c["gn"] else None
        c.pop("gn")
        c["quad"] = {str(k): v for k, v in c["quad"].items()}
    span = period_range(months[0], months[-1], "month") if months else []
    return {"months": span, "counterparts": out}


def code_names(store: Store, codes: list[str]) -> dict[str, str]:
    """A name for each code of no country (IGOUNO: the actor stored with that code)."""
    a = t.actors
    wanted = sorted({c for c in codes if c})
    if not wanted:
        return {}
    kind_rank = case((a.c.kind == "country", 0), (a.c.kind == "organization", 1), (a.c.kind == "group", 2), else_=3)
    m = t.mentions
    mentioned = select(func.count()).where(m.c.canonical == a.c.canonical).scalar_subquery()
    out: dict[str, str] = {}
    with store.engine.connect() as conn:
        for code, name in conn.execute(select(a.c.code, a.c.name).where(a.c.code.in_(wanted))
                                       .order_by(a.c.code, kind_rank, mentioned.desc(), a.c.name)):
            out.setdefault(code, name)
    return out


def actor_names(store: Store, canonicals: list[str]) -> dict[str, str]:
    a = t.actors
    if not canonicals:
        return {}
    with store.engine.connect() as conn:
        return dict(conn.execute(select(a.c.canonical, a.c.name).where(a.c.canonical.in_(sorted(set(canonicals))))).all())


def country_actors(store: Store, codes: list[str]) -> dict[str, str]:
    """The canonical id of the country actor of each country code (RUS -> Q159), where the store has one."""
    a = t.actors
    wanted = sorted({c for c in codes if c and len(c) == 3})
    if not wanted:
        return {}
    out: dict[str, str] = {}
    with store.engine.connect() as conn:
        for code, canonical in conn.execute(select(a.c.code, a.c.canonical).where(a.c.code.in_(wanted), a.c.kind == "country")
                                            .order_by(a.c.code, a.c.canonical)):
            out.setdefault(code, canonical)
    return out


def suggest_actors(store: Store, q: str, limit: int = 15) -> list[dict[str, Any]]:
    """Actors for an autocomplete: by name (anywhere) or code (prefix), most mentioned first."""
    a, m = t.actors, t.mentions
    q = q.strip()
    if not q:
        return []
    counts = select(m.c.canonical, func.count().label("n")).group_by(m.c.canonical).subquery()
    query = (select(a.c.canonical, a.c.name, a.c.code, a.c.kind, func.coalesce(counts.c.n, 0).label("n"))
             .join(counts, counts.c.canonical == a.c.canonical, isouter=True)
             .where(a.c.code.isnot(None), or_(func.lower(a.c.name).like("%" + _like_prefix(q.lower())[:-1] + "%", escape="\\"),
                                             a.c.code.like(_like_prefix(q.upper()), escape="\\")))
             .order_by(func.coalesce(counts.c.n, 0).desc(), a.c.name).limit(limit))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


# -- one page of events -------------------------------------------------------------------------

def event_page(store: Store, s: Selection, *, sort: str = "date", descending: bool = False, limit: int = 50,
               offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """One page of merged events in any order, with the total; each with its first mention's
    document, sentence and place."""
    if sort not in SORTS:
        raise StoreError(f"sort is one of {', '.join(SORTS)}, not {sort!r}")
    if limit < 0 or offset < 0:
        raise StoreError("limit and offset must not be negative")
    em = t.event_mentions
    column = {"date": event_day(), "type": em.c.event, "cameo": em.c.cameo, "status": em.c.status, "quad": em.c.quad_class,
              "goldstein": em.c.goldstein, "articles": em.c.document_id, "actor": em.c.source_code, "recipient": em.c.target_code}[sort]
    key = func.count(func.distinct(column)) if sort == "articles" else func.min(column)
    cond = _conditions(s)
    order = [key.desc().nulls_last() if descending else key.asc().nulls_last(), em.c.event_key]
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count(func.distinct(em.c.event_key))).where(*cond)).scalar() or 0
        keys = [k for (k,) in conn.execute(select(em.c.event_key).where(*cond).group_by(em.c.event_key).order_by(*order)
                                           .limit(limit).offset(offset))]
        if not keys:
            return [], total
        heads = {r.event_key: r for r in conn.execute(
            select(em.c.event_key, func.min(event_day()).label("day"), func.min(em.c.quad_class).label("quad"),
                   func.min(em.c.goldstein).label("goldstein"), func.min(em.c.event).label("type"), func.min(em.c.cameo).label("cameo"),
                   func.min(em.c.status).label("status"), func.count(func.distinct(em.c.document_id)).label("articles"))
            .where(em.c.event_key.in_(keys)).group_by(em.c.event_key))}
        head = [heads[k] for k in keys]
        rows = conn.execute(select(em.c.event_key, em.c.document_id, em.c.event_id, em.c.actors, em.c.recipients, em.c.sentence,
                                   em.c.trigger, em.c.place, em.c.place_country, em.c.mode)
                            .where(em.c.event_key.in_(keys)).order_by(em.c.event_key, em.c.document_id, em.c.event_id)).all()
    first: dict[str, Any] = {}
    for r in rows:
        first.setdefault(r.event_key, r)
    out = []
    for h in head:
        r = first[h.event_key]
        out.append({"event_key": h.event_key, "date": h.day, "event": h.type, "mode": r.mode, "cameo": h.cameo, "status": h.status,
                    "quad_class": h.quad, "goldstein": h.goldstein, "articles": h.articles, "actors": json.loads(r.actors),
                    "recipients": json.loads(r.recipients), "document": r.document_id, "event_id": r.event_id,
                    "sentence": r.sentence, "trigger": r.trigger, "place": r.place, "place_country": r.place_country})
    return out, total
