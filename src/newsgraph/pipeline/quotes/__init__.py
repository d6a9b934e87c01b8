"""The quote stage (``stage.py``) and its parts: quotation marks (``marks.py``), cues (``cues.py``:
reporting verbs and attributions) and speakers (``speakers.py``)."""

from newsgraph.pipeline.quotes.marks import find_direct
from newsgraph.pipeline.quotes.stage import QuoteStage

__all__ = ["QuoteStage", "find_direct"]
