"""In-document coreference over drafts: short names, titles with names, "the country's", pronouns.

Rules (docs/actors.md has the reasons):

* a short name ("Kim", "Putin") takes the most recent earlier full mention of a person it can
  name; with none, the first person in file order whose role is valid on the date;
* a title and a name next to each other, or separated by one comma, are one mention
  ("Russia's leader, Vladimir Putin"; "Mark Rutte, Nato's secretary-general"); a known person's
  own dated role wins over the title, except that a title of office beats "out of office" (ELI)
  for the same country;
* "the country's president" takes the country of the most recent mention that has one;
* "the Russian president" after "Putin" gets Putin's name; "the president" the most recent
  person of that sector within reach;
* "he"/"she" (and, with a parse, "his"/"her" on a subject) take the leftmost compatible
  person-like mention in their own sentence before them, else in the nearest of the two
  previous sentences that has one.
"""

from __future__ import annotations

import datetime

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dyad.actors.codes import norm_date, overlaps, pick_role_in, span_of
from dyad.actors.dictionary import ActorDictionary, Person
from dyad.actors.mentions import FILLERS, FORMER, Draft

PRONOUNS: dict[str, str] = {"he": "m", "she": "f", "his": "m", "her": "f"}
POSSESSIVE_PRONOUNS = frozenset({"his", "her"})
SUBJECT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "nsubj:pass", "csubj", "csubj:pass"}
)  # ClearNLP and UD
WINDOW = 2  # sentences back that a pronoun may reach
_PRONOUN_IDS = numpy.array(
    [get_string_id(p) for p in (*PRONOUNS, "its", "their")], dtype=numpy.uint64
)
_STOPS = numpy.array([get_string_id(p) for p in (".", "!", "?")], dtype=numpy.uint64)


def resolve(doc: Doc, drafts: list[Draft], dic: ActorDictionary, date: str | None) -> list[Draft]:
    """Resolve what the drafts leave open; return only drafts with a code, in text order."""
    drafts = short_names(drafts, dic, date)
    drafts = merge_titles(doc, drafts, dic.igo_codes, dic.people)
    if norm_date(date) is None:
        undated_roles(drafts, dic, _years(doc))
    former_officials(doc, drafts, dic.igo_codes)
    countries(drafts, dic.igo_codes)
    allegiance(doc, drafts, dic.igo_codes)
    definite_titles(doc, drafts)
    drafts = pronouns(doc, drafts, dic.igo_codes)
    return [d for d in drafts if d.code is not None]


# sectors of the state's own organs: a group that is the state cannot be named beside one of them
STATE = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def undated_roles(
    drafts: list[Draft], dic: ActorDictionary, years: tuple[str, str] | None = None
) -> None:
    """Groups whose role changed, in a text without a date (which would give each its latest
    role: the Taliban as Afghanistan's government).

    1. The text's own era: titles and agent words that fit dated roles ("Afghan President
       Ashraf Ghani", "Taliban militants") bound the time the text speaks of; a group takes the
       role it held during most of that era (the latest one in it when the era is open-ended).
       Years the text names as dates ("in 2018", "August 12, 2018") narrow it further, or set
       it alone, unless they clash with the names' evidence.
    2. A group whose role is a state organ, named beside another organ of the same state
       ("the Taliban rejected the Afghan government's offer"), takes a role that is not, when
       it has one (within the era, if any): the text tells the two apart.

    People keep their latest role: a title next to the name already decides theirs, and an era
    says little about someone else's office (Trump's business years overlap many).
    """
    named = _era([d.era for d in drafts if d.era is not None])
    era = named
    if years is not None:  # the years narrow the names' era, unless they clash with it
        era = (_era([named, years]) or named) if named is not None else years
    for d in drafts:
        ent = d.group or (d.person if d.kind == "group" else None)
        if ent is None or d.code is None or d.era is not None:
            continue
        p = dic.people[ent]
        if len({r.code for r in p.roles}) < 2 or d.code != p.code_at(None):
            continue  # one role, or a code the text set itself
        held = [r for r in p.roles if era is None or overlaps(r, *era)] or list(p.roles)
        role = pick_role_in(tuple(held), *era) if era is not None else None
        code = role.code if role is not None else d.code
        others = {o.code for o in drafts if o.code and (o.group or o.person) != ent}
        free = [r for r in held if not _collides(r.code, others)]
        if _collides(code, others) and free:
            code = max(free, key=lambda r: (r.end is None, r.start or "")).code
        d.code = code


