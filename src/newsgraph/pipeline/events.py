"""The event stage: who did what to whom, coded in PLOVER 0.8 and CAMEO.

Triggers come from the French event lexicon (``lang/fr/events.tsv``): verbs, reflexive verbs,
light-verb locutions ("exercer son droit de veto") and nominal events ("la visite de X à Y").
Arguments come from the dependency parse and the actors of the actor stage: subject and passive
agent, objects and prepositional complements as the entry's frame says, coordination (compound
actors), control and relative clauses. Each event gets a status (asserted, planned, hypothetical,
negated, historical), its attribution (reported speech, "selon X"), the closest time and place it
governs, its Goldstein score and quad class, and a ``why``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from newsgraph.actorbase import actor_base, norm
from newsgraph.cameo import goldstein, quad_class
from newsgraph.lang.fr.lexicon import EventEntry, event_lexicon, named_after_place, reporting_verbs
from newsgraph.model import Actor, Event, Mention, Span, TextSpan, When
from newsgraph.pipeline.actors import agreement, document_date, in_non_text, part_of_longer_name
from newsgraph.pipeline.work import Work
from newsgraph.registry import stages

NEGATIONS = {"pas", "jamais", "guère", "aucunement", "nullement", "point"}
HYPOTHETICAL_GOVERNORS = {"pouvoir", "tenter", "essayer", "chercher", "vouloir", "envisager", "souhaiter", "espérer",
                          "risquer", "viser", "menacer", "proposer", "sembler", "paraître", "être prêt"}
PLANNED_GOVERNORS = {"devoir", "prévoir", "projeter", "compter", "aller", "apprêter", "programmer", "planifier",
                     "décider", "annoncer", "promettre", "s'engager", "engager", "entendre"}
OCCUR_VERBS = {"avoir lieu", "tenir", "dérouler", "se tenir", "se dérouler", "intervenir", "survenir", "être"}
SUBJECTS = ("nsubj", "nsubj:pass")
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}  # a country and these are one actor; not REB, OPP, CVL
FOREIGN_FRIENDLY = {"SUPPORT", "AID", "COOPERATE", "AGREE", "CONSULT"}
LOCATIVE_CASES = {"à", "en", "dans", "depuis", "vers", "près", "sur", "sous", "au", "aux"}
OBJECT_CLITICS = {"l'": (None, "Sing"), "le": ("Masc", "Sing"), "la": ("Fem", "Sing"), "les": (None, "Plur")}
OBJECT_CONTROL = {"permettre", "demander", "ordonner", "autoriser", "pousser", "inciter", "aider", "forcer", "contraindre",
                  "obliger", "empêcher", "interdire", "exhorter", "appeler", "inviter", "convaincre", "persuader", "charger",
                  "accuser", "soupçonner", "reprocher", "sommer", "enjoindre", "presser"}
# types whose event says nothing without a target: coded only with a recipient (or two participants)
DYADIC = {"SUPPORT", "AID", "COOPERATE", "CONSULT", "SANCTION", "COERCE", "THREATEN"}
HOSTILE = {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"}
PREP_ALIASES = {"à": {"à", "au", "aux"}, "de": {"de", "du", "des", "d'", "d’"}, "en": {"en"}, "par": {"par"}}


@dataclass
class Candidate:
    trigger: Any  # the spaCy token
    entry: EventEntry
    span: tuple[int, int]  # trigger characters
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    status: str = "asserted"
    attributed_to: str | None = None
    when: When | None = None
    where: str | None = None
    notes: list[str] = field(default_factory=list)
    embedded: list[Any] = field(default_factory=list)  # tokens of the clause it reports or denies
    negated_inside: bool = False
    rule: str = "verb"


class ActorIndex:
    """Token -> actor id, and the means to add an actor for a place that hosts a visit."""

    def __init__(self, work: Work) -> None:
        self.work = work
        self.token_actor: dict[int, str] = dict(work.notes.get("token_actor", {}))
        self.by_id = {a.id: a for a in work.actors}
        self.quotes: list[tuple[int, int, str]] = list(work.notes.get("quote_speakers", []))

    def speaker_at(self, tok: Any) -> str | None:
        for start, end, speaker in self.quotes:
            if start <= tok.idx < end:
                return speaker
        return None

    def first_person(self, tok: Any) -> str | None:
        """'nous', 'je', 'notre pays' inside a direct quote: the speaker."""
        first = tok.pos_ == "PRON" and "1" in tok.morph.get("Person")
        ours = tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("notre", "nos", "mon", "ma", "mes") for c in tok.children)
        return self.speaker_at(tok) if first or ours else None

    def at(self, tok: Any) -> str | None:
        return self.token_actor.get(tok.i)

    def country(self, iso3: str, tok: Any, why: str) -> str:
        """The document actor of a country (added, with this mention, when the text had none)."""
        entry = actor_base().entries.get(iso3.lower())
        mention = Mention(tok.idx, tok.idx + len(tok.text), self.work.text[tok.idx:tok.idx + len(tok.text)], "description")
        for i, a in enumerate(self.work.actors):
            if a.kind == "country" and a.country == iso3 and a.code == (entry.code if entry else iso3):
                if all(m.start != mention.start for m in a.mentions):
                    self.work.actors[i] = replace(a, mentions=tuple(sorted((*a.mentions, mention), key=lambda m: m.start)))
                self.token_actor[tok.i] = a.id
                return a.id
        aid = f"A{len(self.work.actors) + 1}"
        self.work.actors.append(Actor(aid, entry.canonical if entry else f"ng:{iso3.lower()}", entry.name if entry else iso3, "country",
                                      entry.code if entry else iso3, iso3, None, entry.wikidata if entry else None, (mention,), why))
        self.by_id[aid] = self.work.actors[-1]
        self.token_actor[tok.i] = aid
        return aid

    def country_actor(self, iso3: str, sector: str, tok: Any, why: str) -> str:
        base = actor_base()
        code = f"{iso3}{sector}"
        canonical = f"ng:{code.lower()}"
        mention = Mention(tok.idx, tok.idx + len(tok.text), self.work.text[tok.idx:tok.idx + len(tok.text)], "alias")
        for i, a in enumerate(self.work.actors):
            if a.canonical == canonical or (a.code == code and a.kind != "person"):
                if all(m.start != mention.start for m in a.mentions):
                    self.work.actors[i] = replace(a, mentions=tuple(sorted((*a.mentions, mention), key=lambda m: m.start)))
                self.token_actor[tok.i] = a.id
                return a.id
        aid = f"A{len(self.work.actors) + 1}"
        entry = base.entries.get(iso3.lower())
        label = {"GOV": "gouvernement", "MIL": "armée", "REB": "rebelles", "OPP": "opposition", "CVL": "civils", "MED": "médias",
                 "COP": "police", "JUD": "justice", "LEG": "parlement"}.get(sector, sector.lower())
        name = f"{label} ({entry.name})" if entry else code
        self.work.actors.append(Actor(aid, canonical, name, "organization", code, iso3, sector, None, (mention,), why))
        self.by_id[aid] = self.work.actors[-1]
        self.token_actor[tok.i] = aid
        return aid


def _conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _case_of(tok: Any) -> str | None:
    for c in tok.children:
        if c.dep_ in ("case", "mark") or (c.dep_ == "fixed" and c.i < tok.i):
            return c.lower_.replace("’", "'")
    return None


def _matches_prep(case: str | None, prep: str) -> bool:
    if case is None:
        return False
    return case in PREP_ALIASES.get(prep, {prep})


def actors_of(idx: ActorIndex, tok: Any, depth: int = 0) -> list[str]:
    """Actors a noun phrase names: its head, its conjuncts, a name inside it, or a country adjective
    ("l'invasion russe" -> Russia)."""
    out: list[str] = []
    base = actor_base()
    for t in _conjuncts(tok):
        aid = idx.at(t) or idx.first_person(t)
        if aid is None and depth < 2:
            for c in t.children:
                if c.dep_ in ("nmod", "appos", "flat:name", "flat") and c.i > t.i and c.i - t.i <= 6:
                    inner = actors_of(idx, c, depth + 1)
                    if inner:
                        aid = inner[0]
                        break
        if aid is None:
            for c in t.children:
                iso3 = base.adjectives.get(norm(c.text)) if c.dep_ == "amod" and c.text[:1].islower() else None
                if iso3:
                    aid = idx.country(iso3, c, f"country adjective {c.text!r}")
                    break
        if aid is None and t.pos_ == "PROPN" and not part_of_longer_name(t) \
                and not (t.dep_ == "nmod" and t.head.lemma_.lower() in named_after_place()):  # "l'accord de Paris"
            iso3 = base.capitals.get(norm(t.text))
            if iso3 and t.text[:1].isupper():
                aid = idx.country_actor(iso3, "GOV", t, f"capital {t.text!r} as a participant -> government of {iso3}")
        if aid and aid not in out:
            out.append(aid)
    return out


def _coordinated_before(idx: ActorIndex, pron: Any) -> list[str]:
    """The actors of the last coordination ("X et Y") before a plural pronoun, in its sentence or the one before."""
    doc = pron.doc
    start = max(0, pron.sent.start - 60)
    for t in reversed(doc[start:pron.i]):
        if any(c.dep_ == "conj" for c in t.children) and idx.at(t):
            group = [a for c in _conjuncts(t) for a in ([idx.at(c)] if idx.at(c) else [])]
            if len(set(group)) >= 2:
                return list(dict.fromkeys(group))
    return []


def _is_passive(tok: Any) -> bool:
    if any(c.dep_ == "aux:pass" for c in tok.children):
        return True
    if any(c.dep_ == "nsubj:pass" for c in tok.children):
        # "Le gouvernement a exigé": the parser sometimes calls the subject of a compound past with
        # avoir a passive subject; French passives take être
        return not any(c.dep_.startswith("aux") and c.lemma_ == "avoir" for c in tok.children)
    participle = "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense")
    if participle and any(c.dep_ == "cop" for c in tok.children):
        return True  # "est accusée par la Russie", tagged as an adjective with a copula
    if participle and tok.dep_ == "conj" and tok.head.i != tok.i:
        return _is_passive(tok.head)  # "rejetée par l'Ukraine et écartée par les États-Unis"
    if participle and not any(c.dep_.startswith("aux") for c in tok.children) and tok.dep_ in ("advcl", "acl", "amod", "appos", "xcomp"):
        return True  # "Souvent accusées, les autorités ...": a bare past participle is passive
    return False


def verb_lemma(tok: Any) -> str:
    """The infinitive of a verb, also for participles the tagger calls adjectives ("accusée") and
    forms it lemmatised wrongly ("tue" -> "taire")."""
    from newsgraph.lang.fr.conjugation import event_verb_forms

    lemma = tok.lemma_.lower()
    lex = event_lexicon()
    if lemma not in lex.verbs and lemma not in lex.reflexive and lemma not in reporting_verbs():
        guess = event_verb_forms().get(tok.lower_)
        if guess:
            return guess
    if tok.pos_ == "ADJ" and "Part" in tok.morph.get("VerbForm"):
        if lemma.endswith("é"):
            return lemma[:-1] + "er"
        if lemma.endswith("i"):
            return lemma + "r"
    return lemma


def _subject_tokens(tok: Any) -> list[Any]:
    return [c for c in tok.children if c.dep_ == "nsubj" or (c.dep_ == "nsubj:pass")]


def subject_actors(idx: ActorIndex, tok: Any, seen: int = 0) -> list[str]:
    """The actors of a verb's subject, climbing to the verb that controls it when it has none."""
    if seen > 4:
        return []
    if _is_passive(tok):
        agents = [c for c in tok.children if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and _case_of(c) == "par")]
        return [a for ag in agents for a in actors_of(idx, ag)]
    if tok.dep_.startswith("acl") and "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense") \
            and not any(c.dep_.startswith("aux") for c in tok.children):
        return []  # "Souvent accusées, les autorités...": the noun is the patient
    # (a passive subject under avoir is a mislabelled subject: see _is_passive)
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if subj and subj[0].lower_ in ("ils", "elles"):
        group = _coordinated_before(idx, subj[0])
        if group:
            return group  # "Poutine et Kim ... ils se sont rencontrés"
    if subj:
        out = [a for s in subj for a in actors_of(idx, s)]
        if not out and subj[0].lower_ in ("qui", "qu'", "lequel", "laquelle", "lesquels") and tok.dep_.startswith("acl"):
            return actors_of(idx, tok.head)
        return out
    if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp") and tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and tok.head.lemma_ in reporting_verbs():
            return []
        head = tok.head
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        if tok.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL and marks & {"à", "de", "d'", "d’"}:
            # "permettre à X de lancer", "pousser X à livrer": X is the subject
            for c in head.children:
                if c.dep_ in ("obj", "iobj", "obl:arg") and c.i != tok.i and c.pos_ in ("NOUN", "PROPN", "PRON"):
                    found = actors_of(idx, c)
                    if found:
                        return found
        return subject_actors(idx, head, seen + 1)
    if (tok.dep_.startswith("acl") or tok.dep_ == "amod" and "Fin" in tok.morph.get("VerbForm")) and tok.head.i != tok.i:
        if idx.at(tok.head) is None and _case_of(tok.head) in LOCATIVE_CASES:
            return []  # "le discours d'Obama à Prague appelant à ...": the place where, not who
        return actors_of(idx, tok.head)
    return []


