"""The actor base: countries, organisations and people, with aliases and dated roles.

Shipped as data in ``resources/actors/`` (format in ``resources/README.md``). A user's own entries
(``newsgraph actorbase add|import``) live in ``NEWSGRAPH_ACTORBASE`` or the user data directory and
override shipped entries with the same key; ``check`` reports every override and every alias that
two actors claim.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import ResourceError
from newsgraph.tables import tsv_rows
from newsgraph.text import KeyPrefixes, norm, size_cached

if TYPE_CHECKING:
    from newsgraph.lang.profile import LanguageProfile

OFFICE_SECTOR = {"HOS": "GOV", "HOG": "GOV", "FM": "GOV", "DM": "MIL", "VP": "GOV", "SPOKES": "GOV", "AMB": "GOV",
                 "NSA": "GOV", "CEO": "GOV", "SC": "GOV", "CHIEF": "MIL", "ENVOY": "GOV", "MIN": "GOV", "MAYOR": "GOV",
                 "LEG": "LEG", "JUD": "JUD", "OPP": "OPP"}


@dataclass(frozen=True, slots=True)
class Role:
    office: str  # HOS, FM, ... ; empty for a role that gives only a code (the Phoenix dictionaries)
    start: date | None
    end: date | None
    org: str | None = None  # organisation key for HEAD@org
    code: str | None = None  # the CAMEO code the role gives (Phoenix: RUSGOV from 2008-05-08)

    def holds(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    name: str
    kind: str  # person | country | organization | group
    code: str | None
    country: str | None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    note: str = ""
    origin: str = "shipped"
    adjectives: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    capital_geonameid: int | None = None
    geonameid: int | None = None

    @property
    def canonical(self) -> str:
        return self.wikidata or f"ng:{self.key}"

    def code_on(self, on: date | None) -> str | None:
        """The CAMEO code on a date: an office holder is GOV (MIL for defence) of their country, or
        their organisation's code; a former office holder keeps the code of the latest office held
        (a founder named in a history). For dated codes (the Phoenix dictionaries) the code that holds
        on the date, else the undated one, else the latest. Before any office (a candidate not yet in
        office) a person of a country is one of its elites, ELI, as the Phoenix dictionaries code them."""
        if self.kind != "person" or not self.roles:
            return self.code
        current = [r for r in self.roles if on is not None and r.holds(on) and (r.start or r.end)]
        if not current:
            current = [r for r in self.roles if r.code and r.start is None and r.end is None]
        if current:
            return self._role_code(current[0])
        past = [r for r in self.roles if on is None or r.start is None or r.start <= on]
        if not past and self.country:
            return f"{self.country}ELI"
        return self._role_code(max(past or self.roles, key=lambda r: r.start or date.min))

    def _role_code(self, role: Role) -> str | None:
        if role.code:
            return role.code
        if role.org:
            org = actor_base().entries.get(role.org)
            return org.code if org else self.code
        sector = OFFICE_SECTOR.get(role.office, "GOV")
        return f"{self.country}{sector}" if self.country else self.code

    def offices_on(self, on: date) -> set[str]:
        return {r.office for r in self.roles if r.office and r.holds(on)}


@dataclass
class ActorBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    index: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    first_words: set[str] = field(default_factory=set)
    adjectives: dict[str, str] = field(default_factory=dict)  # inflected adjective -> iso3
    capitals: dict[str, str] = field(default_factory=dict)  # capital name -> iso3
    capitals_first: set[str] = field(default_factory=set)  # first words of capital names
    forms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # matching key -> written forms
    overrides: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    _offices: dict[tuple[str, str | None], list[Entry]] | None = field(default=None, repr=False, compare=False)

    def prefixes(self) -> KeyPrefixes:
        """Prefixes of every name and capital key, rebuilt when the base has grown."""
        return size_cached(self, "_prefixes", len(self.index) + len(self.capitals),
                           lambda: KeyPrefixes([*self.index, *self.capitals]))

    def keys_starting_with(self, prefix: str) -> list[str]:
        """Name keys of the index that start with ``prefix``, in the order the base added them."""
        order = size_cached(self, "_order", len(self.index), lambda: {k: n for n, k in enumerate(self.index)})
        return sorted((k for k in self.prefixes().starting_with(prefix) if k in order), key=order.__getitem__)

    def add(self, entry: Entry) -> None:
        if entry.key in self.entries:
            old = self.entries[entry.key]
            self.overrides.append(f"{entry.origin} entry {entry.key!r} overrides {old.origin} entry ({old.name})")
            for alias in self.names_of(old):
                keys = self.index.get(norm(alias), [])
                if entry.key in keys:
                    keys.remove(entry.key)
                self.forms[norm(alias)].discard(alias)
        self.entries[entry.key] = entry
        self._offices = None  # rebuilt on the next holders()
        for alias in self.names_of(entry):
            k = norm(alias)
            if not k:
                continue
            if entry.key not in self.index[k]:
                self.index[k].append(entry.key)
            self.forms[k].add(alias)
            self.first_words.add(k.split()[0])

    @staticmethod
    def names_of(entry: Entry) -> list[str]:
        return [entry.name, *entry.aliases]

    def lookup(self, text: str) -> list[Entry]:
        return [self.entries[k] for k in self.index.get(norm(text), [])]

    def holders(self, office: str, country: str | None, on: date, org: str | None = None) -> list[Entry]:
        """People holding ``office`` of ``country`` (or HEAD of ``org``) on a date."""
        if self._offices is None:
            # (office, org or country) -> the people with such a role, in the order of the entries
            index: dict[tuple[str, str | None], list[Entry]] = defaultdict(list)
            for e in self.entries.values():
                if e.kind != "person":
                    continue
                for key in dict.fromkeys((r.office, r.org if r.org else e.country) for r in e.roles):
                    index[key].append(e)
            self._offices = dict(index)
        out = []
        for e in self._offices.get((office, org if org else country), ()):
            if any(r.holds(on) and r.office == office and (r.org == org if org else (e.country == country and r.org is None))
                   for r in e.roles):
                out.append(e)
        return out

    def find_conflicts(self) -> list[str]:
        """Aliases that two actors of different codes claim (a person's surname shared by two people is
        expected and resolved in context; a name claimed by two countries or organisations is not)."""
        problems = []
        for k, keys in self.index.items():
            entries = [self.entries[x] for x in keys]
            non_people = [e for e in entries if e.kind != "person"]
            if len({(e.code, e.kind) for e in non_people}) > 1:
                problems.append(f"alias {k!r} is claimed by " + ", ".join(f"{e.key} ({e.code})" for e in non_people))
        return problems


def _read(name: str) -> str:
    return resources.files("newsgraph.resources.actors").joinpath(name).read_text("utf-8")


def _date(value: str, source: str, number: int) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ResourceError(f"{source}, line {number}: bad date {value!r} (want YYYY-MM-DD)") from None


def parse_roles(value: str, source: str, number: int) -> tuple[Role, ...]:
    roles = []
    for part in filter(None, (p.strip() for p in value.split(";"))):
        bits = part.split(":")
        if len(bits) != 3:
            raise ResourceError(f"{source}, line {number}: bad role {part!r} (want OFFICE:START:END)")
        office, org = bits[0], None
        if "@" in office:
            office, org = office.split("@", 1)
        roles.append(Role(office, _date(bits[1], source, number), _date(bits[2], source, number), org))
    return tuple(roles)


def _split(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split("|") if a.strip())


def load_countries(base: ActorBase, profile: LanguageProfile) -> None:
    """Countries with their names, capitals, and the adjectives of the language (every inflected form)."""
    adjectives = profile.demonyms
    rows = tsv_rows(_read("countries.tsv"), "countries.tsv", 9)
    for number, cols in rows[1:]:
        iso3, cameo, _iso2, wikidata, names_fr, names_other, capitals, cap_id, geo_id = cols[:9]
        names = _split(names_fr)
        if not names:
            raise ResourceError(f"countries.tsv, line {number}: country {iso3} has no French name")
        adj = adjectives.get(iso3, ())
        base.add(Entry(
            key=iso3.lower(), name=names[0], kind="country", code=cameo, country=iso3, wikidata=wikidata or None,
            aliases=names[1:] + _split(names_other), adjectives=adj, capitals=_split(capitals),
            capital_geonameid=int(cap_id) if cap_id else None, geonameid=int(geo_id) if geo_id else None,
        ))
        for capital in _split(capitals):
            base.capitals.setdefault(norm(capital), iso3)
            base.capitals_first.add(norm(capital).split()[0])
        for a in adj:
            for form in profile.inflections(a):
                base.adjectives.setdefault(norm(form), iso3)


def load_organizations(base: ActorBase, text: str, source: str, origin: str = "shipped") -> None:
    """Organisations and groups. Those of the Phoenix dictionaries (``origin`` "phoenix") give way to
    an organisation the base already knows by one of their names."""
    for number, cols in tsv_rows(text, source, 5):
        cols = cols + [""] * (7 - len(cols))
        key, name, aliases, code, kind, wikidata, note = cols[:7]
        if origin == "phoenix":
            known = [k for a in (name, *_split(aliases)) for k in base.index.get(norm(a), ()) if base.entries[k].kind != "person"]
            if known:
                # an organisation the base knows: the dictionary's other names are its names too
                # ("Communauté européenne" for the European Union), when the dictionary's own name is one of them
                same = [k for k in base.index.get(norm(name), ()) if base.entries[k].kind != "person"]
                if same and len(set(same)) == 1:
                    entry = base.entries[same[0]]
                    extra = tuple(a for a in _split(aliases) if not base.index.get(norm(a)))
                    if extra:
                        base.add(replace(entry, aliases=entry.aliases + extra))
                        base.overrides.pop()  # the same entry, grown: no override to report
                continue
        if kind not in ("organization", "group", "country", "person"):
            raise ResourceError(f"{source}, line {number}: kind {kind!r} is not organization|group|country|person")
        _check_code(code, source, number)
        country = code[:3] if code and code[:3] not in ("IGO", "NGO", "IMG", "MNC") and len(code) >= 3 else None
        base.add(Entry(key=key, name=name, kind=kind, code=code or None, country=country, wikidata=wikidata or None,
                       aliases=_split(aliases), note=note, origin=origin))


def load_people(base: ActorBase, text: str, source: str, origin: str = "shipped") -> None:
    for number, cols in tsv_rows(text, source, 4):
        cols = cols + [""] * (6 - len(cols))
        key, name, aliases, country, roles, wikidata = cols[:6]
        if country and not re.fullmatch(r"[A-Z]{3}", country):
            raise ResourceError(f"{source}, line {number}: country {country!r} is not an ISO 3166 alpha-3 code")
        if wikidata and not re.fullmatch(r"Q\d+", wikidata):
            raise ResourceError(f"{source}, line {number}: wikidata {wikidata!r} is not a Q-id")
        parsed = parse_roles(roles, source, number)
        code = f"{country}GOV" if country and any(r.office in ("HOS", "HOG", "FM", "VP") for r in parsed) else (
            f"{country}MIL" if country and parsed and all(OFFICE_SECTOR.get(r.office) == "MIL" for r in parsed) else country or None)
        if country and parsed and code == country:
            code = f"{country}GOV"
        base.add(Entry(key=key, name=name, kind="person", code=code, country=country or None, wikidata=wikidata or None,
                       aliases=_split(aliases), roles=parsed, origin=origin))


def load_dated_people(base: ActorBase, text: str, source: str) -> None:
    """People with dated CAMEO codes (``phoenix_people.tsv``: key, name, aliases, codes, country), from
    the Phoenix dictionaries. A person the base already knows by name keeps the base's entry; their
    one-word aliases (surnames) are read only after the full name in a document (``origin``
    "phoenix" tells the actor stage)."""
    for number, cols in tsv_rows(text, source, 4):
        cols = cols + [""] * (5 - len(cols))
        key, name, aliases, codes, country = cols[:5]
        if any(base.entries[k].kind == "person" for k in base.index.get(norm(name), ())):
            continue
        roles = []
        for part in filter(None, (p.strip() for p in codes.split(";"))):
            bits = part.split(":")
            if len(bits) != 3:
                raise ResourceError(f"{source}, line {number}: bad dated code {part!r} (want CODE:START:END)")
            _check_code(bits[0], source, number)
            roles.append(Role("", _date(bits[1], source, number), _date(bits[2], source, number), code=bits[0]))
        default = next((r.code for r in roles if r.start is None and r.end is None), roles[-1].code if roles else None)
        base.add(Entry(key=key, name=name, kind="person", code=default, country=country or None,
                       aliases=_split(aliases), roles=tuple(roles), origin="phoenix"))


def _check_code(code: str, source: str, number: int) -> None:
    if code and not re.fullmatch(r"([A-Z]{3})+", code):
        raise ResourceError(f"{source}, line {number}: CAMEO code {code!r} must be groups of three capitals")


def user_dir() -> Path:
    explicit = os.environ.get("NEWSGRAPH_ACTORBASE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newsgraph" / "actors"


def load_user(base: ActorBase, folder: Path) -> None:
    """User files: ``people.tsv`` and ``organizations.tsv`` in the shipped format, and ``*.csv`` /
    ``*.yaml`` imported by ``newsgraph actorbase import`` (stored converted to these two files)."""
    if not folder.is_dir():
        return
    for name, loader in (("organizations.tsv", load_organizations), ("people.tsv", load_people)):
        path = folder / name
        if path.exists():
            loader(base, path.read_text("utf-8"), str(path), origin="user")


def actor_base(profile: LanguageProfile | None = None) -> ActorBase:
    """The shipped base plus the user's entries, in the words of a language (default: the configured
    one), loaded once per process and language."""
    if profile is None:
        from newsgraph.config import get_settings
        from newsgraph.lang.profile import get_profile

        profile = get_profile(get_settings().language)
    return _actor_base(profile)


@lru_cache(maxsize=4)
def _actor_base(profile: LanguageProfile) -> ActorBase:
    base = ActorBase()
    load_countries(base, profile)
    load_organizations(base, _read("organizations.tsv"), "organizations.tsv")
    load_people(base, _read("people.tsv"), "people.tsv")
    load_organizations(base, _read("phoenix_orgs.tsv"), "phoenix_orgs.tsv", origin="phoenix")
    load_dated_people(base, _read("phoenix_people.tsv"), "phoenix_people.tsv")
    load_user(base, user_dir())
    base.conflicts = base.find_conflicts()
    return base


def clear_cache() -> None:
    """Forget the loaded bases (after the user's entries change)."""
    _actor_base.cache_clear()


def rows_from_csv(text: str, source: str) -> list[dict[str, str]]:
    """Read a user CSV (columns: key,name,aliases,country,roles,wikidata for people, or
    key,name,aliases,code,kind,wikidata,note for organisations)."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "key" not in reader.fieldnames or "name" not in reader.fieldnames:
        raise ResourceError(f"{source}, line 1: a CSV actor file needs a header with at least 'key' and 'name'")
    return [dict(r) for r in reader]


PEOPLE_COLUMNS = ["key", "name", "aliases", "country", "roles", "wikidata"]
ORG_COLUMNS = ["key", "name", "aliases", "code", "kind", "wikidata", "note"]


def user_rows_from_file(path: Path) -> tuple[list[list[str]], list[list[str]]]:
    """Read a user's CSV or YAML actor file into (people rows, organisation rows), validated.

    A row with 'roles' or kind 'person' is a person; every other row an organisation or group."""
    source = str(path)
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ResourceError(f"{source}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ResourceError(f"{source}: not UTF-8 text") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f", line {mark.line + 1}" if mark else ""
            raise ResourceError(f"{source}{line}: malformed YAML: {getattr(exc, 'problem', exc)}") from None
        if not isinstance(data, list):
            raise ResourceError(f"{source}, line 1: a YAML actor file is a list of entries")
        records = []
        for n, item in enumerate(data, start=1):
            if not isinstance(item, dict):
                raise ResourceError(f"{source}, entry {n}: each entry is a mapping with at least key and name")
            item = dict(item)
            for k in ("aliases", "roles"):
                if isinstance(item.get(k), list):
                    item[k] = ("|" if k == "aliases" else ";").join(str(x) for x in item[k])
            records.append((n, {k: "" if v is None else str(v) for k, v in item.items()}))
        where = "entry"
    else:
        records = [(n + 1, r) for n, r in enumerate(rows_from_csv(text, source), start=1)]
        where = "line"
    people, orgs = [], []
    for n, rec in records:
        if not rec.get("key") or not rec.get("name"):
            raise ResourceError(f"{source}, {where} {n}: 'key' and 'name' are required")
        if "\t" in "".join(rec.values()):
            raise ResourceError(f"{source}, {where} {n}: tab characters are not allowed in values")
        if rec.get("roles") or rec.get("kind") == "person":
            row = [rec.get(c, "") or "" for c in PEOPLE_COLUMNS]
            load_people(ActorBase(), "\t".join(row), f"{source}, {where} {n} ->", origin="user")
            people.append(row)
        else:
            rec.setdefault("kind", "organization")
            rec["kind"] = rec.get("kind") or "organization"
            row = [rec.get(c, "") or "" for c in ORG_COLUMNS]
            load_organizations(ActorBase(), "\t".join(row), f"{source}, {where} {n} ->", origin="user")
            orgs.append(row)
    return people, orgs


def append_user_rows(folder: Path, people: list[list[str]], orgs: list[list[str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows, header in (("people.tsv", people, PEOPLE_COLUMNS), ("organizations.tsv", orgs, ORG_COLUMNS)):
        if not rows:
            continue
        path = folder / name
        new = not path.exists()
        with path.open("a", encoding="utf-8") as fh:
            if new:
                fh.write("# user entries (newsgraph actorbase); columns: " + ", ".join(header) + "\n")
            for row in rows:
                fh.write("\t".join(row) + "\n")
    clear_cache()