def _era(eras: list[tuple[str | None, str | None]]) -> tuple[str | None, str | None] | None:
    """The intersection of eras; None without any or if they clash."""
    lo: str | None = None
    hi: str | None = None
    seen = False
    for a, b in eras:
        seen = True
        lo = a if lo is None or (a is not None and a > lo) else lo
        hi = b if hi is None or (b is not None and b < hi) else hi
    if not seen or (lo is not None and hi is not None and hi <= lo):
        return None
    return lo, hi


def _years(doc: Doc) -> tuple[str, str] | None:
    """The period the text dates things by, from the first to the last date it names with a
    year ("in 2018", "August 2021", "August 12th, 2018"; not "2000 people"), each as precise as
    written: [first day, the day after the last). The dates are found and read by
    :mod:`dyad.wwh.dates`, as for events."""
    from dyad.wwh.dates import find_dates, resolve

    spans: list[tuple[datetime.date, datetime.date]] = []
    for mention in find_dates(doc.text):
        ref = resolve(mention, None)  # no publication date: only dates written with a year
        if ref is None or ref.value is None or ref.precision not in ("day", "month", "year"):
            continue
        parts = [int(x) for x in ref.value.split("-")]
        first = datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, 1)
        if ref.precision == "day":
            first = datetime.date(*parts)
            spans.append((first, first + datetime.timedelta(days=1)))
        elif ref.precision == "month":
            after = datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            spans.append((first, after))
        else:
            spans.append((first, datetime.date(first.year + 1, 1, 1)))
    if not spans:
        return None
    return min(a for a, _ in spans).isoformat(), max(b for _, b in spans).isoformat()


def _collides(code: str, others: set[str]) -> bool:
    if code in others:
        return True
    return code[3:6] in STATE and any(o[:3] == code[:3] and o[3:6] in STATE for o in others)


def former_officials(doc: Doc, drafts: list[Draft], igos: frozenset[str] = frozenset()) -> None:
    """ "former Prime Minister Ehud Olmert", "ex-president X": a known person out of office is an
    elite of their country (ELI) whatever the date says; an undated text would otherwise give
    them their last role."""
    for d in drafts:
        if d.person is None or d.code is None or d.code in igos or d.code[3:6] == "ELI":
            continue
        inside = any(t.lower_ in FORMER for t in doc[d.start : d.end])  # "Former Prime Minister X"
        if d.code[:3] != "---" and (inside or _after_former(doc, d.start)):
            d.code, d.sector = d.code[:3] + "ELI", "ELI"


def _after_former(doc: Doc, start: int) -> bool:
    """ "former" or "ex" right before the mention, or before title words that precede it."""
    for k in range(start - 1, max(-1, start - 5), -1):
        tok = doc[k]
        if tok.lower_ in FORMER:
            return True
        if not (
            tok.text == "-" or (tok.is_alpha and tok.pos_ not in {"VERB", "AUX", "ADP", "DET"})
        ):
            return False
    return False


def short_names(drafts: list[Draft], dic: ActorDictionary, date: str | None) -> list[Draft]:
    seen: list[str] = []
    for n, d in enumerate(drafts):
        if d.candidates:
            held: str | None = None
            ids = [f.ref for f in d.candidates]
            prev = drafts[n - 1] if n else None
            # after a title ("President Bush") a surname names whoever held a role on the date
            titled = prev is not None and prev.title and prev.end == d.start
            mentioned = [p for p in reversed(seen) if p in ids]
            # "Kim" after both Kim Il Sung and Kim Jong Un: the one in office on the date
            earlier = next((p for p in mentioned if dic.people[p].active(date)), None)
            earlier = earlier or next(iter(mentioned), None)
            if earlier is not None:
                d.kind = "coref"
            else:
                alone = [f.ref for f in d.candidates if f.standalone or titled]
                earlier = next((p for p in alone if dic.people[p].active(date)), None)
                if earlier is None and len(set(alone)) == 1:
                    earlier = alone[0]  # "Gorbachev" in 2020: one person, now without office
                if earlier is None and titled and prev is not None:
                    titled_role = _nearest_titled_role(alone, prev, dic, date)
                    if titled_role is not None:
                        earlier, held = titled_role
            if earlier is not None:
                p = dic.people[earlier]
                d.code, d.name, d.person = held or p.code_at(date), p.name, p.id
                d.gender = p.gender or "m" if d.persony else None
            d.candidates = []
        if d.person is not None:
            seen.append(d.person)
    return drafts


