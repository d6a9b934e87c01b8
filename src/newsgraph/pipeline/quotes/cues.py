"""Cues: the reporting verbs of the profile (``reporting.tsv``: single verbs, reflexive ones such as
"s'inquiéter", and locutions such as "faire savoir" or "mettre en garde"), and the attributions
("selon X", "d'après X", and "Pour X, ..." at the head of a sentence)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsgraph.lang.profile import LanguageProfile
from newsgraph.text import plain_apostrophes

VERBAL = ("VERB", "AUX", "ADJ")


@dataclass(frozen=True)
class Reporting:
    """The reporting verbs of a profile, indexed for matching on a parse."""

    kinds: dict[str, str]  # lemma -> kind
    locutions: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)  # first word -> [(rest, lemma)]
    reflexive: dict[str, str] = field(default_factory=dict)  # "inquiéter" -> "s'inquiéter"


@lru_cache(maxsize=8)
def reporting_of(profile: LanguageProfile) -> Reporting:
    locutions: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    reflexive: dict[str, str] = {}
    for lemma in profile.reporting:
        base = profile.reflexive_base(lemma)
        if base is not None:
            reflexive[base] = lemma
            continue
        words = lemma.split(" ")
        if len(words) > 1:
            locutions.setdefault(words[0], []).append((tuple(words[1:]), lemma))
    for entries in locutions.values():
        entries.sort(key=lambda e: -len(e[0]))
    return Reporting(dict(profile.reporting), locutions, reflexive)


@dataclass(frozen=True)
class Cue:
    """A reporting verb (or locution) found on a token: its lemma, kind and the tokens it spans."""

    lemma: str
    kind: str
    head: Any  # the verb token that heads the cue (of a locution, the word the parser made its head)
    last: int  # index of its last token (the locution's last word)
    first: int = -1  # index of its first token

    def span(self) -> tuple[int, int]:
        """Characters of the cue with its auxiliaries ("a déclaré", "a fait savoir")."""
        doc = self.head.doc
        first = doc[self.first if self.first >= 0 else self.head.i]
        aux = [c for t in (first, self.head) for c in t.children if c.dep_.startswith("aux") and first.i - 4 <= c.i < first.i
               and not any(x.is_punct for x in doc[c.i:first.i])]  # "a déclaré", "a-t-il dit": next to the verb
        start = min([first.idx] + [a.idx for a in aux])
        end_tok = doc[self.last]
        return start, end_tok.idx + len(end_tok.text)


def _locution_head(doc: Any, first: int, last: int) -> Any:
    """The word of a locution the parser made its head ("savoir" in "a fait savoir")."""
    for t in doc[first:last + 1]:
        if not (first <= t.head.i <= last) or t.head.i == t.i:
            return t
    return doc[first]


def reporting_cue(profile: LanguageProfile, tok: Any) -> Cue | None:
    """The reporting verb or locution that starts at this token, if any."""
    rep = reporting_of(profile)
    candidates = []
    if tok.pos_ in VERBAL:
        candidates.append(tok.lemma_.lower())
    guess = profile.verb_forms.get(tok.lower_)
    if guess and (tok.pos_ in VERBAL or verb_by_its_neighbours(tok)):
        candidates.append(guess)
    if not candidates:
        return None
    doc = tok.doc
    for lemma in candidates:
        for rest, full in rep.locutions.get(lemma, ()):
            j, ok = tok.i + 1, True
            for word in rest:
                while j < len(doc) and doc[j].pos_ == "ADV" and plain_apostrophes(doc[j].lower_) != word:
                    j += 1  # "a fait aussi savoir"
                if j >= len(doc) or word not in (plain_apostrophes(doc[j].lower_), doc[j].lemma_.lower()):
                    ok = False
                    break
                j += 1
            if ok:
                return Cue(full, rep.kinds[full], _locution_head(doc, tok.i, j - 1), j - 1, tok.i)
        if lemma in rep.reflexive and any(plain_apostrophes(c.lower_) in profile.words.reflexive_clitics for c in tok.children):
            full = rep.reflexive[lemma]
            return Cue(full, rep.kinds[full], tok, tok.i)
        if lemma in rep.kinds and lemma not in rep.locutions:
            return Cue(lemma, rep.kinds[lemma], tok, tok.i)
    return None


def verb_by_its_neighbours(tok: Any) -> bool:
    """A verb the tagger called something else: it has a subject or an auxiliary, or an inverted
    subject pronoun follows it ("estime-t-il")."""
    if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("nsubj", "aux", "aux:tense", "ccomp") for c in tok.children):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.pos_ == "PRON" and nxt.text.startswith("-")


def first_person(tok: Any, words: Any = None) -> bool:
    """A verb in the first person or with the writer's subject ("Rappelons que", "je dirais", "On note
    que"): the writer speaks, not a source."""
    if "1" in tok.morph.get("Person"):
        return True
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")]
    if any("1" in c.morph.get("Person") for c in subjects):
        return True
    if words is None:
        return False
    if any(c.lower_ in words.writer_subjects for c in subjects):
        return True
    # an imperative of the first person plural has no subject ("Rappelons que")
    return not subjects and "Fin" in tok.morph.get("VerbForm") and tok.lower_.endswith(tuple(words.first_plural_endings))


