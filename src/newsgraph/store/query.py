"""Queries over the store. Every filter is a bound parameter; nothing is formatted into SQL."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, func, or_, select, text

from newsgraph.errors import StoreError
from newsgraph.store import schema as t
from newsgraph.store.core import Store

STATUSES = ("asserted", "planned", "hypothetical", "negated", "historical")


@dataclass
class EventFilters:
    actor: str | None = None
    recipient: str | None = None
    party: str | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    limit: int = 100
    offset: int = 0

    def check(self) -> None:
        from newsgraph.cameo import PLOVER_TYPES

        if self.type and self.type.upper() not in PLOVER_TYPES:
            raise StoreError(f"unknown event type {self.type!r}; one of {', '.join(PLOVER_TYPES)}")
        if self.status and self.status not in STATUSES:
            raise StoreError(f"unknown status {self.status!r}; one of {', '.join(STATUSES)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not _is_date_prefix(value):
                raise StoreError(f"--{name} takes a date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
        if self.limit < 0 or self.offset < 0:
            raise StoreError("limit and offset must not be negative")


def _is_date_prefix(value: str) -> bool:
    import re

    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value))


@dataclass
class MergedEvent:
    event_key: str
    event: str
    mode: str | None
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    status: str
    date: str | None  # the event's date: its own from the text when a mention gives one, else its report's
    actors: list[dict[str, Any]]
    recipients: list[dict[str, Any]]
    num_mentions: int
    num_articles: int
    num_sources: int
    mentions: list[dict[str, Any]] = field(default_factory=list)
    date_end: str | None = None  # for an event dated by a range, its end
    date_source: str | None = None  # text | published

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _prefix(column: Any, prefix: str) -> Any:
    """column starts with prefix, as a range the index can serve ("RUS" <= code < "RUT")."""
    if not prefix:
        return column.isnot(None)
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < upper)


def _participant(role: str | None, prefix: str) -> Any:
    ep = t.event_participants
    sub = select(ep.c.mention_id).where(_prefix(ep.c.code, prefix))
    if role:
        sub = sub.where(ep.c.role == role)
    return t.event_mentions.c.id.in_(sub)


def _like_prefix(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _event_conditions(f: EventFilters) -> list[Any]:
    em = t.event_mentions
    cond: list[Any] = []
    if f.actor:
        cond.append(_participant("actor", f.actor.upper()))
    if f.recipient:
        cond.append(_participant("recipient", f.recipient.upper()))
    if f.party:
        cond.append(_participant(None, f.party.upper()))
    if f.type:
        cond.append(em.c.event == f.type.upper())
    if f.status:
        cond.append(em.c.status == f.status)
    date_expr = func.coalesce(em.c.date_start, t.documents.c.published)
    if f.since:
        cond.append(date_expr >= f.since)
    if f.until:
        cond.append(func.substr(date_expr, 1, len(f.until)) <= f.until)
    if f.text:
        cond.append(em.c.sentence.like("%" + f.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", escape="\\"))
    return cond


def events(store: Store, f: EventFilters | None = None) -> tuple[list[MergedEvent], int]:
    """Merged events matching the filters (an event matches when any of its mentions does), with the total."""
    f = f or EventFilters()
    f.check()
    em = t.event_mentions
    base = select(em.c.event_key).select_from(em.join(t.documents, t.documents.c.id == em.c.document_id)).where(*_event_conditions(f))
    keys_q = base.group_by(em.c.event_key).order_by(func.min(func.coalesce(em.c.date_start, t.documents.c.published)), em.c.event_key)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(base.group_by(em.c.event_key).subquery())).scalar() or 0
        keys = [k for (k,) in conn.execute(keys_q.limit(f.limit).offset(f.offset))]
        if not keys:
            return [], total
        rows = conn.execute(
            select(em, t.documents.c.source, t.documents.c.published, t.documents.c.url)
            .join(t.documents, t.documents.c.id == em.c.document_id)
            .where(em.c.event_key.in_(keys)).order_by(em.c.event_key, em.c.document_id, em.c.event_id)).all()
    grouped: dict[str, list[Any]] = {}
    for r in rows:
        grouped.setdefault(r.event_key, []).append(r)
    out = []
    for k in keys:
        ms = grouped.get(k, [])
        if not ms:
            continue
        first = ms[0]
        dated = event_date(ms)
        out.append(MergedEvent(
            event_key=k, event=first.event, mode=first.mode, cameo=first.cameo, goldstein=first.goldstein,
            quad_class=first.quad_class, status=first.status, date=dated.when_value if dated else None,
            date_end=dated.when_end if dated else None, date_source=(dated.when_source or "text") if dated else None,
            actors=json.loads(first.actors), recipients=json.loads(first.recipients), num_mentions=len(ms),
            num_articles=len({r.document_id for r in ms}), num_sources=len({r.source or r.url or r.document_id for r in ms}),
            mentions=[{"document": r.document_id, "event": r.event_id, "status": r.status, "when": r.when_value,
                       "when_end": r.when_end, "when_source": r.when_source,
                       "trigger": r.trigger, "sentence": r.sentence, "start": r.sentence_start, "end": r.sentence_end,
                       "published": r.published} for r in ms]))
    return out, total


def event_date(mentions: list[Any]) -> Any:
    """The mention that dates a merged event: the earliest dated by its text, else the earliest dated by
    its report."""
    dated = [r for r in mentions if r.when_value and r.date_start]
    own = [r for r in dated if r.when_source != "published"]
    return min(own or dated, key=lambda r: (r.date_start, r.when_value), default=None)


def actors(store: Store, limit: int = 1000, offset: int = 0, query: str | None = None) -> tuple[list[dict[str, Any]], int]:
    a, m = t.actors, t.mentions
    count = select(m.c.canonical, func.count().label("mentions"), func.count(func.distinct(m.c.document_id)).label("documents")) \
        .group_by(m.c.canonical).subquery()
    q = select(a, count.c.mentions, count.c.documents).join(count, count.c.canonical == a.c.canonical)
    if query:
        q = q.where(or_(a.c.name.like(f"%{query}%"), a.c.code.like(_like_prefix(query.upper()), escape="\\")))
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar() or 0
        rows = conn.execute(q.order_by(count.c.mentions.desc(), a.c.canonical).limit(limit).offset(offset)).all()
    return [dict(r._mapping) for r in rows], total


def actor(store: Store, canonical: str) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(t.actors).where(t.actors.c.canonical == canonical)).first()
        if row is None:
            return None
        names = sorted({n for (n,) in conn.execute(select(t.mentions.c.text).where(t.mentions.c.canonical == canonical).distinct())})
    out = dict(row._mapping)
    out["aliases"] = names
    from newsgraph.actorbase import actor_base

    entry = next((e for e in actor_base().entries.values() if e.canonical == canonical), None)
    out["roles"] = [{"office": r.office, "org": r.org, "start": str(r.start) if r.start else None, "end": str(r.end) if r.end else None}
                    for r in entry.roles] if entry else []
    return out


def quotes(store: Store, speaker: str | None = None, limit: int = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    q = select(t.quotes)
    if speaker:
        q = q.where(or_(t.quotes.c.speaker_code.like(_like_prefix(speaker.upper()), escape="\\"),
                        t.quotes.c.speaker == speaker, t.quotes.c.speaker_name.like(f"%{speaker}%")))
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar() or 0
        rows = conn.execute(q.order_by(t.quotes.c.document_id, t.quotes.c.start).limit(limit).offset(offset)).all()
    return [dict(r._mapping) for r in rows], total


def claims(store: Store, limit: int = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    c, em = t.claims, t.event_mentions
    q = select(c, em.c.event, em.c.actors, em.c.recipients, em.c.sentence, em.c.event_key.label("merged_event")) \
        .join(em, and_(em.c.document_id == c.c.document_id, em.c.event_id == c.c.event_id), isouter=True)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(c)).scalar() or 0
        rows = conn.execute(q.order_by(c.c.document_id, c.c.claim_id).limit(limit).offset(offset)).all()
    out = []
    for r in rows:
        d = dict(r._mapping)
        for k in ("asserted_by", "denied_by", "denials", "actors", "recipients"):
            if d.get(k):
                d[k] = json.loads(d[k])
        out.append(d)
    return out, total


def dyads(store: Store, actor: str | None = None, recipient: str | None = None, since: str | None = None,
          until: str | None = None) -> list[dict[str, Any]]:
    """Per actor pair and month: merged event counts by quad class and summed Goldstein score."""
    em = t.event_mentions
    cond = [em.c.source_code.isnot(None), em.c.target_code.isnot(None), em.c.month.isnot(None)]
    if actor:
        cond.append(_prefix(em.c.source_code, actor.upper()))
    if recipient:
        cond.append(_prefix(em.c.target_code, recipient.upper()))
    if since:
        cond.append(em.c.month >= since[:7])
    if until:
        cond.append(em.c.month <= until[:7])
    inner = select(em.c.event_key, func.min(em.c.source_code).label("source"), func.min(em.c.target_code).label("target"),
                   func.min(em.c.month).label("month"), func.min(em.c.quad_class).label("quad"),
                   func.min(em.c.goldstein).label("goldstein")).where(*cond).group_by(em.c.event_key).subquery()
    q = select(inner.c.source, inner.c.target, inner.c.month, func.count().label("events"),
               *[func.sum(case((inner.c.quad == k, 1), else_=0)).label(f"quad{k}") for k in (1, 2, 3, 4)],
               func.sum(inner.c.goldstein).label("goldstein")) \
        .group_by(inner.c.source, inner.c.target, inner.c.month).order_by(inner.c.source, inner.c.target, inner.c.month)
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    return [{"actor": r.source, "recipient": r.target, "month": r.month, "events": r.events,
             "verbal_cooperation": r.quad1 or 0, "material_cooperation": r.quad2 or 0, "verbal_conflict": r.quad3 or 0,
             "material_conflict": r.quad4 or 0, "goldstein": round(r.goldstein or 0.0, 2)} for r in rows]


def documents(store: Store, q: str | None = None, limit: int = 20, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    d = t.documents
    cols = [d.c.id, d.c.title, d.c.published, d.c.source, d.c.url, d.c.language, d.c.pipeline, d.c.duplicate_of, d.c.ingested_at]
    query = select(*cols)
    params: dict[str, Any] = {}
    if q:
        if store.dialect == "sqlite":
            query = query.where(d.c.id.in_(text("SELECT id FROM documents_fts WHERE documents_fts MATCH :q").bindparams(q=_fts_query(q))))
        elif store.dialect == "postgresql":
            query = query.where(text("documents.tsv @@ plainto_tsquery('french', :q)").bindparams(q=q))
        else:
            query = query.where(d.c.text.like(f"%{q}%"))
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(query.subquery()), params).scalar() or 0
        rows = conn.execute(query.order_by(d.c.published.desc(), d.c.id).limit(limit).offset(offset), params).all()
    return [dict(r._mapping) for r in rows], total


def _fts_query(q: str) -> str:
    """User text as an FTS5 query of quoted terms (so that no FTS syntax is injected)."""
    terms = [w.replace('"', '""') for w in q.split() if w.strip()]
    return " ".join(f'"{w}"' for w in terms) or '""'


def document(store: Store, document_id: str) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        data = conn.execute(select(t.documents.c.data).where(t.documents.c.id == document_id)).scalar()
    return json.loads(data) if data else None


def all_documents(store: Store):  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        for (data,) in conn.execute(select(t.documents.c.data).order_by(t.documents.c.id)):
            yield json.loads(data)


def failures(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(t.failures).order_by(t.failures.c.id))]
