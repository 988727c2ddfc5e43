"""``dyad actors``: check dictionaries, resolve a name, list mentions (over the Python API)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from dyad.errors import DyadError, unreadable

if TYPE_CHECKING:  # the dictionaries load spaCy; keep `dyad --help` fast
    from dyad.actors.dictionary import ActorDictionary

app = typer.Typer(
    help="Check actor dictionaries, resolve names and list the actor mentions of a text.",
    no_args_is_help=True,
)
console = Console()

DictOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--dict",
        help="Extra dictionary file (name ends in countries.txt, igos.txt, agents.txt, "
        "people.txt or groups.txt); repeatable.",
    ),
]
DateOpt = Annotated[
    str | None, typer.Option("--date", help="Date the roles are read at (YYYY-MM-DD).")
]
FormatOpt = Annotated[str, typer.Option("--format", help="Output: text or json.")]


def _load(paths: list[Path] | None) -> ActorDictionary:
    from dyad.actors.dictionary import ActorDictionary, default_dictionary

    return ActorDictionary.load(paths) if paths else default_dictionary()


def _read_text(source: str) -> str:
    """The text of a UTF-8 file, or of standard input for ``-``; a DyadError if unreadable."""
    if source == "-":
        return sys.stdin.read()
    fix = "pass a UTF-8 text file, or '-' and the text on standard input"
    try:
        return Path(source).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise unreadable(source, f"not UTF-8 text (byte {exc.start})", fix) from exc
    except OSError as exc:
        raise unreadable(source, exc.strerror or type(exc).__name__, fix) from exc


def _fail(exc: DyadError) -> typer.Exit:
    console.print(str(exc), style="red", markup=False, highlight=False)  # entries may hold "["
    return typer.Exit(exc.exit_code)


@app.command("check")
def check_cmd(
    files: Annotated[list[Path] | None, typer.Argument(help="Dictionary files to check.")] = None,
) -> None:
    """Read dyad's dictionaries and FILES strictly; list every bad entry as file:line: message."""
    try:
        dic = _load(files)
    except DyadError as exc:
        raise _fail(exc) from exc
    console.print(
        f"ok: {len(dic.countries)} countries, {len(dic.igos)} IGOs, "
        f"{len(dic.people)} people and groups, {len(dic.forms)} surface forms"
    )


@app.command("resolve")
def resolve_cmd(
    text: Annotated[str, typer.Argument(help="A name or phrase: 'Kim Jong Un', 'Russian forces'.")],
    date: DateOpt = None,
    dicts: DictOpt = None,
    format: FormatOpt = "text",
) -> None:
    """Print the actor a standalone name or phrase stands for on a date."""
    from dyad.actors import resolve
    from dyad.model import to_dict

    try:
        actor = resolve(text, date, _load(dicts))
    except DyadError as exc:
        raise _fail(exc) from exc
    if format == "json":
        sys.stdout.write(json.dumps(to_dict(actor), ensure_ascii=False) + "\n")
    elif actor is None:
        console.print("no actor")
    else:
        console.print(f"{actor.code}\t{actor.name or ''}\t{actor.text}", highlight=False)
    if actor is None:
        raise typer.Exit(1)


@app.command("mentions")
def mentions_cmd(
    source: Annotated[str, typer.Argument(help="A text file, or '-' for standard input.")],
    date: DateOpt = None,
    dicts: DictOpt = None,
    format: FormatOpt = "text",
) -> None:
    """List the actor mentions of a text (rules only, on a blank English tokenizer)."""
    import spacy

    from dyad.actors import find_mentions
    from dyad.model import to_dict

    try:
        text = _read_text(source)
        mentions = find_mentions(spacy.blank("en")(text), date, _load(dicts))
    except DyadError as exc:
        raise _fail(exc) from exc
    if format == "json":
        for m in mentions:
            row = {"kind": m.kind, "start": m.start, "end": m.end, "head": m.head}
            sys.stdout.write(json.dumps({**row, "actor": to_dict(m.actor)}) + "\n")
        return
    table = Table("text", "code", "kind", "name")
    for m in mentions:
        table.add_row(m.actor.text, m.actor.code, m.kind, m.actor.name or "")
    console.print(table)
