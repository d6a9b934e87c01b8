"""Loaders for the French data files of this folder (each read once per process)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.errors import ResourceError


def read_table(name: str, min_cols: int) -> list[list[str]]:
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < min_cols:
            raise ResourceError(f"lang/fr/{name}, line {number}: expected {min_cols} tab-separated columns, got {len(cols)}")
        rows.append(cols)
    return rows


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
