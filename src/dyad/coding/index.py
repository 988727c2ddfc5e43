"""The actor mentions of a sentence, found from tokens: :class:`MentionIndex` and :class:`Roles`.

Shared by the parse reading (:mod:`dyad.coding.roles`) and the rule fallback
(:mod:`dyad.coding.rules`): which mention a token stands for (itself, its conjuncts, an actor
modifying it, a pronoun's antecedent) and, where no dictionary actor is there, the noun phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.actors.types import Mention
from dyad.model import Actor
from dyad.nlp.names import MONTHS, WEEKDAYS

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubj:pass", "nsubjpass", "csubj:pass", "csubjpass"}
OBJ = {"obj", "dobj", "iobj", "dative"}
OBLIQUE = {"obl", "nmod", "obl:agent", "prep", "agent", "advmod", "obl:tmod", "obl:npmod"}
POSS = {"nmod:poss", "poss"}
MODIFIERS = {
    "nmod",
    "nmod:poss",
    "poss",
    "compound",
    "amod",
    "appos",
    "prep",
    "pobj",
    "obl",
    "flat",
    "flat:name",
    "nmod:desc",  # "President Laurent Gbagbo": the title a name the dictionary lacks carries
}
# a noun phrase's own words before its head ("from X": the phrase, not its preposition)
NP_LEFT = {"det", "amod", "compound", "nmod:poss", "poss", "nummod", "flat"}
PRONOUN_KINDS = {
    "it": {"country", "capital", "igo", "agent"},
    "he": {"person"},
    "she": {"person"},
    "they": {"agent", "country", "igo", "person"},
    "its": {"country", "capital", "igo", "agent"},
    "his": {"person"},
    "her": {"person"},
    "him": {"person"},
    "them": {"agent", "country", "igo", "person"},
    "their": {"agent", "country", "igo", "person"},
}
# pronouns that may be a verb's object, which never stands for that verb's own subject
OBJECT_PRONOUNS = {"him", "her", "them", "it"}
PLACES = {"country", "capital"}  # mention kinds that name a place, never a "he" or "she"

TIME_WORDS = WEEKDAYS | {"today", "yesterday", "tomorrow", "tonight", "overnight", "earlier", "now"}


@dataclass(frozen=True, slots=True)
class Roles:
    sources: tuple[Mention, ...]
    targets: tuple[Mention, ...]
    method: str  # "parse" or "rule"


class MentionIndex:
    """Find the actor mention at, under or around a token."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.mentions = list(mentions)
        self.at: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.at[i] = m

    def in_span(self, span: Span) -> list[Mention]:
        return [m for m in self.mentions if m.start >= span.start and m.end <= span.end]

    def of_token(self, tok: Token, depth: int = 2) -> list[Mention]:
        """The mention(s) a token stands for: itself, its conjuncts, or an actor modifying it."""
        found = self._direct(tok)
        if not found and depth > 0:
            # the name in apposition first, a pronoun last: "its NATO ally *Turkey*" is Turkey
            for child in sorted(tok.children, key=_modifier_rank):
                if child.dep_ in MODIFIERS and child.i not in self._case_blocked(child):
                    found = self.of_token(child, depth - 1)
                    if found:
                        break
        return found

    def noun_phrase(self, tok: Token | None) -> list[Mention]:
        """An unresolved actor: the noun phrase itself ("a suicide bomber"), code ``---``.

        Used only where the parse shows it in a role and no dictionary actor is there, so an
        event about "a Swiss court" or "protesters" keeps who did it, without a country.
        """
        if tok is None or tok.pos_ not in {"NOUN", "PROPN"} or tok.i in self.at:
            return []
        if not can_act(tok):
            return []  # "a mutual defence treaty that resurrected ...": things do not act
        start = tok.i
        for c in tok.lefts:
            if c.dep_ in NP_LEFT:
                start = min(start, c.left_edge.i)
        end = tok.i + 1
        for c in tok.rights:
            if c.dep_ in {"flat", "flat:name", "compound"}:
                end = max(end, c.right_edge.i + 1)
        span = self.doc[start:end]
        actor = Actor(span.text, span.start_char, span.end_char, "---")
        return [Mention(start, end, tok.i, actor, "np")]

    def _direct(self, tok: Token) -> list[Mention]:
        m = self.at.get(tok.i)
        if m is None:
            ante = self.antecedent(tok)
            if ante is None:
                return []
            if tok.lower_ in {"they", "them", "their"}:
                # "Obama and Putin said they will attack": they are both
                group = [ante] + [
                    self.at[c.i] for c in self.doc[ante.head].conjuncts if c.i in self.at
                ]
                return list(dict.fromkeys(group))
            # "restrictions between *it and Israel*": the pronoun's conjuncts are named too
            return [ante, *(self.at[c.i] for c in tok.conjuncts if c.i in self.at)]
        out = [m]
        for c in tok.conjuncts:
            cm = self.at.get(c.i)
            if cm is not None and cm not in out:
                out.append(cm)
        # "US and British activists": the nationality coordinated inside the phrase is a
        # mention of its own that shares the head noun
        for t in self.doc[m.start : m.end]:
            for c in t.conjuncts if t.i != tok.i else ():
                cm = self.at.get(c.i)
                if cm is not None and cm not in out and cm.end <= m.start:
                    out.append(cm)
        return out

    def antecedent(self, tok: Token) -> Mention | None:
        """The actor an unresolved pronoun refers to: the nearest fitting mention before it in
        its sentence or the one before ("Hungary has said *it* will support ...")."""
        if tok.lower_ in {"who", "which", "that"}:
            # a relative pronoun stands for the phrase right before it ("Kim Jong Un, who")
            for k in (tok.i - 1, tok.i - 2):
                if k >= 0 and k in self.at:
                    return self.at[k]
            return None
        kinds = PRONOUN_KINDS.get(tok.lower_)
        if kinds is None:
            return None
        sent = tok.sent
        floor = sent.start
        if sent.start > 0:
            floor = self.doc[sent.start - 1].sent.start
        # "Trump called Erdogan and urged *him*": an object pronoun is not its own clause's
        # subject (that would be "himself")
        own_subject = clause_subjects(tok) if tok.lower_ in OBJECT_PRONOUNS else set()
        fitting = [
            m
            for m in self.mentions
            if m.end <= tok.i
            and m.start >= floor
            and (
                m.kind in kinds
                # a named actor may be a person, but a place is no "he" ("met X *in Ankara*")
                or (m.actor.name is not None and "person" in kinds and m.kind not in PLACES)
            )
            and not own_subject & set(range(m.start, m.end))
        ]
        # a subject is the likeliest antecedent ("Iran launched drones at Israel in its ...")
        subjects = [m for m in fitting if self.doc[m.head].dep_ in SUBJ | PASS_SUBJ]
        pool = subjects or fitting
        return pool[-1] if pool else None

    @staticmethod
    def _case_blocked(child: Token) -> set[int]:
        # "the war in Ukraine" is about Ukraine, but "in Ukraine" is a place, not who was hit
        preps = {c.lower_ for c in child.children if c.dep_ == "case"}
        if child.dep_ == "prep":
            preps.add(child.lower_)  # ClearNLP: the preposition heads its noun
        return (
            {child.i}
            if preps & {"in", "at", "near", "since", "during", "after", "before"}
            else set()
        )


