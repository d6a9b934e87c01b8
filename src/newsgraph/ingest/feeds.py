"""RSS and Atom feeds (files), through feedparser: each item's content or summary, link and date."""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.model import RawRecord

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
_TAG = re.compile(r"<[^>]+>")


def looks_like_feed(path: Path) -> bool:
    if path.suffix.lower() not in FEED_SUFFIXES:
        return False
    head = path.read_bytes()[:2000].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _plain(value: str) -> str:
    text = _TAG.sub("\n", value)
    text = html_lib.unescape(text)
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


def read_feed(path: Path) -> Iterator[RawRecord | InputError]:
    import feedparser

    source = str(path)
    parsed = feedparser.parse(path.read_bytes())
    if parsed.bozo and not parsed.entries:
        yield InputError(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}", source=source)
        return
    site = parsed.feed.get("title")
    for n, item in enumerate(parsed.entries, start=1):
        body = ""
        if item.get("content"):
            body = item["content"][0].get("value", "")
        body = body or item.get("summary", "")
        text = _plain(body)
        title = _plain(item.get("title", "")) or None
        where = f"{source}#{n}"
        if not text:
            yield InputError("feed item has no content or summary", source=where)
            continue
        full = f"{title}\n\n{text}\n" if title else text + "\n"
        raw = (item.get("link", "") + full).encode("utf-8")
        ident = item.get("id") or item.get("link")
        yield RawRecord(
            source=where, id=hashlib.sha256(ident.encode()).hexdigest()[:16] if ident else None, text=full,
            raw_sha256=hashlib.sha256(raw).hexdigest(), title=title, published=item.get("published") or item.get("updated"),
            url=item.get("link"), site=site,
        )
