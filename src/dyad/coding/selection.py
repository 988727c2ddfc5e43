"""Which coded events a sentence reports, and which it only mentions.

A sentence reports one event (or a few) and often names others as their cause, reason or
circumstance: "Palestinians blamed Israel *for the bombing*", "Lebanon complained *over two
air raids*", "a strike *in protest of last week's arrest*", "reimposed blockades *following
the shooting deaths*". The news is the accusation, the complaint, the strike; the deed it
responds to is referenced, not reported, and a CAMEO coder does not code it from this sentence.
A restrictive relative clause ("freed a journalist *who had been jailed*") identifies a
participant; it is background too. Participles used as adjectives ("the occupied West Bank")
name no event at all, and one event told twice is one: an attack told with its toll ("shelled
the city, killing 20"), a promise told with its purpose ("will give Tanzania a grant … to
finance …": FIN→TZA, not also FIN→—).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from spacy.tokens import Token

from dyad.model import Event

# Words whose "for/of/over/with/about/at/against" phrase names the deed they answer: one is
# accused, arrested, sued, thanked or forgiven *for* something, claims responsibility *for* it.
RESPONSE_HEADS = {
    # verbs
    "accuse", "blame", "charge", "suspect", "condemn", "denounce", "criticize", "criticise",
    "censure", "rebuke", "reproach", "fault", "complain", "protest", "sue", "indict", "convict",
    "sentence", "jail", "imprison", "arrest", "detain", "punish", "sanction", "fine",
    "prosecute", "try", "apologize", "apologise", "thank", "praise", "congratulate", "commend",
    "reward", "forgive", "pardon", "compensate", "retaliate", "avenge", "expel", "summon",
    "investigate", "probe", "execute",
    # nouns (a light verb's object counts: "expressed condolences for")
    "responsibility", "condolence", "condolences", "sympathy", "outrage", "anger", "criticism",
    "condemnation", "accusation", "allegation", "retaliation", "revenge", "reprisal",
    "compensation", "apology", "trial", "warrant", "credit", "punishment", "complaint",
    "lawsuit", "suit", "indictment", "conviction", "investigation", "inquiry", "protests",
    "demonstration", "rally", "strike", "charges", "suspicion",
}  # fmt: skip
# Verbs whose object is a deed they answer: "condemned the bombing", "protested the arrest"
OBJECT_RESPONSE = {
    "condemn", "denounce", "deplore", "decry", "criticize", "criticise", "censure", "protest",
    "investigate", "probe", "mourn", "avenge", "regret", "punish",
}  # fmt: skip
RESPONSE_MARKERS = {"for", "of", "over", "with", "about", "at", "against", "into"}
# Markers that make a noun or a subjectless clause the circumstance of another event, whatever
# governs it: "after fifteen years of occupation", "following the shooting deaths", "amid".
CIRCUMSTANCE_MARKERS = {
    "after", "following", "since", "amid", "amidst", "despite", "because", "over",
    "due", "owing",
}  # fmt: skip
# "in response to", "in retaliation for", "in the wake of": a noun governed by these
CIRCUMSTANCE_NOUNS = {
    "response", "retaliation", "reprisal", "wake", "aftermath", "protest", "result",
    "consequence",
}  # fmt: skip
# Nouns a deed can hang under without leaving the phrase: "after five *days* of fighting"
MEASURE_NOUNS = {
    "year", "month", "week", "day", "hour", "decade", "night", "weekend", "round", "wave",
    "series", "spate", "string", "number", "kind", "act", "campaign",
}  # fmt: skip
# bare statements (said, commented, …): kept only when a sentence has nothing more specific
GENERIC_STATEMENTS = {"010", "011", "012", "013", "014", "019"}
NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}
RELATIVE = {"acl:relcl", "relcl", "acl"}
ELABORATED = {"acl", "obl", "obl:agent", "nmod", "obj", "dobj", "appos", "compound"}
VERBAL = {"VERB", "AUX"}
CLAUSES = {"ccomp", "xcomp", "conj", "advcl"}
ARGUMENTS = {"obl", "obl:agent", "obj", "dobj", "nsubj", "nsubj:pass", "nmod"}
CONTENT_MARKS = {"that", "whether", "if", "how", "why"}
SUBJECTS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl"}
# clauses that are subordinate whatever governs them: adverbial, purpose, relative, participle
SUBORDINATE_CLAUSES = {"advcl", "acl", "acl:relcl", "relcl"}
# links that keep a word at its governor's rank: coordination, names, and being its subject
# ("the *attack* on Odesa damaged the port" tells one main event, not one inside another)
SAME_RANK = {"conj", "flat", "fixed", "compound:prt", "nsubj", "nsubj:pass", "nsubjpass", "csubj"}


def _markers(tok: Token) -> set[str]:
    """The prepositions and subordinators introducing ``tok``'s phrase or clause."""
    out = {c.lower_ for c in tok.children if c.dep_ in {"case", "mark"}}
    if tok.pos_ in VERBAL:
        # "after a state of siege was declared": the parser may hang "after" on the subject
        for c in tok.children:
            if c.dep_ in SUBJECTS and c.i < tok.i:
                out |= {m.lower_ for m in c.children if m.dep_ in {"case", "mark"} and m.i < c.i}
    return out


