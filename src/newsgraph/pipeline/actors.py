"""The actor stage: every mention resolved to a canonical actor with a CAMEO code.

Mentions come from four sources, merged in text order:
1. names and aliases of the actor base (countries, organisations, people, seats of power), matched on
   tokens, so that the base corrects the statistical NER ("Shoigu" tagged LOC, "Kim Jong" cut short);
2. spaCy PER/ORG entities the base does not know: partial names and surnames of people already named
   in the document, else document-level actors whose country and sector come from their description;
3. descriptions: role words with a country ("le président russe", "le régime nord-coréen",
   "son homologue nord-coréen"), demonym nouns ("le Russe"), capitals and epithets;
4. subject pronouns, to the last compatible subject.
Each actor carries a ``why``; each link is recorded in ``work.notes`` for the later stages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsgraph.actorbase import ActorBase, Entry, actor_base, norm
from newsgraph.lang.fr.lexicon import RoleWord, description_prefixes, epithets, leader_offices, role_words
from newsgraph.model import Actor, Mention
from newsgraph.pipeline.work import Work
from newsgraph.registry import stages

MAX_NAME_TOKENS = 9
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "obl:agent"}
PRONOUNS = {"il": ("Masc", "Sing"), "elle": ("Fem", "Sing"), "ils": ("Masc", "Plur"), "elles": ("Fem", "Plur")}
DEMONYM_DETS = {"le", "la", "l'"}


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "x"


def in_non_text(work: Work, start: int, end: int) -> bool:
    return any(n.start < end and start < n.end for n in work.non_text)


def document_date(work: Work) -> date:
    if work.published:
        try:
            return date.fromisoformat(work.published[:10])
        except ValueError:
            pass
    return date.today()


@dataclass
class Info:
    """A document actor before ids are given."""

    key: str
    name: str
    kind: str
    code: str | None
    country: str | None
    wikidata: str | None
    canonical: str
    why: str
    office: str | None = None
    role: str | None = None


@dataclass
class Found:
    t0: int
    t1: int
    start: int
    end: int
    how: str
    key: str | None = None
    resolve: Any = None  # callable(history) -> key | None, for context-dependent mentions
    sent: int = 0
    head: int = 0


@dataclass
class Resolver:
    work: Work
    base: ActorBase
    on: date
    infos: dict[str, Info] = field(default_factory=dict)
    found: list[Found] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
    at_token: dict[int, Found] = field(default_factory=dict)

    # -- actors ---------------------------------------------------------------------------------
    def from_entry(self, entry: Entry, why: str) -> str:
        if entry.key not in self.infos:
            code = entry.code_on(self.on)
            current = sorted(entry.offices_on(self.on)) if entry.kind == "person" else []
            detail = f"; {'/'.join(current)} of {entry.country} on {self.on}" if current else ""
            self.infos[entry.key] = Info(entry.key, entry.name, entry.kind, code, entry.country, entry.wikidata, entry.canonical,
                                         why + detail, office=current[0] if current else None)
        return entry.key

    def collective(self, iso3: str | None, sector: str | None, kind: str, text: str, why: str, org_code: str | None = None,
                   role: str | None = None) -> str:
        code = org_code or (f"{iso3}{sector or ''}" if iso3 else None)
        key = f"coll:{(code or slug(text)).lower()}"
        if key not in self.infos:
            country_name = self.base.entries[iso3.lower()].name if iso3 and iso3.lower() in self.base.entries else None
            name = text if not country_name else f"{text} ({country_name})" if country_name.lower() not in text.lower() else text
            self.infos[key] = Info(key, name, kind, code, iso3, None, f"ng:{(code or slug(text)).lower()}", why, role=role)
        return key

    def unknown_person(self, name: str, iso3: str | None, sector: str | None, why: str) -> str:
        key = f"per:{slug(name)}"
        if key not in self.infos:
            code = f"{iso3}{sector or ''}" if iso3 else None
            self.infos[key] = Info(key, name, "person", code, iso3, None, f"ng:{slug(name)}", why)
        return key

    # -- mentions -------------------------------------------------------------------------------
    def add(self, f: Found) -> None:
        if any(i in self.taken for i in range(f.t0, f.t1)):
            return
        self.taken.update(range(f.t0, f.t1))
        self.found.append(f)
        for i in range(f.t0, f.t1):
            self.at_token[i] = f


def _sent_index(doc: Any) -> list[int]:
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index


def _span_head(doc: Any, t0: int, t1: int) -> int:
    for i in range(t0, t1):
        head = doc[i].head.i
        if not (t0 <= head < t1) or head == i:
            return i
    return t0


_WORD = re.compile(r"[^\W\d_]+")


def form_ok(form: str, text: str) -> bool:
    """Case rules: an acronym matches only itself; each capitalised word of a name only a
    capitalised word ("La Réunion" is not "La réunion")."""
    letters = [c for c in form if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
        return text.replace("’", "'") == form
    fw, tw = _WORD.findall(form), _WORD.findall(text)
    if len(fw) == len(tw):
        return all(not a[:1].isupper() or b[:1].isupper() for a, b in zip(fw, tw))
    return not form[:1].isupper() or text[:1].isupper()


@dataclass(frozen=True)
class TokenTable:
    """Plain per-token arrays of a parse, built once, so that n-gram matching creates no spaCy objects."""

    starts: list[int]
    ends: list[int]
    skip_end: list[bool]  # punctuation or space: no name ends on it
    first: list[str]  # first word of the token's matching key
    keys: list[str]  # the token's matching key
    lower_initial: list[bool]  # the token starts with a lowercase letter

    @classmethod
    def of(cls, doc: Any) -> TokenTable:
        cached = doc.user_data.get("newsgraph_tokens")
        if cached is None:
            from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, ORTH

            strings = doc.vocab.strings
            table = doc.to_array([IDX, ORTH, IS_PUNCT, IS_SPACE])  # no Token object per word
            starts = table[:, 0].tolist()
            texts = [strings[o] for o in table[:, 1].tolist()]
            ends = [s + len(t) for s, t in zip(starts, texts)]
            skip = [bool(p or sp) for p, sp in zip(table[:, 2].tolist(), table[:, 3].tolist())]
            keys = [norm(t) for t in texts]
            first = [k.split(" ")[0] if t.strip() else "" for k, t in zip(keys, texts)]
            lower = [t[:1].islower() for t in texts]
            cached = cls(starts, ends, skip, first, keys, lower)
            doc.user_data["newsgraph_tokens"] = cached
        return cached


def longest_match(text: str, table: TokenTable, i: int, max_tokens: int, accept: Any,
                  prefixes: Any = None) -> tuple[int, str] | None:
    """The longest n-gram from token i whose text ``accept(key, surface)`` takes: (n, key).
    With ``prefixes`` (a container of every prefix of the keys ``accept`` can take), the n-grams are
    read from the shortest and the search stops as soon as no key can start with the one read."""
    last = min(max_tokens, len(table.starts) - i)
    if prefixes is None:
        for n in range(last, 0, -1):
            j = i + n - 1
            if table.skip_end[j]:
                continue
            surface = text[table.starts[i]:table.ends[j]]
            if "\n" in surface:
                continue
            key = norm(surface)
            if accept(key, surface):
                return n, key
        return None
    best = None
    for n in range(1, last + 1):
        j = i + n - 1
        if table.skip_end[j]:
            continue
        surface = text[table.starts[i]:table.ends[j]]
        if "\n" in surface:
            break  # every longer n-gram holds the line break too
        key = norm(surface)
        if key not in prefixes:
            break  # the key of a longer n-gram starts with this one
        if accept(key, surface):
            best = (n, key)
    return best


def match_names(r: Resolver, doc: Any, per_spans: list[tuple[int, int]]) -> None:
    """Longest base names over the tokens, left to right."""
    base = r.base
    forms = base.forms
    text = r.work.text
    table = TokenTable.of(doc)
    i = 0
    n_tok = len(doc)
    capitals_first = base.capitals_first
    prefixes = base.prefixes()

    def accept(key: str, surface: str) -> bool:
        return (key in base.index and any(form_ok(f, surface) for f in forms.get(key, ()))) or \
            (key in base.capitals and surface[:1].isupper())

    while i < n_tok:
        first = table.first[i]
        if not first or (first not in base.first_words and first not in capitals_first):
            i += 1
            continue
        found = longest_match(text, table, i, MAX_NAME_TOKENS, accept, prefixes)
        if found is None:
            i += 1
            continue
        n, key = found
        hit = ("name" if key in base.index and any(form_ok(f, text[table.starts[i]:table.ends[i + n - 1]]) for f in forms.get(key, ()))
               else "capital", n, key)
        kind, n, key = hit
        start, end = doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1].text)
        if in_non_text(r.work, start, end):
            i += n
            continue
        inside_person = any(s <= i and i + n <= e and (e - s) > n for s, e in per_spans)
        if kind == "capital":
            if not inside_person:
                _capital(r, doc, i, n, key, start, end)
            i += n
            continue
        entries = base.lookup(doc[i:i + n].text)
        non_people = [e for e in entries if e.kind != "person"]
        if inside_person and non_people and len(non_people) == len(entries):
            i += n  # "Washington" inside "Denzel Washington"
            continue
        surface = text[start:end]
        if non_people:
            entry = non_people[0]
            how = "name" if norm(entry.name) == key else "alias"
            r.add(Found(i, i + n, start, end, how, key=r.from_entry(entry, f"{how} {surface!r} in actor base")))
        else:
            people = entries
            single = n == 1
            r.add(Found(i, i + n, start, end, "name" if not single else "alias",
                        resolve=_person_choice(r, people, surface, needs_history=single and _common_word(surface))))
        i += n


def _common_word(word: str) -> bool:
    from newsgraph.pipeline.repair import zipf

    w = word.lower()
    return max(zipf(w), zipf(w, "en")) >= 4.0


def _person_choice(r: Resolver, people: list[Entry], surface: str, needs_history: bool = False):
    def choose(history: list[str]) -> str | None:
        seen = [k for k in reversed(history) if any(p.key == k for p in people)]
        if seen:
            return seen[0]
        if needs_history:
            return None
        current = [p for p in people if p.offices_on(r.on)]
        pick = (current or people)[0]
        return r.from_entry(pick, f"alias {surface!r} in actor base")
    return choose


def part_of_longer_name(tok: Any) -> bool:
    """A name word followed by another capitalised name word of the same name ("Paris Saint-Germain")."""
    return any(c.dep_ in ("flat:name", "flat") and c.i == tok.i + 1 and c.text[:1].isupper() for c in tok.children)


def _capital(r: Resolver, doc: Any, i: int, n: int, key: str, start: int, end: int) -> None:
    """A capital acting (subject, agent, or coordinated with one) stands for its government."""
    head = doc[_span_head(doc, i, i + n)]
    if part_of_longer_name(head):
        return  # "Paris Saint-Germain", "Londres Heathrow"
    dep = head.dep_
    acting = dep in SUBJECT_DEPS or (dep == "conj" and head.head.dep_ in SUBJECT_DEPS)
    if head.dep_ == "nmod" and norm(head.head.text) in role_words():
        acting = True  # "les dirigeants de Moscou"
    if not acting:
        return
    iso3 = r.base.capitals[key]
    surface = r.work.text[start:end]
    akey = r.collective(iso3, "GOV", "organization", "gouvernement",
                        f"capital {surface!r} as acting subject -> government of {iso3}")
    r.add(Found(i, i + n, start, end, "alias", key=akey))


def match_entities(r: Resolver, doc: Any) -> None:
    """spaCy PER and ORG entities that the base did not cover."""
    text = r.work.text
    for ent in doc.ents:
        if ent.label_ not in ("PER", "ORG") or in_non_text(r.work, ent.start_char, ent.end_char):
            continue
        if any(i in r.taken for i in range(ent.start, ent.end)):
            continue
        surface = text[ent.start_char:ent.end_char]
        key = norm(surface)
        if not key or not surface[:1].isupper():
            continue
        if ent.label_ == "PER":
            prefixed = _extend_partial(r, key)
            r.add(Found(ent.start, ent.end, ent.start_char, ent.end_char, "alias",
                        resolve=_surname_choice(r, doc, ent.start, ent.end, surface, prefixed)))
        else:
            iso3, sector = _context(r, doc, ent.start, ent.end, inside=True)
            akey = r.collective(iso3, sector, "organization", surface,
                                f"organisation {surface!r} not in actor base" + (f"; country {iso3} from its name" if iso3 else ""),
                                ) if iso3 else _unknown_org(r, surface)
            r.add(Found(ent.start, ent.end, ent.start_char, ent.end_char, "name", key=akey))


def _unknown_org(r: Resolver, surface: str) -> str:
    key = f"org:{slug(surface)}"
    if key not in r.infos:
        r.infos[key] = Info(key, surface, "organization", None, None, None, f"ng:{slug(surface)}",
                            f"organisation {surface!r} not in actor base; no country in the text")
    return key


def _extend_partial(r: Resolver, key: str) -> list[Entry]:
    """People whose name starts with this partial name ("Kim Jong" -> Kim Jong-un, Kim Jong-il)."""
    if len(key.split()) < 2:
        return []
    out = []
    for k in r.base.keys_starting_with(key + " "):
        out.extend(r.base.entries[x] for x in r.base.index[k] if r.base.entries[x].kind == "person")
    return list({e.key: e for e in out}.values())


def _surname_choice(r: Resolver, doc: Any, t0: int, t1: int, surface: str, prefixed: list[Entry]):
    words = set(norm(surface).split())

    def choose(history: list[str]) -> str | None:
        if prefixed:
            seen = [k for k in reversed(history) if any(p.key == k for p in prefixed)]
            if seen:
                return seen[0]
            current = [p for p in prefixed if p.offices_on(r.on)]
            return r.from_entry((current or prefixed)[0], f"partial name {surface!r} extended by actor base")
        # a surname or part of the name of someone already named: the current office holder first,
        # then the most recent ("l'actuel Kim" after "Kim Il-sung")
        candidates = []
        for k in dict.fromkeys(reversed(history)):
            info = r.infos[k]
            if info.kind == "person" and words <= set(norm(info.name).split()) | _alias_words(r, k):
                candidates.append(k)
        if candidates:
            holding = [k for k in candidates if k in r.base.entries and r.base.entries[k].offices_on(r.on)]
            return (holding or candidates)[0]
        iso3, sector = _context(r, doc, t0, t1)
        where = f"; {iso3}{sector or ''} from its description" if iso3 else "; no description in the text"
        return r.unknown_person(surface, iso3, sector, f"person {surface!r} not in actor base{where}")
    return choose


def _alias_words(r: Resolver, key: str) -> set[str]:
    entry = r.base.entries.get(key)
    if not entry:
        return set()
    return {w for a in entry.aliases for w in norm(a).split()}


# -- descriptions --------------------------------------------------------------------------------
def _country_of_token(r: Resolver, tok: Any) -> tuple[str | None, str | None]:
    """(iso3, org code) that one token stands for: an adjective, or a mention already found."""
    k = norm(tok.text)
    if k in r.base.adjectives and tok.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and tok.text[:1].islower():
        return r.base.adjectives[k], None
    f = r.at_token.get(tok.i)
    if f is not None and f.key:
        info = r.infos[f.key]
        if info.kind == "organization" and info.code and info.code[:3] in ("IGO", "NGO", "IMG"):
            return None, info.code
        return info.country, (info.code if info.kind == "organization" else None)
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        from newsgraph.gazetteer import gazetteer

        from newsgraph.pipeline.repair import zipf

        place = gazetteer().lookup(tok.text)
        if place is not None and place.country and (place.type in ("region", "disputed") or place.type == "city" and place.population >= 200_000
                                                    and zipf(tok.lower_) < 3.5 and zipf(tok.lower_, "en") < 3.5):
            return place.country, None  # "les séparatistes du Donbass"; not "Union" (a town in the US)
    return None, None


def _context(r: Resolver, doc: Any, t0: int, t1: int, inside: bool = False) -> tuple[str | None, str | None]:
    """Country and sector of an unknown name from its own words or the role phrase around it."""
    sent = doc[t0].sent
    lo = t0 if inside else max(sent.start, t0 - 12)
    hi = t1 if inside else min(sent.end, t1 + 10)
    if not inside:
        # the description is in the name's own clause: "le ministre brésilien de l'Agriculture, X",
        # not "Paris Saint-Germain remporte le record pour signer X"
        for i in range(t0 - 1, lo - 1, -1):
            if doc[i].pos_ in ("VERB", "AUX"):
                lo = i + 1
                break
    iso3 = sector = None
    roles = role_words()
    for i in range(lo, hi):
        tok = doc[i]
        if not inside and i >= t1 and tok.pos_ == "VERB":
            break
        c, org = _country_of_token(r, tok)
        if org and not iso3:
            iso3, sector = org[:3], org[3:6] or sector
        if c and not iso3:
            iso3 = c
        rw = roles.get(norm(tok.text))
        if rw and rw.sector and not sector:
            sector = rw.sector
    return iso3, sector


def match_descriptions(r: Resolver, doc: Any, sents: list[int]) -> None:
    roles = role_words()
    eps = epithets()
    prefixes = description_prefixes()
    table = TokenTable.of(doc)
    i = 0
    while i < len(doc):
        if i in r.taken or table.keys[i].split(" ")[0] not in prefixes:
            i += 1
            continue
        tok = doc[i]
        # role phrase (country adjectives inside are skipped: "ministre russe de la Défense")
        words, idx, country = [], [], None
        best = None
        j = i
        while j < len(doc) and len(idx) < 7 and j not in r.taken:
            k = table.keys[j]
            if not k:
                break
            if idx and k in r.base.adjectives and table.lower_initial[j]:
                country = country or r.base.adjectives[k]
                j += 1
                continue
            words.append(k)
            idx.append(j)
            phrase = " ".join(words)
            if phrase not in prefixes:
                break
            if phrase in roles:
                best = (roles[phrase], list(idx), country)
            if phrase in eps:
                best = ("epithet", list(idx), eps[phrase])
            j += 1
        if best is None or tok.pos_ not in ("NOUN", "PROPN", "ADJ", "ADV"):
            i += 1
            continue
        rw, idx, country = best
        t0, t1 = idx[0], idx[-1] + 1
        if rw == "epithet":
            iso3, sector = country
            start, end = doc[t0].idx, doc[t1 - 1].idx + len(doc[t1 - 1].text)
            if doc[t0 - 1].lower_ in ("le", "la", "l'", "l’") if t0 > 0 else False:
                key = r.collective(iso3, sector, "country", r.work.text[start:end], f"epithet {r.work.text[start:end]!r} for {iso3}") \
                    if sector else r.from_entry(r.base.entries[iso3.lower()], f"epithet {r.work.text[start:end]!r} in lang/fr/epithets.tsv")
                r.add(Found(t0, t1, start, end, "description", key=key, sent=sents[t0], head=t0))
            i = t1
            continue
        _describe(r, doc, rw, t0, t1, country, sents)
        i = max(t1, i + 1)
    _demonym_nouns(r, doc, sents)
    _anaphors(r, doc, sents)


ANAPHOR_NOUNS = {"organisation": ("organization", "group"), "groupe": ("group", "organization"), "mouvement": ("group", "organization"),
                 "milice": ("group",), "formation": ("group", "organization"), "alliance": ("organization",)}


def _anaphors(r: Resolver, doc: Any, sents: list[int]) -> None:
    """'cette dernière' is the last actor named; 'l'organisation' the last organisation or group."""
    for tok in doc:
        if tok.i in r.taken or tok.i == 0:
            continue
        prev = doc[tok.i - 1].lower_.replace("’", "'")
        low = tok.lower_
        kinds: tuple[str, ...] | None = None
        if low in ("dernier", "dernière", "derniers", "dernières") and prev in ("ce", "cette", "ces") and (
                tok.dep_ in SUBJECT_DEPS | {"obj", "nmod", "obl"}
                or tok.dep_ == "obl:mod" and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ not in ("NOUN", "PROPN")):
            kinds = ("person", "country", "organization", "group")
        elif low in ANAPHOR_NOUNS and prev in ("l'", "le", "la", "cette", "ce") and tok.dep_ in SUBJECT_DEPS | {"obj", "obl:agent", "iobj", "obl:arg"} \
                and not any(c.dep_ in ("nmod", "amod", "appos", "flat:name") for c in tok.children):
            kinds = ANAPHOR_NOUNS[low]
        if kinds is None:
            continue
        f = Found(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), "description", sent=sents[tok.i], head=tok.i)
        if low.startswith("derni"):
            # "cette dernière" is the last actor named that agrees with it: "la Russie", not "les séparatistes"
            f.resolve = ("latter", (("Fem" if "dernière" in low else "Masc"), ("Plur" if low.endswith("s") else "Sing")))
        else:
            f.resolve = _lookback(r, lambda i, kinds=kinds: i.kind in kinds, tok.text)
        r.add(f)


