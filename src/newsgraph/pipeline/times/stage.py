"""The time stage: temporal expressions normalised to TimeML values.

Rules are the profile's regular-expression templates over the text (fast: the stage costs a few
percent of the pipeline), resolved against the publication date, never against the machine's clock:
with no publication date, relative expressions keep a value with unknown digits ("XXXX-WXX-7").
Weekdays and bare months take the direction of the tense of the clause that governs them (from the
parse): "lundi" in a past clause is the previous Monday, in a future one the next. "ce jour-là"
takes the last date resolved before it. Ranges join two points ("du 12 au 15 mars") or a point and
the publication date ("depuis 2011").
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from newsgraph.lang.profile import LanguageProfile
from newsgraph.model import Interval, TimeExpr
from newsgraph.pipeline.times.ranges import join_ranges
from newsgraph.pipeline.times.resolve import anaphora_before_date, clock_before_date, resolve
from newsgraph.pipeline.times.tagger import Hit, tag_times


def find_times(text: str, dct: date | None, profile: LanguageProfile, doc: Any = None,
               now: datetime | None = None) -> list[Hit]:
    """Every time expression of ``text``: tagged, resolved in context against ``dct`` (the publication
    date; None when unknown), and joined into ranges."""
    hits = resolve(tag_times(text, dct, profile, now), dct, profile, doc)
    clock_before_date(hits, text, profile)
    anaphora_before_date(hits, text, profile)
    return join_ranges(hits, text, dct, profile)
from newsgraph.pipeline.work import Work
from newsgraph.registry import stages


@stages.register("times.v1")
class TimeStage:
    name = "times"
    requires = ("spacy", "published")
    provides = ("times",)

    def __init__(self, profile: LanguageProfile) -> None:
        self.profile = profile

    def __call__(self, work: Work) -> None:
        hits = find_times(work.match_text, work.document_date(), self.profile, work.spacy)
        n = 0
        for h in hits:
            if work.in_non_text(h.start, h.end) or not h.value:
                continue
            n += 1
            if h.interval:
                rules = sorted({p.kind for p in h.parts})
                why = "; ".join([f"time rules {', '.join(repr(r) for r in rules)} of lang/{self.profile.code}/time_rules.tsv",
                                 *h.notes, *(note for p in h.parts for note in p.notes)])
            else:
                why = "; ".join([f"time rule '{h.kind}' of lang/{self.profile.code}/time_rules.tsv", *h.notes])
            interval = Interval(*h.interval) if h.interval else None
            work.times.append(TimeExpr(f"T{n}", work.text[h.start:h.end], h.start, h.end, h.value, h.type, why, interval))
