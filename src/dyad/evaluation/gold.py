"""The gold-file reader: one JSON record per line, validated strictly, turned into comparable keys.

Every problem in a file is reported at once, as ``file:line: message; fix``, in one GoldError.
A record or event the gold itself marks as not for evaluation is skipped and counted, not an error.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from dyad.errors import GoldError
from dyad.evaluation import codes
from dyad.model import Actor

log = logging.getLogger(__name__)

Scheme = Literal["plover", "cameo", "cameo_spans", "penta", "re3d"]
SideKind = Literal["keys", "spans", "any"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PENTA = re.compile(r"^penta:([0-4])$")
_QUOTES = str.maketrans({"ʼ": "'", "’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})
_MAX_PROBLEMS = 50


@dataclass(frozen=True, slots=True)
class Side:
    """One role (source or target) of a gold event, in the form a prediction is compared with.

    ``keys``: comparable actor keys (``USA``, ``IGO:EU``, None for "no actor / unknown country");
    ``spans``: character spans of the text; ``any``: unannotated, so any prediction matches.
    """

    kind: SideKind
    text: str = ""
    keys: frozenset[str | None] = frozenset()
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def compound(self) -> bool:
        """More than one actor fills this role (``FRA+DEU``, ``"officials | witnesses"``)."""
        if self.kind == "keys":
            return len(self.keys - {None}) > 1
        return len(self.spans) > 1

    def matches(self, actor: Actor | None) -> bool:
        """True if the predicted ``actor`` fills this role."""
        if self.kind == "any":
            return True
        if self.kind == "keys":
            key = codes.actor_key(actor)
            return any(codes.keys_match(gold, key) for gold in self.keys)
        return actor is not None and any(
            actor.start < end and start < actor.end for start, end in self.spans
        )


ANY = Side("any")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A gold event: roles, the coarse ``type`` it is scored on, the full CAMEO ``code`` if known.

    ``type`` is a CAMEO root (``"04"``), a PLOVER 2021 type, a pentaclass (``"3"``) or a re3d
    polarity, depending on the file; None for a sentence annotated with spans only.
    """

    label: str
    type: str | None
    source: Side
    target: Side
    code: str | None = None
    reciprocal: bool = False

    @property
    def expands(self) -> bool:
        """A coder may rightly code this event as several (one per member, or both directions)."""
        return self.reciprocal or self.source.compound or self.target.compound


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold sentence or story. ``source_spans``: located gold source spans (span-based sets)."""

    id: str
    line: int
    text: str
    date: str | None
    events: tuple[GoldEvent, ...]
    actors_scored: bool = True
    source_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class GoldSet:
    """A read gold file: its scheme, the records to score, and what was skipped and why."""

    path: Path
    scheme: Scheme
    records: tuple[GoldRecord, ...]
    skipped_records: Mapping[str, int] = field(default_factory=dict)
    skipped_events: Mapping[str, int] = field(default_factory=dict)
    spans_not_found: int = 0

    @property
    def name(self) -> str:
        """The file's name without ``.jsonl`` (``plover_gsr.dev``)."""
        return self.path.name.removesuffix(".jsonl")


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, accents and curly quotes, with each kept char's offset."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text.translate(_QUOTES)):
        if ch.isspace():
            continue
        for part in unicodedata.normalize("NFKD", ch):
            if not unicodedata.combining(part):
                out.append(part.lower())
                where.append(i)
    return "".join(out), where


def find_spans(text: str, span: str) -> list[tuple[int, int]]:
    """Every place ``span`` occurs in ``text``, ignoring tokenisation spaces, accents and quotes."""
    hay, where = fold(text)
    needle, _ = fold(span)
    found: list[tuple[int, int]] = []
    if not needle:
        return found
    at = hay.find(needle)
    while at >= 0:
        found.append((where[at], where[at + len(needle) - 1] + 1))
        at = hay.find(needle, at + 1)
    return found


