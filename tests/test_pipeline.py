"""The pipeline: stage registration, batch coding, and worker processes."""

from __future__ import annotations

import pytest
import spacy

from dyad.model import Document
from dyad.nlp import MODEL_DIR
from dyad.pipeline import STAGES, Pipeline, add_stages

DOCS = [
    Document(
        id="a", text="Russia attacked Ukraine on Monday. China praised Pakistan.", date="2024-05-15"
    ),
    Document(id="b", text="North Korea supplied artillery shells to Russia.", date="2024-10-30"),
    Document(id="c", text="", date=None),
    Document(id="d", text="Moscow threatened Seoul with consequences.", date="2024-10-30"),
]


def test_pipeline_stages_are_registered_in_order() -> None:
    """dyad's stages append to any Language once, in their fixed order."""
    nlp = add_stages(add_stages(spacy.blank("en")))
    assert [n for n in nlp.pipe_names if n.startswith("dyad_")] == list(STAGES)


def test_pipeline_run_yields_each_document_with_sentences() -> None:
    """run() keeps input order, splits sentences, and events carry their document's id."""
    coded = list(Pipeline("blank").run(DOCS))
    assert [c.document.id for c in coded] == ["a", "b", "c", "d"]
    assert len(coded[0].sentences) == 2 and coded[2].sentences == ()
    assert all(e.doc_id == c.document.id for c in coded for e in c.events)
    assert any(e.cameo_root == "19" for e in coded[0].events)


def test_pipeline_worker_processes_give_the_same_events() -> None:
    """n_process=2 codes exactly what one process codes (events survive Doc serialization)."""
    one = [c.events for c in Pipeline(None, n_process=1).run(DOCS)]
    two = [c.events for c in Pipeline(None, n_process=2, batch_size=2).run(DOCS)]
    assert one == two and any(one)


@pytest.mark.skipif(not (MODEL_DIR / "config.cfg").exists(), reason="needs the bundled model")
def test_news_sentences_are_set_before_the_parser() -> None:
    """dyad's rule splitter runs before the parser, which keeps its boundaries: the model alone
    breaks "On the 13th, Boko | Haram attacked" and loses the attacker."""
    pipe = Pipeline()
    names = pipe.language.pipe_names
    assert names.index("dyad_sentence_rules_v1") == names.index("parser") - 1
    text = "On the 13th, Boko Haram attacked a military base in Borno state. Then it withdrew."
    coded = next(pipe.run([Document(id="s", text=text, date="2016-03-20")]))
    assert coded.sentences[0].text.startswith("On the 13th, Boko Haram attacked")
    assert len(coded.sentences) == 2
    assert any(
        e.cameo.startswith("19") and e.source is not None and e.source.code == "NGAREB"
        for e in coded.events
    )
