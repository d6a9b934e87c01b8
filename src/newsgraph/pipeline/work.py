"""The working state of one document as it goes through the stages (internal to the pipeline).

Each field is written by the stage that names it in ``provides`` and read by the stages that name it
in ``requires``; the runner refuses an order in which a stage reads what no earlier stage wrote."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from newsgraph.model import Actor, Claim, Event, NonText, Place, Quote, RawRecord, Repair, Skipped, TimeExpr

if TYPE_CHECKING:
    from newsgraph.lang.profile import LanguageProfile


@dataclass(frozen=True, slots=True)
class QuoteSpeaker:
    """A direct quote's span and its speaker: what "nous" and "notre pays" mean inside it."""

    start: int
    end: int
    speaker: str


@dataclass
class Work:
    raw: RawRecord
    profile: LanguageProfile
    text: str = ""  # provides "text"
    match_text: str = ""
    repairs: tuple[Repair, ...] = ()
    non_text: tuple[NonText, ...] = ()
    language: str | None = None  # "language"
    published: str | None = None  # "published"
    published_source: str = "none"  # "published": metadata | dateline | url | clock | none
    title: str | None = None
    spacy: Any = None  # "spacy": the parse, set by the runner
    actors: list[Actor] = field(default_factory=list)  # "actors"
    token_actor: dict[int, str] = field(default_factory=dict)  # "actors": token index -> actor id
    places: list[Place] = field(default_factory=list)  # "places"
    times: list[TimeExpr] = field(default_factory=list)  # "times"
    quotes: list[Quote] = field(default_factory=list)  # "quotes"
    quote_speakers: list[QuoteSpeaker] = field(default_factory=list)  # "quote_speakers"
    events: list[Event] = field(default_factory=list)  # "events"
    claims: list[Claim] = field(default_factory=list)  # "claims"
    events_dropped: dict[str, int] = field(default_factory=dict)  # "events": candidates dropped, by reason
    failure: Skipped | None = None  # set by the runner when the parse failed

    def in_non_text(self, start: int, end: int) -> bool:
        """Does [start, end) overlap a span no stage reads (a photo credit, a tag)?"""
        return any(n.start < end and start < n.end for n in self.non_text)

    def document_date(self) -> date | None:
        """The date relative expressions are resolved against: the publication date. None when it is
        unknown; never the machine's clock (a user who wants it passes published "now")."""
        if self.published:
            try:
                return date.fromisoformat(self.published[:10])
            except ValueError:
                pass
        return None
