"""Targets an event used to get wrong: a purpose clause's enemy taken for the place troops are
sent to.

End-to-end on our own sentences, through dyad's pipeline.
"""

from __future__ import annotations

import dyad
from handparse import pairs

DATE = "2019-03-01"


def test_coding_send_troops_destination_outranks_purpose_enemy() -> None:
    """ "sent troops *to Mali* to help fight jihadist militants": the aid goes to Mali; the
    militants of the purpose clause are the enemy, not the target of the troop aid."""
    events = dyad.extract("Canada sent troops to Mali to help fight jihadist militants.", date=DATE)
    assert pairs(events, "07") == {("CAN", "MLI")}


def test_coding_offer_troops_destination_outranks_purpose_enemy() -> None:
    """The same inside an offer: "offered to send troops *to Chad* to help fight rebels"."""
    events = dyad.extract(
        "France has offered to send troops to Chad to help fight the rebels.", date=DATE
    )
    assert ("FRA", "TCD") in pairs(events, "033")


def test_coding_purpose_clause_still_names_the_helped_actor() -> None:
    """With no named destination the purpose clause still gives the one helped: "sent troops
    to help Assad"."""
    events = dyad.extract("Russia sent troops to help Assad.", date=DATE)
    assert pairs(events, "07") == {("RUS", "SYRGOV")}
