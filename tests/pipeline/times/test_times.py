from datetime import date

import pytest

from newsgraph.lang import get_profile
from newsgraph.pipeline.times import resolve, tag_times

DCT = date(2023, 9, 5)  # a Tuesday
FR = get_profile("fr")


def values(text, dct=DCT, doc=None):
    return {text[h.start:h.end]: h.value for h in resolve(tag_times(text, dct, FR), dct, FR, doc)}


@pytest.mark.parametrize("text, expr, value", [
    ("Mis à jour mardi 5 septembre 2023", "mardi 5 septembre 2023", "2023-09-05"),
    ("La réunion a eu lieu en avril 2019.", "avril 2019", "2019-04"),
    ("En juillet dernier, il était en visite.", "juillet dernier", "2023-07"),
    ("comme il l'a fait l'année dernière", "l'année dernière", "2022"),
    ("il y a trois mois", "il y a trois mois", "2023-06"),
    ("il y a quelques mois", "il y a quelques mois", "PAST_REF"),
    ("ça pourrait changer ce même septembre", "ce même septembre", "2023-09"),
    ("en début de semaine prochaine", "début de semaine prochaine", "2023-W37"),
    ("Pékin vend depuis 18 mois", "18 mois", "P18M"),
    ("Le sommet a lieu chaque année.", "chaque année", "P1Y"),
    ("début 2016", "début 2016", "2016"),
    ("à la mi-mars", "mi-mars", "2023-03"),
    ("à 17h59", "17h59", "2023-09-05T17:59"),
    ("dans les années 1990", "les années 1990", "199X"),
])
def test_values(text, expr, value):
    assert values(text).get(expr) == value


@pytest.mark.parametrize("text", [
    "Il a été élu.", "sa femme", "La planète Mars est rouge.", "fr-01", "Un homme de 38 ans a été arrêté.",
    "Les 2000 soldats", "sept soldats",
])
def test_no_false_hits(text):
    assert values(text) == {}


def test_anaphora_takes_the_last_date():
    v = values("Le 12 juillet 2023, il est arrivé. Ce jour-là, il a parlé. Le lendemain, il est parti.")
    assert v["Ce jour-là"] == "2023-07-12" and v["Le lendemain"] == "2023-07-13"


@pytest.mark.model
def test_weekday_follows_the_tense():
    from newsgraph.pipeline.nlp import load_model

    nlp = load_model(FR)
    past = "Lundi, le Conseil a averti Moscou."
    future = "Le président se rendra à Pékin lundi."
    assert values(past, doc=nlp(past))["Lundi"] == "2023-09-04"
    assert values(future, doc=nlp(future))["lundi"] == "2023-09-11"


@pytest.mark.model
def test_seed_times(seed_doc):
    got = {(t.text, t.value) for t in seed_doc.times}
    for text, value in [("mardi 5 septembre 2023", "2023-09-05"), ("avril 2019", "2019-04"), ("ce même septembre", "2023-09"),
                        ("début de semaine prochaine", "2023-W37"), ("toute l’année", "2023"), ("il y a quelques mois", "PAST_REF"),
                        ("l’année dernière", "2022"), ("juillet dernier", "2023-07"), ("août", "2023-08"), ("18 mois", "P18M"),
                        ("Lundi", "2023-09-04")]:
        assert (text, value) in got, (text, value)
