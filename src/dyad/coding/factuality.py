"""Did it happen? Negation, modality, conditionals, intentions, and who says so.

The rules read the trigger's own clause and the clauses above it (xcomp/ccomp/advcl chains),
so "Seoul would consider providing weapons" and "North Korean troops might not cross" are never
``asserted``; "Rutte said that units had reached Kursk" keeps ``asserted`` with Rutte as the
attribution.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.actors.types import Mention
from dyad.model import Factuality

NEGATORS = {"not", "n't", "never", "no", "nor", "neither", "without"}
HYPOTHETICAL_AUX = {"might", "may", "could", "should", "must", "ought", "can"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}  # "wo" is spaCy's token for "won't"
HYPOTHETICAL_GOVERNORS = {
    "imagine", "envisage", "envision", "suppose", "fear", "hope", "wish", "want", "seek",
    "propose", "consider", "suggest", "speculate", "rumour", "rumor", "doubt", "ask",
    "hypothesize", "wonder", "predict", "expect", "risk", "try", "attempt", "urge", "demand",
    "call", "press", "push",
}  # fmt: skip
FUTURE_GOVERNORS = {
    "plan", "intend", "prepare", "promise", "pledge", "vow", "aim", "threaten", "agree",
    "decide", "schedule", "set", "mean", "resolve", "offer", "undertake", "commit",
}  # fmt: skip
# Promise a clause ("undertook to withdraw", "committed to holding talks"), but do what a noun
# object names ("undertook a mediation mission", "committed atrocities").
CLAUSE_ONLY_GOVERNORS = {"undertake", "commit"}
NOMINAL = {"NOUN", "PROPN"}
NEGATING_GOVERNORS = {"deny", "refuse", "fail", "reject", "decline", "avoid", "stop", "cease"}
SPEECH_VERBS = {
    "say", "tell", "claim", "report", "confirm", "warn", "announce", "estimate", "allege",
    "insist", "state", "add", "note", "assert", "declare", "acknowledge", "admit", "believe",
    "think", "write", "argue", "reveal", "disclose", "indicate", "suggest", "accuse", "deny",
    "brief", "inform", "stress", "explain", "testify", "quote", "assess", "conclude",
}  # fmt: skip
FACTIVE_ADVERBIALS = {"where", "while", "whereas", "because", "since", "although", "though", "as"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether", "lest"}
FUTURE_MARKERS = re.compile(r"\b(going to|about to|set to|due to|poised to|expected to)\b", re.I)
CLIMB = {
    "parataxis",  # only under a speech verb, see _clause_chain
    "acl:relcl",  # only content clauses get here ("reports that ..."), see _clause_chain
    "relcl",
    "xcomp",
    "ccomp",
    "advcl",
    "conj",
    "acl",
    "pcomp",
    "pobj",
    "prep",
    "obj",
    "dobj",
    "obl",
    "nmod",
}
QUOTES = re.compile(r"[\"“”]([^\"“”]{3,})[\"“”]")


@dataclass(frozen=True, slots=True)
class Reading:
    factuality: Factuality
    speech_verb: Token | None  # the "said"/"warned" that reports the event, if any
    cue: str  # what decided the factuality, for the evidence rule


def _speech(tok: Token) -> bool:
    """A reporting verb ("confirmed", "said"); the noun in "reports that" is not one."""
    nominal = tok.dep_ in {"obj", "dobj", "nsubj", "nsubj:pass", "obl", "nmod", "compound", "pobj"}
    return tok.lemma_ in SPEECH_VERBS and tok.pos_ in {"VERB", "AUX"} and not nominal


def _aux_lemmas(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "aux:pass", "auxpass"}}


def _negated(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ in {"neg"} or (c.dep_ in {"advmod", "det"} and c.lower_ in NEGATORS):
            return True
    return False


NOUN_CLIMB = {
    "nsubj",
    "nsubj:pass",
    "nsubjpass",
    "obj",
    "dobj",
    "obl",
    "nmod",
    "pobj",
    "prep",
    "compound",
    "appos",
    "conj",
}
FUTURE_MODIFIERS = {
    "imminent",
    "planned",
    "upcoming",
    "forthcoming",
    "proposed",
    "prospective",
    "future",
    "scheduled",
    "impending",
    "looming",
}
HYPOTHETICAL_MODIFIERS = {
    "possible",
    "potential",
    "threatened",
    "hypothetical",
    "alleged",
    "rumoured",
    "rumored",
    "feared",
}


def _be_to(verb: Token) -> bool:
    """The planned "be to" + infinitive: "is to propose", "are to be announced"."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_ == "blame":  # "is to blame": guilty
        return False
    to = next((c for c in verb.children if c.lower_ == "to" and c.dep_ in {"mark", "aux"}), None)
    if to is None:
        return False
    return any(
        c.lemma_ == "be" and c.dep_ in {"cop", "aux", "aux:pass", "auxpass"} and c.i < to.i
        for c in verb.children
    )


