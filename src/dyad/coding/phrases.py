"""Phrases of a parse and the actors they name: the preposition of a noun, a verb's
prepositional phrases, and the actor a target noun stands for (itself, its nationality
adjectives, or the country a thing is in); the actors several nationalities sharing one agent
noun name; and, where no dictionary knows the name in a target's phrase, an unresolved one.
Read by :mod:`dyad.coding.roles`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dyad.actors.types import Mention
from dyad.coding.index import OBJ, POSS, MentionIndex, adjective_actor, can_act
from dyad.coding.types import Trigger
from dyad.model import Actor


def case_of(tok: Token) -> str:
    """The preposition introducing ``tok`` ("to" in "to Russia"), for UD and ClearNLP parses."""
    cases = [c for c in tok.children if c.dep_ in {"case", "mark"} and c.i < tok.i]
    if cases:
        return " ".join(c.lower_ for c in cases)
    # "granted asylum to 18 Rwandan rebels": the parser hung "to" on the numeral
    edge = tok.left_edge
    if (
        edge.dep_ == "case"
        and edge.head != tok
        and edge.head.head == tok
        and edge.head.dep_ in {"nummod", "det", "amod", "compound", "nmod:poss", "poss"}
    ):
        return edge.lower_
    if tok.dep_ == "pobj" and tok.head.dep_ in {"prep", "agent"}:
        return tok.head.lower_
    return ""


def obliques(head: Token) -> list[tuple[str, Token]]:
    """(preposition, noun) pairs attached to ``head``."""
    out: list[tuple[str, Token]] = []
    for c in head.children:
        if c.dep_ in {"prep", "agent"}:
            out.extend((c.lower_, p) for p in c.children if p.dep_ == "pobj")
        elif c.dep_ in {"obl", "nmod", "obl:agent", "obl:arg"}:
            prep = case_of(c)
            if prep:
                out.append((prep, c))
        elif c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} and c.left_edge.dep_ == "case":
            # "imposed sanctions on X" with X read as a conjunct of "sanctions": a conjunct
            # opening with its own preposition is a phrase of the word it hangs on
            prep = case_of(c)
            if prep:
                out.append((prep, c))
    return out


CLAUSE_BARRIERS = {
    "ccomp", "advcl", "acl:relcl", "relcl", "parataxis", "csubj",
    "nsubj", "nsubj:pass", "nsubjpass",
}  # fmt: skip
PHRASE_PATH = OBJ | {"conj", "xcomp", "compound", "nmod", "obl", "appos", "prep", "pobj"}


def prep_phrases(tok: Token, depth: int = 3) -> list[tuple[str, Token]]:
    """Prepositional phrases in ``tok``'s clause: its own, its objects' and their conjuncts'
    ("supplying shells and missiles **to Russia**"), not those of embedded clauses; a reduced
    relative on a noun is part of it ("lifted the sanctions imposed **on Iran**")."""
    out = list(obliques(tok))
    if depth == 0:
        return out
    for c in tok.children:
        if c.dep_ in CLAUSE_BARRIERS or (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}):
            continue
        if c.dep_ in PHRASE_PATH or reduced_relative(c):
            out.extend(prep_phrases(c, depth - 1))
    return out


def gerund_phrases(tok: Token) -> list[tuple[str, Token]]:
    """ "filed a suit *against visiting Prince X*": a preposition the parser read as opening a
    gerund clause; its object is the preposition's noun ("the visiting prince")."""
    out: list[tuple[str, Token]] = []
    for c in tok.children:
        if c.dep_ not in {"advcl", "acl"} or c.tag_ != "VBG":
            continue
        marks = [m for m in c.children if m.dep_ == "mark" and m.i == c.i - 1]
        objects = [o for o in c.children if o.dep_ in OBJ and o.i > c.i]
        if not (marks and objects):
            continue
        mark = marks[0].lower_
        # "withdraw from *neighboring* Lebanon": a participle adjective right before its noun
        # ("barred from entering Turkey" is a clause of its own)
        if mark in GERUND_PREPS or (
            mark == "from" and objects[0].i == c.i + 1 and c.lower_ in ADJ_PARTICIPLES
        ):
            out.append((mark, objects[0]))
    return out


GERUND_PREPS = {"against", "on", "with", "to"}
ADJ_PARTICIPLES = {"neighboring", "neighbouring", "surrounding", "bordering", "visiting", "ruling"}


