"""Dependency-tree helpers shared by the stages (Universal Dependencies labels, as spaCy gives them).

Nothing here knows a language's words: those come from the ``LanguageProfile`` passed in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsgraph.text import plain_apostrophes

if TYPE_CHECKING:
    from newsgraph.lang.profile import LanguageProfile, Words

SUBJECTS = ("nsubj", "nsubj:pass")
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "obl:agent"}


def conjuncts(tok: Any) -> list[Any]:
    """A token and the tokens coordinated with it, in order."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return out


def case_of(tok: Any) -> str | None:
    """The preposition (or subordinating mark) that introduces a token, plain apostrophes."""
    for c in tok.children:
        if c.dep_ in ("case", "mark") or (c.dep_ == "fixed" and c.i < tok.i):
            return plain_apostrophes(c.lower_)
    return None


def preposition_before(tok: Any) -> str | None:
    """The preposition written before a token ("de la Russie" -> "de")."""
    for c in tok.children:
        if c.dep_ in ("case", "fixed") and c.i < tok.i:
            return plain_apostrophes(c.lower_)
    return None


def matches_prep(words: Words, case: str | None, prep: str) -> bool:
    """Does a case word stand for a frame's preposition (with its contracted forms)?"""
    if case is None:
        return False
    return case in words.prep_aliases.get(prep, {prep})


def word_in(tok: Any, words: frozenset[str] | set[str]) -> bool:
    """Is the token, by its lemma or its form, one of these words?"""
    return tok.lemma_.lower() in words or tok.lower_ in words


def governed_by(tok: Any, preps: frozenset[str] | set[str]) -> bool:
    """Is the token introduced by one of these prepositions?"""
    cases = {plain_apostrophes(c.lower_) for c in tok.children if c.dep_ in ("case", "fixed")}
    return bool(cases & preps)


def is_passive(tok: Any, words: Words) -> bool:
    lemma = tok.lemma_.lower()
    if (lemma in words.be_auxiliary or lemma in words.stative_participles) and not any(c.dep_ == "obl:agent" for c in tok.children):
        # "est repassée à l'offensive": the compound past of a verb conjugated with "be"; "est
        # disposée à envoyer": a state of the subject
        return False
    if any(c.dep_ == "aux:pass" for c in tok.children):
        return True
    if any(c.dep_ == "nsubj:pass" for c in tok.children):
        # the parser sometimes calls the subject of a compound past with the "have" auxiliary a
        # passive subject; passives take the "be" auxiliary
        return not any(c.dep_.startswith("aux") and c.lemma_ == words.have for c in tok.children)
    participle = "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense")
    if participle and any(c.dep_ == "cop" for c in tok.children):
        return True  # a participle tagged as an adjective with a copula
    if participle and tok.dep_ == "conj" and tok.head.i != tok.i:
        return is_passive(tok.head, words)  # the second of two coordinated passives
    if participle and not any(c.dep_.startswith("aux") for c in tok.children) and tok.dep_ in ("advcl", "acl", "amod", "appos", "xcomp"):
        # a bare past participle is passive, unless the "have" auxiliary the parser attached elsewhere
        # stands just before it ("les rebelles ont de nouveau rejeté")
        return not stray_have(tok, words)
    return False


def stray_have(tok: Any, words: Words) -> bool:
    """Does a "have" auxiliary the parser attached elsewhere stand just before this participle?"""
    return any(t.lemma_ == words.have and t.pos_ == "AUX" for t in tok.doc[max(tok.sent.start, tok.i - 4):tok.i])


def under(tok: Any, head: Any, depth: int) -> bool:
    """Is ``head`` among the first ``depth`` ancestors of ``tok``?"""
    t = tok
    for _ in range(depth):
        if t.head.i == head.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def moods(tok: Any, words: Words) -> list[str]:
    """The tagger's moods, with the conditional read off the ending when it missed it."""
    out = list(tok.morph.get("Mood"))
    if tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm") and tok.lower_.endswith(words.conditional_endings):
        out.append("Cnd")
    return out


def span_head(doc: Any, t0: int, t1: int) -> int:
    for i in range(t0, t1):
        head = doc[i].head.i
        if not (t0 <= head < t1) or head == i:
            return i
    return t0


def sentence_index(doc: Any) -> list[int]:
    """The number of the sentence of each token."""
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index


def part_of_longer_name(tok: Any) -> bool:
    """A name word followed by another capitalised name word of the same name ("Paris Saint-Germain")."""
    return any(c.dep_ in ("flat:name", "flat") and c.i == tok.i + 1 and c.text[:1].isupper() for c in tok.children)


def agreement(tok: Any, words: Words) -> tuple[str | None, str | None]:
    """Gender and number of a mention's head, from its morphology or else its determiner."""
    g = tok.morph.get("Gender")
    n = tok.morph.get("Number")
    gender, number = (g[0] if g else None), (n[0] if n else None)
    for c in tok.children:
        if c.dep_ == "det" and c.i < tok.i:
            det = c.lower_
            if det in words.feminine_determiners and gender is None:
                gender = "Fem"
            elif det in words.masculine_determiners and gender is None:
                gender = "Masc"
            if det in words.plural_determiners and number is None:
                number = "Plur"
    return gender, number


def depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def main_verb(sent: Any) -> Any:
    """The highest finite verb of a sentence (the parser may make a fronted noun its root)."""
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and ("Fin" in t.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in t.children))]
    return min(verbs, key=depth) if verbs else None


def clause_tense(doc: Any, char: int, profile: LanguageProfile) -> int:
    """-1 for a past clause, +1 for a future or conditional one, 0 for present or unknown."""
    if doc is None:
        return 0
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    if tok is None or len(tok) == 0:
        return 0
    t = tok[0]
    for _ in range(12):
        finite = "Fin" in t.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in t.children)
        if t.pos_ in ("VERB", "AUX") and finite or t.head.i == t.i:
            break
        t = t.head  # a participle or an infinitive takes the tense of the verb that governs it
    if t.pos_ not in ("VERB", "AUX"):
        t = main_verb(t.sent) or t
    feats = [t, *[c for c in t.children if c.dep_.startswith("aux")]]
    tenses = {f for x in feats for f in x.morph.get("Tense")}
    mood = {f for x in feats for f in x.morph.get("Mood")}
    if "Fut" in tenses or "Cnd" in mood:
        return 1
    if any(x.dep_.startswith("aux") and x.lemma_ == profile.words.near_future for x in feats if x is not t):
        return 1
    if "Past" in tenses or "Imp" in tenses or any(x.dep_.startswith("aux") for x in feats if x is not t):
        return -1
    return 0
