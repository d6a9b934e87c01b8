"""Arguments: who did it and to whom, from the frame of the lexicon entry and the parse (subject and
passive agent, objects and prepositional complements, coordination, control and relative clauses),
with object clitics, groups named by a role noun alone, and the host of a visit."""

from __future__ import annotations

from typing import Any

from newsgraph.cameo import STATE_ON_PEOPLE_MODES
from newsgraph.pipeline.events.coder import FOREIGN_FRIENDLY, STATE_SECTORS, Candidate, Coder
from newsgraph.pipeline.participants import actors_of, slot_actors, subject_actors
from newsgraph.pipeline.syntax import agreement, case_of, governed_by, is_passive, word_in
from newsgraph.text import norm, plain_apostrophes


def arguments(k: Coder, cand: Candidate) -> None:
    tok, entry, idx = cand.trigger, cand.entry, k.idx
    noun = cand.rule == "noun" or (tok.pos_ == "NOUN" and cand.rule == "locution")
    if cand.rule == "locution" and tok.pos_ in ("NOUN", "ADJ"):
        cand.actors = [a for s in tok.children if s.dep_ == "nsubj" for a in actors_of(idx, s)]
        noun = False
    elif noun and any(c.dep_ == "nsubj" for c in tok.children) and tok.dep_ in ("ROOT", "conj", "ccomp"):
        # a verb the tagger took for a noun ("l'armée turque combat Daech", "le PAM aide à rouvrir"):
        # its subject acts on its object
        cand.actors = [a for c in tok.children if c.dep_ == "nsubj" for a in actors_of(idx, c)]
        cand.recipients = [a for c in tok.children if c.dep_ in ("obj", "nmod") and c.i > tok.i for a in actors_of(idx, c)
                           if a not in cand.actors]
        cand.notes.append("a verb tagged as a noun")
        noun = False
    elif noun:
        own = noun_nationality(k, tok)
        if own:  # "les émeutes palestiniennes contre ...", "deux raids aériens israéliens"
            cand.actors = [own]
            cand.notes.append("source: the noun's nationality adjective")
        for slot in () if own else entry.actor:
            for t in slot_actors(idx, tok, slot, noun=True):
                cand.actors += [a for a in actors_of(idx, t) if a not in cand.actors]
        for slot in entry.participants:
            for t in slot_actors(idx, tok, slot, noun=True, participants=True):
                cand.actors += [a for a in actors_of(idx, t) if a not in cand.actors]
        if cand.actors:
            cand.notes.append("source: the noun's complement")
        poss = [c for c in tok.children if c.dep_ == "det" and c.morph.get("Poss") == ["Yes"]]
        if not cand.actors and poss and idx.at(poss[0]):
            cand.actors = [idx.at(poss[0])]
            cand.notes.append("source: the possessive")
        if not cand.actors:
            cand.actors = [a for a in clause_actors(k, tok, cand) if a not in cand.recipients]
        if not cand.actors and entry.mode == "arrest":
            arresting_state(k, cand)
        if not cand.actors and entry.event == "PROTEST" and word_in(tok, k.words.crowd_events):
            crowd(k, cand)
        if not cand.actors and not cand.recipients and entry.event == "ASSAULT" and toll(k, tok):
            struck(k, cand)
    else:
        for slot in entry.actor:  # the subject, unless the frame names another slot ("recevoir+aide": A=de R=subj)
            found = subject_actors(idx, tok) if slot == "subj" else [a for t in slot_actors(idx, tok, slot) for a in actors_of(idx, t)]
            cand.actors += [a for a in found if a not in cand.actors]
        for slot in entry.participants:
            for t in slot_actors(idx, tok, slot):
                cand.actors += [a for a in actors_of(idx, t) if a not in cand.actors]
    for slot in entry.recipient:
        if slot == "subj" and not noun:
            cand.recipients += [a for a in subject_actors(idx, tok) if a not in cand.recipients and a not in cand.actors]
            continue
        for t in slot_actors(idx, tok, slot, noun=noun):
            ids = actors_of(idx, t)
            if not ids and entry.mode == "visit":
                ids = host_of_visit(k, t)
            cand.recipients += [a for a in ids if a not in cand.recipients and a not in cand.actors]
        if cand.recipients:
            break
    if cand.rule == "locution" and tok.pos_ != "NOUN" and (not cand.actors or not cand.recipients):
        noun_arguments(k, cand)
    if cand.rule == "mistagged verb":
        linear_arguments(k, cand)
    if not cand.recipients and not noun:
        cand.recipients = object_pronoun(k, cand)
        if cand.recipients:
            cand.notes.append(f"object clitic -> {cand.recipients[0]}")
    if not cand.recipients and entry.event in ("REQUEST", "REJECT", "ACCUSE") and not noun:
        # "demander le désarmement des milices": the target of the demanded act
        for c in tok.children:
            if c.dep_ == "obj" and c.pos_ not in ("PRON", "PROPN"):  # a noun, or one tagged as a verb ("une offre de X")
                for g in c.children:
                    if g.dep_ in ("nmod", "obl:arg") and case_of(g) in k.words.genitive_preps:
                        cand.recipients = [a for a in actors_of(idx, g) if a not in cand.actors]
    if not cand.recipients and entry.event == "ACCUSE" and not noun:
        cand.recipients = [a for a in accused_authors(k, cand) if a not in cand.actors]
        if cand.recipients:
            cand.notes.append("target: the author of the act it is about")
    if not cand.recipients or not cand.actors:
        unmarked_groups(k, cand, noun)
    if not cand.recipients and cand.actors and entry.event in ("ASSAULT", "COERCE"):
        cand.recipients = attacked_country(k, cand, noun)
    if entry.embed and not cand.recipients:
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp"):
                cand.recipients = [a for a in subject_actors(idx, c) if a not in cand.actors]
                cand.embedded.append(c)
    if noun and (any(n.startswith("source implied: a crowd") for n in cand.notes)
                 or entry.event == "PROTEST" and word_in(tok, k.words.crowd_events)):
        implied_protest_target(k, cand)  # "grève générale des chauffeurs de taxi" addresses the government
    if not noun:
        implied_arguments(k, cand)
        if cand.actors and not cand.recipients:
            unmarked_groups(k, cand, noun)  # with the implied actor, a group takes its country
    cand.actors = list(dict.fromkeys(cand.actors))  # one actor named twice in one phrase
    cand.recipients = [r for r in dict.fromkeys(cand.recipients) if r not in cand.actors]
    if entry.recip and cand.recipients and len(cand.actors) >= 2:
        cand.actors += [r for r in cand.recipients if r not in cand.actors]
        cand.recipients = []


