"""dyad's command line: each command parses arguments, shows progress and maps errors to exit codes.

The work is done by public functions (``dyad.extract``, ``dyad.ingest.read_path``,
``dyad.store``, ``dyad.evaluation.evaluate``) so that tests, the API and the CLI agree.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import sys
import tempfile
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dyad.errors import DyadError, bad_date

app = typer.Typer(
    help="dyad: political event data (CAMEO, PLOVER) from news, with actors, factuality, "
    "dates, places and provenance.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])


class Fmt(StrEnum):
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


class ExportFmt(StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


def _friendly(fn: F) -> F:
    """Map DyadError to its message and exit code, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except DyadError as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False, markup=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _check_date(value: str | None) -> str | None:
    import re

    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise bad_date(value)
    return value


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


DateOpt = Annotated[
    str | None, typer.Option("--date", help="Publication date YYYY-MM-DD for undated input.")
]
NlpOpt = Annotated[
    str | None,
    typer.Option(
        "--nlp",
        help="NLP pipeline: 'dyad' (bundled, default), 'blank' (rules only), an installed "
        "spaCy package such as en_core_web_sm, or a pipeline directory.",
    ),
]
DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]


# ---------------------------------------------------------------- extract


@app.command()
@_friendly
def extract(
    path: Annotated[
        str,
        typer.Argument(
            help="A file (text, HTML, RSS/Atom, WARC, JSONL), a folder, or - for stdin."
        ),
    ],
    date: DateOpt = None,
    format: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.jsonl,
    nlp: NlpOpt = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="Force the input kind: text, html, rss, warc, jsonl."),
    ] = None,
    asserted_only: Annotated[
        bool,
        typer.Option(
            "--asserted-only",
            help="Print only asserted events (not negated, hypothetical or future ones).",
        ),
    ] = False,
) -> None:
    """Code events from PATH and print them to stdout."""
    from dyad.ingest import read_path
    from dyad.model import Document, Skipped, to_dict
    from dyad.pipeline import get_pipeline

    date = _check_date(date)
    pipe = get_pipeline(nlp)
    docs: list[Document] = []
    for item in read_path(path, date=date, kind=kind):
        if isinstance(item, Skipped):
            err.print(f"skipped {item.origin}: {item.reason}", highlight=False)
        else:
            docs.append(item)
    events: list[Any] = []
    coded_docs: list[Any] = []
    with _progress() as prog:
        task = prog.add_task("coding", total=len(docs))
        for coded in pipe.run(docs):
            coded_docs.append(coded)
            events.extend(
                e for e in coded.events if not asserted_only or e.factuality == "asserted"
            )
            prog.advance(task)
    if format is Fmt.jsonl:
        for e in events:
            sys.stdout.write(json.dumps(to_dict(e), ensure_ascii=False) + "\n")
    elif format is Fmt.csv:
        _write_csv(coded_docs, "asserted" if asserted_only else None)
    else:
        out.print(_events_table(events))


def _write_csv(coded: list[Any], factuality: str | None) -> None:
    """The same flat, GDELT-like CSV as ``dyad export``, through an in-memory store."""
    from dyad.store import Store, export

    sys.stdout.flush()
    with Store(":memory:") as store:
        store.add(coded)
        export(store, "csv", "-", factuality=factuality)


def _actor_cell(a: Any) -> str:
    return "" if a is None else f"{a.code} ({a.text})"


def _events_table(events: list[Any], title: str | None = None) -> Table:
    t = Table(title=title, show_lines=False)
    for col in ("sent", "source", "cameo", "target", "factuality", "date", "place", "trigger"):
        t.add_column(col, overflow="fold")
    for e in events:
        t.add_row(
            str(e.sentence_index),
            _actor_cell(e.source),
            f"{e.cameo} {e.plover.type}",
            _actor_cell(e.target),
            e.factuality,
            e.date or "",
            e.location.name if e.location else "",
            e.evidence.trigger.text,
        )
    return t


# ---------------------------------------------------------------- ingest / events / export


@app.command()
@_friendly
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read.")],
    db: DbOpt = Path("events.duckdb"),
    date: DateOpt = None,
    nlp: NlpOpt = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="Force the input kind: text, html, rss, warc, jsonl."),
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.")] = 200,
    processes: Annotated[int, typer.Option(help="Worker processes for the NLP pipeline.")] = 1,
) -> None:
    """Read, code and store documents in a DuckDB database; print a summary."""
    from dyad.pipeline import Pipeline, get_pipeline
    from dyad.store import Store
    from dyad.store import ingest as run_ingest

    date = _check_date(date)
    pipe = get_pipeline(nlp) if processes == 1 else Pipeline(nlp, n_process=processes)
    with _progress() as prog, Store(db) as store:
        task = prog.add_task("ingesting", total=None)

        def tick(s: Any) -> None:
            prog.update(
                task, completed=s.read, description=f"stored {s.stored}, duplicates {s.duplicates}"
            )

        summary = run_ingest(
            paths, store, pipe, date=date, kind=kind, batch_size=batch_size, progress=tick
        )
    out.print(_summary_table(summary))


def _summary_table(summary: Any) -> Table:
    t = Table(title="ingest summary", show_header=False)
    data = dataclasses.asdict(summary)
    for k, v in data.items():
        if isinstance(v, dict):
            v = ", ".join(f"{a}: {b}" for a, b in v.items()) or "none"
        t.add_row(k.replace("_", " "), str(v))
    return t