def _describe(r: Resolver, doc: Any, rw: RoleWord, t0: int, t1: int, country: str | None, sents: list[int]) -> None:
    head = doc[t0]
    org_code = None
    last = t1 - 1
    # a country adjective right after the phrase, or in its modifiers ("de la Russie", "de Moscou")
    # what a clause attached to the head says is not the head's provenance: "des milices soutenues
    # par l'Iran" are not Iranian (a conjunct's complement may be shared: "l'armée et les autorités de Kiev")
    skipped = {t.i for c in head.children if c.dep_ in ("acl", "acl:relcl") for t in c.subtree}
    for child in sorted(head.subtree, key=lambda t: t.i):
        if child.i < t0 or child.i in skipped or child.dep_ in ("appos", "conj", "punct", "cc") and child.head.i == head.i:
            continue
        if child.dep_ in ("nmod", "obl", "obl:mod") and _case(child) not in ("de", "du", "des", "d'", "en", None):
            continue  # "les séparatistes comme la Russie": a comparison names no provenance
        if child.i >= t1 + 8:
            break
        c, org = _country_of_token(r, child)
        if (c or org) and child.head.i in (head.i, *range(t0, t1)) or (c or org) and child.head.head.i == head.i:
            country = country or c
            org_code = org_code or org
            if child.i not in r.taken and child.i == last + 1:
                last = child.i  # an adjective right after the phrase belongs to the mention
            if country:
                break
    if not country and t1 < len(doc):
        c, org = _country_of_token(r, doc[t1])
        country, org_code = c, org_code or org
        if c or org:
            last = t1
    start, end = doc[t0].idx, doc[last].idx + len(doc[last].text)
    surface = r.work.text[start:end]
    plural = head.morph.get("Number") == ["Plur"]
    f = Found(t0, last + 1, start, end, "description", sent=sents[t0], head=t0)

    if rw.kind == "person" and rw.office:
        f.resolve = _office_choice(r, rw, country, org_code, surface, plural)
    elif rw.kind == "country":
        if not country:
            if not _definite(doc, t0) or any(c.dep_ in ("amod", "nmod") for c in head.children):
                return  # "le peuple coréen": a modifier we cannot read is no anaphor
            f.resolve = _lookback(r, lambda i: i.kind == "country", surface)  # "le pays"
        else:
            f.key = r.from_entry(r.base.entries[country.lower()], f"description {surface!r} -> country {country}")
    elif rw.kind == "person":
        if not (country or org_code):
            return
        f.resolve = _description_person(r, rw, country, org_code, surface)
    else:
        if not (country or org_code):
            if not _definite(doc, t0) or any(c.dep_ in ("amod",) and c.text[:1].islower() and c.pos_ == "ADJ"
                                             and norm(c.text) not in ("separatistes", "armees", "rebelles") for c in head.children):
                return
            # "les séparatistes" after "les séparatistes du Donbass": the same collective
            f.resolve = _lookback(r, lambda i, rw=rw: i.code is not None and (i.role == rw.phrase or (
                rw.sector in ("REB", "OPP", "CVL", "MIL") and i.code[3:6] == rw.sector and i.kind == rw.kind)), surface)
        else:
            code = org_code if org_code and not country else None
            f.key = r.collective(country, rw.sector, rw.kind, _strip_det(surface),
                                 f"description {surface!r}: '{rw.phrase}' -> sector {rw.sector}, country {country or org_code}", code,
                                 role=rw.phrase)
    r.add(f)


