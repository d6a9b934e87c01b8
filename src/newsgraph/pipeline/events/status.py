"""Status: asserted, planned, hypothetical, negated or historical, from negation, mood, tense and the
verb that governs the trigger (the profile's planned and hypothetical governors)."""

from __future__ import annotations

from datetime import date
from typing import Any

from newsgraph.pipeline.events.coder import Candidate, Coder
from newsgraph.pipeline.syntax import SUBJECTS, moods


def status(k: Coder, cand: Candidate) -> str:
    tok = cand.trigger
    clause = [tok, *[c for c in tok.children if c.dep_.startswith("aux") or c.dep_ == "cop"]]
    if cand.rule == "noun":
        gov = tok.head
        if tok.dep_ in SUBJECTS and gov.pos_ in ("VERB", "AUX", "NOUN"):
            return verb_status(k, gov, [gov, *[c for c in gov.children if c.dep_.startswith("aux") or c.dep_ == "cop"]])
        if any(c.lemma_ in k.words.future_modifiers for c in tok.children):
            return "planned"
        if negated(k, tok) or any(c.lower_ in k.words.privative for c in tok.children):
            return "negated"
        return "asserted"
    return verb_status(k, tok, clause)


def negated(k: Coder, tok: Any) -> bool:
    w = k.words
    for c in tok.children:
        if c.dep_ == "advmod" and c.lemma_.lower() in w.negation_adverbs:
            return True
        if c.dep_ in ("mark", "case") and c.lower_ in w.privative:
            return True
        if c.dep_ == "det" and c.lemma_.lower() in w.negation_determiners:
            return True
    return False


def tense(tok: Any, w: Any) -> list[str]:
    """The tagger's tenses of a verb, without a future its form does not have ("fournit")."""
    tenses = tok.morph.get("Tense")
    if "Fut" in tenses and w.future_endings and not tok.lower_.endswith(tuple(w.future_endings)):
        return [t for t in tenses if t != "Fut"]
    return list(tenses)


def governor(tok: Any) -> Any:
    """The verb or adjective whose complement a verb is ("prévoit d'imposer", "a annoncé qu'il
    imposerait", "prêt à imposer"), or None."""
    infinitive = "Inf" in tok.morph.get("VerbForm")
    if (tok.dep_ in ("xcomp", "ccomp") or infinitive and tok.dep_ in ("obl", "obl:arg", "advcl", "acl")) \
            and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
        return tok.head
    return None


def verb_status(k: Coder, tok: Any, clause: list[Any]) -> str:
    w = k.words
    if any(negated(k, t) for t in clause):
        return "negated"
    mood = {m for t in clause for m in moods(t, w)}
    tenses = {x for t in clause for x in tense(t, w)}
    if any(c.dep_ == "mark" and c.lower_ in w.conditional_marks for c in tok.children):
        return "hypothetical"
    infinitive = "Inf" in tok.morph.get("VerbForm")
    gov = governor(tok)
    if gov is not None:
        gclause = [gov, *[c for c in gov.children if c.dep_.startswith("aux")]]
        gmood = {m for t in gclause for m in moods(t, w)}
        glemma = gov.lemma_.lower()
        # "annonce avoir tiré", "a annoncé qu'il avait procédé à": an announced act already done
        done = any(c.dep_.startswith("aux") and c.lemma_ in (w.have, w.be) and "Inf" in c.morph.get("VerbForm")
                   for c in tok.children) \
            or (not infinitive and tok.dep_ == "ccomp" and bool(tenses & {"Past", "Imp", "Pqp"}))
        if glemma in w.planned_governors and not negated(k, gov) and not done:
            return "planned"
        if glemma in w.hypothetical_governors or "Cnd" in gmood:
            return "hypothetical"
        if any(negated(k, t) for t in gclause):
            return "negated"
        if any(m == "Fut" for t in gclause for m in tense(t, w)):
            return "planned"
    if "Cnd" in mood:
        return "planned" if tok.lemma_ == w.conditional_planned else "hypothetical"
    if "Fut" in tenses or any(c.dep_.startswith("aux") and c.lemma_ == w.near_future and "Pres" in c.morph.get("Tense") for c in tok.children):
        return "planned"
    return "asserted"


def historical(k: Coder, cand: Candidate) -> bool:
    if cand.when is None or cand.when.source != "text" or cand.status != "asserted" or k.published is None:
        return False
    start = period_start(cand.when.value)
    return start is not None and (k.published - start).days > 365


def period_start(value: str) -> date | None:
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return date.fromisoformat(value[:10])
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            return date(int(value[:4]), int(value[5:]), 1)
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1)
        if "-W" in value:
            y, w = value.split("-W")
            return date.fromisocalendar(int(y), int(w[:2]), 1)
    except ValueError:
        return None
    return None
