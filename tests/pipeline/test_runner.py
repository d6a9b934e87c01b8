"""The runner: stages built from their registered names with the language profile, an order check on
what each stage requires and provides, and a version that names the language data."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.lang import get_profile
from newsgraph.pipeline.runner import Pipeline
from newsgraph.pipeline.stages import default_stages
from newsgraph.pipeline.work import Work
from newsgraph.registry import stages

FR = get_profile("fr")


def test_registry_and_stage_order():
    before, after = default_stages(FR)
    assert [s.name for s in after] == ["actors", "times", "places", "quotes", "events"]
    with pytest.raises(NewsgraphError, match="known: .*events.v1"):
        stages.get("events.v9")
    with pytest.raises(NewsgraphError, match="requires"):
        Pipeline(before, list(reversed(after)), profile=FR)


def test_events_need_the_quote_speakers():
    """The event stage reads the quotes and who speaks in each: run before the quote stage, it is refused."""
    before, after = default_stages(FR)
    by_name = {s.name: s for s in after}
    order = [by_name[n] for n in ("actors", "times", "places", "events", "quotes")]
    with pytest.raises(NewsgraphError, match="'events' requires \\['quote_speakers', 'quotes'\\]"):
        Pipeline(before, order, profile=FR)
    Pipeline(before, [by_name[n] for n in ("actors", "times", "places", "quotes", "events")], profile=FR)


def test_work_has_typed_fields_only():
    names = {f.name for f in dataclasses.fields(Work)}
    assert "notes" not in names
    assert {"token_actor", "quote_speakers", "events_dropped", "failure"} <= names


def test_version_names_the_language_data():
    before, after = default_stages(FR)
    version = Pipeline(before, after, profile=FR).version
    assert version.startswith("newsgraph ") and f"lang {FR.version}" in version


def test_runner_does_not_import_the_package_root():
    import ast
    from pathlib import Path

    import newsgraph.pipeline

    for path in Path(newsgraph.pipeline.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "newsgraph":
                pytest.fail(f"{path.name} imports the package root")
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(("newsgraph.lang.fr", "newsgraph.cli",
                                                                                          "newsgraph.web", "newsgraph.store", "newsgraph.api")):
                pytest.fail(f"{path.name} imports {node.module}")
