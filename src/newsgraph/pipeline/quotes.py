"""The quote stage: direct quotes in « », “ ” and " ", and indirect speech, with speaker and cue.

Direct quotes may be partial (inside a sentence) or run over several paragraphs (French opens each
paragraph with « and closes once). The cue is the reporting verb nearest the quote in its sentence,
before, after or inverted (", a-t-il déclaré", ", dit-elle"), or "selon X" / "d'après X". Indirect
speech is a reporting verb (the profile's ``reporting.tsv``) with a complement clause or an
infinitive. The speaker is the actor of the cue's subject; a pronoun takes the actor the actor stage
gave it, else the speaker of the previous quote. The quotation marks, the reporting verbs and the
attribution prepositions are the profile's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.lang.profile import LanguageProfile, Words
from newsgraph.model import Quote, Span, TextSpan
from newsgraph.pipeline.participants import ActorIndex, subject_actors
from newsgraph.pipeline.work import QuoteSpeaker, Work
from newsgraph.registry import stages
from newsgraph.text import plain_apostrophes

MAX_QUOTE = 4000


@dataclass
class Found:
    start: int  # text start (inside the marks)
    end: int
    direct: bool
    cue: tuple[int, int] | None = None
    speaker: str | None = None
    how: list[str] = field(default_factory=list)  # the why


def find_direct(text: str, words: Words) -> list[tuple[int, int]]:
    """Spans (inside the marks) of direct quotes; « with nested “ ” and multi-paragraph « ... « ... »."""
    pairs = words.quote_marks
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in pairs:
            close = pairs[c]
            j = text.find(close, i + 1)
            if c == close:
                # a straight quote closes on the next one in the same paragraph
                para_end = text.find("\n\n", i)
                if j < 0 or (0 <= para_end < j):
                    i += 1
                    continue
            if j < 0 or j - i > MAX_QUOTE:
                i += 1
                continue
            if c == words.paragraph_quote:
                inner_open = text.find(c, i + 1, j)
                if inner_open >= 0 and text[max(0, inner_open - 2):inner_open].strip() != "":
                    i = inner_open  # an unbalanced « before this one: restart from the inner one
                    continue
            start, end = i + 1, j
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end))
            i = j + 1
        else:
            i += 1
    return spans


def _is_reporting(profile: LanguageProfile, tok: Any) -> str | None:
    verbs = profile.reporting
    lemma = tok.lemma_.lower()
    if lemma in verbs and tok.pos_ in ("VERB", "AUX", "ADJ"):
        return lemma
    guess = profile.verb_forms.get(tok.lower_)
    if guess in verbs and tok.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
        return guess
    return None


def _has_verb(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _cue_span(tok: Any) -> tuple[int, int]:
    aux = [c for c in tok.children if c.dep_.startswith("aux") and c.i < tok.i]
    start = min([tok.idx] + [a.idx for a in aux])
    return start, tok.idx + len(tok.text)


class QuoteFinder:
    def __init__(self, work: Work) -> None:
        self.work = work
        self.doc = work.spacy
        self.profile = work.profile
        self.words = work.profile.words
        self.token_actor: dict[int, str] = work.token_actor
        self.idx = ActorIndex(work)

    def speaker_of(self, verb: Any, inverted: bool = False) -> str | None:
        found = subject_actors(self.idx, verb)
        if found:
            return found[0]
        if inverted:  # "», a déclaré Kang": the subject follows the verb, whatever the parser called it
            for c in verb.children:
                if c.i > verb.i and c.i - verb.i <= 3 and c.pos_ in ("PROPN", "NOUN") and self.token_actor.get(c.i):
                    return self.token_actor[c.i]
        for c in verb.children:  # inverted pronoun "-t-il", "dit-elle"
            if c.dep_ in ("nsubj", "expl:subj") or c.lower_.strip(self.words.inverted_subject_link) in self.words.subject_pronouns:
                aid = self.token_actor.get(c.i)
                if aid:
                    return aid
        return None

    def selon(self, sent: Any, exclude: tuple[int, int]) -> tuple[tuple[int, int], str] | None:
        relative = self.words.relative_after_preposition
        for tok in sent:
            if plain_apostrophes(tok.lower_) in self.words.attribution_preps and not (exclude[0] <= tok.idx < exclude[1]):
                obj = tok.head
                if obj.lower_ in relative or any(t.lower_ in relative for t in self.doc[tok.i + 1: tok.i + 2]):
                    continue
                aid = self.token_actor.get(obj.i) or next((self.token_actor.get(t.i) for t in obj.subtree if self.token_actor.get(t.i)), None)
                if aid:
                    return (tok.idx, tok.idx + len(tok.text)), aid
        return None

    def cue_for(self, start: int, end: int) -> tuple[Any, tuple[int, int] | None, str | None]:
        """The reporting verb of a direct quote: after it (inverted or not), else before it."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None, None, None
        first, last = span[0].i, span[-1].i
        lo = self.doc[first].sent.start
        hi = self.doc[min(last + 2, len(self.doc) - 1)].sent.end
        window = self.doc[lo:hi]  # the quote's sentences and the one after it
        after = [t for t in window if t.i > last + 1 and t.idx - end < 80 and _is_reporting(self.profile, t)]
        before = [t for t in window if t.i < first and start - t.idx < 400 and _is_reporting(self.profile, t)]
        for verb in after[:1] + sorted(before, key=lambda t: -t.i)[:1]:
            return verb, _cue_span(verb), self.speaker_of(verb, inverted=verb.i > last)
        sent = self.doc[first].sent
        sel = self.selon(sent, (start, end))
        if sel:
            return None, sel[0], sel[1]
        return None, None, None


