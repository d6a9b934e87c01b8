import json

import pytest

import newsgraph
from newsgraph.lang import get_profile
from newsgraph.pipeline.quotes import find_direct

WORDS = get_profile("fr").words

from conftest import FIXTURES, SEED

pytestmark = pytest.mark.model

QUOTE_RECALL_FLOOR = 0.94
SPEAKER_FLOOR = 0.83
# the check part of the development corpus (tests/fixtures/devcorpus, split.tsv): scored, never read
# for rules; floors from `python bench/quotes.py`, only ever raised
CHECK_SPEAKER_F1_FLOOR = 0.67
CHECK_RECALL_FLOOR = 0.79
CHECK_PRECISION_FLOOR = 0.81


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


def test_irregular_reporting_forms_are_read():
    forms = get_profile("fr").verb_forms
    assert forms["dément"] == "démentir" and forms["décrit"] == "décrire" and forms["disait"] == "dire"


def test_inserted_cue_pronoun_and_a_quote_going_on():
    qs = speakers("Le ministre polonais de la Défense, Antoni Wiśniewski, était présent. « Nous avons attendu très longtemps », "
                  "a-t-il dit aux soldats. « Nous avons attendu des décennies, parfois seuls. »", published="2017-01-21")
    assert [q[1][:3] for q in qs] == ["POL", "POL"]
    assert qs[0][3] == "a-t-il dit" and qs[1][3] is None


def test_colon_selon_lui_and_a_quote_over_paragraphs():
    qs = speakers("Le porte-parole du Kremlin est resté ferme : « Nous ne reculerons pas devant les menaces. »")
    assert qs[0][1] == "RUSGOV"
    qs = speakers("Le président russe a reçu la presse. Selon lui, « les sanctions n'ont aucun effet sur notre économie ».")
    assert qs[0][1] == "RUSGOV" and qs[0][3] == "Selon"
    qs = speakers("Le ministre russe des Affaires étrangères a déclaré : « Nous sommes prêts.\n\n« Nous attendons une réponse "
                  "de Washington. »")
    assert len(qs) == 1 and qs[0][1] == "RUSGOV" and "Nous attendons" in qs[0][0]


def test_partial_quotes_take_the_subject_of_their_clause():
    qs = speakers("La junte birmane a qualifié les manifestants de « traîtres à la nation ».")
    assert qs == [("traîtres à la nation", "MMRMIL", True, "a qualifié")]
    qs = speakers("Le ministre turc a parlé d'un « montage grossier des services occidentaux ».")
    assert qs[0][1] == "TURGOV" and qs[0][3] == "a parlé"


def test_speakers_described_not_named():
    assert speakers("« Nous n'avons rien à cacher », a déclaré un porte-parole du Pentagone.")[0][1] == "USAMIL"
    assert speakers("Des responsables américains ont affirmé que l'attaque était imminente.")[0][1] == "USAGOV"
    assert speakers("La télévision d'État iranienne a annoncé que le navire avait été saisi.")[0][1] == "IRNMED"
    assert speakers("Le gouvernement du Qatar a affirmé que ces informations étaient fausses.")[0][1] == "QATGOV"
    assert speakers("Un responsable du ministère russe de la Défense a déclaré que les frappes continueraient.")[0][1] == "RUSMIL"


def test_a_speaker_that_is_not_certain_stays_null_and_says_why():
    doc = newsgraph.extract("« Nous ne partirons pas », a déclaré un témoin.", published="2020-01-01")
    (q,) = doc.quotes
    assert q.speaker is None and "names an actor" in q.why and "speaker unknown" in q.why


def test_cues_and_inserted_cues_of_reported_speech():
    qs = speakers("Le Kremlin a fait savoir que la réunion était reportée.")
    assert qs == [("la réunion était reportée", "RUSGOV", False, "a fait savoir")]
    qs = speakers("Le ministre camerounais a démenti que des soldats aient été tués.")
    assert qs[0][1] == "CMRGOV" and qs[0][3] == "a démenti"
    qs = speakers("Des civils pourraient faire partie des otages libérés, a indiqué le ministre camerounais.")
    assert qs == [("Des civils pourraient faire partie des otages libérés", "CMRGOV", False, "a indiqué")]
    qs = speakers("Le bilan pourrait encore s'alourdir, estime-t-il.", published="2020-01-01")
    assert len(qs) == 1 and qs[0][2] is False


def test_a_group_with_no_country_speaks_for_the_country_of_the_article():
    text = ("Le gouvernement malien a annoncé lundi un couvre-feu à Bamako. Le Mali est en crise depuis 2012. "
            "Le président malien a quitté Bamako. Les rebelles ont affirmé que la ville était encerclée.")
    qs = speakers(text)
    assert ("la ville était encerclée", "MLIREB", False, "ont affirmé") in qs
    assert speakers("Les rebelles ont affirmé que la ville était encerclée.") == [
        ("la ville était encerclée", None, False, "ont affirmé")]  # no country to give them


def test_the_writer_and_headlines_are_not_sources():
    assert speakers("Rappelons que le pays est en crise depuis deux ans.") == []
    assert speakers("On note que le pays est en crise depuis deux ans.") == []
    assert speakers("La Russie menace d'utiliser l'article 155 contre ses voisins.") == []
    assert speakers("Un article (« UE : révision du mode de financement des missions ») est paru.") == []


