"""``dyad wwh``: the sub-app's commands have help text and print the metrics."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dyad.wwh.cli import app

RUNNER = CliRunner()


def test_wwh_cli_every_command_has_help() -> None:
    """Each command answers --help with its own description."""
    for name in ("dates", "places", "quantities", "all"):
        result = RUNNER.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Score" in result.output


def test_wwh_cli_quantities_json(tmp_path: Path) -> None:
    """--json prints the metrics of a given test set; a failing case shows with --errors."""
    gold = tmp_path / "q.jsonl"
    gold.write_text(
        json.dumps(
            {
                "text": "At least 12 people died.",
                "quantities": [{"value": 12, "unit": "people", "approximate": True}],
            }
        )
        + "\n"
        + json.dumps({"text": "Two ships sank.", "quantities": []})
        + "\n",
        encoding="utf-8",
    )
    result = RUNNER.invoke(app, ["quantities", str(gold), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    assert '"accuracy": 0.5' in result.output
    assert "q.jsonl:2" in result.output


def test_wwh_cli_bad_gold_file_exit_code(tmp_path: Path) -> None:
    """A gold line that is not JSON gives the GoldError message and exit code, no traceback."""
    gold = tmp_path / "bad.jsonl"
    gold.write_text("not json\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["quantities", str(gold)])
    assert result.exit_code == 6
    assert "bad.jsonl:1: not JSON" in result.output


def test_wwh_cli_error_lines_are_printed_verbatim(tmp_path: Path) -> None:
    """Failure lines keep their file:line (rich must not turn ":100:" into an emoji)."""
    gold = tmp_path / "q.jsonl"
    lines = [json.dumps({"text": "Two ships sank.", "quantities": []})] * 100
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["quantities", str(gold), "--errors"])
    assert "q.jsonl:100:" in result.output
