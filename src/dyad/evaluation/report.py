"""The evaluation report: counts and rates per gold file, its JSON form, and a rich rendering."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table

# The headline rates of a report, by the names the floors file and ``--format json`` use.
METRICS: tuple[str, ...] = (
    "precision_root", "recall_root", "f1_root", "precision_code", "recall_code", "f1_code",
    "type_precision", "type_recall", "type_f1", "type_accuracy", "empty_clean",
    "penta_accuracy", "source_inside", "source_overlap",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives; rates are 0.0 when undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class TypeRow:
    """One event type's counts: events matched with actors, and types matched per record."""

    type: str
    events: Counts | None
    types: Counts


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A record where prediction and gold differ, side by side (events as short strings)."""

    id: str
    line: int
    text: str
    gold: tuple[str, ...]
    predicted: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EvalReport:
    """The scores of one gold file.

    ``events_root``: events matched on (source, target, coarse type) — the coarse type is the CAMEO
    root, or the PLOVER type on PLOVER gold, or the pentaclass / polarity on span-based sets; None
    when the file's actors are not scored. ``events_code``: the same at full CAMEO code, on records
    whose gold events all have one. ``types``: per-record type sets, micro-averaged, actors ignored.
    ``type_accuracy``: share of records with gold events whose top prediction has a gold type.
    ``predicted_events`` counts asserted predictions the gold's scheme can label (on records with
    typed gold); ``ignored_predictions`` the non-asserted ones; ``out_of_scheme`` asserted ones the
    scheme cannot label (CAMEO 01–02 statements on PLOVER gold), which are not scored.
    ``absorbed``: extra predictions for a matched compound or reciprocal gold event (one per
    member or direction), neither hits nor false positives. ``missed_by_factuality``: missed gold
    events that a negated/hypothetical/future prediction would have matched (a coder diagnostic).
    ``miss_reasons``: root-level misses by why the closest prediction of the same type failed.
    """

    file: str
    name: str
    scheme: str
    records: int
    gold_events: int
    predicted_events: int
    ignored_predictions: int
    events_root: Counts | None
    events_code: Counts | None
    code_records: int
    types: Counts
    type_accuracy: float | None
    type_records: int
    empty_records: int
    empty_clean: float | None
    penta_accuracy: float | None = None
    source_inside: float | None = None
    source_overlap: float | None = None
    source_records: int = 0
    out_of_scheme: int = 0
    absorbed: int = 0
    missed_by_factuality: int = 0
    miss_reasons: Mapping[str, int] = field(default_factory=dict)
    skipped_records: Mapping[str, int] = field(default_factory=dict)
    skipped_events: Mapping[str, int] = field(default_factory=dict)
    spans_not_found: int = 0
    by_type: tuple[TypeRow, ...] | None = None
    errors: tuple[Mismatch, ...] = ()
    seconds: float = 0.0

    def metrics(self) -> dict[str, float | None]:
        """The headline rates by name (the names ``tests/accuracy_floors.json`` uses)."""
        out: dict[str, float | None] = {}
        for level, counts in (("root", self.events_root), ("code", self.events_code)):
            out[f"precision_{level}"] = _r(counts.precision) if counts else None
            out[f"recall_{level}"] = _r(counts.recall) if counts else None
            out[f"f1_{level}"] = _r(counts.f1) if counts else None
        out["type_precision"] = _r(self.types.precision)
        out["type_recall"] = _r(self.types.recall)
        out["type_f1"] = _r(self.types.f1)
        out["type_accuracy"] = _r(self.type_accuracy)
        out["empty_clean"] = _r(self.empty_clean)
        out["penta_accuracy"] = _r(self.penta_accuracy)
        out["source_inside"] = _r(self.source_inside)
        out["source_overlap"] = _r(self.source_overlap)
        return out

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data: metrics, counts, per-type rows and mismatches."""
        return {
            "file": self.file,
            "name": self.name,
            "scheme": self.scheme,
            "metrics": self.metrics(),
            "counts": {
                "records": self.records,
                "gold_events": self.gold_events,
                "predicted_events": self.predicted_events,
                "ignored_predictions": self.ignored_predictions,
                "out_of_scheme": self.out_of_scheme,
                "absorbed": self.absorbed,
                "missed_by_factuality": self.missed_by_factuality,
                "miss_reasons": dict(self.miss_reasons),
                "events_root": self.events_root.to_dict() if self.events_root else None,
                "events_code": self.events_code.to_dict() if self.events_code else None,
                "code_records": self.code_records,
                "types": self.types.to_dict(),
                "type_records": self.type_records,
                "empty_records": self.empty_records,
                "source_records": self.source_records,
                "spans_not_found": self.spans_not_found,
                "skipped_records": dict(self.skipped_records),
                "skipped_events": dict(self.skipped_events),
            },
            "by_type": None
            if self.by_type is None
            else [
                {
                    "type": row.type,
                    "events": row.events.to_dict() if row.events else None,
                    "types": row.types.to_dict(),
                }
                for row in self.by_type
            ],
            "errors": [
                {
                    "id": m.id,
                    "line": m.line,
                    "text": m.text,
                    "gold": list(m.gold),
                    "predicted": list(m.predicted),
                }
                for m in self.errors
            ],
            "seconds": round(self.seconds, 2),
        }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _prf(counts: Counts | None) -> tuple[str, str, str, str]:
    if counts is None:
        return ("–", "–", "–", "–")
    return (
        _pct(counts.precision),
        _pct(counts.recall),
        _pct(counts.f1),
        f"{counts.tp}/{counts.fp}/{counts.fn}",
    )


