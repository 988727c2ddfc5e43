"""Matching one lexicon pattern at one token: particles, chained verbs, objects, prepositions.

Two paths: a dependency parse (UD or ClearNLP labels), and plain tokens from ``spacy.blank``
(dyad's own lemma candidates and short windows). Used by :mod:`dyad.coding.lexicon`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dyad.coding.inflect import IRREGULAR, candidates
from dyad.coding.patterns import NO_EVENT, Pattern, PrepReq, WordSet
from dyad.coding.types import Trigger
from dyad.nlp.names import WEEKDAYS_MONTHS

# Dependency labels, UD and ClearNLP (spaCy English) alike.
PARTICLE_DEPS = frozenset({"prt", "compound:prt", "advmod", "prep", "dative", "agent", "mark"})
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass", "attr", "oprd", "dative"})
OBLIQUE_PREFIXES = ("obl", "nmod", "advcl", "xcomp", "acl")
CASE_DEPS = frozenset({"case", "mark"})
CHAIN_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "pcomp"})
PREP_DEPS = frozenset({"prep", "dative", "agent"})

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Without tags: a word after one of these reads as a noun, not a verb ("the attack").
NOMINAL_CUES = frozenset(
    {"a", "an", "the", "its", "their", "his", "her", "our", "your", "my", "this", "these",
     "those", "any", "no", "further", "new", "'s", "’s", "such", "every", "each", "-"}
)  # fmt: skip
# ... and after one of these as a verb ("will attack", "to visit").
VERBAL_CUES = frozenset(
    {"to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "did",
     "does", "do", "not", "n't", "they", "we", "he", "she", "i", "you"}
)  # fmt: skip
QUANTIFIERS = frozenset({"several", "many", "more", "fewer", "some", "numerous", "multiple"})
# "Russian", "Israeli", "Chinese", "British", "Korean", "American"; not "Iran" or "Pakistan"
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ican", "i")
PREPOSITION_CUES = frozenset({"in", "on", "for", "with", "by", "from", "at", "into", "under", "of"})
# Without tags, a verb followed by one of these has no direct object there ("returned *to* base").
AFTER_VERB_PREPS = frozenset({"to", "into", "from", "at", "toward", "towards", "in", "on", "under"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod:poss", "poss"})
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "am"})
# Where a plain-token window stops: clause boundaries.
STOP_WORDS = frozenset(
    {",", ";", ".", ":", "!", "?", "(", ")", "—", "–", "\"", "“", "”", "that", "which", "who",
     "whom", "because", "while", "although", "but", "if", "when", "where", "after", "before",
     "since", "until", "unless", "whether"}
)  # fmt: skip
# Dates after a preposition: "called on Wednesday" is no "call on".
TIME_WORDS = WEEKDAYS_MONTHS | {
    "today", "tonight", "yesterday", "tomorrow", "weekend", "morning", "afternoon", "evening",
    "night", "week", "month", "year",
}  # fmt: skip
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})
SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
AUXILIARIES = frozenset(
    {"had", "has", "have", "having", "would", "will", "'d", "was", "were", "is", "are", "been",
     "be", "already", "also", "successfully"}
)  # fmt: skip
# An event noun modifying one of these still names the event: "a bombing campaign", "an aid
# package", "a rescue operation"; modifying any other noun it names a kind of thing: "attack
# helicopters", "protest songs", "riot control", "the peace talks venue".
EVENT_FRAMES = frozenset(
    {"campaign", "attempt", "operation", "action", "effort", "mission", "spree", "wave", "blitz",
     "drive", "package", "programme", "program", "convoy", "shipment", "consignment", "flight",
     "delivery", "measure", "regime", "round", "series", "activity", "incident", "order",
     "message", "letter", "note"}
)  # fmt: skip
# "two decades of fighting", "years of war": a span of history, no single event.
LONG_SPANS = frozenset({"year", "decade", "century", "generation"})
OBJ_WINDOW = 6
JOINT_MODS = frozenset({"amod", "compound", "nmod:poss", "poss"})
JOINT_BONUS = 2  # "flag: joint" outranks the same pattern for one party ("war games" 062 over 150)
PREP_WINDOW = 8
PARTICLE_WINDOW = 4
LIGHT_WINDOW = 6


@dataclass
class SentenceView:
    """Per-sentence matching state: the span, what annotation the doc has, lemma cache."""

    span: Span
    parsed: bool
    tagged: bool
    lemmatized: bool
    # words read as verbs whatever their tag (see ``lexicon.misread_verbs``)
    verbs: frozenset[int] = frozenset()
    _lemmas: dict[int, frozenset[str]] = field(default_factory=dict)

    def lemmas(self, tok: Token) -> frozenset[str]:
        """The word's own lemma candidates and those of the hyphenated compound it ends."""
        got = self._lemmas.get(tok.i)
        if got is None:
            got = self.own_lemmas(tok) | self.compound_lemmas(tok)
            self._lemmas[tok.i] = got
        return got

    def own_lemmas(self, tok: Token) -> frozenset[str]:
        got = candidates(tok.text)
        if self.lemmatized and tok.lemma_:
            got = got | {tok.lemma_.lower()}
        if tok.is_currency:  # "$2 million", "€28 million": the symbol heads the amount
            got = got | {"money"}
        return got

    def compound_lemmas(self, tok: Token) -> frozenset[str]:
        """Lemmas of a hyphenated word the tokenizer split ("cease - fire", "test - fired").

        Both spellings are candidates, "cease-fire" and "ceasefire"; the compound's last token
        carries them. Empty when ``tok`` does not end such a compound.
        """
        first = compound_start(tok, self.span.start)
        if first is None:
            return frozenset()
        joined = tok.doc[first].text + "-" + tok.text
        return candidates(joined) | candidates(joined.replace("-", ""))

    def after(self, i: int, width: int) -> Iterator[Token]:
        """Tokens after index ``i`` inside the sentence, stopping at a clause boundary."""
        doc = self.span.doc
        for j in range(i + 1, min(i + 1 + width, self.span.end)):
            if doc[j].lower_ in STOP_WORDS:
                return
            yield doc[j]

    def before(self, i: int, width: int) -> Iterator[Token]:
        """Tokens before index ``i`` (nearest first), stopping at a clause boundary."""
        doc = self.span.doc
        for j in range(i - 1, max(i - 1 - width, self.span.start - 1), -1):
            if doc[j].lower_ in STOP_WORDS:
                return
            yield doc[j]


