"""The README documents every command and every column of the claims table."""
from __future__ import annotations

import pytest

from conftest import ROOT
from pbmine.cli import app
from pbmine.schema import COLUMNS

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [c.name or c.callback.__name__ for c in app.registered_commands])
def test_every_command_in_readme(command):
    assert f"pbmine {command}" in README


@pytest.mark.parametrize("column", COLUMNS)
def test_every_column_in_readme(column):
    assert f"`{column}`" in README


def test_the_two_commands():
    assert "make demo" in README and "make test" in README
