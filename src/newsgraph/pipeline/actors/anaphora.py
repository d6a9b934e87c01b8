"""Mentions that point back: "ce dernier" (the last noun phrase that agrees with it), anaphoric nouns
("l'organisation"), subject pronouns (the last compatible subject), and descriptions in apposition to
a name ("le ministre russe de la Défense, Sergueï Choïgou")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.pipeline.actors.descriptions import apposed_organisation, lookback
from newsgraph.pipeline.actors.resolver import Context, Found, FromHistory, Resolver, TokenTable
from newsgraph.pipeline.syntax import SUBJECT_DEPS, agreement, governed_by
from newsgraph.text import plain_apostrophes


@dataclass
class Latter:
    """'ce dernier' is the last noun phrase before it that agrees with it: an actor's mention, or else
    no actor ("la région orientale du Donbass. Cette dernière est coupée en deux")."""

    gender: str | None
    number: str | None

    def __call__(self, r: Resolver, f: Found, ctx: Context) -> str | None:
        doc = ctx.doc
        words = r.words

        def agrees(tok: Any, key: str | None) -> bool:
            # one of several is no antecedent ("ce dernier" is not a coordination); a person's name
            # may carry no number
            if tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children):
                return False
            g, n = agreement(tok, words)
            if (n or "Sing") != self.number and not (key is not None and r.infos[key].kind == "person" and n is None):
                return False
            return g is None or g == self.gender

        covering = {i: key for prev, key in ctx.resolved for i in range(prev.t0, prev.t1)}
        # "Ce dernier indique ...": the subject of a reporting verb is someone who speaks
        verb = doc[f.t0].head
        speaks = doc[f.t0].dep_ in SUBJECT_DEPS and (verb.lemma_.lower() in r.profile.reporting
                                                      or r.profile.verb_forms.get(verb.lower_) in r.profile.reporting)
        start = doc[f.t0].sent.start
        first = doc[start - 1].sent.start if start > 0 else 0
        for i in range(f.t0 - 1, first - 1, -1):
            tok = doc[i]
            if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in words.months or tok.lower_ in words.weekdays \
                    or tok.dep_ in ("flat:name", "flat", "fixed"):
                continue
            if governed_by(tok, words.place_preps):
                continue  # "... à Madagascar. Ce dernier indique": where something is, not who
            if speaks and (covering.get(i) is None or r.infos[covering[i]].kind != "person"):
                continue
            if agrees(tok, covering.get(i)):
                return covering.get(i)
        for prev, key in reversed(ctx.resolved):
            if prev.sent < f.sent - 2:
                break
            if speaks and r.infos[key].kind != "person":
                continue
            if prev.how != "pronoun" and agrees(doc[prev.head] if prev.head is not None else doc[prev.t0], key):
                return key
        return None


@dataclass
class Pronoun:
    """A subject pronoun is the last compatible subject of the two sentences before it."""

    gender: str | None
    number: str | None

    def __call__(self, r: Resolver, f: Found, ctx: Context) -> str | None:
        doc = ctx.doc
        for prev, key in reversed(ctx.resolved):
            if prev.sent < f.sent - 2:
                break
            if prev.how == "pronoun" and prev.sent < f.sent - 1:
                continue
            tok = doc[prev.head] if prev.head else doc[prev.t0]
            if tok.dep_ in ("appos", "flat:name") and tok.head.dep_ in SUBJECT_DEPS:
                tok = tok.head  # "Le président Laurent Gbagbo a annoncé qu'il ...": the name in apposition to the subject
            if tok.dep_ not in SUBJECT_DEPS and tok.dep_ != "conj" and prev.how != "pronoun":
                continue
            info = r.infos[key]
            n = tok.morph.get("Number")
            g = tok.morph.get("Gender")
            coordinated = tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)
            if self.number == "Plur" and not coordinated and info.kind != "group" and n != ["Plur"]:
                continue
            if self.number == "Sing" and n == ["Plur"]:
                continue
            if self.gender == "Fem" and g == ["Masc"] and info.kind != "person":
                continue
            if self.gender == "Masc" and g == ["Fem"]:
                continue
            return key
        return None


def anaphors(r: Resolver, doc: Any, sents: list[int]) -> None:
    """'cette dernière' is the last actor named; 'l'organisation' the last organisation or group."""
    words = r.words
    for tok in doc:
        if tok.i in r.taken or tok.i == 0:
            continue
        prev = plain_apostrophes(doc[tok.i - 1].lower_)
        low = tok.lower_
        f = Found(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), "description", sent=sents[tok.i], head=tok.i)
        if low in words.latter and prev in words.demonstratives and (
                tok.dep_ in SUBJECT_DEPS | {"obj", "nmod", "obl"}
                or tok.dep_ == "obl:mod" and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ not in ("NOUN", "PROPN")):
            f.resolve = Latter(*words.latter[low])
        elif low in words.anaphor_nouns and prev in words.anaphoric_determiners \
                and tok.dep_ in SUBJECT_DEPS | {"obj", "obl:agent", "iobj", "obl:arg"} \
                and not any(c.dep_ in ("nmod", "amod", "appos", "flat:name") for c in tok.children):
            kinds = words.anaphor_nouns[low]
            f.resolve = FromHistory(lookback(r, lambda i, kinds=kinds: i.kind in kinds))
        else:
            continue
        r.add(f)


