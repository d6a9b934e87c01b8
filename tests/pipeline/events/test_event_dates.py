"""Issue 19: every event has a `when`, its own from the text when the text gives one, else the date of
its report; and no event reported as done is dated after its report."""

from pathlib import Path

import pytest

import newsgraph
from newsgraph.evaluation import DateCheck
from newsgraph.schema import validate_document

from conftest import ROOT

pytestmark = pytest.mark.model


def whens(text, published="2023-09-05"):
    doc = newsgraph.extract(text, published=published)
    validate_document(doc.to_dict())
    return {e.trigger.text: e.when for e in doc.events}


def test_an_event_without_a_time_of_its_own_takes_the_date_of_its_report():
    w = whens("La Russie a accusé l'Ukraine de sabotage.")["accusé"]
    assert (w.time, w.value, w.source, w.end) == (None, "2023-09-05", "published", None)


def test_an_event_with_a_time_of_its_own_says_so():
    w = whens("Lundi, la Russie a accusé l'Ukraine de sabotage.")["accusé"]
    assert (w.value, w.source) == ("2023-09-04", "text") and w.time is not None


def test_an_event_dated_by_a_range_takes_its_begin_and_keeps_its_end():
    w = whens("Le président iranien rencontrera son homologue français du 12 au 15 octobre.")["rencontrera"]
    assert (w.value, w.end, w.source) == ("2023-10-12", "2023-10-15", "text")


def test_an_event_done_is_not_dated_after_its_report():
    # the text's date lies after the report: it cannot be the date of a bombing reported as done
    w = whens("La Russie a bombardé Kiev le 20 septembre.", published="2023-09-05")["bombardé"]
    assert (w.value, w.source) == ("2023-09-05", "published")


def test_a_planned_event_may_lie_ahead():
    w = whens("Le président français se rendra à Pékin la semaine prochaine pour rencontrer Xi Jinping.")
    assert any(x.source == "text" and x.value > "2023-09-05" for x in w.values())


def test_no_publication_date_no_guess():
    w = whens("La Russie a accusé l'Ukraine de sabotage.", published=None)["accusé"]
    assert w is None
    w = whens("Mardi, la Russie a accusé l'Ukraine de sabotage.", published=None)["accusé"]
    assert (w.value, w.source) == ("XXXX-WXX-2", "text")


def test_the_issue_example_a_2017_event_stays_in_2017():
    text = ("Asie : divers pays arabes rompent leurs relations diplomatiques avec le Qatar\n\n6 juin 2017 . – Dans la nuit "
            "du dimanche, l'Arabie saoudite, l'Égypte et le Bahreïn ont rompu leurs relations diplomatiques avec le Qatar.\n")
    doc = newsgraph.extract(text)
    assert (doc.document.published, doc.document.published_source) == ("2017-06-06", "dateline")
    assert [t.value for t in doc.times if t.text == "la nuit du dimanche"] == ["2017-06-04TNI"]
    assert doc.events and all(e.when.value.startswith("2017-06-0") for e in doc.events)


def test_every_event_of_the_demo_has_a_date_and_none_is_after_its_report():
    from newsgraph.ingest.readers import read_path
    from newsgraph.pipeline.runner import get_pipeline

    check = DateCheck()
    records = [r for p in sorted((ROOT / "examples").glob("*.txt")) for r in read_path(Path(p))]
    for doc in get_pipeline().run_many(records):
        assert doc.document.published_source == "dateline", doc.document.id
        check.add(doc)
    assert check.events >= 50
    assert not check.undated, check.undated
    assert not check.after_publication, check.after_publication
