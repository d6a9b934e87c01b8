"""The publication date when the metadata has none: from a dateline near the top of the text, else from
the article's URL.

The language profile gives the dateline patterns (``words.toml``, ``[dateline]``): in French "Publié le
3 mars 2020", the AFP's "PARIS, 5 sept 2023 (AFP) -", the Wikinews form "31 janvier 2016 . –" alone on
its line or followed by the first sentence, and "Mis à jour mardi 5 septembre 2023 – 17h59". URL dates
("/2023/09/05/", "/2023-09-05-", "/20230905/") are the same in every language."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from newsgraph.lang.profile import LanguageProfile

URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$|[-_.])"),
    re.compile(r"(?<![\d])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:[/_.-]|$)"),
)


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of words, longest first (so that "sept." wins over "sept")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def _patterns(profile: LanguageProfile) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str]]:
    w = profile.words

    def fill(p: str) -> str:
        return p.replace("<<weekday>>", alternation(w.weekdays)).replace("<<month>>", alternation(w.months))

    styles = tuple(re.compile(fill(p), re.I | re.M) for p in w.dateline.get("patterns", []))
    return styles, re.compile(fill(w.dateline["pattern"]), re.I | re.M), re.compile(w.dateline["marker"], re.I)


def _head_end(text: str, lines: int) -> int:
    end = 0
    for _ in range(lines):
        nxt = text.find("\n", end)
        if nxt < 0:
            return len(text)
        end = nxt + 1
    return end


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    return day.isoformat() if 1800 < y < 2200 else None


def find_dateline(text: str, profile: LanguageProfile, *, lines: int = 6, style_lines: int = 10) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of the first dateline: one of the profile's dateline styles in the first
    ``style_lines`` lines (a title, a standfirst and a quote may come first), else a date alone on a
    short line, or on a line that says it is one, in the first ``lines`` lines. None when there is none."""
    styles, dateline, marker = _patterns(profile)
    head_end = _head_end(text, lines)
    months = {k.lower(): v for k, v in profile.words.months.items()}
    for style in styles:
        for m in style.finditer(text, 0, _head_end(text, style_lines)):
            g = m.groupdict()
            month = int(g["mn"]) if g.get("mn") else months.get((g.get("m") or "").lower())
            iso = _iso(int(g["y"]), month, int(g["d"])) if month else None
            if iso:
                return iso, m.start("d"), m.end("y")
    for m in dateline.finditer(text, 0, head_end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        # a dateline is a short line, or one that says it is one
        if len(line) > 80 and not marker.search(line[: (m.end() - line_start) + 8]):
            continue
        iso = _iso(int(m.group(3)), months[m.group(2).lower()], int(m.group(1)))
        if iso:
            return iso, m.start(1), m.end(3)
    return None


def date_from_url(url: str | None) -> str | None:
    """The ISO date an article's URL carries ("/2023/09/05/", "-2023-09-05", "/20230905/"), or None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I)
    for pattern in URL_DATES:
        m = pattern.search(path)
        if m:
            iso = _iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if iso:
                return iso
    return None