NOMINAL_DEPS = ("obj", "obl", "obl:arg", "obl:mod", "nmod", "conj", "appos")


STATE_ACTS = {"COERCE", "SANCTION", "REJECT"}  # acts only a state does when the text names no one


def implied_arguments(k: Coder, cand: Candidate) -> None:
    """Participants the text implies: a protest addresses its country's government ("des ouvriers
    ont bloqué le pont" -> FRA protests to FRAGOV); an arrest, a ban, an expulsion told in the passive
    with no agent is the state's ("deux journalistes ont été arrêtés hier" in Burundi -> BDICOP)."""
    idx, entry = k.idx, cand.entry
    if entry.event == "PROTEST":
        implied_protest_target(k, cand)
    if entry.event == "CONCEDE" and cand.actors:
        no_self_recipients(k, cand)  # "a réduit le couvre-feu imposé au Soudan": not a concession to itself
    if entry.event == "CONCEDE" and cand.actors and not cand.recipients:
        iso3 = country_of_ids(k, cand.actors)
        if iso3:  # "a levé l'état d'urgence": a concession to the country's own people
            cand.recipients = [idx.implied_actor(iso3, "CVL", f"the people of {iso3}, to whom the concession is made")]
            cand.notes.append(f"recipient implied: the people of {iso3}")
    if not cand.recipients and cand.actors and k.headline is not None and cand.trigger.sent.start == k.headline \
            and entry.event not in ("CONSULT", "AGREE", "COOPERATE", "MOBILIZE", "RETREAT", "CONCEDE"):
        # "Burundi : la FIDH alerte l'opinion sur le risque génocidaire": the headline's label is the target
        topic = k.topic_country or ""
        if not any((idx.by_id[a].country if a in idx.by_id else None) == topic for a in cand.actors):
            cand.recipients = [idx.implied_actor(topic, "", f"{topic}, the country the headline's label names")]
            cand.notes.append(f"recipient: {topic}, the headline's label")
    if entry.event in STATE_ACTS and not cand.actors and is_passive(cand.trigger, k.words):
        iso3 = sentence_place_country(k, cand.trigger) or country_of_ids(k, cand.recipients) or k.topic_country
        if iso3:
            sector = "COP" if entry.mode == "arrest" else "GOV"
            cand.actors = [idx.implied_actor(iso3, sector, f"the state of {iso3}, agent of a passive act that names none")]
            cand.recipients = [r for r in cand.recipients if r not in cand.actors]
            cand.notes.append(f"actor implied: {iso3}{sector}, the agent of a passive that names none")


