"""Place mentions: found in the gazetteer, told from actors, resolved with the story's context.

A mention is the longest run of tokens the gazetteer knows ("the eastern Donetsk region" →
"Donetsk region"), capitalised, and not part of a longer name ("Kim Jong Un", "Paris
Saint-Germain"). It is a *location* only when a locative preposition governs it ("in", "near",
"towards the rail hub of ..."); a capital used as an actor ("Moscow threatened") or a possessive
("Russia's war") is not. Ambiguous names take the candidate in a country the story already
mentions, with population as the prior.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.attrs import IDX, IS_PUNCT, LENGTH, SENT_START
from spacy.tokens import Doc, Token

from dyad.model import Place
from dyad.wwh.dates import MONTHS, WEEKDAYS
from dyad.wwh.gazetteer import KIND_RANK, GazEntry, Gazetteer, common_words, normalise

LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "towards", "toward", "inside", "across", "around", "within",
     "throughout", "into", "off", "along", "through", "over", "nearby", "beyond"}
)  # fmt: skip
DIRECTIONAL = frozenset(
    {"to", "from"}
)  # a destination or origin: used when nothing is more locative
# "to"/"from" locate an event only after a verb or noun of movement ("travelled to", "a visit to"),
# not after other nouns ("rail links to South Korea", "a threat to Taiwan").
MOVEMENT = frozenset(
    [
        "travel",
        "travels",
        "go",
        "goes",
        "went",
        "come",
        "comes",
        "came",
        "fly",
        "flies",
        "flew",
        "return",
        "returns",
        "head",
        "heads",
        "sail",
        "sails",
        "trip",
        "trips",
        "visit",
        "visits",
        "journey",
        "journeys",
        "flight",
        "flights",
        "move",
        "moves",
        "deploy",
        "deploys",
        "arrive",
        "arrives",
        "march",
        "marches",
        "drive",
        "drives",
        "driven",
        "flee",
        "flees",
        "fled",
    ]
)
LOCATIVE_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "region",
        "province",
        "district",
        "hub",
        "outskirts",
        "suburbs",
        "suburb",
        "capital",
        "port",
        "area",
        "centre",
        "center",
        "heart",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "edge",
        "streets",
        "county",
        "state",
        "oblast",
        "governorate",
        "frontline",
        "coast",
        "border",
        "borders",
        "island",
        "islands",
        "outside",
        "parts",
        "part",
        "rest",
        "countryside",
    ]
)
DIRECTIONS = frozenset(
    [
        "eastern",
        "western",
        "northern",
        "southern",
        "central",
        "north",
        "south",
        "east",
        "west",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north-eastern",
        "north-western",
        "south-eastern",
        "south-western",
    ]
)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl"})
_NOT_PLACES = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"may", "march"}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A gazetteer name in the text with how the sentence uses it."""

    start: int  # token indices
    end: int
    text: str
    char_start: int
    char_end: int
    candidates: tuple[tuple[GazEntry, bool], ...]
    prep: str | None
    possessive: bool
    subject: bool
    # the candidates of a place right after a comma ("Springfield, Ohio"; "Kingston, Jamaica")
    qualifier: tuple[tuple[GazEntry, bool], ...] = ()


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class _Tokens:
    """Token texts, punctuation and sentence starts as lists (making Token objects is slow)."""

    texts: list[str]
    punct: list[bool]
    starts: list[bool]  # a sentence (or a quote, a bracket, a line) starts here


_OPENERS = frozenset({".", "!", "?", '"', "“", "(", "‘"})
_ACRONYM_PLACES = frozenset({"US", "UK", "DRC", "USA", "UAE"})


def token_texts(doc: Doc, text: str) -> _Tokens:
    """The document's tokens as lists, read from spaCy's arrays."""
    if not len(doc):
        return _Tokens([], [], [])
    rows = doc.to_array([IDX, LENGTH, IS_PUNCT, SENT_START]).tolist()
    texts = [text[i : i + n] for i, n, _, _ in rows]
    starts = [
        k == 0 or s == 1 or texts[k - 1] in _OPENERS or "\n" in texts[k - 1]
        for k, (_, _, _, s) in enumerate(rows)
    ]
    return _Tokens(texts, [bool(p) for _, _, p, _ in rows], starts)


