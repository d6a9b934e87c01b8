"""Loaders for the French data files of this folder (each read once per process)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.errors import ResourceError


def read_table(name: str, min_cols: int) -> list[list[str]]:
    from newsgraph.tables import tsv_rows

    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    return [cols for _, cols in tsv_rows(text, f"lang/fr/{name}", min_cols)]


@dataclass(frozen=True, slots=True)
class RoleWord:
    phrase: str
    office: str | None
    sector: str | None
    kind: str


@lru_cache(maxsize=1)
def role_words() -> dict[str, RoleWord]:
    from newsgraph.actorbase import norm

    out = {}
    for phrase, office, sector, kind in (r[:4] for r in read_table("roles.tsv", 4)):
        out[norm(phrase)] = RoleWord(phrase, None if office == "-" else office, None if sector == "-" else sector, kind)
    return out


@lru_cache(maxsize=1)
def leader_offices() -> dict[str, str]:
    return {iso3: office for iso3, office in (r[:2] for r in read_table("leaders.tsv", 2))}


@lru_cache(maxsize=1)
def epithets() -> dict[str, tuple[str, str | None]]:
    from newsgraph.actorbase import norm

    out = {}
    for row in read_table("epithets.tsv", 2):
        out[norm(row[0])] = (row[1], (row[2] if len(row) > 2 and row[2] else None))
    return out


@lru_cache(maxsize=1)
def named_after_place() -> frozenset[str]:
    """Nouns whose "de <place>" names them ("l'accord de Paris"): the place there does not act."""
    return frozenset(r[0].lower() for r in read_table("named_after.tsv", 1))


@lru_cache(maxsize=1)
def description_prefixes() -> frozenset[str]:
    """Every word prefix of a role phrase or an epithet: a phrase that is none of them cannot grow into one."""
    out: set[str] = set()
    for phrase in [*role_words(), *epithets()]:
        words = phrase.split(" ")
        out.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class EventEntry:
    lemma: str
    pos: str  # V N L P
    cameo: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    participants: tuple[str, ...]
    recip: bool
    embed: bool
    negembed: bool
    required: bool

    @property
    def label(self) -> str:
        return f"{self.event}/{self.mode or '-'}/{self.cameo}"


@dataclass(frozen=True, slots=True)
class EventLexicon:
    verbs: dict[str, EventEntry]
    reflexive: dict[str, EventEntry]
    nouns: dict[str, EventEntry]
    locutions: dict[tuple[str, str], EventEntry]
    entries: tuple[EventEntry, ...]


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    from newsgraph.cameo import PLOVER_TYPES, plover_for

    verbs, reflexive, nouns, locutions, entries = {}, {}, {}, {}, []
    for number, row in enumerate(read_table("events.tsv", 4), start=1):
        lemma, pos, cameo, frame = (c.strip() for c in row[:4])
        override = row[4].strip() if len(row) > 4 else ""
        if pos not in ("V", "N", "L", "P") or not cameo.isdigit():
            raise ResourceError(f"lang/fr/events.tsv: bad entry {row!r} (pos V|N|L|P, numeric CAMEO code)")
        if override:
            parts = (override.split("/") + ["", ""])[:3]
            event, mode, context = parts[0], parts[1] or None, tuple(c for c in parts[2].split(";") if c)
        else:
            code = plover_for(cameo)
            if code is None:
                raise ResourceError(f"lang/fr/events.tsv: CAMEO {cameo} of {lemma!r} has no PLOVER type; give one")
            event, mode, context = code.event, code.mode, code.context
        if event not in PLOVER_TYPES:
            raise ResourceError(f"lang/fr/events.tsv: {event!r} of {lemma!r} is not a PLOVER type")
        slots: dict[str, tuple[str, ...]] = {"A": (), "R": (), "P": ()}
        flags = set()
        for tok in frame.split():
            if "=" in tok:
                k, v = tok.split("=", 1)
                slots[k] = tuple(v.split("|"))
            else:
                flags.add(tok)
        entry = EventEntry(lemma, pos, cameo, event, mode, context, slots["A"] or ("subj",) if pos in ("V", "L", "P") else slots["A"],
                           slots["R"], slots["P"], "RECIP" in flags, "EMBED" in flags, "NEGEMBED" in flags, "REQ" in flags)
        entries.append(entry)
        if pos == "L":
            verb, noun = lemma.split("+", 1)
            locutions[(verb, noun)] = entry
        elif pos == "N":
            nouns[lemma] = entry
        elif lemma.startswith(("se ", "s'")):
            reflexive[lemma.split(" ", 1)[1] if lemma.startswith("se ") else lemma[2:]] = entry
        else:
            verbs[lemma] = entry
    return EventLexicon(verbs, reflexive, nouns, locutions, tuple(entries))


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """Reporting verb lemma -> kind (say, accuse, deny, ...), from reporting.tsv."""
    return {row[0]: row[1] for row in read_table("reporting.tsv", 2)}
