"""The time tagger: the profile's time rules (``time_rules.tsv``, regular-expression templates) run
over the text; the longest non-overlapping matches are kept and normalised by kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from newsgraph.lang.profile import LanguageProfile

APOSTROPHE = r"(?:'|’)"
BEGIN = r"(?<![\w])(?<![^\W\d_]-)"  # "1982-1990", "mars-avril" are two expressions
END = r"(?![\w])(?!-[^\W\d_])"


@dataclass
class Hit:
    """One time expression: its span, its value (TimeML) and type, and what still resolves it."""

    start: int
    end: int
    value: str
    type: str
    anchor: str | None = None  # weekday | daymonth | month | anaphora | clock | part: resolved in context
    weekday: int | None = None  # for a weekday, or a day of the month named with its weekday
    direction: int = 0  # for a weekday: -1 last, 1 next, 0 from the tense of its clause
    part: str | None = None  # for a weekday: the part of the day ("lundi soir")
    offset: int = 0  # for an anaphora: days after the last date ("la veille" -1)
    kind: str = ""  # the rule that found it
    notes: list[str] = field(default_factory=list)  # how it was resolved, for the why


def alternation(items: list[str] | dict[str, object]) -> str:
    return "|".join(re.escape(w).replace("'", APOSTROPHE) for w in sorted(items, key=len, reverse=True))


@dataclass(frozen=True)
class Rules:
    rules: tuple[tuple[re.Pattern[str], str], ...]
    age_before: re.Pattern[str]
    bare_month_needs: dict[str, re.Pattern[str] | None]
    month_not_after: dict[str, re.Pattern[str]]


@lru_cache(maxsize=4)
def rules(profile: LanguageProfile) -> Rules:
    w, tw = profile.words, profile.time_words
    fills = {
        "B": BEGIN, "E": END, "A": APOSTROPHE,
        "month": alternation(list(w.months)), "weekday": alternation(list(w.weekdays)),
        "num": r"(?:\d+(?:[.,]\d+)?|" + alternation(list(tw.numbers)) + r")",
        "unit": alternation(list(tw.units)), "part": alternation(list(tw.parts)),
        "deictic": alternation(list(tw.deictic)), "ref": alternation(list(tw.refs)),
    }
    compiled = []
    for rule in profile.time_rules:
        pattern = re.sub(r"<<(\w+)>>", lambda m: fills[m.group(1)], rule.template)
        compiled.append((re.compile(pattern, re.I if rule.ignore_case else 0), rule.kind))
    t = w.time
    age = t["age_before"].replace("<<period_nouns>>", "|".join(t["period_nouns"]))
    return Rules(
        tuple(compiled), re.compile(age, re.I),
        {m: (re.compile(p) if p else None) for m, p in t["bare_month_needs"].items()},
        {m: re.compile(p, re.I) for m, p in t["month_not_after"].items()},
    )


def tag_times(text: str, dct: date, profile: LanguageProfile, now: datetime | None = None) -> list[Hit]:
    """Every time expression of ``text`` (longest first, no overlaps), with values relative to ``dct``
    (and to ``now``, the reference time of day, for "dans une heure")."""
    from newsgraph.pipeline.times.normalise import normalise

    hits: list[Hit] = []
    for pattern, kind in rules(profile).rules:
        for m in pattern.finditer(text):
            hit = normalise(kind, m, dct, profile, now)
            if hit is not None:
                hits.append(hit)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[Hit] = []
    last_end = -1
    for h in hits:
        if h.start >= last_end:
            chosen.append(h)
            last_end = h.end
        elif h.end - h.start > chosen[-1].end - chosen[-1].start and h.start == chosen[-1].start:
            chosen[-1] = h
            last_end = h.end
    return chosen
