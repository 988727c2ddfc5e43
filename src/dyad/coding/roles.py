"""Who did it and to whom: source and target of a trigger, from the parse or by rule.

Both dependency label sets are read: Universal Dependencies (dyad's own pipeline: ``nsubj:pass``,
``obl`` + ``case``, ``nmod:poss``) and ClearNLP (spaCy's English models: ``nsubjpass``, ``prep`` +
``pobj``, ``poss``, ``agent``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from dyad.actors.types import Mention
from dyad.coding.index import (
    OBJ,
    PASS_SUBJ,
    POSS,
    SUBJ,
    TIME_WORDS,
    MentionIndex,
    Roles,
    adjective_actor,
    can_act,
)
from dyad.coding.lexicon import parse_usable
from dyad.coding.phrases import (
    PLACE_KINDS,
    case_of,
    gerund_phrases,
    nationalities,
    obliques,
    owner,
    prep_phrases,
    reduced_relative,
    shared_agent,
    target_of,
    thing_targets,
    unnamed_in_phrase,
    unnamed_place,
    within,
)
from dyad.coding.rules import (
    adjacent_subject,
    clause_rule,
    in_phrase,
    inverted_speaker,
    reverse_roles,
    roles_by_rule,
)
from dyad.coding.types import Trigger

SUBJECT_CONTROL = {"promise", "pledge", "vow", "threaten", "offer", "agree", "refuse"}


def has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def _subject_of(verb: Token, index: MentionIndex | None = None) -> tuple[Token | None, bool]:
    """The subject of a verb (climbing xcomp/conj chains), and whether the clause is passive.

    With ``index``, only an object that can act controls an infinitive: "took steps to enhance
    freedoms" is done by who took the steps.
    """
    tok: Token | None = verb
    raised = False  # reached through an active infinitive: "Obama is scheduled to attend"
    for _ in range(4):
        if tok is None:
            break
        relative = tok.dep_ in {"acl:relcl", "relcl"} and tok.head != tok
        for c in tok.children:
            if c.is_space or c.is_punct or c.lower_ in TIME_WORDS:
                continue  # a paragraph break or "today" the parser hung on the verb is nobody
            if c.dep_ == "expl" and tok.pos_ == "ADJ" and c.lower_ == "it":
                return c, False  # "Syria says it is willing to ...", "it" misread as expletive
            if c.dep_ in SUBJ | PASS_SUBJ:
                if relative and c.lower_ in {"who", "which", "that"}:
                    # "Kim, who ordered ...": Kim
                    return _relative_head(tok), c.dep_ in PASS_SUBJ
                # a passive governor's subject does the infinitive's deed ("Obama is scheduled
                # to attend", "Russia was urged to withdraw")
                return c, c.dep_ in PASS_SUBJ and not raised
        if tok.dep_ == "acl:relcl" or tok.dep_ == "relcl":
            return _relative_head(tok), False  # "Kim, who ordered": the noun it modifies
        if (
            tok.dep_ in {"obj", "dobj", "advcl"}
            and tok.pos_ == "VERB"
            and tok.head != tok
            and not _unmarked_finite(tok)
            and not any(
                c.dep_ == "mark" and c.lower_ != "to" and not _gerund_adjunct(tok, c)
                for c in tok.children
            )
        ):  # "...shunned work to protest": a purpose clause shares its verb's subject, and so
            # does a gerund adjunct ("joined the marchers in demanding", "by firing")
            tok = tok.head  # "Israel denied attacking the convoy": a gerund object's subject
            if tok.lemma_ in REPORTING and tok.i > verb.i:
                # "..., killing eight, officials said": the reporter did not do it; a speech
                # verb hung on the clause it reports hands on to that clause's verb
                if tok.dep_ in {"advcl", "parataxis"} and tok.head.i < verb.i:
                    tok = tok.head
                    continue
                break
            continue
        if tok.dep_ in {"xcomp", "conj"} and tok.head != tok:
            # the controller of an xcomp is its verb's object ("urged Russia to withdraw"),
            # except after subject-control verbs ("promised Kyiv to send"), else its subject
            # ("Russia and China voted ... to impose")
            if tok.dep_ == "xcomp" and tok.head.lemma_ not in SUBJECT_CONTROL:
                obj = next((c for c in tok.head.children if c.dep_ in {"obj", "dobj"}), None)
                if obj is not None and not _passive(tok) and _can_control(obj, index):
                    return obj, False
            if tok.dep_ == "xcomp":
                raised = not _passive(tok)
            tok = tok.head
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and _placeish(tok.head):
            # "bombarded a part of Aleppo overnight, killing eight": the parser hung the
            # participle on the place; it belongs to the clause's verb
            tok = tok.head
            while tok.head != tok and tok.pos_ not in {"VERB", "AUX"}:
                tok = tok.head
            if tok.pos_ in {"VERB", "AUX"}:
                continue
            break
        if (
            tok.dep_ == "acl"
            and tok.tag_ == "VBG"
            and tok.head.lemma_ in MESSAGE_NOUNS
            and tok.head.head.lemma_ in ISSUE_VERBS
            and tok.head.dep_ in OBJ
        ):  # "Amnesty issued a statement urging X": who issued the statement urges
            tok = tok.head.head
            continue
        if _purpose_of_thing(tok):
            # "opened fire to disperse the crowd", "imposed a blockade to starve X": an
            # infinitive on a thing the verb handles is that verb's purpose ("sent troops to
            # fight" keeps the troops)
            tok = tok.head.head
            continue
        if tok.dep_ in {"acl"} and tok.head != tok:
            # "soldiers killed in Ukraine": a past participle's noun is its patient
            # (unless it has an object: then the parser took a finite verb for a participle)
            has_obj = any(c.dep_ in OBJ for c in tok.children)
            return tok.head, tok.tag_ == "VBN" and not has_obj
        break
    if verb.dep_ == "conj":
        return _left_verb_subject(verb)
    return None, False


# acts done to someone: their possessor is who undergoes them ("his arrest", "the envoy's
# expulsion"), unless an "of" phrase names that one ("Israel's release of prisoners")
PATIENT_NOUNS = {
    "arrest", "detention", "capture", "abduction", "kidnapping", "release", "execution",
    "killing", "murder", "assassination", "torture", "expulsion", "deportation", "extradition",
    "imprisonment", "jailing", "conviction", "sentencing", "ouster", "removal", "dismissal",
    "rescue", "evacuation", "eviction", "internment", "beating",
}  # fmt: skip


# coercion and violence (17 coerce, 18 assault, 19 fight, 20 mass violence): a participle of
# these on a noun makes it their patient ("civilians *wounded* in the shelling")
PATIENT_ROOTS = {"17", "18", "19", "20"}


def _patient_possessor(noun: Token) -> bool:
    return noun.lemma_.lower() in PATIENT_NOUNS and not any(
        c.dep_ in {"nmod", "prep"} and (c.lower_ == "of" or case_of(c) == "of")
        for c in noun.children
    )


def _relative_head(clause: Token) -> Token:
    """The noun a relative clause modifies; when the parser hung it on a place that locates
    another noun ("a fire in *Dhaka* that killed 40"), that noun."""
    noun = clause.head
    edge = noun.left_edge
    if edge.lower_ in {"in", "at", "near"} and edge.i > 0 and edge.pos_ == "ADP":
        before = noun.doc[edge.i - 1]
        if before.pos_ in {"NOUN", "PROPN"}:
            return before
    return noun


def _purpose_of_thing(verb: Token) -> bool:
    """An infinitive hung on a verb's object that names no one: "opened fire *to disperse*"."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and any(c.dep_ == "mark" and c.lower_ == "to" for c in verb.children)
        and noun.dep_ in OBJ
        and noun.head.pos_ == "VERB"
        and not can_act(noun)
    )


