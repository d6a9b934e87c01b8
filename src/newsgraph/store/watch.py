"""The store side of ``newsgraph watch``: followed sources and their fetch state, the items seen, and
alerts with their webhook delivery queue.

What makes a watcher safe to kill at any moment:

- an item is recorded as seen (``watch_items``) in the transaction that stores its document, together
  with the source's counters and the alerts the document raises (``Store.write(within=...)``);
- a feed's validators (ETag, Last-Modified) and a directory's file fingerprints are written only once
  every new item of that fetch is recorded. A watcher killed in between fetches the feed again without
  them on its next poll, skips the items already recorded, and codes only the rest;
- an alert is a row before it is a webhook call: a background thread POSTs the pending rows after
  they commit, so a killed watcher delivers them on its next run (at least once).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.engine import Connection

from newsgraph.errors import StoreError
from newsgraph.store import schema as t
from newsgraph.store.core import Store

STATUSES = ("asserted", "planned", "hypothetical", "negated", "historical")
DELIVERY_ATTEMPTS = 8  # a webhook is tried this many times (1 s, 2 s, 4 s ... apart), then marked failed


def iso(ts: float | None = None) -> str:
    """A UTC timestamp as the watch tables store it (ISO 8601, milliseconds: they sort as text)."""
    when = datetime.now(timezone.utc) if ts is None else datetime.fromtimestamp(ts, timezone.utc)
    return when.isoformat(timespec="milliseconds")


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"(?:\d+(?:\.\d+)?[smhd])+")
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd])")


def parse_duration(value: Any, what: str = "interval") -> float:
    """Seconds in "90s", "15m", "1h30m", "2d". Raises ValueError with a message naming the value."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f'{what} must be a duration such as "30s", "15m", "1h" or "1h30m", not {value!r}')
    text = value.strip().lower().replace(" ", "")
    if not _DURATION.fullmatch(text):
        raise ValueError(f'{what} must be a duration such as "30s", "15m", "1h" or "1h30m", not {value!r}')
    seconds = sum(float(n) * _UNITS[u] for n, u in _PART.findall(text))
    if seconds <= 0:
        raise ValueError(f"{what} must be longer than zero, not {value!r}")
    return seconds


_SINCE = re.compile(r"\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2})?)?)?)?)?")


def since_timestamp(value: str) -> str:
    """A --since value as the stored timestamps compare: a UTC date or time (a prefix), or a duration back from now."""
    if _SINCE.fullmatch(value):
        return value.replace(" ", "T")
    try:
        return iso(time.time() - parse_duration(value, "since"))
    except ValueError:
        raise StoreError(f"since takes a date or time (2024-05-01, 2024-05-01T08:00, UTC) or a duration back from now "
                         f"(30m, 2h, 1d), not {value!r}") from None


def timestamp(value: str) -> float:
    """The POSIX time of a timestamp written by ``iso``."""
    return datetime.fromisoformat(value).timestamp()


@dataclass(frozen=True, slots=True)
class AlertRule:
    """An ``[[alert]]`` of the watch configuration. Every condition given must hold; codes match by prefix
    (``RUS`` matches ``RUSMIL``), the event type exactly, the quad class and status by membership."""

    name: str
    actor: str | None = None
    recipient: str | None = None
    party: str | None = None
    event: str | None = None
    cameo: str | None = None
    quad_class: tuple[int, ...] = ()
    min_goldstein: float | None = None
    max_goldstein: float | None = None
    status: tuple[str, ...] = ()
    webhook: str | None = None

    def matches(self, m: MentionView) -> bool:
        if self.actor and not any(c.startswith(self.actor) for c in m.actor_codes):
            return False
        if self.recipient and not any(c.startswith(self.recipient) for c in m.recipient_codes):
            return False
        if self.party and not any(c.startswith(self.party) for c in m.actor_codes + m.recipient_codes):
            return False
        if self.event and m.event != self.event:
            return False
        if self.cameo and not (m.cameo or "").startswith(self.cameo):
            return False
        if self.quad_class and m.quad_class not in self.quad_class:
            return False
        if self.min_goldstein is not None and (m.goldstein is None or m.goldstein < self.min_goldstein):
            return False
        if self.max_goldstein is not None and (m.goldstein is None or m.goldstein > self.max_goldstein):
            return False
        if self.status and m.status not in self.status:
            return False
        return True


