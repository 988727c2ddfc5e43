"""The actor dictionaries (countries, IGOs, agents, people, groups) read into one matchable object.

Each file goes through :mod:`dyad.dictfile` with its own :class:`Schema`; the kind of a file is
told by its name (``countries.txt``, ``my.people.txt``, ...). Every surface form becomes a
:class:`Form` registered in a spaCy ``PhraseMatcher`` on ``LOWER``; case rules are checked after
matching (``US`` must be upper case, ``Nato`` needs a capital, ``troops`` matches any case).
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from dyad.actors.codes import (
    NO_COUNTRY,
    SECTORS,
    Role,
    parse_role,
    pick_role,
    valid_code,
    valid_role,
    valid_sector,
)
from dyad.dictfile import Entry, Schema, read_dictionary, read_word_list
from dyad.errors import DictionaryError

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
KINDS: tuple[str, ...] = ("countries", "igos", "agents", "people", "groups")
DEFAULT_FILES: tuple[Path, ...] = tuple(DATA_DIR / f"{kind}.txt" for kind in KINDS)

Case = Literal["exact", "cap", "any"]
FormKind = Literal[
    "country", "adj", "demonym", "capital", "igo", "word", "bound", "title", "person", "group"
]


def _no_article(value: str) -> str | None:
    if value.lower().startswith("the "):
        return "drop the leading 'the' (articles are matched around the name)"
    return None


def _seat(value: str) -> str | None:
    name, _, sector = value.partition("=")
    if sector and valid_sector(sector.strip()):
        return valid_sector(sector.strip())
    return _no_article(name.strip())


_ISO3 = re.compile(r"^[A-Z]{3}$")
_IGO = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

SCHEMAS: dict[str, Schema] = {
    "countries": Schema(
        name="countries",
        fields=frozenset({"name", "abbr", "adj", "demonym", "capital", "seat"}),
        required=frozenset({"name"}),
        head=_ISO3,
        head_help="an ISO 3166 alpha-3 code in capitals (RUS, PRK, XKX)",
        validators={
            "name": _no_article,
            "abbr": _no_article,
            "capital": _no_article,
            "seat": _seat,
        },
        unique_heads=True,
    ),
    "igos": Schema(
        name="igos",
        fields=frozenset({"name", "abbr"}),
        required=frozenset({"name"}),
        head=_IGO,
        head_help="a short IGO code in capitals (NATO, UN, UNSC, G7)",
        validators={"name": _no_article, "abbr": _no_article},
        unique_heads=True,
    ),
    "agents": Schema(
        name="agents",
        fields=frozenset({"word", "bound", "title"}),
        head=re.compile("|".join(SECTORS)),
        head_help=f"a sector code ({', '.join(SECTORS)})",
    ),
    "people": Schema(
        name="people",
        fields=frozenset({"name", "alias", "short", "anaphor", "role", "gender", "base"}),
        required=frozenset({"name", "role"}),
        single=frozenset({"name", "gender", "base"}),
        head=_ID,
        head_help="a lower-case id (putin, kim-jong-un)",
        validators={
            "role": valid_role,
            "base": valid_code,
            "gender": lambda v: None if v in ("m", "f") else "expected m or f",
        },
        unique_heads=True,
    ),
    "groups": Schema(
        name="groups",
        fields=frozenset({"name", "alias", "abbr", "role"}),
        required=frozenset({"name", "role"}),
        single=frozenset({"name"}),
        head=_ID,
        head_help="a lower-case id (hamas, wagner)",
        validators={"role": valid_role, "alias": _no_article, "abbr": _no_article},
        unique_heads=True,
    ),
}


@dataclass(frozen=True, slots=True)
class Person:
    """A person or a named group with dated roles."""

    id: str
    name: str
    roles: tuple[Role, ...]
    gender: str | None = None
    base: str | None = None
    where: str = ""

    def code_at(self, date: str | None) -> str:
        """The code of the role valid at ``date``; outside every role, ``base`` or country+ELI."""
        role = pick_role(self.roles, date)
        if role is not None:
            return role.code
        if self.base:
            return self.base
        country = self.roles[-1].code[:3]
        return f"{country}ELI" if country != NO_COUNTRY else f"{NO_COUNTRY}ELI"

    def active(self, date: str | None) -> bool:
        return date is None or pick_role(self.roles, date) is not None


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form: what it names (``ref``) and how it may be matched."""

    kind: FormKind
    ref: str  # country/IGO code, sector, or person/group id
    case: Case
    tokens: tuple[str, ...]
    sector: str | None = None  # seats: Pentagon=MIL
    standalone: bool = True  # short names of people: False means only after an antecedent
    full: bool = True  # a full name (not a surname) that can be an antecedent


