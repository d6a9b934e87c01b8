"""The event stage (``stage.py``) and its parts: triggers, arguments, status, attribution, passes."""

from newsgraph.pipeline.events.stage import EventStage, code_events

__all__ = ["EventStage", "code_events"]
