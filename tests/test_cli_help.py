"""Every command and every option says what it does in `--help`, and the help names the exit codes."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from kg.cli import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


COMMANDS = dict(_commands(cli))


@pytest.mark.parametrize("path", [" ".join(p) for p in COMMANDS])
def test_every_command_and_option_has_help(path):
    command = COMMANDS[tuple(path.split())]
    assert (command.help or "").strip(), f"kg {path} has no help text"
    missing = [param.name for param in command.params if isinstance(param, click.Option) and not (param.help or "").strip()]
    assert not missing, f"kg {path}: options without help: {missing}"
    result = CliRunner().invoke(cli, [*path.split(), "--help"])
    assert result.exit_code == 0 and command.help.strip().splitlines()[0][:30] in result.output


def test_the_group_options_have_help_and_the_exit_codes_are_documented():
    missing = [p.name for p in cli.params if isinstance(p, click.Option) and not (p.help or "").strip()]
    assert not missing
    shown = CliRunner().invoke(cli, ["--help"]).output
    for code in ("0 success", "1 some input could not be used", "2 a usage or", "3 the store failed"):
        assert code in " ".join(shown.split()), code
