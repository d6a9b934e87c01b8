"""The public Python surface: names, errors, round trips, the store API, the documented example."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsgraph

from conftest import ROOT

DOCUMENTED = ["Document", "InputError", "NewsgraphError", "ResourceError", "Skipped", "StageError", "StoreError",
              "UnsupportedLanguage", "__version__", "extract", "extract_many", "open"]


def test_public_names_are_exactly_the_documented_ones():
    assert newsgraph.__all__ == sorted(newsgraph.__all__) == DOCUMENTED
    doc = (ROOT / "docs" / "python-api.md").read_text("utf-8")
    for name in DOCUMENTED:
        assert f"`{name}`" in doc


def test_error_tree():
    assert issubclass(newsgraph.UnsupportedLanguage, newsgraph.InputError)
    assert issubclass(newsgraph.InputError, newsgraph.NewsgraphError)
    assert issubclass(newsgraph.StoreError, newsgraph.NewsgraphError)


@pytest.mark.model
def test_unsupported_language_and_empty_text():
    with pytest.raises(newsgraph.UnsupportedLanguage):
        newsgraph.extract("The president of the United States met the Chinese leader in Beijing on Monday.")
    with pytest.raises(newsgraph.InputError):
        newsgraph.extract("   ")


@pytest.mark.model
def test_extract_many_yields_documents_and_skips():
    out = list(newsgraph.extract_many([{"id": "a", "text": "La France a condamné l'attaque contre l'Ukraine."}, "",
                                       "Le Japon a envoyé une aide au Népal."]))
    assert isinstance(out[0], newsgraph.Document) and out[0].document.id == "a"
    assert isinstance(out[1], newsgraph.Skipped) and "empty" in out[1].reason
    assert isinstance(out[2], newsgraph.Document)


@pytest.mark.model
def test_frames_need_pandas_and_name_the_extra(tmp_path, monkeypatch):
    store = newsgraph.open(str(tmp_path / "x.db"))
    store.ingest_texts([{"id": "t", "text": "La Russie a menacé l'Ukraine de représailles.", "published": "2022-01-10"}])
    assert store.events(party="RUS")
    assert list(store.events_frame()["event"]) == ["THREATEN"]
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(newsgraph.StoreError, match=r"newsgraph\[pandas\]"):
        store.actors_frame()


@pytest.mark.model
def test_documented_example_runs(tmp_path):
    text = (ROOT / "docs" / "python-api.md").read_text("utf-8")
    code = re.search(r"```python\n(.*?)```", text.split("## A worked example")[1], re.S).group(1)
    script = tmp_path / "example.py"
    script.write_text(code, "utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "CONSULT" in proc.stdout and "stored" in proc.stdout


def test_public_modules_are_typed():
    assert (Path(newsgraph.__file__).parent / "py.typed").exists()
    proc = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--follow-imports=silent",
                           "-p", "newsgraph.api", "-p", "newsgraph.model", "-p", "newsgraph.errors", "-m", "newsgraph"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]
