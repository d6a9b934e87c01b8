"""A loopback HTTP server for the watch tests and benchmark (stdlib http.server in a thread): feeds
that change between polls with ETag and Last-Modified, article pages, every fault a source can show,
and webhook receivers that record what they get."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    """An RSS 2.0 feed; each item has guid, title, link, published and content (content:encoded) or summary."""
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
           f"<title>{escape(title)}</title><link>http://example.org/</link><description>test</description>"]
    for it in items:
        out.append("<item>")
        out.append(f"<guid>{escape(it['guid'])}</guid><title>{escape(it['title'])}</title>")
        if it.get("link"):
            out.append(f"<link>{escape(it['link'])}</link>")
        if it.get("published"):
            out.append(f"<pubDate>{escape(it['published'])}</pubDate>")
        if it.get("summary"):
            out.append(f"<description>{escape(it['summary'])}</description>")
        if it.get("content"):
            out.append(f"<content:encoded><![CDATA[{''.join(f'<p>{escape(p)}</p>' for p in it['content'].split(chr(10)) if p)}]]>"
                       "</content:encoded>")
        out.append("</item>")
    out.append("</channel></rss>")
    return "\n".join(out).encode("utf-8")


def article_page(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n") if p)
    return (f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{escape(title)}</title></head><body>"
            f"<nav><a href='/'>Accueil</a> | <a href='/monde'>Monde</a></nav><article><h1>{escape(title)}</h1>{paragraphs}</article>"
            f"<footer>Tous droits réservés.</footer></body></html>").encode("utf-8")


class FeedServer:
    """``feeds[path] = bytes`` serves a feed with validators; ``routes[path] = fn(handler)`` anything else;
    ``hooks[path] = n`` receives POSTs, answering 500 to the first n; ``posts[path]`` keeps the JSON bodies."""

    def __init__(self) -> None:
        self.feeds: dict[str, bytes] = {}
        self.modified: dict[str, float] = {}
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        self.hooks: dict[str, int] = {}
        self.posts: dict[str, list[Any]] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                with server.lock:
                    server.requests.append(("GET", self.path, dict(self.headers)))
                if self.path in server.routes:
                    server.routes[self.path](self)
                elif self.path in server.feeds:
                    server._serve_feed(self)
                else:
                    send(self, 404, b"not found")

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with server.lock:
                    server.requests.append(("POST", self.path, dict(self.headers)))
                    if self.path not in server.hooks:
                        failing = None
                    else:
                        failing = server.hooks[self.path] > 0
                        if failing:
                            server.hooks[self.path] -= 1
                        else:
                            server.posts.setdefault(self.path, []).append(json.loads(body))
                send(self, 404 if failing is None else 500 if failing else 200, b"ok")

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that hangs up (a timeout, a body over its limit) is what the faults are for

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def set_feed(self, path: str, body: bytes) -> None:
        with self.lock:
            if self.feeds.get(path) != body:
                self.modified[path] = time.time()
            self.feeds[path] = body

    def _serve_feed(self, h: BaseHTTPRequestHandler) -> None:
        with self.lock:
            body = self.feeds[h.path]
            modified = formatdate(self.modified[h.path], usegmt=True)
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if h.headers.get("If-None-Match") == etag or (h.headers.get("If-None-Match") is None
                                                       and h.headers.get("If-Modified-Since") == modified):
            send(h, 304, b"", {"ETag": etag, "Last-Modified": modified})
            return
        send(h, 200, body, {"ETag": etag, "Last-Modified": modified, "Content-Type": "application/rss+xml; charset=utf-8"})

    def fetched(self, path: str) -> list[dict[str, str]]:
        """The headers of every GET of ``path`` so far."""
        with self.lock:
            return [headers for method, p, headers in self.requests if method == "GET" and p == path]


def send(h: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if body:
        h.wfile.write(body)


# -- faults ------------------------------------------------------------------------------------------
def slow(seconds: float) -> Callable[[BaseHTTPRequestHandler], None]:
    def route(h: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        try:
            send(h, 200, rss("lent", []))
        except OSError:
            pass
    return route


def status(code: int) -> Callable[[BaseHTTPRequestHandler], None]:
    return lambda h: send(h, code, b"<html><body>erreur</body></html>", {"Content-Type": "text/html"})


def body(data: bytes, content_type: str = "application/rss+xml") -> Callable[[BaseHTTPRequestHandler], None]:
    return lambda h: send(h, 200, data, {"Content-Type": content_type})


def redirect_to(target: str) -> Callable[[BaseHTTPRequestHandler], None]:
    return lambda h: send(h, 302, b"", {"Location": target})


def huge(size: int) -> Callable[[BaseHTTPRequestHandler], None]:
    """A body of ``size`` bytes sent chunked, with no Content-Length to refuse it early."""
    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        chunk = b"<!-- " + b"x" * 65000 + b" -->"
        sent = 0
        try:
            for data in [b'<?xml version="1.0"?><rss version="2.0"><channel>'] + [chunk] * (size // len(chunk) + 1):
                h.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
                sent += len(data)
            h.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the client hung up once over its limit
    return route