def _restrictive(clause: Token) -> bool:
    """A clause that describes a participant: a relative clause with no comma, dash or bracket
    before it ("a journalist who had been sentenced", not "Kim, who ordered the links blown
    up," which tells news), or a passive participle ("forces, backed by Russian jets,")."""
    if any(c.dep_ == "mark" and c.lower_ in CONTENT_MARKS for c in clause.children):
        return False  # "reports that North Korea has deployed troops": what the reports say
    if clause.dep_ == "acl" and clause.tag_ == "VBN":
        return True  # "the channel, disputed by Argentina and Chile,": a description
    first = min(t.i for t in clause.subtree if not t.is_punct)
    if first <= clause.head.i:
        return True  # "the *occupied* West Bank"; attributive participles are handled apart
    return clause.doc[first - 1].text not in {",", "—", "–", "-", "(", ";", ":"}


def _objects(verb: Token) -> list[Token]:
    """The nouns a light verb carries: "expressed *condolences* for", "filed a *lawsuit* over"."""
    return [c for c in verb.children if c.dep_ in {"obj", "dobj"}]


def _finite(tok: Token) -> bool:
    """A clause with its own subject or tense ("after rebels attacked"), not "after attacking"."""
    if any(c.dep_ in SUBJECTS for c in tok.children):
        return True
    return tok.tag_ in {"VBD", "VBZ", "VBP"}


