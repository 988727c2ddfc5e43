"""``dyad demo``: the bundled sample corpus, coded and stored, with a look at what was found."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

CORPUS_DIR = Path(__file__).parent / "corpus"

NEXT_STEPS = """\
[bold]Try next[/bold]
  dyad extract ARTICLE.txt --date 2024-10-30 --format table
  dyad ingest my-news/ --db events.duckdb
  dyad events --db events.duckdb --actor PRK --format table
  dyad events --db events.duckdb --dyad RUS UKR --root 19
  dyad export --db events.duckdb --format parquet --out events.parquet
  dyad evaluate GOLD.jsonl --by-type --errors 5"""


def run_demo(
    db: Path,
    nlp: str | None = None,
    console: Console | None = None,
    progress: Callable[[], Any] | None = None,
) -> Any:
    """Ingest the corpus into ``db`` and print top dyads, sample events and next steps.

    Returns:
        The ingest summary.
    """
    from dyad.pipeline import get_pipeline
    from dyad.store import Store, ingest

    con = console or Console()
    pipe = get_pipeline(nlp)
    with Store(db) as store:
        if progress is not None:
            with progress() as prog:
                task = prog.add_task("ingesting demo corpus", total=None)

                def tick(s: Any) -> None:
                    prog.update(task, completed=s.read)

                summary = ingest([str(CORPUS_DIR)], store, pipe, progress=tick)
        else:
            summary = ingest([str(CORPUS_DIR)], store, pipe)
        data = dataclasses.asdict(summary)
        con.print(
            f"[bold]dyad demo[/bold]: {data.get('read', '?')} documents read, "
            f"{data.get('stored', '?')} stored, {data.get('duplicates', 0)} duplicates, "
            f"{data.get('events', '?')} events "
            f"(database: {db})"
        )
        rows = store.top_dyads(40, factuality="asserted")
        # domestic pairs (UKRGOV → UKRMIL) are events too, but the demo shows relations
        con.print(_dyads_table([r for r in rows if r.source != r.target][:10]))
        sample = [
            e for e in store.events(factuality="asserted", limit=400) if e.source and e.target
        ]
        # the most telling first: specific events before bare statements, then by confidence
        sample.sort(key=lambda e: (e.cameo_root == "01", -e.confidence))
        con.print(_evidence_table(sample[:8]))
    con.print(NEXT_STEPS)
    return summary


def _dyads_table(rows: list[Any]) -> Table:
    t = Table(title="top international dyads (asserted events)")
    for col in ("source", "target", "events", "mean Goldstein"):
        t.add_column(col)
    for r in rows:
        t.add_row(str(r.source), str(r.target), str(r.count), f"{r.mean_goldstein:+.1f}")
    return t


def _evidence_table(events: list[Any]) -> Table:
    t = Table(title="a few events with their evidence", show_lines=True)
    for col in ("event", "evidence"):
        t.add_column(col, overflow="fold")
    for e in events:
        text = Text(e.sentence)
        trig = e.evidence.trigger.text
        at = e.sentence.find(trig)  # the sentence is stored whole; mark the trigger inside it
        if at >= 0:
            text.stylize("bold yellow", at, at + len(trig))
        label = f"{e.source.code} → {e.cameo} {e.plover.type} → {e.target.code}\n{e.date or ''}"
        t.add_row(label, text)
    return t