def match_pronouns(r: Resolver, doc: Any, sents: list[int]) -> None:
    keys = TokenTable.of(doc).keys
    pronouns = r.words.subject_pronouns
    for i in range(len(doc)):
        if keys[i] not in pronouns or i in r.taken:
            continue
        tok = doc[i]
        if tok.pos_ != "PRON" or tok.dep_ not in ("nsubj", "nsubj:pass"):
            continue
        feats = pronouns.get(tok.lower_)
        if not feats:
            continue
        r.add(Found(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), "pronoun", sent=sents[tok.i], head=tok.i,
                    resolve=Pronoun(*feats)))


def _apposed(doc: Any, f: Found, g: Found) -> bool:
    """Is the name g in apposition to the description f (no verb between, g under f's head)?"""
    between = doc[f.t1:g.t0]
    if len(between) <= 1 and all(t.text == "," for t in between):
        return True
    if len(between) > 12 or any(t.pos_ in ("VERB", "AUX") for t in between):
        return False
    t = doc[g.head]
    for _ in range(6):
        if t.i == f.head:
            return doc[g.head].dep_ in ("appos", "flat:name", "nmod") or between[-1].text == ","
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def organisation_roles(r: Resolver, doc: Any, resolved: list[tuple[Found, str]]) -> None:
    """A known person whose apposition names the international organisation they serve takes its
    code ("Kofi Annan, secrétaire général de l'ONU" -> IGOUNO)."""
    for f, key in resolved:
        info = r.infos[key]
        if f.how != "name" or info.kind != "person" or not info.code:
            continue
        org = apposed_organisation(r, doc, f.t0, f.t1)
        if org and org != info.code[:len(org)]:
            info.why += f"; code {org} from the apposition {doc[f.t1:f.t1 + 8].text!r}, not {info.code}"
            info.code, info.country = org, org[:3]


def merge_appositions(r: Resolver, doc: Any, resolved: list[tuple[Found, str]]) -> None:
    """'le ministre russe de la Défense, Sergueï Choïgou': the description names the same person; an
    unknown person takes the description's code."""
    for idx, (f, key) in enumerate(resolved[:-1]):
        if f.how != "description" or r.infos[key].kind not in ("person",):
            continue
        nxt = [(g, gkey) for g, gkey in resolved[idx + 1: idx + 4] if r.infos[gkey].kind == "person" and g.how in ("name", "alias")]
        if not nxt:
            continue
        g, gkey = nxt[0]
        if not _apposed(doc, f, g):
            continue
        info = r.infos[gkey]
        dinfo = r.infos[key]
        if info.code is None and dinfo.code:
            info.code, info.country = dinfo.code, dinfo.country
            info.why += f"; code {dinfo.code} from the description {r.work.text[f.start:f.end]!r}"
        resolved[idx] = (f, gkey)
