"""The time stage: temporal expressions normalised to TimeML values.

Rules are the profile's regular-expression templates over the text (fast: the stage costs a few
percent of the pipeline), resolved against the publication date. Weekdays and bare months take the
direction of the tense of the clause that governs them (from the parse): "lundi" in a past clause is
the previous Monday, in a future one the next. "ce jour-là" takes the last date resolved before it.
"""

from __future__ import annotations

from newsgraph.lang.profile import LanguageProfile
from newsgraph.model import TimeExpr
from newsgraph.pipeline.times.resolve import resolve
from newsgraph.pipeline.times.tagger import tag_times
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
        dct = work.document_date()
        hits = resolve(tag_times(work.match_text, dct, self.profile), dct, self.profile, work.spacy)
        n = 0
        for h in hits:
            if work.in_non_text(h.start, h.end) or not h.value:
                continue
            n += 1
            why = "; ".join([f"time rule '{h.kind}' of lang/{self.profile.code}/time_rules.tsv", *h.notes])
            work.times.append(TimeExpr(f"T{n}", work.text[h.start:h.end], h.start, h.end, h.value, h.type, why))
