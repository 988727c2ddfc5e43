"""Place mentions and their resolution: longest names, actors vs locations, context, aliases."""

from __future__ import annotations

import spacy

from dyad.wwh import gazetteer
from dyad.wwh.places import choose_location, context_countries, find_mentions, resolve

NLP = spacy.blank("en")


def _mentions(text: str):  # type: ignore[no-untyped-def]
    doc = NLP(text)
    return doc, find_mentions(doc, gazetteer.load())


def test_places_longest_name_and_preposition() -> None:
    """In "the eastern Donetsk region towards ... Pokrovsk" region and city are both locative."""
    _, ms = _mentions(
        "Troops advanced in the eastern Donetsk region towards the strategic rail hub of Pokrovsk."
    )
    assert [(m.text, m.prep) for m in ms] == [("Donetsk region", "in"), ("Pokrovsk", "towards")]


def test_places_most_specific_locative_wins_with_region_as_admin1() -> None:
    """The event is placed at the city, which inherits the clause's region as admin1."""
    doc, ms = _mentions(
        "Troops advanced in the eastern Donetsk region towards the rail hub of Pokrovsk."
    )
    found = choose_location(ms, frozenset(range(len(doc))), 1, context_countries(ms, []))
    assert found is not None
    assert (found[1].name, found[1].country, found[1].admin1) == (
        "Pokrovsk",
        "UKR",
        "Donetsk Oblast",
    )


def test_places_possessive_and_subject_are_not_locations() -> None:
    """ "Moscow threatened", "Russia's war" and "sanctions on Pyongyang" give no location."""
    doc, ms = _mentions(
        "Moscow threatened to widen Russia's war and impose sanctions on Pyongyang."
    )
    assert {m.text for m in ms} == {"Moscow", "Russia", "Pyongyang"}
    assert choose_location(ms, frozenset(range(len(doc))), 1, context_countries(ms, [])) is None


def test_places_person_names_are_not_places() -> None:
    """A place name inside a longer capitalised name ("Kim Jong Un", "Paris Saint") is skipped."""
    _, ms = _mentions(
        "He met Kim Jong Un and President Kim before the Washington Post ran the story."
    )
    assert ms == []


def test_places_context_resolves_ambiguous_name() -> None:
    """Tripoli is Libya's by population, Lebanon's when the story is about Lebanon."""
    _, alone = _mentions("Clashes broke out in Tripoli.")
    assert resolve(alone[0], context_countries(alone, [])).country == "LBY"
    _, ms = _mentions("Clashes broke out in Tripoli, in northern Lebanon.")
    assert resolve(ms[0], context_countries(ms, [])).country == "LBN"
    assert resolve(alone[0], context_countries(alone, ["LBN"])).country == "LBN"


def test_places_aliases_and_old_names() -> None:
    """Old and Russian-era names reach today's places (Kiev, Artemivsk, Krasnoarmiisk)."""
    gaz = gazetteer.load()
    assert {e.name for e, _ in gaz.lookup("Kiev")} == {"Kyiv"}
    assert {e.name for e, _ in gaz.lookup("Artemivsk")} == {"Bakhmut"}
    assert "Pokrovsk" in {e.name for e, _ in gaz.lookup("Krasnoarmiisk")}
    assert {e.country for e, _ in gaz.lookup("the Gaza Strip")} == {"PSE"}


def test_places_months_and_sentence_initial_words() -> None:
    """Month names and common words at the start of a sentence are not places."""
    _, ms = _mentions("Most said in March that Split decisions were rare.")
    assert [m.text for m in ms] == ["Split"]


def test_places_comma_qualifier_picks_the_right_namesake() -> None:
    """ "Springfield, Ohio" is the Ohio one, not the most populous Springfield."""
    _, ms = _mentions("Tensions rose in Springfield, Ohio, after the claims.")
    entry = resolve(ms[0], context_countries(ms, []))
    assert (entry.country, entry.admin1) == ("USA", "Ohio")
    _, plain = _mentions("Tensions rose in Springfield after the claims.")
    assert resolve(plain[0], context_countries(plain, [])).admin1 != "Ohio"


def test_places_news_names_that_are_alternate_city_names() -> None:
    """ "the White House" (an alternate name of Casablanca) and "Hamas" (of Hamm) are no places."""
    _, ms = _mentions("Hamas officials met envoys in the White House on Monday.")
    assert ms == []


def test_places_story_context_does_not_outweigh_a_capital() -> None:
    """A story naming Washington still puts "in Damascus" in Syria, not in Maryland."""
    _, ms = _mentions("Officials in Washington said the strike in Damascus killed seven.")
    damascus = next(m for m in ms if m.text == "Damascus")
    assert resolve(damascus, context_countries(ms, [])).country == "SYR"
