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
    anchor: str | None = None  # weekday | daymonth | month | dom | anaphora | clock | part: resolved in context
    weekday: int | None = None  # for a weekday, or a day of the month named with its weekday
    direction: int = 0  # for a weekday: -1 last, 1 next, 0 from the tense of its clause
    part: str | None = None  # for a weekday: the part of the day ("lundi soir")
    offset: int = 0  # for an anaphora: days after the last date ("la veille" -1); for a weekday: days after it ("en huit")
    kind: str = ""  # the rule that found it
    notes: list[str] = field(default_factory=list)  # how it was resolved, for the why
    week: int | None = None  # for a weekday: the week it is in, from the publication date's (1 next week, -1 last week)
    shift: tuple[int, str] | None = None  # for an anaphora: (n, unit) after the last date ("trois ans plus tard": (3, "Y"))
    interval: tuple[str, str] | None = None  # for a range: (begin, end), TimeML values
    parts: list[Hit] = field(default_factory=list)  # for a range: the points it was built from


def alternation(items: list[str] | dict[str, object]) -> str:
    """Words as a regular-expression alternation, longest first; a space matches any whitespace and an
    apostrophe either apostrophe. An empty list matches nothing."""
    if not items:
        return r"(?!x)x"
    return "|".join(re.escape(w).replace("'", APOSTROPHE).replace(r"\ ", r"\s+")
                    for w in sorted(items, key=len, reverse=True))


@dataclass(frozen=True)
class Rules:
    rules: tuple[tuple[re.Pattern[str], str], ...]
    age_before: re.Pattern[str]
    bare_month_needs: dict[str, re.Pattern[str] | None]
    month_not_after: dict[str, re.Pattern[str]]


@lru_cache(maxsize=4)
def rules(profile: LanguageProfile) -> Rules:
    w, tw = profile.words, profile.time_words
    t = w.time
    words = alternation(list(tw.numbers))
    numword = (f"(?:(?:{alternation(list(tw.tens))})(?:{t['number_joiner']})(?:{words})|{words})" if tw.tens
               else f"(?:{words})")
    fills = {
        "B": BEGIN, "E": END, "A": APOSTROPHE,
        "month": alternation(list(w.months)), "weekday": alternation(list(w.weekdays)),
        "numword": numword, "num": r"(?:\d+(?:[.,]\d+)?|" + numword + r")",
        "unit": alternation(list(tw.units)), "part": alternation(list(tw.parts)),
        "deictic": alternation(list(tw.deictic)), "ref": alternation(list(tw.refs)),
        "clockword": alternation(list(tw.clock_words)), "clockminute": alternation(list(tw.minutes)),
        "clockpart": alternation(list(tw.clock_parts)), "holiday": alternation(list(tw.holidays)),
        "direction": alternation(list(t["directions"])), "weekday_week": alternation(list(t["weekday_weeks"])),
        "weekday_later": alternation(list(t["weekday_later"])), "day_alone_before": alternation(list(t["day_alone_before"])),
    }
    compiled = []
    for rule in profile.time_rules:
        pattern = re.sub(r"<<(\w+)>>", lambda m: fills[m.group(1)] if m.group(1) in "BE" else f"(?:{fills[m.group(1)]})",
                         rule.template)
        compiled.append((re.compile(pattern, re.I if rule.ignore_case else 0), rule.kind))
    age = t["age_before"].replace("<<period_nouns>>", "|".join(t["period_nouns"]))
    return Rules(
        tuple(compiled), re.compile(age, re.I),
        {m: (re.compile(p) if p else None) for m, p in t["bare_month_needs"].items()},
        {m: re.compile(p, re.I) for m, p in t["month_not_after"].items()},
    )


def tag_times(text: str, dct: date | None, profile: LanguageProfile, now: datetime | None = None) -> list[Hit]:
    """Every time expression of ``text`` (longest first, no overlaps), with values relative to ``dct``
    (and to ``now``, the reference time of day, for "dans une heure"); with no ``dct``, what depends on it
    is left unknown."""
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
