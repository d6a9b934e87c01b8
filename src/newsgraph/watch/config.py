"""The watch configuration (TOML): sources to follow, alert rules, and a few settings.

    [watch]                        # optional; the defaults are shown
    timeout = "20s"                # per HTTP request (feed or article page), the whole response included
    max_backoff = "6h"             # longest wait after repeated errors (never shorter than a source's interval)
    fetchers = 8                   # sources fetched at the same time (coding stays in one process, or on Dask)
    drain = "10s"                  # with --once, how long to wait for pending webhook calls before exiting

    [[source]]
    name = "lemonde-international" # optional: the URL or path by default
    url = "https://www.lemonde.fr/international/rss_full.xml"
    every = "15m"                  # s, m, h, d; combined as "1h30m"
    fetch_pages = true             # an item with only a summary: fetch its page and extract the main text
    lenient = false                # accept the items feedparser recovers from malformed XML

    [[source]]
    path = "incoming/"             # a directory where files arrive; relative to this file
    every = "1m"

    [[alert]]
    name = "rus-ukr-assault"
    actor = "RUS"                  # actor, recipient, party (either side), cameo: code prefixes
    recipient = "UKR"
    event = "ASSAULT"              # a PLOVER type
    quad_class = [3, 4]            # or one number
    min_goldstein = -10
    max_goldstein = -5
    status = ["asserted"]          # default: any status
    webhook = "https://hooks.example.org/newsgraph"

Every mistake is an ``InputError`` naming the file and the entry: unknown keys, wrong types, bad
intervals, duplicate names, a rule with no condition.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.store.watch import STATUSES, AlertRule, parse_duration

__all__ = ["WatchConfig", "SourceConfig", "WatchSettings", "load_config", "parse_config", "parse_duration"]

@dataclass(frozen=True, slots=True)
class SourceConfig:
    name: str
    kind: str  # feed | directory
    location: str  # URL, or an absolute directory path
    every: float
    fetch_pages: bool = True
    lenient: bool = False


@dataclass(frozen=True, slots=True)
class WatchSettings:
    timeout: float = 20.0
    max_backoff: float = 6 * 3600.0
    fetchers: int = 8
    drain: float = 10.0


@dataclass(frozen=True, slots=True)
class WatchConfig:
    path: Path
    sources: tuple[SourceConfig, ...]
    rules: tuple[AlertRule, ...] = ()
    settings: WatchSettings = field(default_factory=WatchSettings)


SOURCE_KEYS = {"name", "url", "path", "every", "fetch_pages", "lenient"}
ALERT_KEYS = {"name", "actor", "recipient", "party", "event", "cameo", "quad_class", "min_goldstein", "max_goldstein", "status",
              "webhook"}
SETTING_KEYS = {"timeout", "max_backoff", "fetchers", "drain"}
TOP_KEYS = {"watch", "source", "alert"}


class _Entry:
    """Reads one table of the file, with errors that say which one."""

    def __init__(self, path: Path, where: str, data: Any, known: set[str]) -> None:
        self.path, self.where = path, where
        if not isinstance(data, dict):
            self.fail(f"must be a table, not {type(data).__name__}")
        unknown = sorted(set(data) - known)
        if unknown:
            self.fail(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(known))})")
        self.data = data

    def fail(self, message: str) -> None:
        raise InputError(f"{self.where}: {message}", source=str(self.path))

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        value = self.data.get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            self.fail(f"{key} must be {_kind_name(kind)}, not {value!r}")
        if not isinstance(value, kind):
            self.fail(f"{key} must be {_kind_name(kind)}, not {value!r}")
        return value

    def text(self, key: str) -> str | None:
        value = self.get(key, str)
        if value is not None and not value.strip():
            self.fail(f"{key} must not be empty")
        return value.strip() if value is not None else None

    def duration(self, key: str, default: str | None = None) -> float | None:
        value = self.data.get(key, default)
        if value is None:
            return None
        try:
            return parse_duration(value, key)
        except ValueError as exc:
            self.fail(str(exc))
        return None  # unreachable


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false", list: "a list"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def load_config(path: str | Path) -> WatchConfig:
    """Read and check a watch configuration; raises ``InputError`` naming the file and the entry."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", source=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", source=str(path)) from None
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> WatchConfig:
    top = _Entry(path, "top level", data, TOP_KEYS)
    settings = _settings(path, data.get("watch", {}))
    for key in ("source", "alert"):
        if isinstance(data.get(key), dict):
            top.fail(f"write [[{key}]] (one per {key}), not [{key}]")
    raw_sources = top.get("source", list, [])
    if not raw_sources:
        top.fail("no [[source]]: give at least one feed (url = ...) or directory (path = ...)")
    sources = [_source(path, n, s) for n, s in enumerate(raw_sources, start=1)]
    names = [s.name for s in sources]
    for name in names:
        if names.count(name) > 1:
            top.fail(f"two sources are named {name!r}; give them different names")
    rules = [_rule(path, n, r) for n, r in enumerate(top.get("alert", list, []), start=1)]
    rule_names = [r.name for r in rules]
    for name in rule_names:
        if rule_names.count(name) > 1:
            top.fail(f"two alerts are named {name!r}; give them different names")
    return WatchConfig(path=path, sources=tuple(sources), rules=tuple(rules), settings=settings)


