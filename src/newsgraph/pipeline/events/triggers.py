"""Triggers: the words of a sentence that the event lexicon knows (verbs, reflexive verbs, support-verb
locutions, event nouns), with the lemma of a verb the tagger got wrong read off its conjugated form."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsgraph.cameo import plover_for
from newsgraph.lang.lexicon import EventEntry
from newsgraph.lang.profile import LanguageProfile
from newsgraph.pipeline.events.coder import Coder
from newsgraph.pipeline.syntax import case_of, under
from newsgraph.text import plain_apostrophes


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
    inside_long_noun: set[int] = set()  # "siège" inside "état de siège" is no trigger of its own
    for tok in k.doc:
        if k.work.in_non_text(tok.idx, tok.idx + len(tok.text)) or tok.i in inside_long_noun:
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ in ("NOUN", "ADJ") and any(c.dep_ == "cop" for c in tok.children)):
            loc = locution(k, tok, lemma)
            if loc:
                found.append((tok, loc, "locution"))
                continue
        if tok.pos_ == "VERB" and lemma in k.words.stop_verbs:
            stop = stopped_act(k, tok)
            if stop:
                found.append((tok, stop, "locution"))
                continue
        if tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and "Part" in tok.morph.get("VerbForm")):
            lemma = verb_lemma(k.profile, tok)
            with_prep = preposition_entry(k, tok, lemma)
            if with_prep is not None:
                found.append((tok, with_prep, "verb+preposition"))
                continue
            reflexive = any(c.dep_.startswith("expl") or (c.dep_ in ("obj", "iobj") and c.lower_ in reflexive_clitics)
                            for c in tok.children)
            entry = (lex.reflexive.get(lemma) if reflexive else None) or lex.verbs.get(lemma)
            if entry:
                found.append((tok, entry, "reflexive verb" if reflexive and lemma in lex.reflexive else "verb"))
        elif tok.pos_ in ("NOUN", "ADJ") and mistagged_verb(k, tok):
            # a verb the tagger took for a noun or an adjective ("trois experts de l'ONU interdits
            # d'entrer", "l'armée encercle Tel Keppe", "X critique vivement l'UE", "réussissent à ravitailler")
            found.append((tok, lex.verbs[infinitive_of(k, tok)], "mistagged verb"))
        elif tok.pos_ == "NOUN":
            long = long_noun(k, tok)
            if long is not None:
                entry, length = long
                inside_long_noun.update(range(tok.i + 1, tok.i + length))
            else:
                entry = lex.nouns.get(lemma) or lex.nouns.get(tok.lower_) or lex.nouns.get(k.profile.plural(lemma))
            if entry:
                found.append((tok, entry, "noun"))
    return found


def infinitive_of(k: Coder, tok: Any) -> str | None:
    form = tok.lower_
    return k.profile.verb_forms.get(form) or (form if form in k.lex.verbs else None)


def mistagged_verb(k: Coder, tok: Any) -> bool:
    """A word tagged as a noun or an adjective that is a conjugated form of a lexicon verb, used as a
    verb: with a passive auxiliary or subject, or with no determiner and no preposition of its own and
    not opening its sentence or a headline's label (where a noun stands alone: "Attaque contre ...")."""
    if infinitive_of(k, tok) not in k.lex.verbs:
        return False
    if any(c.dep_ in ("nsubj:pass", "aux:pass") for c in tok.children):
        return True
    if tok.pos_ == "ADJ" and "Part" in tok.morph.get("VerbForm"):
        return False  # a participle the lexicon reads as a verb already
    infinitive = tok.lower_ in k.lex.verbs
    if any(c.dep_ == "det" or c.dep_ == "case" and not (infinitive and c.lower_ in k.words.infinitive_marks) for c in tok.children) \
            or tok.i == tok.sent.start or tok.dep_ == "amod":
        return False  # "la milice armée", "un renversement interne": adjectives
    before = tok.doc[tok.i - 1]
    return before.pos_ not in ("DET", "ADP", "PUNCT") or before.text == "," or infinitive and before.lower_ in k.words.infinitive_marks


# CAMEO: stopping an act, by the act's root: consultations (04) halted 164, diplomatic (05) 161 and
# material cooperation (06) 160, aid (07) 162 reduced; protest (14) eased 082; sanctions (16) and
# coercion (17) eased 085, 081; violence (18-20) de-escalated 087
STOPPED = {"04": "164", "05": "161", "06": "160", "07": "162", "14": "082", "16": "085", "17": "081",
           "18": "087", "19": "087", "20": "087"}


