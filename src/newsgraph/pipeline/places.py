"""The place stage: location mentions grouped into document places.

Foundation version: spaCy LOC entities become places without coordinates."""

from __future__ import annotations

from newsgraph.model import Place, PlaceMention
from newsgraph.pipeline.actors import in_non_text, slug
from newsgraph.pipeline.work import Work
from newsgraph.registry import stages


@stages.register("places.ner.v1")
class PlaceStage:
    name = "places"
    requires = ("spacy", "actors")
    provides = ("places",)

    def __call__(self, work: Work) -> None:
        groups: dict[str, list[PlaceMention]] = {}
        names: dict[str, str] = {}
        for ent in work.spacy.ents:
            if ent.label_ != "LOC" or in_non_text(work, ent.start_char, ent.end_char):
                continue
            text = work.text[ent.start_char:ent.end_char]
            groups.setdefault(slug(text), []).append(PlaceMention(ent.start_char, ent.end_char, text))
            names.setdefault(slug(text), text)
        for i, (key, mentions) in enumerate(groups.items(), start=1):
            work.places.append(Place(f"P{i}", names[key], None, None, None, None, tuple(mentions)))
