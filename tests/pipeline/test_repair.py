import pytest

from newsgraph.pipeline.repair import matching_text, repair_text


@pytest.mark.parametrize("glued, fixed", [
    ("La réunion a eu lieu avril 2019quelques mois après", "La réunion a eu lieu avril 2019 quelques mois après"),
    ("un grand famineLa Chine a comblé le vide", "un grand famine La Chine a comblé le vide"),
    ("son homologue, Kang Sun NamJ’ai passé devant", "son homologue, Kang Sun Nam J’ai passé devant"),
    ("se serrent la main.YURI KADOBNOVAP", "se serrent la main. YURI KADOBNOVAP"),
    ("il est parti contrel'armée", "il est parti contre l'armée"),
    ("en 2016la guerre", "en 2016 la guerre"),
])
def test_glued_words_are_split(glued, fixed):
    result = repair_text(glued)
    assert result.text == fixed
    for r in result.repairs:
        assert result.text[r.start:r.end] == r.after
        assert r.before.replace(" ", "") == r.after.replace(" ", "")


@pytest.mark.parametrize("word", [
    "McDonald", "iPhone", "JavaScript", "LinkedIn", "PlayStation", "MoveOn", "le 2019e", "le 1er mai",
    "à 17h59", "lorsqu'il", "aujourd’hui", "presqu'île", "quelqu'un", "www.lemonde.fr", "YouTube", "DiCaprio",
])
def test_real_words_stay_whole(word):
    assert repair_text(word).text == word
    assert repair_text(word).repairs == ()


def test_photo_credit_and_tag_are_non_text():
    text = "Les deux hommes se serrent la main.YURI KADOBNOVAP\n\nLa suite du texte.\n\nfr-01\n"
    result = repair_text(text)
    spans = {(n.kind, result.text[n.start:n.end]) for n in result.non_text}
    assert ("photo-credit", "YURI KADOBNOVAP") in spans
    assert ("tag", "fr-01") in spans


def test_acronyms_in_a_sentence_are_not_credits():
    text = "Le Conseil de sécurité de l'ONU et l'OTAN ont réagi.\n"
    assert repair_text(text).non_text == ()


def test_mojibake_is_fixed_and_recorded():
    result = repair_text("Le prÃ©sident a parlÃ©.")
    assert result.text == "Le président a parlé."
    assert result.repairs[0].kind == "unicode"


def test_apostrophes_stay_in_text_but_match_plain():
    result = repair_text("l’armée d’Ukraine")
    assert result.text == "l’armée d’Ukraine"
    assert matching_text(result.text) == "l'armée d'Ukraine"
    assert len(matching_text(result.text)) == len(result.text)


def test_non_text_is_blanked_for_matching():
    result = repair_text("Il a souri.AFP PHOTO AGENCY\n")
    blanked = matching_text(result.text, result.non_text)
    assert "AGENCY" not in blanked and len(blanked) == len(result.text)
