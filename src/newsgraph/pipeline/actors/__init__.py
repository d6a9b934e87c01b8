"""The actor stage (``stage.py``) and its parts: names, descriptions, anaphora, and the resolver state."""

from newsgraph.pipeline.actors.resolver import TokenTable, form_ok, longest_match
from newsgraph.pipeline.actors.stage import ActorStage

__all__ = ["ActorStage", "TokenTable", "form_ok", "longest_match"]
