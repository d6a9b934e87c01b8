"""Who a phrase names, read off the parse: the actors of a noun phrase, of a verb's subject, and of a
frame slot. Shared by the event and quote stages (both ask "who said / who did it")."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import Any

from newsgraph.actorbase import actor_base
from newsgraph.model import Actor, Mention
from newsgraph.pipeline.syntax import case_of, conjuncts, governed_by, is_passive, matches_prep, part_of_longer_name, stray_have
from newsgraph.pipeline.work import Work
from newsgraph.text import norm

STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}  # a country and these are one actor; not REB, OPP, CVL


class ActorIndex:
    """Token -> actor id, and the means to add an actor for a country or a country's sector."""

    def __init__(self, work: Work) -> None:
        self.work = work
        self.profile = work.profile
        self.words = work.profile.words
        self.base = actor_base(work.profile)
        self.token_actor: dict[int, str] = dict(work.token_actor)
        self.by_id = {a.id: a for a in work.actors}
        self.quotes = list(work.quote_speakers)

    def speaker_at(self, tok: Any) -> str | None:
        for q in self.quotes:
            if q.start <= tok.idx < q.end:
                return q.speaker
        return None

    def first_person(self, tok: Any) -> str | None:
        """A first-person pronoun or possessive inside a direct quote: the speaker."""
        first = tok.pos_ == "PRON" and "1" in tok.morph.get("Person")
        ours = tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in self.words.first_person_possessives for c in tok.children)
        return self.speaker_at(tok) if first or ours else None

    def at(self, tok: Any) -> str | None:
        return self.token_actor.get(tok.i)

    def _mention(self, tok: Any, how: str) -> Mention:
        return Mention(tok.idx, tok.idx + len(tok.text), self.work.text[tok.idx:tok.idx + len(tok.text)], how)

    def _attach(self, i: int, a: Actor, mention: Mention, tok: Any) -> str:
        if all(m.start != mention.start for m in a.mentions):
            self.work.actors[i] = replace(a, mentions=tuple(sorted((*a.mentions, mention), key=lambda m: m.start)))
        self.token_actor[tok.i] = a.id
        return a.id

    def _new(self, actor: Actor, tok: Any) -> str:
        self.work.actors.append(actor)
        self.by_id[actor.id] = actor
        self.token_actor[tok.i] = actor.id
        return actor.id

    def country(self, iso3: str, tok: Any, why: str) -> str:
        """The document actor of a country (added, with this mention, when the text had none)."""
        entry = self.base.entries.get(iso3.lower())
        mention = self._mention(tok, "description")
        for i, a in enumerate(self.work.actors):
            if a.kind == "country" and a.country == iso3 and a.code == (entry.code if entry else iso3):
                return self._attach(i, a, mention, tok)
        aid = f"A{len(self.work.actors) + 1}"
        return self._new(Actor(aid, entry.canonical if entry else f"ng:{iso3.lower()}", entry.name if entry else iso3, "country",
                               entry.code if entry else iso3, iso3, None, entry.wikidata if entry else None, (mention,), why), tok)

    def implied_actor(self, iso3: str, sector: str, why: str) -> str:
        """A country's sector that the text implies but does not name (the government a protest
        addresses, the state that arrests): an actor with no mention of its own."""
        code = f"{iso3}{sector}"
        entry = self.base.entries.get(iso3.lower())
        if not sector:  # the country itself
            for a in self.work.actors:
                if a.kind == "country" and a.country == iso3:
                    return a.id
            aid = f"A{len(self.work.actors) + 1}"
            actor = Actor(aid, entry.canonical if entry else f"ng:{iso3.lower()}", entry.name if entry else iso3, "country",
                          entry.code if entry else iso3, iso3, None, entry.wikidata if entry else None, (), why)
            self.work.actors.append(actor)
            self.by_id[aid] = actor
            return aid
        canonical = f"ng:{code.lower()}"
        for a in self.work.actors:
            if a.canonical == canonical or (a.code == code and a.kind != "person"):
                return a.id
        aid = f"A{len(self.work.actors) + 1}"
        label = self.words.sector_labels.get(sector, sector.lower())
        name = f"{label} ({entry.name})" if entry else code
        actor = Actor(aid, canonical, name, "organization", code, iso3, sector, None, (), why)
        self.work.actors.append(actor)
        self.by_id[aid] = actor
        return aid

    def main_country(self) -> str | None:
        """The country an article is about, when one clearly is: the country of at least half of the
        mentions of country-coded actors, and at least three of them."""
        counts: dict[str, int] = {}
        for a in self.work.actors:
            if a.country and a.code and not a.code.startswith(("IGO", "NGO", "IMG")):
                counts[a.country] = counts.get(a.country, 0) + len(a.mentions)
        if not counts:
            return None
        best = max(counts, key=lambda c: counts[c])
        return best if counts[best] >= 3 and 2 * counts[best] >= sum(counts.values()) else None

    def group_sector(self, tok: Any, sector: str) -> str:
        """An army or police of a people or creed that is no state is an armed group: "les forces
        kurdes", "des milices chiites" -> REB."""
        if sector in ("MIL", "COP") and any(c.dep_ == "amod" and norm(c.text) in self.norm_peoples for c in tok.children):
            return "REB"
        return sector

    @cached_property
    def norm_peoples(self) -> frozenset[str]:
        return frozenset(norm(w) for w in self.words.non_state_peoples)

    def group_of_main_country(self, tok: Any) -> str | None:
        """A non-state group named by its role noun alone ("les forces rebelles", "les insurgés"), in
        the country the article is about."""
        roles = self.profile.roles
        for t in [tok, *[c for c in tok.children if c.dep_ == "amod"]]:
            role = roles.get(norm(t.text)) or roles.get(norm(t.lemma_))
            sector = self.group_sector(tok, role.sector) if role is not None and role.sector else None
            if sector and sector not in STATE_SECTORS and role is not None and role.kind in ("group", "organization"):
                iso3 = self.main_country()
                if iso3 is None:
                    return None
                return self.country_actor(iso3, sector, tok,
                                          f"'{tok.text}' with no country, in an article about {iso3} -> {iso3}{sector}")
        return None

    def country_actor(self, iso3: str, sector: str, tok: Any, why: str) -> str:
        code = f"{iso3}{sector}"
        canonical = f"ng:{code.lower()}"
        mention = self._mention(tok, "alias")
        for i, a in enumerate(self.work.actors):
            if a.canonical == canonical or (a.code == code and a.kind != "person"):
                return self._attach(i, a, mention, tok)
        aid = f"A{len(self.work.actors) + 1}"
        entry = self.base.entries.get(iso3.lower())
        label = self.words.sector_labels.get(sector, sector.lower())
        name = f"{label} ({entry.name})" if entry else code
        return self._new(Actor(aid, canonical, name, "organization", code, iso3, sector, None, (mention,), why), tok)


