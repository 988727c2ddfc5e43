"""`dyad nlp evaluate` reproduces the accuracy table in the bundled model's README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyad.nlp import MODEL_DIR, load
from dyad.nlp.evaluate import evaluate

UD = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud"
README = MODEL_DIR / "README.md"


def _readme_rows() -> dict[str, list[str]]:
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| (en_\w+-ud-test) \|(.*)\|$", line)
        if m:
            rows[m.group(1)] = [c.strip() for c in m.group(2).split("|")]
    return rows


@pytest.mark.skipif(
    not (MODEL_DIR / "config.cfg").exists() or not UD.is_dir(),
    reason="needs the bundled model and ../shared/data/ud",
)
@pytest.mark.parametrize("name", ["en_ewt-ud-test", "en_gum-ud-test"])
def test_model_readme_numbers_are_reproduced(name: str) -> None:
    """UPOS, XPOS, lemma, UAS, LAS, sentence F1 and NER F1 as printed (3 decimals) in the
    model README come out of the evaluation on the same test split (speed is not compared)."""
    row = _readme_rows()[name]
    # columns: words | UPOS | XPOS | lemma | UAS | LAS | sentence F1 | NER P | NER R | NER F1 | w/s
    scores = evaluate(load(), UD / f"{name}.conllu")
    measured = [scores.upos, scores.xpos, scores.lemma, scores.uas, scores.las, scores.sents.f]
    printed = [float(c) for c in row[1:7]]
    for got, want in zip(measured, printed, strict=True):
        assert abs(got - want) <= 0.0006, (name, measured, printed)
    if scores.ner is not None:
        assert abs(scores.ner.f - float(row[9])) <= 0.0006, (name, scores.ner.f, row[9])
