"""Who said it: the subject of the cue (before, after or inverted), a pronoun (the actor stage's
reading, else the previous quote's speaker), the source of an attribution, the subject of the clause
that holds a partial quote, the actor named before a colon, and the speaker of the quote before for a
quote that goes on without a cue. A speaker that cannot be read stays None, and the ``why`` says so."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.pipeline.participants import ActorIndex, actors_of, subject_actors
from newsgraph.pipeline.quotes.cues import Attribution
from newsgraph.pipeline.syntax import agreement, is_passive
from newsgraph.pipeline.work import Work
from newsgraph.text import plain_apostrophes

SUBJECTS = ("nsubj", "nsubj:pass")
SPEAKER_KINDS = ("person", "organization", "group", "country")


@dataclass
class Said:
    """A quote on its way to the output: its span, cue and speaker, and how they were found."""

    start: int
    end: int
    direct: bool
    paragraph: int
    cue: tuple[int, int] | None = None
    speaker: str | None = None
    how: list[str] = field(default_factory=list)
    verb: Any = None  # the reporting verb of indirect speech
    attribution: Attribution | None = None  # "selon X" of an indirect quote
    incise: bool = False  # indirect speech before an inserted cue (", a-t-il ajouté")


class Speakers:
    """Speaker resolution, with the memory of the quotes read so far (in text order)."""

    def __init__(self, work: Work) -> None:
        self.work = work
        self.idx = ActorIndex(work)
        self.words = work.profile.words
        self.by_id = {a.id: a for a in work.actors}
        self.last: Said | None = None  # the last quote whose speaker is known
        self.quoted: list[tuple[int, int]] = []  # the spans of the direct quotes

    def name(self, aid: str | None) -> str:
        a = self.by_id.get(aid or "") or self.idx.by_id.get(aid or "")
        return f"{a.name} ({a.code or 'no code'})" if a else "nobody"

    def heard(self, said: Said) -> None:
        if said.speaker:
            self.last = said

    # -- from a verb ----------------------------------------------------------------------------
    def of_verb(self, verb: Any, inverted: bool = False, depth: int = 0) -> tuple[str | None, str]:
        """The speaker of a cue verb, and how it was read."""
        for c in verb.children:  # inverted pronoun "a-t-il dit", "dit-elle": the subject, whatever else the parser found
            if self.inverted_pronoun(c) and self._pronoun(c):
                return self.pronoun(c)
        subj = [c for c in verb.children if c.dep_ in SUBJECTS]
        if not subj and not any(c.dep_ in ("aux:pass", "expl:pass") for c in verb.children):
            # "il déclare à la police « ... »": a reporting verb has no impersonal subject; the parser's "expl"
            subj = [c for c in verb.children if c.dep_ == "expl:subj" and self._pronoun(c)]
        if subj and subj[0].lower_ in self.words.relative_subject and verb.dep_.startswith("acl"):
            aid = self._antecedent(verb.head)
            if aid:
                return aid, f"the antecedent of {subj[0].text!r}, {self.name(aid)}"
        if subj and self._pronoun(subj[0]):
            return self.pronoun(subj[0])
        found = subject_actors(self.idx, verb)
        if found:
            return found[0], "its subject"
        group = self.idx.group_of_main_country(subj[0]) if subj and subj[0].pos_ == "NOUN" else None
        if group is not None:
            return group, f"its subject {subj[0].text!r}, a group of the country the article is about"
        shared = self._shared_subject(verb)
        if shared is not None:
            return shared, "the subject it shares with the verb it is coordinated with"
        before = self._just_before(verb)
        if before is not None:
            return before, "the actor just before it (the parse gave it another subject)"
        root = verb.sent.root
        if not subj and root.i != verb.i and root.pos_ == "AUX" and any(c.dep_ in SUBJECTS for c in root.children):
            # "L'évêque s'est de son côté étonné": the auxiliary taken for the main verb holds the subject
            found = subject_actors(self.idx, root)
            if found:
                return found[0], "the subject of its auxiliary (the parse split the verb)"
        if not subj and verb.dep_ in ("ROOT",):
            lead = self._leading_actor(verb)
            if lead is not None:
                return lead, "the actor that opens its sentence (the parse gave it no subject)"
        if not subj and verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i and depth < 2:
            # "« ... », précise-t-il, ajoutant que": the speaker of the verb it depends on
            aid, how = self.of_verb(verb.head, inverted=inverted or verb.head.i < verb.i, depth=depth + 1)
            if aid is not None:
                return aid, f"the speaker of {verb.head.text!r}: {how}"
        if inverted:  # "», a déclaré Kang": the subject follows the verb, whatever the parser called it
            for c in verb.children:
                if c.i > verb.i and c.i - verb.i <= 4 and c.pos_ in ("PROPN", "NOUN") and not any(x.dep_ == "case" for x in c.children):
                    ids = actors_of(self.idx, c)
                    if ids:
                        return ids[0], "the subject after it"
        if verb.i + 1 < len(verb.doc) and self._pronoun(verb.doc[verb.i + 1]):
            return self.pronoun(verb.doc[verb.i + 1])
        return None, "its subject names no actor"

    def _antecedent(self, tok: Any) -> str | None:
        """The actor a relative "qui" stands for: the head of the whole noun phrase the clause hangs
        from ("Idriss Déby, président du Tchad et de l'Union africaine, qui a rappelé ..." is Déby,
        not the Union the parser attached the clause to)."""
        chain = [tok]
        t = tok
        while t.dep_ in ("nmod", "conj", "appos", "flat:name") and t.head.i < t.i and len(chain) < 6:
            t = t.head
            chain.append(t)
        for t in reversed(chain):
            ids = actors_of(self.idx, t)
            if ids and self._speaks(ids[0]):
                return ids[0]
        return None

    def after(self, verb: Any) -> tuple[str | None, str]:
        """The subject written after an inserted cue, however the parser attached it: a pronoun, else
        the first actor to the end of the sentence."""
        for t in verb.doc[verb.i + 1:verb.sent.end]:
            if self._pronoun(t):
                return self.pronoun(t)
            top = t.head if t.dep_ in ("flat:name", "flat") else t
            if any(c.dep_ == "case" for c in top.children):
                continue  # "a confié à France Info Jacques Witkowski": to whom, not who
            aid = self.idx.at(t)
            if aid and self._speaks(aid):
                return aid, "the subject after it"
        for t in verb.doc[verb.sent.start:verb.i]:
            if self.inverted_pronoun(t) and self._pronoun(t):
                return self.pronoun(t)
        return None, "no subject after it names an actor"

    def _shared_subject(self, verb: Any) -> str | None:
        """ "Hollande est arrivé sur place et évoque ...": the subject of the first of coordinated verbs,
        also when the parser called it passive (verbs conjugated with "être")."""
        t = verb
        while t.dep_ == "conj" and t.head.i != t.i and not any(c.dep_ in SUBJECTS for c in t.children):
            t = t.head
        if t.i == verb.i:
            return None
        for c in t.children:
            if c.dep_ in SUBJECTS:
                ids = actors_of(self.idx, c)
                if ids and self._speaks(ids[0]):
                    return ids[0]
        return None

    def _leading_actor(self, verb: Any) -> str | None:
        """The first actor of the sentence before its main verb that no preposition introduces ("Le 3
        avril, Dimitri Peskov, attaché de presse ..., annonce que"): French puts the subject first."""
        for t in verb.doc[verb.sent.start:verb.i]:
            if t.dep_.startswith("obl") or t.dep_ in ("nmod", "obj", "iobj") or any(c.dep_ == "case" for c in t.children):
                continue
            aid = self.idx.at(t) or next((self.idx.at(c) for c in t.children if c.dep_ in ("flat:name", "flat") and self.idx.at(c)), None)
            if aid and self._speaks(aid, people_first=True):
                return aid
        return None

    def _just_before(self, verb: Any) -> str | None:
        """The actor written right before a verb and its auxiliaries ("le PAM et Internews ont
        constaté"), when it is no complement of a preposition: the subject the parser missed."""
        doc = verb.doc
        i = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "advmod" and c.i < verb.i]) - 1
        if i < verb.sent.start or i < 0:
            return None
        tok = doc[i]
        if tok.is_punct or tok.pos_ not in ("PROPN", "NOUN"):
            return None
        top = tok
        while top.dep_ in ("conj", "flat:name", "flat") and top.head.i < top.i:
            top = top.head
        if any(c.dep_ == "case" for c in top.children):
            return None
        aid = self.idx.at(top) or self.idx.at(tok)
        return aid if aid and self._speaks(aid) else None

    def _pronoun(self, tok: Any) -> bool:
        return tok.pos_ == "PRON" and tok.lower_.lstrip("-") in self.words.subject_pronouns

    def inverted_pronoun(self, tok: Any) -> bool:
        """ "-t" and "-il" of "a-t-il", "-elle" of "dit-elle": a subject pronoun joined to its verb."""
        return tok.text.startswith("-") and (tok.lower_ == self.words.inverted_subject_link or self._pronoun(tok))

    def pronoun(self, tok: Any, feats: tuple[str | None, str | None] | None = None) -> tuple[str | None, str]:
        """A pronoun that says something: the speaker of a quote in its sentence or the one before,
        else the person who is the subject of one of the two sentences before, else the actor stage's
        reading, else any actor subject there, else the last speaker."""
        last = self.last
        doc = tok.doc
        prev_start = doc[tok.sent.start - 1].sent.start_char if tok.sent.start > 0 else 0
        if last is not None and last.end >= prev_start:
            return last.speaker, f"the pronoun {tok.text!r}: the speaker of the quote just before"
        feats = feats or self.words.subject_pronouns.get(tok.lower_.lstrip("-"))
        aid = self.recent_subject(tok, feats, people=True)
        if aid:
            return aid, f"the pronoun {tok.text!r}: the person who is the subject of a sentence just before, {self.name(aid)}"
        aid = self.idx.at(tok)
        if aid:
            return aid, f"the pronoun {tok.text!r}, read as {self.name(aid)}"
        aid = self.recent_subject(tok, feats)
        if aid:
            return aid, f"the pronoun {tok.text!r}: the subject of a sentence just before, {self.name(aid)}"
        if last is not None:
            return last.speaker, f"the pronoun {tok.text!r}: the previous quote's speaker"
        return None, f"the pronoun {tok.text!r} points to nobody named before"

    def recent_subject(self, tok: Any, feats: tuple[str | None, str | None] | None = None, sentences: int = 2,
                       people: bool = False) -> str | None:
        """The actor (a person, organisation or group) that is the subject of the sentence of ``tok``
        before it, or of one of the ``sentences`` before, the nearest first, agreeing with ``feats``."""
        doc = tok.doc
        sent = tok.sent
        lo = sent.start
        for _ in range(sentences):
            if lo == 0:
                break
            lo = doc[lo - 1].sent.start
        for t in reversed(list(doc[lo:tok.i])):
            if t.dep_ not in SUBJECTS or t.pos_ == "PRON" or self.speaker_at(t):
                continue
            aid = self.idx.at(t) or next((self.idx.at(c) for c in t.children if c.dep_ in ("appos", "flat:name", "nmod") and self.idx.at(c)), None)
            if not aid or not self._speaks(aid, people_first=True):
                continue
            if people and self.idx.by_id[aid].kind != "person":
                continue
            if feats is not None:
                g, n = agreement(t, self.words)
                if feats[1] and n and n != feats[1] or feats[0] and g and g != feats[0] and self.idx.by_id[aid].kind != "person":
                    continue
            return aid
        return None

    def speaker_at(self, tok: Any) -> bool:
        """Is the token inside a direct quote (a subject there is the quote's, not the text's)?"""
        return any(s <= tok.idx < e for s, e in self.quoted)

    # -- from an attribution --------------------------------------------------------------------
    def of_attribution(self, att: Attribution) -> tuple[str | None, str]:
        src = att.source
        relative = [c for c in src.children if c.dep_ == "acl:relcl" and c.pos_ in ("VERB", "AUX")]
        if src.pos_ == "PRON" and relative:  # "selon ce qu'a confié X", "selon ce que rapportent des médias"
            aid, how = self.of_verb(relative[0], inverted=True)
            if aid is None:
                aid, how = self.after(relative[0])
            return aid, f"the speaker of {relative[0].text!r}: {how}"
        if src.pos_ == "PRON":  # "selon lui"
            g, n = src.morph.get("Gender"), src.morph.get("Number")
            return self.pronoun(src, (g[0] if g else None, n[0] if n else None))
        inside = {self.idx.at(t) for t in src.doc[att.prep.i + 1:att.last + 1]} | {self.idx.first_person(src)}
        ids = [a for a in actors_of(self.idx, src) if a in inside]
        if ids:
            return ids[0], "its source"
        # "selon un rapport publié par Amnesty International": the document's author
        agents = [a for c in src.children if c.dep_ == "acl" for g in c.children if g.dep_ == "obl:agent"
                  for a in actors_of(self.idx, g) if a in inside]
        if agents:
            return agents[0], "the author of its source"
        return None, "its source names no actor"

    # -- from the clause around a partial quote -------------------------------------------------
    def clause_subject(self, verb: Any) -> tuple[str | None, str]:
        found = subject_actors(self.idx, verb)
        if found:
            return found[0], f"the subject of {verb.text!r}, the clause that holds it"
        if is_passive(verb, self.words):
            return None, f"{verb.text!r} is passive and names no agent"  # "il est condamné à « ... »": not his words
        subj = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subj and self._pronoun(subj[0]):
            return self.pronoun(subj[0])
        return None, f"the clause of {verb.text!r} has no subject naming an actor"

    # -- before a colon -------------------------------------------------------------------------
    def before_colon(self, colon: Any) -> tuple[str | None, str]:
        """ "X est plus explicite : « ... »", "comme celle de Bill Kristol, un analyste : « ... »": the
        subject of the clause before the colon, else the last actor named before it in the sentence."""
        sent = colon.sent
        root = sent.root
        if root.i < colon.i:
            found = subject_actors(self.idx, root)
            if found and self._speaks(found[0]):
                return found[0], "the subject of the clause before the colon"
        for t in reversed(list(colon.doc[sent.start:colon.i])):
            aid = self.idx.at(t)
            if aid and self._speaks(aid, people_first=True):
                return aid, "the last actor named before the colon"
        return None, "no actor before the colon"

    def _speaks(self, aid: str, people_first: bool = False) -> bool:
        a = self.idx.by_id.get(aid)
        if a is None:
            return False
        return a.kind in (("person", "organization", "group") if people_first else SPEAKER_KINDS)

    # -- going on -------------------------------------------------------------------------------
    def continuation(self, said: Said, first: Any) -> tuple[str | None, str]:
        """A quote that opens its sentence with no cue: the speaker of a quote in the sentence before,
        else the person or group that is the subject of the sentence before (in the same paragraph),
        else the speaker of the last quote when it is in this paragraph or the one before."""
        last = self.last
        doc = first.doc
        sent = first.sent
        prev = doc[sent.start - 1].sent if sent.start > 0 else None
        if last is not None and prev is not None and prev.start_char <= last.start < sent.start_char:
            return last.speaker, f"no cue: it goes on from the quote of {self.name(last.speaker)} in the sentence before"
        if prev is not None and "\n" not in self.work.text[prev.start_char:sent.start_char]:
            aid = self.recent_subject(first, sentences=1)
            if aid:
                return aid, f"no cue: the subject of the sentence before, {self.name(aid)}"
        if last is None:
            return None, "no cue, and no quote before it"
        if said.paragraph - last.paragraph > 1:
            return None, f"no cue; the last quote ({self.name(last.speaker)}) is {said.paragraph - last.paragraph} paragraphs before"
        where = "paragraph" if said.paragraph == last.paragraph else "paragraph before"
        return last.speaker, f"no cue: it goes on from the quote of {self.name(last.speaker)} in the {where}"


def plain(tok: Any) -> str:
    return plain_apostrophes(tok.lower_)