def read_gold(path: str | Path) -> GoldSet:
    """Read and validate a gold JSONL file.

    Args:
        path: a file in the format of ``data/eval/README.md``.
    Returns:
        The records, normalised to comparable keys.
    Raises:
        GoldError: listing every malformed record as ``file:line: problem; fix``.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(
            f"cannot read gold file {str(path)!r}: {exc}; pass a UTF-8 JSONL gold file"
        ) from exc
    reader = _Reader(path)
    for number, line in enumerate(lines, start=1):
        if line.strip():
            reader.add(number, line)
    return reader.finish()


class _Reader:
    """Collects records and problems over one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []
        self.raw: list[tuple[int, dict[str, Any]]] = []
        self.ids: dict[str, int] = {}
        self.schemes: Counter[str] = Counter()

    def problem(self, line: int, message: str) -> None:
        self.problems.append(f"{self.path}:{line}: {message}")

    def add(self, line: int, text: str) -> None:
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            self.problem(line, f"not JSON ({exc.msg}); write one JSON object per line")
            return
        if not isinstance(record, dict):
            self.problem(line, "expected a JSON object with id, text, date, events")
            return
        ok = True
        rid = record.get("id")
        if not isinstance(rid, str) or not rid:
            self.problem(line, "missing 'id'; give each record a non-empty string id")
            ok = False
        elif rid in self.ids:
            self.problem(
                line, f"duplicate id {rid!r} (first on line {self.ids[rid]}); make ids unique"
            )
            ok = False
        else:
            self.ids[rid] = line
        if not isinstance(record.get("text"), str) or not record["text"].strip():
            self.problem(line, "missing 'text'; give the sentence or story as a non-empty string")
            ok = False
        date = record.get("date")
        if date is not None and not (isinstance(date, str) and _DATE.match(date)):
            self.problem(line, f"'date' is {date!r}; use YYYY-MM-DD or null")
            ok = False
        events = record.get("events")
        if not isinstance(events, list):
            self.problem(line, "missing 'events'; give a list of events ([] for 'no event here')")
            return
        for n, event in enumerate(events, start=1):
            scheme = self.check_event(line, n, event)
            ok = ok and scheme is not None
            if scheme is not None:
                self.schemes[scheme] += 1
        if ok:
            self.raw.append((line, record))

    def check_event(self, line: int, n: int, event: Any) -> str | None:
        """The event's scheme, or None after reporting what is wrong with it."""
        where = f"event {n}"
        if not isinstance(event, dict):
            self.problem(line, f"{where} is not an object; give source, target, code")
            return None
        for key in ("source", "target", "code"):
            if not isinstance(event.get(key), str):
                self.problem(line, f'{where}: {key!r} missing or not a string; use "" for none')
                return None
        extra = event.get("extra", {})
        if not isinstance(extra, dict):
            self.problem(line, f"{where}: 'extra' is not an object; drop it or make it one")
            return None
        wrong = _wrong_extra(extra)
        if wrong:
            self.problem(line, f"{where}: {wrong}")
            return None
        code = event["code"]
        if _PENTA.match(code) or (code == "" and "source_spans" in extra):
            return "penta"
        if (
            "plover_2021_type" in extra
            or code.upper() in codes.PLOVER_05_TYPES | codes.PLOVER_2021_TYPES
        ):
            plover = str(extra.get("plover_2021_type") or code)
            if codes.plover_2021(plover) not in codes.PLOVER_2021_TYPES:
                self.problem(
                    line, f"{where}: {plover!r} is not a PLOVER type; use a PLOVER 2021 name"
                )
                return None
            return "plover"
        if code in codes.RE3D_POLARITY:
            for key in ("source_offsets", "target_offsets"):
                if not _offsets_ok(extra.get(key)):
                    self.problem(
                        line, f"{where}: extra.{key} must be [start, end] character offsets"
                    )
                    return None
            return "re3d"
        if code.isdigit() and (codes.is_cameo(code) or extra.get("cameo_root_valid") is False):
            return "cameo_spans" if extra.get("source_text_is_span") else "cameo"
        self.problem(
            line,
            f"{where}: code {code!r} is not a CAMEO code (01–20 root, up to 4 digits), 'penta:0'…"
            "'penta:4', a PLOVER type or a re3d relation; fix the code",
        )
        return None

    def finish(self) -> GoldSet:
        if len(self.schemes) > 1 and set(self.schemes) != {"cameo", "cameo_spans"}:
            mix = ", ".join(f"{k} ({v})" for k, v in self.schemes.most_common())
            self.problems.append(f"{self.path}: mixes event schemes {mix}; keep one kind per file")
        if self.problems:
            shown = self.problems[:_MAX_PROBLEMS]
            more = len(self.problems) - len(shown)
            tail = [f"... and {more} more"] if more else []
            head = f"{len(self.problems)} problem(s) in gold file {str(self.path)!r}; fix these:"
            raise GoldError("\n".join([head, *shown, *tail]))
        scheme = cast(Scheme, self.schemes.most_common(1)[0][0] if self.schemes else "cameo")
        records: list[GoldRecord] = []
        skipped_records: Counter[str] = Counter()
        skipped_events: Counter[str] = Counter()
        missing = 0
        for line, raw in self.raw:
            reason = _skip_reason(raw)
            if reason:
                skipped_records[reason] += 1
                continue
            record, dropped, not_found = _record(line, raw, scheme)
            skipped_events.update(dropped)
            missing += not_found
            records.append(record)
        log.info("read %d gold records from %s (%s)", len(records), self.path, scheme)
        return GoldSet(
            self.path, scheme, tuple(records), dict(skipped_records), dict(skipped_events), missing
        )