def actors_of(idx: ActorIndex, tok: Any, depth: int = 0) -> list[str]:
    """Actors a noun phrase names: its head, its conjuncts, a name inside it, or a country adjective
    ("l'invasion russe" -> Russia)."""
    out: list[str] = []
    base = idx.base
    for t in conjuncts(tok):
        aid = idx.at(t) or idx.first_person(t)
        if aid is None and depth < 2:
            for c in t.children:
                # a name the tagger calls an adjective ("le président Jammeh": amod) counts when it is an actor's mention
                if (c.dep_ in ("nmod", "appos", "flat:name", "flat") or c.dep_ == "amod" and c.text[:1].isupper()) \
                        and c.i > t.i and c.i - t.i <= 6:
                    inner = actors_of(idx, c, depth + 1)
                    if inner:
                        aid = inner[0]
                        break
        if aid is None:
            # a country adjective on the noun, or on a noun in apposition to it ("des ouvriers papetiers français")
            adjectives = [c for c in t.children if c.dep_ == "amod"]
            adjectives += [g for c in adjectives if c.pos_ == "NOUN" for g in c.children if g.dep_ == "amod"]
            for c in adjectives:
                iso3 = base.adjectives.get(norm(c.text)) if c.text[:1].islower() else None
                if iso3:
                    # a group named by its role takes its sector ("des ouvriers français" -> FRALAB)
                    role = idx.profile.roles.get(norm(t.text)) or idx.profile.roles.get(norm(t.lemma_))
                    if role is not None and role.sector and role.kind in ("group", "organization"):
                        aid = idx.country_actor(iso3, role.sector, t, f"'{t.text}' {c.text!r} -> {iso3}{role.sector}")
                    else:
                        aid = idx.country(iso3, c, f"country adjective {c.text!r}")
                    break
        if aid is None and t.pos_ == "PROPN" and not part_of_longer_name(t) \
                and not (t.dep_ == "nmod" and t.head.lemma_.lower() in idx.profile.named_after):  # "l'accord de Paris"
            iso3 = base.capitals.get(norm(t.text))
            # inside a noun phrase, "à Alger" says where ("leur grève de la faim à Alger"), not who
            if iso3 and t.text[:1].isupper() and not (depth > 0 and governed_by(t, idx.words.place_preps)):
                aid = idx.country_actor(iso3, "GOV", t, f"capital {t.text!r} as a participant -> government of {iso3}")
        if aid is None and depth == 0:
            aid = document_author(idx, t)
        if aid and aid not in out:
            out.append(aid)
    return out


