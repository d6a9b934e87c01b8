"""Resolution in context: weekdays and bare months take the direction of the tense of their clause,
"ce jour-là" the last date named, a clock time the day named before it."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from newsgraph.lang.profile import LanguageProfile
from newsgraph.pipeline.syntax import clause_tense
from newsgraph.pipeline.times.tagger import Hit


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _weekday(h: Hit, dct: date, doc: Any, profile: LanguageProfile) -> None:
    wd_i = h.weekday or 0
    tense = h.direction or clause_tense(doc, h.start, profile)
    back = (dct.weekday() - wd_i) % 7
    fwd = (wd_i - dct.weekday()) % 7
    if h.direction < 0:
        day = dct - timedelta(days=back or 7)
    elif tense < 0:
        day = dct - timedelta(days=back)
    elif tense > 0:
        day = dct + timedelta(days=fwd or 7 if h.direction > 0 else fwd)
    else:  # present tense: in news, the coming day ("Le sommet s'ouvre lundi")
        day = dct + timedelta(days=fwd)
    h.value = day.isoformat() + (f"T{profile.time_words.parts[h.part]}" if h.part else "")
    h.type = "TIME" if h.part else "DATE"
    how = "named as the last one" if h.direction < 0 else "named as the next one" if h.direction > 0 else \
        "its clause is in the past" if tense < 0 else "its clause is in the future" if tense > 0 else "present tense: the coming one"
    h.notes.append(f"weekday of the week of {dct.isoformat()}: {how}")


def _year_of_weekday(h: Hit, dct: date) -> None:
    """'jeudi 12 septembre': the year, near the publication date, where that day is a Thursday."""
    mo, d = int(h.value[5:7]), int(h.value[8:10])
    years = [y for y in (dct.year, dct.year - 1, dct.year + 1) if _valid(y, mo, d) and date(y, mo, d).weekday() == h.weekday]
    if years:
        h.value = f"{years[0]:04d}-{mo:02d}-{d:02d}"


def resolve(hits: list[Hit], dct: date, profile: LanguageProfile, doc: Any = None) -> list[Hit]:
    """Resolve weekdays, bare months and anaphora in text order."""
    last_day: str | None = None
    last_pos = 0
    last_year: int | None = None
    last_year_pos = 0
    out = []
    for h in hits:
        if h.anchor == "part":
            if last_day is None or len(last_day) < 10:
                continue
            h.value = last_day[:10] + h.value
            h.type = "TIME"
            h.notes.append(f"part of the day named before ({last_day[:10]})")
        elif h.anchor == "weekday":
            _weekday(h, dct, doc, profile)
        elif h.anchor == "anaphora":
            if last_day is None or (h.offset != 0 and len(last_day) < 10):
                continue
            h.value = (date.fromisoformat(last_day) + timedelta(days=h.offset)).isoformat() if h.offset else last_day
            h.notes.append(f"the date named before ({last_day})" + (f", {h.offset:+d} day" if h.offset else ""))
        elif h.anchor == "clock" and last_day and len(last_day) >= 10 and h.start - last_pos < 400:
            h.value = last_day[:10] + h.value[10:]
            h.notes.append(f"on the day named before ({last_day[:10]})")
        elif h.anchor == "daymonth" and h.weekday is not None:
            _year_of_weekday(h, dct)
            h.notes.append("the year near the publication date in which the day has that weekday")
        elif h.anchor in ("daymonth", "month"):
            y = int(h.value[:4])
            if h.anchor == "month" and last_year is not None and last_year != dct.year and h.start - last_year_pos < 600:
                y = last_year  # a narrative anchored in another year ("en 1997 ... en octobre")
                h.notes.append(f"the year of the narrative ({last_year})")
            elif doc is not None:
                tense = clause_tense(doc, h.start, profile)
                mo = int(h.value[5:7])
                d = int(h.value[8:10]) if h.anchor == "daymonth" else 15
                gap = (date(y, mo, min(d, 28)) - dct).days
                if tense < 0 and gap > 183:
                    y -= 1
                elif tense > 0 and gap < -183:
                    y += 1
                h.notes.append(f"year from the publication date {dct.isoformat()} and the tense of its clause")
            h.value = f"{y:04d}" + h.value[4:]
        if h.type in ("DATE", "TIME") and re.match(r"\d{4}-\d{2}(-\d{2})?", h.value):
            last_day = h.value[:10] if len(h.value) >= 10 else h.value
            last_pos = h.start
        if h.anchor is None and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", h.value):
            last_year, last_year_pos = int(h.value[:4]), h.start
        out.append(h)
    return out