@dataclass(frozen=True, slots=True)
class MentionView:
    """One stored event mention, as alert rules see it."""

    document_id: str
    event_id: str
    event_key: str
    event: str
    cameo: str | None
    status: str
    goldstein: float | None
    quad_class: int | None
    actors: list[dict[str, Any]] = field(default_factory=list)
    recipients: list[dict[str, Any]] = field(default_factory=list)
    when: str | None = None
    trigger: str | None = None
    sentence: str | None = None

    @property
    def actor_codes(self) -> list[str]:
        return [a["code"] for a in self.actors if a.get("code")]

    @property
    def recipient_codes(self) -> list[str]:
        return [a["code"] for a in self.recipients if a.get("code")]


# -- sources ----------------------------------------------------------------------------------------
def register_sources(store: Store, specs: Iterable[tuple[str, str, str, int]]) -> None:
    """Add or update the sources of a configuration: (name, kind, location, every_seconds).
    Counters, validators and seen items of a source already known are kept."""
    ws = t.watch_sources
    with store.engine.begin() as conn:
        for name, kind, location, every in specs:
            row = conn.execute(select(ws.c.kind, ws.c.location).where(ws.c.name == name)).first()
            if row is None:
                conn.execute(insert(ws).values(name=name, kind=kind, location=location, every_seconds=every, polls=0,
                                               items_seen=0, items_stored=0, errors_total=0, consecutive_errors=0,
                                               added_at=iso()))
                continue
            values: dict[str, Any] = {"every_seconds": every}
            if (row.kind, row.location) != (kind, location):  # the validators belong to the old location
                values.update(kind=kind, location=location, etag=None, last_modified=None)
            conn.execute(update(ws).where(ws.c.name == name).values(**values))


def source_state(store: Store, name: str) -> dict[str, Any]:
    with store.engine.connect() as conn:
        row = conn.execute(select(t.watch_sources).where(t.watch_sources.c.name == name)).first()
    return dict(row._mapping) if row else {}


def seen_keys(store: Store, source: str, keys: Sequence[str], kind: str = "item") -> set[str]:
    """Which of these item keys (or, with kind='file', file fingerprints) the source has recorded."""
    wi = t.watch_items
    out: set[str] = set()
    with store.engine.connect() as conn:
        for i in range(0, len(keys), 500):
            chunk = list(keys[i:i + 500])
            out.update(k for (k,) in conn.execute(select(wi.c.item_key).where(
                wi.c.source == source, wi.c.kind == kind, wi.c.item_key.in_(chunk))))
    return out


def record_item(conn: Connection, source: str, item_key: str, *, link: str | None, document_id: str | None, status: str,
                text_from: str | None = None, note: str | None = None) -> None:
    """Record one item as seen, and count it, inside the caller's transaction."""
    conn.execute(insert(t.watch_items).values(source=source, item_key=item_key, kind="item", link=link, document_id=document_id,
                                              status=status, text_from=text_from, note=note, seen_at=iso()))
    stored = 1 if status in ("stored", "recoded", "updated") else 0
    ws = t.watch_sources
    conn.execute(update(ws).where(ws.c.name == source).values(items_seen=ws.c.items_seen + 1,
                                                              items_stored=ws.c.items_stored + stored))


def record_failed_item(store: Store, source: str, item_key: str, *, link: str | None, stage: str, reason: str,
                       text_from: str | None = None) -> None:
    """An item that gave no document (not French, empty, unreadable): seen, counted and in ``failures``, in one transaction."""
    with store.engine.begin() as conn:
        conn.execute(insert(t.failures).values(path=link or f"{source}:{item_key}", stage=stage, reason=reason, at=iso()))
        record_item(conn, source, item_key, link=link, document_id=None, status="failed", text_from=text_from,
                    note=f"{stage}: {reason}")


def record_duplicate_item(store: Store, source: str, item_key: str, *, link: str | None, document_id: str | None,
                          text_from: str | None = None) -> None:
    with store.engine.begin() as conn:
        record_item(conn, source, item_key, link=link, document_id=document_id, status="duplicate", text_from=text_from)


