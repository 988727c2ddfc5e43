"""The reader and matcher on the real dev gold files: the gold replayed as predictions scores 1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dyad.evaluation import evaluate, read_gold
from dyad.evaluation.gold import find_spans
from dyad.model import Actor, Event, Evidence, Plover, TextSpan

EVAL_DIR = Path(__file__).parents[1].parent / "shared" / "data" / "eval"


def dev_file(name: str) -> Path:
    path = EVAL_DIR / name
    if not path.exists():
        pytest.skip(f"dev gold set not found at {path} (needs ../shared next to the repo)")
    return path


def as_event(
    text: str, source: Actor | None, target: Actor | None, cameo: str, plover: str
) -> Event:
    return Event(
        "d", "e", 0, text, source, target, cameo, cameo[:2], 1, 0.0, Plover(plover), "asserted",
        Evidence(TextSpan("", 0, 0), "gold"),
    )  # fmt: skip


def replay(path: Path, build: Any) -> Any:
    """An extract function answering each record with events built from its raw gold JSON."""
    answers: dict[str, list[list[Event]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        answers.setdefault(raw["text"], []).append(build(raw))
    return lambda text, date: answers[text].pop(0)


def test_evaluate_devsets_petr2_gold_replayed_scores_one() -> None:
    """Phoenix codes read as actor codes (USAGOV, IGOEUREEC, ---REB) match their own gold."""
    path = dev_file("petr2_gsr.dev.jsonl")

    def build(raw: dict[str, Any]) -> list[Event]:
        return [
            as_event(raw["text"], Actor(e["source"], 0, 0, e["source"]),
                     Actor(e["target"], 0, 0, e["target"]), e["code"], "")
            for e in raw["events"]
        ]  # fmt: skip

    report = evaluate(path, replay(path, build))
    assert report.events_root is not None and report.events_code is not None
    assert report.events_root.f1 == 1.0 and report.events_code.f1 == 1.0
    assert report.type_accuracy == 1.0 and report.empty_clean == 1.0


def test_evaluate_devsets_plover_gold_replayed_scores_one() -> None:
    """PLOVER GSR actors (legacy JAP, bare IGO, compounds, reciprocals) and 0.5b1 names match."""
    path = dev_file("plover_gsr.dev.jsonl")

    def actor(actors: list[dict[str, str]]) -> Actor | None:
        if not actors:
            return None
        code = actors[0]["code"]
        igo = "UN" if code == "IGO" else None
        return Actor(actors[0]["actorText"], 0, 0, code, country=code if not igo else None, igo=igo)

    def build(raw: dict[str, Any]) -> list[Event]:
        events = []
        for e in raw["events"]:
            x = e["extra"]
            cameo = x.get("cameo_manual_code") or (x.get("cameo_manual_root") or "01") + "0"
            target = actor(x["target_actors"]) or (
                actor(x["source_actors"][1:]) if x["reciprocal"] else None
            )
            events.append(
                as_event(raw["text"], actor(x["source_actors"]), target, cameo, e["code"])
            )
        return events

    report = evaluate(path, replay(path, build))
    assert report.records == 172 and report.events_root is not None
    assert report.events_root.f1 == 1.0 and report.type_accuracy == 1.0


def test_evaluate_devsets_conflibert_spans_are_found() -> None:
    """Nearly every tokenised ConfliBERT source span is found in its untokenised sentence."""
    gold = read_gold(dev_file("conflibert.train.jsonl"))
    with_spans = [r for r in gold.records if r.source_spans]
    assert len(with_spans) >= 1100 and gold.spans_not_found <= 5
    first = with_spans[0]
    start, end = first.source_spans[0]
    assert first.text[start:end] == "a car bomb"
    assert find_spans(first.text, "another ethnic Chechen") == [(40, 62)]
