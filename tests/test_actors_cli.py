"""Tests of the ``dyad actors`` commands (the sub-app the main CLI mounts)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dyad.actors.cli import app

runner = CliRunner()


def test_actors_cli_check_ok_and_bad_file(tmp_path: Path) -> None:
    """`check` passes dyad's files and exits 3 listing file:line for a bad user file."""
    assert runner.invoke(app, ["check"]).exit_code == 0
    bad = tmp_path / "bad.people.txt"
    bad.write_text("x | name: X\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(bad)])
    assert result.exit_code == 3
    assert f"{bad}:1:" in result.output.replace("\n", "")


def test_actors_cli_resolve_json() -> None:
    """`resolve --format json` prints the Actor's JSON form at the date."""
    result = runner.invoke(
        app, ["resolve", "Yoon Suk Yeol", "--date", "2024-10-30", "--format", "json"]
    )
    assert result.exit_code == 0
    assert json.loads(result.output)["code"] == "KORGOV"


def test_actors_cli_resolve_nothing_exits_1() -> None:
    """`resolve` of a phrase with no actor says so and exits 1."""
    result = runner.invoke(app, ["resolve", "the weather"])
    assert result.exit_code == 1 and "no actor" in result.output


def test_actors_cli_mentions_stdin() -> None:
    """`mentions -` reads standard input and prints one JSON line per mention."""
    result = runner.invoke(
        app, ["mentions", "-", "--format", "json"], input="North Korean troops reached Russia."
    )
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["actor"]["code"], r["kind"]) for r in rows] == [
        ("PRKMIL", "agent"),
        ("RUS", "country"),
    ]


def test_actors_cli_every_command_has_help() -> None:
    """Every `dyad actors` command has --help text and an entry in docs/actors.md."""
    docs = (Path(__file__).parents[1] / "docs" / "actors.md").read_text(encoding="utf-8")
    for command in ("check", "resolve", "mentions"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output
        assert f"dyad actors {command}" in docs


def test_actors_cli_mentions_unreadable_file_is_a_message(tmp_path: Path) -> None:
    """A missing or binary file gives the input, the reason and the fix, not a traceback."""
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["mentions", str(missing)])
    said = " ".join(result.output.split())
    assert result.exit_code == 2 and "No such file" in said and "UTF-8 text file" in said
    assert result.exception is None or isinstance(result.exception, SystemExit)
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    result = runner.invoke(app, ["mentions", str(binary)])
    assert result.exit_code == 2 and "not UTF-8" in " ".join(result.output.split())
