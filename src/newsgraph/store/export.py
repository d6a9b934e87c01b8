"""Exports: contract JSON Lines, merged events as CSV, GDELT 2.0 event rows, PLOVER JSON, Parquet, and
the actor network as GraphML or GEXF."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import IO, Any

from newsgraph.errors import StoreError
from newsgraph.store.core import Store, period
from newsgraph.store.query import EventFilters, MergedEvent, all_documents, events

FORMATS = ("jsonl", "csv", "gdelt", "plover", "parquet", "graphml", "gexf")
CSV_COLUMNS = ["event_key", "date", "date_end", "date_source", "event", "mode", "cameo", "goldstein", "quad_class", "status", "actor_codes", "actor_names",
               "actor_canonicals", "recipient_codes", "recipient_names", "recipient_canonicals", "num_mentions", "num_articles",
               "num_sources", "first_document", "sentence"]


def all_events(store: Store, filters: EventFilters | None = None, page: int = 5000) -> Iterator[MergedEvent]:
    f = filters or EventFilters()
    f.offset, f.limit = 0, page
    while True:
        batch, _ = events(store, f)
        if not batch:
            return
        yield from batch
        f.offset += page


def event_row(e: MergedEvent) -> dict[str, Any]:
    def join(items: list[dict[str, Any]], key: str) -> str:
        return ";".join(str(a.get(key) or "") for a in items)
    return {
        "event_key": e.event_key, "date": e.date or "", "date_end": e.date_end or "", "date_source": e.date_source or "",
        "event": e.event, "mode": e.mode or "", "cameo": e.cameo or "",
        "goldstein": e.goldstein, "quad_class": e.quad_class, "status": e.status,
        "actor_codes": join(e.actors, "code"), "actor_names": join(e.actors, "name"), "actor_canonicals": join(e.actors, "canonical"),
        "recipient_codes": join(e.recipients, "code"), "recipient_names": join(e.recipients, "name"),
        "recipient_canonicals": join(e.recipients, "canonical"), "num_mentions": e.num_mentions, "num_articles": e.num_articles,
        "num_sources": e.num_sources, "first_document": e.mentions[0]["document"] if e.mentions else "",
        "sentence": e.mentions[0]["sentence"] if e.mentions else "",
    }


def _gdelt_date(value: str | None) -> str:
    """YYYYMMDD of the first day of a TimeML value ("2023-W37" is its Monday), or empty."""
    start, _ = period(value)
    return start.strftime("%Y%m%d") if start else ""


def gdelt_row(n: int, e: MergedEvent) -> list[str]:
    """The 61 columns of a GDELT 2.0 event record (tab-separated, no header). Its Day is the event's date
    (a range's begin: GDELT's fixed columns have no place for the end, which the other exports carry);
    DATEADDED is the publication date of its first report."""
    sqldate = _gdelt_date(e.date or (e.mentions[0].get("published") if e.mentions else None))
    added = _gdelt_date(e.mentions[0].get("published") if e.mentions else None) or sqldate
    fraction = f"{int(sqldate[:4]) + (int(sqldate[4:6] or 1) - 1) / 12:.4f}" if sqldate else ""

    def actor(items: list[dict[str, Any]]) -> list[str]:
        if not items:
            return [""] * 10
        a = items[0]
        code = a.get("code") or ""
        country = code[:3] if code[:3] not in ("IGO", "NGO", "IMG", "MNC") else ""
        known = code[3:6] if code[:3] in ("IGO", "NGO", "IMG", "MNC") else ""
        return [code, (a.get("name") or "").upper(), country, known, "", "", "", code[3:6] if country else "", "", ""]

    cameo = e.cameo or ""
    geo = [""] * 8
    return [
        str(n), sqldate, sqldate[:6], sqldate[:4], fraction, *actor(e.actors), *actor(e.recipients),
        "1", cameo, cameo[:3], cameo[:2], str(e.quad_class or ""), f"{e.goldstein if e.goldstein is not None else ''}",
        str(e.num_mentions), str(e.num_sources), str(e.num_articles), "", *geo, *geo, *geo, added, e.mentions[0]["document"] if e.mentions else "",
    ]


def plover_record(e: MergedEvent) -> dict[str, Any]:
    """A PLOVER event record with the manual's fields (event, mode, context, actor, recipient...)."""
    first = e.mentions[0] if e.mentions else {}
    src, tgt = (e.actors[0] if e.actors else {}), (e.recipients[0] if e.recipients else {})
    return {
        "id": e.event_key, "date": e.date, "date_end": e.date_end, "date_source": e.date_source, "event": e.event, "mode": e.mode, "context": [],
        "actor": src.get("name"), "actor_code": src.get("code"), "actor_id": src.get("canonical"),
        "recipient": tgt.get("name"), "recipient_code": tgt.get("code"), "recipient_id": tgt.get("canonical"),
        "cameo": e.cameo, "goldstein": e.goldstein, "quad_class": e.quad_class, "status": e.status,
        "text": first.get("sentence"), "story_id": first.get("document"), "language": "fr",
        "num_mentions": e.num_mentions, "num_articles": e.num_articles, "num_sources": e.num_sources,
    }


def network(store: Store) -> Any:
    import networkx as nx

    g = nx.DiGraph()
    for e in all_events(store):
        for a in e.actors:
            for r in e.recipients:
                for x in (a, r):
                    g.add_node(x["canonical"], label=x.get("name") or x["canonical"], code=x.get("code") or "")
                data = g.get_edge_data(a["canonical"], r["canonical"], {"weight": 0, "goldstein": 0.0})
                g.add_edge(a["canonical"], r["canonical"], weight=data["weight"] + 1,
                           goldstein=data["goldstein"] + (e.goldstein or 0.0))
    for _, _, d in g.edges(data=True):
        d["mean_goldstein"] = round(d["goldstein"] / d["weight"], 3)
    return g


def export(store: Store, fmt: str, out: IO[str] | None, path: str | None = None) -> int:
    """Write every record in ``fmt``; returns how many were written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "jsonl":
        for doc in all_documents(store):
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")  # type: ignore[union-attr]
            n += 1
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=CSV_COLUMNS)  # type: ignore[arg-type]
        w.writeheader()
        for e in all_events(store):
            w.writerow(event_row(e))
            n += 1
    elif fmt == "gdelt":
        w = csv.writer(out, delimiter="\t", lineterminator="\n")  # type: ignore[arg-type]
        for n, e in enumerate(all_events(store), start=1):
            w.writerow(gdelt_row(n, e))
    elif fmt == "plover":
        for e in all_events(store):
            out.write(json.dumps(plover_record(e), ensure_ascii=False) + "\n")  # type: ignore[union-attr]
            n += 1
    elif fmt == "parquet":
        if not path:
            raise StoreError("Parquet export needs -o FILE")
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [event_row(e) for e in all_events(store)]
        table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in CSV_COLUMNS})
        pq.write_table(table, path)
        n = len(rows)
    else:
        import networkx as nx

        g = network(store)
        buf = io.BytesIO()
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(g, buf)
        out.write(buf.getvalue().decode("utf-8"))  # type: ignore[union-attr]
        n = g.number_of_edges()
    return n
