"""The spaCy stage: loads the language's model once per process and parses batches with ``nlp.pipe``.

Paragraph breaks always start a sentence. Long texts are parsed in chunks cut at paragraph (or
space) boundaries and joined back, so that memory stays bounded and offsets stay exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from newsgraph.errors import ResourceError
from newsgraph.lang.profile import LanguageProfile

CHUNK_CHARS = 20_000
SENTENCE_END = {".", "!", "?", "…", "...", "»", "\"", "”", ")", ";", ":"}


def _register_components() -> None:
    import numpy
    from spacy.attrs import IS_SPACE, ORTH, SENT_START
    from spacy.language import Language
    from spacy.strings import hash_string

    if "newsgraph_paragraphs" in Language.factories:
        return
    ends = {hash_string(mark) for mark in SENTENCE_END}  # string ids do not depend on the vocabulary
    colon = hash_string(":")
    openers = {hash_string(mark) for mark in ("«", "\"", "“")}

    @Language.component("newsgraph_paragraphs")
    def paragraphs(doc: Any) -> Any:
        """A paragraph break starts a sentence; a sentence starts only after a paragraph break or
        a sentence-final mark, so that the parser never cuts "Lundi, après ..." after "Lundi".
        Read and written as arrays: a Token object per word would cost 5% of the parse."""
        if len(doc) < 2:
            return doc
        strings = doc.vocab.strings
        table = doc.to_array([ORTH, IS_SPACE, SENT_START])
        orths = table[:, 0].tolist()
        spaces = table[:, 1].tolist()
        starts = table[:, 2].astype("int64").tolist()
        since = 0
        for i in range(len(orths) - 1):
            orth = orths[i]
            since += 1
            if (spaces[i] and "\n" in strings[orth]) or spaces[i + 1]:
                starts[i + 1] = 1
                since = 0
            elif orth == colon and since <= 4 and orths[i + 1] not in openers:
                starts[i + 1] = 1  # a headline's topic label: "Syrie : la coalition tue ..."
                since = 0
            elif orth not in ends and not spaces[i]:
                starts[i + 1] = -1
            else:
                since = 0
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64"))
        return doc


def load_model(profile: LanguageProfile) -> Any:
    """The spaCy pipeline a language profile names, loaded once per process."""
    return _load(profile.model)


@lru_cache(maxsize=4)
def _load(model: str) -> Any:
    import spacy

    _register_components()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ResourceError(f"spaCy model {model} is not installed: {exc}") from exc
    nlp.add_pipe("newsgraph_paragraphs", before="parser")
    nlp.max_length = 10 * CHUNK_CHARS
    return nlp


def model_version(profile: LanguageProfile) -> str:
    from importlib.metadata import PackageNotFoundError, version

    name = profile.model
    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:
        return name


def chunk_text(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``size`` characters whose concatenation is ``text``."""
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            if cut > start:
                end = cut + 1
        pieces.append(text[start:end])
        start = end
    return pieces


def parse_many(texts: Iterable[str], profile: LanguageProfile, batch_size: int = 16) -> Iterator[Any]:
    """Parse texts with ``nlp.pipe``, yielding one spaCy ``Doc`` per text, in order."""
    from spacy.tokens import Doc

    nlp = load_model(profile)
    texts = list(texts)
    plan = [chunk_text(t) for t in texts]
    flat = [piece for pieces in plan for piece in pieces]
    docs = iter(nlp.pipe(flat, batch_size=batch_size))
    for pieces in plan:
        parts = [next(docs) for _ in pieces]
        yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
