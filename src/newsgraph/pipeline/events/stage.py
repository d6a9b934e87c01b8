"""The event stage: who did what to whom, coded in PLOVER 0.8 and CAMEO.

Triggers come from the language's event lexicon (verbs, reflexive verbs, support-verb locutions,
event nouns); arguments from the dependency parse and the actors of the actor stage; each event gets
a status, its attribution, the time and place it governs, its Goldstein score and quad class, and a
``why``. Denials are linked to the claims they answer."""

from __future__ import annotations

from typing import Any

from newsgraph.cameo import goldstein, quad_class
from newsgraph.model import Claim, Event, Span, TextSpan
from newsgraph.pipeline.events.arguments import arguments, enemy_from_context, implied_civil_target, locution_noun, mobilized_forces, no_self_recipients, unknown_perpetrator
from newsgraph.pipeline.events.attribution import attribution, when_where
from newsgraph.pipeline.events.coder import Candidate, Coder
from newsgraph.pipeline.events.evaluations import evaluations, quoted_criticism
from newsgraph.pipeline.events.passes import (THREAT_NOTE, announced_threat, answers, assertions_as_accusations, denials, drop_reason,
                                              governed_acts, obligations, promised_cooperation, protest_aims, verbal_or_physical)
from newsgraph.pipeline.events.status import historical, status
from newsgraph.pipeline.events.triggers import triggers
from newsgraph.pipeline.syntax import under
from newsgraph.pipeline.work import Work
from newsgraph.registry import stages


def code_events(k: Coder) -> list[Candidate]:
    cands = []
    found = triggers(k)
    # the noun of a support-verb locution is coded by the locution ("lancer une offensive", "annuler
    # une visite"), not as an event of its own
    nouns_of_locutions = set()
    for tok, entry, rule in found:
        if rule == "locution" and tok.pos_ != "NOUN":
            noun = locution_noun(Candidate(tok, entry, (0, 0), rule=rule))
            if noun is not None:
                nouns_of_locutions.add(noun.i)
    # "les députés approuvent la mise en cause de X": endorsing an act is the act, its subject the source
    noun_triggers = {tok.i for tok, _, rule in found if rule == "noun"}
    endorsed = {c.i for tok, _, rule in found if rule == "verb" and tok.lemma_.lower() in k.words.endorsing
                for c in tok.children if c.dep_ == "obj" and c.i in noun_triggers}
    every = []
    for tok, entry, rule in found:
        if rule == "noun" and tok.i in nouns_of_locutions:
            continue
        if rule == "verb" and tok.lemma_.lower() in k.words.endorsing and any(c.i in endorsed for c in tok.children):
            continue
        c = Candidate(tok, entry, (tok.idx, tok.idx + len(tok.text)), rule=rule)
        arguments(k, c)
        mobilized_forces(k, c)
        verbal_or_physical(k, c)
        no_self_recipients(k, c)
        every.append(c)
    governed = governed_acts(k, every)
    for c in every:
        if id(c) not in governed:
            announced_threat(k, c)
            enemy_from_context(k, c, cands)
        reason = "the act of a promise, threat, request or refusal" if id(c) in governed else \
            drop_reason(k, c, c.trigger, c.entry, c.rule)
        if reason:
            k.dropped[reason] = k.dropped.get(reason, 0) + 1
            continue
        unknown_perpetrator(k, c)
        c.status = "asserted" if THREAT_NOTE in c.notes else status(k, c)
        promised_cooperation(c)
        c.attributed_to = attribution(k, c)
        when_where(k, c)
        if historical(k, c):
            c.status = "historical"
        cands.append(c)
    assertions_as_accusations(k, cands)
    evaluations(k, cands)
    quoted_criticism(k, cands)
    obligations(k, cands)
    denials(k, cands)
    answers(k, cands)
    for c in cands:
        implied_civil_target(k, c)
    return protest_aims(k, cands)


DISTINCT_MODES = {"SANCTION", "COERCE"}