def _wrong_extra(extra: Mapping[str, Any]) -> str | None:
    """What is wrong with the ``extra`` fields the scorer reads, if anything."""
    for key in ("source_spans", "target_spans", "reciprocal_spans"):
        value = extra.get(key)
        if value is not None and not (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            return f"extra.{key} must be a list of strings (text spans of the sentence)"
    for key in ("source_actors", "target_actors"):
        value = extra.get(key)
        if value is not None and not (
            isinstance(value, list)
            and all(isinstance(a, dict) and isinstance(a.get("code"), str) for a in value)
        ):
            return f'extra.{key} must be a list of objects with a "code" string (e.g. "USA")'
    for key in ("reciprocal", "cameo_root_valid", "source_text_is_span"):
        if key in extra and not isinstance(extra[key], bool):
            return f"extra.{key} must be true or false"
    for key in ("cameo_manual_code", "plover_2021_type"):
        if extra.get(key) is not None and not isinstance(extra[key], str):
            return f"extra.{key} must be a string or null"
    return None


def _offsets_ok(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) for v in value)
        and 0 <= value[0] <= value[1]
    )


def _skip_reason(raw: Mapping[str, Any]) -> str | None:
    """Why the gold itself says not to score this record, if it does."""
    meta = raw.get("meta") or {}
    if meta.get("evaluate") is False:
        return "meta.evaluate is false"
    if meta.get("no_majority") is True:
        return "no majority among coders"
    return None


