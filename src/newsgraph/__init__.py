"""newsgraph: French news to political event data (actors, PLOVER/CAMEO events, quotes, claims)."""

__version__ = "0.1.0"

from newsgraph.errors import (  # noqa: E402
    InputError,
    NewsgraphError,
    ResourceError,
    StageError,
    UnsupportedLanguage,
)
from newsgraph.model import Document  # noqa: E402
from newsgraph.api import extract, extract_many  # noqa: E402

__all__ = sorted(
    [
        "Document",
        "InputError",
        "NewsgraphError",
        "ResourceError",
        "StageError",
        "UnsupportedLanguage",
        "__version__",
        "extract",
        "extract_many",
    ]
)
