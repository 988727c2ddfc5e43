"""Sentences whose trigger fires must still yield their event: roles on hand-built UD parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyad.actors.types import Mention
from dyad.coding.roles import MentionIndex, find_roles
from dyad.coding.types import Trigger
from dyad.model import Actor

NLP = spacy.blank("en")


def _mention(doc: Doc, start: int, end: int, code: str) -> Mention:
    span = doc[start:end]
    actor = Actor(span.text, span.start_char, span.end_char, code, code[:3])
    return Mention(start, end, span.root.i, actor, "country")


def test_roles_passive_looking_verb_with_infinitive_keeps_its_subject_as_source() -> None:
    """'Chile was prepared to impose martial law': Chile imposes it, it is not the patient."""
    words = ["Chile", "was", "prepared", "to", "impose", "martial", "law", "."]
    doc = Doc(
        NLP.vocab,
        words=words,
        heads=[2, 2, 2, 4, 2, 6, 4, 2],
        deps=["nsubj:pass", "aux:pass", "ROOT", "mark", "xcomp", "amod", "obj", "punct"],
        pos=["PROPN", "AUX", "VERB", "PART", "VERB", "ADJ", "NOUN", "PUNCT"],
        lemmas=["Chile", "be", "prepare", "to", "impose", "martial", "law", "."],
    )
    doc[2].tag_ = "VBN"
    doc[4].tag_ = "VB"
    idx = MentionIndex(doc, [_mention(doc, 0, 1, "CHL")])
    trig = Trigger("1324", 2, (2, 4, 5, 6), "t:1", target_preps=("on",), target_head=4)
    roles = find_roles(doc[0:8], trig, idx)
    assert [m.actor.code for m in roles.sources] == ["CHL"]
    assert roles.targets == ()


def test_coder_unlisted_name_makes_a_statement_somebodys() -> None:
    """'Minister Jorge Ostrand denied it': a name no dictionary lists still makes a statement."""
    from dyad.coding.coder import _anonymous

    words = ["Minister", "Jorge", "Ostrand", "and", "residents", "denied", "it", "."]
    doc = Doc(
        NLP.vocab,
        words=words,
        heads=[1, 5, 1, 4, 1, 5, 5, 5],
        deps=["nmod:desc", "nsubj", "flat", "cc", "conj", "ROOT", "obj", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "CCONJ", "NOUN", "VERB", "PRON", "PUNCT"],
    )
    name = Mention(1, 3, 1, Actor("Jorge Ostrand", 9, 22, "---"), "np")
    residents = Mention(4, 5, 4, Actor("residents", 27, 36, "---"), "np")
    assert not _anonymous(doc, name)
    assert _anonymous(doc, residents)
    assert _anonymous(doc, None)


def test_factuality_conjunct_of_a_mood_verb_is_not_governed_by_it() -> None:
    """'Oslo called Rome and urged it to wait': the urging is asserted, 'call' governs no conjunct."""
    from dyad.coding.factuality import read_parse

    words = ["Oslo", "called", "Rome", "and", "urged", "it", "to", "wait", "."]
    doc = Doc(
        NLP.vocab,
        words=words,
        heads=[1, 1, 1, 4, 1, 4, 7, 4, 1],
        deps=["nsubj", "ROOT", "obj", "cc", "conj", "obj", "mark", "xcomp", "punct"],
        pos=["PROPN", "VERB", "PROPN", "CCONJ", "VERB", "PRON", "PART", "VERB", "PUNCT"],
        lemmas=["Oslo", "call", "Rome", "and", "urge", "it", "to", "wait", "."],
    )
    assert read_parse(doc[4]).factuality == "asserted"
    assert read_parse(doc[7]).factuality == "hypothetical"  # the waiting is only urged


def test_roles_object_that_cannot_act_does_not_control_the_infinitive() -> None:
    """'Chile took steps to ease curbs on Peru': Chile eases them, not the steps."""
    words = ["Chile", "took", "steps", "to", "ease", "curbs", "on", "Peru", "."]
    doc = Doc(
        NLP.vocab,
        words=words,
        heads=[1, 1, 1, 4, 1, 4, 7, 5, 1],
        deps=["nsubj", "ROOT", "obj", "mark", "xcomp", "obj", "case", "nmod", "punct"],
        pos=["PROPN", "VERB", "NOUN", "PART", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        lemmas=["Chile", "take", "step", "to", "ease", "curb", "on", "Peru", "."],
    )
    idx = MentionIndex(doc, [_mention(doc, 0, 1, "CHL"), _mention(doc, 7, 8, "PER")])
    roles = find_roles(doc[0:9], Trigger("081", 4, (4, 5), "t:1"), idx)
    assert [m.actor.code for m in roles.sources] == ["CHL"]


def test_index_acronym_tagged_as_noun_can_act() -> None:
    """'The WFTU said ...': an initialism the tagger took for a common noun is still a name."""
    from dyad.coding.index import can_act

    words = ["The", "WFTU", "said", "the", "talks", "failed", "."]
    doc = Doc(
        NLP.vocab,
        words=words,
        heads=[1, 2, 2, 4, 5, 2, 2],
        deps=["det", "nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"],
        pos=["DET", "NOUN", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
    )
    assert can_act(doc[1])
    assert not can_act(doc[4])


def test_coder_title_case_dateline_is_no_actor() -> None:
    """'Cape Town - The army said ...' opens with a dateline; 'Asia-Pacific' holds no dash."""
    from dyad.coding.coder import _title_dateline

    doc = Doc(NLP.vocab, words=["Cape", "Town", "-", "The", "army", "said", "so", "."])
    assert _title_dateline(doc[:]) == 2
    words = ["The", "Asia", "-", "Pacific", "forum", "agreed", "."]
    spaces = [True, False, False, True, True, False, False]
    assert _title_dateline(Doc(NLP.vocab, words=words, spaces=spaces)[:]) == 0
    two = ["Hamas", "-", "the", "Islamist", "group", "-", "said", "so", "."]
    assert _title_dateline(Doc(NLP.vocab, words=two)[:]) == 0