@app.command()
@_friendly
def events(
    db: DbOpt = Path("events.duckdb"),
    actor: Annotated[
        str | None, typer.Option(help="Actor code, country or IGO (source or target), e.g. PRK.")
    ] = None,
    dyad: Annotated[
        tuple[str, str] | None, typer.Option(help="Source and target, e.g. --dyad PRK RUS.")
    ] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root, e.g. 19.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date YYYY-MM-DD.")] = None,
    factuality: Annotated[
        str | None, typer.Option(help="asserted, negated, hypothetical or future.")
    ] = None,
    both: Annotated[bool, typer.Option("--both", help="With --dyad: both directions.")] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    format: Annotated[Fmt, typer.Option("--format", help="Output format.")] = Fmt.table,
) -> None:
    """Query stored events."""
    from dyad.model import to_dict
    from dyad.store import Store

    _check_date(since)
    _check_date(until)
    with Store(db, read_only=True) as store:
        found = store.events(
            actor=actor, dyad=dyad, root=root, since=since, until=until,
            factuality=factuality, limit=limit, both_directions=both,
        )  # fmt: skip
    if format is Fmt.jsonl:
        for e in found:
            sys.stdout.write(json.dumps(to_dict(e), ensure_ascii=False) + "\n")
    elif format is Fmt.csv:
        from dyad.store import export as run_export

        sys.stdout.flush()
        with Store(db, read_only=True) as store:
            run_export(
                store, "csv", "-", actor=actor, dyad=dyad, root=root, since=since, until=until,
                factuality=factuality, limit=limit,
            )  # fmt: skip
    else:
        out.print(_events_table(found, title=f"{len(found)} events"))


@app.command()
@_friendly
def export(
    db: DbOpt = Path("events.duckdb"),
    format: Annotated[
        ExportFmt, typer.Option("--format", help="csv (flat, GDELT-like), parquet or jsonl.")
    ] = ExportFmt.csv,
    out_path: Annotated[Path, typer.Option("--out", help="Output file.")] = Path("events.csv"),
) -> None:
    """Export all stored events to a file."""
    from dyad.store import Store
    from dyad.store import export as run_export

    with Store(db, read_only=True) as store:
        n = run_export(store, format.value, out_path)
    out.print(f"wrote {n} events to {out_path}")


# ---------------------------------------------------------------- demo


@app.command()
@_friendly
def demo(
    nlp: NlpOpt = None,
    keep: Annotated[Path | None, typer.Option(help="Keep the demo database at this path.")] = None,
) -> None:
    """Ingest the bundled sample corpus into a temporary DuckDB and show what dyad found."""
    from dyad.demo import run_demo

    with tempfile.TemporaryDirectory() as tmp:
        db = keep or Path(tmp) / "demo.duckdb"
        run_demo(db, nlp=nlp, console=out, progress=_progress)


# ---------------------------------------------------------------- evaluate


@app.command()
@_friendly
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file (JSONL, see docs/evaluation.md).")],
    by_type: Annotated[
        bool, typer.Option("--by-type", help="Per-type precision, recall, F1.")
    ] = False,
    errors: Annotated[
        int, typer.Option("--errors", help="Show the first N errors side by side.")
    ] = 0,
    limit: Annotated[int | None, typer.Option(help="Score only the first N records.")] = None,
    sample: Annotated[
        int | None, typer.Option(help="Score N records spread evenly over the file.")
    ] = None,
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    nlp: NlpOpt = None,
) -> None:
    """Score the coder on a gold file: precision, recall, F1 and type accuracy."""
    from dyad import extract as dyad_extract
    from dyad.evaluation import evaluate as run_evaluate
    from dyad.evaluation import render

    def coder(text: str, date: str | None) -> list[Any]:
        return dyad_extract(text, date=date, nlp=nlp)

    with _progress() as prog:
        task = prog.add_task("evaluating", total=None)
        report = run_evaluate(
            gold, coder, by_type=by_type, errors=errors, limit=limit, sample=sample,
            progress=lambda i, n: prog.update(task, completed=i, total=n),
        )  # fmt: skip
    if format == "json":
        sys.stdout.write(json.dumps(report.to_dict(), indent=2) + "\n")
    else:
        out.print(render(report))


def _mount_subapps() -> None:
    """Sub-commands owned by their stages: ``dyad nlp ...`` and ``dyad wwh ...``."""
    try:
        from dyad.nlp.cli import app as nlp_app

        app.add_typer(nlp_app, name="nlp", help="Train and evaluate dyad's English pipeline.")
    except ImportError as exc:  # pragma: no cover - only while a stage is missing
        logging.getLogger(__name__).debug("no nlp cli: %s", exc)
    try:
        from dyad.actors.cli import app as actors_app

        app.add_typer(
            actors_app,
            name="actors",
            help="Check actor dictionaries, resolve names, list mentions.",
        )
    except ImportError as exc:  # pragma: no cover
        logging.getLogger(__name__).debug("no actors cli: %s", exc)
    try:
        from dyad.wwh.cli import app as wwh_app

        app.add_typer(wwh_app, name="wwh", help="Evaluate dates, places and quantities.")
    except ImportError as exc:  # pragma: no cover
        logging.getLogger(__name__).debug("no wwh cli: %s", exc)


_mount_subapps()


if __name__ == "__main__":  # pragma: no cover
    app()
