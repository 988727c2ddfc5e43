"""The trigger's clause, with a hand-built dependency parse and with blank tokens."""

from __future__ import annotations

import dataclasses
import logging

import pytest
import spacy
from spacy.tokens import Doc

from dyad.model import Event, Evidence, Plover, TextSpan
from dyad.wwh import attach
from dyad.wwh.clause import event_clause, trigger_token

VOCAB = spacy.blank("en").vocab


def _event(doc: Doc, word: str) -> Event:
    tok = next(t for t in doc if t.text == word)
    span = TextSpan(word, tok.idx, tok.idx + len(word))
    return Event(
        "d", word, 0, doc.text, None, None, "000", "00", 0, 0.0, Plover("X"), "asserted",
        Evidence(span, "test"),
    )  # fmt: skip


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ","} for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


def test_clause_parse_excludes_embedded_clause_dates() -> None:
    """A date in a relative clause ("which took office in January") does not date the main verb."""
    words = ["The", "government", ",", "which", "took", "office", "in", "January", ",",
             "announced", "rules", "on", "Monday", "."]  # fmt: skip
    heads = [1, 9, 1, 4, 1, 4, 7, 4, 1, 9, 9, 12, 9, 9]
    deps = ["det", "nsubj", "punct", "nsubj", "acl:relcl", "obj", "case", "obl", "punct", "ROOT",
            "obj", "case", "obl", "punct"]  # fmt: skip
    pos = ["DET", "NOUN", "PUNCT", "PRON", "VERB", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "NOUN",
           "ADP", "PROPN", "PUNCT"]  # fmt: skip
    doc = _parsed(words, heads, deps, pos)
    (announced,) = attach(doc, [_event(doc, "announced")], "2024-10-30")
    (took,) = attach(doc, [_event(doc, "took")], "2024-10-30")
    assert (announced.date, announced.date_precision) == ("2024-10-28", "day")
    assert (took.date, took.date_precision) == ("2024-01", "month")


