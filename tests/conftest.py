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


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    """A fresh database: a real SQLite file, and a real Postgres server when NEWSGRAPH_TEST_PG_URL names one."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    url = os.environ.get("NEWSGRAPH_TEST_PG_URL")
    if not url:
        skip_or_fail("no Postgres server: set NEWSGRAPH_TEST_PG_URL (.ci/run starts one)")
    import uuid

    from sqlalchemy import create_engine, text

    name = "ng_test_" + uuid.uuid4().hex[:10]
    admin = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001
        skip_or_fail(f"Postgres at NEWSGRAPH_TEST_PG_URL is not reachable: {exc}")
    base, _, _ = url.rpartition("/")
    yield f"{base}/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory):
    """Five short French articles, one wire copy, one bad file: written once per session."""
    d = tmp_path_factory.mktemp("corpus")
    articles = {
        "a1": ("Sommet à Pékin", "2023-03-01", "Le président russe a rencontré le président chinois à Pékin le 1er mars 2023. "
               "Les deux dirigeants ont signé un accord de coopération."),
        "a2": ("Sanctions", "2023-03-02", "Le 2 mars 2023, l'Union européenne a sanctionné la Russie. Moscou a condamné ces sanctions. "
               "Les ministres des Affaires étrangères des vingt-sept États membres se sont réunis à Bruxelles pour "
               "adopter ce nouveau paquet de mesures, le dixième depuis le début de la guerre en Ukraine."),
        "a3": ("Visite", "2023-03-03", "Le 1er mars 2023, le président russe a rencontré le président chinois à Pékin, "
               "a rapporté l'agence Tass. La Chine a salué la visite."),
        "a4": ("Menace", "2023-03-05", "La Corée du Nord a menacé le Japon. Le Japon a protesté auprès de Pyongyang."),
        "a5": ("Essai", "2023-04-10", "La Corée du Nord a procédé à un tir de missile balistique le 9 avril 2023."),
    }
    for name, (title, published, body) in articles.items():
        (d / f"{name}.json").write_text(json.dumps({"id": name, "title": title, "published": published,
                                                     "text": f"{title}\n\n{body}\n"}, ensure_ascii=False), "utf-8")
    wire = json.loads((d / "a2.json").read_text("utf-8"))
    wire.update(id="a2-wire", text=wire["text"] + "Source : AFP.\n")
    (d / "a2-wire.json").write_text(json.dumps(wire, ensure_ascii=False), "utf-8")
    (d / "bad.jsonl").write_text('{"id": "x", "text": "The English text here is not French at all, sorry."}\n{broken\n', "utf-8")
    return d
