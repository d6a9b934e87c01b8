"""The actor stage: every mention resolved to a canonical actor with a CAMEO code.

Mentions come from four sources, merged in text order:
1. names and aliases of the actor base (countries, organisations, people, seats of power), matched on
   tokens, so that the base corrects the statistical NER ("Shoigu" tagged LOC, "Kim Jong" cut short);
2. spaCy PER/ORG entities the base does not know: partial names and surnames of people already named
   in the document, else document-level actors whose country and sector come from their description;
3. descriptions: role words with a country, demonym nouns, capitals and epithets;
4. subject pronouns and anaphors, to the last compatible mention.
Each actor carries a ``why``; ``work.token_actor`` links tokens to actors for the later stages.
"""

from __future__ import annotations

import re
from datetime import date

from newsgraph.actorbase import actor_base
from newsgraph.model import Actor, Mention
from newsgraph.pipeline.actors.anaphora import anaphors, match_pronouns, merge_appositions, organisation_roles
from newsgraph.pipeline.actors.descriptions import article_country, demonym_nouns, match_descriptions
from newsgraph.pipeline.actors.names import match_entities, match_names
from newsgraph.pipeline.actors.resolver import Context, Found, Resolver
from newsgraph.pipeline.syntax import sentence_index, span_head
from newsgraph.pipeline.work import Work
from newsgraph.registry import stages

NON_COUNTRIES = {"IGO", "NGO", "IMG", "MNC"}  # code prefixes that name no country


@stages.register("actors.v1")
class ActorStage:
    name = "actors"
    requires = ("spacy", "published")
    provides = ("actors",)

    def __init__(self, profile) -> None:  # type: ignore[no-untyped-def]
        self.profile = profile

    def __call__(self, work: Work) -> None:
        doc = work.spacy
        # offices are looked up on the publication date; with none, the actor base's current holders
        r = Resolver(work, actor_base(self.profile), work.document_date() or date.today(), self.profile)
        per_spans = [(e.start, e.end) for e in doc.ents if e.label_ == "PER"]
        sents = sentence_index(doc)
        match_names(r, doc, per_spans)
        match_entities(r, doc)
        match_descriptions(r, doc, sents)
        demonym_nouns(r, doc, sents)
        anaphors(r, doc, sents)
        match_pronouns(r, doc, sents)
        r.country, r.country_why = article_country(r, doc)
        ctx = Context([], [], doc)
        for f in sorted(r.found, key=lambda f: f.t0):
            f.sent = sents[f.t0]
            f.head = f.head or span_head(doc, f.t0, f.t1)
            key = f.key
            if key is None and f.resolve is not None:
                key = f.resolve(r, f, ctx)
            if key is None:
                continue
            f.key = key
            ctx.history.append(key)
            ctx.resolved.append((f, key))
        merge_appositions(r, doc, ctx.resolved)
        organisation_roles(r, doc, ctx.resolved)
        _build(work, r, ctx.resolved)


def _build(work: Work, r: Resolver, resolved: list[tuple[Found, str]]) -> None:
    order: dict[str, list[Found]] = {}
    for f, key in resolved:
        order.setdefault(key, []).append(f)
    token_actor: dict[int, str] = {}
    for n, (key, founds) in enumerate(order.items(), start=1):
        info = r.infos[key]
        aid = f"A{n}"
        code = info.code
        country = info.country if info.country and re.fullmatch(r"[A-Z]{3}", info.country) and info.country not in NON_COUNTRIES \
            and (not code or code[:3] == info.country) else None
        sector = code[3:6] if code and len(code) >= 6 and country else None
        mentions = tuple(Mention(f.start, f.end, work.text[f.start:f.end], f.how) for f in founds)
        work.actors.append(Actor(aid, info.canonical, info.name, info.kind if info.kind in ("person", "country", "organization", "group") else "group",
                                 code, country, sector, info.wikidata, mentions, info.why))
        for f in founds:
            for t in range(f.t0, f.t1):
                token_actor[t] = aid
    work.token_actor = token_actor
