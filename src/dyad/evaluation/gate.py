"""The accuracy gate: which dev sets CI scores, how, and the check of their metrics against floors.

Print the current values in the floors file's shape (to raise floors after an improvement)::

    python -m dyad.evaluation.gate ../shared/data/eval --floors tests/accuracy_floors.json
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.evaluation.report import EvalReport
from dyad.evaluation.score import Extract, evaluate

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class GateSet:
    """A dev set the gate scores: its file and, for big sets, a fixed evenly spread sample."""

    file: str
    sample: int | None = None


GATE_SETS: dict[str, GateSet] = {
    "plover_gsr.dev": GateSet("plover_gsr.dev.jsonl"),
    "petr2_gsr.dev": GateSet("petr2_gsr.dev.jsonl"),
    # All 1,565 sentences: ~17 s with the rule coder on a shared core (measured 2026-11-26). If
    # the coder gets slower, set sample=300 (a fixed, evenly spread subset, ~4.5 s).
    "conflibert.train": GateSet("conflibert.train.jsonl"),
}


def read_floors(path: str | Path) -> dict[str, dict[str, float]]:
    """The floors file without its ``_comment``-style keys."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {
        name: {metric: float(v) for metric, v in floors.items() if not metric.startswith("_")}
        for name, floors in data.items()
        if not name.startswith("_")
    }


def measure(
    eval_dir: str | Path, names: Sequence[str] | None = None, extract: Extract | None = None
) -> dict[str, EvalReport]:
    """Score the gate's dev sets (or those in ``names``) from ``eval_dir``."""
    reports: dict[str, EvalReport] = {}
    for name in names or list(GATE_SETS):
        spec = GATE_SETS[name]
        reports[name] = evaluate(Path(eval_dir) / spec.file, extract, sample=spec.sample)
    return reports


def below_floors(floors: Mapping[str, float], report: EvalReport) -> list[str]:
    """Every metric of ``report`` under its floor (or not measured), as a readable line."""
    values = report.metrics()
    failures: list[str] = []
    for metric, floor in sorted(floors.items()):
        value = values.get(metric)
        if value is None:
            failures.append(f"{report.name}: {metric} not measured (floor {floor})")
        elif value < floor:
            failures.append(f"{report.name}: {metric} {value:.4f} < floor {floor:.4f}")
    return failures


def current_values(
    reports: Mapping[str, EvalReport], floors: Mapping[str, Mapping[str, float]]
) -> dict[str, dict[str, float | None]]:
    """The floors file's shape filled with what the coder measures now."""
    return {
        name: {metric: reports[name].metrics().get(metric) for metric in metrics}
        for name, metrics in floors.items()
        if name in reports
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print current values of the gated metrics as JSON; exit 1 if any is under its floor."""
    parser = argparse.ArgumentParser(
        prog="python -m dyad.evaluation.gate", description=main.__doc__
    )
    parser.add_argument("eval_dir", help="the directory with the dev gold files")
    parser.add_argument("--floors", default="tests/accuracy_floors.json", help="floors JSON file")
    parser.add_argument("--all", action="store_true", help="print every metric of every gated set")
    args = parser.parse_args(argv)
    floors = read_floors(args.floors)
    reports = measure(args.eval_dir, None if args.all else [n for n in floors if n in GATE_SETS])
    shown = (
        {n: r.metrics() for n, r in reports.items()}
        if args.all
        else current_values(reports, floors)
    )
    json.dump(shown, sys.stdout, indent=2)
    sys.stdout.write("\n")
    failures = [
        line for name, r in reports.items() for line in below_floors(floors.get(name, {}), r)
    ]
    for line in failures:
        log.warning("%s", line)
    return 1 if failures else 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    raise SystemExit(main())
