"""Languages: each is a folder of data (word classes, lexicons, time rules) plus the spaCy model it
runs on, loaded into a ``LanguageProfile`` (see ``profile.py`` and ``docs/languages.md``)."""

from newsgraph.lang.profile import LanguageProfile, available, get_profile, load_profile

SUPPORTED = frozenset(available())
# The languages identification chooses among: the supported ones plus the usual languages of news, so
# that a text in one of them is recognised as such instead of being forced onto a supported one.
NEWS_LANGUAGES = sorted(SUPPORTED | {"fr", "en", "es", "de", "it", "pt", "nl", "ca", "ro", "pl", "ru", "uk", "ar", "tr", "zh", "ja",
                                     "ko", "fa", "sv", "da", "no", "cs", "el", "he", "hi", "id", "vi"})

__all__ = ["NEWS_LANGUAGES", "SUPPORTED", "LanguageProfile", "available", "get_profile", "load_profile"]