def _definite(doc: Any, t0: int) -> bool:
    return t0 > 0 and doc[t0 - 1].lower_.replace("’", "'") in ("le", "la", "les", "l'", "ces", "cette", "ce", "aux", "au", "du", "des")


def _lookback(r: Resolver, accept: Any, surface: str):
    def choose(history: list[str]) -> str | None:
        for k in reversed(history[-40:]):
            if accept(r.infos[k]):
                return k
        return None
    return choose


def _case(tok: Any) -> str | None:
    for c in tok.children:
        if c.dep_ in ("case", "fixed") and c.i < tok.i:
            return c.lower_.replace("’", "'")
    return None


def _strip_det(text: str) -> str:
    return re.sub(r"^(le|la|les|l['’])\s*", "", text, flags=re.I)


def _office_choice(r: Resolver, rw: RoleWord, country: str | None, org_code: str | None, surface: str, plural: bool):
    def choose(history: list[str]) -> str | None:
        office = rw.office
        if office == "COUNTERPART":
            previous = [r.infos[k] for k in reversed(history) if r.infos[k].kind == "person" and r.infos[k].office]
            office = previous[0].office if previous else "LEADER"
            if country is None and previous:
                return None
        if office == "LEADER":
            office = leader_offices().get(country or "", "HOS")
        if plural:
            return r.collective(country, rw.sector, "group", _strip_det(surface), f"description {surface!r}") if country else None
        org_key = None
        if org_code and not country:
            org_key = next((e.key for e in r.base.entries.values() if e.code == org_code and e.kind == "organization"), None)
        holders = r.base.holders("HEAD" if org_key else office, country, r.on, org=org_key) if (country or org_key) else []
        if not holders and office in ("HOS", "HOG", "HEAD") and (country or org_key):
            holders = r.base.holders("HOG" if office == "HOS" else "HOS", country, r.on) if country else []
        if len(holders) >= 1 and (country or org_key):
            return r.from_entry(holders[0], f"description {surface!r} -> {office} of {country or org_code} on {r.on}")
        if country is None and org_key is None:
            # "le président" alone: the last person named with that office
            same = [k for k in reversed(history) if r.infos[k].kind == "person" and r.infos[k].office == office]
            return same[0] if same else None
        return r.collective(country, rw.sector, "person", _strip_det(surface),
                            f"description {surface!r}: no {office} of {country} on {r.on} in actor base")
    return choose


