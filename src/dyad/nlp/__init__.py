"""Loading the English NLP pipeline that dyad's stages run on."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from dyad.errors import bad_model

MODEL_DIR = Path(__file__).parent / "model"


def load(name: str | None = None) -> Language:
    """Load an NLP pipeline with no network access.

    Args:
        name: ``None`` or ``"dyad"`` for the bundled pipeline (blank rules if it is absent),
            with dyad's known-place-names layer after its entity recogniser,
            ``"blank"`` for rules only, an installed spaCy package name, or a pipeline directory.
    """
    if name in (None, "dyad"):
        if (MODEL_DIR / "config.cfg").exists():
            return with_place_names(spacy.load(MODEL_DIR))
        return spacy.blank("en")
    if name == "blank":
        return spacy.blank("en")
    try:
        return spacy.load(name)
    except OSError as exc:
        raise bad_model(name, "not an installed package or a pipeline directory") from exc
    except Exception as exc:  # spaCy raises many kinds on bad configs; report them all the same way
        raise bad_model(name, f"{type(exc).__name__}: {exc}") from exc


def with_place_names(nlp: Language) -> Language:
    """Add the known-place-names layer (``dyad_place_names_v1``, see :mod:`dyad.nlp.names`)
    after the pipeline's entity recogniser; pipelines without one are returned unchanged."""
    import dyad.pipeline  # noqa: F401  (registers the component)

    if "ner" in nlp.pipe_names and "dyad_place_names_v1" not in nlp.pipe_names:
        nlp.add_pipe("dyad_place_names_v1", after="ner")
    return nlp