def summary_table(reports: Sequence[EvalReport]) -> Table:
    """One row per measure, one column per gold file."""
    table = Table(title="dyad evaluate (percent; counts are tp/fp/fn)", show_lines=False)
    table.add_column("measure")
    for report in reports:
        table.add_column(report.name, justify="right")

    def row(label: str, values: Sequence[str]) -> None:
        table.add_row(label, *values)

    row("records scored", [str(r.records) for r in reports])
    row("gold / predicted events", [f"{r.gold_events} / {r.predicted_events}" for r in reports])
    for title, attr in (("events (root)", "events_root"), ("events (full code)", "events_code")):
        cells = [_prf(getattr(r, attr)) for r in reports]
        for i, part in enumerate(("P", "R", "F1", "tp/fp/fn")):
            row(f"{title} {part}", [c[i] for c in cells])
    cells = [_prf(r.types) for r in reports]
    for i, part in enumerate(("P", "R", "F1")):
        row(f"types {part}", [c[i] for c in cells])
    row(
        "root misses, by reason",
        ["\n".join(f"{k}: {v}" for k, v in r.miss_reasons.items()) or "–" for r in reports],
    )
    row("missed: we said not asserted", [str(r.missed_by_factuality) for r in reports])
    row("type accuracy", [_pct(r.type_accuracy) for r in reports])
    row("no-event records left empty", [_pct(r.empty_clean) for r in reports])
    if any(r.penta_accuracy is not None for r in reports):
        row("pentaclass accuracy", [_pct(r.penta_accuracy) for r in reports])
    if any(r.source_inside is not None for r in reports):
        row("source inside gold span", [_pct(r.source_inside) for r in reports])
        row("source overlaps gold span", [_pct(r.source_overlap) for r in reports])
    return table


def markdown_table(reports: Sequence[EvalReport]) -> str:
    """The headline numbers of several files as a Markdown table (for docs/evaluation.md)."""
    columns = ("f1_root", "f1_code", "type_f1", "type_accuracy", "empty_clean",
               "penta_accuracy", "source_inside")  # fmt: skip
    head = ["file", "records", "gold / predicted", *columns]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in reports:
        values = r.metrics()
        cells = [r.name, str(r.records), f"{r.gold_events} / {r.predicted_events}"]
        cells += [_pct(values[c]) for c in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def type_table(report: EvalReport) -> Table:
    """Per-type rows of one file."""
    table = Table(title=f"{report.name}: by type")
    for name in ("type", "events P", "events R", "events F1", "tp/fp/fn", "types P", "types R",
                 "types F1", "tp/fp/fn "):  # fmt: skip
        table.add_column(name, justify="left" if name == "type" else "right")
    for row in report.by_type or ():
        table.add_row(row.type, *_prf(row.events), *_prf(row.types))
    return table


def errors_table(report: EvalReport) -> Table:
    """The kept mismatches of one file, gold and predicted side by side."""
    table = Table(title=f"{report.name}: mismatches", show_lines=True)
    table.add_column("record", ratio=2)
    table.add_column("gold", ratio=1)
    table.add_column("predicted", ratio=1)
    for m in report.errors:
        table.add_row(
            f"{m.id} (line {m.line})\n{m.text}",
            "\n".join(m.gold) or "(none)",
            "\n".join(m.predicted) or "(none)",
        )
    return table


def render(report: EvalReport | Sequence[EvalReport]) -> RenderableType:
    """A rich renderable for the CLI: the summary, then per-type rows and mismatches if kept."""
    reports = [report] if isinstance(report, EvalReport) else list(report)
    parts: list[RenderableType] = [summary_table(reports)]
    for r in reports:
        if r.by_type is not None:
            parts.append(type_table(r))
        if r.errors:
            parts.append(errors_table(r))
    return parts[0] if len(parts) == 1 else Group(*parts)
