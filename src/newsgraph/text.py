"""Text keys shared by every layer: the matching key of a name, slugs, and a sorted index of key prefixes."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_NON_WORD = re.compile(r"[\W_]+")
ENGLISH = "en"  # the word list that tells brands and loanwords (JavaScript, LinkedIn) from glued words


@lru_cache(maxsize=100_000)
def norm(text: str) -> str:
    """Matching key: no accents, lowercase, hyphens/apostrophes/dots as spaces, spaces collapsed."""
    if text.isascii():  # most candidate spans: nothing to decompose
        return _NON_WORD.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae")
    return _NON_WORD.sub(" ", stripped.lower()).strip()


def plain_apostrophes(text: str) -> str:
    return text.replace("’", "'")


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "x"


class KeyPrefixes:
    """Answers "does any key start with this string?" over a sorted list of matching keys, so that a
    longest match stops extending as soon as no name can start with what it has read."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = sorted(set(keys))
        self.size = len(self.keys)

    def __contains__(self, prefix: str) -> bool:
        i = bisect_left(self.keys, prefix)
        return i < self.size and self.keys[i].startswith(prefix)

    def starting_with(self, prefix: str) -> list[str]:
        """The keys that start with ``prefix``, in sorted order."""
        i = bisect_left(self.keys, prefix)
        out = []
        while i < self.size and self.keys[i].startswith(prefix):
            out.append(self.keys[i])
            i += 1
        return out


def size_cached(owner: object, name: str, size: int, build: Any) -> Any:
    """A value derived from a table that only grows, kept on ``owner`` and rebuilt when its size changes."""
    cached = owner.__dict__.get(name)
    if cached is None or cached[0] != size:
        cached = (size, build())
        owner.__dict__[name] = cached
    return cached[1]
