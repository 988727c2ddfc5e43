"""The clause of an event's trigger: the tokens whose dates, places and numbers belong to the event.

With a dependency parse (UD labels) the clause is the governing verb's subtree minus embedded
clauses that have their own verb; without one (a blank pipeline) it is the stretch between the
clause boundaries around the trigger (";", dashes, brackets, "which/who/where", a comma before a
conjunction). A clause also knows its *frames*: the enclosing clauses whose date it inherits when
it has none of its own ("When Putin travelled ... in June, ... they signed a treaty").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc, Token

# Dependents that start a clause of their own (spaCy's English labels and UD's).
EMBEDDED_DEPS = frozenset(
    {"ccomp", "advcl", "acl:relcl", "relcl", "parataxis", "csubj", "conj", "acl"}
)
# A verb heading a clause carries one of these; a "verb" labelled otherwise (compound, amod, nsubj)
# is a parse error, and the boundary rules are safer.
CLAUSE_HEAD_DEPS = EMBEDDED_DEPS | frozenset({"ROOT", "root", "xcomp"})
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})  # a report's date bounds the reported event only
VERB_POS = frozenset({"VERB", "AUX"})
TEMPORAL_MARKS = frozenset(
    {"when", "after", "before", "as", "while", "once", "since", "until", "following"}
)
FUTURE_REACH = 5  # tokens before the trigger where "will"/"would"/"is due to" mark its tense
SEQUENCE_MARKS = frozenset({"after", "before", "since", "until", "following", "once"})
FUTURE_WORDS = frozenset({"will", "'ll", "shall", "wo"})
# "said it would hold a vote in March": future in the past, and news reports it soon after
WOULD = frozenset({"would", "'d"})
FUTURE_BEFORE_TO = frozenset(
    {
        "due",
        "set",
        "expected",
        "scheduled",
        "going",
        "poised",
        "slated",
        "plans",
        "plan",
        "planning",
    }
)
# "said on Friday that ...": what follows "that" is a reported clause with its own date
REPORT_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "confirmed",
        "announced",
        "reported",
        "claimed",
        "stated",
        "added",
        "warned",
        "insisted",
        "denied",
        "acknowledged",
        "admitted",
        "estimated",
        "believed",
        "alleged",
        "believe",
        "believes",
        "promised",
        "vowed",
        "pledged",
        "threatened",
        "agreed",
    ]
)
_BOUNDARY_WORDS = frozenset(
    {"which", "who", "whom", "whose", "where", "when", "while", "whereas", "although", "because"}
)
_CONJUNCTIONS = frozenset(
    {
        "and",
        "but",
        "or",
        "yet",
        "so",
        "as",
        "if",
        "unless",
        "though",
        "after",
        "before",
        "since",
        "until",
    }
)
_PUNCT_BOUNDARIES = frozenset({";", "–", "—", "(", ")", ":", "--"})
_FRAME_OPENERS = TEMPORAL_MARKS | frozenset(
    {
        "on",
        "in",
        "at",
        "during",
        "last",
        "earlier",
        "later",
        "this",
        "by",
        "yesterday",
        "overnight",
        "early",
        "late",
    }
)


@dataclass(frozen=True, slots=True)
class Clause:
    """Token indices of an event's clause, the frames it may take a date from, and its tense."""

    tokens: frozenset[int]
    frames: tuple[tuple[frozenset[int], bool], ...]  # (tokens, reported) nearest first
    future: bool
    verb: int | None = None
    backup: frozenset[int] = frozenset()  # the boundary-rule clause, for dates a bad parse hides


