"""Resolution in context: weekdays and bare months take the direction of the tense of their clause,
"ce jour-là" the last date named, a clock time the day named before it (or right after it: "vers
15 h 30, hier"), a part of the day ("à l'aube") the day named before it or the publication date.

With no publication date (``dct`` None) nothing is taken from the machine's clock: what would need it
keeps a TimeML value with unknown digits ("XXXX-WXX-7" for a Sunday, "XXXX-XX-XX" for "hier")."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from newsgraph.lang.profile import LanguageProfile
from newsgraph.pipeline.syntax import clause_tense
from newsgraph.pipeline.times.tagger import Hit

UNKNOWN_DAY = "XXXX-XX-XX"
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def valid_day(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _weekday(h: Hit, dct: date | None, doc: Any, profile: LanguageProfile) -> None:
    wd_i = h.weekday or 0
    part = f"T{profile.time_words.parts[h.part]}" if h.part else ""
    h.type = "TIME" if h.part else "DATE"
    if dct is None:
        h.value = f"XXXX-WXX-{wd_i + 1}{part}"
        h.notes.append("a weekday, and no publication date to place it in: left unresolved")
        return
    if h.week is not None:
        day = dct - timedelta(days=dct.weekday()) + timedelta(weeks=h.week, days=wd_i)
        h.value = day.isoformat() + part
        h.notes.append(f"weekday of the week {h.week:+d} from that of {dct.isoformat()}")
        return
    tense = h.direction or clause_tense(doc, h.start, profile)
    back = (dct.weekday() - wd_i) % 7
    fwd = (wd_i - dct.weekday()) % 7
    if h.offset:
        day = dct + timedelta(days=fwd + h.offset)
        tense = 1
    elif h.direction < 0:
        day = dct - timedelta(days=back or 7)
    elif tense < 0:
        day = dct - timedelta(days=back)
    elif tense > 0:
        day = dct + timedelta(days=fwd or 7 if h.direction > 0 else fwd)
    else:  # present tense: in news, the coming day ("Le sommet s'ouvre lundi")
        day = dct + timedelta(days=fwd)
    h.value = day.isoformat() + part
    how = f"{h.offset} days after the coming one" if h.offset else "named as the last one" if h.direction < 0 else \
        "named as the next one" if h.direction > 0 else "its clause is in the past" if tense < 0 else \
        "its clause is in the future" if tense > 0 else "present tense: the coming one"
    h.notes.append(f"weekday of the week of {dct.isoformat()}: {how}")


def _year_of_weekday(h: Hit, dct: date) -> None:
    """'jeudi 12 septembre': the year, near the publication date, where that day is a Thursday."""
    mo, d = int(h.value[5:7]), int(h.value[8:10])
    years = [y for y in (dct.year, dct.year - 1, dct.year + 1) if valid_day(y, mo, d) and date(y, mo, d).weekday() == h.weekday]
    if years:
        h.value = f"{years[0]:04d}-{mo:02d}-{d:02d}"


def shifted(value: str, n: int, unit: str) -> str | None:
    """A calendar value moved by n units, at the grain of the unit ("2011", 3, "Y" -> "2014")."""
    try:
        if unit in ("D", "W") and DAY.match(value):
            return (date.fromisoformat(value[:10]) + timedelta(days=n * (7 if unit == "W" else 1))).isoformat()
        if unit == "M" and re.match(r"\d{4}-\d{2}", value):
            m = int(value[:4]) * 12 + int(value[5:7]) - 1 + n
            return f"{m // 12:04d}-{m % 12 + 1:02d}"
        if unit == "Y" and re.match(r"\d{4}", value):
            return f"{int(value[:4]) + n:04d}"
    except ValueError:
        return None
    return None


def _anaphora(h: Hit, last_day: str | None, dct: date | None) -> bool:
    """'la veille', 'le lendemain', 'deux jours plus tard': from the last date named, else (for a shift)
    from the publication date. False when there is nothing to count from."""
    base, said = last_day, f"the date named before ({last_day})"
    if base is None and (h.offset or h.shift):
        base, said = (dct.isoformat() if dct else None), "the publication date"
    if base is None:
        if h.offset or h.shift:
            h.value = UNKNOWN_DAY
            h.notes.append("counted from the publication date, which is unknown: left unresolved")
            return True
        return False
    n, unit = h.shift or (h.offset, "D")
    if n == 0:
        h.value = base
        h.notes.append(said)
        return True
    value = shifted(base, n, unit)
    if value is None:
        if not base[:1].isdigit():
            h.value = UNKNOWN_DAY
            return True
        return False
    h.value = value
    h.notes.append(f"{said}, {n:+d} {unit}")
    return True


def _dom(h: Hit, dct: date | None, doc: Any, profile: LanguageProfile, last_day: str | None, near: bool) -> None:
    """'le 16': in the month of the date named just before, else of the publication date (the previous
    month in a past clause once the 16th is past, the next one for what is to come)."""
    d = int(h.value[8:10])
    if last_day and near and re.match(r"\d{4}-\d{2}", last_day):
        y, m = int(last_day[:4]), int(last_day[5:7])
        h.notes.append(f"the month of the date named before ({last_day[:7]})")
    elif dct is None:
        return
    else:
        y, m = dct.year, dct.month
        tense = clause_tense(doc, h.start, profile)
        if tense < 0 and d > dct.day:
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        elif tense >= 0 and d < dct.day:
            y, m = (y, m + 1) if m < 12 else (y + 1, 1)
        h.notes.append(f"the month from the publication date {dct.isoformat()} and the tense of its clause")
    if valid_day(y, m, d):
        h.value = f"{y:04d}-{m:02d}-{d:02d}"


def resolve(hits: list[Hit], dct: date | None, profile: LanguageProfile, doc: Any = None) -> list[Hit]:
    """Resolve weekdays, bare months, days of the month, parts of the day and anaphora in text order."""
    last_day: str | None = None
    last_pos = 0
    last_year: int | None = None
    last_year_pos = 0
    out = []
    for h in hits:
        if h.anchor == "part":
            if last_day is not None and len(last_day) >= 10:
                h.value = last_day[:10] + h.value
                h.notes.append(f"part of the day named before ({last_day[:10]})")
            elif dct is not None:
                h.value = dct.isoformat() + h.value
                h.notes.append(f"part of the day of publication ({dct.isoformat()})")
            else:
                h.value = UNKNOWN_DAY + h.value
                h.notes.append("no day named before it and no publication date: the day is unknown")
            h.type = "TIME"
        elif h.anchor == "weekday":
            _weekday(h, dct, doc, profile)
        elif h.anchor == "anaphora":
            if not _anaphora(h, last_day, dct):
                continue
        elif h.anchor == "clock" and last_day and len(last_day) >= 10 and h.start - last_pos < 400:
            day = last_day[:10]
            if h.offset and DAY.match(day):
                day = (date.fromisoformat(day) + timedelta(days=h.offset)).isoformat()
            h.value = day + h.value[10:]
            h.notes.append(f"on the day named before ({last_day[:10]})")
        elif h.anchor == "dom":
            _dom(h, dct, doc, profile, last_day, h.start - last_pos < 300)
        elif h.anchor == "daymonth" and h.weekday is not None:
            if dct is not None:
                _year_of_weekday(h, dct)
                h.notes.append("the year near the publication date in which the day has that weekday")
        elif h.anchor in ("daymonth", "month"):
            if dct is None:
                if last_year is not None:
                    h.value = f"{last_year:04d}" + h.value[4:]
                    h.notes.append(f"the year of the narrative ({last_year})")
            else:
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


def clock_before_date(hits: list[Hit], text: str, profile: LanguageProfile) -> None:
    """A clock time right before a date takes its day, and its part of the day ("à trois heures demain
    après-midi" is 15:00): "vers 15 h 30, hier", "9h le 13 décembre 2018"."""
    link = re.compile(profile.words.time["clock_before_date"], re.I)
    for h, nxt in zip(hits, hits[1:]):
        if h.anchor != "clock" or not link.match(text[h.end:nxt.start]) or len(nxt.value) < 10:
            continue
        if not re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}(T[A-Z]{2})?", nxt.value):
            continue
        hh, mm = int(h.value[11:13]), h.value[14:16]
        if nxt.value[11:13] in ("AF", "EV", "NI") and hh < 12:
            hh += 12
        h.value = f"{nxt.value[:10]}T{hh:02d}:{mm}"
        h.notes.append(f"on the day named right after it ({nxt.value})")


def anaphora_before_date(hits: list[Hit], text: str, profile: LanguageProfile) -> None:
    """'la veille du 12 mars', 'le lendemain du sommet du 3 juin': counted from the date named right after."""
    link = re.compile(profile.words.time["anaphora_of"], re.I)
    for h, nxt in zip(hits, hits[1:]):
        if h.anchor != "anaphora" or not link.match(text[h.end:nxt.start]) or not DAY.match(nxt.value):
            continue
        n, unit = h.shift or (h.offset, "D")
        value = shifted(nxt.value[:10], n, unit) if n else nxt.value[:10]
        if value:
            h.value = value
            h.notes = [f"counted from the date named right after it ({nxt.value[:10]})"]
