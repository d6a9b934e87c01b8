"""The event coder's state for one document, and the candidate events it builds."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from typing import Any

from newsgraph.lang.lexicon import EventEntry
from newsgraph.model import When
from newsgraph.pipeline.participants import STATE_SECTORS, ActorIndex  # noqa: F401 (STATE_SECTORS is read from here by the rules)
from newsgraph.pipeline.work import Work

# types whose event says nothing without a target: coded only with a recipient (or two participants)
DYADIC = {"SUPPORT", "AID", "COOPERATE", "CONSULT", "SANCTION", "COERCE", "THREATEN"}
HOSTILE = {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"}
FOREIGN_FRIENDLY = {"SUPPORT", "AID", "COOPERATE", "AGREE", "CONSULT"}
# sectors that fight, and sectors that only speak: "attaquer" is a fight between the first, criticism between the second
ARMED_SECTORS = {"MIL", "REB", "UAF", "COP", "SPY", "INS"}
SPEAKING_SECTORS = {"GOV", "OPP", "LEG", "PTY", "ELI", "MED", "JUD"}


@dataclass
class Candidate:
    trigger: Any  # the spaCy token
    entry: EventEntry
    span: tuple[int, int]  # trigger characters
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    status: str = "asserted"
    attributed_to: str | None = None
    when: When | None = None
    where: str | None = None
    notes: list[str] = field(default_factory=list)  # what the why says beyond entry, actors and status
    embedded: list[Any] = field(default_factory=list)  # tokens of the clause it reports or denies
    negated_inside: bool = False
    answers_claim: Candidate | None = None  # the claim a denial answers
    rule: str = "verb"


class Coder:
    """Everything the event rules read for one document: the parse, the profile's words and lexicon,
    the actors by token, and where times and places are."""

    def __init__(self, work: Work) -> None:
        self.work = work
        self.doc = work.spacy
        self.profile = work.profile
        self.words = work.profile.words
        self.lex = work.profile.lexicon
        self.idx = ActorIndex(work)
        self.published = work.document_date()
        self.time_tokens = self._index_spans([(t.start, t.end, t.id) for t in work.times])
        self.place_tokens = self._index_spans([(m.start, m.end, p.id) for p in work.places for m in p.mentions])
        self.places_by_id = {p.id: p for p in work.places}
        self.times_by_id = {t.id: t for t in work.times}
        self.dropped: dict[str, int] = {}
        self.headline: int | None = None  # the start token of the headline's sentence after its label
        self.topic_country = self._topic_country()
        self.main_country = self.topic_country or self.idx.main_country()  # "les rebelles" in an article about Syria

    @cached_property
    def sentence_number(self) -> dict[int, int]:
        """The number of each sentence, by its first token."""
        return {s.start: n for n, s in enumerate(self.doc.sents)}

    def _topic_country(self) -> str | None:
        """The country a headline names before a colon ("Burundi : trois experts de l'ONU interdits
        d'entrer"): the default country of the document's implied actors."""
        sents = list(islice(self.doc.sents, 3))
        for n, sent in enumerate(sents[:-1]):
            nxt = sents[n + 1]
            if len(sent) <= 4 and sent[-1].text == ":" and "\n" not in self.doc[sent.start:nxt.start].text_with_ws[:-1]:
                for t in sent:
                    aid = self.idx.at(t)
                    actor = self.idx.by_id.get(aid) if aid else None
                    place = self.places_by_id.get(self.place_tokens.get(t.i, ""))
                    country = actor.country if actor is not None else place.country if place is not None else None
                    if country:  # "Burundi : ...", or a place of the country: "Guyane : ..."
                        self.headline = nxt.start
                        return country
        return None

    def _index_spans(self, spans: list[tuple[int, int, str]]) -> dict[int, str]:
        out: dict[int, str] = {}
        for start, end, sid in spans:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    out.setdefault(t.i, sid)
        return out
