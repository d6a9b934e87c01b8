from newsgraph.pipeline.langid import identify_language


def test_french():
    assert identify_language("Le président russe a rencontré son homologue nord-coréen à Vladivostok.")[0] == "fr"


def test_english_and_spanish():
    assert identify_language("The Russian president met his North Korean counterpart in Vladivostok.")[0] == "en"
    assert identify_language("El presidente ruso se reunió con su homólogo norcoreano en Vladivostok.")[0] == "es"


def test_no_letters():
    assert identify_language("12 34 -- !!") == (None, 0.0)