def noun_nationality(k: Coder, tok: Any) -> str | None:
    """The country a nationality adjective on an event noun names: its author."""
    base = k.idx.base
    for c in tok.children:
        if c.dep_ == "amod" and c.text[:1].islower():
            iso3 = base.adjectives.get(norm(c.text))
            if iso3:
                return k.idx.at(c) or k.idx.country(iso3, c, f"country adjective {c.text!r} on {tok.text!r}")
    return None


def accused_authors(k: Coder, cand: Candidate) -> list[str]:
    """Whom a criticism of an act accuses: the act's author ("a dénoncé la répression par la Serbie",
    "s'est plaint de deux raids aériens israéliens", "une enquête sur des crimes commis par les forces
    croates"), named by a complement, an adjective or the agent of a participle on the act's noun."""
    idx, words = k.idx, k.words
    acts = [c for c in cand.trigger.children if c.dep_ in ("obj", "obl", "obl:arg") and c.pos_ == "NOUN"
            and (c.dep_ == "obj" or case_of(c) in words.genitive_preps or case_of(c) in words.about_preps)]
    noun = locution_noun(cand) if cand.rule == "locution" else None
    if noun is not None:  # "dénoncer la répression par X", "ouvrir une enquête sur des crimes commis par X"
        acts[:0] = [noun, *[c for c in noun.children if c.dep_ == "nmod" and c.pos_ == "NOUN"
                            and (case_of(c) in words.genitive_preps or case_of(c) in words.about_preps)]]
    lex = k.lex
    for t in cand.trigger.doc[cand.trigger.i + 1:min(cand.trigger.i + 12, cand.trigger.sent.end)]:
        if t.text in CLAUSE_BREAKS or t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm"):
            break
        if t.pos_ == "NOUN" and t not in acts and (lex.nouns.get(t.lemma_.lower()) or lex.nouns.get(t.lower_)):
            acts.append(t)  # an act noun the parse hung elsewhere ("s'est plaint ... de deux raids israéliens")
    for act in acts:
        found = actors_of(idx, act) or agent_after(k, act)
        if not found:
            for c in act.children:
                if c.dep_ == "acl" and "Part" in c.morph.get("VerbForm"):
                    found = [a for g in c.children if g.dep_ == "obl:agent" or case_of(g) in words.agent_preps
                             for a in actors_of(idx, g)]
                    if found:
                        break
        if found:
            return found
    return []


def agent_after(k: Coder, noun: Any) -> list[str]:
    """The agent written right after an act noun, whatever the parse: "la répression par la Serbie"."""
    doc = noun.doc
    nxt = doc[noun.i + 1] if noun.i + 1 < noun.sent.end else None
    if nxt is None or plain_apostrophes(nxt.lower_) not in k.words.agent_preps:
        return []
    for t in doc[nxt.i + 1:min(nxt.i + 4, noun.sent.end)]:
        aid = k.idx.at(t)
        if aid:
            return [aid]
    return []