def _record(line: int, raw: Mapping[str, Any], scheme: Scheme) -> tuple[GoldRecord, list[str], int]:
    """A validated record in comparable form, the reasons for dropped events, spans not found."""
    text: str = raw["text"]
    meta = raw.get("meta") or {}
    fictional = str(meta.get("actor_world", "")).startswith("fictional")
    events: list[GoldEvent] = []
    dropped: list[str] = []
    located: list[tuple[int, int]] = []
    missing = 0
    for event in raw["events"]:
        extra: Mapping[str, Any] = event.get("extra") or {}
        code: str = event["code"]
        if extra.get("cameo_root_valid") is False:
            dropped.append("CAMEO code with an invalid root")
            continue
        if scheme == "plover":
            events.append(_plover_event(event, extra))
        elif scheme == "re3d":
            source = Side("spans", event["source"], spans=(tuple(extra["source_offsets"]),))
            target = Side("spans", event["target"], spans=(tuple(extra["target_offsets"]),))
            events.append(GoldEvent(code, codes.RE3D_POLARITY[code], source, target))
        elif scheme == "penta":
            both = list(extra.get("reciprocal_spans") or [])
            source, lost_s = _span_side(text, [*(extra.get("source_spans") or []), *both])
            target, lost_t = _span_side(text, [*(extra.get("target_spans") or []), *both])
            missing += lost_s + lost_t
            located.extend(source.spans)
            match = _PENTA.match(code)
            events.append(GoldEvent(code, match.group(1) if match else None, source, target))
        elif scheme == "cameo_spans" or extra.get("source_text_is_span"):
            source, lost_s = _span_side(text, _split(event["source"]))
            target, lost_t = _span_side(text, _split(event["target"]))
            missing += lost_s + lost_t
            events.append(_cameo_event(code, source, target))
        else:
            events.append(
                _cameo_event(code, _phoenix_side(event["source"]), _phoenix_side(event["target"]))
            )
    record = GoldRecord(
        id=raw["id"],
        line=line,
        text=text,
        date=raw.get("date"),
        events=tuple(events),
        actors_scored=not fictional,
        source_spans=tuple(located),
    )
    return record, dropped, missing


def _cameo_event(code: str, source: Side, target: Side) -> GoldEvent:
    full = codes.full_cameo(code) if len(code) >= 3 else None
    return GoldEvent(code, codes.cameo_root(code), source, target, code=full)


def _phoenix_side(code: str) -> Side:
    return Side("keys", code, keys=frozenset({codes.phoenix_key(code)}))


def _plover_event(event: Mapping[str, Any], extra: Mapping[str, Any]) -> GoldEvent:
    """A PLOVER GSR event: actors from ``extra.*_actors`` (or the ``+``/``/`` code strings)."""
    sources = _plover_keys(event["source"], extra.get("source_actors"))
    targets = _plover_keys(event["target"], extra.get("target_actors"))
    reciprocal = bool(extra.get("reciprocal"))
    if reciprocal and not event["target"]:
        # "Jordan and Britain agreed": each participant acts with the others, or with no target.
        sources, targets = sources, sources | {None}
    manual = extra.get("cameo_manual_code")
    return GoldEvent(
        label=str(event["code"]),
        type=codes.plover_2021(str(extra.get("plover_2021_type") or event["code"])),
        source=Side("keys", event["source"], keys=frozenset(sources)),
        target=Side("keys", event["target"], keys=frozenset(targets)),
        code=codes.full_cameo(manual)
        if isinstance(manual, str) and codes.is_cameo(manual)
        else None,
        reciprocal=reciprocal,
    )


def _plover_keys(code: str, actors: Any) -> set[str | None]:
    parts: list[str] = []
    if isinstance(actors, list) and actors:
        parts = [str(a.get("code", "")) for a in actors if isinstance(a, dict)]
    elif code:
        parts = [p.split("/")[0] for p in code.split("+")]
    if not parts:
        return {None}
    return {codes.phoenix_key(p) for p in parts}


def _split(spans: str) -> list[str]:
    return [s.strip() for s in spans.split(" | ") if s.strip()]


def _span_side(text: str, spans: Sequence[str]) -> tuple[Side, int]:
    """A side located by its text spans (unannotated → ``any``), and how many were not found."""
    found: list[tuple[int, int]] = []
    lost = 0
    for span in spans:
        where = find_spans(text, span)
        found.extend(where)
        lost += not where
    if not found:
        return Side("any", " | ".join(spans)), lost
    return Side("spans", " | ".join(spans), spans=tuple(sorted(set(found)))), lost