# Nouns that rule out what their on/to/of-phrase names: "a ban on missile tests", "an end to
# the fighting", "a moratorium on executions".
BLOCKING_NOUNS = {"ban", "moratorium", "prohibition", "halt", "end", "cessation", "freeze"}


def _blocked(head: Token) -> bool:
    """A noun trigger that a blocking noun governs: "a ban *on* missile tests"."""
    if head.pos_ not in NOMINAL or not head.dep_.startswith(("nmod", "pobj")):
        return False
    gov = head.head
    if head.dep_ == "pobj":  # ClearNLP: ban > on > tests
        prep, gov = gov, gov.head
        case = prep.lower_
    else:
        case = next((c.lower_ for c in head.children if c.dep_ == "case"), "")
    return case in {"on", "to", "of"} and gov.pos_ in NOMINAL and gov.lemma_ in BLOCKING_NOUNS


def _has_subject(tok: Token) -> bool:
    return any(
        c.dep_ in {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl"} for c in tok.children
    )


def _clause_chain(head: Token, limit: int = 5) -> list[Token]:
    """The trigger's head, then the heads of the clauses that govern it, nearest first.

    The climb stops at relative clauses ("Kim, who ordered …" is asserted on its own) and at a
    conjunct with its own subject (an independent clause), and a noun climbs to its verb first.
    """
    chain = [head]
    tok = head
    for _ in range(limit):
        if tok.head is tok:
            break
        if tok.dep_ in {"acl:relcl", "relcl"} and not any(c.dep_ == "mark" for c in tok.children):
            break  # a relative clause is asserted on its own; "reports that ..." is content
        if tok.dep_ == "acl" and not any(c.dep_ == "mark" for c in tok.children):
            break  # "victims killed by the crash", "with forces advancing": stated, not planned
        if tok.dep_ == "advcl" and FACTIVE_ADVERBIALS & {
            c.lower_ for c in tok.children if c.dep_ in {"advmod", "mark"}
        }:
            break  # "..., where the Russian military is grinding forwards": asserted on its own
        if tok.dep_ == "conj" and _has_subject(tok):
            break
        if tok.dep_ == "parataxis" and not _speech(tok.head):
            break  # "They said on Friday they would ...": reported; "...; troops withdrew": not
        if tok.dep_ not in CLIMB and not (
            tok.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} and tok.dep_ in NOUN_CLIMB
        ):
            break
        tok = tok.head
        chain.append(tok)
    return chain


def _noun_cue(head: Token) -> str | None:
    """Modifiers of a noun trigger that make it future or hypothetical ("an imminent assault")."""
    if head.pos_ not in {"NOUN", "PROPN"}:
        return None
    for c in head.children:
        w = c.lower_
        if w in FUTURE_MODIFIERS:
            return "future"
        if w in HYPOTHETICAL_MODIFIERS:
            return "hypothetical"
        if c.dep_ == "det" and w in {"no"}:
            return "negated"
    return None


def read_parse(head: Token, flags: tuple[str, ...] = ()) -> Reading:
    """Factuality from a parsed clause chain; ``intent`` patterns state an intention, which is
    itself asserted ("Seoul would consider providing weapons")."""
    full = _clause_chain(head)
    # who says so is the first reporting verb above the trigger, even when the factuality cue
    # sits below it ("X said Y must ...") or the trigger is itself a speech act
    reporter = next((t for d, t in enumerate(full) if d > 0 and _speech(t)), None)
    found = _read_chain(head, full)
    reading = Reading(found.factuality, reporter, found.cue)
    if "intent" in flags and reading.factuality in {"future", "hypothetical"}:
        return Reading("asserted", reading.speech_verb, "intent")
    cue = _noun_cue(head) or ("negated" if _blocked(head) else None)
    if cue is not None and reading.factuality == "asserted":
        return Reading(cue, reading.speech_verb, f"modifier:{cue}")  # type: ignore[arg-type]
    return reading


