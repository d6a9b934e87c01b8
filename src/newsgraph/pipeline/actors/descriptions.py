"""Descriptions: role phrases with a country ("le président russe", "le régime nord-coréen", "son
homologue nord-coréen"), epithets, demonym nouns ("le Russe", "les Russes"), and the country and
sector an unknown name takes from the words around it. The phrases are the profile's ``roles.tsv``
and ``epithets.tsv``."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from newsgraph.lang.lexicon import RoleWord
from newsgraph.pipeline.actors.resolver import Found, FromHistory, Resolver, TokenTable
from newsgraph.pipeline.syntax import governed_by, preposition_before
from newsgraph.text import ENGLISH, norm, plain_apostrophes


def country_of_token(r: Resolver, tok: Any) -> tuple[str | None, str | None]:
    """(iso3, org code) that one token stands for: an adjective, or a mention already found."""
    k = norm(tok.text)
    if k in r.base.adjectives and tok.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and tok.text[:1].islower():
        return r.base.adjectives[k], None
    f = r.at_token.get(tok.i)
    if f is not None and f.key:
        info = r.infos[f.key]
        if info.kind == "organization" and info.code and info.code[:3] in ("IGO", "NGO", "IMG"):
            return None, info.code
        return info.country, (info.code if info.kind == "organization" else None)
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        from newsgraph.gazetteer import gazetteer
        from newsgraph.pipeline.repair import rules, zipf

        place = gazetteer(r.profile).lookup(tok.text)
        if place is not None and place.country and (place.type in ("region", "disputed") or place.type == "city" and place.population >= 200_000
                                                    and rules(r.profile).zipf(tok.lower_) < 3.5 and zipf(tok.lower_, ENGLISH) < 3.5):
            return place.country, None  # "les séparatistes du Donbass"; not "Union" (a town in the US)
    return None, None


APPOSITION_OPEN = (",", "(", "–", "—", "-")
APPOSITION_CLOSE = (",", ")", "–", "—", ";", ":")


def noun_phrase_start(r: Resolver, doc: Any, i: int) -> bool:
    """Does a noun phrase start here (an apposition's first word: "le", "ministre", "ancien ministre")?"""
    tok = doc[i]
    if tok.pos_ in ("DET", "NOUN", "PROPN", "NUM") or r.profile.roles.get(norm(tok.text)):
        return True
    return tok.pos_ == "ADJ" and i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "ADJ")


def apposition_after(r: Resolver, doc: Any, t1: int, hi: int) -> list[int]:
    """The tokens of the apposition after a name ending at t1. It is set off by a comma or a bracket,
    or starts with a role noun, and ends at the next comma: "Évariste Ndayishimiye, patron du
    CNDD-FDD, ..." but not "X critique vivement l'UE"."""
    after: list[int] = []
    start = t1
    while start < min(hi, t1 + 2) and doc[start].pos_ == "PROPN":
        start += 1  # the rest of a name the recogniser cut short
    if start < hi and doc[start].text in APPOSITION_OPEN:
        start += 1
        if start < hi and not noun_phrase_start(r, doc, start):
            return after  # "X, critique vivement l'UE": a verb the tagger missed, no apposition
    elif start >= hi or not r.profile.roles.get(norm(doc[start].text)):
        return after  # no apposition unless a role noun follows the name at once ("X responsable de ...")
    for i in range(start, hi):
        if doc[i].pos_ == "VERB" or doc[i].text in APPOSITION_CLOSE:
            break
        after.append(i)
    return after


def apposed_organisation(r: Resolver, doc: Any, t0: int, t1: int) -> str | None:
    """The international organisation the apposition after a person's name says they serve ("Kofi
    Annan, secrétaire général de l'ONU", "Kenzo Oshima, coordonnateur des secours d'urgence des
    Nations unies"): what the text says of their role at the time outranks the actor base."""
    after = apposition_after(r, doc, t1, min(doc[t0].sent.end, t1 + 16))
    if not after or not any(r.profile.roles.get(norm(doc[i].text)) for i in after):
        return None  # a role noun says it is a role: "X, de l'ONU" is no apposition of office
    for i in after:
        f = r.at_token.get(i)
        if f is not None and f.key and r.infos[f.key].kind == "person":
            # the office's holder the description was read as: "secrétaire général de l'ONU" -> IGOUNO,
            # "Président du Tchad" -> TCDGOV
            code = r.infos[f.key].code
            if code:
                return code if code[:3] in ("IGO", "NGO") else None
            continue
        c, org = country_of_token(r, doc[i])
        if org and org[:3] in ("IGO", "NGO"):
            return org
        if c or org:
            return None  # "Idriss Déby, Président du Tchad et de l'Union africaine": the country comes first
    return None