def document_author(idx: ActorIndex, tok: Any) -> str | None:
    """A document speaks for whoever issued it ("le gouvernement publie un communiqué qui condamne",
    "Amnesty International publie un rapport rappelant ..."): the subject of the verb that issues it,
    or its possessive."""
    words = idx.words
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in words.document_nouns:
        return None
    for c in tok.children:
        if c.dep_ == "det" and "Yes" in c.morph.get("Poss") and idx.at(c):
            return idx.at(c)
    head = tok.head
    if tok.dep_ == "obj" and head.lemma_.lower() in words.issuing_verbs:
        found = subject_actors(idx, head)
        if found:
            return found[0]
        return None
    if not any(c.dep_ == "det" and c.lower_ in words.demonstratives for c in tok.children):
        return None
    # "L'UNESCO a voté une résolution ... Ce texte rappelle que": the last document issued in the two
    # sentences before
    doc = tok.doc
    start = tok.sent.start
    for _ in range(2):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for t in reversed(doc[start:tok.sent.start]):
        if t.pos_ == "NOUN" and t.lemma_.lower() in words.document_nouns and t.dep_ == "obj" \
                and t.head.lemma_.lower() in words.issuing_verbs:
            found = subject_actors(idx, t.head)
            if found:
                return found[0]
    return None


def coordinated_before(idx: ActorIndex, pron: Any) -> list[str]:
    """The actors of the last coordination ("X et Y") before a plural pronoun, in its sentence or the one before."""
    doc = pron.doc
    start = max(0, pron.sent.start - 60)
    for t in reversed(doc[start:pron.i]):
        if any(c.dep_ == "conj" for c in t.children) and idx.at(t):
            group = [a for c in conjuncts(t) for a in ([idx.at(c)] if idx.at(c) else [])]
            if len(set(group)) >= 2:
                return list(dict.fromkeys(group))
    return []


def enumeration_before(idx: ActorIndex, tok: Any) -> list[str]:
    """Actors listed before a subject and separated from it only by commas, a coordinating word and
    determiners ("l'Arabie saoudite, l'Égypte, le Bahreïn et la Libye ont rompu"): the parser often cuts
    such a list, and each of them is a subject too."""
    doc = tok.doc
    out: list[str] = []
    i = tok.i - 1
    start = tok.sent.start
    while i >= start:
        t = doc[i]
        aid = idx.at(t)
        if aid is not None:
            if aid not in out:
                out.append(aid)
        elif not (t.is_punct and t.text == "," or t.pos_ in ("DET", "CCONJ") or t.is_space):
            break
        i -= 1
    # a list needs a comma and a coordination between its actors; a lone actor before the subject is
    # something else ("la Russie, dont l'armée ..."), and a list that a preposition governs is a
    # complement ("la rencontre entre Poutine et Kim, le Conseil a averti")
    between = doc[i + 1: tok.i]
    if not out or not any(t.text == "," for t in between) or not any(t.pos_ == "CCONJ" for t in doc[i + 1: tok.sent.end]
                                                                    if t.i < tok.head.i):
        return []
    if i >= start and doc[i].pos_ == "ADP":
        return []
    return list(reversed(out))