def test_clause_parse_noun_trigger_climbs_to_verb() -> None:
    """A noun trigger ("a state visit") takes the date and place of its governing verb's clause."""
    words = [
        "Putin",
        "travelled",
        "to",
        "Pyongyang",
        "for",
        "a",
        "state",
        "visit",
        "in",
        "June",
        ".",
    ]
    heads = [1, 1, 3, 1, 7, 7, 7, 1, 9, 1, 1]
    deps = [
        "nsubj",
        "ROOT",
        "case",
        "obl",
        "case",
        "det",
        "compound",
        "obl",
        "case",
        "obl",
        "punct",
    ]
    pos = ["PROPN", "VERB", "ADP", "PROPN", "ADP", "DET", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    tok = trigger_token(doc, doc[7].idx, doc[7].idx + 5)
    assert tok is not None and event_clause(doc, tok).verb == 1
    (visit,) = attach(doc, [_event(doc, "visit")], "2024-10-30")
    assert (visit.date, visit.date_precision) == ("2024-06", "month")
    assert visit.location is not None and visit.location.country == "PRK"


def test_clause_parse_reported_event_takes_report_month() -> None:
    """A reported event without its own date takes the report's date at month precision."""
    words = ["On", "28", "October", "the", "Pentagon", "confirmed", "that", "Pyongyang", "has",
             "deployed", "troops", "."]  # fmt: skip
    heads = [1, 5, 1, 4, 5, 5, 9, 9, 9, 5, 9, 5]
    deps = ["case", "obl", "flat", "det", "nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "obj",
            "punct"]  # fmt: skip
    pos = ["ADP", "NUM", "PROPN", "DET", "PROPN", "VERB", "SCONJ", "PROPN", "AUX", "VERB", "NOUN",
           "PUNCT"]  # fmt: skip
    doc = _parsed(words, heads, deps, pos)
    deployed, confirmed = attach(
        doc, [_event(doc, "deployed"), _event(doc, "confirmed")], "2024-10-30"
    )
    assert (confirmed.date, confirmed.date_precision) == ("2024-10-28", "day")
    assert (deployed.date, deployed.date_precision) == ("2024-10", "month")


def test_clause_parse_subject_capital_is_not_location() -> None:
    """ "Moscow threatened Seoul": a capital as subject (actor) is no location."""
    words = ["Moscow", "threatened", "consequences", "in", "Seoul", "."]
    doc = _parsed(words, [1, 1, 1, 4, 1, 1], ["nsubj", "ROOT", "obj", "case", "obl", "punct"],
                  ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"])  # fmt: skip
    (ev,) = attach(doc, [_event(doc, "threatened")], "2024-10-30")
    assert ev.location is not None and ev.location.name == "Seoul"
    doc2 = _parsed([*words[:3], "."], [1, 1, 1, 1], ["nsubj", "ROOT", "obj", "punct"],
                   ["PROPN", "VERB", "NOUN", "PUNCT"])  # fmt: skip
    (ev2,) = attach(doc2, [_event(doc2, "threatened")], "2024-10-30")
    assert ev2.location is None


def test_clause_blank_boundaries() -> None:
    """Without a parse, ", which" / ", where" / dashes / semicolons bound the clause."""
    doc = spacy.blank("en")(
        "Troops reached Kursk, where fighting began in August; talks start next week."
    )
    reached = next(t for t in doc if t.text == "reached")
    began = next(t for t in doc if t.text == "began")
    words = {doc[i].text for i in event_clause(doc, reached).tokens}
    assert "August" not in words and "Kursk" in words
    assert {doc[i].text for i in event_clause(doc, began).tokens} >= {"where", "began", "August"}
    assert "week" not in {doc[i].text for i in event_clause(doc, began).tokens}


def test_clause_blank_sentence_opening_frame() -> None:
    """Without a parse, an opening "When ... in June" frame dates a main clause that has no date."""
    doc = spacy.blank("en")(
        "When Putin travelled to Pyongyang in June – his first visit – they signed a treaty."
    )
    (ev,) = attach(doc, [_event(doc, "signed")], "2024-10-30")
    assert (ev.date, ev.date_precision) == ("2024-06", "month")


def test_clause_publication_fallback_and_none() -> None:
    """An event with no date in reach gets the publication date, or nothing without one."""
    doc = spacy.blank("en")("The ministry denied the report.")
    (ev,) = attach(doc, [_event(doc, "denied")], "2024-10-30")
    assert (ev.date, ev.date_precision) == ("2024-10-30", "publication")
    assert ev.evidence.date is None
    (ev2,) = attach(doc, [_event(doc, "denied")], None)
    assert (ev2.date, ev2.date_precision) == (None, None)


def test_clause_future_tense_moves_month_forward() -> None:
    """ "will ... in June" is next June; the evidence span points at the date expression."""
    doc = spacy.blank("en")("The leaders will meet in June.")
    (ev,) = attach(doc, [_event(doc, "meet")], "2024-10-30")
    assert (ev.date, ev.date_precision) == ("2025-06", "month")
    assert (
        ev.evidence.date is not None
        and doc.text[ev.evidence.date.start : ev.evidence.date.end] == "in June"
    )


def test_clause_until_bounds_do_not_date_event() -> None:
    """ "postponed until next month" happened at publication, not next month."""
    doc = spacy.blank("en")("The talks were postponed until next month.")
    (ev,) = attach(doc, [_event(doc, "postponed")], "2024-10-30")
    assert (ev.date, ev.date_precision) == ("2024-10-30", "publication")


def test_clause_blank_reported_that_clause() -> None:
    """Without a parse, "said on Friday that it had killed" dates the killing to the report's month."""
    doc = spacy.blank("en")("The army said on Friday that it had killed 30 militants.")
    killed, said = attach(doc, [_event(doc, "killed"), _event(doc, "said")], "2024-10-30")
    assert (said.date, said.date_precision) == ("2024-10-25", "day")
    assert (killed.date, killed.date_precision) == ("2024-10", "month")
    assert [(q.value, q.unit) for q in killed.quantities] == [(30, "militants")]
    assert said.quantities == ()


def test_clause_parse_after_clause_keeps_its_own_time() -> None:
    """An "after ..." clause is not dated by its main clause ("in May, after Russia invaded")."""
    words = ["Finland", "applied", "in", "May", "2022", ",", "after", "Russia", "invaded", "."]
    heads = [1, 1, 3, 1, 3, 1, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "case", "obl", "nummod", "punct", "mark", "nsubj", "advcl", "punct"]
    pos = ["PROPN", "VERB", "ADP", "PROPN", "NUM", "PUNCT", "SCONJ", "PROPN", "VERB", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    invaded, applied = attach(doc, [_event(doc, "invaded"), _event(doc, "applied")], "2023-04-04")
    assert (applied.date, applied.date_precision) == ("2022-05", "month")
    assert (invaded.date, invaded.date_precision) == ("2023-04-04", "publication")


def test_clause_later_would_does_not_make_event_future() -> None:
    """A "would" after the trigger ("killed ..., which it said would ...") leaves it in the past."""
    text = "Israel struck the facilities on Friday and said the operation would continue for days."
    doc = spacy.blank("en")(text)
    (ev,) = attach(doc, [_event(doc, "struck")], "2025-06-13")
    assert (ev.date, ev.date_precision) == ("2025-06-13", "day")


def test_clause_report_date_stays_past_for_future_content() -> None:
    """ "promised on Saturday that they would be punished": Saturday is last Saturday."""
    doc = spacy.blank("en")("On Saturday, Putin promised that the organisers would be punished.")
    (ev,) = attach(doc, [_event(doc, "punished")], "2023-06-25")
    assert (ev.date, ev.date_precision) == ("2023-06", "month")


def test_clause_point_in_time_beats_since() -> None:
    """ "met for the first time since 2022 on Monday" happened on Monday, not in 2022."""
    doc = spacy.blank("en")("Negotiators met for the first time since 2022 on Monday.")
    (ev,) = attach(doc, [_event(doc, "met")], "2024-10-30")
    assert (ev.date, ev.date_precision) == ("2024-10-28", "day")


def test_clause_next_day_counts_from_earlier_date() -> None:
    """ "The next day" is the day after the previous sentence's date; alone it dates nothing."""
    from dyad.nlp.sentences import split_sentences

    text = "Protesters marched on 3 March. The next day, police arrested their leaders."
    doc = split_sentences(spacy.blank("en")(text))
    (ev,) = attach(doc, [_event(doc, "arrested")], "2024-03-10")
    assert (ev.date, ev.date_precision) == ("2024-03-04", "day")
    alone = spacy.blank("en")("The next day, police arrested their leaders.")
    (ev2,) = attach(alone, [_event(alone, "arrested")], "2024-03-10")
    assert (ev2.date, ev2.date_precision) == ("2024-03-10", "publication")


def test_clause_trigger_outside_text_is_logged_not_fatal(caplog: pytest.LogCaptureFixture) -> None:
    """An event whose trigger offsets miss the document keeps the publication date and a warning."""
    doc = spacy.blank("en")("Talks resumed.")
    event = _event(doc, "resumed")
    bad = dataclasses.replace(event, evidence=Evidence(TextSpan("resumed", 500, 507), "test"))
    with caplog.at_level(logging.WARNING, logger="dyad.wwh"):
        (out,) = attach(doc, [bad], "2024-10-30")
    assert (out.date, out.date_precision, out.location) == ("2024-10-30", "publication", None)
    assert "not found" in caplog.text
    assert attach(spacy.blank("en")(""), [], "2024-10-30") == []
