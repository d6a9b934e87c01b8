"""Language identification, restricted to a set of common news languages; only languages with an
installed model (``newsgraph.lang``) are accepted, the others are skipped with a reason."""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.lang import NEWS_LANGUAGES as CANDIDATES

_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(CANDIDATES)
    return ident


def identify_language(text: str, *, sample: int = 5000, prefer: frozenset[str] | None = None) -> tuple[str | None, float]:
    """The most likely language of ``text`` and its probability; (None, 0.0) for text with no words.

    When the best guess is uncertain (p < 0.6, as for a short date line), a language of ``prefer``
    (default: the supported ones) whose probability is at least a third of the best one wins."""
    sample_text = text[:sample]
    if not _LETTERS.search(sample_text):
        return None, 0.0
    ranked = _identifier().rank(sample_text)
    lang, prob = ranked[0]
    if prob < 0.6:
        from newsgraph.lang import SUPPORTED

        wanted = prefer if prefer is not None else SUPPORTED
        for other, p in ranked[1:]:
            if other in wanted and p >= prob / 3:
                return str(other), float(p)
    return str(lang), float(prob)
