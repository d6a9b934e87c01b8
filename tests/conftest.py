"""Shared fixtures. Tests that load the real French model are marked ``model``: they still run in CI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "000_f0b6dedbf44acbc7.txt"
ROOT = Path(__file__).parent.parent


def require_services() -> bool:
    return os.environ.get("NEWSGRAPH_REQUIRE_SERVICES") == "1"


def skip_or_fail(reason: str) -> None:
    """Skip with a visible reason, or fail when CI says every service must be there."""
    if require_services():
        pytest.fail(f"required service missing (NEWSGRAPH_REQUIRE_SERVICES=1): {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text("utf-8")


@pytest.fixture(scope="session")
def seed_doc():
    from newsgraph.ingest.readers import read_path
    from newsgraph.pipeline.runner import get_pipeline

    (raw,) = list(read_path(SEED))
    return get_pipeline().run(raw)


def load_gold(name: str) -> dict:
    return json.loads((FIXTURES / "gold" / f"{name}.gold.json").read_text("utf-8"))
