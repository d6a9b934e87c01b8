"""Issue 19: dates users can trust. Ranges as intervals, more French expressions, and no value taken from
the machine's clock when there is no publication date."""

from datetime import date

import pytest

from newsgraph.lang import get_profile
from newsgraph.pipeline.times import find_times

DCT = date(2023, 9, 5)  # a Tuesday
FR = get_profile("fr")


def found(text, dct=DCT, doc=None):
    return {text[h.start:h.end]: (h.value, h.interval) for h in find_times(text, dct, FR, doc)}


@pytest.mark.parametrize("text, expr, begin, end, length", [
    ("La conférence se tiendra du 12 au 15 mars.", "du 12 au 15 mars", "2023-03-12", "2023-03-15", "P3D"),
    ("Le sommet a lieu du 28 février au 3 mars 2024.", "du 28 février au 3 mars 2024", "2024-02-28", "2024-03-03", "P4D"),
    ("entre le 12 et le 15 mars 2022", "entre le 12 et le 15 mars 2022", "2022-03-12", "2022-03-15", "P3D"),
    ("La guerre a fait rage entre 2014 et 2016.", "entre 2014 et 2016", "2014", "2016", "P2Y"),
    ("Le bureau est ouvert de 15h à 17h.", "de 15h à 17h", "2023-09-05T15:00", "2023-09-05T17:00", "PT2H"),
    ("de janvier à mars 2020", "de janvier à mars 2020", "2020-01", "2020-03", "P2M"),
    ("Le pays est en guerre depuis 2011.", "depuis 2011", "2011", "2023-09-05", "P12Y"),
    ("Les sanctions restent en vigueur jusqu'à fin mars.", "jusqu'à fin mars", "2023-09-05", "2024-03", "P6M"),
    ("Il est détenu depuis le 2 septembre.", "depuis le 2 septembre", "2023-09-02", "2023-09-05", "P3D"),
])
def test_ranges_are_intervals(text, expr, begin, end, length):
    value, interval = found(text)[expr]
    assert interval == (begin, end) and value == length


def test_depuis_a_weekday_looks_back_whatever_the_tense():
    assert found("Il est détenu depuis lundi.")["depuis lundi"][1] == ("2023-09-04", "2023-09-05")


def test_range_points_keep_their_spans_for_timebank():
    (hit,) = find_times("entre 2014 et 2016", DCT, FR)
    assert [(p.start, p.end, p.value) for p in hit.parts] == [(6, 10, "2014"), (14, 18, "2016")]


@pytest.mark.parametrize("text, expr, value", [
    ("Les rebelles ont attaqué à l'aube.", "l'aube", "2023-09-05TMO"),
    ("La police est intervenue dans la soirée.", "la soirée", "2023-09-05TEV"),
    ("Hier en début d'après-midi, il a parlé.", "Hier en début d'après-midi", "2023-09-04TAF"),
    ("Le 12 juillet 2023, ils sont arrivés ; en fin de journée, ils sont repartis.", "fin de journée", "2023-07-12TEV"),
    ("Le rapport sera publié à la fin du mois.", "fin du mois", "2023-09"),
    ("au début de l'année prochaine", "début de l'année prochaine", "2024"),
    ("Ils se verront jeudi de la semaine prochaine.", "jeudi de la semaine prochaine", "2023-09-14"),
    ("Il était là dimanche de la semaine dernière.", "dimanche de la semaine dernière", "2023-09-03"),
    ("Ils se verront lundi en huit.", "lundi en huit", "2023-09-18"),
    ("La réunion commence à quinze heures trente.", "quinze heures trente", "2023-09-05T15:30"),
    ("Rendez-vous à midi moins le quart.", "midi moins le quart", "2023-09-05T11:45"),
    ("Il est arrivé à 8 heures du soir.", "8 heures du soir", "2023-09-05T20:00"),
    ("L'incendie a été signalé vers 15 h 30, hier.", "15 h 30", "2023-09-04T15:30"),
    ("Il est arrivé la veille du 12 mars.", "la veille", "2023-03-11"),
    ("Le 12 juillet 2023, il est arrivé. Deux jours plus tard, il est reparti.", "Deux jours plus tard", "2023-07-14"),
    ("Il est arrivé le 16 à 18h.", "le 16", "2023-09-16"),
    ("Il est arrivé le 16 à 18h.", "18h", "2023-09-16T18:00"),
    ("Le document est daté du 20 02 2014.", "20 02 2014", "2014-02-20"),
    ("avant le 15.05.99 :", "15.05.99", "1999-05-15"),
    ("Il reviendra à Noël.", "Noël", "2023-12-25"),
    ("PARIS, 5 sept 2023 (AFP)", "5 sept 2023", "2023-09-05"),
])
def test_more_expressions(text, expr, value):
    assert found(text)[expr][0] == value


@pytest.mark.parametrize("text", [
    "Noël Mamère a parlé.", "Il habite au 10, rue Paul-Bert.", "les 2/3 des votants", "Il a 15 heures de retard.",
])
def test_no_false_dates(text):
    assert all(v[0].startswith("P") or "T" not in v[0] and len(v[0]) < 10 for v in found(text).values()), found(text)


@pytest.mark.parametrize("text, expr, value", [
    ("La France a condamné mardi l'attaque.", "mardi", "XXXX-WXX-2"),
    ("Dans la nuit du dimanche, ils ont rompu.", "la nuit du dimanche", "XXXX-WXX-7TNI"),
    ("hier", "hier", "XXXX-XX-XX"),
    ("la semaine prochaine", "la semaine prochaine", "XXXX-WXX"),
    ("il y a trois mois", "il y a trois mois", "XXXX-XX"),
    ("le 12 mars", "le 12 mars", "XXXX-03-12"),
    ("à 17h", "17h", "XXXX-XX-XXT17:00"),
    ("à l'aube", "l'aube", "XXXX-XX-XXTMO"),
    ("la veille", "la veille", "XXXX-XX-XX"),
    ("en avril 2019", "avril 2019", "2019-04"),
    ("En 2011, la guerre a commencé ; le 12 mars, la ville est tombée.", "le 12 mars", "2011-03-12"),
])
def test_no_anchor_no_guess(text, expr, value):
    """With no publication date, nothing is resolved against the machine's clock."""
    assert found(text, None)[expr][0] == value


def test_an_open_range_without_anchor_keeps_its_open_end_unknown():
    assert found("depuis 2011", None)["depuis 2011"] == ("PXY", ("2011", "PRESENT_REF"))


@pytest.mark.model
@pytest.mark.parametrize("text, expr, value", [
    ("Dimanche, des milliers de manifestants ont défilé à Paris.", "Dimanche", "2023-09-03"),
    ("Les manifestants ont défilé dimanche à Paris.", "dimanche", "2023-09-03"),
    ("La Russie a bombardé Alep dimanche.", "dimanche", "2023-09-03"),
    ("Dans la nuit du dimanche, l'Arabie saoudite a rompu ses relations avec le Qatar.", "la nuit du dimanche", "2023-09-03TNI"),
    ("Le président se rendra à Pékin dimanche.", "dimanche", "2023-09-10"),
])
def test_weekday_by_the_tense_of_its_clause(text, expr, value):
    from newsgraph.pipeline.nlp import load_model

    doc = load_model(FR)(text)
    assert found(text, DCT, doc)[expr][0] == value