def _unmarked_finite(verb: Token) -> bool:
    """A finite adverbial clause with no conjunction ("Denmark today accepted ..., officials
    said"): a reported clause the parser hung on the speech verb, whose subject is not its own."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in {"VBD", "VBZ", "VBP"}
        and not any(c.dep_ == "mark" for c in verb.children)
    )


REPORTING = {"say", "tell", "report", "add", "state", "confirm"}
GERUND_MARKS = {"in", "by", "after", "before", "while", "without", "on", "upon", "through"}


def _gerund_adjunct(verb: Token, mark: Token) -> bool:
    """ "in demanding", "by firing": a subjectless gerund whose subject is its clause's."""
    return verb.tag_ == "VBG" and mark.lower_ in GERUND_MARKS


# what an actor issues, whose -ing modifier is the issuer's act ("a report accusing X")
MESSAGE_NOUNS = {
    "statement", "report", "letter", "resolution", "communique", "communiqué", "declaration",
    "message", "note", "document", "speech", "video", "post", "tweet", "editorial", "article",
    "motion", "bill", "decree", "order", "ruling", "verdict", "appeal", "petition", "memo",
    "announcement", "notice", "warning", "ultimatum", "complaint", "lawsuit", "broadcast",
}  # fmt: skip
ISSUE_VERBS = {
    "issue", "release", "publish", "put", "send", "sign", "adopt", "approve", "pass", "deliver",
    "file", "post", "broadcast", "make", "give", "submit", "present", "lodge", "write", "draft",
    "table", "unveil", "circulate", "distribute", "air", "launch", "hand",
}  # fmt: skip
PLACE_NOUNS = {
    "city",
    "town",
    "village",
    "region",
    "area",
    "part",
    "district",
    "province",
    "border",
}


