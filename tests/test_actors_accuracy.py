"""Accuracy gate for actor resolution on the development gold sets (skipped when not mounted)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy

from dyad.actors import find_mentions

EVAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval"
# Raising a floor is a normal commit; lowering one needs a written reason in the commit message.
FLOORS = {"petr2_country": 0.85, "petr2_code": 0.70, "conflibert_span": 0.82}


def _records(name: str) -> list[dict[str, Any]]:
    path = EVAL / name
    if not path.exists():
        pytest.skip(f"{path} not mounted")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_actors_accuracy_petr2_codes() -> None:
    """Gold PETRARCH source/target codes are found among the sentence's mentions."""
    nlp = spacy.blank("en")
    total = country = code = 0
    for r in _records("petr2_gsr.dev.jsonl"):
        ms = find_mentions(nlp(r["text"]), r.get("date"))
        codes = {m.actor.code for m in ms}
        prefixes = {m.actor.igo or m.actor.code[:3] for m in ms}
        for e in r["events"]:
            for gold in (e.get("source"), e.get("target")):
                if isinstance(gold, str) and gold:
                    total += 1
                    code += gold in codes
                    country += gold[:3] in prefixes
    assert total >= 80
    assert country / total >= FLOORS["petr2_country"], country / total
    assert code / total >= FLOORS["petr2_code"], code / total


def test_actors_accuracy_conflibert_spans() -> None:
    """Gold ConfliBERT source/target spans overlap some actor mention."""
    nlp = spacy.blank("en")
    total = found = 0
    for r in _records("conflibert.train.jsonl"):
        text = r["text"]
        ms = find_mentions(nlp(text), r.get("date"))
        for e in r["events"]:
            for gold in (e.get("source"), e.get("target")):
                at = text.find(gold) if isinstance(gold, str) and gold else -1
                if at >= 0:
                    total += 1
                    found += any(m.actor.start < at + len(gold) and m.actor.end > at for m in ms)
    assert total >= 1500
    assert found / total >= FLOORS["conflibert_span"], found / total