def referenced(head: Token) -> str | None:
    """Why the event whose trigger is ``head`` is only mentioned by its sentence, or None.

    The trigger's phrase is climbed through the nouns and clauses it sits in ("the *bombing*
    of X", "five days *of fighting*", "a raid in which 20 *were killed*"); at each step its
    preposition or subordinator is read against the word it attaches to. Returns
    ``"reason:<governor>"`` for the deed something answers ("blamed Israel for the bombing",
    "accused rebels of violating"), ``"circumstance:<marker>"`` for an event placed as the
    backdrop of another ("after fierce fighting"), ``"relative"`` for a restrictive relative
    or participle clause that identifies a participant ("activists arrested last week"),
    unless its noun is the whole sentence (a headline: "Ten soldiers killed in ambush").
    """
    tok = head
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        marks = _markers(tok)
        gov = tok.head
        nonfinite = tok.pos_ in NOMINAL or not _finite(tok)
        if marks & RESPONSE_MARKERS and nonfinite:
            # "accused rebels of violating", "suspected by the West of blowing up": the parser
            # may hang the deed on the accused; the governor is then the noun's own head
            for g in (gov, gov.head) if gov.pos_ in NOMINAL else (gov, *_objects(gov)):
                if g.lemma_.lower() in RESPONSE_HEADS or g.lower_ in RESPONSE_HEADS:
                    return f"reason:{g.lemma_.lower()}"
        if tok.dep_ in {"obj", "dobj"} and tok.pos_ in NOMINAL and gov.lemma_ in OBJECT_RESPONSE:
            return f"reason:{gov.lemma_}"
        if marks & CIRCUMSTANCE_MARKERS:
            return f"circumstance:{sorted(marks & CIRCUMSTANCE_MARKERS)[0]}"
        if nonfinite and gov.lower_ in CIRCUMSTANCE_NOUNS and marks & {"to", "for", "of"}:
            return f"circumstance:{gov.lower_}"
        if (
            tok.dep_ in {"obj", "dobj", "pobj"}
            and gov.lower_ in {"following", "after"}
            and not any(c.dep_ in SUBJECTS for c in gov.children)
        ):
            return f"circumstance:{gov.lower_}"  # "following" tagged as a verb
        if tok.dep_ == "acl" and tok.tag_ in {"VBD", "VBZ", "VBP"}:
            return None  # "– the Russian president praised …" read as a reduced relative
        if tok.dep_ in RELATIVE and gov.pos_ in NOMINAL:
            if _restrictive(tok) and gov.dep_ != "ROOT":
                # "freed a journalist who had been sentenced", "activists arrested last week":
                # what identifies a participant is not the sentence's news
                return "relative"
            tok = gov  # "condolences for a fire that killed 100": the fire is only mentioned
            continue
        if tok.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in tok.children):
            return None  # "…, and they signed a treaty": a clause of its own
        if tok.pos_ in VERBAL and tok.dep_ in CLAUSES and gov.pos_ in VERBAL | {"ADJ"}:
            tok = gov  # "over raids in which it said 20 were killed": the clause it sits in
            continue
        if not nonfinite:
            return None  # "after the association boycotted the courts": a clause of its own
        if tok.dep_ in {"compound", "amod"} and tok.i < gov.i:
            tok = gov  # "the shooting deaths of two Israelis"
            continue
        if tok.pos_ in NOMINAL and tok.dep_ in ARGUMENTS and gov.pos_ in VERBAL:
            tok = gov  # "after fighting with guerrillas who overran it": inside the backdrop
            continue
        if (
            tok.dep_ in {"nmod", "conj", "appos"}
            and gov.pos_ in NOMINAL
            and (gov.lemma_.lower() in MEASURE_NOUNS or tok.dep_ != "nmod")
        ):
            tok = gov  # "after five days of fighting": the days stand in for the fighting
            continue
        return None
    return None


def subordination(
    head: Token,
    own: Iterable[int],
    words: Mapping[int, frozenset[int]],
    reporter: Token | None = None,
) -> int:
    """How deep the event whose trigger is ``head`` sits under other events of its sentence.

    0 for the sentence's own predicate, its conjuncts ("declared a ceasefire and freed
    prisoners"), an event noun that is a subject ("the attack damaged the port") and a deed a
    speech verb reports ("officials said rebels shelled the town"); one more for each other
    event whose clause or argument holds it ("denied charges *that he had made a deal*",
    "spurned offers *of talks*"), and for each adverbial, purpose or relative clause it is told
    in ("provided aid *to support* refugees", "…, *as* jets bombed the city"), whatever verb
    governs that. ``own`` are the trigger's words; ``words`` maps each word of the sentence's
    other triggers to all the words of its trigger (triggers sharing a word are one event).
    ``reporter`` is the speech verb that reports the event ("warned *that* troops had been
    sent"): what it reports stands at its level, even when the verb is coded itself.
    """
    mine = set(own)
    n = 0
    passed: str | None = None  # what the climb went through since the last event counted
    counted: set[frozenset[int]] = set()
    tok = head
    for _ in range(12):
        if tok.head.i == tok.i:
            break
        if tok.dep_ in SUBORDINATE_CLAUSES:
            if passed == "clause":
                n += 1  # a clause inside a clause, with no event word between
            passed = "clause"
        elif tok.dep_ not in SAME_RANK:
            passed = passed or "phrase"
        tok = tok.head
        if reporter is not None and tok.i == reporter.i:
            passed = None
            continue
        other = words.get(tok.i)
        if passed and other is not None and not other & mine and other not in counted:
            counted.add(other)
            n += 1
            passed = None
    return n + (passed == "clause")


def later_conjunct(head: Token, own: Iterable[int], words: Mapping[int, frozenset[int]]) -> bool:
    """The trigger is a predicate coordinated after another event word: "declared a ceasefire
    and *promised* to free prisoners", "released the journalist but *barred* her from leaving".
    A news sentence leads with its headline; what follows "and" adds to it."""
    mine = set(own)
    tok = head
    for _ in range(8):
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head
        other = words.get(tok.i)
        if other is not None and not other & mine:
            return True
    return False


