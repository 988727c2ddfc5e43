"""``dyad nlp``: train and evaluate dyad's English pipeline (thin layer over the Python API)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dyad.errors import DyadError

app = typer.Typer(
    help="Train and evaluate dyad's own English pipeline (tagger, parser, NER).",
    no_args_is_help=True,
)
console = Console()

DataOpt = Annotated[
    Path,
    typer.Option(
        "--data",
        help="Directory with the UD English EWT and GUM "
        "CoNLL-U files (en_{ewt,gum}-ud-{train,dev,test}.conllu).",
    ),
]


@app.command("train")
def train_cmd(
    data: DataOpt = Path("/work/shared/data/ud"),
    out: Annotated[Path, typer.Option(help="Output directory for corpus and runs.")] = Path(
        "training/output"
    ),
    config: Annotated[Path | None, typer.Option(help="Stage 1 spaCy config.")] = None,
    max_steps: Annotated[int, typer.Option(help="Stage 1 training steps at most.")] = 12000,
    patience: Annotated[int, typer.Option(help="Stop after this many steps without gain.")] = 4000,
    eval_frequency: Annotated[int, typer.Option(help="Steps between dev evaluations.")] = 500,
    ner_config: Annotated[
        Path | None, typer.Option(help="Stage 2 config (continue training, fresh NER).")
    ] = None,
    ner_extra: Annotated[
        list[Path] | None,
        typer.Option(help="More NER training DocBins, e.g. from training/re3d.py (repeatable)."),
    ] = None,
    ner_max_steps: Annotated[int, typer.Option(help="Stage 2 steps (0: skip stage 2).")] = 6000,
    install: Annotated[
        bool, typer.Option("--install", help="Save the final model to src/dyad/nlp/model.")
    ] = False,
) -> None:
    """Convert the treebanks, train the pipeline, then retrain its NER with extra data."""
    from dyad.nlp.train import train

    try:
        final = train(
            data, out, config, max_steps, patience, eval_frequency, install,
            ner_config, ner_extra, ner_max_steps,
        )  # fmt: skip
    except DyadError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(exc.exit_code) from exc
    console.print(f"final model: {final}")


@app.command("evaluate")
def evaluate_cmd(
    data: DataOpt = Path("/work/shared/data/ud"),
    model: Annotated[
        str,
        typer.Option(
            "--model", help="'dyad' (bundled), a spaCy package name or a pipeline directory."
        ),
    ] = "dyad",
    split: Annotated[str, typer.Option(help="Treebank split to score: test or dev.")] = "test",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print a Markdown table.")] = False,
) -> None:
    """Print UPOS, UAS, LAS (no punctuation), sentence F1, NER P/R/F1 and words/s on EWT and GUM."""
    from dyad.nlp import load
    from dyad.nlp.evaluate import evaluate, markdown_table

    try:
        nlp = load(model)
        results = [
            evaluate(nlp, data / f"{tb}-{split}.conllu", name=f"{tb}-{split}")
            for tb in ("en_ewt-ud", "en_gum-ud")
        ]
    except DyadError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(exc.exit_code) from exc
    if as_json:
        console.print_json(json.dumps([r.as_dict() for r in results]))
        return
    if markdown:
        typer.echo(markdown_table(results))
        return
    table = Table(title=f"dyad nlp evaluate ({model})")
    for col in (
        "set",
        "words",
        "UPOS",
        "XPOS",
        "lemma",
        "UAS",
        "LAS",
        "sent F1",
        "NER P",
        "NER R",
        "NER F1",
        "words/s",
    ):
        table.add_column(col, justify="right")
    for r in results:
        ner = [f"{r.ner.p:.3f}", f"{r.ner.r:.3f}", f"{r.ner.f:.3f}"] if r.ner else ["-", "-", "-"]
        table.add_row(
            r.name,
            str(r.words),
            f"{r.upos:.3f}",
            f"{r.xpos:.3f}",
            f"{r.lemma:.3f}",
            f"{r.uas:.3f}",
            f"{r.las:.3f}",
            f"{r.sents.f:.3f}",
            *ner,
            f"{r.words_per_sec:,.0f}",
        )
    console.print(table)
    for r in results:
        if r.ner:
            console.print(
                r.name
                + " NER by label: "
                + ", ".join(f"{lab} {v.f:.3f} ({v.n_gold})" for lab, v in r.ner_by_label.items())
            )