CIVIL_CLAIMS = {"REQUEST", "REJECT", "ACCUSE"}
CIVIL_SECTORS = {"CVL", "LAB", "OPP", "NGO", "EDU", "AGR", "BUS", "REF", "ELI"}


def implied_civil_target(k: Coder, cand: Candidate) -> None:
    """A demand, refusal or criticism by a country's own civil society that names no one addresses its
    government ("le collectif a réclamé un droit de contrôle", "les syndicats exigent le retrait").
    Run last, when no other rule found whom it addresses."""
    if cand.entry.event not in CIVIL_CLAIMS or not cand.actors or cand.recipients:
        return
    by_id = k.idx.by_id
    sectors = {(by_id[a].code or "")[3:6] for a in cand.actors if a in by_id}
    countries = {by_id[a].country for a in cand.actors if a in by_id}
    if len(countries) != 1 or not sectors or not sectors <= CIVIL_SECTORS:
        return
    iso3 = next(iter(countries))
    if iso3:
        cand.recipients = [k.idx.implied_actor(iso3, "GOV", f"the government of {iso3}, which its civil society addresses")]
        cand.notes.append(f"recipient implied: the government of {iso3}")


def implied_protest_target(k: Coder, cand: Candidate) -> None:
    """A protest with no stated target addresses the government of the country it is held in."""
    if not cand.actors or cand.recipients:
        return
    iso3 = sentence_place_country(k, cand.trigger) or country_of_ids(k, cand.actors) or k.topic_country
    if iso3:
        cand.recipients = [k.idx.implied_actor(iso3, "GOV", f"the government of {iso3}, which a protest there addresses")]
        cand.notes.append(f"recipient implied: the government of {iso3}")


def where_held(k: Coder, tok: Any) -> str | None:
    """The country an event noun happens in: its place, or that of the verb it hangs from, else the
    article's country (its label, else the country it names most)."""
    return sentence_place_country(k, tok) or (sentence_place_country(k, tok.head) if tok.head.pos_ == "VERB" else None) \
        or k.main_country


def mobilized_forces(k: Coder, cand: Candidate) -> None:
    """Forces said to be deployed or mobilised, with no one named who did it ("17 000 policiers
    étaient déployés à Istanbul", "les soldats mobilisés"), are the side that mobilises: PLOVER's
    MOBILIZE has the mobilising side as actor, and its recipient is whom it is aimed at."""
    tok = cand.trigger
    if cand.entry.event != "MOBILIZE" or cand.actors or tok.pos_ != "VERB":
        return
    if tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm"):
        forces = actors_of(k.idx, tok.head)
    elif is_passive(tok, k.words):
        forces = [a for s in tok.children if s.dep_ in ("nsubj", "nsubj:pass") for a in actors_of(k.idx, s)]
    else:
        return
    if forces:
        cand.actors = forces
        cand.recipients = [r for r in cand.recipients if r not in forces]
        cand.notes.append("source: the forces mobilised")


def unknown_perpetrator(k: Coder, cand: Candidate) -> None:
    """Violence told by its victims alone ("un journaliste a été tué dans l'explosion d'une voiture
    piégée à Beyrouth") is the act of unidentified armed forces of the country it happens in, as CAMEO
    codes them (UAF): that of its place, else of the article, else of the victims unless they are soldiers."""
    if cand.actors or cand.entry.event != "ASSAULT" or not cand.recipients:
        return
    by_id = k.idx.by_id
    home = [r for r in cand.recipients if r in by_id and (by_id[r].code or "")[3:6] != "MIL"]  # soldiers fight abroad
    iso3 = where_held(k, cand.trigger) or country_of_ids(k, home)
    if iso3:
        cand.actors = [k.idx.implied_actor(iso3, "UAF", f"unidentified armed forces in {iso3}, who struck there")]
        cand.notes.append(f"source implied: unidentified armed forces in {iso3}")


def arresting_state(k: Coder, cand: Candidate) -> None:
    """An arrest named by its noun with no agent ("Turquie : arrestation de 16 djihadistes") is made
    by the police of the country it happens in: that of its place, else of the article's label."""
    iso3 = where_held(k, cand.trigger)
    if iso3:
        cand.actors = [k.idx.implied_actor(iso3, "COP", f"the police of {iso3}, who arrest there")]
        cand.recipients = [r for r in cand.recipients if r not in cand.actors]
        cand.notes.append(f"source implied: the police of {iso3}")