def context(r: Resolver, doc: Any, t0: int, t1: int, inside: bool = False) -> tuple[str | None, str | None]:
    """Country and sector of an unknown name from its own words or the role phrase around it: the
    apposition after it first ("X, responsable de la ligue burundaise ..."), then the words before it,
    the nearest first ("le ministre brésilien de l'Agriculture, X")."""
    sent = doc[t0].sent
    if inside:
        order = list(range(t0, t1))
    else:
        lo = max(sent.start, t0 - 12)
        hi = min(sent.end, t1 + 24)
        # the description is in the name's own clause: "le ministre brésilien de l'Agriculture, X",
        # not "Paris Saint-Germain remporte le record pour signer X"
        for i in range(t0 - 1, lo - 1, -1):
            if doc[i].pos_ in ("VERB", "AUX"):
                lo = i + 1
                break
        # nor in an attribution before it: "Selon La Croix, ..., Fra Matthew Festing a exigé"
        for i in range(lo, t0):
            if plain_apostrophes(doc[i].lower_) in r.words.attribution_preps:
                commas = [j for j in range(i + 1, t0) if doc[j].text == ","]
                lo = commas[0] + 1 if commas else t0
                break
        after = apposition_after(r, doc, t1, hi)
        order = after + list(range(t0 - 1, lo - 1, -1))
    apposition = set(order[:len(after)]) if not inside else set(order)
    iso3 = sector = None
    roles = r.profile.roles
    for i in order:
        tok = doc[i]
        c, org = country_of_token(r, tok)
        if org and not iso3:
            # an organisation in the name's apposition gives its sector; one before it only the country
            iso3, sector = org[:3], (org[3:6] or sector) if i in apposition else (sector or org[3:6] or None)
        if c and not iso3:
            iso3 = c
        rw = roles.get(norm(tok.text))
        if rw and rw.sector and not sector:
            sector = rw.sector
    return iso3, sector


def match_descriptions(r: Resolver, doc: Any, sents: list[int]) -> None:
    roles = r.profile.roles
    eps = r.profile.epithets
    prefixes = r.profile.description_prefixes
    table = TokenTable.of(doc)
    i = 0
    while i < len(doc):
        if i in r.taken or table.keys[i].split(" ")[0] not in prefixes:
            i += 1
            continue
        tok = doc[i]
        # role phrase (country adjectives inside are skipped: "ministre russe de la Défense")
        words, idx, country = [], [], None
        best: Any = None
        j = i
        while j < len(doc) and len(idx) < 7 and j not in r.taken:
            k = table.keys[j]
            if not k:
                break
            if idx and k in r.base.adjectives and table.lower_initial[j]:
                country = country or r.base.adjectives[k]
                j += 1
                continue
            words.append(k)
            idx.append(j)
            phrase = " ".join(words)
            if phrase not in prefixes:
                break
            if phrase in roles:
                best = (roles[phrase], list(idx), country)
            if phrase in eps:
                best = ("epithet", list(idx), eps[phrase])
            j += 1
        if best is None or tok.pos_ not in ("NOUN", "PROPN", "ADJ", "ADV"):
            i += 1
            continue
        rw, idx, country = best
        t0, t1 = idx[0], idx[-1] + 1
        if rw == "epithet":
            _epithet(r, doc, t0, t1, country, sents)
            i = t1
            continue
        _describe(r, doc, rw, t0, t1, country, sents)
        i = max(t1, i + 1)


def _epithet(r: Resolver, doc: Any, t0: int, t1: int, country: tuple[str, str | None], sents: list[int]) -> None:
    iso3, sector = country
    start, end = doc[t0].idx, doc[t1 - 1].idx + len(doc[t1 - 1].text)
    if t0 > 0 and doc[t0 - 1].lower_ in r.words.singular_definite:
        surface = r.work.text[start:end]
        key = r.collective(iso3, sector, "country", surface, f"epithet {surface!r} for {iso3}") \
            if sector else r.from_entry(r.base.entries[iso3.lower()], f"epithet {surface!r} in lang/{r.profile.code}/epithets.tsv")
        r.add(Found(t0, t1, start, end, "description", key=key, sent=sents[t0], head=t0))