def slot_actors(idx: ActorIndex, tok: Any, slot: str, noun: bool = False) -> list[Any]:
    """Tokens filling a frame slot of a trigger (verb or noun)."""
    out = []
    passive = not noun and _is_passive(tok)
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
        elif slot == "entre":
            if _matches_prep(_case_of(c), "entre"):
                out.append(c)
        elif dep in ("obl", "obl:arg", "obl:mod", "iobj", "nmod", "obj") and _matches_prep(_case_of(c), slot):
            out.append(c)
        elif slot == "à" and dep == "iobj":
            out.append(c)
    if not out and slot == "obj" and passive and not noun:
        if tok.dep_ == "conj" and tok.head.i != tok.i:
            return slot_actors(idx, tok.head, slot)  # the subject shared with the first conjunct
        if tok.dep_.startswith("acl") and tok.head.i != tok.i:
            return [tok.head]
    if not out and slot not in ("subj", "obj"):
        # "adouci leur rhétorique envers X": the complement hangs from the object; "sommet à Hanoï
        # entre Kim et Trump": from a complement of the noun
        for c in tok.children:
            if c.dep_ in ("obj", "nmod", "obl", "obl:arg") and c.pos_ in ("NOUN", "PROPN"):
                for g in c.children:
                    if g.dep_ in ("nmod", "obl", "obl:arg") and _matches_prep(_case_of(g), slot):
                        out.append(g)
    return out