def _description_person(r: Resolver, rw: RoleWord, country: str | None, org_code: str | None, surface: str):
    def choose(history: list[str]) -> str | None:
        code = org_code if org_code and not country else None
        return r.collective(country, rw.sector, "group", _strip_det(surface), f"description {surface!r}: sector {rw.sector}", code)
    return choose


def _demonym_nouns(r: Resolver, doc: Any, sents: list[int]) -> None:
    """'le Russe' is a person of that country named before; 'les Russes' is the country."""
    keys = TokenTable.of(doc).keys
    adjectives = r.base.adjectives
    for i in range(1, len(doc)):
        iso3 = adjectives.get(keys[i])
        if not iso3 or i in r.taken:
            continue
        tok = doc[i]
        if not tok.text[:1].isupper():
            continue
        det = doc[tok.i - 1].lower_.replace("’", "'")
        start, end = tok.idx, tok.idx + len(tok.text)
        f = Found(tok.i, tok.i + 1, start, end, "description", sent=sents[tok.i], head=tok.i)
        if det == "les" or tok.morph.get("Number") == ["Plur"]:
            f.key = r.from_entry(r.base.entries[iso3.lower()], f"demonym {tok.text!r} -> {iso3}")
        elif det in DEMONYM_DETS:
            def choose(history: list[str], iso3: str = iso3, text: str = tok.text) -> str | None:
                people = [k for k in reversed(history) if r.infos[k].kind == "person" and r.infos[k].country == iso3]
                return people[0] if people else r.from_entry(r.base.entries[iso3.lower()], f"demonym {text!r} -> {iso3}")
            f.resolve = choose
        else:
            continue
        r.add(f)


