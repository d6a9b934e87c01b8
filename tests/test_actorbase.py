from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.actorbase import ActorBase, actor_base, clear_cache, load_people, user_rows_from_file
from newsgraph.text import norm
from newsgraph.errors import ResourceError


def test_size_floors():
    base = actor_base()
    countries = [e for e in base.entries.values() if e.kind == "country" and e.name and e.adjectives]
    people = [e for e in base.entries.values() if e.kind == "person" and e.roles]
    orgs = [e for e in base.entries.values() if e.kind in ("organization", "group")]
    assert len(countries) >= 190
    assert len(people) >= 400
    assert len(orgs) >= 60


def test_every_wikidata_id_is_well_formed_and_unique():
    seen = {}
    for e in actor_base().entries.values():
        if e.wikidata:
            assert e.wikidata.startswith("Q") and e.wikidata[1:].isdigit()
            assert e.wikidata not in seen, (e.key, seen.get(e.wikidata))
            seen[e.wikidata] = e.key


def test_spellings_and_transliterations():
    base = actor_base()
    for alias in ["Poutine", "Vladimir Putin", "Putin"]:
        assert [e.key for e in base.lookup(alias)] == ["putin"]
    for alias in ["Choïgou", "Shoïgou", "Shoigu"]:
        assert [e.key for e in base.lookup(alias)] == ["shoigu"]
    assert base.lookup("Kim Jong-un")[0].key == base.lookup("Kim Jong Un")[0].key == "kimjongun"


def test_dated_roles():
    from datetime import date

    base = actor_base()
    assert [e.key for e in base.holders("HOS", "USA", date(2016, 6, 1))] == ["obama"]
    assert [e.key for e in base.holders("HOS", "USA", date(2023, 6, 1))] == ["biden"]
    assert base.entries["shoigu"].code_on(date(2023, 1, 1)) == "RUSMIL"
    assert base.entries["guterres"].code_on(date(2023, 1, 1)) == "IGOUNO"


def test_country_forms():
    base = actor_base()
    for form in ["nord-coréen", "nord-coréenne", "nord-coréens", "nord-coréennes"]:
        assert base.adjectives[norm(form)] == "PRK"
    assert base.adjectives[norm("biélorusse")] == "BLR"
    assert base.capitals[norm("Pékin")] == "CHN"
    assert base.entries["prk"].name == "Corée du Nord"


def test_malformed_people_row_names_file_and_line():
    with pytest.raises(ResourceError, match=r"x.tsv, line 2: bad date"):
        load_people(ActorBase(), "# comment\nk\tName\t\tFRA\tHOS:2020-13-01:\t\n", "x.tsv")
    with pytest.raises(ResourceError, match=r"line 1: country"):
        load_people(ActorBase(), "k\tName\t\tFrance\t\t\n", "x.tsv")


def test_user_csv_errors(tmp_path: Path):
    bad = tmp_path / "a.csv"
    bad.write_text("key,name,country,roles\nx,X,FRA,HOS:notadate:\n", "utf-8")
    with pytest.raises(ResourceError, match="line 2"):
        user_rows_from_file(bad)
    nohead = tmp_path / "b.csv"
    nohead.write_text("foo,bar\n1,2\n", "utf-8")
    with pytest.raises(ResourceError, match="header"):
        user_rows_from_file(nohead)


def test_user_import_overrides_and_conflicts_are_reported(tmp_path: Path, monkeypatch):
    from newsgraph.cli.main import main

    monkeypatch.setenv("NEWSGRAPH_ACTORBASE", str(tmp_path / "base"))
    clear_cache()
    try:
        f = tmp_path / "mine.yaml"
        f.write_text(
            "- key: putin\n  name: Vladimir Poutine\n  country: RUS\n  roles: ['HOS:2012-05-07:']\n  aliases: [Le Tsar]\n"
            "- key: fakeland\n  name: Ministère de la Vérité\n  aliases: [Russie]\n  code: GBRGOV\n", "utf-8")
        result = CliRunner().invoke(main, ["actorbase", "import", str(f)])
        assert result.exit_code == 0, result.output
        assert "imported 1 people and 1 organisations" in result.output
        result = CliRunner().invoke(main, ["actorbase", "check"])
        assert "override: user entry 'putin' overrides shipped entry" in result.output
        assert "conflict: alias 'russie' is claimed by" in result.output
        assert [e.key for e in actor_base().lookup("Le Tsar")] == ["putin"]
        result = CliRunner().invoke(main, ["actorbase", "add", "--key", "jdoe", "--name", "Jean Dupont",
                                           "--country", "FRA", "--roles", "FM:2030-01-01:"])
        assert result.exit_code == 0
        assert actor_base().entries["jdoe"].code == "FRAGOV"
        bad = CliRunner().invoke(main, ["actorbase", "add", "--key", "x", "--name", "X", "--country", "France"])
        assert bad.exit_code == 1 and "France" in bad.stderr
    finally:
        clear_cache()
