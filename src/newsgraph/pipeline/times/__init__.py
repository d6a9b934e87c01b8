"""The time stage (``stage.py``) and its parts: the tagger, the normalisers and the resolution in context."""

from newsgraph.pipeline.times.normalise import normalise
from newsgraph.pipeline.times.resolve import resolve
from newsgraph.pipeline.times.stage import TimeStage, find_times
from newsgraph.pipeline.times.tagger import Hit, tag_times

__all__ = ["Hit", "TimeStage", "find_times", "normalise", "resolve", "tag_times"]