@stages.register("quotes.v1")
class QuoteStage:
    name = "quotes"
    requires = ("actors",)
    provides = ("quotes", "quote_speakers")

    def __init__(self, profile: LanguageProfile) -> None:
        self.profile = profile

    def __call__(self, work: Work) -> None:
        finder = QuoteFinder(work)
        words = self.profile.words
        text = work.text
        found: list[Found] = []
        last_speaker: str | None = None
        for start, end in find_direct(text, words):
            if work.in_non_text(start, end) or len(text[start:end].split()) < 2:
                continue
            verb, cue, speaker = finder.cue_for(start, end)
            how = ["direct quote"]
            if verb is not None:
                how.append(f"cue: reporting verb {verb.text!r} " + ("after it" if verb.idx > start else "before it"))
                how.append("speaker: subject of the cue" if speaker else "speaker: the previous quote's" if last_speaker else "no speaker found")
            elif cue is not None:
                how.append(f"cue: attribution {text[cue[0]:cue[1]]!r}")
            if speaker is None and cue is not None and verb is not None:
                speaker = last_speaker
            if cue is None and len(text[start:end].split()) < 6:
                continue  # a short phrase in quotation marks with no cue: a term, not a quote
            if len(text[start:end].split()) <= 4 and not _has_verb(work.spacy, start, end):
                continue  # « statut particulier »: a term in quotation marks
            found.append(Found(start, end, True, cue, speaker, how))
            last_speaker = speaker or last_speaker
        direct_spans = [(f.start, f.end) for f in found]
        complementizers = words.complementizers
        for tok in work.spacy:
            lemma = _is_reporting(self.profile, tok)
            if lemma is None or tok.pos_ not in ("VERB", "ADJ", "AUX"):
                continue
            if tok.head.lemma_ in words.impersonal or any(c.dep_ == "expl:subj" for c in tok.children):
                continue  # "il faut dire que": no one speaks
            if any(s <= tok.idx < e for s, e in direct_spans):
                continue
            comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i]
            if not comp:  # "a affirmé il y a quelques mois que ...": the clause hangs from the time phrase
                comp = [g for c in tok.children if c.dep_ in ("obj", "obl", "obl:mod") for g in c.children
                        if g.dep_.startswith("acl") and any(m.dep_ == "mark" and m.pos_ == "SCONJ" and m.lower_ in complementizers
                                                            for m in g.children)]
            if comp:
                c = comp[0]
                marks = [m for m in c.children if m.dep_ == "mark" and m.lower_ in complementizers]
                toks = sorted(c.subtree, key=lambda t: t.i)
                start_tok = next((t for t in toks if t.i > (marks[0].i if marks else tok.i) and not t.is_punct), None)
                if start_tok is None:
                    continue
                start, end = start_tok.idx, toks[-1].idx + len(toks[-1].text)
                if c.dep_ == "xcomp" and not marks and c.pos_ not in ("VERB", "AUX"):
                    continue
            else:
                # the parser lost the clause: "estime ainsi que ..." up to the end of the sentence
                nxt = [t for t in work.spacy[tok.i + 1: tok.i + 4] if t.lower_ in complementizers]
                if not nxt or nxt[0].i + 1 >= tok.sent.end:
                    continue
                last = tok.sent[-1] if not tok.sent[-1].is_punct else work.spacy[tok.sent.end - 2]
                start, end = work.spacy[nxt[0].i + 1].idx, last.idx + len(last.text)
            inner = [f for f in found if start <= f.start and f.end <= end + 2]
            speaker = finder.speaker_of(tok)
            if inner:
                for f in inner:  # a partial direct quote inside indirect speech takes this cue
                    if f.cue is None or f.speaker is None:
                        f.cue, f.speaker = _cue_span(tok), f.speaker or speaker
                        f.how.append(f"inside reported speech: cue {tok.text!r}, speaker its subject")
                continue
            if any(f.start <= start < f.end for f in found if f.direct):
                continue
            found.append(Found(start, end, False, _cue_span(tok), speaker,
                               [f"reported speech: {lemma!r} with a clause", "speaker: subject of the cue" if speaker else "no speaker found"]))
        found.sort(key=lambda f: f.start)
        for n, f in enumerate(found, start=1):
            cue = TextSpan(f.cue[0], f.cue[1], text[f.cue[0]:f.cue[1]]) if f.cue else None
            work.quotes.append(Quote(f"Q{n}", f.speaker, text[f.start:f.end], f.direct, cue, Span(f.start, f.end), "; ".join(f.how)))
        work.quote_speakers = [QuoteSpeaker(q.span.start, q.span.end, q.speaker) for q in work.quotes if q.direct and q.speaker]