def match_pronouns(r: Resolver, doc: Any, sents: list[int]) -> None:
    keys = TokenTable.of(doc).keys
    for i in range(len(doc)):
        if keys[i] not in PRONOUNS or i in r.taken:
            continue
        tok = doc[i]
        if tok.pos_ != "PRON" or tok.dep_ not in ("nsubj", "nsubj:pass"):
            continue
        feats = PRONOUNS.get(tok.lower_)
        if not feats:
            continue
        f = Found(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), "pronoun", sent=sents[tok.i], head=tok.i)
        f.resolve = ("pronoun", feats)
        r.add(f)


def agreement(tok: Any) -> tuple[str | None, str | None]:
    """Gender and number of a mention's head, from its morphology or else its determiner ("la Russie")."""
    g = tok.morph.get("Gender")
    n = tok.morph.get("Number")
    gender, number = (g[0] if g else None), (n[0] if n else None)
    for c in tok.children:
        if c.dep_ == "det" and c.i < tok.i:
            det = c.lower_
            if det in ("la", "cette", "une", "sa") and gender is None:
                gender = "Fem"
            elif det in ("le", "ce", "un", "son", "du", "au") and gender is None:
                gender = "Masc"
            if det in ("les", "ces", "des", "aux", "leurs", "ses") and number is None:
                number = "Plur"
    return gender, number


