"""Webhook delivery: a background thread POSTs the pending alerts of the store as JSON, so that a slow
or failing receiver never holds up ingest. An alert is committed before it is sent; a failed call is
tried again 1 s, 2 s, 4 s ... later, ``DELIVERY_ATTEMPTS`` times in all, then marked failed. A watcher
killed with calls pending sends them on its next run (delivery is at least once: a receiver can tell
repeats by the alert's ``id``)."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

import httpx

from newsgraph.store import watch as sw
from newsgraph.store.core import Store
from newsgraph.watch.fetch import USER_AGENT


class WebhookSender:
    def __init__(self, store: Store, *, timeout: float = 10.0, base_delay: float = 1.0,
                 attempts: int = sw.DELIVERY_ATTEMPTS) -> None:
        self.store = store
        self.timeout = timeout
        self.base_delay = base_delay
        self.attempts = attempts
        self.delivered = 0
        self.failed = 0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsgraph-webhook", daemon=True)

    def start(self) -> WebhookSender:
        self._thread.start()
        return self

    def wake(self) -> None:
        """New alerts were committed: look at the queue now."""
        self._wake.set()

    def drain(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the calls due within that time; True when none is left pending."""
        deadline = time.time() + seconds
        self.wake()
        while time.time() < deadline:
            nxt = sw.next_delivery_at(self.store)
            if nxt is None:
                return True
            if sw.timestamp(nxt) > deadline:  # the next try comes after the deadline: it waits for the next run
                return False
            self.wake()
            time.sleep(0.05)
        return sw.next_delivery_at(self.store) is None

    def stop(self, wait: float = 2.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(wait)

    def _run(self) -> None:
        with httpx.Client(timeout=self.timeout, headers={"User-Agent": USER_AGENT}) as client:
            while not self._stop.is_set():
                try:
                    sent = self._send_due(client)
                    nxt = sw.next_delivery_at(self.store)
                except Exception:  # noqa: BLE001 - the store is busy or gone for a moment: try again shortly
                    sent, nxt = 0, None
                    self._stop.wait(1.0)
                if sent:
                    continue
                wait = 60.0 if nxt is None else max(0.01, min(60.0, sw.timestamp(nxt) - time.time()))
                self._wake.wait(wait)
                self._wake.clear()

    def _send_due(self, client: httpx.Client) -> int:
        rows = sw.due_deliveries(self.store, time.time())
        for row in rows:
            if self._stop.is_set():
                break
            body: dict[str, Any] = {"id": row["id"], **json.loads(row["payload"])}
            try:
                r = client.post(row["webhook"], content=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                                headers={"Content-Type": "application/json"})
                error = None if 200 <= r.status_code < 300 else f"HTTP {r.status_code} {r.reason_phrase}".rstrip()
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            tried = row["attempts"] + 1
            if error is None:
                self.delivered += 1
                sw.record_delivery(self.store, row["id"], error=None, next_attempt_at=None)
            elif tried >= self.attempts:
                self.failed += 1
                sw.record_delivery(self.store, row["id"], error=error, next_attempt_at=None)
            else:
                sw.record_delivery(self.store, row["id"], error=error, next_attempt_at=time.time() + self.base_delay * 2 ** (tried - 1))
        return len(rows)