def crowd(k: Coder, cand: Candidate) -> None:
    """A demonstration, riot or strike named by its noun alone ("une manifestation a dégénéré en
    émeute à Portland", "Espagne : manifestations pour ...") is held by people of the country it is
    held in: that of its place, else of the article's label."""
    iso3 = where_held(k, cand.trigger)
    if iso3:
        cand.actors = [k.idx.implied_actor(iso3, "CVL", f"people of {iso3}, the crowd of a protest held there")]
        cand.notes.append(f"source implied: a crowd in {iso3}")


FIGHTING = {"ASSAULT", "COERCE"}
CONTEXT_SENTENCES = 12  # how far back a fight's other side is looked for (3 before; 12 chosen on tune and dev4 together)


def enemy_from_context(k: Coder, c: Candidate, kept: list[Candidate]) -> None:
    """A military act whose target the sentence does not name ("l'armée syrienne s'est emparée de
    dizaines de localités", after "l'offensive de l'armée syrienne contre Daech") is aimed at the enemy
    the last sentences gave the same side: the other side of the latest fight that side took part in,
    in this sentence or the twelve before. Likewise violence told by its victims alone ("trois soldats
    maliens ont été tués") takes that enemy as its source. Arrests, bans and other acts of a state on
    people are not fights."""
    if c.entry.event not in FIGHTING or c.entry.mode in STATE_ON_PEOPLE_MODES or bool(c.actors) == bool(c.recipients):
        return
    by_id = k.idx.by_id
    known = c.actors or c.recipients  # the side the sentence names; the other is looked for

    def sides(ids: list[str]) -> set[str]:  # an army and the rebels of one country are two sides
        return {by_id[a].code or "" for a in ids if a in by_id} - {""} | set(ids)

    mine = sides(known)
    sents = k.sentence_number
    here = sents.get(c.trigger.sent.start, 0)
    for e in reversed(kept):
        if e.entry.event not in FIGHTING or e.entry.mode in STATE_ON_PEOPLE_MODES:
            continue
        if not 0 <= here - sents.get(e.trigger.sent.start, 0) <= CONTEXT_SENTENCES:
            break
        if sides(e.actors) & mine and e.recipients:
            other = [a for a in e.recipients if a not in known]
        elif sides(e.recipients) & mine and e.actors:
            other = [a for a in e.actors if a not in known]
        else:
            continue
        if other and not sides(other) & mine:
            if c.actors:
                c.recipients = other
                c.notes.append("target: the other side of the fight told just before")
            else:
                c.actors = other
                c.notes.append("source: the other side of the fight told just before")
            return


def toll(k: Coder, tok: Any) -> bool:
    """Does an attack's noun come with its dead or wounded ("des dizaines de morts dans l'attaque",
    "un attentat a fait 44 morts")?"""
    words = k.words
    head = tok.head
    if tok.dep_ in ("nmod", "obl", "obl:mod"):  # "morts dans l'attaque", "des dizaines de morts dans l'attaque"
        near = [head, *[c for c in head.children if c.dep_ == "nmod" and c.i < tok.i]]
        if any(word_in(t, words.casualties) for t in near):
            return True
    if tok.dep_ in ("nsubj", "nsubj:pass") and head.lemma_.lower() in words.toll_verbs:
        return any(c.dep_ == "obj" and word_in(c, words.casualties) for c in head.children)
    return False


def struck(k: Coder, cand: Candidate) -> None:
    """An attack told by its toll with no perpetrator named strikes the people of the country it
    happens in: that of its place, else the article's."""
    tok = cand.trigger
    iso3 = sentence_place_country(k, tok) or sentence_place_country(k, tok.head) or k.main_country
    if iso3:
        cand.recipients = [k.idx.implied_actor(iso3, "CVL", f"people of {iso3}, the dead and wounded of an attack there")]
        cand.notes.append(f"recipient implied: the casualties, people of {iso3}")


