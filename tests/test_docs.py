"""Docs are checked: every CLI command and option is in docs/cli.md; the README's commands exist."""

import click

from newsgraph.cli.main import main

from conftest import ROOT


def commands(cmd, prefix=""):
    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            yield from commands(sub, f"{prefix} {name}".strip())
    else:
        yield prefix, cmd


def test_every_command_and_option_is_documented():
    doc = (ROOT / "docs" / "cli.md").read_text("utf-8")
    for name, cmd in commands(main):
        assert f"`newsgraph {name}`" in doc, name
        for p in cmd.params:
            if isinstance(p, click.Option):
                for opt in p.opts:
                    assert f"`{opt}`" in doc, (name, opt)


def test_readme_commands_exist():
    readme = (ROOT / "README.md").read_text("utf-8")
    names = {name.split()[0] for name, _ in commands(main)}
    for line in readme.splitlines():
        if ".venv/bin/newsgraph " in line:
            sub = line.split(".venv/bin/newsgraph ", 1)[1].split()[0]
            assert sub in names, line
    assert "make demo" in readme and "make test" in readme


def test_docs_folder():
    for name in ("cli.md", "python-api.md", "output.md", "rest-api.md", "evaluation.md", "actor-base.md"):
        assert (ROOT / "docs" / name).exists(), name
