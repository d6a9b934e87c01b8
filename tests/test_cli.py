import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import main
from newsgraph.schema import validate_document

from conftest import SEED

pytestmark = pytest.mark.model


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_seed_gives_pretty_contract_json():
    result = run("extract", str(SEED))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("{\n")
    doc = json.loads(result.stdout)
    validate_document(doc)
    assert doc["document"]["id"] == "000_f0b6dedbf44acbc7"


def test_several_documents_give_json_lines(tmp_path: Path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Le président français a reçu le Premier ministre italien à Paris.\n", "utf-8")
    b.write_text("Les ministres européens se sont réunis à Bruxelles lundi.\n", "utf-8")
    result = run("extract", str(a), str(b))
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["document"]["id"] for line in lines] == ["a", "b"]
    for line in lines:
        validate_document(json.loads(line))


def test_format_jsonl_for_one_document(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text("Le président français a reçu le Premier ministre italien à Paris.\n", "utf-8")
    result = run("extract", "--format", "jsonl", str(a))
    assert len(result.stdout.strip().splitlines()) == 1


def test_bad_inputs_one_line_each_and_the_rest_goes_on(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("Le président français a reçu le Premier ministre italien à Paris.\n", "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", "utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    english = tmp_path / "en.txt"
    english.write_text("The French president received the Italian prime minister in Paris on Monday.\n", "utf-8")
    jsonl = tmp_path / "recs.jsonl"
    jsonl.write_text('{"id": "r1", "text": "La France a condamné l\'attaque."}\n{broken\n', "utf-8")
    result = run("extract", str(good), str(tmp_path / "missing.txt"), str(tmp_path), str(empty), str(binary),
                 str(english), str(jsonl))
    assert result.exit_code == 1
    ids = [json.loads(line)["document"]["id"] for line in result.stdout.strip().splitlines()]
    assert ids == ["good", "r1"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 6, errors
    joined = "\n".join(errors)
    for needle in ["missing.txt: no such file", "directory", "empty text", "binary", "unsupported language", "line 2"]:
        assert needle in joined
    assert "Traceback" not in joined


def test_stdin_records():
    result = run("extract", "-", input='{"id": "x1", "text": "La Russie a opposé son veto à la résolution."}\n')
    assert result.exit_code == 0
    assert json.loads(result.stdout)["document"]["id"] == "x1"


def test_published_and_title_override(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text("Le président français a reçu le Premier ministre italien.\n", "utf-8")
    doc = json.loads(run("extract", "--published", "2020-02-03", "--title", "Visite", str(a)).stdout)
    assert doc["document"]["published"] == "2020-02-03" and doc["document"]["title"] == "Visite"


def test_real_entry_point_has_no_traceback(tmp_path: Path):
    exe = Path(sys.executable).parent / "newsgraph"
    proc = subprocess.run([str(exe), "extract", str(tmp_path / "missing.txt")], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr
    assert "missing.txt" in proc.stderr


def test_plain_text_on_stdin_is_one_document():
    """Issue 19: `echo "..." | newsgraph extract -` codes the text instead of refusing it."""
    result = run("extract", "-", input="La France a condamné mardi l'attaque.\n")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    validate_document(doc)
    assert doc["document"]["published"] is None and doc["document"]["published_source"] == "none"
    # no publication date: the weekday stays unresolved, never dated by the machine's clock
    assert [t["value"] for t in doc["times"]] == ["XXXX-WXX-2"]


def test_published_now_asks_for_the_clock():
    from datetime import date

    doc = json.loads(run("extract", "-", "--published", "now", input="La France a condamné mardi l'attaque.\n").stdout)
    assert doc["document"]["published"] == date.today().isoformat() and doc["document"]["published_source"] == "clock"
    (t,) = doc["times"]
    assert t["value"] <= date.today().isoformat() and len(t["value"]) == 10  # a past clause: the last Tuesday
    assert all(e["when"]["value"] for e in doc["events"])


def test_published_now_keeps_the_dates_the_inputs_give(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text("Titre\n\n6 juin 2017 . – La France a condamné mardi l'attaque.\n", "utf-8")
    b = tmp_path / "b.txt"
    b.write_text("La France a condamné mardi l'attaque.\n", "utf-8")
    lines = run("extract", "--published", "now", str(a), str(b)).stdout.strip().splitlines()
    sources = [json.loads(line)["document"]["published_source"] for line in lines]
    assert sources == ["dateline", "clock"]


def test_a_bad_published_date_is_one_clear_line(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text("La France a condamné l'attaque.\n", "utf-8")
    result = run("extract", "--published", "hier", str(a))
    assert result.exit_code == 2 and "--published" in result.stderr and "Traceback" not in result.stderr


def test_ingest_prints_one_summary(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text("La France a condamné l'attaque.\n", "utf-8")
    b = tmp_path / "b.json"
    b.write_text('{"id": "b", "text": "La Russie a opposé son veto à la résolution.", "published": "2023-09-05"}', "utf-8")
    exe = Path(sys.executable).parent / "newsgraph"
    proc = subprocess.run([str(exe), "ingest", str(a), str(b), "--db", str(tmp_path / "x.db")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines() == ["newsgraph: 2 inputs: 2 stored, 0 re-coded, 0 updated, 0 skipped as duplicates, 0 failed"]
