"""RSS and Atom feeds (files), through feedparser: each item's content or summary, link and date."""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a parsed feed, its HTML turned into plain text."""

    position: int  # 1-based, in the feed's order
    ident: str | None  # the guid, else the link
    link: str | None
    title: str | None
    published: str | None
    content: str  # the full content (content:encoded, Atom content), or ""
    summary: str  # the description or summary, or ""


def feed_entries(parsed: Any) -> list[FeedEntry]:
    """The items of a ``feedparser.parse`` result."""
    out = []
    for n, item in enumerate(parsed.entries, start=1):
        content = _plain(item["content"][0].get("value", "")) if item.get("content") else ""
        out.append(FeedEntry(position=n, ident=item.get("id") or item.get("link") or None, link=item.get("link") or None,
                             title=_plain(item.get("title", "")) or None, published=item.get("published") or item.get("updated"),
                             content=content, summary=_plain(item.get("summary", ""))))
    return out


def read_feed(path: Path) -> Iterator[RawRecord | InputError]:
    import feedparser

    source = str(path)
    parsed = feedparser.parse(path.read_bytes())
    if parsed.bozo and not parsed.entries:
        yield InputError(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}", source=source)
        return
    site = parsed.feed.get("title")
    for entry in feed_entries(parsed):
        text = entry.content or entry.summary
        title = entry.title
        where = f"{source}#{entry.position}"
        if not text:
            yield InputError("feed item has no content or summary", source=where)
            continue
        full = f"{title}\n\n{text}\n" if title else text + "\n"
        raw = ((entry.link or "") + full).encode("utf-8")
        ident = entry.ident
        yield RawRecord(
            source=where, id=hashlib.sha256(ident.encode()).hexdigest()[:16] if ident else None, text=full,
            raw_sha256=hashlib.sha256(raw).hexdigest(), title=title, published=entry.published,
            url=entry.link, site=site,
        )
