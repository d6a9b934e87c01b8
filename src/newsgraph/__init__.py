"""newsgraph: French news to political event data (actors, PLOVER/CAMEO events, quotes, claims)."""

from newsgraph.version import __version__
from newsgraph.errors import (  # noqa: E402
    InputError,
    NewsgraphError,
    ResourceError,
    StageError,
    StoreError,
    UnsupportedLanguage,
)
from newsgraph.model import Document, Skipped  # noqa: E402
from newsgraph.api import extract, extract_many, open  # noqa: E402

__all__ = [
    "Document",
    "InputError",
    "NewsgraphError",
    "ResourceError",
    "Skipped",
    "StageError",
    "StoreError",
    "UnsupportedLanguage",
    "__version__",
    "extract",
    "extract_many",
    "open",
]
