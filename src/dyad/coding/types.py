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
    plover_type: str  # "" for 01x public statements, which PLOVER does not code
    plover_mode: str | None
    plover_context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon pattern that fired in a sentence.

    Token indices are Doc indices. ``target_preps`` lists the prepositions whose object is the
    target ("to", "against", "with", "on"); ``object_target`` says the direct object is the target
    (for noun triggers: the noun's "of"/possessor/"with" phrase, see ``target_preps``).
    ``specificity`` orders competing patterns: more constrained patterns win.
    ``flags`` carry pattern advice for the coder: ``denial`` (the verb reports that the event it
    governs did not happen: "denied attacking"), ``intent`` (the words state an intention or
    an option, "consider providing weapons"), ``reverse`` (the subject is the *target* and the
    object of ``target_preps`` the *source*: "received weapons *from* X"), see ``docs/lexicon.md``.
    For noun triggers ``head`` is the noun; its light verb, if the pattern needs one, is in
    ``tokens``. ``target_head`` is the token whose object and prepositional phrases hold the
    target when that is not ``head``: the last verb of a chain ("consider *providing* weapons to
    Ukraine") or of a purpose clause ("deployed troops to *fight* in Russia's war", "sent troops
    to *help* Assad"); ``None`` means ``head``.
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
    flags: tuple[str, ...] = ()
    target_head: int | None = None
