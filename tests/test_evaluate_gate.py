"""The accuracy gate: the coder on the dev gold sets must stay above tests/accuracy_floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.evaluation import Counts, EvalReport, evaluate
from dyad.evaluation.gate import GATE_SETS, below_floors, read_floors
from dyad.evaluation.report import METRICS

FLOORS_FILE = Path(__file__).parent / "accuracy_floors.json"
EVAL_DIR = Path(__file__).parents[1].parent / "shared" / "data" / "eval"
FLOORS = read_floors(FLOORS_FILE)


def report(**kw: object) -> EvalReport:
    """A hand-made report: one record, the given counts."""
    fields: dict[str, object] = dict(
        file="x.jsonl", name="x", scheme="cameo", records=1, gold_events=1, predicted_events=1,
        ignored_predictions=0, events_root=Counts(1, 1, 1), events_code=None, code_records=0,
        types=Counts(1, 0, 0), type_accuracy=1.0, type_records=1, empty_records=0,
        empty_clean=None,
    )  # fmt: skip
    fields.update(kw)
    return EvalReport(**fields)  # type: ignore[arg-type]


def test_evaluate_gate_floors_file_is_valid() -> None:
    """Every floor names a gated dev set and a real metric, with a value in [0, 1]."""
    raw = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    assert "_comment" in raw
    assert set(FLOORS) <= set(GATE_SETS)
    for floors in FLOORS.values():
        assert floors and set(floors) <= set(METRICS)
        assert all(0.0 <= v <= 1.0 for v in floors.values())


def test_evaluate_gate_metric_names_are_the_reports() -> None:
    """The metric names a report gives are exactly the documented METRICS."""
    assert tuple(report().metrics()) == METRICS


def test_evaluate_gate_below_floors_names_each_failure() -> None:
    """A metric under its floor, or not measured at all, is reported by name."""
    failures = below_floors({"f1_root": 0.6, "type_accuracy": 1.0, "f1_code": 0.1}, report())
    assert failures == [
        "x: f1_code not measured (floor 0.1)",
        "x: f1_root 0.5000 < floor 0.6000",
    ]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_evaluate_gate_dev_set_above_floors(name: str) -> None:
    """The coder's scores on a dev set do not drop below their floors."""
    spec = GATE_SETS[name]
    path = EVAL_DIR / spec.file
    if not path.exists():
        pytest.skip(f"dev gold set not found at {path} (needs ../shared next to the repo)")
    result = evaluate(path, sample=spec.sample)
    assert result.records > 0
    assert below_floors(FLOORS[name], result) == []


def test_evaluate_docs_explain_every_metric() -> None:
    """docs/evaluation.md names every metric a report gives and the gate command."""
    docs = (Path(__file__).parents[1] / "docs" / "evaluation.md").read_text(encoding="utf-8")
    missing = [m for m in METRICS if f"`{m}`" not in docs and f"`{m}," not in docs]
    assert missing == []
    assert "python -m dyad.evaluation.gate" in docs
