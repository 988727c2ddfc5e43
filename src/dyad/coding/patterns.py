"""The verb and noun pattern files and the word classes they use: format, checks, compiled form.

Files are read through :mod:`dyad.dictfile`; every bad entry of every file is reported at once as
``file:line: message``. The format is documented in ``docs/lexicon.md`` and in each file's header.

Verb patterns (``verbs*.txt``)::

    supply | code: 072 | obj: @ARMS | target: to
    pull out of | code: 0874 | target: none
    consider + provide | code: 0332 | obj: @ARMS | target: to | flag: intent

Noun patterns (``nouns*.txt``)::

    talks | code: 040 | light: hold; have; conduct | target: with | recip: yes
    state visit | code: 042 | target: to

Word classes (``classes*.txt``)::

    @ARMS | words: weapon; missile; artillery shell; @AMMUNITION
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.coding.cameo import load_codes
from dyad.dictfile import Entry, Schema, Validator, read_dictionary
from dyad.errors import DictionaryError

CLASS_RE = re.compile(r"@[A-Z][A-Z0-9_]*")
_WORD = r"[a-z][a-z0-9'\-]*"  # "covid-19", "g7"
VERB_HEAD_RE = re.compile(rf"{_WORD}( {_WORD})*( \+ {_WORD}( {_WORD})*)*")
NOUN_HEAD_RE = re.compile(rf"{_WORD}( {_WORD})*")
_ITEM_RE = re.compile(rf"(@[A-Z][A-Z0-9_]*|{_WORD}( {_WORD})*)")

TARGET_PREPS: frozenset[str] = frozenset(
    {"to", "against", "with", "on", "for", "from", "at", "in", "into", "of", "over", "toward",
     "towards", "upon", "about", "by", "between", "among", "onto", "across", "inside", "behind",
     "near", "along", "outside", "through", "around", "beside", "off", "under", "as",
     "alongside"}
)  # fmt: skip
# A `prep:` requirement may also be an adverbial particle: "grind forwards", "pull out".
PREP_WORDS: frozenset[str] = TARGET_PREPS | frozenset(
    {"out", "back", "forward", "forwards", "deeper", "ablaze", "down", "up", "away"}
)
# `self`: the chained verb's subject is the first verb's ("claimed *they* attacked"), matched only
# when that subject is a pronoun or left out ("claimed to have attacked").
FLAGS: frozenset[str] = frozenset({"denial", "intent", "joint", "reverse", "self"})
# `code: none` marks an idiom that is no event ("free up", "armed forces"): it silences its head.
NO_EVENT = "none"


@dataclass(frozen=True, slots=True)
class WordSet:
    """Allowed words for an object or a prepositional object: lemmas and multiword phrases."""

    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class PrepReq:
    """A required prepositional phrase: the preposition and, optionally, what its object may be."""

    prep: str
    objects: WordSet | None = None


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled lexicon entry."""

    rule: str  # "verbs.txt:123"
    code: str
    chain: tuple[
        tuple[str, tuple[str, ...]], ...
    ]  # (lemma, particles) per verb; one step for nouns
    noun: bool = False
    modifiers: tuple[str, ...] = ()  # words before the noun: "state" in "state visit"
    obj: WordSet | None = None
    subj: WordSet | None = None  # the doer: active subject or passive by-agent ("a virus killed")
    preps: tuple[PrepReq, ...] = ()  # alternatives: any one must be present
    light: frozenset[str] | None = None
    target_preps: tuple[str, ...] = ()
    object_target: bool = True
    reciprocal: bool = False
    requires_target: bool = False
    flags: tuple[str, ...] = ()
    specificity: int = 1
    purpose: bool = False  # the target may sit in a purpose clause: "sent troops to help X"

    @property
    def key(self) -> str:
        """The lemma the pattern is indexed under: the first verb, or the head noun."""
        return self.chain[0][0]


# ---------------------------------------------------------------- schemas


