"""CAMEO and PLOVER tables shipped in ``resources/cameo``: Goldstein scores, quad classes, and the
CAMEO -> PLOVER 0.8 conversion (sources and licences in resources/README.md)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# PLOVER modes of ASSAULT and COERCE that are a state's acts on people, not fights between sides
STATE_ON_PEOPLE_MODES = frozenset({"arrest", "ban", "curfew", "martial-law", "torture", "sexual", "beat"})


@dataclass(frozen=True, slots=True)
class PloverCode:
    event: str
    mode: str | None
    context: tuple[str, ...]


def _text(name: str) -> str:
    return resources.files("newsgraph.resources.cameo").joinpath(name).read_text("utf-8")


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    out = {}
    for line in _text("cameo_goldstein_quad_phoenix.tsv").splitlines()[1:]:
        code, score, *_ = line.split("\t")
        out[code] = float(score)
    return out


# Where the PLOVER 0.8 manual overrides the 2021 CAMEO->PLOVER table: "International (political or
# economic) sanctions are coded as 'discontinue'" (SANCTION modes); the table maps 163 to COERCE.
# "Expressions of regret or remorse ... should be coded as CONCEDE" (SUPPORT and CONCEDE ambiguities;
# the table has 055 SUPPORT). Promises to yield (035x) stay AGREE, as the PLOVER gold sentences code them.
MANUAL_OVERRIDES = {"163": PloverCode("SANCTION", "discontinue", ("diplomatic",)),
                    "055": PloverCode("CONCEDE", None, ("diplomatic",))}


@lru_cache(maxsize=1)
def plover_table() -> dict[str, PloverCode]:
    out = dict(MANUAL_OVERRIDES)
    for line in _text("CAMEO2PLOVER-2021.txt").splitlines():
        if ":" not in line or line.startswith("#") or line.startswith("~"):
            continue
        code, rest = line.split(":", 1)
        code = code.strip()
        if not code.isdigit() or len(code) < 3:
            continue
        rest = rest.split("#", 1)[0]
        parts = [p.strip() for p in rest.split(",")]
        event = parts[0].strip()
        if event not in PLOVER_TYPES:
            continue
        mode = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
        context = tuple(c.strip() for c in parts[2].split(";") if c.strip()) if len(parts) > 2 else ()
        out.setdefault(code, PloverCode(event, mode, context))
    return out


def goldstein(cameo: str | None) -> float | None:
    """The CAMEO table's score; for a code missing there, the root code's value."""
    if not cameo:
        return None
    table = goldstein_table()
    for code in (cameo, cameo[:3], cameo[:2], cameo[:2] + "0"):
        if code in table:
            return table[code]
    return None


def quad_class(cameo: str | None) -> int | None:
    """GDELT's quad class from the CAMEO root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4."""
    if not cameo:
        return None
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def plover_for(cameo: str) -> PloverCode | None:
    """PLOVER type, mode and context of a CAMEO code (the most specific row of the table that exists)."""
    table = plover_table()
    for code in (cameo, cameo[:3], cameo[:2] + "0"):
        if code in table:
            return table[code]
    if cameo[:2] == "02":
        return PloverCode("REQUEST", None, ())
    return None


# The CAMEO threat (13x) of a hostile act: PLOVER codes an act announced for the future as the threat of
# it ("THREATEN could be ASSAULT + hypothetical ... the coder should always return the single event
# category", PLOVER manual 0.8, auxiliary modes). Most specific prefix first.
_THREAT_OF = (("161", "1313"), ("162", "1311"), ("163", "1312"), ("164", "134"), ("165", "135"), ("166", "136"),
              ("1721", "1321"), ("1722", "1322"), ("1723", "1323"), ("1724", "1324"), ("172", "132"),
              ("173", "132"), ("174", "132"), ("175", "137"), ("191", "1381"), ("192", "1382"),
              ("204", "1385"), ("16", "131"), ("17", "130"), ("18", "1383"), ("19", "1384"), ("20", "1383"))


def _by_prefix(table: tuple[tuple[str, str], ...], cameo: str | None) -> str | None:
    """The code of the first (most specific) prefix of ``cameo`` in a (prefix, code) table."""
    return next((code for prefix, code in table if cameo and cameo.startswith(prefix)), None)


def threat_of(cameo: str | None) -> str | None:
    """The CAMEO code of threatening a hostile act (sanction, coercion, assault), or None."""
    return _by_prefix(_THREAT_OF, cameo)


# The CAMEO intent (03x) of a cooperative act: PLOVER codes cooperation told in the future tense as
# AGREE ("Cooperative actions of types CONSULT, SUPPORT, COOPERATE, and AID reported in future tense
# are also taken to imply intentions and should be coded as AGREE", PLOVER manual 0.8, AGREE).
_INTENT_OF = (("061", "0311"), ("062", "0312"), ("063", "0313"), ("064", "0314"), ("06", "031"), ("071", "0331"),
              ("072", "0332"), ("073", "0333"), ("074", "0334"), ("07", "033"), ("05", "032"))


def intent_of(cameo: str | None) -> str | None:
    """The CAMEO code of expressing the intent to do a cooperative act (support, cooperation, aid)."""
    return _by_prefix(_INTENT_OF, cameo)
