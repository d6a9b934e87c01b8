"""Fetching for ``newsgraph watch``: conditional GET with httpx under a size limit and a deadline,
feeds parsed with feedparser, article pages reduced to their main text with trafilatura, and
directories listed with a fingerprint per file.

Every failure is a ``FetchError`` with a one-line reason (timeout, HTTP status, redirect loop, body
over the limit, malformed XML, not a feed); the watcher records it against the source and goes on.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from newsgraph import __version__
from newsgraph.ingest.feeds import FeedEntry, feed_entries
from newsgraph.ingest.readers import SUPPORTED_SUFFIXES, decode_bytes

MAX_REDIRECTS = 10
USER_AGENT = f"newsgraph/{__version__} (newsgraph watch)"
IGNORED_SUFFIXES = {".part", ".tmp", ".crdownload", ".swp"}


class FetchError(Exception):
    """A source or a page could not be fetched or read; the message is the one-line reason."""


@dataclass(frozen=True, slots=True)
class Response:
    status: int  # 200 or 304
    body: bytes
    etag: str | None
    last_modified: str | None
    url: str  # after redirects


def http_client(timeout: float) -> httpx.Client:
    return httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=True, max_redirects=MAX_REDIRECTS,
                        headers={"User-Agent": USER_AGENT})


def fetch(client: httpx.Client, url: str, *, max_bytes: int, deadline: float, etag: str | None = None,
          last_modified: str | None = None) -> Response:
    """GET ``url`` (conditionally when validators are given); the body is read up to ``max_bytes`` and
    for at most ``deadline`` seconds in all, so that a server trickling bytes cannot hold a fetcher."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    start = time.monotonic()
    try:
        with client.stream("GET", url, headers=headers) as r:
            if r.status_code == 304:
                return Response(304, b"", etag, last_modified, str(r.url))
            if r.status_code >= 400:
                raise FetchError(f"HTTP {r.status_code} {r.reason_phrase}".rstrip())
            if r.status_code != 200:
                raise FetchError(f"unexpected HTTP {r.status_code} {r.reason_phrase}".rstrip())
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"body of {declared} bytes, over the limit of {max_bytes} (NEWSGRAPH_MAX_BYTES)")
            body = bytearray()
            for chunk in r.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(f"body over the limit of {max_bytes} bytes (NEWSGRAPH_MAX_BYTES)")
                if time.monotonic() - start > deadline:
                    raise FetchError(f"timeout: body not read within {deadline:g} s")
            return Response(200, bytes(body), r.headers.get("etag"), r.headers.get("last-modified"), str(r.url))
    except httpx.TooManyRedirects:
        raise FetchError(f"redirect loop (more than {MAX_REDIRECTS} redirects)") from None
    except httpx.TimeoutException as exc:
        raise FetchError(f"timeout after {deadline:g} s ({type(exc).__name__})") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}") from None


def parse_feed(body: bytes, *, lenient: bool) -> tuple[str | None, list[FeedEntry]]:
    """(site title, entries). Malformed XML is an error unless ``lenient`` (then the entries feedparser
    recovers are kept); a document that is not RSS or Atom is an error."""
    import feedparser

    parsed = feedparser.parse(body)
    problem = parsed.get("bozo_exception") if parsed.bozo else None
    fatal = problem is not None and not isinstance(problem, (feedparser.CharacterEncodingOverride,
                                                             feedparser.NonXMLContentType))
    if fatal and (not lenient or not parsed.entries):
        raise FetchError(f"malformed XML: {problem}")
    if not parsed.version:
        raise FetchError("not an RSS or Atom feed")
    return parsed.feed.get("title"), feed_entries(parsed)


def main_text(html_bytes: bytes, url: str) -> str:
    """The main text of an article page (trafilatura), or a FetchError saying why there is none."""
    import trafilatura

    from newsgraph.errors import InputError

    try:
        html, _ = decode_bytes(html_bytes, url)
    except InputError as exc:
        raise FetchError(exc.reason) from None
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise FetchError("no main text found on the page")
    return text.strip()


def item_key(ident: str) -> str:
    return hashlib.sha256(ident.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class FileSeen:
    path: Path
    relative: str
    fingerprint: str  # "file:" + hash of (relative path, size, mtime), recorded once the file's records are all stored


def list_directory(folder: Path) -> list[FileSeen]:
    """The readable files under ``folder`` (recursively, sorted), skipping hidden and partial files
    (``.name``, ``*.part``, ``*.tmp``): a writer should write elsewhere, or under such a name, then rename."""
    if not folder.is_dir():
        raise FetchError("no such directory" if not folder.exists() else "not a directory")
    out = []
    try:
        for child in sorted(folder.rglob("*")):
            rel = child.relative_to(folder)
            if any(part.startswith(".") for part in rel.parts) or child.suffix.lower() in IGNORED_SUFFIXES:
                continue
            if not child.is_file() or child.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            st = child.stat()
            out.append(FileSeen(child, rel.as_posix(), "file:" + item_key(f"{rel.as_posix()}\n{st.st_size}\n{st.st_mtime_ns}")))
    except OSError as exc:
        raise FetchError(f"cannot list: {exc.strerror or exc}") from None
    return out


def describe(exc: Any) -> str:
    return str(exc) if isinstance(exc, FetchError) else f"{type(exc).__name__}: {exc}"
