"""Store commands: ingest, recode, db upgrade, delete, events, actors, quotes, claims, dyads, export."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from newsgraph.errors import NewsgraphError

DB_HELP = "SQLAlchemy URL (sqlite:///f.db, postgresql://...) or a SQLite path; default NEWSGRAPH_DB or ./newsgraph.db."


def store_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except NewsgraphError as exc:
            click.echo(f"newsgraph: {exc}", err=True)
            sys.exit(2)
    return wrapper


def _open(db: str | None):  # type: ignore[no-untyped-def]
    from newsgraph.store import Store

    return Store(db)


def _summary_exit(summary: Any, debug: bool) -> None:
    for path, stage, reason in summary.failures:
        click.echo(f"newsgraph: {path}: {stage}: {reason}", err=True)
    click.echo(f"newsgraph: {summary.line()}", err=True)
    sys.exit(1 if summary.failed else 0)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
@click.option("--batch-size", type=int, default=16, show_default=True)
@click.option("--dask", "dask_address", help="Run on Dask: local:N for a local cluster of N workers, or tcp://host:8786.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@store_errors
def ingest(paths: tuple[str, ...], db: str | None, batch_size: int, dask_address: str | None, debug: bool) -> None:
    """Code files, directories (recursively), JSON Lines, RSS/Atom feeds, and store them."""
    from newsgraph.store.ingest import Progress, ingest_items
    from newsgraph.ingest.readers import read_inputs

    store = _open(db)
    items = list(read_inputs(paths, recursive=True))
    progress = Progress(len(items))
    code = None
    if dask_address:
        from newsgraph.batch.dask import dask_coder

        code = dask_coder(dask_address, batch_size=batch_size)
    try:
        summary = ingest_items(store, items, batch_size=batch_size, progress=progress, code=code)
    finally:
        progress.close()
    _summary_exit(summary, debug)


@click.command()
@click.option("--db", help=DB_HELP)
@store_errors
def recode(db: str | None) -> None:
    """Run extraction again on every stored text."""
    from newsgraph.store.ingest import Progress, recode as do_recode

    store = _open(db)
    progress = Progress(None)
    try:
        summary = do_recode(store, progress=progress)
    finally:
        progress.close()
    _summary_exit(summary, False)


@click.group("db")
def db_group() -> None:
    """Schema migrations."""


@db_group.command("upgrade")
@click.option("--db", help=DB_HELP)
@store_errors
def db_upgrade(db: str | None) -> None:
    """Apply every migration not yet applied."""
    from newsgraph.store import Store

    store = Store(db, upgrade=False)
    store.upgrade()
    click.echo(f"{store.url}: at revision {store.revision()}")


@click.command("delete")
@click.option("--document", "document_id", required=True, help="The document id to remove, with everything derived from it.")
@click.option("--db", help=DB_HELP)
@store_errors
def delete_cmd(document_id: str, db: str | None) -> None:
    """Remove a document and everything derived from it."""
    if not _open(db).delete_document(document_id):
        click.echo(f"newsgraph: no document {document_id!r}", err=True)
        sys.exit(1)
    click.echo(f"deleted {document_id}")


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str]) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in r.items()})
    else:
        widths = {c: max([len(c)] + [len(_cell(r.get(c))) for r in rows]) for c in columns}
        widths = {c: min(w, 40) for c, w in widths.items()}
        click.echo("  ".join(c.ljust(widths[c]) for c in columns))
        for r in rows:
            click.echo("  ".join(_cell(r.get(c))[: widths[c]].ljust(widths[c]) for c in columns))


def _cell(v: Any) -> str:
    if isinstance(v, list):
        return "+".join(str(x.get("code") or x.get("name")) if isinstance(x, dict) else str(x) for x in v)
    return "" if v is None else str(v)


FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)


@click.command("events")
@click.option("--actor", help="Events whose actors include a code starting with this.")
@click.option("--recipient", help="Events whose recipients include a code starting with this.")
@click.option("--party", help="Either side.")
@click.option("--type", "type_", help="PLOVER type.")
@click.option("--status", help="asserted, planned, hypothetical, negated or historical (default: all).")
@click.option("--since", help="Event date (its own, else its report's) from YYYY[-MM[-DD]].")
@click.option("--until", help="Event date (its own, else its report's) up to YYYY[-MM[-DD]].")
@click.option("--text", help="Text in the event's sentence.")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--offset", type=int, default=0, show_default=True)
@click.option("--db", help=DB_HELP)
@FORMAT
@store_errors
def events_cmd(actor, recipient, party, type_, status, since, until, text, limit, offset, db, fmt) -> None:  # type: ignore[no-untyped-def]
    """Merged events, filtered."""
    from newsgraph.store.query import EventFilters, events

    rows, total = events(_open(db), EventFilters(actor, recipient, party, type_, status, since, until, text, limit, offset))
    out = [r.to_dict() for r in rows]
    if fmt != "json":
        for r in out:
            r.pop("mentions", None)
    _emit(out, fmt, ["date", "date_end", "date_source", "event", "cameo", "status", "actors", "recipients", "goldstein",
                     "num_mentions", "num_articles", "event_key"])


@click.command("actors")
@click.option("--query", "-q", help="Name or code prefix.")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--db", help=DB_HELP)
@FORMAT
@store_errors
def actors_cmd(query, limit, db, fmt) -> None:  # type: ignore[no-untyped-def]
    """Canonical actors with their mention counts."""
    from newsgraph.store.query import actors

    rows, _ = actors(_open(db), limit=limit, query=query)
    _emit(rows, fmt, ["canonical", "name", "kind", "code", "wikidata", "mentions", "documents"])


@click.command("quotes")
@click.option("--speaker", help="Speaker code prefix, canonical id, or name.")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--db", help=DB_HELP)
@FORMAT
@store_errors
def quotes_cmd(speaker, limit, db, fmt) -> None:  # type: ignore[no-untyped-def]
    """Quotes, by speaker."""
    from newsgraph.store.query import quotes

    rows, _ = quotes(_open(db), speaker=speaker, limit=limit)
    _emit(rows, fmt, ["document_id", "speaker_name", "speaker_code", "direct", "cue", "text"])


@click.command("claims")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--db", help=DB_HELP)
@FORMAT
@store_errors
def claims_cmd(limit, db, fmt) -> None:  # type: ignore[no-untyped-def]
    """Claims and the denials that answer them."""
    from newsgraph.store.query import claims

    rows, _ = claims(_open(db), limit=limit)
    _emit(rows, fmt, ["document_id", "claim_id", "event", "actors", "recipients", "asserted_by", "denied_by", "sentence"])


@click.command("dyads")
@click.option("--actor", help="Actor code prefix.")
@click.option("--recipient", help="Recipient code prefix.")
@click.option("--since")
@click.option("--until")
@click.option("--db", help=DB_HELP)
@FORMAT
@store_errors
def dyads_cmd(actor, recipient, since, until, db, fmt) -> None:  # type: ignore[no-untyped-def]
    """Per actor pair and month: event counts by quad class and summed Goldstein score."""
    from newsgraph.store.query import dyads

    rows = dyads(_open(db), actor, recipient, since, until)
    _emit(rows, fmt, ["actor", "recipient", "month", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict",
                      "material_conflict", "goldstein"])


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "gdelt", "plover", "parquet", "graphml", "gexf"]), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file (required for parquet); default stdout.")
@click.option("--db", help=DB_HELP)
@store_errors
def export_cmd(fmt: str, output: Path | None, db: str | None) -> None:
    """Export the store for analysis tools."""
    from newsgraph.store.export import export

    store = _open(db)
    if output is None:
        n = export(store, fmt, sys.stdout)
    elif fmt == "parquet":
        n = export(store, fmt, None, str(output))
    else:
        with output.open("w", encoding="utf-8", newline="") as fh:
            n = export(store, fmt, fh)
    click.echo(f"newsgraph: exported {n} records as {fmt}", err=True)


COMMANDS = [ingest, recode, db_group, delete_cmd, events_cmd, actors_cmd, quotes_cmd, claims_cmd, dyads_cmd, export_cmd]


@click.command("serve")
@click.option("--db", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; beyond localhost, writing needs --token.")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--token", help="Token for write endpoints (POST /api/extract?store=true); or NEWSGRAPH_TOKEN.")
@store_errors
def serve(db: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the REST API (/api, /openapi.json) and the web UI."""
    import uvicorn

    from newsgraph.web.app import create_app

    uvicorn.run(create_app(db, token, host), host=host, port=port, log_level="info")


COMMANDS.append(serve)
