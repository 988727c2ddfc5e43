"""Event confidence ranks the sentence's own news first: the main predicate over events told
in its adverbial, purpose or complement clauses, and over event nouns inside its arguments.
The sentences are written for these tests."""

from __future__ import annotations

import dyad
from dyad.coding.coder import _keep_best
from dyad.model import Actor, Event, Evidence, Plover, TextSpan


def code(text: str, date: str = "2024-05-15") -> list[Event]:
    return dyad.extract(text, date=date)


def asserted(text: str) -> list[Event]:
    return [e for e in code(text) if e.factuality == "asserted"]


def top(events: list[Event]) -> Event:
    """The most confident event, the earliest on a tie (as `dyad evaluate` picks it)."""
    best = events[0]
    for e in events[1:]:
        if e.confidence > best.confidence:
            best = e
    return best


def by_trigger(events: list[Event], word: str) -> Event:
    return next(e for e in events if word in e.evidence.trigger.text)


def test_coding_ranking_purpose_clause_ranks_below_the_main_event() -> None:
    """'deployed troops … to protect Kenya': the deployment is the news, the purpose is not."""
    events = asserted(
        "The Kenyan government deployed troops along the border to protect Kenya from attacks "
        "by Somali militants."
    )
    assert top(events).cameo == "154"
    assert by_trigger(events, "protect").confidence < top(events).confidence


def test_coding_ranking_lone_event_in_a_purpose_clause_is_the_news() -> None:
    """'gathered … to protest': no event word governs the clause, so the protest is the
    sentence's news and keeps a main event's confidence (a level below would cost 0.25)."""
    events = asserted("Thousands of Serbs gathered in Belgrade to protest against the government.")
    assert [e.cameo_root for e in events] == ["14"]
    assert events[0].confidence > 0.6


def test_coding_ranking_adverbial_clause_ranks_below_the_main_event() -> None:
    """'declared a state of emergency as jets bombed Cyprus': the bombing is the backdrop."""
    events = asserted("Greece declared a state of emergency as Turkish jets bombed Cyprus.")
    declared, bombed = by_trigger(events, "declared"), by_trigger(events, "bombed")
    assert top(events) is declared
    # the bombing names its target (Cyprus) and the declaration none; it still ranks below
    assert bombed.confidence < declared.confidence


def test_coding_ranking_event_inside_an_argument_ranks_below_its_governor() -> None:
    """'supported the decision of Kenya to expel diplomats': the support is the news; the
    expulsion, inside its object, is kept but ranked lower."""
    events = asserted("Uganda supported the decision of Kenya to expel Somali diplomats.")
    supported, expel = by_trigger(events, "supported"), by_trigger(events, "expel")
    assert top(events) is supported
    assert expel.confidence < supported.confidence


def test_coding_ranking_offer_inside_a_rejection_ranks_below_it() -> None:
    """'spurned offers of negotiations': the rejection outranks the offer it names."""
    events = asserted(
        "The rebels spurned repeated offers of negotiations by the Sudanese government."
    )
    assert top(events).cameo_root == "12"
    # (the rejection pattern may take the offer's own words, "spurned offers of negotiations";
    # the subordination step then has nothing between them to count, but the order holds)
    offer = next(e for e in events if e.cameo_root == "03")
    assert offer.confidence < top(events).confidence


def test_coding_ranking_first_of_conjoined_predicates_leads() -> None:
    """'expelled diplomats and recalled its ambassador': both are news and both are kept;
    the lead predicate ranks first, the one after 'and' 0.2 below."""
    events = asserted(
        "Kenya expelled two Somali diplomats and recalled its ambassador from Mogadishu."
    )
    expelled, recalled = by_trigger(events, "expelled"), by_trigger(events, "recalled")
    assert top(events) is expelled
    assert recalled.confidence == round(expelled.confidence - 0.2, 2)


def test_coding_ranking_lead_predicate_outranks_a_better_resolved_conjunct() -> None:
    """'declared a ceasefire and urged Egypt to …': the declaration has no target, the appeal
    has two resolved actors; the headline still comes first."""
    events = asserted(
        "The Sudanese army declared a ceasefire in Khartoum and urged Egypt to send observers."
    )
    assert top(events).cameo_root == "08"
    assert any(e.cameo_root == "02" for e in events)


def test_coding_ranking_event_noun_as_subject_is_not_subordinate() -> None:
    """'An attack by drones … damaged the port': the subject noun is not inside another
    event's argument; it keeps the rank of its verb."""
    events = asserted("An attack by Russian drones on Odesa damaged the port.")
    assert by_trigger(events, "attack").confidence == by_trigger(events, "damaged").confidence


def test_coding_ranking_reported_event_is_not_subordinate_to_the_speech_verb() -> None:
    """'Officials said forces shelled Kharkiv': only the small reported-speech discount."""
    plain = asserted("Russian forces shelled Kharkiv.")
    reported = asserted("Officials said Russian forces shelled Kharkiv.")
    assert [e.cameo for e in reported] == [e.cameo for e in plain] == ["194"]
    assert reported[0].confidence == round(plain[0].confidence - 0.05, 2)


def _event(factuality: str, confidence: float, trigger: str) -> Event:
    """A hand-made event KEN→SOM 020 with the given factuality and confidence."""
    actor = {c: Actor(c, 0, 3, c, country=c) for c in ("KEN", "SOM")}
    return Event(
        doc_id="d",
        event_id=trigger,
        sentence_index=0,
        sentence="",
        source=actor["KEN"],
        target=actor["SOM"],
        cameo="020",
        cameo_root="02",
        quad_class=1,
        goldstein=3.0,
        plover=Plover("REQUEST"),
        factuality=factuality,
        evidence=Evidence(TextSpan(trigger, 0, 1), "test"),
        confidence=confidence,
    )


def test_coding_ranking_keep_best_prefers_the_asserted_event() -> None:
    """One event per dyad and code: a lowered asserted appeal is not replaced by a more
    confident hypothetical one of the same dyad, so ranking never deletes an asserted event."""
    out: dict[tuple[str, str, str], Event] = {}
    told = _event("asserted", 0.4, "appealed")
    _keep_best(out, told)
    _keep_best(out, _event("hypothetical", 0.7, "may call"))
    assert list(out.values()) == [told]
    better = _event("asserted", 0.6, "urged")
    _keep_best(out, better)
    assert list(out.values()) == [better]


def test_coding_ranking_reported_deed_outranks_the_coded_speech_act() -> None:
    """'Colombia warned that Venezuela had sent troops': the warning is coded too, but the
    deployment it reports is the news and ranks first."""
    events = asserted("Colombia warned that Venezuela had sent troops to the border.")
    warned, sent = by_trigger(events, "warned"), by_trigger(events, "sent")
    assert top(events) is sent
    assert warned.confidence < sent.confidence


def test_coding_ranking_a_speech_verb_of_its_own_is_not_a_reporter() -> None:
    """'declared a ceasefire and promised …': a coordinated event is not reported by the
    declaration, which keeps its rank as the headline."""
    events = asserted("The army declared a ceasefire and promised to free prisoners.")
    assert top(events).cameo == "0871"