def subject_actors(idx: ActorIndex, tok: Any, seen: int = 0) -> list[str]:
    """The actors of a verb's subject, climbing to the verb that controls it when it has none."""
    words = idx.words
    if seen > 4:
        return []
    if is_passive(tok, words):
        agents = [c for c in tok.children if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) in words.agent_preps)]
        return [a for ag in agents for a in actors_of(idx, ag)]
    if tok.dep_.startswith("acl") and "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense") \
            and not any(c.dep_.startswith("aux") for c in tok.children):
        if tok.dep_ == "acl" and stray_have(tok, words):
            return actors_of(idx, tok.head)  # "les rebelles ont rejeté" parsed as a participle on "rebelles"
        return []  # a bare participle on a noun ("Souvent accusées, les autorités..."): the noun is the patient
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if subj and subj[0].lower_ in words.plural_subject_pronouns:
        group = coordinated_before(idx, subj[0])
        if group:
            return group  # "Poutine et Kim ... ils se sont rencontrés"
    if subj:
        out = [a for s in subj for a in actors_of(idx, s)]
        if not out and subj[0].lower_ in words.relative_subject and tok.dep_.startswith("acl"):
            return actors_of(idx, tok.head)
        if out:
            out = [a for a in enumeration_before(idx, subj[0]) if a not in out] + out
        return out
    if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp") and tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and tok.head.lemma_ in idx.profile.reporting:
            return []
        head = tok.head
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        if tok.dep_ == "xcomp" and head.lemma_.lower() in words.object_control and marks & words.infinitive_marks:
            # "permettre à X de lancer", "pousser X à livrer": X is the subject
            for c in head.children:
                if c.dep_ in ("obj", "iobj", "obl:arg") and c.i != tok.i and c.pos_ in ("NOUN", "PROPN", "PRON"):
                    found = actors_of(idx, c)
                    if found:
                        return found
        return subject_actors(idx, head, seen + 1)
    if (tok.dep_.startswith("acl") or tok.dep_ == "amod" and "Fin" in tok.morph.get("VerbForm")) and tok.head.i != tok.i:
        if idx.at(tok.head) is None and case_of(tok.head) in words.locative_preps:
            return []  # "le discours d'Obama à Prague appelant à ...": the place where, not who
        return actors_of(idx, tok.head)
    return []


def slot_actors(idx: ActorIndex, tok: Any, slot: str, noun: bool = False, participants: bool = False) -> list[Any]:
    """Tokens filling a frame slot of a trigger (verb or noun): subj, obj, or a preposition. A
    participants slot ("P=entre": "la rencontre entre X et Y") takes its preposition under any label."""
    words = idx.words
    out = []
    passive = not noun and is_passive(tok, words)
    for c in tok.children:
        dep = c.dep_
        if slot == "subj":
            if not noun and dep in ("nsubj", "nsubj:pass") and not passive:
                out.append(c)
        elif slot == "obj":
            if (dep == "obj" and not passive) or (dep in ("nsubj:pass", "nsubj") and passive):
                out.append(c)
            elif passive and dep.startswith("aux"):
                out.extend(g for g in c.children if g.dep_ in ("nsubj", "nsubj:pass"))  # a subject hung from the auxiliary
        elif (participants or dep in ("obl", "obl:arg", "obl:mod", "iobj", "nmod", "obj")) and matches_prep(words, case_of(c), slot):
            out.append(c)
        elif dep == "iobj" and slot in words.dative_preps:
            out.append(c)
    if not out and slot == "obj" and passive and not noun:
        if tok.dep_ == "conj" and tok.head.i != tok.i:
            return slot_actors(idx, tok.head, slot)  # the subject shared with the first conjunct
        if tok.dep_ == "xcomp" and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
            # "X vient d'être giflé", "X risque d'être expulsé": the subject of the verb it complements
            return [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if tok.dep_.startswith("acl") and tok.head.i != tok.i:
            return [tok.head]
    if not out and slot not in ("subj", "obj"):
        # "adouci leur rhétorique envers X": the complement hangs from the object; "sommet à Hanoï
        # entre Kim et Trump": from a complement of the noun; "une visite prévue en Haïti", "l'offensive
        # lancée contre Daech": from the participle that qualifies the noun
        for c in tok.children:
            if case_of(c) in words.agent_preps:
                continue  # "la répression des manifestations par les forces de sécurité": not the protesters
            if c.dep_ in ("obj", "nmod", "obl", "obl:arg") and c.pos_ in ("NOUN", "PROPN") \
                    or noun and c.dep_ == "acl" and c.pos_ in ("VERB", "ADJ") and "Part" in c.morph.get("VerbForm"):
                for g in c.children:
                    if g.dep_ in ("nmod", "obl", "obl:arg", "obl:mod") and matches_prep(words, case_of(g), slot):
                        out.append(g)
    return out
