"""French adjective inflection: the feminine and plural forms of a masculine singular adjective.

Regular rules with the irregular endings of country adjectives (grec/grecque, turc/turque); the
first part of a compound (nord-coréen, sud-africain) does not vary."""

from __future__ import annotations

_FEMININE = [
    ("eau", "elle"), ("ien", "ienne"), ("éen", "éenne"), ("en", "enne"), ("on", "onne"), ("grec", "grecque"),
    ("turc", "turque"), ("et", "ette"), ("el", "elle"), ("eux", "euse"), ("if", "ive"), ("er", "ère"),
]


def feminine(word: str) -> str:
    head, sep, last = word.rpartition("-")
    if last.endswith("e"):
        return word
    for end, repl in _FEMININE:
        if last.endswith(end):
            return head + sep + last[: -len(end)] + repl
    return head + sep + last + "e"


def plural(word: str) -> str:
    head, sep, last = word.rpartition("-")
    if last.endswith(("s", "x", "z")):
        return word
    if last.endswith("al"):
        return head + sep + last[:-2] + "aux"
    if last.endswith("eau"):
        return word + "x"
    return head + sep + last + "s"


def inflections(adjective: str) -> list[str]:
    """All four forms (masc. sg., fem. sg., masc. pl., fem. pl.), without duplicates, in that order."""
    fem = feminine(adjective)
    forms = [adjective, fem, plural(adjective), plural(fem)]
    return list(dict.fromkeys(forms))