class EventCoder:
    def __init__(self, work: Work) -> None:
        self.work = work
        self.doc = work.spacy
        self.lex = event_lexicon()
        self.idx = ActorIndex(work)
        self.published = document_date(work)
        self.time_tokens = self._index_spans([(t.start, t.end, t.id) for t in work.times])
        self.place_tokens = self._index_spans([(m.start, m.end, p.id) for p in work.places for m in p.mentions])
        self.times_by_id = {t.id: t for t in work.times}
        self.dropped: dict[str, int] = {}

    def _index_spans(self, spans: list[tuple[int, int, str]]) -> dict[int, str]:
        out: dict[int, str] = {}
        for start, end, sid in spans:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    out.setdefault(t.i, sid)
        return out

    # -- triggers ------------------------------------------------------------------------------
    def triggers(self) -> list[tuple[Any, EventEntry, str]]:
        found = []
        for tok in self.doc:
            if in_non_text(self.work, tok.idx, tok.idx + len(tok.text)):
                continue
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and any(c.dep_ == "cop" for c in tok.children)):
                loc = self._locution(tok, lemma)
                if loc:
                    found.append((tok, loc, "locution"))
                    continue
            if tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and "Part" in tok.morph.get("VerbForm")):
                lemma = verb_lemma(tok)
                reflexive = any(c.dep_.startswith("expl") or (c.dep_ in ("obj", "iobj") and c.lower_ in ("se", "s'", "s’"))
                                for c in tok.children)
                entry = (self.lex.reflexive.get(lemma) if reflexive else None) or self.lex.verbs.get(lemma)
                if entry:
                    found.append((tok, entry, "reflexive verb" if reflexive and lemma in self.lex.reflexive else "verb"))
            elif tok.pos_ == "NOUN" and lemma in self.lex.nouns:
                found.append((tok, self.lex.nouns[lemma], "noun"))
            elif tok.pos_ == "NOUN" and tok.lower_ in self.lex.nouns:
                found.append((tok, self.lex.nouns[tok.lower_], "noun"))
        return found

    def _locution(self, tok: Any, lemma: str) -> EventEntry | None:
        heads = [lemma]
        if tok.pos_ == "NOUN":  # "était en visite": the noun heads, the copula hangs from it
            cop = [c for c in tok.children if c.dep_ == "cop"]
            heads = [c.lemma_.lower() for c in cop]
            for verb in heads:
                entry = self.lex.locutions.get((verb, tok.lemma_.lower()))
                if entry:
                    return entry
            return None
        for c in tok.subtree:
            if c.i == tok.i or abs(c.i - tok.i) > 8:
                continue
            for key in ((lemma, c.lemma_.lower()), (lemma, c.lower_)):
                if key in self.lex.locutions and self._under(c, tok, 3):
                    return self.lex.locutions[key]
        return None

    @staticmethod
    def _under(tok: Any, head: Any, depth: int) -> bool:
        t = tok
        for _ in range(depth):
            if t.head.i == head.i:
                return True
            if t.head.i == t.i:
                return False
            t = t.head
        return False

    # -- arguments -----------------------------------------------------------------------------
    def arguments(self, cand: Candidate) -> None:
        tok, entry = cand.trigger, cand.entry
        noun = cand.rule == "noun" or (tok.pos_ == "NOUN" and cand.rule == "locution")
        if cand.rule == "locution" and tok.pos_ == "NOUN":
            cand.actors = [a for s in tok.children if s.dep_ == "nsubj" for a in actors_of(self.idx, s)]
            noun = False
        elif noun:
            for slot in entry.actor:
                for t in slot_actors(self.idx, tok, slot, noun=True):
                    cand.actors += [a for a in actors_of(self.idx, t) if a not in cand.actors]
            for t in slot_actors(self.idx, tok, "entre", noun=True) if "entre" in entry.participants else []:
                cand.actors += [a for a in actors_of(self.idx, t) if a not in cand.actors]
            poss = [c for c in tok.children if c.dep_ == "det" and c.morph.get("Poss") == ["Yes"]]
            if not cand.actors and poss and self.idx.at(poss[0]):
                cand.actors = [self.idx.at(poss[0])]
            if not cand.actors and tok.dep_ == "obj" and tok.head.pos_ == "VERB":
                cand.actors = subject_actors(self.idx, tok.head)  # "organiser des convois", "lancer une offensive"
        else:
            cand.actors = subject_actors(self.idx, tok)
            for slot in entry.participants:
                for t in slot_actors(self.idx, tok, slot):
                    cand.actors += [a for a in actors_of(self.idx, t) if a not in cand.actors]
        for slot in entry.recipient:
            for t in slot_actors(self.idx, tok, slot, noun=noun):
                ids = actors_of(self.idx, t)
                if not ids and entry.mode == "visit":
                    ids = self._host_of_visit(t)
                cand.recipients += [a for a in ids if a not in cand.recipients and a not in cand.actors]
            if cand.recipients:
                break
        if not cand.recipients and not noun:
            cand.recipients = self._object_pronoun(cand)
            if cand.recipients:
                cand.notes.append(f"object clitic -> {cand.recipients[0]}")
        if not cand.recipients and entry.event in ("REQUEST", "REJECT", "ACCUSE") and not noun:
            # "demander le désarmement des milices": the target of the demanded act
            for c in tok.children:
                if c.dep_ == "obj" and c.pos_ == "NOUN":
                    for g in c.children:
                        if g.dep_ == "nmod" and _matches_prep(_case_of(g), "de"):
                            cand.recipients = [a for a in actors_of(self.idx, g) if a not in cand.actors]
        if not cand.recipients or not cand.actors:
            self._unmarked_groups(cand, noun)
        if entry.embed and not cand.recipients:
            for c in tok.children:
                if c.dep_ in ("ccomp", "xcomp"):
                    cand.recipients = [a for a in subject_actors(self.idx, c) if a not in cand.actors]
                    cand.embedded.append(c)
        cand.actors = list(dict.fromkeys(cand.actors))  # "Le président ... Kim Jong-un": one actor named twice
        cand.recipients = [r for r in dict.fromkeys(cand.recipients) if r not in cand.actors]
        if entry.recip and len(cand.actors) == 1 and not cand.recipients:
            pass  # "X se réunit" alone: one participant
        if entry.recip and cand.recipients and len(cand.actors) >= 2:
            cand.actors += [r for r in cand.recipients if r not in cand.actors]
            cand.recipients = []

    def _object_pronoun(self, cand: Candidate) -> list[str]:
        """'Clinton l'a félicité': a direct object clitic filling the recipient slot is the last actor
        named before it, other than the event's actors, that agrees with it. (Dative clitics, "lui",
        "leur", are left alone: the one on the development gold, "Washington a averti que Moscou lui
        achetait des obus", would have gone to the nearest name, not to the one meant.)"""
        tok, entry = cand.trigger, cand.entry
        if "obj" not in entry.recipient:
            return []
        clitics = [c for c in tok.children if c.pos_ == "PRON" and c.dep_ == "obj" and c.lower_.replace("’", "'") in OBJECT_CLITICS]
        if not clitics:
            return []
        pron = clitics[0]
        gender, number = OBJECT_CLITICS[pron.lower_.replace("’", "'")]
        doc = tok.doc
        start = doc[pron.sent.start - 1].sent.start if pron.sent.start > 0 else 0
        for i in range(pron.i - 1, start - 1, -1):
            aid = self.idx.at(doc[i])
            if aid is None or aid in cand.actors or doc[i].pos_ == "PRON":
                continue
            info = self.idx.by_id.get(aid)
            g, n = agreement(doc[i])
            person = info is not None and info.kind == "person"
            if (n or "Sing") != number and not (person and n is None) and not (number == "Plur" and info is not None and info.kind == "group"):
                continue
            if gender is not None and g is not None and g != gender and not person:
                continue
            return [aid]
        return []

    def _unmarked_groups(self, cand: Candidate, noun: bool) -> None:
        """'a arrêté trois journalistes', 'des manifestants ont protesté': a role noun with no country
        takes the country of the place in the sentence, else of the other participant, except in
        support and cooperation, which are as often given abroad ("des milices soutenues par l'Iran")."""
        from newsgraph.lang.fr.lexicon import role_words

        roles = role_words()
        tok, entry = cand.trigger, cand.entry

        def group(slot_tok: Any) -> str | None:
            # a complement or an adjective names the owner ("les demandes de l'opposition", "des
            # positions rebelles"), unless a possessive already does: "ses opérations militaires" are
            # the subject's own, no other group
            possessed = any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in slot_tok.children)
            modifiers = [] if possessed else [c for c in slot_tok.children if c.dep_ in ("amod", "nmod")]
            # an adjective says whose the thing is before the noun does: "une base rebelle", "des forces rebelles"
            adjectives = [c for c in modifiers if c.dep_ == "amod"]
            for t in [*adjectives, slot_tok, *[c for c in modifiers if c.dep_ != "amod"]]:
                rw = roles.get(norm(t.text)) or roles.get(norm(t.lemma_))
                if rw is None or not rw.sector or rw.kind not in ("group", "organization") and rw.office is not None:
                    continue
                iso3 = self._sentence_place_country(tok)
                if iso3 is None and entry.event not in FOREIGN_FRIENDLY:
                    iso3 = self._country_of_ids(cand.actors or cand.recipients)
                if iso3:
                    return self.idx.country_actor(iso3, rw.sector, slot_tok, f"'{t.text}' with no country, in {iso3} -> {iso3}{rw.sector}")
            return None

        if not cand.recipients:
            for slot in entry.recipient:
                for t in slot_actors(self.idx, tok, slot, noun=noun):
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

    def _sentence_place_country(self, tok: Any) -> str | None:
        """The country of the place the trigger governs with a locative ("à Belgrade", "au Caire")."""
        from newsgraph.pipeline.places import PLACE_LOCATIVE, locative

        sub = {t.i for t in tok.subtree}
        for i, pid in self.place_tokens.items():
            place_tok = self.doc[i]
            near = locative(place_tok, {"de", "d'"}) and any(c.lower_ in ("près", "proche", "autour", "loin")
                                                             for c in [*place_tok.head.children, *place_tok.children])
            if i in sub and (locative(place_tok, PLACE_LOCATIVE) or near):
                place = next((p for p in self.work.places if p.id == pid), None)
                if place is not None and place.country:
                    return place.country
        return None

    def _country_of_ids(self, ids: list[str]) -> str | None:
        for i in ids:
            a = self.idx.by_id.get(i)
            if a is not None and a.code and a.code[:3] not in ("IGO", "NGO", "IMG", "MNC"):
                return a.code[:3]
        return None

    def _host_of_visit(self, tok: Any) -> list[str]:
        """'en visite à Pyongyang': the host is the government of the place's country."""
        base = actor_base()
        key = norm(tok.text)
        iso3 = base.capitals.get(key)
        if iso3 is None:
            for p in self.work.places:
                if any(m.start <= tok.idx < m.end for m in p.mentions):
                    iso3 = p.country
        if not iso3:
            return []
        return [self.idx.country_actor(iso3, "GOV", tok, f"place {tok.text!r} hosting a visit -> government of {iso3}")]

    # -- status ----------------------------------------------------------------------------------
    def status(self, cand: Candidate) -> str:
        tok = cand.trigger
        clause = [tok, *[c for c in tok.children if c.dep_.startswith("aux") or c.dep_ == "cop"]]
        if cand.rule == "noun":
            gov = tok.head
            if tok.dep_ in SUBJECTS and gov.pos_ in ("VERB", "AUX", "NOUN"):
                return self._verb_status(gov, [gov, *[c for c in gov.children if c.dep_.startswith("aux") or c.dep_ == "cop"]])
            if any(c.lemma_ in ("prochain", "futur") for c in tok.children):
                return "planned"
            if self._negated(tok) or any(c.lower_ in ("sans",) for c in tok.children):
                return "negated"
            return "asserted"
        return self._verb_status(tok, clause)

    def _negated(self, tok: Any) -> bool:
        for c in tok.children:
            if c.dep_ == "advmod" and c.lemma_.lower() in NEGATIONS:
                return True
            if c.dep_ in ("mark", "case") and c.lower_ == "sans":
                return True
            if c.dep_ == "det" and c.lemma_.lower() in ("aucun", "aucune", "nul"):
                return True
        return False

    def _verb_status(self, tok: Any, clause: list[Any]) -> str:
        if any(self._negated(t) for t in clause):
            return "negated"
        moods = {m for t in clause for m in _moods(t)}
        tenses = {x for t in clause for x in t.morph.get("Tense")}
        if any(c.dep_ == "mark" and c.lower_ in ("si", "s'") for c in tok.children):
            return "hypothetical"
        infinitive = "Inf" in tok.morph.get("VerbForm")
        gov = tok.head if (tok.dep_ in ("xcomp", "ccomp") or infinitive and tok.dep_ in ("obl", "obl:arg", "advcl", "acl")) and tok.head.i != tok.i else None
        if gov is not None and gov.pos_ in ("VERB", "AUX", "ADJ"):
            gclause = [gov, *[c for c in gov.children if c.dep_.startswith("aux")]]
            gmood = {m for t in gclause for m in _moods(t)}
            glemma = gov.lemma_.lower()
            # "annonce avoir tiré", "a annoncé qu'il avait procédé à": an announced act already done
            done = any(c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être") and "Inf" in c.morph.get("VerbForm")
                       for c in tok.children) \
                or (not infinitive and tok.dep_ == "ccomp" and bool(tenses & {"Past", "Imp", "Pqp"}))
            if glemma in PLANNED_GOVERNORS and not self._negated(gov) and not done:
                return "planned"
            if glemma in HYPOTHETICAL_GOVERNORS or "Cnd" in gmood:
                return "hypothetical"
            if any(self._negated(t) for t in gclause):
                return "negated"
            if any(m == "Fut" for t in gclause for m in t.morph.get("Tense")):
                return "planned"
        if "Cnd" in moods:
            return "planned" if tok.lemma_ == "devoir" else "hypothetical"
        if "Fut" in tenses or any(c.dep_.startswith("aux") and c.lemma_ == "aller" and "Pres" in c.morph.get("Tense") for c in tok.children):
            return "planned"
        return "asserted"

    # -- attribution ---------------------------------------------------------------------------
    def attribution(self, cand: Candidate) -> str | None:
        tok = cand.trigger
        speaker = self.idx.speaker_at(tok)
        if speaker and speaker not in cand.actors:
            return speaker
        for c in tok.sent:
            if c.dep_.startswith("obl") or c.dep_ == "nmod":
                case = _case_of(c)
                if case in ("selon", "d'après") or (case == "après" and any(x.lower_ == "d'" for x in c.children)):
                    ids = actors_of(self.idx, c)
                    if ids and ids[0] not in cand.actors:
                        return ids[0]
        head = self._reporting_head(tok)
        if head is not None:
            speakers = subject_actors(self.idx, head)
            if speakers and speakers[0] not in cand.actors:
                return speakers[0]
        return None

    # -- time and place ------------------------------------------------------------------------
    def when_where(self, cand: Candidate) -> None:
        tok = cand.trigger
        sent = tok.sent
        own = [c for c in tok.children if c.dep_ in ("advcl", "ccomp", "acl:relcl", "parataxis", "csubj") and c.pos_ in ("VERB", "AUX")]
        sub = {t.i for t in tok.subtree} - {t.i for c in own for t in c.subtree}
        reporting = {c.i for c in tok.subtree if c.dep_ in ("ccomp",) and c.i != tok.i for c in c.subtree} if cand.entry.embed else set()
        best: tuple[int, str] | None = None
        for i in range(sent.start, sent.end):
            tid = self.time_tokens.get(i)
            if tid is None:
                continue
            t = self.times_by_id[tid]
            if t.type in ("DURATION", "SET"):
                continue
            inside = i in sub and i not in reporting
            clause_level = self._same_clause(self.doc[i], tok)
            if not (inside or clause_level):
                continue
            dist = abs(i - tok.i)
            if best is None or dist < best[0]:
                best = (dist, tid)
        if best:
            t = self.times_by_id[best[1]]
            cand.when = When(t.id, t.value)
        from newsgraph.pipeline.places import PLACE_LOCATIVE, locative

        in_sentence = [(i, self.place_tokens[i]) for i in range(sent.start, sent.end) if i in self.place_tokens]
        for i, pid in sorted(in_sentence, key=lambda x: abs(x[0] - tok.i)):
            place_tok = self.doc[i]
            if i in sub and i not in reporting and self._under(place_tok, tok, 3) and locative(place_tok, PLACE_LOCATIVE):
                cand.where = pid
                break

    def _same_clause(self, tok: Any, trigger: Any) -> bool:
        """A time attached to the trigger's clause (not inside another verb's complement)."""
        t = tok
        for _ in range(10):
            if t.i == trigger.i:
                return True
            if t.head.i == t.i:
                return trigger.dep_ in ("ROOT",) or trigger.head.i == t.i and trigger.dep_ in ("conj", "xcomp")
            if t.pos_ == "VERB" and t.i != trigger.i and t.i != tok.i:
                return t.i == trigger.head.i and trigger.dep_ in ("xcomp",)
            t = t.head
        return False

    def historical(self, cand: Candidate) -> bool:
        if cand.when is None or cand.status != "asserted":
            return False
        start = _period_start(cand.when.value)
        return start is not None and (self.published - start).days > 365

    # -- the whole ----------------------------------------------------------------------------
    def code(self) -> list[Candidate]:
        cands = []
        for tok, entry, rule in self.triggers():
            c = Candidate(tok, entry, (tok.idx, tok.idx + len(tok.text)), rule=rule)
            self.arguments(c)
            self._no_self_recipients(c)
            reason = self._drop_reason(c, tok, entry, rule)
            if reason:
                self.dropped[reason] = self.dropped.get(reason, 0) + 1
                continue
            c.status = self.status(c)
            c.attributed_to = self.attribution(c)
            self.when_where(c)
            if self.historical(c):
                c.status = "historical"
            cands.append(c)
        self._assertions_as_accusations(cands)
        self._denials(cands)
        self._answers(cands)
        return cands

    def _answers(self, cands: list[Candidate]) -> None:
        """A refusal with no stated target answers the latest demand or proposal of another party in
        the last two sentences ("Le gouvernement a exigé ... Cette dernière a refusé")."""
        sents = {s.start: n for n, s in enumerate(self.doc.sents)}
        for c in cands:
            if c.entry.event != "REJECT" or c.recipients:
                continue
            if c.entry.negembed and self._has_content(c.trigger):
                continue  # "a refusé de livrer", "a nié cela": the refusal has its own content
            here = sents.get(c.trigger.sent.start, 0)
            asks = [d for d in cands if d is not c and d.entry.event in ("REQUEST", "AGREE") and d.trigger.i < c.trigger.i
                    and here - sents.get(d.trigger.sent.start, 0) <= 2 and not set(d.actors) & set(c.actors)]
            if asks:
                c.recipients = list(asks[-1].actors)
                c.notes.append("answers")

    @staticmethod
    def _has_content(tok: Any) -> bool:
        """Does a refusal or denial govern what it refuses? Not when a noun comes between it and its
        clause: "a refusé au motif que ...", "sous prétexte que ..." give a reason."""
        kids = list(tok.children)
        for k in kids:
            if k.dep_ in ("obj", "xcomp"):
                return True
            if k.dep_ == "ccomp" and not any(n.dep_.startswith("obl") and n.pos_ == "NOUN" and tok.i < n.i < k.i for n in kids):
                return True
        return False

    def _no_self_recipients(self, c: Candidate) -> None:
        """An actor does not act on itself: a recipient with an actor's code, or a country and its own
        government or army ("Obama quitte la Maison-Blanche", "l'armée irakienne quitte le nord de
        l'Irak"), is no recipient."""
        def code(aid: str) -> str | None:
            info = self.idx.by_id.get(aid)
            return info.code if info is not None else None

        def same(a: str | None, b: str | None) -> bool:
            if not a or not b:
                return False
            short, long = sorted((a, b), key=len)
            return a == b or (len(short) == 3 and long[:3] == short and long[3:6] in STATE_SECTORS)

        def person(aid: str) -> bool:
            info = self.idx.by_id.get(aid)
            return info is not None and info.kind == "person"

        # two different people of one government are two actors ("Clinton l'a félicité")
        c.recipients = [r for r in c.recipients if not any(same(code(r), code(a)) and not (person(r) and person(a)) for a in c.actors)]

    def _drop_reason(self, c: Candidate, tok: Any, entry: EventEntry, rule: str) -> str | None:
        if not c.actors:
            return "no source"  # an event needs a source
        if entry.required and not c.recipients:
            return "no recipient for an ambiguous verb"
        if entry.event in DYADIC and not c.recipients and len(c.actors) < 2:
            return "dyadic type without a target"
        if rule == "noun" and not c.recipients and len(c.actors) < 2:
            return "nominal event with its source alone"  # too weak a signal
        if rule == "noun" and self._rejected_object(tok):
            return "nominal object of a rejection"  # "son veto sur les nouvelles sanctions": a proposal, not an event
        if not any(self.idx.by_id.get(a) is None or self.idx.by_id[a].code for a in c.actors + c.recipients):
            return "no coded participant"
        if "Inf" in tok.morph.get("VerbForm") and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "ADV") \
                and rule != "noun":
            return "infinitive complement of a noun or adverb"  # "beaucoup à concéder": a potential, not an event
        return None

    def _rejected_object(self, tok: Any) -> bool:
        t = tok
        for _ in range(4):
            if t.head.i == t.i:
                return False
            t = t.head
            entry = self.lex.verbs.get(verb_lemma(t)) or self.lex.nouns.get(t.lemma_.lower())
            loc = self._locution(t, t.lemma_.lower()) if t.pos_ in ("VERB", "AUX") else None
            for e in (entry, loc):
                if e is not None and e.event == "REJECT" and not e.negembed:
                    return True
            if t.pos_ == "VERB":
                return False
        return False

    def _assertions_as_accusations(self, cands: list[Candidate]) -> None:
        """'X a affirmé que Y livrait des obus': X accuses Y when Y's act is hostile and Y is foreign to X."""
        for c in list(cands):
            if c.attributed_to is None or c.entry.event not in HOSTILE and c.entry.cameo[:3] != "072":
                continue
            by_id = self.idx.by_id
            speaker = by_id.get(c.attributed_to)
            if speaker is None or not speaker.country:
                continue
            targets = [a for a in c.actors if a in by_id and by_id[a].country and by_id[a].country != speaker.country]
            if not targets:
                continue
            verb = self._reporting_head(c.trigger)
            if verb is None or any(x.trigger.i == verb.i for x in cands):
                continue
            entry = EventEntry(verb.lemma_, "V", "112", "ACCUSE", "allege", (), ("subj",), (), (), False, False, False, False)
            acc = Candidate(verb, entry, (verb.idx, verb.idx + len(verb.text)), actors=[c.attributed_to], recipients=targets,
                            rule="assertion of a hostile act by another party")
            acc.status = self.status(acc) if acc.trigger.pos_ == "VERB" else "asserted"
            self.when_where(acc)
            if self.historical(acc):
                acc.status = "historical"
            cands.append(acc)

    def _reporting_head(self, tok: Any) -> Any:
        """The reporting verb whose complement holds ``tok`` (also when the parser hung the "que" clause
        off a time phrase: "a affirmé il y a quelques mois que ...")."""
        t = tok
        for _ in range(8):
            if t.head.i == t.i:
                return None
            if t.dep_ in ("ccomp", "parataxis", "xcomp", "obj") and t.head.lemma_.lower() in reporting_verbs():
                return t.head
            t = t.head
        return None

    def _denials(self, cands: list[Candidate]) -> None:
        """A denial negates what it governs; 'a nié cela' answers the last claim of another party."""
        for d in cands:
            if not d.entry.negembed:
                continue
            comps = [c for c in d.trigger.children if c.dep_ in ("obj", "ccomp", "xcomp", "obl:arg")]
            inside = [c for c in cands if c is not d and any(c.trigger.i == k.i or c.trigger.is_ancestor(k) is False and k.is_ancestor(c.trigger)
                                                             for k in comps)]
            for c in inside:
                c.status = "negated"
                c.negated_inside = True
            if inside:
                continue
            obj = [c for c in d.trigger.children if c.dep_ in ("obj", "ccomp", "xcomp")]
            if obj and obj[0].pos_ not in ("PRON", "DET") and obj[0].lemma_ not in ("accusation", "information", "allégation", "affirmation", "rumeur", "fait"):
                continue
            claimed = [c for c in cands if c is not d and c.attributed_to and c.trigger.i < d.trigger.i
                       and d.trigger.sent.start - c.trigger.sent.start < 120 and c.status != "negated"]
            if claimed:
                target = claimed[-1]
                d.notes.append(f"claim:{id(target)}")
                if target.attributed_to and target.attributed_to not in d.recipients and target.attributed_to not in d.actors:
                    d.recipients = [target.attributed_to]


