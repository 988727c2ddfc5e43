"""The command line, driven through typer's runner: each command a thin layer over the API."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]

ARTICLE = (
    "SEOUL, Oct 30 — North Korea has deployed around 10,000 troops to Russia, the Pentagon said. "
    "Moscow threatened Seoul with consequences. Russian forces shelled Kharkiv on Tuesday."
)


@pytest.fixture()
def news(tmp_path: Path) -> Path:
    """A folder with a text article, a JSONL file of two documents and a binary file."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    rows = [
        {"id": "doc-1", "text": "Russia attacked Ukraine on Monday.", "date": "2024-05-14"},
        {"id": "doc-2", "text": "China praised Pakistan.", "date": "2024-05-15"},
    ]
    (folder / "b.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    (folder / "c.bin").write_bytes(b"\x00\x01\x02\xff" * 64)
    return folder


def test_cli_every_command_has_help_and_docs() -> None:
    """Every command answers --help, and the README or docs/ name it."""
    docs = (ROOT / "README.md").read_text() + "".join(
        p.read_text() for p in (ROOT / "docs").glob("*.md")
    )
    for cmd in (
        "extract",
        "ingest",
        "events",
        "export",
        "demo",
        "evaluate",
        "nlp",
        "wwh",
        "actors",
    ):
        result = runner.invoke(app, [cmd, "--help"])
        assert result.exit_code == 0, (cmd, result.output)
        assert "Usage" in result.output
        assert f"dyad {cmd}" in docs, f"dyad {cmd} is not documented"


def test_cli_extract_jsonl_keeps_document_ids(news: Path) -> None:
    """Events from a JSONL file carry each document's own id."""
    result = runner.invoke(app, ["extract", str(news / "b.jsonl"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert events and {e["doc_id"] for e in events} <= {"doc-1", "doc-2"}
    first = events[0]
    for key in ("event_id", "source", "target", "cameo", "cameo_root", "quad_class", "goldstein",
                "plover", "factuality", "date", "date_precision", "location", "quantities",
                "attribution", "quote", "evidence", "confidence"):  # fmt: skip
        assert key in first


def test_cli_extract_text_with_date_and_csv(news: Path) -> None:
    """A text file with --date codes the deployment; CSV has a header and flat columns."""
    result = runner.invoke(
        app, ["extract", str(news / "a.txt"), "--date", "2024-10-30", "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) >= 2 and "," in lines[0]
    assert "PRK" in result.stdout


def test_cli_extract_bad_date_is_a_clear_error(news: Path) -> None:
    """A malformed --date is reported with the fix, not a traceback."""
    result = runner.invoke(app, ["extract", str(news / "a.txt"), "--date", "30/10/2024"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output and "Traceback" not in result.output


def test_cli_extract_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    """A path that does not exist is named in the error."""
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0 and "nope.txt" in result.output


def test_cli_ingest_twice_is_idempotent_and_skips_binary(news: Path, tmp_path: Path) -> None:
    """Ingesting a folder twice stores the same rows; the binary file is skipped with a reason."""
    db = tmp_path / "events.duckdb"
    first = runner.invoke(app, ["ingest", str(news), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "unreadable" in first.output
    events1 = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    second = runner.invoke(app, ["ingest", str(news), "--db", str(db)])
    assert second.exit_code == 0, second.output
    events2 = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    assert events1.stdout == events2.stdout and events1.stdout.strip()
    assert re.search(r"duplicates\s*│\s*3", second.output), second.output


def test_cli_events_filters_and_export(news: Path, tmp_path: Path) -> None:
    """Query by actor and root; export CSV, Parquet and JSONL files."""
    db = tmp_path / "events.duckdb"
    assert runner.invoke(app, ["ingest", str(news), "--db", str(db)]).exit_code == 0
    res = runner.invoke(app, ["events", "--db", str(db), "--actor", "PRK", "--format", "jsonl"])
    rows = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    assert rows and all("PRK" in json.dumps([r["source"], r["target"]]) for r in rows)
    res = runner.invoke(app, ["events", "--db", str(db), "--root", "19", "--format", "jsonl"])
    assert all(
        json.loads(x)["cameo_root"] == "19" for x in res.stdout.splitlines() if x.startswith("{")
    )
    for fmt in ("csv", "parquet", "jsonl"):
        out = tmp_path / f"events.{fmt}"
        res = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
        assert res.exit_code == 0, res.output
        assert out.exists() and out.stat().st_size > 0


def test_cli_demo_runs_and_shows_dyads() -> None:
    """`dyad demo` ingests the bundled corpus and prints top dyads and next steps."""
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "top international dyads" in result.output and "Try next" in result.output
    assert re.search(r"2[0-9] documents read", result.output)