def _provenance(r: Resolver, doc: Any, head: Any, t0: int, t1: int, country: str | None) -> tuple[str | None, str | None, int, str | None]:
    """(country, organisation code, last token of the mention, leader's code) of a description: a
    country adjective right after the phrase, or in its modifiers ("de la Russie", "de Moscou", "du
    ministère russe de la Défense"); a clause attached to the head names no provenance ("des milices
    soutenues par l'Iran" are not Iranian), except the one that says who leads it ("la coalition menée
    par Riyad")."""
    org_code = leader = None
    last = t1 - 1
    skipped = set()
    for c in head.children:
        if c.dep_ not in ("acl", "acl:relcl"):
            continue
        if _lemma(r, c) in r.words.led_by:
            for a in c.children:
                if a.dep_ == "obl:agent" or a.dep_.startswith("obl") and preposition_before(a) in r.words.agent_preps:
                    lc, lorg = country_of_token(r, a)
                    leader = lorg or (lc if lc else None)
        skipped.update(t.i for t in c.subtree)
    provenance = r.words.provenance_preps
    for child in sorted(head.subtree, key=lambda t: t.i):
        if child.i < t0 or child.i in skipped or child.dep_ in ("appos", "conj", "punct", "cc") and child.head.i == head.i:
            continue
        if child.dep_ in ("nmod", "obl", "obl:mod"):
            case = preposition_before(child)
            if case is not None and case not in provenance:
                continue  # "les séparatistes comme la Russie": a comparison names no provenance
        if child.i >= t1 + 8:
            break
        c, org = country_of_token(r, child)
        if (c or org) and child.head.i in (head.i, *range(t0, t1)) or (c or org) and child.head.head.i == head.i:
            country = country or c
            org_code = org_code or org
            if child.i not in r.taken and child.i == last + 1:
                last = child.i  # an adjective right after the phrase belongs to the mention
            if country:
                break
    if not country and t1 < len(doc):
        c, org = country_of_token(r, doc[t1])
        country, org_code = c, org_code or org
        if c or org:
            last = t1
    return country, org_code, last, leader


def _lemma(r: Resolver, tok: Any) -> str:
    return r.profile.verb_forms.get(tok.lower_) or tok.lemma_.lower()


def _describe(r: Resolver, doc: Any, rw: RoleWord, t0: int, t1: int, country: str | None, sents: list[int]) -> None:
    head = doc[t0]
    phrase_country = country
    country, org_code, last, leader = _provenance(r, doc, head, t0, t1, country)
    if rw.office == "LED":
        # "la coalition menée par Riyad": coded as whoever leads it; an unnamed one is not coded here
        if leader is None:
            return
        surface = r.work.text[doc[t0].idx:doc[last].idx + len(doc[last].text)]
        f = Found(t0, last + 1, doc[t0].idx, doc[last].idx + len(doc[last].text), "description", sent=sents[t0], head=t0)
        iso3 = leader[:3] if re.fullmatch(r"[A-Z]{3}", leader[:3]) else None
        f.key = r.collective(None, None, rw.kind, strip_article(r, surface), f"description {surface!r}: led by {leader}",
                             leader if len(leader) > 3 else f"{leader}GOV" if iso3 else leader)
        r.add(f)
        return

    def where() -> tuple[str | None, str | None]:
        """Country and organisation again once every mention is read ("un responsable du ministère
        russe de la Défense": the ministry is read after the person)."""
        c, org, _, _ = _provenance(r, doc, head, t0, t1, phrase_country)
        return c, org
    start, end = doc[t0].idx, doc[last].idx + len(doc[last].text)
    surface = r.work.text[start:end]
    plural = head.morph.get("Number") == ["Plur"]
    f = Found(t0, last + 1, start, end, "description", sent=sents[t0], head=t0)

    indefinite = t0 > 0 and plain_apostrophes(doc[t0 - 1].lower_) in r.words.indefinite
    if rw.kind == "person" and rw.office and not indefinite:
        f.resolve = FromHistory(_office_choice(r, rw, country, org_code, surface, plural))
    elif rw.kind == "person" and rw.office:
        # "un porte-parole du Pentagone": one of them, not the office holder
        f.resolve = FromHistory(_description_person(r, rw, where, surface, plural))
    elif rw.kind == "country":
        if not country:
            if not definite(r, doc, t0) or any(c.dep_ in ("amod", "nmod") for c in head.children):
                return  # "le peuple coréen": a modifier we cannot read is no anaphor
            f.resolve = FromHistory(lookback(r, lambda i: i.kind == "country"))  # "le pays"
        else:
            f.key = r.from_entry(r.base.entries[country.lower()], f"description {surface!r} -> country {country}")
    elif rw.kind == "person":
        f.resolve = FromHistory(_description_person(r, rw, where, surface, plural))
    else:
        if not (country or org_code):
            modifiers = [c for c in head.children if c.dep_ == "amod" and c.text[:1].islower() and not t0 <= c.i < t1
                         and norm(c.text) not in r.words.heard_adjectives]  # "des policiers présents sur les lieux"
            if any(c.pos_ == "ADJ" and norm(c.text) not in r.words.role_adjectives for c in modifiers):
                return  # "les forces pro-gouvernementales": a modifier we cannot read
            # "les séparatistes" after "les séparatistes du Donbass": the same collective; else the
            # article's country ("les autorités" in an article about Brazil)
            same = lookback(r, lambda i, rw=rw: i.code is not None and (i.role == rw.phrase or (
                rw.sector in ("REB", "OPP", "CVL", "MIL", "MED") and i.code[3:6] == rw.sector and i.kind == rw.kind)))
            modified = bool(modifiers)  # "les autorités séparatistes"
            named = last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and doc[last + 1].text[:1].isupper()
            if named and not modified:
                same = None  # "le média Ikiriho": a name follows, this is no anaphor
            if modified or not definite(r, doc, t0):
                if modified and not definite(r, doc, t0):
                    return
                f.resolve = FromHistory(same) if modified and same else FromHistory(_or_article_country(r, rw, surface, None, head))
            else:
                f.resolve = FromHistory(_or_article_country(r, rw, surface, same, head))
        else:
            code = org_code if org_code and not country else None
            f.key = r.collective(country, rw.sector, rw.kind, strip_article(r, surface),
                                 f"description {surface!r}: '{rw.phrase}' -> sector {rw.sector}, country {country or org_code}", code,
                                 role=rw.phrase)
    r.add(f)


