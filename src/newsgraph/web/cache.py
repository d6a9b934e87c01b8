"""A small cache of chart aggregates: the same chart asked again while the store has not changed is
answered from memory. An entry is dropped as soon as the store's counts change (event mentions,
their largest id, documents) and after a minute in any case (a re-coded document can keep the
counts). Concurrent requests for the same chart wait for one computation instead of each running it."""

from __future__ import annotations

import copy
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from newsgraph.store import schema as t

TTL = 60.0
SIZE = 256


class ChartCache:
    def __init__(self, store: Any, size: int = SIZE, ttl: float = TTL) -> None:
        self.store, self.size, self.ttl = store, size, ttl
        self.entries: OrderedDict[Any, tuple[Any, float, Any]] = OrderedDict()
        self.lock = threading.Lock()
        self.key_locks: dict[Any, threading.Lock] = {}
        self.hits = self.misses = 0

    def version(self) -> tuple[Any, ...]:
        em = t.event_mentions
        with self.store.engine.connect() as conn:
            n, top = conn.execute(select(func.count(), func.max(em.c.id)).select_from(em)).one()
            docs = conn.execute(select(func.count()).select_from(t.documents)).scalar()
        return n, top, docs

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        """The cached value of ``compute()`` for ``key`` (a deep copy: callers may change it)."""
        version = self.version()
        with self.lock:
            lock = self.key_locks.setdefault(key, threading.Lock())
        with lock:
            with self.lock:
                hit = self.entries.get(key)
                if hit is not None and hit[0] == version and time.monotonic() - hit[1] < self.ttl:
                    self.entries.move_to_end(key)
                    self.hits += 1
                    return copy.deepcopy(hit[2])
            value = compute()
            with self.lock:
                self.misses += 1
                self.entries[key] = (version, time.monotonic(), value)
                self.entries.move_to_end(key)
                while len(self.entries) > self.size:
                    old, _ = self.entries.popitem(last=False)
                    self.key_locks.pop(old, None)
            return copy.deepcopy(value)


def cached(request: Any, name: str, args: Any, compute: Callable[[], Any]) -> Any:
    """``compute()`` through the app's chart cache, keyed by a name and hashable arguments."""
    cache: ChartCache | None = getattr(request.app.state, "chart_cache", None)
    if cache is None:
        return compute()
    return cache.get((name, args), compute)
