"""Names: the actor base's names and aliases matched over the tokens (longest first), capitals that
act, and spaCy's PER/ORG entities that the base does not know (partial names and surnames of people
already named, else document actors whose country and sector come from their description)."""

from __future__ import annotations

from typing import Any

from newsgraph.actorbase import Entry
from newsgraph.gazetteer import place_taken_for_person
from newsgraph.pipeline.actors.descriptions import context
from newsgraph.pipeline.actors.resolver import MAX_NAME_TOKENS, Found, FromHistory, Info, Resolver, TokenTable, form_ok, longest_match
from newsgraph.pipeline.repair import rules, zipf
from newsgraph.pipeline.syntax import SUBJECT_DEPS, governed_by, part_of_longer_name, span_head
from newsgraph.text import ENGLISH, norm, slug


def match_names(r: Resolver, doc: Any, per_spans: list[tuple[int, int]]) -> None:
    """Longest base names over the tokens, left to right."""
    base = r.base
    forms = base.forms
    text = r.work.text
    table = TokenTable.of(doc)
    i = 0
    n_tok = len(doc)
    capitals_first = base.capitals_first
    prefixes = base.prefixes()

    def accept(key: str, surface: str) -> bool:
        return (key in base.index and any(form_ok(f, surface) for f in forms.get(key, ()))) or \
            (key in base.capitals and surface[:1].isupper())

    while i < n_tok:
        first = table.first[i]
        if not first or (first not in base.first_words and first not in capitals_first):
            i += 1
            continue
        found = longest_match(text, table, i, MAX_NAME_TOKENS, accept, prefixes)
        if found is None:
            i += 1
            continue
        n, key = found
        kind = "name" if key in base.index and any(form_ok(f, text[table.starts[i]:table.ends[i + n - 1]]) for f in forms.get(key, ())) \
            else "capital"
        start, end = doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1].text)
        if r.work.in_non_text(start, end):
            i += n
            continue
        inside_person = any(s <= i and i + n <= e and (e - s) > n for s, e in per_spans)
        if kind == "capital":
            if not inside_person:
                _capital(r, doc, i, n, key, start, end)
            i += n
            continue
        entries = base.lookup(doc[i:i + n].text)
        non_people = [e for e in entries if e.kind != "person"]
        if inside_person and non_people and len(non_people) == len(entries):
            i += n  # "Washington" inside "Denzel Washington"
            continue
        surface = text[start:end]
        if non_people:
            entry = non_people[0]
            how = "name" if norm(entry.name) == key else "alias"
            r.add(Found(i, i + n, start, end, how, key=r.from_entry(entry, f"{how} {surface!r} in actor base")))
        else:
            single = n == 1
            # a surname alone names someone of the dated dictionaries only once their full name was read
            needs_history = single and (_common_word(r, surface) or all(e.origin == "phoenix" for e in entries))
            r.add(Found(i, i + n, start, end, "name" if not single else "alias",
                        resolve=FromHistory(_person_choice(r, entries, surface, needs_history=needs_history))))
        i += n


def _common_word(r: Resolver, word: str) -> bool:
    w = word.lower()
    return max(rules(r.profile).zipf(w), zipf(w, ENGLISH)) >= 4.0


def _person_choice(r: Resolver, people: list[Entry], surface: str, needs_history: bool = False) -> Any:
    def choose(history: list[str]) -> str | None:
        seen = [k for k in reversed(history) if any(p.key == k for p in people)]
        if seen:
            return seen[0]
        if needs_history:
            return None
        current = [p for p in people if p.offices_on(r.on)]
        pick = (current or people)[0]
        return r.from_entry(pick, f"alias {surface!r} in actor base")
    return choose


def _capital(r: Resolver, doc: Any, i: int, n: int, key: str, start: int, end: int) -> None:
    """A capital acting (subject, agent, or coordinated with one) stands for its government."""
    head = doc[span_head(doc, i, i + n)]
    if part_of_longer_name(head):
        return  # "Paris Saint-Germain", "Londres Heathrow"
    dep = head.dep_
    how = "as acting subject" if dep in SUBJECT_DEPS or (dep == "conj" and head.head.dep_ in SUBJECT_DEPS) else None
    if head.dep_ == "nmod" and norm(head.head.text) in r.profile.roles:
        how = "as the country of a role"  # "les dirigeants de Moscou"
    if head.dep_ in ("nmod", "obl", "obl:arg", "obl:mod") and governed_by(head, r.words.partner_preps):
        how = "as a partner or an adversary"  # "en solidarité avec Londres", "les sanctions contre Moscou"
    if how is None:
        return
    iso3 = r.base.capitals[key]
    surface = r.work.text[start:end]
    akey = r.collective(iso3, "GOV", "organization", r.profile.words.sector_labels.get("GOV", "GOV"),
                        f"capital {surface!r} {how} -> government of {iso3}")
    r.add(Found(i, i + n, start, end, "alias", key=akey))


