"""The store: coded documents in SQLite (default) or Postgres, one transaction per document.

Guarantees: a document is stored once per content (``content_sha256``); content stored by an older
pipeline is re-coded; every write is one transaction, and merged events are recomputed for the groups
a document touches in an order that does not depend on the order of ingestion, so an interrupted run
started again ends with the same database as an uninterrupted one.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, insert, select, text, update
from sqlalchemy.engine import Connection

from newsgraph.errors import StoreError
from newsgraph.model import Document
from newsgraph.store import schema as t

NEAR_DUPLICATE = 0.8
MINHASH_SCHEME = "affine32"  # datasketch 2: the scheme of MinHash(num_perm, seed=1)
STATUS_CLASS = {"asserted": "A", "historical": "A", "planned": "P", "hypothetical": "H", "negated": "N"}


def database_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from --db, NEWSGRAPH_DB, or newsgraph.db in the working directory."""
    db = db or os.environ.get("NEWSGRAPH_DB") or "newsgraph.db"
    if "://" in db:
        return db.replace("postgresql://", "postgresql+psycopg://", 1) if db.startswith("postgresql://") else db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=60000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # TimeML seasons: the month they begin in (northern)


def period(value: str | None) -> tuple[date | None, str | None]:
    """(start date, grain) of a TimeML value: D day, W week, M month, Q quarter or season, Y year;
    (None, None) otherwise."""
    if not value:
        return None, None
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return date.fromisoformat(value[:10]), "D"
        if "-W" in value and len(value) >= 8:
            y, w = value.split("-W")
            return date.fromisocalendar(int(y), int(w[:2]), 1), "W"
        if len(value) == 7 and value[:4].isdigit() and value[4:6] == "-Q" and value[6] in "1234":
            return date(int(value[:4]), 3 * int(value[6]) - 2, 1), "Q"
        if len(value) == 7 and value[:4].isdigit() and value[5:] in SEASON_START:
            return date(int(value[:4]), SEASON_START[value[5:]], 1), "Q"
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            return date(int(value[:4]), int(value[5:]), 1), "M"
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1), "Y"
    except ValueError:
        return None, None
    return None, None


def _contains(coarse: tuple[date, str], fine: date) -> bool:
    start, grain = coarse
    if grain == "Y":
        return fine.year == start.year
    if grain == "M":
        return (fine.year, fine.month) == (start.year, start.month)
    if grain == "Q":
        return start <= fine < start + timedelta(days=92)
    if grain == "W":
        return start <= fine < start + timedelta(days=7)
    return abs((fine - start).days) <= 2


def compatible(a: tuple[date, str], b: tuple[date, str]) -> bool:
    """Two dates agree at the coarser granularity, within two days for day dates."""
    order = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}
    if order[a[1]] < order[b[1]]:
        a, b = b, a
    if a[1] == b[1] == "D":
        return abs((a[0] - b[0]).days) <= 2
    return _contains(a, b[0])


@dataclass
class WriteResult:
    status: str  # stored | duplicate | recoded | updated
    document_id: str


