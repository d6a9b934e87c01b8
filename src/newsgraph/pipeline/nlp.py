"""The spaCy stage: loads the language's model once per process and parses batches with ``nlp.pipe``.

Paragraph breaks always start a sentence. Long texts are parsed in chunks cut at paragraph (or
space) boundaries and joined back, so that memory stays bounded and offsets stay exact.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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


@lru_cache(maxsize=4)
def _spacing(profile: LanguageProfile) -> re.Pattern[str] | None:
    """Spaces the parser should not see: after an elided word ("l' Arabie") and before a comma or a
    full stop ("Saoudite , l'Égypte")."""
    elided = "|".join(re.escape(e) for e in sorted(profile.words.elisions, key=len, reverse=True))
    before_punct = r"(?<=\w) (?=[,.](?:\s|$))"
    return re.compile(rf"(?<![^\W\d_])(?i:{elided}) (?=[^\W\d_])|{before_punct}" if elided else before_punct)


def original_at(i: int, shifted: list[int]) -> int:
    """The text offset of normalised offset ``i``, given the sorted normalised positions of the removed
    spaces (each removed space shifts what follows it by one)."""
    return i + bisect_right(shifted, i)


def normalised_doc(nlp: Any, text: str, profile: LanguageProfile) -> Any:
    """The text as a ``Doc`` whose tokens are those of the text without the stray spaces of
    ``_spacing`` (so the parser reads "l'Arabie Saoudite, l'Égypte"), but whose characters and offsets
    are the text's own. The text itself when it has no such space."""
    from spacy.tokens import Doc

    pattern = _spacing(profile)
    gone = [m.start() + len(m.group(0)) - 1 for m in pattern.finditer(text)] if pattern is not None else []
    if not gone:
        return text
    pieces, last = [], 0
    for g in gone:
        pieces.append(text[last:g])
        last = g + 1
    pieces.append(text[last:])
    normalised = "".join(pieces)

    shifted = [g - n for n, g in enumerate(gone)]
    tokens = nlp.tokenizer(normalised)
    words, spaces = [], []
    starts = [original_at(tok.idx, shifted) for tok in tokens]
    for n, tok in enumerate(tokens):
        start = starts[n]
        end = start + len(tok.text)
        if text[start:end] != tok.text:
            return text  # a removed space fell inside a token: parse the text as it is
        nxt = starts[n + 1] if n + 1 < len(tokens) else len(text)
        gap = text[end:nxt]
        if gap not in ("", " "):
            return text
        words.append(tok.text)
        spaces.append(gap == " ")
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    return doc if doc.text == text else text


def parse_many(texts: Iterable[str], profile: LanguageProfile, batch_size: int = 16) -> Iterator[Any]:
    """Parse texts with ``nlp.pipe``, yielding one spaCy ``Doc`` per text, in order."""
    from spacy.tokens import Doc

    nlp = load_model(profile)
    texts = list(texts)
    plan = [chunk_text(t) for t in texts]
    flat = [normalised_doc(nlp, piece, profile) for pieces in plan for piece in pieces]
    docs = iter(nlp.pipe(flat, batch_size=batch_size))
    for pieces in plan:
        parts = [next(docs) for _ in pieces]
        yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
