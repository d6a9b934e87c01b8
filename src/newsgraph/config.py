"""Settings, read from the environment with defaults that suit a laptop."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class Settings:
    language: str = "fr"
    max_bytes: int = field(default_factory=lambda: _env_int("NEWSGRAPH_MAX_BYTES", 10_000_000))
    batch_size: int = field(default_factory=lambda: _env_int("NEWSGRAPH_BATCH_SIZE", 16))
    # documents between two returns of free memory to the system (0: never); see pipeline/memory.py
    release_every: int = field(default_factory=lambda: _env_int("NEWSGRAPH_RELEASE_EVERY", 16))


def get_settings(**overrides: object) -> Settings:
    base = Settings()
    if not overrides:
        return base
    values = {f: getattr(base, f) for f in base.__dataclass_fields__}
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)  # type: ignore[arg-type]
