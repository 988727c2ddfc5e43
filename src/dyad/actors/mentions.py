"""Finding actor mentions in a Doc: dictionary hits assembled into country+agent phrases and titles.

The steps, each a small function: match every surface form (:func:`hits`), keep the longest
non-overlapping ones, assemble phrases left to right ("North Korean" + "troops", "Russia" + "'s" +
"leader", "officials" + "in" + "Seoul"), add the NER's unknown people and organisations, then hand
the drafts to :mod:`dyad.actors.coref` (short names, titles with names, pronouns).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dyad.actors.codes import Role, norm_date, settler_code, span_of
from dyad.actors.dictionary import ActorDictionary, Form, FormKind
from dyad.nlp.names import WEEKDAYS_MONTHS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Words allowed between a country and its agent: "Russian special forces", "US senior officials".
FILLERS = _words(
    """senior top chief former ex new local regional federal national state elite special armed
    interim acting deputy current own main regular other many some several retired serving exiled
    jailed detained powerful leading prominent veteran young ethnic ordinary frontline border riot
    naval nuclear foreign defence defense interior civilian hardline moderate radical islamist
    sizeable large small"""
)
FORMER = frozenset({"former", "ex"})
# Nouns that an agent word modifies rather than names an actor: "military aid", "police reform".
MODIFIED_NOUNS = _words(
    """aid assistance exercises exercise drills equipment hardware spending budget base bases
    operation operations action intervention technology capabilities support politics policy
    policies power presence buildup escalation experience training industry sector reform reforms
    station stations headquarters ties cooperation relations vehicles vehicle convoy coup coups
    repression crackdown rule takeover"""
)
_PRIORITY: dict[str, int] = {
    "person": 0, "group": 1, "igo": 2, "country": 3, "capital": 4, "demonym": 5, "adj": 6,
    "title": 7, "bound": 8, "word": 9,
}  # fmt: skip
AGENT_KINDS = frozenset({"title", "bound", "word"})
PREFIX_KINDS = frozenset({"country", "adj", "igo", "capital", "group"})
NAME_STOP = WEEKDAYS_MONTHS | _words(
    """the a an and or but in on at of for to from with by said says told has have had was is will
    would could may might"""
)


@dataclass(slots=True)
class Hit:
    """Dictionary forms matched on tokens ``[start, end)`` that passed their case rules."""

    start: int
    end: int
    forms: list[Form]

    @property
    def form(self) -> Form:
        return self.forms[0]

    @property
    def kind(self) -> str:
        return self.forms[0].kind


@dataclass(slots=True)
class Draft:
    """A mention being built; ``code`` None means it still waits for coreference."""

    start: int
    end: int
    head: int
    kind: str
    code: str | None
    name: str | None = None
    person: str | None = None  # person/group id once known
    persony: bool = False  # may be the antecedent of he/she
    title: bool = False  # a title ("the Russian president") with no name yet
    sector: str | None = None  # for codes completed later ("the country's president")
    candidates: list[Form] = field(default_factory=list)  # short names waiting for an antecedent
    need_country: bool = False
    gender: str | None = None
    group: str | None = None  # the group id lending its code to an agent ("Taliban militants")
    # the dated role the text itself shows (a title or agent word that fits one of the person's
    # or group's roles): evidence of an undated document's era, [from, to)
    era: tuple[str | None, str | None] | None = None
    # "militants loyal to X", "supporters of X": the token where X (the patron) starts
    patron: int | None = None
    owned: bool = False  # a bound agent after "its"/"their" waiting for the owner's country
    fled: bool = False  # refugees "fleeing" what the patron mentions name: their country


def hits(doc: Doc, dic: ActorDictionary) -> list[Hit]:
    """Longest non-overlapping dictionary matches that pass their case rules, in text order."""
    found: list[Hit] = []
    lowered: list[Hit] = []  # people's names written in lower case: "President obama"
    for match_id, start, end in dic.matcher(doc):
        key = dic.key_of.get(match_id)
        if key is None:
            continue
        forms = [f for f in dic.forms[key] if _case_ok(doc, start, end, f)]
        if forms:
            forms.sort(key=lambda f: _PRIORITY[f.kind])
            found.append(Hit(start, end, forms))
        elif _lower_name(doc, start, end):
            persons = [f for f in dic.forms[key] if f.kind == "person" and f.case == "cap"]
            if persons:
                lowered.append(Hit(start, end, persons))
    found.sort(key=lambda h: (h.start - h.end, h.start, _PRIORITY[h.kind]))
    taken = [False] * len(doc)
    chosen: list[Hit] = []
    for h in found:
        if not any(taken[h.start : h.end]):
            chosen.append(h)
            for i in range(h.start, h.end):
                taken[i] = True
    # a lower-case name counts right after a title: "President obama" is "President Obama"
    title_ends = {h.end for h in chosen if h.kind == "title"}
    for h in lowered:
        if h.start in title_ends and not any(taken[h.start : h.end]):
            chosen.append(h)
            for i in range(h.start, h.end):
                taken[i] = True
    chosen.sort(key=lambda h: h.start)
    return chosen


def _lower_name(doc: Doc, start: int, end: int) -> bool:
    """Words that may be a name typed in lower case: all lower-case, not function words, and
    nouns or names by the tagger and the NER when they ran ("may" in "the minister may resign" is
    no Theresa May)."""
    for tok in doc[start:end]:
        if not tok.is_alpha or not tok.is_lower or tok.is_stop:
            return False
        if doc.has_annotation("POS") and tok.pos_ not in ("PROPN", "NOUN"):
            return False
        if doc.has_annotation("ENT_IOB") and tok.ent_type_ not in ("PERSON", "PER"):
            return False
    return True


def _case_ok(doc: Doc, start: int, end: int, form: Form) -> bool:
    if form.case == "any":
        return True
    if form.case == "exact":
        return tuple(t.text for t in doc[start:end]) == form.tokens
    # every capitalised word of the form must be capitalised in the text: not "Islamic state";
    # a lower-case particle may lead ("al-Qaida"), but some word must be capitalised
    pairs = list(zip(form.tokens, doc[start:end], strict=False))
    return any(want[:1].isupper() for want, _ in pairs) and all(
        not want[:1].isupper() or tok.text[:1].isupper() for want, tok in pairs
    )


LED = _words("led commanded")
FLEEING = _words("fleeing fled")
# agents named by whom they back: "supporters of X" are X's
SUPPORTERS = _words("supporters supporter")
# words that make a country's agent someone else's: "Israel's militia ally", "Iran's proxies"
ALLIES = _words("ally allies proxy proxies")
# bound agents a possessive does not make actors: "his counterpart" is the other side's, "their
# intelligence" mostly information
OTHER_SIDE = _words("counterpart counterparts intelligence")

# A capitalised word before a country word that makes it a region or a place of its own:
# "Latin American leaders", "New Mexico", "Central Asian states", "African American voters".
NOT_AFTER = _words("latin native african anglo new central pan sub")


def _glued(doc: Doc, h: Hit) -> bool:
    """A hyphen compound ("US-led", "pro-Russian", "China-North Korea"): no actor of its own."""
    after = h.end < len(doc) and doc[h.end].text == "-" and not doc[h.end - 1].whitespace_
    before = h.start > 0 and doc[h.start - 1].text == "-" and not doc[h.start - 1].whitespace_
    if h.start > 0 and h.kind in ("country", "adj", "demonym"):
        prev = doc[h.start - 1]
        before = before or (prev.lower_ in NOT_AFTER and prev.text[:1].isupper())
    return after or before


class Assembler:
    """Builds drafts from hits, left to right."""

    def __init__(self, doc: Doc, dic: ActorDictionary, date: str | None) -> None:
        self.doc = doc
        self.dic = dic
        self.date = date
        self.hits = hits(doc, dic)
        self.at = {h.start: i for i, h in enumerate(self.hits)}
        # without an NER, a capitalised run after a title is taken as a name
        self.caprun = not doc.has_annotation("ENT_IOB")
        self.tagged = doc.has_annotation("POS")
        self.parsed = doc.has_annotation("DEP")

    def run(self) -> list[Draft]:
        drafts: list[Draft] = []
        i = 0
        while i < len(self.hits):
            draft, i = self._step(i)
            if draft is not None:
                drafts.append(draft)
        return drafts

    # ------------------------------------------------------------ one phrase

    def _step(self, i: int) -> tuple[Draft | None, int]:
        h = self.hits[i]
        if h.kind in ("country", "adj", "demonym") and self._led(h):
            return self._led_by(h, i)
        if h.kind in ("country", "adj") and not _glued(self.doc, h):
            community = self._community(h, i)
            if community is not None:
                return community, i + 2
        if h.kind in ("country", "adj", "demonym") and not _glued(self.doc, h):
            shared = self._shared_agent(h, i)
            if shared is not None:
                return shared, i + 1
        if h.kind in PREFIX_KINDS or (h.kind == "person" and self._person_prefix(i)):
            if _glued(self.doc, h):
                return None, i + 1
            poss = self._poss(h.end) and h.kind != "adj"
            pos = h.end + (1 if poss else 0)
            if h.kind in ("country", "adj") and self._igo_at(i + 1, pos):
                return self._national_body(h, i + 1)
            chain, nxt = self._chain(i + 1, pos, free=poss or h.kind in ("adj", "country", "igo"))
            if chain:
                d = self._combine(h, chain)
                if h.kind in ("country", "adj", "capital") and self._ally(d.end):
                    # "Israel's militia ally": the ally is not Israeli
                    d.code, d.end, d.head = f"---{d.sector}", d.end + 1, d.end
                return self._with_name(d, chain, nxt)
            if poss and h.kind == "country" and self._ally(pos):
                return None, i + 1  # "Iran's proxies" are not Iran
            nh = self.hits[i + 1] if i + 1 < len(self.hits) else None
            if poss and nh is not None and nh.start == pos and nh.kind == "person":
                d = self._simple(nh)
                d.start = h.start
                return d, i + 2
            if h.kind == "adj":
                return None, i + 1
            return self._simple(h), i + 1
        if h.kind in AGENT_KINDS:
            chain, nxt = self._chain(i, h.start)
            draft = self._agents(chain)
            draft, nxt = self._postfix(draft, nxt)
            if draft.code is None or draft.code.startswith("---"):
                draft.patron = self._patron(draft)
                if draft.patron is not None:
                    return draft, nxt  # the patron gives the country (coref.allegiance)
            if draft.code is None and not draft.need_country and h.kind == "bound":
                if self._owned(draft):
                    draft.owned = True  # "its fighters": coreference may find the owner
                    return draft, nxt
                return None, nxt  # "regime", "leadership" need a country
            if draft.code is not None and draft.code.startswith("---") and self._modifies(draft):
                return None, nxt  # "military aid", "strongman politics": not an actor
            return self._with_name(draft, chain, nxt)
        return self._simple(h), i + 1

    def _shared_agent(self, h: Hit, i: int) -> Draft | None:
        """ "US and British activists", "French and Egyptian warships": the first of two
        coordinated nationalities shares the agent that follows the second (a mention of its own
        over the adjective, coded with the agent's sector)."""
        doc = self.doc
        if i + 2 >= len(self.hits) or h.end >= len(doc) or doc[h.end].lower_ not in ("and", "or"):
            return None
        nh = self.hits[i + 1]
        if nh.start != h.end + 1 or nh.kind not in ("country", "adj", "demonym"):
            return None
        chain, _ = self._chain(i + 2, nh.end, free=True)
        if not chain or chain[-1].kind == "title":
            return None  # "the US and Chinese presidents" stays one phrase each side
        sector = self._sector(chain, h.start)
        code = h.form.ref + sector
        return Draft(h.start, h.end, h.end - 1, "agent", code, sector=sector)

    def _community(self, h: Hit, i: int) -> Draft | None:
        """ "Bosnian Serbs", "Kosovo Albanians": a country before another nation's people names
        a community living in the first, coded as its civilians (like "Iraqi Kurds")."""
        nh = self.hits[i + 1] if i + 1 < len(self.hits) else None
        if nh is None or nh.start != h.end or nh.kind != "demonym" or nh.form.ref == h.form.ref:
            return None
        if _glued(self.doc, nh):
            return None
        return Draft(h.start, nh.end, nh.end - 1, "agent", h.form.ref + "CVL", sector="CVL")

    def _led(self, h: Hit) -> bool:
        """ "Vietnamese-led forces", "US-led coalition": the country leads the phrase's actor
        (unlike "Russian-backed separatists", who are not Russian)."""
        doc = self.doc
        return (
            h.end + 1 < len(doc)
            and doc[h.end].text == "-"
            and not doc[h.end - 1].whitespace_
            and not doc[h.end].whitespace_
            and doc[h.end + 1].lower_ in LED
        )

    def _led_by(self, h: Hit, i: int) -> tuple[Draft, int]:
        pos = h.end + 2
        chain, nxt = self._chain(i + 1, pos, free=True)
        if chain:
            return self._with_name(self._combine(h, chain), chain, nxt)
        f = h.form
        d = Draft(h.start, pos, h.end - 1, "country", f.ref, name=self.dic.countries.get(f.ref))
        return d, i + 1

    def _igo_at(self, i: int, pos: int) -> bool:
        return i < len(self.hits) and self.hits[i].start == pos and self.hits[i].kind == "igo"

    def _national_body(self, h: Hit, i: int) -> tuple[Draft, int]:
        """A country before an IGO name is that country's own body or envoy: "Russian Security
        Council" -> RUSGOV; "Russia's UN ambassador" -> RUSGOV (the title decides the sector)."""
        igo = self.hits[i]
        chain, nxt = self._chain(i + 1, igo.end)
        if chain:
            return self._with_name(self._combine(h, chain), chain, nxt)
        sector = "NGO" if igo.form.ref in ("ICRC", "IFRC") else "GOV"  # "Ukrainian Red Cross"
        code = h.form.ref + sector
        return Draft(h.start, igo.end, igo.end - 1, "agent", code, sector=sector), i + 1

    def _person_prefix(self, i: int) -> bool:
        """ "Putin's forces", "the Trump administration": a person lending a country to an agent."""
        h = self.hits[i]
        if self._poss(h.end):
            return True
        nh = self.hits[i + 1] if i + 1 < len(self.hits) else None
        return nh is not None and nh.start == h.end and nh.kind in AGENT_KINDS and h.form.standalone

    def _poss(self, pos: int) -> bool:
        return pos < len(self.doc) and self.doc[pos].lower_ in POSSESSIVE

    def _chain(self, i: int, pos: int, free: bool = False) -> tuple[list[Hit], int]:
        """Agent hits from hit ``i`` on, starting at ``pos`` with only fillers in between."""
        chain: list[Hit] = []
        while i < len(self.hits) and self.hits[i].kind in AGENT_KINDS:
            h = self.hits[i]
            gap = self.doc[pos : h.start]
            others = [t for t in gap if not self._filler(t)]
            # after an adjective, a possessive, a country or an IGO, one free modifier may precede
            # the first agent ("Indian coal workers", "Russia's oil companies"), with a parse two
            # ("Ankara's district administration officials"), never a verb ("sends troops")
            most = 2 if self.parsed else 1
            free = (
                free
                and not chain
                and 1 <= len(others) <= most
                and all(self._modifier(o) for o in others)
            )
            if others and not free:
                break
            chain.append(h)
            pos = h.end
            i += 1
        return chain, i

    def _filler(self, tok: Token) -> bool:
        return tok.lower_ in FILLERS or tok.text == "-"

    def _modifier(self, tok: Token) -> bool:
        """A word that can sit inside a noun phrase: by its tag, or without tags a plain word."""
        if self.tagged:
            # the tagger may call "peacekeeping" a verb; the parser still sees a modifier
            return tok.pos_ in ("ADJ", "NOUN", "PROPN") or (
                self.parsed and tok.dep_ in ("compound", "amod")
            )
        word = tok.lower_
        verbish = word.endswith(("ed", "s", "ing"))
        return tok.is_alpha and tok.is_lower and word not in NAME_STOP and not verbish

    def _sector(self, chain: list[Hit], start: int) -> str:
        last = chain[-1].form
        words = {t.lower_ for t in self.doc[max(0, start - 1) : chain[-1].start]}  # "former US ..."
        if last.kind == "title" and words & FORMER:
            return "ELI"
        return last.ref

    def _combine(self, prefix: Hit, chain: list[Hit]) -> Draft:
        sector = self._sector(chain, prefix.start)
        f = prefix.form
        code: str | None
        fit: list[Role] = []
        if f.kind == "igo":
            code = f.ref
        elif f.kind == "group":
            code = self.dic.people[f.ref].code_at(self.date)
            fit = self._fitting_roles(f.ref, sector) if chain[-1].kind != "title" else []
            if fit:  # undated "Taliban militants": the agent word says which role
                code = fit[-1].code
        elif f.kind == "person":
            held = self.dic.people[f.ref].code_at(self.date)
            code = held if held in self.dic.igo_codes else held[:3] + sector  # "Rutte's staff"
        elif f.kind == "capital" and f.sector not in (None, "GOV"):
            code = f.ref + (f.sector or "")
        elif sector == "SET" and f.kind in ("country", "adj", "demonym", "capital"):
            code = settler_code(f.ref)  # "West Bank settlers" settle for Israel
        else:
            code = f.ref + sector
        last = chain[-1]
        name = self.dic.people[f.ref].name if f.kind == "group" else None
        d = Draft(
            prefix.start, last.end, last.end - 1, "igo" if f.kind == "igo" else "agent", code,
            name=name, title=last.kind == "title", persony=last.kind == "title", sector=sector,
        )  # fmt: skip
        if f.kind == "group":
            d.group = f.ref
            d.era = span_of(fit)
        return d

    def _fitting_roles(self, group: str, sector: str) -> list[Role]:
        """In an undated text, the roles of a group that changed roles whose sector is the agent
        word's: "Taliban militants" (REB) fit AFGREB, not AFGGOV; [] with a date or no fit."""
        roles = self.dic.people[group].roles
        if norm_date(self.date) is not None or len({r.code for r in roles}) < 2:
            return []
        fit = [r for r in roles if r.code[3:6] == sector and r.code not in self.dic.igo_codes]
        return sorted(fit, key=lambda r: r.start or "")

    def _agents(self, chain: list[Hit]) -> Draft:
        first, last = chain[0], chain[-1]
        sector = self._sector(chain, first.start)
        d = Draft(first.start, last.end, last.end - 1, "agent", None, sector=sector)
        d.title = d.persony = last.kind == "title"
        toks = self.doc[max(0, first.start - 3) : first.start]
        if (
            len(toks) == 3
            and toks[0].lower_ == "the"
            and toks[1].lower_ in ("country", "nation")
            and toks[2].lower_ in POSSESSIVE
        ):
            d.start, d.need_country = first.start - 3, True  # "the country's president"
        elif last.kind != "bound":
            d.code = f"---{sector}"
        return d

    def _modifies(self, d: Draft) -> bool:
        """A bare agent word used to modify the next noun: by the parse, else by a word list."""
        if self.parsed:
            return self.doc[d.end - 1].dep_ in ("compound", "amod")
        return d.end < len(self.doc) and self.doc[d.end].lower_ in MODIFIED_NOUNS

    def _postfix(self, d: Draft, nxt: int) -> tuple[Draft, int]:
        """ "the army of Ukraine", "officials in Seoul", "officials from Moscow"."""
        if d.need_country or nxt >= len(self.hits) or d.end >= len(self.doc):
            return d, nxt
        doc = self.doc
        prep = doc[d.end].lower_
        pos = d.end + 1
        if pos < len(doc) and doc[pos].lower_ == "the":
            pos += 1
        if (
            pos + 3 < len(doc)
            and doc[pos + 1].text == "-"
            and not doc[pos].whitespace_
            and not doc[pos + 1].whitespace_
            and doc[pos].is_lower
            and doc[pos + 2].is_lower
        ):
            pos += 3  # "dissidents from military-ruled Myanmar", "refugees from war-torn Syria"
        at = nxt
        while at < len(self.hits) and self.hits[at].start < pos:
            at += 1  # an agent inside the compound ("military") modifies the place
        if at >= len(self.hits):
            return d, nxt
        h = self.hits[at]
        if h.start != pos or _glued(doc, h) or self._poss(h.end):
            return d, nxt  # "the commander of Israel's militia": Israel owns the militia
        ok = (
            (prep == "of" and h.kind in ("country", "igo", "group"))
            or (prep == "in" and h.kind == "capital")
            or (prep == "in" and d.sector == "SET" and h.kind == "country")  # settlers' home
            or (prep == "from" and h.kind in ("country", "capital"))
        )
        if not ok:
            return d, nxt
        kind: FormKind = "title" if d.title else "word"  # "leader of the Taliban" is a title
        chain_hit = Hit(d.start, d.end, [Form(kind, d.sector or "GOV", "any", ())])
        merged = self._combine(h, [chain_hit])
        merged.start, merged.end, merged.head = d.start, h.end, d.head
        merged.title = merged.persony = d.title
        return merged, at + 1

    def _ally(self, pos: int) -> bool:
        return pos < len(self.doc) and self.doc[pos].lower_ in ALLIES

    def _owned(self, d: Draft) -> bool:
        """A possessive pronoun before the agent, fillers aside: "their armed units" (not "his
        counterpart": the other side's)."""
        doc = self.doc
        if doc[d.end - 1].lower_ in OTHER_SIDE or (
            d.end < len(doc) and doc[d.end].text == "-" and not doc[d.end - 1].whitespace_
        ):
            return False  # "its drone-building programme"
        k = d.start - 1
        while k >= 0 and self._filler(doc[k]):
            k -= 1
        return k >= 0 and doc[k].lower_ in ("its", "their", "his", "her")

    def _patron(self, d: Draft) -> int | None:
        """Where the person or group an agent is defined by begins: "fighters loyal to [the
        Houthis]", "supporters of [former President X]" (not "X-backed": the backer is another
        country's)."""
        doc, k = self.doc, d.end
        if d.need_country or d.title or k + 1 >= len(doc):
            return None
        if doc[k].lower_ == "loyal" and doc[k + 1].lower_ == "to":
            k += 2
        elif d.sector == "REF" and doc[k].lower_ in FLEEING:
            d.fled = True  # "refugees fleeing the civil war in Liberia"
            k += 1
        elif doc[d.end - 1].lower_ in SUPPORTERS and doc[k].lower_ == "of":
            k += 1
        else:
            return None
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        return k if k < len(doc) else None

    def _with_name(self, d: Draft, chain: list[Hit], nxt: int) -> tuple[Draft, int]:
        """A title followed by a name with no comma: "defence minister Rustem Umerov"."""
        if not d.title or not self.caprun or d.end >= len(self.doc):
            return d, nxt
        nh = self.hits[nxt] if nxt < len(self.hits) else None
        if nh is not None and nh.start == d.end:
            return d, nxt  # a dictionary name: merged later with the person's own code
        end = d.end
        while end < len(self.doc) and end - d.end < 4 and self._namelike(self.doc[end]):
            if nh is not None and end >= nh.start:
                break
            end += 1
        if end > d.end:
            d.name = self.doc[d.end : end].text
            d.end, d.head, d.kind, d.title = end, end - 1, "ner", False
        return d, nxt

    @staticmethod
    def _namelike(tok: Token) -> bool:
        return tok.is_alpha and tok.text[:1].isupper() and tok.lower_ not in NAME_STOP

    def _simple(self, h: Hit) -> Draft:
        f = h.form
        d = Draft(h.start, h.end, h.end - 1, f.kind, None)
        if f.kind in ("person", "group"):
            persons = [x for x in h.forms if x.kind == f.kind]
            if not all(x.full for x in persons):
                d.candidates = persons  # a short name: coreference decides
                d.persony = f.kind == "person"
                return d
            p = self.dic.people[f.ref]
            d.code, d.name, d.person, d.gender = p.code_at(self.date), p.name, p.id, p.gender or "m"
            d.persony = f.kind == "person"
            if f.kind == "group":
                d.gender = None
        elif f.kind == "capital":
            d.code = f.ref + (f.sector or "GOV")
            d.name = self.dic.countries.get(f.ref)
        elif f.kind in ("country", "demonym"):
            d.kind, d.code, d.name = "country", f.ref, self.dic.countries.get(f.ref)
        elif f.kind == "igo":
            d.code, d.name = f.ref, self.dic.igos.get(f.ref)
        return d


# Last words of names that NER models often mislabel as PERSON/ORG but that are places, wars,
# events or documents: "the Korean Peninsula", "the Cold War", "the Minsk Agreement".
NOT_ACTOR_HEADS = _words(
    """war wars peninsula sea strait gulf ocean river mountains region oblast province district
    island islands valley heights border olympics games cup pandemic treaty agreement accords
    accord summit conference election elections crisis"""
)


def ner_drafts(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Drafts plus the NER's PERSON/ORG entities that no dictionary entry covered."""
    if not doc.ents:
        return drafts
    taken = [False] * len(doc)
    for d in drafts:
        for i in range(d.start, d.end):
            taken[i] = True
    out = list(drafts)
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "PER", "ORG") or any(taken[ent.start : ent.end]):
            continue
        if doc[ent.end - 1].lower_ in NOT_ACTOR_HEADS:
            continue
        person = ent.label_ != "ORG"
        out.append(
            Draft(ent.start, ent.end, ent.end - 1, "ner", "---", name=ent.text, persony=person)
        )
    out.sort(key=lambda d: d.start)
    return out
