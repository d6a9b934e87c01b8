import pytest

from newsgraph.lang import get_profile
from newsgraph.pipeline.dateline import date_from_url, find_dateline
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


@pytest.mark.parametrize("text, expected", [
    # Wikinews, the dateline followed by the first sentence on the same line (issue 19)
    ("Asie : des pays rompent avec le Qatar\n\n6 juin 2017 . – Dans la nuit du dimanche, l'Arabie saoudite a rompu "
     "ses relations diplomatiques avec le Qatar, accusé de soutenir le terrorisme, une décision suivie par l'Égypte.", "2017-06-06"),
    ("Titre\n\n23 août 2016, 21 h 47 UTC . –\nLa Corée du Nord a procédé à un tir.", "2016-08-23"),
    # after a title, a label and a quote
    ("Le porte-parole attaque les médias\n\nÉtat  Vérifié\n\n« C'était la plus grande foule. Point barre. »\n\n"
     "22 janvier 2017 . –\nLe nouveau porte-parole a tenu un point presse.", "2017-01-22"),
    # AFP
    ("Titre\n\nPARIS, 5 sept 2023 (AFP) - La France a condamné mardi l'attaque contre l'ambassade, a annoncé "
     "le ministère des Affaires étrangères dans un communiqué.", "2023-09-05"),
    ("KIEV, 24 février 2022 (Reuters) – Les forces russes sont entrées en Ukraine.", "2022-02-24"),
    # "Publié le ... / Mis à jour le ...": the publication, not the update
    ("Titre\n\nPublié le 3 mars 2020 à 10h12 / Mis à jour le 4 mars 2020 à 08h00\n\nLe texte.", "2020-03-03"),
    ("Titre\nMis à jour le 4 mars 2020 à 08h00\nPublié le 3 mars 2020 à 10h12\n\nLe texte.", "2020-03-03"),
    ("Titre\n\nPublié le 05/09/2023 à 17h59\n\nLe texte.", "2023-09-05"),
])
def test_dateline_styles(text, expected):
    assert find_dateline(text, get_profile("fr"))[0] == expected


@pytest.mark.parametrize("url, expected", [
    ("https://www.lemonde.fr/international/article/2023/09/05/kim-jong-un-a-vladivostok_6187.html", "2023-09-05"),
    ("https://www.example.fr/monde/2017-06-06-rupture-avec-le-qatar", "2017-06-06"),
    ("https://www.example.fr/actu/20230905/article.html", "2023-09-05"),
    ("https://www.example.fr/2019/2/3/x", "2019-02-03"),
    ("https://www.example.fr/article/123456789", None),
    ("https://www.example.fr/2023/13/45/x", None),
    (None, None),
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


def _published(text, published=None, url=None):
    from newsgraph.model import RawRecord
    from newsgraph.pipeline.stages import PublishedStage
    from newsgraph.pipeline.work import Work

    fr = get_profile("fr")
    work = Work(raw=RawRecord("<test>", None, text, "0" * 64, published=published, url=url), profile=fr, text=text)
    PublishedStage(fr)(work)
    return work.published, work.published_source


def test_published_in_order_metadata_dateline_url():
    dateline = "Titre\n\n6 juin 2017 . – Le texte.\n"
    url = "https://www.example.fr/2016/01/02/x"
    assert _published(dateline, "2020-01-01", url) == ("2020-01-01", "metadata")
    assert _published(dateline, None, url) == ("2017-06-06", "dateline")
    assert _published("Le texte.\n", None, url) == ("2016-01-02", "url")
    assert _published("Le texte.\n") == (None, "none")
    assert _published("Le texte.\n", "n'importe quoi") == (None, "none")


def test_the_clock_only_when_asked_and_only_when_nothing_else_dates():
    from datetime import date

    assert _published("Le texte.\n", "now") == (date.today().isoformat(), "clock")
    assert _published("Titre\n\n6 juin 2017 . – Le texte.\n", "now") == ("2017-06-06", "dateline")
    assert _published("Le texte.\n", "now", "https://www.example.fr/2016/01/02/x") == ("2016-01-02", "url")
