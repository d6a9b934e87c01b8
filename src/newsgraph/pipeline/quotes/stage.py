"""The quote stage: direct quotes and indirect speech, each with its cue and speaker, in text order.

Direct quotes are found by their marks (``marks.py``). Their cue is, in this order: the reporting verb
that governs them, a reporting verb after them (", a déclaré X", ", a-t-il ajouté"), an attribution in
their sentence ("selon X", "d'après X", "Pour X, ..."), a reporting verb before them in their sentence;
a partial quote inside a clause ("a qualifié l'attaque de « lâche »", "juge « très probable »") takes
the clause's subject; a quote after a colon the actor named before it; a quote with none of these
goes on from the quote before it when that one is in the same or the previous paragraph. Indirect
speech is a reporting verb with a complement clause (or an infinitive, for the kinds the profile
allows), or an attribution with the rest of its sentence ("Selon X, ..."). A verb in the first person
is the writer's, not a source's. Every quote carries a ``why``: the cue, and how the speaker was read or
why none could be.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from newsgraph.lang.profile import LanguageProfile
from newsgraph.model import Quote, Span, TextSpan
from newsgraph.pipeline.quotes.cues import Attribution, Cue, attributions, first_person, reporting_cue, verb_by_its_neighbours
from newsgraph.pipeline.quotes.marks import find_direct, is_headline, paragraph_starts
from newsgraph.pipeline.quotes.speakers import Said, Speakers
from newsgraph.pipeline.work import QuoteSpeaker, Work
from newsgraph.registry import stages
from newsgraph.text import norm, plain_apostrophes

MIN_WORDS = 3  # one or two words in marks are a term or a label ("« lâche »"), not a quote
SHORT = 6  # a quote shorter than this needs a cue or a speaker
AFTER_CHARS = 80  # how far after a quote its cue may be
BEFORE_CHARS = 400


def _has_verb(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


class QuoteFinder:
    def __init__(self, work: Work) -> None:
        self.work = work
        self.doc = work.spacy
        self.profile: LanguageProfile = work.profile
        self.words = work.profile.words
        self.text = work.text
        self.speakers = Speakers(work)
        self.paragraphs = paragraph_starts(work.text)

    def paragraph(self, offset: int) -> int:
        return bisect_right(self.paragraphs, offset) - 1

    def tokens(self, start: int, end: int) -> Any:
        return self.doc.char_span(start, end, alignment_mode="expand")

    # -- indirect speech --------------------------------------------------------------------------
    def indirect(self) -> list[Said]:
        out = []
        doc = self.doc
        complementizers = self.words.complementizers
        for first in doc:
            cue = reporting_cue(self.profile, first)
            if cue is None or first.pos_ not in ("VERB", "ADJ", "AUX") and not verb_by_its_neighbours(first):
                continue
            tok = cue.head  # of a locution, the word the parser made its head ("a fait savoir")
            if tok.head.lemma_ in self.words.impersonal or any(c.dep_ == "expl:subj" and not self.speakers.inverted_pronoun(c)
                                                               for c in tok.children):
                continue  # "il faut dire que": no one speaks
            if first_person(tok, self.words):
                continue  # "Rappelons que": the writer
            if cue.kind in self.words.quoted_only_kinds:
                continue
            span = self._complement(tok, cue, complementizers)
            if span is None:
                span = self._incise(tok, cue)
                if span is not None:
                    said = Said(span[0], span[1], False, self.paragraph(span[0]), cue.span(), verb=tok, incise=True)
                    said.how.append(f"reported speech: the sentence before the inserted cue {cue.lemma!r}")
                    out.append(said)
                continue
            start, end, clause = span
            said = Said(start, end, False, self.paragraph(start), cue.span(), verb=tok)
            said.how.append(f"reported speech: {cue.lemma!r} with a {'clause' if clause else 'infinitive'}")
            out.append(said)
        out += self._relative_attributions()
        for sent in doc.sents:
            atts = attributions(self.profile, sent)
            for att in atts:
                span = self._attributed(sent, att)
                if span is not None and any(o is not att and span[0] <= o.prep.idx < span[1] for o in atts):
                    continue  # "..., selon X, ... selon Y": this one's words hold the other's source
                if span is not None:
                    said = Said(span[0], span[1], False, self.paragraph(span[0]), att.span(), attribution=att)
                    said.how.append(f"attribution {self.text[att.span()[0]:att.span()[1]]!r} with the rest of its sentence")
                    out.append(said)
        return out

    def _complement(self, tok: Any, cue: Cue, complementizers: frozenset[str]) -> tuple[int, int, bool] | None:
        doc = self.doc
        comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > cue.last
                and (c.dep_ == "ccomp" or c.pos_ in ("VERB", "AUX"))]  # not "a déclaré vendredi" taken for a complement
        if not comp:  # "a affirmé il y a quelques mois que ...": the clause hangs from the time phrase
            comp = [g for c in tok.children if c.dep_ in ("obj", "obl", "obl:mod") for g in c.children
                    if g.dep_.startswith("acl") and any(m.dep_ == "mark" and m.pos_ == "SCONJ" and m.lower_ in complementizers
                                                        for m in g.children)]
        if comp:
            c = comp[0]
            marks = [m for m in c.children if m.dep_ == "mark" and m.lower_ in complementizers]
            if not marks and (c.pos_ not in ("VERB", "AUX") or cue.kind not in self.words.infinitive_kinds):
                return None  # "menace d'utiliser", "demande à X de": an act announced, not words reported
            toks = sorted(c.subtree, key=lambda t: t.i)
            start_tok = next((t for t in toks if t.i > (marks[0].i if marks else cue.last) and not t.is_punct), None)
            if start_tok is None:
                return None
            return start_tok.idx, toks[-1].idx + len(toks[-1].text), bool(marks)
        colon = next((t for t in doc[cue.last + 1: cue.last + 4] if not t.pos_ == "ADV"), None)
        if colon is not None and colon.text == ":" and colon.i + 1 < tok.sent.end:
            # "Le ministre a précisé : les troupes resteront." (no quotation marks)
            rest = [t for t in doc[colon.i + 1:tok.sent.end] if not t.is_space]
            while rest and rest[-1].is_punct:
                rest.pop()
            if len(rest) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in rest) and not any(
                    self.text[t.idx] in self.words.quote_marks for t in rest):
                return rest[0].idx, rest[-1].idx + len(rest[-1].text), True
            return None
        # the parser lost the clause: "estime ainsi que ..." up to the end of the sentence
        window = []
        for t in doc[cue.last + 1: min(cue.last + 9, tok.sent.end)]:
            if t.pos_ in ("VERB", "AUX") or t.is_punct:
                break  # "a déclaré vendredi à France Info que": only complements before the "que"
            window.append(t)
        nxt = [t for t in window if t.lower_ in complementizers and t.pos_ == "SCONJ"]
        if not nxt or nxt[0].i + 1 >= tok.sent.end:
            return None
        last = tok.sent[-1] if not tok.sent[-1].is_punct else doc[tok.sent.end - 2]
        return doc[nxt[0].i + 1].idx, last.idx + len(last.text), True

    def _incise(self, tok: Any, cue: Cue, closing: bool = False) -> tuple[int, int] | None:
        """ "Des Camerounais pourraient ..., a-t-il enfin confié.", "..., estime-t-il.", "..., a indiqué le
        ministre.": a cue inserted after a comma, its subject after it (an inverted pronoun or a noun
        phrase) and nothing else to the end of the sentence; what comes before is reported speech."""
        doc = self.doc
        sent = tok.sent
        j = tok.i - 1
        while j > sent.start and (doc[j].pos_ == "ADV" or self.speakers.inverted_pronoun(doc[j])):
            j -= 1
        has_aux = any(c.dep_.startswith("aux") for c in tok.children) or doc[j].pos_ == "AUX" or doc[j].lemma_ == self.words.have
        nxt = doc[min(cue.last + 1, len(doc) - 1)]
        present_participle = "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense")
        if present_participle or "Fin" not in tok.morph.get("VerbForm") and not has_aux and not self.speakers.inverted_pronoun(nxt) \
                and not (nxt.pos_ in ("PROPN", "ADP", "DET") and tok.pos_ == "VERB" and "Part" not in tok.morph.get("VerbForm")):
            return None  # ", avançant vers ...", ", accusé de ...": a participle, not an inserted cue
        i = tok.i - 1
        while i > sent.start and (doc[i].dep_.startswith("aux") or doc[i].pos_ in ("AUX", "ADV") or self.speakers.inverted_pronoun(doc[i])
                                  or doc[i].lemma_ == self.words.have):
            i -= 1
        if doc[i].text != "," or i <= sent.start:
            return None
        if any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < tok.i and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
            return None  # "X, président du journal, a dénoncé ...": its subject comes first, it inserts nothing
        rest = [t for t in doc[cue.last + 1:sent.end] if not (t.is_punct or t.is_space)]
        inverted = any(self.speakers.inverted_pronoun(t) for t in doc[i + 1:cue.last + 1]) or (rest and self.speakers.inverted_pronoun(rest[0]))
        if rest and self.speakers.inverted_pronoun(rest[0]):
            rest = rest[1:]
        if any(t.pos_ in ("VERB", "AUX") or t.lower_ in self.words.complementizers for t in rest):
            return None  # ", a-t-il dit à ceux qui ...": more than an inserted cue
        if not inverted and not any(t.pos_ == "PROPN" or t.pos_ == "NOUN" and t.i > 0 and doc[t.i - 1].pos_ == "DET" for t in rest):
            return None  # the subject after the cue is a noun phrase ("a indiqué le ministre", "estime pour sa part X")
        body = [t for t in doc[sent.start:i] if not t.is_space]
        while body and body[0].is_punct:
            body.pop(0)
        if len(body) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in body):
            return None
        if closing:
            return body[0].idx, body[-1].idx + len(body[-1].text)
        if any(self.text[t.idx] in self.words.quote_marks.values() for t in body[-2:]):
            return None  # "« ... », a-t-il dit": the cue of a direct quote
        return body[0].idx, body[-1].idx + len(body[-1].text)

    def _relative_attributions(self) -> list[Said]:
        """ "a révélé des informations selon lesquelles X aurait ...": the relative clause is what the
        subject of the verb that governs the noun says."""
        out = []
        words = self.words
        for tok in self.doc:
            nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
            if nxt is None or plain_apostrophes(tok.lower_) not in words.attribution_preps or nxt.lower_ not in words.relative_after_preposition:
                continue
            clause = next((a for a in [tok.head, *tok.head.ancestors] if a.dep_ == "acl:relcl"), None)
            if clause is None or clause.head.pos_ not in ("NOUN", "PROPN") \
                    or not any(c.dep_ in ("nsubj", "nsubj:pass") for c in clause.children):
                continue  # "la résolution selon laquelle a condamné": no clause of its own
            governor = next((a for a in clause.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if governor is None:
                continue
            body = [t for t in sorted(clause.subtree, key=lambda t: t.i) if t.i not in (tok.i, nxt.i) and not t.is_space]
            while body and body[0].is_punct:
                body.pop(0)
            while body and body[-1].is_punct:
                body.pop()
            if len(body) < 3:
                continue
            start, end = body[0].idx, body[-1].idx + len(body[-1].text)
            said = Said(start, end, False, self.paragraph(start), (tok.idx, nxt.idx + len(nxt.text)), verb=governor)
            said.how.append(f"reported speech: the clause of {tok.text} {nxt.text!r} after {clause.head.text!r}")
            out.append(said)
        return out

    def _attributed(self, sent: Any, att: Attribution) -> tuple[int, int] | None:
        """The words a "selon X" / "Pour X," attributes, without it: the whole sentence when it opens
        or closes it ("Selon X, <clause>", "<clause>, selon X."), less a leading adverbial ("Lors de
        l'opération ..., <clause>"); else the clause it is attached to."""
        drop = set(range(att.first, att.last + 1))
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        if not words:
            return None
        source = {t.i for t in att.source.subtree if t.i <= att.last}  # "Selon ces derniers, Paris et ...": a conjunct after the comma is not X
        before = self.doc[att.first - 1] if att.first > sent.start else None
        after = self.doc[att.last + 1] if att.last + 1 < sent.end else None
        at_edge = words[0].i == att.first or all(t.i in drop or t.i in source for t in words if t.i > att.prep.i) \
            or before is not None and after is not None and before.text == "," and after.text == ","  # ", selon X, "
        if at_edge:
            drop |= source
        head = sent.root if at_edge else (att.source.head if att.source.head.i != att.source.i else att.source)
        if head.pos_ not in ("VERB", "AUX", "ADJ") and not (at_edge and head.pos_ in ("NOUN", "PROPN", "PRON")):  # "c'est lui qui ..."
            return None  # "la persécution selon leur orientation": a noun's complement
        body = [t for t in sorted(head.subtree, key=lambda t: t.i) if t.i not in drop and not t.is_space]
        if at_edge and words[0].i != att.first:
            lead = [c for c in head.children if c.i < head.i and c.i not in drop and not c.is_punct]
            if lead and lead[0].dep_ in ("obl", "obl:mod", "advcl", "advmod"):
                last = max(t.i for t in lead[0].subtree)
                if last + 1 < len(self.doc) and self.doc[last + 1].text == ",":
                    body = [t for t in body if t.i > last + 1]  # "Lors de l'opération ..., 21 membres ont été arrêtés"
        while body and body[0].is_punct:
            body.pop(0)
        if words[0].i == att.first:
            # "Pour X, le directeur de cabinet du préfet, le collectif a ...": X's apposition is not said
            comma = next((k for k, t in enumerate(body) if t.text == ","), None)
            subject = any(t.dep_ in ("nsubj", "nsubj:pass") and t.head.i not in source for t in body[:comma or 0])
            if comma is not None and body[0].pos_ in ("DET", "NOUN", "PROPN") and not subject and not any(
                    t.pos_ in ("VERB", "AUX") for t in body[:comma]):
                body = body[comma + 1:]  # but "Selon X, les policiers, lors de ..., ont trouvé": a subject stays
        while body and body[-1].is_punct:
            body.pop()
        if len(body) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in body):
            return None
        return body[0].idx, body[-1].idx + len(body[-1].text)

    # -- direct quotes ----------------------------------------------------------------------------
    def governor(self, start: int, end: int) -> Any:
        """The verb whose clause holds a partial quote: the head, outside the quote, of the quote's
        root (climbing from a noun to its verb), or the quote's root itself when its subject is outside."""
        span = self.tokens(start, end)
        if span is None or len(span) == 0:
            return None
        inside = {t.i for t in span}
        roots = [t for t in span if t.head.i not in inside or t.head.i == t.i]
        if not roots:
            return None
        root = roots[0]
        if root.head.i == root.i or root.head.i not in inside and root.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubj:pass") and c.i not in inside for c in root.children):
            if any(c.dep_ in ("nsubj", "nsubj:pass") and c.i not in inside for c in root.children):
                return root
            return None
        if root.dep_ in ("nsubj", "nsubj:pass") and root.head.i > span[-1].i and "," not in self.text[end:root.head.idx]:
            return None  # "L'« affaire X » poursuit son cours": the quote is the subject, not what is said
        g = root.head
        for _ in range(4):
            if g.pos_ in ("VERB", "AUX") or g.pos_ == "ADJ" and "Part" in g.morph.get("VerbForm"):
                return g
            if g.head.i == g.i:
                return None
            g = g.head
        return None

    def direct(self, said: Said, inside: Said | None) -> None:
        """Cue and speaker of a direct quote, in the order of the module's docstring. Of the cues
        (a reporting verb or an attribution), the first whose speaker can be read wins; when cues
        are found but no speaker, the speaker stays unknown. Only a quote with no cue at all takes
        the subject of its clause, the actor before a colon, or the speaker of the quote before."""
        span = self.tokens(said.start, said.end)
        if span is None:
            return
        first = span[0].i
        found: list[tuple[tuple[int, int], str | None, str]] = []
        for cue in self._cues(said, span, inside):
            found.append(cue)
            if cue[1] is not None:
                break
        if found:
            hit = next((f for f in found if f[1] is not None), found[0])
            said.cue, said.speaker = hit[0], hit[1]
            said.how.append(hit[2] if hit[1] is not None else "; ".join(f[2] for f in found) + "; speaker unknown")
            return
        self._without_cue(said, first, self.governor(said.start, said.end))

    def _cues(self, said: Said, span: Any, inside: Said | None) -> Any:
        """The cues of a direct quote, in order: (cue span, speaker, how)."""
        sp = self.speakers
        doc = self.doc
        start, end = said.start, said.end
        first, last = span[0].i, span[-1].i
        gov = self.governor(start, end)
        gov_cue = reporting_cue(self.profile, gov) if gov is not None and not (first <= gov.i <= last) else None
        if gov_cue is not None and inside is not None and not (inside.start <= gov.idx < inside.end):
            gov_cue = None  # "X a averti qu'ils avaient « ... »": the reported speech that holds it is the cue
        if gov_cue is not None and not first_person(gov, self.words):
            yield self._from_verb(gov_cue, "the reporting verb that governs it", inverted=gov.i > last)
        if inside is not None and inside.cue is not None:
            self.resolve_indirect(inside)
            yield inside.cue, inside.speaker, "cue: the reported speech that holds it; speaker: its speaker"
        hi = doc[min(last + 2, len(doc) - 1)].sent.end
        for t in doc[last + 1:hi]:
            if t.idx - end - self._quoted_between(end, t.idx) > AFTER_CHARS:
                break
            if self.speakers.speaker_at(t):
                continue  # inside another quote
            cue = reporting_cue(self.profile, t)
            if cue is not None and not first_person(t, self.words):
                if self._only_punctuation_before(cue.head, end):
                    yield self._from_verb(cue, "a reporting verb after it", inverted=True)
                break
        for att in attributions(self.profile, doc[first].sent):
            if not (start <= att.prep.idx < end):
                speaker, how = sp.of_attribution(att)
                yield att.span(), speaker, f"cue: attribution {self.text[att.prep.idx:att.span()[1]]!r}; speaker: {how}"
        lo = doc[first].sent.start
        before = [c for t in doc[lo:first] if start - t.idx < BEFORE_CHARS and not self.speakers.speaker_at(t)
                  for c in [reporting_cue(self.profile, t)] if c is not None and not first_person(t, self.words)]
        if before:
            yield self._from_verb(before[-1], "a reporting verb before it in its sentence")
        for t in doc[last + 1:hi]:
            if self.speakers.speaker_at(t) or t.idx - end <= AFTER_CHARS:
                continue
            cue = reporting_cue(self.profile, t)
            if cue is not None and self._incise(cue.head, cue, closing=True) is not None:
                # "« ... », bien que ... « ... », estime Neil Hyatt.": the cue inserted at the end of its sentence
                yield self._from_verb(cue, "the cue inserted at the end of its sentence", inverted=True)
                break

    def _without_cue(self, said: Said, first: int, gov: Any) -> None:
        sp = self.speakers
        doc = self.doc
        if gov is not None and not first_person(gov, self.words):
            said.speaker, how = sp.clause_subject(gov)
            if said.speaker is not None:
                said.cue = (gov.idx, gov.idx + len(gov.text))
                said.how.append(f"partial quote; speaker: {how}")
                return
            said.how.append(f"partial quote; {how}")
        colon = self._colon_before(first)
        if colon is not None:
            said.speaker, how = sp.before_colon(colon)
            said.how.append(f"after a colon; speaker: {how}")
            if said.speaker is not None:
                return
        lo = doc[first].sent.start
        if all(t.is_punct or t.is_space for t in doc[lo:first]):
            said.speaker, how = sp.continuation(said, doc[first])
            said.how.append(f"speaker: {how}")
        else:
            said.how.append("no cue in its sentence; speaker unknown")

    def resolve_indirect(self, said: Said) -> bool:
        """Speaker of indirect speech (once); False when it is no quote after all."""
        if said.how and said.how[-1].startswith("speaker:"):
            return True
        if said.attribution is not None:
            said.speaker, how = self.speakers.of_attribution(said.attribution)
            said.how.append(f"speaker: {how}")
            return said.speaker is not None  # "selon les chiffres": no one
        said.speaker, how = self.speakers.of_verb(said.verb, inverted=said.incise)
        if said.speaker is None and said.incise:
            said.speaker, how = self.speakers.after(said.verb)
        said.how.append(f"speaker: {how}")
        if said.speaker is None and _passive_without_agent(said.verb):
            return False  # "est accusée de ...": nobody is reported
        subjects = [c for c in said.verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
        # "des émeutes ont éclaté, demandant que ...": a subject that is no one
        return not (said.speaker is None and subjects and norm(subjects[0].text) not in self.profile.roles)

    def _only_punctuation_before(self, verb: Any, end: int) -> bool:
        """Is the verb after the quote its cue (", a déclaré X", "» a affirmé X", ", a-t-il dit"), not the
        verb of a new clause ("» Il a assuré que ...")?"""
        if any(c.dep_ in ("ccomp",) and c.i > verb.i and any(m.lower_ in self.words.complementizers for m in c.children)
               for c in verb.children):
            return False
        if any(c.dep_ in ("nsubj", "nsubj:pass") and c.idx >= end and c.i < verb.i and not self.speakers.inverted_pronoun(c)
               for c in verb.children):
            return False
        if "," not in self.text[end:verb.idx] and any(c.dep_ in ("nsubj", "nsubj:pass") and c.idx < end
                                                      and not self.speakers.inverted_pronoun(c) for c in verb.children):
            return False  # "L'« affaire X » poursuit son cours": the quote is the subject, not what is said  # "L'« affaire X » poursuit son cours": the quote is the verb's subject, not its words
        between = self.doc.char_span(end, verb.idx, alignment_mode="expand")
        if between is None:
            return True
        # "« ... », mais « ... », a affirmé X": another quote and a conjunction may stand between
        return all(t.is_punct or t.is_space or t.dep_.startswith("aux") or t.pos_ in ("ADV", "PRON") and t.head.i == verb.i
                   or self.text[t.idx:t.idx + 1] in self.words.quote_marks.values()
                   or self.speakers.speaker_at(t) or t.pos_ == "CCONJ" for t in between)

    def _quoted_between(self, start: int, end: int) -> int:
        """How many characters between two offsets are inside direct quotes."""
        return sum(max(0, min(e, end) - max(s, start)) for s, e in self.speakers.quoted)

    def titled(self, said: Said) -> bool:
        """Is the quote a title or a label ("un rapport intitulé « ... »", "le slogan « ... »")?"""
        span = self.tokens(said.start, said.end)
        if span is None:
            return False
        i = span[0].i - 1
        while i >= 0 and (self.doc[i].is_space or self.doc[i].text in self.words.quote_marks or self.doc[i].pos_ == "DET"):
            i -= 1
        return i >= 0 and self.doc[i].lower_ in self.words.title_words

    def _colon_before(self, first: int) -> Any:
        doc = self.doc
        i = first - 1
        while i >= 0 and (doc[i].is_space or doc[i].text in self.words.quote_marks):
            i -= 1
        return doc[i] if i >= 0 and doc[i].text == ":" else None

    def _from_verb(self, cue: Cue, where: str, inverted: bool = False) -> tuple[tuple[int, int], str | None, str]:
        speaker, how = self.speakers.of_verb(cue.head, inverted=inverted)
        if speaker is None and inverted:
            speaker, how = self.speakers.after(cue.head)
        return cue.span(), speaker, f"cue: {where} ({cue.lemma!r}); speaker: {how}"


@stages.register("quotes.v1")
class QuoteStage:
    name = "quotes"
    requires = ("actors",)
    provides = ("quotes", "quote_speakers")

    def __init__(self, profile: LanguageProfile) -> None:
        self.profile = profile

    def __call__(self, work: Work) -> None:
        finder = QuoteFinder(work)
        text = work.text
        direct: list[Said] = []
        for start, end in find_direct(text, self.profile.words):
            if work.in_non_text(start, end) or len(text[start:end].split()) < MIN_WORDS:
                continue
            direct.append(Said(start, end, True, finder.paragraph(start), how=["direct quote"]))
        finder.speakers.quoted = [(d.start, d.end) for d in direct]
        indirect = finder.indirect()
        # indirect speech that holds a direct quote is that quote's cue: the quote is kept, not the clause
        holders: dict[int, Said] = {}
        kept_indirect = []
        for ind in indirect:
            inner = [d for d in direct if ind.start <= d.start and d.end <= ind.end + 2]
            if inner:
                for d in inner:
                    holders.setdefault(id(d), ind)
                continue
            if any(d.start <= ind.start < d.end for d in direct):
                continue  # reported speech inside a direct quote belongs to the quote
            if any(k.start == ind.start for k in kept_indirect):
                continue
            kept_indirect.append(ind)
        found: list[Said] = []
        pending = sorted(direct + kept_indirect + list({id(h): h for h in holders.values()}.values()), key=lambda s: (s.start, not s.direct))
        for said in pending:
            if said.direct:
                finder.direct(said, holders.get(id(said)))
                words = len(text[said.start:said.end].split())
                if said.cue is None and is_headline(text[said.start:said.end]):
                    continue  # a quoted headline
                if finder.titled(said):
                    continue  # "un rapport intitulé « ... »": a title
                if said.cue is None and said.speaker is None and words < SHORT:
                    continue  # a short phrase in quotation marks with no cue: a term, not a quote
                if words <= 4 and said.cue is None and not _has_verb(work.spacy, said.start, said.end):
                    continue  # « statut particulier »
            elif not finder.resolve_indirect(said):
                continue  # "selon les chiffres", "est accusée de ...": nobody is reported
            if any(said is h for h in holders.values()):
                continue  # resolved for the quotes it holds, not output itself
            found.append(said)
            finder.speakers.heard(said)
        found.sort(key=lambda s: s.start)
        for n, f in enumerate(found, start=1):
            cue = TextSpan(f.cue[0], f.cue[1], text[f.cue[0]:f.cue[1]]) if f.cue else None
            if f.speaker is None and not any("unknown" in h or "no " in h for h in f.how):
                f.how.append("speaker unknown")
            work.quotes.append(Quote(f"Q{n}", f.speaker, text[f.start:f.end], f.direct, cue, Span(f.start, f.end), "; ".join(f.how)))
        work.quote_speakers = [QuoteSpeaker(q.span.start, q.span.end, q.speaker) for q in work.quotes if q.direct and q.speaker]


def _passive_without_agent(verb: Any) -> bool:
    passive = any(c.dep_ == "aux:pass" for c in verb.children) or "Part" in verb.morph.get("VerbForm") and any(c.dep_ == "cop" for c in verb.children)
    return passive and not any(c.dep_ == "obl:agent" for c in verb.children)
