"""Evaluation: score the coder against gold event sets (``dyad evaluate``) and gate accuracy in CI.

``evaluate(path)`` reads a gold JSONL file (:mod:`dyad.evaluation.gold`), codes each record and
scores the events (:mod:`dyad.evaluation.score`) into an :class:`EvalReport`
(:mod:`dyad.evaluation.report`). Matching rules are in ``docs/evaluation.md``.
"""

from __future__ import annotations

from dyad.evaluation.gold import GoldEvent, GoldRecord, GoldSet, read_gold
from dyad.evaluation.report import Counts, EvalReport, Mismatch, TypeRow, render
from dyad.evaluation.score import evaluate

__all__ = [
    "Counts", "EvalReport", "GoldEvent", "GoldRecord", "GoldSet", "Mismatch", "TypeRow",
    "evaluate", "read_gold", "render",
]  # fmt: skip
