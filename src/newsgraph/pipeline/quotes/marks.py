"""Direct quotes by their marks: « », “ ” and " " (the profile's), partial or over several paragraphs
(French opens each paragraph of a long quote with « and closes once)."""

from __future__ import annotations

import re

from newsgraph.lang.profile import Words

MAX_QUOTE = 4000
# "Attentats de Bruxelles : le second kamikaze a été identifié": a headline quoted, not words said
HEADLINE = re.compile(r"^\w[^:.!?]{0,60}\s:\s\w")


def find_direct(text: str, words: Words) -> list[tuple[int, int]]:
    """Spans (inside the marks) of direct quotes; « with nested “ ” and multi-paragraph « ... « ... »."""
    pairs = words.quote_marks
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in pairs:
            close = pairs[c]
            j = text.find(close, i + 1)
            if c == close:
                # a straight quote closes on the next one in the same paragraph
                para_end = text.find("\n\n", i)
                if j < 0 or (0 <= para_end < j):
                    i += 1
                    continue
            if j < 0 or j - i > MAX_QUOTE:
                i += 1
                continue
            if c == words.paragraph_quote:
                inner_open = text.find(c, i + 1, j)
                if inner_open >= 0 and text[max(0, inner_open - 2):inner_open].strip() != "":
                    i = inner_open  # an unbalanced « before this one: restart from the inner one
                    continue
            start, end = i + 1, j
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end))
            i = j + 1
        else:
            i += 1
    return spans


def is_headline(quoted: str) -> bool:
    """A quoted headline ("UE : révision du mode de financement ..."): a short label, a colon, the rest."""
    return HEADLINE.match(quoted) is not None


def paragraph_starts(text: str) -> list[int]:
    """Offsets where the paragraphs (lines) of the text start."""
    return [0] + [m.end() for m in re.finditer(r"\n+", text)]
