"""Tests for the ``dyad nlp`` sub-app (dyad.nlp.cli)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dyad.nlp.cli import app

runner = CliRunner()


def test_cli_every_command_has_help() -> None:
    """train and evaluate both answer --help with their own description."""
    for command, words in (("train", "treebanks"), ("evaluate", "UPOS")):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, result.output
        assert words in result.output


def test_cli_evaluate_missing_data_is_an_input_error(tmp_path: Path) -> None:
    """evaluate on a directory without treebanks exits with the input-error code, not a trace."""
    result = runner.invoke(app, ["evaluate", "--data", str(tmp_path), "--model", "blank"])
    assert result.exit_code == 2
    assert "cannot read" in result.output
