"""Places that act or are acted on, and actors whose country the sentence tells only by a place.

The coder keeps a name it cannot resolve as an actor with code ``---``. When that name is a place
the gazetteer knows, the actor becomes the place's country (CAMEO codes a city by its country),
with the place's name in ``Actor.name``: "Russian forces shelled *Kharkiv*" targets Ukraine.

An agent with no country (``---REB``, ``---COP``) takes the country of where it is, as CAMEO and
ICEWS coders do ("Unidentified gunmen (Iraq)"), from the first of:

1. a place name modifying it: "*Darfur* rebels", "*Kandahar's* police chief";
2. a place after it: "police *in Karachi*", "the government *of Sindh province*";
3. the event's own location, when it is where the actor is: "Militants attacked a checkpoint
   *near Mosul*" (not a destination: "refugees fled *to Chad*"; not a visit or a withdrawal).

An ethnic community ("ethnic Albanians", "the Albanians of southern Serbia") is coded as civilians
of the country where it lives, by the same three rules, rather than as the demonym's nation.
The actor keeps its own text span; the country always comes from a place named in the text,
except for settlers, who take the state they settle for: "settlers in Hebron" are Israeli.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS

from dyad.actors.codes import settler_code
from dyad.actors.dictionary import default_dictionary, peoples
from dyad.actors.mentions import FILLERS
from dyad.coding.place_target import target_from_place
from dyad.model import Actor, Event, TextSpan
from dyad.nlp.names import WEEKDAYS_MONTHS
from dyad.wwh.gazetteer import GazEntry, Gazetteer, common_words, load


def place_country(text: str, gaz: Gazetteer | None = None) -> GazEntry | None:
    """The place a name denotes when that is clear: one country among the places with this very
    name, or one place that dwarfs the others (five times the population)."""
    g = gaz or load()
    own = [e for e, is_own in g.lookup(text) if is_own and e.country]
    if not own:
        return None
    if len({e.country for e in own}) == 1:
        return max(own, key=lambda e: e.population)
    ranked = sorted(own, key=lambda e: -e.population)
    if ranked[0].population >= 5 * max(1, ranked[1].population):
        return ranked[0]
    return None


# "police in Karachi", "the government of Sindh province": an agent with no country, then a
# place; the trailing kind word ("province") may or may not be part of the gazetteer's name
_COMPASS = r"(?:(?:north|south|east|west)(?:ern)?|central|(?:north|south)(?:east|west)(?:ern)?)"
_PLACE_AFTER = re.compile(
    rf"\s+(?:of|in|from)\s+(?:the\s+)?(?:{_COMPASS}\s+)?"
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)"
    r"(?:\s+(?:province|region|state|district|city|county|governorate|oblast))?"
)
# "the Albanians of southern Serbia": a people "of" a place, a compass word allowed before it
_PLACE_OF = re.compile(
    rf"\s+of\s+(?:the\s+)?(?:{_COMPASS}\s+)?"
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)"
)
# "ethnic Albanians [killed] in a gunbattle in southeastern Serbia": the first place "in" the
# rest of the clause (no full stop or semicolon before it)
_PLACE_NEAR = re.compile(
    rf"[^.;]{{0,60}}?\bin\s+(?:the\s+)?(?:{_COMPASS}\s+)?"
    r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
)
PLACE_FORMS = frozenset({"country", "capital", "adj", "demonym"})
_POSSESSIVE = re.compile(r"['’]s?$")
# words that make an actor a visitor where the event happens: "foreign fighters", "tourists"
FOREIGN = frozenset(
    {"foreign", "international", "overseas", "expatriate", "expatriates", "expat", "expats",
     "tourist", "tourists", "visiting", "exiled", "diaspora"}
)  # fmt: skip
# events whose location is somewhere the actor travels to or leaves, or strikes from afar: visits
# (042, 043), meetings at a third place (044), retreats and withdrawals (0874), air strikes and
# rockets (195)
AWAY_CODES = ("042", "043", "044", "0874", "195")
# a location after these words is a destination: "fled to Chad", "crossed into Turkey"
DESTINATION = frozenset({"to", "into", "towards", "toward", "onto"})


@dataclasses.dataclass(frozen=True, slots=True)
class _Context:
    """What the rules may look at besides the actor: the text and the event's location."""

    gaz: Gazetteer
    text: str | None = None
    event: Event | None = None
    other: Actor | None = None  # the event's other actor


