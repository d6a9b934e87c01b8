"""`newsgraph` command line. Errors become one line on stderr here, and nowhere else."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterator
from dataclasses import replace

import click

from newsgraph import __version__
from newsgraph.errors import NewsgraphError
from newsgraph.model import Document, Skipped


def _report(skip: Skipped, debug: bool) -> None:
    who = skip.source if skip.id is None or skip.id in skip.source else f"{skip.source} ({skip.id})"
    click.echo(f"newsgraph: {who}: {skip.reason}", err=True)
    if debug and skip.error is not None:
        traceback.print_exception(skip.error, file=sys.stderr)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """newsgraph: French news to political event data (actors, PLOVER/CAMEO events, quotes, claims)."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["auto", "json", "jsonl", "summary"]), default="auto",
              show_default=True, help="auto: pretty JSON for one document, JSON Lines for several.")
@click.option("--published", help="Publication date (ISO 8601) for a single input, overriding its metadata; 'now' "
              "dates by the machine's clock the inputs that give no date (metadata, dateline or URL).")
@click.option("--title", help="Title for a single input, overriding its metadata.")
@click.option("--max-bytes", type=int, help="Refuse input files larger than this (default 10 MB, or NEWSGRAPH_MAX_BYTES).")
@click.option("--batch-size", type=int, default=16, show_default=True, help="Documents per nlp.pipe batch.")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for failures.")
def extract(inputs: tuple[str, ...], fmt: str, published: str | None, title: str | None, max_bytes: int | None,
            batch_size: int, debug: bool) -> None:
    """Code FILE... (.txt, .html, .json, .jsonl; '-' reads stdin: JSON Lines, else one plain text) and print documents."""
    from newsgraph.config import get_settings
    from newsgraph.ingest.readers import RawRecord, read_inputs
    from newsgraph.pipeline.runner import get_pipeline
    from newsgraph.pipeline.stages import CLOCK, normalise_published

    settings = get_settings(max_bytes=max_bytes)
    clock = published is not None and published.strip().lower() == CLOCK
    if ((published and not clock) or title) and len(inputs) != 1:
        raise click.UsageError("--published DATE and --title apply to a single input")
    if published and not clock and normalise_published(published) is None:
        raise click.BadParameter(f"{published!r} is not an ISO 8601 date (YYYY-MM-DD) nor 'now'", param_hint="--published")

    def records() -> Iterator[object]:
        for rec in read_inputs(inputs, settings=settings):
            if isinstance(rec, RawRecord):
                if rec.warning:
                    click.echo(f"newsgraph: {rec.source}: warning: {rec.warning}", err=True)
                if clock:
                    rec = replace(rec, published=rec.published or CLOCK)
                elif published:
                    rec = replace(rec, published=published)
                if title:
                    rec = replace(rec, title=title)
            yield rec

    failed = 0
    try:
        pipeline = get_pipeline()
        held: Document | None = None
        streaming = fmt in ("jsonl", "summary")
        for result in pipeline.run_many(records(), batch_size=batch_size):  # type: ignore[arg-type]
            if isinstance(result, Skipped):
                failed += 1
                _report(result, debug)
                continue
            if fmt == "summary":
                click.echo(summarize(result))
            elif streaming:
                click.echo(result.to_json())
            elif fmt == "json":
                click.echo(result.to_json(indent=2))
            elif held is None:
                held = result
            else:
                if held is not None and not streaming:
                    click.echo(held.to_json())
                streaming = True
                held = None
                click.echo(result.to_json())
        if held is not None:
            click.echo(held.to_json(indent=2))
    except NewsgraphError as exc:
        click.echo(f"newsgraph: {exc}", err=True)
        if debug:
            traceback.print_exc()
        sys.exit(2)
    sys.exit(1 if failed else 0)


def summarize(doc: Document) -> str:
    """A short human-readable summary of one coded document."""
    d = doc.document
    dated = f"{d.published} ({d.published_source})" if d.published else "date unknown"
    lines = [f"== {d.id}  {dated}  {d.title or ''}".rstrip()]
    by_id = {a.id: a for a in doc.actors}

    def names(ids: tuple[str, ...]) -> str:
        return " + ".join(f"{by_id[i].name}[{by_id[i].code or '?'}]" for i in ids) or "-"

    coded = [a for a in doc.actors if a.code]
    lines.append(f"   actors {len(doc.actors)} ({len(coded)} coded), places {len(doc.places)}, times {len(doc.times)}, "
                 f"events {len(doc.events)}, quotes {len(doc.quotes)}, claims {len(doc.claims)}")
    top = sorted(doc.actors, key=lambda a: -len(a.mentions))[:6]
    if top:
        lines.append("   main actors: " + ", ".join(f"{a.name} [{a.code or '?'}] x{len(a.mentions)}" for a in top))
    for e in doc.events[:12]:
        when = (e.when.value + (f"..{e.when.end}" if e.when.end else "") + ("" if e.when.source == "text" else " (published)")) \
            if e.when else ""
        lines.append(f"   {e.event:<9} {e.cameo or '':<5} {e.status:<12} {names(e.actors)} -> {names(e.recipients)} {when}")
    if len(doc.events) > 12:
        lines.append(f"   ... {len(doc.events) - 12} more events")
    return "\n".join(lines)


from newsgraph.cli.actorbase import actorbase  # noqa: E402
from newsgraph.cli.store import COMMANDS  # noqa: E402
from newsgraph.cli.watch import COMMANDS as WATCH_COMMANDS  # noqa: E402

main.add_command(actorbase)
for _command in COMMANDS + WATCH_COMMANDS:
    main.add_command(_command)

if __name__ == "__main__":  # pragma: no cover
    main()
