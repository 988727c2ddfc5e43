"""When, where and how many: event dates, geocoded places and quantities.

``attach`` is the pipeline's last stage (``dyad_attributes_v1``): for each event it finds the
trigger's clause and fills ``date``/``date_precision``, ``location`` and ``quantities`` from what
that clause says, with ``evidence.date`` / ``evidence.location`` pointing at the expressions used.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import logging
import re

from spacy.attrs import IDX
from spacy.tokens import Doc

from dyad.model import DateRef, Event, Quantity, TextSpan
from dyad.wwh import gazetteer
from dyad.wwh.clause import Clause, TokenView, event_clause, trigger_token
from dyad.wwh.dates import DateMention, find_dates, parse_pub, resolve, shift_from
from dyad.wwh.places import PlaceMention, choose_location, context_countries, find_mentions
from dyad.wwh.quantities import find_quantities

log = logging.getLogger(__name__)

__all__ = ["DocIndex", "attach", "date_for"]


@dataclasses.dataclass(frozen=True)
class DocIndex:
    """What one document says about time, place and number, found once and shared by its events."""

    doc: Doc
    starts: tuple[int, ...]  # token start characters, for char -> token
    dates: tuple[DateMention, ...]
    places: tuple[PlaceMention, ...]
    quantities: tuple[Quantity, ...]
    view: TokenView
    text: str

    @classmethod
    def build(cls, doc: Doc, places: bool = True) -> DocIndex:
        text = doc.text  # spaCy rebuilds it from the tokens on every access
        dates = tuple(find_dates(text))
        quantities = tuple(find_quantities(text, skip=[(d.start, d.end) for d in dates]))
        mentions = tuple(find_mentions(doc, gazetteer.load(), text)) if places else ()
        starts = tuple(doc.to_array([IDX]).tolist()) if len(doc) else ()
        return cls(doc, starts, dates, mentions, quantities, TokenView.of(doc, text), text)

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)


_UNTIL = re.compile(r"\b(?:until|till|up to)\s+$", re.I)


def _bound(index: DocIndex, mention: DateMention) -> bool:
    """ "until June", "postponed until next month": an end bound, not the event's date."""
    if mention.text.lower().startswith(("until ", "till ")):
        return True
    return bool(_UNTIL.search(index.text[max(0, mention.start - 8) : mention.start]))


def _after_anchor(index: DocIndex, mention: DateMention, pub: dt.date | None) -> DateRef | None:
    """ "the next day": counted from the nearest date before it, in its sentence or the last."""
    start, _ = index.view.sentence(index.token_at(mention.start))
    if start > 0:
        start, _ = index.view.sentence(start - 1)
    earlier = [
        d
        for d in index.dates
        if d.end <= mention.start and d.kind != "later" and index.token_at(d.start) >= start
    ]
    for anchor in reversed(earlier):
        ref = resolve(anchor, pub)
        if ref is not None:
            return shift_from(mention, ref)
    return None


def _since(mention: DateMention) -> bool:
    return mention.text.lower().startswith("since ")


def date_for(index: DocIndex, clause: Clause, trigger: int, pub_date: str | None) -> DateRef:
    """The date governing a clause: its own nearest the trigger, else a frame's, else pub."""
    pub = parse_pub(pub_date)
    scopes = [(clause.tokens, False), *clause.frames, (clause.backup, False)]
    for tokens, reported in scopes:
        inside = [
            d for d in index.dates if index.token_at(d.start) in tokens and not _bound(index, d)
        ]
        # "since 2022" starts a state; a point in time ("on Monday") dates an event better
        inside.sort(key=lambda d: (_since(d), abs(index.token_at(d.start) - trigger)))
        for mention in inside:
            # a report is past; the reported clause's tense does not move the report's date
            if mention.kind == "later":
                ref = _after_anchor(index, mention, pub)
            else:
                ref = resolve(mention, pub, clause.future and not reported)
            if ref is None:
                continue
            if reported and ref.precision == "day" and ref.value:
                # a report's day bounds the reported event from above; keep only its month
                ref = dataclasses.replace(ref, value=ref.value[:7], precision="month")
            return ref
    if pub is None:
        return DateRef(None, None)
    return DateRef(pub.isoformat(), "publication")


def attach(doc: Doc, events: list[Event], pub_date: str | None) -> list[Event]:
    """Return ``events`` with date, location and quantities filled from their clauses.

    Args:
        doc: the document the events were coded from (parsed or blank tokens).
        events: events whose ``evidence.trigger`` holds document character offsets.
        pub_date: the publication date (``YYYY-MM-DD``) that relative dates are resolved against.
    Returns:
        New events (``dataclasses.replace``) in the same order.
    """
    if not events:
        return events
    index = DocIndex.build(doc)
    actors = [
        a.country for e in events for a in (e.source, e.target) if a is not None and a.country
    ]
    context = context_countries(index.places, actors)
    out: list[Event] = []
    for event in events:
        trig = event.evidence.trigger
        token = trigger_token(doc, trig.start, trig.end)
        if token is None:
            log.warning("event %s: trigger %r not found in the document", event.event_id, trig.text)
            ref = date_for(index, Clause(frozenset(), (), False), 0, pub_date)
            out.append(dataclasses.replace(event, date=ref.value, date_precision=ref.precision))
            continue
        clause = event_clause(doc, token, index.view)
        ref = date_for(index, clause, token.i, pub_date)
        located = choose_location(list(index.places), clause.tokens, token.i, context)
        quantities = tuple(
            q for q in index.quantities if index.token_at(q.start or 0) in clause.tokens
        )
        date_span = (
            TextSpan(ref.text, ref.start, ref.end)
            if ref.text and ref.start is not None and ref.end is not None
            else None
        )
        place_span = (
            TextSpan(located[0].text, located[0].char_start, located[0].char_end)
            if located
            else None
        )
        evidence = dataclasses.replace(event.evidence, date=date_span, location=place_span)
        out.append(
            dataclasses.replace(
                event, date=ref.value, date_precision=ref.precision,
                location=located[1] if located else None, quantities=quantities, evidence=evidence,
            )
        )  # fmt: skip
    return out
