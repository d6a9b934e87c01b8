import json

import pytest

import newsgraph
from newsgraph.lang import get_profile
from newsgraph.pipeline.quotes import find_direct

WORDS = get_profile("fr").words

from conftest import FIXTURES, SEED

pytestmark = pytest.mark.model

QUOTE_RECALL_FLOOR = 0.94
SPEAKER_FLOOR = 0.77


def test_find_direct_marks():
    text = "Il a dit : « Nous partirons. » Puis “il est parti”. « Premier paragraphe.\n\n« Second paragraphe. »"
    spans = [text[s:e] for s, e in find_direct(text, WORDS)]
    assert "Nous partirons." in spans and "il est parti" in spans
    assert any(s.startswith("Premier paragraphe.") and s.endswith("Second paragraphe.") for s in spans)


def test_unbalanced_marks_do_not_crash():
    assert find_direct("« jamais fermé", WORDS) == []
    assert find_direct("» « ", WORDS) == []


def speakers(text, published="2023-09-05"):
    doc = newsgraph.extract(text, published=published)
    codes = {a.id: a.code for a in doc.actors}
    return [(q.text, codes.get(q.speaker), q.direct, q.cue.text if q.cue else None) for q in doc.quotes]


def test_cue_after_before_inverted_and_selon():
    qs = speakers("« Nous ne céderons pas », a déclaré le président ukrainien.")
    assert qs[0][1] == "UKRGOV" and qs[0][3] == "a déclaré"
    qs = speakers("Le ministre russe des Affaires étrangères a affirmé : « Nous sommes prêts à négocier. »")
    assert qs[0][1] == "RUSGOV"
    qs = speakers("« Il faut négocier maintenant avec Kiev », a-t-il déclaré après avoir rencontré le chancelier allemand.")
    assert qs and qs[0][3] == "a-t-il déclaré"
    qs = speakers("Selon la Maison-Blanche, « les discussions avancent bien et vite ».")
    assert qs[0][1] == "USAGOV"


def test_indirect_speech_and_relative_selon():
    qs = speakers("Le Kremlin a affirmé que les troupes se retiraient de la frontière.")
    assert ("les troupes se retiraient de la frontière", "RUSGOV", False, "a affirmé") in qs
    qs = speakers("La Chine a publié des informations selon lesquelles les tensions augmentent.")
    assert all(q[3] != "selon" for q in qs)


def test_scare_quotes_are_not_quotes():
    assert speakers("Le « statut particulier » du Donbass est en débat.") == []


def test_quality_floor_on_development_gold():
    from newsgraph.evaluation import QuoteScore, score_quotes
    from newsgraph.ingest.readers import read_path
    from newsgraph.pipeline.runner import get_pipeline

    total = QuoteScore()
    for path in sorted((FIXTURES / "gold").glob("*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        if not gold.get("quotes"):
            continue
        text = SEED if gold["doc"] == SEED.stem else FIXTURES / "winer" / f"{gold['doc']}.txt"
        (rec,) = list(read_path(text))
        total.add(score_quotes(gold, get_pipeline().run(rec).to_dict()))
    assert total.recall >= QUOTE_RECALL_FLOOR, total.errors
    assert total.precision >= 0.9, total.errors
    assert total.speaker_ok / total.found >= SPEAKER_FLOOR, total.errors