def stopped_act(k: Coder, tok: Any) -> EventEntry | None:
    """A verb that stops the act its object names, when no locution of the lexicon says it: "le
    Burundi a cessé toute coopération avec le HCDH" (160), "l'UE a interrompu son aide" (162)."""
    objects = [c for c in tok.children if c.dep_ == "obj" and c.pos_ == "NOUN"] or adjacent_nouns(k, tok)
    for c in objects:
        noun = k.lex.nouns.get(c.lemma_.lower()) or k.lex.nouns.get(c.lower_)
        code = STOPPED.get(noun.cameo[:2]) if noun is not None else None
        plover = plover_for(code) if code else None
        if noun is None or plover is None:
            continue
        return replace(noun, lemma=f"{tok.lemma_.lower()}+{c.lemma_.lower()}", pos="L", cameo=code, event=plover.event,
                       mode=plover.mode, context=plover.context, actor=("subj",),
                       recipient=tuple(dict.fromkeys((*noun.recipient, *noun.participants))), participants=())
    return None


PREP_DEPS = ("obl", "obl:arg", "obl:mod", "xcomp", "ccomp", "iobj", "advcl", "nmod")


def preposition_entry(k: Coder, tok: Any, lemma: str) -> EventEntry | None:
    """A verb whose complement takes the preposition of a "verbe+prép" entry ("appeler à la grève",
    "s'en prendre à")."""
    if not k.lex.preps:
        return None
    for c in tok.children:
        if c.dep_ in PREP_DEPS:
            case = case_of(c)
            if case is None:
                continue
            for prep in (case, *[p for p, forms in k.words.prep_aliases.items() if case in forms]):
                entry = k.lex.preps.get((lemma, prep))
                if entry is not None:
                    return entry
    return None


def _verb_between(c: Any, tok: Any) -> bool:
    """Is there another verb on the way from ``c`` up to ``tok``? ("a annoncé avoir suspendu son aide":
    the aid is suspended, not announced)."""
    t = c.head
    for _ in range(4):
        if t.i == tok.i or t.head.i == t.i:
            return False
        if t.pos_ in ("VERB", "AUX"):
            return True
        t = t.head
    return False


def _words_after(tok: Any, n: int) -> tuple[str, ...]:
    doc = tok.doc
    return tuple(plain_apostrophes(t.lower_) for t in doc[tok.i + 1: tok.i + 1 + n])


def long_noun(k: Coder, tok: Any) -> tuple[EventEntry, int] | None:
    """A noun of several words starting at this token ("état d'urgence", "prise d'otages"), and its length."""
    for first in (tok.lemma_.lower(), tok.lower_):
        for rest, entry in k.lex.long_nouns.get(first, ()):
            if _words_after(tok, len(rest)) == rest:
                return entry, len(rest) + 1
    return None


def locution(k: Coder, tok: Any, lemma: str) -> EventEntry | None:
    """A support verb with its noun ("exercer son droit de veto", "était en visite")."""
    if tok.pos_ in ("NOUN", "ADJ") and any(c.dep_ == "cop" for c in tok.children):
        # "était en visite", "est prête à": the noun or adjective heads, the copula hangs from it
        for verb in [c.lemma_.lower() for c in tok.children if c.dep_ == "cop"]:
            entry = k.lex.locutions.get((verb, tok.lemma_.lower()))
            if entry:
                return entry
        return None
    if lemma not in k.lex.locution_verbs:
        return None  # no locution starts with this verb
    for c in tok.subtree:
        if c.i == tok.i or abs(c.i - tok.i) > 8 or _verb_between(c, tok):
            continue
        for key in ((lemma, c.lemma_.lower()), (lemma, c.lower_)):
            for rest, entry in k.lex.long_locutions.get(key, ()):
                if _words_after(c, len(rest)) == rest and under(c, tok, 3):
                    return entry
            if key in k.lex.locutions and under(c, tok, 3):
                return k.lex.locutions[key]
    return adjacent_locution(k, tok, lemma)


SKIPPABLE = ("DET", "ADV", "ADJ", "NUM")


def adjacent_nouns(k: Coder, tok: Any) -> list[Any]:
    """The first noun right after a verb, past determiners, adverbs, adjectives, numbers and a time
    word, whatever the parse made of it ("a réduit jeudi le couvre-feu")."""
    for c in tok.doc[tok.i + 1:min(tok.i + 6, tok.sent.end)]:
        if c.pos_ == "NOUN" and not (c.dep_ == "obl:mod" and c.i in k.time_tokens):
            return [c]
        if c.pos_ not in SKIPPABLE and not (c.pos_ == "NOUN" and c.i in k.time_tokens):
            return []
    return []


def adjacent_locution(k: Coder, tok: Any, lemma: str) -> EventEntry | None:
    """The noun of a locution written right after its verb, whatever the parse made of it ("a levé
    vendredi le blocus ..., ont indiqué des responsables": the parser hung "blocus" on "indiqué");
    only determiners, adverbs, adjectives, numbers and a time word may come between."""
    sent_end = tok.sent.end
    for c in tok.doc[tok.i + 1:min(tok.i + 6, sent_end)]:
        entry = k.lex.locutions.get((lemma, c.lemma_.lower())) or k.lex.locutions.get((lemma, c.lower_))
        if entry is not None and c.pos_ == "NOUN":
            return entry
        if c.pos_ not in SKIPPABLE and not (c.pos_ == "NOUN" and c.dep_ == "obl:mod" and c.i in k.time_tokens):
            return None
    return None
