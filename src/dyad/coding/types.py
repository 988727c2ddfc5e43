"""Trigger matches from the verb and noun lexicon, before roles are assigned."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One CAMEO code with its QuadClass, Goldstein score and PLOVER type/mode."""

    code: str
    label: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str | None


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon pattern that fired in a sentence.

    Token indices are Doc indices. ``target_preps`` lists the prepositions whose object is the
    target ("to", "against", "with", "on"); ``object_target`` says the direct object is the target
    (for noun triggers: the noun's "of"/possessor/"with" phrase, see ``target_preps``).
    ``specificity`` orders competing patterns: more constrained patterns win.
    """

    code: str
    head: int
    tokens: tuple[int, ...]
    rule: str
    target_preps: tuple[str, ...] = ()
    object_target: bool = True
    reciprocal: bool = False
    noun: bool = False
    specificity: int = 0
    requires_target: bool = False