def _valid_target(value: str) -> str | None:
    if value in ("obj", "none", "purpose") or value in TARGET_PREPS:
        return None
    return f"expected obj, none, purpose or a preposition ({', '.join(sorted(TARGET_PREPS))})"


def _valid_flag(value: str) -> str | None:
    return None if value in FLAGS else f"expected one of {', '.join(sorted(FLAGS))}"


def _valid_code(value: str) -> str | None:
    if value == NO_EVENT or value in load_codes():
        return None
    return (
        "not a CAMEO code in cameo_codes.txt; write it with its leading zero (057, 1384), "
        "or none for an idiom that is no event"
    )


def _items_validator(classes: frozenset[str]) -> Validator:
    def check(value: str) -> str | None:
        if not _ITEM_RE.fullmatch(value):
            return "expected a lower-case lemma, a phrase of lemmas, or a @CLASS"
        if value.startswith("@") and value not in classes:
            return f"unknown class {value}; define it in classes.txt"
        return None

    return check


def _prep_validator(classes: frozenset[str]) -> Validator:
    items = _items_validator(classes)

    def check(value: str) -> str | None:
        words = value.split()
        if words[0] not in PREP_WORDS:
            return f"expected a preposition or particle first ({', '.join(sorted(PREP_WORDS))})"
        for w in words[1:]:
            bad = items(w)
            if bad:
                return bad
        return None

    return check


CLASS_SCHEMA = Schema(
    name="word classes",
    fields=frozenset({"words", "note"}),
    required=frozenset({"words"}),
    single=frozenset({"note"}),
    head=CLASS_RE,
    head_help="a class name such as @ARMS (upper case, digits, underscores)",
    unique_heads=True,
)

_COMMON = frozenset({"code", "obj", "prep", "target", "recip", "needs", "flag", "note"})
# `subj` (verbs only): who or what does it, the subject or the passive's by-agent: an idiom
# "kill | code: none | subj: @NATURAL_CAUSE" keeps "the virus killed six people" from being an
# attack.


def pattern_schema(noun: bool, classes: frozenset[str]) -> Schema:
    """The schema of a verb (``noun=False``) or noun pattern file, checking class names too."""
    return Schema(
        name="noun patterns" if noun else "verb patterns",
        fields=_COMMON | {"light"} if noun else _COMMON | {"subj"},
        required=frozenset({"code"}),
        single=frozenset({"code", "recip", "needs"}),
        head=NOUN_HEAD_RE if noun else VERB_HEAD_RE,
        head_help=(
            "noun lemmas, modifiers first: 'talks', 'state visit'"
            if noun
            else "a verb lemma with its particles, chained verbs joined by ' + ': "
            "'supply', 'pull out of', 'consider + provide'"
        ),
        validators={
            "code": _valid_code,
            "obj": _items_validator(classes),
            "subj": _items_validator(classes),
            "prep": _prep_validator(classes),
            "light": _items_validator(frozenset()),
            "target": _valid_target,
            "recip": lambda v: None if v == "yes" else "expected yes (leave the field out for no)",
            "needs": lambda v: None if v == "target" else "expected target",
            "flag": _valid_flag,
        },
    )


# ---------------------------------------------------------------- reading


def read_classes(paths: Iterable[Path]) -> dict[str, tuple[str, ...]]:
    """Read class files into ``@NAME → words`` with nested classes expanded."""
    raw: dict[str, Entry] = {}
    problems: list[str] = []
    for path in paths:
        try:
            for e in read_dictionary(path, CLASS_SCHEMA):
                if e.head in raw:
                    problems.append(
                        f"{e.where}: class {e.head} already defined at {raw[e.head].where}"
                    )
                raw[e.head] = e
        except DictionaryError as exc:
            problems.extend(exc.problems)
    out: dict[str, tuple[str, ...]] = {}
    for name, e in raw.items():
        words, bad = _expand(name, raw, ())
        problems.extend(f"{e.where}: {msg}" for msg in bad)
        out[name] = words
    if problems:
        raise DictionaryError(problems)
    return out