def definite(r: Resolver, doc: Any, t0: int) -> bool:
    return t0 > 0 and plain_apostrophes(doc[t0 - 1].lower_) in r.words.definite


def lookback(r: Resolver, accept: Any) -> Any:
    def choose(history: list[str]) -> str | None:
        for k in reversed(history[-40:]):
            if accept(r.infos[k]):
                return k
        return None
    return choose


def strip_article(r: Resolver, text: str) -> str:
    articles = "|".join(re.escape(a) for a in sorted(r.words.articles, key=len, reverse=True))
    return re.sub(rf"^(?:{articles})\s*", "", text, flags=re.I)


def _office_choice(r: Resolver, rw: RoleWord, country: str | None, org_code: str | None, surface: str, plural: bool) -> Any:
    def choose(history: list[str]) -> str | None:
        office = rw.office
        if office == "COUNTERPART":
            previous = [r.infos[k] for k in reversed(history) if r.infos[k].kind == "person" and r.infos[k].office]
            office = previous[0].office if previous else "LEADER"
            if country is None and previous:
                return None
        if office == "LEADER":
            office = r.profile.leaders.get(country or "", "HOS")
        if plural:
            return r.collective(country, rw.sector, "group", strip_article(r, surface), f"description {surface!r}") if country else None
        org_key = None
        if org_code and not country:
            org_key = next((e.key for e in r.base.entries.values() if e.code == org_code and e.kind == "organization"), None)
        holders = r.base.holders("HEAD" if org_key else office, country, r.on, org=org_key) if (country or org_key) else []
        if not holders and office in ("HOS", "HOG", "HEAD") and (country or org_key):
            holders = r.base.holders("HOG" if office == "HOS" else "HOS", country, r.on) if country else []
        if len(holders) >= 1 and (country or org_key):
            return r.from_entry(holders[0], f"description {surface!r} -> {office} of {country or org_code} on {r.on}")
        if country is None and org_key is None:
            # a role alone ("le président"): the last person named with that office, else the
            # office holder of the article's country
            same = [k for k in reversed(history) if r.infos[k].kind == "person" and r.infos[k].office == office]
            if same:
                return same[0]
            if r.country is None:
                return None
            holders = r.base.holders(office, r.country, r.on)
            if holders:
                return r.from_entry(holders[0], f"description {surface!r} -> {office} of {r.country} on {r.on}; {r.country_why}")
            return r.collective(r.country, rw.sector, "person", strip_article(r, surface),
                                f"description {surface!r}: no {office} of {r.country} on {r.on} in actor base; {r.country_why}")
        if org_code and org_code[3:6] not in ("", "GOV") and office not in ("HEAD",):
            # "le porte-parole du Pentagone": the organisation's, coded as it is
            return r.collective(None, None, "person", strip_article(r, surface), f"description {surface!r}: of {org_code}", org_code)
        return r.collective(country, rw.sector, "person", strip_article(r, surface),
                            f"description {surface!r}: no {office} of {country} on {r.on} in actor base")
    return choose


