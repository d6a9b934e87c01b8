"""The domain records that stages pass to one another and that `newsgraph extract` prints.

Every record is a frozen dataclass. ``Document.to_dict()`` gives exactly the contract
``newsgraph.document/1`` (see ``schema/document.schema.json``) and ``Document.from_dict`` reads it back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA = "newsgraph.document/1"


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Record:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Span(_Record):
    start: int
    end: int

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(d["start"], d["end"])


@dataclass(frozen=True, slots=True)
class TextSpan(_Record):
    """A span with its text: triggers and cues."""

    start: int
    end: int
    text: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TextSpan:
        return cls(d["start"], d["end"], d["text"])


@dataclass(frozen=True, slots=True)
class Repair(_Record):
    start: int
    end: int
    kind: str
    before: str
    after: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Repair:
        return cls(d["start"], d["end"], d["kind"], d["before"], d["after"])


@dataclass(frozen=True, slots=True)
class NonText(_Record):
    start: int
    end: int
    kind: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> NonText:
        return cls(d["start"], d["end"], d["kind"])


@dataclass(frozen=True, slots=True)
class DocumentInfo(_Record):
    id: str
    content_sha256: str
    raw_sha256: str
    title: str | None
    published: str | None
    language: str | None
    url: str | None
    source: str | None
    text: str
    repairs: tuple[Repair, ...] = ()
    non_text: tuple[NonText, ...] = ()
    pipeline: str = ""
    published_source: str = "none"  # where `published` came from: metadata | dateline | url | clock | none

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocumentInfo:
        return cls(
            id=d["id"], content_sha256=d["content_sha256"], raw_sha256=d["raw_sha256"],
            title=d.get("title"), published=d.get("published"), language=d.get("language"),
            url=d.get("url"), source=d.get("source"), text=d["text"],
            repairs=tuple(Repair.from_dict(r) for r in d.get("repairs", ())),
            non_text=tuple(NonText.from_dict(r) for r in d.get("non_text", ())),
            pipeline=d.get("pipeline", ""),
            published_source=d.get("published_source") or ("metadata" if d.get("published") else "none"),
        )

    def to_dict(self) -> dict[str, Any]:
        out = _Record.to_dict(self)
        # the contract's order: where the date came from, next to the date
        return {k: out[k] for k in ("id", "content_sha256", "raw_sha256", "title", "published", "published_source")} | \
            {k: v for k, v in out.items() if k not in ("id", "content_sha256", "raw_sha256", "title", "published", "published_source")}


@dataclass(frozen=True, slots=True)
class Mention(_Record):
    start: int
    end: int
    text: str
    how: str = "name"  # name | alias | description | pronoun

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(d["start"], d["end"], d["text"], d.get("how", "name"))


@dataclass(frozen=True, slots=True)
class Actor(_Record):
    id: str
    canonical: str
    name: str
    kind: str  # person | country | organization | group
    code: str | None
    country: str | None
    sector: str | None
    wikidata: str | None
    mentions: tuple[Mention, ...]
    why: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            d["id"], d["canonical"], d["name"], d["kind"], d.get("code"), d.get("country"),
            d.get("sector"), d.get("wikidata"), tuple(Mention.from_dict(m) for m in d["mentions"]), d.get("why", ""),
        )


@dataclass(frozen=True, slots=True)
class PlaceMention(_Record):
    start: int
    end: int
    text: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PlaceMention:
        return cls(d["start"], d["end"], d["text"])


@dataclass(frozen=True, slots=True)
class Place(_Record):
    id: str
    name: str
    country: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    mentions: tuple[PlaceMention, ...]
    why: str = ""

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(
            d["id"], d["name"], d.get("country"), d.get("geonameid"), d.get("lat"), d.get("lon"),
            tuple(PlaceMention.from_dict(m) for m in d["mentions"]), d.get("why", ""),
        )


@dataclass(frozen=True, slots=True)
class Interval(_Record):
    """The two ends of a range ("du 12 au 15 mars"), as TimeML values."""

    begin: str
    end: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Interval:
        return cls(d["begin"], d["end"])


@dataclass(frozen=True, slots=True)
class TimeExpr(_Record):
    id: str
    text: str
    start: int
    end: int
    value: str
    type: str  # DATE | TIME | DURATION | SET
    why: str = ""
    interval: Interval | None = None  # for a range: its begin and end; its value is then its length

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeExpr:
        return cls(d["id"], d["text"], d["start"], d["end"], d["value"], d["type"], d.get("why", ""),
                   Interval.from_dict(d["interval"]) if d.get("interval") else None)


WHEN_SOURCES = ("text", "published")


@dataclass(frozen=True, slots=True)
class When(_Record):
    """An event's time: its own, from the text (``time`` names it), else the publication date of its
    report (``source`` "published", no ``time``). For a range, ``value`` is its begin and ``end`` its end."""

    time: str | None
    value: str
    source: str = "text"  # text | published
    end: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> When:
        return cls(d.get("time"), d["value"], d.get("source") or ("text" if d.get("time") else "published"), d.get("end"))


@dataclass(frozen=True, slots=True)
class Event(_Record):
    id: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    when: When | None
    where: str | None
    status: str
    attributed_to: str | None
    trigger: TextSpan
    sentence: Span
    confidence: float
    why: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            d["id"], d["event"], d.get("mode"), tuple(d.get("context", ())), d.get("cameo"),
            d.get("goldstein"), d.get("quad_class"), tuple(d.get("actors", ())), tuple(d.get("recipients", ())),
            When.from_dict(d["when"]) if d.get("when") else None, d.get("where"), d["status"],
            d.get("attributed_to"), TextSpan.from_dict(d["trigger"]), Span.from_dict(d["sentence"]),
            d.get("confidence", 0.0), d.get("why", ""),
        )


@dataclass(frozen=True, slots=True)
class Quote(_Record):
    id: str
    speaker: str | None
    text: str
    direct: bool
    cue: TextSpan | None
    span: Span
    why: str = ""

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            d["id"], d.get("speaker"), d["text"], d["direct"],
            TextSpan.from_dict(d["cue"]) if d.get("cue") else None, Span.from_dict(d["span"]), d.get("why", ""),
        )


@dataclass(frozen=True, slots=True)
class Claim(_Record):
    id: str
    event: str
    asserted_by: tuple[str, ...]
    denied_by: tuple[str, ...]
    denials: tuple[str, ...]
    why: str = ""

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(d["id"], d["event"], tuple(d["asserted_by"]), tuple(d["denied_by"]), tuple(d["denials"]), d.get("why", ""))


@dataclass(frozen=True, slots=True)
class Document(_Record):
    """One coded article: the whole contract record."""

    document: DocumentInfo
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    schema: str = field(default=SCHEMA)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "document": self.document.to_dict(),
            "actors": _plain(self.actors),
            "places": _plain(self.places),
            "times": _plain(self.times),
            "events": _plain(self.events),
            "quotes": _plain(self.quotes),
            "claims": _plain(self.claims),
        }

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(
            document=DocumentInfo.from_dict(d["document"]),
            actors=tuple(Actor.from_dict(a) for a in d.get("actors", ())),
            places=tuple(Place.from_dict(p) for p in d.get("places", ())),
            times=tuple(TimeExpr.from_dict(t) for t in d.get("times", ())),
            events=tuple(Event.from_dict(e) for e in d.get("events", ())),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
            claims=tuple(Claim.from_dict(c) for c in d.get("claims", ())),
            schema=d.get("schema", SCHEMA),
        )


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One input text before any stage has run."""

    source: str  # path or "<stdin>:N", for messages
    id: str | None
    text: str
    raw_sha256: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    site: str | None = None
    author: str | None = None
    warning: str | None = None  # e.g. "decoded as windows-1252"


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that yields no document, with the reason (not French, empty...)."""

    source: str
    reason: str
    stage: str = "read"
    id: str | None = None
    error: BaseException | None = field(default=None, compare=False, repr=False)
