"""Accuracy gate for the when/where/how-many stage: its three test sets must stay above floors."""

from __future__ import annotations

import pytest
import spacy

from dyad.wwh.evaluate import evaluate_dates, evaluate_places, evaluate_quantities

# The targets. Raising a floor is a normal commit; lowering one needs a written reason.
FLOORS = {
    "dates": {"accuracy": 0.90},
    "places": {"country": 0.97, "within_50km": 0.85},
    "quantities": {"accuracy": 0.90},
}


@pytest.fixture(scope="module", params=["blank", "dyad"])
def nlp(request: pytest.FixtureRequest) -> spacy.language.Language:
    from dyad.nlp import load

    return load(request.param)


def test_wwh_accuracy_dates(nlp: spacy.language.Language) -> None:
    """Dates (value and precision) stay above the floor, with and without a parser."""
    m = evaluate_dates(nlp=nlp)
    assert m.cases >= 60
    assert m.scores["accuracy"] >= FLOORS["dates"]["accuracy"], m.errors


def test_wwh_accuracy_places(nlp: spacy.language.Language) -> None:
    """Places: country and 50 km coordinates stay above their floors."""
    m = evaluate_places(nlp=nlp)
    assert m.cases >= 100
    for metric, floor in FLOORS["places"].items():
        assert m.scores[metric] >= floor, (metric, m.errors)


def test_wwh_accuracy_quantities() -> None:
    """Quantities (value, unit, approximation) stay above the floor."""
    m = evaluate_quantities()
    assert m.cases >= 50
    assert m.scores["accuracy"] >= FLOORS["quantities"]["accuracy"], m.errors
