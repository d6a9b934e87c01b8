"""The place stage: place names resolved against the gazetteer, with GeoNames ids and coordinates.

A capital or a country that acts ("Moscou a opposé son veto") is an actor (the actor stage), not a
place; a country is a place where a locative preposition of the profile governs it ("en Ukraine"). Among places
of one name, the one in a country the document names wins, then the most populous."""

from __future__ import annotations

from typing import Any

from newsgraph.gazetteer import gazetteer, place_taken_for_person
from newsgraph.model import Place, PlaceMention
from newsgraph.pipeline.actors import TokenTable, form_ok, longest_match
from newsgraph.pipeline.syntax import governed_by
from newsgraph.pipeline.work import Work
from newsgraph.registry import stages
from newsgraph.text import norm

MAX_TOKENS = 6


@stages.register("places.v1")
class PlaceStage:
    name = "places"
    requires = ("spacy", "actors")
    provides = ("places",)

    def __init__(self, profile) -> None:  # type: ignore[no-untyped-def]
        self.profile = profile

    def __call__(self, work: Work) -> None:
        doc = work.spacy
        g = gazetteer(self.profile)
        token_actor = work.token_actor
        actors = {a.id: a for a in work.actors}
        countries_in_text = {a.country for a in work.actors if a.kind == "country" and a.country}
        per_tokens = {i for e in doc.ents if e.label_ == "PER" and not place_taken_for_person(e, self.profile)
                      for i in range(e.start, e.end)}
        found: list[tuple[int, int, Any]] = []
        table = TokenTable.of(doc)
        text = work.text

        def accept(key: str, surface: str) -> bool:
            return key in g.index and any(form_ok(f, surface) for f in g.forms[key])

        i = 0
        while i < len(doc):
            first = table.first[i]
            if not first or first not in g.first_words:
                i += 1
                continue
            match = longest_match(text, table, i, MAX_TOKENS, accept, g.prefixes())
            if match is None:
                i += 1
                continue
            hit = (match[0], doc[i:i + match[0]])
            n, span = hit
            if work.in_non_text(span.start_char, span.end_char) or any(t in per_tokens for t in range(i, i + n)):
                i += n
                continue
            place = g.lookup(span.text, countries_in_text)
            acting = [token_actor.get(t) for t in range(i, i + n) if token_actor.get(t)]
            if place is not None and acting:
                actor = actors.get(acting[0])
                # an acting capital or a country named as an actor is a place only where a locative governs it
                if actor is not None and (actor.kind != "country" or not governed_by(span.root, self.profile.words.place_country_preps)):
                    i += n
                    continue
            if place is not None:
                found.append((span.start_char, span.end_char, place))
            i += n
        # NER locations the gazetteer does not know stay places, unresolved (no id, no coordinates)
        covered = {t for start, end, _ in found for t in range(start, end)}
        for ent in doc.ents:
            if ent.label_ != "LOC" or work.in_non_text(ent.start_char, ent.end_char):
                continue
            if any(c in covered for c in range(ent.start_char, ent.end_char)) or any(token_actor.get(t) for t in range(ent.start, ent.end)):
                continue
            from newsgraph.gazetteer import Place as GazPlace

            found.append((ent.start_char, ent.end_char, GazPlace(work.text[ent.start_char:ent.end_char], None, "unresolved", None, None, None)))
        found.sort(key=lambda f: f[0])
        by_key: dict[tuple[str, str | None, int | None], list[PlaceMention]] = {}
        places: dict[tuple[str, str | None, int | None], Any] = {}
        for start, end, place in found:
            key = (place.name, place.country, place.geonameid)
            by_key.setdefault(key, []).append(PlaceMention(start, end, work.text[start:end]))
            places[key] = place
        for n, (key, mentions) in enumerate(by_key.items(), start=1):
            p = places[key]
            why = _why(g, p, mentions[0].text, countries_in_text)
            work.places.append(Place(f"P{n}", p.name, p.country, p.geonameid, p.lat, p.lon, tuple(mentions), why))


def _why(g: Any, place: Any, surface: str, countries_in_text: set[str]) -> str:
    if place.type == "unresolved":
        return f"{surface!r}: a location for the NER, not in the gazetteer (no id, no coordinates)"
    why = f"{surface!r} in the gazetteer: {place.type}" + (f" of {place.country}" if place.country else "")
    if place.geonameid:
        why += f", GeoNames {place.geonameid}"
    homonyms = len(g.index.get(norm(surface), ()))
    if homonyms > 1:
        own = place.type != "city" or place.population == 0 and place.geonameid is not None
        chosen = "the gazetteer's own entry" if own else "in a country the text names" if place.country in countries_in_text \
            else "the most populous"
        why += f"; {homonyms} places have this name, this one is {chosen}"
    return why

