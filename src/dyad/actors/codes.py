"""Actor codes: the CAMEO/Phoenix sector list, dated roles, and a code split into Actor fields."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

# CAMEO/Phoenix agent (sector) codes dyad uses; docs/actors.md explains each.
SECTORS: dict[str, str] = {
    "GOV": "government, executive, head of state or government, ministers, officials",
    "MIL": "military: armed forces, troops, army, navy, air force, defence ministry",
    "REB": "rebels, insurgents, militants, armed non-state groups",
    "OPP": "political opposition, protesters, dissidents",
    "PTY": "political party, candidate or campaign",
    "COP": "police and internal security forces",
    "JUD": "courts, judges, prosecutors",
    "SPY": "intelligence services",
    "MED": "media, journalists, bloggers",
    "EDU": "education: students, teachers, universities",
    "BUS": "business: companies, firms, executives",
    "CRM": "criminals, gangs, smugglers",
    "CVL": "civilians, residents, ordinary people",
    "LAB": "labour: workers, unions",
    "LEG": "legislature: parliament, lawmakers",
    "HLH": "health: doctors, hospitals",
    "REF": "refugees, displaced people, migrants",
    "ELI": "elites: former officials, notable people without office",
    "INS": "insurgents (used by some Phoenix dictionaries; dyad prefers REB)",
    "SEP": "separatists",
    "UAF": "unaligned armed forces: militias, mercenaries, private military companies",
    "IGO": "intergovernmental organisation (Actor.igo names which)",
    "NGO": "non-governmental organisation, aid groups, human-rights groups",
    "REL": "religious leaders and institutions",
    "AGR": "agriculture: farmers",
    "ENV": "environmental groups",
    "HRI": "human-rights groups",
    "SET": "settlers",
}

NO_COUNTRY = "---"
# Settlers are coded by the state they settle for, not the territory they live in (CAMEO codes
# "Jewish settlers in Hebron" as Israeli settlers): territory -> settlers' state.
SETTLER_STATES: dict[str, str] = {"PSE": "ISR"}


def settler_code(country: str) -> str:
    """The code of settlers living in ``country``: "West Bank settlers" -> ISRSET."""
    return SETTLER_STATES.get(country, country) + "SET"


_CODE = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})*$|^[A-Z][A-Z0-9]{1,7}$")
_ROLE = re.compile(r"^(\S+)\s+(\d{4}(?:-\d{2}){0,2})?\.\.(\d{4}(?:-\d{2}){0,2})?$")


def pad_date(value: str) -> str:
    """Make a YYYY or YYYY-MM date comparable as a string by padding it to YYYY-MM-DD."""
    return (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]


@dataclass(frozen=True, slots=True)
class Role:
    """A code held from ``start`` (inclusive) to ``end`` (exclusive); None means open."""

    code: str
    start: str | None
    end: str | None

    def valid(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


def parse_role(value: str) -> Role | None:
    """Parse ``CODE FROM..TO`` (either date may be empty) or a bare ``CODE``; None if malformed."""
    value = value.strip()
    if " " not in value:
        return Role(value, None, None) if _CODE.match(value) else None
    m = _ROLE.match(value)
    if not m or not _CODE.match(m.group(1)):
        return None
    start = pad_date(m.group(2)) if m.group(2) else None
    end = pad_date(m.group(3)) if m.group(3) else None
    if start and end and end <= start:
        return None
    return Role(m.group(1), start, end)


def valid_role(value: str) -> str | None:
    if parse_role(value) is None:
        return (
            "expected 'CODE FROM..TO' with dates YYYY[-MM[-DD]], either side may be empty, "
            "FROM before TO (e.g. 'USAGOV 2017-01-20..2021-01-20')"
        )
    return None


def valid_code(value: str) -> str | None:
    return None if _CODE.match(value) else "expected a code like RUSGOV, ---MIL or NATO"


def valid_sector(value: str) -> str | None:
    if value in SECTORS:
        return None
    return f"unknown sector; use one of {', '.join(SECTORS)}"


_DATE_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def norm_date(value: str | None) -> str | None:
    """A document date as YYYY-MM-DD ("2024-10-30T08:00Z" → "2024-10-30"); None if unreadable."""
    if not value:
        return None
    m = _DATE_PREFIX.match(value.strip())
    return pad_date(m.group(0)) if m and len(m.group(0)) < 10 else (m.group(0) if m else None)


def pick_role(roles: tuple[Role, ...], date: str | None) -> Role | None:
    """The role valid at ``date`` (first listed wins); with no date, the latest-starting role."""
    if not roles:
        return None
    if date is None:
        return max(roles, key=lambda r: (r.end is None, r.start or ""))
    d = norm_date(date)
    if d is None:
        return max(roles, key=lambda r: (r.end is None, r.start or ""))
    for role in roles:
        if role.valid(d):
            return role
    return None


def overlaps(role: Role, lo: str | None, hi: str | None) -> bool:
    """Whether ``role`` holds at some day of the era ``[lo, hi)`` (None: open)."""
    return (role.start is None or hi is None or role.start < hi) and (
        role.end is None or lo is None or lo < role.end
    )


def span_of(roles: list[Role]) -> tuple[str | None, str | None] | None:
    """The era from the first day of the earliest role to the end of the last (None: open);
    None for no roles. Trump's two terms as president: 2017-01-20 onward."""
    if not roles:
        return None
    lo = None if any(r.start is None for r in roles) else min(r.start or "" for r in roles)
    hi = None if any(r.end is None for r in roles) else max(r.end or "" for r in roles)
    return lo, hi


def pick_role_in(roles: tuple[Role, ...], lo: str | None, hi: str | None) -> Role | None:
    """The role held during most of the era ``[lo, hi)``; with an open side, the latest-starting
    role held at some day of it (the one nearest the known bound)."""
    held = [r for r in roles if overlaps(r, lo, hi)]
    if not held:
        return None
    if lo is None or hi is None:
        return max(held, key=lambda r: (r.end is None, r.start or ""))
    a, b = lo, hi

    def days(r: Role) -> int:
        start = max(a, r.start or a)
        end = min(b, r.end or b)
        return (datetime.date.fromisoformat(end) - datetime.date.fromisoformat(start)).days

    return max(held, key=days)


def split_code(code: str, igos: frozenset[str]) -> tuple[str | None, str | None, str | None]:
    """(country, sector, igo): ``RUSGOV`` → (RUS, GOV, None), ``NATO`` → (None, IGO, NATO)."""
    if code in igos:
        return None, "IGO", code
    country = code[:3]
    sector = code[3:6] or None
    return (None if country == NO_COUNTRY else country), sector, None
