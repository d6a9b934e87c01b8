"""`newsgraph actorbase`: list, check and extend the actor base with a user's own entries."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsgraph.errors import ResourceError


@click.group()
def actorbase() -> None:
    """List, check and extend the actor base (user entries: NEWSGRAPH_ACTORBASE or the data directory)."""


def _base():
    from newsgraph.actorbase import actor_base

    try:
        return actor_base()
    except ResourceError as exc:
        click.echo(f"newsgraph: {exc}", err=True)
        sys.exit(1)


@actorbase.command("list")
@click.option("--kind", type=click.Choice(["person", "country", "organization", "group"]), help="Only this kind.")
@click.option("--query", "-q", help="Only entries whose name or alias contains this text.")
def list_entries(kind: str | None, query: str | None) -> None:
    """Print key, kind, code, canonical id and name of each entry."""
    from newsgraph.text import norm

    base = _base()
    q = norm(query) if query else None
    for e in sorted(base.entries.values(), key=lambda e: (e.kind, e.key)):
        if kind and e.kind != kind:
            continue
        if q and not any(q in norm(a) for a in base.names_of(e)):
            continue
        click.echo(f"{e.key}\t{e.kind}\t{e.code or '-'}\t{e.canonical}\t{e.name}\t{e.origin}")


@actorbase.command()
def check() -> None:
    """Load every file, report overrides by user entries and aliases claimed by two actors."""
    base = _base()
    for line in base.overrides:
        click.echo(f"override: {line}")
    for line in base.conflicts:
        click.echo(f"conflict: {line}")
    people = sum(1 for e in base.entries.values() if e.kind == "person")
    click.echo(f"ok: {len(base.entries)} entries ({people} people), {len(base.overrides)} overrides, {len(base.conflicts)} conflicts")


@actorbase.command("import")
@click.argument("path", type=click.Path(path_type=Path))
def import_file(path: Path) -> None:
    """Add the entries of a CSV or YAML file (columns of resources/README.md) to the user base."""
    from newsgraph.actorbase import append_user_rows, user_dir, user_rows_from_file

    try:
        people, orgs = user_rows_from_file(path)
    except ResourceError as exc:
        click.echo(f"newsgraph: {exc}", err=True)
        sys.exit(1)
    append_user_rows(user_dir(), people, orgs)
    click.echo(f"imported {len(people)} people and {len(orgs)} organisations into {user_dir()}")


@actorbase.command()
@click.option("--key", required=True, help="Stable key; an existing key is overridden.")
@click.option("--name", required=True, help="Display name in French.")
@click.option("--aliases", default="", help="Other names, separated by |.")
@click.option("--kind", type=click.Choice(["person", "organization", "group", "country"]), default="person", show_default=True)
@click.option("--country", default="", help="ISO 3166 alpha-3 country (people).")
@click.option("--roles", default="", help="Dated roles OFFICE:START:END separated by ; (people).")
@click.option("--code", default="", help="CAMEO code (organisations).")
@click.option("--wikidata", default="", help="Wikidata Q-id, only when certain.")
def add(key: str, name: str, aliases: str, kind: str, country: str, roles: str, code: str, wikidata: str) -> None:
    """Add one entry to the user base."""
    import csv
    import io
    import tempfile

    from newsgraph.actorbase import append_user_rows, user_dir, user_rows_from_file

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["key", "name", "aliases", "country", "roles", "code", "kind", "wikidata"])
    w.writerow([key, name, aliases, country, roles, code, kind, wikidata])
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as fh:
        fh.write(buf.getvalue())
    try:
        people, orgs = user_rows_from_file(Path(fh.name))
    except ResourceError as exc:
        click.echo(f"newsgraph: {str(exc).replace(fh.name, '--' + 'options')}", err=True)
        sys.exit(1)
    finally:
        Path(fh.name).unlink(missing_ok=True)
    append_user_rows(user_dir(), people, orgs)
    click.echo(f"added {key} to {user_dir()}")
