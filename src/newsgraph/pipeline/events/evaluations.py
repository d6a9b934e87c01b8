"""Criticism told as an evaluation rather than by a verb of criticism: "X a qualifié cette décision
d'« absurde »", "X a déclaré cette décision « inacceptable »", "pour X, ce blocage est « intolérable »".
X criticises (CAMEO 111, ACCUSE) the author of what it evaluates: the owner the noun names, or, for
"cette décision", "ce blocage", the party whose act the last two sentences told."""

from __future__ import annotations

from typing import Any

from newsgraph.cameo import plover_for
from newsgraph.lang.lexicon import EventEntry
from newsgraph.pipeline.events.attribution import when_where
from newsgraph.pipeline.events.coder import Candidate, Coder
from newsgraph.pipeline.events.status import historical, status
from newsgraph.pipeline.participants import actors_of, subject_actors
from newsgraph.pipeline.syntax import case_of, word_in

CRITICISE = "111"  # CAMEO: criticize or denounce


def evaluations(k: Coder, cands: list[Candidate]) -> None:
    words = k.words
    if not words.negative_evaluation:
        return
    for c in cands:  # "a condamné ces propos": the author of what a criticism with no target is about
        if c.entry.event == "ACCUSE" and c.actors and not c.recipients and c.trigger.pos_ == "VERB":
            objs = [o for o in c.trigger.children if o.dep_ == "obj" and o.pos_ == "NOUN"]
            if objs:
                c.recipients = [a for a in authors(k, objs[0], cands) if a not in c.actors]
                if c.recipients:
                    c.notes.append(f"target: the author of {objs[0].text!r}")
    triggers = {c.trigger.i for c in cands}
    for tok in k.doc:
        if not word_in(tok, words.negative_evaluation):
            continue
        found = evaluator_and_object(k, tok)
        if found is None:
            continue
        head, evaluators, evaluated = found
        if head.i in triggers or not evaluators:
            continue
        targets = [a for a in authors(k, evaluated, cands) if a not in evaluators]
        if not targets:
            continue
        c = criticism(k, head, evaluators, targets, "negative evaluation", f"evaluates {evaluated.text!r} as {tok.text!r}",
                      tensed=head.pos_ == "VERB")
        cands.append(c)
        triggers.add(head.i)


def quoted_criticism(k: Coder, cands: list[Candidate]) -> None:
    """Criticism in a speaker's own words: a quote with a known speaker that calls something
    "scandaleux", "inacceptable", a "mensonge" ... criticises the actors it names ("« Le comportement de
    la Russie est inacceptable », a déclaré le ministre"). A quote that names no other actor is left."""
    words = k.words
    if not words.negative_evaluation:
        return
    for q in k.work.quotes:
        if q.speaker is None or q.speaker not in k.idx.by_id:
            continue
        span = k.doc.char_span(q.span.start, q.span.end, alignment_mode="expand")
        if span is None:
            continue
        if any(c.entry.event == "ACCUSE" and (q.span.start <= c.trigger.idx < q.span.end or c.actors == [q.speaker]
                                              and c.trigger.sent.start == span[0].sent.start) for c in cands):
            continue  # the criticism is coded already
        bad = next((t for t in span if word_in(t, words.negative_evaluation)), None)
        if bad is None:
            continue
        speaker = k.idx.by_id[q.speaker]
        targets: list[str] = []
        for t in span:
            aid = k.idx.at(t)
            other = k.idx.by_id.get(aid) if aid else None
            if other is not None and aid != q.speaker and aid not in targets and other.code and other.code != speaker.code:
                targets.append(aid)
        if not targets:
            continue
        cands.append(criticism(k, bad, [q.speaker], targets, "quoted evaluation", f"the speaker's own words call it {bad.text!r}",
                               tensed=False))


def criticism(k: Coder, trigger: Any, actors: list[str], recipients: list[str], rule: str, note: str,
              tensed: bool) -> Candidate:
    """A criticism (CAMEO 111) read off an evaluation rather than a lexicon entry, with its time and
    place; its status is the tense's of a verb that says it, else asserted."""
    plover = plover_for(CRITICISE)
    assert plover is not None
    entry = EventEntry(trigger.lemma_, "V" if tensed else "N", CRITICISE, plover.event, plover.mode, plover.context,
                       ("subj",), (), (), False, False, False, False)
    c = Candidate(trigger, entry, (trigger.idx, trigger.idx + len(trigger.text)), actors=actors, recipients=recipients,
                  rule=rule)
    c.notes.append(note)
    c.status = status(k, c) if tensed else "asserted"
    when_where(k, c)
    if historical(k, c):
        c.status = "historical"
    return c


def evaluator_and_object(k: Coder, tok: Any) -> tuple[Any, list[str], Any] | None:
    """Who evaluates, and what, for a negative word: the subject and object of an evaluation verb it
    qualifies, or the "pour X" of a copula it is the predicate of."""
    words = k.words
    # "qualifier cette décision d'absurde", "déclarer cette décision inacceptable", "juger X irréaliste"
    t = tok
    for _ in range(3):  # "a qualifié d'inacceptable le comportement de X": the parse may hang the adjective on the object
        head = t.head
        if head.i == t.i:
            break
        if head.pos_ == "VERB" and head.lemma_.lower() in words.evaluation_verbs:
            objs = [c for c in head.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")]
            if objs:
                return head, subject_actors(k.idx, head), objs[0]
            return None
        t = head
    # "pour X, ce blocage est « intolérable »"
    if any(c.dep_ == "cop" for c in tok.children):
        subj = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
        judge = [c for c in tok.children if c.dep_.startswith("obl") and case_of(c) in words.attribution_initial]
        if subj and judge:
            return tok, actors_of(k.idx, judge[0]), subj[0]
    return None


def authors(k: Coder, noun: Any, cands: list[Candidate]) -> list[str]:
    """The author of an evaluated thing: its owner ("la décision de l'UNESCO", "sa décision"), or for a
    demonstrative ("cette décision") the actors of the last act told in the two sentences before, or the
    subject of the sentence just before."""
    idx, words = k.idx, k.words
    for c in noun.children:
        if c.dep_ == "nmod" and case_of(c) in words.genitive_preps:
            found = actors_of(idx, c)
            if found:
                return found
        if c.dep_ == "det" and "Yes" in c.morph.get("Poss") and idx.at(c):
            return [idx.at(c)]
    if not any(c.dep_ == "det" and c.lower_ in words.demonstratives for c in noun.children):
        return []
    sents = k.sentence_number
    here = sents.get(noun.sent.start, 0)
    before = [c for c in cands if c.actors and c.trigger.i < noun.i and c.trigger.sent.start != noun.sent.start
              and here - sents.get(c.trigger.sent.start, 0) <= 2]
    if before:
        return list(before[-1].actors)
    if noun.sent.start == 0:
        return []
    previous = k.doc[noun.sent.start - 1].sent  # no event coded there: who acted in the sentence before
    return subject_actors(idx, previous.root) if previous.root.pos_ in ("VERB", "AUX") else []
