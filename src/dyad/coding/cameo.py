"""The CAMEO code table: labels, Goldstein scores, QuadClass and PLOVER type for every code.

The table lives in ``data/cameo_codes.txt`` (see its header for sources and licence) and is read
once through the strict dictionary reader; every code is checked on load.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Literal

from dyad.coding.types import CodeInfo
from dyad.dictfile import Entry, Schema, read_dictionary, valid_number
from dyad.errors import DictionaryError, DyadError

DATA_DIR = Path(__file__).parent / "data"
CODES_PATH = DATA_DIR / "cameo_codes.txt"

CODE_RE = re.compile(r"(0[1-9]|1[0-9]|20)(\d{1,2})?")

PLOVER_TYPES: frozenset[str] = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)  # fmt: skip


def _valid_goldstein(value: str) -> str | None:
    bad = valid_number(value)
    if bad:
        return bad
    return None if -10.0 <= float(value) <= 10.0 else "Goldstein scores run from -10 to 10"


def _valid_quad(value: str) -> str | None:
    return None if value in {"1", "2", "3", "4"} else "QuadClass is 1, 2, 3 or 4"


def _valid_plover(value: str) -> str | None:
    return (
        None
        if value in PLOVER_TYPES
        else f"not a PLOVER type; use one of {', '.join(sorted(PLOVER_TYPES))}"
    )


Mood = Literal["intent", "appeal", "demand", "reject", "threaten"]
# The root every mood's variant codes must have: intent to release (0353) is a 03 code.
MOOD_ROOTS: dict[str, str] = {
    "intent": "03",
    "appeal": "02",
    "demand": "10",
    "reject": "12",
    "threaten": "13",
}

CODES_SCHEMA = Schema(
    name="CAMEO code table",
    fields=frozenset({"label", "goldstein", "quad", "plover", "mode", "context", *MOOD_ROOTS}),
    required=frozenset({"label", "goldstein", "quad"}),
    single=frozenset({"label", "goldstein", "quad", "plover", "mode", *MOOD_ROOTS}),
    head=CODE_RE,
    head_help="a CAMEO code: a root 01-20 followed by one or two digits",
    unique_heads=True,
)


def root(code: str) -> str:
    """The two-digit root of a CAMEO code: ``root("1384") == "13"``."""
    return code[:2]


def quad_for_root(root_code: str) -> int:
    """GDELT's QuadClass for a root: 01-05 → 1, 06-08 → 2, 09-13 → 3, 14-20 → 4."""
    r = int(root_code)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def read_codes(path: str | Path) -> dict[str, CodeInfo]:
    """Read and check a code table file; raise DictionaryError listing every bad entry."""
    return _read_table(path)[0]


def _read_table(path: str | Path) -> tuple[dict[str, CodeInfo], dict[tuple[str, str], str]]:
    entries = read_dictionary(path, CODES_SCHEMA)
    heads = {e.head for e in entries}
    problems: list[str] = []
    table: dict[str, CodeInfo] = {}
    variants: dict[tuple[str, str], str] = {}
    for e in entries:
        for mood, mood_root in MOOD_ROOTS.items():
            other = e.get(mood)
            if other is None:
                continue
            if other not in heads or root(other) != mood_root:
                problems.append(
                    f"{e.where}: {mood} {other!r}: expected a code of this table under root "
                    f"{mood_root}"
                )
            variants[(e.head, mood)] = other
        bad = _check(e, heads)
        problems.extend(bad)
        if bad:
            continue
        table[e.head] = CodeInfo(
            code=e.head,
            label=e.get("label") or "",
            quad_class=int(e.get("quad") or 0),
            goldstein=float(e.get("goldstein") or 0.0),
            plover_type=e.get("plover") or "",
            plover_mode=e.get("mode"),
            plover_context=e.all("context"),
        )
    if problems:
        raise DictionaryError(problems)
    return table, variants


def _check(e: Entry, heads: set[str]) -> list[str]:
    """Value and cross-entry checks, all reported together (not one failed field at a time)."""
    problems: list[str] = []
    for name, check in (
        ("goldstein", _valid_goldstein),
        ("quad", _valid_quad),
        ("plover", _valid_plover),
    ):
        value = e.get(name)
        msg = check(value) if value is not None else None
        if msg:
            problems.append(f"{e.where}: {name} {value!r}: {msg}")
    if problems:
        return problems
    r = root(e.head)
    if r not in heads:
        problems.append(f"{e.where}: code {e.head!r} has no root entry {r!r}; add the root first")
    if len(e.head) == 4 and e.head[:3] not in heads:
        problems.append(
            f"{e.where}: code {e.head!r} has no parent entry {e.head[:3]!r}; add the parent"
        )
    quad = e.get("quad")
    if quad and int(quad) != quad_for_root(r):
        problems.append(
            f"{e.where}: quad {quad} disagrees with root {r} (expected {quad_for_root(r)})"
        )
    return problems


@functools.cache
def _bundled() -> tuple[dict[str, CodeInfo], dict[tuple[str, str], str]]:
    return _read_table(CODES_PATH)


def load_codes() -> dict[str, CodeInfo]:
    """The bundled CAMEO code table, read once: code → :class:`CodeInfo`."""
    return _bundled()[0]


def variant(code: str, mood: Mood) -> str | None:
    """The code for intending, appealing for, demanding, rejecting or threatening ``code``.

    Args:
        code: an action code such as ``"0841"`` (release persons) or ``"072"`` (military aid).
        mood: ``"intent"`` (03x), ``"appeal"`` (02x), ``"demand"`` (10x), ``"reject"`` (12x) or
            ``"threaten"`` (13x).
    Returns:
        ``variant("0841", "intent") == "0353"``, ``variant("192", "threaten") == "1382"``;
        ``None`` when CAMEO has no such code (intent to shell a town is a threat, not a 03x).
    """
    return _bundled()[1].get((code, mood))


def code_info(code: str) -> CodeInfo:
    """Look a CAMEO code up in the bundled table.

    Args:
        code: a CAMEO code as a string with its leading zero: ``"057"``, ``"1384"``.
    Returns:
        The code's label, QuadClass, Goldstein score and PLOVER type/mode.
    Raises:
        DyadError: for a code the table does not know, naming the code and the fix.
    """
    info = load_codes().get(code)
    if info is None:
        raise unknown_code(code)
    return info


def unknown_code(code: str) -> DyadError:
    """The error for a code outside CAMEO 1.1b3."""
    hint = ""
    if code.isdigit() and len(code) in (2, 3) and code.lstrip("0") == code and len(code) < 4:
        hint = f" (did you drop a leading zero? try {code.zfill(len(code) + 1)!r})"
    return DyadError(
        f"unknown CAMEO code {code!r}{hint}: expected a CAMEO 1.1b3 code such as '057' or '1384'; "
        f"see {CODES_PATH.name} for the list, or add the code there"
    )