CLAUSE_BREAKS = (":", ";", ".", "?", "!", "«", "»")


def linear_arguments(k: Coder, cand: Candidate) -> None:
    """A verb the tagger took for a noun or an adjective has no parse to read: its actor is the
    nearest actor named before it in its clause, its target the actors named after it up to the next
    verb ("le patron du CNDD-FDD, Évariste Ndayishimiye, critique vivement l'UE et l'ONU")."""
    tok, idx = cand.trigger, k.idx
    if any(c.dep_ in ("nsubj:pass", "aux:pass") for c in tok.children):
        # a passive participle: its subject is the one it was done to, and the agent was read already
        if not cand.recipients:
            cand.recipients = [a for c in tok.children if c.dep_ == "nsubj:pass" for a in actors_of(idx, c) if a not in cand.actors]
        return
    if not cand.actors and tok.head.pos_ == "VERB" and tok.lower_ in k.lex.verbs:
        cand.actors = [a for a in subject_actors(idx, tok.head) if a not in cand.recipients]  # "réussissent à ravitailler"
    if not cand.actors:
        for t in reversed(tok.doc[tok.sent.start:tok.i]):
            if t.text in CLAUSE_BREAKS or t.pos_ == "VERB":
                break
            aid = idx.at(t)
            if aid and aid not in cand.recipients:
                cand.actors = [aid]
                cand.notes.append("source: the actor just before a verb the tagger missed")
                break
    if not cand.recipients and cand.entry.recipient:
        found: list[str] = []
        for t in tok.doc[tok.i + 1:tok.sent.end]:
            if t.text in CLAUSE_BREAKS or t.pos_ in ("VERB", "AUX") or len(found) == 2:
                break
            aid = idx.at(t)
            if aid and aid not in found and aid not in cand.actors:
                found.append(aid)
        if found:
            cand.recipients = found
            cand.notes.append("target: the actors just after a verb the tagger missed")


def clause_actors(k: Coder, tok: Any, cand: Candidate) -> list[str]:
    """The source of a nominal event that names none: the subject of the clause it is a complement of
    ("les FDS ont entamé la troisième phase de l'offensive", "l'armée est repassée à l'offensive",
    "les forces irakiennes engagées dans l'offensive"), climbing through nouns to the first verb. When
    that verb is a support verb (the profile's: "lancer", "mener"...), the note says so: such an event
    stands with its source alone."""
    if tok.dep_ == "nsubj:pass" and tok.head.lemma_.lower() in k.words.responsibility:
        found = subject_actors(k.idx, tok.head)  # its agent
        if found:
            cand.notes.append(f"source: who claimed it ({tok.head.text!r})")
            return found
    t = tok
    for _ in range(4):
        if t.dep_ not in NOMINAL_DEPS or t.head.i == t.i:
            return []
        head = t.head
        if head.pos_ in ("VERB", "AUX") or head.pos_ == "ADJ" and "Part" in head.morph.get("VerbForm"):
            participle = head.dep_ == "acl" and "Part" in head.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in head.children)
            found = actors_of(k.idx, head.head) if participle else subject_actors(k.idx, head)
            if found and (head.lemma_.lower() in k.words.support_verbs or head.lemma_.lower() in k.words.endorsing):
                cand.notes.append(f"source: the subject of the support verb {head.text!r}")
            elif found:
                cand.notes.append(f"source: the subject of {head.text!r}")
            return found
        t = head
    return []


def locution_noun(cand: Candidate) -> Any:
    """The noun of a support-verb locution in the trigger's subtree ("annuler la visite de X")."""
    from newsgraph.lang.lexicon import phrase_words

    words = phrase_words(cand.entry.lemma.split("+", 1)[1]) if "+" in cand.entry.lemma else ()
    if not words:
        return None
    tok = cand.trigger
    for c in tok.subtree:
        if c.i != tok.i and (c.lemma_.lower() == words[0] or c.lower_ == words[0]):
            return c
    return None


