"""The working state of one document as it goes through the stages (internal to the pipeline)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.ingest.readers import RawRecord
from newsgraph.model import Actor, Claim, Event, NonText, Place, Quote, Repair, TimeExpr


@dataclass
class Work:
    raw: RawRecord
    text: str = ""
    match_text: str = ""
    repairs: tuple[Repair, ...] = ()
    non_text: tuple[NonText, ...] = ()
    language: str | None = None
    published: str | None = None
    title: str | None = None
    spacy: Any = None
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # cross-stage annotations keyed by name (token index -> actor id, and so on)
    notes: dict[str, Any] = field(default_factory=dict)