def _description_person(r: Resolver, rw: RoleWord, where: Any, surface: str, plural: bool = True) -> Any:
    kind = "group" if plural else "person"

    def choose(history: list[str]) -> str | None:
        country, org_code = where()
        if org_code and (not country or org_code[3:6] not in ("", "GOV")):
            # "un responsable du ministère russe de la Défense": the organisation's code
            return r.collective(None, rw.sector, kind, strip_article(r, surface), f"description {surface!r}: of {org_code}", org_code)
        if country:
            return r.collective(country, rw.sector, kind, strip_article(r, surface), f"description {surface!r}: sector {rw.sector}")
        if r.country:
            return r.collective(r.country, rw.sector, kind, strip_article(r, surface),
                                f"description {surface!r}: sector {rw.sector}; {r.country_why}")
        return None
    return choose


def _or_article_country(r: Resolver, rw: RoleWord, surface: str, same: Any, head: Any = None) -> Any:
    def choose(history: list[str]) -> str | None:
        key = same(history) if same is not None else None
        if key is not None:
            return key
        # civilians and police are of the country they are in; soldiers are sent abroad
        here = clause_place(r, head) if head is not None and rw.sector in ("CVL", "COP") else None
        if here is not None:
            return r.collective(here[0], rw.sector, rw.kind, strip_article(r, surface),
                                f"description {surface!r}: '{rw.phrase}' -> sector {rw.sector}; in {here[1]!r}, {here[0]}", role=rw.phrase)
        if r.country is None:
            return None
        return r.collective(r.country, rw.sector, rw.kind, strip_article(r, surface),
                            f"description {surface!r}: '{rw.phrase}' -> sector {rw.sector}; {r.country_why}", role=rw.phrase)
    return choose


def clause_place(r: Resolver, head: Any) -> tuple[str, str] | None:
    """Where the clause of a group with no country happens ("ont tué 23 personnes à Tel-Aviv", "a
    indiqué la police" after it): people, police and crowds are of the country they are in. The
    first place a locative governs in the clause of the group's verb, with its country and name."""
    verb = head
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    # a reporting clause after its report ("..., a indiqué la police") is about the whole sentence
    top = verb.head if verb.dep_ in ("advcl", "xcomp", "conj", "acl") else verb
    from newsgraph.gazetteer import gazetteer

    g = gazetteer(r.profile)
    doc = head.doc
    for tok in sorted(top.subtree if top.head.i != top.i else top.sent, key=lambda t: t.i):
        if not tok.text[:1].isupper() or not (tok.i > 0 and doc[tok.i - 1].lower_ in r.words.place_preps
                                              or governed_by(tok, r.words.place_preps)):
            continue
        f = r.at_token.get(tok.i)
        if f is not None and f.key:
            info = r.infos[f.key]
            if info.kind == "country" and info.country:
                return info.country, tok.text
            continue
        for n in range(min(4, tok.sent.end - tok.i), 0, -1):  # "à Tel-Aviv" is three tokens
            span = doc[tok.i:tok.i + n]
            if span[-1].is_punct:
                continue
            place = g.land(span.text)
            if place is not None and place.country:
                return place.country, span.text
    return None