def _read_chain(head: Token, full: list[Token]) -> Reading:
    # a speech act ("warned", "said") is read in its own clause only: in '"We will not sit
    # idle," warned Yoon' the parser often hangs the verb on the quoted clause
    chain = [head] if head.lemma_ in SPEECH_VERBS | {"threaten"} else full
    reported = any(d > 0 and _speech(t) for d, t in enumerate(chain))
    negated = False
    speech: Token | None = None
    for depth, tok in enumerate(chain):
        is_verbish = tok.pos_ in {"VERB", "AUX"} or depth == 0
        aux = _aux_lemmas(tok)
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        if speech is None and depth > 0 and _speech(tok):
            speech = tok
            # "Yoon said Seoul would consider": what the reported clause says is read on its own
            if tok.lemma_ == "deny":
                negated = not negated
            continue
        if speech is not None:
            break  # above the speech verb is the reporter's own frame
        if not is_verbish and depth > 0 and not aux:
            continue
        if marks & HYPOTHETICAL_MARKS:
            return Reading("hypothetical", speech, f"mark:{sorted(marks & HYPOTHETICAL_MARKS)[0]}")
        if aux & HYPOTHETICAL_AUX:
            return Reading("hypothetical", speech, f"aux:{sorted(aux & HYPOTHETICAL_AUX)[0]}")
        if "would" in aux or "'d" in aux:
            # "Yoon said Seoul would consider ...": the future of reported speech, not a condition
            if reported:
                return Reading(
                    "negated" if _negated(tok) else "future", speech, "aux:would-reported"
                )
            return Reading("hypothetical", speech, "aux:would")
        if _be_to(tok):
            # "the Commission is to propose", "restrictions are to be announced": planned
            return Reading("negated" if negated or _negated(tok) else "future", speech, "be-to")
        if _negated(tok):
            negated = not negated
        # a verb governs the clause below it, not its own conjunct: in "called Erdogan and
        # urged him to ..." the urging is done, not asked for (a shared auxiliary still counts)
        governs = depth > 0 and chain[depth - 1].dep_ != "conj"
        if governs and tok.lemma_ in NEGATING_GOVERNORS:
            negated = not negated
        if governs and tok.lemma_ in HYPOTHETICAL_GOVERNORS:
            return Reading("hypothetical", speech, f"governor:{tok.lemma_}")
        if governs and tok.lemma_ in CLAUSE_ONLY_GOVERNORS and chain[depth - 1].pos_ in NOMINAL:
            governs = False
        if aux & FUTURE_AUX or (governs and tok.lemma_ in FUTURE_GOVERNORS and not negated):
            return Reading("negated" if negated else "future", speech, "future")
    if negated:
        return Reading("negated", speech, "negation")
    return Reading("asserted", speech, "")


_RULE_HYPO = re.compile(r"\b(might|may|could|would|should|if|unless|whether)\b", re.I)
_RULE_NEG = re.compile(r"\b(not|n't|never|no longer|denied|denies|deny|refused|failed)\b", re.I)
_RULE_FUT = re.compile(
    r"\b(will|shall|plans? to|planning to|intends? to|promis\w* to|vow\w* to|pledg\w* to)\b", re.I
)


def read_rule(sent: Span, first: int) -> Reading:
    """Factuality without a parse: cues between the clause start and the trigger."""
    doc = sent.doc
    start = sent.start
    for i in range(first - 1, sent.start - 1, -1):
        if doc[i].text in {";", ":"} or doc[i].lower_ in {"but", "whereas", "while", "although"}:
            start = i + 1
            break
    window = doc[start:first].text
    if _RULE_HYPO.search(window):
        return Reading("hypothetical", None, "rule:modal")
    if _RULE_NEG.search(window):
        return Reading("negated", None, "rule:negation")
    if _RULE_FUT.search(window) or FUTURE_MARKERS.search(window):
        return Reading("future", None, "rule:future")
    return Reading("asserted", None, "")


def read(sent: Span, head: Token, first: int, parsed: bool, flags: tuple[str, ...] = ()) -> Reading:
    if parsed:
        return read_parse(head, flags)
    reading = read_rule(sent, first)
    if "intent" in flags and reading.factuality in {"future", "hypothetical"}:
        return Reading("asserted", None, "intent")
    return reading


def attribution(
    doc: Doc, sent: Span, reading: Reading, mentions: Sequence[Mention], head: Token
) -> Mention | None:
    """Who says so: the subject of the reporting verb, or "according to X"."""
    if reading.speech_verb is not None:
        for c in reading.speech_verb.children:
            if c.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"}:
                for m in mentions:
                    if m.start <= c.i < m.end or m.head == c.i:
                        return m
    # "according to Ukrainian intelligence" anywhere in the sentence
    text_lower = sent.text.lower()
    k = text_lower.find("according to ")
    if k >= 0:
        pos = sent.start_char + k + len("according to ")
        for m in mentions:
            if m.actor.start >= pos and m.actor.start - pos <= 30:
                return m
    return None


def quote_of(sent: Span, start_char: int, end_char: int) -> str | None:
    """The quoted words around the trigger, if the trigger sits inside quotation marks."""
    for m in QUOTES.finditer(sent.text):
        qs = sent.start_char + m.start(1)
        qe = sent.start_char + m.end(1)
        if qs <= start_char and end_char <= qe:
            return m.group(1).strip()
    return None