def _nearest_titled_role(
    ids: list[str], title: Draft, dic: ActorDictionary, date: str | None
) -> tuple[str, str] | None:
    """ "President Bush" on a date when neither Bush was in office: of the people the surname may
    name, the one whose role of the title's kind (GOV, MIL...) lies nearest the date, with that
    role's code — the text's own title says the person holds such a role."""
    sector = (title.code or "")[3:] or title.sector
    day = norm_date(date)
    if not sector or day is None:
        return None
    when = _ordinal(day)
    best: tuple[int, str, str] | None = None
    for pid in dict.fromkeys(ids):
        for role in dic.people[pid].roles:
            if role.code[3:] != sector:
                continue
            start = _ordinal(role.start) if role.start else when
            end = _ordinal(role.end) if role.end else when
            gap = max(start - when, when - end, 0)
            if best is None or gap < best[0]:
                best = (gap, pid, role.code)
    return None if best is None else (best[1], best[2])


def _ordinal(day: str) -> int:
    return datetime.date.fromisoformat(day).toordinal()


def _named(d: Draft) -> bool:
    return d.persony and not d.title and (d.code is not None or d.name is not None)


def _gap_ok(doc: Doc, a: Draft, b: Draft) -> bool:
    """Next to each other, or apposed: "Mark Rutte, Nato's secretary-general", "Kenzo Oshima,
    the UN relief coordinator"."""
    if b.start == a.end:
        return True
    gap = [t.lower_ for t in doc[a.end : b.start]]
    return gap in ([","], [",", "the"])


def merge_titles(
    doc: Doc,
    drafts: list[Draft],
    igos: frozenset[str] = frozenset(),
    people: dict[str, Person] | None = None,
) -> list[Draft]:
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and _gap_ok(doc, prev, d):
            if prev.title and _named(d):
                out[-1] = _merge(
                    prev,
                    d,
                    title=prev,
                    head=d.head if d.start == prev.end else prev.head,
                    igos=igos,
                    people=people,
                )
                continue
            if _named(prev) and d.title and d.start > prev.end:
                out[-1] = _merge(prev, d, title=d, head=prev.head, igos=igos, people=people)
                continue
        out.append(d)
    return out


def _merge(
    a: Draft,
    b: Draft,
    title: Draft,
    head: int,
    igos: frozenset[str] = frozenset(),
    people: dict[str, Person] | None = None,
) -> Draft:
    name = b if title is a else a
    m = Draft(a.start, b.end, head, name.kind, name.code, name=name.name, person=name.person)
    m.persony, m.gender = True, name.gender
    if name.person is not None and people is not None and title.code:
        # "Afghan President Ashraf Ghani": the title names one of his dated roles, so an undated
        # text is from that role's time
        m.era = span_of([r for r in people[name.person].roles if r.code == title.code])
    if (
        name.person is not None
        and name.code
        and name.code.endswith("ELI")
        and title.code
        and not title.code.endswith("ELI")
        and (title.code[:3] == name.code[:3] or title.code in igos)
    ):
        # "Russian President Boris Yeltsin" in a text dated after his term, "Kenzo Oshima, the UN
        # relief coordinator": the text's own title (of the person's country, or an IGO's) is
        # better evidence than a publication date that may be wrong or missing
        m.code, m.sector = title.code, title.sector
    if name.person is None:  # a name the dictionaries do not know: the title gives the code
        m.kind, m.code, m.sector, m.need_country = (
            "ner",
            title.code,
            title.sector,
            title.need_country,
        )
    return m


def countries(drafts: list[Draft], igos: frozenset[str] = frozenset()) -> None:
    last: str | None = None
    for d in drafts:
        if d.need_country:
            d.code = (last or "---") + (d.sector or "")
            d.kind = "coref" if last else d.kind
            d.need_country = False
        elif d.kind not in ("igo", "group") and _country(d.code, igos):
            last = _country(d.code, igos)


# armed agents: loyal to an armed group or a politician out of office they are rebels
ARMED = frozenset({"MIL", "REB", "UAF", "SEP", "INS"})