def find_mentions(doc: Doc, gaz: Gazetteer, text: str | None = None) -> list[PlaceMention]:
    """Every place name in ``doc`` the gazetteer knows (longest match, left to right)."""
    out: list[PlaceMention] = []
    tokens = token_texts(doc, doc.text if text is None else text)
    texts = tokens.texts
    n = len(doc)
    # a name starts with a capital or a direction ("eastern Ukraine"); skip every other token fast
    starts = [i for i, t in enumerate(texts) if t[:1].isupper() or t in DIRECTIONS]
    after = 0  # the token after the last mention: mentions do not overlap
    for i in starts:
        if i < after:
            continue
        match = _longest(gaz, tokens, i)
        if match is None:
            continue
        size, found = match
        first, last = doc[i], doc[i + size - 1]
        nxt = doc[i + size] if i + size < n else None
        out.append(
            PlaceMention(
                i, i + size, doc[i : i + size].text, first.idx, last.idx + len(last.text), found,
                _preposition(doc, i), nxt is not None and nxt.lower_ in _POSSESSIVE,
                last.dep_ in SUBJECT_DEPS or first.dep_ in SUBJECT_DEPS,
            )
        )  # fmt: skip
        after = i + size
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if b.start == a.end + 1 and texts[a.end] == ",":
            out[k] = dataclasses.replace(a, qualifier=b.candidates)
    return out


def _longest(
    gaz: Gazetteer, tokens: _Tokens, i: int
) -> tuple[int, tuple[tuple[GazEntry, bool], ...]] | None:
    """The longest acceptable gazetteer name starting at token ``i``: (tokens, candidates)."""
    texts, punct = tokens.texts, tokens.punct
    text = texts[i]
    if not (text[:1].isupper() or text.lower() in DIRECTIONS):
        return None
    first = normalise(text)
    limit = gaz.first_words.get(first, 0)
    if not limit or first == "the":
        return None
    words = [first]
    keys = [(1, first)]
    j = i + 1
    while j < len(texts) and len(words) < limit:
        if texts[j] in ("-", "'", "’"):  # inside "Rostov-on-Don", "Côte d'Ivoire"
            j += 1
            continue
        if punct[j] or not texts[j].strip():
            break
        word = normalise(texts[j])
        if word:
            words.append(word)
            keys.append((j - i + 1, " ".join(words)))
        j += 1
    for size, key in reversed(keys):
        found = gaz.candidates(key)
        if found and _acceptable(tokens, i, i + size):
            return size, found
    return None


def _acceptable(tokens: _Tokens, start: int, end: int) -> bool:
    texts, starts = tokens.texts, tokens.starts
    first = texts[start]
    low = first.lower()
    if not any(texts[k][:1].isupper() for k in range(start, end)):
        return False
    if not first[:1].isupper() and low not in DIRECTIONS:
        return False
    if end - start == 1 and (low in _NOT_PLACES or (low in common_words() and starts[start])):
        return False
    if end - start == 1 and first.isupper() and len(first) <= 3 and first not in _ACRONYM_PLACES:
        return False  # acronyms are organisations far more often than places
    if end < len(texts):
        nxt = texts[end]
        if nxt[:1].isupper() and not tokens.punct[end] and not starts[end]:
            return False  # part of a longer name
    if start == 0:
        return True
    prev = texts[start - 1]
    # a capitalised word before it makes it part of a name ("President Kim"), bar a few
    return (
        not prev[:1].isupper()
        or starts[start - 1]
        or prev.lower() in DIRECTIONS
        or prev.lower() in ("the", "in", "at", "on", "near", "from", "to")
        or tokens.punct[start - 1]
    )


def _preposition(doc: Doc, start: int) -> str | None:
    """The preposition that governs a mention, looking back over articles, adjectives and "X of"."""
    j = start - 1
    skipped = 0
    while j >= 0 and skipped <= 6:
        tok = doc[j]
        low = tok.lower_
        if low in DIRECTIONAL:
            return low if _after_movement(doc, j) else "of"
        if low in LOCATIVE or low in (
            "on",
            "against",
            "for",
            "with",
            "by",
            "about",
            "like",
            "than",
        ):
            return low
        if low == "of":
            before = doc[j - 1].lower_ if j > 0 else ""
            if before in DIRECTIONS:
                return "near"
            if before not in LOCATIVE_NOUNS:
                return "of"
        elif tok.is_punct or (_capitalised(tok) and low != "the" and low not in DIRECTIONS):
            return None
        j -= 1
        skipped += 1
    return None


