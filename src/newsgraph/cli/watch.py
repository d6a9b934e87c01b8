"""Watch commands: watch (follow feeds and directories), sources (their state), alerts."""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import click

from newsgraph.cli.store import DB_HELP, _emit, _open, store_errors
from newsgraph.errors import InputError


@click.command("watch")
@click.option("--config", "config_path", required=True, help="The watch configuration (TOML): [[source]], [[alert]], [watch].")
@click.option("--db", help=DB_HELP)
@click.option("--once", is_flag=True, help="Poll every source once, then exit (for cron and tests); exit code 1 if a source failed.")
@click.option("--batch-size", type=int, default=16, show_default=True, help="Documents per nlp.pipe batch.")
@click.option("--dask", "dask_address", help="Code on Dask: local:N for a local cluster of N workers, or tcp://host:8786.")
@store_errors
def watch_cmd(config_path: str, db: str | None, once: bool, batch_size: int, dask_address: str | None) -> None:
    """Follow RSS/Atom feeds and directories: code and store new items, raise alerts. Runs until SIGINT or SIGTERM."""
    from newsgraph.watch.config import load_config
    from newsgraph.watch.runner import Watcher
    from newsgraph.watch.webhook import WebhookSender

    config = load_config(config_path)
    store = _open(db)
    stop = threading.Event()
    previous = _stop_on_signals(stop)
    display = _display(len(config.sources))
    sender = WebhookSender(store, timeout=config.settings.timeout).start()
    cluster: AbstractContextManager[str | None] = nullcontext(None)
    if dask_address:
        from newsgraph.batch.dask import shared_cluster

        cluster = shared_cluster(dask_address)
    try:
        with cluster as address:
            code = None
            if address:
                from newsgraph.batch.dask import dask_coder

                code = lambda: dask_coder(address, batch_size=batch_size)  # noqa: E731 - one coder per poll
            watcher = Watcher(store, config, code=code, batch_size=batch_size, on_report=display.report,
                              on_item=display.item, on_alert=sender.wake, stop=stop)
            try:
                if once:
                    watcher.poll()
                    summary = watcher.summary
                else:
                    summary = watcher.run()
            finally:
                watcher.close()
        if once and not stop.is_set():
            sender.drain(config.settings.drain)
    finally:
        sender.stop()
        display.close()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    click.echo(f"newsgraph: watch: {summary.line()}; webhooks: {sender.delivered} delivered, {sender.failed} failed", err=True)
    sys.exit(1 if once and summary.errors else 0)


def _stop_on_signals(stop: threading.Event) -> dict[int, Any]:
    """The first SIGINT or SIGTERM stops after the document being written; a second one ends at once
    (nothing is lost either way: every write is one transaction). Returns the handlers it replaced."""
    previous: dict[int, Any] = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}

    def handler(signum: int, _frame: Any) -> None:
        stop.set()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
    return previous


class _Lines:
    """One line on stderr per poll (not a terminal: logs, cron)."""

    def report(self, r: Any) -> None:
        if r.error:
            click.echo(f"newsgraph: watch: {r.source}: error ({r.consecutive_errors} in a row, next try in "
                       f"{_span(r.retry_in)}): {r.error}", err=True)
        else:
            click.echo(f"newsgraph: watch: {r.source}: {r.status}, {r.new} new: {r.stored} stored, {r.duplicates} duplicates, "
                       f"{r.failed} failed, {r.alerts} alerts", err=True)

    def item(self, source: str, status: str) -> None:
        pass

    def close(self) -> None:
        pass


