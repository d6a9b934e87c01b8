"""Property-based tests: arbitrary Unicode (right-to-left, combining marks, emoji, control characters),
unbalanced and nested quotation marks, HTML fragments, a 1 MB single line, a 10,000-sentence article.
Invariants: no exception escapes but the documented ones, every span is exact, every id referenced
exists, and every document validates against the contract's JSON Schema."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.pipeline.langid import identify_language
from newsgraph.pipeline.repair import matching_text, repair_text
from newsgraph.schema import validate_document

FRENCH = ["Le président russe a rencontré son homologue chinois à Pékin.", "« Nous ne céderons pas », a déclaré le ministre.",
          "La France a condamné l'attaque contre l'Ukraine le 3 mars 2022.", "Selon l'ONU, les combats ont repris lundi.",
          "L'armée syrienne a bombardé des positions rebelles près d'Alep."]
ODD = ["\u202e", "\u200f", "שלום", "مرحبا", "e\u0301\u0301", "🙂", "👩‍👩‍👧", "\x00", "\x07", "\r", "\ufeff", "«", "»", "“", "”", '"',
       "<script>", "</b>", "\ud800", "\udfff", "a\udc80b", "<img src=x onerror=alert(1)>", "&amp;", "&#x27;", "\t", "\n\n", "2019quelques", "famineLa"]

pieces = st.one_of(st.sampled_from(FRENCH), st.sampled_from(ODD), st.text(max_size=40))
documents = st.lists(pieces, min_size=1, max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_repair_keeps_offsets_exact(text):
    r = repair_text(text)
    for rep in r.repairs:
        assert r.text[rep.start:rep.end] == rep.after
    for n in r.non_text:
        assert 0 <= n.start <= n.end <= len(r.text)
    assert len(matching_text(r.text, r.non_text)) == len(r.text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_langid_never_fails(text):
    lang, prob = identify_language(text)
    assert lang is None or isinstance(lang, str) and 0.0 <= prob <= 1.0


def check(doc):
    data = doc.to_dict()
    validate_document(data)  # spans match the text, referenced ids exist, the schema holds
    assert newsgraph.Document.from_dict(data) == doc


@pytest.mark.model
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_extract_on_arbitrary_input(text):
    try:
        doc = newsgraph.extract(text, published="2023-09-05")
    except newsgraph.InputError:
        return  # empty, or not French: a documented rejection
    check(doc)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "« Ouverture jamais fermée. Le président a parlé. « Encore » et « encore.",
    "« Il a dit : “ nous partirons ” et « nous reviendrons » », a déclaré le ministre russe.",
    "<p>Le <b>président</b> français a reçu <i>le chancelier</i> allemand.</p><script>alert(1)</script>",
    "»»» ««« Le Kremlin a nié. «",
])
def test_quotes_and_html_fragments(text):
    check(newsgraph.extract(text, published="2020-01-01"))


@pytest.mark.model
def test_one_megabyte_single_line():
    line = " ".join(FRENCH) + " "
    text = (line * (1_000_000 // len(line) + 1))[:1_000_000]
    assert "\n" not in text
    doc = newsgraph.extract(text, published="2022-05-01")
    assert len(doc.document.text) >= 999_000
    check(doc)


@pytest.mark.model
def test_ten_thousand_sentences():
    text = "Titre\n\n" + " ".join(FRENCH[i % len(FRENCH)] for i in range(10_000))
    doc = newsgraph.extract(text, published="2022-05-01")
    assert len(doc.events) > 1000
    check(doc)
