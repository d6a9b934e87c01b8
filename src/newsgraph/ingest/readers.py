"""Readers for .txt, .html, .json, .jsonl files, and standard input (JSON Lines, or one plain text).

Each reader yields ``RawRecord`` values or ``InputError`` values (never raises for one bad input),
so that a batch goes on past a bad file and records why it failed.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from newsgraph.config import Settings, get_settings
from newsgraph.errors import InputError
from newsgraph.model import RawRecord

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | {".rss", ".atom", ".xml"}


_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    """Lone surrogates (from a broken decoder or a careless caller) cannot be encoded: U+FFFD instead."""
    return _SURROGATE.sub("\ufffd", text)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_bytes(data: bytes, source: str) -> tuple[str, str | None]:
    """Decode bytes as UTF-8, else detect the encoding. Refuse binary data."""
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not text", source=source)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("binary file or unknown encoding, not text", source=source)
    text = str(best)
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 8:
        raise InputError("binary file, not text", source=source)
    return text, f"not UTF-8; decoded as {best.encoding}"


def split_title(text: str) -> str | None:
    """The first line is the title when a blank line follows it."""
    lines = text.lstrip("\ufeff").split("\n", 2)
    if len(lines) >= 2 and lines[0].strip() and not lines[1].strip() and len(lines[0]) <= 300:
        return lines[0].strip()
    return None


def _check_size(size: int, source: str, settings: Settings) -> None:
    if size > settings.max_bytes:
        raise InputError(f"file is {size} bytes, over the limit of {settings.max_bytes} (NEWSGRAPH_MAX_BYTES)", source=source)


def read_text_file(path: Path, settings: Settings) -> RawRecord:
    source = str(path)
    data = path.read_bytes()
    _check_size(len(data), source, settings)
    text, warning = decode_bytes(data, source)
    if not text.strip():
        raise InputError("empty text", source=source)
    return RawRecord(source=source, id=path.stem, text=text, raw_sha256=_sha(data), title=split_title(text), warning=warning)


def read_html_file(path: Path, settings: Settings) -> RawRecord:
    source = str(path)
    data = path.read_bytes()
    _check_size(len(data), source, settings)
    html, warning = decode_bytes(data, source)
    return html_record(html, source=source, id=path.stem, raw=data, warning=warning)


def html_record(html: str, *, source: str, id: str | None, raw: bytes, warning: str | None = None) -> RawRecord:
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if result is None:
        raise InputError("no main text found in the HTML", source=source)
    meta: dict[str, Any] = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = (meta.get("text") or "").strip()
    if not body:
        raise InputError("no main text found in the HTML", source=source)
    title = (meta.get("title") or "").strip() or None
    text = f"{title}\n\n{body}\n" if title else body + "\n"
    return RawRecord(
        source=source, id=id, text=text, raw_sha256=_sha(raw), title=title,
        published=meta.get("date") or None, url=meta.get("url") or None, site=meta.get("sitename") or None,
        author=meta.get("author") or None, language=meta.get("language") or None, warning=warning,
    )


def record_from_json(obj: Any, source: str, raw: bytes) -> RawRecord:
    if not isinstance(obj, dict):
        raise InputError("a JSON record must be an object with a 'text' field", source=source)
    obj = {k: no_surrogates(v) if isinstance(v, str) else v for k, v in obj.items()}
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError("JSON record has no string 'text' field", source=source)
    if not text.strip():
        raise InputError("empty text", source=source)
    rid = obj.get("id")
    return RawRecord(
        source=source, id=str(rid) if rid not in (None, "") else None, text=text, raw_sha256=_sha(raw),
        title=obj.get("title") or None, published=obj.get("published") or None, url=obj.get("url") or None,
        language=obj.get("language") or None, site=obj.get("source") or None,
    )


def read_jsonl_stream(lines: Iterable[bytes | str], name: str) -> Iterator[RawRecord | InputError]:
    for number, line in enumerate(lines, start=1):
        raw = line.encode("utf-8") if isinstance(line, str) else line
        stripped = raw.strip()
        if not stripped:
            continue
        source = f"{name}:{number}"
        try:
            obj = json.loads(stripped)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield InputError(f"malformed JSON on line {number}: {exc}", source=name)
            continue
        try:
            yield record_from_json(obj, source, stripped)
        except InputError as exc:
            yield exc


def read_stdin(stream: BinaryIO, settings: Settings, name: str = "<stdin>") -> Iterator[RawRecord | InputError]:
    """Standard input: JSON Lines when every line is a JSON record (or looks like one: a line that
    starts with "{" and is cut short is reported as malformed JSON), otherwise one plain-text document."""
    data = stream.read(settings.max_bytes + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        _check_size(len(data), name, settings)
        text, warning = decode_bytes(data, name)
    except InputError as exc:
        yield exc
        return
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        yield InputError("empty text", source=name)
        return
    if all(line.startswith("{") for line in lines) or all(_is_json(line) for line in lines):
        yield from read_jsonl_stream(text.splitlines(), name)
        return
    yield RawRecord(source=name, id=None, text=no_surrogates(text), raw_sha256=_sha(data), title=split_title(text),
                    warning=warning)


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True


def read_json_file(path: Path, settings: Settings) -> Iterator[RawRecord | InputError]:
    source = str(path)
    data = path.read_bytes()
    _check_size(len(data), source, settings)
    try:
        obj = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield InputError(f"malformed JSON: {exc}", source=source)
        return
    items = obj if isinstance(obj, list) else [obj]
    for i, item in enumerate(items):
        try:
            rec = record_from_json(item, f"{source}[{i}]" if isinstance(obj, list) else source,
                                   json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8"))
            if rec.id is None and not isinstance(obj, list):
                rec = RawRecord(**{**_asdict(rec), "id": path.stem})
            yield rec
        except InputError as exc:
            yield exc


def _asdict(rec: RawRecord) -> dict[str, Any]:
    return {f: getattr(rec, f) for f in rec.__dataclass_fields__}


def read_path(path: Path, settings: Settings | None = None) -> Iterator[RawRecord | InputError]:
    """Read one file (never a directory: callers expand directories when they accept them)."""
    settings = settings or get_settings()
    source = str(path)
    try:
        if not path.exists():
            yield InputError("no such file", source=source)
            return
        if path.is_dir():
            yield InputError("is a directory, not a file", source=source)
            return
        suffix = path.suffix.lower()
        from newsgraph.ingest.feeds import looks_like_feed, read_feed

        if looks_like_feed(path):
            yield from read_feed(path)
        elif suffix in JSONL_SUFFIXES:
            size = path.stat().st_size
            _check_size(size, source, settings)
            with path.open("rb") as fh:
                yield from read_jsonl_stream(fh, source)
        elif suffix in JSON_SUFFIXES:
            yield from read_json_file(path, settings)
        elif suffix in HTML_SUFFIXES:
            yield read_html_file(path, settings)
        else:
            yield read_text_file(path, settings)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", source=source)


def expand_paths(paths: Iterable[str | Path], *, recursive: bool) -> Iterator[Path]:
    """Files as given; directories expanded (sorted) when ``recursive``, else passed on for an error."""
    for p in paths:
        path = Path(p)
        if recursive and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
        else:
            yield path


def read_inputs(
    paths: Iterable[str | Path], *, settings: Settings | None = None, recursive: bool = False,
    stdin: BinaryIO | None = None,
) -> Iterator[RawRecord | InputError]:
    """Every record from every input, in order; ``-`` reads standard input (JSON Lines, or one plain text)."""
    settings = settings or get_settings()
    for path in expand_paths(paths, recursive=recursive):
        if str(path) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stdin(stream, settings)
        else:
            yield from read_path(path, settings)


def read_records(records: Iterable[dict[str, Any] | str]) -> Iterator[RawRecord | InputError]:
    """Records given in memory (the Python API): dicts with 'text', or bare strings."""
    for i, rec in enumerate(records):
        source = f"<record {i}>"
        if isinstance(rec, str):
            rec = {"text": rec}
        if isinstance(rec, dict):
            rec = {k: no_surrogates(v) if isinstance(v, str) else v for k, v in rec.items()}
        try:
            yield record_from_json(rec, str(rec.get("id") or source), json.dumps(rec, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        except InputError as exc:
            yield exc
