"""Scoring a coder against a gold file: event matching, type sets, pentaclasses and source spans.

Only predictions with ``factuality == "asserted"`` count; negated, hypothetical and future events
are counted as ``ignored_predictions`` and shown (marked) in mismatches.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dyad.evaluation import codes
from dyad.evaluation.gold import GoldEvent, GoldRecord, GoldSet, Scheme, read_gold
from dyad.evaluation.report import Counts, EvalReport, Mismatch, TypeRow
from dyad.model import Actor, Event

log = logging.getLogger(__name__)

Extract = Callable[[str, str | None], list[Event]]
Progress = Callable[[int, int], None]


def evaluate(
    gold_path: str | Path,
    extract: Extract | None = None,
    *,
    by_type: bool = False,
    errors: int = 0,
    limit: int | None = None,
    sample: int | None = None,
    progress: Progress | None = None,
) -> EvalReport:
    """Code every record of a gold file and score the events against the gold.

    Args:
        gold_path: a JSONL gold file (``data/eval/README.md`` format).
        extract: ``(text, date) -> events``, called once per record; default ``dyad.extract``.
        by_type: add per-type rows.
        errors: keep the first ``errors`` mismatching records, gold and predictions side by side.
        limit: score only the first ``limit`` records (after ``sample``).
        sample: score ``sample`` records spread evenly over the file (deterministic).
        progress: called as ``progress(done, total)`` after each record.
    Returns:
        The file's :class:`EvalReport`.
    Raises:
        GoldError: the gold file is malformed (every problem listed as ``file:line``).
    """
    gold = read_gold(gold_path)
    records: Sequence[GoldRecord] = gold.records
    if sample is not None and sample < len(records):
        records = [records[i * len(records) // sample] for i in range(sample)]
    if limit is not None:
        records = records[:limit]
    code = extract or _dyad_extract
    tally = _Tally(gold, keep_errors=errors)
    started = time.perf_counter()
    for done, record in enumerate(records, start=1):
        try:
            predicted = code(record.text, record.date)
        except Exception as exc:
            exc.add_note(f"while coding gold record {gold.path}:{record.line} ({record.id})")
            raise
        tally.add(record, predicted)
        if progress is not None:
            progress(done, len(records))
    return tally.report(len(records), by_type, time.perf_counter() - started)


def _dyad_extract(text: str, date: str | None) -> list[Event]:
    import dyad

    return dyad.extract(text, date=date)


def predicted_type(event: Event, scheme: Scheme) -> str | None:
    """An event's label in the gold's scheme: CAMEO root, PLOVER 2021 type, pentaclass, polarity."""
    if scheme == "plover":
        return codes.plover_2021(event.plover.type) if event.plover.type else None
    root = event.cameo_root.zfill(2) if event.cameo_root else codes.cameo_root(event.cameo)
    if scheme == "penta":
        penta = codes.pentaclass(root)
        return None if penta is None else str(penta)
    if scheme == "re3d":
        return codes.polarity(event.quad_class)
    return root or None


def top_event(events: Sequence[Event]) -> Event | None:
    """The record's top prediction: highest confidence, then earliest in text order."""
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def _match(n_gold: int, n_pred: int, ok: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold to predicted events (augmenting paths)."""
    allowed = [[p for p in range(n_pred) if ok(g, p)] for g in range(n_gold)]
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in allowed[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return sorted((g, p) for p, g in owner.items())


def _pair_counts(
    gold: Sequence[GoldEvent], events: Sequence[Event], ok: Callable[[int, int], bool]
) -> tuple[Counts, list[tuple[int, int]], set[int]]:
    """Counts of a one-to-one matching, the pairs, and the predictions absorbed.

    A prediction left over that would match an already matched gold event which a coder may
    rightly code as several events (compound actors, reciprocal) is absorbed: not a hit, not a
    false positive. "Jordan and Britain agreed" coded as JOR→— and GBR→— is one hit.
    """
    pairs = _match(len(gold), len(events), ok)
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    absorbed = {
        p
        for p in range(len(events))
        if p not in matched_pred and any(gold[g].expands and ok(g, p) for g in matched_gold)
    }
    fp = len(events) - len(pairs) - len(absorbed)
    return Counts(len(pairs), fp, len(gold) - len(pairs)), pairs, absorbed


def miss_reason(gold: GoldEvent, same_type: Sequence[Event]) -> str:
    """Why a gold event was missed, judged by the prediction of its type that comes closest.

    One of ``type not predicted``, ``direction reversed``, ``source missing``, ``source wrong``,
    ``target missing``, ``target wrong``, ``both actors wrong``, ``taken by another gold event``.
    """
    if not same_type:
        return "type not predicted"
    best = max(
        same_type,
        key=lambda e: (
            _roles_match(gold, e),
            gold.source.matches(e.source) + gold.target.matches(e.target),
            gold.source.matches(e.target) + gold.target.matches(e.source),
        ),
    )
    if _roles_match(gold, best):
        return "taken by another gold event"
    source_ok, target_ok = gold.source.matches(best.source), gold.target.matches(best.target)
    if not (source_ok or target_ok) and (
        gold.source.matches(best.target) and gold.target.matches(best.source)
    ):
        return "direction reversed"
    if source_ok:
        return "target missing" if best.target is None else "target wrong"
    if target_ok:
        return "source missing" if best.source is None else "source wrong"
    return "both actors wrong"


def _roles_match(gold: GoldEvent, event: Event) -> bool:
    """Source and target fill the gold roles; reciprocal gold also in the other direction."""
    if gold.source.matches(event.source) and gold.target.matches(event.target):
        return True
    return gold.reciprocal and (
        gold.source.matches(event.target) and gold.target.matches(event.source)
    )


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    return f"{actor.code}({codes.actor_key(actor) or '?'}) '{actor.text}'"


def _show_gold(event: GoldEvent) -> str:
    arrow = "↔" if event.reciprocal else "→"
    roles = f"{event.source.text or '—'} {arrow} {event.target.text or '—'}"
    return f"{roles}  {event.label} [{event.type}]"


def _show_pred(event: Event, scheme: Scheme) -> str:
    label = predicted_type(event, scheme)
    flag = "" if event.factuality == "asserted" else f" ({event.factuality}: not scored)"
    flag = flag or ("" if label is not None else " (outside the gold's scheme: not scored)")
    return (
        f"{_actor(event.source)} → {_actor(event.target)}  {event.cameo} {event.plover.type} "
        f"[{label}]{flag}"
    )


@dataclass
class _Tally:
    """Running counts over the records of one file."""

    gold: GoldSet
    keep_errors: int = 0
    root: Counts = field(default_factory=Counts)
    code: Counts = field(default_factory=Counts)
    types: Counts = field(default_factory=Counts)
    gold_events: int = 0
    predicted: int = 0
    ignored: int = 0
    out_of_scheme: int = 0
    absorbed: int = 0
    missed_by_factuality: int = 0
    miss_reasons: Counter[str] = field(default_factory=Counter)
    code_records: int = 0
    accuracy_n: int = 0
    accuracy_hits: int = 0
    empty_n: int = 0
    empty_clean: int = 0
    source_n: int = 0
    source_inside: int = 0
    source_overlap: int = 0
    type_events: dict[str, Counts] = field(default_factory=dict)
    type_types: dict[str, Counts] = field(default_factory=dict)
    errors: list[Mismatch] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.scored_actors = all(r.actors_scored for r in self.gold.records)
        self.has_codes = any(e.code for r in self.gold.records for e in r.events)

    def add(self, record: GoldRecord, predicted: Sequence[Event]) -> None:
        asserted = [e for e in predicted if e.factuality == "asserted"]
        self.ignored += len(predicted) - len(asserted)
        if record.source_spans:
            self._add_spans(record, asserted)
        if any(g.type is None for g in record.events):
            return  # span-only annotation: no type to score
        scheme = self.gold.scheme
        labelled = [(e, predicted_type(e, scheme)) for e in asserted]
        # An event the gold's scheme cannot express (a CAMEO 01 statement on PLOVER gold) is
        # outside what the gold annotates: neither right nor wrong.
        pred_types = [t for _, t in labelled if t is not None]
        asserted = [e for e, t in labelled if t is not None]
        self.out_of_scheme += len(labelled) - len(asserted)
        self.predicted += len(asserted)
        self.gold_events += len(record.events)
        mismatch = self._add_types(record, asserted, pred_types)
        if record.actors_scored:
            missed, false_positives = self._add_events(record, asserted, pred_types)
            for g in sorted(missed):
                gold_event = record.events[g]
                same_type = [
                    e for e, t in zip(asserted, pred_types, strict=True) if t == gold_event.type
                ]
                self.miss_reasons[miss_reason(gold_event, same_type)] += 1
            mismatch = bool(missed or false_positives)
            self._add_factuality_misses(record, predicted, missed)
            if all(g.code for g in record.events) and (record.events or self.has_codes):
                gold = record.events
                self.code_records += 1
                self.code += _pair_counts(
                    gold,
                    asserted,
                    lambda g, p: (
                        codes.full_cameo(asserted[p].cameo) == gold[g].code
                        and _roles_match(gold[g], asserted[p])
                    ),
                )[0]
        if mismatch and len(self.errors) < self.keep_errors:
            self.errors.append(
                Mismatch(
                    record.id,
                    record.line,
                    record.text,
                    tuple(_show_gold(g) for g in record.events),
                    tuple(_show_pred(e, scheme) for e in predicted),
                )
            )

    def _add_events(
        self, record: GoldRecord, events: Sequence[Event], types: Sequence[str | None]
    ) -> tuple[set[int], int]:
        """Count events at root level; return the unmatched gold events' indices and the FPs."""
        gold = record.events
        counts, pairs, absorbed = _pair_counts(
            gold,
            events,
            lambda g, p: gold[g].type == types[p] and _roles_match(gold[g], events[p]),
        )
        self.root += counts
        self.absorbed += len(absorbed)
        matched_gold = {g for g, _ in pairs}
        matched_pred = {p for _, p in pairs} | absorbed
        for g, event in enumerate(gold):
            self._bump(
                self.type_events,
                event.type,
                Counts(1, 0, 0) if g in matched_gold else Counts(0, 0, 1),
            )
        for p, label in enumerate(types):
            if p not in matched_pred:
                self._bump(self.type_events, label, Counts(0, 1, 0))
        return set(range(len(gold))) - matched_gold, counts.fp

    def _add_factuality_misses(
        self, record: GoldRecord, predicted: Sequence[Event], missed: set[int]
    ) -> None:
        """Count missed gold events that a non-asserted prediction would have matched."""
        others = [e for e in predicted if e.factuality != "asserted"]
        if not (missed and others):
            return
        gold = [record.events[g] for g in sorted(missed)]
        types = [predicted_type(e, self.gold.scheme) for e in others]
        pairs = _match(
            len(gold),
            len(others),
            lambda g, p: gold[g].type == types[p] and _roles_match(gold[g], others[p]),
        )
        self.missed_by_factuality += len(pairs)

    def _add_types(
        self, record: GoldRecord, events: Sequence[Event], types: Sequence[str | None]
    ) -> bool:
        gold = {g.type for g in record.events if g.type is not None}
        pred = {t for t in types if t is not None}
        self.types += Counts(len(gold & pred), len(pred - gold), len(gold - pred))
        for label in gold | pred:
            self._bump(
                self.type_types, label, Counts(int(label in gold and label in pred),
                                               int(label not in gold), int(label not in pred))
            )  # fmt: skip
        if gold:
            self.accuracy_n += 1
            top = top_event(events)
            self.accuracy_hits += top is not None and types[events.index(top)] in gold
        else:
            self.empty_n += 1
            self.empty_clean += not events
        return gold != pred

    def _add_spans(self, record: GoldRecord, events: Sequence[Event]) -> None:
        spans = record.source_spans
        sources = [e.source for e in events if e.source is not None]
        self.source_n += 1
        self.source_inside += any(s <= a.start and a.end <= e for a in sources for s, e in spans)
        self.source_overlap += any(a.start < e and s < a.end for a in sources for s, e in spans)

    @staticmethod
    def _bump(table: dict[str, Counts], label: str | None, counts: Counts) -> None:
        key = label if label is not None else "(none)"
        table[key] = table.get(key, Counts()) + counts

    def report(self, records: int, by_type: bool, seconds: float) -> EvalReport:
        rows: tuple[TypeRow, ...] | None = None
        if by_type:
            labels = sorted(set(self.type_events) | set(self.type_types))
            rows = tuple(
                TypeRow(
                    label,
                    self.type_events.get(label, Counts()) if self.scored_actors else None,
                    self.type_types.get(label, Counts()),
                )
                for label in labels
            )
        accuracy = self.accuracy_hits / self.accuracy_n if self.accuracy_n else None
        log.info("scored %d records of %s in %.1fs", records, self.gold.path, seconds)
        return EvalReport(
            file=str(self.gold.path),
            name=self.gold.name,
            scheme=self.gold.scheme,
            records=records,
            gold_events=self.gold_events,
            predicted_events=self.predicted,
            ignored_predictions=self.ignored,
            out_of_scheme=self.out_of_scheme,
            absorbed=self.absorbed,
            missed_by_factuality=self.missed_by_factuality,
            miss_reasons=dict(self.miss_reasons.most_common()),
            events_root=self.root if self.scored_actors else None,
            events_code=self.code if self.scored_actors and self.has_codes else None,
            code_records=self.code_records,
            types=self.types,
            type_accuracy=accuracy,
            type_records=self.accuracy_n,
            empty_records=self.empty_n,
            empty_clean=self.empty_clean / self.empty_n if self.empty_n else None,
            penta_accuracy=accuracy if self.gold.scheme == "penta" else None,
            source_inside=self.source_inside / self.source_n if self.source_n else None,
            source_overlap=self.source_overlap / self.source_n if self.source_n else None,
            source_records=self.source_n,
            skipped_records=self.gold.skipped_records,
            skipped_events=dict(self.gold.skipped_events),
            spans_not_found=self.gold.spans_not_found,
            by_type=rows,
            errors=tuple(self.errors),
            seconds=seconds,
        )
