"""The publication date from a dateline near the top of the text, when the metadata has none.

Recognises "Mis à jour mardi 5 septembre 2023 – 17h59", "Publié le 3 mars 2020", and the Wikinews
form "31 janvier 2016 . –" in the first lines."""

from __future__ import annotations

import re

from newsgraph.lang.fr.calendar import MONTHS

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATELINE = re.compile(
    rf"^[^\n]{{0,40}}?(?:(?:mis à jour|mise à jour|publié|modifié|actualisé)[^\n\d]{{0,20}}?)?"
    rf"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)?\s*(?:le\s+)?"
    rf"(\d{{1,2}})(?:er)?\s+({_MONTH_RE})\s+(\d{{4}})\b",
    re.I | re.M,
)


def find_dateline(text: str, *, lines: int = 6) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of the first dateline in the first lines, or None."""
    head_end = 0
    for _ in range(lines):
        nxt = text.find("\n", head_end)
        if nxt < 0:
            head_end = len(text)
            break
        head_end = nxt + 1
    for m in _DATELINE.finditer(text, 0, head_end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        # a dateline is a short line, or one that says it is one
        if len(line) > 80 and not re.search(r"mis à jour|publié|modifié|\s[.–—-]\s*[–—-]?\s*$", line[: (m.end() - line_start) + 8], re.I):
            continue
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        if 1 <= day <= 31 and 1800 < year < 2200:
            return f"{year:04d}-{month:02d}-{day:02d}", m.start(1), m.end(3)
    return None
