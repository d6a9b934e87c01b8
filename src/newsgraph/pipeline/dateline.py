"""The publication date from a dateline near the top of the text, when the metadata has none.

The language profile gives the pattern (``words.toml``, ``[dateline]``): in French "Mis à jour mardi
5 septembre 2023 – 17h59", "Publié le 3 mars 2020", and the Wikinews form "31 janvier 2016 . –"."""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.lang.profile import LanguageProfile


def alternation(words: list[str] | dict[str, object]) -> str:
    """A regular-expression alternation of words, longest first (so that "sept." wins over "sept")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def _patterns(profile: LanguageProfile) -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = profile.words
    pattern = w.dateline["pattern"].replace("<<weekday>>", alternation(w.weekdays)).replace("<<month>>", alternation(w.months))
    return re.compile(pattern, re.I | re.M), re.compile(w.dateline["marker"], re.I)


def find_dateline(text: str, profile: LanguageProfile, *, lines: int = 6) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of the first dateline in the first lines, or None."""
    dateline, marker = _patterns(profile)
    head_end = 0
    for _ in range(lines):
        nxt = text.find("\n", head_end)
        if nxt < 0:
            head_end = len(text)
            break
        head_end = nxt + 1
    for m in dateline.finditer(text, 0, head_end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        # a dateline is a short line, or one that says it is one
        if len(line) > 80 and not marker.search(line[: (m.end() - line_start) + 8]):
            continue
        day, month, year = int(m.group(1)), profile.words.months[m.group(2).lower()], int(m.group(3))
        if 1 <= day <= 31 and 1800 < year < 2200:
            return f"{year:04d}-{month:02d}-{day:02d}", m.start(1), m.end(3)
    return None
