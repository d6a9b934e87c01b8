"""Event coding: hand-made sentences for each grammar rule, and the quality floor on the development gold."""

import json

import pytest

import newsgraph
from newsgraph.cameo import PLOVER_TYPES
from newsgraph.lang import get_profile
from newsgraph.schema import validate_document

from conftest import FIXTURES, SEED

pytestmark = pytest.mark.model

# Floors (bench/events.py), only ever raised. The check part of the development corpus is the guide
# to news the coder has never seen: rules are written from the tune part only. The four documents of
# the first development gold keep a recall floor.
RECALL_FLOOR = 0.74
CHECK_PRECISION_FLOOR = 0.46
CHECK_RECALL_FLOOR = 0.245
CHECK_F1_FLOOR = 0.32


def test_lexicon_size():
    lex = get_profile("fr").lexicon
    assert len(lex.entries) >= 4000 and not lex.duplicates, lex.duplicates[:5]
    assert lex.preps and lex.long_nouns and lex.long_locutions
    per_type = {t: 0 for t in PLOVER_TYPES}
    for e in lex.entries:
        per_type[e.event] += 1
    assert all(n >= 10 for n in per_type.values()), per_type


def coded(text, published="2023-09-05"):
    doc = newsgraph.extract(text, published=published)
    codes = {a.id: a.code for a in doc.actors}
    return doc, [(e.event, tuple(codes[a] for a in e.actors), tuple(codes[a] for a in e.recipients), e.status) for e in doc.events]


def test_active_and_passive():
    _, ev = coded("La Russie a accusé l'Ukraine de sabotage.")
    assert ("ACCUSE", ("RUS",), ("UKR",), "asserted") in ev
    _, ev = coded("L'Ukraine a été accusée par la Russie de sabotage.")
    assert ("ACCUSE", ("RUS",), ("UKR",), "asserted") in ev


def test_compound_and_reciprocal():
    _, ev = coded("La France et l'Allemagne ont condamné l'Iran.")
    assert ("ACCUSE", ("FRA", "DEU"), ("IRN",), "asserted") in ev
    _, ev = coded("Le président russe et son homologue chinois se sont rencontrés à Pékin.")
    assert any(e[0] == "CONSULT" and set(e[1]) == {"RUSGOV", "CHNGOV"} for e in ev)


def test_status():
    _, ev = coded("Le Japon enverra des troupes au Soudan.")  # future aid is the intent of it (PLOVER: AGREE)
    assert any(e[0] == "AGREE" and e[3] == "planned" for e in ev)
    _, ev = coded("La Russie et la Chine vont coopérer dans le domaine spatial.")
    assert any(e[0] == "AGREE" and e[3] == "planned" for e in ev) and not any(e[0] == "COOPERATE" for e in ev)
    _, ev = coded("La Chine pourrait aider les États-Unis.")
    assert ("AID", ("CHN",), ("USA",), "hypothetical") in ev
    _, ev = coded("La Chine pourrait sanctionner les États-Unis.")  # a hostile act that may come is a threat (PLOVER)
    assert ("THREATEN", ("CHN",), ("USA",), "asserted") in ev
    _, ev = coded("L'Inde n'a pas condamné la Russie.")
    assert ("ACCUSE", ("IND",), ("RUS",), "negated") in ev
    _, ev = coded("En 2019, le Brésil a signé un accord avec l'Argentine.")
    assert any(e[0] == "AGREE" and e[3] == "historical" for e in ev)
    # announcing an act already done is no plan
    _, ev = coded("La Corée du Nord annonce avoir tiré un missile balistique.")
    assert [e[3] for e in ev if e[0] == "MOBILIZE"] == ["asserted"]
    _, ev = coded("La Russie a annoncé qu'elle enverra des troupes en Syrie.")
    assert [e[3] for e in ev if e[0] == "AGREE"] == ["planned"]  # aid to come: its intent


def test_nominal_and_light_verb():
    # cancelling a visit reduces relations (PLOVER codes it SANCTION); the visitor is the noun's complement
    _, ev = coded("La visite du président français à Moscou a été annulée.")
    assert ("SANCTION", ("FRAGOV",), ("RUSGOV",), "asserted") in ev
    _, ev = coded("Un ministre français a annulé une visite prévue en Haïti.")
    assert ("SANCTION", ("FRAGOV",), ("HTI",), "asserted") in ev
    _, ev = coded("Moscou a exercé son droit de veto sur la résolution.")
    assert any(e[0] == "REJECT" and e[1] == ("RUSGOV",) for e in ev)