def record_poll_ok(store: Store, name: str, *, status: str, next_poll_at: float, etag: str | None = None,
                   last_modified: str | None = None, files: Sequence[tuple[str, str]] = ()) -> None:
    """A fetch whose new items are all recorded: keep its validators (and a directory's file fingerprints)."""
    ws = t.watch_sources
    now = iso()
    with store.engine.begin() as conn:
        if files:
            conn.execute(insert(t.watch_items), [dict(source=name, item_key=key, kind="file", link=path, document_id=None,
                                                      status="file", seen_at=now) for key, path in files])
        values: dict[str, Any] = dict(polls=ws.c.polls + 1, consecutive_errors=0, last_poll_at=now, last_ok_at=now,
                                      last_status=status, next_poll_at=iso(next_poll_at))
        if status != "304":
            values.update(etag=etag, last_modified=last_modified)
        conn.execute(update(ws).where(ws.c.name == name).values(**values))


def record_poll_error(store: Store, name: str, error: str, *, next_poll_at: float) -> int:
    """A failed fetch: counted, kept as the last error; returns the number of consecutive errors."""
    ws = t.watch_sources
    now = iso()
    with store.engine.begin() as conn:
        conn.execute(update(ws).where(ws.c.name == name).values(
            polls=ws.c.polls + 1, errors_total=ws.c.errors_total + 1, consecutive_errors=ws.c.consecutive_errors + 1,
            last_poll_at=now, last_status="error", last_error=error, last_error_at=now, next_poll_at=iso(next_poll_at)))
        return int(conn.execute(select(ws.c.consecutive_errors).where(ws.c.name == name)).scalar() or 0)


def sources(store: Store) -> list[dict[str, Any]]:
    """Every source with its last fetch, items seen and stored, consecutive errors and last error."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.watch_sources).order_by(t.watch_sources.c.name)).all()
    return [dict(r._mapping) for r in rows]


def items(store: Store, source: str, limit: int = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """The items a source has recorded, latest first: document, status, where the text came from and why."""
    wi = t.watch_items
    q = select(wi).where(wi.c.source == source, wi.c.kind == "item")
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar() or 0
        rows = conn.execute(q.order_by(wi.c.seen_at.desc(), wi.c.item_key).limit(limit).offset(offset)).all()
    return [dict(r._mapping) for r in rows], total


# -- alerts -----------------------------------------------------------------------------------------
def _mentions_of(conn: Connection, document_id: str) -> list[MentionView]:
    em = t.event_mentions
    rows = conn.execute(select(em).where(em.c.document_id == document_id).order_by(em.c.id)).all()
    return [MentionView(document_id=r.document_id, event_id=r.event_id, event_key=r.event_key, event=r.event, cameo=r.cameo,
                        status=r.status, goldstein=r.goldstein, quad_class=r.quad_class, actors=json.loads(r.actors),
                        recipients=json.loads(r.recipients), when=r.when_value, trigger=r.trigger, sentence=r.sentence)
            for r in rows]


def _already_alerted(conn: Connection, rule: str, event_key: str) -> bool:
    """Has this rule raised an alert for a mention that now belongs to this merged event? (Merged keys
    change as reports arrive, so the test goes through the mentions, not the key kept on the alert.)"""
    a, em = t.alerts, t.event_mentions
    q = select(a.c.id).join(em, and_(em.c.document_id == a.c.document_id, em.c.event_id == a.c.event_id)) \
        .where(a.c.rule == rule, em.c.event_key == event_key).limit(1)
    return conn.execute(q).first() is not None


def raise_alerts(conn: Connection, document_id: str, rules: Sequence[AlertRule]) -> list[str]:
    """Inside the transaction that stored a document: one alert per rule and merged event that the
    document's events match and that no earlier alert of the rule covers. Returns the rules that fired."""
    if not rules:
        return []
    fired: list[str] = []
    mentions = _mentions_of(conn, document_id)
    if not mentions:
        return []
    d = t.documents
    doc = conn.execute(select(d.c.id, d.c.title, d.c.url, d.c.published, d.c.source).where(d.c.id == document_id)).first()
    em = t.event_mentions
    for m in mentions:
        for rule in rules:
            if not rule.matches(m) or _already_alerted(conn, rule.name, m.event_key):
                continue
            stats = conn.execute(select(func.count(), func.count(func.distinct(em.c.document_id)),
                                        func.min(em.c.when_value).filter(em.c.date_start.isnot(None)))
                                 .where(em.c.event_key == m.event_key)).one()
            now = iso()
            event = {"event_key": m.event_key, "event": m.event, "cameo": m.cameo, "status": m.status, "date": stats[2],
                     "goldstein": m.goldstein, "quad_class": m.quad_class, "actors": m.actors, "recipients": m.recipients,
                     "trigger": m.trigger, "sentence": m.sentence, "num_mentions": stats[0], "num_articles": stats[1]}
            payload = {"rule": rule.name, "created_at": now, "event": event,
                       "document": {"id": doc.id, "title": doc.title, "url": doc.url, "published": doc.published,
                                    "source": doc.source} if doc else {"id": document_id}}
            conn.execute(insert(t.alerts).values(
                rule=rule.name, created_at=now, document_id=m.document_id, event_id=m.event_id, event_key=m.event_key,
                event=m.event, cameo=m.cameo, status=m.status, goldstein=m.goldstein, quad_class=m.quad_class, date=stats[2],
                actors=json.dumps(m.actor_codes), recipients=json.dumps(m.recipient_codes),
                payload=json.dumps(payload, ensure_ascii=False), webhook=rule.webhook,
                delivery="pending" if rule.webhook else "none", attempts=0, next_attempt_at=now if rule.webhook else None))
            fired.append(rule.name)
    return fired