def allegiance(doc: Doc, drafts: list[Draft], igos: frozenset[str] = frozenset()) -> None:
    """ "Militants loyal to Iraq's al-Qaeda leader", "supporters of former President X": an agent
    defined by its allegiance takes its patron's country; the sector says what it is to them.

    * armed men keep their sector (militants REB, militia UAF), except troops and fighters
      (MIL), who are the state's only when loyal to the state (GOV/MIL), else rebels;
    * supporters (OPP) of a party are the party's (PTY), of an office holder civilians (CVL,
      they are no opposition), of anyone else (a former president, a rebel leader) opposition;
    * anything else keeps its sector. Without a patron's country a bound agent ("fighters") is
      dropped and a word ("militants") stays country-less.
    """
    for k, d in enumerate(drafts):
        if d.patron is None:
            continue
        run = _fled_from(doc, drafts, k + 1, d.patron) if d.fled else []
        run = run or _patron_run(doc, drafts, k + 1, d.patron)
        country = next((c for c in (_country(p.code, igos) for p in run) if c), None)
        head = run[-1].code if run else None
        if country is None or d.sector is None:
            continue
        state = head is not None and head[3:6] in STATE
        sector = d.sector
        if sector == "MIL" and not state:
            sector = "REB"
        elif sector == "OPP":
            sector = "CVL" if state else "PTY" if head and head[3:6] == "PTY" else "OPP"
        d.code, d.sector = country + sector, sector


TOWARDS = frozenset({"to", "into", "towards", "toward", "across"})


def _fled_from(doc: Doc, drafts: list[Draft], k: int, start: int) -> list[Draft]:
    """ "refugees fleeing the civil war in Liberia": the first country or capital within eight
    words, in the same clause."""
    for d in drafts[k:]:
        gap = doc[start : d.start]
        if d.start - start > 8 or any(t.is_punct or t.lower_ in TOWARDS for t in gap):
            break  # "refugees fleeing to Chad" come from elsewhere
        if d.kind in ("country", "capital"):
            return [d]
    return []


def _patron_run(doc: Doc, drafts: list[Draft], k: int, start: int) -> list[Draft]:
    """The mentions naming a patron from token ``start``: "Iraq 's al-Qaeda leader"; up to three
    modifiers may precede the first ("renegade general Khalifa Haftar")."""
    run: list[Draft] = []
    pos = start
    for d in drafts[k:]:
        gap = doc[pos : d.start]
        if d.start < pos:
            break
        glue = all(t.lower_ in FILLERS or t.text in ("'s", "’s") for t in gap)
        lead = not run and len(gap) <= 3 and all(_modifier(t) for t in gap)
        if not (glue or lead):
            break
        run.append(d)
        pos = d.end
    return run


def _modifier(tok: Token) -> bool:
    """A content word that is no finite verb (the tagger may call "renegade" a verb)."""
    return tok.is_alpha and not tok.is_stop and tok.tag_ not in ("VBD", "VBZ", "VBP", "MD")


def definite_titles(doc: Doc, drafts: list[Draft]) -> None:
    """ "the Russian president" after "Putin" is Putin; a bare "the president" is the most recent
    person of that sector in its own or the two previous sentences."""
    sent: list[int] | None = None
    people: list[Draft] = []
    for d in drafts:
        if d.title and d.code and d.start > 0 and doc[d.start - 1].lower_ == "the":
            ante = next((p for p in reversed(people) if p.code == d.code), None)
            if ante is None and d.code.startswith("---"):
                sent = sent or _sentence_ids(doc)
                ante = next(
                    (p for p in reversed(people)
                     if p.code and p.code[3:6] == d.code[3:6]
                     and sent[p.start] >= sent[d.start] - WINDOW),
                    None,
                )  # fmt: skip
                if ante is not None:
                    d.code = ante.code
            if ante is not None:
                d.name, d.person, d.gender, d.kind = ante.name, ante.person, ante.gender, "coref"
        if d.person is not None and d.persony:
            people.append(d)


def _sentence_ids(doc: Doc) -> list[int]:
    """Sentence number of each token: from the parser or splitter, else after . ! ? or space."""
    if doc.has_annotation("SENT_START"):
        starts = doc.to_array("SENT_START") == 1
        starts[0] = True
        return [int(x) for x in numpy.cumsum(starts) - 1]
    arr = doc.to_array(["ORTH", "IS_SPACE"])
    ends = numpy.isin(arr[:, 0], _STOPS) | (arr[:, 1] == 1)
    after = numpy.concatenate(([0], numpy.cumsum(ends)[:-1]))
    return [int(x) for x in after]