def compound_start(tok: Token, start: int) -> int | None:
    """Index of the first word of a split hyphenated compound ending at ``tok``, else None."""
    i = tok.i
    if i - 2 < start or not tok.is_alpha:
        return None
    doc = tok.doc
    hyphen, first = doc[i - 1], doc[i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or first.whitespace_ or not first.is_alpha:
        return None
    return i - 2


def can_be(state: SentenceView, tok: Token, noun: bool) -> bool:
    """Whether ``tok`` may be read as a verb (or noun) given its tag, or cues when untagged."""
    if state.parsed and _long_span(tok):
        return False
    if noun and (_year_named(tok) or (state.parsed and _names_a_kind(state, tok))):
        return False
    if not noun and state.parsed and tok.dep_ in MODIFIER_DEPS:
        # "armed forces"; but a VERB-tagged amod is a parser slip ("police confiscated")
        if tok.pos_ != "VERB":
            return False
        prev = tok.doc[tok.i - 1].lower_ if tok.i > state.span.start else ""
        if prev in NOMINAL_CUES and tok.head.i > tok.i:
            return False  # "the occupied territories", "its besieged capital": an attribute
    if tok.i in state.verbs:
        return not noun
    if state.tagged and tok.pos_:
        if not noun and state.parsed and tok.pos_ in ("NOUN", "ADJ") and _has_object(tok):
            return True  # "Authorities ease curfew": a noun takes no direct object
        return tok.pos_ in (NOUN_POS if noun else VERB_POS)
    doc = tok.doc
    prev = doc[tok.i - 1].lower_ if tok.i > state.span.start else ""
    if noun:
        return prev not in VERBAL_CUES
    if tok.text[:1].isupper() and tok.i > state.span.start and prev not in ('"', "“", ":"):
        return False  # a capitalized word inside a sentence is a name: "the United States"
    if prev in PREPOSITION_CUES and not tok.lower_.endswith("ing"):
        return False  # "in demand", but "by attacking"
    if tok.i > state.span.start and _modifies(doc[tok.i - 1]) and not _participle(tok):
        return False  # "two attacks", "Israeli strikes"; but "five killed" is a verb
    return prev not in NOMINAL_CUES


def _has_object(tok: Token) -> bool:
    return any(c.dep_ in ("obj", "dobj") for c in tok.children)


def _names_a_kind(state: SentenceView, tok: Token) -> bool:
    """An event noun modifying another noun: "attack helicopters", "protest songs".

    Not a hyphenated pair ("kidnap-murder") and not before a noun that frames the event
    ("a bombing campaign", "an aid package", see ``EVENT_FRAMES``).
    """
    head = tok.head
    if tok.dep_ != "compound" or head.i <= tok.i or head.pos_ in VERB_POS:
        return False
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-":
        return False
    return not (state.lemmas(head) & EVENT_FRAMES)


def _year_named(tok: Token) -> bool:
    """An event named by a year before the article's: "the 1994 genocide" in 2008 news.

    A past event the news refers to, not one it reports. Without the article's date (the
    ``dyad_date`` extension) nothing is dropped.
    """
    doc = tok.doc
    dated = doc._.dyad_date if Doc.has_extension("dyad_date") else None
    if not dated or not str(dated)[:4].isdigit():
        return False
    for j in range(tok.i - 1, max(tok.i - 4, -1), -1):
        w = doc[j]
        if w.is_digit and len(w.text) == 4:
            named = j == 0 or doc[j - 1].lower_ in ("the", "'s", "’s")
            return named and 1900 <= int(w.text) < int(str(dated)[:4])
        if not w.is_alpha or w.lower_ in NOMINAL_CUES:
            return False
    return False


def _long_span(tok: Token) -> bool:
    """The of-phrase of a span of years: "after two decades *of fighting*", "years of war"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of":  # ClearNLP: decades > of > fighting
        span = head.head
    elif tok.dep_.startswith("nmod") and any(
        c.lower_ == "of" and c.dep_ in ("case", "mark") for c in tok.children
    ):
        span = head
    else:
        return False
    return span.i < tok.i and span.lemma_.lower() in LONG_SPANS and span.tag_ == "NNS"


def _participle(tok: Token) -> bool:
    return tok.lower_.endswith(("ed", "en", "wn")) or tok.lower_ in IRREGULAR


def _modifies(prev: Token) -> bool:
    """A number, quantifier or nationality adjective: what comes next is a noun."""
    if prev.like_num or prev.lower_ in QUANTIFIERS:
        return True
    return prev.text[:1].isupper() and prev.lower_.endswith(DEMONYM_ENDINGS)


# ---------------------------------------------------------------- verbs


def match_verb(state: SentenceView, p: Pattern, tok: Token) -> Trigger | None:
    tokens = [tok.i]
    cur = tok
    parts: list[Token] = []
    bonus = 0
    for step, (lemma, particles) in enumerate(p.chain):
        if step > 0:
            nxt = _chain_verb(state, cur, lemma)
            if nxt is None or ("self" in p.flags and not _same_subject(state, cur, nxt)):
                return None
            if state.parsed and nxt.dep_ == "advcl" and _infinitive(nxt):
                # a purpose clause names what the first verb was done for: "sent personnel *to
                # investigate*" is an inquiry whatever the personnel are (outranks "send @TROOPS")
                bonus += 2
            cur = nxt
            tokens.append(cur.i)
        last = cur
        parts = []
        for word in particles:
            part = particle(state, cur, last, word)
            if part is None:
                return None
            tokens.append(part.i)
            parts.append(part)
            last = part
    if p.obj is not None:
        objects = _objects(state, cur, parts, max(tokens), idiom=p.code == NO_EVENT)
        hit = _best(state, objects, p.obj)
        if hit is None:
            return None
        tokens.extend(hit)
        bonus += len(hit) - 1
    if p.preps:
        got = _find_prep(state, cur, p.preps, max(tokens))
        if got is None:
            return None
        tokens.extend(got)
        bonus += max(len(got) - 2, 0)
    if p.subj is not None:
        hit = _best(state, _subjects(state, tok), p.subj)
        if hit is None:
            return None
        tokens.extend(hit)
        bonus += len(hit) - 1  # "peacekeeping troops" outranks "troops"
    if "joint" in p.flags:
        if not _joint(state, tok):
            return None
        bonus += JOINT_BONUS
    target_head = cur.i if cur.i != tok.i else None
    if p.purpose:
        goal = _purpose_verb(state, cur, max(tokens))
        if goal is not None:
            target_head = goal.i
    return _trigger(p, tok.i, tokens, target_head=target_head, bonus=bonus)


def _subjects(state: SentenceView, verb: Token) -> list[Token]:
    """Who or what does it: the subject, the passive's by-agent, a relative's antecedent."""
    found: list[Token] = []
    if state.parsed:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubj:outer", "csubj") or c.dep_ == "obl:agent":
                if c.lower_ in ("that", "which") and verb.dep_ in ("relcl", "acl:relcl"):
                    c = verb.head  # "a storm *that* killed six"
                found.extend(_with_conjuncts(c))
                found.extend(o for g in _with_conjuncts(c) for o in _of_objects(g))
            elif c.dep_ == "agent":  # ClearNLP: by > pobj
                found.extend(o for g in c.children if g.dep_ == "pobj" for o in _with_conjuncts(g))
        if not found and verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
            # "the storm flattened homes and killed six", "troops began leaving"
            return _subjects(state, verb.head)
        if not found and verb.dep_ == "acl" and verb.tag_ == "VBG":
            found.append(verb.head)  # "a virus killing thousands"
        if not found and _is_passive(verb):
            # "two people were killed *when a car* struck them": the clause says what did it
            for c in verb.children:
                if c.dep_.startswith("advcl") and any(
                    g.dep_ in ("mark", "advmod") and g.lower_ in ("when", "as", "after")
                    for g in c.children
                ):
                    found.extend(
                        s for g in c.children if g.dep_ == "nsubj" for s in _with_conjuncts(g)
                    )
        return found
    if _looks_passive(state, verb):
        window = list(state.after(verb.i, OBJ_WINDOW))
        for k, t in enumerate(window):
            if t.lower_ == "by":
                return window[k + 1 : k + 5]
    return list(state.before(verb.i, OBJ_WINDOW))


def _joint(state: SentenceView, verb: Token) -> bool:
    """Whether two or more parties do it: conjoined subjects or by-agents ("staged by US marines
    and Jordanian forces"), or conjoined modifiers of one subject ("French and Egyptian warships",
    "the armies of Brazil and Argentina"). Without a parse: an "and" among the words before the
    verb in its clause ("US and Western allies launch ...")."""
    if state.parsed:
        subjects = _subjects(state, verb)  # with their conjuncts and of-phrases
        heads = [*subjects, *(m for s in subjects for m in s.children if m.dep_ in JOINT_MODS)]
        return any(c.dep_ == "conj" for h in heads for c in h.children)
    return any(t.lower_ == "and" for t in state.before(verb.i, OBJ_WINDOW))


def _infinitive(verb: Token) -> bool:
    """A to-infinitive ("*to* investigate")."""
    return any(
        c.lower_ == "to" and c.dep_ in ("mark", "aux") and c.i < verb.i for c in verb.children
    )


def _same_subject(state: SentenceView, verb: Token, chained: Token) -> bool:
    """Whether ``chained`` has no subject of its own or a pronoun one ("claimed *they* had")."""
    if state.parsed:
        subjects = [c for c in chained.children if c.dep_ in SUBJECT_DEPS]
        return all(c.pos_ == "PRON" or c.lower_ in SUBJECT_PRONOUNS for c in subjects)
    for t in state.span.doc[verb.i + 1 : chained.i][::-1]:
        if t.lower_ in AUXILIARIES:
            continue
        return t.lower_ in SUBJECT_PRONOUNS or t.lower_ == "to"
    return True


def _purpose_verb(state: SentenceView, verb: Token, after: int) -> Token | None:
    """The verb of a purpose clause: "deployed troops *to fight* in Russia's war", "to help X"."""
    doc = verb.doc
    if state.parsed:
        near = [*verb.children, *(g for k in verb.children for g in k.children)]
        for c in near:  # on the verb, or on its object ("troops *to fight*")
            if c.dep_ in ("advcl", "acl", "xcomp") and any(
                g.lower_ == "to" and g.i < c.i for g in c.children
            ):
                return c
        return None
    for t in state.after(after, 3):
        if t.lower_ == "to" and t.i + 1 < state.span.end:
            return doc[t.i + 1]
    return None


def particle(state: SentenceView, verb: Token, last: Token, word: str) -> Token | None:
    """The particle or preposition ``word`` attached to ``verb`` (or right after it in text)."""
    if state.parsed:
        # particles follow their verb: the "to" of "to protest" is no "protest to"
        for c in verb.children:
            if c.lower_ != word or c.i < verb.i:
                continue
            if c.dep_ in PARTICLE_DEPS and not _time_after(c):
                return c
        for c in verb.children:
            if c.dep_.startswith(OBLIQUE_PREFIXES) and not _temporal(c):
                for g in c.children:
                    if g.dep_ in CASE_DEPS and g.lower_ == word and g.i > verb.i:
                        return g
        nxt = last.i + 1
        if nxt < state.span.end and state.span.doc[nxt].lower_ == word:
            if _time_after(state.span.doc[nxt]):
                return None
            return state.span.doc[nxt]
        return None
    for t in state.after(last.i, PARTICLE_WINDOW):
        if t.lower_ == word:
            return None if _time_after(t) else t
    return None


def _temporal(tok: Token) -> bool:
    """A date word: "on *Wednesday*", "in *March*" are when, not a phrasal particle."""
    return tok.lower_ in TIME_WORDS or tok.ent_type_ in ("DATE", "TIME")


def _time_after(prep: Token) -> bool:
    """Whether the preposition ``prep`` introduces a date ("called on Wednesday")."""
    doc = prep.doc
    nxt = prep.i + 1
    if nxt < len(doc) and doc[nxt].lower_ in ("the", "this", "last", "next"):
        nxt += 1
    return nxt < len(doc) and _temporal(doc[nxt])


def _chain_verb(state: SentenceView, verb: Token, lemma: str) -> Token | None:
    """The chained verb ``lemma`` under ``verb``: "consider *providing*", "vowed to *fight*"."""
    if state.parsed:
        for c in verb.children:
            if c.dep_ in CHAIN_DEPS and lemma in state.lemmas(c):
                return c
    doc = verb.doc
    for t in state.after(verb.i, 3):
        if lemma in state.lemmas(t):
            # an infinitive or a gerund, not a second finite verb ("agreed and released")
            infinitive = t.i > verb.i + 1 and doc[t.i - 1].lower_ == "to"
            return t if infinitive or t.lower_.endswith("ing") else None
    return None


def _objects(
    state: SentenceView, verb: Token, parts: list[Token], after: int, idiom: bool = False
) -> list[Token]:
    """Candidate direct objects of ``verb`` (with conjuncts), or a window of words after it.

    After a prepositional particle ("call *for* the release") the particle's object counts.
    For an idiom (``idiom``) the noun a participle modifies counts too ("figures *released* by
    the ministry"); for an event it does not: "the sanctions *imposed* on China" names earlier
    sanctions, it does not report them.
    """
    found: list[Token] = []
    if state.parsed:
        for part in parts:
            for g in part.children:
                if g.dep_ in ("pobj", "obj", "dobj"):
                    found.extend(_with_conjuncts(g))
            if part.dep_ in CASE_DEPS and part.head is not verb:
                found.extend(_with_conjuncts(part.head))
        for c in verb.children:
            if c.dep_ in OBJECT_DEPS or (c.dep_ == "nsubj" and _is_passive(verb)):
                found.extend(_with_conjuncts(c))
            elif c.lower_ == "with" and c.dep_ in PREP_DEPS:  # "provide Kyiv with weapons"
                for g in c.children:
                    found.extend(_with_conjuncts(g))
            elif c.dep_.startswith(("obl", "nmod")) and any(
                g.dep_ == "case" and g.lower_ == "with" for g in c.children
            ):
                found.extend(_with_conjuncts(c))
        if idiom and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i:
            found.append(verb.head)  # "figures *released* by the ministry": what was released
        # "tons *of food aid*", "a shipment *of arms*": the of-phrase of a quantity or container
        found.extend(o for c in list(found) for o in _of_objects(c))
        # the parser hangs the real head on a measure word as an apposition: "returned a 16th
        # century, two-volume Bible" (obj "century", appos "Bible")
        found.extend(a for c in list(found) for a in c.children if a.dep_ == "appos")
        if found and not all(o.i > after + OBJ_WINDOW for o in found):
            return found
    # no parse, or the parser found no object near the verb (it slips on long noun phrases,
    # "provided peacekeeping training to X through the ... program" with "program" as object): a
    # window; none when a preposition follows the verb, its noun is no object ("calling on the
    # minister", not a phone call to the minister; "returned to base")
    window = list(state.after(after, OBJ_WINDOW))
    first = window[0] if window else None
    prep_next = first is not None and (
        first.pos_ == "ADP" if state.tagged else first.lower_ in AFTER_VERB_PREPS
    )
    if not prep_next:
        found.extend(window)
    if _looks_passive(state, verb):
        found.extend(state.before(verb.i, OBJ_WINDOW + 2))
    return found


def _of_objects(noun: Token) -> Iterator[Token]:
    """Nouns of the of-phrases under ``noun`` (UD nmod + case, or ClearNLP prep + pobj)."""
    for g in noun.children:
        if g.dep_ == "prep" and g.lower_ == "of":
            yield from (o for o in g.children if o.dep_ == "pobj")
        elif g.dep_.startswith("nmod") and any(
            c.dep_ == "case" and c.lower_ == "of" for c in g.children
        ):
            yield g


def _best(state: SentenceView, cands: Sequence[Token], allowed: WordSet) -> list[int] | None:
    """Token indices of the longest match of ``allowed`` among ``cands`` ("artillery shells")."""
    best: list[int] | None = None
    for cand in cands:
        n = _word_in(state, cand, allowed)
        if n and (best is None or n > len(best)):
            best = list(range(cand.i - n + 1, cand.i + 1))
    return best


def _find_prep(
    state: SentenceView, head: Token, reqs: Sequence[PrepReq], after: int
) -> list[int] | None:
    """Token indices of the first required prepositional phrase present, or None."""
    for req in reqs:
        for prep_tok, objs in _prep_phrases(state, head, req.prep, after):
            if req.objects is None:
                return [prep_tok.i]
            hit = _best(state, objs, req.objects)
            if hit is not None:
                return [prep_tok.i, *hit]
    return None


def _prep_phrases(
    state: SentenceView, head: Token, prep: str, after: int
) -> Iterator[tuple[Token, list[Token]]]:
    """(preposition token, its object candidates) for phrases ``prep ...`` attached to ``head``."""
    if state.parsed:
        for c in head.children:
            if c.lower_ == prep:  # prep/agent/dative, or an adverbial particle ("forwards")
                objs = [o for g in c.children for o in _with_conjuncts(g)]
                yield c, objs
            elif c.dep_.startswith(("obl", "nmod")):
                for g in c.children:
                    if g.dep_ == "case" and g.lower_ == prep:
                        yield g, _with_conjuncts(c)
            elif c.dep_.startswith(("advcl", "acl")) and c.pos_ == "VERB":
                # a gerund clause: "banned the mayor *from holding* office"
                for g in c.children:
                    if g.dep_ in CASE_DEPS and g.lower_ == prep and g.i < c.i:
                        yield g, [c]
    # the window backs the parse up ("fired batteries at Russia" hung on the object)
    window = list(state.after(after, PREP_WINDOW))
    for k, t in enumerate(window):
        if t.lower_ == prep:
            yield t, window[k + 1 : k + 5]


def _with_conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    out.extend(c for c in tok.children if c.dep_ == "conj")
    return out


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for c in verb.children)


def _looks_passive(state: SentenceView, verb: Token) -> bool:
    """Untagged passive cue: a form of *be* just before a participle ("to be blown up")."""
    if state.parsed:
        return _is_passive(verb)
    return any(t.lower_ in BE_FORMS for t in state.before(verb.i, 2)) and (
        verb.lower_.endswith(("ed", "en", "wn", "t"))
    )


def _word_in(state: SentenceView, tok: Token, allowed: WordSet) -> int:
    """How many words of ``allowed`` end at ``tok`` (0: none; 2 for "artillery shells")."""
    lemmas = state.lemmas(tok)
    found = 0
    if state.own_lemmas(tok) & allowed.words:
        found = 1
    elif state.compound_lemmas(tok) & allowed.words:
        found = 3  # "cease - fire": the hyphenated compound's three tokens
    doc = tok.doc
    for phrase in allowed.phrases:
        if len(phrase) <= found:
            continue
        if phrase[-1] not in lemmas:
            continue
        start = tok.i - len(phrase) + 1
        if start < state.span.start:
            continue
        if all(
            phrase[k] == doc[start + k].lower_ or phrase[k] in state.lemmas(doc[start + k])
            for k in range(len(phrase) - 1)
        ):
            found = len(phrase)
    return found


# ---------------------------------------------------------------- nouns


def match_noun(state: SentenceView, p: Pattern, tok: Token) -> Trigger | None:
    tokens = [tok.i]
    doc = tok.doc
    base = tok.i  # modifiers stand before the noun, or before a split compound ("troop build-up")
    if p.modifiers and p.key in state.compound_lemmas(tok):
        base = compound_start(tok, state.span.start) or tok.i
    for k, word in enumerate(reversed(p.modifiers), start=1):
        j = base - k
        if j < state.span.start or not (doc[j].lower_ == word or word in state.lemmas(doc[j])):
            return None
        tokens.append(j)
    bonus = 0
    if p.light is not None:
        light = _light_verb(state, tok, p.light)
        if light is None:
            return None
        tokens.append(light.i)
        if "joint" in p.flags:
            if not _joint(state, light):
                return None
            bonus += JOINT_BONUS
    if p.obj is not None:  # a noun's "object": the of-phrase ("delivery of weapons")
        got = _find_prep(state, tok, (PrepReq("of", p.obj),), tok.i)
        if got is None:
            return None
        tokens.extend(got)
        bonus += len(got) - 2
    if p.preps:
        got = _find_prep(state, tok, p.preps, tok.i)
        if got is None:
            return None
        tokens.extend(got)
        bonus += max(len(got) - 2, 0)
    return _trigger(p, tok.i, tokens, bonus=bonus)


def _light_verb(state: SentenceView, noun: Token, allowed: frozenset[str]) -> Token | None:
    """The verb that carries ``noun`` ("*held* talks", "*travelled* ... for a state visit")."""
    if state.parsed:
        t = noun
        while t.dep_ == "conj" and t.head is not t:
            t = t.head
        gov = t.head
        if t.dep_ == "pobj" and gov.head is not gov:
            gov = gov.head
        if gov is not t and state.lemmas(gov) & allowed:
            return gov
    for t in state.before(noun.i, LIGHT_WINDOW):
        if state.lemmas(t) & allowed:
            return t
    return None


def _trigger(
    p: Pattern, head: int, tokens: list[int], target_head: int | None = None, bonus: int = 0
) -> Trigger:
    return Trigger(
        code=p.code,
        head=head,
        tokens=tuple(sorted(set(tokens))),
        rule=p.rule,
        target_preps=p.target_preps,
        object_target=p.object_target,
        reciprocal=p.reciprocal,
        noun=p.noun,
        specificity=p.specificity + bonus,
        requires_target=p.requires_target,
        flags=p.flags,
        target_head=target_head,
    )
