"""The one exception tree of newsgraph.

    NewsgraphError
     ├── InputError            an input cannot be read (missing, binary, too large, bad JSON line)
     │    └── UnsupportedLanguage   the text is in a language no installed model supports
     ├── ResourceError         a shipped or user data file is missing or malformed
     ├── StageError            a pipeline stage failed on one document (carries stage and doc id)
     └── StoreError            the store cannot be opened or written

Expected rejections in a batch (empty text, not French) are reported as ``Skipped`` values by the
readers and the runner; the exceptions are for callers that process one document.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input cannot be turned into a document."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)
        self.reason = message


class UnsupportedLanguage(InputError):
    """The text is in a language that no installed model supports."""


class ResourceError(NewsgraphError):
    """A data file (actor base, lexicon, gazetteer) is missing or malformed."""


class StageError(NewsgraphError):
    """A pipeline stage failed on one document."""

    def __init__(self, stage: str, doc_id: str | None, cause: BaseException) -> None:
        self.stage = stage
        self.doc_id = doc_id
        self.cause = cause
        super().__init__(f"{doc_id or '<document>'}: stage {stage!r} failed: {type(cause).__name__}: {cause}")
        self.reason = f"stage {stage!r} failed: {type(cause).__name__}: {cause}"


class StoreError(NewsgraphError):
    """The store cannot be opened, migrated or written."""