def noun_arguments(k: Coder, cand: Candidate) -> None:
    """What the verb of a locution does not say, its noun may: "la visite du président français à
    Moscou a été annulée" (the passive names no agent: the visitor is the noun's complement)."""
    noun = locution_noun(cand)
    if noun is None:
        return
    idx, words = k.idx, k.words
    if not cand.actors:
        for c in noun.children:
            if c.dep_ == "nmod" and case_of(c) in words.genitive_preps or c.dep_ == "det" and "Yes" in c.morph.get("Poss"):
                found = actors_of(idx, c) if c.dep_ == "nmod" else ([idx.at(c)] if idx.at(c) else [])
                cand.actors += [a for a in found if a not in cand.actors and a not in cand.recipients]
                if cand.actors:
                    cand.notes.append("actor from the locution's noun")
                    break
    if not cand.recipients:
        for slot in cand.entry.recipient:
            for t in slot_actors(idx, noun, slot, noun=True):
                ids = actors_of(idx, t) or (host_of_visit(k, t) if slot not in ("subj", "obj") else [])
                cand.recipients += [a for a in ids if a not in cand.recipients and a not in cand.actors]
            if cand.recipients:
                break


def object_pronoun(k: Coder, cand: Candidate) -> list[str]:
    """A direct object clitic ("Clinton l'a félicité") filling the recipient slot is the last actor
    named before it, other than the event's actors, that agrees with it. (Dative clitics are left
    alone: the one on the development gold would have gone to the nearest name, not to the one meant.)"""
    tok, entry = cand.trigger, cand.entry
    if "obj" not in entry.recipient:
        return []
    clitic_forms = k.words.object_clitics
    clitics = [c for c in tok.children if c.pos_ == "PRON" and c.dep_ == "obj" and plain_apostrophes(c.lower_) in clitic_forms]
    if not clitics:
        return []
    pron = clitics[0]
    gender, number = clitic_forms[plain_apostrophes(pron.lower_)]
    doc = tok.doc
    start = doc[pron.sent.start - 1].sent.start if pron.sent.start > 0 else 0
    for i in range(pron.i - 1, start - 1, -1):
        aid = k.idx.at(doc[i])
        if aid is None or aid in cand.actors or doc[i].pos_ == "PRON":
            continue
        info = k.idx.by_id.get(aid)
        g, n = agreement(doc[i], k.words)
        person = info is not None and info.kind == "person"
        if (n or "Sing") != number and not (person and n is None) and not (number == "Plur" and info is not None and info.kind == "group"):
            continue
        if gender is not None and g is not None and g != gender and not person:
            continue
        return [aid]
    return []


def unmarked_groups(k: Coder, cand: Candidate, noun: bool) -> None:
    """'a arrêté trois journalistes', 'des manifestants ont protesté': a role noun with no country
    takes the country of the place in the sentence, else of the other participant, except in
    support and cooperation, which are as often given abroad ("des milices soutenues par l'Iran")."""
    roles = k.profile.roles
    tok, entry, idx = cand.trigger, cand.entry, k.idx

    def group(slot_tok: Any) -> str | None:
        # a complement or an adjective names the owner ("les demandes de l'opposition", "des
        # positions rebelles"), unless a possessive already does: "ses opérations militaires" are
        # the subject's own, no other group
        possessed = any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in slot_tok.children)
        modifiers = [] if possessed else [c for c in slot_tok.children if c.dep_ in ("amod", "nmod")]
        # an adjective says whose the thing is before the noun does: "une base rebelle"
        adjectives = [c for c in modifiers if c.dep_ == "amod"]
        for t in [*adjectives, slot_tok, *[c for c in modifiers if c.dep_ != "amod"]]:
            rw = roles.get(norm(t.text)) or roles.get(norm(t.lemma_))
            if rw is None or not rw.sector or rw.kind not in ("group", "organization") and rw.office is not None:
                continue
            sector = idx.group_sector(slot_tok, rw.sector)  # "les forces kurdes" are an armed group
            iso3 = sentence_place_country(k, tok)
            if iso3 is None and entry.event not in FOREIGN_FRIENDLY:
                iso3 = country_of_ids(k, cand.actors or cand.recipients)
            if iso3 is None and sector not in STATE_SECTORS:
                iso3 = k.main_country  # "les rebelles" in an article about Syria
            if iso3:
                return idx.country_actor(iso3, sector, slot_tok, f"'{slot_tok.text}' with no country, in {iso3} -> {iso3}{sector}")
        return None

    if not cand.recipients:
        for slot in entry.recipient:
            for t in slot_actors(idx, tok, slot, noun=noun):
                g = group(t)
                if g and g not in cand.actors:
                    cand.recipients.append(g)
            if cand.recipients:
                break
    if not cand.actors and not noun:
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if subj:
            g = group(subj[0])
            if g and g not in cand.recipients:
                cand.actors.append(g)


