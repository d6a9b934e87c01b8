"""Ranges: two points joined by the range words of the language ("du 12 au 15 mars", "entre 2014 et 2016",
"de 15h à 17h"), or one point and the publication date ("depuis 2011", "jusqu'à fin mars").

A range is one time expression of type DURATION: its value is its length in TimeML ("P3D"), its
``interval`` the TimeML values of its two ends, both resolved when the text or the publication date
gives them ("PRESENT_REF" for the open end when there is no publication date). The points it was built
from stay in ``parts`` (TimeBank annotates them one by one)."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from newsgraph.lang.profile import LanguageProfile
from newsgraph.pipeline.times.resolve import shifted, valid_day
from newsgraph.pipeline.times.tagger import Hit, alternation

POINT = re.compile(r"[\dX]{4}(-[\dX]{2}(-[\dX]{2})?)?(T\d{2}:\d{2}|T[A-Z]{2})?")
GRAINS = {4: "Y", 7: "M", 10: "D"}


class _Words:
    def __init__(self, profile: LanguageProfile) -> None:
        t = profile.words.time
        self.pairs = {self.key(k): [self.key(j) for j in v] for k, v in t["range_pairs"].items()}
        tail = r"(?:\s+|(?<=['’]))$"
        self.opener = re.compile(r"(?<![\w'’])(?P<o>" + alternation(list(self.pairs)) + ")" + tail, re.I)
        self.since = re.compile(r"(?<![\w'’])(?P<o>" + alternation(t["range_since"]) + ")" + tail, re.I)
        self.until = re.compile(r"(?<![\w'’])(?P<o>" + alternation(t["range_until"]) + ")" + tail, re.I)
        joiners = sorted({j for v in self.pairs.values() for j in v})
        self.joiner = alternation(joiners)
        dets = alternation(t["range_determiners"])
        first = alternation(t["first_of_month"])
        self.elliptic = re.compile(
            r"(?<![\w'’])(?P<o>" + alternation(list(self.pairs)) + r")(?:\s+|(?<=['’]))(?:(?:" + dets + r")\s+)?"
            r"(?P<n>[0-3]?\d|" + first + r")(?:\s*(?P<j>" + self.joiner + r")(?:\s+(?:" + dets + r"))?)?\s+$", re.I)
        self.first = {self.key(w) for w in t["first_of_month"]}
        self.since_past = {self.key(w) for w in t["range_since_past"]}

    @staticmethod
    def key(word: str) -> str:
        return re.sub(r"\s+", " ", word.lower().replace("’", "'"))


@lru_cache(maxsize=4)
def _words(profile: LanguageProfile) -> _Words:
    return _Words(profile)


def is_point(h: Hit) -> bool:
    return h.type in ("DATE", "TIME") and bool(POINT.fullmatch(h.value)) and not h.interval


def _grain(value: str) -> str:
    if "T" in value:
        return "T"
    return GRAINS.get(len(value), "D")


def length(begin: str, end: str) -> str:
    """The TimeML duration from begin to end, at the coarser grain of the two ("P3D", "PT2H", "P12Y")."""
    order = "YMDT"
    grain = min(_grain(begin), _grain(end), key=order.index)
    unknown = {"Y": "PXY", "M": "PXM", "D": "PXD", "T": "PTXH"}[grain]
    if "X" in begin + end or not (begin[:4].isdigit() and end[:4].isdigit()):
        return unknown
    try:
        if grain == "Y":
            return f"P{int(end[:4]) - int(begin[:4])}Y"
        if grain == "M":
            return f"P{(int(end[:4]) - int(begin[:4])) * 12 + int(end[5:7]) - int(begin[5:7])}M"
        if grain == "D":
            return f"P{(date.fromisoformat(end[:10]) - date.fromisoformat(begin[:10])).days}D"
        if not (re.fullmatch(r".*T\d{2}:\d{2}", begin) and re.fullmatch(r".*T\d{2}:\d{2}", end)):
            return unknown
        minutes = int((datetime.fromisoformat(end) - datetime.fromisoformat(begin)).total_seconds() // 60)
    except ValueError:
        return unknown
    h, m = divmod(minutes, 60)
    return f"PT{h}H{m}M" if m else f"PT{h}H"


def _range(start: int, end: int, begin: str, finish: str, parts: list[Hit], why: str) -> Hit:
    hit = Hit(start, end, length(begin, finish), "DURATION", kind="range", interval=(begin, finish), parts=parts)
    hit.notes.append(why)
    return hit


def _explicit_year(h: Hit) -> bool:
    return h.anchor not in ("daymonth", "month", "dom", "weekday", "season") and h.value[:4].isdigit()


def _closed(h1: Hit, h2: Hit, text: str, w: _Words) -> Hit | None:
    m = w.opener.search(text, max(0, h1.start - 30), h1.start)
    if m is None or m.end() != h1.start:
        return None
    joiners = w.pairs.get(w.key(m.group("o")), [])
    gap = text[h1.end:h2.start]
    if not re.fullmatch(r"\s*(?:" + alternation(joiners) + r")\s*", gap, re.I):
        inner = re.match(r"(?:" + alternation(joiners) + r")\s", text[h2.start:h2.end], re.I)
        if gap.strip() or inner is None:
            return None
    if h1.anchor == "dom" and re.match(r"[\dX]{4}-[\dX]{2}-\d{2}", h2.value) and re.match(r"[\dX]{4}-[\dX]{2}-\d{2}", h1.value):
        value = h2.value[:8] + h1.value[8:10]
        if value[8:10] > h2.value[8:10] and h2.value[:4].isdigit():
            value = (shifted(h2.value[:7], -1, "M") or h2.value[:7]) + "-" + h1.value[8:10]
        h1.value = value
        h1.notes.append("the month of the end of its range")
    elif h1.value[:4].isdigit() and not _explicit_year(h1) and _explicit_year(h2) and len(h1.value) >= 7:
        year = h2.value[:4]
        value = year + h1.value[4:]
        if value[:10] > h2.value[:10]:
            value = f"{int(year) - 1:04d}" + h1.value[4:]
        h1.value = value
        h1.notes.append(f"the year of the end of its range ({year})")
    joined = gap.strip() or text[h2.start:h2.end].split()[0]
    return _range(m.start(), h2.end, h1.value, h2.value, [h1, h2], f"range '{m.group('o')} ... {joined} ...'")


def _elliptic(h2: Hit, text: str, w: _Words) -> Hit | None:
    """'du 12 au 15 mars', 'de 14 à 16h': the first point gives only its day or hour."""
    if not re.match(r"[\dX]{4}-\d{2}-\d{2}", h2.value):
        return None
    m = w.elliptic.search(text, max(0, h2.start - 40), h2.start)
    if m is None:
        return None
    joiners = w.pairs.get(w.key(m.group("o")), [])
    inner = re.match(r"(?:" + alternation(joiners) + r")\s", text[h2.start:h2.end], re.I)
    if m.group("j") is None and inner is None:
        return None
    if m.group("j") is not None and w.key(m.group("j")) not in joiners:
        return None
    n = 1 if w.key(m.group("n")) in w.first else int(m.group("n"))
    if "T" in h2.value:
        if n > 24:
            return None
        begin = f"{h2.value[:10]}T{n:02d}:00"
    else:
        year, mo, d = h2.value[:4], int(h2.value[5:7]), int(h2.value[8:10])
        if n > d:
            year, mo = (year, mo - 1) if mo > 1 else (f"{int(year) - 1:04d}" if year.isdigit() else year, 12)
        if not valid_day(int(year) if year.isdigit() else 2000, mo, n):
            return None
        begin = f"{year}-{mo:02d}-{n:02d}"
    first = Hit(m.start("n"), m.end("n"), begin, h2.type, kind=h2.kind)
    first.notes.append("the day or hour of the start of a range, the rest from its end")
    return _range(m.start(), h2.end, begin, h2.value, [first, h2], f"range '{m.group('o')} N {m.group('j') or ''}' ...")


def _open(h: Hit, text: str, dct: date | None, w: _Words) -> Hit | None:
    for pattern, since in ((w.until, False), (w.since, True)):
        m = pattern.search(text, max(0, h.start - 30), h.start)
        if m is None or m.end() != h.start:
            continue
        now = dct.isoformat() if dct else "PRESENT_REF"
        if dct is not None and h.value[:4].isdigit() and (not since or w.key(m.group("o")) in w.since_past):
            _toward(h, dct, past=since)
        begin, finish = (h.value, now) if since else (now, h.value)
        why = f"range '{m.group('o')}': from it to the publication date" if since else \
            f"range '{m.group('o')}': from the publication date to it"
        return _range(m.start(), h.end, begin, finish, [h], why)
    return None


def _toward(h: Hit, dct: date, past: bool) -> None:
    """'depuis mardi' is the last Tuesday, 'jusqu'à mardi' the next one, whatever the tense of the clause."""
    if h.anchor not in ("weekday", "dom", "daymonth", "month"):
        return
    point = h.value[:10]
    ref = dct.isoformat()[:len(point)]
    if not (point > ref if past else point < ref):
        return
    sign = -1 if past else 1
    if h.anchor == "weekday":
        moved = shifted(point, 7 * sign, "D")
    elif h.anchor == "dom":
        moved = (shifted(point[:7], sign, "M") or "") + point[7:]
    else:
        moved = f"{int(point[:4]) + sign:04d}" + point[4:]
    if moved:
        h.value = moved + h.value[10:]
        h.notes.append("moved to the side of the publication date its range word points to")


def join_ranges(hits: list[Hit], text: str, dct: date | None, profile: LanguageProfile) -> list[Hit]:
    """The hits with ranges joined: two points, or one point and the publication date, become one range."""
    w = _words(profile)
    out: list[Hit] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        r, used = None, 1
        if is_point(h):
            r = _elliptic(h, text, w)
            if r is None and i + 1 < len(hits) and is_point(hits[i + 1]):
                r, used = _closed(h, hits[i + 1], text, w), 2
            if r is None:
                r, used = _open(h, text, dct, w), 1
        if r is not None and (not out or out[-1].end <= r.start):
            out.append(r)
            i += used
        else:
            out.append(h)
            i += 1
    return out
