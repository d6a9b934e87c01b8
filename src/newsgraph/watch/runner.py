"""The watcher: polls sources on their intervals, codes the new items, stores them with their state,
and raises alerts.

One cycle: the due sources are fetched by a pool of threads (network, article pages, directory
reads); their new items are coded in the calling process, or on Dask, in batches that cross sources,
taken in the order of the configuration so that a run is reproducible; each result is written in one
transaction with its item record, its source's counters and its alerts. A source whose fetch fails
is recorded with its error and retried after an exponential backoff; the others go on.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.config import get_settings
from newsgraph.errors import InputError
from newsgraph.ingest.readers import RawRecord, read_path
from newsgraph.model import Document, Skipped
from newsgraph.store import schema as t
from newsgraph.store import watch as sw
from newsgraph.store.core import Store, WriteResult
from newsgraph.watch.config import SourceConfig, WatchConfig
from newsgraph.watch.fetch import FetchError, describe, fetch, http_client, item_key, list_directory, main_text, parse_feed


def backoff_delay(every: float, consecutive_errors: int, cap: float) -> float:
    """Seconds before the next try of a failing source: its interval, doubled for each further error in
    a row, at most ``cap`` (but never less than the interval)."""
    if consecutive_errors <= 0:
        return every
    return min(every * 2 ** min(consecutive_errors - 1, 30), max(cap, every))


@dataclass
class Item:
    """One new item of a source, ready to be coded."""

    source: str
    key: str
    link: str | None
    record: RawRecord | InputError = field(default_factory=lambda: InputError("not read"))
    text_from: str | None = None  # content | page | summary | file
    note: str | None = None  # e.g. why the page could not be used


@dataclass
class Poll:
    """One fetch of one source and what it brought."""

    source: SourceConfig
    status: str = ""  # 200 | 304 | dir | error
    items: list[Item] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    files: list[tuple[str, str]] = field(default_factory=list)  # (fingerprint, relative path) of new files
    error: str | None = None
    remaining: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    alerts: int = 0


@dataclass(frozen=True, slots=True)
class PollReport:
    """What one poll did, for progress displays."""

    source: str
    status: str
    new: int
    stored: int
    duplicates: int
    failed: int
    alerts: int
    error: str | None = None
    consecutive_errors: int = 0
    retry_in: float | None = None


@dataclass
class WatchSummary:
    polls: int = 0
    errors: int = 0
    new: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    alerts: int = 0
    coding_seconds: float = 0.0  # time spent waiting for the coder (the pipeline, or Dask)
    elapsed: float = 0.0

    def line(self) -> str:
        return (f"{self.polls} polls ({self.errors} failed), {self.new} new items: {self.stored} stored, "
                f"{self.duplicates} duplicates, {self.failed} failed; {self.alerts} alerts")


Coder = Callable[[Iterable[RawRecord | InputError]], Iterator[Document | Skipped]]


class Watcher:
    """Follows the sources of a configuration. ``poll(...)`` runs one cycle, ``run()`` cycles until
    ``stop`` is set. ``code`` replaces the in-process pipeline (``batch.dask.dask_coder``)."""

    def __init__(self, store: Store, config: WatchConfig, *, code: Callable[[], Coder] | None = None, batch_size: int = 16,
                 on_report: Callable[[PollReport], None] | None = None, on_item: Callable[[str, str], None] | None = None,
                 on_alert: Callable[[], None] | None = None, stop: threading.Event | None = None) -> None:
        self.store = store
        self.config = config
        self.batch_size = batch_size
        self.make_coder = code
        self.on_report = on_report or (lambda r: None)
        self.on_item = on_item or (lambda source, status: None)
        self.on_alert = on_alert or (lambda: None)
        self.stop = stop or threading.Event()
        self.max_bytes = get_settings().max_bytes
        self.summary = WatchSummary()
        self._client = http_client(config.settings.timeout)
        self._pool = ThreadPoolExecutor(max_workers=config.settings.fetchers, thread_name_prefix="newsgraph-fetch")
        sw.register_sources(store, [(s.name, s.kind, s.location, max(1, round(s.every))) for s in config.sources])

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._client.close()

    # -- the loop ---------------------------------------------------------------------------------
    def run(self) -> WatchSummary:
        """Poll each source when it is due, until ``stop`` is set. A source is first due at the time its
        last poll (in the store) planned, or now."""
        due: dict[str, float] = {}
        for s in self.config.sources:
            planned = sw.source_state(self.store, s.name).get("next_poll_at")
            due[s.name] = sw.timestamp(planned) if planned else 0.0
        while not self.stop.is_set():
            now = time.time()
            ready = [s for s in self.config.sources if due[s.name] <= now]
            if not ready:
                self.stop.wait(max(0.05, min(due.values()) - now))
                continue
            planned = self.poll(ready)
            for s in ready:  # a poll cut short (stop, a failing store) is tried again after its interval
                due[s.name] = planned.get(s.name, time.time() + s.every)
        return self.summary

    def poll(self, sources: Iterable[SourceConfig] | None = None) -> dict[str, float]:
        """One cycle over ``sources`` (all by default): fetch, code, store. Returns when each polled source
        is due next."""
        chosen = list(sources if sources is not None else self.config.sources)
        started = time.monotonic()
        futures = [(s, self._pool.submit(self._fetch, s)) for s in chosen]
        next_at: dict[str, float] = {}
        waiting = _Waiting()
        timing = {"feed": 0.0}

        def finish(poll: Poll) -> None:
            when = time.time() + poll.source.every
            sw.record_poll_ok(self.store, poll.source.name, status=poll.status, next_poll_at=when, etag=poll.etag,
                              last_modified=poll.last_modified, files=poll.files)
            next_at[poll.source.name] = when
            self._report(poll)

        def resolved(poll: Poll) -> None:
            poll.remaining -= 1
            if poll.remaining == 0:
                finish(poll)

        def records() -> Iterator[RawRecord | InputError]:
            t0 = time.monotonic()
            version = _pipeline_version()
            for source, future in futures:
                poll = self._wait(source, future)
                if poll is None:
                    return
                self.summary.polls += 1
                if poll.error is not None:
                    next_at[source.name] = self._record_error(poll)
                    continue
                if not poll.items:
                    finish(poll)
                    continue
                poll.remaining = len(poll.items)
                self.summary.new += len(poll.items)
                for item in poll.items:
                    if self.stop.is_set():
                        return
                    if isinstance(item.record, RawRecord):
                        existing = _stored_copy(self.store, item.record, version)
                        if existing is not None:  # the same text is stored already: recorded, not coded again
                            sw.record_duplicate_item(self.store, item.source, item.key, link=item.link, document_id=existing,
                                                     text_from=item.text_from)
                            self._count(poll, "duplicate")
                            resolved(poll)
                            continue
                    waiting.add(poll, item)
                    timing["feed"] += time.monotonic() - t0
                    yield item.record
                    t0 = time.monotonic()
            timing["feed"] += time.monotonic() - t0

        coder = self.make_coder() if self.make_coder else _local_coder(self.batch_size)
        results = iter(coder(records()))
        coding = 0.0
        try:
            while True:
                before, fed = time.monotonic(), timing["feed"]
                result = next(results, None)
                coding += (time.monotonic() - before) - (timing["feed"] - fed)
                if result is None:
                    break
                poll, item = waiting.claim(result)
                self._write(poll, item, result)
                resolved(poll)
                if self.stop.is_set():
                    break
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()
            self.summary.coding_seconds += coding
            self.summary.elapsed += time.monotonic() - started
        return next_at

    # -- fetching (in the pool's threads) ----------------------------------------------------------
    def _wait(self, source: SourceConfig, future: Future[Poll]) -> Poll | None:
        while not wait([future], timeout=0.2).done:
            if self.stop.is_set():
                return None
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 - a bug in one fetch is that source's error, not the watcher's end
            return Poll(source=source, status="error", error=describe(exc))

    def _fetch(self, source: SourceConfig) -> Poll:
        poll = Poll(source=source)
        try:
            if source.kind == "feed":
                self._fetch_feed(poll)
            else:
                self._scan_directory(poll)
        except FetchError as exc:
            poll.status, poll.error, poll.items = "error", str(exc), []
        except Exception as exc:  # noqa: BLE001 - an unexpected failure is recorded against the source
            poll.status, poll.error, poll.items = "error", describe(exc), []
        return poll

    def _fetch_feed(self, poll: Poll) -> None:
        source = poll.source
        state = sw.source_state(self.store, source.name)
        timeout = self.config.settings.timeout
        resp = fetch(self._client, source.location, max_bytes=self.max_bytes, deadline=timeout,
                     etag=state.get("etag"), last_modified=state.get("last_modified"))
        poll.status = str(resp.status)
        poll.etag, poll.last_modified = resp.etag, resp.last_modified
        if resp.status == 304:
            return
        site, entries = parse_feed(resp.body, lenient=source.lenient)
        keyed: dict[str, Any] = {}
        for e in entries:
            ident = e.ident or f"{e.title or ''}\n{e.content or e.summary}"
            keyed.setdefault(item_key(ident), e)  # an item listed twice in one feed is one item
        seen = sw.seen_keys(self.store, source.name, list(keyed))
        for key, e in keyed.items():
            if key in seen or self.stop.is_set():
                continue
            poll.items.append(self._feed_item(source, key, e, site, resp.url))

    def _feed_item(self, source: SourceConfig, key: str, e: Any, site: str | None, feed_url: str) -> Item:
        where = f"{source.name}|{e.link or feed_url}#{key[:12]}"  # unique: results are matched to items by it
        item = Item(source=source.name, key=key, link=e.link)
        body, item.text_from = e.content, "content"
        if not body and source.fetch_pages and e.link:
            try:
                page = fetch(self._client, e.link, max_bytes=self.max_bytes, deadline=self.config.settings.timeout)
                body, item.text_from = main_text(page.body, e.link), "page"
            except FetchError as exc:
                item.note = f"article page not used ({exc}); coded from the feed summary"
        if not body:
            body, item.text_from = e.summary, "summary"
        if not body:
            item.record = InputError("feed item has no content or summary", source=where)
            return item
        text = f"{e.title}\n\n{body}\n" if e.title else body + "\n"
        raw = f"{e.link or ''}\n{text}".encode("utf-8")
        ident = hashlib.sha256(f"{source.name}\n{key}".encode()).hexdigest()[:16]
        item.record = RawRecord(source=where, id=ident, text=text, raw_sha256=hashlib.sha256(raw).hexdigest(), title=e.title,
                                published=e.published, url=e.link, site=site, warning=item.note)
        return item

    def _scan_directory(self, poll: Poll) -> None:
        source = poll.source
        poll.status = "dir"
        files = list_directory(Path(source.location))
        seen_files = sw.seen_keys(self.store, source.name, [f.fingerprint for f in files], kind="file")
        candidates: list[Item] = []
        for f in files:
            if f.fingerprint in seen_files or self.stop.is_set():
                continue
            poll.files.append((f.fingerprint, f.relative))
            for n, rec in enumerate(read_path(f.path), start=1):
                if isinstance(rec, RawRecord):
                    key = item_key(f"{f.relative}\n{rec.raw_sha256}")
                    rec = RawRecord(**{**{k: getattr(rec, k) for k in rec.__dataclass_fields__},
                                       "source": f"{source.name}|{f.path}#{key[:12]}"})
                else:
                    key = item_key(f"{f.relative}\n{f.fingerprint}\n{n}\nerror")
                    rec = InputError(rec.reason, source=f"{source.name}|{f.path}#{key[:12]}")
                candidates.append(Item(source=source.name, key=key, link=str(f.path), record=rec, text_from="file"))
        seen = sw.seen_keys(self.store, source.name, [c.key for c in candidates])
        unique: dict[str, Item] = {}
        for c in candidates:
            if c.key not in seen:
                unique.setdefault(c.key, c)
        poll.items = list(unique.values())

    # -- writing (in the calling thread) -----------------------------------------------------------
    def _write(self, poll: Poll, item: Item, result: Document | Skipped) -> None:
        if isinstance(result, Skipped):
            sw.record_failed_item(self.store, item.source, item.key, link=item.link, stage=result.stage, reason=result.reason,
                                  text_from=item.text_from)
            self._count(poll, "failed")
            return
        fired: list[str] = []

        def within(conn: Any, res: WriteResult) -> None:
            sw.record_item(conn, item.source, item.key, link=item.link, document_id=res.document_id, status=res.status,
                           text_from=item.text_from, note=item.note)
            if res.status != "duplicate":
                fired.extend(sw.raise_alerts(conn, res.document_id, self.config.rules))

        try:
            res = self.store.write(result, within=within)
        except Exception as exc:  # noqa: BLE001 - one bad document never stops the watcher
            fired.clear()
            try:
                sw.record_failed_item(self.store, item.source, item.key, link=item.link, stage="store",
                                      reason=f"{type(exc).__name__}: {exc}", text_from=item.text_from)
                self._count(poll, "failed")
            except Exception:  # noqa: BLE001 - the store itself is failing: the item stays new, fetched again later
                poll.remaining += 1
            return
        self._count(poll, "duplicate" if res.status == "duplicate" else "stored")
        if fired:
            poll.alerts += len(fired)
            self.summary.alerts += len(fired)
            self.on_alert()

    def _count(self, poll: Poll, status: str) -> None:
        if status == "stored":
            poll.stored += 1
            self.summary.stored += 1
        elif status == "duplicate":
            poll.duplicates += 1
            self.summary.duplicates += 1
        else:
            poll.failed += 1
            self.summary.failed += 1
        self.on_item(poll.source.name, status)

    def _record_error(self, poll: Poll) -> float:
        source = poll.source
        state = sw.source_state(self.store, source.name)
        n = int(state.get("consecutive_errors") or 0) + 1
        delay = backoff_delay(source.every, n, self.config.settings.max_backoff)
        sw.record_poll_error(self.store, source.name, poll.error or "error", next_poll_at=time.time() + delay)
        self.summary.errors += 1
        self.on_report(PollReport(source.name, "error", 0, 0, 0, 0, 0, error=poll.error, consecutive_errors=n, retry_in=delay))
        return time.time() + delay

    def _report(self, poll: Poll) -> None:
        self.on_report(PollReport(poll.source.name, poll.status, len(poll.items), poll.stored, poll.duplicates, poll.failed,
                                  poll.alerts))


class _Waiting:
    """The items being coded, found again from their results: a skipped record by its source (unique
    per item), a document by its id and raw hash (the coder may return results in any order: Dask)."""

    def __init__(self) -> None:
        self.by_source: dict[str, tuple[Poll, Item]] = {}
        self.by_document: dict[tuple[str, str], deque[str]] = {}

    def add(self, poll: Poll, item: Item) -> None:
        source = item.record.source or ""
        self.by_source[source] = (poll, item)
        if isinstance(item.record, RawRecord):
            self.by_document.setdefault((item.record.id or "", item.record.raw_sha256), deque()).append(source)

    def claim(self, result: Document | Skipped) -> tuple[Poll, Item]:
        if isinstance(result, Skipped):
            poll, item = self.by_source.pop(result.source)
            if isinstance(item.record, RawRecord):
                self._forget((item.record.id or "", item.record.raw_sha256), result.source)
            return poll, item
        token = (result.document.id, result.document.raw_sha256)
        if token not in self.by_document:  # a record without an id: the pipeline gave it one
            token = ("", result.document.raw_sha256)
        source = self.by_document[token][0]
        self._forget(token, source)
        return self.by_source.pop(source)

    def _forget(self, token: tuple[str, str], source: str) -> None:
        queue = self.by_document.get(token)
        if queue is not None:
            queue.remove(source)
            if not queue:
                del self.by_document[token]


def _local_coder(batch_size: int) -> Coder:
    from newsgraph.pipeline.runner import get_pipeline

    pipeline = get_pipeline()
    return lambda items: pipeline.run_many(items, batch_size=batch_size)


def _pipeline_version() -> str:
    from newsgraph.pipeline.runner import get_pipeline

    return get_pipeline().version


def _stored_copy(store: Store, record: RawRecord, version: str) -> str | None:
    """The id of a stored document with this record's text, coded by this pipeline version, if any."""
    from sqlalchemy import select

    from newsgraph.store.ingest import content_key

    try:
        sha = content_key(record)
    except Exception:  # noqa: BLE001 - repair failures surface in the pipeline with their stage
        return None
    with store.engine.connect() as conn:
        row = conn.execute(select(t.documents.c.id, t.documents.c.pipeline).where(t.documents.c.content_sha256 == sha)).first()
    return row.id if row is not None and row.pipeline == version else None
