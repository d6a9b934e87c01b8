"""The Python API: ``extract`` one text, ``extract_many`` records through one shared pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.errors import InputError, UnsupportedLanguage
from newsgraph.model import Document, Skipped


def extract(
    text: str, *, published: str | None = None, title: str | None = None, url: str | None = None,
    language: str | None = None, id: str | None = None,
) -> Document:
    """Code one text. Raises ``UnsupportedLanguage`` or ``InputError`` when it yields no document."""
    from newsgraph.ingest.readers import no_surrogates, record_from_json
    from newsgraph.pipeline.runner import get_pipeline

    text = no_surrogates(text)
    record = {"text": text, "published": published, "title": title, "url": url, "language": language, "id": id}
    raw = record_from_json(record, id or "<text>", text.encode("utf-8"))
    result = get_pipeline().run(raw)
    if isinstance(result, Skipped):
        if result.stage == "langid" and result.reason.startswith("unsupported language"):
            raise UnsupportedLanguage(result.reason, source=result.source)
        raise InputError(result.reason, source=result.source)
    return result


def extract_many(records: Iterable[dict[str, Any] | str], batch_size: int = 16) -> Iterator[Document | Skipped]:
    """Code many records (dicts with 'text' and optional metadata, or strings) with ``nlp.pipe``.

    Yields a ``Document`` per record, or a ``Skipped`` with the reason when one yields none."""
    from newsgraph.ingest.readers import read_records
    from newsgraph.pipeline.runner import get_pipeline

    yield from get_pipeline().run_many(read_records(records), batch_size=batch_size)


def open(db_url: str | None = None) -> Any:  # noqa: A001 - the name the API documents
    """The store at ``db_url`` (a SQLAlchemy URL or a SQLite path; default NEWSGRAPH_DB or ./newsgraph.db)."""
    from newsgraph.store.core import StoreAPI

    return StoreAPI(db_url)