def residence(r: Resolver, doc: Any, tok: Any, iso3: str) -> str | None:
    """The country a people named by its demonym lives in, when not its own: the place of a complement
    right after it ("les Albanais du sud de la Serbie"), else, for a people of that origin ("de
    souche", "d'origine"), the country of a place in its sentence or the article's country."""
    words = r.words
    origin = False
    for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 8)]:
        if t.pos_ in ("VERB", "AUX") or t.pos_ == "PUNCT" and t.text != "-":
            break
        if plain_apostrophes(t.lower_) in words.origin_words:
            origin = True
        if t.pos_ == "PROPN" and plain_apostrophes(doc[t.i - 1].lower_) in words.place_preps | words.genitive_preps \
                or t.pos_ == "PROPN" and doc[t.i - 1].pos_ == "DET":
            c, _ = country_of_token(r, t)
            if c and c != iso3:
                return c
    if not origin:
        return None
    for t in doc[tok.sent.start:tok.sent.end]:  # "ont manifesté en Serbie"
        if t.pos_ == "PROPN" and plain_apostrophes(doc[t.i - 1].lower_) in words.place_preps:
            c, _ = country_of_token(r, t)
            if c and c != iso3:
                return c
    return r.country if r.country and r.country != iso3 else None


def demonym_nouns(r: Resolver, doc: Any, sents: list[int]) -> None:
    """'le Russe' is a person of that country named before; 'les Russes' is the country."""
    keys = TokenTable.of(doc).keys
    adjectives = r.base.adjectives
    words = r.words
    for i in range(1, len(doc)):
        iso3 = adjectives.get(keys[i])
        if not iso3 or i in r.taken:
            continue
        tok = doc[i]
        if not tok.text[:1].isupper():
            continue
        det = plain_apostrophes(doc[tok.i - 1].lower_)
        start, end = tok.idx, tok.idx + len(tok.text)
        f = Found(tok.i, tok.i + 1, start, end, "description", sent=sents[tok.i], head=tok.i)
        if det in words.demonym_plural_determiners or tok.morph.get("Number") == ["Plur"]:
            home = residence(r, doc, tok, iso3)
            if home:  # "les Albanais du sud de la Serbie", "les Albanais de souche" in an article on Serbia
                f.key = r.collective(home, "CVL", "group", tok.text, f"demonym {tok.text!r} living in {home}")
            else:
                f.key = r.from_entry(r.base.entries[iso3.lower()], f"demonym {tok.text!r} -> {iso3}")
        elif det in words.demonym_determiners:
            def choose(history: list[str], iso3: str = iso3, text: str = tok.text) -> str | None:
                people = [k for k in reversed(history) if r.infos[k].kind == "person" and r.infos[k].country == iso3]
                return people[0] if people else r.from_entry(r.base.entries[iso3.lower()], f"demonym {text!r} -> {iso3}")
            f.resolve = FromHistory(choose)
        else:
            continue
        r.add(f)


TITLE_LABEL = re.compile(r"^\s*([^:\n]{2,40}?)\s+:\s")  # "Pologne : le Premier ministre ..."


def article_country(r: Resolver, doc: Any) -> tuple[str | None, str]:
    """The country the article is about, for the people and bodies it names without one: the label
    of its title ("Burundi : ..."), else the country named more often than any other (at least
    twice, and half as often again as the next). None when no country stands out."""
    title = r.work.title or ""
    m = TITLE_LABEL.match(title)
    if m:
        label = m.group(1)
        iso3 = _country_named(r, label)
        if iso3:
            return iso3, f"the article's country, {iso3}, from its title {label!r}"
    counts: Counter[str] = Counter()
    for f in r.found:
        if f.key and r.infos[f.key].country:
            counts[r.infos[f.key].country or ""] += 1
    table = TokenTable.of(doc)
    for i, k in enumerate(table.keys):
        if i not in r.taken and table.lower_initial[i] and k in r.base.adjectives:
            counts[r.base.adjectives[k]] += 1
    for ent in doc.ents:  # a city or a region of the country ("à Istanbul")
        if ent.label_ == "LOC" and ent.start not in r.taken:
            c = _place_country(r, ent)
            if c:
                counts[c] += 1
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]):
        return ranked[0][0], f"the article's country, {ranked[0][0]}, named {ranked[0][1]} times"
    return None, ""


def _place_country(r: Resolver, ent: Any) -> str | None:
    from newsgraph.gazetteer import gazetteer

    place = gazetteer(r.profile).land(ent.text)
    return place.country if place is not None else None


def _country_named(r: Resolver, label: str) -> str | None:
    """The country a short label names: a country, its adjective, its capital, or a place in it."""
    for e in r.base.lookup(label):
        if e.kind == "country" and e.country:
            return e.country
    key = norm(label)
    if key in r.base.adjectives:
        return r.base.adjectives[key]
    if key in r.base.capitals:
        return r.base.capitals[key]
    from newsgraph.gazetteer import gazetteer

    place = gazetteer(r.profile).lookup(label)
    return place.country if place is not None and place.country else None
