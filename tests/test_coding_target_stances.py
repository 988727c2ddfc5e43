"""Targets of stances and of agreements: whom an expressed concern, hope or optimism is about
(its "about" phrase or the clause it introduces), and the partners of an agreement named as
coordinated subjects ("X and Y agreed ...").

End-to-end tests run dyad's pipeline on our own sentences.
"""

from __future__ import annotations

import dyad
from handparse import pairs

DATE = "2019-03-01"


def test_stance_about_phrase_names_the_target() -> None:
    """ "expressed pessimism *about the Iranian talks*": the nationality in the phrase."""
    events = dyad.extract(
        "The French minister expressed pessimism about the Iranian talks.", date=DATE
    )
    assert ("FRAGOV", "IRN") in pairs(events, "012")


def test_stance_phrase_inside_a_phrase() -> None:
    """ "optimism at the prospect of a deal *with Russia*": the actor deeper in the phrase."""
    events = dyad.extract(
        "Germany expressed optimism at the prospect of a deal with Russia.", date=DATE
    )
    assert ("DEU", "RUS") in pairs(events, "013")


def test_stance_clause_subject_is_the_target() -> None:
    """ "voiced hope *the Somali government* will restore order": the clause's subject."""
    events = dyad.extract(
        "The Kenyan president expressed hope the Somali government will restore order.",
        date=DATE,
    )
    assert ("KENGOV", "SOMGOV") in pairs(events, "013")
    events = dyad.extract(
        "Jordan expressed surprise that Israel had closed the crossing.", date=DATE
    )
    assert ("JOR", "ISR") in pairs(events, "012")


def test_stance_in_a_place_is_no_target() -> None:
    """ "expressed concern *in Geneva*": where it was said, not whom it is about."""
    events = dyad.extract("The EU expressed concern in Geneva on Monday.", date=DATE)
    assert pairs(events, "012") == {("EU", None)}


def test_coordinated_subjects_agree_with_each_other() -> None:
    """ "Canada and Britain have agreed a deal": a partner trigger ("agree with") with no
    "with" phrase and several subjects is agreed between them, both ways."""
    events = dyad.extract("Canada and Britain have agreed a new trade deal.", date=DATE)
    assert {("CAN", "GBR"), ("GBR", "CAN")} <= pairs(events, "030")


def test_single_subject_agreement_keeps_no_partner() -> None:
    """ "Canada has agreed a new trade deal": one subject has nobody to agree with."""
    events = dyad.extract("Canada has agreed a new trade deal.", date=DATE)
    assert pairs(events, "030") == {("CAN", None)}


def test_condemned_deed_scene_is_no_stance_target() -> None:
    """ "condemned the shelling of a school in Aleppo": the deed's place is not whom the
    condemnation is aimed at (its author is), unlike a stance's "about" phrase."""
    events = dyad.extract("Turkey condemned the shelling of a school in Aleppo.", date=DATE)
    assert pairs(events, "111") == {("TUR", None)}