def _resolve_latter(r: Resolver, f: Found, feats: tuple[str, str], resolved: list[tuple[Found, str]], doc: Any) -> str | None:
    """'ce dernier' is the last noun phrase before it that agrees with it: an actor's mention, or
    else no actor ("la région orientale du Donbass. Cette dernière est coupée en deux")."""
    from newsgraph.lang.fr.calendar import MONTHS, WEEKDAYS

    gender, number = feats

    def agrees(tok: Any, key: str | None) -> bool:
        # one of several is no antecedent ("ce dernier" is not a coordination); a person's name may
        # carry no number
        if tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children):
            return False
        g, n = agreement(tok)
        if (n or "Sing") != number and not (key is not None and r.infos[key].kind == "person" and n is None):
            return False
        return g is None or g == gender

    covering = {i: key for prev, key in resolved for i in range(prev.t0, prev.t1)}
    start = doc[f.t0].sent.start
    first = doc[start - 1].sent.start if start > 0 else 0
    for i in range(f.t0 - 1, first - 1, -1):
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in MONTHS or tok.lower_ in WEEKDAYS \
                or tok.dep_ in ("flat:name", "flat", "fixed"):
            continue
        if agrees(tok, covering.get(i)):
            return covering.get(i)
    for prev, key in reversed(resolved):
        if prev.sent < f.sent - 2:
            break
        if prev.how != "pronoun" and agrees(doc[prev.head] if prev.head is not None else doc[prev.t0], key):
            return key
    return None


