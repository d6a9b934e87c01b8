"""Builds the pipeline, checks what each stage needs and provides, and runs one document or a batch.

A stage is an object with ``name``, ``requires``, ``provides`` and ``__call__(work)``. The spaCy parse
is the one batched step: the runner runs the stages before it on each document, parses the batch with
``nlp.pipe``, then runs the stages after it. One document that fails never stops the batch: it comes
out as a ``Skipped`` value with its stage and reason.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Protocol

from newsgraph.config import Settings, get_settings
from newsgraph.errors import InputError, NewsgraphError, StageError, UnsupportedLanguage
from newsgraph.lang import SUPPORTED
from newsgraph.lang.profile import LanguageProfile, get_profile
from newsgraph.model import Document, DocumentInfo, RawRecord, Skipped
from newsgraph.pipeline.work import Work
from newsgraph.version import __version__

PARSED = "spacy"


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, work: Work) -> None: ...


def content_sha256(text: str) -> str:
    normalised = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class Pipeline:
    def __init__(self, before: Sequence[Stage], after: Sequence[Stage], settings: Settings | None = None,
                 profile: LanguageProfile | None = None) -> None:
        self.before = list(before)
        self.after = list(after)
        self.settings = settings or get_settings()
        self.profile = profile or get_profile(self.settings.language)
        self._since_release = 0
        self._check_order()

    def _check_order(self) -> None:
        available: set[str] = {"raw"}
        for stage in [*self.before, None, *self.after]:
            if stage is None:
                missing = {"text", "language"} - available
                if missing:
                    raise NewsgraphError(f"the parse needs {sorted(missing)} before it")
                available |= {PARSED, "sentences"}
                continue
            missing = set(stage.requires) - available
            if missing:
                raise NewsgraphError(f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage provides")
            available |= set(stage.provides)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.before] + ["nlp"] + [s.name for s in self.after]

    @property
    def version(self) -> str:
        """What coded a document: newsgraph's version, the spaCy model, and the language data (its
        hash changes with any lexicon entry, so that ingest re-codes what an older lexicon coded)."""
        from newsgraph.pipeline.nlp import model_version

        return f"newsgraph {__version__} / {model_version(self.profile)} / lang {self.profile.version}"

    # -- one document -------------------------------------------------------------------------
    def run(self, raw: RawRecord) -> Document | Skipped:
        return next(iter(self.run_many([raw], batch_size=1)))

    # -- a batch -------------------------------------------------------------------------------
    def run_many(self, items: Iterable[RawRecord | InputError], batch_size: int | None = None) -> Iterator[Document | Skipped]:
        size = batch_size or self.settings.batch_size
        batch: list[RawRecord | InputError] = []
        for item in items:
            batch.append(item)
            if len(batch) >= size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, items: list[RawRecord | InputError]) -> Iterator[Document | Skipped]:
        from newsgraph.pipeline.nlp import load_model

        # The strings a batch adds to spaCy's vocabulary are freed when the batch is done (its Docs
        # are used only inside the stages, which return plain records).
        with load_model(self.profile).memory_zone():
            out = list(self._code_batch(items))
        self._since_release += len(items)
        every = self.settings.release_every
        if every and self._since_release >= every:
            from newsgraph.pipeline.memory import release

            release()  # freed blocks go back to the system: resident memory stays flat over long runs
            self._since_release = 0
        yield from out

    def _code_batch(self, items: list[RawRecord | InputError]) -> Iterator[Document | Skipped]:
        from newsgraph.pipeline.nlp import parse_many

        results: list[Work | Skipped] = []
        for item in items:
            if isinstance(item, InputError):
                results.append(Skipped(item.source or "<input>", item.reason, "read"))
                continue
            results.append(self._run_stages(Work(raw=item, profile=self.profile), self.before))
        ready = [w for w in results if isinstance(w, Work)]
        if ready:
            try:
                docs = list(parse_many([w.match_text for w in ready], self.profile, batch_size=len(ready)))
            except Exception:  # one document broke the batch parse: parse them one by one
                docs = []
                for w in ready:
                    try:
                        docs.extend(parse_many([w.match_text], self.profile))
                    except Exception as exc:  # noqa: BLE001 - recorded per document
                        docs.append(exc)
            for w, doc in zip(ready, docs):
                if isinstance(doc, Exception):
                    err = StageError("nlp", w.raw.id, doc)
                    w.failure = Skipped(w.raw.source, err.reason, "nlp", w.raw.id, err)
                else:
                    w.spacy = doc
        version = self.version
        for w in results:
            if isinstance(w, Skipped):
                yield w
                continue
            if w.failure is not None:
                yield w.failure
                continue
            done = self._run_stages(w, self.after)
            w.spacy = None
            yield done if isinstance(done, Skipped) else _document(done, version)

    def _run_stages(self, work: Work, stages: Sequence[Stage]) -> Work | Skipped:
        for stage in stages:
            try:
                stage(work)
            except UnsupportedLanguage as exc:
                return Skipped(work.raw.source, exc.reason, stage.name, work.raw.id)
            except InputError as exc:
                return Skipped(work.raw.source, exc.reason, stage.name, work.raw.id)
            except Exception as exc:  # noqa: BLE001 - one bad document never stops the batch
                err = StageError(stage.name, work.raw.id, exc)
                err.__cause__ = exc
                return Skipped(work.raw.source, err.reason, stage.name, work.raw.id, err)
        return work


def _document(work: Work, version: str) -> Document:
    sha = content_sha256(work.text)
    info = DocumentInfo(
        id=work.raw.id or sha[:16],
        content_sha256=sha,
        raw_sha256=work.raw.raw_sha256,
        title=work.title,
        published=work.published,
        language=work.language,
        url=work.raw.url,
        source=work.raw.site,
        text=work.text,
        repairs=work.repairs,
        non_text=work.non_text,
        pipeline=version,
        published_source=work.published_source,
    )
    return Document(
        document=info, actors=tuple(work.actors), places=tuple(work.places), times=tuple(work.times),
        events=tuple(work.events), quotes=tuple(work.quotes), claims=tuple(work.claims),
    )


@lru_cache(maxsize=4)
def get_pipeline(language: str | None = None) -> Pipeline:
    """The default pipeline of a language (default: the configured one), built once per process."""
    from newsgraph.pipeline.stages import default_stages

    profile = get_profile(language or get_settings().language)
    before, after = default_stages(profile)
    return Pipeline(before, after, profile=profile)


def supported_languages() -> frozenset[str]:
    return SUPPORTED