def alerts(store: Store, since: str | None = None, rule: str | None = None, limit: int = 100,
           offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Alerts, latest first, with the merged event each belongs to now and its article count
    (the web UI's alert panel calls this; so do ``newsgraph alerts`` and ``GET /api/alerts``)."""
    a, em, d = t.alerts, t.event_mentions, t.documents
    cond = []
    if since:
        cond.append(a.c.created_at >= since)
    if rule:
        cond.append(a.c.rule == rule)
    base = select(a).where(*cond)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(base.subquery())).scalar() or 0
        rows = conn.execute(
            select(a, em.c.event_key.label("current_key"), d.c.title, d.c.url)
            .join(em, and_(em.c.document_id == a.c.document_id, em.c.event_id == a.c.event_id), isouter=True)
            .join(d, d.c.id == a.c.document_id, isouter=True)
            .where(*cond).order_by(a.c.created_at.desc(), a.c.id.desc()).limit(limit).offset(offset)).all()
        keys = sorted({r.current_key for r in rows if r.current_key})
        articles: dict[str, int] = dict(conn.execute(select(em.c.event_key, func.count(func.distinct(em.c.document_id)))
                                     .where(em.c.event_key.in_(keys)).group_by(em.c.event_key)).all()) if keys else {}
    out = []
    for r in rows:
        key = r.current_key or r.event_key
        out.append({"id": r.id, "created_at": r.created_at, "rule": r.rule, "event_key": key, "event": r.event, "cameo": r.cameo,
                    "status": r.status, "date": r.date, "goldstein": r.goldstein, "quad_class": r.quad_class,
                    "actors": json.loads(r.actors), "recipients": json.loads(r.recipients), "num_articles": articles.get(key, 0),
                    "document_id": r.document_id, "title": r.title, "url": r.url,
                    "sentence": json.loads(r.payload)["event"].get("sentence"), "delivery": r.delivery, "attempts": r.attempts,
                    "last_error": r.last_error})
    return out, total


# -- webhook delivery queue -------------------------------------------------------------------------
def due_deliveries(store: Store, now: float, limit: int = 50) -> list[dict[str, Any]]:
    a = t.alerts
    with store.engine.connect() as conn:
        rows = conn.execute(select(a.c.id, a.c.webhook, a.c.payload, a.c.attempts)
                            .where(a.c.delivery == "pending", a.c.next_attempt_at <= iso(now))
                            .order_by(a.c.next_attempt_at, a.c.id).limit(limit)).all()
    return [dict(r._mapping) for r in rows]


def next_delivery_at(store: Store) -> str | None:
    a = t.alerts
    with store.engine.connect() as conn:
        return conn.execute(select(func.min(a.c.next_attempt_at)).where(a.c.delivery == "pending")).scalar()


def record_delivery(store: Store, alert_id: int, *, error: str | None, next_attempt_at: float | None) -> None:
    """A webhook call's outcome: delivered (error None), retried later, or given up (next_attempt_at None)."""
    a = t.alerts
    values: dict[str, Any] = {"attempts": a.c.attempts + 1}
    if error is None:
        values.update(delivery="delivered", delivered_at=iso(), next_attempt_at=None, last_error=None)
    elif next_attempt_at is None:
        values.update(delivery="failed", next_attempt_at=None, last_error=error)
    else:
        values.update(next_attempt_at=iso(next_attempt_at), last_error=error)
    with store.engine.begin() as conn:
        conn.execute(update(a).where(a.c.id == alert_id).values(**values))
