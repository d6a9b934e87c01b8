import pytest

from newsgraph.lang import get_profile
from newsgraph.pipeline.dateline import find_dateline
from newsgraph.pipeline.stages import normalise_published


@pytest.mark.parametrize("text, expected", [
    ("Titre\n\nMis à jour mardi 5 septembre 2023 – 17h59\n\nLe texte.", "2023-09-05"),
    ("Le Donbass à la croisée des chemins\n\n31 janvier 2016 . –\nLe 30 décembre 2015, les accords...", "2016-01-31"),
    ("Titre\n\nPublié le 1er mars 2020 à 10h\n", "2020-03-01"),
])
def test_dateline(text, expected):
    assert find_dateline(text, get_profile("fr"))[0] == expected


def test_no_dateline_in_body_sentence():
    text = "Titre\n\n" + "Une longue phrase qui parle de choses et d'autres sans être une date de publication, " * 2 + "le 3 mai 2019, il est venu.\n"
    assert find_dateline(text, get_profile("fr")) is None


@pytest.mark.parametrize("value, expected", [
    ("2023-09-05", "2023-09-05"),
    ("2023-09-05T17:59:00+02:00", "2023-09-05T17:59:00+02:00"),
    ("Tue, 05 Sep 2023 17:59:00 GMT", "2023-09-05T17:59:00+00:00"),
    ("n'importe quoi", None),
])
def test_normalise_published(value, expected):
    assert normalise_published(value) == expected