def trigger_token(doc: Doc, start: int, end: int) -> Token | None:
    """The token of a trigger given by document character offsets (its last token for phrases)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if len(span) == 1:
        return span[0]
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    return heads[0] if heads and doc.has_annotation("DEP") else span[-1]


def event_clause(doc: Doc, token: Token, view: TokenView | None = None) -> Clause:
    """The clause of ``token``: from the parse when the doc has one, else from boundary rules.

    Args:
        doc: the document, parsed or not.
        token: the event's trigger token.
        view: the document's :class:`TokenView` when several events share it (faster).
    """
    view = view or TokenView.of(doc)
    blank = _blank_clause(doc, token, view)
    if view.parsed:
        verb = _governing_verb(token)
        if verb.pos_ in VERB_POS and (verb.dep_ in CLAUSE_HEAD_DEPS or verb.head.i == verb.i):
            parsed = _parsed_clause(verb)
            return Clause(parsed.tokens, parsed.frames, parsed.future, verb.i, blank.tokens)
    return blank


# ---------------------------------------------------------------- with a parse


def _governing_verb(token: Token) -> Token:
    t = token
    while t.pos_ not in VERB_POS and t.head.i != t.i:
        t = t.head
    return t if t.pos_ in VERB_POS else token


def _starts_clause(tok: Token) -> bool:
    if tok.dep_ not in EMBEDDED_DEPS:
        return False
    if tok.dep_ in ("conj", "acl"):
        return tok.pos_ in VERB_POS
    return True


def _clause_tokens(verb: Token) -> frozenset[int]:
    out: set[int] = set()
    stack = [verb]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if not _starts_clause(c))
    return frozenset(out)


def _temporal_frames(verb: Token) -> list[tuple[frozenset[int], bool]]:
    frames = []
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            m.lower_ in TEMPORAL_MARKS for m in child.children if m.dep_ in ("mark", "advmod")
        ):
            frames.append((frozenset(t.i for t in child.subtree), False))
    return frames


def _is_future(verb: Token) -> bool:
    for child in verb.children:
        if child.lower_ in FUTURE_WORDS and child.dep_.startswith("aux"):
            return True
    doc = verb.doc
    return _future_words([t.lower_ for t in doc[max(verb.sent.start, verb.i - 4) : verb.i + 1]])


def _parsed_clause(verb: Token) -> Clause:
    frames: list[tuple[frozenset[int], bool]] = _temporal_frames(verb)
    future = _is_future(verb)
    if verb.dep_ == "advcl" and any(c.lower_ in SEQUENCE_MARKS for c in verb.children):
        # "in May, three months after Russia invaded": the main clause's date is not this one's
        return Clause(_clause_tokens(verb), tuple(frames), future, verb.i)
    current, reported = verb, False
    while current.head.i != current.i and current.dep_ in EMBEDDED_DEPS | {"xcomp"}:
        reported = reported or current.dep_ in REPORTED_DEPS
        conj = current.dep_ == "conj"
        current = _governing_verb(current.head)
        frames.append((_clause_tokens(current), reported))
        frames.extend((f, reported) for f, _ in _temporal_frames(current))
        if conj and not future:
            future = _is_future(current)
    return Clause(_clause_tokens(verb), tuple(frames), future, verb.i)


# ---------------------------------------------------------------- without a parse


@dataclass
class TokenView:
    """A document's lowercased token texts, whitespace and sentence starts, read once per document.

    The boundary rules run over these lists (making spaCy Token objects is slow), and each
    sentence's boundaries are worked out once however many events it holds.
    """

    lower: list[str]
    space: list[bool]
    sent_starts: list[int]
    parsed: bool = False
    bounds: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, text: str | None = None) -> TokenView:
        if not len(doc):
            return cls([], [], [0])
        full = doc.text if text is None else text
        rows = doc.to_array([IDX, LENGTH, SPACY]).tolist()
        lower = [full[i : i + n].lower() for i, n, _ in rows]
        parsed = doc.has_annotation("DEP")
        split = parsed or doc.has_annotation("SENT_START")
        starts = [s.start for s in doc.sents] if split else [0]
        return cls(lower, [bool(w) for _, _, w in rows], starts, parsed)

    def sentence(self, i: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sent_starts, i) - 1
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.lower)
        return self.sent_starts[k], end

    def boundaries(self, start: int, end: int) -> list[int]:
        """Boundary token positions of the sentence [start, end) (absolute indices)."""
        if start not in self.bounds:
            self.bounds[start] = _boundaries(self.lower, self.space, start, end)
        return self.bounds[start]


def _boundaries(lower: list[str], space: list[bool], start: int, end: int) -> list[int]:
    out: list[int] = []
    closing = False  # inside ", which ...": the next comma closes the relative clause
    for k in range(start, end):
        text = lower[k]
        nxt = lower[k + 1] if k + 1 < end else ""
        if (
            text in _PUNCT_BOUNDARIES
            or (text == "-" and space[k] and k > start and space[k - 1])
            or text in _BOUNDARY_WORDS
            or (text == "," and (nxt in _CONJUNCTIONS or nxt in _BOUNDARY_WORDS or closing))
            or (text == "that" and any(w in REPORT_VERBS for w in lower[max(start, k - 5) : k]))
        ):
            out.append(k)
            closing = text in _BOUNDARY_WORDS and k > start and lower[k - 1] == ","
    return out


def _blank_clause(doc: Doc, token: Token, view: TokenView | None = None) -> Clause:
    view = view or TokenView.of(doc)
    lower = view.lower
    start, end = view.sentence(token.i)
    k = token.i
    bounds = view.boundaries(start, end)
    # a clause starts after a punctuation boundary, or at a boundary word ("which", "where")
    after_punct = [j + 1 for j in bounds if j <= k and lower[j] not in _BOUNDARY_WORDS]
    at_word = [j for j in bounds if j <= k and lower[j] in _BOUNDARY_WORDS]
    lo = max([start, *after_punct, *at_word])
    hi = min((j for j in bounds if j > k), default=end)
    tokens = frozenset(range(lo, hi))
    frames: list[tuple[frozenset[int], bool]] = []
    if lo > start and lower[lo - 1] == "that":  # the report's clause dates the reported one
        report_lo = max([start, *(j + 1 for j in bounds if j < lo - 1)])
        frames.append((frozenset(range(report_lo, lo - 1)), True))
    if lo > start and lower[start] in _FRAME_OPENERS:
        first_end = min((j for j in bounds if j > start), default=end)
        comma = next((j for j in range(start, end) if lower[j] == ","), end)
        frames.append((frozenset(range(start, min(first_end, comma))), False))
    # tense markers precede the verb closely ("will meet", "said it would hold", "is due to")
    return Clause(tokens, tuple(frames), _future_words(lower[max(lo, k - FUTURE_REACH) : k + 1]))


def _future_words(words: list[str]) -> bool:
    """Whether a clause's words mark the future: "will", "is due to", "would" (not "would have")."""
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if (
            w in FUTURE_WORDS
            or (w in FUTURE_BEFORE_TO and nxt == "to")
            or (w in WOULD and nxt != "have")
        ):
            return True
    return False
