"""The article reader: the document text cut into escaped segments, each with the highlights
(actors, event triggers, quotes, times) that cover it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Segment:
    text: str
    classes: list[str]
    title: str
    data_actor: str | None = None
    data_event: str | None = None


def segments(doc: dict[str, Any]) -> list[Segment]:
    text: str = doc["document"]["text"]
    marks: list[tuple[int, int, str, str, dict[str, str]]] = []
    for a in doc["actors"]:
        for m in a["mentions"]:
            marks.append((m["start"], m["end"], "actor", f"{a['name']} [{a['code'] or '?'}]", {"actor": a["canonical"]}))
    for q in doc["quotes"]:
        marks.append((q["span"]["start"], q["span"]["end"], "quote", "quote", {}))
    for t in doc["times"]:
        marks.append((t["start"], t["end"], "time", t["value"], {}))
    for e in doc["events"]:
        marks.append((e["trigger"]["start"], e["trigger"]["end"], "trigger", f"{e['event']} {e['cameo'] or ''} {e['status']}", {"event": e["id"]}))
    cuts = sorted({0, len(text), *[m[0] for m in marks], *[m[1] for m in marks]})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        covering = [m for m in marks if m[0] <= a and b <= m[1]]
        classes = sorted({m[2] for m in covering})
        title = "; ".join(m[3] for m in covering)
        actor = next((m[4]["actor"] for m in covering if "actor" in m[4]), None)
        event = next((m[4]["event"] for m in covering if "event" in m[4]), None)
        out.append(Segment(text[a:b], classes, title, actor, event))
    return out