def _placeish(tok: Token) -> bool:
    return tok.ent_type_ in {"GPE", "LOC", "FAC"} or tok.lemma_ in PLACE_NOUNS


def _left_verb_subject(verb: Token) -> tuple[Token | None, bool]:
    """ "forces advancing in the East and bombarding the grid": when the parser hangs a
    coordinated verb on the wrong head, the nearest verb before it with a subject lends it."""
    sent_start = verb.sent.start
    for i in range(verb.i - 1, max(sent_start, verb.i - 15) - 1, -1):
        tok = verb.doc[i]
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        for c in tok.children:
            if c.dep_ in SUBJ and not (c.is_space or c.is_punct):
                return c, False
        return None, False
    return None, False


def _is_complement(verb: Token) -> bool:
    """An infinitival complement: "ordered X *to be blown up*", "forced Y *to retreat*"."""
    if verb.head == verb:
        return False
    if verb.dep_ == "xcomp":
        return True
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "to" for c in verb.children
    )


def _passive(verb: Token) -> bool:
    if any(c.dep_ in {"aux:pass", "auxpass"} for c in verb.children):
        return True
    return verb.tag_ == "VBN" and any(
        c.lemma_ == "be" and c.dep_ in {"aux", "aux:pass", "auxpass"} for c in verb.children
    )


def _can_control(obj: Token, index: MentionIndex | None) -> bool:
    """Whether a verb's object may be who does its infinitive ("urged Russia to withdraw")."""
    if index is None or obj.pos_ in {"PRON", "PROPN"} or can_act(obj):
        return True
    return bool(index.of_token(obj))