def attacked_country(k: Coder, cand: Candidate, noun: bool) -> list[str]:
    """Violence against a place abroad strikes its country ("l'invasion du Sud-Liban", "des obus sur
    des cibles à Jéricho"): a place in a target slot, or in a complement of it, in another country than
    the actor's. At home the place says nothing of whom it strikes."""
    own = country_of_ids(k, cand.actors)
    slots = [t for slot in cand.entry.recipient for t in slot_actors(k.idx, cand.trigger, slot, noun=noun)]
    for t in slots:
        for c in [t, *[g for g in t.subtree if g.i != t.i]][:12]:
            pid = k.place_tokens.get(c.i)
            place = k.places_by_id.get(pid) if pid else None
            if place is not None and place.country and own and place.country != own:
                return [k.idx.implied_actor(place.country, "", f"{place.country}, where the place struck lies")]
    return []


def sentence_place_country(k: Coder, tok: Any) -> str | None:
    """The country of the place the trigger governs with a locative ("à Belgrade", "au Caire")."""
    words = k.words
    sub = {t.i for t in tok.subtree}
    for i, pid in k.place_tokens.items():
        place_tok = k.doc[i]
        # "près de Kaboul", and "dans le centre de Kaboul", "au nord de Bagdad": a place within a place
        near = governed_by(place_tok, words.of_preps) and (
            any(c.lower_ in words.proximity for c in [*place_tok.head.children, *place_tok.children])
            or governed_by(place_tok.head, words.place_preps))
        if i in sub and (governed_by(place_tok, words.place_preps) or near):
            place = k.places_by_id.get(pid)
            if place is not None and place.country:
                return place.country
    return None


def country_of_ids(k: Coder, ids: list[str]) -> str | None:
    for i in ids:
        a = k.idx.by_id.get(i)
        if a is not None and a.code and a.code[:3] not in ("IGO", "NGO", "IMG", "MNC"):
            return a.code[:3]
    return None


def host_of_visit(k: Coder, tok: Any) -> list[str]:
    """'en visite à Pyongyang': the host is the government of the place's country."""
    key = norm(tok.text)
    iso3 = k.idx.base.capitals.get(key)
    if iso3 is None:
        for p in k.work.places:
            if any(m.start <= tok.idx < m.end for m in p.mentions):
                iso3 = p.country
    if not iso3:
        return []
    return [k.idx.country_actor(iso3, "GOV", tok, f"place {tok.text!r} hosting a visit -> government of {iso3}")]


def no_self_recipients(k: Coder, c: Candidate) -> None:
    """An actor does not act on itself: a recipient with an actor's code, or a country and its own
    government or army ("Obama quitte la Maison-Blanche"), is no recipient."""
    def code(aid: str) -> str | None:
        info = k.idx.by_id.get(aid)
        return info.code if info is not None else None

    def same(a: str | None, b: str | None) -> bool:
        if not a or not b:
            return False
        short, long = sorted((a, b), key=len)
        return a == b or (len(short) == 3 and long[:3] == short and long[3:6] in STATE_SECTORS)

    def person(aid: str) -> bool:
        info = k.idx.by_id.get(aid)
        return info is not None and info.kind == "person"

    if c.entry.event == "PROTEST":
        return  # a country's people protest to their own government
    # two different people of one government are two actors ("Clinton l'a félicité")
    c.recipients = [r for r in c.recipients if not any(same(code(r), code(a)) and not (person(r) and person(a)) for a in c.actors)]