def elaborates(head: Token, roots: Mapping[int, set[str]]) -> bool:
    """A participle clause that tells more of the event it hangs on, not a new one: "rebels
    shelled the city, *killing* 20" is one attack (the verb it hangs on fires the same root)."""
    return elaborated(head, roots) is not None


def elaborated(head: Token, roots: Mapping[int, set[str]]) -> Token | None:
    """The event word a participle clause elaborates ("*shelled* the city, killing 20"), or
    None when the clause is not such an elaboration (see :func:`elaborates`)."""
    if head.dep_ == "conj" and head.head.i != head.i and head.tag_ == "VBG":
        return elaborated(head.head, roots)  # "…, killing or wounding 50"
    if head.dep_ not in {"advcl", "acl"} or head.tag_ != "VBG" or head.head.i == head.i:
        return None
    if any(c.dep_ in SUBJECTS | {"mark"} for c in head.children):
        return None  # "after killing", "while rebels were killing": a clause of its own
    if head.dep_ == "acl" and head.doc[head.i - 1].text != ",":
        return None  # "the coalition fighting the rebels": a relative, read elsewhere
    mine = roots.get(head.i, set())
    gov = head.head
    for _ in range(4):
        if mine & roots.get(gov.i, set()):
            return gov
        if gov.dep_ not in ELABORATED or gov.head.i == gov.i:
            return None
        # "attacked by militiamen armed with machetes, killing 156"; "stormed a base in
        # Herat, killing 17", where the parser hangs the participle on the last noun
        gov = gov.head
    return None


def attributive(tok: Token) -> bool:
    """A participle used as an adjective, not a verb the parser mislabelled: "the
    Israeli-occupied West Bank", "the occupied West Bank", "an occupying army" (but "Japan
    lifted sanctions", "Serbia eased emergency measures")."""
    i = tok.i
    doc = tok.doc
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
        return True  # "Israeli-occupied", "Saudi-led"
    if tok.tag_ not in {"VBN", "VBG"} or tok.head.i <= i or i == 0:
        return False
    # the words up to the noun belong to its phrase ("the occupied West Bank")
    for t in doc[i + 1 : tok.head.i]:
        if t.head.i != tok.head.i and not (i < t.head.i < tok.head.i):
            return False
        if t.dep_ not in {"compound", "amod", "flat", "nmod:poss", "nummod", "punct"}:
            return False
    before = doc[i - 1]
    if before.lemma_ in {"have", "be"}:
        return False  # "has imposed sanctions": a perfect the parser read as an adjective
    if before.dep_ in {"det", "nmod:poss"}:
        return True
    if tok.tag_ == "VBG":
        return False  # "Serbia *eased* emergency measures" is VBN; a VBG needs its article
    return before.pos_ in {"DET", "ADJ", "ADP", "VERB", "NUM"}


def _actor_key(e: Event, role: str) -> str:
    a = e.source if role == "source" else e.target
    return "" if a is None else a.code


def drop_subsumed(events: Sequence[Event]) -> list[Event]:
    """One event told twice is one: an asserted event missing an actor that another asserted
    event of the same root has, with the actor it does have the same ("Finland will give
    Tanzania a grant to finance projects": FIN→TZA, not also FIN→—)."""
    asserted = [e for e in events if e.factuality == "asserted"]
    out = []
    for e in events:
        if e.factuality == "asserted" and any(
            f is not e and _same_kind(f, e) and _covers(f, e) for f in asserted
        ):
            continue
        out.append(e)
    return out


def _same_kind(f: Event, e: Event) -> bool:
    """The same CAMEO root; but a specific statement, a denial (016) or a claim of
    responsibility (015), is not told again by another statement."""
    if e.cameo_root == "01" and e.cameo not in GENERIC_STATEMENTS:
        return f.cameo == e.cameo
    return f.cameo_root == e.cameo_root


def _covers(f: Event, e: Event) -> bool:
    """``f`` names every actor ``e`` names, and one more."""
    src_e, tgt_e = _actor_key(e, "source"), _actor_key(e, "target")
    src_f, tgt_f = _actor_key(f, "source"), _actor_key(f, "target")
    if src_e and tgt_e:
        return False
    if src_e and not tgt_e:
        return src_f == src_e and bool(tgt_f)
    return tgt_f == tgt_e and bool(src_f)