def reduced_relative(tok: Token) -> bool:
    """A past participle modifying a noun: "the ban *imposed* on Chad"."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in {"NOUN", "PROPN"}


UNNAMED = {"np", "ner"}  # mention kinds with no dictionary entry behind them
PLACE_KINDS = {"country", "capital"}
LOCATED = {"in", "inside", "at", "near"}


def target_of(index: MentionIndex, tok: Token) -> list[Mention]:
    """The actor a target noun names; else the countries of its nationality adjectives
    ("rejected an *Australian* ultimatum", "curbs on *German* and *French* goods"); else, for a
    thing no dictionary knows, the country it is in ("a military base *in Nigeria*")."""
    found = index.of_token(tok) or split_name(index, tok)
    if any(m.kind not in UNNAMED for m in found):
        return found
    # "withdrew from the *Syrian* to the Israeli sector": a nationality word standing for its
    # noun names the country
    found = nationalities(index, tok) or found or adjective_actor(tok)
    if found and any(m.kind not in UNNAMED for m in found):
        return found
    # "inspectors to the Esfahan facilities in central Iran", "a military base in Nigeria": a
    # thing no dictionary knows stands for the country it is in
    for prep, noun in obliques(tok):
        if prep in LOCATED:
            where = [as_country(m) for m in index.of_token(noun, 1) if m.kind in PLACE_KINDS]
            if where:
                return where
    return found


def split_name(index: MentionIndex, tok: Token) -> list[Mention]:
    """ "demands from *Shona* rebels": a name the parser did not know, cut off from the noun it
    modifies (hung elsewhere), stands for the actor that noun starts right after it."""
    doc = tok.doc
    nxt = index.at.get(tok.i + 1)
    if tok.pos_ not in {"PROPN", "ADJ"} or tok.i in index.at or nxt is None:
        return []
    head = doc[nxt.head]
    if nxt.start != tok.i + 1 or head.pos_ != "NOUN" or head.head == tok or tok.head == head:
        return []
    if any(c.dep_ not in {"case", "det", "amod", "compound"} for c in tok.children):
        return []
    return [nxt]


def as_country(m: Mention) -> Mention:
    """A place mention as its country ("near Damascus" is SYR, not the Syrian government), of
    kind ``place``: a target inferred from where a thing is, weaker evidence than a named one."""
    country = m.actor.country or m.actor.code
    actor = Actor(m.actor.text, m.actor.start, m.actor.end, country, country)
    return Mention(m.start, m.end, m.head, actor, "place")


def nationalities(index: MentionIndex, tok: Token) -> list[Mention]:
    """The countries a noun's nationality adjectives name ("some 8,000 *Iraqi* Kurds")."""
    out: list[Mention] = []
    for c in tok.children:
        if c.dep_ not in {"amod", "compound"} or c.i > tok.i:
            continue
        for a in (c, *c.conjuncts):
            if a.i in index.at:
                continue
            seen = {o.actor.code for o in out}
            out += [m for m in adjective_actor(a) if m.actor.code not in seen]
    return out


def within(found: list[Mention], tok: Token) -> list[Mention]:
    """The mentions inside ``tok``'s phrase: a possessive pronoun's antecedent is elsewhere."""
    if tok.pos_ == "PRON":
        return found  # "to help *them*": the pronoun itself is the one acted on
    lo, hi = tok.left_edge.i, tok.right_edge.i
    return [m for m in found if lo <= m.head <= hi]


def shared_agent(index: MentionIndex, noun: Token) -> list[Mention]:
    """Coordinated nationalities sharing one agent noun, one actor each: "the Russian and US
    *navies*" → RUSMIL, USAMIL; "the *armies* of Brazil and Argentina" → BRAMIL, ARGMIL. Empty
    unless the noun is an agent word and two or more countries share it."""
    sector = _agent_sector(index, noun)
    if sector is None:
        return []
    owners: list[Token] = []
    for c in noun.children:
        if (c.dep_ in {"amod", "compound"} and c.i < noun.i) or (
            c.dep_ in {"nmod", "prep"} and c.i > noun.i and case_of(c) in {"of", "from"}
        ):
            owners += [c, *c.conjuncts]
        elif c.dep_ == "prep" and c.lower_ in {"of", "from"}:
            owners += [o for p in c.children if p.dep_ == "pobj" for o in (p, *p.conjuncts)]
    found: list[Mention] = []
    seen: set[str] = set()
    for tok in sorted(set(owners), key=lambda t: t.i):
        country = _country_of(index, tok)
        if country is None or country in seen:
            continue
        seen.add(country)
        own = index.at.get(tok.i)
        if own is not None and own.actor.code == country + sector:
            found.append(own)  # "German air forces": the actor layer's own mention
            continue
        actor = Actor(tok.text, tok.idx, tok.idx + len(tok.text), country + sector, country, sector)
        found.append(Mention(tok.i, tok.i + 1, noun.i, actor, "agent"))
    return found if len(found) > 1 else []