def _resolve_pronoun(r: Resolver, f: Found, feats: tuple[str, str], resolved: list[tuple[Found, str]], doc: Any) -> str | None:
    gender, number = feats
    for prev, key in reversed(resolved):
        if prev.sent < f.sent - 2:
            break
        if prev.how == "pronoun" and prev.sent < f.sent - 1:
            continue
        tok = doc[prev.head] if prev.head else doc[prev.t0]
        if tok.dep_ not in SUBJECT_DEPS and tok.dep_ != "conj" and prev.how != "pronoun":
            continue
        info = r.infos[key]
        n = tok.morph.get("Number")
        g = tok.morph.get("Gender")
        coordinated = tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)
        if number == "Plur" and not coordinated and info.kind != "group" and n != ["Plur"]:
            continue
        if number == "Sing" and n == ["Plur"]:
            continue
        if gender == "Fem" and g == ["Masc"] and info.kind != "person":
            continue
        if gender == "Masc" and g == ["Fem"]:
            continue
        return key
    return None


@stages.register("actors.resolve.v1")
class ActorStage:
    name = "actors"
    requires = ("spacy", "published")
    provides = ("actors",)

    def __call__(self, work: Work) -> None:
        doc = work.spacy
        r = Resolver(work, actor_base(), document_date(work))
        per_spans = [(e.start, e.end) for e in doc.ents if e.label_ == "PER"]
        sents = _sent_index(doc)
        match_names(r, doc, per_spans)
        match_entities(r, doc)
        match_descriptions(r, doc, sents)
        match_pronouns(r, doc, sents)
        history: list[str] = []
        resolved: list[tuple[Found, str]] = []
        for f in sorted(r.found, key=lambda f: f.t0):
            f.sent = sents[f.t0]
            f.head = f.head or _span_head(doc, f.t0, f.t1)
            key = f.key
            if key is None and isinstance(f.resolve, tuple):
                resolve_with = _resolve_latter if f.resolve[0] == "latter" else _resolve_pronoun
                key = resolve_with(r, f, f.resolve[1], resolved, doc)
            elif key is None and f.resolve is not None:
                key = f.resolve(history)
            if key is None:
                continue
            f.key = key
            history.append(key)
            resolved.append((f, key))
        _merge_appositions(r, doc, resolved)
        _build(work, r, resolved)