def match_entities(r: Resolver, doc: Any) -> None:
    """spaCy PER and ORG entities that the base did not cover."""
    text = r.work.text
    table = TokenTable.of(doc)
    for ent in doc.ents:
        if ent.label_ not in ("PER", "ORG") or r.work.in_non_text(ent.start_char, ent.end_char):
            continue
        if any(i in r.taken for i in range(ent.start, ent.end)):
            continue
        surface = text[ent.start_char:ent.end_char]
        key = norm(surface)
        if not key or not surface[:1].isupper():
            continue
        if ent.label_ == "PER":
            if place_taken_for_person(ent, r.profile):
                continue
            prefixed = _extend_partial(r, key)
            r.add(Found(ent.start, ent.end, ent.start_char, ent.end_char, "alias",
                        resolve=FromHistory(_surname_choice(r, doc, ent.start, ent.end, surface, prefixed))))
        else:
            if table.keys[ent.start] in r.profile.roles or " ".join(table.keys[ent.start:ent.start + 2]) in r.profile.description_prefixes \
                    and table.keys[ent.start] in r.profile.description_prefixes:
                continue  # "Ministre de la Défense" tagged ORG: a description, read as one
            same = _named_before(r, key, ent.start)
            if same is not None:  # "l'Ordre" after "l'Ordre de Malte"
                r.add(Found(ent.start, ent.end, ent.start_char, ent.end_char, "alias", key=same))
                continue
            iso3, sector = context(r, doc, ent.start, ent.end, inside=True)
            akey = r.collective(iso3, sector, "organization", surface,
                                f"organisation {surface!r} not in actor base" + (f"; country {iso3} from its name" if iso3 else ""),
                                ) if iso3 else _unknown_org(r, surface)
            r.add(Found(ent.start, ent.end, ent.start_char, ent.end_char, "name", key=akey))
    match_surnames(r, doc)


def _named_before(r: Resolver, key: str, before: int) -> str | None:
    """An organisation named before whose name starts with this one word ("l'Ordre" after "l'Ordre
    de Malte", "le Front" after "le Front al-Nosra"): the same, once its full name was read."""
    if " " in key:
        return None
    articles = {norm(a) for a in r.words.articles}
    for f in sorted(r.found, key=lambda f: -f.t0):
        if f.t0 >= before or not f.key or r.infos[f.key].kind not in ("organization", "group"):
            continue
        words = [w for w in norm(r.work.text[f.start:f.end]).split() if w not in articles]
        if len(words) > 1 and words[0] == key:
            return f.key
    return None


def match_surnames(r: Resolver, doc: Any) -> None:
    """A surname alone after the full name of someone the NER found ("a déclaré Szydło" after "Beata
    Szydło"), where the NER did not tag it: the same person, read as the NER's partial names are."""
    table = TokenTable.of(doc)
    first_seen: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == "PER" and len(ent) >= 2 and ent[-1].text[:1].isupper():
            first_seen.setdefault(table.keys[ent.end - 1], ent.end)
    if not first_seen:
        return
    for tok in doc:
        key = table.keys[tok.i]
        if tok.i in r.taken or key not in first_seen or tok.i < first_seen[key] or not tok.text[:1].isupper():
            continue
        if tok.pos_ not in ("PROPN", "NOUN", "X") or r.work.in_non_text(tok.idx, tok.idx + len(tok.text)):
            continue
        r.add(Found(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), "alias",
                    resolve=FromHistory(_surname_choice(r, doc, tok.i, tok.i + 1, tok.text, []))))


def _unknown_org(r: Resolver, surface: str) -> str:
    key = f"org:{slug(surface)}"
    if key not in r.infos:
        r.infos[key] = Info(key, surface, "organization", None, None, None, f"ng:{slug(surface)}",
                            f"organisation {surface!r} not in actor base; no country in the text")
    return key


def _extend_partial(r: Resolver, key: str) -> list[Entry]:
    """People whose name starts with this partial name ("Kim Jong" -> Kim Jong-un, Kim Jong-il); not
    from the dated dictionaries, where first names alone ("Jean-Jacques") would find strangers."""
    if len(key.split()) < 2:
        return []
    out = []
    for k in r.base.keys_starting_with(key + " "):
        out.extend(r.base.entries[x] for x in r.base.index[k]
                   if r.base.entries[x].kind == "person" and r.base.entries[x].origin != "phoenix")
    return list({e.key: e for e in out}.values())


def _surname_choice(r: Resolver, doc: Any, t0: int, t1: int, surface: str, prefixed: list[Entry]) -> Any:
    words = set(norm(surface).split())

    def choose(history: list[str]) -> str | None:
        if prefixed:
            seen = [k for k in reversed(history) if any(p.key == k for p in prefixed)]
            if seen:
                return seen[0]
            current = [p for p in prefixed if p.offices_on(r.on)]
            return r.from_entry((current or prefixed)[0], f"partial name {surface!r} extended by actor base")
        # a surname or part of the name of someone already named: the current office holder first,
        # then the most recent ("l'actuel Kim" after "Kim Il-sung")
        candidates = []
        for k in dict.fromkeys(reversed(history)):
            info = r.infos[k]
            if info.kind == "person" and words <= set(norm(info.name).split()) | _alias_words(r, k):
                candidates.append(k)
        if candidates:
            holding = [k for k in candidates if k in r.base.entries and r.base.entries[k].offices_on(r.on)]
            return (holding or candidates)[0]
        iso3, sector = context(r, doc, t0, t1)
        where = f"; {iso3}{sector or ''} from its description" if iso3 else "; no description in the text"
        head = doc[span_head(doc, t0, t1)].head
        speaks = (head.lemma_.lower() in r.profile.reporting or r.profile.verb_forms.get(head.lower_) in r.profile.reporting) \
            and head.i != t0
        if iso3 is None and r.country and (len(words) > 1 or sector or speaks):
            # a full name, a name with a role, or one that speaks ("fustige Urvoas"): of the article's
            # country when the text gives no other
            iso3, where = r.country, f"; {r.country_why}"
        return r.unknown_person(surface, iso3, sector, f"person {surface!r} not in actor base{where}")
    return choose


def _alias_words(r: Resolver, key: str) -> set[str]:
    entry = r.base.entries.get(key)
    if not entry:
        return set()
    return {w for a in entry.aliases for w in norm(a).split()}
