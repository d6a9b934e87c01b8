"""The lexicon formats a language folder uses, read into typed tables (the same for every language).

- ``events.tsv`` (or every ``*.tsv`` of ``events/``): lemma, pos, CAMEO code, frame, PLOVER override;
  the header of the French file documents the columns.
- ``reporting.tsv``: lemma, kind, irregular forms.
- ``roles.tsv``: phrase, office, sector, kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.errors import ResourceError
from newsgraph.tables import tsv_rows
from newsgraph.text import norm


@dataclass(frozen=True, slots=True)
class RoleWord:
    phrase: str
    office: str | None
    sector: str | None
    kind: str


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
    """The event lexicon, indexed the way triggers are looked up. A noun of several words ("état
    d'urgence") is indexed by its first word, with the words that must follow it."""

    verbs: dict[str, EventEntry]
    reflexive: dict[str, EventEntry]
    nouns: dict[str, EventEntry]
    locutions: dict[tuple[str, str], EventEntry]
    entries: tuple[EventEntry, ...]
    preps: dict[tuple[str, str], EventEntry] = field(default_factory=dict)  # (verb, preposition): "appeler à"
    long_nouns: dict[str, list[tuple[tuple[str, ...], EventEntry]]] = field(default_factory=dict)  # first word -> (rest, entry)
    long_locutions: dict[tuple[str, str], list[tuple[tuple[str, ...], EventEntry]]] = field(default_factory=dict)
    duplicates: tuple[str, ...] = ()  # entries that repeat a key already defined (the first one wins)
    locution_verbs: frozenset[str] = frozenset()  # the verbs locutions start with: other verbs skip the search


_PHRASE_WORD = re.compile(r"[^\s'’]+['’]?")


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The words of a lexicon phrase as the tokenizer cuts them: "état d'urgence" -> état, d', urgence."""
    return tuple(w.replace("’", "'").lower() for w in _PHRASE_WORD.findall(phrase))


def parse_event_lexicon(files: list[tuple[str, str]], reflexive_base) -> EventLexicon:  # type: ignore[no-untyped-def]
    """Read event lexicon files [(source name, text)]; ``reflexive_base`` is the language's function
    that gives the verb of a reflexive lemma (or None). The first entry of a key wins; later ones are
    listed in ``duplicates``."""
    from newsgraph.cameo import PLOVER_TYPES, plover_for

    verbs: dict[str, EventEntry] = {}
    reflexive: dict[str, EventEntry] = {}
    nouns: dict[str, EventEntry] = {}
    locutions: dict[tuple[str, str], EventEntry] = {}
    preps: dict[tuple[str, str], EventEntry] = {}
    long_nouns: dict[str, list[tuple[tuple[str, ...], EventEntry]]] = {}
    long_locutions: dict[tuple[str, str], list[tuple[tuple[str, ...], EventEntry]]] = {}
    entries: list[EventEntry] = []
    duplicates: list[str] = []
    seen: set[tuple[str, ...]] = set()

    def verb_of(lemma: str) -> str:
        base = reflexive_base(lemma)
        return (base or lemma).split(" ")[-1]  # "s'en prendre" -> prendre

    for source, text in files:
        for number, row in tsv_rows(text, source, 4):
            lemma, pos, cameo, frame = (c.strip() for c in row[:4])
            override = row[4].strip() if len(row) > 4 else ""
            where = f"{source}, line {number}"
            if pos not in ("V", "N", "L", "P") or not cameo.isdigit():
                raise ResourceError(f"{where}: bad entry {row!r} (pos V|N|L|P, numeric CAMEO code)")
            if override:
                parts = (override.split("/") + ["", ""])[:3]
                event, mode, context = parts[0], parts[1] or None, tuple(c for c in parts[2].split(";") if c)
            else:
                code = plover_for(cameo)
                if code is None:
                    raise ResourceError(f"{where}: CAMEO {cameo} of {lemma!r} has no PLOVER type; give one")
                event, mode, context = code.event, code.mode, code.context
            if event not in PLOVER_TYPES:
                raise ResourceError(f"{where}: {event!r} of {lemma!r} is not a PLOVER type")
            slots: dict[str, tuple[str, ...]] = {"A": (), "R": (), "P": ()}
            flags = set()
            for tok in frame.split():
                if "=" in tok:
                    k, v = tok.split("=", 1)
                    if k not in slots:
                        raise ResourceError(f"{where}: frame slot {k!r} is not A, R or P")
                    slots[k] = tuple(v.split("|"))
                else:
                    flags.add(tok)
            unknown = flags - {"RECIP", "EMBED", "NEGEMBED", "REQ"}
            if unknown:
                raise ResourceError(f"{where}: unknown frame flag {sorted(unknown)[0]!r}")
            actor = slots["A"] or ("subj",) if pos in ("V", "L", "P") else slots["A"]
            entry = EventEntry(lemma, pos, cameo, event, mode, context, actor, slots["R"], slots["P"],
                               "RECIP" in flags, "EMBED" in flags, "NEGEMBED" in flags, "REQ" in flags)
            if pos == "L":
                verb, noun = lemma.split("+", 1)
                words = phrase_words(noun)
                key: tuple[str, ...] = ("L", verb_of(verb), *words)
            elif pos == "N":
                words = phrase_words(lemma)
                key = ("N", *words)
            elif pos == "P" and "+" in lemma:
                verb, prep = lemma.split("+", 1)
                key = ("P", verb_of(verb), prep.strip())
            else:
                base = reflexive_base(lemma)
                key = ("R", base) if base is not None else ("V", lemma)
            if key in seen:
                duplicates.append(f"{where}: {lemma!r} ({pos}) repeats an entry")
                continue
            seen.add(key)
            entries.append(entry)
            if key[0] == "L":
                if len(key) == 3:
                    locutions[(key[1], key[2])] = entry
                else:
                    long_locutions.setdefault((key[1], key[2]), []).append((key[3:], entry))
            elif key[0] == "N":
                if len(key) == 2:
                    nouns[key[1]] = entry
                else:
                    long_nouns.setdefault(key[1], []).append((key[2:], entry))
            elif key[0] == "P":
                preps[(key[1], key[2])] = entry
            elif key[0] == "R":
                reflexive[key[1]] = entry
            else:
                verbs[key[1]] = entry
    for table in (long_nouns, long_locutions):
        for options in table.values():
            options.sort(key=lambda o: -len(o[0]))  # the longest phrase first
    return EventLexicon(verbs, reflexive, nouns, locutions, tuple(entries), preps, long_nouns, long_locutions, tuple(duplicates),
                        frozenset(v for v, _ in locutions) | frozenset(v for v, _ in long_locutions))


def parse_roles(text: str, source: str) -> dict[str, RoleWord]:
    out = {}
    for _, row in tsv_rows(text, source, 4):
        phrase, office, sector, kind = row[:4]
        out[norm(phrase)] = RoleWord(phrase, None if office == "-" else office, None if sector == "-" else sector, kind)
    return out


def parse_reporting(text: str, source: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(lemma -> kind, lemma -> irregular forms) of the reporting verbs."""
    kinds: dict[str, str] = {}
    irregular: dict[str, tuple[str, ...]] = {}
    for _, row in tsv_rows(text, source, 2):
        kinds[row[0]] = row[1]
        if len(row) > 2 and row[2].strip():
            irregular[row[0]] = tuple(f.strip() for f in row[2].split("|") if f.strip())
    return kinds, irregular