def clause_subjects(pron: Token) -> set[int]:
    """The tokens of the subject of the verb an object pronoun belongs to (a conjoined verb
    shares its first verb's subject: "called X and urged *him*"); empty for other pronouns."""
    if pron.dep_ not in OBJ and pron.dep_ not in {"obl", "pobj"}:
        return set()
    verb = pron.head
    if pron.dep_ == "pobj" and verb.head != verb:
        verb = verb.head  # ClearNLP: "sent aid to *them*"
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in SUBJ]
        if subj:
            return {t.i for s in subj for t in s.subtree}
        if verb.dep_ != "conj" or verb.head == verb:
            break
        verb = verb.head
    return set()


def _modifier_rank(child: Token) -> int:
    """Order in which a noun's modifiers are searched for the actor it stands for."""
    if child.dep_ in {"appos", "flat", "flat:name"} and child.pos_ == "PROPN":
        return 0
    return 2 if child.pos_ == "PRON" else 1


AGENTIVE = re.compile(r"(er|or|ist|ian|ant|ary|ee|ive)s?$")
ACTOR_ENTS = {"PERSON", "ORG", "NORP", "GPE"}


def can_act(tok: Token) -> bool:
    """Whether an unresolved noun can be an actor: a name, a named entity or an agent noun."""
    if tok.lower_ in TIME_WORDS or tok.lower_ in MONTHS or tok.ent_type_ in {"DATE", "TIME"}:
        return False  # "demanded Friday that ...": a day is nobody
    if tok.pos_ == "PROPN" or tok.ent_type_ in ACTOR_ENTS or acronym(tok):
        return True
    return bool(AGENTIVE.search(tok.lower_)) and tok.lower_ not in NOT_AGENTS


def acronym(tok: Token) -> bool:
    """An initialism such as "BCFL" or "IMA", which taggers often take for a common noun."""
    return tok.is_upper and tok.is_alpha and 2 <= len(tok) <= 6 and tok.i > tok.sent.start


NOT_AGENTS = {
    "offer", "offers", "murder", "murders", "transfer", "transfers", "shelter", "shelters",
    "border", "borders", "number", "numbers", "order", "orders", "matter", "matters",
    "letter", "letters", "water", "power", "powers", "center", "centre", "quarter",
    "summary", "territory", "boundary", "anniversary", "military", "primary",
    "sanctuary", "offensive", "initiative", "objective", "incentive", "motive",
}  # fmt: skip


def adjective_actor(tok: Token) -> list[Mention]:
    """A bare nationality adjective as an actor: "Russian" in "Russian attacks" → RUS."""
    from dyad.actors.dictionary import default_dictionary

    if not tok.text[:1].isupper():
        return []
    forms = default_dictionary().forms.get(tok.lower_, [])
    country = next((f.ref for f in forms if f.kind == "adj"), None)
    if country is None:
        return []
    actor = Actor(tok.text, tok.idx, tok.idx + len(tok.text), country, country)
    return [Mention(tok.i, tok.i + 1, tok.i, actor, "country")]