def _pronoun_ok(doc: Doc, i: int, parsed: bool) -> bool:
    tok = doc[i]
    if tok.lower_ not in POSSESSIVE_PRONOUNS:
        return not parsed or tok.dep_ in SUBJECT_DEPS
    return parsed and tok.dep_ in {"poss", "nmod:poss"} and tok.head.dep_ in SUBJECT_DEPS


def pronouns(doc: Doc, drafts: list[Draft], igos: frozenset[str] = frozenset()) -> list[Draft]:
    if not len(doc):
        return drafts
    candidates = numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), _PRONOUN_IDS))
    if not len(candidates):
        return drafts
    sent = _sentence_ids(doc)
    parsed = doc.has_annotation("DEP")
    covered = {i for d in drafts for i in range(d.start, d.end)}
    out: list[Draft] = []
    people: list[Draft] = []
    k = 0
    for i in candidates:
        tok = doc[int(i)]
        while k < len(drafts) and drafts[k].start <= tok.i:
            d = drafts[k]
            out.append(d)
            if d.persony and d.code is not None:
                people.append(d)
            k += 1
        if tok.i in covered:
            continue
        if k < len(drafts) and _owns(doc, tok.i, drafts[k]):
            _lend_country(doc, tok.i, drafts[k], people, out, sent, igos)
            continue
        gender = PRONOUNS.get(tok.lower_)
        if gender is None or not _pronoun_ok(doc, tok.i, parsed):
            continue
        ante = _antecedent(people, tok.i, sent, gender)
        if ante is None:
            continue
        d = Draft(tok.i, tok.i + 1, tok.i, "coref", ante.code, name=ante.name, person=ante.person)
        d.persony, d.gender = True, ante.gender
        out.append(d)
        people.append(d)
    out.extend(drafts[k:])
    return out


def _owns(doc: Doc, i: int, d: Draft) -> bool:
    """ "his armed forces", "its troops": a possessive before a country-less agent."""
    if doc[i].lower_ not in POSSESSIVE_PRONOUNS | {"its", "their"} or d.kind != "agent":
        return False
    if d.code is None and not d.owned:
        return False
    if d.code is not None and not d.code.startswith("---"):
        return False
    return all(t.lower_ in FILLERS for t in doc[i + 1 : d.start])


def _country(code: str | None, igos: frozenset[str]) -> str | None:
    if code is None or code in igos or code[:3] == "---" or not code[:3].isalpha():
        return None
    return code[:3]


def _lend_country(
    doc: Doc, i: int, d: Draft, people: list[Draft], out: list[Draft], sent: list[int],
    igos: frozenset[str],
) -> None:  # fmt: skip
    """Give the agent the country of the person ("his") or the country, people or group
    ("its", "their") meant; a group lends its own code ("Hezbollah said its fighters")."""
    word = doc[i].lower_
    if word in ("its", "their"):
        ante = next(
            (p for p in reversed(out)
             if p.kind in ("country", "capital", "agent", "coref", "group", "igo")
             and not p.persony and sent[p.start] >= sent[i] - WINDOW
             and (_country(p.code, igos) or p.kind in ("group", "igo") or p.group)),
            None,
        )  # fmt: skip
    else:
        ante = _antecedent(people, i, sent, PRONOUNS[word])
    if ante is not None and ante.code and (ante.kind in ("group", "igo") or ante.group):
        # "Hezbollah said its fighters", "Nato said its troops": the group's or IGO's own code,
        # as "Hezbollah fighters" and "Nato troops" have it
        d.code, d.start, d.kind, d.group = ante.code, i, "coref", ante.group or ante.person
        return
    country = _country(ante.code if ante else None, igos)
    if country is not None and d.sector is not None:
        d.code, d.start, d.kind = country + d.sector, i, "coref"


def _antecedent(people: list[Draft], i: int, sent: list[int], gender: str) -> Draft | None:
    """The leftmost compatible person in the pronoun's sentence, else in the nearest earlier one.

    Leftmost approximates "the subject" (Hobbs's search order) without needing a parse:
    "Now that Kim has something Putin wants, he ..." is Kim.
    """
    fits = [p for p in people if p.end <= i and p.gender in (None, gender)]
    for back in range(WINDOW + 1):
        here = [p for p in fits if sent[p.start] == sent[i] - back]
        if here:
            return here[0]
    return None