def _controls_deed(verb: Token, trig: Trigger) -> bool:
    """A passive-looking verb whose active infinitive is part of the trigger ("was prepared to
    impose", "is determined to strike"): its subject does the deed the trigger names."""
    return not trig.noun and any(
        c.dep_ == "xcomp" and c.i in trig.tokens and not _passive(c) for c in verb.children
    )


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger hangs from: "signed a treaty", "travelled ... for a state visit"."""
    tok = noun
    for _ in range(3):
        head = tok.head
        if head == tok:
            return None
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if tok.dep_ in {"pobj"} and head.dep_ == "prep":
            tok = head
            continue
        tok = head
    return None


def roles_from_parse(sent: Span, trig: Trigger, index: MentionIndex) -> Roles:
    doc = sent.doc
    head = doc[trig.head]
    sources: list[Mention] = []
    targets: list[Mention] = []
    verb = head
    if trig.noun:
        # "Russia's attack on Ukraine": the possessor is the source
        for c in head.children:
            if c.dep_ in POSS and _patient_possessor(head):
                targets = index.of_token(c, 0)  # "following *his* arrest": he was arrested
            elif c.dep_ in POSS or (c.dep_ == "compound" and c.i in index.at):
                sources = index.of_token(c, 0)
        if not sources:
            # "Russian attacks on Ukraine", "Israeli air raids": a nationality adjective
            sources = [
                m
                for c in head.children
                if c.dep_ in {"amod", "compound"}
                for m in adjective_actor(c)
            ]
        gv = _governing_verb(head)
        verb = gv if gv is not None else head
    passive = _passive(verb) if not trig.noun else False
    if not sources:
        subj, is_pass = _subject_of(verb, index)
        # trust a passive subject label only with a passive auxiliary: parsers mislabel
        # "Boko Haram suicide bombers have killed ..." as nsubj:pass
        reduced = verb.dep_ == "acl" and is_pass  # "10 Russian soldiers killed in Ukraine"
        # a participle of force names its noun's fate ("civilians *wounded* in the shelling");
        # one on a sentence's root noun is the finite verb misread ("ministers agreed")
        patient = (
            reduced
            and trig.code[:2] in PATIENT_ROOTS
            and subj is not None
            and subj == verb.head
            and subj.dep_ != "ROOT"
        )
        passive = (
            passive or reduced or (is_pass and _passive(subj.head if subj is not None else verb))
        )
        if passive and subj is not None and _controls_deed(verb, trig):
            passive = False  # "he was prepared to impose martial law": he would impose it
        if subj is not None:
            if passive and not trig.noun:
                agent = next((n for p, n in obliques(verb) if p == "by"), None)
                if agent is not None:
                    sources = index.of_token(agent)
                    targets = index.of_token(subj) if trig.object_target else []
                elif _is_complement(verb):
                    # "ordered the links to be blown up": the orderer did it, to the links
                    ctrl, _ = _subject_of(verb.head)
                    sources = index.of_token(ctrl) if ctrl is not None else []
                    own_subject = subj.head == verb
                    patients = (
                        [subj] if own_subject else [c for c in verb.head.children if c.dep_ in OBJ]
                    )
                    for p in patients if trig.object_target else []:
                        targets = targets or index.of_token(p)
                elif _passive(verb) and thing_targets(subj, trig, index):
                    # "EU sanctions against Russia were lifted": the thing's own phrase names
                    # whom it was aimed at, its owner who acted
                    targets = thing_targets(subj, trig, index)
                    sources = owner(subj, index)
                elif trig.object_target and (
                    _passive(verb)
                    or (verb.dep_ == "conj" and verb.tag_ == "VBN" and _passive(verb.head))
                    or patient
                ):
                    # "Kyiv was shelled overnight", "was tortured and killed": the patient, with
                    # no agent named (not for a bare participle, which may be a finite verb the
                    # parser misread: "ministers agreed ..."); a reduced relative's noun is its
                    # patient too ("10 soldiers *killed* in Ukraine", "civilians *wounded*")
                    targets = index.of_token(subj)
                    if not targets and patient:
                        targets = index.noun_phrase(subj)
            elif passive:
                # a noun trigger's light verb in the passive: its subject is the patient
                targets = index.of_token(subj) if trig.object_target else []
            else:
                sources = (
                    shared_agent(index, subj)
                    or index.of_token(subj)
                    or nationalities(index, subj)
                    or index.noun_phrase(subj)
                )
                # "The US, Russia, and Switzerland met": a coordination the parser split into
                # several subjects
                for other in subj.head.children if subj.dep_ in SUBJ else ():
                    if other != subj and other.dep_ in SUBJ:
                        sources += [m for m in index.of_token(other) if m not in sources]
        elif passive:
            agent = next((n for p, n in obliques(verb) if p == "by"), None)
            if agent is not None:
                sources = index.of_token(agent)
            elif _is_complement(verb):
                # "Kim ordered the links to South Korea to be blown up" (no passive subject parsed)
                ctrl, _ = _subject_of(verb.head)
                sources = index.of_token(ctrl) if ctrl is not None else []
                for obj in (c for c in verb.head.children if c.dep_ in OBJ):
                    if trig.object_target and not targets:
                        targets = index.of_token(obj)
    if not targets:
        th = doc[trig.target_head] if trig.target_head is not None else head
        if th != head and th.i not in trig.tokens and "to" in trig.target_preps:
            # "sent troops *to Mali* to help fight militants": a named destination outranks
            # the purpose clause, whose object may be the enemy rather than the one helped
            targets = _destination([th.head, head, verb], index)
    if not targets:
        targets = _targets(th, verb if th == head else th, trig, index, passive)
        if not targets and th != head:
            targets = _targets(head, verb, trig, index, passive)
        if (
            not targets
            and th != head
            and th.i not in trig.tokens
            and not (trig.target_preps or trig.object_target)
        ):
            # a purpose clause the pattern points to ("blocked roads to demand X's resignation"):
            # read like a complement, whatever the pattern's own target spec
            targets = _clause_targets(th, index, PURPOSE_PREPS)
    if not targets and trig.object_target and not passive:
        first_obj = None if trig.noun else next((c for c in verb.children if c.dep_ in OBJ), None)
        targets = index.noun_phrase(first_obj) if sources else []
    if not targets and sources and trig.target_preps:
        # "sent aid to *Gaza*": a name no dictionary knows in the target's phrase is still
        # somebody; the attributes stage turns a known place into its country
        th = doc[trig.target_head] if trig.target_head is not None else head
        targets = unnamed_in_phrase([th, head, verb], trig, index)
    if not targets and sources and not passive and (trig.object_target or trig.target_preps):
        # "pounded the enclave *of eastern Ghouta*", "captured the mosque *in Mosul*": a thing
        # hit stands for the place it is in, even one only the gazetteer knows
        th = doc[trig.target_head] if trig.target_head is not None else head
        targets = unnamed_place([th, head, verb], trig, index)
    sources = [m for m in sources if m not in targets] or sources
    method = "parse+place" if any(m.kind == "place" for m in targets) else "parse"
    return Roles(tuple(sources), tuple(targets), method)


def _shared_verbs(verb: Token) -> list[Token]:
    """Verbs that share ``verb``'s object: "donated and delivered goods to X" (``verb`` has no
    object of its own, its conjunct has and no subject of its own)."""
    if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ in OBJ for c in verb.children):
        return []
    doc = verb.doc
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and not any(g.dep_ in SUBJ | PASS_SUBJ for g in c.children)
        # only "V1 and V2 X": nothing of V1's own between them ("kidnapped up to 16 advisers
        # and exploded bombs" are two events)
        and all(t.dep_ in {"cc", "advmod", "punct"} for t in doc[verb.i + 1 : c.i])
    ]


# a "from" phrase names where the object came from: the party an acceptance, refusal or
# seizure is about ("rejected an offer from X", "seized weapons from X"); for force and
# violence it is the launch site ("fired rockets from Gaza"), not the one hit
FROM_BLOCKED_ROOTS = {"15", "18", "19", "20"}


def _targets(
    head: Token, verb: Token, trig: Trigger, index: MentionIndex, passive: bool
) -> list[Mention]:
    found: list[Mention] = []
    carriers = [head] if head == verb else [head, verb]
    if head.dep_ == "amod" and head.head != head:
        carriers.append(head.head)  # "has imposed sanctions against Russia" read as an adjective
    carriers += _shared_verbs(head)
    critic = trig.code[:2] in CRITIC_ROOTS
    for carrier in carriers:
        for prep, noun in [*prep_phrases(carrier), *gerund_phrases(carrier)]:
            last_word = prep.split()[-1:]  # "" and whitespace-only cases have no word
            # "accepted the demands *by* protesters" names their author as "from" does
            authored = prep == "by" and "from" in trig.target_preps and noun.head != carrier
            if authored or (
                last_word and (prep in trig.target_preps or last_word[0] in trig.target_preps)
            ):
                if critic:
                    # "demonstrated against violations *by the army*" (the "by" phrase may
                    # hang on the verb)
                    found = _deed_author(index, noun) or _object_agent(carrier, noun, index)
                found = found or target_of(index, noun)
                if found and critic and prep == "to":
                    # "complained to the UN over Israeli air raids": the addressee only hears
                    # the complaint; the one it is about is its target
                    found = _grievance(carriers, index) or found
                if found:
                    return found
    if trig.noun and verb != head:
        # "Syrian rebels engaged Filipino peacekeepers in a firefight": the light verb's object
        for c in verb.children:
            if c.dep_ in OBJ and c != head and head not in c.subtree:
                found = index.of_token(c)
                if found:
                    return found
    if trig.object_target and not passive:
        for carrier in carriers:
            for c in carrier.children:
                if c.dep_ in OBJ or (c.dep_ == "obl" and case_of(c) in {"than", "more than"}):
                    # "arrested more than 100 Palestinians" is often parsed as an oblique
                    found = (critic and _deed_author(index, c)) or target_of(index, c)
                    own = found and all(m.kind == "coref" for m in found)
                    if own and trig.code[:2] not in FROM_BLOCKED_ROOTS:
                        # "withdrew *its* troops from Lebanon": the subject's own forces; the
                        # place they leave names the other side
                        found = _origin(carriers, index) or found
                    if found:
                        return found
                    # "supplying shells to Russia": the object's own "to" phrase
                    for prep, noun in obliques(c):
                        if prep in trig.target_preps:
                            found = index.of_token(noun)
                            if found:
                                return found
                    found = _object_agent(carrier, c, index)
                    if found:
                        return found
                    if c.i in trig.tokens and not critic and not can_act(c):
                        # (a critic's object is a deed, aimed at its author, not its scene)
                        found = _attitude_target(carrier, c, index)
                        if found:
                            return found
        if critic:
            found = _shifted_object(carriers, index)
            if found:
                return found
        if head.dep_ == "amod" and head.head.i > head.i and not trig.noun:
            # "bluntly rejected X's suggestion" with the verb read as an adjective of its object
            found = target_of(index, head.head)
            if found:
                return found
        if head.dep_ == "xcomp":
            # "ordered the links to be blown up" / "forced Ukraine to retreat"
            for c in head.head.children:
                if c.dep_ in OBJ:
                    found = index.of_token(c)
                    if found:
                        return found
        if trig.code[:2] not in FROM_BLOCKED_ROOTS:
            found = _origin(carriers, index)
            if found:
                return found
    if found or not (trig.object_target or trig.target_preps):
        return found  # "target: none" patterns (bare statements) take no target at all
    if not trig.noun and not trig.object_target:
        found = _action_agent(head, trig, index)
        if found:
            return found
    return _complement_target(head, index, trig.reciprocal)


# verbal conflict and demands (10 demand, 11 disapprove, 12 reject, 13 threaten, 14 protest,
# 16 reduce relations): aimed at whoever did the deed their object names ("condemned the
# killing of its diplomats *by militants*"), not at the deed's victims
CRITIC_ROOTS = {"10", "11", "12", "13", "14", "16"}
GRIEVANCE_PREPS = {"over", "about"}


def _deed_author(index: MentionIndex, deed: Token, owner: bool = False) -> list[Mention]:
    """The agent of a deed noun: "the arrest of students *by police*", "abuses committed *by
    soldiers*" (a "by" phrase of the noun or of a participle modifying it); with ``owner``, also
    its possessor or nationality ("*Israel's* shelling", "*Israeli* air raids")."""
    if deed.pos_ != "NOUN":
        return []
    holders = [deed, *(c for c in deed.children if reduced_relative(c))]
    for holder in holders:
        for prep, noun in obliques(holder):
            if prep == "by" and not any(c.dep_ == "nummod" for c in noun.children):
                found = index.of_token(noun, 1) or nationalities(index, noun)
                if found:
                    return found
    if not owner:
        return []
    for c in deed.children:
        if c.pos_ != "PRON" and (
            c.dep_ in POSS or (c.dep_ in {"amod", "compound"} and c.i < deed.i)
        ):
            found = index.of_token(c, 0) or adjective_actor(c)
            if found:
                return found
    return []


def _shifted_object(carriers: Sequence[Token], index: MentionIndex) -> list[Mention]:
    """ "denounced as a crime *Serbia's* crackdown": an object moved after its "as" phrase,
    which the parser merged into one; the possessor inside the phrase owns the deed."""
    for carrier in carriers:
        if carrier.pos_ != "VERB" or any(c.dep_ in OBJ for c in carrier.children):
            continue
        for prep, noun in obliques(carrier):
            if prep != "as":
                continue
            for c in noun.children:
                words = noun.doc[noun.left_edge.i + 1 : c.left_edge.i]
                if c.dep_ in POSS and c.pos_ != "PRON" and any(w.pos_ == "NOUN" for w in words):
                    found = index.of_token(c, 0)
                    if found:
                        return found
    return []


def _grievance(carriers: Sequence[Token], index: MentionIndex) -> list[Mention]:
    """Whom a complaint is about: the author of the deed in its "over"/"about" phrase ("over
    two *Israeli* air raids", "about *Turkey's* dam")."""
    for carrier in carriers:
        for prep, noun in prep_phrases(carrier):
            if prep in GRIEVANCE_PREPS:
                found = _deed_author(index, noun, owner=True)
                if found:
                    return found
    return []


# what a stance noun is about: "concern *about* X", "anger *at* X", "confidence *in* X"
ABOUT_PREPS = {
    "about", "over", "regarding", "concerning", "at", "on", "towards", "toward", "with", "of",
    "in", "for",
}  # fmt: skip


def _attitude_target(verb: Token, obj: Token, index: MentionIndex) -> list[Mention]:
    """Whom a stance the pattern names is about, when that object names no one: the actor in
    its "about" phrase ("expressed pessimism *about the Iranian talks*", "optimism *at the
    prospect of a deal with Russia*") or the subject of the clause it introduces ("voiced
    hope *the Somali government* will restore order", "surprise that *Israel* had closed")."""
    doc = obj.doc
    for c in (*obj.children, *verb.children):
        if c.i < obj.i or c.pos_ not in {"VERB", "AUX"}:
            continue
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        has_subject = any(g.dep_ in SUBJ | PASS_SUBJ for g in c.children)
        if has_subject and (
            "that" in marks or (not marks and c.dep_ in {"ccomp", "parataxis", "acl"})
        ):
            found = _clause_subject(c, index)
            if found:
                return found
    for prep, noun in [*obliques(obj), *obliques(verb)]:
        if prep not in ABOUT_PREPS or noun.i < obj.i:
            continue
        found = target_of(index, noun) or _deed_author(index, noun, owner=True)
        if not found:
            # the actor somewhere inside the phrase ("about the reforms taken by X")
            inner = doc[noun.left_edge.i : noun.right_edge.i + 1]
            found = [m for m in index.in_span(inner) if m.kind != "coref"][:1]
        if prep == "in":
            found = [m for m in found if m.kind not in PLACE_KINDS]  # "concern *in Geneva*"
        if found:
            return found
    return []


def _object_agent(verb: Token, obj: Token, index: MentionIndex) -> list[Mention]:
    """ "investigating war crimes *by militias*" with the "by" phrase hung on the verb: in an
    active clause the verb's agent is its subject, so the phrase is its object's agent."""
    if verb.pos_ not in {"VERB", "AUX"} or _passive(verb):
        return []
    for prep, noun in obliques(verb):
        if prep == "by" and noun.i > obj.i and not any(c.dep_ == "nummod" for c in noun.children):
            found = index.of_token(noun, 1)
            if found:
                return found
    return []


def _origin(carriers: Sequence[Token], index: MentionIndex) -> list[Mention]:
    """The actor a thing came from, when the object names no actor: "received a mission of
    observers *from the OSCE*", "dismissed an appeal *from President X*"."""
    for carrier in carriers:
        objects = [c for c in carrier.children if c.dep_ in OBJ]
        if carrier.pos_ in {"NOUN", "PROPN"}:
            objects.append(carrier)  # "confiscated weapons from X" with the verb read as amod
        if not objects:
            continue
        for holder in (*objects, carrier):
            for prep, noun in obliques(holder):
                if prep == "from":
                    # a name no dictionary knows is still somebody ("an offer from Afganistan")
                    found = target_of(index, noun) or (
                        index.noun_phrase(noun) if noun.pos_ == "PROPN" else []
                    )
                    if found:
                        return found
    return []


def _destination(carriers: Sequence[Token], index: MentionIndex) -> list[Mention]:
    """The actor a verb's own "to" phrase names: "sent troops *to Mali*"."""
    for carrier in carriers:
        for prep, noun in obliques(carrier):
            if prep == "to" and noun.pos_ in {"PROPN", "NOUN"}:
                found = target_of(index, noun)
                if found:
                    return found
    return []


def _action_agent(head: Token, trig: Trigger, index: MentionIndex) -> list[Mention]:
    """The one who is to perform the action the pattern's object names: "demanded the
    withdrawal *of Serbian forces*", "demanded *Russia's* withdrawal"."""
    named = set(trig.tokens)
    for obj in (c for c in head.children if c.dep_ in OBJ and c.i in named):
        for c in obj.children:
            if c.pos_ == "PRON":
                continue  # "upgraded *their* ties": the subject's own, not a counterpart
            if c.dep_ in POSS or (c.dep_ == "nmod" and case_of(c) == "of"):
                found = index.of_token(c, 1)
                if found:
                    return found
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    found = index.of_token(p, 1) if p.dep_ == "pobj" else []
                    if found:
                        return found
    return []


COMPLEMENT_PREPS = {"to", "against", "on", "at", "with", "into"}
# "blocked roads to demand reforms *from the government*": whom a protest presses
PURPOSE_PREPS = COMPLEMENT_PREPS | {"from"}


def _complement_target(head: Token, index: MentionIndex, reciprocal: bool) -> list[Mention]:
    """The target inside a complement clause: "demanded that *North Korea* forsake ...",
    "threatened to cut off electricity *to Nakhichevan*", "urged *Iraq* to comply"."""
    for c in head.children:
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ == "ccomp" or (c.dep_ == "advcl" and "that" in marks):
            # "demanded Friday that X match ...": a "that" clause the parser took as adverbial
            found = _clause_subject(c, index)
            if found:
                return found
        if c.dep_ == "xcomp" or (c.dep_ == "advcl" and "to" in marks and not reciprocal):
            # an infinitive the parser hung as adverbial is a complement ("threatened today to
            # impose ...") or a purpose, whose object is what the act is aimed at ("imposed a
            # blockade to starve X"); not the partner of a meeting ("met to discuss efforts
            # to counter X")
            found = _clause_targets(c, index)
            if found:
                return found
    for c in (c for c in head.children if c.dep_ in OBJ):
        # "opened fire *to disperse demonstrators*", "accepted an invitation *to meet with
        # X*": an infinitive on an object that names no one says whom the act is aimed at
        for p in (p for p in c.children if _purpose_of_thing(p)):
            found = _clause_targets(p, index)
            if found:
                return found
        # "earmarked $2 million in emergency aid *to help Nepal*": the purpose of what the
        # object is made of
        for n in (n for n in c.children if n.dep_ in {"nmod", "obl"} and not can_act(n)):
            for p in n.children:
                if p.dep_ == "acl" and any(
                    m.dep_ == "mark" and m.lower_ == "to" for m in p.children
                ):
                    found = _clause_targets(p, index)
                    if found:
                        return found
    return []


def _clause_targets(
    verb: Token, index: MentionIndex, preps: frozenset[str] | set[str] = COMPLEMENT_PREPS
) -> list[Mention]:
    """The target inside an infinitive: its object's actor or the actor of one of its phrases;
    not the subject's own ("to press *their* demands" is no act on themselves)."""
    for o in verb.children:
        if o.dep_ in OBJ:
            found = within(target_of(index, o), o)
            if found:
                return found
    for prep, noun in prep_phrases(verb):
        if prep in preps:
            found = within(target_of(index, noun), noun)
            if found:
                return found
    if verb.lemma_ in HELPING_VERBS:
        # "sent material to help *defend Saudi Arabia*": the aid is for whom the help is for
        for c in verb.children:
            if c.dep_ == "xcomp" and not any(g.dep_ in SUBJ for g in c.children):
                return _clause_targets(c, index, preps)
    return []


HELPING_VERBS = {"help", "assist", "try", "seek", "attempt", "work", "aim", "strive"}


def _clause_subject(clause: Token, index: MentionIndex) -> list[Mention]:
    """The subject of a complement clause; with none parsed, the actor standing between the
    complementizer and the verb ("demanded that Hamas renounce", Hamas read as a compound)."""
    subj = next((s for s in clause.children if s.dep_ in SUBJ | PASS_SUBJ), None)
    if subj is not None:
        return index.of_token(subj)
    for c in clause.lefts:
        if (
            c.dep_ in {"compound", "dep", "obj", "nmod"}
            and c.pos_ in {"PROPN", "NOUN"}
            and not any(g.dep_ == "case" for g in c.children)
        ):
            found = index.of_token(c)
            if found:
                return found
    return []


def find_roles(sent: Span, trig: Trigger, index: MentionIndex, parsed: bool | None = None) -> Roles:
    """Source and target mentions of a trigger: from the parse when there is one and it can be
    trusted (``parsed``, else judged here with :func:`dyad.coding.lexicon.parse_usable`)."""
    speaker = inverted_speaker(sent, trig, index)
    if parsed is None:
        parsed = has_parse(sent.doc) and parse_usable(sent)
    if parsed:
        roles = roles_from_parse(sent, trig, index)
        if not trig.noun and all(m.kind == "np" for m in roles.sources):
            # parsers stumble on datelines and long openings; an actor standing right before
            # the verb ("Iran launched", "Iran has already launched") is its subject
            near = adjacent_subject(sent, trig, index)
            if near is not None and near not in roles.targets:
                roles = Roles((near,), roles.targets, roles.method + "+adjacent")
        if not roles.sources and not trig.noun:
            rule = clause_rule(sent, trig, index)
            if rule is not None and not roles.targets:
                roles = rule
            elif rule is not None:
                # "The Security Council on Wednesday lifted sanctions imposed on Eritrea": the
                # parse found whom, not who; the clause reading lends its subject
                taken = {m.actor.code for m in roles.targets}
                lent = tuple(
                    m
                    for m in rule.sources
                    if m.actor.code not in taken and m.kind != "np" and not in_phrase(m, index)
                )
                if lent:
                    roles = Roles(lent, roles.targets, roles.method + "+clause-rule")
    else:
        roles = roles_by_rule(sent, trig, index)
    if speaker is not None and speaker not in roles.sources:
        targets = tuple(m for m in roles.targets if m is not speaker)
        roles = Roles((speaker,), targets, roles.method + "+inversion")
    if "reverse" in trig.flags:
        roles = reverse_roles(roles)
    return roles
