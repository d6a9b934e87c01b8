"""The Duckling and Recognizers-Text French time cases (tests/fixtures/time, licences beside them),
read into (id, text, reference datetime, [(expression, expected value)])."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "time"
DUCKLING_REFERENCE = datetime(2013, 2, 12, 4, 30)


def recognizers_cases() -> list[tuple[str, str, datetime, list[tuple[str, str]]]]:
    data = json.loads((HERE / "French-DateTimeModel.json").read_text("utf-8-sig"))
    out = []
    for n, case in enumerate(data):
        ref = case.get("Context", {}).get("ReferenceDateTime")
        if not ref:
            continue  # the expected values of these cases were computed against a reference the file does not give
        reference = datetime.fromisoformat(ref)
        expected = []
        for r in case.get("Results", []):
            values = r.get("Resolution", {}).get("values") or [{}]
            timex = values[0].get("timex")
            if timex:
                expected.append((r["Text"], timex))
        out.append((f"rec-{n:03d}", case["Input"], reference, expected))
    return out


GRAIN_FORMAT = {"Year": "%Y", "Month": "%Y-%m", "Day": "%Y-%m-%d", "Hour": "%Y-%m-%dT%H:00", "Minute": "%Y-%m-%dT%H:%M",
                "Second": "%Y-%m-%dT%H:%M"}
EXAMPLE = re.compile(r"examples \(datetime \((\d+), (\d+), (\d+), (\d+), (\d+), (\d+)\) (\w+)\)\s*\[(.*?)\]", re.S)


def duckling_cases() -> list[tuple[str, str, datetime, list[tuple[str, str]]]]:
    text = (HERE / "Time-FR-Corpus.hs").read_text("utf-8")
    out = []
    n = 0
    for m in EXAMPLE.finditer(text):
        y, mo, d, h, mi, s, grain, phrases = m.groups()
        if grain not in GRAIN_FORMAT:
            continue
        try:
            value = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s)).strftime(GRAIN_FORMAT[grain])
        except ValueError:
            continue
        for phrase in re.findall(r'"((?:[^"\\]|\\.)*)"', phrases):
            out.append((f"duck-{n:03d}", phrase, DUCKLING_REFERENCE, [(phrase, value)]))
            n += 1
    return out


def value_matches(expected: str, got: str) -> bool:
    """Recognizers' XXXX (any year) and X placeholders match any digit."""
    if expected == got:
        return True
    if len(expected) != len(got) or "X" not in expected:
        return False
    return all(e == g or e == "X" for e, g in zip(expected, got))


def values_of(hit) -> list[str]:
    """What a hit may be compared with: its value; for a range, also Recognizers' form of an interval,
    "(begin,end,length)", and the points it was built from."""
    if not hit.interval:
        return [hit.value]
    return [hit.value, f"({hit.interval[0]},{hit.interval[1]},{hit.value})", *(p.value for p in hit.parts)]


def passes(text: str, reference: datetime, expected: list[tuple[str, str]]) -> bool:
    from newsgraph.lang import get_profile
    from newsgraph.pipeline.times import find_times

    fr = get_profile("fr")
    dct = reference.date()
    hits = find_times(text, dct, fr, None, reference)
    if not expected:
        return not hits
    for expr, value in expected:
        low = text.lower().find(expr.lower())
        span = (low, low + len(expr)) if low >= 0 else (0, len(text))
        if not any(h.start < span[1] and span[0] < h.end and any(value_matches(value, v) for v in values_of(h)) for h in hits):
            return False
    return True


ALL_CASES = recognizers_cases() + duckling_cases()