class _Rich:
    """A live table on a terminal: one row per source, totals and items per minute above it."""

    def __init__(self, n_sources: int) -> None:
        from rich.console import Console
        from rich.live import Live

        self.rows: dict[str, dict[str, Any]] = {}
        self.totals = {"stored": 0, "duplicate": 0, "failed": 0}
        self.start = time.monotonic()
        self.n_sources = n_sources
        self.live = Live(self._render(), console=Console(stderr=True), refresh_per_second=4, transient=False)
        self.live.start()

    def _render(self) -> Any:
        from rich.table import Table

        minutes = max((time.monotonic() - self.start) / 60, 1e-9)
        done = sum(self.totals.values())
        table = Table(title=f"newsgraph watch: {done} new items ({done / minutes:.0f}/min), {self.totals['stored']} stored, "
                            f"{self.totals['duplicate']} duplicates, {self.totals['failed']} failed",
                      title_justify="left", expand=False)
        for col in ("source", "last poll", "new", "stored", "errors in a row", "last error"):
            table.add_column(col)
        for name, row in self.rows.items():
            table.add_row(name[:40], row.get("status", ""), str(row.get("new", 0)), str(row.get("stored", 0)),
                          str(row.get("errors", 0)), (row.get("error") or "")[:60])
        return table

    def report(self, r: Any) -> None:
        row = self.rows.setdefault(r.source, {})
        row["status"] = "error" if r.error else r.status
        row["new"] = row.get("new", 0) + r.new
        row["errors"] = r.consecutive_errors
        row["error"] = r.error or row.get("error")
        self.live.update(self._render())

    def item(self, source: str, status: str) -> None:
        self.totals[status] = self.totals.get(status, 0) + 1
        if status == "stored":
            row = self.rows.setdefault(source, {})
            row["stored"] = row.get("stored", 0) + 1
        self.live.update(self._render())

    def close(self) -> None:
        self.live.stop()


def _display(n_sources: int) -> Any:
    return _Rich(n_sources) if sys.stderr.isatty() else _Lines()


def _span(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds / size:.0f}{unit}"
    return f"{seconds:.0f}s"


SOURCE_COLUMNS = ["name", "kind", "last_poll_at", "last_status", "items_seen", "items_stored", "consecutive_errors", "errors_total",
                  "last_error", "next_poll_at"]
ITEM_COLUMNS = ["seen_at", "status", "document_id", "text_from", "note", "link"]


@click.command("sources")
@click.option("--items", "items_of", metavar="NAME", help="List the items recorded for this source instead.")
@click.option("--limit", type=int, default=100, show_default=True, help="With --items: how many, latest first.")
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@store_errors
def sources_cmd(items_of: str | None, limit: int, db: str | None, fmt: str) -> None:
    """Followed sources: last fetch, items seen and stored, consecutive errors, last error."""
    from newsgraph.store import watch as sw

    store = _open(db)
    if items_of is not None:
        if not any(s["name"] == items_of for s in sw.sources(store)):
            raise InputError(f"no source named {items_of!r} (newsgraph sources lists them)")
        rows, _ = sw.items(store, items_of, limit=limit)
        _emit(rows, fmt, ITEM_COLUMNS)
        return
    _emit(sw.sources(store), fmt, SOURCE_COLUMNS)


ALERT_COLUMNS = ["created_at", "rule", "event", "cameo", "status", "date", "actors", "recipients", "goldstein", "num_articles",
                 "delivery", "title"]

@click.command("alerts")
@click.option("--since", help="Alerts raised from this UTC date or time (2024-05-01, 2024-05-01T08:00), or within this duration (2h, 1d).")
@click.option("--rule", help="Only this rule's alerts.")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--db", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@store_errors
def alerts_cmd(since: str | None, rule: str | None, limit: int, db: str | None, fmt: str) -> None:
    """Alerts raised by newsgraph watch, latest first: one per rule and merged event."""
    from newsgraph.store import watch as sw

    if limit < 0:
        raise InputError("--limit must not be negative")
    rows, _ = sw.alerts(_open(db), since=sw.since_timestamp(since) if since else None, rule=rule, limit=limit)
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    _emit(rows, fmt, ALERT_COLUMNS)


COMMANDS = [watch_cmd, sources_cmd, alerts_cmd]
