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
from newsgraph.pipeline.syntax import case_of

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
        if tok.lemma_.lower() not in words.negative_evaluation and tok.lower_ not in words.negative_evaluation:
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
        plover = plover_for(CRITICISE)
        assert plover is not None
        entry = EventEntry(head.lemma_, "V", CRITICISE, plover.event, plover.mode, plover.context, ("subj",), (), (),
                           False, False, False, False)
        c = Candidate(head, entry, (head.idx, head.idx + len(head.text)), actors=evaluators, recipients=targets,
                      rule="negative evaluation")
        c.notes.append(f"evaluates {evaluated.text!r} as {tok.text!r}")
        c.status = status(k, c) if head.pos_ == "VERB" else "asserted"
        when_where(k, c)
        if historical(k, c):
            c.status = "historical"
        cands.append(c)
        triggers.add(head.i)


def evaluator_and_object(k: Coder, tok: Any) -> tuple[Any, list[str], Any] | None:
    """Who evaluates, and what, for a negative word: the subject and object of an evaluation verb it
    qualifies, or the "pour X" of a copula it is the predicate of."""
    words = k.words
    # "qualifier cette décision d'absurde", "déclarer cette décision inacceptable", "juger X irréaliste"
    t = tok
    for _ in range(2):
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
