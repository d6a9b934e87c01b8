"""Attribution (reported speech, "selon X", quotes) and the time and place an event governs."""

from __future__ import annotations

from typing import Any

from newsgraph.model import When
from newsgraph.pipeline.events.coder import Candidate, Coder
from newsgraph.pipeline.participants import actors_of, subject_actors
from newsgraph.pipeline.syntax import case_of, governed_by, under


def attribution(k: Coder, cand: Candidate) -> str | None:
    tok = cand.trigger
    w = k.words
    speaker = k.idx.speaker_at(tok)
    if speaker and speaker not in cand.actors:
        return speaker
    for c in tok.sent:
        if c.dep_.startswith("obl") or c.dep_ == "nmod":
            case = case_of(c)
            split = w.attribution_split.get(case or "")
            if case in w.attribution_preps or (split is not None and any(x.lower_ == split for x in c.children)):
                ids = actors_of(k.idx, c)
                if ids and ids[0] not in cand.actors:
                    return ids[0]
    head = reporting_head(k, tok)
    if head is not None:
        speakers = subject_actors(k.idx, head)
        if speakers and speakers[0] not in cand.actors:
            return speakers[0]
    return None


def reporting_head(k: Coder, tok: Any) -> Any:
    """The reporting verb whose complement holds ``tok`` (also when the parser hung the "que" clause
    off a time phrase: "a affirmé il y a quelques mois que ...")."""
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return None
        if t.dep_ in ("ccomp", "parataxis", "xcomp", "obj") and t.head.lemma_.lower() in k.profile.reporting:
            return t.head
        t = t.head
    return None


def when_where(k: Coder, cand: Candidate) -> None:
    tok = cand.trigger
    sent = tok.sent
    own = [c for c in tok.children if c.dep_ in ("advcl", "ccomp", "acl:relcl", "parataxis", "csubj") and c.pos_ in ("VERB", "AUX")]
    sub = {t.i for t in tok.subtree} - {t.i for c in own for t in c.subtree}
    reporting = {c.i for c in tok.subtree if c.dep_ in ("ccomp",) and c.i != tok.i for c in c.subtree} if cand.entry.embed else set()
    best: tuple[int, str] | None = None
    for i in range(sent.start, sent.end):
        tid = k.time_tokens.get(i)
        if tid is None:
            continue
        t = k.times_by_id[tid]
        if t.type in ("DURATION", "SET"):
            continue
        inside = i in sub and i not in reporting
        if not (inside or same_clause(k.doc[i], tok)):
            continue
        dist = abs(i - tok.i)
        if best is None or dist < best[0]:
            best = (dist, tid)
    if best:
        t = k.times_by_id[best[1]]
        cand.when = When(t.id, t.value)
    in_sentence = [(i, k.place_tokens[i]) for i in range(sent.start, sent.end) if i in k.place_tokens]
    for i, pid in sorted(in_sentence, key=lambda x: abs(x[0] - tok.i)):
        place_tok = k.doc[i]
        if i in sub and i not in reporting and under(place_tok, tok, 3) and governed_by(place_tok, k.words.place_preps):
            cand.where = pid
            break


def same_clause(tok: Any, trigger: Any) -> bool:
    """A time attached to the trigger's clause (not inside another verb's complement)."""
    t = tok
    for _ in range(10):
        if t.i == trigger.i:
            return True
        if t.head.i == t.i:
            return trigger.dep_ in ("ROOT",) or trigger.head.i == t.i and trigger.dep_ in ("conj", "xcomp")
        if t.pos_ == "VERB" and t.i != trigger.i and t.i != tok.i:
            return t.i == trigger.head.i and trigger.dep_ in ("xcomp",)
        t = t.head
    return False