@dataclass
class ActorDictionary:
    """All actor dictionaries, loaded once and matched with a spaCy PhraseMatcher."""

    countries: dict[str, str] = field(default_factory=dict)  # code -> canonical name
    igos: dict[str, str] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    forms: dict[str, list[Form]] = field(default_factory=dict)  # lower-cased form -> forms
    files: tuple[str, ...] = ()

    @classmethod
    def load(
        cls, paths: Sequence[str | Path] | None = None, *, defaults: bool = True
    ) -> ActorDictionary:
        """Read dictionaries strictly; raise DictionaryError listing every bad entry.

        Args:
            paths: extra files (kind told by the name's ending: ``countries.txt``, ``igos.txt``,
                ``agents.txt``, ``people.txt``, ``groups.txt``, e.g. ``my.people.txt``).
            defaults: also read dyad's bundled dictionaries (before ``paths``).
        """
        files = [*(DEFAULT_FILES if defaults else ()), *(Path(p) for p in paths or ())]
        problems: list[str] = []
        by_kind: dict[str, list[Entry]] = {k: [] for k in KINDS}
        for path in files:
            kind = next((k for k in KINDS if path.name.endswith(f"{k}.txt")), None)
            if kind is None:
                problems.append(
                    f"{path}:0: cannot tell the dictionary kind from the name; "
                    f"end it in one of {', '.join(k + '.txt' for k in KINDS)}"
                )
                continue
            try:
                by_kind[kind].extend(read_dictionary(path, SCHEMAS[kind]))
            except DictionaryError as exc:
                problems.extend(exc.problems)
        if problems:
            raise DictionaryError(problems)
        self = cls(files=tuple(str(p) for p in files))
        self._build(by_kind, problems)
        if problems:
            raise DictionaryError(problems)
        log.debug("actor dictionaries: %d forms from %d files", len(self.forms), len(files))
        return self

    # ------------------------------------------------------------ building

    def _build(self, by_kind: dict[str, list[Entry]], problems: list[str]) -> None:
        for e in by_kind["countries"]:
            self.countries[e.head] = e.all("name")[0]
            for v in e.all("name"):
                self._add(v, Form("country", e.head, "cap", ()))
            for v in e.all("abbr"):
                self._add(v, Form("country", e.head, "exact", ()))
            for v in e.all("adj"):
                self._add(v, Form("adj", e.head, "cap", ()))
            for v in e.all("demonym"):
                self._add(v, Form("demonym", e.head, "cap", ()))
            for v in e.all("capital"):
                self._add(v, Form("capital", e.head, "cap", (), sector="GOV"))
            for v in e.all("seat"):
                name, _, sector = (s.strip() for s in v.partition("="))
                self._add(name, Form("capital", e.head, "cap", (), sector=sector or "GOV"))
        for e in by_kind["igos"]:
            self.igos[e.head] = e.all("name")[0]
            for v in e.all("name"):
                self._add(v, Form("igo", e.head, "cap", ()))
            for v in e.all("abbr"):
                self._add(v, Form("igo", e.head, "exact", ()))
        for e in by_kind["agents"]:
            for how in ("word", "bound", "title"):
                for v in e.all(how):
                    self._add(v, Form(how, e.head, "any", ()))
        for kind in ("people", "groups"):
            for e in by_kind[kind]:
                self._add_person(e, kind, problems)

    def _add_person(self, e: Entry, kind: str, problems: list[str]) -> None:
        roles = tuple(r for r in (parse_role(v) for v in e.all("role")) if r is not None)
        for role in roles:
            msg = self._check_code(role.code)
            if msg:
                problems.append(f"{e.where}: role {role.code!r}: {msg}")
        if e.head in self.people:
            problems.append(f"{e.where}: id {e.head!r} already used by {self.people[e.head].where}")
            return
        name = e.all("name")[0]
        # a group outside its dated roles keeps its last code (the Tamil Tigers stay LKAREB)
        base = e.get("base") or (roles[-1].code if kind == "groups" and roles else None)
        self.people[e.head] = Person(e.head, name, roles, e.get("gender"), base, e.where)
        fkind: FormKind = "person" if kind == "people" else "group"
        for v in (name, *e.all("alias")):
            self._add(v, Form(fkind, e.head, "cap", ()))
        for v in e.all("abbr"):
            self._add(v, Form(fkind, e.head, "exact", ()))
        for v in e.all("short"):
            self._add(v, Form(fkind, e.head, "cap", (), full=False))
        for v in e.all("anaphor"):
            self._add(v, Form(fkind, e.head, "cap", (), standalone=False, full=False))

    def _check_code(self, code: str) -> str | None:
        if code in self.igos:
            return None
        country, sector = code[:3], code[3:6]
        if country != NO_COUNTRY and country not in self.countries:
            return f"unknown country {country!r}; add it to countries.txt or use '---'"
        if sector and sector not in SECTORS:
            return f"unknown sector {sector!r}; use one of {', '.join(SECTORS)}"
        return None

    def _add(self, text: str, form: Form) -> None:
        # news writes apostrophes both ways ("People's Republic", "Côte d’Ivoire") and often
        # drops accents in people's names ("Erdogan", "Sejourne"); places are listed by hand
        # because folding them can make a word ("Malé" -> "Male")
        plain = _fold(text) if form.kind in ("person", "group") else text
        spellings = (text, plain, *(t.replace("'", "’") for t in (text, plain)))
        spellings = (*spellings, *(t.replace("’", "'") for t in spellings))
        for variant in dict.fromkeys(spellings):
            tokens = tuple(t.text for t in _tokenizer()(variant))
            f = Form(
                form.kind, form.ref, form.case, tokens, form.sector, form.standalone, form.full
            )
            self.forms.setdefault(" ".join(tokens).lower(), []).append(f)

    # ------------------------------------------------------------ matching

    @functools.cached_property
    def matcher(self) -> PhraseMatcher:
        """A PhraseMatcher on LOWER whose match ids are the lower-cased forms' hashes."""
        nlp = _tokenizer()
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, forms in self.forms.items():
            # from the form's own tokens: the tokenizer splits "u.s." but keeps "U.S." whole
            matcher.add(key, [Doc(nlp.vocab, words=list(forms[0].tokens))])
        return matcher

    @functools.cached_property
    def key_of(self) -> dict[int, str]:
        strings = _tokenizer().vocab.strings
        return {strings[key]: key for key in self.forms}

    @functools.cached_property
    def igo_codes(self) -> frozenset[str]:
        return frozenset(self.igos)

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """The canonical names of the people and groups ("Osama bin Laden", "Islamic State")."""
        return frozenset(p.name for p in self.people.values())

    def name_of(self, code: str) -> str | None:
        return self.igos.get(code) or self.countries.get(code)

    def persons_for(self, key: str) -> Iterable[Form]:
        return (f for f in self.forms.get(key, ()) if f.kind in ("person", "group"))


def _fold(text: str) -> str:
    """Drop accents: "Séjourné" → "Sejourne" (letters like "ł" that do not decompose stay)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Language:
    return spacy.blank("en")


@functools.lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    """dyad's bundled dictionaries, read once per process."""
    return ActorDictionary.load()


PEOPLES_FILE = DATA_DIR / "peoples.txt"


@functools.lru_cache(maxsize=1)
def peoples() -> frozenset[str]:
    """Names of peoples that are also town names ("Naga rebels"): no place as a modifier."""
    return read_word_list(PEOPLES_FILE, "peoples")