def _agent_sector(index: MentionIndex, noun: Token) -> str | None:
    """The sector an agent noun names ("navies" → MIL), from its mention or the dictionary."""
    from dyad.actors.dictionary import default_dictionary

    m = index.at.get(noun.i)
    if m is not None and m.kind == "agent" and m.actor.sector:
        return m.actor.sector
    forms = default_dictionary().forms
    compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    words = [" ".join([*(c.lower_ for c in compounds), noun.lower_]), noun.lower_, noun.lemma_]
    for w in words:
        for f in forms.get(w.lower(), ()):
            if f.kind == "word" and f.ref.isalpha() and len(f.ref) == 3:
                return f.ref
    return None


def _country_of(index: MentionIndex, tok: Token) -> str | None:
    """The country a nationality word or country name stands for ("Russian", "US", "Brazil")."""
    m = index.at.get(tok.i)
    if m is not None:
        return m.actor.country if m.kind in {"country", "agent"} and m.actor.country else None
    found = adjective_actor(tok)
    return found[0].actor.country if found else None


def thing_targets(noun: Token, trig: Trigger, index: MentionIndex) -> list[Mention]:
    """The target named in a thing's own phrase, when the thing is no actor: "sanctions
    *against Russia* were lifted"."""
    if noun.i in index.at or can_act(noun) or not trig.target_preps:
        return []
    for prep, n in obliques(noun):
        words = prep.split()
        if words and (prep in trig.target_preps or words[-1] in trig.target_preps):
            found = target_of(index, n)
            if found:
                return found
    return []


def owner(noun: Token, index: MentionIndex) -> list[Mention]:
    """Who a thing belongs to: its possessor or an actor compound ("*EU* sanctions",
    "*Russia's* ban"), else its nationality ("*US* sanctions", "*Russian* curbs")."""
    for c in noun.children:
        if c.i < noun.i and (c.dep_ in POSS or c.dep_ == "compound"):
            found = index.of_token(c, 0)
            if found:
                return found
    return nationalities(index, noun)


def unnamed_in_phrase(
    carriers: Sequence[Token], trig: Trigger, index: MentionIndex
) -> list[Mention]:
    """The first proper name in one of the trigger's target phrases that names no known actor,
    as an unresolved actor: "sent aid *to Gaza*", "a ceasefire *with the Kachin*"."""
    for carrier in dict.fromkeys(carriers):
        for prep, noun in prep_phrases(carrier):
            words = prep.split()
            if not words or not (prep in trig.target_preps or words[-1] in trig.target_preps):
                continue
            if noun.pos_ == "PROPN" and not any(t.i in index.at for t in noun.subtree):
                found = proper_name(index, noun)
                if found:
                    return found
    return []


# nouns for a place whose "of" phrase names it: "the enclave *of Ghouta*", "the city *of Mosul*"
PLACE_OF = {
    "city", "town", "village", "region", "area", "part", "district", "province", "border",
    "enclave", "capital", "suburb", "neighbourhood", "neighborhood", "outskirts", "port",
    "island", "state", "county", "governorate",
}  # fmt: skip


def unnamed_place(carriers: Sequence[Token], trig: Trigger, index: MentionIndex) -> list[Mention]:
    """The unknown proper name of the place where the trigger's object or target-phrase thing
    is: "a mosque *in Mosul*", "the enclave *of Ghouta*" (a '---' actor the attributes stage
    resolves to its country, or leaves unresolved)."""
    things: list[Token] = []
    for carrier in dict.fromkeys(carriers):
        if trig.object_target and not trig.noun:
            things += [c for c in carrier.children if c.dep_ in OBJ]
        for prep, noun in prep_phrases(carrier, 1):
            words = prep.split()
            if words and (prep in trig.target_preps or words[-1] in trig.target_preps):
                things.append(noun)
    for thing in things:
        if thing.i in index.at or thing.pos_ == "PRON" or can_act(thing):
            continue
        for prep, noun in obliques(thing):
            located = prep in LOCATED or (prep == "of" and thing.lemma_.lower() in PLACE_OF)
            if located and noun.pos_ == "PROPN" and not any(t.i in index.at for t in noun.subtree):
                found = proper_name(index, noun)
                if found:
                    return found
    return []


def proper_name(index: MentionIndex, noun: Token) -> list[Mention]:
    """An unresolved actor for a proper name, without the words before it that are no part of
    the name ("the rebel-held enclave of *eastern* Ghouta" is Ghouta)."""
    found = index.noun_phrase(noun)
    if not found:
        return []
    m = found[0]
    start = m.start
    while start < noun.i and not index.doc[start].text[:1].isupper():
        start += 1
    if start == m.start:
        return found
    span = index.doc[start : m.end]
    actor = Actor(span.text, span.start_char, span.end_char, "---")
    return [Mention(start, m.end, m.head, actor, "np")]
