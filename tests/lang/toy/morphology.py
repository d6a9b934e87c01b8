"""The toy language's morphology: adjectives do not vary; verbs have only the forms listed."""


def inflections(adjective):
    return [adjective]


def verb_forms(lemma, irregular=()):
    return {lemma, *irregular}


def reflexive_base(lemma):
    return None


def participle_infinitive(lemma):
    return None
