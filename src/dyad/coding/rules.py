"""Roles without a parser: the nearest actor before a trigger is its source, the first after it
its target; plus the readings the parse path borrows (quotative inversion, an actor right before
the verb, the clause reading).
"""

from __future__ import annotations

from spacy.tokens import Span

from dyad.actors.types import Mention
from dyad.coding.index import TIME_WORDS, MentionIndex, Roles, can_act
from dyad.coding.types import Trigger

_PREPS_BLOCK = {"in", "at", "near", "since", "during", "from", "of", "for", "after", "before"}


def roles_by_rule(sent: Span, trig: Trigger, index: MentionIndex) -> Roles:
    """Without a parser: the nearest actor before the trigger is the source, the first after it
    (or after one of the trigger's target prepositions) the target; "by" flips passives."""
    doc = sent.doc
    in_sent = index.in_span(sent)
    first = min(trig.tokens) if trig.tokens else trig.head
    last = max(trig.tokens) if trig.tokens else trig.head
    before = [m for m in in_sent if m.end <= first]
    after = [m for m in in_sent if m.start > last]
    prev_word = {m.start: doc[m.start - 1].lower_ if m.start > sent.start else "" for m in in_sent}
    subj_candidates = [m for m in before if prev_word[m.start] not in _PREPS_BLOCK]
    source = subj_candidates[-1:] if subj_candidates else []
    # "Russia and China voted": take a conjoined neighbour too
    if source:
        m = source[0]
        for other in reversed(before):
            if other.end <= m.start and doc[other.end : m.start].text.strip().lower() in {
                "and",
                ",",
            }:
                source.insert(0, other)
                m = other
    passive = first > sent.start and doc[first - 1].lower_ in {
        "was",
        "were",
        "been",
        "being",
        "be",
        "is",
        "are",
    }
    target: list[Mention] = []
    for m in after:
        pw = prev_word[m.start]
        if pw in trig.target_preps:
            target = [m]
            break
        if trig.object_target and pw not in _PREPS_BLOCK and m.start - last <= 6:
            target = [m]
            break
    if passive:
        by = [m for m in after if prev_word[m.start] == "by"]
        if by:
            return Roles(tuple(by[:1]), tuple(source), "rule")
        if trig.object_target:
            return Roles((), tuple(source), "rule")
    return Roles(tuple(source), tuple(target), "rule")


QUOTE_CLOSERS = {",", "”", '"', "’", "'"}
QUOTE_MARKS = {"”", "“", '"', "’", "‘", "''", "``"}
SPEECH_LEMMAS = {"say", "warn", "tell", "add", "insist", "claim", "declare", "write", "note"}


def inverted_speaker(sent: Span, trig: Trigger, index: MentionIndex) -> Mention | None:
    """ "…an escalation," warned Rutte': a speaker right after a verb that follows a quote."""
    doc = sent.doc
    first = min(trig.tokens) if trig.tokens else trig.head
    last = max(trig.tokens) if trig.tokens else trig.head
    if trig.noun or first <= sent.start or doc[first - 1].text not in QUOTE_CLOSERS:
        return None
    if last + 1 >= sent.end:
        return None
    # only after a quotation: '"…," warned Rutte' or 'This, warned Zelensky, "is …"' — not
    # "Kim, who ordered the launch, threatened South Korea"
    before = {t.text for t in doc[max(sent.start, first - 3) : first]}
    quoted = bool(before & QUOTE_MARKS) or (
        doc[first].lemma_ in SPEECH_LEMMAS and any(t.text in QUOTE_MARKS for t in sent)
    )
    return index.at.get(last + 1) if quoted else None


ADJACENT_OK = TIME_WORDS | {
    "has", "have", "had", "is", "are", "was", "were", "also", "already", "again",
    "reportedly", "then", "later", "has also", "will", "would", "morning", "afternoon",
    "evening", "night",
}  # fmt: skip


def adjacent_subject(sent: Span, trig: Trigger, index: MentionIndex) -> Mention | None:
    """An actor standing right before the verb ("Iran has launched"), also across a sentence
    break the parser put after it ("Denmark | today accepted ...": a verbless fragment)."""
    doc = sent.doc
    first = min(trig.tokens) if trig.tokens else trig.head
    i = first - 1
    while i >= sent.start and doc[i].lower_ in ADJACENT_OK:
        i -= 1
    floor = sent.start
    if i == sent.start - 1 and i >= 0 and _fragment(doc[i].sent):
        floor = doc[i].sent.start
    m = index.at.get(i) if i >= floor else None
    if m is None or m.end != i + 1 or _placed(m, index):
        return None  # "a car bomb in Kabul killed": where, not who
    return m


def _placed(m: Mention, index: MentionIndex) -> bool:
    """A mention introduced by a place preposition that locates a thing ("a car bomb *in
    Kabul*"), not a group ("opposition groups *in Zimbabwe*" are Zimbabwe's)."""
    before = index.doc[m.start - 1].lower_ if m.start > 0 else ""
    if before not in _PREPS_BLOCK:
        return False
    noun = index.doc[m.head].head
    people = can_act(noun) or noun.lemma_.lower() in GROUP_NOUNS
    return not (noun.pos_ in {"NOUN", "PROPN"} and noun.i < m.start and people)


# collective nouns for people, which ``can_act`` (names and agent nouns) does not cover
GROUP_NOUNS = {
    "group", "people", "crowd", "party", "movement", "community", "faction", "union", "member",
    "resident", "force", "troop", "unit", "militia", "government", "authority", "official",
    "opposition", "student", "youth", "police", "army", "family", "tribe", "clan", "delegation",
}  # fmt: skip


def _fragment(span: Span) -> bool:
    """A piece of a sentence the parser cut off: no verb and no closing punctuation."""
    return not any(t.pos_ in {"VERB", "AUX"} for t in span) and not span[-1].is_punct


def clause_rule(sent: Span, trig: Trigger, index: MentionIndex) -> Roles | None:
    """The rule reading, kept only when no other verb stands between the actors and the trigger
    — for verbs the parser did not take as verbs ("A Czech court on Tuesday released ...")."""
    rule = roles_by_rule(sent, trig, index)
    doc = sent.doc
    first = min(trig.tokens) if trig.tokens else trig.head
    last = max(trig.tokens) if trig.tokens else trig.head

    def clear(a: int, b: int) -> bool:
        return not any(
            (t.pos_ == "VERB" and t.dep_ not in {"aux", "aux:pass", "cop"})
            or t.text in {";", ":"}
            or t.lower_ in {"who", "which", "that"}
            for t in doc[a:b]
        )

    sources = tuple(m for m in rule.sources if clear(m.end, first))
    targets = tuple(m for m in rule.targets if clear(last + 1, m.start))
    if not sources and not targets:
        return None
    return Roles(sources, targets, "parse+clause-rule")


def in_phrase(m: Mention, index: MentionIndex) -> bool:
    """Whether the parse puts a mention inside a prepositional phrase ("In the United Kingdom,
    the virus has killed six"): a place or a circumstance, not a subject."""
    head = index.doc[m.head]
    return head.dep_ in {"obl", "nmod", "pobj", "obl:tmod"} or any(
        c.dep_ == "case" and c.i < head.i for c in head.children
    )


def reverse_roles(roles: Roles) -> Roles:
    """For patterns whose subject receives ("received weapons from X"): swap the roles."""
    return Roles(roles.targets, roles.sources, roles.method + "+reverse")
