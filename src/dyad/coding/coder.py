"""The event coder: triggers from the lexicon, roles from the parse, factuality, attribution.

One event per (source, target, code) in a sentence; a statement (01x) only when the sentence has
nothing more specific; reciprocal triggers ("met", "signed a treaty") give both directions.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from dyad.actors.types import Mention
from dyad.coding.cameo import code_info, variant
from dyad.coding.factuality import Reading, attribution, quote_of, read
from dyad.coding.index import acronym
from dyad.coding.lexicon import Lexicon, parse_usable
from dyad.coding.place_target import STATE_SECTORS
from dyad.coding.roles import MentionIndex, Roles, find_roles, has_parse
from dyad.coding.selection import (
    GENERIC_STATEMENTS,
    attributive,
    drop_subsumed,
    elaborated,
    elaborates,
    later_conjunct,
    referenced,
    subordination,
)
from dyad.coding.types import Trigger
from dyad.model import Actor, Event, Evidence, Plover, TextSpan
from dyad.nlp.sentences import sentence_spans

log = logging.getLogger(__name__)

STATEMENT_ROOTS = {"01"}
# confidence lost per level by an event told inside another's clause or phrase (up to two):
# more than a missing target costs, so the sentence's own news ranks first
RANK_STEP = 0.25
# confidence lost by a predicate coordinated after another event ("… and promised to …"):
# the lead predicate is the headline even when a later one names more actors
CONJUNCT_STEP = 0.2
# confidence lost by a coded speech act that reports another asserted event of its sentence
REPORTER_STEP = 0.3
PLURAL_SUBJECTS = {
    "they",
    "both",
    "the two leaders",
    "the two sides",
    "the two countries",
    "the two",
}


def code_doc(doc: Doc, mentions: Sequence[Mention], lexicon: Lexicon | None = None) -> list[Event]:
    """Code every sentence of ``doc`` into events, in text order."""
    lex = lexicon or Lexicon.load()
    lines = _dateline_tokens(doc)
    located = _locate_agents(doc, [m for m in mentions if m.start not in lines])
    index = MentionIndex(doc, located)
    parsed = has_parse(doc)
    events: list[Event] = []
    for si, sent in enumerate(sentence_spans(doc)):
        usable = parse_usable(sent, lex)  # judged once per sentence, for matcher and roles
        events.extend(code_sentence(doc, sent, si, lex, index, parsed and usable, usable))
    return events


DASHES = {"—", "–", "-", "--"}
PLACE_PREPS = {"in", "from", "of"}


def _locate_agents(doc: Doc, mentions: Sequence[Mention]) -> list[Mention]:
    """ "Rebels in the Ivory Coast", "opposition groups in Zimbabwe": an agent with no country
    takes the country it is placed in (CIVREB, ZWEOPP); the phrase becomes one mention."""
    out: list[Mention] = []
    skip: set[int] = set()
    ordered = sorted(mentions, key=lambda m: m.start)
    for k, m in enumerate(ordered):
        if k in skip:
            continue
        a = m.actor
        nxt = ordered[k + 1] if k + 1 < len(ordered) else None
        if (
            nxt is not None
            and m.kind == "agent"
            and a.country is None
            and a.igo is None
            and a.sector
            and nxt.kind in {"country", "capital"}
            and nxt.actor.country
            and m.end < len(doc)
            and doc[m.end].lower_ in PLACE_PREPS
            and nxt.start - m.end <= 3
            and all(t.lower_ in PLACE_PREPS | {"the", "south", "north", "east", "west",
                    "southern", "northern", "eastern", "western", "central"}
                    for t in doc[m.end : nxt.start])
        ):  # fmt: skip
            country = nxt.actor.country
            span = doc[m.start : nxt.end]
            actor = dataclasses.replace(
                a, text=span.text, start=span.start_char, end=span.end_char,
                code=country + a.sector, country=country,
            )  # fmt: skip
            out.append(Mention(m.start, nxt.end, m.head, actor, m.kind))
            skip.add(k + 1)
            continue
        out.append(m)
    return out


def _dateline_tokens(doc: Doc) -> set[int]:
    """Tokens of wire datelines ("SEOUL, Oct 30 —", "MINGORA, Pakistan (Reuters) -"): the place
    a story was filed from is not an actor in its first sentence."""
    out: set[int] = set()
    for k, sent in enumerate(sentence_spans(doc)):
        first = sent[0] if len(sent) else None
        if first is None:
            continue
        dash = _title_dateline(sent) if k == 0 else 0
        if dash:
            # "Abuja -- The military confirmed ...": a story's opening place, in title case
            out.update(range(sent.start, dash + 1))
            continue
        if not (first.is_upper and first.is_alpha and len(first) > 1):
            continue
        for tok in sent[1:12]:
            if tok.text in DASHES:
                out.update(range(sent.start, tok.i + 1))
                break
    return out


def _title_dateline(sent: Span) -> int:
    """The dash of "Cape Town - ..." opening a story: one to three capitalised words before a
    lone dash; 0 when there is none ("Hamas - the Islamist group - said" has two)."""
    # a spaced dash: "Asia-Pacific" is one word
    dashes = [
        t for t in sent if t.text in DASHES and t.whitespace_ and t.i > 0 and t.nbor(-1).whitespace_
    ]
    if len(dashes) != 1 or not 1 <= dashes[0].i - sent.start <= 3:
        return 0
    if all(t.is_alpha and t.is_title for t in sent.doc[sent.start : dashes[0].i]):
        return dashes[0].i
    return 0


def code_sentence(
    doc: Doc,
    sent: Span,
    si: int,
    lex: Lexicon,
    index: MentionIndex,
    parsed: bool,
    usable: bool | None = None,
) -> list[Event]:
    """``parsed``: the sentence's parse is read; ``usable``: its tags and parse can be trusted
    (:func:`dyad.coding.lexicon.parse_usable`, computed when not given)."""
    triggers = lex.find_triggers(sent, usable)
    if not triggers:
        return []
    in_sent = index.in_span(sent)
    if not in_sent:
        return []
    out: dict[tuple[str, str, str], Event] = {}
    mentioned: dict[tuple[str, str, str], Event] = {}
    groups = _by_head(triggers)
    roots = {g[0].head: {t.code[:2] for t in g} for g in groups}
    # the words of each trigger that names an event; a bare speech verb only reports another
    words = {
        i: group
        for g in groups
        if any(t.code not in GENERIC_STATEMENTS for t in g)
        for group in [frozenset(i for t in g for i in (t.head, *t.tokens))]
        for i in group
    }
    # ranks count from the sentence's least subordinate event word: "thousands gathered to
    # protest the arrest" (no event word governs the purpose clause) has the protest as its news
    base = min(
        (subordination(doc[h], group, words) for group in set(words.values()) for h in group),
        default=0,
    ) if parsed else 0  # fmt: skip
    tolls = _toll_targets(sent, groups, roots, index) if parsed else {}
    heads: dict[str, int] = {}  # event id -> its trigger's head
    reporters: set[int] = set()  # speech verbs that report an asserted event of the sentence
    for alternatives in groups:
        head_tok = doc[alternatives[0].head]
        if not alternatives[0].noun and head_tok.dep_ == "amod" and attributive(head_tok):
            continue  # "the Israeli-occupied West Bank": a participle used as an adjective
        if parsed and elaborates(head_tok, roots):
            continue  # "shelled the city, killing 20": one attack, told with its toll
        why = referenced(head_tok) if parsed else None
        if why is not None:
            log.debug("mentioned, not reported (%s): %r in %r", why, head_tok.text, sent.text)
        for trig in alternatives:
            roles = find_roles(sent, trig, index, parsed)
            roles = _resolve_plural_subject(doc, sent, trig, roles, in_sent)
            if not roles.targets and tolls.get(trig.head):
                # "carried out air strikes, killing dozens of fighters": the toll names whom
                # the deed hit
                roles = Roles(roles.sources, tolls[trig.head], roles.method + "+toll")
            if trig.requires_target and not roles.targets:
                continue  # "deploy troops to [an actor]" needs the actor; try the next pattern
            head = doc[trig.head]
            first = min(trig.tokens) if trig.tokens else trig.head
            reading = read(sent, head, first, parsed, trig.flags)
            attr = attribution(doc, sent, reading, in_sent, head)
            own = (trig.head, *trig.tokens)
            speech = _reporter(head, reading.speech_verb)
            rank = max(0, subordination(head, own, words, speech) - base) if parsed else 0
            later = parsed and later_conjunct(head, own, words)
            made = _events(doc, sent, si, trig, roles, reading, attr, rank, later)
            # "blamed Israel for the bombing": the bombing is mentioned, not reported
            into = mentioned if why is not None else out
            for ev in _with_verbal(made) + _demands(made) + _claims(made, speech):
                _keep_best(into, ev)
                heads[ev.event_id] = trig.head
            if speech is not None and why is None and any(e.factuality == "asserted" for e in made):
                reporters.add(speech.i)
            break
    if not any(_reported(e) for e in out.values()):
        # a sentence reports something: with nothing else, what it mentions is its news
        # ("a party member died in prison after torture")
        for ev in mentioned.values():
            _keep_best(out, ev)
    events = sorted(out.values(), key=lambda e: (e.evidence.trigger.start, e.event_id))
    events = [_as_reporter(e) if heads.get(e.event_id) in reporters else e for e in events]
    return drop_subsumed(_drop_redundant(events))


JOINT = {"joint", "combined", "bilateral", "trilateral"}


def _joint(doc: Doc, trig: Trigger) -> bool:
    """ "The armies of Brazil and Argentina held *joint* war games": a deed its several doers
    do together, with each other."""
    return any(
        c.dep_ == "amod" and c.lower_ in JOINT
        for i in (trig.head, *trig.tokens)
        for c in doc[i].children
    )


def _toll_targets(
    sent: Span, groups: Sequence[Sequence[Trigger]], roots: dict[int, set[str]], index: MentionIndex
) -> dict[int, tuple[Mention, ...]]:
    """The targets of participle clauses that tell an event's toll ("shelled the city, *killing
    20 soldiers*"), by the head of the event they elaborate: that event is kept, the clause
    is not, and it names whom the deed hit."""
    out: dict[int, tuple[Mention, ...]] = {}
    for alternatives in groups:
        gov = elaborated(sent.doc[alternatives[0].head], roots)
        if gov is None or gov.i in out:
            continue
        for trig in alternatives:
            targets = find_roles(sent, trig, index, parsed=True).targets
            if targets:
                out[gov.i] = targets
                break
    return out


def _reporter(head: Token, speech: Token | None) -> Token | None:
    """The speech verb whose content clause tells the event ("warned *that* troops had been
    sent", "sent troops, officials *said*"), not one it is merely coordinated with."""
    tok = head
    for _ in range(8):
        if speech is None or tok.head.i == tok.i or tok.i == speech.i:
            return None
        if tok.head.i == speech.i:
            return speech if tok.dep_ in {"ccomp", "parataxis"} else None
        tok = tok.head
    return None


def _as_reporter(ev: Event) -> Event:
    """ "Colombia warned that Venezuela had sent troops": the warning is coded, but the news is
    the deed it reports, which ranks first."""
    return dataclasses.replace(ev, confidence=round(max(0.05, ev.confidence - REPORTER_STEP), 2))


def _keep_best(out: dict[tuple[str, str, str], Event], ev: Event) -> None:
    """One event per (source, target, code): an asserted one before one that is not (a lower
    rank must not let "may call for" replace "appealed for"), then the most confident."""
    key = (_code_of(ev.source), _code_of(ev.target), ev.cameo)
    old = out.get(key)
    if old is None or _preference(ev) > _preference(old):
        out[key] = ev


def _preference(ev: Event) -> tuple[bool, float]:
    return ev.factuality == "asserted", ev.confidence


def _reported(ev: Event) -> bool:
    """An asserted event that is more than a bare statement ("officials said")."""
    return ev.factuality == "asserted" and ev.cameo not in GENERIC_STATEMENTS


def _by_head(triggers: Iterable[Trigger]) -> list[list[Trigger]]:
    """Patterns grouped by the token they fired on, most specific first, then tightest."""
    groups: dict[int, list[Trigger]] = {}
    for t in triggers:
        groups.setdefault(t.head, []).append(t)
    # ties go to the tighter match: "called off his advance on Moscow" is "call off", not "call on"
    return [
        sorted(
            g, key=lambda t: (-t.specificity, max(t.tokens, default=0) - min(t.tokens, default=0))
        )
        for _, g in sorted(groups.items())
    ]


def _code_fields(code: str) -> dict[str, object]:
    """The Event fields that follow from a CAMEO code."""
    info = code_info(code)
    return {
        "cameo": info.code,
        "cameo_root": info.code[:2],
        "quad_class": info.quad_class,
        "goldstein": info.goldstein,
        "plover": Plover(info.plover_type, info.plover_mode),
    }


def _recoded(ev: Event, code: str, tag: str, source: Actor | None, target: Actor | None) -> Event:
    """An asserted verbal event derived from ``ev`` (a promise, refusal or demand)."""
    eid = _event_id(ev.doc_id, ev.sentence_index, ev.evidence.trigger.start, source, target, code)
    rule = f"{ev.evidence.rule} {tag}:{ev.cameo}"
    return dataclasses.replace(
        ev,
        event_id=eid,
        source=source,
        target=target,
        factuality="asserted",
        evidence=dataclasses.replace(ev.evidence, rule=rule),
        **_code_fields(code),  # type: ignore[arg-type]
    )


def _with_verbal(events: list[Event]) -> list[Event]:
    """Future cooperation or conflict also yields the asserted intent (03x) or threat (13x):
    "Finland will give Tanzania a grant" was not aid yet, but an asserted promise of it; a
    negated future ("would not give permission") yields the asserted refusal (12x)."""
    out = list(events)
    for ev in events:
        if ev.source is None:
            continue
        if ev.factuality == "future":
            # CAMEO codes a promise of cooperation as intent (03x), of conflict as a threat (13x)
            vc = variant(ev.cameo, "intent") or variant(ev.cameo, "threaten")
        elif ev.factuality == "negated" and any(
            cue in ev.evidence.rule for cue in ("factuality:future", "factuality:aux:would")
        ):
            # "Obama said he would not give permission to Russia": a refusal (12x)
            vc = variant(ev.cameo, "reject")
        else:
            continue
        if vc is not None:
            out.append(_recoded(ev, vc, "verbal", ev.source, ev.target))
    return out


def _demands(events: list[Event]) -> list[Event]:
    """ "The Red Cross said US forces must ensure security": the speaker demands (10x) of the
    one who must act; the obligation itself stays hypothetical."""
    out = []
    for ev in events:
        if ev.attribution is None or ev.source is None or ev.factuality != "hypothetical":
            continue
        if not any(f"factuality:aux:{m}" in ev.evidence.rule for m in ("must", "should")):
            continue
        code = variant(ev.cameo, "demand") or "100"
        demand = _recoded(ev, code, "demand", ev.attribution, ev.source)
        out.append(dataclasses.replace(demand, attribution=None))
    return out


# violence one party says another committed: the claim is an accusation of aggression
CLAIMED_ROOTS = {"18", "19", "20"}
CLAIM_CODE = "1123"
STATE = {None, *STATE_SECTORS}


def _claims(events: list[Event], speech: Token | None) -> list[Event]:
    """ "The US said that Iraq had attacked Kuwait": the reported attack keeps its attribution,
    and the US, a party with a country, accuses Iraq (1123), as CAMEO coders code such claims.

    Only a speech verb before the deed makes a claim; the trailing "…, Thai military sources
    said" of a news report is its sourcing. The accused is any actor the dictionaries resolve,
    but not the speaker's own state (its government, forces, police, …).
    """
    if speech is None:
        return []
    out = []
    for ev in events:
        who, doer = ev.attribution, ev.source
        if ev.factuality != "asserted" or ev.cameo_root not in CLAIMED_ROOTS:
            continue
        if who is None or doer is None or speech.idx > ev.evidence.trigger.start:
            continue
        if not (who.country or who.igo) or not (doer.country or doer.igo or doer.name):
            continue  # a claim by a party, about a state, an IGO or a named group
        if who.code == doer.code:
            continue  # "Hezbollah said its fighters fired": a claim of its own deed
        if (who.country or who.igo) == (doer.country or doer.igo) and doer.sector in STATE:
            continue  # Russia does not accuse its own forces; Nigeria does accuse Boko Haram
        claim = _recoded(ev, CLAIM_CODE, "claim", who, doer)
        out.append(dataclasses.replace(claim, attribution=None, confidence=ev.confidence))
    return out


def _is_plural(m: Mention) -> bool:
    t = m.actor.text.lower()
    return t in PLURAL_SUBJECTS or t.endswith(("leaders", "sides", "countries", "governments"))


def _resolve_plural_subject(
    doc: Doc, sent: Span, trig: Trigger, roles: Roles, in_sent: list[Mention]
) -> Roles:
    """ "they signed a treaty", "the two leaders met": a plural subject of a reciprocal trigger
    stands for the distinct actors named before it in the sentence."""
    if not trig.reciprocal or roles.targets:
        return roles
    first = min(trig.tokens) if trig.tokens else trig.head
    left = doc[max(sent.start, first - 6) : first].text.lower()
    plural_cue = any(p in left.split() or p in left for p in PLURAL_SUBJECTS)
    if roles.sources and not all(_is_plural(m) for m in roles.sources) and not plural_cue:
        return roles
    if not roles.sources and not plural_cue:
        return roles
    distinct: list[Mention] = []
    for m in in_sent:
        if m.actor.country is None and m.actor.igo is None:
            continue
        if m.end <= first and all(_code_of_m(m) != _code_of_m(d) for d in distinct):
            distinct.append(m)
    if len(distinct) >= 2:
        return Roles((distinct[0],), (distinct[1],), roles.method + "+plural")
    return roles


def _code_of_m(m: Mention) -> str:
    return m.actor.country or m.actor.igo or m.actor.code


def _code_of(a: Actor | None) -> str:
    return a.code if a is not None else ""


def _events(
    doc: Doc,
    sent: Span,
    si: int,
    trig: Trigger,
    roles: Roles,
    reading: Reading,
    attr: Mention | None,
    rank: int = 0,
    later: bool = False,
) -> list[Event]:
    info = code_info(trig.code)
    toks = sorted(trig.tokens) if trig.tokens else [trig.head]
    span = doc[toks[0] : toks[-1] + 1]
    # the evidence is the trigger words themselves, not what lies between them
    trigger = TextSpan(span.text, span.start_char, span.end_char)
    if len(toks) > 1 and toks[-1] - toks[0] + 1 > len(toks) + 3:
        h = doc[trig.head]
        trigger = TextSpan(h.text, h.idx, h.idx + len(h.text))
    quote = quote_of(sent, trigger.start, trigger.end)
    pairs: list[tuple[Mention | None, Mention | None]] = []
    sources: list[Mention | None] = list(roles.sources) or [None]
    # "Yoon warned that his country would not sit idle": a target that is the source itself
    # leaves the event without a target rather than without the event
    own = {m.actor.code for m in roles.sources}
    targets: list[Mention | None] = [m for m in roles.targets if m.actor.code not in own] or [None]
    partners = "with" in trig.target_preps  # "X and Y agreed" is agreeing with each other
    if (
        (trig.reciprocal or partners or _joint(doc, trig))
        and roles.targets == ()
        and len(roles.sources) > 1
    ):
        # "The US, Russia and Switzerland met": every pair, both ways
        sources, targets = list(roles.sources), list(roles.sources)
    for s in sources:
        for t in targets:
            if s is not None and t is not None and (s is t or s.actor.code == t.actor.code):
                continue  # an actor does not act on itself; RUSGOV → RUSMIL (domestic) is kept
            pairs.append((s, t))
            if trig.reciprocal and s is not None and t is not None and (t, s) not in pairs:
                pairs.append((t, s))
    events = []
    for s, t in pairs:
        if s is None and t is None:
            continue
        if s is None and info.code[:2] in STATEMENT_ROOTS:
            continue
        if all(_anonymous(doc, m) for m in (s, t)) and info.code[:2] in STATEMENT_ROOTS:
            continue  # "officials said": a statement by nobody in particular is no event
        conf = _confidence(roles, s, t, reading, _backgrounded(doc[trig.head]), rank, later, doc)
        src = s.actor if s else None
        tgt = t.actor if t else None
        eid = _event_id(doc._.dyad_doc_id, si, trigger.start, src, tgt, info.code)
        events.append(
            Event(
                doc_id=doc._.dyad_doc_id,
                event_id=eid,
                sentence_index=si,
                sentence=sent.text,
                source=src,
                target=tgt,
                factuality=reading.factuality,
                evidence=Evidence(trigger=trigger, rule=_rule(trig, roles, reading)),
                attribution=attr.actor if attr is not None and attr is not s else None,
                quote=quote,
                confidence=conf,
                **_code_fields(info.code),  # type: ignore[arg-type]
            )
        )
    return events


def _anonymous(doc: Doc, m: Mention | None) -> bool:
    """No actor, or a common noun phrase ("officials"); a name the dictionaries lack
    ("Stephen Smith expressed condolences") is somebody in particular."""
    return m is None or (
        m.kind == "np" and doc[m.head].pos_ != "PROPN" and not acronym(doc[m.head])
    )


def _rule(trig: Trigger, roles: Roles, reading: Reading) -> str:
    parts = [trig.rule, f"roles:{roles.method}"]
    if reading.cue:
        parts.append(f"factuality:{reading.cue}")
    return " ".join(parts)


def _backgrounded(head: Token) -> bool:
    """An event told inside a relative or participial clause ("condolences for a fire that
    killed 100") is background to the sentence's own event."""
    tok = head
    for _ in range(4):
        if tok.head is tok:
            return False
        if tok.dep_ in {"acl:relcl", "relcl", "acl"}:
            return True
        tok = tok.head
    return False


def _confidence(
    roles: Roles,
    s: Mention | None,
    t: Mention | None,
    reading: Reading,
    background: bool,
    rank: int = 0,
    later: bool = False,
    doc: Doc | None = None,
) -> float:
    c = 0.45 - (0.1 if background else 0.0) - RANK_STEP * min(rank, 2)
    c -= CONJUNCT_STEP if later else 0.0
    if roles.method == "parse":
        c += 0.2
    elif roles.method.startswith("parse"):
        c += 0.05
    if s is not None and t is not None:
        c += 0.15
    for m in (s, t):
        if m is not None and m.kind in {"country", "igo", "person", "agent", "capital"}:
            c += 0.05
        if m is not None and m.actor.country is None and m.actor.igo is None:
            # a name no dictionary knows ("shelled *Odesa*", often a place the attributes stage
            # resolves) costs what naming a second actor gains: no less sure than naming none
            named = doc is not None and doc[m.head].pos_ == "PROPN"
            c -= 0.2 if m.kind == "np" and not named else 0.15 if m.kind == "np" else 0.1
    if reading.speech_verb is not None:
        c -= 0.05
    return round(max(0.05, min(0.95, c)), 2)


def _event_id(doc_id: str, si: int, start: int, s: Actor | None, t: Actor | None, code: str) -> str:
    key = f"{doc_id}|{si}|{start}|{_code_of(s)}|{_code_of(t)}|{code}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _drop_redundant(events: list[Event]) -> list[Event]:
    """A bare statement (010–014, 019) only when the sentence has nothing more specific.

    "Officials said Russian forces fired missiles" is the attack, not a statement by officials;
    "Israel denied attacking": the denial (016) stays beside the negated attack, and claims of
    responsibility (015) and condolences (018) are specific statements that always stay.
    """
    specific = any(
        e.cameo_root not in STATEMENT_ROOTS and e.factuality == "asserted" for e in events
    )
    kept = [e for e in events if e.cameo not in GENERIC_STATEMENTS or not specific]
    # one code per trigger and dyad: a more specific trigger match may have produced two
    seen: set[tuple[int, str, str, bool]] = set()
    out = []
    for e in kept:
        k = (
            e.evidence.trigger.start,
            _code_of(e.source),
            _code_of(e.target),
            e.factuality == "asserted",  # a future event and the promise it makes both stay
        )
        if k in seen:
            continue
        seen.add(k)
        out.append(e)
    return out