def _expand(
    name: str, raw: dict[str, Entry], seen: tuple[str, ...]
) -> tuple[tuple[str, ...], list[str]]:
    if name in seen:
        return (), [f"class {name} includes itself ({' > '.join((*seen, name))})"]
    if name not in raw:
        return (), [f"unknown class {name} in {seen[-1]}; define it"]
    words: list[str] = []
    problems: list[str] = []
    for w in raw[name].all("words"):
        if w.startswith("@"):
            sub, bad = _expand(w, raw, (*seen, name))
            words.extend(sub)
            problems.extend(bad)
        elif not _ITEM_RE.fullmatch(w):
            problems.append(f"{name}: {w!r} is not a lower-case lemma or phrase")
        else:
            words.append(w)
    return tuple(dict.fromkeys(words)), problems


def read_patterns(paths: Sequence[Path], classes: dict[str, tuple[str, ...]]) -> list[Pattern]:
    """Read verb and noun pattern files (noun files are those whose name starts with 'nouns')."""
    known = frozenset(classes)
    problems: list[str] = []
    patterns: list[Pattern] = []
    for path in paths:
        noun = path.name.startswith("nouns")
        try:
            entries = read_dictionary(path, pattern_schema(noun, known))
        except DictionaryError as exc:
            problems.extend(exc.problems)
            continue
        patterns.extend(compile_entry(e, noun, classes) for e in entries)
    if problems:
        raise DictionaryError(problems)
    return patterns


def _wordset(items: Iterable[str], classes: dict[str, tuple[str, ...]]) -> WordSet:
    words: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for item in items:
        for w in classes[item] if item.startswith("@") else (item,):
            parts = tuple(w.split())
            if len(parts) == 1:
                words.add(w)
            else:
                phrases.append(parts)
    return WordSet(frozenset(words), tuple(dict.fromkeys(phrases)))


def compile_entry(e: Entry, noun: bool, classes: dict[str, tuple[str, ...]]) -> Pattern:
    """Turn a checked entry into a :class:`Pattern` with its specificity."""
    if noun:
        words = e.head.split()
        chain: tuple[tuple[str, tuple[str, ...]], ...] = ((words[-1], ()),)
        modifiers = tuple(words[:-1])
    else:
        chain = tuple((step.split()[0], tuple(step.split()[1:])) for step in e.head.split(" + "))
        modifiers = ()
    obj = _wordset(e.all("obj"), classes) if e.all("obj") else None
    subj = _wordset(e.all("subj"), classes) if e.all("subj") else None
    preps = tuple(
        PrepReq(v.split()[0], _wordset(v.split()[1:], classes) if len(v.split()) > 1 else None)
        for v in e.all("prep")
    )
    # a phrasal light verb ("carry out", "set up") is matched on its verb
    light = frozenset(v.split()[0] for v in e.all("light")) if e.all("light") else None
    targets = e.all("target")
    if targets:
        object_target = "obj" in targets
        target_preps = tuple(t for t in targets if t not in ("obj", "none", "purpose"))
    elif noun:
        object_target, target_preps = False, ("with", "to", "against", "on")
    else:
        object_target, target_preps = True, ()
    spec = 1 + 2 * (len(chain) - 1) + sum(len(p) for _, p in chain) + len(modifiers)
    spec += 3 if obj else 0
    spec += 3 if subj else 0
    spec += max((3 if p.objects else 2 for p in preps), default=0)
    spec += 2 if light else 0
    return Pattern(
        rule=f"{Path(e.path).name}:{e.line}",
        code=e.get("code") or "",
        chain=chain,
        noun=noun,
        modifiers=modifiers,
        obj=obj,
        subj=subj,
        preps=preps,
        light=light,
        target_preps=target_preps,
        object_target=object_target,
        reciprocal=e.get("recip") == "yes",
        requires_target=e.get("needs") == "target",
        flags=e.all("flag"),
        specificity=spec,
        purpose="purpose" in targets,
    )
