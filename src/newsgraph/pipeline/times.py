"""The time stage: French temporal expressions normalised to TimeML values.

Rules are regular expressions over the text (fast: the stage costs a few percent of the pipeline),
resolved against the publication date. Weekdays and bare months take the direction of the tense of
the clause that governs them (from the parse): "lundi" in a past clause is the previous Monday, in a
future one the next. "ce jour-là" takes the last date resolved before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from newsgraph.lang.fr.calendar import MONTHS, WEEKDAYS
from newsgraph.lang.fr.lexicon import read_table
from newsgraph.model import TimeExpr
from newsgraph.pipeline.work import Work
from newsgraph.registry import stages

A = r"(?:'|’)"  # apostrophe
# "de N ans" after a noun is an age ("un chauffeur de 38 ans") unless the noun is a period
# ("un mandat de six ans", "une peine de dix ans").
PERIOD_NOUNS = ("mandat", "peine", "période", "durée", "plan", "programme", "contrat", "prison", "réclusion",
                "emprisonnement", "bail", "moratoire", "guerre", "conflit", "règne", "absence", "retard", "délai",
                "trêve", "accord", "sursis", "occupation", "exil", "détention", "service", "suspension", "interdiction",
                "cycle", "phase", "embargo", "blocus", "siège", "crise", "transition", "prolongation", "espace", "après", "avant")
AGE_BEFORE = (r"(?:âge|âgée?s?|agée?s?)\s+(?:de\s+|d['’])$|(?<![\w'’])(?!(?:" + "|".join(PERIOD_NOUNS) + r")\b)[^\W\d_]+s?\s+de\s+$"
              r"|\d\s+à\s+$|,\s*$|\(\s*$")


@dataclass(frozen=True, slots=True)
class Words:
    numbers: dict[str, str]
    units: dict[str, str]
    refs: dict[str, str]
    deictic: dict[str, int]
    parts: dict[str, str]


@lru_cache(maxsize=1)
def words() -> Words:
    table: dict[str, dict[str, str]] = {"number": {}, "unit": {}, "ref": {}, "deictic": {}, "part": {}}
    for kind, word, value in (r[:3] for r in read_table("timewords.tsv", 3)):
        table[kind][word] = value
    return Words(table["number"], table["unit"], table["ref"], {k: int(v) for k, v in table["deictic"].items()}, table["part"])


def _alt(items: list[str]) -> str:
    return "|".join(re.escape(w).replace("'", A) for w in sorted(items, key=len, reverse=True))


@dataclass
class Hit:
    start: int
    end: int
    value: str
    type: str
    anchor: str | None = None  # "weekday", "month": resolved with the tense; "anaphora"


class Patterns:
    def __init__(self) -> None:
        w = words()
        month = _alt([m for m in MONTHS])
        wd = _alt(list(WEEKDAYS))
        num = r"(?:\d+(?:[.,]\d+)?|" + _alt(list(w.numbers)) + r")"
        unit = _alt(list(w.units))
        part = _alt(list(w.parts))
        day = r"(?:1er|premier|[12]\d|3[01]|0?[1-9])"
        B = r"(?<![\w])(?<![^\W\d_]-)"  # "1982-1990", "mars-avril" are two expressions
        E = r"(?![\w])(?!-[^\W\d_])"
        self.rules: list[tuple[re.Pattern[str], str]] = [
            (re.compile(rf"{B}\d{{4}}-\d{{2}}-\d{{2}}{E}"), "iso"),
            (re.compile(rf"{B}(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>\d{{4}}|\d{{2}}){E}"), "numeric"),
            (re.compile(rf"{B}(?:(?P<det>le|ce)\s+)?(?:(?P<wd>{wd})\s+)?(?P<d>{day})\s+(?P<m>{month})(?:\s+(?P<y>\d{{4}}))?(?:\s+(?P<dir>dernier|prochain))?{E}", re.I), "daymonth"),
            (re.compile(rf"{B}(?:(?P<mod>début|fin|mi|courant|milieu)(?:-|\s+)(?:d{A}|de\s+)?)?(?P<m>{month})\s+(?:de\s+l{A}année\s+)?(?P<y>\d{{4}}|(?:'|’)?\d{{2}}){E}", re.I), "monthyear"),
            (re.compile(rf"{B}(?:(?P<det>ce|cette)\s+(?:même\s+)?|(?P<mod>début|fin|mi|courant|milieu)(?:-|\s+)(?:d{A}|de\s+)?)?(?P<m>{month})(?:\s+(?P<dir>dernier|prochain))?{E}"), "month"),
            (re.compile(rf"{B}(?:(?P<det>le|ce|ces|les)\s+)?(?P<wd>{wd})(?:\s+(?P<part>{part}))?(?:\s+(?P<dir>dernier|prochain|précédent|suivant|passé))?{E}", re.I), "weekday"),
            (re.compile(rf"{B}(?:(?P<mod>début|fin|mi|courant|milieu)(?:-|\s+)|l{A}(?:année|an)\s+|(?:les\s+)?années\s+)?(?P<y>1[5-9]\d\d|20\d\d){E}(?!\s*(?:%|€|\$|km|kg|m\b|habitants|personnes|morts|soldats|hommes|euros|dollars|tonnes|kilomètres|mètres))", re.I), "year"),
            (re.compile(rf"{B}(?P<dec>(?:les\s+)?années\s+(?:19|20)?[0-9]0){E}", re.I), "decade"),
            (re.compile(rf"{B}(?P<w>{_alt(list(w.deictic))})(?:\s+(?P<part>{part}))?{E}", re.I), "deictic"),
            (re.compile(rf"{B}(?:ce|cette|cet)\s+(?P<part>{part}){E}", re.I), "thispart"),
            (re.compile(rf"{B}(?:(?P<mod>début|fin|milieu)\s+(?:de\s+|d{A})?)?(?:(?:l{A}|la\s+|le\s+|cette\s+|ce\s+|cet\s+)(?P<u>an|année|semaine|mois|trimestre|week-end|siècle|décennie)(?:-ci|\s+(?P<dir>dernier|dernière|passé|passée|prochain|prochaine|suivant|suivante|précédent|précédente|en cours|écoulée?))?|(?P<u2>semaine|année|mois)\s+(?P<dir2>prochaine?|dernière?|passée?))(?=\W|$)", re.I), "relunit"),
            (re.compile(rf"{B}toute\s+l{A}année{E}|{B}toute\s+la\s+(?:journée|semaine){E}", re.I), "whole"),
            (re.compile(rf"{B}il\s+y\s+a\s+(?P<n>{num})\s+(?P<u>{unit}){E}", re.I), "ago"),
            (re.compile(rf"{B}dans\s+(?P<n>{num})\s+(?P<u>{unit}){E}", re.I), "infuture"),
            (re.compile(rf"{B}(?:(?:environ|près\s+de|plus\s+de|moins\s+de|au\s+moins)\s+)?(?P<n>{num})\s+(?P<u>{unit})(?:\s+et\s+demie?)?{E}(?!\s+(?:plus\s+tard|auparavant|avant|après))", re.I), "duration"),
            (re.compile(rf"{B}(?:un\s+)?(?P<w>demi-siècle|semestre|quinquennat|septennat|mandat\s+de\s+cinq\s+ans){E}", re.I), "namedperiod"),
            (re.compile(rf"{B}(?:chaque|tous\s+les|toutes\s+les)\s+(?P<u>{unit}){E}|{B}par\s+(?P<u2>an|jour|mois|semaine){E}", re.I), "set"),
            (re.compile(rf"{B}(?P<h>[01]?\d|2[0-3])\s*(?:h|heures?)\s*(?P<mi>[0-5]\d)?{E}", re.I), "clock"),
            (re.compile(rf"{B}(?P<w>{_alt(list(w.refs))}){E}", re.I), "ref"),
            (re.compile(rf"{B}(?:ce\s+jour(?:-|\s+)là|le\s+même\s+jour|ce\s+même\s+jour|(?P<prev>la\s+veille)|(?P<next>le\s+lendemain)){E}", re.I), "anaphora"),
            (re.compile(rf"{B}(?:l{A}|cet\s+|ce\s+|en\s+|au\s+|le\s+)(?P<season>été|hiver|automne|printemps)(?:\s+(?P<dir>dernier|prochain))?(?:\s+(?P<y>\d{{4}}))?{E}", re.I), "season"),
            (re.compile(rf"{B}ces\s+(?:derniers|dernières|prochains|prochaines)\s+(?P<u>{unit}){E}", re.I), "recent"),
            (re.compile(rf"{B}(?:à\s+)?midi{E}", re.I), "noon"),
            (re.compile(rf"{B}(?:dans\s+)?(?:la|le)\s+(?P<part>nuit|soirée|matinée|matin\s+même|soir\s+même){E}", re.I), "anapart"),
            (re.compile(rf"{B}(?:l{A})?avenir{E}|{B}(?P<adj>actuel|actuelle|actuels|actuelles){E}", re.I), "future_or_now"),
            (re.compile(rf"{B}(?P<w>annuel|annuelle|annuels|annuelles){E}", re.I), "annual"),
        ]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    return Patterns()


def _number(text: str) -> str:
    t = text.lower().replace(",", ".")
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return t[:-2] if t.endswith(".0") else t
    return words().numbers.get(t, "X")


def _shift_month(d: date, months: int) -> tuple[int, int]:
    m = d.month - 1 + months
    return d.year + m // 12, m % 12 + 1


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _unit_shift(dct: date, n: str, u: str, sign: int) -> str:
    if n == "X" or not n.isdigit():
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    k = int(n) * sign
    if u == "Y":
        return f"{dct.year + k:04d}"
    if u == "M":
        y, m = _shift_month(dct, k)
        return f"{y:04d}-{m:02d}"
    if u == "W":
        return (dct + timedelta(weeks=k)).isoformat()
    if u == "D":
        return (dct + timedelta(days=k)).isoformat()
    if u == "DE":
        return f"{(dct.year + 10 * k) // 10:03d}"
    return "PAST_REF" if sign < 0 else "FUTURE_REF"


def _clock_shift(now: datetime, n: str, u: str, sign: int) -> str | None:
    """'dans une heure', 'il y a dix minutes' from the reference time."""
    if not n.isdigit() or u not in ("H", "MIN"):
        return None
    delta = timedelta(hours=int(n)) if u == "H" else timedelta(minutes=int(n))
    return (now + sign * delta).strftime("%Y-%m-%dT%H:%M")


def _duration(n: str, u: str, demi: bool = False) -> str:
    if u in ("H", "MIN", "S"):
        letter = {"H": "H", "MIN": "M", "S": "S"}[u]
        return f"PT{n}{letter}"
    if u == "DE":
        return f"P{n}DE" if n == "X" else f"P{int(n) * 10}Y"
    if u == "CE":
        return f"P{n}CE" if n == "X" else f"P{int(n) * 100}Y"
    if u == "Q":
        return f"P{int(n) * 3}M" if n.isdigit() else "PXM"
    if demi and n.isdigit():
        return f"P{n}.5{u}"
    return f"P{n}{u}"


def tag_times(text: str, dct: date, now: datetime | None = None) -> list[Hit]:
    """Every time expression of ``text`` (longest first, no overlaps), with values relative to ``dct``
    (and to ``now``, the reference time of day, for "dans une heure")."""
    w = words()
    hits: list[Hit] = []
    for pattern, kind in patterns().rules:
        for m in pattern.finditer(text):
            hit = _normalise(kind, m, dct, w, now)
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


def _normalise(kind: str, m: re.Match[str], dct: date, w: Words, now: datetime | None = None) -> Hit | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    if kind == "iso":
        return Hit(s, e, m.group(0), "DATE")
    if kind == "numeric":
        y = int(g["y"]) + (2000 if len(g["y"]) == 2 and int(g["y"]) < 50 else 1900 if len(g["y"]) == 2 else 0)
        try:
            return Hit(s, e, date(y, int(g["m"]), int(g["d"])).isoformat(), "DATE")
        except ValueError:
            return None
    if kind == "daymonth":
        d = 1 if g["d"].lower() in ("1er", "premier") else int(g["d"])
        mo = MONTHS[g["m"].lower()]
        if g["y"]:
            y = int(g["y"])
        else:
            y = dct.year
            if g["dir"] and g["dir"].lower() == "dernier" and (mo, d) > (dct.month, dct.day):
                y -= 1
            elif g["dir"] and g["dir"].lower() == "prochain" and (mo, d) < (dct.month, dct.day):
                y += 1
        try:
            value = date(y, mo, d).isoformat()
        except ValueError:
            return None
        if g.get("det") and g["det"].lower() == "ce":
            pass
        if not g["y"] and g.get("wd") and not g.get("dir"):
            return Hit(s, e, f"{value}|{WEEKDAYS[g['wd'].lower()]}", "DATE", "daymonth")
        return Hit(s, e, value, "DATE", None if g["y"] else "daymonth")
    if kind == "monthyear":
        y = g["y"].lstrip("'’")
        y = int(y) + (1900 if len(y) == 2 and int(y) >= 50 else 2000 if len(y) == 2 else 0)
        return Hit(s, e, f"{y:04d}-{MONTHS[g['m'].lower()]:02d}", "DATE")
    if kind == "month":
        if not g["m"].islower() or g["m"].endswith("."):
            return None  # "Mars" the planet; "sept." the number
        if g["m"] == "mars" and re.search(r"(planète|sur|vers)\s+$", m.string[max(0, s - 12):s], re.I):
            return None
        mo = MONTHS[g["m"]]
        if g["m"] in ("sept", "mai") and not (g.get("det") or g.get("dir") or g.get("mod")):
            before = m.string[max(0, s - 4):s].lower()
            if g["m"] == "sept" or not re.search(r"(en|de|d'|d’|mi-|fin|but)\s*$", before):
                return None
        y = dct.year
        direction = (g.get("dir") or "").lower()
        if direction == "dernier" and mo >= dct.month:
            y -= 1
        elif direction == "prochain" and mo <= dct.month:
            y += 1
        return Hit(s, e, f"{y:04d}-{mo:02d}", "DATE", None if direction or g.get("det") else "month")
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        if g.get("det") and g["det"].lower() in ("les", "ces") or g["wd"][0].isupper() and s > 0 and m.string[s - 1] not in "\n.!?\"«( " and False:
            return None
        direction = {"précédent": "dernier", "passé": "dernier", "suivant": "prochain"}.get((g.get("dir") or "").lower(), (g.get("dir") or "").lower())
        hit = Hit(s, e, "", "DATE", "weekday")
        hit.value = f"{wd}|{direction}|{(g.get('part') or '').lower()}"
        return hit
    if kind == "year":
        y = int(g["y"])
        if abs(y - dct.year) > 150:
            return None
        text = m.group(0)
        if re.match(r"(?i)(?:les\s+)?années", text):
            return Hit(s, e, f"{y // 10:03d}X", "DATE")
        return Hit(s, e, f"{y:04d}", "DATE")
    if kind == "decade":
        digits = re.search(r"(\d+)0$", g["dec"]).group(1)
        century = "19" if len(digits) == 1 else ""
        return Hit(s, e, f"{century}{digits}X", "DATE")
    if kind == "deictic":
        offset = w.deictic[g["w"].lower().replace("’", "'")]
        value = (dct + timedelta(days=offset)).isoformat()
        if g.get("part"):
            return Hit(s, e, f"{value}T{w.parts[g['part'].lower()]}", "TIME")
        return Hit(s, e, value, "DATE")
    if kind == "thispart":
        return Hit(s, e, f"{dct.isoformat()}T{w.parts[g['part'].lower()]}", "TIME")
    if kind == "relunit":
        u = (g.get("u") or g.get("u2") or "").lower()
        direction = (g.get("dir") or g.get("dir2") or "").lower()
        sign = -1 if direction.startswith(("dern", "pass", "préc", "écoul")) else 1 if direction.startswith(("proch", "suiv")) else 0
        if u in ("an", "année"):
            return Hit(s, e, f"{dct.year + sign:04d}", "DATE")
        if u == "mois":
            y, mo = _shift_month(dct, sign)
            return Hit(s, e, f"{y:04d}-{mo:02d}", "DATE")
        if u == "semaine":
            return Hit(s, e, _week(dct + timedelta(weeks=sign)), "DATE")
        if u == "week-end":
            return Hit(s, e, _week(dct + timedelta(weeks=sign)) + "-WE", "DATE")
        if u == "trimestre":
            q = (dct.month - 1) // 3 + sign
            return Hit(s, e, f"{dct.year + q // 4:04d}-Q{q % 4 + 1}", "DATE")
        if u == "décennie":
            return Hit(s, e, f"{dct.year // 10 + sign:03d}", "DATE")
        if u == "siècle":
            return Hit(s, e, f"{dct.year // 100 + sign:02d}", "DATE")
        return None
    if kind == "whole":
        text = m.group(0).lower()
        if "année" in text:
            return Hit(s, e, f"{dct.year:04d}", "DATE")
        return Hit(s, e, dct.isoformat() if "journée" in text else _week(dct), "DATE")
    if kind in ("ago", "infuture"):
        n = _number(g["n"])
        u = w.units[g["u"].lower()]
        sign = -1 if kind == "ago" else 1
        clock = _clock_shift(now or datetime(dct.year, dct.month, dct.day), n, u, sign)
        if clock:
            return Hit(s, e, clock, "TIME")
        return Hit(s, e, _unit_shift(dct, n, u, sign), "DATE")
    if kind == "duration":
        if g["u"].lower() == "ans" and re.search(AGE_BEFORE, m.string[max(0, s - 40):s], re.I):
            return None  # an age: "un homme de 38 ans", "âgé de 87 ans"
        n = _number(g["n"])
        u = w.units[g["u"].lower()]
        if n != "X" and not re.fullmatch(r"\d+(\.\d+)?", n):
            return None
        return Hit(s, e, _duration(n, u, "demi" in m.group(0).lower()), "DURATION")
    if kind == "set":
        u = w.units.get((g.get("u") or g.get("u2") or "").lower())
        if not u:
            return None
        return Hit(s, e, _duration("1", u), "SET")
    if kind == "clock":
        h = int(g["h"])
        before = m.string[max(0, s - 3):s]
        if re.search(r"\d[\s,.]*$", before):
            return None
        return Hit(s, e, f"{dct.isoformat()}T{h:02d}:{g.get('mi') or '00'}", "TIME", "clock")
    if kind == "ref":
        return Hit(s, e, w.refs[g["w"].lower().replace("’", "'")], "DATE" if "REF" not in w.refs[g["w"].lower().replace("’", "'")] else "TIME")
    if kind == "anaphora":
        return Hit(s, e, "-1" if g.get("prev") else "1" if g.get("next") else "0", "DATE", "anaphora")
    if kind == "season":
        code = {"été": "SU", "hiver": "WI", "automne": "FA", "printemps": "SP"}[g["season"].lower()]
        y = int(g["y"]) if g.get("y") else dct.year + (-1 if (g.get("dir") or "").lower() == "dernier" else 1 if g.get("dir") else 0)
        return Hit(s, e, f"{y:04d}-{code}", "DATE")
    if kind == "recent":
        u = w.units[g["u"].lower()]
        return Hit(s, e, _duration("X", u), "DURATION")
    if kind == "anapart":
        p = g["part"].lower().split()[0]
        return Hit(s, e, "T" + w.parts.get(p, "NI"), "TIME", "part")
    if kind == "future_or_now":
        return Hit(s, e, "PRESENT_REF" if g.get("adj") else "FUTURE_REF", "DATE")
    if kind == "annual":
        return Hit(s, e, "P1Y", "SET")
    if kind == "noon":
        return Hit(s, e, f"{dct.isoformat()}T12:00", "TIME", "clock")
    if kind == "namedperiod":
        value = {"demi-siècle": "P50Y", "semestre": "P6M", "quinquennat": "P5Y", "septennat": "P7Y"}.get(g["w"].lower(), "P5Y")
        return Hit(s, e, value, "DURATION")
    return None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _main_verb(sent: Any) -> Any:
    """The highest finite verb of a sentence (the parser may make a fronted noun its root)."""
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and ("Fin" in t.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in t.children))]
    return min(verbs, key=_depth) if verbs else None


def clause_tense(doc: Any, char: int) -> int:
    """-1 for a past clause, +1 for a future or conditional one, 0 for present or unknown."""
    if doc is None:
        return 0
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    if tok is None or len(tok) == 0:
        return 0
    t = tok[0]
    for _ in range(12):
        finite = "Fin" in t.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in t.children)
        if t.pos_ in ("VERB", "AUX") and finite or t.head.i == t.i:
            break
        t = t.head  # a participle or an infinitive takes the tense of the verb that governs it
    if t.pos_ not in ("VERB", "AUX"):
        t = _main_verb(t.sent) or t
    feats = [t, *[c for c in t.children if c.dep_.startswith("aux")]]
    tenses = {f for x in feats for f in x.morph.get("Tense")}
    moods = {f for x in feats for f in x.morph.get("Mood")}
    if "Fut" in tenses or "Cnd" in moods:
        return 1
    if any(x.dep_.startswith("aux") and x.lemma_ == "aller" for x in feats if x is not t):
        return 1
    if "Past" in tenses or "Imp" in tenses or any(x.dep_.startswith("aux") for x in feats if x is not t):
        return -1
    return 0


def resolve(hits: list[Hit], dct: date, doc: Any = None) -> list[Hit]:
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
        elif h.anchor == "weekday":
            wd, direction, part = h.value.split("|")
            wd_i = int(wd)
            tense = -1 if direction == "dernier" else 1 if direction == "prochain" else clause_tense(doc, h.start)
            back = (dct.weekday() - wd_i) % 7
            fwd = (wd_i - dct.weekday()) % 7
            if direction == "dernier":
                day = dct - timedelta(days=back or 7)
            elif tense < 0:
                day = dct - timedelta(days=back)
            elif tense > 0:
                day = dct + timedelta(days=fwd or 7 if direction == "prochain" else fwd)
            else:  # present tense: in news, the coming day ("Le sommet s'ouvre lundi")
                day = dct + timedelta(days=fwd)
            h.value = day.isoformat() + (f"T{words().parts[part]}" if part else "")
            h.type = "TIME" if part else "DATE"
        elif h.anchor == "anaphora":
            if last_day is None or (h.value != "0" and len(last_day) < 10):
                continue
            h.value = (date.fromisoformat(last_day) + timedelta(days=int(h.value))).isoformat() if h.value != "0" else last_day
        elif h.anchor == "clock" and last_day and len(last_day) >= 10 and h.start - last_pos < 400:
            h.value = last_day[:10] + h.value[10:]
        elif h.anchor == "daymonth" and "|" in h.value:
            # "jeudi 12 septembre": the year, near the publication date, where that day is a Thursday
            value, wd = h.value.split("|")
            mo, d = int(value[5:7]), int(value[8:10])
            years = [y for y in (dct.year, dct.year - 1, dct.year + 1) if _valid(y, mo, d) and date(y, mo, d).weekday() == int(wd)]
            h.value = f"{years[0]:04d}-{mo:02d}-{d:02d}" if years else value
        elif h.anchor in ("daymonth", "month"):
            y = int(h.value[:4])
            if h.anchor == "month" and last_year is not None and last_year != dct.year and h.start - last_year_pos < 600:
                y = last_year  # a narrative anchored in another year ("en 1997 ... en octobre")
            elif doc is not None:
                tense = clause_tense(doc, h.start)
                mo = int(h.value[5:7])
                d = int(h.value[8:10]) if h.anchor == "daymonth" else 15
                gap = (date(y, mo, min(d, 28)) - dct).days
                if tense < 0 and gap > 183:
                    y -= 1
                elif tense > 0 and gap < -183:
                    y += 1
            h.value = f"{y:04d}" + h.value[4:]
        if h.type in ("DATE", "TIME") and re.match(r"\d{4}-\d{2}(-\d{2})?", h.value):
            last_day = h.value[:10] if len(h.value) >= 10 else h.value
            last_pos = h.start
        if h.anchor is None and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", h.value):
            last_year, last_year_pos = int(h.value[:4]), h.start
        out.append(h)
    return out


@stages.register("times.fr.v1")
class TimeStage:
    name = "times"
    requires = ("spacy", "published")
    provides = ("times",)

    def __call__(self, work: Work) -> None:
        from newsgraph.pipeline.actors import document_date, in_non_text

        dct = document_date(work)
        hits = resolve(tag_times(work.match_text, dct), dct, work.spacy)
        n = 0
        for h in hits:
            if in_non_text(work, h.start, h.end) or not h.value:
                continue
            n += 1
            work.times.append(TimeExpr(f"T{n}", work.text[h.start:h.end], h.start, h.end, h.value, h.type))
