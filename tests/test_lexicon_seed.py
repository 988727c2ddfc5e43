"""The seed article's main triggers fire from the bundled lexicon, with and without a parser."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import dyad.nlp
from dyad.coding.lexicon import Lexicon
from dyad.nlp import MODEL_DIR

SEED = Path("/work/shared/examples/seed-article.txt")


def _triggers(nlp: Language) -> dict[str, set[str]]:
    """Evidence words → codes, over every sentence of the seed article."""
    doc = nlp(SEED.read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    lex = Lexicon.load()
    for sent in doc.sents:
        for t in lex.find_triggers(sent):
            key = " ".join(doc[i].lower_ for i in t.tokens)
            found.setdefault(key, set()).add(t.code)
    return found


@pytest.fixture(scope="module", params=["blank", "parsed"])
def seed_triggers(request: pytest.FixtureRequest) -> dict[str, set[str]]:
    """Seed-article triggers from a blank pipeline, and from dyad's parser when it is installed."""
    if not SEED.exists():
        pytest.skip("seed article not available")
    if request.param == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    else:
        if not (MODEL_DIR / "config.cfg").exists():
            pytest.skip("dyad's parsed pipeline is not installed")
        nlp = dyad.nlp.load()
    return _triggers(nlp)


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("deployed troops", "072"),
        ("supplying artillery shells", "072"),
        ("travelled visit", "042"),
        ("praised", "051"),
        ("signed treaty", "057"),
        ("grinding forwards", "190"),
        ("bombarding", "194"),
        ("impose sanctions", "163"),
        ("links blown up", "1712"),
        ("warned", "130"),
        ("consider providing weapons", "0332"),
        ("briefed on", "064"),
        ("threatened", "130"),
        ("take back territory", "192"),
    ],
)
def test_lexicon_seed_article_triggers(
    seed_triggers: dict[str, set[str]], words: str, code: str
) -> None:
    """Each main event of the seed article has its trigger and code."""
    hits = [
        k
        for k, codes in seed_triggers.items()
        if code in codes and set(words.split()) <= set(k.split())
    ]
    assert hits, sorted(seed_triggers)


def test_lexicon_seed_article_no_release_from_free_up(seed_triggers: dict[str, set[str]]) -> None:
    """'free up Russian soldiers' is not coded as a release of prisoners (0841)."""
    assert not any("0841" in codes for codes in seed_triggers.values())
