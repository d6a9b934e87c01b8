import json

import pytest

from newsgraph.model import Document
from newsgraph.schema import validate_document

pytestmark = pytest.mark.model


def test_seed_validates_against_contract(seed_doc):
    assert isinstance(seed_doc, Document)
    validate_document(seed_doc.to_dict())


def test_round_trip_is_exact(seed_doc):
    d = seed_doc.to_dict()
    again = Document.from_dict(json.loads(json.dumps(d)))
    assert again == seed_doc
    assert again.to_dict() == d


def test_document_fields(seed_doc):
    info = seed_doc.document
    assert info.id == "000_f0b6dedbf44acbc7"
    assert info.published == "2023-09-05"
    assert info.language == "fr"
    assert info.title.startswith("Un nouveau front uni")
    assert info.text.startswith(info.title)
    assert info.pipeline.startswith("newsgraph ") and "fr_core_news_md 3.8.0" in info.pipeline
    assert "2019 quelques" in info.text
    kinds = {n.kind for n in info.non_text}
    assert {"photo-credit", "tag"} <= kinds


def test_no_entity_inside_non_text(seed_doc):
    spans = [(n.start, n.end) for n in seed_doc.document.non_text]
    for actor in seed_doc.actors:
        for m in actor.mentions:
            assert not any(s < m.end and m.start < e for s, e in spans), m
