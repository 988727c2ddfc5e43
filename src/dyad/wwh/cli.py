"""``dyad wwh``: scores of the when/where/how-many stage on its three test sets.

The lead's CLI mounts :data:`app` as ``dyad wwh``; it can also run alone:
``python -m dyad.wwh.cli all``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from spacy.language import Language

from dyad.errors import DyadError
from dyad.wwh.evaluate import (
    DATES_FILE,
    PLACES_FILE,
    QUANTITIES_FILE,
    Metrics,
    evaluate_dates,
    evaluate_places,
    evaluate_quantities,
)

app = typer.Typer(
    help="Event dates, places and quantities: evaluate the stage on its test sets.",
    no_args_is_help=True,
    add_completion=False,
)
_out = Console()
_err = Console(stderr=True)

ErrorsOpt = Annotated[bool, typer.Option("--errors", help="Also list every case that failed.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")]
NlpOpt = Annotated[
    str | None,
    typer.Option(
        "--nlp", help="NLP pipeline: 'dyad' (default), 'blank', a package or a directory."
    ),
]


def _language(nlp: str | None) -> Language:
    from dyad.nlp import load

    return load(nlp)


def _show(results: list[Metrics], errors: bool, as_json: bool) -> None:
    if as_json:
        _out.print_json(
            json.dumps([{"name": m.name, "cases": m.cases, **m.scores} for m in results])
        )
    else:
        table = Table("test set", "cases", "metric", "value")
        for m in results:
            for name, value in m.scores.items():
                table.add_row(m.name, str(m.cases), name, f"{value:.1%}")
        _out.print(table)
    if errors:
        for m in results:
            for line in m.errors:
                _out.print(line, highlight=False, markup=False, emoji=False, soft_wrap=True)


def _run(fn: Callable[..., Metrics], *args: object) -> Metrics:
    try:
        result = fn(*args)
    except DyadError as exc:
        _err.print(f"error: {exc}", highlight=False, markup=False, emoji=False, soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None
    return result


@app.command()
def dates(
    path: Annotated[Path, typer.Argument(help="Dates test set (JSON lines).")] = DATES_FILE,
    nlp: NlpOpt = None,
    errors: ErrorsOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Score event dates (value and precision) on a dates test set."""
    _show([_run(evaluate_dates, path, _language(nlp))], errors, as_json)


@app.command()
def places(
    path: Annotated[Path, typer.Argument(help="Places test set (JSON lines).")] = PLACES_FILE,
    nlp: NlpOpt = None,
    errors: ErrorsOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Score place resolution (country, and coordinates within 50 km) on a places test set."""
    _show([_run(evaluate_places, path, _language(nlp))], errors, as_json)


@app.command()
def quantities(
    path: Annotated[
        Path, typer.Argument(help="Quantities test set (JSON lines).")
    ] = QUANTITIES_FILE,
    errors: ErrorsOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Score quantities (value, unit, approximation, ratio) on a quantities test set."""
    _show([_run(evaluate_quantities, path)], errors, as_json)


@app.command(name="all")
def all_sets(nlp: NlpOpt = None, errors: ErrorsOpt = False, as_json: JsonOpt = False) -> None:
    """Score all three bundled test sets."""
    lang = _language(nlp)
    results = [
        _run(evaluate_dates, DATES_FILE, lang),
        _run(evaluate_places, PLACES_FILE, lang),
        _run(evaluate_quantities, QUANTITIES_FILE),
    ]
    _show(results, errors, as_json)


if __name__ == "__main__":
    app()
