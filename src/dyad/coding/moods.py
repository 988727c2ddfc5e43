"""Mood verbs: "agreed to *release*", "urged X to *withdraw*", "refused to *extradite*".

A mood verb governing a triggered action turns the action's code into its intent (03x), appeal
(02x), demand (10x), rejection (12x) or threat (13x) variant, as the code table's
cross-references say (:func:`dyad.coding.cameo.variant`). This saves writing ``agree + X``,
``refuse + X``, ... for every action pattern. Files: ``moods*.txt``::

    agree     | mood: intent
    call on   | mood: appeal | target: on
    vow       | mood: intent; threaten      # the first mood with a variant wins
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from spacy.tokens import Token

from dyad.coding.cameo import Mood, variant
from dyad.coding.match import SentenceView, particle
from dyad.coding.patterns import NO_EVENT, TARGET_PREPS
from dyad.coding.types import Trigger
from dyad.dictfile import Schema, read_dictionary
from dyad.errors import DictionaryError

MOODS: tuple[str, ...] = get_args(Mood)
# Moods whose target is the addressee of the mood verb ("urged *Iran* to ..."), not the action's.
ADDRESSED = frozenset({"appeal", "demand"})
GOVERNING_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
BLANK_WINDOW = 5  # words looked at before the "to" of an infinitive when there is no parse
# "may halt mediation *if* ...": a modal action on a condition is a threat (or an offer)
CONDITIONAL_MODALS = frozenset({"may", "might", "could", "would", "'d"})
CONDITION_MARKS = frozenset({"if", "unless"})
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "state", "announce", "warn"})


@dataclass(frozen=True, slots=True)
class MoodVerb:
    rule: str
    lemma: str
    particles: tuple[str, ...]
    moods: tuple[str, ...]
    target_preps: tuple[str, ...] = ()
    object_target: bool = True


def _valid_mood(value: str) -> str | None:
    return None if value in MOODS else f"expected one of {', '.join(MOODS)}"


def _valid_target(value: str) -> str | None:
    ok = value in ("obj", "none") or value in TARGET_PREPS
    return None if ok else "expected obj, none or a preposition"


MOODS_SCHEMA = Schema(
    name="mood verbs",
    fields=frozenset({"mood", "target", "note"}),
    required=frozenset({"mood"}),
    head=re.compile(r"[a-z][a-z'\-]*( [a-z][a-z'\-]*)*"),
    head_help="a lemma with its particles: 'refuse', 'call on'",
    validators={"mood": _valid_mood, "target": _valid_target},
)


def read_moods(paths: Sequence[Path]) -> list[MoodVerb]:
    """Read mood-verb files; raise DictionaryError listing every bad entry."""
    problems: list[str] = []
    out: list[MoodVerb] = []
    for path in paths:
        try:
            entries = read_dictionary(path, MOODS_SCHEMA)
        except DictionaryError as exc:
            problems.extend(exc.problems)
            continue
        for e in entries:
            words = e.head.split()
            targets = e.all("target")
            out.append(
                MoodVerb(
                    rule=f"{path.name}:{e.line}",
                    lemma=words[0],
                    particles=tuple(words[1:]),
                    moods=e.all("mood"),
                    target_preps=tuple(t for t in targets if t not in ("obj", "none")),
                    object_target=not targets or "obj" in targets,
                )
            )
    if problems:
        raise DictionaryError(problems)
    return out


def derive(
    view: SentenceView, moods: dict[str, list[MoodVerb]], found: Sequence[tuple[int, Trigger]]
) -> list[tuple[int, Trigger]]:
    """Mood variants of the verb triggers in ``found`` whose head a mood verb governs."""
    out: list[tuple[int, Trigger]] = []
    doc = view.span.doc
    for order, t in found:
        if t.code == NO_EVENT:
            continue
        if view.parsed:
            cond = _conditional(view, t)
            if cond is not None:
                out.append((order, cond))
        if t.noun:
            continue
        for gov in _governors(view, doc[t.head]):
            hit = _mood_at(view, gov, moods, t)
            if hit is not None:
                out.append((order, hit))
                break
    return out


def _clause_verb(view: SentenceView, t: Trigger) -> Token:
    """The verb of the trigger's clause: the head itself, or a noun trigger's light verb."""
    head = view.span.doc[t.head]
    if t.noun and head.head is not head and head.head.i in t.tokens and head.head.pos_ == "VERB":
        return head.head
    return head


def _conditional(view: SentenceView, t: Trigger) -> Trigger | None:
    """ "The EU may halt mediation if the parties fail to cooperate": CAMEO codes an action made
    conditional on the target's behaviour as a threat (13x) of it, or, for cooperation, as the
    intent (03x) to do it. The modal clause must be the subject's own word: no speech verb
    above it whose subject is a third party ("Russia could attack if talks fail, analysts
    said" is speculation)."""
    verb = _clause_verb(view, t)
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not aux & CONDITIONAL_MODALS:
        return None
    if any(c.dep_ == "neg" or c.lower_ in ("not", "n't", "never") for c in verb.children):
        return None
    if not any(  # an advcl in a good parse; the parser may hang "if" on a noun ("if talks fail")
        c.i > verb.i and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
        for c in verb.children
    ):
        return None
    if _third_party_speaker(verb):
        return None
    code = variant(t.code, "threaten") or variant(t.code, "intent")
    if code is None:
        return None
    return dataclasses.replace(
        t,
        code=code,
        rule=f"{t.rule}+conditional",
        specificity=t.specificity + 2,
        flags=(*t.flags, "intent"),  # the conditional offer or threat is itself made
    )


def _third_party_speaker(verb: Token) -> bool:
    """Whether a speech verb with a subject of its own reports ``verb``'s clause about someone
    else ("Russia could ..., analysts said"; but "the EU said it would ..." is its own word)."""
    if any(c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "PRON" for c in verb.children):
        return False
    speakers = [c for c in verb.children if c.dep_ == "parataxis"]
    tok = verb
    for _ in range(4):
        if tok.head is tok or tok.dep_ not in ("ccomp", "parataxis", "conj", "xcomp"):
            break
        tok = tok.head
        speakers.append(tok)
    for g in speakers:
        if g.lemma_ in SPEECH_LEMMAS:
            subj = [c for c in g.children if c.dep_ in ("nsubj", "nsubj:pass")]
            if subj and subj[0].pos_ != "PRON":
                return True
    return False


def _mood_at(
    view: SentenceView, gov: Token, moods: dict[str, list[MoodVerb]], t: Trigger
) -> Trigger | None:
    for lemma in view.lemmas(gov):
        for mv in moods.get(lemma, ()):
            parts = [particle(view, gov, gov, w) for w in mv.particles]
            if any(p is None for p in parts):
                continue
            for mood in mv.moods:
                code = variant(t.code, mood)  # type: ignore[arg-type]  # checked on load
                if code is not None:
                    return _derived(t, gov, [p.i for p in parts if p is not None], mv, mood, code)
    return None


def _derived(
    t: Trigger, gov: Token, parts: list[int], mv: MoodVerb, mood: str, code: str
) -> Trigger:
    addressed = mood in ADDRESSED
    return Trigger(
        code=code,
        head=gov.i,
        tokens=tuple(sorted({gov.i, *parts, *t.tokens})),
        rule=f"{mv.rule}+{t.rule}",
        target_preps=mv.target_preps if addressed else t.target_preps,
        object_target=mv.object_target if addressed else t.object_target,
        reciprocal=t.reciprocal and not addressed,
        noun=False,
        specificity=t.specificity + 2 + len(parts),
        requires_target=t.requires_target and not addressed,
        flags=t.flags,
        target_head=None if addressed else (t.target_head or t.head),
    )


def _governors(view: SentenceView, head: Token) -> Iterator[Token]:
    """Words that may govern ``head`` as a mood verb, nearest first."""
    if view.parsed:
        h = head
        while h.dep_ == "conj" and h.head is not h:
            h = h.head
        if h.dep_ in GOVERNING_DEPS and h.head is not h:
            yield h.head
    doc = view.span.doc
    if head.i - 1 < view.span.start or doc[head.i - 1].lower_ != "to":
        return  # otherwise only the infinitive "agreed *to* release" is trusted
    yield from view.before(head.i - 1, BLANK_WINDOW)  # also backs up a parser's slips
