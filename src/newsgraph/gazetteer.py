"""The gazetteer: cities (GeoNames), French exonyms, regions, disputed areas and seas, and countries.

Loaded once per process from ``resources/gazetteer`` and the actor base's country table."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING
from importlib import resources

from newsgraph.actorbase import actor_base
from newsgraph.errors import ResourceError
from newsgraph.text import KeyPrefixes, norm, size_cached

if TYPE_CHECKING:
    from newsgraph.lang.profile import LanguageProfile


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    type: str  # city | region | disputed | sea | area | country
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int = 0


@dataclass
class Gazetteer:
    index: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))
    forms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    first_words: set[str] = field(default_factory=set)

    def add(self, place: Place, names: list[str]) -> None:
        for n in names:
            k = norm(n)
            if not k:
                continue
            if place not in self.index[k]:
                self.index[k].append(place)
            self.forms[k].add(n)
            self.first_words.add(k.split()[0])

    def prefixes(self) -> KeyPrefixes:
        """Prefixes of every place key, rebuilt when the gazetteer has grown."""
        return size_cached(self, "_prefixes", len(self.index), lambda: KeyPrefixes(self.index))

    def land(self, text: str) -> Place | None:
        """The city, region or disputed area of that name (not a sea, an area or a country)."""
        place = self.lookup(text)
        return place if place is not None and place.type in ("city", "region", "disputed") else None

    def lookup(self, text: str, countries_in_text: set[str] | frozenset[str] = frozenset()) -> Place | None:
        """The best place for a name: a hand-written French entry first, then one in a country the
        document names, then the most populous (so Paris is in Texas only when the text says so)."""
        places = self.index.get(norm(text), [])
        if not places:
            return None
        return max(places, key=lambda p: (p.type != "city" or p.population == 0 and p.geonameid is not None,
                                          p.country in countries_in_text, p.population))


def _float(v: str) -> float | None:
    return float(v) if v.strip() else None


def _int(v: str) -> int | None:
    return int(v) if v.strip() else None


def gazetteer(profile: LanguageProfile | None = None) -> Gazetteer:
    """The shipped gazetteer with the countries of the actor base (in the language's names)."""
    if profile is None:
        from newsgraph.config import get_settings
        from newsgraph.lang.profile import get_profile

        profile = get_profile(get_settings().language)
    return _gazetteer(profile)


@lru_cache(maxsize=4)
def _gazetteer(profile: LanguageProfile) -> Gazetteer:
    g = Gazetteer()
    files = resources.files("newsgraph.resources.gazetteer")
    for number, line in enumerate(files.joinpath("places_fr.tsv").read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 7)[:7]
        name, aliases, country, kind, lat, lon, gid = cols
        if kind not in ("city", "region", "disputed", "sea", "area"):
            raise ResourceError(f"gazetteer/places_fr.tsv, line {number}: type {kind!r} is not city|region|disputed|sea|area")
        g.add(Place(name, country.strip() or None, kind, _float(lat), _float(lon), _int(gid)), [name, *[a for a in aliases.split("|") if a]])
    lines = files.joinpath("cities.tsv").read_text("utf-8").splitlines()
    for line in lines[2:]:
        name, aliases, country, kind, lat, lon, gid, pop = line.split("\t")
        g.add(Place(name, country, kind, float(lat), float(lon), int(gid), int(pop)), [name, *[a for a in aliases.split("|") if a]])
    base = actor_base(profile)
    for e in base.entries.values():
        if e.kind == "country" and e.geonameid:
            g.add(Place(e.name, e.country, "country", None, None, e.geonameid, 10**9), [e.name, *e.aliases])
    return g


def place_taken_for_person(ent: object, profile: LanguageProfile) -> bool:
    """A person entity that is a place the gazetteer knows, after a locative ("des obus sur des cibles
    à Jéricho", which the NER tags PER): a place, not an unknown person."""
    doc = ent.doc  # type: ignore[attr-defined]
    start = ent.start  # type: ignore[attr-defined]
    if getattr(ent, "label_", "") != "PER" or start == 0 or doc[start - 1].lower_ not in profile.words.place_preps:
        return False
    return gazetteer(profile).land(ent.text) is not None  # type: ignore[attr-defined]
