"""Triggers: the words of a sentence that the event lexicon knows (verbs, reflexive verbs, support-verb
locutions, event nouns), with the lemma of a verb the tagger got wrong read off its conjugated form."""

from __future__ import annotations

from typing import Any

from newsgraph.lang.lexicon import EventEntry
from newsgraph.lang.profile import LanguageProfile
from newsgraph.pipeline.events.coder import Coder
from newsgraph.pipeline.syntax import under


def verb_lemma(profile: LanguageProfile, tok: Any) -> str:
    """The infinitive of a verb, also for participles the tagger calls adjectives and forms it
    lemmatised wrongly (the conjugated forms of the lexicon's verbs say which)."""
    lemma = tok.lemma_.lower()
    lex = profile.lexicon
    if lemma not in lex.verbs and lemma not in lex.reflexive and lemma not in profile.reporting:
        guess = profile.verb_forms.get(tok.lower_)
        if guess:
            return guess
    if tok.pos_ == "ADJ" and "Part" in tok.morph.get("VerbForm"):
        infinitive = profile.participle_infinitive(lemma)
        if infinitive:
            return infinitive
    return lemma


def triggers(k: Coder) -> list[tuple[Any, EventEntry, str]]:
    found = []
    lex = k.lex
    reflexive_clitics = k.words.reflexive_clitics
    for tok in k.doc:
        if k.work.in_non_text(tok.idx, tok.idx + len(tok.text)):
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and any(c.dep_ == "cop" for c in tok.children)):
            loc = locution(k, tok, lemma)
            if loc:
                found.append((tok, loc, "locution"))
                continue
        if tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and "Part" in tok.morph.get("VerbForm")):
            lemma = verb_lemma(k.profile, tok)
            reflexive = any(c.dep_.startswith("expl") or (c.dep_ in ("obj", "iobj") and c.lower_ in reflexive_clitics)
                            for c in tok.children)
            entry = (lex.reflexive.get(lemma) if reflexive else None) or lex.verbs.get(lemma)
            if entry:
                found.append((tok, entry, "reflexive verb" if reflexive and lemma in lex.reflexive else "verb"))
        elif tok.pos_ == "NOUN" and lemma in lex.nouns:
            found.append((tok, lex.nouns[lemma], "noun"))
        elif tok.pos_ == "NOUN" and tok.lower_ in lex.nouns:
            found.append((tok, lex.nouns[tok.lower_], "noun"))
    return found


def locution(k: Coder, tok: Any, lemma: str) -> EventEntry | None:
    """A support verb with its noun ("exercer son droit de veto", "était en visite")."""
    if tok.pos_ == "NOUN":  # "était en visite": the noun heads, the copula hangs from it
        for verb in [c.lemma_.lower() for c in tok.children if c.dep_ == "cop"]:
            entry = k.lex.locutions.get((verb, tok.lemma_.lower()))
            if entry:
                return entry
        return None
    for c in tok.subtree:
        if c.i == tok.i or abs(c.i - tok.i) > 8:
            continue
        for key in ((lemma, c.lemma_.lower()), (lemma, c.lower_)):
            if key in k.lex.locutions and under(c, tok, 3):
                return k.lex.locutions[key]
    return None