@dataclass(frozen=True)
class Attribution:
    """ "selon X" / "d'après X" / "Pour X," in a sentence: the preposition and X's head token."""

    prep: Any
    source: Any
    initial: bool  # "Pour X," opening the sentence
    first: int  # the attribution's first token ("d'" of "d'après" cut in two)
    last: int  # its last token: the end of X's phrase, before any comma ("Selon eux, Paris et Marseille ...")

    def span(self) -> tuple[int, int]:
        tok = self.prep
        return tok.doc[self.first].idx, tok.idx + len(tok.text)


def attributions(profile: LanguageProfile, sent: Any) -> list[Attribution]:
    """The attributions of a sentence: "selon X", "d'après X" anywhere, "Pour X," at its head (the
    first word, or after a leading adverbial), with X a noun phrase or a pronoun."""
    words = profile.words
    out = []
    relative = words.relative_after_preposition
    for tok in sent:
        low = plain_apostrophes(tok.lower_)
        split = words.attribution_split.get(low)
        is_selon = low in words.attribution_preps or (split is not None and tok.i > 0 and plain_apostrophes(tok.doc[tok.i - 1].lower_) == split)
        initial = low in words.attribution_initial and (_opens(sent, tok) or _opens_quote(sent, tok, words))
        if not (is_selon or initial):
            continue
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is None or nxt.lower_ in relative:
            continue  # "selon laquelle": a relative, not an attribution
        obj = tok.head if tok.head.i > tok.i else nxt
        if obj.pos_ not in ("NOUN", "PROPN", "PRON") and not (obj.i == tok.head.i and obj.pos_ == "ADJ"):  # "selon ces derniers"
            if initial:
                continue  # "Pour compléter les efforts, ...": a purpose, not a source
            obj = next((t for t in tok.doc[tok.i + 1: min(tok.i + 6, sent.end)] if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
            if obj is None:
                continue
        if initial and not _comma_after(sent, obj) and not any(t.text == "," for t in tok.doc[tok.i + 1:max(t.i for t in obj.subtree) + 1]):
            continue  # "Pour la première fois ...": a purpose or a time, not a source
        end = max(t.i for t in obj.subtree)
        comma = next((t.i for t in tok.doc[tok.i + 1:end + 1] if t.text == ","), None)
        last = comma - 1 if comma is not None and comma > obj.i else end
        out.append(Attribution(tok, obj, initial, tok.i - 1 if split is not None and low not in words.attribution_preps else tok.i, last))
    return out


def _opens(sent: Any, tok: Any) -> bool:
    """Does the word open its sentence, or follow a short connector and a comma ("Cependant, pour X,",
    "Cela dit, pour X,")?"""
    before = [t for t in sent if t.i < tok.i and not t.is_punct and not t.is_space]
    if not before:
        return True
    prev = tok.doc[tok.i - 1] if tok.i > sent.start else None
    return prev is not None and prev.text == "," and len(before) <= 2 and not any(t.pos_ in ("NOUN", "PROPN") for t in before)


def _opens_quote(sent: Any, tok: Any, words: Any) -> bool:
    """ "tandis que, pour le président de la Commission, « ... »": "pour X," inside a sentence, after a
    comma or a conjunction, right before quotation marks."""
    doc = sent.doc
    prev = next((t for t in reversed(doc[sent.start:tok.i]) if not t.is_space), None)
    if prev is None or not (prev.text == "," or prev.pos_ in ("CCONJ", "SCONJ")):
        return False
    for t in doc[tok.i + 1:min(tok.i + 16, sent.end)]:
        if t.text == ",":
            nxt = next((u for u in doc[t.i + 1:sent.end] if not u.is_space), None)
            return nxt is not None and nxt.text in words.quote_marks
    return False


def _comma_after(sent: Any, obj: Any) -> bool:
    """Is the noun phrase of "Pour X" closed by a comma (the end of its subtree, or of an apposition)?"""
    last = max(t.i for t in obj.subtree)
    for t in sent.doc[last + 1: min(last + 3, sent.end)]:
        if t.text == ",":
            return True
    return False
