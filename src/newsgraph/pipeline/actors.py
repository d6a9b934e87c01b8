"""The actor stage: named-entity mentions grouped into document actors.

Foundation version: spaCy PER and ORG entities become unresolved actors (``code`` null) with a
``ng:`` canonical id made from the name.
"""

from __future__ import annotations

import re
import unicodedata

from newsgraph.model import Actor, Mention
from newsgraph.pipeline.work import Work
from newsgraph.registry import stages

KIND_BY_LABEL = {"PER": "person", "ORG": "organization"}


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "x"


def in_non_text(work: Work, start: int, end: int) -> bool:
    return any(n.start < end and start < n.end for n in work.non_text)


@stages.register("actors.ner.v1")
class ActorStage:
    name = "actors"
    requires = ("spacy",)
    provides = ("actors",)

    def __call__(self, work: Work) -> None:
        groups: dict[tuple[str, str], list[Mention]] = {}
        names: dict[tuple[str, str], str] = {}
        for ent in work.spacy.ents:
            kind = KIND_BY_LABEL.get(ent.label_)
            if kind is None or in_non_text(work, ent.start_char, ent.end_char):
                continue
            text = work.text[ent.start_char:ent.end_char]
            key = (kind, slug(text))
            groups.setdefault(key, []).append(Mention(ent.start_char, ent.end_char, text, "name"))
            names.setdefault(key, text)
        for i, (key, mentions) in enumerate(groups.items(), start=1):
            kind, key_slug = key
            work.actors.append(Actor(
                id=f"A{i}", canonical=f"ng:{key_slug}", name=names[key], kind=kind, code=None, country=None,
                sector=None, wikidata=None, mentions=tuple(mentions), why=f"spaCy entity {kind}; not in the actor base",
            ))