CONDITIONAL_ENDINGS = ("rait", "raient", "rais", "rions", "riez")


def _moods(tok: Any) -> list[str]:
    """The tagger's moods, with the conditional read off the ending when it missed it ("consisterait")."""
    moods = list(tok.morph.get("Mood"))
    if tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm") and tok.lower_.endswith(CONDITIONAL_ENDINGS):
        moods.append("Cnd")
    return moods


def _period_start(value: str) -> date | None:
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


@stages.register("events.fr.v1")
class EventStage:
    name = "events"
    requires = ("actors", "times", "places")
    provides = ("events", "claims")

    def __call__(self, work: Work) -> None:
        from newsgraph.model import Claim

        coder = EventCoder(work)
        cands = coder.code()
        work.notes["events_dropped"] = coder.dropped
        seen: set[tuple[Any, ...]] = set()
        ids: dict[int, str] = {}
        for c in sorted(cands, key=lambda c: c.span[0]):
            sent = c.trigger.sent
            key = (c.entry.event, _countries(work, c.actors), _countries(work, c.recipients), sent.start)
            if key in seen:
                continue
            seen.add(key)
            eid = f"E{len(work.events) + 1}"
            ids[id(c)] = eid
            work.events.append(Event(
                id=eid, event=c.entry.event, mode=c.entry.mode, context=c.entry.context, cameo=c.entry.cameo,
                goldstein=goldstein(c.entry.cameo), quad_class=quad_class(c.entry.cameo), actors=tuple(c.actors),
                recipients=tuple(c.recipients), when=c.when, where=c.where, status=c.status,
                attributed_to=c.attributed_to, trigger=TextSpan(c.span[0], c.span[1], work.text[c.span[0]:c.span[1]]),
                sentence=Span(sent.start_char, sent.end_char), confidence=_confidence(c), why=_why(work, coder, c),
            ))
        by_obj = {id(c): c for c in cands}
        for c in cands:
            if id(c) not in ids:
                continue
            for note in c.notes:
                if note.startswith("claim:"):
                    target = by_obj.get(int(note[6:]))
                    if target is not None and id(target) in ids:
                        work.claims.append(Claim(f"C{len(work.claims) + 1}", ids[id(target)],
                                                 (target.attributed_to,) if target.attributed_to else (), tuple(c.actors), (ids[id(c)],)))
            if c.entry.negembed:
                for t in cands:
                    if t.negated_inside and id(t) in ids and coder._under(t.trigger, c.trigger, 3):
                        work.claims.append(Claim(f"C{len(work.claims) + 1}", ids[id(t)], (), tuple(c.actors), (ids[id(c)],)))
        work.notes["token_actor"] = coder.idx.token_actor


def _countries(work: Work, ids: list[str]) -> frozenset[str]:
    codes = {a.id: (a.code or a.id)[:3] for a in work.actors}
    return frozenset(codes.get(i, i) for i in ids)


def _confidence(c: Candidate) -> float:
    score = 0.5 + 0.2 * bool(c.actors) + 0.2 * bool(c.recipients)
    if c.rule == "noun":
        score -= 0.1
    return round(min(score, 0.95), 2)


def _why(work: Work, coder: EventCoder, c: Candidate) -> str:
    names = {a.id: a for a in work.actors}

    def show(ids: list[str]) -> str:
        return " + ".join(f"'{names[i].mentions[0].text}' -> {i}" if i in names else i for i in ids) or "none"
    parts = [f"lexicon '{c.entry.lemma}' ({c.rule}) -> {c.entry.label}", f"actors {show(c.actors)}"]
    if c.recipients:
        parts.append(f"recipients {show(c.recipients)}")
    parts += [n for n in c.notes if n.startswith("object clitic") or n == "answers"]
    if c.status != "asserted":
        parts.append(f"status {c.status}")
    if c.attributed_to:
        parts.append(f"attributed to {c.attributed_to}")
    return "; ".join(parts)
