"""Tests for the known-place-names layer over the bundled entity recogniser."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from dyad.nlp import MODEL_DIR, load, with_place_names
from dyad.nlp.names import mark_place_names, place_labels

needs_model = pytest.mark.skipif(
    not (MODEL_DIR / "config.cfg").exists(), reason="bundled model not trained yet"
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def _ents(nlp: Language, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def test_place_labels_cover_countries_cities_and_areas() -> None:
    """Countries, big cities and US states are GPE; seas, continents and areas are LOC."""
    labels = place_labels()
    assert labels["denmark"] == "GPE" and labels["copenhagen"] == "GPE"
    assert labels["texas"] == "GPE"
    assert labels["red sea"] == "LOC" and labels["middle east"] == "LOC"
    assert labels["africa"] == "LOC"
    # towns too small to outweigh the people who share their names are left to the model
    assert "dalton" not in labels and "norton" not in labels


@needs_model
def test_bundled_pipeline_runs_the_layer_after_ner(nlp: Language) -> None:
    """load() puts dyad_place_names_v1 right after the recogniser, once."""
    names = nlp.pipe_names
    assert names.index("dyad_place_names_v1") == names.index("ner") + 1
    assert with_place_names(nlp).pipe_names.count("dyad_place_names_v1") == 1


def test_pipeline_without_ner_is_left_alone() -> None:
    """A pipeline with no entity recogniser gets no place layer."""
    blank = with_place_names(spacy.blank("en"))
    assert blank.pipe_names == []


@needs_model
def test_known_places_become_gpe_and_loc(nlp: Language) -> None:
    """City and sea names the small model misses are labelled from the gazetteer."""
    ents = _ents(
        nlp,
        "Ministers from Copenhagen and Prague met in Tbilisi before sailing across the "
        "Black Sea to Odesa on Tuesday.",
    )
    for city in ("Copenhagen", "Prague", "Tbilisi", "Odesa"):
        assert ents.get(city) == "GPE", (city, ents)
    assert ents.get("Black Sea") == "LOC", ents


def _tagged(text: str, propn: set[str]) -> spacy.tokens.Doc:
    doc = spacy.blank("en")(text)
    for tok in doc:
        tok.pos_ = "PROPN" if tok.text in propn else "VERB"
    return doc


def test_place_inside_a_longer_name_is_not_cut_out() -> None:
    """'Environment Canada', 'Guinea Bissau': the known name is part of a longer one."""
    doc = mark_place_names(
        _tagged("Officials said Environment Canada warned .", {"Environment", "Canada"})
    )
    assert list(doc.ents) == []
    doc = mark_place_names(_tagged("Troops left Guinea Bissau today .", {"Guinea", "Bissau"}))
    assert [e.text for e in doc.ents] != ["Guinea"]


def test_place_replaces_a_wrong_entity_over_it() -> None:
    """An entity the recogniser put over a known place gives way to the place."""
    doc = _tagged("Officials in Berlin said so .", {"Berlin"})
    doc.ents = [spacy.tokens.Span(doc, 2, 3, label="PERSON")]
    assert [(e.text, e.label_) for e in mark_place_names(doc).ents] == [("Berlin", "GPE")]


@needs_model
def test_people_named_like_small_towns_stay_people(nlp: Language) -> None:
    """A surname shared with a small town is not turned into a place."""
    doc = nlp("Senator Dalton told reporters that Norton had resigned.")
    assert not any(e.label_ == "GPE" for e in doc.ents), [(e.text, e.label_) for e in doc.ents]


def test_weekday_after_a_city_does_not_block_it() -> None:
    """'in Paris Monday': the weekday is not part of the name."""
    doc = mark_place_names(_tagged("Talks opened in Paris Monday .", {"Talks", "Paris", "Monday"}))
    assert [(e.text, e.label_) for e in doc.ents] == [("Paris", "GPE")]