Rule = Callable[[Actor, _Context], str | None]  # the country a rule finds


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _resolve(actor: Actor | None, ctx: _Context) -> tuple[Actor | None, Rule | None]:
    """The actor with the country a place gives it, and the rule that found it (None: the actor
    as it was, or the actor is a place name itself)."""
    if actor is None or actor.igo:
        return actor, None
    if actor.code == "---":  # the name itself is a place: "shelled Kharkiv"
        if actor.text.islower():
            return actor, None  # "President obama": a lower-case word is no place ("al-Bab" is)
        entry = place_country(actor.text, ctx.gaz)
        if entry is None:
            return actor, None
        place = dataclasses.replace(
            actor, code=entry.country, country=entry.country, name=entry.name
        )
        return place, None
    if actor.name in default_dictionary().names:
        return actor, None  # a known name ("Islamic State", "bin Laden") keeps its own code
    if actor.code.startswith("---") and not actor.country:
        country, rule = _where(actor, ctx, (_place_before, _place_after, _event_place))
        if country is None:
            return actor, None
        if actor.sector == "SET":  # settlers near Hebron are Israeli settlers
            country = settler_code(country)[:3]
        return dataclasses.replace(actor, code=country + actor.code[3:], country=country), rule
    if _community(actor, ctx):  # "ethnic Albanians", "the Albanians of southern Serbia"
        country, rule = _where(actor, ctx, (_place_before, _place_of, _place_near, _event_place))
        if country is None:
            return actor, None
        community = dataclasses.replace(actor, code=country + "CVL", country=country, sector="CVL")
        return community, rule
    return actor, None


def _where(actor: Actor, ctx: _Context, rules: tuple[Rule, ...]) -> tuple[str | None, Rule | None]:
    """The country the first rule that applies finds for ``actor``, and that rule."""
    for rule in rules:
        country = rule(actor, ctx)
        if country:
            return country, rule
    return None, None


def _spans_text(actor: Actor, text: str | None) -> bool:
    return text is not None and text[actor.start : actor.end] == actor.text


def _place_before(actor: Actor, ctx: _Context) -> str | None:
    """A capitalised place name right before the agent or opening its mention: "Darfur rebels",
    "Kandahar's police", "Gaza riot police" (all of the capitalised run must be the place)."""
    text = ctx.text
    if text is None or not _spans_text(actor, text):
        return None
    # the capitalised words opening the mention, before its head, and those right before it
    # unless a lower-case word of the mention comes between ("Gaza riot police")
    ahead = actor.text.split()[:-1]
    inside = list(itertools.takewhile(_capitalised, ahead))
    words = inside if 0 < len(inside) < len(ahead) else _run_before(text, actor.start) + inside
    # leading weekdays, articles and prepositions are no part of the name: "On Tuesday Gaza"
    while words and (words[0].lower() in STOP_WORDS or words[0].lower() in WEEKDAYS_MONTHS):
        words = words[1:]
    if not words:
        return None
    name = " ".join(words)
    low = name.lower()
    if low in peoples() or (len(words) == 1 and (low in common_words() or low in STOP_WORDS)):
        return None
    if any(f.kind not in PLACE_FORMS for f in default_dictionary().forms.get(low, ())):
        return None  # an actor word or name of its own ("Police", "Hamas"), not a place
    entry = place_country(name, ctx.gaz)
    return entry.country if entry else None


def _run_before(text: str, start: int) -> list[str]:
    """The capitalised words (at most four) ending right before ``start``, a possessive dropped
    and one filler word skipped: "Gaza's", "Kabul riot"."""
    words = text[max(0, start - 80) : start].split(" ")
    if not words or words[-1] != "":
        return []  # glued to the actor ("pro-government militia")
    words = words[:-1]
    if words and words[-1].lower() in FILLERS:
        words = words[:-1]
    run: list[str] = []
    for w in reversed(words):
        # a full stop ends the run: "... in Kabul. Police said" is no "Kabul police"
        if len(run) == 4 or not _capitalised(w) or not re.fullmatch(r"[\w'’-]+", w):
            break
        run.insert(0, w)
    if run:
        run[-1] = _POSSESSIVE.sub("", run[-1]) or run[-1]
    return run


def _place_after(actor: Actor, ctx: _Context) -> str | None:
    """The place named right after an agent: "police *in Karachi*", "the government *of Sindh
    province*" (a known country or capital there is the actor dictionaries' business)."""
    return _country_following(actor, ctx, _PLACE_AFTER)


