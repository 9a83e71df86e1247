"""The README documents every command and every option (sqlite-utils' model)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from quotecli.cli import COMMANDS
from quotecli.cli.app import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMAND = typer.main.get_command(app)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name):
    assert name in COMMAND.commands
    assert f"quote {name}" in README


@pytest.mark.parametrize(
    "name, option",
    [
        (name, opt)
        for name, cmd in COMMAND.commands.items()
        for param in cmd.params
        for opt in param.opts
        if opt.startswith("--") and opt != "--help"
    ],
)
def test_every_option_is_in_the_readme(name, option):
    assert option in README, f"quote {name} {option} is not documented"
