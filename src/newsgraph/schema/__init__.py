"""The JSON Schema of the contract ``newsgraph.document/1`` and a validator for it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def document_schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("document.schema.json").read_text("utf-8"))


def validate_document(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``data`` follows the contract, and check the
    invariants a schema cannot say: spans match the text, referenced ids exist."""
    import jsonschema

    jsonschema.validate(data, document_schema())
    text = data["document"]["text"]
    for actor in data["actors"]:
        for m in actor["mentions"]:
            _check_span(text, m, f"actor {actor['id']}")
    for place in data["places"]:
        for m in place["mentions"]:
            _check_span(text, m, f"place {place['id']}")
    for t in data["times"]:
        _check_span(text, t, f"time {t['id']}")
    actor_ids = {a["id"] for a in data["actors"]}
    place_ids = {p["id"] for p in data["places"]}
    time_ids = {t["id"] for t in data["times"]}
    event_ids = {e["id"] for e in data["events"]}
    for e in data["events"]:
        _check_span(text, e["trigger"], f"event {e['id']} trigger")
        for ref in [*e["actors"], *e["recipients"], *([e["attributed_to"]] if e["attributed_to"] else [])]:
            _require(ref in actor_ids, f"event {e['id']} names unknown actor {ref}")
        if e["where"] is not None:
            _require(e["where"] in place_ids, f"event {e['id']} names unknown place {e['where']}")
        if e["when"] and e["when"]["time"] is not None:
            _require(e["when"]["time"] in time_ids, f"event {e['id']} names unknown time {e['when']['time']}")
    for q in data["quotes"]:
        if q["speaker"] is not None:
            _require(q["speaker"] in actor_ids, f"quote {q['id']} names unknown actor {q['speaker']}")
        if q["cue"]:
            _check_span(text, q["cue"], f"quote {q['id']} cue")
    for c in data["claims"]:
        _require(c["event"] in event_ids, f"claim {c['id']} names unknown event")
        for ref in [*c["asserted_by"], *c["denied_by"]]:
            _require(ref in actor_ids, f"claim {c['id']} names unknown actor {ref}")
        for ref in c["denials"]:
            _require(ref in event_ids, f"claim {c['id']} names unknown event {ref}")
    for kind in ("actors", "places", "times", "events", "quotes", "claims"):
        seen = [x["id"] for x in data[kind]]
        _require(len(seen) == len(set(seen)), f"duplicate ids in {kind}")


def _check_span(text: str, span: dict[str, Any], what: str) -> None:
    start, end = span["start"], span["end"]
    _require(0 <= start <= end <= len(text), f"{what}: span {start}-{end} outside the text")
    if "text" in span:
        _require(text[start:end] == span["text"], f"{what}: text {span['text']!r} != {text[start:end]!r}")


def _require(cond: bool, message: str) -> None:
    if not cond:
        import jsonschema

        raise jsonschema.ValidationError(message)
