"""Languages: each is a folder of data (lexicons, rules) plus the spaCy model it runs on."""

from newsgraph.registry import languages

languages.register("fr")({"model": "fr_core_news_md", "model_version": "3.8.0", "package": "newsgraph.lang.fr"})

SUPPORTED = frozenset(languages.names())
