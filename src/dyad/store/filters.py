"""Event filters shared by queries and exports, turned into one SQL WHERE clause."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dyad.errors import bad_option
from dyad.ingest.dates import check_date
from dyad.model import FACTUALITIES

# Queries run over ``events e JOIN documents d``; ``e.day`` already falls back to the document date.


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return. Every field is optional; all given ones must hold.

    Args:
        actor: a code prefix (``PRK`` finds ``PRKMIL``), country or IGO code, on either side.
        dyad: ``(source, target)``, each matched like ``actor``, in that direction.
        both_directions: with ``dyad``, also match target → source.
        root: CAMEO root code (``"19"``; ``"9"`` means ``"09"``).
        since / until: inclusive YYYY-MM-DD bounds on the event day (else document date).
        factuality: ``asserted``, ``negated``, ``hypothetical`` or ``future``.
        limit: at most this many events.
    """

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    root: str | None = None
    since: str | None = None
    until: str | None = None
    factuality: str | None = None
    limit: int | None = None
    both_directions: bool = False

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition (``TRUE`` for no filter) and its parameters; validates values."""
        parts: list[str] = []
        params: list[Any] = []
        if self.actor:
            code = _code(self.actor, "actor")
            parts.append(f"({_side('source')} OR {_side('target')})")
            params += [code] * 6
        if self.dyad:
            if len(self.dyad) != 2:
                raise bad_option("dyad", self.dyad, "two actor codes, source and target")
            src, tgt = (_code(c, "dyad") for c in self.dyad)
            forward = f"({_side('source')} AND {_side('target')})"
            if self.both_directions:
                parts.append(f"({forward} OR {forward})")
                params += [src] * 3 + [tgt] * 3 + [tgt] * 3 + [src] * 3
            else:
                parts.append(forward)
                params += [src] * 3 + [tgt] * 3
        if self.root:
            parts.append("e.cameo_root = ?")
            params.append(_root(self.root))
        if self.since:
            parts.append("e.day >= CAST(? AS DATE)")
            params.append(check_date(self.since))
        if self.until:
            parts.append("e.day <= CAST(? AS DATE)")
            params.append(check_date(self.until))
        if self.factuality:
            if self.factuality not in FACTUALITIES:
                raise bad_option("factuality", self.factuality, " or ".join(FACTUALITIES))
            parts.append("e.factuality = ?")
            params.append(self.factuality)
        return (" AND ".join(parts) or "TRUE"), params

    def limit_sql(self) -> str:
        if self.limit is None:
            return ""
        if not isinstance(self.limit, int) or self.limit < 0:
            raise bad_option("limit", self.limit, "a whole number of events, 0 or more")
        return f" LIMIT {int(self.limit)}"


def _side(side: str) -> str:
    return f"(starts_with(e.{side}_code, ?) OR e.{side}_country = ? OR e.{side}_igo = ?)"


def _code(value: str, name: str) -> str:
    code = str(value).strip().upper()
    if not code or not code.replace("_", "").isalnum():
        raise bad_option(name, value, "an actor code such as PRK, PRKMIL or NATO")
    return code


def _root(value: str | int) -> str:
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= 20:
        raise bad_option("root", value, "a CAMEO root code from 01 to 20")
    return f"{int(text):02d}"
