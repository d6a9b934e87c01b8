"""Rules over a document's candidate events: which to drop, denials and the claims they answer,
refusals that answer a demand, and assertions of another party's hostile act read as accusations."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsgraph.cameo import intent_of, plover_for, threat_of
from newsgraph.lang.lexicon import EventEntry
from newsgraph.pipeline.events.arguments import country_of_ids, sentence_place_country
from newsgraph.pipeline.events.attribution import reporting_head, when_where
from newsgraph.pipeline.events.coder import ARMED_SECTORS, DYADIC, HOSTILE, SPEAKING_SECTORS, STATE_SECTORS, Candidate, Coder
from newsgraph.pipeline.events.status import governor, historical, status
from newsgraph.pipeline.events.triggers import locution, long_noun, verb_lemma
from newsgraph.pipeline.participants import actors_of, subject_actors
from newsgraph.text import norm

ALLEGE = ("112", "ACCUSE", "allege")
DYADIC_NEEDS_TARGET = True
VICTIM_TYPES = {"ASSAULT", "COERCE"}  # reported by whom they struck when the text names no perpetrator  # the CAMEO code, type and mode of an accusation read off an assertion


def drop_reason(k: Coder, c: Candidate, tok: Any, entry: EventEntry, rule: str) -> str | None:
    if not c.actors and not victims_only(k, entry, c, tok, rule):
        return "no source"  # an event needs a source
    if entry.required and not c.recipients:
        return "no recipient for an ambiguous verb"
    if entry.event in DYADIC and not c.recipients and len(c.actors) < 2 and DYADIC_NEEDS_TARGET \
            and not (entry.mode == "arrest" and k.idx.by_id.get(c.actors[0]) is not None
                     and (k.idx.by_id[c.actors[0]].code or "")[3:6] in STATE_SECTORS):
        # arrests by the state's own forces stand alone: "la police a effectué plus de 1 000 arrestations"
        return "dyadic type without a target"
    if rule == "noun" and not c.recipients and len(c.actors) < 2 \
            and not any(n.startswith(("source: the subject of the support verb", "source: the possessive", "source: who claimed it")) for n in c.notes):
        return "nominal event with its source alone"  # too weak a signal, unless a support verb or a possessive gives it
    if rule == "noun" and rejected_object(k, tok):
        return "nominal object of a rejection"  # "son veto sur les nouvelles sanctions": a proposal, not an event
    if not any(k.idx.by_id.get(a) is None or k.idx.by_id[a].code for a in c.actors + c.recipients):
        return "no coded participant"
    if epithet(k, tok):
        return "a participle that names an office holder"  # "le président déchu", "le président élu"
    if "Inf" in tok.morph.get("VerbForm") and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "ADV") \
            and rule != "noun":
        return "infinitive complement of a noun or adverb"  # a potential, not an event
    return None


def epithet(k: Coder, tok: Any) -> bool:
    """A bare past participle on the noun of an office ("le président déchu Askar Akaïev", "le président
    élu"): it names who the holder is, not an event of the text."""
    if tok.dep_ not in ("acl", "amod") or "Part" not in tok.morph.get("VerbForm") or tok.head.i == tok.i:
        return False
    if any(c.dep_ not in ("punct", "advmod") for c in tok.children):
        return False  # "le président destitué par le Parlement": an agent or a complement tells the act
    role = k.profile.roles.get(norm(tok.head.text))
    return role is not None and role.office not in (None, "-", "")


def victims_only(k: Coder, entry: EventEntry, c: Candidate, tok: Any, rule: str) -> bool:
    """Violence is often reported by whom it struck, with no perpetrator named: a passive verb ("34
    personnes ont été tuées", "furent enlevées") of an unambiguous
    entry, with a coded victim; not when a hazard is its cause ("l'ouragan a tué", "tuées par
    l'explosion", "touchées par la crise")."""
    if entry.event not in VICTIM_TYPES or not c.recipients or entry.required:
        return False
    if rule == "noun":  # "des dizaines de morts dans l'attaque": its toll
        return any(n.startswith("recipient implied: the casualties") for n in c.notes)
    causes = [ch for ch in tok.children if ch.dep_ in ("nsubj", "obl:agent", "obl")]
    if tok.dep_ in ("acl", "advcl", "conj"):
        causes.append(tok.head)
    if any(t.lemma_.lower() in k.words.hazards and not attack_inside(k, t) for t in causes):
        return False
    passive = any(ch.dep_ in ("aux:pass", "nsubj:pass") for ch in tok.children)
    return passive


def attack_inside(k: Coder, hazard: Any) -> bool:
    """Is a hazard an attack's ("l'explosion d'une voiture piégée")?"""
    for c in hazard.subtree:
        long = long_noun(k, c)
        entry = long[0] if long else k.lex.nouns.get(c.lemma_.lower()) or k.lex.nouns.get(c.lower_)
        if c.i != hazard.i and entry is not None and entry.event == "ASSAULT":
            return True
    return False


THREAT_NOTE = "a hostile act announced for the future is a threat of it"
GOVERNING = {"AGREE", "THREATEN", "REQUEST", "REJECT"}
EMBEDDING = ("xcomp", "ccomp", "advcl", "obl:arg", "acl")


def governed_acts(k: Coder, cands: list[Candidate]) -> set[int]:
    """A promise, threat, request or refusal governs the act it is about ("l'Iran a menacé de couper
    l'électricité à la république azerbaïdjanaise"): it takes its target from that act when it names
    none, and the act is not coded on its own (it has not happened). A denial ("a nié avoir livré")
    keeps its act, which the claims logic negates. Returns the ids of the governed acts."""
    deny = {lemma for lemma, kind in k.profile.reporting.items() if kind == "deny"}
    governed: set[int] = set()
    for g in cands:
        if g.entry.event not in GOVERNING or verb_lemma(k.profile, g.trigger) in deny \
                or g.trigger.pos_ == "NOUN" and g.rule != "mistagged verb":
            continue
        clauses = [c for c in g.trigger.children if c.dep_ in EMBEDDING and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN")]
        inside = {t.i for c in clauses for t in c.subtree}
        acts = [e for e in cands if e is not g and e.trigger.i in inside]
        if g.entry.event == "AGREE":
            promised_threat(k, g, acts)
        if not g.recipients and clauses:
            g.recipients = embedded_target(k, g, clauses, acts)
            if g.recipients:
                g.notes.append("target from the act it governs")
        governed.update(id(e) for e in acts)
    return governed


def promised_threat(k: Coder, g: Candidate, acts: list[Candidate]) -> None:
    """A promise or readiness to do a hostile act is a threat of it ("s'est dit prêt à imposer la loi
    martiale", "a promis de frapper"): PLOVER's AGREE is for what is conceded or cooperative."""
    acts = [e for e in acts if e.entry.event not in GOVERNING]  # "a annoncé qu'il était prêt à imposer"
    if not acts:
        return
    first = min(acts, key=lambda e: e.trigger.i)  # "prêt à envoyer des armes pour aider à défendre X" is aid
    code = threat_of(first.entry.cameo)
    plover = plover_for(code) if code else None
    if plover is None or first.actors and not set(first.actors) & set(g.actors):
        return  # "a conclu que le gouvernement russe était intervenu": another's act, reported
    g.entry = replace(g.entry, cameo=code, event=plover.event, mode=plover.mode, context=plover.context)
    g.notes.append("promising a hostile act is threatening it")
    g.recipients = g.recipients or first.recipients
    threatened_people(k, g)


def embedded_target(k: Coder, g: Candidate, clauses: list[Any], acts: list[Candidate]) -> list[str]:
    """Whom a promise, threat, request or refusal is about: the one asked to act ("a exigé que les
    États-Unis apportent"), else the target of the act it governs, else the first actor named in the
    governed clause ("menacé de reprendre des activités en Israël")."""
    mine = set(g.actors)
    if g.entry.event == "THREATEN":
        named = [a for e in acts for a in e.recipients if a not in mine and getattr(k.idx.by_id.get(a), "mentions", None)]
        condition = condition_subjects(k, g, clauses, mine)
        if condition and not named:  # "menacé d'attaquer l'armée nigérienne si ...": the attacked comes first
            return condition
    if g.entry.event in ("REQUEST", "THREATEN", "AGREE"):
        for c in clauses:
            if conditional(k, c):
                continue  # "si le Tchad ne retirait pas ses troupes" is the condition, not the act
            subj = [a for s in c.children if s.dep_ in ("nsubj", "nsubj:pass") for a in actors_of(k.idx, s) if a not in mine]
            if subj:
                return subj
    for e in sorted(acts, key=lambda e: e.trigger.i):
        found = [a for a in (e.recipients or e.actors) if a not in mine]
        if found:
            return found
    for c in clauses:
        for t in sorted(c.subtree, key=lambda t: t.i):
            aid = k.idx.at(t)
            if aid is not None and aid not in mine:
                return [aid]
    return []


def conditional(k: Coder, clause: Any) -> bool:
    return any(m.dep_ == "mark" and m.lower_ in k.words.conditional_marks for m in clause.children)


def condition_subjects(k: Coder, g: Candidate, clauses: list[Any], mine: set[str]) -> list[str]:
    """A threat is made against whoever its condition falls on ("ont menacé d'observer une grève
    générale si Israël ne revenait pas sur sa décision"): the subject of a conditional clause on the
    threat or on the act it governs."""
    for head in [g.trigger, *clauses]:
        for c in head.children:
            if c.dep_ in ("advcl", "ccomp") and conditional(k, c):
                subj = [a for s in c.children if s.dep_ in ("nsubj", "nsubj:pass") for a in actors_of(k.idx, s) if a not in mine]
                if subj:
                    return subj
    return []


def rejected_object(k: Coder, tok: Any) -> bool:
    t = tok
    for _ in range(4):
        if t.head.i == t.i:
            return False
        t = t.head
        entry = k.lex.verbs.get(verb_lemma(k.profile, t)) or k.lex.nouns.get(t.lemma_.lower())
        loc = locution(k, t, t.lemma_.lower()) if t.pos_ in ("VERB", "AUX") else None
        for e in (entry, loc):
            if e is not None and e.event == "REJECT" and not e.negembed:
                return True
        if t.pos_ == "VERB":
            return False
    return False


def answers(k: Coder, cands: list[Candidate]) -> None:
    """A refusal with no stated target answers the latest demand or proposal of another party in
    the last two sentences ("Le gouvernement a exigé ... Cette dernière a refusé")."""
    sents = k.sentence_number
    for c in cands:
        if c.entry.event != "REJECT" or c.recipients:
            continue
        if c.entry.negembed and has_content(c.trigger):
            continue  # "a refusé de livrer", "a nié cela": the refusal has its own content
        here = sents.get(c.trigger.sent.start, 0)
        asks = [d for d in cands if d is not c and d.entry.event in ("REQUEST", "AGREE") and d.trigger.i < c.trigger.i
                and here - sents.get(d.trigger.sent.start, 0) <= 2 and not set(d.actors) & set(c.actors)]
        if asks:
            c.recipients = list(asks[-1].actors)
            c.notes.append("answers")


def has_content(tok: Any) -> bool:
    """Does a refusal or denial govern what it refuses? Not when a noun comes between it and its
    clause: "a refusé au motif que ...", "sous prétexte que ..." give a reason."""
    kids = list(tok.children)
    for kid in kids:
        if kid.dep_ in ("obj", "xcomp"):
            return True
        if kid.dep_ == "ccomp" and not any(n.dep_.startswith("obl") and n.pos_ == "NOUN" and tok.i < n.i < kid.i for n in kids):
            return True
    return False


def assertions_as_accusations(k: Coder, cands: list[Candidate]) -> None:
    """'X a affirmé que Y livrait des obus': X accuses Y when Y's act is hostile and Y is foreign to X."""
    by_id = k.idx.by_id
    for c in list(cands):
        if c.attributed_to is None or c.entry.event not in HOSTILE and c.entry.cameo[:3] != "072":
            continue
        speaker = by_id.get(c.attributed_to)
        if speaker is None or not speaker.country:
            continue
        targets = [a for a in c.actors if a in by_id and by_id[a].country and by_id[a].mentions and opposed(speaker, by_id[a])]
        if not targets:
            continue
        verb = reporting_head(k, c.trigger)
        if verb is None or any(x.trigger.i == verb.i for x in cands):
            continue
        code, event, mode = ALLEGE
        entry = EventEntry(verb.lemma_, "V", code, event, mode, (), ("subj",), (), (), False, False, False, False)
        acc = Candidate(verb, entry, (verb.idx, verb.idx + len(verb.text)), actors=[c.attributed_to], recipients=targets,
                        rule="assertion of a hostile act by another party")
        acc.status = status(k, acc) if acc.trigger.pos_ == "VERB" else "asserted"
        when_where(k, acc)
        if historical(k, acc):
            acc.status = "historical"
        cands.append(acc)


def opposed(speaker: Any, target: Any) -> bool:
    """Is the target another party than the speaker: another country, or at home the other side
    (a government and its rebels or opposition)?"""
    if target.country != speaker.country:
        return True

    def state(a: Any) -> bool:
        sector = (a.code or "")[3:6]
        return not sector or sector in STATE_SECTORS
    return state(speaker) != state(target)


DEMAND = ("100", "REQUEST", None)  # CAMEO, type and mode of a demand read off an obligation


def obligations(k: Coder, cands: list[Candidate]) -> None:
    """'X a déclaré que la Chine devait lever les obstacles', 'X a rappelé à l'Irak qu'il devait
    coopérer': a statement that someone must act is a demand of them by the speaker."""
    triggers = {c.trigger.i for c in cands}
    strings = k.doc.vocab.strings
    wanted = {strings.add(w) for w in k.words.obligation}
    for tok in k.doc:
        if tok.lemma not in wanted or tok.dep_ not in ("ccomp", "parataxis"):
            continue
        verb = tok.head
        if verb.i in triggers or k.profile.reporting.get(verb.lemma_.lower()) not in ("say", "warn", "think"):
            continue
        speakers = subject_actors(k.idx, verb)
        told = [a for c in verb.children if c.dep_ in ("iobj", "obl:arg", "obl") for a in actors_of(k.idx, c)]
        obliged = [a for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass") for a in actors_of(k.idx, c)]
        targets = [a for a in (obliged or told) if a not in speakers]
        if not speakers or not targets:
            continue
        code, event, mode = DEMAND
        entry = EventEntry(verb.lemma_, "V", code, event, mode, (), ("subj",), (), (), False, False, False, False)
        c = Candidate(verb, entry, (verb.idx, verb.idx + len(verb.text)), actors=speakers, recipients=targets,
                      rule="a statement that someone must act")
        c.status = status(k, c)
        c.attributed_to = None
        when_where(k, c)
        cands.append(c)
        triggers.add(verb.i)


def denials(k: Coder, cands: list[Candidate]) -> None:
    """A denial negates what it governs; 'a nié cela' answers the last claim of another party."""
    for d in cands:
        if not d.entry.negembed:
            continue
        comps = [c for c in d.trigger.children if c.dep_ in ("obj", "ccomp", "xcomp", "obl:arg")]
        inside = [c for c in cands if c is not d and any(c.trigger.i == x.i or c.trigger.is_ancestor(x) is False and x.is_ancestor(c.trigger)
                                                         for x in comps)]
        for c in inside:
            c.status = "negated"
            c.negated_inside = True
        if inside:
            continue
        obj = [c for c in d.trigger.children if c.dep_ in ("obj", "ccomp", "xcomp")]
        if obj and obj[0].pos_ not in ("PRON", "DET") and obj[0].lemma_ not in k.words.claim_content:
            continue
        claimed = [c for c in cands if c is not d and c.attributed_to and c.trigger.i < d.trigger.i
                   and d.trigger.sent.start - c.trigger.sent.start < 120 and c.status != "negated"]
        if claimed:
            target = claimed[-1]
            d.answers_claim = target
            if target.attributed_to and target.attributed_to not in d.recipients and target.attributed_to not in d.actors:
                d.recipients = [target.attributed_to]


def finite(tok: Any) -> bool:
    """A verb that is conjugated, or a participle or adjective with its own finite auxiliary."""
    if tok.pos_ == "ADJ":
        return True
    if "Fin" in tok.morph.get("VerbForm"):
        return True
    aux = [c for c in tok.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    return bool(aux) and all("Inf" not in a.morph.get("VerbForm") and "Part" not in a.morph.get("VerbForm") for a in aux)


def announced_threat(k: Coder, c: Candidate) -> None:
    """PLOVER codes a hostile act announced for the future as a threat of it, not as the act with a
    future status ("la Grèce prévoit d'imposer des restrictions", "a annoncé qu'il allait prolonger le
    couvre-feu", "pourrait suspendre ses efforts de médiation", "renforcera le blocus"). The
    announcement or the modal must be one of the profile's threat governors, or the act the main verb;
    an act that hangs on a condition ("si ...") or that someone tries or plots stays as it is. A threat
    that names no target falls on the people where the act would happen (a curfew, martial law)."""
    if c.trigger.pos_ not in ("VERB", "AUX") or not c.actors:
        return
    code = threat_of(c.entry.cameo)
    plover = plover_for(code) if code else None
    if plover is None or conditional(k, c.trigger):
        return
    if any(a.dep_.startswith("aux") and a.lemma_ in (k.words.have, k.words.be) for a in c.trigger.children):
        return  # "aurait attaqué", "a dû frapper": a compound tense tells a past act, reported or not
    gov = governor(c.trigger)
    if gov is None and c.trigger.dep_ != "ROOT":
        return
    if gov is not None and (gov.lemma_.lower() not in k.words.threat_governors or conditional(k, gov)
                            or not finite(gov)):
        return  # "attendent de pouvoir quitter", "ceux voulant quitter", "affirment avoir voulu frapper"
    if status(k, c) not in ("planned", "hypothetical"):
        return
    c.entry = replace(c.entry, cameo=code, event=plover.event, mode=plover.mode, context=plover.context, required=False)
    c.notes.append(THREAT_NOTE)
    threatened_people(k, c)


def threatened_people(k: Coder, c: Candidate) -> None:
    """A threat that names no target falls on the people where the act would happen (a curfew,
    martial law), else on those of the threatening country."""
    if not c.recipients:
        iso3 = sentence_place_country(k, c.trigger) or country_of_ids(k, c.actors)
        if iso3:
            c.recipients = [k.idx.implied_actor(iso3, "CVL", f"the people of {iso3}, on whom the threatened act would fall")]
            c.notes.append(f"recipient implied: the people of {iso3}")


ATTACK = ("190", "ASSAULT", None)  # CAMEO, type and mode of a verbal attack that is a fight
CRITICISM = ("111", "ACCUSE", "disapprove")


def verbal_or_physical(k: Coder, c: Candidate) -> None:
    """Verbs that attack with words or with arms ("attaquer", "s'en prendre à"): between politicians,
    parties and media it is criticism ("Hillary Clinton attaque Donald Trump"); when an armed side is
    involved it is a fight ("l'armée turque s'en prend à Daech")."""
    if c.entry.lemma.split("+")[0] not in k.words.verbal_or_physical or not c.actors or not c.recipients:
        return
    by_id = k.idx.by_id

    def sectors(ids: list[str]) -> set[str]:
        out = set()
        for a in ids:
            code = (by_id[a].code or "") if a in by_id else ""
            out.add("IMG" if code.startswith("IMG") else code[3:6] or "-")
        return out
    every = sectors(c.actors) | sectors(c.recipients)
    if c.entry.event == "ASSAULT" and sectors(c.actors) <= SPEAKING_SECTORS and sectors(c.recipients) <= SPEAKING_SECTORS:
        code, event, mode = CRITICISM
    elif c.entry.event == "ACCUSE" and every & (ARMED_SECTORS | {"IMG"}):
        code, event, mode = ATTACK
    else:
        return
    plover = plover_for(code)
    c.entry = replace(c.entry, cameo=code, event=event, mode=plover.mode if plover else mode,
                      context=plover.context if plover else ())
    c.notes.append(f"{c.trigger.text!r} between {'armed sides: a fight' if event == 'ASSAULT' else 'speakers: criticism'}")


AIMS = {"REQUEST", "ACCUSE"}  # what a protest is for: "ont manifesté pour réclamer", "grève de la faim pour protester contre"


def protest_aims(k: Coder, cands: list[Candidate]) -> list[Candidate]:
    """A demand or a protest that is the aim of a protest ("des milliers de Kurdes ont manifesté pour
    réclamer ...", "une grève de la faim pour protester contre ...") is what the protest is about, not an
    event of its own. Returns the candidates without them."""
    protests = {c.trigger.i for c in cands if c.entry.event == "PROTEST"}
    if not protests:
        return cands
    out = []
    for c in cands:
        tok = c.trigger
        marks = {m.lower_ for m in tok.children if m.dep_ in ("mark", "case")}
        head = tok.head
        if c.entry.event in AIMS and marks & k.words.purpose_marks and tok.dep_ in ("advcl", "acl", "xcomp", "obl", "obl:mod") \
                and (head.i in protests or any(n.i in protests for n in head.children if n.dep_ in ("obj", "nsubj"))):
            k.dropped["the aim of a protest"] = k.dropped.get("the aim of a protest", 0) + 1
            continue
        out.append(c)
    return out


PROMISABLE = {"SUPPORT", "COOPERATE", "AID"}


def promised_cooperation(c: Candidate) -> None:
    """PLOVER codes support, cooperation and aid told for the future as the intent of it, AGREE ("le
    Portugal soutiendra les efforts de la Turquie", "le Japon enverra de l'aide"); the status stays
    planned. A meeting keeps its type: planned CONSULT and AGREE are one in the scoring rules."""
    if c.status != "planned" or c.entry.event not in PROMISABLE:
        return
    code = intent_of(c.entry.cameo)
    plover = plover_for(code) if code else None
    if plover is None:
        return
    c.entry = replace(c.entry, cameo=code, event=plover.event, mode=plover.mode, context=plover.context)
    c.notes.append("cooperation announced for the future is the intent of it")
