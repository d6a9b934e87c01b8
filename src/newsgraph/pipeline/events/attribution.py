"""Attribution (reported speech, "selon X", quotes) and the time and place an event governs; an event
with no time of its own takes the publication date of its report."""

from __future__ import annotations

import re
from typing import Any

from newsgraph.model import TimeExpr, When
from newsgraph.pipeline.events.coder import Candidate, Coder
from newsgraph.pipeline.events.status import period_start
from newsgraph.pipeline.participants import actors_of, subject_actors
from newsgraph.pipeline.syntax import case_of, governed_by, under

AHEAD = ("planned", "hypothetical")  # statuses of events that may come after their report
CALENDAR = re.compile(r"[\dX]{4}")  # a value on the calendar (not PRESENT_REF, not a duration)


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
        if t.type == "SET" or (t.type == "DURATION" and t.interval is None):
            continue
        inside = i in sub and i not in reporting
        if not (inside or same_clause(k.doc[i], tok)):
            continue
        dist = abs(i - tok.i)
        if best is None or dist < best[0]:
            best = (dist, tid)
    cand.when = event_time(k, cand, k.times_by_id[best[1]] if best else None)
    in_sentence = [(i, k.place_tokens[i]) for i in range(sent.start, sent.end) if i in k.place_tokens]
    for i, pid in sorted(in_sentence, key=lambda x: abs(x[0] - tok.i)):
        place_tok = k.doc[i]
        if i in sub and i not in reporting and under(place_tok, tok, 3) and governed_by(place_tok, k.words.place_preps):
            cand.where = pid
            break


def event_time(k: Coder, cand: Candidate, t: TimeExpr | None) -> When | None:
    """The event's own time when the text gives one (a range gives its begin, and its end), else the
    publication date of its report. A time after the publication date is not the time of an event
    reported as done (only planned and hypothetical events may lie ahead); a vague one ("récemment",
    PAST_REF) stays named by ``time`` while the report gives the date."""
    published = k.published.isoformat() if k.published else None
    if t is None:
        return When(None, published, "published") if published else None
    begin, end = (t.interval.begin, t.interval.end) if t.interval else (t.value, None)
    start = period_start(begin)
    if published and k.published and start is not None and start > k.published and cand.status not in AHEAD:
        cand.notes.append(f"time {t.id} ({begin}) is after the publication date: not the time of this event")
        return When(None, published, "published")
    if not CALENDAR.match(begin) and published:
        return When(t.id, published, "published")
    return When(t.id, begin, "text", end)


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