def test_attribution_and_denial_claim():
    doc, ev = coded("Les États-Unis ont affirmé que la Corée du Nord livrait des obus à la Russie. "
                    "Le régime nord-coréen a nié cela.")
    aid = next(e for e in doc.events if e.event == "AID")
    assert aid.attributed_to is not None
    assert {a.code for a in doc.actors if a.id == aid.attributed_to} == {"USA"}
    reject = next(e for e in doc.events if e.event == "REJECT")
    assert doc.claims and doc.claims[0].event == aid.id and reject.id in doc.claims[0].denials


def test_denied_event_only_inside_the_denial_is_negated():
    doc, ev = coded("Le Kremlin a nié avoir livré des armes au Hamas.")
    assert any(e[0] == "AID" and e[3] == "negated" for e in ev)
    assert any(e[0] == "REJECT" and e[3] == "asserted" for e in ev)


def test_event_fields(seed_doc):
    validate_document(seed_doc.to_dict())
    for e in seed_doc.events:
        assert e.goldstein is not None and e.quad_class in (1, 2, 3, 4)
        assert e.why.startswith("lexicon ")
        assert seed_doc.document.text[e.trigger.start:e.trigger.end] == e.trigger.text


def test_quality_floor_on_development_gold():
    from newsgraph.evaluation import EventScore, score_events
    from newsgraph.ingest.readers import read_path
    from newsgraph.pipeline.runner import get_pipeline

    total = EventScore()
    for path in sorted((FIXTURES / "gold").glob("*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = SEED if gold["doc"] == SEED.stem else FIXTURES / "winer" / f"{gold['doc']}.txt"
        (rec,) = list(read_path(text))
        total.add(score_events(gold, get_pipeline().run(rec).to_dict()))
    assert total.recall >= RECALL_FLOOR, total.misses


def test_quality_floor_on_the_check_part():
    """Scored in aggregate only: the check articles' errors are never printed."""
    from newsgraph import extract_many
    from newsgraph.evaluation import EventScore, score_events

    dev = FIXTURES / "devcorpus"
    check = [line.split("\t")[0] for line in (dev / "split.tsv").read_text("utf-8").splitlines()
             if line and not line.startswith("#") and line.split("\t")[1].strip() == "check"]
    golds = [json.loads((dev / "gold" / f"{d}.gold.json").read_text("utf-8")) for d in check]
    records = []
    for d, g in zip(check, golds):
        text = (dev / "text" / f"{d}.txt").read_text("utf-8")
        lines = text.split("\n")
        records.append({"id": d, "text": text, "published": g["published"],
                        "title": lines[0].strip() if len(lines) > 2 and not lines[1].strip() else None})
    total = EventScore()
    for g, doc in zip(golds, extract_many(records)):
        total.add(score_events(g, doc.to_dict()))
    assert len(check) == 26
    assert total.precision >= CHECK_PRECISION_FLOOR and total.recall >= CHECK_RECALL_FLOOR and total.f1 >= CHECK_F1_FLOOR, \
        f"check part: P {total.precision:.3f} R {total.recall:.3f} F1 {total.f1:.3f}"


ONE_PER_TYPE = [
    ("L'Iran et les États-Unis ont conclu un accord sur le nucléaire.", "AGREE", {"IRN", "USA"}),
    ("Le président français a rencontré le Premier ministre indien à New Delhi.", "CONSULT", {"FRA", "IND"}),
    ("L'Union européenne a salué les efforts du Maroc.", "SUPPORT", {"IGO", "MAR"}),
    ("Le gouvernement vénézuélien a cédé aux demandes de l'opposition.", "CONCEDE", {"VEN"}),
    ("La Russie et la Chine ont coopéré dans le domaine spatial.", "COOPERATE", {"RUS", "CHN"}),
    ("Le Japon a envoyé une aide humanitaire au Népal.", "AID", {"JPN", "NPL"}),
    ("Israël a libéré vingt prisonniers palestiniens.", "RETREAT", {"ISR", "PSE"}),
    ("L'ONU a exhorté la Birmanie à cesser les violences.", "REQUEST", {"IGO", "MMR"}),
    ("Le Royaume-Uni a accusé la Russie d'avoir empoisonné un ancien espion.", "ACCUSE", {"GBR", "RUS"}),
    ("La Hongrie a rejeté la proposition de la Commission européenne.", "REJECT", {"HUN"}),
    ("La Corée du Nord a menacé le Japon de représailles.", "THREATEN", {"PRK", "JPN"}),
    ("Des milliers de manifestants ont manifesté contre le gouvernement serbe à Belgrade.", "PROTEST", {"SRB"}),
    ("Le Canada a expulsé quatre diplomates russes.", "SANCTION", {"CAN", "RUS"}),
    ("La Turquie a déployé des troupes à la frontière syrienne.", "MOBILIZE", {"TUR"}),
    ("La police égyptienne a arrêté trois journalistes au Caire.", "COERCE", {"EGY"}),
    ("L'aviation russe a bombardé des positions rebelles près d'Alep.", "ASSAULT", {"RUS", "SYR"}),
]


@pytest.mark.parametrize("text, event, countries", ONE_PER_TYPE, ids=[t[1] for t in ONE_PER_TYPE])
def test_one_sentence_per_plover_type(text, event, countries):
    doc, ev = coded(text, published="2021-06-01")
    got = [e for e in ev if e[0] == event]
    assert got, ev
    assert countries <= {c[:3] for e in got for c in e[1] + e[2]}, got


def _codes(doc):
    by_id = {a.id: a.code for a in doc.actors}
    return by_id, [(e.event, [by_id[a] for a in e.actors], [by_id[r] for r in e.recipients]) for e in doc.events]


def test_places_that_name_things_do_not_act():
    # a city that names an accord, or the first word of a longer name, is no government
    doc = newsgraph.extract("La Chine a ratifié l'accord de Paris sur le climat. Paris Saint-Germain a remporté le match.",
                            published="2016-09-03")
    by_id, events = _codes(doc)
    assert "FRAGOV" not in by_id.values()
    assert ("AGREE", ["CHN"], []) in events
    # a participle hung on the place where something happened does not make the place act
    by_id, events = _codes(newsgraph.extract("Il a rappelé le discours d'Obama en 2009 à Prague appelant à un monde sans armes "
                                             "nucléaires.", published="2016-12-23"))
    assert not any("CZE" in code for _, actors, _ in events for code in actors)


def test_own_things_and_own_government_are_not_targets():
    doc = newsgraph.extract("Israël a annoncé vouloir poursuivre ses opérations militaires. "
                            "Barack Obama a quitté la Maison-Blanche.", published="2017-01-28")
    by_id, events = _codes(doc)
    assert "ISRMIL" not in by_id.values()  # "ses opérations militaires" are Israel's, not a group's
    assert not any(set(actors) & set(recipients) for _, actors, recipients in events)
    assert events == []


def test_object_clitics_and_answers():
    # "l'" is the last actor named before it that is not the event's own actor
    doc = newsgraph.extract("Donald Trump a parlé à Hillary Clinton, qui l'a félicité pour la victoire.", published="2016-11-09")
    names = {a.id: a.name for a in doc.actors}
    assert [([names[a] for a in e.actors], [names[r] for r in e.recipients]) for e in doc.events if e.event == "SUPPORT"] == \
        [(["Hillary Clinton"], ["Donald Trump"])]
    _, events = _codes(newsgraph.extract("La Russie a condamné l'Ukraine. Les États-Unis l'ont aussi condamnée.",
                                         published="2016-11-09"))
    assert ("ACCUSE", ["USA"], ["UKR"]) in events  # a subject under avoir that the parser calls passive
    # a refusal that gives a reason, not a content, answers the last demand of another party
    _, events = _codes(newsgraph.extract("Le gouvernement ukrainien a exigé le contrôle de la frontière. "
                                         "La Russie a refusé au motif que cela violerait les accords.", published="2016-01-31"))
    assert ("REJECT", ["RUS"], ["UKRGOV"]) in events


def test_domestic_and_foreign_groups():
    by_id, events = _codes(newsgraph.extract(
        "La Syrie a bombardé les rebelles syriens. L'armée irakienne quitte le nord de l'Irak. "
        "Kim Jong-un a décidé d'arrêter ses programmes nucléaires. Des milices soutenues par l'Iran ont attaqué.",
        published="2018-04-21"))
    assert ("ASSAULT", ["SYR"], ["SYRREB"]) in events  # rebels are not their country's state
    assert not any(actors == ["IRQMIL"] and recipients == ["IRQ"] for _, actors, recipients in events)
    assert not any(e == "COERCE" for e, _, _ in events)  # "arrêter" a programme arrests nobody
    assert "IRNREB" not in by_id.values()  # supported by Iran, not Iranian


def test_one_actor_named_twice_is_one_participant():
    by_id, events = _codes(newsgraph.extract("Le président de la Corée du Nord Kim Jong-un a rencontré le président sud-coréen.",
                                             published="2018-04-21"))
    assert ("CONSULT", ["PRKGOV"], ["KORGOV"]) in events


def test_military_objects_and_their_owners():
    by_id, events = _codes(newsgraph.extract(
        "Les États-Unis bombardent une base syrienne. Des avions de combat russes ont frappé une base rebelle près d'Alep.",
        published="2017-04-07"))
    assert ("ASSAULT", ["USA"], ["SYRMIL"]) in events  # a base is the army's
    assert ("ASSAULT", ["RUSMIL"], ["SYRREB"]) in events  # a rebel base, in Syria by the place named