def _check_part():
    split = FIXTURES / "devcorpus" / "split.tsv"
    for line in split.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#") and line.split("\t")[1] == "check":
            doc_id = line.split("\t")[0]
            yield (json.loads((FIXTURES / "devcorpus" / "gold" / f"{doc_id}.gold.json").read_text("utf-8")),
                   FIXTURES / "devcorpus" / "text" / f"{doc_id}.txt")


def test_quality_floor_on_the_check_part():
    """Quotes with the right speaker on the 26 articles of the check part, in aggregate only (their
    errors are never printed: rules are written from the tune part)."""
    from newsgraph.evaluation import QuoteScore, score_quotes
    from newsgraph.ingest.readers import read_path
    from newsgraph.pipeline.runner import get_pipeline

    total = QuoteScore()
    for gold, text in _check_part():
        (rec,) = list(read_path(text))
        score = score_quotes(gold, get_pipeline().run(rec).to_dict())
        score.errors = []  # never shown, not even by a failing assertion
        total.add(score)
    f1, recall, precision = total.speaker_f1, total.recall, total.precision
    del total
    assert f1 >= CHECK_SPEAKER_F1_FLOOR
    assert recall >= CHECK_RECALL_FLOOR
    assert precision >= CHECK_PRECISION_FLOOR


def test_the_seed_keeps_its_seven_quotes_and_speakers(seed_doc):
    from newsgraph.evaluation import score_quotes

    s = score_quotes(json.loads((FIXTURES / "gold" / f"{SEED.stem}.gold.json").read_text("utf-8")), seed_doc.to_dict())
    assert (s.gold, s.found, s.speaker_ok) == (7, 7, 7), s.errors


def test_two_quotes_before_one_cue_and_pour_x_inside_a_sentence():
    qs = speakers("« Nous avons commis des erreurs et nos voisins l'ont vu » , mais « nous avons appris la leçon » , "
                  "a affirmé le président ukrainien.")
    assert [s for _, s, _, _ in qs] == ["UKRGOV", "UKRGOV"]
    qs = speakers("Le président ukrainien a salué les diplomates tandis que, pour le président russe, "
                  "« la guerre doit cesser au plus vite ».")
    assert ("la guerre doit cesser au plus vite", "RUSGOV", True) in [q[:3] for q in qs]


def test_attributions_after_a_connector_and_a_subject_set_off_by_commas():
    qs = speakers("Cependant, pour le ministre russe, les troupes ukrainiennes ont quitté la ville.")
    assert ("les troupes ukrainiennes ont quitté la ville", "RUSGOV", False) in [q[:3] for q in qs]
    qs = speakers("Selon le ministre russe, les policiers, lors de leur perquisition, ont trouvé des armes.")
    assert [q[:3] for q in qs] == [("les policiers, lors de leur perquisition, ont trouvé des armes", "RUSGOV", False)]
    qs = speakers("Le tribunal ukrainien a établi que les fonds avaient été détournés.")
    assert [q[1:3] for q in qs] == [("UKRJUD", False)]


def test_a_subject_pronoun_the_parser_took_for_impersonal():
    qs = speakers("Dmytro Kouleba est un ancien diplomate. À son arrestation, il déclare à la police « Nous ne céderons "
                  "jamais rien. »", published="2023-03-01")
    assert [q[1] for q in qs] == ["UKRGOV"]


def test_a_group_heard_on_the_spot_and_reports_selon_lesquelles():
    text = ("Le gouvernement malien a annoncé lundi un couvre-feu à Bamako. Le Mali est en crise depuis 2012. "
            "Le président malien a quitté Bamako. Selon des policiers présents sur les lieux, les assaillants "
            "auraient fui vers le nord.")
    assert ("les assaillants auraient fui vers le nord", "MLICOP", False, "Selon") in speakers(text)
    qs = speakers("Le Canard enchaîné a révélé des informations selon lesquelles le ministre aurait été payé par "
                  "son parti.")
    assert [(q[0], q[1], q[2]) for q in qs] == [("le ministre aurait été payé par son parti", "FRAMED", False)]
    assert speakers("La rumeur selon laquelle le ministre démissionnerait a circulé.") == []  # no one says it


def test_a_document_made_by_someone_speaks_for_its_author():
    qs = speakers("Selon un rapport publié par Amnesty International, les prisonniers ont été torturés.")
    assert [(q[0], q[1], q[2]) for q in qs] == [("les prisonniers ont été torturés", "NGOHRI", False)]


def test_a_verb_whose_subject_comes_before_it_is_no_inserted_cue():
    qs = speakers("Pour le journal Le Monde, ce blocage est « intolérable » et Louis Dreyfus, président du directoire "
                  "du journal, a dénoncé une atteinte à la liberté.")
    assert not any(q[0].startswith("Pour le journal") for q in qs)


def test_an_attribution_before_a_cleft_sentence():
    qs = speakers("Pour le ministre malien de la Défense, c'est lui qui a poussé les rebelles à attaquer.")
    assert [(q[1], q[2]) for q in qs] == [("MLIMIL", False)]


def test_what_follows_the_comma_after_selon_x_is_said_even_when_parsed_as_its_conjunct():
    qs = speakers("Les syndicats français ont organisé des manifestations. Selon ces derniers, Paris et Marseille ont "
                  "notamment été traversés par des cortèges de 60 000 protestataires.")
    assert [q[0][:18] for q in qs] == ["Paris et Marseille"]