def _apposed(doc: Any, f: Found, g: Found) -> bool:
    """Is the name g in apposition to the description f (no verb between, g under f's head)?"""
    between = doc[f.t1:g.t0]
    if len(between) <= 1 and all(t.text == "," for t in between):
        return True
    if len(between) > 12 or any(t.pos_ in ("VERB", "AUX") for t in between):
        return False
    t = doc[g.head]
    for _ in range(6):
        if t.i == f.head:
            return doc[g.head].dep_ in ("appos", "flat:name", "nmod") or between[-1].text == ","
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _merge_appositions(r: Resolver, doc: Any, resolved: list[tuple[Found, str]]) -> None:
    """'le ministre russe de la Défense, Sergueï Choïgou': the description names the same person; an
    unknown person takes the description's code."""
    for idx, (f, key) in enumerate(resolved[:-1]):
        if f.how != "description" or r.infos[key].kind not in ("person",):
            continue
        nxt = [(g, gkey) for g, gkey in resolved[idx + 1: idx + 4] if r.infos[gkey].kind == "person" and g.how in ("name", "alias")]
        if not nxt:
            continue
        g, gkey = nxt[0]
        if not _apposed(doc, f, g):
            continue
        info = r.infos[gkey]
        dinfo = r.infos[key]
        if info.code is None and dinfo.code:
            info.code, info.country = dinfo.code, dinfo.country
            info.why += f"; code {dinfo.code} from the description {r.work.text[f.start:f.end]!r}"
        resolved[idx] = (f, gkey)


def _build(work: Work, r: Resolver, resolved: list[tuple[Found, str]]) -> None:
    order: dict[str, list[Found]] = {}
    for f, key in resolved:
        order.setdefault(key, []).append(f)
    ids: dict[str, str] = {}
    token_actor: dict[int, str] = {}
    for n, (key, founds) in enumerate(order.items(), start=1):
        info = r.infos[key]
        aid = f"A{n}"
        ids[key] = aid
        code = info.code
        country = info.country if info.country and re.fullmatch(r"[A-Z]{3}", info.country) and (not code or code[:3] == info.country) else None
        sector = code[3:6] if code and len(code) >= 6 and country else None
        mentions = tuple(Mention(f.start, f.end, work.text[f.start:f.end], f.how) for f in founds)
        work.actors.append(Actor(aid, info.canonical, info.name, info.kind if info.kind in ("person", "country", "organization", "group") else "group",
                                 code, country, sector, info.wikidata, mentions, info.why))
        for f in founds:
            for t in range(f.t0, f.t1):
                token_actor[t] = aid
    work.notes["token_actor"] = token_actor
    work.notes["actor_mentions"] = [(f.t0, f.t1, ids[key], f.how) for f, key in resolved]