def _settings(path: Path, data: Any) -> WatchSettings:
    e = _Entry(path, "[watch]", data, SETTING_KEYS)
    fetchers = e.get("fetchers", int, 8)
    if fetchers < 1:
        e.fail(f"fetchers must be at least 1, not {fetchers}")
    return WatchSettings(timeout=e.duration("timeout", "20s") or 20.0, max_backoff=e.duration("max_backoff", "6h") or 21600.0,
                         fetchers=fetchers, drain=e.duration("drain", "10s") or 10.0)


def _source(path: Path, n: int, data: Any) -> SourceConfig:
    e = _Entry(path, f"[[source]] {n}", data, SOURCE_KEYS)
    url, folder = e.text("url"), e.text("path")
    if (url is None) == (folder is None):
        e.fail("give exactly one of url (an RSS/Atom feed) or path (a directory)")
    if url is not None:
        if not re.match(r"https?://[^/\s]+", url):
            e.fail(f"url must start with http:// or https://, not {url!r}")
        kind, location = "feed", url
    else:
        p = Path(folder).expanduser()  # type: ignore[arg-type]
        location = str(p if p.is_absolute() else (path.parent / p).resolve())
        kind = "directory"
    if "every" not in e.data:
        e.fail('every is required: how often to poll, such as every = "15m"')
    every = e.duration("every")
    return SourceConfig(name=e.text("name") or location, kind=kind, location=location, every=every or 0.0,
                        fetch_pages=e.get("fetch_pages", bool, True), lenient=e.get("lenient", bool, False))


def _rule(path: Path, n: int, data: Any) -> AlertRule:
    from newsgraph.cameo import PLOVER_TYPES

    e = _Entry(path, f"[[alert]] {n}", data, ALERT_KEYS)
    name = e.text("name")
    if name is None:
        e.fail("name is required (it is stored with each alert)")
    codes = {k: (e.text(k) or "").upper() or None for k in ("actor", "recipient", "party")}
    event = (e.text("event") or "").upper() or None
    if event and event not in PLOVER_TYPES:
        e.fail(f"event {event!r} is not a PLOVER type; one of {', '.join(PLOVER_TYPES)}")
    cameo = e.text("cameo")
    if cameo is not None and not cameo.isdigit():
        e.fail(f"cameo must be a CAMEO code prefix of digits, such as \"19\", not {cameo!r}")
    quad = e.get("quad_class", (int, list))
    quads = tuple(quad) if isinstance(quad, list) else ((quad,) if quad is not None else ())
    if any(isinstance(q, bool) or not isinstance(q, int) or q not in (1, 2, 3, 4) for q in quads):
        e.fail(f"quad_class takes 1, 2, 3 or 4 (or a list of them), not {quad!r}")
    bounds = {k: e.get(k, (int, float)) for k in ("min_goldstein", "max_goldstein")}
    for k, v in bounds.items():
        if v is not None and not -10 <= v <= 10:
            e.fail(f"{k} must lie between -10 and 10, not {v}")
    if None not in bounds.values() and bounds["min_goldstein"] > bounds["max_goldstein"]:
        e.fail("min_goldstein is above max_goldstein")
    status = e.get("status", (str, list))
    statuses = tuple(status) if isinstance(status, list) else ((status,) if status is not None else ())
    for s in statuses:
        if s not in STATUSES:
            e.fail(f"status {s!r} is not one of {', '.join(STATUSES)}")
    webhook = e.text("webhook")
    if webhook is not None and not re.match(r"https?://[^/\s]+", webhook):
        e.fail(f"webhook must be an http:// or https:// URL, not {webhook!r}")
    rule = AlertRule(name=name, actor=codes["actor"], recipient=codes["recipient"], party=codes["party"], event=event,  # type: ignore[arg-type]
                     cameo=cameo, quad_class=quads, min_goldstein=_num(bounds["min_goldstein"]),
                     max_goldstein=_num(bounds["max_goldstein"]), status=statuses, webhook=webhook)
    if not any((rule.actor, rule.recipient, rule.party, rule.event, rule.cameo, rule.quad_class, rule.status,
                rule.min_goldstein is not None, rule.max_goldstein is not None)):
        e.fail("has no condition, so it would match every event: give actor, recipient, party, event, cameo, "
               "quad_class, min_goldstein, max_goldstein or status")
    return rule


def _num(v: Any) -> float | None:
    return None if v is None else float(v)
