"""The actor stage's state: document actors (``Info``), mentions found (``Found``) with what resolves
them, and the token tables and n-gram matching that name and place lookups share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from newsgraph.actorbase import ActorBase, Entry
from newsgraph.text import norm, slug

if TYPE_CHECKING:
    from newsgraph.lang.profile import LanguageProfile
    from newsgraph.pipeline.work import Work

MAX_NAME_TOKENS = 9


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
class Context:
    """What a context-dependent mention is resolved against: the actors named before it (their keys
    in text order) and the mentions already resolved."""

    history: list[str]
    resolved: list[tuple[Found, str]]
    doc: Any


class Resolve(Protocol):
    """How a mention whose actor depends on the text before it is resolved."""

    def __call__(self, r: Resolver, f: Found, ctx: Context) -> str | None: ...


@dataclass
class FromHistory:
    """Chosen from the actors named before (a surname, "le président", "le pays")."""

    choose: Any  # callable(history) -> key | None

    def __call__(self, r: Resolver, f: Found, ctx: Context) -> str | None:
        return self.choose(ctx.history)


@dataclass
class Found:
    t0: int
    t1: int
    start: int
    end: int
    how: str
    key: str | None = None
    resolve: Resolve | None = None  # for context-dependent mentions
    sent: int = 0
    head: int = 0


@dataclass
class Resolver:
    work: Work
    base: ActorBase
    on: date
    profile: LanguageProfile
    infos: dict[str, Info] = field(default_factory=dict)
    found: list[Found] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
    at_token: dict[int, Found] = field(default_factory=dict)
    country: str | None = None  # the article's country, when one stands out (``descriptions.article_country``)
    country_why: str = ""

    @property
    def words(self) -> Any:
        return self.profile.words

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
