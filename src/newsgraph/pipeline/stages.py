"""The stages of the default pipeline, registered by versioned name, and their order.

A stage is built with the language profile it reads (``stages.get(name)(profile)``)."""

from __future__ import annotations

from datetime import date, datetime

from newsgraph.errors import InputError, UnsupportedLanguage
from newsgraph.lang import SUPPORTED
from newsgraph.lang.profile import LanguageProfile
from newsgraph.pipeline.dateline import date_from_url, find_dateline
from newsgraph.pipeline.langid import identify_language
from newsgraph.pipeline.repair import matching_text, repair_text
from newsgraph.pipeline.work import Work
from newsgraph.registry import stages


class ProfileStage:
    """A stage that reads a language profile."""

    def __init__(self, profile: LanguageProfile) -> None:
        self.profile = profile


@stages.register("repair.v1")
class RepairStage(ProfileStage):
    name = "repair"
    requires = ("raw",)
    provides = ("text",)

    def __call__(self, work: Work) -> None:
        repaired = repair_text(work.raw.text, self.profile)
        if not repaired.text.strip():
            raise InputError("empty text")
        work.text = repaired.text
        work.repairs = repaired.repairs
        work.non_text = repaired.non_text
        work.match_text = matching_text(repaired.text, repaired.non_text)
        title = work.raw.title
        work.title = title.strip() if title else None


@stages.register("langid.v1")
class LanguageStage(ProfileStage):
    name = "langid"
    requires = ("text",)
    provides = ("language",)

    def __call__(self, work: Work) -> None:
        supported = SUPPORTED | {self.profile.code}
        declared = (work.raw.language or "").lower()[:2] or None
        if declared in supported:
            work.language = declared
            return
        lang, prob = identify_language(work.match_text)
        if lang is None:
            raise InputError("no words to read (no letters in the text)")
        if lang not in supported:
            shown = f"declared {declared!r}" if declared else f"detected {lang!r} (p={prob:.2f})"
            raise UnsupportedLanguage(f"unsupported language: {shown}; supported: {', '.join(sorted(SUPPORTED))}")
        work.language = lang


def normalise_published(value: str | None) -> str | None:
    """An ISO 8601 date or datetime from metadata, or None when it cannot be read."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            from dateutil import parser

            parsed = parser.parse(value)
        except (ValueError, OverflowError, ImportError):
            return None
    if len(value) <= 10 or (parsed.hour, parsed.minute, parsed.second) == (0, 0, 0) and "T" not in value:
        return parsed.date().isoformat()
    return parsed.isoformat()


CLOCK = "now"  # the publication date a user gives to ask for the machine's clock (`--published now`)


@stages.register("dateline.v1")
class PublishedStage(ProfileStage):
    """The publication date, from (in order) the metadata, a dateline in the text, the URL; and where
    it came from. With none, it stays unknown: nothing is resolved against the machine's clock unless
    the user asks for it (published "now", which is taken only when nothing else gives a date)."""

    name = "published"
    requires = ("text",)
    provides = ("published",)

    def __call__(self, work: Work) -> None:
        given = (work.raw.published or "").strip()
        clock = given.lower() == CLOCK
        published, source = (None, "none") if clock else (normalise_published(given), "metadata")
        if published is None:
            found = find_dateline(work.text, self.profile)
            published, source = (found[0], "dateline") if found else (date_from_url(work.raw.url), "url")
        if published is None and clock:
            published, source = date.today().isoformat(), "clock"
        work.published = published
        work.published_source = source if published else "none"


DEFAULT_BEFORE = ("repair.v1", "langid.v1", "dateline.v1")
DEFAULT_AFTER = ("actors.v1", "times.v1", "places.v1", "quotes.v1", "events.v1")


def default_stages(profile: LanguageProfile, before: tuple[str, ...] = DEFAULT_BEFORE,
                   after: tuple[str, ...] = DEFAULT_AFTER) -> tuple[list, list]:
    """The stages before and after the spaCy parse, built from their registered names, in order."""
    import newsgraph.pipeline.actors  # noqa: F401 - each module registers its stage
    import newsgraph.pipeline.events  # noqa: F401
    import newsgraph.pipeline.places  # noqa: F401
    import newsgraph.pipeline.quotes  # noqa: F401
    import newsgraph.pipeline.times  # noqa: F401

    return [stages.get(name)(profile) for name in before], [stages.get(name)(profile) for name in after]