def _place_of(actor: Actor, ctx: _Context) -> str | None:
    """The place a people is "of": "Albanians *of southern Serbia*"."""
    return _country_following(actor, ctx, _PLACE_OF)


def _place_near(actor: Actor, ctx: _Context) -> str | None:
    """For an ethnic community: the first place named "in" the rest of its clause."""
    return _country_following(actor, ctx, _PLACE_NEAR, trim=True)


def _country_following(
    actor: Actor, ctx: _Context, pattern: re.Pattern[str], trim: bool = False
) -> str | None:
    """The country of the place ``pattern`` finds right after the actor in the text; with
    ``trim``, trailing punctuation and weekday or month words are cut ("in Serbia Friday")."""
    if ctx.text is None or not _spans_text(actor, ctx.text):
        return None
    m = pattern.match(ctx.text, actor.end)
    if m is None:
        return None
    name = m.group(1)
    if trim:
        words = name.rstrip(".,'’").split()
        while words and words[-1].lower() in WEEKDAYS_MONTHS:
            words.pop()
        name = " ".join(words)
    entry = place_country(name, ctx.gaz) if name else None
    return entry.country if entry else None


def _event_place(actor: Actor, ctx: _Context) -> str | None:
    """The event's location, when the actor is there: not a destination, a visit or a retreat,
    not the other actor's own country ("militants fired rockets at Israel"), not for visitors."""
    event, text = ctx.event, ctx.text
    if text is None or event is None or event.location is None:
        return None
    span = event.evidence.location
    if span is None or event.cameo.startswith(AWAY_CODES) or not event.location.country:
        return None
    if any(w in DESTINATION for w in _words(text[max(0, span.start - 40) : span.start])[-3:]):
        return None
    before = _words(text[max(0, actor.start - 40) : actor.start])[-2:]
    if any(w in FOREIGN for w in (*before, *_words(actor.text))):
        return None
    if _overlaps(ctx.other, span) and ctx.other is not None and ctx.other.code == ctx.other.country:
        return None  # the place is the other side itself, a country across a border
    if _overlaps(actor, span):
        return None
    return event.location.country


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _overlaps(actor: Actor | None, span: TextSpan) -> bool:
    return actor is not None and actor.start < span.end and span.start < actor.end


def _community(actor: Actor, ctx: _Context) -> bool:
    """A people living somewhere rather than its nation: "ethnic Albanians", or a demonym
    followed by "of <place>" ("the Albanians of southern Serbia")."""
    text = ctx.text
    if text is None or not actor.country or actor.code != actor.country:
        return False
    if not _spans_text(actor, text):
        return False
    forms = default_dictionary().forms.get(actor.text.lower(), [])
    if not any(f.kind == "demonym" for f in forms):
        return False
    before = text[max(0, actor.start - 20) : actor.start].lower().split()
    return bool(before and before[-1] == "ethnic") or _place_of(actor, ctx) is not None


def resolve_place_actors(events: list[Event], text: str | None = None) -> list[Event]:
    """Events whose actors without a country are given the country of a place the text names.

    Args:
        events: coded events, with ``location`` and ``evidence.location`` when the wwh attach
            step found them.
        text: the document text; without it only actors that are place names are resolved.
    Returns:
        The events, with new actors where a place told their country (``dataclasses.replace``).
    """
    if not any(
        a is not None and (a.code.startswith("---") or a.code == a.country)
        for e in events
        for a in (e.source, e.target)
    ):
        return events
    gaz = load()
    out = []
    for e in events:
        src, src_rule = _resolve(e.source, _Context(gaz, text, e, e.target))
        tgt, _ = _resolve(e.target, _Context(gaz, text, e, e.source))
        if src is e.source and tgt is e.target:
            out.append(e)
            continue
        if (
            src is not None
            and tgt is not None
            and src.code == tgt.code
            and "---" in (e.source and e.source.code, e.target and e.target.code)
        ):
            out.append(e)  # "Kyiv shelled Kharkiv" is not Ukraine acting on itself
            continue
        if src_rule is _event_place and tgt is None:
            # the place stays the target it would have been: "gunmen attacked [Mosul]" and
            # "[Iraqi] gunmen attacked [Mosul]" both name Iraq on each side
            e = target_from_place(e)
            tgt = e.target
        out.append(dataclasses.replace(e, source=src, target=tgt))
    return out
