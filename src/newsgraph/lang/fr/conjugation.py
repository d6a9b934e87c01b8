"""Conjugated forms of French verbs, generated from their lemmas.

Used to recognise a verb whose lemma the tagger got wrong ("tue" -> "taire" in a headline) and to
find reporting verbs in the text ("a-t-il déclaré", ", dit-elle"). Regular -er verbs are generated;
irregular verbs give their stems in ``reporting.tsv``."""

from __future__ import annotations

from functools import lru_cache

ER_ENDINGS = ("e", "es", "ent", "é", "ée", "és", "ées", "a", "ait", "aient", "ant", "ons", "ez", "èrent", "era", "eront",
              "erait", "eraient", "er")
IR_ENDINGS = ("it", "issent", "i", "ie", "is", "ies", "issait", "issaient", "issant", "ira", "iront", "irait", "iraient", "ir")


def forms(lemma: str, irregular: tuple[str, ...] = ()) -> set[str]:
    """Third-person and participle forms of a verb (plus those given for an irregular one)."""
    out: set[str] = {lemma}
    reflexive = lemma.startswith(("se ", "s'"))
    verb = lemma.split(" ", 1)[1] if lemma.startswith("se ") else lemma[2:] if lemma.startswith("s'") else lemma
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    if irregular:
        out.update(f + ("" if f.endswith(tail) else tail) if tail else f for f in irregular)
    elif head.endswith("er"):
        stem = head[:-2]
        for end in ER_ENDINGS:
            form = stem + end
            if stem.endswith("g") and end[:1] in ("a", "o"):
                form = stem + "e" + end
            if stem.endswith("c") and end[:1] in ("a", "o"):
                form = stem[:-1] + "ç" + end
            out.add(form + tail)
    elif head.endswith("ir"):
        stem = head[:-2]
        out.update(stem + end + tail for end in IR_ENDINGS)
    if reflexive:
        out.update(list(out))
    return out


@lru_cache(maxsize=1)
def event_verb_forms() -> dict[str, str]:
    """Surface form -> lemma for the verbs of the event lexicon (first lemma wins on a clash)."""
    from newsgraph.lang.fr.lexicon import event_lexicon, reporting_verbs

    out: dict[str, str] = {}
    for entry in event_lexicon().entries:
        if entry.pos in ("V", "P"):
            lemma = entry.lemma.split(" ", 1)[1] if entry.lemma.startswith("se ") else entry.lemma[2:] if entry.lemma.startswith("s'") else entry.lemma
            for f in forms(lemma):
                out.setdefault(f, lemma)
    for lemma in reporting_verbs():
        for f in forms(lemma):
            out.setdefault(f, lemma)
    return out
