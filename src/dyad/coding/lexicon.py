"""The verb and noun lexicon and its matcher: which words in a sentence trigger which CAMEO code.

:meth:`Lexicon.find_triggers` works on a dependency parse (UD or ClearNLP labels) and, when the
pipeline has none (``spacy.blank("en")``), on plain tokens with dyad's own inflection handling
and short windows after the verb. Patterns and their format: ``docs/lexicon.md``.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Span, Token

from dyad.coding.inflect import IRREGULAR, candidates
from dyad.coding.match import (
    DEMONYM_ENDINGS,
    SentenceView,
    can_be,
    compound_start,
    match_noun,
    match_verb,
)
from dyad.coding.moods import MoodVerb, derive, read_moods
from dyad.coding.patterns import NO_EVENT, Pattern, read_classes, read_patterns
from dyad.coding.types import Trigger
from dyad.errors import DictionaryError

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_PATTERNS: tuple[Path, ...] = (
    DATA_DIR / "verbs.txt",
    DATA_DIR / "nouns.txt",
    DATA_DIR / "moods.txt",
    DATA_DIR / "statements.txt",
)
DEFAULT_CLASSES: tuple[Path, ...] = (DATA_DIR / "classes.txt",)
# Irregular past tenses that are never participles ("withdrew", "gave", "stole"): a verb whatever
# the tagger says.
PAST_ONLY: frozenset[str] = frozenset(
    k
    for k, v in IRREGULAR.items()
    if k != v
    and v != "be"
    and not k.endswith("n")
    and any(k2 != k and v2 == v and k2.endswith("n") for k2, v2 in IRREGULAR.items())
)


class Lexicon:
    """Compiled verb and noun patterns, indexed by their key lemma."""

    def __init__(self, patterns: Sequence[Pattern], moods: Sequence[MoodVerb] = ()) -> None:
        self.patterns: tuple[Pattern, ...] = tuple(patterns)
        self.moods: tuple[MoodVerb, ...] = tuple(moods)
        self._moods: dict[str, list[MoodVerb]] = {}
        for mv in self.moods:
            self._moods.setdefault(mv.lemma, []).append(mv)
        self._verbs: dict[str, list[tuple[int, Pattern]]] = {}
        self._nouns: dict[str, list[tuple[int, Pattern]]] = {}
        for order, p in enumerate(self.patterns):
            index = self._nouns if p.noun else self._verbs
            index.setdefault(p.key, []).append((order, p))

    @classmethod
    def load(
        cls, paths: Sequence[Path] | None = None, classes: Sequence[Path] | None = None
    ) -> Lexicon:
        """Load pattern files (the bundled ``verbs.txt``, ``nouns.txt``, ``moods.txt`` by default).

        Args:
            paths: pattern files; a file whose name starts with ``nouns`` holds noun patterns,
                one starting with ``moods`` mood verbs, any other verb patterns. ``None`` loads
                the bundled lexicon once and caches it.
            classes: word-class files; ``None`` uses the bundled ``classes.txt``.
        Raises:
            DictionaryError: listing every bad entry of every file as ``file:line: message``.
        """
        if paths is None and classes is None:
            return _default()
        return _build(
            DEFAULT_PATTERNS if paths is None else paths,
            DEFAULT_CLASSES if classes is None else classes,
        )

    @classmethod
    def from_petrarch(cls, path: str | Path) -> Lexicon:
        """A lexicon of the verb patterns of a PETRARCH verb dictionary (``CAMEO.2.0.txt``).

        A user option, not the default: dyad's own noun patterns and mood verbs are not included;
        see :mod:`dyad.coding.petrarch` for what of the format is understood.
        Raises:
            DictionaryError: for an unreadable file or one without verb blocks.
        """
        from dyad.coding.petrarch import read_petrarch

        return cls(read_petrarch(path))

    @property
    def codes(self) -> frozenset[str]:
        """Every CAMEO code some pattern produces."""
        return frozenset(p.code for p in self.patterns if p.code != NO_EVENT)

    def find_triggers(self, sent: Span, usable: bool | None = None) -> list[Trigger]:
        """Every pattern that matches in ``sent``; ``usable`` is :func:`parse_usable` of it when
        the caller has judged that already.

        Returns:
            Triggers grouped by head token in sentence order, the most specific first within a
            head (a pattern's constraints are hard: a pattern whose object or preposition is
            missing does not fire). A trigger whose head is part of a more specific trigger
            ("providing" inside "consider providing weapons") is dropped, as are repeats of a
            code on the same head. The coder takes, per head, the first trigger whose
            requirements (``requires_target``) it can meet.
        """
        doc = sent.doc
        if usable is None:
            usable = parse_usable(sent, self)  # a verbless parse is read like untagged text
        # a parse that took the verb for an adjective ("rebels freed prisoners") is read without
        # it, but with the tags, that verb read as a verb
        misread = frozenset() if usable else misread_verbs(sent, self)
        state = SentenceView(
            span=sent,
            parsed=usable and doc.has_annotation("DEP"),
            tagged=(usable or bool(misread)) and doc.has_annotation("POS"),
            lemmatized=(usable or bool(misread)) and doc.has_annotation("LEMMA"),
            verbs=misread,
        )
        found: list[tuple[int, Trigger]] = []
        for tok in sent:
            if tok.is_punct or tok.is_space:
                continue
            # a split hyphenated word is read whole first ("test-fired" is a test, not firing);
            # its last part only when the compound matched nothing ("re-imposed sanctions")
            first = compound_start(tok, sent.start)
            whole = self._match_token(state, tok, state.compound_lemmas(tok), first)
            found.extend(whole or self._match_token(state, tok, state.lemmas(tok), None))
        # an idiom pattern with code "none" ("free up", "armed forces") silences its whole head
        silenced = {t.head for _, t in found if t.code == NO_EVENT}
        found = [(o, t) for o, t in found if t.head not in silenced]
        ranked = _rank([*found, *derive(state, self._moods, found)])
        return _drop_restated(state, ranked)

    def _match_token(
        self, state: SentenceView, tok: Token, lemmas: frozenset[str], first: int | None
    ) -> list[tuple[int, Trigger]]:
        """Triggers headed by ``tok`` read as one of ``lemmas`` (``first``: a compound's start)."""
        found: list[tuple[int, Trigger]] = []
        for lemma in lemmas:
            for order, p in self._verbs.get(lemma, ()):
                if can_be(state, tok, noun=False):
                    trig = match_verb(state, p, tok)
                    if trig is not None:
                        found.append((order, _with_compound(trig, first)))
            for order, p in self._nouns.get(lemma, ()):
                # a compound noun's last part is often tagged as a particle ("sit-in")
                if can_be(state, tok, noun=True) or (first is not None and tok.pos_ != "VERB"):
                    trig = match_noun(state, p, tok)
                    if trig is not None:
                        found.append((order, _with_compound(trig, first)))
        return found


@functools.cache
def _default() -> Lexicon:
    lex = _build(DEFAULT_PATTERNS, DEFAULT_CLASSES)
    log.debug("loaded %d lexicon patterns, %d mood verbs", len(lex.patterns), len(lex.moods))
    return lex


def _build(paths: Sequence[Path], classes: Sequence[Path]) -> Lexicon:
    """Read every file, reporting the problems of all of them together."""
    problems: list[str] = []
    word_classes: dict[str, tuple[str, ...]] = {}
    patterns: list[Pattern] = []
    moods: list[MoodVerb] = []
    mood_files = [p for p in paths if p.name.startswith("moods")]
    try:
        word_classes = read_classes(classes)
    except DictionaryError as exc:
        problems.extend(exc.problems)
    for read in (
        lambda: patterns.extend(
            read_patterns([p for p in paths if p not in mood_files], word_classes)
        ),
        lambda: moods.extend(read_moods(mood_files)),
    ):
        try:
            read()
        except DictionaryError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DictionaryError(problems)
    return Lexicon(patterns, moods)


def _with_compound(trig: Trigger, first: int | None) -> Trigger:
    """The trigger with the leading words of its hyphenated head ("cease - fire") as evidence."""
    if first is None:
        return trig
    tokens = tuple(sorted({*trig.tokens, *range(first, trig.head)}))
    return dataclasses.replace(trig, tokens=tokens)


def parse_usable(sent: Span, lexicon: Lexicon | None = None) -> bool:
    """Whether a sentence's tags and parse can be trusted for coding: not when the tagger found no
    verb in a sentence of three words or more and took a lexicon verb in the third person for a
    noun. Headlines in the present tense ("Japan lifts sanctions on Iran", "Turkey bombs Kurdish
    positions") get no clause at all; the rule reading (as without a parser) codes them. Nor
    when the parse took a past-tense verb for an adjective (:func:`misread_verbs`)."""
    if not sent.doc.has_annotation("POS"):
        return True
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if len(words) < 3:
        return True
    if misread_verbs(sent, lexicon):
        return False
    # the participle of a hyphenated modifier ("the US-led war") is no clause of its own
    if any(t.pos_ in {"VERB", "AUX"} and not _hyphen_participle(t) for t in words):
        return True
    verbs = (lexicon or Lexicon.load())._verbs
    return not any(
        t.pos_ in {"NOUN", "ADJ", "PROPN"} and any(s in verbs for s in _third_person(t.lower_))
        for t in words[1:]
    )


def _hyphen_participle(tok: Token) -> bool:
    """The participle ending a hyphenated modifier: "US-*led*", "Iran-*backed*"."""
    return tok.dep_ in {"amod", "compound"} and tok.i > 0 and tok.doc[tok.i - 1].text == "-"


def misread_verbs(sent: Span, lexicon: Lexicon | None = None) -> frozenset[int]:
    """Past-tense verbs a parse without a main verb took for modifiers of their object:
    "rebels *freed* prisoners", "the UN chief *withdrew* peacekeepers", "US *suspended* food
    supplies" parsed as noun phrases ("freed prisoners").

    Only when the root is a noun or adjective with no copula; the word is a lexicon verb in a
    past-tense form, tagged noun or adjective, right after a noun or a name (the subject's last
    word); after an adjective only a form that is never a participle ("withdrew", not "armed":
    "the largest armed groups"), after a nationality never ("Israeli occupied territories").
    """
    if not sent.doc.has_annotation("DEP") or not sent.doc.has_annotation("POS"):
        return frozenset()
    root = sent.root
    if root.pos_ in {"VERB", "AUX"} or any(c.dep_ == "cop" for c in root.children):
        return frozenset()
    verbs = (lexicon or Lexicon.load())._verbs
    found: set[int] = set()
    for t in sent[1:]:
        past_only = t.lower_ in PAST_ONLY
        if t.pos_ not in {"NOUN", "ADJ", "PROPN"} or not (t.lower_.endswith("ed") or past_only):
            continue
        if t.text[:1].isupper() or not any(c in verbs for c in candidates(t.text)):
            continue
        prev = t.doc[t.i - 1]
        name = prev.text[:1].isupper()
        if name and prev.lower_.endswith(DEMONYM_ENDINGS):
            continue
        if prev.pos_ in {"NOUN", "PROPN"} or (prev.pos_ == "ADJ" and (past_only or name)):
            found.add(t.i)
    return frozenset(found)


def _third_person(word: str) -> tuple[str, ...]:
    """The base forms a third-person verb form may have: lifts → lift, bans → ban (not banned:
    the doubled consonant is only for -ed), pushes → push, carries → carry."""
    if not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return ()
    forms = [word[:-1]]
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    return tuple(forms)


def _rank(found: list[tuple[int, Trigger]]) -> list[Trigger]:
    """Drop repeats and subsumed triggers; order by head, specificity, file order."""
    best: dict[tuple[int, str], tuple[int, Trigger]] = {}
    for order, t in found:
        key = (t.head, t.code)
        old = best.get(key)
        if old is None or t.specificity > old[1].specificity:
            best[key] = (order, t)
    kept = list(best.values())
    out = [(order, t) for order, t in kept if not any(_subsumes(u, t) for _, u in kept)]
    out.sort(key=lambda ot: (ot[1].head, -ot[1].specificity, ot[0]))
    return [t for _, t in out]


def _drop_restated(state: SentenceView, triggers: list[Trigger]) -> list[Trigger]:
    """Drop an event noun that restates its verb's event: "killed five *in an attack*",
    "wounded in a clash", "pounded positions *with airstrikes*" are one event, the verb's.

    Only with a parse; only when the noun hangs on the verb by a preposition and both triggers
    have the same CAMEO root.
    """
    if not state.parsed:
        return triggers
    doc = state.span.doc
    roots_at: dict[int, set[str]] = {}
    for t in triggers:
        if not t.noun:
            roots_at.setdefault(t.head, set()).add(t.code[:2])
    out = []
    for t in triggers:
        tok = doc[t.head]
        restated = (
            t.noun
            and tok.head is not tok
            and tok.dep_.startswith(("obl", "nmod", "pobj"))
            and t.code[:2] in roots_at.get(_governing_verb(tok).i, set())
        )
        if not restated:
            out.append(t)
    return out


def _governing_verb(noun: Token) -> Token:
    """The word a prepositional noun hangs on (ClearNLP: through its preposition)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.head is not head:
        return head.head
    return head


def _subsumes(u: Trigger, t: Trigger) -> bool:
    """Whether ``u`` covers ``t``: t's head is one of u's words and u is at least as specific.

    When each covers the other ("signed" + "treaty" as a verb and as a light-verb noun), the
    verb-headed trigger wins, then the earlier head.
    """
    if u.head == t.head or t.head not in u.tokens or u.specificity < t.specificity:
        return False
    if u.specificity > t.specificity or u.head not in t.tokens:
        return True
    return (u.noun, u.head) < (t.noun, t.head)