@stages.register("events.v1")
class EventStage:
    name = "events"
    # reads the quote speakers ("nous" inside a quote is its speaker); adds the actors it finds
    # (countries named by an adjective, a place hosting a visit)
    requires = ("actors", "times", "places", "quotes", "quote_speakers")
    provides = ("events", "claims", "actors")

    def __init__(self, profile) -> None:  # type: ignore[no-untyped-def]
        self.profile = profile

    def __call__(self, work: Work) -> None:
        k = Coder(work)
        cands = code_events(k)
        work.events_dropped = k.dropped
        seen: set[tuple[Any, ...]] = set()
        ids: dict[int, str] = {}
        for c in sorted(cands, key=lambda c: c.span[0]):
            sent = c.trigger.sent
            # one event per type and sides in a sentence, except reductions of relations and coercions of
            # different modes ("ont expulsé 35 diplomates et ont sanctionné les services"): two acts
            mode = c.entry.mode if c.entry.event in DISTINCT_MODES else None
            key = (c.entry.event, mode, _countries(work, c.actors), _countries(work, c.recipients), sent.start)
            if key in seen:
                continue
            seen.add(key)
            eid = f"E{len(work.events) + 1}"
            ids[id(c)] = eid
            work.events.append(Event(
                id=eid, event=c.entry.event, mode=c.entry.mode, context=c.entry.context, cameo=c.entry.cameo,
                goldstein=goldstein(c.entry.cameo), quad_class=quad_class(c.entry.cameo), actors=tuple(c.actors),
                recipients=tuple(c.recipients), when=c.when, where=c.where, status=c.status,
                attributed_to=c.attributed_to, trigger=TextSpan(c.span[0], c.span[1], work.text[c.span[0]:c.span[1]]),
                sentence=Span(sent.start_char, sent.end_char), confidence=_confidence(c), why=_why(work, c),
            ))
        _claims(work, cands, ids)
        work.token_actor = k.idx.token_actor


def _claims(work: Work, cands: list[Candidate], ids: dict[int, str]) -> None:
    for c in cands:
        if id(c) not in ids:
            continue
        target = c.answers_claim
        if target is not None and id(target) in ids:
            why = (f"denial {c.trigger.text!r} ({ids[id(c)]}) with nothing of its own to deny answers the last claim before it, "
                   f"{ids[id(target)]} attributed to {target.attributed_to}")
            work.claims.append(Claim(f"C{len(work.claims) + 1}", ids[id(target)],
                                     (target.attributed_to,) if target.attributed_to else (), tuple(c.actors), (ids[id(c)],), why))
        if c.entry.negembed:
            for t in cands:
                if t.negated_inside and id(t) in ids and under(t.trigger, c.trigger, 3):
                    why = f"{ids[id(t)]} is reported only inside the denial {c.trigger.text!r} ({ids[id(c)]}): negated"
                    work.claims.append(Claim(f"C{len(work.claims) + 1}", ids[id(t)], (), tuple(c.actors), (ids[id(c)],), why))


def _countries(work: Work, ids: list[str]) -> frozenset[str]:
    codes = {a.id: (a.code or a.id)[:3] for a in work.actors}
    return frozenset(codes.get(i, i) for i in ids)


def _confidence(c: Candidate) -> float:
    score = 0.5 + 0.2 * bool(c.actors) + 0.2 * bool(c.recipients)
    if c.rule == "noun":
        score -= 0.1
    return round(min(score, 0.95), 2)


def _why(work: Work, c: Candidate) -> str:
    names = {a.id: a for a in work.actors}

    def show(ids: list[str]) -> str:
        return " + ".join(f"'{names[i].mentions[0].text}' -> {i}" if i in names and names[i].mentions else
                          f"{i} (implied)" if i in names else i for i in ids) or "none"
    parts = [f"lexicon '{c.entry.lemma}' ({c.rule}) -> {c.entry.label}", f"actors {show(c.actors)}"]
    if c.recipients:
        parts.append(f"recipients {show(c.recipients)}")
    parts += c.notes
    if c.status != "asserted":
        parts.append(f"status {c.status}")
    if c.attributed_to:
        parts.append(f"attributed to {c.attributed_to}")
    return "; ".join(parts)
