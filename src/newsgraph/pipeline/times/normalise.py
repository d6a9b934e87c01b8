"""Normalisers: the TimeML value of each kind of time expression, from the named groups of its rule.

One function per kind; the words they need (directions, units, seasons...) are the profile's."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from newsgraph.lang.profile import LanguageProfile
from newsgraph.pipeline.times.tagger import Hit, rules

Match = re.Match[str]


def number(profile: LanguageProfile, text: str) -> str:
    t = text.lower().replace(",", ".")
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return t[:-2] if t.endswith(".0") else t
    return profile.time_words.numbers.get(t, "X")


def shift_month(d: date, months: int) -> tuple[int, int]:
    m = d.month - 1 + months
    return d.year + m // 12, m % 12 + 1


def week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def unit_shift(dct: date, n: str, u: str, sign: int) -> str:
    if n == "X" or not n.isdigit():
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    k = int(n) * sign
    if u == "Y":
        return f"{dct.year + k:04d}"
    if u == "M":
        y, m = shift_month(dct, k)
        return f"{y:04d}-{m:02d}"
    if u == "W":
        return (dct + timedelta(weeks=k)).isoformat()
    if u == "D":
        return (dct + timedelta(days=k)).isoformat()
    if u == "DE":
        return f"{(dct.year + 10 * k) // 10:03d}"
    return "PAST_REF" if sign < 0 else "FUTURE_REF"


def clock_shift(now: datetime, n: str, u: str, sign: int) -> str | None:
    """'dans une heure', 'il y a dix minutes' from the reference time."""
    if not n.isdigit() or u not in ("H", "MIN"):
        return None
    delta = timedelta(hours=int(n)) if u == "H" else timedelta(minutes=int(n))
    return (now + sign * delta).strftime("%Y-%m-%dT%H:%M")


def duration(n: str, u: str, half: bool = False) -> str:
    if u in ("H", "MIN", "S"):
        letter = {"H": "H", "MIN": "M", "S": "S"}[u]
        return f"PT{n}{letter}"
    if u == "DE":
        return f"P{n}DE" if n == "X" else f"P{int(n) * 10}Y"
    if u == "CE":
        return f"P{n}CE" if n == "X" else f"P{int(n) * 100}Y"
    if u == "Q":
        return f"P{int(n) * 3}M" if n.isdigit() else "PXM"
    if half and n.isdigit():
        return f"P{n}.5{u}"
    return f"P{n}{u}"


def _direction(profile: LanguageProfile, word: str | None) -> int:
    return int(profile.words.time["directions"].get((word or "").lower(), 0))


def _iso(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    return Hit(m.start(), m.end(), m.group(0), "DATE")


def _numeric(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    y = int(g["y"]) + (2000 if len(g["y"]) == 2 and int(g["y"]) < 50 else 1900 if len(g["y"]) == 2 else 0)
    try:
        return Hit(m.start(), m.end(), date(y, int(g["m"]), int(g["d"])).isoformat(), "DATE")
    except ValueError:
        return None


def _daymonth(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    w = p.words
    d = 1 if g["d"].lower() in w.time["first_of_month"] else int(g["d"])
    mo = w.months[g["m"].lower()]
    sign = _direction(p, g["dir"])
    if g["y"]:
        y = int(g["y"])
    else:
        y = dct.year
        if sign < 0 and (mo, d) > (dct.month, dct.day):
            y -= 1
        elif sign > 0 and (mo, d) < (dct.month, dct.day):
            y += 1
    try:
        value = date(y, mo, d).isoformat()
    except ValueError:
        return None
    if not g["y"] and g.get("wd") and not g.get("dir"):
        return Hit(m.start(), m.end(), value, "DATE", "daymonth", weekday=w.weekdays[g["wd"].lower()])
    return Hit(m.start(), m.end(), value, "DATE", None if g["y"] else "daymonth")


def _monthyear(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    y = g["y"].lstrip("'’")
    year = int(y) + (1900 if len(y) == 2 and int(y) >= 50 else 2000 if len(y) == 2 else 0)
    return Hit(m.start(), m.end(), f"{year:04d}-{p.words.months[g['m'].lower()]:02d}", "DATE")


def _month(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    s = m.start()
    word = g["m"]
    if not word.islower() or word.endswith("."):
        return None  # "Mars" the planet; "sept." the number
    r = rules(p)
    not_after = r.month_not_after.get(word)
    if not_after is not None and not_after.search(m.string[max(0, s - 12):s]):
        return None
    if word in r.bare_month_needs and not (g.get("det") or g.get("dir") or g.get("mod")):
        need = r.bare_month_needs[word]
        if need is None or not need.search(m.string[max(0, s - 4):s].lower()):
            return None
    mo = p.words.months[word]
    y = dct.year
    sign = _direction(p, g.get("dir"))
    if sign < 0 and mo >= dct.month:
        y -= 1
    elif sign > 0 and mo <= dct.month:
        y += 1
    return Hit(s, m.end(), f"{y:04d}-{mo:02d}", "DATE", None if g.get("dir") or g.get("det") else "month")


def _weekday(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    if g.get("det") and g["det"].lower() in p.words.time["plural_determiners"]:
        return None  # "les lundis": a set
    return Hit(m.start(), m.end(), "", "DATE", "weekday", weekday=p.words.weekdays[g["wd"].lower()],
               direction=_direction(p, g.get("dir")), part=(g.get("part") or "").lower() or None)


def _year(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    y = int(g["y"])
    if abs(y - dct.year) > 150:
        return None
    if g.get("years"):
        return Hit(m.start(), m.end(), f"{y // 10:03d}X", "DATE")
    return Hit(m.start(), m.end(), f"{y:04d}", "DATE")


def _decade(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    found = re.search(r"(\d+)0$", m.group("dec"))
    digits = found.group(1) if found else ""
    century = "19" if len(digits) == 1 else ""
    return Hit(m.start(), m.end(), f"{century}{digits}X", "DATE")


def _deictic(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    tw = p.time_words
    value = (dct + timedelta(days=tw.deictic[g["w"].lower().replace("’", "'")])).isoformat()
    if g.get("part"):
        return Hit(m.start(), m.end(), f"{value}T{tw.parts[g['part'].lower()]}", "TIME")
    return Hit(m.start(), m.end(), value, "DATE")


def _thispart(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    return Hit(m.start(), m.end(), f"{dct.isoformat()}T{p.time_words.parts[m.group('part').lower()]}", "TIME")


def _relunit(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    u = p.words.time["relative_units"].get((g.get("u") or g.get("u2") or "").lower())
    sign = _direction(p, g.get("dir") or g.get("dir2"))
    s, e = m.start(), m.end()
    if u == "Y":
        return Hit(s, e, f"{dct.year + sign:04d}", "DATE")
    if u == "M":
        y, mo = shift_month(dct, sign)
        return Hit(s, e, f"{y:04d}-{mo:02d}", "DATE")
    if u == "W":
        return Hit(s, e, week(dct + timedelta(weeks=sign)), "DATE")
    if u == "WE":
        return Hit(s, e, week(dct + timedelta(weeks=sign)) + "-WE", "DATE")
    if u == "Q":
        q = (dct.month - 1) // 3 + sign
        return Hit(s, e, f"{dct.year + q // 4:04d}-Q{q % 4 + 1}", "DATE")
    if u == "DE":
        return Hit(s, e, f"{dct.year // 10 + sign:03d}", "DATE")
    if u == "CE":
        return Hit(s, e, f"{dct.year // 100 + sign:02d}", "DATE")
    return None


def _whole(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    u = p.words.time["whole_units"].get((g.get("u") or g.get("u2") or "").lower())
    if u == "Y":
        return Hit(m.start(), m.end(), f"{dct.year:04d}", "DATE")
    return Hit(m.start(), m.end(), dct.isoformat() if u == "D" else week(dct), "DATE")


def _shifted(m: Match, dct: date, p: LanguageProfile, now: datetime | None, sign: int) -> Hit | None:
    n = number(p, m.group("n"))
    u = p.time_words.units[m.group("u").lower()]
    clock = clock_shift(now or datetime(dct.year, dct.month, dct.day), n, u, sign)
    if clock:
        return Hit(m.start(), m.end(), clock, "TIME")
    return Hit(m.start(), m.end(), unit_shift(dct, n, u, sign), "DATE")


def _ago(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    return _shifted(m, dct, p, now, -1)


def _infuture(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    return _shifted(m, dct, p, now, 1)


def _duration(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    s = m.start()
    if g["u"].lower() in p.words.time["age_units"] and rules(p).age_before.search(m.string[max(0, s - 40):s]):
        return None  # an age: "un homme de 38 ans", "âgé de 87 ans"
    n = number(p, g["n"])
    u = p.time_words.units[g["u"].lower()]
    if n != "X" and not re.fullmatch(r"\d+(\.\d+)?", n):
        return None
    return Hit(s, m.end(), duration(n, u, bool(g.get("half"))), "DURATION")


def _namedperiod(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    t = p.words.time
    return Hit(m.start(), m.end(), t["named_periods"].get(m.group("w").lower(), t["named_period_default"]), "DURATION")


def _set(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    u = p.time_words.units.get((g.get("u") or g.get("u2") or "").lower())
    if not u:
        return None
    return Hit(m.start(), m.end(), duration("1", u), "SET")


def _clock(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    s = m.start()
    if re.search(r"\d[\s,.]*$", m.string[max(0, s - 3):s]):
        return None
    return Hit(s, m.end(), f"{dct.isoformat()}T{int(g['h']):02d}:{g.get('mi') or '00'}", "TIME", "clock")


def _ref(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    value = p.time_words.refs[m.group("w").lower().replace("’", "'")]
    return Hit(m.start(), m.end(), value, "DATE" if "REF" not in value else "TIME")


def _anaphora(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    offset = -1 if m.group("prev") else 1 if m.group("next") else 0
    return Hit(m.start(), m.end(), "", "DATE", "anaphora", offset=offset)


def _season(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    code = p.words.time["seasons"][g["season"].lower()]
    sign = _direction(p, g.get("dir"))
    y = int(g["y"]) if g.get("y") else dct.year + (-1 if sign < 0 else 1 if g.get("dir") else 0)
    return Hit(m.start(), m.end(), f"{y:04d}-{code}", "DATE")


def _recent(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    return Hit(m.start(), m.end(), duration("X", p.time_words.units[m.group("u").lower()]), "DURATION")


def _noon(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    return Hit(m.start(), m.end(), f"{dct.isoformat()}T12:00", "TIME", "clock")


def _anapart(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    part = m.group("part").lower().split()[0]
    return Hit(m.start(), m.end(), "T" + p.time_words.parts.get(part, "NI"), "TIME", "part")


def _future_or_now(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    return Hit(m.start(), m.end(), "PRESENT_REF" if m.group("adj") else "FUTURE_REF", "DATE")


def _annual(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    return Hit(m.start(), m.end(), "P1Y", "SET")


NORMALISERS: dict[str, Callable[[Match, date, LanguageProfile, datetime | None], Hit | None]] = {
    "iso": _iso, "numeric": _numeric, "daymonth": _daymonth, "monthyear": _monthyear, "month": _month,
    "weekday": _weekday, "year": _year, "decade": _decade, "deictic": _deictic, "thispart": _thispart,
    "relunit": _relunit, "whole": _whole, "ago": _ago, "infuture": _infuture, "duration": _duration,
    "namedperiod": _namedperiod, "set": _set, "clock": _clock, "ref": _ref, "anaphora": _anaphora,
    "season": _season, "recent": _recent, "noon": _noon, "anapart": _anapart, "future_or_now": _future_or_now,
    "annual": _annual,
}


def normalise(kind: str, m: Match, dct: date, profile: LanguageProfile, now: datetime | None = None) -> Hit | None:
    fn = NORMALISERS.get(kind)
    hit = fn(m, dct, profile, now) if fn is not None else None
    if hit is not None:
        hit.kind = kind
        if kind in RELATIVE:
            hit.notes.append(f"relative to the publication date {dct.isoformat()}")
    return hit


# kinds whose value depends on the reference date
RELATIVE = {"deictic", "thispart", "relunit", "whole", "ago", "infuture", "recent", "noon", "clock"}


