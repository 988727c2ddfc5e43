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
            ``"blank"`` for rules only, an installed spaCy package name, or a pipeline directory.
    """
    if name in (None, "dyad"):
        if (MODEL_DIR / "config.cfg").exists():
            return spacy.load(MODEL_DIR)
        return spacy.blank("en")
    if name == "blank":
        return spacy.blank("en")
    try:
        return spacy.load(name)
    except OSError as exc:
        raise bad_model(name, "not an installed package or a pipeline directory") from exc
    except Exception as exc:  # spaCy raises many kinds on bad configs; report them all the same way
        raise bad_model(name, f"{type(exc).__name__}: {exc}") from exc
