"""Ingest: read inputs, skip content already coded by this pipeline, code the rest in batches, and
write each document in its own transaction. Every input ends stored, skipped as a duplicate, or in
the failures table with its path, stage and reason."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.readers import read_inputs, read_records
from newsgraph.model import RawRecord
from newsgraph.model import Document, Skipped
from newsgraph.store.core import Store

log = logging.getLogger("newsgraph.ingest")


@dataclass
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    recoded: int = 0
    updated: int = 0
    failed: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.stored + self.duplicates + self.recoded + self.updated + self.failed

    def line(self) -> str:
        return (f"{self.total} inputs: {self.stored} stored, {self.recoded} re-coded, {self.updated} updated, "
                f"{self.duplicates} skipped as duplicates, {self.failed} failed")


def content_key(raw: RawRecord) -> str:
    from newsgraph.pipeline.repair import repair_text
    from newsgraph.pipeline.runner import content_sha256

    return content_sha256(repair_text(raw.text).text)


def _fresh(store: Store, items: Iterable[RawRecord | InputError], version: str, summary: IngestSummary,
           on_skip: Callable[[str], None]) -> Iterator[RawRecord | InputError]:
    for item in items:
        if isinstance(item, RawRecord):
            try:
                if store.pipeline_of(content_key(item)) == version:
                    summary.duplicates += 1
                    on_skip(item.source)
                    continue
            except Exception:  # noqa: BLE001 - repair failures surface in the pipeline with their stage
                pass
        yield item


def ingest_items(store: Store, items: Iterable[RawRecord | InputError], *, batch_size: int = 16,
                 progress: Callable[[IngestSummary], None] | None = None, code: Callable[..., Any] | None = None) -> IngestSummary:
    """Code and store records. ``code`` replaces the in-process pipeline (the Dask backend passes its own)."""
    from newsgraph.pipeline.runner import get_pipeline

    pipeline = get_pipeline()
    summary = IngestSummary()
    tick = progress or (lambda s: None)
    run = code or (lambda recs: pipeline.run_many(recs, batch_size=batch_size))
    for result in run(_fresh(store, items, pipeline.version, summary, lambda _src: tick(summary))):
        if isinstance(result, Skipped):
            summary.failed += 1
            summary.failures.append((result.source, result.stage, result.reason))
            store.record_failure(result.source, result.stage, result.reason)
        else:
            doc: Document = result
            try:
                res = store.write(doc, path=None)
            except Exception as exc:  # noqa: BLE001 - one bad document never stops the batch
                summary.failed += 1
                reason = f"store: {type(exc).__name__}: {exc}"
                summary.failures.append((doc.document.id, "store", reason))
                store.record_failure(doc.document.id, "store", reason)
                continue
            counter = "duplicates" if res.status == "duplicate" else res.status  # stored | recoded | updated
            setattr(summary, counter, getattr(summary, counter) + 1)
        tick(summary)
    return summary


def ingest_paths(store: Store, paths: Iterable[str | Path], **kw: Any) -> IngestSummary:
    return ingest_items(store, read_inputs(paths, recursive=True), **kw)


def ingest_texts(store: Store, records: Iterable[dict[str, Any] | str], **kw: Any) -> IngestSummary:
    return ingest_items(store, read_records(records), **kw)


def recode(store: Store, **kw: Any) -> IngestSummary:
    """Run extraction again on every stored text (the pipeline changed)."""
    import json

    from newsgraph.model import RawRecord as Raw
    from newsgraph.store import schema as t
    from sqlalchemy import select

    with store.engine.connect() as conn:
        rows = conn.execute(select(t.documents.c.id, t.documents.c.raw_sha256, t.documents.c.data)).all()
    records = []
    for r in rows:
        d = json.loads(r.data)["document"]
        # a date found in the text or the URL is found there again (and keeps saying so); only a date
        # the input gave (or the clock, when asked) is passed on as metadata
        found = d.get("published_source") in ("dateline", "url")
        records.append(Raw(source=f"store:{r.id}", id=r.id, text=d["text"], raw_sha256=r.raw_sha256, title=d.get("title"),
                           published=None if found else d.get("published"), url=d.get("url"), language=d.get("language"),
                           site=d.get("source")))
    return ingest_items(store, records, **kw)


class Progress:
    """Progress while a command runs, never a second summary: on a terminal a bar that is cleared when
    it closes; otherwise a line every half minute saying how far it got. The command prints the one
    summary (``IngestSummary.line``) at the end."""

    EVERY = 30.0  # seconds between two progress lines when standard error is not a terminal

    def __init__(self, total: int | None, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.total = total
        self.start = time.monotonic()
        self.last = self.start
        self.bar = None
        if self.tty:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=True, leave=False)

    def __call__(self, s: IngestSummary) -> None:
        if self.bar is not None:
            self.bar.n = s.total
            self.bar.set_postfix(stored=s.stored + s.recoded + s.updated, dup=s.duplicates, failed=s.failed, refresh=False)
            self.bar.refresh()
            return
        now = time.monotonic()
        if now - self.last >= self.EVERY and (self.total is None or s.total < self.total):
            self.last = now
            rate = s.total / max(now - self.start, 1e-6)
            of = f" of {self.total}" if self.total is not None else ""
            self.stream.write(f"newsgraph: ingest in progress: {s.total}{of} inputs done, {rate:.1f} docs/s\n")
            self.stream.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
