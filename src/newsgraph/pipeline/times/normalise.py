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
    """The value of a number in digits or words ("X" for "quelques"); compound words add up ("vingt-quatre")."""
    t = re.sub(r"\s+", " ", text.lower().replace(",", ".").replace("’", "'"))
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return t[:-2] if t.endswith(".0") else t
    tw = profile.time_words
    if t in tw.numbers:
        return tw.numbers[t]
    for tens in sorted(tw.tens, key=len, reverse=True):
        if t.startswith(tens):
            rest = re.sub("^" + profile.words.time["number_joiner"], "", t[len(tens):])
            unit = tw.numbers.get(rest)
            if unit is not None and unit.isdigit():
                return str(int(tw.tens[tens]) + int(unit))
    return "X"


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
    return int(profile.words.time["directions"].get(re.sub(r"\s+", " ", (word or "").lower().replace("’", "'")), 0))


def _iso(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    try:
        return Hit(m.start(), m.end(), date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat(), "DATE")
    except ValueError:
        return None


def _numeric(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    """31/10/2014, 15.05.99, 20 02 2014; without a year ("le 2/3", "17/02") a date of the year near the
    publication date, as a day named with its month."""
    g = m.groupdict()
    if g.get("y") is None:
        if not g.get("det") and len(g["m"]) < 2 and int(g["d"]) < 13:
            return None  # "2/3" alone is a fraction more often than a date
        try:
            value = date(dct.year, int(g["m"]), int(g["d"])).isoformat()
        except ValueError:
            return None
        return Hit(m.start(), m.end(), value, "DATE", "daymonth")
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


def _key(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").lower().replace("’", "'"))


def _weekday(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    t = p.words.time
    if g.get("det") and g["det"].lower() in t["plural_determiners"]:
        return None  # "les lundis": a set
    start = m.start("pd") if g.get("pd") else m.start()  # "dans la nuit du dimanche": "dans" is a signal
    hit = Hit(start, m.end(), "", "DATE", "weekday", weekday=p.words.weekdays[g["wd"].lower()],
              direction=_direction(p, g.get("dir")), part=_key(g.get("part")) or None)
    if g.get("wk"):
        hit.week, hit.direction = int(t["weekday_weeks"][_key(g["wk"])]), 0
    elif g.get("dir") and _key(g["dir"]) in t["weekday_next_week"]:
        hit.week, hit.direction = 1, 0
    elif g.get("later"):
        hit.offset = int(t["weekday_later"][_key(g["later"])])
    return hit


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
    value = (dct + timedelta(days=tw.deictic[_key(g["w"])])).isoformat()
    if g.get("part"):
        return Hit(m.start(), m.end(), f"{value}T{tw.parts[_key(g['part'])]}", "TIME")
    return Hit(m.start(), m.end(), value, "DATE")


def _lastpart(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    """"la nuit dernière": the part of the day before the publication date."""
    day = dct + timedelta(days=_direction(p, m.group("dir")))
    return Hit(m.start(), m.end(), f"{day.isoformat()}T{p.time_words.parts[_key(m.group('part'))]}", "TIME")


def _thispart(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    return Hit(m.start(), m.end(), f"{dct.isoformat()}T{p.time_words.parts[_key(m.group('part'))]}", "TIME")


def _relunit(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    u = p.words.time["relative_units"].get((g.get("u") or g.get("u2") or "").lower())
    sign = _direction(p, g.get("dir") or g.get("dir2"))
    s, e = (m.start("mod") if g.get("mod") else m.start()), m.end()
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
    """15h, 15 h 30, 15:30, à quinze heures trente, midi et quart, minuit, 8 heures du soir."""
    g = m.groupdict()
    s = m.start()
    if not g.get("prep") and re.search(r"\d[\s,.]*$", m.string[max(0, s - 3):s]):
        return None
    tw = p.time_words
    day = dct
    if g.get("cw"):
        h = int(tw.clock_words[_key(g["cw"])])
    else:
        raw = g.get("h") or g.get("hd") or g.get("hc") or number(p, g.get("hw") or "")
        if not raw.isdigit():
            return None
        h = int(raw)
    minute = int(g.get("mi") or g.get("mc") or 0)
    if g.get("mw"):
        word = _key(g["mw"])
        n = tw.minutes.get(word) or number(p, word)
        if not n.isdigit() or int(n) >= 60:
            return None
        minute = -int(n) if _key(g.get("link")).startswith(_key(p.words.time["clock_minus"])) else int(n)
    if g.get("cp") and tw.clock_parts[_key(g["cp"])] == "PM" and h < 12:
        h += 12
    if h > 24 or (not (g.get("prep") or g.get("mw") or g.get("cp") or g.get("cw")) and (g.get("hd") or g.get("hw"))):
        return None  # "15 heures" alone is a duration as often as a time of day; the duration rule reads it
    total = h * 60 + minute
    if total >= 24 * 60:
        day, total = dct + timedelta(days=1), total - 24 * 60  # minuit: the end of the day, 00:00 the next
    elif total < 0:
        return None
    # the preposition is a signal, not part of the expression (as TimeML annotates it)
    s = min(m.start(k) for k in ("h", "hd", "hc", "hw", "cw") if g.get(k) is not None)
    hit = Hit(s, m.end(), f"{day.isoformat()}T{total // 60:02d}:{total % 60:02d}", "TIME", "clock")
    hit.offset = (day - dct).days
    return hit


def _ref(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    value = p.time_words.refs[m.group("w").lower().replace("’", "'")]
    return Hit(m.start(), m.end(), value, "DATE" if "REF" not in value else "TIME")


def _anaphora(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    offset = -1 if m.group("prev") else 1 if m.group("next") else 2 if m.group("next2") else -2 if m.group("prev2") else 0
    return Hit(m.start(), m.end(), "", "DATE", "anaphora", offset=offset)


def _later(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    """"deux jours plus tard", "trois ans auparavant": a shift from the last date named."""
    n = number(p, m.group("n"))
    u = p.time_words.units[_key(m.group("u"))]
    if not n.isdigit() or u not in ("D", "W", "M", "Y"):
        return None
    sign = 1 if m.group("after") or m.group("after2") else -1
    return Hit(m.start(), m.end(), "", "DATE", "anaphora", shift=(sign * int(n), u))


def _holiday(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    mo, d = (int(x) for x in p.time_words.holidays[_key(g["w"])].split("-"))
    sign = _direction(p, g.get("dir"))
    y = dct.year
    if sign < 0 and (mo, d) > (dct.month, dct.day):
        y -= 1
    elif sign > 0 and (mo, d) < (dct.month, dct.day):
        y += 1
    signal = re.match(p.words.time["holiday_signal"], m.group(0), re.I) if p.words.time["holiday_signal"] else None
    start = m.start() + (signal.end() if signal else 0)  # "à Noël": "à" is a signal
    return Hit(start, m.end(), date(y, mo, d).isoformat(), "DATE", None if sign else "daymonth")


def _dom(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    """"le 16": a day of the month the text or the publication date is in."""
    d = m.group("d").lower()
    day = 1 if d in p.words.time["first_of_month"] else int(d)
    return Hit(m.start(), m.end(), f"{dct.year:04d}-{dct.month:02d}-{day:02d}", "DATE", "dom")


def _season(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    g = m.groupdict()
    code = p.words.time["seasons"][g["season"].lower()]
    sign = _direction(p, g.get("dir"))
    y = int(g["y"]) if g.get("y") else dct.year + (-1 if sign < 0 else 1 if g.get("dir") else 0)
    return Hit(m.start(), m.end(), f"{y:04d}-{code}", "DATE", None if g.get("y") else "season")


def _recent(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    return Hit(m.start(), m.end(), duration("X", p.time_words.units[m.group("u").lower()]), "DURATION")


def _anapart(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    start = m.start("det") if m.group("det") else m.start("part")
    return Hit(start, m.end(), "T" + p.time_words.parts.get(_key(m.group("part")), "NI"), "TIME", "part")


def _future_or_now(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    return Hit(m.start(), m.end(), "PRESENT_REF" if m.group("adj") else "FUTURE_REF", "DATE")


def _annual(m: Match, dct: date, p: LanguageProfile, now: datetime | None) -> Hit | None:
    return Hit(m.start(), m.end(), "P1Y", "SET")


NORMALISERS: dict[str, Callable[[Match, date, LanguageProfile, datetime | None], Hit | None]] = {
    "iso": _iso, "numeric": _numeric, "daymonth": _daymonth, "monthyear": _monthyear, "month": _month,
    "weekday": _weekday, "year": _year, "decade": _decade, "deictic": _deictic, "thispart": _thispart, "lastpart": _lastpart,
    "relunit": _relunit, "whole": _whole, "ago": _ago, "infuture": _infuture, "duration": _duration,
    "namedperiod": _namedperiod, "set": _set, "clock": _clock, "ref": _ref, "anaphora": _anaphora,
    "later": _later, "season": _season, "recent": _recent, "anapart": _anapart, "future_or_now": _future_or_now,
    "annual": _annual, "holiday": _holiday, "dom": _dom,
}

# kinds whose value depends on the reference date
RELATIVE = {"deictic", "thispart", "lastpart", "relunit", "whole", "ago", "infuture", "recent", "clock"}
# a stand-in reference date when there is none: every part of a value it decides is then masked with X
NO_ANCHOR = date(2000, 1, 5)


def normalise(kind: str, m: Match, dct: date | None, profile: LanguageProfile, now: datetime | None = None) -> Hit | None:
    """The hit of one rule match, its value relative to ``dct``; with no ``dct`` (no publication date),
    what depends on it is left unknown ("XXXX-XX-XX", "XXXX-03-12") and never taken from the clock."""
    fn = NORMALISERS.get(kind)
    hit = fn(m, dct or NO_ANCHOR, profile, None if dct is None else now) if fn is not None else None
    if hit is None:
        return None
    hit.kind = kind
    if dct is None:
        unanchored(hit)
    elif kind in RELATIVE:
        hit.notes.append(f"relative to the publication date {dct.isoformat()}")
    return hit


def mask_date(value: str) -> str:
    """Every digit of the calendar part of a value unknown: 2000-01-06T15:00 -> XXXX-XX-XXT15:00."""
    day, sep, clock = value.partition("T")
    return re.sub(r"\d", "X", day) + sep + clock


def unanchored(hit: Hit) -> None:
    """Mask what a hit's value took from the stand-in reference date."""
    if not hit.value or not hit.value[:1].isdigit():
        return  # PAST_REF, durations, sets, and values resolved in context later
    if hit.kind in RELATIVE:
        hit.value = mask_date(hit.value) if hit.kind not in ("ago", "infuture") else re.sub(r"\d", "X", hit.value)
        hit.notes.append("relative to the publication date, which is unknown: left unresolved")
    elif hit.anchor in ("daymonth", "month", "dom", "season"):
        hit.value = "XXXX" + hit.value[4:]
        if hit.anchor == "dom":
            hit.value = "XXXX-XX" + hit.value[7:]
        hit.notes.append("no year in the text and no publication date: the year is unknown")


