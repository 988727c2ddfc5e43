"""Tests for the pipeline scorer (dyad.nlp.evaluate)."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from dyad.nlp.evaluate import PRF, score_docs

WORDS = ["Kim", "met", "Putin", "in", "Moscow", "."]


def _doc(
    vocab: Vocab,
    heads: list[int],
    deps: list[str],
    pos: list[str],
    ents: list[tuple[int, int, str]],
) -> Doc:
    doc = Doc(
        vocab,
        words=WORDS,
        spaces=[True, True, True, True, False, False],
        heads=heads,
        deps=deps,
        pos=pos,
        tags=["NNP", "VBD", "NNP", "IN", "NNP", "."],
        lemmas=["Kim", "meet", "Putin", "in", "Moscow", "."],
    )
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def test_evaluate_scores_punctuation_free_attachment_and_entities() -> None:
    """UAS/LAS skip punctuation; NER counts exact spans per label; UPOS counts every word."""
    vocab = Vocab()
    pos = ["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]
    gold = _doc(
        vocab,
        [1, 1, 1, 4, 1, 1],
        ["nsubj", "ROOT", "obj", "case", "obl", "punct"],
        pos,
        [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "GPE")],
    )
    # Wrong: "Moscow" attached to "Putin" (nmod), "." attached to "Moscow" (punct: not scored),
    # "Putin" labelled iobj; entities: Moscow as LOC, Kim missed.
    pred = _doc(
        vocab,
        [1, 1, 1, 4, 2, 4],
        ["nsubj", "ROOT", "iobj", "case", "nmod", "punct"],
        ["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"],
        [(2, 3, "PERSON"), (4, 5, "LOC")],
    )
    s = score_docs("t", [gold], [pred], with_ner=True)
    assert s.words == 6 and s.upos == 1.0
    assert s.uas == 4 / 5  # Kim, met, Putin, in right; Moscow wrong; "." not counted
    assert s.las == 3 / 5  # Putin has the right head but the wrong label
    assert s.ner is not None and (s.ner.tp, s.ner.n_pred, s.ner.n_gold) == (1, 2, 3)
    assert s.ner_by_label["GPE"].r == 0.0 and s.ner_by_label["PERSON"].p == 1.0


def test_evaluate_prf_handles_empty_counts() -> None:
    """PRF with nothing predicted or nothing gold gives zeros, not a division error."""
    assert (PRF(0, 0, 0).p, PRF(0, 0, 0).r, PRF(0, 0, 0).f) == (0.0, 0.0, 0.0)
    assert round(PRF(1, 2, 4).f, 4) == round(2 * 0.5 * 0.25 / 0.75, 4)