def _after_movement(doc: Doc, j: int) -> bool:
    if j == 0:
        return False
    prev = doc[j - 1]
    if doc.has_annotation("POS") and prev.pos_:
        return prev.pos_ in ("VERB", "AUX") or prev.lower_ in MOVEMENT
    return prev.lower_ in MOVEMENT or (prev.lower_.endswith("ed") and len(prev.text) > 3)


Context = Mapping[
    str, frozenset[int]
]  # country -> the mentions (token starts) naming it; -1: actors


def context_countries(mentions: Iterable[PlaceMention], actor_countries: Iterable[str]) -> Context:
    """Countries the story is about: its actors' and its places' (countries, regions, cities)."""
    out: dict[str, set[int]] = {c: {-1} for c in actor_countries if c}
    for m in mentions:
        entry = resolve(m, {})
        own = any(e is entry and primary for e, primary in m.candidates)
        # a big city by its own name counts; "Hamas" (an old name of Hamm) does not
        if entry.country and (entry.kind != "city" or (own and entry.population >= 100_000)):
            out.setdefault(entry.country, set()).add(m.start)
    return {c: frozenset(v) for c, v in out.items()}


def resolve(
    mention: PlaceMention, context: Context, near: frozenset[str] = frozenset()
) -> GazEntry:
    """The likeliest place for a mention: population prior, own names, the story's other places."""

    def score(item: tuple[GazEntry, bool]) -> float:
        entry, primary = item
        base = math.log10(entry.population + 10) if entry.population else 6.0
        others = context.get(entry.country, frozenset()) - {mention.start}
        return (
            base
            + (2.0 if primary else 0.0)
            + (1.5 if others else 0.0)
            + (1.0 if entry.country in near else 0.0)
            + (4.0 if any(_contains(q, entry) for q, _ in mention.qualifier) else 0.0)
        )

    return max(mention.candidates, key=score)[0]


def _contains(outer: GazEntry, inner: GazEntry) -> bool:
    """Whether ``outer`` (a country or first-level region) holds ``inner``."""
    if outer.kind == "country":
        return outer.country == inner.country
    return outer.kind == "region" and inner.admin1 == outer.name and inner.country == outer.country


def to_place(entry: GazEntry, admin1: str | None = None) -> Place:
    return Place(
        entry.name, entry.country, entry.admin1 or admin1, entry.lat, entry.lon, entry.geonames_id
    )


def choose_location(
    mentions: list[PlaceMention],
    clause_tokens: frozenset[int],
    trigger: int,
    context: Context,
) -> tuple[PlaceMention, Place] | None:
    """The event's location: the most specific locative place in its clause, nearest the trigger."""
    inside = [
        m for m in mentions if m.start in clause_tokens and not m.possessive and not m.subject
    ]
    if not inside:
        return None
    near = frozenset(e.country for m in inside for e, _ in m.candidates if len(m.candidates) == 1)
    resolved = [(m, resolve(m, context, near)) for m in inside]
    usable = [(m, e) for m, e in resolved if m.prep in LOCATIVE or m.prep in DIRECTIONAL]
    if not usable:
        return None

    def rank(item: tuple[PlaceMention, GazEntry]) -> tuple[int, int, int]:
        m, e = item
        # a sea or a cross-border area (no country) is the least specific of all
        specific = KIND_RANK.get(e.kind, 0) if e.country else -1
        return (1 if m.prep in LOCATIVE else 0, specific, -abs(m.start - trigger))

    best, entry = max(usable, key=rank)
    admin1 = None
    if entry.kind == "city" and entry.admin1 is None:
        admin1 = next(
            (e.name for _, e in resolved if e.kind == "region" and e.country == entry.country), None
        )
    return best, to_place(entry, admin1)