class Store:
    def __init__(self, url: str | None = None, *, upgrade: bool = True) -> None:
        self.url = database_url(url)
        try:
            self.engine: Engine = create_engine(self.url, future=True, pool_pre_ping=True)
        except Exception as exc:  # noqa: BLE001 - a bad URL is one clear message
            raise StoreError(f"cannot open the store {self.url!r}: {exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._lsh: Any = None
        if upgrade:
            self.upgrade()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- schema -------------------------------------------------------------------------------
    def upgrade(self) -> None:
        """Apply every migration not yet applied (``newsgraph db upgrade``)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except Exception as exc:  # noqa: BLE001
            raise StoreError(f"cannot migrate the store {self.url}: {type(exc).__name__}: {exc}") from exc

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            try:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            except Exception:  # noqa: BLE001
                return None

    # -- writing ------------------------------------------------------------------------------
    def pipeline_of(self, content_sha256: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(t.documents.c.pipeline).where(t.documents.c.content_sha256 == content_sha256)).scalar()

    def record_failure(self, path: str, stage: str, reason: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(t.failures).values(path=path, stage=stage, reason=reason, at=_now()))

    def write(self, doc: Document, *, path: str | None = None,
              within: Callable[[Connection, WriteResult], None] | None = None) -> WriteResult:
        """Store one coded document in one transaction. ``within(conn, result)`` runs in that same
        transaction once the document is written (or found a duplicate): ``newsgraph watch`` records
        there the item it came from and the alerts it raises, so that both commit with it or not at all."""
        info = doc.document
        signature = minhash_signature(info.text)
        with self.engine.begin() as conn:
            row = conn.execute(select(t.documents.c.id, t.documents.c.pipeline)
                               .where(t.documents.c.content_sha256 == info.content_sha256)).first()
            status = "stored"
            if row is not None:
                if row.pipeline == info.pipeline:
                    result = WriteResult("duplicate", row.id)
                    if within is not None:
                        within(conn, result)
                    return result
                self._delete(conn, row.id)
                status = "recoded"
            same_id = conn.execute(select(t.documents.c.id).where(t.documents.c.id == info.id)).first()
            if same_id is not None:
                self._delete(conn, info.id)
                status = "updated" if status == "stored" else status
            neighbours = self._near_duplicates(conn, info.id, signature)
            # a near duplicate points to the smaller id of the pair, so the link does not depend on order
            other = neighbours[0][1] if neighbours else None
            dup_of = other if other is not None and other < info.id else None
            conn.execute(insert(t.documents).values(
                id=info.id, content_sha256=info.content_sha256, raw_sha256=info.raw_sha256, title=info.title,
                published=info.published, published_source=info.published_source, language=info.language, url=info.url, source=info.source, path=path,
                pipeline=info.pipeline, text=info.text, data=doc.to_json(), minhash=json.dumps(signature),
                duplicate_of=dup_of, similarity=-neighbours[0][0] if neighbours else None,
                ingested_at=_now()))
            if self.dialect == "sqlite":
                conn.execute(text("INSERT INTO documents_fts(id, title, text) VALUES (:i, :t, :x)"),
                             {"i": info.id, "t": info.title or "", "x": info.text})
            groups = self._write_parts(conn, doc)
            if other is not None and dup_of is None:
                conn.execute(update(t.documents).where(t.documents.c.id == other).values(duplicate_of=info.id, similarity=-neighbours[0][0]))
                groups |= {g for (g,) in conn.execute(select(t.event_mentions.c.group_key).where(t.event_mentions.c.document_id == other))}
            for g in sorted(groups):
                recluster(conn, g)
            result = WriteResult(status, info.id)
            if within is not None:
                within(conn, result)
            if self._lsh is not None:
                self._lsh_insert(info.id, signature)
        return result

    def _write_parts(self, conn: Connection, doc: Document) -> set[str]:
        info = doc.document
        did = info.id
        actors = {a.id: a for a in doc.actors}
        for a in doc.actors:
            exists = conn.execute(select(t.actors.c.canonical).where(t.actors.c.canonical == a.canonical)).first()
            if exists is None:
                conn.execute(insert(t.actors).values(canonical=a.canonical, name=a.name, kind=a.kind, code=a.code,
                                                     country=a.country, sector=a.sector, wikidata=a.wikidata))
        mention_rows = [dict(document_id=did, actor_id=a.id, canonical=a.canonical, start=m.start, end=m.end, text=m.text, how=m.how)
                        for a in doc.actors for m in a.mentions]
        if mention_rows:
            conn.execute(insert(t.mentions), mention_rows)
        if doc.places:
            conn.execute(insert(t.places), [dict(document_id=did, place_id=p.id, name=p.name, country=p.country, geonameid=p.geonameid,
                                                 lat=p.lat, lon=p.lon, mentions=len(p.mentions)) for p in doc.places])
        if doc.times:
            conn.execute(insert(t.times), [dict(document_id=did, time_id=x.id, text=x.text, start=x.start, end=x.end, value=x.value,
                                                type=x.type) for x in doc.times])
        if doc.quotes:
            conn.execute(insert(t.quotes), [dict(
                document_id=did, quote_id=q.id, speaker=actors[q.speaker].canonical if q.speaker in actors else None,
                speaker_name=actors[q.speaker].name if q.speaker in actors else None,
                speaker_code=actors[q.speaker].code if q.speaker in actors else None, text=q.text, direct=int(q.direct),
                cue=q.cue.text if q.cue else None, start=q.span.start, end=q.span.end) for q in doc.quotes])
        places = {p.id: p for p in doc.places}
        groups: set[str] = set()
        keys: dict[str, str] = {}
        for e in doc.events:
            who = [_actor_json(actors[a]) for a in e.actors if a in actors]
            whom = [_actor_json(actors[a]) for a in e.recipients if a in actors]
            start, grain = period(e.when.value if e.when else None)
            group = group_key(e.event, who, whom, e.status)
            groups.add(group)
            key = f"pending:{did}:{e.id}"
            keys[e.id] = key
            month = start.isoformat()[:7] if start else (info.published or "")[:7] or None
            place = places.get(e.where) if e.where else None
            res = conn.execute(insert(t.event_mentions).values(
                document_id=did, event_id=e.id, event=e.event, mode=e.mode, context=json.dumps(list(e.context)), cameo=e.cameo,
                goldstein=e.goldstein, quad_class=e.quad_class, actors=json.dumps(who, ensure_ascii=False),
                recipients=json.dumps(whom, ensure_ascii=False), source_code=who[0]["code"] if who else None,
                target_code=whom[0]["code"] if whom else None, status=e.status, when_value=e.when.value if e.when else None,
                when_source=e.when.source if e.when else None, when_end=e.when.end if e.when else None,
                date_start=start.isoformat() if start else None, grain=grain, month=month,
                place=place.name if place else None, place_country=place.country if place else None,
                attributed_to=actors[e.attributed_to].canonical if e.attributed_to in actors else None,
                trigger=e.trigger.text, sentence_start=e.sentence.start, sentence_end=e.sentence.end,
                sentence=info.text[e.sentence.start:e.sentence.end], confidence=e.confidence, why=e.why,
                group_key=group, event_key=key))
            mid = res.inserted_primary_key[0]
            parts = [dict(mention_id=mid, role="actor", code=a["code"], canonical=a["canonical"]) for a in who]
            parts += [dict(mention_id=mid, role="recipient", code=a["code"], canonical=a["canonical"]) for a in whom]
            if parts:
                conn.execute(insert(t.event_participants), parts)
        if doc.claims:
            conn.execute(insert(t.claims), [dict(
                document_id=did, claim_id=c.id, event_id=c.event, event_key=None,
                asserted_by=json.dumps([actors[a].canonical for a in c.asserted_by if a in actors]),
                denied_by=json.dumps([actors[a].canonical for a in c.denied_by if a in actors]),
                denials=json.dumps(list(c.denials))) for c in doc.claims])
        return groups

    def delete_document(self, document_id: str) -> bool:
        """Remove a document and everything derived from it; merged events are recomputed."""
        with self.engine.begin() as conn:
            if conn.execute(select(t.documents.c.id).where(t.documents.c.id == document_id)).first() is None:
                return False
            self._delete(conn, document_id)
        self._lsh = None
        return True

    def _delete(self, conn: Connection, document_id: str) -> None:
        groups = {g for (g,) in conn.execute(select(t.event_mentions.c.group_key).where(t.event_mentions.c.document_id == document_id))}
        mids = select(t.event_mentions.c.id).where(t.event_mentions.c.document_id == document_id)
        conn.execute(delete(t.event_participants).where(t.event_participants.c.mention_id.in_(mids)))
        for table in (t.event_mentions, t.mentions, t.places, t.times, t.quotes, t.claims):
            conn.execute(delete(table).where(table.c.document_id == document_id))
        if self.dialect == "sqlite":
            conn.execute(text("DELETE FROM documents_fts WHERE id = :i"), {"i": document_id})
        conn.execute(update(t.documents).where(t.documents.c.duplicate_of == document_id).values(duplicate_of=None, similarity=None))
        conn.execute(delete(t.documents).where(t.documents.c.id == document_id))
        for g in sorted(groups):
            recluster(conn, g)

    # -- near duplicates ----------------------------------------------------------------------
    def _near_duplicates(self, conn: Connection, doc_id: str, signature: list[int]) -> list[tuple[float, str]]:
        """Stored documents whose MinHash Jaccard with this one is at least NEAR_DUPLICATE: (-similarity, id)."""
        from datasketch import LeanMinHash, MinHashLSH

        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=len(signature))
            self._signatures: dict[str, Any] = {}
            for did, sig in conn.execute(select(t.documents.c.id, t.documents.c.minhash)):
                if sig:
                    self._lsh_insert(did, json.loads(sig))
        probe = LeanMinHash(seed=1, hashvalues=signature, scheme=MINHASH_SCHEME)
        out = []
        for other in self._lsh.query(probe):
            if other == doc_id:
                continue
            sim = probe.jaccard(self._signatures[other])
            if sim >= NEAR_DUPLICATE:
                out.append((-sim, other))
        return sorted(out)

    def _lsh_insert(self, doc_id: str, signature: list[int]) -> None:
        from datasketch import LeanMinHash

        m = LeanMinHash(seed=1, hashvalues=signature, scheme=MINHASH_SCHEME)
        if doc_id in self._signatures:
            return
        self._signatures[doc_id] = m
        self._lsh.insert(doc_id, m)


def minhash_signature(text_: str, num_perm: int = 128) -> list[int]:
    """MinHash over three-word shingles of the lowercased text."""
    from datasketch import MinHash

    words = text_.lower().split()
    m = MinHash(num_perm=num_perm, seed=1, scheme=MINHASH_SCHEME)
    for i in range(max(1, len(words) - 2)):
        m.update(" ".join(words[i:i + 3]).encode("utf-8"))
    return [int(x) for x in m.hashvalues]


def _actor_json(actor: Any) -> dict[str, Any]:
    return {"canonical": actor.canonical, "name": actor.name, "code": actor.code}


def group_key(event_type: str, who: list[dict[str, Any]], whom: list[dict[str, Any]], status: str) -> str:
    codes = ",".join(sorted(a["code"] or a["canonical"] for a in who))
    rcodes = ",".join(sorted(a["code"] or a["canonical"] for a in whom))
    return f"{event_type}|{codes}|{rcodes}|{STATUS_CLASS.get(status, 'A')}"


def _own_date(row: Any) -> bool:
    """A mention dated by its text (not only by the publication date of its report)."""
    return bool(row.date_start) and row.when_source != "published"


def recluster(conn: Connection, group: str) -> None:
    """Recompute the merged events of one group (same type, codes and status class), in an order that
    depends only on the stored rows: mentions dated by their text merge when their dates agree; the
    others (dated only by their report, or undated) merge only across near-duplicate documents."""
    rows = conn.execute(
        select(t.event_mentions.c.id, t.event_mentions.c.document_id, t.event_mentions.c.event_id,
               t.event_mentions.c.date_start, t.event_mentions.c.grain, t.event_mentions.c.event_key,
               t.event_mentions.c.when_source, t.documents.c.duplicate_of)
        .join(t.documents, t.documents.c.id == t.event_mentions.c.document_id)
        .where(t.event_mentions.c.group_key == group)).all()
    dated = sorted((r for r in rows if _own_date(r)), key=lambda r: (r.date_start, r.grain or "", r.document_id, r.event_id))
    new_keys: dict[int, str] = {}
    clusters: list[list[Any]] = []
    for r in dated:
        here = (date.fromisoformat(r.date_start), r.grain)
        if clusters:
            last = clusters[-1][-1]
            if compatible((date.fromisoformat(last.date_start), last.grain), here):
                clusters[-1].append(r)
                continue
        clusters.append([r])
    for members in clusters:
        first = members[0]
        key = "ev:" + hashlib.sha1(f"{group}|{first.document_id}|{first.event_id}".encode()).hexdigest()[:20]
        for m in members:
            new_keys[m.id] = key
    for r in rows:
        if _own_date(r):
            continue
        root = r.duplicate_of or r.document_id  # a wire copy joins the undated events of its original
        new_keys[r.id] = "ev:" + hashlib.sha1(f"{group}|undated|{root}".encode()).hexdigest()[:20]
    for r in rows:
        if new_keys[r.id] != r.event_key:
            conn.execute(update(t.event_mentions).where(t.event_mentions.c.id == r.id).values(event_key=new_keys[r.id]))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class StoreAPI(Store):
    """The store as the Python API offers it (``newsgraph.open``): the same functions as the CLI."""

    def ingest(self, paths: Any, **kw: Any) -> Any:
        """Code and store files, directories, JSON Lines and feeds; returns the ingest summary."""
        from newsgraph.store.ingest import ingest_paths

        return ingest_paths(self, [paths] if isinstance(paths, (str, Path)) else paths, **kw)

    def ingest_texts(self, records: Any, **kw: Any) -> Any:
        """Code and store records given in memory (dicts with 'text', or strings)."""
        from newsgraph.store.ingest import ingest_texts

        return ingest_texts(self, records, **kw)

    def events(self, **filters: Any) -> list[Any]:
        """Merged events; filters as the CLI: actor, recipient, party, type, status, since, until, text, limit, offset."""
        from newsgraph.store.query import EventFilters, events

        filters.setdefault("limit", 1_000_000)
        return events(self, EventFilters(**filters))[0]

    def actors(self, **kw: Any) -> list[dict[str, Any]]:
        from newsgraph.store.query import actors

        kw.setdefault("limit", 1_000_000)
        return actors(self, **kw)[0]

    def quotes(self, **kw: Any) -> list[dict[str, Any]]:
        from newsgraph.store.query import quotes

        kw.setdefault("limit", 1_000_000)
        return quotes(self, **kw)[0]

    def claims(self, **kw: Any) -> list[dict[str, Any]]:
        from newsgraph.store.query import claims

        kw.setdefault("limit", 1_000_000)
        return claims(self, **kw)[0]

    def dyads(self, actor: str | None = None, recipient: str | None = None, since: str | None = None,
              until: str | None = None) -> list[dict[str, Any]]:
        from newsgraph.store.query import dyads

        return dyads(self, actor, recipient, since, until)

    def document(self, document_id: str) -> Document | None:
        from newsgraph.store.query import document

        data = document(self, document_id)
        return Document.from_dict(data) if data else None

    def events_frame(self, **filters: Any) -> Any:
        rows = []
        from newsgraph.store.export import event_row

        for e in self.events(**filters):
            rows.append(event_row(e))
        return _frame(rows)

    def actors_frame(self, **kw: Any) -> Any:
        return _frame(self.actors(**kw))

    def quotes_frame(self, **kw: Any) -> Any:
        return _frame(self.quotes(**kw))

    def claims_frame(self, **kw: Any) -> Any:
        return _frame(self.claims(**kw))

    def dyads_frame(self, **kw: Any) -> Any:
        return _frame(self.dyads(**kw))


def _frame(rows: list[dict[str, Any]]) -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise StoreError("DataFrames need pandas: pip install 'newsgraph[pandas]'") from None
    return pd.DataFrame(rows)
